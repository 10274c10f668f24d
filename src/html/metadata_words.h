// metadata_words.h (internal): the words and class names the metadata
// reader recognises in a page (data/html/metadata-words.tsv, format in
// docs/formats/html.md): byline prefixes, bylines that name no one, words
// that end a name, kicker, hidden-text and site-name classes of headings, separators of a title's
// parts, class/id cues of author, date, modified and comment elements, words
// that mark a date as an update, the keys of publication dates in scripts'
// JSON data, and the <meta> keys read with the field each gives. Immutable
// once parsed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::html {

// What a <meta> key gives: a field of html.h ("title", "published",
// "modified", "author", "site_name", "canonical_url", "language") and the
// rank of its candidates (candidates.h; lower is more trusted).
struct MetaKey {
  std::string field;
  int rank = 0;
};

class MetadataWords {
 public:
  // InvalidArgument "file:line: message" on a bad row or an entry listed
  // twice under one kind.
  static Result<MetadataWords> Parse(std::string_view file_name, std::string_view contents);
  // The embedded data/html/metadata-words.tsv, loaded once.
  static const MetadataWords& Default();

  // Words that introduce a name in a byline ("view all posts by", "von"),
  // in file order: CleanAuthor strips the first that fits, then tries again.
  const std::vector<std::string>& byline_prefixes() const { return byline_prefixes_; }
  // A cleaned byline, lower-cased, that names no one ("admin").
  bool IsNotName(std::string_view lower) const;
  // A word, lower-cased, after which a byline goes on with something else
  // ("am" in "Jane Doe am Samstag").
  bool IsNameEnd(std::string_view lower) const;

  // What joins the parts of a title ("Headline | Site"), each with a space
  // on both sides (" | "), in file order.
  const std::vector<std::string>& title_separators() const { return title_separators_; }

  // Cues found anywhere in a lower-cased class attribute (kickers, hidden
  // text) or in
  // "class id" (the others).
  bool IsKickerClass(std::string_view lower_class) const;
  bool IsHiddenClass(std::string_view lower_class) const;    // shown to screen readers only
  bool SuggestsAuthor(std::string_view class_and_id) const;  // and no author_class_not cue
  bool NamesSite(std::string_view class_and_id) const;       // a heading of the site's name

  // Whether a link to `href` reading `text` names the author of the page it
  // leads to: a path segment that is an author_path word ("author",
  // "profil"), lower-cased, followed by more of the path, whose words (runs
  // of letters and digits) hold at least one and at least half of the words
  // of `text` of 3 bytes or more, lower-cased ("/author/jane-doe/" for "Jane
  // Doe"; not "/user/memberlist" for "Member List").
  bool IsAuthorLink(std::string_view href, std::string_view text) const;
  // The first half of IsAuthorLink, which needs no text: whether `href` has
  // an author_path segment with more of the path after it.
  bool LeadsToAuthorPage(std::string_view href) const;
  bool SuggestsDate(std::string_view class_and_id) const;
  bool SuggestsModified(std::string_view class_and_id) const;
  bool IsCommentContainer(std::string_view class_and_id) const;  // and no comment_class_not cue

  // "Published on ..." vs "Updated ...": whether an update word comes in the
  // 40 bytes of `text` before `offset`.
  bool UpdatedBefore(std::string_view text, size_t offset) const;
  // "Aktuelle Zeit: 14.10.2020", "Joined: ...": whether a word of a date
  // of no page (the clock, a member's joining) comes in the 40 bytes of
  // `text` before `offset`.
  bool OtherDateBefore(std::string_view text, size_t offset) const;

  // How much a key of JSON data in a script, lower-cased, is trusted to
  // name the publication date ("publishedat", "date_published"): the index
  // of the first script_date_key row it holds (lower is more trusted), or
  // nullopt when it holds none.
  std::optional<size_t> ScriptDateKeyTrust(std::string_view lower_key) const;

  // The <meta> key, lower-cased ("og:title", "dc.date.issued"), or nullptr
  // when the reader does not take it.
  const MetaKey* FindMetaKey(std::string_view lower_key) const;

 private:
  std::vector<std::string> byline_prefixes_, not_names_, name_ends_, kicker_classes_,
      hidden_classes_, site_title_classes_, author_paths_, title_separators_, author_classes_,
      author_classes_not_, date_classes_, modified_classes_, comment_classes_, comment_classes_not_,
      updated_words_, other_date_words_, script_date_keys_;
  std::map<std::string, MetaKey, std::less<>> meta_keys_;
};

}  // namespace storyline::html
