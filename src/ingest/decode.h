// decode.h: internal to ingest; the public header is ingest/ingest.h (which
// declares ReadWholeFile and DecodeHtml, used outside the stage too).
// Reading (possibly gzip-compressed) files and turning their bytes into
// valid UTF-8 text.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "ingest/ingest.h"

namespace storyline::ingest {

// Turns the bytes of one record into text: strips a UTF-8 byte-order mark,
// converts UTF-16 with a byte-order mark, replaces invalid UTF-8 with U+FFFD
// (adding a warning), normalises CR LF and CR to LF. InvalidArgument with the
// reason when the bytes are binary (NUL bytes or mostly control characters)
// or hold nothing but whitespace.
Status DecodeText(std::string& bytes, std::vector<Warning>& warnings);

// Replaces invalid UTF-8 in `bytes` with U+FFFD, adding an "invalid_utf8"
// warning with the count when there was any.
void RepairUtf8WithWarning(std::string& bytes, std::vector<Warning>& warnings);

// Turns CR LF and lone CR into LF.
void NormaliseLineEnds(std::string& text);

// True when `text` holds nothing but ASCII whitespace (or nothing).
bool IsBlank(std::string_view text);

// True when the first bytes look like a binary file rather than text: a NUL
// byte in the first 1 KB, more than 32 and more than one in a thousand of the
// first 64 KB, or control bytes (other than line and page breaks and tabs) in
// a tenth of them.
bool LooksBinary(std::string_view head);

// Removes the NUL bytes of text that is not binary (readers and browsers
// ignore them), adding a "nul_bytes" warning with the count when there was any.
void RemoveNulBytesWithWarning(std::string& text, std::vector<Warning>& warnings);

// Reads a file line by line, decompressing gzip transparently. Lines may be
// of any length up to `max_line`; a longer line is reported as too long and
// skipped without being held in memory.
class LineReader {
 public:
  LineReader(const std::string& path, uint64_t max_line);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // OK and the file was opened; otherwise the reason.
  const Status& status() const { return status_; }

  enum class Next { kLine, kTooLong, kEnd, kError };
  // Reads the next line (without its '\n') into `line`. kError leaves the
  // reason in status().
  Next Read(std::string& line);
  uint64_t line_number() const { return line_number_; }
  // Bytes of the file (as on disk) read so far.
  uint64_t offset() const;
  // The first bytes of the file, for binary detection before any line is read.
  std::string_view Peek();

 private:
  bool Fill();
  gzFile file_ = nullptr;
  Status status_;
  uint64_t max_line_;
  uint64_t line_number_ = 0;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace storyline::ingest
