#include "html/meta_text.h"

#include <gtest/gtest.h>

#include <array>

namespace storyline::html {
namespace {

TEST(Lower, FoldsLettersOfAnyScriptKeepingTheLength) {
  EXPECT_EQ(Lower("Letzte ÄNDERUNG"), "letzte änderung");
  EXPECT_EQ(Lower("ОБНОВЛЕНО"), "обновлено");
  EXPECT_EQ(Lower("ΔΗΜΟΣΙΕΥΣΗ"), "δημοσιευση");
  // "İ" lowers to "i" plus a combining dot, longer in UTF-8: left as it is,
  // so offsets into the result are offsets into the text.
  EXPECT_EQ(Lower("İZMİR"), "İzmİr");
  EXPECT_EQ(Lower("×\xFF"), "×\xFF");  // a sign and an invalid byte pass through
}

TEST(WithoutLeadingMarks, CutsWholeMarksAgainAndAgain) {
  constexpr std::array<std::string_view, 3> kMarks = {":", "–", "|"};
  EXPECT_EQ(WithoutLeadingMarks(": – | Quay opens", kMarks), "Quay opens");
  // "►" shares its lead byte with "–": it stays whole.
  EXPECT_EQ(WithoutLeadingMarks("► Quay opens", kMarks), "► Quay opens");
  EXPECT_EQ(WithoutLeadingMarks("Quay: opens", kMarks), "Quay: opens");
  EXPECT_EQ(WithoutLeadingMarks("–", kMarks), "");
}

}  // namespace
}  // namespace storyline::html
