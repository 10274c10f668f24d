#include "events/verb_syntax.h"

#include <utility>

#include "actors/actors.h"
#include "core/data_files.h"
#include "core/utf8.h"
#include "text/text.h"

namespace storyline::events::verb_syntax {
namespace {

// Groups and alternatives nest at most this deep, so that no input can
// exhaust the stack.
constexpr int kMaxDepth = 16;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsNameChar(char c) { return IsUpper(c) || IsLower(c) || (c >= '0' && c <= '9') || c == '_'; }

std::string UpperName(std::string_view name) {
  while (name.ends_with('_')) name.remove_suffix(1);
  std::string upper(name);
  for (char& c : upper) c = ToUpper(c);
  return upper;
}

// The tokenizer the coder reads sentences with; Words() is pure, so one
// instance serves every reader and thread.
const Result<text::Segmenter>& Splitter() {
  static const Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
  return segmenter;
}

// Reads one phrase; see ParsePhrase.
class PhraseReader {
 public:
  PhraseReader(const LineRef& where, std::string_view text, Dialect dialect, Synsets& synsets,
               bool verb_allowed)
      : where_(where),
        text_(text),
        dialect_(dialect),
        synsets_(synsets),
        verb_allowed_(verb_allowed) {}

  Result<std::vector<Element>> Read(bool contiguous) {
    std::vector<Element> elements;
    SL_RETURN_IF_ERROR(Sequence(elements, '\0', 0, contiguous, false));
    return elements;
  }

 private:
  bool petrarch() const { return dialect_ == Dialect::kPetrarch; }

  bool EndsWord(char c) const {
    switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case '_':
      case '*':
      case '$':
      case '+':
      case '%':
      case '^':
      case '{':
      case '}':
      case '|':
      case '~':
        return true;
      case '(':
      case ')':
        return petrarch();
      default:
        return false;
    }
  }

  // Appends elements to `out` until the text's end, `closer`, or a '|' that
  // separates TABARI alternatives. In a PETRARCH group (`in_group`) words
  // are adjacent whatever separates them. `first_adjacent` is the adjacency
  // of the first element appended.
  Status Sequence(std::vector<Element>& out, char closer, int depth, bool in_group,
                  bool first_adjacent) {
    if (depth > kMaxDepth) return where_.Error("groups nested more than 16 deep");
    const size_t first = out.size();
    bool joined = false;  // the last separator was '_'
    while (at_ < text_.size()) {
      const char c = text_[at_];
      const bool any = out.size() > first;
      const bool adjacent = !any ? first_adjacent : (in_group || joined);
      if (IsBlank(c) || c == '^') {
        // '^' marks an actor TABARI skips: for us, words that may stand between.
        joined = false;
        ++at_;
        continue;
      }
      if (c == '_') {
        joined = true;
        ++at_;
        continue;
      }
      if (closer != '\0' && (c == closer || (c == '|' && !petrarch()))) return Status::Ok();
      if (c == '|') return where_.Error("'|' outside '{ }'");
      if (c == '}' || (petrarch() && c == ')')) {
        // PETRARCH's files have a few stray closers; TABARI's are errors.
        if (!petrarch() || depth > 0) return where_.Error(std::string("unbalanced '") + c + "'");
        ++at_;
        continue;
      }
      if (c == '{' || (petrarch() && c == '(')) {
        SL_RETURN_IF_ERROR(petrarch() ? Group(out, depth, any ? joined : first_adjacent)
                                      : Choice(out, depth, adjacent));
      } else {
        SL_RETURN_IF_ERROR(Single(out, depth, adjacent));
      }
      joined = false;
    }
    return Status::Ok();
  }

  // A one-character element, a synset or a word at text_[at_].
  Status Single(std::vector<Element>& out, int depth, bool adjacent) {
    Element element;
    element.adjacent = adjacent;
    switch (text_[at_]) {
      case '*':
        if (!verb_allowed_) return where_.Error("'*' outside a pattern");
        if (depth > 0) return where_.Error("'*' inside a group");
        element.kind = Element::Kind::kVerb;
        break;
      case '$':
        element.kind = Element::Kind::kSource;
        break;
      case '+':
        element.kind = Element::Kind::kTarget;
        break;
      case '%':
        element.kind = Element::Kind::kAny;
        break;
      case '~':
        ++at_;  // a '~' that follows no word says nothing
        return Status::Ok();
      case '&':
        return Synset(out, adjacent);
      default:
        return Word(out, adjacent);
    }
    ++at_;
    out.push_back(std::move(element));
    return Status::Ok();
  }

