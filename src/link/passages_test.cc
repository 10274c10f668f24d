#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

// An article with sentences at every ". " / ".\n" / ".\u201d" end, enough for
// the invented texts below.
Article MakeArticle(std::string id, std::string text, std::optional<std::string> date) {
  Article article;
  article.id = std::move(id);
  article.text = std::move(text);
  article.published.value = std::move(date);
  const std::string& t = article.text;
  uint32_t begin = 0;
  for (uint32_t i = 0; i <= t.size(); ++i) {
    const bool line_end = i == t.size() || t[i] == '\n';
    const bool full_stop = i > 0 && t[i - 1] == '.' && i < t.size() && t[i] == ' ';
    const bool quote_stop = i >= 4 && t.compare(i - 4, 4, ".\u201d") == 0 && !line_end;
    if (line_end || full_stop || quote_stop) {
      uint32_t b = begin;
      while (b < i && t[b] == ' ') ++b;
      if (i > b) article.sentences.push_back({b, i});
      begin = i + 1;
      if (quote_stop) begin = i;
    }
  }
  return article;
}

ByteSpan Find(const Article& article, const std::string& needle) {
  const size_t at = article.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

const char kWireQuote[] =
    "\"We will not reopen the Quillan ferry until the harbour wall is repaired,\" said "
    "harbour master Odile Farrant.";
const char kLocalQuote[] =
    "\u201cWe will not reopen the Quillan ferry until the harbor wall is repaired,\u201d said "
    "Harbor Master Odile Farrant.";
const char kWireFacts[] =
    "The storm tore a 30-metre gap in the breakwater on Friday night, and the organisation "
    "running the port has yet to publish an estimate of the damage.";
const char kLocalFacts[] =
    "The storm tore a 30-meter gap in the breakwater on Friday night \u2014 and the organization "
    "running the port has yet to publish an estimate of the damage.";

TEST(FindSharedPassages, FindsExactOffsetsDespiteQuotesAndSpelling) {
  const Article wire =
      MakeArticle("wire",
                  std::string("QUILLAN (Brenmoor Wire) - Ferries stayed in port on Saturday.\n") +
                      kWireQuote + "\n" + kWireFacts + "\nMore rain is expected on Monday.",
                  "2031-05-03");
  const Article local =
      MakeArticle("local",
                  std::string("Quillan residents queued for supplies at the Tollery market.\n") +
                      kLocalQuote + "\n" + "A local council meeting was cancelled.\n" + kLocalFacts,
                  "2031-05-04");
  const std::vector<Passage> passages = FindSharedPassages(wire, local);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(passages[0].a, (ArticleSpan{"wire", Find(wire, kWireQuote)}));
  EXPECT_EQ(passages[0].b, (ArticleSpan{"local", Find(local, kLocalQuote)}));
  EXPECT_EQ(passages[0].similarity, 1.0);
  EXPECT_EQ(passages[0].earlier, "a");
  EXPECT_EQ(passages[1].a, (ArticleSpan{"wire", Find(wire, kWireFacts)}));
  EXPECT_EQ(passages[1].b, (ArticleSpan{"local", Find(local, kLocalFacts)}));
  EXPECT_EQ(passages[1].similarity, 1.0);
  // Swapping the articles swaps the sides.
  const std::vector<Passage> swapped = FindSharedPassages(local, wire);
  ASSERT_EQ(swapped.size(), 2u);
  EXPECT_EQ(swapped[0].a, passages[0].b);
  EXPECT_EQ(swapped[0].earlier, "b");
}

TEST(FindSharedPassages, BridgesOneChangedWord) {
  const std::string a_text =
      "Inspectors from the Velmark Board had reviewed the pumping station twice since January "
      "and found no fault with its generators.";
  const std::string b_text =
      "Inspectors from the Velmark Board had visited the pumping station twice since January "
      "and found no fault with its generators.";
  const Article a = MakeArticle("a", "Opening line of the first story.\n" + a_text, std::nullopt);
  const Article b = MakeArticle("b", b_text + "\nClosing words here.", "2031-01-02");
  const std::vector<Passage> passages = FindSharedPassages(a, b);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].a.span, Find(a, a_text));
  EXPECT_EQ(passages[0].b.span, Find(b, b_text));
  EXPECT_EQ(passages[0].earlier, "unknown");
  EXPECT_NEAR(passages[0].similarity, 19.0 / 20.0, 1e-9);
}

TEST(FindSharedPassages, IgnoresShortCommonPhrases) {
  const Article a = MakeArticle(
      "a", "Officials said on Monday that the talks would resume in the spring.", std::nullopt);
  const Article b = MakeArticle(
      "b", "Nobody said on Monday that the talks would resume, a spokesman added.", std::nullopt);
  EXPECT_TRUE(FindSharedPassages(a, b).empty());
}

TEST(FindSharedPassages, NoPassagesBetweenUnrelatedTexts) {
  const Article a = MakeArticle("a", kWireFacts, std::nullopt);
  const Article b = MakeArticle("b", "A short unrelated note about orchard frost.", std::nullopt);
  EXPECT_TRUE(FindSharedPassages(a, b).empty());
}

TEST(SharedTextIndex, FindsThePairThatSharesAParagraph) {
  const std::string shared = kWireFacts;
  const std::vector<std::string> texts = {
      "Officials in Dunmore opened a new tram depot on Thursday, the first in a decade.",
      "Ferries stayed in port. " + shared + " More rain is expected.",
      "The Tollery market reopened after repairs to its roof were finished ahead of time.",
      "Residents queued for supplies. " + shared,
      "A council meeting about the Dunmore tram depot was postponed until next month.",
  };
  SharedTextIndex index;
  for (size_t i = 0; i < texts.size(); ++i) index.Add(std::to_string(i), PassageSeeds(texts[i]));
  EXPECT_EQ(index.CandidatePairs(), (std::vector<std::pair<size_t, size_t>>{{1, 3}}));
}

TEST(PassageSeeds, WinnowingKeepsASeedOfEveryLongEnoughSharedRun) {
  // 11 shared words (seed_words + window - 1) inside different surroundings.
  const std::string run = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo";
  const std::vector<uint64_t> a = PassageSeeds("one two three four five six " + run + " seven");
  const std::vector<uint64_t> b = PassageSeeds("eight nine " + run + " ten eleven twelve thirteen");
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  EXPECT_FALSE(common.empty());
  EXPECT_TRUE(PassageSeeds("too few words here").empty());
}

}  // namespace
}  // namespace storyline::link
