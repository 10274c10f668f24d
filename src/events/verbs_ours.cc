// Reader of our verb dictionary (data/events/verbs.en.txt), in the format
// docs/formats/verbs.md describes: synonym sets, verb and noun lines with
// their forms and code, and the indented patterns below each.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actors/actors.h"
#include "core/tsv.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  return quoted;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// The line without its comment: from a '#' at its start or after a space.
std::string_view WithoutComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || IsSpace(line[i - 1]))) return line.substr(0, i);
  }
  return line;
}

// The first word of `text` (trimmed), and the rest after it.
std::pair<std::string_view, std::string_view> FirstWord(std::string_view text) {
  text = Trim(text);
  const size_t end = std::min(text.find(' '), text.find('\t'));
  if (end == text.npos) return {text, {}};
  return {text.substr(0, end), Trim(text.substr(end))};
}

bool IsCode(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSynsetName(std::string_view name) {
  return name.size() >= 2 && name[0] == '&' &&
         std::all_of(name.begin() + 1, name.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
         });
}

// A word of a form or pattern: no mark of the syntax in it.
bool IsPlainWord(std::string_view word) {
  return !word.empty() && word.find_first_of("*$+%&?{}|_#=,") == word.npos;
}

// One token of a phrase: an atom ("the", "&ARMS", "$", "negotiat*",
// "deadline?") or a mark ("{", "|", "}", "}?"). `joined`: a '_' joins it to
// the token before.
struct Token {
  std::string_view text;
  bool joined = false;
};

bool IsMark(char c) { return c == '{' || c == '|' || c == '}'; }
bool OpensOrSeparates(const Token& token) { return token.text == "{" || token.text == "|"; }
bool Closes(const Token& token) { return token.text.starts_with('}'); }

// Where the token that starts at text[begin] ends.
size_t TokenEnd(std::string_view text, size_t begin) {
  if (text[begin] == '{' || text[begin] == '|') return begin + 1;
  if (text[begin] == '}') return begin + (text.substr(begin + 1).starts_with('?') ? 2 : 1);
  size_t end = begin;
  while (end < text.size() && !IsSpace(text[end]) && text[end] != '_' && !IsMark(text[end])) ++end;
  return end;
}

enum class Context {
  kPattern,  // a pattern's top level: '*', '$', '+' and '%' allowed
  kPhrase,   // a synonym set's phrase or a choice's alternative: words, sets, choices
};

// Reads one file; each method reports errors at the current line.
class Reader {
 public:
  explicit Reader(std::string_view name) : name_(name) {}

  Result<VerbDictionary> Read(std::string_view text) {
    for (const auto& [number, line] : SplitLines(text)) {
      line_ = number;
      SL_RETURN_IF_ERROR(ReadLine(WithoutComment(line)));
    }
    return std::move(dictionary_);
  }

 private:
  Status Error(std::string_view message) const {
    return Status::InvalidArgument(std::string(name_) + ":" + std::to_string(line_) + ": " +
                                   std::string(message));
  }
  std::string Source() const { return std::string(name_) + ":" + std::to_string(line_); }

  Status ReadLine(std::string_view line) {
    if (Trim(line).empty()) return Status::Ok();
    if (IsSpace(line.front())) return ReadPattern(Trim(line));
    in_verb_ = false;
    if (line.front() == '&') return ReadSynset(line);
    const auto [keyword, rest] = FirstWord(line);
    if (keyword == "verb" || keyword == "noun") return ReadVerb(keyword == "noun", rest);
    return Error("unknown line " + Quoted(Trim(line)) +
                 " (expected 'verb', 'noun', '&NAME = ...' or an indented pattern)");
  }

  // "-", "CODE" or "CODE:PAIRED".
  Result<std::pair<std::string, std::string>> ParseCode(std::string_view text) const {
    if (text == "-") return std::pair<std::string, std::string>();
    const size_t colon = text.find(':');
    const std::string_view code = text.substr(0, colon);
    const std::string_view paired = colon == text.npos ? "" : text.substr(colon + 1);
    if (!IsCode(code) || (colon != text.npos && !IsCode(paired))) {
      return Error("bad code " + Quoted(text) +
                   " (expected 2 to 4 digits, CODE:CODE for a paired event, or - for none)");
    }
    return std::pair(std::string(code), std::string(paired));
  }

  // A plain word, or a stem written with a trailing '*'.
  Result<Word> ParseWord(std::string_view text) const {
    const bool stem = text.size() > 1 && text.ends_with('*');
    if (stem) text.remove_suffix(1);
    if (!IsPlainWord(text)) return Error("bad word " + Quoted(text));
    return Word{actors::NormalizeWord(text), stem};
  }

