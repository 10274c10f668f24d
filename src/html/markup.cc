#include "html/markup.h"

#include <libxml/uri.h>

#include <algorithm>
#include <map>

#include "html/candidates.h"
#include "html/dom.h"
#include "html/json_ld.h"
#include "html/meta_text.h"
#include "html/metadata_words.h"
#include "html/titles.h"

namespace storyline::html {
namespace {

constexpr size_t kMaxSnippetBytes = 300;     // text read from a byline or date element
constexpr int kMaxElementReads = 100;        // such elements read per page, of each kind
constexpr int kMaxHeadings = 30;             // <h1> and <h2> read per page
constexpr size_t kMaxSiteNameBytes = 100;    // a longer site-name heading is no name
constexpr size_t kMaxPageText = 200000;      // page text kept for written-out dates
constexpr size_t kMaxScriptBytes = 1000000;  // script text scanned for a date key

// Text a <noscript> holds at least when it holds the page's body.
constexpr size_t kNoscriptPageText = 2000;

// Whether a <noscript> holds the page's body, not a note to turn scripts on
// or a tracking pixel: an unclosed element inside it ("<noscript><div>
// </noscript>") makes the parser nest the rest of the page in it.
bool HoldsPageBody(const xmlNode& noscript) {
  return BoundedText(noscript, kNoscriptPageText).size() >= kNoscriptPageText;
}

// Whether `href`, resolved against the page's URL `base`, leads to the home
// page of the page's own site: its root, or an index page there.
bool LeadsHome(std::string_view href, const xmlChar* base) {
  href = Trim(href);
  if (href.empty() || href[0] == '#' || !base) return false;
  xmlChar* resolved =
      xmlBuildURI(reinterpret_cast<const xmlChar*>(std::string(href).c_str()), base);
  if (!resolved) return false;
  const std::string url = reinterpret_cast<const char*>(resolved);
  xmlFree(resolved);
  const std::string host = Host(url);
  if (host.empty() || host != Host(reinterpret_cast<const char*>(base))) return false;
  // A query names a page ("/?p=42"), as does more path after an index page
  // ("/index.php/2020/05/slug/").
  if (url.substr(0, url.find('#')).find('?') != std::string::npos) return false;
  const std::string_view path = PathOf(url);
  return path.empty() || path == "/" ||
         (path.substr(0, 7) == "/index." && path.find('/', 1) == std::string_view::npos);
}

// The link to the site's home page that is the whole text `text` of heading
// `node` (the site's name in a theme's header, not a headline), or nullptr.
// A heading of more than 64 elements is no site name.
const xmlNode* HomeLinkOf(const xmlNode& node, std::string_view text, const xmlChar* base) {
  constexpr int kMaxElements = 64;
  const xmlNode* link = nullptr;
  int elements = 0;
  for (const xmlNode* at = node.children ? &node : nullptr; at; at = NextInWalk(at, &node)) {
    if (at->type != XML_ELEMENT_NODE) continue;
    if (++elements > kMaxElements) return nullptr;
    if (NameOf(*at) != "a") continue;
    if (link) return nullptr;
    link = at;
  }
  if (!link) return nullptr;
  const bool home = Lower(Trim(AttributeOf(*link, "rel"))) == "home" ||
                    LeadsHome(AttributeOf(*link, "href"), base);
  return home && Collapse(SpacedText(*link, kMaxSiteNameBytes + 1)) == Collapse(text) ? link
                                                                                      : nullptr;
}

// ---------------------------------------------------------------------------
// The page walk.

// Lower-case "class id" of an element.
std::string ClassAndId(const xmlNode& node) {
  std::string text = Lower(AttributeOf(node, "class"));
  text += ' ';
  text += Lower(AttributeOf(node, "id"));
  return text;
}

// Evidence: `<name attribute="value">`, the value shortened. Appended piece
// by piece (GCC 12 warns, wrongly, on "<" + std::string here).
std::string Tag(const xmlNode& node, std::string_view attribute, std::string_view value) {
  std::string tag = "<";
  tag += NameOf(node);
  tag += ' ';
  tag += attribute;
  tag += "=\"";
  tag += Shorten(value);
  tag += "\">";
  return tag;
}

// Evidence of an element found by its class or id cue: `<div class="...">`,
// or the id when it has no class.
std::string ClassTag(const xmlNode& node) {
  const std::string_view class_name = AttributeOf(node, "class");
  return class_name.empty() ? Tag(node, "id", AttributeOf(node, "id"))
                            : Tag(node, "class", class_name);
}

class PageReader {
 public:
  PageReader(const xmlDoc& doc, Collector& collector, std::optional<std::string>& body)
      : doc_(doc), collector_(collector), words_(collector.page_words()), json_(collector, body) {}

