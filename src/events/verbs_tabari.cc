// ReadTabariVerbs: a user's TABARI .verbs file (docs/formats/user-dictionaries.md).
//
//   <SYNSETS>                          &NAME, then +phrase lines
//   <TIME> ... </TIME>                 time-shift words: skipped
//   ACT_ [100]                         a verb at the left margin, its code
//   { ACTING_ ACTED_ }                 irregular forms, on the next line
//   - SAID WOULD * NOW  [101]          a pattern, `*` the verb
//   ~~FINISH                           the end of the dictionary
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/tsv.h"
#include "events/verb_syntax.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

namespace vs = verb_syntax;

constexpr vs::Dialect kTabari = vs::Dialect::kTabari;

using vs::EntryLine;

bool IsSectionName(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

// Applies a `<SECTION>` or `</SECTION>` line to `section` (the open one).
Status ReadSectionTag(const vs::LineRef& where, std::string_view text, std::string& section) {
  const size_t close = text.find('>');
  if (close == text.npos) return where.Error("unclosed '<' in section");
  if (close + 1 != text.size()) {
    return where.Error("unexpected text after " + std::string(text.substr(0, close + 1)));
  }
  std::string_view tag = text.substr(1, close - 1);
  const bool closing = tag.starts_with('/');
  if (closing) tag.remove_prefix(1);
  if (!IsSectionName(tag)) return where.Error("bad section " + std::string(text));
  if (closing && tag != section) {
    return where.Error(std::string(text) + " without <" + std::string(tag) + ">");
  }
  if (!closing && !section.empty()) {
    return where.Error(std::string(text) + " inside <" + section + ">");
  }
  section = closing ? "" : std::string(tag);
  return Status::Ok();
}

// The lines that hold entries, trimmed, without their ';' comments. Out:
// blank lines, '#' lines (TABARI's files comment entries out so), the
// section tags, the lines of every section but <SYNSETS> (<TIME> lists
// time-shift words, which we do not apply) and all from a "~~" line on.
Result<std::vector<EntryLine>> EntryLines(std::string_view file, std::string_view contents) {
  std::vector<EntryLine> lines;
  std::string section;
  int section_line = 0;
  for (const TextLine& line : SplitLines(contents)) {
    const vs::LineRef where{file, line.number};
    std::string_view text = vs::Trim(line.text);
    if (text.starts_with("~~")) break;
    text = vs::Trim(text.substr(0, text.find(';')));
    if (text.empty() || text.starts_with('#')) continue;
    if (text.starts_with('<')) {
      SL_RETURN_IF_ERROR(ReadSectionTag(where, text, section));
      section_line = line.number;
    } else if (section.empty() || section == "SYNSETS") {
      lines.push_back({where, text});
    }
  }
  if (!section.empty()) {
    return vs::LineRef{file, section_line}.Error("<" + section + "> without </" + section + ">");
  }
  return lines;
}

// TABARI's regular endings of a verb written with a trailing '_': -S, -ES,
// -ED, -EN and -ING, the final 'e' dropped before a vowel ("DEPLORE_":
// deplores, deplored, deploren, deploring). No doubling: TABARI adds the
// endings as they are, and files list "BANNED" as a verb of its own.
std::vector<std::string> TabariEndings(std::string_view written) {
  std::string base(written);
  for (char& c : base) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::string root = base.ends_with('e') ? base.substr(0, base.size() - 1) : base;
  std::vector<std::string> forms{base + "s"};
  for (const char* ending : {"es", "ed", "en", "ing"}) {
    std::string form = root + ending;
    if (form != forms.front()) forms.push_back(std::move(form));
  }
  return forms;
}

// One verb form: dictionary words joined by '_', no other syntax.
Result<std::vector<Word>> FormWords(const vs::LineRef& where, std::string_view written,
                                    std::vector<Element>* tail = nullptr) {
  vs::Synsets none;
  SL_ASSIGN_OR_RETURN(std::vector<Element> elements,
                      vs::ParsePhrase(where, written, kTabari, none, /*verb_allowed=*/false));
  std::vector<Word> words;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].kind != Element::Kind::kWord) {
      return where.Error("a verb form holds words only: " + vs::Quoted(written));
    }
    if (i > 0 && !elements[i].adjacent) {
      if (tail == nullptr) return where.Error("blank inside a verb form " + vs::Quoted(written));
      tail->assign(elements.begin() + i, elements.end());
      break;
    }
    words.push_back(std::move(elements[i].word));
  }
  if (words.empty()) return where.Error("verb form without words: " + vs::Quoted(written));
  return words;
}

