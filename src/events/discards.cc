// ReadDiscards: TABARI and PETRARCH/Phoenix discard lists
// (docs/formats/user-dictionaries.md): one phrase a line, its words in a
// row; a '+' before it makes it a story-level discard.
//
//   WORLD CUP                  # a sentence holding it codes nothing
//   +GRAND PRIX                # an article holding it codes nothing
#include <string>
#include <utility>
#include <vector>

#include "core/tsv.h"
#include "events/verb_syntax.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

namespace vs = verb_syntax;

// A line without its comment: '#' (PETRARCH) or ';' (TABARI) after a blank
// or at the start, or '<!-- ... -->' on a line of its own.
std::string_view WithoutComments(std::string_view line) {
  line = vs::Trim(line);
  if (line.starts_with("<!--") && line.ends_with("-->")) return "";
  return vs::Trim(vs::WithoutComment(vs::WithoutComment(line, '#'), ';'));
}

}  // namespace

Result<std::vector<Discard>> ReadDiscards(std::string_view name, std::string_view text) {
  std::string storage;
  text = vs::ValidUtf8(text, storage);
  std::vector<Discard> discards;
  for (const TextLine& line : SplitLines(text)) {
    const vs::LineRef where{name, line.number};
    std::string_view phrase = WithoutComments(line.text);
    if (phrase.empty()) continue;
    Discard discard;
    discard.story = phrase.starts_with('+');
    if (discard.story) phrase.remove_prefix(1);
    vs::Synsets none;  // a '&' in a discard is an error
    SL_ASSIGN_OR_RETURN(discard.phrase,
                        vs::ParsePhrase(where, phrase, vs::Dialect::kPetrarch, none,
                                        /*verb_allowed=*/false, /*contiguous=*/true));
    if (discard.phrase.empty()) return where.Error("discard without words");
    discard.source = where.Source();
    discards.push_back(std::move(discard));
  }
  return discards;
}

}  // namespace storyline::events