  // `&NAME`: the longest defined name the text starts with that ends at a
  // '_' or at the name's end ("&TIETYPES_MEMOS" is &TIETYPES, then MEMOS).
  Status Synset(std::vector<Element>& out, bool adjacent) {
    size_t end = at_ + 1;
    while (end < text_.size() && IsNameChar(text_[end])) ++end;
    const std::string_view written = text_.substr(at_ + 1, end - at_ - 1);
    if (UpperName(written).empty()) return where_.Error("'&' without a synset name");
    for (size_t size = written.size(); size > 0; --size) {
      if (size < written.size() && written[size] != '_') continue;
      const auto it = synsets_.index.find(UpperName(written.substr(0, size)));
      if (it == synsets_.index.end()) continue;
      AppendSynset(out, it->second, adjacent);
      at_ += 1 + size;
      return Status::Ok();
    }
    const std::string name = UpperName(written);
    if (synsets_.undefined == nullptr) return where_.Error("unknown synset &" + name);
    const auto index = static_cast<uint32_t>(synsets_.undefined->size());
    synsets_.undefined->push_back({"&" + name, {}, where_.Source()});
    synsets_.index.emplace(name, index);
    AppendSynset(out, index, adjacent);
    at_ = end;
    return Status::Ok();
  }

  static void AppendSynset(std::vector<Element>& out, uint32_t index, bool adjacent) {
    Element element;
    element.kind = Element::Kind::kSynset;
    element.synset = index;
    element.adjacent = adjacent;
    out.push_back(std::move(element));
  }

  // TABARI's `{ a b | c }`.
  Status Choice(std::vector<Element>& out, int depth, bool adjacent) {
    Element choice;
    choice.kind = Element::Kind::kChoice;
    choice.adjacent = adjacent;
    ++at_;
    while (true) {
      std::vector<Element> alternative;
      SL_RETURN_IF_ERROR(Sequence(alternative, '}', depth + 1, false, false));
      if (at_ == text_.size()) return where_.Error("unclosed '{'");
      if (alternative.empty()) return where_.Error("empty alternative in '{ }'");
      choice.choices.push_back(std::move(alternative));
      if (text_[at_++] == '}') break;
    }
    out.push_back(std::move(choice));
    return Status::Ok();
  }

  // PETRARCH's `(...)` and `{...}`: phrases of its parse tree, which we read
  // as their words in a row.
  Status Group(std::vector<Element>& out, int depth, bool first_adjacent) {
    const char opener = text_[at_++];
    const char closer = opener == '(' ? ')' : '}';
    SL_RETURN_IF_ERROR(Sequence(out, closer, depth + 1, true, first_adjacent));
    if (at_ == text_.size()) return where_.Error(std::string("unclosed '") + opener + "'");
    ++at_;
    return Status::Ok();
  }

  // A dictionary word, the words the tokenizer makes of it.
  Status Word(std::vector<Element>& out, bool adjacent) {
    const size_t begin = at_;
    while (at_ < text_.size() && !EndsWord(text_[at_])) ++at_;
    std::string_view written = text_.substr(begin, at_ - begin);
    // TABARI: a word is a stem unless '_' or '=' ends it; "~_" keeps the stem
    // and still joins the next word ("REAL~_PLEASANT": "really pleasant").
    bool stem = !petrarch() && !written.ends_with('=');
    while (written.ends_with('=')) written.remove_suffix(1);
    if (at_ < text_.size() && text_[at_] == '~') {
      ++at_;
    } else if (at_ < text_.size() && text_[at_] == '_') {
      stem = false;
    }
    if (written.empty()) return Status::Ok();
    if (petrarch() && written.find('/') != written.npos)
      return Alternatives(out, written, adjacent);
    return AppendWords(out, written, stem, adjacent);
  }

  // PETRARCH's "TO/FOR": one of the words.
  Status Alternatives(std::vector<Element>& out, std::string_view written, bool adjacent) {
    Element choice;
    choice.kind = Element::Kind::kChoice;
    choice.adjacent = adjacent;
    while (!written.empty()) {
      const size_t slash = written.find('/');
      std::vector<Element> alternative;
      SL_RETURN_IF_ERROR(AppendWords(alternative, written.substr(0, slash), false, false));
      if (!alternative.empty()) choice.choices.push_back(std::move(alternative));
      written.remove_prefix(slash == written.npos ? written.size() : slash + 1);
    }
    if (choice.choices.size() == 1) {
      choice.choices.front().front().adjacent = adjacent;
      for (Element& element : choice.choices.front()) out.push_back(std::move(element));
    } else if (!choice.choices.empty()) {
      out.push_back(std::move(choice));
    }
    return Status::Ok();
  }

