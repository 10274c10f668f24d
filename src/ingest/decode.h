// decode.h: internal to ingest. Reading (possibly gzip-compressed) files and
// turning their bytes into valid UTF-8 text.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace storyline::ingest {

// Reads all of `path`, decompressing gzip transparently. InvalidArgument when
// it decompresses to more than `max_bytes`; IoError when it cannot be read or
// the compressed stream is corrupt.
Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

// Turns the bytes of one record into text: strips a UTF-8 byte-order mark,
// converts UTF-16 with a byte-order mark, replaces invalid UTF-8 with U+FFFD
// (adding a warning), normalises CR LF and CR to LF. InvalidArgument with the
// reason when the bytes are binary (NUL bytes or mostly control characters)
// or hold nothing but whitespace.
Status DecodeText(std::string& bytes, std::vector<Warning>& warnings);

// Turns the bytes of a web page into UTF-8 markup. The charset is the first
// of: a byte-order mark; `declared` (the HTTP Content-Type charset, or empty);
// <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes;
// UTF-8 when the bytes are UTF-8 (or nearly: a few stray bytes); ICU's
// detection (ucsdet); UTF-8. ISO-8859-1 and ASCII labels read as
// windows-1252, as in the WHATWG encoding standard. Bytes the charset cannot
// map become U+FFFD with a warning ("invalid_utf8", "invalid_bytes"); a
// charset ICU does not know is passed over for the next source, with an
// "unknown_charset" warning. Line ends are normalised as in DecodeText.
// InvalidArgument when the bytes are binary or hold nothing but whitespace.
Status DecodeHtml(std::string& bytes, std::string_view declared_charset,
                  std::vector<Warning>& warnings);

// Replaces invalid UTF-8 in `bytes` with U+FFFD, adding an "invalid_utf8"
// warning with the count when there was any.
void RepairUtf8WithWarning(std::string& bytes, std::vector<Warning>& warnings);

// Turns CR LF and lone CR into LF.
void NormaliseLineEnds(std::string& text);

// True when `text` holds nothing but ASCII whitespace (or nothing).
bool IsBlank(std::string_view text);

// True when the first bytes look like a binary file rather than text.
bool LooksBinary(std::string_view head);

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