  void Read() {
    const xmlNode* root = xmlDocGetRootElement(&doc_);
    if (!root) return;
    int comment_depth = 0;
    int date_context = 0;
    WalkTree(
        *root,
        [&](const xmlNode& node) {
          if (!IsElement(node)) {
            if ((node.type == XML_TEXT_NODE || node.type == XML_CDATA_SECTION_NODE) &&
                node.content && comment_depth == 0 && quote_depth_ == 0 &&
                text_.size() < kMaxPageText) {
              AppendCollapsed(reinterpret_cast<const char*>(node.content), text_);
            }
            return false;
          }
          if (!text_.empty() && text_.back() != ' ') text_.push_back(' ');
          const std::string class_and_id = ClassAndId(node);
          const bool in_comments = comment_depth > 0;
          // What the element opens is kept until the walk leaves it, so its
          // class is read once.
          const bool has_class = class_and_id.size() > 1;
          // A theme names the page's state in <body>'s class ("showing-comments").
          const bool page_root = NameOf(node) == "body" || NameOf(node) == "html";
          const Opened opened{has_class && !page_root && words_.IsCommentContainer(class_and_id),
                              has_class && words_.SuggestsDate(class_and_id),
                              NameOf(node) == "blockquote", IsFurniture(node), IsArticle(node)};
          opened_.push_back(opened);
          comment_depth += opened.comments;
          quote_depth_ += opened.quote;
          date_context += opened.date_context;
          furniture_depth_ += opened.furniture;
          article_depth_ += opened.article;
          return Enter(node, class_and_id, in_comments, date_context > 0);
        },
        [&](const xmlNode& node) {
          if (!IsElement(node)) return;
          const Opened opened = opened_.back();
          opened_.pop_back();
          comment_depth -= opened.comments;
          quote_depth_ -= opened.quote;
          date_context -= opened.date_context;
          furniture_depth_ -= opened.furniture;
          article_depth_ -= opened.article;
          if (NameOf(node) == "svg") --svg_depth_;
        });
  }

  const std::string& raw_title() const { return raw_title_; }
  std::optional<size_t> first_h1_offset() const { return first_h1_offset_; }
  const std::vector<TextRange>& modified_text() const { return modified_text_; }
  const std::string& text() const { return text_; }
  std::vector<const xmlNode*>& scripts() { return scripts_; }

 private:
  // What an element entered in the walk opened: a comments section, a
  // context where dates are the page's, a quotation (an embedded post, a
  // letter: its text is left out of text_, as its dates are the quoted
  // source's, not the page's), the page's furniture, an article.
  struct Opened {
    bool comments = false;
    bool date_context = false;
    bool quote = false;
    bool furniture = false;
    bool article = false;
  };

  // The story's own elements: a <header> inside them is the story's.
  static bool IsArticle(const xmlNode& node) {
    const std::string_view name = NameOf(node);
    return name == "article" || name == "main";
  }

  // Navigation, sidebars, footers and the site's own <header> (an
  // article's <header> holds its headline).
  bool IsFurniture(const xmlNode& node) const {
    const std::string_view name = NameOf(node);
    if (name == "header") return article_depth_ == 0;
    return name == "nav" || name == "aside" || name == "footer" || name == "menu";
  }

