#include "tagger/features.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace storyline::tagger {
namespace {

Gazetteer WrittenGazetteer() {
  Gazetteer gazetteer;
  EXPECT_TRUE(gazetteer
                  .AddList("written.tsv",
                           "title\tMr.\n"
                           "given_name\tAnna\n"
                           "place\tHarbor\n"
                           "place\tHarbor Point\n"
                           "place\tPoint\n"
                           "org_designator\tInc.\n")
                  .ok());
  return gazetteer;
}

SentenceContext Prepare(const std::vector<std::string_view>& words, const Gazetteer& gazetteer) {
  WordFeaturizer featurizer;
  SentenceContext sentence;
  for (std::string_view word : words) sentence.words.push_back(featurizer.Describe(word));
  sentence.Prepare(gazetteer);
  return sentence;
}

struct Hit {
  uint32_t token;
  std::string category;
  Place place;
  bool operator==(const Hit&) const = default;
};

std::vector<Hit> Hits(const SentenceContext& sentence, const Gazetteer& gazetteer) {
  std::vector<Hit> hits;
  for (const GazetteerHit& hit : sentence.hits) {
    hits.push_back({hit.token, gazetteer.categories()[hit.category], hit.place});
  }
  return hits;
}

TEST(WordFeaturizer, DescribesAWord) {
  WordFeaturizer featurizer;
  const WordInfo lisbon = featurizer.Describe("Lisbon");
  EXPECT_EQ(lisbon.word, HashBytes("Lisbon"));
  EXPECT_EQ(lisbon.lower, HashBytes("lisbon"));
  EXPECT_EQ(lisbon.short_shape, HashBytes("Xx"));
  EXPECT_EQ(lisbon.casing, Casing::kTitle);
  EXPECT_EQ(featurizer.Describe("LISBON").lower, lisbon.lower);
  EXPECT_EQ(featurizer.Describe("LISBON").casing, Casing::kUpper);
}

TEST(WordFeaturizer, WordKeysDependOnTheOffset) {
  WordFeaturizer featurizer;
  const WordInfo lisbon = featurizer.Describe("Lisbon");
  std::vector<uint64_t> here;
  featurizer.AppendWordKeys("Lisbon", lisbon, 0, &here);
  // Bias, word, lower, short shape, long shape, length, four prefixes and
  // four suffixes.
  EXPECT_EQ(here.size(), 14u);
  std::vector<uint64_t> of;
  featurizer.AppendWordKeys("of", featurizer.Describe("of"), 0, &of);
  EXPECT_EQ(of.size(), 10u);  // two prefixes and two suffixes
  EXPECT_EQ(of[0], here[0]);  // the bias is shared

  std::vector<uint64_t> left;
  std::vector<uint64_t> right;
  featurizer.AppendWordKeys("Lisbon", lisbon, -1, &left);
  featurizer.AppendWordKeys("Lisbon", lisbon, 1, &right);
  ASSERT_EQ(left.size(), 2u);  // lower-cased word and short shape
  ASSERT_EQ(right.size(), 2u);
  EXPECT_NE(left, right);
  std::vector<uint64_t> upper_left;
  featurizer.AppendWordKeys("LISBON", featurizer.Describe("LISBON"), -1, &upper_left);
  EXPECT_EQ(upper_left[0], left[0]);  // same lower-cased word
  EXPECT_NE(upper_left[1], left[1]);  // another shape
}

TEST(SentenceContext, FindsLongestGazetteerPhrasesIgnoringCase) {
  const Gazetteer gazetteer = WrittenGazetteer();
  const SentenceContext sentence =
      Prepare({"Mr.", "ANNA", "Lind", "of", "harbor", "Point", "Inc.", "spoke", "."}, gazetteer);
  EXPECT_FALSE(sentence.headline);
  EXPECT_EQ(Hits(sentence, gazetteer), (std::vector<Hit>{{0, "title", Place::kUnit},
                                                         {1, "given_name", Place::kUnit},
                                                         {4, "place", Place::kBegin},
                                                         {5, "place", Place::kLast},
                                                         {6, "org_designator", Place::kUnit}}));
  EXPECT_EQ(sentence.hits_begin, (std::vector<uint32_t>{0, 1, 2, 2, 2, 3, 4, 5, 5, 5}));
}

TEST(SentenceContext, MatchesEachCategoryOnItsOwn) {
  Gazetteer gazetteer;
  ASSERT_TRUE(gazetteer
                  .AddList("written.tsv",
                           "city\tSaint Anne\n"
                           "given_name\tAnne\n"
                           "city\tAnne Bay\n")
                  .ok());
  // "Saint Anne" wins the city category, so "Anne Bay" is not matched; the
  // given name is matched inside the city's phrase all the same.
  const SentenceContext sentence = Prepare({"Saint", "Anne", "Bay"}, gazetteer);
  EXPECT_EQ(Hits(sentence, gazetteer), (std::vector<Hit>{{0, "city", Place::kBegin},
                                                         {1, "city", Place::kLast},
                                                         {1, "given_name", Place::kUnit}}));
}

TEST(SentenceContext, TellsHeadlines) {
  const Gazetteer none;
  EXPECT_TRUE(Prepare({"FERRY", "TALKS", "STALL", "IN", "VARNHOLM"}, none).headline);
  EXPECT_TRUE(Prepare({"SOCCER", "-", "1996", "RESULTS"}, none).headline);
  EXPECT_FALSE(Prepare({"Ferry", "talks", "stall"}, none).headline);
  EXPECT_FALSE(Prepare({"1996", "-", "08"}, none).headline);
  EXPECT_FALSE(Prepare({}, none).headline);
}

TEST(DocumentCasing, CountsOnlyWhereCaseIsInformative) {
  const Gazetteer none;
  const std::vector<SentenceContext> document = {
      Prepare({"ROWAN", "HILL", "WINS"}, none),      // a headline: not counted
      Prepare({"Rowan", "Hill", "won", "."}, none),  // "Rowan" is first: not counted
      Prepare({"The", "rowan", "grew", "on", "Hill", "Road", "."}, none),
      Prepare({"Fans", "cheered", "Hill", "."}, none),
  };
  DocumentCasing casing;
  for (const SentenceContext& sentence : document) casing.Count(sentence);
  EXPECT_EQ(casing.Evidence(document[0], 0), 1);  // "ROWAN": "rowan" elsewhere
  EXPECT_EQ(casing.Evidence(document[0], 1), 2);  // "HILL": capitalised elsewhere
  EXPECT_EQ(casing.Evidence(document[0], 2), 0);  // "WINS": seen nowhere else
  EXPECT_EQ(casing.Evidence(document[1], 0), 1);
  EXPECT_EQ(casing.Evidence(document[2], 1), 0);  // its own occurrence does not count
  EXPECT_EQ(casing.Evidence(document[2], 4), 2);  // the other "Hill"
}

TEST(LabelHistory, GivesTheMajorityLabelOfEarlierSentences) {
  const Gazetteer none;
  const SentenceContext first = Prepare({"Jordan", "met", "Jordan", "Ames"}, none);
  const SentenceContext second = Prepare({"jordan", "left"}, none);
  // Types: 0 LOC, 1 PER. "Jordan" is LOC once and PER twice (U-LOC, B-PER, L-PER).
  LabelHistory history(2);
  EXPECT_EQ(history.Majority(first.words[0].lower), -1);
  history.Add(first, {TagSet::Make(0, Place::kUnit), kOutside, TagSet::Make(1, Place::kBegin),
                      TagSet::Make(1, Place::kLast)});
  history.Add(second, {TagSet::Make(1, Place::kUnit), kOutside});
  EXPECT_EQ(history.Majority(first.words[0].lower), 2);  // PER
  EXPECT_EQ(history.Majority(first.words[1].lower), 0);  // O
  EXPECT_EQ(history.Majority(second.words[1].lower), 0);
  EXPECT_EQ(history.Majority(HashBytes("unseen")), -1);
}

TEST(AppendContextKeys, LooksAtNeighboursHitsAndDocument) {
  const Gazetteer gazetteer = WrittenGazetteer();
  const SentenceContext sentence = Prepare({"Anna", "Lind", "spoke", "."}, gazetteer);
  DocumentCasing casing;
  casing.Count(sentence);
  std::vector<uint64_t> first;
  AppendContextKeys(sentence, 0, casing, &first);
  // Seven n-gram keys, the position, two for its gazetteer hit and the
  // document casing of a sentence-initial word.
  EXPECT_EQ(first.size(), 11u);
  std::vector<uint64_t> second;
  AppendContextKeys(sentence, 1, casing, &second);
  // Seven n-gram keys, the position and the hit of the word on its left.
  EXPECT_EQ(second.size(), 9u);
  std::vector<uint64_t> last;
  AppendContextKeys(sentence, 3, casing, &last);
  EXPECT_EQ(last.size(), 8u);      // no letters: no document casing
  EXPECT_NE(first[7], second[7]);  // first and second positions differ
}

TEST(AppendHistoryKeys, SkipsWordsWithoutLetters) {
  WordFeaturizer featurizer;
  const LabelHistory history(4);
  std::vector<uint64_t> keys;
  AppendHistoryKeys(featurizer.Describe("1996"), history, &keys);
  EXPECT_TRUE(keys.empty());
  AppendHistoryKeys(featurizer.Describe("Lind"), history, &keys);
  EXPECT_EQ(keys.size(), 2u);
}

}  // namespace
}  // namespace storyline::tagger
