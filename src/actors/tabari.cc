#include "actors/tabari.h"

#include <string>

#include "actors/cameo_syntax.h"
#include "core/tsv.h"

namespace storyline::actors {
namespace {

constexpr cameo::Dialect kTabari{.stems = true, .lenient = false};

bool IsSectionName(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

// Calls `read` with each line that holds an entry: trimmed, without its ';'
// comment. Skipped: blank lines, lines starting with '#' (TABARI's own files
// comment entries out so), <SECTION> ... </SECTION> blocks (<NOUN> and
// <ADJECTIVE> list words for TABARI's parser, not actors) and everything
// from a "~~" line on (TABARI's end of file).
Status ForEachEntryLine(std::string_view file, std::string_view contents,
                        const cameo::EntryLineReader& read) {
  std::string section;  // the open section, empty when none
  int section_line = 0;
  for (const TextLine& line : SplitLines(contents)) {
    std::string_view text = cameo::Trim(line.text);
    if (text.starts_with("~~")) break;
    text = cameo::Trim(text.substr(0, text.find(';')));
    if (text.empty() || text.starts_with('#')) continue;
    if (!text.starts_with('<')) {
      if (section.empty()) SL_RETURN_IF_ERROR(read(line.number, text));
      continue;
    }
    const size_t close = text.find('>');
    if (close == text.npos) return cameo::LineError(file, line.number, "unclosed '<' in section");
    if (close + 1 != text.size()) {
      return cameo::LineError(file, line.number,
                              "unexpected text after " + std::string(text.substr(0, close + 1)));
    }
    std::string_view tag = text.substr(1, close - 1);
    const bool closing = tag.starts_with('/');
    if (closing) tag.remove_prefix(1);
    if (!IsSectionName(tag)) {
      return cameo::LineError(file, line.number, "bad section " + std::string(text));
    }
    if (closing && tag != section) {
      return cameo::LineError(file, line.number,
                              std::string(text) + " without <" + std::string(tag) + ">");
    }
    if (!closing && !section.empty()) {
      return cameo::LineError(file, line.number, std::string(text) + " inside <" + section + ">");
    }
    section = closing ? "" : std::string(tag);
    section_line = line.number;
  }
  if (!section.empty()) {
    return cameo::LineError(file, section_line, "<" + section + "> without </" + section + ">");
  }
  return Status::Ok();
}

}  // namespace

Status ReadTabariActors(std::string_view name, std::string_view contents, Entries& out) {
  return cameo::ReadActorFile(name, contents, kTabari, ForEachEntryLine, out);
}

Status ReadTabariAgents(std::string_view name, std::string_view contents, Entries& out) {
  return cameo::ReadAgentFile(name, contents, kTabari, ForEachEntryLine, out);
}

}  // namespace storyline::actors
