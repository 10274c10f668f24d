// ReadPhoenixVerbs: a PETRARCH/Phoenix verb dictionary such as CAMEO.2.0.txt
// (docs/formats/user-dictionaries.md).
//
//   &CURRENCY                          a synset, then +phrase lines
//   ---  ACCELERATE   [---]  ---       a verb block and its code
//   HASTEN                             a form: its regular forms are derived
//   SPEED {SPEEDING SPEEDS SPED }      a form and all its other forms
//   +CALL_OFF [160]                    '+' marks the verb of a multiword form
//   - * (TO BORDER)   [154]  # RUSH    a pattern of the block
//   ~ a (a b ATTACK) SAY = a b 015     a transformation: skipped
#include <algorithm>
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

using vs::EntryLine;

constexpr vs::Dialect kPetrarch = vs::Dialect::kPetrarch;

// The lines that hold entries, trimmed, without their '#' comments (and ';'
// ones, which CAMEO.2.0.txt keeps in places from its TABARI days). Out:
// blank lines and <!-- comments -->, which start a line and end at the
// first "-->", on that line or a later one.
Result<std::vector<EntryLine>> EntryLines(std::string_view file, std::string_view contents) {
  std::vector<EntryLine> lines;
  int comment_line = 0;  // the line of an open "<!--", 0 when none
  for (const TextLine& line : SplitLines(contents)) {
    if (comment_line != 0) {
      if (line.text.find("-->") != line.text.npos) comment_line = 0;
      continue;
    }
    std::string_view text = vs::Trim(line.text);
    if (text.starts_with("<!")) {
      if (text.find("-->") == text.npos) comment_line = line.number;
      continue;
    }
    text = vs::Trim(vs::WithoutComment(text, '#'));
    text = vs::Trim(text.substr(0, text.find(';')));
    if (!text.empty()) lines.push_back({{file, line.number}, text});
  }
  if (comment_line != 0) return vs::LineRef{file, comment_line}.Error("'<!--' without '-->'");
  return lines;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsConsonant(char c) { return IsLetter(c) && !IsVowel(c); }

std::string Lower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

int VowelGroups(std::string_view word) {
  int groups = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (IsVowel(word[i]) && (i == 0 || !IsVowel(word[i - 1]))) ++groups;
  }
  return groups;
}