// The verb being read, stored when the next starts.
struct OpenVerb {
  Verb verb;
  vs::Code code;
  // The words after a blank in the verb ("BURN DOWN"): TABARI lets other
  // words stand between, so they are a pattern after the first words.
  std::vector<Element> tail;
  std::vector<Pattern> discards;  // patterns coded [###]
  bool has_patterns = false;
};

class TabariReader {
 public:
  explicit TabariReader(const std::vector<EntryLine>& lines)
      : synsets_{vs::IndexSynsets(lines, out_)} {}

  Status Read(const EntryLine& line) {
    if (!line.text.starts_with('+')) synset_open_ = false;
    switch (line.text.front()) {
      case '&':
        return DefineSynset(line);
      case '+':
        return AddSynsetPhrase(line);
      case '-':
        return AddPattern(line);
      case '{':
        return AddForms(line.where, line.text);
      default:
        return StartVerb(line);
    }
  }

  Result<VerbDictionary> Finish() {
    SL_RETURN_IF_ERROR(FinishVerb());
    SL_RETURN_IF_ERROR(vs::CheckSynsetCycles(out_));
    return std::move(out_);
  }

 private:
  Status DefineSynset(const EntryLine& line) {
    const auto it = synsets_.index.find(vs::SynsetName(line.text));
    if (it == synsets_.index.end())
      return line.where.Error("bad synset name " + vs::Quoted(line.text));
    Synset& synset = out_.synsets[it->second];
    if (!synset.source.empty()) {
      return line.where.Error("synset " + synset.name + " is defined twice (first at " +
                              synset.source + ")");
    }
    synset.source = line.where.Source();
    current_synset_ = it->second;
    synset_open_ = true;
    return Status::Ok();
  }

  Status AddSynsetPhrase(const EntryLine& line) {
    if (!synset_open_) return line.where.Error("'+' phrase outside a synset");
    SL_ASSIGN_OR_RETURN(std::vector<Element> phrase,
                        vs::ParsePhrase(line.where, line.text.substr(1), kTabari, synsets_,
                                        /*verb_allowed=*/false));
    if (phrase.empty()) return line.where.Error("empty synset phrase");
    out_.synsets[current_synset_].phrases.push_back(std::move(phrase));
    return Status::Ok();
  }

  Status StartVerb(const EntryLine& line) {
    SL_RETURN_IF_ERROR(FinishVerb());
    std::string_view head;
    std::string_view rest;
    vs::Code code;
    SL_RETURN_IF_ERROR(vs::SplitCode(line.where, line.text, head, code, rest));
    if (!rest.empty())
      return line.where.Error("unexpected text after the code: " + vs::Quoted(rest));
    const size_t brace = head.find('{');
    const std::string_view written = vs::Trim(head.substr(0, brace));
    OpenVerb& open = open_.emplace();
    open.code = std::move(code);
    open.verb.source = line.where.Source();
    SL_ASSIGN_OR_RETURN(std::vector<Word> form, FormWords(line.where, written, &open.tail));
    open.verb.forms.push_back(std::move(form));
    SL_RETURN_IF_ERROR(AddEndings(line.where, written));
    if (brace == head.npos) return Status::Ok();
    return AddForms(line.where, head.substr(brace));
  }

