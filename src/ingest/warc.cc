#include "ingest/warc.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <map>

#include "core/id.h"
#include "ingest/decode.h"
#include "ingest/header_text.h"
#include "ingest/http.h"

namespace storyline::ingest {
namespace {

// Bytes read from the source, or decompressed, at a time.
constexpr size_t kChunk = 1 << 16;
// A WARC header longer than this is not one.
constexpr size_t kMaxHeaderBytes = 1 << 20;
// After corrupt gzip data, the search for the next member starts just after
// the corrupt member's header when it began at most this far back (a
// truncated member may have swallowed the next one's start); else where the
// corruption was found.
constexpr size_t kKeepBehind = 1 << 20;
// Blank bytes after a record's block checked before the next record.
constexpr size_t kMaxTrailerBlank = 4096;
// How often a WARC file reports its progress.
constexpr uint64_t kRecordsPerProgressReport = 64;
constexpr std::string_view kGzipMagic = "\x1f\x8b\x08";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class MemoryByteSource : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* out, size_t size) override {
    const size_t n = std::min(size, bytes_.size());
    std::memcpy(out, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view bytes_;
};

class FileByteSource : public ByteSource {
 public:
  FileByteSource(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~FileByteSource() override { ::close(fd_); }
  Result<size_t> Read(char* out, size_t size) override {
    while (true) {
      const ssize_t n = ::read(fd_, out, size);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR)
        return Status::IoError("cannot read " + path_ + ": " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  std::string path_;
};

}  // namespace

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<MemoryByteSource>(bytes);
}

Result<std::unique_ptr<ByteSource>> FileSource(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  return std::unique_ptr<ByteSource>(std::make_unique<FileByteSource>(fd, path));
}

const std::string* WarcRecord::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

// Where a gzip member starts in the decompressed stream, or where the
// stream ends; either may carry a problem found just before it (corrupt or
// truncated gzip data, bytes that are not gzip), reported once.
struct WarcReader::Member {
  uint64_t position = 0;      // in the decompressed stream
  uint64_t disk_offset = 0;   // of its gzip header in the file
  bool end = false;           // the end of the stream rather than a member
  std::string error;          // empty when none, or once reported
  uint64_t error_offset = 0;  // the disk offset the error is about
};

// The decompressed bytes of a source: as they are when the source does not
// start like gzip; otherwise gzip member after member, with each member's
// start (and any problem between members) noted in members().
class WarcReader::Unpacker {
 public:
  explicit Unpacker(ByteSource& source) : source_(source) {}
  ~Unpacker() {
    if (inflating_) inflateEnd(&stream_);
  }
  Unpacker(const Unpacker&) = delete;
  Unpacker& operator=(const Unpacker&) = delete;

  // Appends up to `max` decompressed bytes to `out`; 0 at the end.
  size_t Read(std::string& out, size_t max) {
    if (finished_) return 0;
    if (mode_ == Mode::kUnknown) {
      while (in_.size() < kGzipMagic.size() && Refill()) {
      }
      mode_ = std::string_view(in_).starts_with(kGzipMagic) ? Mode::kGzip : Mode::kPlain;
      if (mode_ == Mode::kGzip) {
        if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
          SetError(0, "cannot start gzip decompression");
          Finish();
          return 0;
        }
        inflating_ = true;
      }
    }
    return mode_ == Mode::kPlain ? ReadPlain(out, max) : ReadGzip(out, max);
  }

  uint64_t consumed() const { return in_base_ + in_pos_; }
  std::deque<Member>& members() { return members_; }

 private:
  enum class Mode { kUnknown, kPlain, kGzip };

  size_t ReadPlain(std::string& out, size_t max) {
    if (in_pos_ == in_.size() && !Refill()) {
      Finish();
      return 0;
    }
    const size_t n = std::min(max, in_.size() - in_pos_);
    out.append(in_, in_pos_, n);
    in_pos_ += n;
    produced_ += n;
    return n;
  }

  size_t ReadGzip(std::string& out, size_t max) {
    while (true) {
      if (!in_member_ && !StartMember()) {
        Finish();
        return 0;
      }
      if (in_pos_ == in_.size() && !Refill()) {
        SetError(member_start_, "gzip member at " + std::to_string(member_start_) +
                                    " is truncated: the file ends inside it");
        in_member_ = false;
        Finish();
        return 0;
      }
      stream_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      stream_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
      const size_t used = out.size();
      out.resize(used + max);
      stream_.next_out = reinterpret_cast<Bytef*>(out.data() + used);
      stream_.avail_out = static_cast<uInt>(max);
      const int code = inflate(&stream_, Z_NO_FLUSH);
      const size_t got = max - stream_.avail_out;
      const size_t eaten = (in_.size() - in_pos_) - stream_.avail_in;
      out.resize(used + got);
      in_pos_ += eaten;
      produced_ += got;
      if (code == Z_STREAM_END) {
        in_member_ = false;
        after_error_ = false;
      } else if (code != Z_OK && !(code == Z_BUF_ERROR && stream_.avail_in == 0)) {
        Corrupt(stream_.msg != nullptr ? stream_.msg : "inflate failed");
      } else if (got == 0 && eaten == 0 && stream_.avail_in != 0) {
        Corrupt("no progress");
      }
      if (got > 0) return got;
    }
  }

  // At a member boundary: starts the next member, skipping bytes that are
  // not gzip. False at the end of the source.
  bool StartMember() {
    while (in_.size() - in_pos_ < kGzipMagic.size() && Refill()) {
    }
    if (in_pos_ == in_.size()) return false;
    if (std::string_view(in_).substr(in_pos_).starts_with(kGzipMagic)) {
      BeginMember();
      return true;
    }
    const uint64_t garbage = consumed();
    const bool found = SkipToMagic();
    SetError(garbage, std::to_string(consumed() - garbage) + " bytes at " +
                          std::to_string(garbage) + " are not gzip data");
    if (!found) return false;
    BeginMember();
    return true;
  }

  void BeginMember() {
    inflateReset(&stream_);
    in_member_ = true;
    member_start_ = consumed();
    Member member;
    member.position = produced_;
    member.disk_offset = member_start_;
    member.error = std::move(error_);
    member.error_offset = error_offset_;
    after_error_ = !member.error.empty();
    error_.clear();
    members_.push_back(std::move(member));
  }

  // The current member's data is corrupt: looks for the next member from
  // just after its header (when still buffered), else from here.
  void Corrupt(const std::string& message) {
    // A member found while recovering from an error that fails too is the
    // same damage: reported once.
    if (!after_error_) {
      SetError(member_start_, "corrupt gzip member at " + std::to_string(member_start_) + ": " +
                                  message + "; resumed at the next gzip member");
    }
    in_member_ = false;
    if (member_start_ + 1 >= in_base_ && member_start_ + 1 - in_base_ <= in_.size()) {
      in_pos_ = member_start_ + 1 - in_base_;
    }
    SkipToMagic();
  }

  // Moves to the next gzip header; false (at the end) when there is none.
  bool SkipToMagic() {
    while (true) {
      const size_t hit = in_.find(kGzipMagic, in_pos_);
      if (hit != std::string::npos) {
        in_pos_ = hit;
        return true;
      }
      in_pos_ = std::max(in_pos_, in_.size() - std::min(in_.size(), kGzipMagic.size() - 1));
      if (!Refill()) {
        in_pos_ = in_.size();
        return false;
      }
    }
  }

  void SetError(uint64_t offset, std::string message) {
    if (!error_.empty()) return;  // the first problem explains the rest
    error_ = std::move(message);
    error_offset_ = offset;
  }

  void Finish() {
    finished_ = true;
    if (error_.empty()) return;
    Member end;
    end.position = produced_;
    end.disk_offset = consumed();
    end.end = true;
    end.error = std::move(error_);
    end.error_offset = error_offset_;
    members_.push_back(std::move(end));
  }

  // Reads more of the source after the unread bytes (and, within a member,
  // its first bytes, see kKeepBehind). False at the end or on a read error.
  bool Refill() {
    if (source_end_) return false;
    size_t keep = in_pos_;
    if (in_member_ && member_start_ >= in_base_ && consumed() - member_start_ <= kKeepBehind) {
      keep = member_start_ - in_base_;
    }
    in_.erase(0, keep);
    in_base_ += keep;
    in_pos_ -= keep;
    const size_t used = in_.size();
    in_.resize(used + kChunk);
    Result<size_t> n = source_.Read(in_.data() + used, kChunk);
    in_.resize(used + (n.ok() ? *n : 0));
    if (!n.ok()) {
      SetError(consumed(), n.status().message());
      source_end_ = true;
      return false;
    }
    if (*n == 0) source_end_ = true;
    return *n > 0;
  }

  ByteSource& source_;
  Mode mode_ = Mode::kUnknown;
  std::string in_;     // bytes of the source from in_base_
  size_t in_pos_ = 0;  // the next byte to use
  uint64_t in_base_ = 0;
  bool source_end_ = false;
  z_stream stream_{};
  bool inflating_ = false;
  bool in_member_ = false;
  bool after_error_ = false;  // the current member was found after an error
  uint64_t member_start_ = 0;
  uint64_t produced_ = 0;
  std::string error_;  // to attach to the next member or the end
  uint64_t error_offset_ = 0;
  bool finished_ = false;
  std::deque<Member> members_;
};

WarcReader::WarcReader(ByteSource& source, uint64_t max_record_bytes)
    : unpacker_(std::make_unique<Unpacker>(source)), max_record_bytes_(max_record_bytes) {}

WarcReader::~WarcReader() = default;

uint64_t WarcReader::consumed() const { return unpacker_->consumed(); }

bool WarcReader::FillTo(size_t bytes) {
  while (buffer_.size() - pos_ < bytes) {
    if (unpacker_->Read(buffer_, kChunk) == 0) return false;
  }
  return true;
}

void WarcReader::Compact() {
  if (pos_ == 0) return;
  buffer_.erase(0, pos_);
  base_ += pos_;
  pos_ = 0;
}

void WarcReader::SkipBlank() {
  while (FillTo(1) && IsBlank(buffer_[pos_])) {
    ++pos_;
    if (pos_ >= kChunk) Compact();
  }
}

uint64_t WarcReader::DiskOffset(uint64_t position) const {
  for (const Member& member : unpacker_->members()) {
    if (member.position == position && !member.end) return member.disk_offset;
  }
  return position;
}

const WarcReader::Member* WarcReader::FirstMemberIn(uint64_t after, uint64_t before) const {
  for (const Member& member : unpacker_->members()) {
    if (member.position > after && member.position < before) return &member;
  }
  return nullptr;
}

void WarcReader::Resync(uint64_t record_start) {
  pos_ = record_start - base_;
  while (true) {
    const Member* member = FirstMemberIn(record_start, std::numeric_limits<uint64_t>::max());
    const uint64_t limit = member ? member->position : std::numeric_limits<uint64_t>::max();
    const size_t hit = buffer_.find("\nWARC/1.", pos_);
    if (hit != std::string::npos && base_ + hit + 1 < limit) {
      pos_ = hit + 1;
      return;
    }
    if (member != nullptr) {
      pos_ = member->position - base_;
      return;
    }
    pos_ = buffer_.size() - std::min<size_t>(buffer_.size() - pos_, 7);
    Compact();
    if (unpacker_->Read(buffer_, kChunk) == 0) {
      pos_ = buffer_.size();
      return;
    }
  }
}

void WarcReader::Discard(uint64_t record_start, uint64_t bytes) {
  const uint64_t target = record_start + bytes;
  while (Position() < target) {
    if (const Member* member = FirstMemberIn(record_start, target)) {
      pos_ = member->position - base_;
      return;
    }
    if (pos_ < buffer_.size()) {
      pos_ += static_cast<size_t>(std::min<uint64_t>(buffer_.size() - pos_, target - Position()));
      Compact();
      continue;
    }
    if (unpacker_->Read(buffer_, kChunk) == 0) return;
  }
}

WarcReader::Next WarcReader::Reject(uint64_t record_start, std::string reason, Problem& problem) {
  problem.offset = DiskOffset(record_start);
  problem.reason = std::move(reason);
  Resync(record_start);
  ++records_;
  return Next::kRejected;
}

WarcReader::Next WarcReader::Read(WarcRecord& record, Problem& problem) {
  while (true) {
    Compact();
    SkipBlank();
    const bool more = FillTo(1);
    // Problems found before this point and not reported with a record.
    std::deque<Member>& members = unpacker_->members();
    bool reported = false;
    for (auto it = members.begin(); it != members.end() && it->position <= Position(); ++it) {
      if (it->error.empty()) continue;
      problem.offset = it->error_offset;
      problem.reason = std::move(it->error);
      it->error.clear();
      reported = true;
      break;
    }
    while (!members.empty() && members.front().position < Position() &&
           members.front().error.empty()) {
      members.pop_front();
    }
    if (reported) {
      ++records_;
      return Next::kRejected;
    }
    if (!more) return Next::kEnd;
    const uint64_t start = Position();

    // A record whose damage is a gzip problem is rejected for that problem.
    auto fail = [&](uint64_t end, std::string reason) {
      for (Member& member : members) {
        if (member.position <= start || member.position >= end) continue;
        if (!member.error.empty()) {
          reason = std::move(member.error);
          member.error.clear();
        } else if (!member.end) {
          reason += " (it runs past the end of its gzip member)";
        }
        break;
      }
      return Reject(start, std::move(reason), problem);
    };

    if (!FillTo(8) || buffer_.compare(pos_, 7, "WARC/1.") != 0) {
      const bool warc = FillTo(5) && buffer_.compare(pos_, 5, "WARC/") == 0;
      return fail(start + 1, warc ? "unsupported WARC version (expected WARC/1.0 or WARC/1.1)"
                                  : "not a WARC record: no WARC/1.0 or WARC/1.1 line");
    }
    // The header: lines up to an empty one.
    size_t line = pos_;
    size_t header_end = std::string::npos;
    while (header_end == std::string::npos) {
      const size_t newline = buffer_.find('\n', line);
      if (newline == std::string::npos) {
        if (buffer_.size() - pos_ > kMaxHeaderBytes) {
          return fail(start + 1,
                      "WARC header longer than " + std::to_string(kMaxHeaderBytes) + " bytes");
        }
        if (unpacker_->Read(buffer_, kChunk) == 0) {
          return fail(base_ + buffer_.size() + 1,
                      "truncated: the file ends inside the WARC header");
        }
        continue;
      }
      if (newline == line || (newline == line + 1 && buffer_[line] == '\r')) {
        header_end = newline + 1;
      }
      line = newline + 1;
    }
    const size_t header_bytes = header_end - pos_;
    // Parse it.
    record.headers.clear();
    std::string_view header(buffer_.data() + pos_, header_bytes);
    bool first = true;
    while (!header.empty()) {
      const size_t newline = header.find('\n');
      std::string_view text = header.substr(0, newline);
      header.remove_prefix(newline == std::string_view::npos ? header.size() : newline + 1);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (first) {
        record.version = std::string(Trim(text));
        first = false;
      } else if (text.empty()) {
        break;
      } else if ((text[0] == ' ' || text[0] == '\t') && !record.headers.empty()) {
        record.headers.back().second += ' ';
        record.headers.back().second += Trim(text);
      } else if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
        record.headers.emplace_back(std::string(Trim(text.substr(0, colon))),
                                    std::string(Trim(text.substr(colon + 1))));
      }
    }
    const std::string* length_text = record.Header("Content-Length");
    uint64_t length = 0;
    bool valid = length_text != nullptr && !length_text->empty() && length_text->size() <= 18;
    if (valid) {
      for (const char c : *length_text) {
        if (c < '0' || c > '9') {
          valid = false;
          break;
        }
        length = length * 10 + static_cast<uint64_t>(c - '0');
      }
    }
    if (!valid) {
      return fail(start + header_bytes, length_text == nullptr
                                            ? "WARC header without Content-Length"
                                            : "invalid Content-Length '" + *length_text + "'");
    }
    if (length > max_record_bytes_) {
      problem.offset = DiskOffset(start);
      problem.reason = "record block of " + std::to_string(length) +
                       " bytes is larger than the limit of " + std::to_string(max_record_bytes_) +
                       " bytes";
      Discard(start, header_bytes + length);
      ++records_;
      return Next::kRejected;
    }
    const uint64_t end = start + header_bytes + length;
    if (!FillTo(header_bytes + length)) {
      return fail(end, "truncated: Content-Length " + std::to_string(length) +
                           " but the file ends after " +
                           std::to_string(buffer_.size() - pos_ - header_bytes) + " bytes of it");
    }
    if (FirstMemberIn(start, end) != nullptr) {
      return fail(end, "Content-Length " + std::to_string(length) + " is too long");
    }
    // After the block: CR LF CR LF (LF LF from some writers); without it,
    // blank lines, then the end of the file, a gzip member or the next record.
    auto starts_member = [&](uint64_t position) {
      return std::any_of(members.begin(), members.end(), [&](const Member& member) {
        return member.position == position && !member.end;
      });
    };
    const size_t block_end = pos_ + header_bytes + length;
    size_t next = block_end;
    while (buffer_.size() - next < 4 && unpacker_->Read(buffer_, kChunk) > 0) {
    }
    if (buffer_.compare(next, 4, "\r\n\r\n") == 0) {
      next += 4;
    } else if (buffer_.compare(next, 2, "\n\n") == 0) {
      next += 2;
    }
    bool ends = next > block_end;
    while (!ends) {
      if ((next == buffer_.size() && unpacker_->Read(buffer_, kChunk) == 0) ||
          starts_member(base_ + next)) {
        ends = true;
        break;
      }
      if (!IsBlank(buffer_[next]) || next - block_end >= kMaxTrailerBlank) {
        while (buffer_.size() - next < 5 && unpacker_->Read(buffer_, kChunk) > 0) {
        }
        ends = buffer_.compare(next, 5, "WARC/") == 0 || IsBlank(buffer_[next]);
        break;
      }
      ++next;
    }
    if (!ends) {
      return fail(
          end, "Content-Length " + std::to_string(length) + " does not end where the record ends");
    }
    record.offset = DiskOffset(start);
    record.block.assign(buffer_, pos_ + header_bytes, length);
    pos_ = next;
    ++records_;
    return Next::kRecord;
  }
}

namespace {

// The reason a non-response record is skipped: its type, when a known one.
std::string SkipReason(const std::string* type) {
  if (type == nullptr) return "no WARC-Type";
  const std::string name = Lowercase(Trim(*type));
  for (const std::string_view known :
       {"warcinfo", "request", "metadata", "revisit", "resource", "conversion", "continuation"}) {
    if (name == known) return name;
  }
  return "other WARC-Type";
}

bool IsHtmlMediaType(const std::string& type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

// One response record: a document, a rejection or a skip.
void ReadResponse(const WarcRecord& record, const std::string& path, const Options& options,
                  const RecordSink& sink, std::map<std::string, uint64_t>& skipped) {
  const std::string* record_type = record.Header("Content-Type");
  if (record_type != nullptr ? MediaType(*record_type) != "application/http"
                             : !record.block.starts_with("HTTP/")) {
    ++skipped["not HTTP"];  // e.g. dns: records
    return;
  }
  const std::string origin = path + "@" + std::to_string(record.offset);
  Result<HttpResponse> http = ParseHttpResponse(record.block);
  if (!http.ok()) {
    sink.reject({origin, http.status().message()});
    return;
  }
  if (http->status < 200 || http->status > 299) {
    ++skipped["HTTP " + std::to_string(http->status)];
    return;
  }
  const std::string* content_type = http->Header("Content-Type");
  if (content_type != nullptr && !IsHtmlMediaType(MediaType(*content_type))) {
    ++skipped["not HTML"];
    return;
  }
  RawDocument doc;
  if (Status status = DecodeHttpBody(*http, options.max_record_bytes, doc.warnings); !status.ok()) {
    sink.reject({origin, status.message()});
    return;
  }
  if (content_type == nullptr && !LooksLikeHtml(http->body)) {
    ++skipped["not HTML"];
    return;
  }
  const std::string charset = content_type != nullptr ? CharsetParameter(*content_type) : "";
  if (Status status = DecodeHtml(http->body, charset, doc.warnings); !status.ok()) {
    sink.reject({origin, status.message()});
    return;
  }
  doc.origin = origin;
  doc.format = "html";
  doc.text = std::move(http->body);
  if (const std::string* uri = record.Header("WARC-Target-URI")) {
    std::string_view url = Trim(*uri);
    if (url.size() >= 2 && url.front() == '<' && url.back() == '>') {
      url = url.substr(1, url.size() - 2);
    }
    if (!url.empty()) doc.url = std::string(url);
  }
  if (const std::string* date = record.Header("WARC-Date"); date != nullptr && !date->empty()) {
    doc.captured = *date;
  }
  const std::string* record_id = record.Header("WARC-Record-ID");
  if (record_id != nullptr && !record_id->empty()) doc.source_id = *record_id;
  doc.id = MakeArticleId(doc.source_id ? *doc.source_id : doc.origin, doc.text);
  sink.document(std::move(doc));
}

}  // namespace

void ReadWarc(ByteSource& source, const std::string& path, const Options& options,
              const RecordSink& sink) {
  WarcReader reader(source, options.max_record_bytes);
  std::map<std::string, uint64_t> skipped;
  WarcRecord record;
  WarcReader::Problem problem;
  while (true) {
    const WarcReader::Next next = reader.Read(record, problem);
    if (next == WarcReader::Next::kEnd) break;
    if (next == WarcReader::Next::kRejected) {
      sink.reject({path + "@" + std::to_string(problem.offset), std::move(problem.reason)});
    } else if (const std::string* type = record.Header("WARC-Type");
               type != nullptr && EqualsIgnoreCase(Trim(*type), "response")) {
      ReadResponse(record, path, options, sink, skipped);
    } else {
      ++skipped[SkipReason(type)];
    }
    if (sink.consumed && reader.records() % kRecordsPerProgressReport == 0) {
      sink.consumed(reader.consumed());
    }
  }
  if (reader.records() == 0) sink.reject({path, "empty: no WARC records"});
  if (sink.consumed) sink.consumed(reader.consumed());
  if (skipped.empty() || !sink.skipped) return;
  SkippedRecords report{path, {skipped.begin(), skipped.end()}};
  std::stable_sort(report.reasons.begin(), report.reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  sink.skipped(report);
}

}  // namespace storyline::ingest
