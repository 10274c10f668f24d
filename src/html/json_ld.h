// json_ld.h (internal): the JSON-LD source of the metadata reader
// (metadata.h).
//
// Each <script type="application/ld+json"> is parsed with simdjson; invalid
// JSON is skipped (raw control characters are read as spaces first, HTML
// comment and CDATA wrappers are dropped). Arrays, @graph and nested objects
// are searched to depth 32 (not inside author, publisher and creator). Per
// object, by @type ("http://schema.org/X" and "schema:X" read as "X"):
//   Article-like (*Article, *Posting, Report, Review; rank kJsonArticle)
//   and *Page (kJsonPage): headline (else name) as title, datePublished
//   (else dateCreated), dateModified, author names (a string, an object with
//   "name", or an array of them), publisher.name, inLanguage, url (else
//   mainEntityOfPage); Article-like objects also give articleBody (else
//   text), the first one kept.
//   WebSite: name as site_name.
//   Person, Organization, ImageObject, BreadcrumbList, ListItem,
//   SearchAction: nothing. Other types: dates only (kJsonOther).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::html {

class Collector;

// Reads the scripts of one page into `collector`; the article body into
// `body` when it is still empty. Reuses one parser across scripts.
class JsonLdReader {
 public:
  JsonLdReader(Collector& collector, std::optional<std::string>& body);
  ~JsonLdReader();
  JsonLdReader(const JsonLdReader&) = delete;
  JsonLdReader& operator=(const JsonLdReader&) = delete;

  // The text of one script element.
  void Read(std::string_view script);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// HTML character references in `text` decoded ("&oacute;", "&#039;"): JSON-LD
// strings often carry them, escaped once more than the markup around them.
// Unknown or malformed references are kept as written.
std::string DecodeEntities(std::string_view text);

}  // namespace storyline::html