  // Returns whether to walk `node`'s children.
  bool Enter(const xmlNode& node, const std::string& class_and_id, bool in_comments,
             bool in_date_context) {
    const std::string_view name = NameOf(node);
    if (name == "html") {
      // XHTML pages may give only xml:lang.
      std::string_view attribute = "lang";
      if (Trim(AttributeOf(node, attribute)).empty()) attribute = "xml:lang";
      std::string_view lang = AttributeOf(node, attribute);
      if (!Trim(lang).empty()) {
        collector_.Add("language", lang, "html-lang", "<html " + std::string(attribute) + ">", 10);
        collector_.SetLanguage(lang);
      }
      return true;
    }
    if (name == "script") {
      if (Lower(Trim(AttributeOf(node, "type"))) == "application/ld+json") {
        std::string text;
        for (const xmlNode* child = node.children; child; child = child->next) {
          if (child->content) text += reinterpret_cast<const char*>(child->content);
        }
        json_.Read(text);
      }
      scripts_.push_back(&node);
      return false;
    }
    if (name == "style" || name == "template") return false;
    if (name == "noscript" && !HoldsPageBody(node)) return false;
    if (name == "meta") {
      ReadMeta(node);
      return false;
    }
    if (name == "link") {
      ReadLink(node);
      return false;
    }
    if (name == "svg") ++svg_depth_;
    if (name == "title" && raw_title_.empty() && svg_depth_ == 0) {
      AppendText(node, raw_title_);
      raw_title_ = std::string(Trim(raw_title_));
      return false;
    }
    if ((name == "h1" || name == "h2") && headings_ < kMaxHeadings && !in_comments) {
      std::string text = HeadingText(node, 400, words_);
      const bool site_class = words_.NamesSite(class_and_id);
      const xmlNode* home_link = site_class || text.empty() || text.size() > kMaxSiteNameBytes
                                     ? nullptr
                                     : HomeLinkOf(node, text, doc_.URL);
      // A theme's site-title heading sits over the navigation; a heading
      // linked home, or a headline, where the page's own text starts.
      if (name == "h1" && !first_h1_offset_ && !site_class && !text.empty() && text.size() <= 400)
        first_h1_offset_ = text_.size();
      if (site_class || home_link) {
        ++headings_;
        // The site's name, as a theme sets it over every page: no title.
        if (text.size() <= kMaxSiteNameBytes) {
          collector_.Add(
              "site_name", text, "heading",
              home_link ? Tag(*home_link, "href", AttributeOf(*home_link, "href")) : ClassTag(node),
              rank::kSiteHeading);
        }
      } else if (!text.empty() && text.size() <= 400) {
        ++headings_;
        const int rank = furniture_depth_ > 0 ? rank::kFurnitureHeading
                         : name == "h1"       ? rank::kHeading
                                              : rank::kHeading + 5;
        collector_.Add("title", text, "heading", name == "h1" ? "<h1>" : "<h2>", rank, 0,
                       static_cast<int>(text_.size()));
      }
    }
    const std::string_view itemprop = AttributeOf(node, "itemprop");
    if (!itemprop.empty()) ReadItemprop(node, Lower(itemprop), in_comments);
    if (in_comments) {
      if (!comment_date_read_ && date_reads_ < kMaxElementReads)
        ReadCommentDate(node, name, class_and_id);
      return true;
    }
    ReadRdfaDate(node);
    if (name == "time") {
      ReadTime(node, class_and_id, in_date_context);
    } else if (name == "abbr" && ContainsAny(class_and_id, {"published", "updated"})) {
      std::string_view title = AttributeOf(node, "title");
      const bool modified =
          Contains(class_and_id, "updated") && !Contains(class_and_id, "published");
      collector_.AddDate(modified ? "modified" : "published", title, "time",
                         Tag(node, "class", modified ? "updated" : "published"), rank::kItemprop);
    }
    if (author_reads_ < kMaxElementReads) {
      if (name == "a" && Lower(AttributeOf(node, "rel")) == "author") {
        ++author_reads_;
        collector_.AddAuthor(SpacedText(node, kMaxSnippetBytes), "byline", "<a rel=\"author\">",
                             rank::kByline - 2, collector_.NewGroup());
      } else if (name == "a" && furniture_depth_ == 0 && ReadAuthorLink(node)) {
        ++author_reads_;
      } else if ((words_.SuggestsAuthor(class_and_id) || name == "address") && name != "body" &&
                 name != "html" && name != "article" && name != "img") {
        ++author_reads_;
        std::string text = SpacedText(node, kMaxSnippetBytes);
        if (text.size() <= kMaxSnippetBytes) {
          collector_.AddAuthor(text, "byline", ClassTag(node), rank::kByline,
                               collector_.NewGroup());
        }
      }
    }
    if (date_reads_ < kMaxElementReads) {
      if (words_.SuggestsDate(class_and_id) && name != "body" && name != "html" && name != "time") {
        ++date_reads_;
        ReadTextDate(node);
      }
    }
    return true;
  }