  // "verb CODE form, form, ...": each form one or more words.
  Status ReadVerb(bool noun, std::string_view rest) {
    const auto [code_text, forms_text] = FirstWord(rest);
    SL_ASSIGN_OR_RETURN(const auto codes, ParseCode(code_text));
    if (forms_text.empty()) return Error("missing forms after the code");
    Verb verb;
    verb.code = codes.first;
    verb.paired_code = codes.second;
    verb.noun = noun;
    verb.source = Source();
    for (size_t start = 0;;) {
      const size_t comma = forms_text.find(',', start);
      SL_ASSIGN_OR_RETURN(
          std::vector<Word> form,
          ParseForm(noun,
                    forms_text.substr(start, comma == forms_text.npos ? comma : comma - start)));
      verb.forms.push_back(std::move(form));
      if (comma == forms_text.npos) break;
      start = comma + 1;
    }
    dictionary_.verbs.push_back(std::move(verb));
    in_verb_ = true;
    return Status::Ok();
  }

  Result<std::vector<Word>> ParseForm(bool noun, std::string_view text) {
    text = Trim(text);
    if (text.empty()) return Error("empty form");
    std::vector<Word> form;
    std::string key(noun ? "noun" : "verb");
    for (std::string_view rest = text; !rest.empty();) {
      const auto [word_text, after] = FirstWord(rest);
      SL_ASSIGN_OR_RETURN(Word word, ParseWord(word_text));
      key += " " + word.text + (word.stem ? "*" : "");
      form.push_back(std::move(word));
      rest = after;
    }
    if (const auto [it, added] = form_lines_.try_emplace(key, line_); !added) {
      return Error("form " + Quoted(text) + " already given on line " + std::to_string(it->second));
    }
    return form;
  }

  // "&NAME = phrase | phrase | ...".
  Status ReadSynset(std::string_view line) {
    const size_t equals = line.find('=');
    const std::string_view name = Trim(line.substr(0, equals));
    if (!IsSynsetName(name)) {
      return Error("bad synonym set name " + Quoted(name) +
                   " (expected '&' and upper-case letters, digits or '-')");
    }
    if (equals == line.npos) return Error("expected '=' after " + std::string(name));
    if (synsets_.contains(std::string(name))) {
      return Error("synonym set " + std::string(name) + " already defined");
    }
    SL_ASSIGN_OR_RETURN(const std::vector<Token> tokens, Tokenize(line.substr(equals + 1)));
    size_t pos = 0;
    SL_ASSIGN_OR_RETURN(std::vector<std::vector<Element>> phrases, ParseAlternatives(tokens, pos));
    if (pos != tokens.size()) return Error("unexpected " + Quoted(tokens[pos].text));
    synsets_.emplace(name, static_cast<uint32_t>(dictionary_.synsets.size()));
    dictionary_.synsets.push_back(Synset{std::string(name), std::move(phrases), Source()});
    return Status::Ok();
  }

  // "CODE pattern", below a verb.
  Status ReadPattern(std::string_view line) {
    if (!in_verb_) return Error("pattern outside a verb");
    const auto [code_text, phrase] = FirstWord(line);
    SL_ASSIGN_OR_RETURN(const auto codes, ParseCode(code_text));
    if (phrase.empty()) return Error("missing pattern after the code");
    SL_ASSIGN_OR_RETURN(const std::vector<Token> tokens, Tokenize(phrase));
    size_t pos = 0;
    SL_ASSIGN_OR_RETURN(std::vector<Element> elements,
                        ParseSequence(tokens, pos, Context::kPattern));
    if (pos != tokens.size()) return Error("unexpected " + Quoted(tokens[pos].text));
    SL_ASSIGN_OR_RETURN(Pattern pattern, SplitAtVerb(std::move(elements)));
    pattern.code = codes.first;
    pattern.paired_code = codes.second;
    pattern.source = Source();
    dictionary_.verbs.back().patterns.push_back(std::move(pattern));
    return Status::Ok();
  }

  // The pattern's elements before and after its one '*'.
  Result<Pattern> SplitAtVerb(std::vector<Element> elements) const {
    SL_RETURN_IF_ERROR(CheckRoles(elements));
    const auto is_verb = [](const Element& e) { return e.kind == Element::Kind::kVerb; };
    const auto verb = std::find_if(elements.begin(), elements.end(), is_verb);
    const size_t verbs = std::count_if(elements.begin(), elements.end(), is_verb);
    if (verbs != 1) return Error("a pattern needs exactly one '*', got " + std::to_string(verbs));
    if (elements.size() == 1) return Error("a pattern needs an element besides '*'");
    if (verb->adjacent) return Error("'_' cannot join '*' to the element before it");
    Pattern pattern;
    pattern.before.assign(std::make_move_iterator(elements.begin()), std::make_move_iterator(verb));
    pattern.after.assign(std::make_move_iterator(verb + 1),
                         std::make_move_iterator(elements.end()));
    return pattern;
  }

