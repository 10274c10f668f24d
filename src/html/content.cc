#include "html/content.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "html/dom.h"

namespace storyline::html {
namespace {

// Elements whose content is never article text; <rt> and <rp> are ruby
// annotations (the reading of a Japanese word printed above it).
constexpr std::array<std::string_view, 20> kUnwantedTags = {
    "script", "style", "noscript", "template", "svg",    "iframe", "button",
    "select", "input", "textarea", "head",     "object", "embed",  "canvas",
    "map",    "audio", "video",    "dialog",   "rt",     "rp"};

// Elements that hold page furniture, dropped as a drop cue is (an HTML4
// parser may nest a whole page in an unclosed <header>).
constexpr std::array<std::string_view, 6> kFurnitureTags = {"nav",    "aside", "footer",
                                                            "header", "menu",  "figcaption"};

// Elements that start a new line of the output.
constexpr std::array<std::string_view, 31> kBlockTags = {
    "p",  "div",        "section", "article", "main", "h1",       "h2",  "h3",
    "h4", "h5",         "h6",      "li",      "ul",   "ol",       "dl",  "dd",
    "dt", "blockquote", "pre",     "table",   "tr",   "td",       "th",  "br",
    "hr", "figure",     "address", "center",  "form", "fieldset", "body"};

constexpr std::array<std::string_view, 8> kParagraphTags = {"p",  "pre", "td", "blockquote",
                                                            "h2", "h3",  "h4", "dd"};

// The whole page's blocks replace the body chosen when the page holds this
// many times its text outside links, or kShortBodyTimes when the body is
// shorter than kShortBody bytes.
constexpr size_t kFragmentTimes = 3;
constexpr size_t kShortBodyTimes = 2;
constexpr size_t kShortBody = 250;
// A content cue or <article> must hold this much text to be taken.
constexpr size_t kMinCueText = 200;
// Parts of a body split in several marked elements: each holds at least
// kMinPart text, at most kMaxParts are merged, and together they hold at
// least kMergedShare of the text of the element that holds them all.
constexpr size_t kMinPart = 100;
constexpr size_t kMaxParts = 200;
// Candidates looked at, so that nested marked elements cost bounded time.
constexpr size_t kMaxCandidates = 1000;
constexpr double kMergedShare = 0.4;
// A block of at least this much text is scored as a paragraph.
constexpr size_t kMinParagraph = 25;
// An element with a drop cue that holds at least this share of the page's
// text is a layout wrapper, not boilerplate.
constexpr double kWrapperShare = 0.6;
// ... and so is one that holds at least this share of its paragraph text,
// or a block of at least kMinTextBlock paragraph text that is this share
// paragraphs and holds kTextBlockProseShare of the page's paragraph text.
constexpr double kProseShare = 0.5;
constexpr size_t kMinTextBlock = 200;
constexpr double kTextBlockParagraphShare = 0.9;
constexpr double kTextBlockProseShare = 0.1;
// A line of at most this many bytes not ended like a sentence is a label.
constexpr size_t kMaxLabelBytes = 60;
// How far up from a <header> an <article> is looked for.
constexpr size_t kMaxArticleDepth = 64;
// An <article> with at least this many paragraphs is not a teaser.
constexpr size_t kArticleParagraphs = 3;
// Output lines whose text is more than this share of link text are dropped.
constexpr double kMaxLineLinkDensity = 0.5;
// A sibling of the body (or of an element holding it) reads like more of the
// article with a paragraph, more than this much text, under this share of it
// links...
constexpr size_t kMinProseSibling = 80;
constexpr double kMaxProseLinkDensity = 0.25;
// ... and, above the body's parent, this much text in paragraphs.
constexpr size_t kMinGatheredProse = 100;
// A sibling of the body itself needs no paragraph with this much text.
constexpr size_t kMinLeadText = 100;
// Lines longer than this are not matched against label and end cues.
constexpr size_t kMaxCueLineBytes = 100;
// A paragraph counts as prose when under this share of its text is links.
constexpr double kMaxParagraphLinkDensity = 0.5;

template <size_t N>
bool In(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Text, link text and commas under an element, and its score as a content
// container; kept in a vector reached through xmlNode::_private.
struct NodeStats {
  size_t text = 0;
  size_t link_text = 0;
  size_t commas = 0;
  size_t paragraphs = 0;
  size_t paragraph_text = 0;  // text in its paragraphs that are not mostly links
  bool holds_body = false;    // is or holds an element marked as the article body
  bool drop_cue = false;      // its class or id matches a drop cue
  bool content_cue = false;   // ... a content cue
  double score = 0;
  bool scored = false;
};

double LinkDensity(const NodeStats& stats) {
  return stats.text == 0 ? 0.0 : static_cast<double>(stats.link_text) / stats.text;
}

std::string ClassAndId(const xmlNode& node) {
  std::string key(AttributeOf(node, "class"));
  key.push_back(' ');
  key.append(AttributeOf(node, "id"));
  return key;
}

bool IsHidden(const xmlNode& node) {
  if (xmlHasProp(&node, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  if (AttributeOf(node, "aria-hidden") == "true") return true;
  std::string style(AttributeOf(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return IsSpace(c); }),
              style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

class ContentExtractor {
 public:
  ContentExtractor(xmlDoc& doc, const ClassCues& cues) : doc_(doc), cues_(cues) {}

  std::string Extract(const std::optional<std::string>& json_ld_body) {
    xmlNode* body = FindBody();
    if (!body) return json_ld_body ? *json_ld_body : "";
    Measure(body);
    Prune(body);
    Measure(body);
    const xmlNode* root = ChooseRoot(body);
    std::string text = root == body ? Write(*body) : WriteWithSiblings(*root, *body);
    if (root != body && IsFragment(text, StatsOf(*body))) {
      std::string whole = Write(*body);
      if (whole.size() > text.size()) text = std::move(whole);
    }
    text = WithoutCuedLines(text);
    if (json_ld_body && json_ld_body->size() > 2 * text.size()) return *json_ld_body;
    return text;
  }

 private:
  // The body chosen may be a fragment of the page's text (a cookie notice,
  // one tab of a product page, a text in <div>s with no paragraphs): the
  // page's text outside links holds three times as much, or twice as much
  // when the body is short. Measured in bytes other than white space, from
  // the stats, so that the whole page is written only when it is taken.
  static bool IsFragment(std::string_view text, const NodeStats& page) {
    const size_t chosen = static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](unsigned char c) { return !IsSpace(c); }));
    const size_t outside_links = page.text - page.link_text;
    const size_t times = text.size() < kShortBody ? kShortBodyTimes : kFragmentTimes;
    return outside_links > times * chosen;
  }

  // Lines a label cue names leave; a line an end cue names ends the article
  // there when what follows is shorter than what precedes it (a related
  // box in the middle of the text does not cut its second half).
  std::string WithoutCuedLines(std::string_view text) const {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      start = end + 1;
      if (line.size() <= kMaxCueLineBytes) {
        if (cues_.Matches(CueKind::kLabel, line)) continue;
        if (cues_.Matches(CueKind::kEnd, line)) {
          if (text.size() - end <= out.size()) break;
          continue;
        }
      }
      if (!out.empty()) out.push_back('\n');
      out.append(line);
    }
    return out;
  }

  xmlNode* FindBody() {
    xmlNode* root = xmlDocGetRootElement(&doc_);
    if (!root) return nullptr;
    for (xmlNode* at = root; at; at = const_cast<xmlNode*>(NextInWalk(at, root))) {
      if (IsElement(*at) && NameOf(*at) == "body") return at;
    }
    return root;
  }

  // Unlinks what is never article text; collected first, as unlinking
  // during the walk would cut it.
  void Prune(xmlNode* body) {
    std::vector<xmlNode*> unwanted;
    for (const xmlNode* at = body; at;) {
      bool descend = true;
      if (at->type == XML_COMMENT_NODE) {
        unwanted.push_back(const_cast<xmlNode*>(at));
      } else if (IsElement(*at) && at != body && IsUnwanted(*at, StatsOf(*body))) {
        unwanted.push_back(const_cast<xmlNode*>(at));
        descend = false;
      }
      at = NextInWalk(at, body, descend);
    }
    for (xmlNode* node : unwanted) {
      xmlUnlinkNode(node);
      xmlFreeNode(node);
    }
  }

  // Class cues also name layout wrappers ("has-sidebar", "page-with-menu")
  // and articles ("enable-pin-share", a theme's "entry share"): an element
  // holding the article body or most of the page's text stays, and so do an
  // <article> of several paragraphs (a teaser card has one at most) and an
  // element holding much of the page's prose (HoldsPageProse).
  bool IsUnwanted(const xmlNode& node, const NodeStats& page) const {
    const std::string_view name = NameOf(node);
    if (In(kUnwantedTags, name)) return true;
    const NodeStats& stats = StatsOf(node);
    if (stats.holds_body) return false;
    if (IsHidden(node)) return true;
    if (!In(kFurnitureTags, name) || IsArticleHeader(node)) {
      if (!stats.drop_cue) return false;
      if (name == "article" && stats.paragraphs >= kArticleParagraphs) return false;
      if (HoldsPageProse(stats, page)) return false;
    }
    return static_cast<double>(stats.text) < kWrapperShare * static_cast<double>(page.text);
  }

  // Half of the page's paragraph text, or a block of text (a page builder's
  // text widget) that is nearly all paragraphs and a tenth of that text.
  static bool HoldsPageProse(const NodeStats& stats, const NodeStats& page) {
    if (stats.paragraph_text == 0) return false;
    const double share =
        static_cast<double>(stats.paragraph_text) / static_cast<double>(page.paragraph_text);
    if (share >= kProseShare) return true;
    return share >= kTextBlockProseShare && stats.paragraph_text >= kMinTextBlock &&
           static_cast<double>(stats.paragraph_text) >=
               kTextBlockParagraphShare * static_cast<double>(stats.text);
  }

  // An article's own <header> holds its standfirst, not the site's menu: a
  // <header> in an <article>, or one holding prose (a site's header has
  // links and a slogan at most).
  static bool IsArticleHeader(const xmlNode& node) {
    if (NameOf(node) != "header") return false;
    const NodeStats& stats = StatsOf(node);
    return (stats.paragraph_text >= kMinGatheredProse &&
            LinkDensity(stats) < kMaxProseLinkDensity) ||
           InArticle(node);
  }

  // The look up is bounded, so nested headers cost linear time.
  static bool InArticle(const xmlNode& node) {
    size_t steps = 0;
    for (const xmlNode* at = node.parent; at && steps < kMaxArticleDepth;
         at = at->parent, ++steps) {
      if (IsElement(*at) && NameOf(*at) == "article") return true;
    }
    return false;
  }

  // Fills stats_ bottom-up: each text node's bytes count for every element
  // above it, added once per level from the children up.
  // The cues are matched once, on the first measure, and carried over.
  void Measure(xmlNode* body) {
    std::vector<xmlNode*> order;
    // Scripts and styles are neither text nor structure: not walked into.
    for (const xmlNode* at = body; at;) {
      const bool element = IsElement(*at);
      if (element) order.push_back(const_cast<xmlNode*>(at));
      at = NextInWalk(at, body, !element || !In(kUnwantedTags, NameOf(*at)));
    }
    const bool remeasure = !stats_.empty();
    std::vector<NodeStats> fresh(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      if (remeasure) {
        fresh[i].drop_cue = StatsOf(*order[i]).drop_cue;
        fresh[i].content_cue = StatsOf(*order[i]).content_cue;
      } else {
        MatchCues(*order[i], fresh[i]);
      }
    }
    stats_ = std::move(fresh);
    for (size_t i = 0; i < order.size(); ++i) order[i]->_private = &stats_[i];
    for (size_t i = order.size(); i-- > 0;) {
      xmlNode* node = order[i];
      NodeStats& stats = *static_cast<NodeStats*>(node->_private);
      for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE && child->content && !In(kUnwantedTags, NameOf(*node))) {
          CountText(reinterpret_cast<const char*>(child->content), stats);
        }
      }
      if (NameOf(*node) == "a") stats.link_text = stats.text;
      if (IsBodyMark(*node)) stats.holds_body = true;
      if (In(kParagraphTags, NameOf(*node)) && stats.text >= kMinParagraph) {
        ++stats.paragraphs;
        // A paragraph inside another (<p> in <td>) is counted once.
        if (stats.paragraph_text == 0 && LinkDensity(stats) < kMaxParagraphLinkDensity) {
          stats.paragraph_text = stats.text;
        }
      }
      if (node != body && node->parent && node->parent->_private) {
        NodeStats& parent = *static_cast<NodeStats*>(node->parent->_private);
        parent.text += stats.text;
        parent.link_text += stats.link_text;
        parent.commas += stats.commas;
        parent.paragraphs += stats.paragraphs;
        parent.paragraph_text += stats.paragraph_text;
        parent.holds_body = parent.holds_body || stats.holds_body;
      }
    }
  }

