#include "html/content.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/dom.h"

namespace storyline::html {
namespace {

// Elements whose content is never article text.
constexpr std::array<std::string_view, 24> kUnwantedTags = {
    "script", "style",    "noscript", "template", "svg",    "iframe",     "button", "select",
    "input",  "textarea", "nav",      "aside",    "footer", "header",     "head",   "object",
    "embed",  "canvas",   "map",      "audio",    "video",  "figcaption", "dialog", "menu"};

// Elements that start a new line of the output.
constexpr std::array<std::string_view, 31> kBlockTags = {
    "p",  "div",        "section", "article", "main", "h1",       "h2",  "h3",
    "h4", "h5",         "h6",      "li",      "ul",   "ol",       "dl",  "dd",
    "dt", "blockquote", "pre",     "table",   "tr",   "td",       "th",  "br",
    "hr", "figure",     "address", "center",  "form", "fieldset", "body"};

constexpr std::array<std::string_view, 8> kParagraphTags = {"p",  "pre", "td", "blockquote",
                                                            "h2", "h3",  "h4", "dd"};

// A body shorter than this (in text bytes) is checked against the fallbacks.
constexpr size_t kShortBody = 250;
// A content cue or <article> must hold this much text to be taken.
constexpr size_t kMinCueText = 200;
// A block of at least this much text is scored as a paragraph.
constexpr size_t kMinParagraph = 25;
// Output lines whose text is more than this share of link text are dropped.
constexpr double kMaxLineLinkDensity = 0.5;

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

bool IsProtected(const xmlNode& node) {
  const std::string_view name = NameOf(node);
  return name == "html" || name == "body" || name == "main" || name == "article" ||
         AttributeOf(node, "itemprop") == "articleBody";
}

class ContentExtractor {
 public:
  ContentExtractor(xmlDoc& doc, const ClassCues& cues) : doc_(doc), cues_(cues) {}

  std::string Extract(const std::optional<std::string>& json_ld_body) {
    xmlNode* body = FindBody();
    if (!body) return json_ld_body ? *json_ld_body : "";
    Prune(body);
    Measure(body);
    const xmlNode* root = ChooseRoot(body);
    std::string text = root == body ? Write(*body) : WriteWithSiblings(*root);
    if (text.size() < kShortBody && root != body) {
      std::string whole = Write(*body);
      if (whole.size() > text.size() * 2) text = std::move(whole);
    }
    if (json_ld_body && json_ld_body->size() > 2 * text.size()) return *json_ld_body;
    return text;
  }

 private:
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
      } else if (IsElement(*at) && at != body && IsUnwanted(*at)) {
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

  bool IsUnwanted(const xmlNode& node) const {
    const std::string_view name = NameOf(node);
    if (In(kUnwantedTags, name)) return true;
    if (IsProtected(node)) return false;
    if (IsHidden(node)) return true;
    const std::string key = ClassAndId(node);
    return key.size() > 1 && cues_.Matches(CueKind::kDrop, key);
  }

  // Fills stats_ bottom-up: each text node's bytes count for every element
  // above it, added once per level from the children up.
  void Measure(xmlNode* body) {
    std::vector<xmlNode*> order;
    for (const xmlNode* at = body; at; at = NextInWalk(at, body)) {
      if (IsElement(*at)) order.push_back(const_cast<xmlNode*>(at));
    }
    stats_.assign(order.size(), NodeStats{});
    for (size_t i = 0; i < order.size(); ++i) order[i]->_private = &stats_[i];
    for (size_t i = order.size(); i-- > 0;) {
      xmlNode* node = order[i];
      NodeStats& stats = *static_cast<NodeStats*>(node->_private);
      for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE && child->content) {
          CountText(reinterpret_cast<const char*>(child->content), stats);
        }
      }
      if (NameOf(*node) == "a") stats.link_text = stats.text;
      if (In(kParagraphTags, NameOf(*node)) && stats.text >= kMinParagraph) ++stats.paragraphs;
      if (node != body && node->parent && node->parent->_private) {
        NodeStats& parent = *static_cast<NodeStats*>(node->parent->_private);
        parent.text += stats.text;
        parent.link_text += stats.link_text;
        parent.commas += stats.commas;
        parent.paragraphs += stats.paragraphs;
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

  const xmlNode* ChooseRoot(xmlNode* body) {
    if (const xmlNode* cued = BestCued(body)) return cued;
    return BestScored(body);
  }

  // The element with the most text among articleBody and content cues, else
  // the <article> with the most text.
  const xmlNode* BestCued(const xmlNode* body) const {
    const xmlNode* best_cued = nullptr;
    const xmlNode* best_article = nullptr;
    for (const xmlNode* at = body; at; at = NextInWalk(at, body)) {
      if (!IsElement(*at) || !at->_private) continue;
      const size_t text = StatsOf(*at).text;
      if (text < kMinCueText) continue;
      const bool cued = AttributeOf(*at, "itemprop") == "articleBody" ||
                        cues_.Matches(CueKind::kContent, ClassAndId(*at));
      if (cued && (!best_cued || text > StatsOf(*best_cued).text)) best_cued = at;
      if (NameOf(*at) == "article" && (!best_article || text > StatsOf(*best_article).text)) {
        best_article = at;
      }
    }
    return best_cued ? best_cued : best_article;
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
  // the article (scored near it, or long paragraphs with few links).
  std::string WriteWithSiblings(const xmlNode& root) const {
    if (!root.parent || best_score_ <= 0) return Write(root);
    const double threshold = std::max(10.0, best_score_ * 0.2);
    std::string text;
    for (const xmlNode* sibling = root.parent->children; sibling; sibling = sibling->next) {
      if (!IsElement(*sibling) || !sibling->_private) continue;
      bool take = sibling == &root;
      const NodeStats& stats = StatsOf(*sibling);
      if (!take && stats.scored && stats.score * (1.0 - LinkDensity(stats)) >= threshold) {
        take = true;
      }
      if (!take && NameOf(*sibling) == "p" && stats.text > 80 && LinkDensity(stats) < 0.25) {
        take = true;
      }
      if (take) {
        std::string part = Write(*sibling);
        if (part.empty()) continue;
        if (!text.empty()) text.push_back('\n');
        text += part;
      }
    }
    return text;
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
      if (!line.empty() && static_cast<double>(link_bytes_) / line_.size() <= kMaxLineLinkDensity) {
        if (!out_.empty()) out_.push_back('\n');
        out_.append(line);
      }
      line_.clear();
      link_bytes_ = 0;
    }
    std::string Take() && { return std::move(out_); }

   private:
    std::string out_;
    std::string line_;
    size_t link_bytes_ = 0;
    int links_open_ = 0;
  };

  xmlDoc& doc_;
  const ClassCues& cues_;
  std::vector<NodeStats> stats_;
  double best_score_ = 0;
};

}  // namespace

std::string ExtractContent(xmlDoc& doc, const ClassCues& cues,
                           const std::optional<std::string>& json_ld_body) {
  return ContentExtractor(doc, cues).Extract(json_ld_body);
}

}  // namespace storyline::html
