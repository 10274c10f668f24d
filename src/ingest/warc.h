// warc.h: internal to ingest. Reading WARC files (ISO 28500, WARC/1.0 and
// WARC/1.1) record by record, and turning their HTML responses into
// RawDocuments.
//
// Compression. A WARC file is read as it comes: uncompressed; gzip with one
// member per record (as Common Crawl writes them, so that one record can be
// fetched by offset); or gzip as a whole (one member holding every record).
// Any mix of members works: decompression restarts at each member's end. The
// file is streamed: memory is bounded by the largest record accepted (see
// Options::max_record_bytes) plus fixed buffers, never by the file's size.
//
// Offsets. A record is named PATH@OFFSET (RawDocument::origin, Rejection::
// origin). OFFSET is the byte offset in the file as on disk where the record
// can be read from:
//   - the offset of its gzip member when the record starts a member (one
//     member per record): `tail -c +$((OFFSET+1)) PATH | zcat | head` shows it;
//   - otherwise (an uncompressed file, or a record inside a whole-file gzip
//     member) the offset of its "WARC/1." line in the decompressed bytes.
//
// Records. Each record's header is parsed (names case-insensitive, lines
// ending in CR LF or LF, continuation lines joined); Content-Length is
// required. A record is followed by CR LF CR LF; extra blank lines are
// tolerated. Problems are rejections of the record, PATH@OFFSET with the
// reason, and reading goes on:
//   - a record whose block is longer than max_record_bytes is rejected and
//     skipped without being held in memory;
//   - a truncated record (the file or its gzip member ends inside it), a
//     Content-Length that does not end where the record ends, a header that
//     is not a WARC header: rejected, then reading resumes at the next gzip
//     member or the next line starting "WARC/1.", whichever comes first;
//   - corrupt gzip data: the member is rejected and decompression resumes at
//     the next gzip member header found in the compressed bytes.
//
// Documents (ReadWarc). Each `response` record whose HTTP response has a 2xx
// status and an HTML payload (Content-Type text/html or
// application/xhtml+xml, or, without a Content-Type, a body that starts like
// HTML) becomes a RawDocument:
//   format    "html"
//   text      the payload with Transfer-Encoding chunked and Content-Encoding
//             gzip/x-gzip/deflate undone, converted to UTF-8 by DecodeHtml
//             with the Content-Type charset (decode.h)
//   url       WARC-Target-URI (angle brackets of WARC/1.0 drafts removed)
//   captured  WARC-Date
//   source_id WARC-Record-ID, as written ("<urn:uuid:...>")
//   origin    PATH@OFFSET
//   id        MakeArticleId(WARC-Record-ID, text): the record id, not the
//             origin, so the same record read from a copied, renamed or
//             re-compressed file keeps its id; MakeArticleId(origin, text)
//             when the record has no WARC-Record-ID.
// Other records (warcinfo, request, metadata, revisit, resource, conversion,
// continuation), responses that are not HTTP, not 2xx or not HTML are not
// articles: they are counted by reason and reported once per file through
// RecordSink::skipped. A response whose content encoding is not supported
// (e.g. br) or whose compressed content is corrupt is a rejection.
//
// Deterministic; a reader holds the state of one file and is not shared
// between threads.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "ingest/ingest.h"

namespace storyline::ingest {

// Where a WARC reader's bytes come from (as on disk: compressed or not).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `out`; 0 at the end. IoError when the
  // bytes cannot be read.
  virtual Result<size_t> Read(char* out, size_t size) = 0;
};

// The bytes of a buffer the caller keeps alive (tests, fuzzing).
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
// The bytes of a file. IoError when it cannot be opened.
Result<std::unique_ptr<ByteSource>> FileSource(const std::string& path);

// One WARC record: its version line, header fields and block (for a
// response, the HTTP message).
struct WarcRecord {
  uint64_t offset = 0;  // as described above
  std::string version;  // "WARC/1.0", "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string block;
  // The value of the first field called `name` (any case), or nullptr.
  const std::string* Header(std::string_view name) const;
};

// Reads the records of one WARC source in file order.
class WarcReader {
 public:
  // `max_record_bytes` bounds a record's block (Content-Length).
  WarcReader(ByteSource& source, uint64_t max_record_bytes);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  enum class Next { kRecord, kRejected, kEnd };
  // kRecord fills `record`; kRejected fills `problem` (origin left empty:
  // the offset is in `offset`) and reading may go on; kEnd: no more records.
  struct Problem {
    uint64_t offset = 0;
    std::string reason;
  };
  Next Read(WarcRecord& record, Problem& problem);

  // Bytes of the source (as on disk) consumed so far.
  uint64_t consumed() const;
  // Records returned so far (kRecord and kRejected).
  uint64_t records() const { return records_; }

 private:
  class Unpacker;
  struct Member;
  uint64_t Position() const { return base_ + pos_; }
  bool FillTo(size_t bytes);  // until buffer_ holds `bytes` from pos_; false at the end
  void Compact();
  void SkipBlank();
  uint64_t DiskOffset(uint64_t position) const;
  const Member* FirstMemberIn(uint64_t after, uint64_t before) const;
  void Resync(uint64_t record_start);
  void Discard(uint64_t record_start, uint64_t bytes);
  Next Reject(uint64_t record_start, std::string reason, Problem& problem);

  std::unique_ptr<Unpacker> unpacker_;
  uint64_t max_record_bytes_;
  std::string buffer_;  // decompressed bytes from position base_
  size_t pos_ = 0;
  uint64_t base_ = 0;
  uint64_t records_ = 0;
};

// Reads the WARC source named `path` (for origins) and hands its HTML
// responses to `sink` as described above; rejections for everything that
// could not be read; one `skipped` call at the end when records were
// skipped. A source without a single record is rejected as a whole.
void ReadWarc(ByteSource& source, const std::string& path, const Options& options,
              const RecordSink& sink);

}  // namespace storyline::ingest
