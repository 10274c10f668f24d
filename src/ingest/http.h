// http.h: internal to ingest. The HTTP response a WARC `response` record
// holds: status line, headers and body, with the body's transfer and content
// encodings undone.
//
// Lenient where crawlers are known to differ: header lines may end in CR LF
// or LF; a body declared chunked that does not parse as chunks, or declared
// gzip that does not start like gzip, is taken as already decoded (crawlers
// such as Common Crawl's store the payload decoded but keep the headers),
// with a warning. Deterministic and stateless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace storyline::ingest {

struct HttpResponse {
  int status = 0;  // e.g. 200
  // In the order of the message; names as written (compare them with
  // Header(), which ignores case).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // as stored until DecodeHttpBody, then decoded

  // The value of the first header called `name` (any case), or nullptr.
  const std::string* Header(std::string_view name) const;
};

// Parses the status line ("HTTP/1.1 200 OK") and headers of `message`; the
// rest is the body. InvalidArgument with the reason when it is not an HTTP
// response.
Result<HttpResponse> ParseHttpResponse(std::string_view message);

// Undoes Transfer-Encoding: chunked, then Content-Encoding gzip, x-gzip or
// deflate ("identity" and none are kept). Unsupported when the body uses
// another content encoding ("unsupported content encoding br");
// InvalidArgument when the decoded body would exceed `max_bytes` or the
// compressed data is corrupt. Warnings for what was taken as already
// decoded.
Status DecodeHttpBody(HttpResponse& response, uint64_t max_bytes, std::vector<Warning>& warnings);

// The media type of a Content-Type value, lowercased, without parameters
// ("text/html"), and its charset parameter, unquoted ("" when none).
std::string MediaType(std::string_view content_type);
std::string CharsetParameter(std::string_view content_type);

// True when `body` starts (after a byte-order mark and white space) like an
// HTML document: a doctype, <html>, <head>, <body> or a comment followed by
// one of them within the first kilobyte.
bool LooksLikeHtml(std::string_view body);

}  // namespace storyline::ingest
