#include "html/metadata_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "core/data_files.h"
#include "core/tsv.h"
#include "html/candidates.h"
#include "html/meta_text.h"

namespace storyline::html {
namespace {

bool ContainsAnyOf(std::string_view haystack, const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (Contains(haystack, needle)) return true;
  }
  return false;
}

bool IsListed(const std::vector<std::string>& entries, std::string_view entry) {
  return std::find(entries.begin(), entries.end(), entry) != entries.end();
}

constexpr std::array<std::string_view, 7> kMetaFields = {
    "title", "published", "modified", "author", "site_name", "canonical_url", "language"};

// A <meta> key's trust, as a rank of candidates.h.
std::optional<int> MetaRank(std::string_view trust) {
  constexpr std::array<std::pair<std::string_view, int>, 5> kTrust = {{
      {"first", rank::kJsonArticle},
      {"strong", rank::kMetaStrong},
      {"strong-second", rank::kMetaStrong + 1},
      {"weak", rank::kMetaWeak},
      {"date-weak", rank::kMetaDateWeak},
  }};
  for (const auto& [name, rank] : kTrust) {
    if (name == trust) return rank;
  }
  return std::nullopt;
}

// The runs of letters and digits of `text` (bytes past ASCII count as
// letters): "jane", "doe", "2" of "jane-doe_2/".
std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> words;
  const auto is_word_byte = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t at = 0; at < text.size();) {
    while (at < text.size() && !is_word_byte(text[at])) ++at;
    size_t end = at;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    if (end > at) words.emplace_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

// The lower-cased path after an author_path segment of `href` ("jane-doe/"
// in "/author/jane-doe/"), or "" when it has none.
std::string AuthorPageSlug(std::string_view href, const std::vector<std::string>& author_paths) {
  href = href.substr(0, href.find_first_of("?#"));
  if (const size_t scheme = href.find("://"); scheme != std::string_view::npos) {
    href = href.substr(std::min(href.size(), href.find('/', scheme + 3)));
  }
  for (size_t at = 0; at < href.size();) {
    const size_t end = std::min(href.find('/', at), href.size());
    const std::string_view segment = href.substr(at, end - at);
    at = end + 1;
    if (!segment.empty() && IsListed(author_paths, Lower(segment)) && at < href.size())
      return Lower(href.substr(at));
  }
  return "";
}

Status RowError(std::string_view file_name, const TsvRow& row, std::string_view message) {
  return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(row.line) + ": " +
                                 std::string(message));
}

// A "meta<TAB>KEY<TAB>FIELD<TAB>TRUST" row.
Status AddMetaKey(std::string_view file_name, const TsvRow& row,
                  std::map<std::string, MetaKey, std::less<>>& keys) {
  if (row.fields.size() != 4)
    return RowError(file_name, row, "expected meta<TAB>KEY<TAB>FIELD<TAB>TRUST");
  const std::string_view key = row.fields[1], field = row.fields[2], trust = row.fields[3];
  if (key.empty() || Lower(key) != key || Contains(key, " "))
    return RowError(file_name, row, "a <meta> key is one lower-case word");
  if (std::find(kMetaFields.begin(), kMetaFields.end(), field) == kMetaFields.end())
    return RowError(file_name, row, "unknown field \"" + std::string(field) + "\"");
  const std::optional<int> rank = MetaRank(trust);
  if (!rank) return RowError(file_name, row, "unknown trust \"" + std::string(trust) + "\"");
  if (!keys.emplace(std::string(key), MetaKey{std::string(field), *rank}).second)
    return RowError(file_name, row, "listed twice: " + std::string(key));
  return Status::Ok();
}

}  // namespace

Result<MetadataWords> MetadataWords::Parse(std::string_view file_name, std::string_view contents) {
  MetadataWords words;
  // Kind, its list, whether an entry may hold spaces.
  const std::array<std::pair<std::string_view, std::pair<std::vector<std::string>*, bool>>, 17>
      kinds = {{{"byline_prefix", {&words.byline_prefixes_, true}},
                {"not_name", {&words.not_names_, true}},
                {"name_end", {&words.name_ends_, false}},
                {"kicker_class", {&words.kicker_classes_, false}},
                {"hidden_class", {&words.hidden_classes_, false}},
                {"site_title_class", {&words.site_title_classes_, false}},
                {"author_path", {&words.author_paths_, false}},
                {"title_separator", {&words.title_separators_, false}},
                {"author_class", {&words.author_classes_, false}},
                {"author_class_not", {&words.author_classes_not_, false}},
                {"date_class", {&words.date_classes_, false}},
                {"modified_class", {&words.modified_classes_, false}},
                {"comment_class", {&words.comment_classes_, false}},
                {"comment_class_not", {&words.comment_classes_not_, false}},
                {"updated_word", {&words.updated_words_, true}},
                {"other_date_word", {&words.other_date_words_, true}},
                {"script_date_key", {&words.script_date_keys_, false}}}};
  for (const TsvRow& row : SplitTsv(contents)) {
    auto error = [&](std::string_view message) { return RowError(file_name, row, message); };
    if (!row.fields.empty() && row.fields[0] == "meta") {
      SL_RETURN_IF_ERROR(AddMetaKey(file_name, row, words.meta_keys_));
      continue;
    }
    if (row.fields.size() != 2) return error("expected KIND<TAB>TEXT");
    const std::string_view kind = row.fields[0];
    const std::string_view text = row.fields[1];
    auto found = std::find_if(kinds.begin(), kinds.end(),
                              [&](const auto& entry) { return entry.first == kind; });
    if (found == kinds.end()) return error("unknown kind \"" + std::string(kind) + "\"");
    auto [list, spaces] = found->second;
    if (text.empty() || text.size() > 63 || text.front() == ' ' || text.back() == ' ')
      return error("text must be 1-63 bytes, without spaces at either end");
    if (!spaces && Contains(text, " ")) return error("a " + std::string(kind) + " is one word");
    if (Lower(text) != text) return error("text must be lower case");
    if (IsListed(*list, text)) return error("listed twice: " + std::string(text));
    list->emplace_back(text);
  }
  for (std::string& separator : words.title_separators_) separator = " " + separator + " ";
  return words;
}