  static void CountText(std::string_view text, NodeStats& stats) {
    for (unsigned char c : text) {
      if (!IsSpace(c)) ++stats.text;
      if (c == ',') ++stats.commas;
    }
  }

  static const NodeStats& StatsOf(const xmlNode& node) {
    return *static_cast<const NodeStats*>(node._private);
  }

  // <main>, schema.org's articleBody and the class cues of article bodies;
  // not <article>, which teaser lists use for each link.
  static bool IsBodyMark(const xmlNode& node) {
    return NameOf(node) == "main" || StatsOf(node).content_cue ||
           AttributeOf(node, "itemprop") == "articleBody";
  }

  // Matched once per distinct class and id: pages repeat them on many
  // elements (menu items, cards), and each match runs RE2 sets over the key.
  void MatchCues(const xmlNode& node, NodeStats& stats) {
    if (AttributeOf(node, "class").empty() && AttributeOf(node, "id").empty()) return;
    const auto [at, added] = cue_matches_.try_emplace(ClassAndId(node));
    if (added) {
      at->second = {cues_.Matches(CueKind::kDrop, at->first),
                    cues_.Matches(CueKind::kContent, at->first)};
    }
    stats.drop_cue = at->second.first;
    stats.content_cue = at->second.second;
  }

  const xmlNode* ChooseRoot(xmlNode* body) {
    if (const xmlNode* cued = BestCued(body)) return cued;
    return BestScored(body);
  }