  void ReadMeta(const xmlNode& node) {
    std::string_view attribute = "property";
    std::string_view key = AttributeOf(node, "property");
    if (key.empty()) {
      attribute = "name";
      key = AttributeOf(node, "name");
    }
    if (key.empty()) {
      attribute = "itemprop";
      key = AttributeOf(node, "itemprop");
    }
    if (key.empty()) {
      attribute = "http-equiv";
      key = AttributeOf(node, "http-equiv");
    }
    if (key.empty()) return;
    const std::string lower = Lower(Trim(key));
    const MetaKey* meta = words_.FindMetaKey(lower);
    if (!meta) return;
    std::string_view content = AttributeOf(node, "content");
    if (content.empty()) content = AttributeOf(node, "value");
    if (Trim(content).empty()) return;
    std::string evidence =
        "<meta " + std::string(attribute) + "=\"" + std::string(Trim(key)) + "\">";
    if (meta->field == "published" || meta->field == "modified") {
      collector_.AddDate(meta->field, content, "meta", evidence, meta->rank);
    } else if (meta->field == "author") {
      // All <meta> tags with the same key are one source.
      int& group = meta_author_groups_[lower];
      if (!group) group = collector_.NewGroup();
      collector_.AddAuthor(content, "meta", evidence, meta->rank, group);
    } else if (meta->field == "language") {
      std::string language(Trim(content));
      std::replace(language.begin(), language.end(), '_', '-');
      collector_.Add("language", language, "meta", evidence, meta->rank);
    } else {
      collector_.Add(meta->field, content, "meta", evidence, meta->rank);
    }
  }

  // RDFa on any element: <span property="dc:date dc:created" content="...">,
  // property="schema:dateCreated". Its keys are <meta> keys with ':' for
  // '.' and without the "schema:" prefix; only dates are read.
  void ReadRdfaDate(const xmlNode& node) {
    const std::string_view property = AttributeOf(node, "property");
    if (property.empty()) return;
    const std::string_view content = Trim(AttributeOf(node, "content"));
    if (content.empty()) return;
    for (size_t at = 0; at < property.size();) {
      const size_t end = std::min(property.find(' ', at), property.size());
      std::string lower = Lower(property.substr(at, end - at));
      at = end + 1;
      if (lower.rfind("schema:", 0) == 0) lower.erase(0, 7);
      std::replace(lower.begin(), lower.end(), ':', '.');
      const MetaKey* meta = words_.FindMetaKey(lower);
      if (!meta || (meta->field != "published" && meta->field != "modified")) continue;
      collector_.AddDate(meta->field, content, "meta", Tag(node, "property", property), meta->rank);
      return;
    }
  }

  void ReadLink(const xmlNode& node) {
    const std::string rel = Lower(Trim(AttributeOf(node, "rel")));
    std::string_view href = Trim(AttributeOf(node, "href"));
    if (rel != "canonical" || href.empty()) return;
    std::string value(href);
    if (doc_.URL) {
      xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(value.c_str()), doc_.URL);
      if (resolved) {
        value = reinterpret_cast<const char*>(resolved);
        xmlFree(resolved);
      }
    }
    collector_.Add("canonical_url", value, "link", "<link rel=\"canonical\">", 10);
  }