  // At most one each of '$', '+' and '%', and '%' alone.
  Status CheckRoles(const std::vector<Element>& elements) const {
    const auto count = [&](Element::Kind kind) {
      return std::count_if(elements.begin(), elements.end(),
                           [&](const Element& e) { return e.kind == kind; });
    };
    const long sources = count(Element::Kind::kSource);
    const long targets = count(Element::Kind::kTarget);
    const long both = count(Element::Kind::kAny);
    if (sources > 1 || targets > 1 || both > 1) {
      return Error("'$', '+' and '%' may each stand once in a pattern");
    }
    if (both == 1 && sources + targets > 0) return Error("'%' stands for '$' and '+' at once");
    return Status::Ok();
  }

  // The tokens of a phrase; a '_' must stand between two tokens, with no
  // space around it, after neither '{' nor '|' and before neither '|' nor '}'.
  Result<std::vector<Token>> Tokenize(std::string_view text) const {
    std::vector<Token> tokens;
    bool join = false;
    const std::string error = "'_' must join two elements in " + Quoted(Trim(text));
    for (size_t i = 0; i < text.size();) {
      if (text[i] == '_') {
        const bool joinable = !join && !tokens.empty() && !OpensOrSeparates(tokens.back());
        if (!joinable || IsSpace(text[i - 1])) return Error(error);
        join = true;
        ++i;
      } else if (join && (IsSpace(text[i]) || text[i] == '|' || text[i] == '}')) {
        return Error(error);
      } else if (IsSpace(text[i])) {
        ++i;
      } else {
        const size_t end = TokenEnd(text, i);
        tokens.push_back(Token{text.substr(i, end - i), join});
        join = false;
        i = end;
      }
    }
    if (join) return Error(error);
    return tokens;
  }

  // Elements up to a '|', a '}' or the end, which it does not consume.
  Result<std::vector<Element>> ParseSequence(const std::vector<Token>& tokens, size_t& pos,
                                             Context context) const {
    std::vector<Element> elements;
    while (pos < tokens.size() && tokens[pos].text != "|" && !Closes(tokens[pos])) {
      SL_ASSIGN_OR_RETURN(Element element, ParseElement(tokens, pos, context));
      elements.push_back(std::move(element));
    }
    return elements;
  }

  // Sequences separated by '|', up to a '}' or the end; none may be empty.
  Result<std::vector<std::vector<Element>>> ParseAlternatives(const std::vector<Token>& tokens,
                                                              size_t& pos) const {
    std::vector<std::vector<Element>> alternatives;
    for (;;) {
      SL_ASSIGN_OR_RETURN(std::vector<Element> sequence,
                          ParseSequence(tokens, pos, Context::kPhrase));
      if (sequence.empty()) return Error("empty alternative");
      alternatives.push_back(std::move(sequence));
      if (pos == tokens.size() || tokens[pos].text != "|") return alternatives;
      ++pos;
    }
  }

  Result<Element> ParseElement(const std::vector<Token>& tokens, size_t& pos,
                               Context context) const {
    const Token& token = tokens[pos++];
    if (token.text != "{") return ParseAtom(token, context);
    Element choice;
    choice.kind = Element::Kind::kChoice;
    choice.adjacent = token.joined;
    SL_ASSIGN_OR_RETURN(choice.choices, ParseAlternatives(tokens, pos));
    if (pos == tokens.size()) return Error("'{' without '}'");
    choice.optional = tokens[pos++].text == "}?";
    return choice;
  }

  Result<Element> ParseAtom(const Token& token, Context context) const {
    std::string_view text = token.text;
    Element element;
    element.adjacent = token.joined;
    element.optional = text.size() > 1 && text.ends_with('?');
    if (element.optional) text.remove_suffix(1);
    if (text == "*" || text == "$" || text == "+" || text == "%") {
      if (context != Context::kPattern) {
        return Error(Quoted(text) + " may stand only in a pattern, not in a choice or set");
      }
      if (element.optional) return Error(Quoted(text) + " cannot be optional");
      element.kind = text == "*"   ? Element::Kind::kVerb
                     : text == "$" ? Element::Kind::kSource
                     : text == "+" ? Element::Kind::kTarget
                                   : Element::Kind::kAny;
      return element;
    }
    if (text.starts_with('&')) return ParseSynsetReference(text, std::move(element));
    SL_ASSIGN_OR_RETURN(element.word, ParseWord(text));
    return element;
  }

  Result<Element> ParseSynsetReference(std::string_view name, Element element) const {
    const auto it = synsets_.find(std::string(name));
    if (it == synsets_.end()) return Error("unknown synonym set " + std::string(name));
    element.kind = Element::Kind::kSynset;
    element.synset = it->second;
    return element;
  }

  std::string_view name_;
  int line_ = 0;
  VerbDictionary dictionary_;
  std::unordered_map<std::string, uint32_t> synsets_;  // name -> index
  std::unordered_map<std::string, int> form_lines_;    // "verb met" -> line
  bool in_verb_ = false;  // pattern lines belong to dictionary_.verbs.back()
};

}  // namespace

Result<VerbDictionary> ReadOurVerbs(std::string_view name, std::string_view text) {
  return Reader(name).Read(text);
}

}  // namespace storyline::events