  static Status AppendWords(std::vector<Element>& out, std::string_view written, bool stem,
                            bool adjacent) {
    SL_ASSIGN_OR_RETURN(std::vector<std::string> words, TextWords(written));
    for (size_t i = 0; i < words.size(); ++i) {
      Element element;
      element.word = {std::move(words[i]), stem && i + 1 == words.size()};
      element.adjacent = i == 0 ? adjacent : true;
      out.push_back(std::move(element));
    }
    return Status::Ok();
  }

  const LineRef& where_;
  std::string_view text_;
  Dialect dialect_;
  Synsets& synsets_;
  bool verb_allowed_;
  size_t at_ = 0;
};

// The synsets an element refers to, through choices too.
void CollectSynsets(const std::vector<Element>& elements, std::vector<uint32_t>& out) {
  for (const Element& element : elements) {
    if (element.kind == Element::Kind::kSynset) out.push_back(element.synset);
    for (const std::vector<Element>& choice : element.choices) CollectSynsets(choice, out);
  }
}

}  // namespace

std::string LineRef::Source() const { return std::string(file) + ":" + std::to_string(line); }

Status LineRef::Error(std::string_view message) const {
  return Status::InvalidArgument(Source() + ": " + std::string(message));
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string_view WithoutComment(std::string_view line, char marker) {
  for (size_t at = line.find(marker); at != line.npos; at = line.find(marker, at + 1)) {
    if (at == 0 || IsBlank(line[at - 1])) return line.substr(0, at);
  }
  return line;
}

std::string_view ValidUtf8(std::string_view text, std::string& storage) {
  if (IsValidUtf8(text)) return text;
  storage.assign(text);
  RepairUtf8(storage);
  return storage;
}

Status SplitCode(const LineRef& where, std::string_view text, std::string_view& phrase, Code& code,
                 std::string_view& rest) {
  const size_t open = text.find('[');
  if (open == text.npos) return where.Error("no code in brackets: " + Quoted(Trim(text)));
  const size_t close = text.find(']', open);
  if (close == text.npos) return where.Error("unclosed '[' in code");
  phrase = Trim(text.substr(0, open));
  rest = Trim(text.substr(close + 1));
  const std::string_view inside = Trim(text.substr(open + 1, close - open - 1));
  if (inside.empty()) return where.Error("empty code '[]'");
  if (inside.find_first_of(" \t[") != inside.npos) {
    return where.Error("bad code " + Quoted(inside) + ": blanks or '[' inside");
  }
  if (inside == ":") return where.Error("empty code '[:]'");
  const size_t colon = inside.find(':');
  code = Code{};
  code.code = std::string(inside.substr(0, colon));
  if (colon != inside.npos) code.paired_code = std::string(inside.substr(colon + 1));
  if (code.code == "###") {
    code.discard = true;
    code.code.clear();
  }
  for (std::string* part : {&code.code, &code.paired_code}) {
    if (*part == "---" || *part == "+++") part->clear();
  }
  return Status::Ok();
}

Result<std::vector<std::string>> TextWords(std::string_view word) {
  const Result<text::Segmenter>& splitter = Splitter();
  if (!splitter.ok()) {
    return Status::Internal("cannot split dictionary words: " + splitter.status().message());
  }
  // Written as a text writes it (capitalised), so that the abbreviation list
  // keeps the full stops of "Gen." as it does in text.
  std::string written(word);
  for (size_t i = 0; i < written.size(); ++i) {
    written[i] = i == 0 ? ToUpper(written[i]) : ToLower(written[i]);
  }
  std::vector<std::string> words;
  for (const text::Token& token :
       splitter->Words(written, {0, static_cast<uint32_t>(written.size())})) {
    words.push_back(actors::NormalizeWord(
        std::string_view(written).substr(token.span.begin, token.span.size())));
  }
  return words;
}

std::string SynsetName(std::string_view line) {
  line = Trim(line);
  if (!line.starts_with('&')) return "";
  size_t end = 1;
  while (end < line.size() && IsNameChar(line[end])) ++end;
  return UpperName(line.substr(1, end - 1));
}

SynsetIndex IndexSynsets(const std::vector<EntryLine>& lines, VerbDictionary& out) {
  SynsetIndex index;
  for (const EntryLine& line : lines) {
    std::string name = SynsetName(line.text);
    if (name.empty() || index.contains(name)) continue;
    index.emplace(name, static_cast<uint32_t>(out.synsets.size()));
    out.synsets.push_back({"&" + name, {}, ""});
  }
  return index;
}

Result<std::vector<Element>> ParsePhrase(const LineRef& where, std::string_view phrase,
                                         Dialect dialect, Synsets& synsets, bool verb_allowed,
                                         bool contiguous) {
  return PhraseReader(where, phrase, dialect, synsets, verb_allowed).Read(contiguous);
}

Result<Pattern> ParsePattern(const LineRef& where, std::string_view phrase, Dialect dialect,
                             Synsets& synsets) {
  SL_ASSIGN_OR_RETURN(std::vector<Element> elements,
                      ParsePhrase(where, phrase, dialect, synsets, /*verb_allowed=*/true));
  size_t verb = elements.size();
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].kind != Element::Kind::kVerb) continue;
    if (verb != elements.size()) return where.Error("pattern with more than one '*'");
    verb = i;
  }
  if (verb == elements.size()) return where.Error("pattern without '*'");
  Pattern pattern;
  pattern.before.assign(elements.begin(), elements.begin() + verb);
  pattern.after.assign(elements.begin() + verb + 1, elements.end());
  pattern.verb_adjacent = elements[verb].adjacent;
  pattern.source = where.Source();
  return pattern;
}

