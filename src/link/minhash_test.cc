#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "link/link.h"

namespace storyline::link {
namespace {

// A deterministic invented text of `words` distinct-looking words.
std::string InventedText(uint64_t seed, int words) {
  static constexpr const char* kSyllables[] = {"ka",  "lo", "mer", "tis", "van", "dru", "pel",
                                               "sor", "ni", "quo", "ba",  "zet", "rhu", "fim"};
  std::string text;
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 7;
  for (int w = 0; w < words; ++w) {
    if (w > 0) text += (w % 12 == 0) ? ". " : " ";
    const int syllables = 2 + static_cast<int>((state >> 7) % 3);
    for (int s = 0; s < syllables; ++s) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      text += kSyllables[(state >> 33) % 14];
    }
  }
  return text;
}

// "id0042": ids whose order is their number's.
std::string NumberedId(size_t i) {
  std::string digits = std::to_string(i);
  return "id" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

// A signature of pseudo-random values: shares no band with any other.
Signature RandomSignature(uint64_t seed) {
  Signature signature;
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  for (uint32_t& value : signature) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    value = static_cast<uint32_t>(state >> 32);
  }
  return signature;
}

// The articles of each of the index's groups.
std::vector<std::vector<std::string>> GroupArticles(const NearDuplicateIndex& index) {
  std::vector<std::vector<std::string>> articles;
  for (NearDuplicateGroup& group : index.Groups()) articles.push_back(std::move(group.articles));
  return articles;
}

// Exact Jaccard of the 5-word shingle sets (normalised words).
double ExactJaccard(const std::string& a, const std::string& b) {
  auto shingles = [](const std::string& text) {
    std::set<std::vector<uint64_t>> set;
    const std::vector<Word> words = NormalizedWords(text);
    for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      std::vector<uint64_t> s;
      for (int k = 0; k < kShingleWords; ++k) s.push_back(words[i + k].hash);
      set.insert(s);
    }
    return set;
  };
  const auto sa = shingles(a), sb = shingles(b);
  std::vector<std::vector<uint64_t>> common;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) / (sa.size() + sb.size() - common.size());
}

TEST(NormalizedWords, FoldsQuotesCaseAndSpelling) {
  const std::string text = "\u201cThe Organisation\u2019s colour,\u201d said O'Neill.";
  const std::vector<Word> words = NormalizedWords(text);
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(text.substr(words[1].span.begin, words[1].span.size()), "Organisation\u2019s");
  EXPECT_EQ(words[0].span, (ByteSpan{3, 6}));
  EXPECT_EQ(NormalizeWord("Organisation\u2019s"), "organizations");
  EXPECT_EQ(NormalizeWord("organisation"), "organization");
  EXPECT_EQ(NormalizeWord("colour"), "color");
  EXPECT_EQ(NormalizeWord("analysed"), "analyzed");
  EXPECT_EQ(NormalizeWord("Metres"), "meters");
  EXPECT_EQ(NormalizeWord("four"), "four");
  EXPECT_EQ(NormalizeWord("O'Neill"), "oneill");
  EXPECT_EQ(words[4].hash, NormalizedWords("ONEILL")[0].hash);
}

TEST(MinHash, IdenticalTextsUnderQuoteAndCaseVariationHaveEqualSignatures) {
  EXPECT_EQ(MinHash("\u201cWe will rebuild the harbour wall,\u201d the mayor said."),
            MinHash("\"we will rebuild the harbor wall\" -- The Mayor said"));
}

TEST(MinHash, EstimatesExactJaccardWithinSamplingError) {
  const std::string base = InventedText(1, 400);
  // Keep a prefix of base and append fresh words: overlap shrinks steadily.
  for (int kept : {400, 300, 200, 120, 60}) {
    const std::string other = base.substr(0, base.find(' ', base.size() * kept / 400 - 1)) + " " +
                              InventedText(100 + kept, 400 - kept);
    const double exact = ExactJaccard(base, other);
    const double estimate = EstimatedJaccard(MinHash(base), MinHash(other));
    SCOPED_TRACE("kept " + std::to_string(kept) + " exact " + std::to_string(exact));
    // 128 samples: standard error <= 0.045; allow about three of them.
    EXPECT_NEAR(estimate, exact, 0.13);
  }
  EXPECT_EQ(EstimatedJaccard(MinHash(base), MinHash(base)), 1.0);
  EXPECT_LT(EstimatedJaccard(MinHash(base), MinHash(InventedText(2, 400))), 0.05);
}