// Whether the word ends consonant-vowel-consonant (not w, x or y), where
// English may double the final consonant before -ed and -ing.
bool EndsInCvc(std::string_view word) {
  const size_t n = word.size();
  if (n < 3) return false;
  const char last = word[n - 1];
  return IsConsonant(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(word[n - 2]) &&
         IsConsonant(word[n - 3]);
}

// The verb with `ending` ("ed", "ing") as English spells it: whether a
// consonant doubles depends on stress, which the spelling does not show.
// One syllable: it doubles ("ban": banned). More: both spellings, since
// "visited" and "expelled" are both right and the wrong spelling is no word
// a text will hold.
std::vector<std::string> WithVowelEnding(std::string_view word, std::string_view ending) {
  const std::string plain = std::string(word) + std::string(ending);
  if (!EndsInCvc(word)) return {plain};
  const std::string doubled = std::string(word) + word.back() + std::string(ending);
  if (VowelGroups(word) == 1) return {doubled};
  return {plain, doubled};
}

// The regular forms of a verb (lower case): -s, -ed, -ing.
std::vector<std::string> RegularForms(std::string_view word) {
  const size_t n = word.size();
  if (n < 2 || !IsLetter(word.back())) return {};
  const char last = word.back();
  const char before = word[n - 2];
  const std::string stem(word.substr(0, n - 1));
  if (last == 'y' && IsConsonant(before))
    return {stem + "ies", stem + "ied", std::string(word) + "ing"};
  if (last == 'e') {
    const bool keeps_e = before == 'e' || before == 'o' || before == 'y';  // agreeing, hoeing
    std::string gerund = before == 'i' ? std::string(word.substr(0, n - 2)) + "ying"  // dying
                                       : (keeps_e ? std::string(word) : stem) + "ing";
    return {std::string(word) + "s", std::string(word) + "d", std::move(gerund)};
  }
  const bool sibilant = last == 's' || last == 'x' || last == 'z' ||
                        (last == 'h' && (before == 'c' || before == 's')) ||
                        (last == 'o' && IsConsonant(before));
  std::vector<std::string> forms{std::string(word) + (sibilant ? "es" : "s")};
  for (const char* ending : {"ed", "ing"}) {
    for (std::string& form : WithVowelEnding(word, ending)) forms.push_back(std::move(form));
  }
  return forms;
}

// A form as written: its words, and which one is the verb ('+' marks it in
// "+ANGERED_BY" and "WIRE_+TAP"; the first when none is marked).
struct WrittenForm {
  std::vector<std::string> words;  // lower case, without the '+'
  size_t verb = 0;
};

Result<WrittenForm> ReadWrittenForm(const vs::LineRef& where, std::string_view text) {
  WrittenForm form;
  std::optional<size_t> marked;
  while (!text.empty()) {
    const size_t end = text.find_first_of(" \t_");
    std::string_view word = text.substr(0, end);
    text.remove_prefix(end == text.npos ? text.size() : end + 1);
    if (word.starts_with('+')) {
      word.remove_prefix(1);
      if (!marked) marked = form.words.size();
    }
    if (!word.empty()) form.words.push_back(Lower(word));
  }
  if (form.words.empty()) return where.Error("verb form without words");
  form.verb = marked && *marked < form.words.size() ? *marked : 0;
  return form;
}

Result<std::vector<Word>> FormWords(const std::vector<std::string>& words) {
  std::vector<Word> form;
  for (const std::string& written : words) {
    SL_ASSIGN_OR_RETURN(std::vector<std::string> split, vs::TextWords(written));
    for (std::string& word : split) form.push_back({std::move(word), false});
  }
  return form;
}

// The forms of one form line: "SPEED {SPEEDING SPEEDS SPED }" lists them
// all; "HASTEN" gets its regular forms; "+ANGERED_BY {}" has no other.
Status ReadForms(const vs::LineRef& where, std::string_view text,
                 std::vector<std::vector<Word>>& forms) {
  const size_t open = text.find('{');
  SL_ASSIGN_OR_RETURN(WrittenForm base, ReadWrittenForm(where, vs::Trim(text.substr(0, open))));
  std::vector<WrittenForm> written{base};
  if (open == text.npos) {
    for (std::string& inflected : RegularForms(base.words[base.verb])) {
      WrittenForm& form = written.emplace_back(base);
      form.words[base.verb] = std::move(inflected);
    }
  } else {
    const size_t close = text.find('}', open);
    if (close == text.npos) return where.Error("unclosed '{' in verb forms");
    if (!vs::Trim(text.substr(close + 1)).empty()) {
      return where.Error("unexpected text after the verb forms");
    }
    std::string_view listed = text.substr(open + 1, close - open - 1);
    // Forms are separated by blanks; a few lists also put commas between
    // them ("{+WAS_X , +BE_X}"), which are separators, never forms.
    while (!(listed = vs::Trim(listed)).empty()) {
      if (listed.front() == ',') {
        listed.remove_prefix(1);
        continue;
      }
      const size_t blank = listed.find_first_of(" \t,");
      SL_ASSIGN_OR_RETURN(WrittenForm form, ReadWrittenForm(where, listed.substr(0, blank)));
      written.push_back(std::move(form));
      listed.remove_prefix(blank == listed.npos ? listed.size() : blank);
    }
  }
  for (const WrittenForm& form : written) {
    SL_ASSIGN_OR_RETURN(std::vector<Word> words, FormWords(form.words));
    if (words.empty()) return where.Error("verb form without words");
    if (std::find(forms.begin(), forms.end(), words) == forms.end())
      forms.push_back(std::move(words));
  }
  return Status::Ok();
}

// A form line with a code of its own ("DOWNPLAY [014]") is a verb of its
// own that shares the block's patterns; the others share the block's code.
struct FormGroup {
  std::vector<std::vector<Word>> forms;
  vs::Code code;
  std::string source;
};
struct Block {
  vs::LineRef header;
  std::string name;
  FormGroup shared;  // the forms without a code of their own
  std::vector<FormGroup> coded;
  std::vector<Pattern> patterns;
  std::vector<Pattern> discards;  // patterns coded [###]
};

class PhoenixReader {
 public:
  explicit PhoenixReader(const std::vector<EntryLine>& lines)
      : synsets_{vs::IndexSynsets(lines, out_), &out_.synsets} {}

  Status Read(const EntryLine& line) {
    if (line.text.starts_with("---")) return StartBlock(line);
    if (line.text.starts_with('&')) return DefineSynset(line);
    if (line.text.starts_with('+') && synset_) return AddSynsetPhrase(line);
    synset_.reset();
    if (line.text.starts_with('-')) return AddPattern(line);
    // A transformation rewrites the events of a parse tree; we have none.
    if (line.text.starts_with('~')) return Status::Ok();
    return AddFormLine(line);
  }

  Result<VerbDictionary> Finish() {
    SL_RETURN_IF_ERROR(FinishBlock());
    SL_RETURN_IF_ERROR(vs::CheckSynsetCycles(out_));
    return std::move(out_);
  }

 private:
  Status StartBlock(const EntryLine& line) {
    SL_RETURN_IF_ERROR(FinishBlock());
    synset_.reset();
    std::string_view text = line.text;
    while (text.starts_with('-')) text.remove_prefix(1);
    std::string_view name;
    std::string_view rest;  // "---", or a second code PETRARCH does not read either
    vs::Code code;
    SL_RETURN_IF_ERROR(vs::SplitCode(line.where, text, name, code, rest));
    if (name.empty()) return line.where.Error("verb block without a name");
    Block& block = block_.emplace();
    block.header = line.where;
    block.name = std::string(name);
    block.shared.code = std::move(code);
    return Status::Ok();
  }

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
    synset_ = it->second;
    return Status::Ok();
  }

  // A synset's phrase names one thing: its words are adjacent.
  Status AddSynsetPhrase(const EntryLine& line) {
    SL_ASSIGN_OR_RETURN(std::vector<Element> phrase,
                        vs::ParsePhrase(line.where, line.text.substr(1), kPetrarch, synsets_,
                                        /*verb_allowed=*/false, /*contiguous=*/true));
    if (phrase.empty()) return line.where.Error("empty synset phrase");
    out_.synsets[*synset_].phrases.push_back(std::move(phrase));
    return Status::Ok();
  }

  Status AddFormLine(const EntryLine& line) {
    if (!block_) return line.where.Error("verb form before any '---  VERB  [code]  ---' header");
    std::string_view text = line.text;
    std::optional<vs::Code> code;
    if (text.find('[') != text.npos) {
      std::string_view rest;  // ignored, as PETRARCH does
      SL_RETURN_IF_ERROR(vs::SplitCode(line.where, line.text, text, code.emplace(), rest));
    }
    FormGroup* group = &block_->shared;
    if (code) {
      group = &block_->coded.emplace_back();
      group->code = std::move(*code);
    }
    if (group->source.empty()) group->source = line.where.Source();
    return ReadForms(line.where, text, group->forms);
  }

  Status AddPattern(const EntryLine& line) {
    if (!block_) return line.where.Error("pattern before any verb");
    std::string_view phrase;
    std::string_view rest;  // ignored, as PETRARCH does
    vs::Code code;
    SL_RETURN_IF_ERROR(vs::SplitCode(line.where, line.text.substr(1), phrase, code, rest));
    SL_ASSIGN_OR_RETURN(Pattern pattern, vs::ParsePattern(line.where, phrase, kPetrarch, synsets_));
    pattern.code = std::move(code.code);
    pattern.paired_code = std::move(code.paired_code);
    (code.discard ? block_->discards : block_->patterns).push_back(std::move(pattern));
    return Status::Ok();
  }

  void StoreGroup(FormGroup& group, const Block& block) {
    Verb verb;
    verb.forms = std::move(group.forms);
    verb.code = std::move(group.code.code);
    verb.paired_code = std::move(group.code.paired_code);
    verb.patterns = block.patterns;
    verb.source = std::move(group.source);
    vs::StoreVerb(std::move(verb), group.code.discard, block.discards, out_);
  }

  Status FinishBlock() {
    if (!block_) return Status::Ok();
    Block block = std::move(*block_);
    block_.reset();
    if (block.shared.forms.empty() && block.coded.empty()) {
      return block.header.Error("verb block " + block.name + " has no forms");
    }
    if (!block.shared.forms.empty()) StoreGroup(block.shared, block);
    for (FormGroup& group : block.coded) StoreGroup(group, block);
    return Status::Ok();
  }

  VerbDictionary out_;  // before synsets_, which the constructor fills it with
  vs::Synsets synsets_;
  std::optional<Block> block_;
  std::optional<uint32_t> synset_;  // the synset whose '+' phrases follow
};

}  // namespace

Result<VerbDictionary> ReadPhoenixVerbs(std::string_view name, std::string_view text) {
  std::string storage;
  text = vs::ValidUtf8(text, storage);
  SL_ASSIGN_OR_RETURN(std::vector<EntryLine> lines, EntryLines(name, text));
  PhoenixReader reader(lines);
  for (const EntryLine& line : lines) SL_RETURN_IF_ERROR(reader.Read(line));
  SL_ASSIGN_OR_RETURN(VerbDictionary dictionary, reader.Finish());
  dictionary.written_for_parser = true;
  return dictionary;
}

}  // namespace storyline::events
