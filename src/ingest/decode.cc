#include "ingest/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ustring.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/utf8.h"

namespace storyline::ingest {
namespace {

constexpr size_t kReadChunk = 1 << 16;
// Enough of a file to tell text from binary.
constexpr size_t kBinaryProbeBytes = 1 << 16;
// Text has few control characters; a tenth of them means not text.
constexpr double kMaxControlShare = 0.10;
// Binary formats hold NUL bytes from their first bytes on, and about one
// byte in 256 of compressed data is NUL. Text may carry a stray few (a field
// pasted from a database, a broken template), which readers ignore.
constexpr size_t kNulFreeHead = 1024;
constexpr double kMaxNulShare = 0.001;
constexpr double kMaxStrayNuls = 32;  // whatever the size

std::string GzError(gzFile file, const std::string& path) {
  int code = 0;
  const char* message = gzerror(file, &code);
  if (code == Z_ERRNO) return path + ": " + std::strerror(errno);
  return path + ": " + (message ? message : "read error");
}

// Opens for reading. gzopen reads plain files as they are, so one path serves
// compressed and uncompressed input.
gzFile OpenGz(const std::string& path, Status& status) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    status = Status::IoError("cannot open " + path + ": " + std::strerror(errno));
    return nullptr;
  }
  gzbuffer(file, kReadChunk);
  return file;
}

// Converts UTF-16 bytes (after the byte-order mark) to UTF-8.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::u16string units(bytes.size() / 2, u'\0');
  for (size_t i = 0; i < units.size(); ++i) {
    const auto hi = static_cast<uint8_t>(bytes[2 * i + (big_endian ? 0 : 1)]);
    const auto lo = static_cast<uint8_t>(bytes[2 * i + (big_endian ? 1 : 0)]);
    units[i] = static_cast<char16_t>((hi << 8) | lo);
  }
  std::string out(units.size() * 3, '\0');
  int32_t length = 0;
  UErrorCode error = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, units.data(),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &error);
  out.resize(U_SUCCESS(error) ? length : 0);
  return out;
}

Status TooLarge(uint64_t max_bytes) {
  return Status::InvalidArgument("larger than the limit of " + std::to_string(max_bytes) +
                                 " bytes");
}

}  // namespace

void NormaliseLineEnds(std::string& text) {
  // Pages are long and most have no CR, or CR LF on every line: only the
  // bytes after the first CR move, and runs between CRs move whole.
  size_t from = text.find('\r');
  if (from == std::string::npos) return;
  size_t out = from;
  while (from < text.size()) {
    // text[from] is a CR: it becomes LF, and a LF right after it is dropped.
    text[out++] = '\n';
    from += from + 1 < text.size() && text[from + 1] == '\n' ? 2 : 1;
    size_t next = text.find('\r', from);
    if (next == std::string::npos) next = text.size();
    std::memmove(text.data() + out, text.data() + from, next - from);
    out += next - from;
    from = next;
  }
  text.resize(out);
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

bool LooksBinary(std::string_view head) {
  head = head.substr(0, kBinaryProbeBytes);
  if (head.substr(0, kNulFreeHead).find('\0') != std::string_view::npos) return true;
  size_t control = 0;
  size_t nul = 0;
  for (const char c : head) {
    // Without branches, so that the compiler vectorises the count.
    const auto byte = static_cast<unsigned char>(c);
    control += static_cast<size_t>(byte < 0x20) & (byte != '\n') & (byte != '\r') & (byte != '\t') &
               (byte != '\f');
    nul += static_cast<size_t>(byte == 0);
  }
  const auto size = static_cast<double>(head.size());
  return control > kMaxControlShare * size ||
         static_cast<double>(nul) > std::max(kMaxStrayNuls, kMaxNulShare * size);
}

void RemoveNulBytesWithWarning(std::string& text, std::vector<Warning>& warnings) {
  const size_t first = text.find('\0');
  if (first == std::string::npos) return;
  const auto end = std::remove(text.begin() + static_cast<std::ptrdiff_t>(first), text.end(), '\0');
  const auto removed = static_cast<size_t>(text.end() - end);
  text.erase(end, text.end());
  warnings.push_back({"nul_bytes", std::to_string(removed) + " NUL byte(s) removed"});
}

// Reads a gzip stream through a fixed chunk and appends, so the string's
// capacity follows its size: records are held in batches, and a 64 KB
// capacity for each 3 KB article would multiply the memory they take.
Result<std::string> ReadGzipFile(const std::string& path, uint64_t max_bytes) {
  Status status;
  gzFile file = OpenGz(path, status);
  if (file == nullptr) return status;
  std::string bytes;
  std::vector<char> chunk(kReadChunk);
  while (true) {
    const int got = gzread(file, chunk.data(), kReadChunk);
    if (got < 0) {
      status = Status::IoError(GzError(file, path));
      break;
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      status = TooLarge(max_bytes);
      break;
    }
    bytes.append(chunk.data(), static_cast<size_t>(got));
  }
  gzclose(file);
  if (!status.ok()) return status;
  return bytes;
}

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  // Plain files (most inputs) are read with one read(): zlib's stream set-up
  // and iostreams cost more than reading a 3 KB article.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    return Status::IoError("cannot read " + path + ": " + std::strerror(error));
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {  // gzip never shrinks on the way out
    ::close(fd);
    return TooLarge(max_bytes);
  }
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    done += static_cast<size_t>(got);
  }
  const int error = errno;
  ::close(fd);
  if (done < bytes.size()) {
    return Status::IoError("cannot read " + path + ": " +
                           (done == 0 && error != 0 ? std::strerror(error) : "short read"));
  }
  if (bytes.starts_with("\x1f\x8b")) return ReadGzipFile(path, max_bytes);
  return bytes;
}