  // The regular forms of a one-word verb with a trailing '_' ("ARM_").
  Status AddEndings(const vs::LineRef& where, std::string_view written) {
    if (!written.ends_with('_') || written.size() < 2) return Status::Ok();
    const std::string_view base = written.substr(0, written.size() - 1);
    if (base.find_first_of(" \t_~=") != base.npos) return Status::Ok();
    for (const std::string& ending : TabariEndings(base)) {
      SL_ASSIGN_OR_RETURN(std::vector<Word> form, FormWords(where, ending + "_"));
      open_->verb.forms.push_back(std::move(form));
    }
    return Status::Ok();
  }

  // "{ BROKE_ BROKEN_ BROKEN_DOWN_ }": more forms of the verb.
  Status AddForms(const vs::LineRef& where, std::string_view text) {
    if (!open_) return where.Error("verb forms before any verb");
    if (open_->has_patterns) return where.Error("verb forms after the verb's patterns");
    const size_t close = text.find('}');
    if (close == text.npos) return where.Error("unclosed '{' in verb forms");
    if (!vs::Trim(text.substr(close + 1)).empty()) {
      return where.Error("unexpected text after the verb forms");
    }
    std::string_view inside = text.substr(1, close - 1);
    while (!(inside = vs::Trim(inside)).empty()) {
      const size_t blank = inside.find_first_of(" \t");
      SL_ASSIGN_OR_RETURN(std::vector<Word> form, FormWords(where, inside.substr(0, blank)));
      open_->verb.forms.push_back(std::move(form));
      inside.remove_prefix(blank == inside.npos ? inside.size() : blank);
    }
    return Status::Ok();
  }

  Status AddPattern(const EntryLine& line) {
    if (!open_) return line.where.Error("pattern before any verb");
    std::string_view phrase;
    std::string_view rest;
    vs::Code code;
    SL_RETURN_IF_ERROR(vs::SplitCode(line.where, line.text.substr(1), phrase, code, rest));
    if (!rest.empty())
      return line.where.Error("unexpected text after the code: " + vs::Quoted(rest));
    SL_ASSIGN_OR_RETURN(Pattern pattern, vs::ParsePattern(line.where, phrase, kTabari, synsets_));
    pattern.code = std::move(code.code);
    pattern.paired_code = std::move(code.paired_code);
    if (!open_->tail.empty()) {
      pattern.after.insert(pattern.after.begin(), open_->tail.begin(), open_->tail.end());
    }
    open_->has_patterns = true;
    (code.discard ? open_->discards : open_->verb.patterns).push_back(std::move(pattern));
    return Status::Ok();
  }

  Status FinishVerb() {
    if (!open_) return Status::Ok();
    OpenVerb open = std::move(*open_);
    open_.reset();
    bool discard = open.code.discard;
    if (open.tail.empty()) {
      open.verb.code = std::move(open.code.code);
      open.verb.paired_code = std::move(open.code.paired_code);
    } else {
      // "BURN DOWN [222]": "burn", then "down" somewhere after it, codes 222.
      Pattern whole;
      whole.after = std::move(open.tail);
      whole.code = std::move(open.code.code);
      whole.paired_code = std::move(open.code.paired_code);
      whole.source = open.verb.source;
      if (discard) {
        open.discards.push_back(std::move(whole));
      } else if (!whole.code.empty() || !whole.paired_code.empty()) {
        open.verb.patterns.push_back(std::move(whole));
      }
      discard = false;
    }
    vs::StoreVerb(std::move(open.verb), discard, std::move(open.discards), out_);
    return Status::Ok();
  }

  VerbDictionary out_;  // before synsets_, which the constructor fills it with
  vs::Synsets synsets_;
  std::optional<OpenVerb> open_;
  uint32_t current_synset_ = 0;
  bool synset_open_ = false;
};

}  // namespace

Result<VerbDictionary> ReadTabariVerbs(std::string_view name, std::string_view text) {
  std::string storage;
  text = vs::ValidUtf8(text, storage);
  SL_ASSIGN_OR_RETURN(std::vector<EntryLine> lines, EntryLines(name, text));
  TabariReader reader(lines);
  for (const EntryLine& line : lines) SL_RETURN_IF_ERROR(reader.Read(line));
  return reader.Finish();
}

}  // namespace storyline::events