  void ReadItemprop(const xmlNode& node, const std::string& itemprop, bool in_comments) {
    const std::string_view name = NameOf(node);
    if (name == "meta") return;
    if (itemprop == "datepublished" || itemprop == "datecreated" || itemprop == "datemodified") {
      const bool modified = itemprop == "datemodified";
      if (modified && !in_comments && quote_depth_ == 0) MarkModifiedText(node);
      std::string_view value = AttributeOf(node, "content");
      if (value.empty()) value = AttributeOf(node, "datetime");
      std::string text;
      if (value.empty()) {
        text = BoundedText(node, kMaxSnippetBytes);
        value = text;
      }
      collector_.AddDate(modified ? "modified" : "published", value,
                         name == "time" ? "time" : "meta",
                         Tag(node, "itemprop", AttributeOf(node, "itemprop")),
                         rank::kItemprop + (itemprop == "datecreated" ? 1 : 0));
      return;
    }
    if (itemprop == "author" && !in_comments && author_reads_ < kMaxElementReads) {
      ++author_reads_;
      std::string_view content = AttributeOf(node, "content");
      std::string text;
      // <span itemprop="author"><span itemprop="name">...</span></span>
      for (const xmlNode* at = node.children; at && text.empty(); at = NextInWalk(at, &node)) {
        if (IsElement(*at) && Lower(AttributeOf(*at, "itemprop")) == "name") {
          text = SpacedText(*at, kMaxSnippetBytes);
          if (text.empty()) text = std::string(AttributeOf(*at, "content"));
        }
      }
      if (text.empty())
        text = content.empty() ? SpacedText(node, kMaxSnippetBytes) : std::string(content);
      if (text.size() <= kMaxSnippetBytes) {
        if (!itemprop_author_group_) itemprop_author_group_ = collector_.NewGroup();
        collector_.AddAuthor(text, "byline", Tag(node, "itemprop", "author"), rank::kItemprop,
                             itemprop_author_group_);
      }
    }
  }

  void ReadTime(const xmlNode& node, const std::string& class_and_id, bool in_date_context) {
    std::string_view datetime = AttributeOf(node, "datetime");
    if (Trim(datetime).empty()) return;
    const bool modified = words_.SuggestsModified(class_and_id);
    if (xmlHasProp(&node, reinterpret_cast<const xmlChar*>("pubdate"))) {
      collector_.AddDate("published", datetime, "time", "<time pubdate>", rank::kItemprop);
      return;
    }
    if (modified) {
      collector_.AddDate("modified", datetime, "time", Tag(node, "class", "updated"),
                         rank::kTimeInContext);
      return;
    }
    if (in_date_context || Contains(class_and_id, "publish") || Contains(class_and_id, "date")) {
      collector_.AddDate("published", datetime, "time", "<time datetime> in a date element",
                         rank::kTimeInContext);
      return;
    }
    collector_.AddDate("published", datetime, "time", "<time datetime>", rank::kAnyTime);
  }

  // A link to the author's page named after its text; returns whether it
  // was one.
  bool ReadAuthorLink(const xmlNode& node) {
    const std::string_view href = AttributeOf(node, "href");
    // Most links lead elsewhere: their text is not read.
    if (!words_.LeadsToAuthorPage(href)) return false;
    // Another site's profile (a video channel, a social network) is the
    // outlet's, not the author's on this site.
    const std::string host = Host(href);
    if (!host.empty() && doc_.URL && host != Host(reinterpret_cast<const char*>(doc_.URL)))
      return false;
    const std::string text = SpacedText(node, kMaxSnippetBytes);
    if (!words_.IsAuthorLink(href, text)) return false;
    collector_.AddAuthor(text, "link", Tag(node, "href", href), rank::kAuthorLink,
                         collector_.NewGroup());
    return true;
  }

  // Notes that the text `node` shows, which starts here, is a modified
  // date: the text dates read later must not take it for the published one.
  // Only itemprop="dateModified" says so: themes mark the published date
  // "updated" too (hAtom's class="entry-date updated").
  void MarkModifiedText(const xmlNode& node) {
    if (modified_text_.size() >= kMaxElementReads) return;
    const size_t size = BoundedText(node, kMaxSnippetBytes).size();
    if (size > 0) modified_text_.push_back({text_.size(), text_.size() + size + 1});
  }

  // The first comment's date, the last resort for the page's date: a
  // forum thread's first post is its page's text, and comments come after
  // the article they answer.
  void ReadCommentDate(const xmlNode& node, std::string_view name,
                       const std::string& class_and_id) {
    std::string date;
    if (name == "time") {
      date = AttributeOf(node, "datetime");
    } else if (words_.SuggestsDate(class_and_id)) {
      ++date_reads_;
      // Spaced: "<span>28.09.19</span><span>12:44</span>".
      const std::string text = SpacedText(node, kMaxSnippetBytes);
      if (text.size() > kMaxSnippetBytes) return;
      if (std::optional<ElementDate> found = FindElementDate(text)) date = found->date.date;
    }
    if (!collector_.NormalizeDate(date)) return;
    comment_date_read_ = true;
    collector_.AddDate("published", date, "comments", "the first comment's date",
                       rank::kCommentDate);
  }

