// ReadVerbFile: a user's verb dictionary in whichever format its content
// shows.
#include <string>

#include "core/data_files.h"
#include "core/tsv.h"
#include "events/verb_syntax.h"
#include "events/verbs.h"

namespace storyline::events {
namespace {

// PETRARCH opens every verb block with a "---  VERB  [code]  ---" header;
// TABARI has no line that starts with "---" (its patterns start "- ").
bool LooksLikePhoenix(std::string_view contents) {
  for (const TextLine& line : SplitLines(contents)) {
    const std::string_view text = verb_syntax::Trim(line.text);
    if (text.starts_with("---") && text.find('[') != text.npos) return true;
  }
  return false;
}

}  // namespace

Result<VerbDictionary> ReadVerbFile(const std::string& path) {
  SL_ASSIGN_OR_RETURN(const std::string contents, ReadFile(path));
  return LooksLikePhoenix(contents) ? ReadPhoenixVerbs(path, contents)
                                    : ReadTabariVerbs(path, contents);
}

}  // namespace storyline::events
