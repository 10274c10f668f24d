// DecodeHtml: a web page's bytes to UTF-8 markup, by the charset its
// byte-order mark, HTTP header or <meta> declares, or ICU detects.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include "core/utf8.h"
#include "ingest/decode.h"

namespace storyline::ingest {
namespace {

// The HTML standard's prescan looks at this much of a page for <meta>.
constexpr size_t kPrescanBytes = 1024;
// ICU's detection reads this much of a page (it is slow on long pages and
// learns little more from them).
constexpr size_t kDetectBytes = 64 << 10;
// A page with this many times more UTF-8 sequences than ill-formed ones is
// read as UTF-8 (repaired) rather than detected.
constexpr size_t kMostlyUtf8Ratio = 4;
// Output is grown by this factor when the first guess at its size is short.
constexpr size_t kGrowth = 2;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// A charset resolved to what converts it: UTF-8 is only checked and repaired,
// anything else goes through an ICU converter.
struct Charset {
  std::string name;     // the label as resolved, for messages
  Converter converter;  // null for UTF-8
};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Case-insensitive: does `text` hold `lower` (lowercase) at `pos`?
bool HasAt(std::string_view text, size_t pos, std::string_view lower) {
  if (pos > text.size() || text.size() - pos < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (Lower(text[pos + i]) != lower[i]) return false;
  }
  return true;
}

// Labels the WHATWG encoding standard decodes as a superset ICU knows under
// another name: ISO-8859-1 and ASCII pages are windows-1252 in practice.
std::string_view WhatwgAlias(std::string_view label) {
  struct Alias {
    std::string_view label;
    std::string_view charset;
  };
  static constexpr std::array kAliases = {
      Alias{"ansi_x3.4-1968", "windows-1252"},
      Alias{"ascii", "windows-1252"},
      Alias{"cp1252", "windows-1252"},
      Alias{"cp819", "windows-1252"},
      Alias{"csisolatin1", "windows-1252"},
      Alias{"ibm819", "windows-1252"},
      Alias{"iso-8859-1", "windows-1252"},
      Alias{"iso-ir-100", "windows-1252"},
      Alias{"iso8859-1", "windows-1252"},
      Alias{"iso88591", "windows-1252"},
      Alias{"iso_8859-1", "windows-1252"},
      Alias{"iso_8859-1:1987", "windows-1252"},
      Alias{"l1", "windows-1252"},
      Alias{"latin1", "windows-1252"},
      Alias{"us-ascii", "windows-1252"},
      Alias{"x-cp1252", "windows-1252"},
      Alias{"iso-8859-9", "windows-1254"},
      Alias{"iso8859-9", "windows-1254"},
      Alias{"iso88599", "windows-1254"},
      Alias{"iso_8859-9", "windows-1254"},
      Alias{"latin5", "windows-1254"},
      Alias{"l5", "windows-1254"},
      Alias{"iso-8859-11", "windows-874"},
      Alias{"tis-620", "windows-874"},
      Alias{"gb2312", "gb18030"},
      Alias{"gbk", "gb18030"},
      Alias{"x-gbk", "gb18030"},
      Alias{"csgb2312", "gb18030"},
      Alias{"euc-kr", "windows-949"},
      Alias{"ks_c_5601-1987", "windows-949"},
  };
  for (const Alias& alias : kAliases) {
    if (alias.label == label) return alias.charset;
  }
  return label;
}

bool IsUtf8Label(std::string_view label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" ||
         label == "x-unicode20utf8";
}

// Opens the converter for `label`; nullopt when the label is not one ICU
// knows. Labels are restricted to the characters of charset names, since
// ucnv_open reads options (",swaplfnl") and takes "" as the system default.
std::optional<Charset> Resolve(std::string_view raw_label) {
  std::string label = Lowercase(Trim(raw_label));
  if (label.empty() || label.size() > 40) return std::nullopt;
  for (const char c : label) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                         c == '.' || c == ':';
    if (!allowed) return std::nullopt;
  }
  // UTF-7 lets markup hide in ASCII; browsers refuse it, so do we.
  if (label == "utf-7" || label == "utf7") return std::nullopt;
  if (IsUtf8Label(label)) return Charset{"UTF-8", nullptr};
  label = std::string(WhatwgAlias(label));
  UErrorCode error = U_ZERO_ERROR;
  Converter converter(ucnv_open(label.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) return std::nullopt;
  return Charset{label, std::move(converter)};
}

// Resolves a declared label; an unknown one is noted and passed over.
std::optional<Charset> ResolveDeclared(std::string_view label, std::string_view where,
                                       std::vector<Warning>& warnings) {
  std::optional<Charset> charset = Resolve(label);
  if (!charset) {
    warnings.push_back({"unknown_charset", "unknown charset '" + std::string(Trim(label)) +
                                               "' in " + std::string(where) + " ignored"});
  }
  return charset;
}

// The value of a charset= parameter in a Content-Type `content`, as the HTML
// standard extracts it; nullopt when there is none.
std::optional<std::string> CharsetFromContent(std::string_view content) {
  size_t pos = 0;
  while (true) {
    size_t found = std::string_view::npos;
    for (size_t i = pos; i + 7 <= content.size(); ++i) {
      if (HasAt(content, i, "charset")) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return std::nullopt;
    pos = found + 7;
    while (pos < content.size() && IsSpace(content[pos])) ++pos;
    if (pos >= content.size() || content[pos] != '=') continue;
    ++pos;
    while (pos < content.size() && IsSpace(content[pos])) ++pos;
    if (pos >= content.size()) return std::nullopt;
    if (content[pos] == '"' || content[pos] == '\'') {
      const size_t end = content.find(content[pos], pos + 1);
      if (end == std::string_view::npos) return std::nullopt;
      return std::string(content.substr(pos + 1, end - pos - 1));
    }
    size_t end = pos;
    while (end < content.size() && !IsSpace(content[end]) && content[end] != ';') ++end;
    if (end == pos) return std::nullopt;
    return std::string(content.substr(pos, end - pos));
  }
}

struct Attribute {
  std::string name;  // lowercase
  std::string value;
};

// Reads the next attribute of a tag from `pos`, as the HTML standard's
// prescan does; nullopt at the tag's '>' (left at `pos`) or at the end.
std::optional<Attribute> NextAttribute(std::string_view head, size_t& pos) {
  while (pos < head.size() && (IsSpace(head[pos]) || head[pos] == '/')) ++pos;
  if (pos >= head.size() || head[pos] == '>') return std::nullopt;
  Attribute attribute;
  while (pos < head.size() && head[pos] != '=' && head[pos] != '/' && head[pos] != '>' &&
         !IsSpace(head[pos])) {
    attribute.name += Lower(head[pos++]);
  }
  if (attribute.name.empty() && pos < head.size() && head[pos] == '=') {
    attribute.name.push_back('=');  // a stray '=' is a name of its own
    ++pos;
    return attribute;
  }
  while (pos < head.size() && IsSpace(head[pos])) ++pos;
  if (pos >= head.size()) return std::nullopt;
  if (head[pos] != '=') return attribute;  // no value
  ++pos;
  while (pos < head.size() && IsSpace(head[pos])) ++pos;
  if (pos >= head.size()) return std::nullopt;
  if (head[pos] == '"' || head[pos] == '\'') {
    const size_t end = head.find(head[pos], pos + 1);
    if (end == std::string_view::npos) return std::nullopt;  // cut off by the prescan limit
    attribute.value = head.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    return attribute;
  }
  while (pos < head.size() && !IsSpace(head[pos]) && head[pos] != '>') {
    attribute.value += head[pos++];
  }
  return attribute;
}

// The charset a <meta> tag declares, reading its attributes from `pos`.
std::optional<std::string> MetaCharset(std::string_view head, size_t& pos) {
  bool content_type = false;  // http-equiv="Content-Type"
  bool from_content = false;  // the charset came from content=, which needs it
  std::optional<std::string> charset;
  while (std::optional<Attribute> attribute = NextAttribute(head, pos)) {
    if (attribute->name == "http-equiv") {
      content_type = content_type || Lowercase(Trim(attribute->value)) == "content-type";
    } else if (attribute->name == "content" && !charset) {
      charset = CharsetFromContent(attribute->value);
      from_content = charset.has_value();
    } else if (attribute->name == "charset" && (!charset || from_content)) {
      charset = attribute->value;
      from_content = false;
    }
  }
  if (!charset || Trim(*charset).empty() || (from_content && !content_type)) return std::nullopt;
  return charset;
}

// The HTML standard's prescan, simplified: the first <meta> in `head` that
// declares a charset, skipping comments and the attributes of other tags
// (where a '>' or "<meta" inside a quoted value would mislead).
std::optional<std::string> PrescanMeta(std::string_view head) {
  size_t pos = 0;
  while (pos < head.size()) {
    if (head[pos] != '<') {
      ++pos;
      continue;
    }
    if (head.substr(pos).starts_with("<!--")) {
      const size_t end = head.find("-->", pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 3;
    } else if (HasAt(head, pos, "<meta") && pos + 5 < head.size() &&
               (IsSpace(head[pos + 5]) || head[pos + 5] == '/')) {
      pos += 5;
      if (std::optional<std::string> charset = MetaCharset(head, pos)) return charset;
    } else if (pos + 1 < head.size() &&
               (IsAsciiLetter(head[pos + 1]) ||
                (head[pos + 1] == '/' && pos + 2 < head.size() && IsAsciiLetter(head[pos + 2])))) {
      pos += 2;
      while (pos < head.size() && !IsSpace(head[pos]) && head[pos] != '>') ++pos;
      while (NextAttribute(head, pos)) {
      }
    } else if (head.substr(pos).starts_with("<!") || head.substr(pos).starts_with("</") ||
               head.substr(pos).starts_with("<?")) {
      pos = head.find('>', pos);
      if (pos == std::string_view::npos) return std::nullopt;
    } else {
      ++pos;
    }
  }
  return std::nullopt;
}

// True when `bytes` are UTF-8 with a few stray bytes (a page pasted together
// from UTF-8 and legacy parts): UTF-8 sequences of two bytes or more outnumber
// the ill-formed ones by far. Legacy charsets rarely form such sequences by
// chance, and ICU's detection would read the whole page as Latin-1.
bool MostlyUtf8(std::string_view bytes) {
  bytes = bytes.substr(0, kDetectBytes);
  size_t valid = 0;
  size_t invalid = 0;
  for (size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const size_t length = lead >= 0xC2 && lead <= 0xF4 ? Utf8SequenceLength(lead) : 1;
    bool ok = length > 1 && i + length <= bytes.size();
    for (size_t k = 1; ok && k < length; ++k) {
      ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    }
    if (ok) {
      ++valid;
      i += length;
    } else {
      ++invalid;
      ++i;
    }
  }
  return valid > kMostlyUtf8Ratio * invalid;
}

// ICU's guesses for `bytes`, best first, markup ignored.
std::vector<std::string> DetectCharsets(std::string_view bytes) {
  std::vector<std::string> names;
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&error),
                                                                      &ucsdet_close);
  if (U_FAILURE(error)) return names;
  ucsdet_enableInputFilter(detector.get(), true);
  ucsdet_setText(detector.get(), bytes.data(),
                 static_cast<int32_t>(std::min(bytes.size(), kDetectBytes)), &error);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &error);
  for (int32_t i = 0; U_SUCCESS(error) && i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &error);
    if (U_SUCCESS(error) && name != nullptr) names.emplace_back(name);
  }
  return names;
}