// Short texts leave most of the 128 bins empty; densification fills them
// from occupied bins. Over many pairs the estimate must still average to
// the exact Jaccard (leaving empty bins equal in both would inflate it).
TEST(MinHash, DensifiedEstimateOfShortTextsIsUnbiased) {
  double exact_sum = 0, estimate_sum = 0;
  constexpr int kPairs = 400;
  for (int pair = 0; pair < kPairs; ++pair) {
    const std::string a = InventedText(3000 + pair, 24);  // 20 shingles
    const std::string b =
        a.substr(0, a.find(' ', a.size() * 2 / 3)) + " " + InventedText(7000 + pair, 8);
    exact_sum += ExactJaccard(a, b);
    estimate_sum += EstimatedJaccard(MinHash(a), MinHash(b));
  }
  const double exact = exact_sum / kPairs, estimate = estimate_sum / kPairs;
  SCOPED_TRACE("mean exact " + std::to_string(exact));
  EXPECT_GT(exact, 0.2);
  EXPECT_LT(exact, 0.6);
  EXPECT_NEAR(estimate, exact, 0.02);
}

TEST(MinHash, TextOfOneShingleFillsEveryValueWithIt) {
  const Signature signature = MinHash("too short");
  EXPECT_TRUE(std::all_of(signature.begin(), signature.end(),
                          [&](uint32_t v) { return v == signature[0]; }));
  EXPECT_EQ(EstimatedJaccard(signature, MinHash("Too short!")), 1.0);
  EXPECT_EQ(EstimatedJaccard(signature, MinHash("too long")), 0.0);
}

TEST(MinHash, FromWordsEqualsFromText) {
  const std::string text = InventedText(11, 120);
  EXPECT_EQ(MinHash(NormalizedWords(text)), MinHash(text));
  EXPECT_EQ(PassageSeeds(NormalizedWords(text)), PassageSeeds(text));
  EXPECT_FALSE(PassageSeeds(text).empty());
}

TEST(MinHash, EmptyTextHasNoBandKeys) {
  const BandKeys keys = Bands(MinHash(" .,; "));
  EXPECT_TRUE(std::all_of(keys.begin(), keys.end(), [](uint64_t k) { return k == 0; }));
}

// 2,000 verbatim copies of one wire story and a few reworked copies are one
// group, at a cost linear in the copies: comparing all pairs of each band
// bucket would take 32 * 2,003 * 2,002 / 2 = 64 million comparisons.
TEST(NearDuplicateIndex, GroupsThousandsOfCopiesAtLinearCost) {
  const std::string story = InventedText(77, 300);
  const Signature copy = MinHash(story);
  NearDuplicateIndex index;
  std::vector<std::string> expected;
  for (size_t i = 0; i < 2000; ++i) {
    index.Add(NumberedId(i), copy);
    expected.push_back(NumberedId(i));
  }
  for (size_t i = 0; i < 3; ++i) {
    index.Add("reworked" + std::to_string(i), MinHash(story + " " + InventedText(5 + i, 30)));
    expected.push_back("reworked" + std::to_string(i));
  }
  for (size_t i = 0; i < 50; ++i)
    index.Add("other" + std::to_string(i), MinHash(InventedText(3000 + i, 300)));
  uint64_t comparisons = 0;
  const std::vector<std::pair<size_t, size_t>> pairs = index.VerifiedPairs(&comparisons);
  EXPECT_LT(comparisons, 32u * 2100);
  EXPECT_GE(pairs.size(), 2002u);  // enough to connect the group
  EXPECT_EQ(GroupArticles(index), (std::vector<std::vector<std::string>>{expected}));
}

// Copies that differ from each other in one MinHash value each have distinct
// signatures, so every band bucket holds about 1,450 of them: each is
// compared with the bucket's representatives (the first matches), not with
// every other member, whatever the order they were added in.
TEST(NearDuplicateIndex, GroupsALargeBucketThroughRepresentatives) {
  const Signature story = RandomSignature(1);
  constexpr size_t kCopies = 1500;
  std::vector<Signature> copies(kCopies, story);
  for (size_t i = 0; i < kCopies; ++i) copies[i][i % kSignatureSize] = static_cast<uint32_t>(i);
  NearDuplicateIndex forward, backward;
  std::vector<std::string> expected;
  for (size_t i = 0; i < kCopies; ++i) {
    forward.Add(NumberedId(i), copies[i]);
    backward.Add(NumberedId(kCopies - 1 - i), copies[kCopies - 1 - i]);
    expected.push_back(NumberedId(i));
  }
  uint64_t comparisons = 0;
  forward.VerifiedPairs(&comparisons);
  EXPECT_LT(comparisons, 32u * kCopies * 2);  // all pairs: 32 * 1,124,250
  EXPECT_EQ(GroupArticles(forward), (std::vector<std::vector<std::string>>{expected}));
  EXPECT_EQ(backward.Groups(), forward.Groups());
}

