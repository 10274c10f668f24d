#include "quotes/marks.h"

#include <optional>

namespace storyline::quotes {
namespace {

enum class Style { kStraight, kCurly, kAngle };

struct Mark {
  Style style;
  bool opens;  // a straight mark both opens and closes
  bool closes;
  uint32_t size;  // bytes
};

std::optional<Mark> MarkAt(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (text[i] == '"') return Mark{Style::kStraight, true, true, 1};
  if (byte(i) == 0xE2 && i + 2 < text.size() && byte(i + 1) == 0x80) {
    if (byte(i + 2) == 0x9C) return Mark{Style::kCurly, true, false, 3};  // “
    if (byte(i + 2) == 0x9D) return Mark{Style::kCurly, false, true, 3};  // ”
  }
  if (byte(i) == 0xC2 && i + 1 < text.size()) {
    if (byte(i + 1) == 0xAB) return Mark{Style::kAngle, true, false, 2};  // «
    if (byte(i + 1) == 0xBB) return Mark{Style::kAngle, false, true, 2};  // »
  }
  return std::nullopt;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

ByteSpan Trimmed(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// The scan of one text: the open quote, if any, and the regions so far.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<QuotedRegion> Run() {
    size_t i = 0;
    while (i < text_.size()) {
      if (text_[i] == '\n') {
        i = EndParagraph(i);
        continue;
      }
      const std::optional<Mark> mark = MarkAt(text_, i);
      if (mark) {
        Take(*mark, i);
        i += mark->size;
      } else {
        ++i;
      }
    }
    if (open_) Close(text_.size(), text_.size(), /*closed=*/false);
    return std::move(regions_);
  }

 private:
  void Take(const Mark& mark, size_t at) {
    const size_t after = at + mark.size;
    // A straight mark before a space, a mark or the line end closes; else it opens.
    const bool straight_closes = after >= text_.size() || IsSpace(text_[after]) ||
                                 text_[after] == ',' || text_[after] == '.';
    const bool opens = mark.opens && !(mark.closes && straight_closes);
    if (!open_) {
      if (opens) {
        open_ = mark.style;
        nested_ = 0;
        other_nested_ = 0;
        outer_begin_ = at;
        content_begin_ = after;
      }
      return;
    }
    if (mark.style == *open_) {
      if (mark.opens && !mark.closes) {
        ++nested_;
      } else if (nested_ > 0 && !mark.opens) {
        --nested_;
      } else {
        Close(at, after, /*closed=*/true);
      }
      return;
    }
    // A mark of another style nests inside, or closes a quote whose writer
    // mixed styles ("...,” said Smith).
    if (opens) {
      ++other_nested_;
    } else if (other_nested_ > 0) {
      --other_nested_;
    } else {
      Close(at, after, /*closed=*/true);
    }
  }

  // At the '\n' at `newline`: a quote still open either goes on into the
  // next paragraph (which then starts with an opening mark of its style) or
  // ends here. Returns where scanning resumes.
  size_t EndParagraph(size_t newline) {
    if (!open_) return newline + 1;
    size_t next = newline;
    while (next < text_.size() && IsSpace(text_[next])) ++next;
    if (next < text_.size()) {
      const std::optional<Mark> mark = MarkAt(text_, next);
      if (mark && mark->style == *open_ && mark->opens) {
        nested_ = 0;
        other_nested_ = 0;
        return next + mark->size;
      }
    }
    Close(newline, newline, /*closed=*/false);
    return newline + 1;
  }

  void Close(size_t content_end, size_t outer_end, bool closed) {
    const ByteSpan content = Trimmed(text_, content_begin_, content_end);
    if (content.size() > 0) {
      regions_.push_back({content,
                          {static_cast<uint32_t>(outer_begin_), static_cast<uint32_t>(outer_end)},
                          closed});
    }
    open_.reset();
  }

  std::string_view text_;
  std::optional<Style> open_;
  int nested_ = 0;        // pairs of the open style inside the quote
  int other_nested_ = 0;  // pairs of other styles inside the quote
  size_t outer_begin_ = 0;
  size_t content_begin_ = 0;
  std::vector<QuotedRegion> regions_;
};

}  // namespace

std::vector<QuotedRegion> FindQuotedRegions(std::string_view text) { return Scanner(text).Run(); }

}  // namespace storyline::quotes