// Writes U+FFFD for what the source charset cannot map, counting the cases
// in the size_t at `context`.
void SubstituteAndCount(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* error) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  ++*static_cast<size_t*>(const_cast<void*>(context));
  static constexpr UChar kReplacement = 0xFFFD;
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

// Converts `bytes` from `source` to UTF-8 into `out`; counts the byte
// sequences replaced with U+FFFD in `replaced`.
Status ConvertToUtf8(UConverter* source, std::string_view bytes, std::string& out,
                     size_t& replaced) {
  UErrorCode error = U_ZERO_ERROR;
  Converter utf8(ucnv_open("UTF-8", &error));
  if (U_FAILURE(error))
    return Status::Internal("ICU cannot open UTF-8: " + std::string(u_errorName(error)));
  ucnv_setToUCallBack(source, SubstituteAndCount, &replaced, nullptr, nullptr, &error);
  if (U_FAILURE(error)) return Status::Internal(u_errorName(error));
  out.assign(std::max<size_t>(bytes.size() + bytes.size() / 2, 64), '\0');
  char* target = out.data();
  const char* input = bytes.data();
  std::array<UChar, 1024> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool reset = true;
  while (true) {
    error = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source, &target, out.data() + out.size(), &input,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), reset, /*flush=*/true, &error);
    reset = false;
    if (error != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t used = static_cast<size_t>(target - out.data());
    out.resize(out.size() * kGrowth);
    target = out.data() + used;
  }
  if (U_FAILURE(error))
    return Status::Internal("conversion failed: " + std::string(u_errorName(error)));
  out.resize(static_cast<size_t>(target - out.data()));
  return Status::Ok();
}

}  // namespace