Status DecodeText(std::string& bytes, std::vector<Warning>& warnings) {
  std::string_view view(bytes);
  if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
    bytes = Utf16ToUtf8(view.substr(2), view[0] == '\xFE');
    warnings.push_back({"converted_utf16", "converted from UTF-16 to UTF-8"});
  } else if (view.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary data, not text");
  RemoveNulBytesWithWarning(bytes, warnings);
  if (IsBlank(bytes)) return Status::InvalidArgument("empty: no text");
  RepairUtf8WithWarning(bytes, warnings);
  NormaliseLineEnds(bytes);
  return Status::Ok();
}

void RepairUtf8WithWarning(std::string& bytes, std::vector<Warning>& warnings) {
  if (const size_t replaced = RepairUtf8(bytes); replaced > 0) {
    warnings.push_back({"invalid_utf8", std::to_string(replaced) +
                                            " invalid UTF-8 sequence(s) replaced with U+FFFD"});
  }
}

LineReader::LineReader(const std::string& path, uint64_t max_line) : max_line_(max_line) {
  file_ = OpenGz(path, status_);
}

uint64_t LineReader::offset() const {
  if (file_ == nullptr) return 0;
  const z_off_t offset = gzoffset(file_);
  return offset < 0 ? 0 : static_cast<uint64_t>(offset);
}

LineReader::~LineReader() {
  if (file_ != nullptr) gzclose(file_);
}

bool LineReader::Fill() {
  if (eof_ || file_ == nullptr) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadChunk);
  const int got = gzread(file_, buffer_.data() + old_size, kReadChunk);
  if (got < 0) {
    status_ = Status::IoError(GzError(file_, "read"));
    buffer_.resize(old_size);
    eof_ = true;
    return false;
  }
  buffer_.resize(old_size + static_cast<size_t>(got));
  if (got == 0) eof_ = true;
  return got > 0;
}

std::string_view LineReader::Peek() {
  while (buffer_.size() - pos_ < kBinaryProbeBytes && Fill()) {
  }
  return std::string_view(buffer_).substr(pos_);
}

LineReader::Next LineReader::Read(std::string& line) {
  if (!status_.ok()) return Next::kError;
  bool too_long = false;
  size_t scanned = pos_;  // bytes before this were searched for '\n' already
  while (true) {
    const size_t newline = buffer_.find('\n', scanned);
    if (newline != std::string::npos) {
      ++line_number_;
      too_long = too_long || newline - pos_ > max_line_;
      if (!too_long) line.assign(buffer_, pos_, newline - pos_);
      pos_ = newline + 1;
      return too_long ? Next::kTooLong : Next::kLine;
    }
    if (buffer_.size() - pos_ > max_line_) {
      // Drop what we hold of an over-long line and keep looking for its end.
      too_long = true;
      pos_ = buffer_.size();
    }
    const size_t searched = buffer_.size() - pos_;  // Fill() moves the data to the front
    if (!Fill()) {
      if (!status_.ok()) return Next::kError;
      if (pos_ == buffer_.size() && !too_long) return Next::kEnd;
      ++line_number_;  // the last line has no '\n'
      if (!too_long) line.assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      return too_long ? Next::kTooLong : Next::kLine;
    }
    scanned = pos_ + searched;
  }
}

}  // namespace storyline::ingest