  // The articleBody and content cue elements, else the <article> elements,
  // merged (see Merge).
  const xmlNode* BestCued(const xmlNode* body) const {
    std::vector<const xmlNode*> cued;
    std::vector<const xmlNode*> articles;
    for (const xmlNode* at = body; at; at = NextInWalk(at, body)) {
      if (!IsElement(*at) || !at->_private) continue;
      if (StatsOf(*at).text < kMinPart) continue;
      if (StatsOf(*at).content_cue || AttributeOf(*at, "itemprop") == "articleBody") {
        if (cued.size() < kMaxCandidates) cued.push_back(at);
      } else if (NameOf(*at) == "article") {
        if (articles.size() < kMaxCandidates) articles.push_back(at);
      }
    }
    if (const xmlNode* merged = Merge(cued)) return merged;
    return Merge(articles);
  }

  // Pages split their body into several marked parts (a CMS's text elements,
  // a forum's posts): the parts' nearest common ancestor when they make up
  // most of its text, else the largest part. nullptr when the largest part
  // is too short to be a body.
  static const xmlNode* Merge(const std::vector<const xmlNode*>& candidates) {
    std::vector<const xmlNode*> parts;
    for (const xmlNode* candidate : candidates) {
      // Preorder: a part inside the previous outermost part is not a part.
      if (!parts.empty() && Contains(parts.back(), candidate)) continue;
      parts.push_back(candidate);
      if (parts.size() == kMaxParts) break;
    }
    const xmlNode* largest = nullptr;
    size_t total = 0;
    for (const xmlNode* part : parts) {
      total += StatsOf(*part).text;
      if (!largest || StatsOf(*part).text > StatsOf(*largest).text) largest = part;
    }
    if (!largest || StatsOf(*largest).text < kMinCueText) return nullptr;
    if (parts.size() == 1) return largest;
    const xmlNode* ancestor = parts.front();
    for (const xmlNode* part : parts) ancestor = CommonAncestor(ancestor, part);
    if (!ancestor || !ancestor->_private) return largest;
    return static_cast<double>(total) >= kMergedShare * StatsOf(*ancestor).text ? ancestor
                                                                                : largest;
  }