Status DecodeHtml(std::string& bytes, std::string_view declared_charset,
                  std::vector<Warning>& warnings) {
  std::string_view page(bytes);
  std::optional<Charset> charset;
  if (page.starts_with("\xEF\xBB\xBF")) {
    charset = Resolve("utf-8");
    page.remove_prefix(3);
  } else if (page.starts_with("\xFF\xFE") || page.starts_with("\xFE\xFF")) {
    charset = Resolve(page[0] == '\xFF' ? "utf-16le" : "utf-16be");
    page.remove_prefix(2);
  }
  if (!charset && !Trim(declared_charset).empty()) {
    charset = ResolveDeclared(declared_charset, "the HTTP header", warnings);
  }
  if (!charset) {
    if (std::optional<std::string> label = PrescanMeta(page.substr(0, kPrescanBytes))) {
      charset = ResolveDeclared(*label, "<meta>", warnings);
      // A page read by its <meta> is ASCII-compatible, whatever it says.
      if (charset && charset->converter && ucnv_getMinCharSize(charset->converter.get()) > 1) {
        charset = Resolve("utf-8");
      }
    }
  }
  // UTF-16 and UTF-32 hold NUL bytes; they are judged once converted.
  const bool wide =
      charset && charset->converter && ucnv_getMinCharSize(charset->converter.get()) > 1;
  if (!wide && LooksBinary(page)) return Status::InvalidArgument("binary data, not HTML");
  if (!charset) {
    if (IsValidUtf8(page) || MostlyUtf8(page)) {
      charset = Resolve("utf-8");
    } else {
      for (const std::string& name : DetectCharsets(page)) {
        if ((charset = Resolve(name))) break;
      }
      if (!charset) charset = Resolve("utf-8");
    }
  }
  if (charset->converter == nullptr) {
    bytes.erase(0, bytes.size() - page.size());
    RepairUtf8WithWarning(bytes, warnings);
  } else {
    std::string text;
    size_t replaced = 0;
    if (Status status = ConvertToUtf8(charset->converter.get(), page, text, replaced);
        !status.ok()) {
      return status;
    }
    if (replaced > 0) {
      warnings.push_back({"invalid_bytes", std::to_string(replaced) +
                                               " byte sequence(s) invalid in " + charset->name +
                                               " replaced with U+FFFD"});
    }
    bytes = std::move(text);
    if (wide && LooksBinary(bytes)) return Status::InvalidArgument("binary data, not HTML");
  }
  RemoveNulBytesWithWarning(bytes, warnings);
  if (IsBlank(bytes)) return Status::InvalidArgument("empty: no markup");
  NormaliseLineEnds(bytes);
  return Status::Ok();
}

}  // namespace storyline::ingest
