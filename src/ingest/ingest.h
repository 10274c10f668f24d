// ingest.h: finds the input records and reads them into RawDocuments.
//
// Inputs are files and folders (folders are walked recursively, in sorted
// order). Each file is gzip-compressed or not (told by its magic bytes) and
// has one of these formats (told by its name, less a .gz suffix):
//   .txt    one article per file, scraped text;
//   .html, .htm  one web page per file (format "html": the record's text is
//           the page's markup, converted to UTF-8 from the charset its
//           byte-order mark or <meta> declares, or ICU detects);
//   .jsonl  one article per line: an object with "text" or "html" (one is
//           required; "html" makes a format "html" record and wins when both
//           are given, with a warning) and optional "id", "url", "outlet",
//           "title", "published".
//   .warc   WARC/1.0 or 1.1 web archive (gzip per record or whole, or not
//           compressed): one article per HTML response (see warc.h); other
//           records are counted as skipped (RecordSink::skipped).
// Anything else is rejected with a reason, never skipped silently.
//
// Every record read ends up in exactly one of two places: a RawDocument or a
// Rejection. Records are decoded to valid UTF-8 (invalid bytes become U+FFFD
// with a warning; UTF-16 with a byte-order mark is converted; a page's
// unknown charset is ignored with a warning), line ends are normalised to
// '\n'. Empty and binary files are rejected.
//
// Deterministic. The functions hold no state and may run concurrently on
// different files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace storyline::ingest {

struct Options {
  // A record larger than this (decompressed) is rejected rather than read;
  // it bounds the memory one record can take.
  uint64_t max_record_bytes = 256ull << 20;
};

struct InputFile {
  std::string path;   // as given, or as found under a folder given
  uint64_t size = 0;  // bytes on disk (compressed size for .gz), for progress
};

struct InputList {
  std::vector<InputFile> files;     // in the order given; folder contents sorted
  std::vector<Rejection> rejected;  // missing, unreadable or unsupported paths
};

// Expands files and folders into the files to read. Never fails as a whole:
// a path that cannot be used becomes a Rejection.
InputList ListInputs(const std::vector<std::string>& paths);

// Records of one file that are, by design, not articles, counted by reason:
// a WARC file's warcinfo, request, metadata, ... records and its responses
// that are not HTML or not 2xx (see warc.h). They are neither documents nor
// rejections, but every input is accounted for: they are reported too.
struct SkippedRecords {
  std::string path;
  // (reason, count), most frequent first, then by reason: {"request", 120},
  // {"metadata", 120}, {"not HTML", 14}, {"HTTP 404", 2}.
  std::vector<std::pair<std::string, uint64_t>> reasons;
  uint64_t total() const {
    uint64_t sum = 0;
    for (const auto& reason : reasons) sum += reason.second;
    return sum;
  }
};

// Receives the records of one file, in file order.
struct RecordSink {
  std::function<void(RawDocument)> document;
  std::function<void(Rejection)> reject;
  // Optional: called now and then with how many bytes of the file (as on
  // disk) have been consumed, so a long file can show progress.
  std::function<void(uint64_t)> consumed;
  // Optional: called once, after the file's last record, when the file had
  // records that were skipped.
  std::function<void(const SkippedRecords&)> skipped = nullptr;
};

// Reads `file` and hands each record to `sink`: one for .txt and .html, one per
// non-blank line for .jsonl, one per HTML response for .warc. A malformed
// JSONL line is rejected with its line number and the others are kept. Never
// fails as a whole: a file that cannot be read becomes a Rejection.
void ReadFile(const InputFile& file, const Options& options, const RecordSink& sink);

// The two steps of reading a web page, for callers that hold pages outside an
// input list (the HTML evaluation, the fuzzers).
//
// Reads all of `path`, decompressing gzip transparently. InvalidArgument when
// it decompresses to more than `max_bytes`; IoError when it cannot be read or
// the compressed stream is corrupt.
Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

// Turns the bytes of a web page into UTF-8 markup. The charset is the first
// of: a byte-order mark; `declared_charset` (the HTTP Content-Type charset,
// or empty); <meta charset> or <meta http-equiv="Content-Type"> in the first
// 1024 bytes; UTF-8 when the bytes are UTF-8 (or nearly: a few stray bytes);
// ICU's detection (ucsdet); UTF-8. ISO-8859-1 and ASCII labels read as
// windows-1252, as in the WHATWG encoding standard. Bytes the charset cannot
// map become U+FFFD with a warning ("invalid_utf8", "invalid_bytes"); a
// charset ICU does not know is passed over for the next source, with an
// "unknown_charset" warning. CR LF and lone CR become LF. InvalidArgument
// when the bytes are binary or hold nothing but whitespace.
Status DecodeHtml(std::string& bytes, std::string_view declared_charset,
                  std::vector<Warning>& warnings);

}  // namespace storyline::ingest
