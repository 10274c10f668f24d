#include "html/json_ld.h"

#include <libxml/HTMLparser.h>
#include <simdjson.h>

#include <cstdlib>

#include "html/candidates.h"
#include "html/dom.h"
#include "html/meta_text.h"

namespace storyline::html {
namespace {

constexpr int kMaxJsonDepth = 32;

void AppendUtf8(uint32_t code, std::string& out) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size(); ++at) {
    const size_t end = text[at] == '&' ? text.find(';', at) : std::string_view::npos;
    if (end == std::string_view::npos || end - at > 12 || end == at + 1) {
      out.push_back(text[at]);
      continue;
    }
    const std::string name(text.substr(at + 1, end - at - 1));
    uint32_t code = 0;
    if (name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string digits = name.substr(hex ? 2 : 1);
      char* stop = nullptr;
      const unsigned long value = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
      if (!digits.empty() && stop && *stop == '\0') code = static_cast<uint32_t>(value);
    } else if (const htmlEntityDesc* entity =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      code = entity->value;
    }
    if (code == 0) {
      out.push_back(text[at]);
      continue;
    }
    AppendUtf8(code, out);
    at = end;
  }
  return out;
}

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::optional<std::string_view> StringAt(object item, std::string_view key) {
  std::string_view value;
  if (item[key].get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::vector<std::string_view> TypesOf(object item) {
  std::vector<std::string_view> types;
  element type;
  if (item["@type"].get(type) != simdjson::SUCCESS) return types;
  std::string_view one;
  if (type.get_string().get(one) == simdjson::SUCCESS) {
    types.push_back(one);
  } else if (type.is_array()) {
    for (element entry : type.get_array()) {
      if (entry.get_string().get(one) == simdjson::SUCCESS) types.push_back(one);
    }
  }
  for (std::string_view& entry : types) {
    // "http://schema.org/NewsArticle" and "schema:NewsArticle".
    size_t at = entry.find_last_of("/:");
    if (at != std::string_view::npos) entry.remove_prefix(at + 1);
  }
  return types;
}

bool IsArticleType(std::string_view type) {
  return EndsWith(type, "Article") || EndsWith(type, "Posting") || type == "Report" ||
         type == "Review";
}

bool IsPageType(std::string_view type) { return EndsWith(type, "Page"); }

}  // namespace

class JsonLdReader::Impl {
 public:
  Impl(Collector& collector, std::optional<std::string>& body)
      : collector_(collector), body_(body) {}

  void Read(std::string_view script) {
    std::string text(script);
    for (char& c : text) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    // Some pages wrap the JSON in an HTML comment or CDATA markers.
    std::string_view view = Trim(text);
    for (std::string_view wrapper : {"<!--", "//<![CDATA[", "<![CDATA["}) {
      if (view.substr(0, wrapper.size()) == wrapper) view.remove_prefix(wrapper.size());
    }
    for (std::string_view wrapper : {"-->", "//]]>", "]]>"}) {
      view = Trim(view);
      if (EndsWith(view, wrapper)) view.remove_suffix(wrapper.size());
    }
    element root;
    if (parser_.parse(view.data(), view.size()).get(root) != simdjson::SUCCESS) return;
    Visit(root, 0);
  }

 private:
  void Visit(element value, int depth) {
    if (depth > kMaxJsonDepth) return;
    if (value.is_array()) {
      for (element entry : value.get_array()) Visit(entry, depth + 1);
      return;
    }
    object item;
    if (value.get_object().get(item) != simdjson::SUCCESS) return;
    Take(item);
    for (auto [key, member] : item) {
      // People and organizations are read as authors (ReadAuthors); the
      // reviews and comments of an item have dates and authors of their own.
      if (key == "author" || key == "publisher" || key == "creator" || key == "review" ||
          key == "reviews" || key == "comment" || key == "comments")
        continue;
      if (member.is_object() || member.is_array()) Visit(member, depth + 1);
    }
  }

  void Take(object item) {
    std::vector<std::string_view> types = TypesOf(item);
    if (types.empty()) return;
    std::string_view type = types.front();
    int base = rank::kJsonOther;
    for (std::string_view entry : types) {
      if (IsArticleType(entry)) {
        base = rank::kJsonArticle;
        type = entry;
        break;
      }
      if (IsPageType(entry) && base > rank::kJsonPage) {
        base = rank::kJsonPage;
        type = entry;
      }
    }
    const std::string prefix = "JSON-LD " + std::string(type) + ".";
    if (type == "WebSite") {
      if (auto name = StringAt(item, "name"))
        collector_.Add("site_name", *name, "json-ld", prefix + "name", rank::kJsonWebSite);
      return;
    }
    if (base == rank::kJsonOther) {
      // Organizations, people, images, breadcrumbs...: only a date of
      // publication is taken from other types.
      if (type == "Person" || type == "Organization" || type == "ImageObject" ||
          type == "BreadcrumbList" || type == "ListItem" || type == "SearchAction")
        return;
    }
    if (base != rank::kJsonOther) {
      // Pages' names are often the <title> again: trusted less than <meta>.
      const int title_rank = base == rank::kJsonArticle ? base : rank::kJsonPageTitle;
      if (auto headline = StringAt(item, "headline")) {
        collector_.Add("title", *headline, "json-ld", prefix + "headline", title_rank);
      } else if (auto name = StringAt(item, "name")) {
        collector_.Add("title", *name, "json-ld", prefix + "name", title_rank + 1);
      }
    }
    if (auto date = StringAt(item, "datePublished")) {
      collector_.AddDate("published", *date, "json-ld", prefix + "datePublished", base);
    } else if (auto created = StringAt(item, "dateCreated")) {
      collector_.AddDate("published", *created, "json-ld", prefix + "dateCreated", base + 1);
    }
    if (auto date = StringAt(item, "dateModified")) {
      collector_.AddDate("modified", *date, "json-ld", prefix + "dateModified", base);
    }
    if (base == rank::kJsonOther) return;
    element author;
    if (item["author"].get(author) == simdjson::SUCCESS) {
      const int group = collector_.NewGroup();
      ReadAuthors(author, 0, prefix + "author", base, group);
    }
    object publisher;
    if (item["publisher"].get_object().get(publisher) == simdjson::SUCCESS) {
      if (auto name = StringAt(publisher, "name"))
        collector_.Add("site_name", *name, "json-ld", prefix + "publisher.name", base + 5);
    }
    if (auto language = StringAt(item, "inLanguage")) {
      collector_.Add("language", *language, "json-ld", prefix + "inLanguage", base + 5);
    }
    if (auto url = StringAt(item, "url")) {
      collector_.Add("canonical_url", *url, "json-ld", prefix + "url", base + 20);
    } else {
      object main;
      if (item["mainEntityOfPage"].get_object().get(main) == simdjson::SUCCESS) {
        if (auto id = StringAt(main, "@id"))
          collector_.Add("canonical_url", *id, "json-ld", prefix + "mainEntityOfPage", base + 21);
      } else if (auto id = StringAt(item, "mainEntityOfPage")) {
        collector_.Add("canonical_url", *id, "json-ld", prefix + "mainEntityOfPage", base + 21);
      }
    }
    if (!body_ && base == rank::kJsonArticle) {
      auto body = StringAt(item, "articleBody");
      if (!body) body = StringAt(item, "text");
      if (body && !Trim(*body).empty()) body_ = std::string(Trim(*body));
    }
  }

  void ReadAuthors(element value, int depth, const std::string& evidence, int base, int group) {
    if (depth > 4) return;
    std::string_view name;
    if (value.get_string().get(name) == simdjson::SUCCESS) {
      collector_.AddAuthor(name, "json-ld", evidence, base, group);
      return;
    }
    if (value.is_array()) {
      for (element entry : value.get_array()) ReadAuthors(entry, depth + 1, evidence, base, group);
      return;
    }
    object item;
    if (value.get_object().get(item) != simdjson::SUCCESS) return;
    if (auto text = StringAt(item, "name")) {
      collector_.AddAuthor(*text, "json-ld", evidence, base, group);
    } else {
      element nested;
      if (item["name"].get(nested) == simdjson::SUCCESS)
        ReadAuthors(nested, depth + 1, evidence, base, group);
    }
  }

  Collector& collector_;
  std::optional<std::string>& body_;
  simdjson::dom::parser parser_;
};

JsonLdReader::JsonLdReader(Collector& collector, std::optional<std::string>& body)
    : impl_(std::make_unique<Impl>(collector, body)) {}
JsonLdReader::~JsonLdReader() = default;

void JsonLdReader::Read(std::string_view script) { impl_->Read(script); }

}  // namespace storyline::html