const MetadataWords& MetadataWords::Default() {
  static const MetadataWords* words = [] {
    Result<std::string> contents = DataFiles().Read("html/metadata-words.tsv");
    Result<MetadataWords> parsed = contents.ok()
                                       ? MetadataWords::Parse("html/metadata-words.tsv", *contents)
                                       : MetadataWords::Parse("html/metadata-words.tsv", "");
    if (!parsed.ok()) parsed = MetadataWords::Parse("builtin", "");
    return new MetadataWords(std::move(*parsed));
  }();
  return *words;
}

bool MetadataWords::IsNotName(std::string_view lower) const { return IsListed(not_names_, lower); }

bool MetadataWords::IsNameEnd(std::string_view lower) const { return IsListed(name_ends_, lower); }

bool MetadataWords::IsKickerClass(std::string_view lower_class) const {
  return ContainsAnyOf(lower_class, kicker_classes_);
}

bool MetadataWords::IsHiddenClass(std::string_view lower_class) const {
  return ContainsAnyOf(lower_class, hidden_classes_);
}

bool MetadataWords::NamesSite(std::string_view class_and_id) const {
  return ContainsAnyOf(class_and_id, site_title_classes_);
}

bool MetadataWords::LeadsToAuthorPage(std::string_view href) const {
  return !AuthorPageSlug(href, author_paths_).empty();
}

bool MetadataWords::IsAuthorLink(std::string_view href, std::string_view text) const {
  const std::vector<std::string> slug = WordsOf(AuthorPageSlug(href, author_paths_));
  size_t words = 0;
  size_t found = 0;
  for (const std::string& word : WordsOf(Lower(text))) {
    if (word.size() < 3) continue;
    ++words;
    found += IsListed(slug, word);
  }
  return found > 0 && 2 * found >= words;
}

bool MetadataWords::SuggestsAuthor(std::string_view class_and_id) const {
  return ContainsAnyOf(class_and_id, author_classes_) &&
         !ContainsAnyOf(class_and_id, author_classes_not_);
}

bool MetadataWords::SuggestsDate(std::string_view class_and_id) const {
  return ContainsAnyOf(class_and_id, date_classes_);
}

bool MetadataWords::SuggestsModified(std::string_view class_and_id) const {
  return ContainsAnyOf(class_and_id, modified_classes_);
}

bool MetadataWords::IsCommentContainer(std::string_view class_and_id) const {
  return ContainsAnyOf(class_and_id, comment_classes_) &&
         !ContainsAnyOf(class_and_id, comment_classes_not_);
}

namespace {

// Whether one of `words` is in the 40 bytes of `text` before `offset`,
// lower-cased.
bool WordBefore(std::string_view text, size_t offset, const std::vector<std::string>& words) {
  const size_t from = offset > 40 ? offset - 40 : 0;
  return ContainsAnyOf(Lower(text.substr(from, offset - from)), words);
}

}  // namespace

bool MetadataWords::UpdatedBefore(std::string_view text, size_t offset) const {
  return WordBefore(text, offset, updated_words_);
}

bool MetadataWords::OtherDateBefore(std::string_view text, size_t offset) const {
  return WordBefore(text, offset, other_date_words_);
}

std::optional<size_t> MetadataWords::ScriptDateKeyTrust(std::string_view lower_key) const {
  for (size_t row = 0; row < script_date_keys_.size(); ++row) {
    if (Contains(lower_key, script_date_keys_[row])) return row;
  }
  return std::nullopt;
}

const MetaKey* MetadataWords::FindMetaKey(std::string_view lower_key) const {
  const auto found = meta_keys_.find(lower_key);
  return found == meta_keys_.end() ? nullptr : &found->second;
}

}  // namespace storyline::html