  static bool Contains(const xmlNode* outer, const xmlNode* inner) {
    for (const xmlNode* at = inner; at; at = at->parent) {
      if (at == outer) return true;
    }
    return false;
  }

  static const xmlNode* CommonAncestor(const xmlNode* a, const xmlNode* b) {
    size_t depth_a = Depth(a);
    size_t depth_b = Depth(b);
    for (; depth_a > depth_b; --depth_a) a = a->parent;
    for (; depth_b > depth_a; --depth_b) b = b->parent;
    while (a != b) {
      a = a->parent;
      b = b->parent;
    }
    return a;
  }

  static size_t Depth(const xmlNode* node) {
    size_t depth = 0;
    for (; node; node = node->parent) ++depth;
    return depth;
  }

  double ClassWeight(const xmlNode& node) const {
    const std::string key = ClassAndId(node);
    if (key.size() <= 1) return 0;
    double weight = 0;
    if (cues_.Matches(CueKind::kNegative, key)) weight -= 25;
    if (cues_.Matches(CueKind::kPositive, key)) weight += 25;
    return weight;
  }

  static double TagWeight(std::string_view name) {
    if (name == "div" || name == "article" || name == "section" || name == "main") return 5;
    if (name == "pre" || name == "td" || name == "blockquote") return 3;
    if (name == "ol" || name == "ul" || name == "dl" || name == "li" || name == "form") return -3;
    if (name.size() == 2 && name[0] == 'h') return -5;
    return 0;
  }

