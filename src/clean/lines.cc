#include "clean/lines.h"

namespace storyline::clean {
namespace {

bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

size_t SpaceAt(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (IsAsciiSpace(c)) return 1;
  if (c == 0xC2 && i + 1 < text.size() && byte(i + 1) == 0xA0) return 2;  // U+00A0
  if (i + 2 >= text.size()) return 0;
  const unsigned char c1 = byte(i + 1), c2 = byte(i + 2);
  if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;  // U+2000..200B, 202F
  if (c == 0xE2 && c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0)) return 3;  // U+205F, U+2060
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;                  // U+3000
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;                  // U+FEFF
  return 0;
}

// Length of the white-space character ending just before `text[end]`, or 0.
size_t SpaceBefore(std::string_view text, size_t end) {
  for (size_t length = 1; length <= 3 && length <= end; ++length) {
    if (SpaceAt(text, end - length) == length) return length;
  }
  return 0;
}

// Closing quotes and brackets that may follow the final mark of a sentence:
// `said.”` and `”.` both end a sentence.
size_t CloserBefore(std::string_view text, size_t end) {
  if (end == 0) return 0;
  const char c = text[end - 1];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xBB") return 2;  // »
  if (end >= 3) {
    const std::string_view last = text.substr(end - 3, 3);
    if (last == "\xE2\x80\x9D" || last == "\xE2\x80\x99" || last == "\xE2\x80\xBA") return 3;
  }
  return 0;
}

// Marks that end a sentence, as the UTF-8 suffix of the line.
bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> marks) {
  for (std::string_view mark : marks) {
    if (text.ends_with(mark)) return true;
  }
  return false;
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";      // …
constexpr std::string_view kIdeoStop = "\xE3\x80\x82";      // 。
constexpr std::string_view kFullQuestion = "\xEF\xBC\x9F";  // ？
constexpr std::string_view kFullBang = "\xEF\xBC\x81";      // ！

// List marks that start a bullet line when a space follows.
bool StartsWithBulletMark(std::string_view line) {
  for (std::string_view mark : {"-", "*", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
                                "\xC2\xB7", "\xE2\x80\xA3", "\xE2\x96\xAA", "\xE2\x96\xBA"}) {
    if (line.starts_with(mark) && line.size() > mark.size() && SpaceAt(line, mark.size()) > 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

size_t SpaceLengthAt(std::string_view text, size_t i) { return SpaceAt(text, i); }

std::string_view TrimSpace(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t n = SpaceAt(text, begin);
    if (n == 0) break;
    begin += n;
  }
  size_t end = text.size();
  while (end > begin) {
    const size_t n = SpaceBefore(text, end);
    if (n == 0) break;
    end -= n;
  }
  return text.substr(begin, end - begin);
}

LineShape ShapeOf(std::string_view line) {
  LineShape shape;
  if (line.empty()) return shape;
  size_t end = line.size();
  for (size_t n; (n = CloserBefore(line, end)) > 0;) end -= n;
  const std::string_view core = line.substr(0, end);
  shape.ends_full_stop = EndsWithAny(core, {".", kEllipsis, kIdeoStop});
  shape.ends_sentence =
      shape.ends_full_stop || EndsWithAny(core, {"!", "?", kFullQuestion, kFullBang});
  const char last = line.back();
  shape.ends_clause = last == ',' || last == ';' || last == ':';
  shape.bullet = StartsWithBulletMark(line);
  shape.starts_lower = line[0] >= 'a' && line[0] <= 'z';

  // Most bytes are in paragraphs that end with a full stop; they can never be
  // headlines, so counting their first few words is enough.
  const int max_words = shape.ends_full_stop ? kMaxSentenceWordsCounted : kMaxHeadlineWords + 1;
  bool in_word = false;
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    // ASCII decides in one branch; only non-ASCII bytes need SpaceAt.
    const size_t space = c < 0x80 ? IsAsciiSpace(c) : SpaceAt(line, i);
    if (space > 0) {
      in_word = false;
      i += space;
      continue;
    }
    if (c >= 0x80 || static_cast<unsigned>((c | 0x20) - 'a') < 26u) shape.has_letter = true;
    if (!in_word) {
      in_word = true;
      if (++shape.words == max_words) break;
    }
    ++i;
  }
  return shape;
}

bool IsHeadlineLike(const LineShape& shape) {
  return shape.words >= kMinHeadlineWords && shape.words <= kMaxHeadlineWords &&
         !shape.ends_full_stop && !shape.ends_clause && !shape.bullet && !shape.starts_lower &&
         shape.has_letter;
}

}  // namespace storyline::clean