  // The date a date element's text shows: a full one, else one with a
  // two-digit year ("23.09.22"), unless it is no date of the page (a clock,
  // a joining day).
  struct ElementDate {
    DateWords::Found date;
    bool short_year = false;
  };
  std::optional<ElementDate> FindElementDate(std::string_view text) const {
    ElementDate found;
    if (std::optional<DateWords::Found> full = collector_.FindDate(text)) {
      found.date = *full;
    } else if (std::optional<DateWords::Found> short_year =
                   collector_.words().FindShortYearDate(text)) {
      found = {*short_year, true};
    } else {
      return std::nullopt;
    }
    if (words_.OtherDateBefore(text, found.date.offset)) return std::nullopt;
    return found;
  }

  void ReadTextDate(const xmlNode& node) {
    std::string text = BoundedText(node, kMaxSnippetBytes);
    if (text.empty() || text.size() > kMaxSnippetBytes) return;
    const std::optional<ElementDate> found = FindElementDate(text);
    if (!found || !collector_.Acceptable(found->date.date)) return;
    const bool modified = words_.UpdatedBefore(text, found->date.offset);
    collector_.Add(modified ? "modified" : "published", found->date.date, "byline", ClassTag(node),
                   found->short_year ? rank::kShortYearDate : rank::kTextDate);
  }

  const xmlDoc& doc_;
  Collector& collector_;
  const MetadataWords& words_;
  JsonLdReader json_;
  std::string raw_title_;
  int headings_ = 0;
  int svg_depth_ = 0;           // <title> inside <svg> is not the page's title
  std::vector<Opened> opened_;  // one entry per element the walk is inside
  int furniture_depth_ = 0;     // furniture elements the walk is inside
  int quote_depth_ = 0;         // <blockquote> elements the walk is inside (no page text)
  int article_depth_ = 0;       // <article> and <main> elements the walk is inside
  std::string text_;            // the page's text, collapsed, for dates written out
  std::optional<size_t> first_h1_offset_;
  std::vector<TextRange> modified_text_;  // text of the elements that give a modified date
  int author_reads_ = 0;                  // byline elements read
  int date_reads_ = 0;                    // date elements read
  bool comment_date_read_ = false;        // the first comment's date was found
  std::vector<const xmlNode*> scripts_;
  int itemprop_author_group_ = 0;
  std::map<std::string, int> meta_author_groups_;
};

}  // namespace

PageMarkup ReadMarkup(const xmlDoc& doc, Collector& collector, std::optional<std::string>& body) {
  PageReader reader(doc, collector, body);
  reader.Read();
  return {reader.raw_title(), reader.text(), reader.first_h1_offset(), reader.modified_text(),
          std::move(reader.scripts())};
}

void AddScriptDate(const std::vector<const xmlNode*>& scripts, Collector& collector) {
  for (const Candidate& candidate : collector.candidates()) {
    if (candidate.field.field == "published" && candidate.rank < rank::kScriptDate) return;
  }
  // The most trusted key's date over all the scripts: a "createdAt" in one
  // gives way to a "publishedAt" in a later one.
  std::optional<ScriptDate> best;
  size_t scanned = 0;
  for (const xmlNode* script : scripts) {
    for (const xmlNode* child = script->children; child; child = child->next) {
      if (!child->content) continue;
      if (scanned >= kMaxScriptBytes || (best && best->trust == 0)) break;
      std::string_view text(reinterpret_cast<const char*>(child->content));
      text = text.substr(0, kMaxScriptBytes - scanned);
      scanned += text.size();
      std::optional<ScriptDate> found = FindScriptDate(text, collector.page_words());
      if (found && (!best || found->trust < best->trust)) best = std::move(found);
    }
  }
  if (best) {
    collector.AddDate("published", best->date, "script", "script \"" + best->key + "\"",
                      rank::kScriptDate);
  }
}

}  // namespace storyline::html