  void Credit(xmlNode* node, double points) {
    if (!node || !node->_private || !IsElement(*node)) return;
    NodeStats& stats = *static_cast<NodeStats*>(node->_private);
    if (!stats.scored) {
      stats.scored = true;
      stats.score = TagWeight(NameOf(*node)) + ClassWeight(*node);
    }
    stats.score += points;
  }

  // Readability's scoring: each paragraph credits its parent fully and its
  // grandparent half; the best container after link density wins.
  const xmlNode* BestScored(xmlNode* body) {
    for (const xmlNode* at = body; at; at = NextInWalk(at, body)) {
      if (!IsElement(*at) || !In(kParagraphTags, NameOf(*at))) continue;
      const NodeStats& stats = StatsOf(*at);
      if (stats.text < kMinParagraph) continue;
      const double points =
          1.0 + static_cast<double>(stats.commas) + std::min(stats.text / 100.0, 3.0);
      Credit(at->parent, points);
      if (at->parent) Credit(at->parent->parent, points / 2);
    }
    const xmlNode* best = body;
    double best_score = 0;
    for (const xmlNode* at = body; at; at = NextInWalk(at, body)) {
      if (!IsElement(*at) || !at->_private) continue;
      const NodeStats& stats = StatsOf(*at);
      if (!stats.scored) continue;
      const double score = stats.score * (1.0 - LinkDensity(stats));
      if (score > best_score) {
        best_score = score;
        best = at;
      }
    }
    best_score_ = best_score;
    return best;
  }

  // The chosen container and those of its siblings that read like more of
  // the article: prose with few links beside any body (a standfirst, a
  // closing block), and for a scored body siblings scored near it.
  std::string WriteWithSiblings(const xmlNode& root, const xmlNode& body) const {
    if (!root.parent) return Write(root);
    const double threshold =
        best_score_ > 0 ? std::max(10.0, best_score_ * 0.2) : std::numeric_limits<double>::max();
    std::string text;
    for (const xmlNode* sibling = root.parent->children; sibling; sibling = sibling->next) {
      if (!IsElement(*sibling) || !sibling->_private) continue;
      bool take = sibling == &root || IsProse(*sibling) || IsLead(*sibling);
      const NodeStats& stats = StatsOf(*sibling);
      if (!take && stats.scored && stats.score * (1.0 - LinkDensity(stats)) >= threshold) {
        take = true;
      }
      if (take) AppendLines(Write(*sibling), text);
    }
    GatherAbove(root, body, text);
    return text;
  }

  static bool IsProse(const xmlNode& node) {
    const NodeStats& stats = StatsOf(node);
    return (NameOf(node) == "p" || stats.paragraphs > 0) && stats.text > kMinProseSibling &&
           LinkDensity(stats) < kMaxProseLinkDensity;
  }

  // A standfirst set in a <div> rather than a <p>, beside the body.
  static bool IsLead(const xmlNode& node) {
    const NodeStats& stats = StatsOf(node);
    return stats.text >= kMinLeadText && LinkDensity(stats) < kMaxProseLinkDensity;
  }

