#include "ingest/http.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "ingest/header_text.h"

namespace storyline::ingest {
namespace {

// How much of a body is searched for the start of an HTML document.
constexpr size_t kSniffBytes = 1024;
constexpr size_t kInflateChunk = 1 << 16;

// Splits off the next line of `text` (without its LF or CR LF).
std::string_view NextLine(std::string_view& text) {
  const size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Decodes a chunked body. nullopt when it is not well-formed chunks (a
// missing final chunk is accepted: crawls are sometimes cut short).
std::optional<std::string> Dechunk(std::string_view body, uint64_t max_bytes, bool& too_large) {
  std::string out;
  while (true) {
    const size_t line_end = body.find('\n');
    if (line_end == std::string_view::npos) {
      if (Trim(body).empty() && !out.empty()) return out;  // no final chunk
      return std::nullopt;
    }
    std::string_view size_text = Trim(body.substr(0, line_end));
    size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
    if (size_text.empty() || size_text.size() > 15) return std::nullopt;
    uint64_t size = 0;
    for (const char c : size_text) {
      const char l = Lower(c);
      if (l >= '0' && l <= '9') {
        size = size * 16 + static_cast<uint64_t>(l - '0');
      } else if (l >= 'a' && l <= 'f') {
        size = size * 16 + static_cast<uint64_t>(l - 'a' + 10);
      } else {
        return std::nullopt;
      }
    }
    body.remove_prefix(line_end + 1);
    if (size == 0) return out;  // trailers, if any, are of no use here
    if (size > body.size()) return std::nullopt;
    if (out.size() + size > max_bytes) {
      too_large = true;
      return std::nullopt;
    }
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) {
      body.remove_prefix(2);
    } else if (body.starts_with("\n")) {
      body.remove_prefix(1);
    } else if (!body.empty()) {
      return std::nullopt;
    }
  }
}

// Inflates `in` with the given window bits (31: gzip, 15: zlib, -15: raw).
Status Inflate(std::string_view in, int window_bits, uint64_t max_bytes, std::string& out) {
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  out.clear();
  int code = Z_OK;
  while (code != Z_STREAM_END) {
    const size_t used = out.size();
    out.resize(used + kInflateChunk);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    stream.avail_out = kInflateChunk;
    code = inflate(&stream, Z_NO_FLUSH);
    out.resize(used + (kInflateChunk - stream.avail_out));
    if (out.size() > max_bytes) {
      inflateEnd(&stream);
      return Status::InvalidArgument("decoded content larger than the limit of " +
                                     std::to_string(max_bytes) + " bytes");
    }
    if (code == Z_STREAM_END) break;
    if (code != Z_OK) {
      const std::string message = stream.msg ? stream.msg : "incomplete data";
      inflateEnd(&stream);
      return Status::InvalidArgument("corrupt compressed content: " + message);
    }
    if (stream.avail_in == 0 && stream.avail_out != 0) {
      // Input exhausted before the end of the stream: keep what came out.
      if (out.empty()) {
        inflateEnd(&stream);
        return Status::InvalidArgument("corrupt compressed content: truncated");
      }
      break;
    }
  }
  inflateEnd(&stream);
  return Status::Ok();
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

}  // namespace

const std::string* HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

Result<HttpResponse> ParseHttpResponse(std::string_view message) {
  std::string_view rest = message;
  const std::string_view status_line = NextLine(rest);
  if (!status_line.starts_with("HTTP/")) {
    return Status::InvalidArgument("not an HTTP response: no HTTP status line");
  }
  const size_t space = status_line.find(' ');
  if (space == std::string_view::npos)
    return Status::InvalidArgument("HTTP status line without a status");
  const std::string_view code = status_line.substr(space + 1, 3);
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::InvalidArgument("HTTP status line without a three-digit status");
  }
  HttpResponse response;
  response.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  while (true) {
    if (rest.empty()) break;  // headers without a body
    const std::string_view line = NextLine(rest);
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !response.headers.empty()) {
      response.headers.back().second += ' ';
      response.headers.back().second += Trim(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header: ignored
    response.headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                                  std::string(Trim(line.substr(colon + 1))));
  }
  response.body = std::string(rest);
  return response;
}

Status DecodeHttpBody(HttpResponse& response, uint64_t max_bytes, std::vector<Warning>& warnings) {
  if (const std::string* transfer = response.Header("Transfer-Encoding");
      transfer != nullptr && Lowercase(*transfer).find("chunked") != std::string::npos) {
    bool too_large = false;
    std::optional<std::string> body = Dechunk(response.body, max_bytes, too_large);
    if (too_large) {
      return Status::InvalidArgument("decoded content larger than the limit of " +
                                     std::to_string(max_bytes) + " bytes");
    }
    if (body) {
      response.body = std::move(*body);
    } else {
      warnings.push_back({"transfer_encoding",
                          "Transfer-Encoding: chunked but the body is not chunked; read as is"});
    }
  }
  const std::string* content = response.Header("Content-Encoding");
  if (content == nullptr) return Status::Ok();
  const std::string encoding = Lowercase(Trim(*content));
  if (encoding.empty() || encoding == "identity") return Status::Ok();
  std::string decoded;
  if (encoding == "gzip" || encoding == "x-gzip") {
    if (!response.body.starts_with("\x1f\x8b")) {
      warnings.push_back({"content_encoding", "Content-Encoding: " + encoding +
                                                  " but the body is not gzip; read as is"});
      return Status::Ok();
    }
    SL_RETURN_IF_ERROR(Inflate(response.body, 16 + MAX_WBITS, max_bytes, decoded));
  } else if (encoding == "deflate") {
    // Servers send zlib-wrapped or raw deflate under this name.
    if (!Inflate(response.body, MAX_WBITS, max_bytes, decoded).ok()) {
      SL_RETURN_IF_ERROR(Inflate(response.body, -MAX_WBITS, max_bytes, decoded));
    }
  } else {
    return Status::Unsupported("unsupported content encoding " + encoding);
  }
  response.body = std::move(decoded);
  return Status::Ok();
}

std::string MediaType(std::string_view content_type) {
  return Lowercase(Trim(content_type.substr(0, content_type.find(';'))));
}

std::string CharsetParameter(std::string_view content_type) {
  size_t semicolon = content_type.find(';');
  while (semicolon != std::string_view::npos) {
    content_type.remove_prefix(semicolon + 1);
    semicolon = content_type.find(';');
    const std::string_view parameter = Trim(content_type.substr(0, semicolon));
    const size_t equals = parameter.find('=');
    if (equals == std::string_view::npos ||
        !EqualsIgnoreCase(Trim(parameter.substr(0, equals)), "charset")) {
      continue;
    }
    std::string_view value = Trim(parameter.substr(equals + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(Trim(value));
  }
  return "";
}

bool LooksLikeHtml(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  body = body.substr(0, kSniffBytes);
  const size_t start = body.find_first_not_of(" \t\r\n\f");
  if (start == std::string_view::npos || body[start] != '<') return false;
  body.remove_prefix(start);
  for (const std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (StartsWithIgnoreCase(body, tag)) return true;
  }
  // Comments or processing instructions first: look for the document's start further on.
  const std::string lower = Lowercase(body);
  return lower.find("<html") != std::string::npos ||
         lower.find("<!doctype html") != std::string::npos;
}

}  // namespace storyline::ingest
