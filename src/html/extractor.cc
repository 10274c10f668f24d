#include <libxml/HTMLparser.h>

#include <limits>
#include <memory>
#include <string_view>

#include "html/content.h"
#include "html/cues.h"
#include "html/html.h"
#include "html/metadata.h"

namespace storyline::html {
namespace {

// Recovery on, no network, no error output; COMPACT saves allocations for
// short text nodes. NOIMPLIED is left off so every page gets <html><body>.
// HUGE lifts the cap of 256 nested elements, past which libxml2 stops and
// drops the rest of the page: unclosed <div>s reach it on real pages, and
// every walk here is iterative.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD |
                              XML_PARSE_HUGE;

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct ContextDeleter {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

// htmlReadMemory, on a context that skips ID attributes: libxml2 otherwise
// files every id="..." in a hash table of the document (for xmlGetID, which
// nothing here calls) and takes each out again when the document is freed,
// about 2% of the parse. The tree is the same.
std::unique_ptr<xmlDoc, DocDeleter> ParseHtml(std::string_view markup, const char* url) {
  const std::unique_ptr<htmlParserCtxt, ContextDeleter> context(htmlNewParserCtxt());
  if (!context) return nullptr;
  context->loadsubset |= XML_SKIP_IDS;
  return std::unique_ptr<xmlDoc, DocDeleter>(htmlCtxtReadMemory(
      context.get(), markup.data(), static_cast<int>(markup.size()), url, "UTF-8", kParseOptions));
}

}  // namespace

struct Extractor::Rules {
  ClassCues cues;
  DateWords date_words;
  MetadataWords metadata_words;
};

std::optional<std::string> Page::First(std::string_view field) const {
  for (const MetadataField& entry : metadata) {
    if (entry.field == field) return entry.value;
  }
  return std::nullopt;
}

Result<Extractor> Extractor::Create(const Options& options, const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(std::string contents, data.Read(options.cues));
  SL_ASSIGN_OR_RETURN(ClassCues cues, ClassCues::Parse(options.cues, contents));
  SL_ASSIGN_OR_RETURN(std::string words, data.Read(options.date_words));
  SL_ASSIGN_OR_RETURN(DateWords date_words, DateWords::Parse(options.date_words, words));
  SL_ASSIGN_OR_RETURN(std::string metadata_contents, data.Read(options.metadata_words));
  SL_ASSIGN_OR_RETURN(MetadataWords metadata_words,
                      MetadataWords::Parse(options.metadata_words, metadata_contents));
  return Extractor(std::make_unique<const Rules>(
      Rules{std::move(cues), std::move(date_words), std::move(metadata_words)}));
}

Page Extractor::Extract(std::string_view markup, const PageContext& context) const {
  Page page;
  if (markup.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    page.warnings.push_back({"html_too_large", "page larger than 2 GB: not parsed"});
    return page;
  }
  const std::string url(context.url);
  const std::unique_ptr<xmlDoc, DocDeleter> doc =
      ParseHtml(markup, url.empty() ? nullptr : url.c_str());
  if (!doc) {
    page.warnings.push_back({"html_unparsed", "the markup could not be parsed"});
    return page;
  }
  Metadata metadata = ReadMetadata(*doc, context, rules_->date_words, rules_->metadata_words);
  page.metadata = std::move(metadata.fields);
  page.text = ExtractContent(*doc, rules_->cues, metadata.json_ld_body);
  if (page.text.empty()) {
    page.warnings.push_back({"html_no_content", "no main text found in the page"});
  }
  return page;
}

Extractor::Extractor(std::unique_ptr<const Rules> rules) : rules_(std::move(rules)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

}  // namespace storyline::html