  // Pages build their body of sibling blocks (a CMS's text elements, an
  // intro in a hero block) and the chosen body is one of them, often deep
  // inside its own wrappers: each element above it brings its siblings that
  // hold prose, in page order. The walk stops below an element that marks
  // the article, whose outside is the page's, not the article's.
  static void GatherAbove(const xmlNode& root, const xmlNode& body, std::string& text) {
    for (const xmlNode* at = root.parent; at != &body && at->parent && at->parent->_private;
         at = at->parent) {
      if (IsBodyMark(*at) || NameOf(*at) == "article") return;
      std::string before;
      std::string after;
      bool seen = false;
      for (const xmlNode* sibling = at->parent->children; sibling; sibling = sibling->next) {
        if (sibling == at) {
          seen = true;
        } else if (IsElement(*sibling) && sibling->_private && IsProse(*sibling) &&
                   StatsOf(*sibling).paragraph_text >= kMinGatheredProse) {
          AppendLines(Write(*sibling), seen ? after : before);
        }
      }
      AppendLines(text, before);
      AppendLines(after, before);
      text = std::move(before);
    }
  }

  static void AppendLines(const std::string& lines, std::string& text) {
    if (lines.empty()) return;
    if (!text.empty()) text.push_back('\n');
    text += lines;
  }

  // The blocks under `root`, one a line.
  static std::string Write(const xmlNode& root) {
    LineWriter writer;
    WalkTree(
        root,
        [&](const xmlNode& node) {
          if (IsElement(node)) {
            if (In(kBlockTags, NameOf(node))) writer.Break();
            if (NameOf(node) == "a") writer.EnterLink();
          } else if ((node.type == XML_TEXT_NODE || node.type == XML_CDATA_SECTION_NODE) &&
                     node.content) {
            writer.Add(reinterpret_cast<const char*>(node.content));
          }
          return true;
        },
        [&](const xmlNode& node) {
          if (!IsElement(node)) return;
          if (NameOf(node) == "a") writer.LeaveLink();
          if (In(kBlockTags, NameOf(node))) writer.Break();
        });
    writer.Break();
    return std::move(writer).Take();
  }

  // Collects text into lines; a line ends at a block boundary and is kept
  // when it is not mostly link text.
  class LineWriter {
   public:
    void Add(std::string_view text) {
      const size_t before = line_.size();
      AppendCollapsed(text, line_);
      if (links_open_ > 0) link_bytes_ += line_.size() - before;
    }
    void EnterLink() { ++links_open_; }
    void LeaveLink() {
      if (links_open_ > 0) --links_open_;
    }
    void Break() {
      const std::string_view line = Trim(line_);
      if (!line.empty()) {
        const bool links = static_cast<double>(link_bytes_) / line_.size() > kMaxLineLinkDensity;
        // A short label right above a list of links heads that list
        // ("More on this", "Related:"): it goes with it.
        if (links && last_kept_short_) {
          out_.resize(last_line_start_ > 0 ? last_line_start_ - 1 : 0);
        }
        last_kept_short_ = false;
        if (!links) {
          if (!out_.empty()) out_.push_back('\n');
          last_line_start_ = out_.size();
          out_.append(line);
          last_kept_short_ = IsLabel(line);
          if (!last_kept_short_) prose_end_ = out_.size();
        }
      }
      line_.clear();
      link_bytes_ = 0;
    }
    // Labels after the last line that reads like prose are the page's, not
    // the article's ("Photo: ...", "Share this", "Tags").
    std::string Take() && {
      if (prose_end_ > 0 && prose_end_ < out_.size()) out_.resize(prose_end_);
      return std::move(out_);
    }

   private:
    // Short and not ended like a sentence.
    static bool IsLabel(std::string_view line) {
      if (line.size() > kMaxLabelBytes) return false;
      const char last = line.back();
      return last != '.' && last != '!' && last != '?' && last != '"';
    }

    std::string out_;
    std::string line_;
    size_t link_bytes_ = 0;
    int links_open_ = 0;
    size_t last_line_start_ = 0;
    size_t prose_end_ = 0;  // end of the last line that is not a label
    bool last_kept_short_ = false;
  };

  xmlDoc& doc_;
  const ClassCues& cues_;
  std::vector<NodeStats> stats_;
  // Class-and-id key -> (drop cue, content cue), for MatchCues.
  std::unordered_map<std::string, std::pair<bool, bool>> cue_matches_;
  double best_score_ = 0;
};

}  // namespace

std::string ExtractContent(xmlDoc& doc, const ClassCues& cues,
                           const std::optional<std::string>& json_ld_body) {
  return ContentExtractor(doc, cues).Extract(json_ld_body);
}

}  // namespace storyline::html