// 3,000 unrelated articles share one band (a template): the bucket costs at
// most 3,000 * max_pairwise_bucket comparisons instead of 4.5 million, and a
// near-duplicate pair among them is still found through its other bands.
TEST(NearDuplicateIndex, TemplateBucketCostsLinearAndKeepsPairsOfOtherBands) {
  constexpr size_t kArticles = 3000;
  std::vector<Signature> signatures;
  for (size_t i = 0; i < kArticles; ++i) {
    signatures.push_back(RandomSignature(100 + i));
    std::fill_n(signatures.back().begin(), kRowsPerBand, 7u);  // the template's band
  }
  signatures[2900] = signatures[2500];
  for (int row = kRowsPerBand; row < 2 * kRowsPerBand; ++row) signatures[2900][row] ^= 1;
  NearDuplicateIndex index;
  for (size_t i = 0; i < kArticles; ++i) index.Add(NumberedId(i), signatures[i]);
  uint64_t comparisons = 0;
  index.VerifiedPairs(&comparisons);
  const NearDuplicateOptions options;
  EXPECT_LE(comparisons, kArticles * options.max_pairwise_bucket);
  EXPECT_GT(comparisons, kArticles);  // the template's bucket was compared
  EXPECT_EQ(GroupArticles(index), (std::vector<std::vector<std::string>>{{"id2500", "id2900"}}));
}

TEST(NearDuplicateIndex, FindsPlantedNearDuplicates) {
  NearDuplicateIndex index;
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) texts.push_back(InventedText(1000 + i, 300));
  // Article 200 copies 17 with a new ending; 201 is 42 with edits in the middle.
  texts.push_back(texts[17] + " " + InventedText(5, 30));
  std::string edited = texts[42];
  edited.replace(edited.size() / 2, 12, " zetzet ");
  texts.push_back(edited);
  for (size_t i = 0; i < texts.size(); ++i) {
    index.Add("id" + std::to_string(1000 + i), MinHash(texts[i]));
  }
  const std::vector<std::pair<size_t, size_t>> expected_pairs = {{17, 200}, {42, 201}};
  EXPECT_EQ(index.VerifiedPairs(), expected_pairs);
  const std::vector<std::vector<std::string>> expected_groups = {{"id1017", "id1200"},
                                                                 {"id1042", "id1201"}};
  EXPECT_EQ(GroupArticles(index), expected_groups);
  // Each group carries its weakest verified pair's estimate.
  const std::vector<NearDuplicateGroup> groups = index.Groups();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].similarity, EstimatedJaccard(MinHash(texts[17]), MinHash(texts[200])));
  EXPECT_EQ(groups[1].similarity, EstimatedJaccard(MinHash(texts[42]), MinHash(texts[201])));
}

TEST(NearDuplicateIndex, GroupsAreLabelledBySmallestIdWhateverTheOrder) {
  const std::string text = InventedText(9, 200);
  NearDuplicateIndex forward, backward;
  const std::vector<std::string> ids = {"c", "a", "b"};
  for (const std::string& id : ids) forward.Add(id, MinHash(text + " " + id));
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) backward.Add(*it, MinHash(text + " " + *it));
  const std::vector<std::vector<std::string>> expected = {{"a", "b", "c"}};
  EXPECT_EQ(GroupArticles(forward), expected);
  EXPECT_EQ(GroupArticles(backward), expected);
}

// The LSH index must agree with brute force over all pairs: every pair it
// reports is a true pair, and it misses none well above the threshold.
TEST(NearDuplicateIndex, AgreesWithBruteForceAllPairs) {
  std::vector<std::string> texts;
  for (int family = 0; family < 30; ++family) {
    const std::string base = InventedText(500 + family, 200);
    texts.push_back(base);
    // Variants with 0..4 replaced stretches of 10 words: Jaccard from 1 down to ~0.3.
    for (int edits = 1; edits <= family % 5; ++edits) {
      std::string variant = texts.back();
      const size_t at = variant.size() * edits / 6;
      const std::string stretch = InventedText(900 + family * 10 + edits, 10);
      std::string joined(variant, 0, at);
      joined.append(" ").append(stretch).append(" ").append(variant, at);
      variant = std::move(joined);
      texts.push_back(variant);
    }
  }
  NearDuplicateIndex index;
  std::vector<Signature> signatures;
  for (size_t i = 0; i < texts.size(); ++i) {
    signatures.push_back(MinHash(texts[i]));
    index.Add(std::to_string(i), signatures.back());
  }
  const NearDuplicateOptions options;
  std::set<std::pair<size_t, size_t>> brute;
  int strong = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = i + 1; j < texts.size(); ++j) {
      const double j_est = EstimatedJaccard(signatures[i], signatures[j]);
      if (j_est >= options.threshold) brute.insert({i, j});
      if (j_est >= 0.7) ++strong;
    }
  }
  const std::vector<std::pair<size_t, size_t>> lsh = index.VerifiedPairs();
  const std::set<std::pair<size_t, size_t>> lsh_set(lsh.begin(), lsh.end());
  for (const auto& pair : lsh_set) EXPECT_TRUE(brute.count(pair));
  int strong_found = 0;
  for (const auto& [i, j] : brute) {
    if (EstimatedJaccard(signatures[i], signatures[j]) >= 0.7)
      strong_found += lsh_set.count({i, j});
  }
  EXPECT_GT(strong, 20);
  EXPECT_EQ(strong_found, strong);  // P(miss) at s >= 0.7 is below 1e-6 per pair
  EXPECT_GE(lsh_set.size() * 10, brute.size() * 9);
}

}  // namespace
}  // namespace storyline::link