std::vector<Element> FormsElements(const std::vector<std::vector<Word>>& forms) {
  std::vector<Element> elements;
  Element choice;
  choice.kind = Element::Kind::kChoice;
  for (const std::vector<Word>& form : forms) {
    std::vector<Element>& sequence = choice.choices.emplace_back();
    for (const Word& word : form) {
      Element element;
      element.word = word;
      element.adjacent = !sequence.empty();
      sequence.push_back(std::move(element));
    }
  }
  if (choice.choices.size() == 1) return std::move(choice.choices.front());
  if (!choice.choices.empty()) elements.push_back(std::move(choice));
  return elements;
}

void StoreVerb(Verb verb, bool discard, std::vector<Pattern> discard_patterns,
               VerbDictionary& out) {
  if (discard) {
    for (const std::vector<Word>& form : verb.forms) {
      out.discards.push_back({FormsElements({form}), false, verb.source});
    }
  }
  for (Pattern& pattern : discard_patterns) {
    Discard& added = out.discards.emplace_back();
    added.phrase = std::move(pattern.before);
    std::vector<Element> forms = FormsElements(verb.forms);
    if (!forms.empty()) forms.front().adjacent = pattern.verb_adjacent && !added.phrase.empty();
    for (Element& element : forms) added.phrase.push_back(std::move(element));
    for (Element& element : pattern.after) added.phrase.push_back(std::move(element));
    added.source = std::move(pattern.source);
  }
  if (!discard || !verb.patterns.empty()) out.verbs.push_back(std::move(verb));
}

Status CheckSynsetCycles(const VerbDictionary& dictionary) {
  const size_t count = dictionary.synsets.size();
  std::vector<std::vector<uint32_t>> refers(count);
  for (size_t i = 0; i < count; ++i) {
    for (const std::vector<Element>& phrase : dictionary.synsets[i].phrases) {
      CollectSynsets(phrase, refers[i]);
    }
  }
  // Depth-first, without recursion: 0 unseen, 1 on the path, 2 done.
  std::vector<int> state(count, 0);
  for (size_t root = 0; root < count; ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<uint32_t, size_t>> path{{static_cast<uint32_t>(root), 0}};
    state[root] = 1;
    while (!path.empty()) {
      auto& [node, next] = path.back();
      if (next == refers[node].size()) {
        state[node] = 2;
        path.pop_back();
        continue;
      }
      const uint32_t child = refers[node][next++];
      if (state[child] == 1) {
        const Synset& synset = dictionary.synsets[child];
        return Status::InvalidArgument(synset.source + ": synset " + synset.name +
                                       " contains itself");
      }
      if (state[child] == 0) {
        state[child] = 1;
        path.emplace_back(child, 0);
      }
    }
  }
  return Status::Ok();
}

}  // namespace storyline::events::verb_syntax
