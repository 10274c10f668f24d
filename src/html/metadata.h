// metadata.h (internal): a parsed page's metadata, with where each value
// came from (see html.h for the fields).
//
// Sources, in the order they are trusted: JSON-LD (schema.org Article,
// NewsArticle, BlogPosting, WebPage, and @graph lists), Open Graph, Dublin
// Core, article:* and other <meta> tags, <time datetime>/itemprop, the URL
// (/2021/09/28/ and similar), byline text, then <title> and the first <h1>.
#pragma once

#include <libxml/HTMLtree.h>

#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "html/html.h"

namespace storyline::html {

struct Metadata {
  std::vector<MetadataField> fields;  // in the order of html.h's field list
  // JSON-LD articleBody (or text), when the page gives one, for the content
  // extractor to reconcile with.
  std::optional<std::string> json_ld_body;
};

// Reads the metadata of `doc`. Never fails; bad JSON-LD is skipped.
Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context);

}  // namespace storyline::html
