// candidates.h (internal): the candidates every source of the metadata
// reader (metadata.h) gives, their ranks, and the Collector that gathers
// them for one page.
//
// A candidate is a field's value with where it came from (`how`,
// `evidence`), a rank (lower is more trusted; page order decides within a
// rank) and a group (the authors of one source share a group, so a field
// takes all names of its best source). The choice per field is made in
// metadata.cc from the ranks alone, so a source only has to pick its rank
// from the list below.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "html/dates.h"
#include "html/html.h"

namespace storyline::html {

class MetadataWords;

// Ranks: lower is more trusted. Within a rank, page order decides.
namespace rank {
constexpr int kJsonArticle = 10;  // JSON-LD of an Article-like object
constexpr int kJsonPage = 14;     // of a *Page
constexpr int kJsonOther = 16;    // of other types (dates only)
constexpr int kMetaStrong = 20;
constexpr int kMetaWeak = 25;
constexpr int kItemprop = 30;
constexpr int kUrl = 35;
constexpr int kTimeInContext = 40;
constexpr int kByline = 45;
constexpr int kAboveHeadline = 45;  // a date line right over the headline
constexpr int kStampedDate = 46;
constexpr int kTextDate = 47;  // a date element's text
// A bare <time datetime>: markup, so above dates merely written after the
// headline; as a date element's text, page order decides between them.
constexpr int kAnyTime = 47;
constexpr int kNearHeadline = 48;
constexpr int kMetaDateWeak = 49;   // <meta name="date"> and the like
constexpr int kShortYearDate = 50;  // "23.09.22" in a date element
constexpr int kBeforeHeadline = 51;
constexpr int kScriptDate = 52;  // a date key in a script's JSON data
constexpr int kFirstTextDate = 53;
constexpr int kListedDate = 54;  // date elements of one class giving different days
constexpr int kJsonPageTitle = 55;
// The first comment's date: after every date of the page itself, as
// comments come after the article (a forum thread's first post is one).
constexpr int kCommentDate = 56;
constexpr int kTitleTag = 60;
constexpr int kHeading = 70;
// A heading inside navigation, a sidebar, a footer or the site's header:
// after every other heading.
constexpr int kFurnitureHeading = 80;
constexpr int kJsonWebSite = 40;
constexpr int kSiteAsAuthor = 100;  // added to an author that is the site's name
constexpr int kSiteHeading = 90;    // a heading whose class names the site's name
// A link to an author's page (/author/jane-doe/): after every byline.
constexpr int kAuthorLink = 60;
}  // namespace rank

struct Candidate {
  MetadataField field;
  int rank = 0;
  int order = 0;         // page order
  int group = 0;         // authors of one source share a group
  int text_offset = -1;  // headings: where their text starts in the page text
};

// Gathers the candidates of one page, in page order. Values are cleaned on
// the way in: white space collapsed, JSON-LD's character references decoded,
// dates normalised and checked, author names cleaned (authors.cc); empty
// values are dropped.
class Collector {
 public:
  Collector(const PageContext& context, const DateWords& words, const MetadataWords& page_words)
      : context_(context), words_(words), page_words_(page_words) {}

  const DateWords& words() const { return words_; }
  const MetadataWords& page_words() const { return page_words_; }
  // The first date written out in `text`; "3/4/2020" is read month first
  // only on English pages (SetLanguage).
  std::optional<DateWords::Found> FindDate(std::string_view text) const {
    return words_.FindDate(text, slash_month_first_);
  }
  std::vector<DateWords::Found> FindDates(std::string_view text, size_t limit) const {
    return words_.FindDates(text, limit, slash_month_first_);
  }
  // The page's <html lang>.
  void SetLanguage(std::string_view language);
  int NewGroup() { return ++group_; }

  // Adds `value` unless it is empty once cleaned; a group of 0 is a new one.
  void Add(std::string_view field, std::string_view value, std::string_view how,
           std::string evidence, int rank, int group = 0, int text_offset = -1);

  // A date value from markup: normalised, checked, then added.
  void AddDate(std::string_view field, std::string_view raw, std::string_view how,
               std::string evidence, int rank);
  // An ISO date or a date written out, as "YYYY-MM-DD[THH:MM:SS[±HH:MM]]",
  // when Acceptable.
  std::optional<std::string> NormalizeDate(std::string_view raw) const;
  // Not before 1995, nor after the capture date when the context gives one.
  bool Acceptable(std::string_view date) const;

  // An author name from markup, cleaned; false when it is not a name.
  bool AddAuthor(std::string_view raw, std::string_view how, std::string evidence, int rank,
                 int group);
  // The name in a byline, or nullopt when it names no one (authors.cc).
  std::optional<std::string> CleanAuthor(std::string_view raw) const;

  std::vector<Candidate>& candidates() { return candidates_; }

 private:
  const PageContext& context_;
  const DateWords& words_;
  const MetadataWords& page_words_;
  bool slash_month_first_ = true;
  std::vector<Candidate> candidates_;
  int group_ = 0;
};

}  // namespace storyline::html
