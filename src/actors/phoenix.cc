#include "actors/phoenix.h"

#include <string>

#include "actors/cameo_syntax.h"
#include "actors/tabari.h"
#include "core/tsv.h"

namespace storyline::actors {
namespace {

constexpr cameo::Dialect kPetrarch{.stems = false, .lenient = true};

// Calls `read` with each line that holds an entry: trimmed, without its '#'
// comment. Skipped: blank lines and <!-- comments -->, which start a line
// and end at the first "-->", on that line or a later one.
Status ForEachEntryLine(std::string_view file, std::string_view contents,
                        const cameo::EntryLineReader& read) {
  int comment_line = 0;  // the line of an open "<!--", 0 when none
  for (const TextLine& line : SplitLines(contents)) {
    if (comment_line != 0) {
      if (line.text.find("-->") != line.text.npos) comment_line = 0;
      continue;
    }
    std::string_view text = cameo::Trim(line.text);
    if (text.starts_with("<!")) {
      if (text.find("-->") == text.npos) comment_line = line.number;
      continue;
    }
    text = cameo::Trim(text.substr(0, text.find('#')));
    if (!text.empty()) SL_RETURN_IF_ERROR(read(line.number, text));
  }
  if (comment_line != 0) return cameo::LineError(file, comment_line, "'<!--' without '-->'");
  return Status::Ok();
}

// Counts the lines that only one of the two formats writes.
bool LooksLikeTabari(std::string_view name, std::string_view contents) {
  int tabari = 0;
  int petrarch = 0;
  for (const TextLine& line : SplitLines(contents)) {
    const std::string_view text = cameo::Trim(line.text);
    if (text.starts_with("<!")) {
      ++petrarch;
    } else if (text.starts_with('<') || text.starts_with("~~")) {
      ++tabari;
    }
    const size_t hash = text.find('#');
    const size_t semicolon = text.find(';');
    if (semicolon < hash) ++tabari;
    if (hash != text.npos && hash > 0 && hash < semicolon) ++petrarch;
    if (text.find('{') < hash) ++petrarch;
    if (text.starts_with('!') && text.find('=') < hash) ++petrarch;
  }
  if (tabari != petrarch) return tabari > petrarch;
  return !name.ends_with(".txt");
}

}  // namespace

Status ReadPhoenixActors(std::string_view name, std::string_view contents, Entries& out) {
  return cameo::ReadActorFile(name, contents, kPetrarch, ForEachEntryLine, out);
}

Status ReadPhoenixAgents(std::string_view name, std::string_view contents, Entries& out) {
  return cameo::ReadAgentFile(name, contents, kPetrarch, ForEachEntryLine, out);
}

Status ReadUserActors(std::string_view name, std::string_view contents, Entries& out) {
  return LooksLikeTabari(name, contents) ? ReadTabariActors(name, contents, out)
                                         : ReadPhoenixActors(name, contents, out);
}

Status ReadUserAgents(std::string_view name, std::string_view contents, Entries& out) {
  return LooksLikeTabari(name, contents) ? ReadTabariAgents(name, contents, out)
                                         : ReadPhoenixAgents(name, contents, out);
}

}  // namespace storyline::actors
