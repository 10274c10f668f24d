// The entity rules (roles, nominal mentions, joining, keys, codes) on
// sentences written here, with the names a tagger would give them stated by
// the test, so that each rule is checked apart from the learned model.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "core/data_files.h"
#include "entities/entities.h"
#include "entities/mentions.h"

namespace storyline::entities {
namespace {

struct Name {
  std::string text;  // the words of the name, as in the sentence
  std::string type;
  int occurrence = 0;  // which occurrence of `text` in the article
};

class RulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<actors::Dictionary> dictionary = actors::Dictionary::Create({}, DataFiles{});
    ASSERT_TRUE(dictionary.ok()) << dictionary.status().ToString();
    dictionary_ = new actors::Dictionary(std::move(dictionary).value());
    Result<text::Segmenter> segmenter = text::Segmenter::Create({}, DataFiles{});
    ASSERT_TRUE(segmenter.ok());
    segmenter_ = new text::Segmenter(std::move(segmenter).value());
    Result<std::string> lists = DataFiles{}.Read("entities/en.tsv");
    ASSERT_TRUE(lists.ok());
    Result<WordLists> words = WordLists::Parse("entities/en.tsv", *lists);
    ASSERT_TRUE(words.ok()) << words.status().ToString();
    words_ = new WordLists(std::move(words).value());
  }

  // The entities of `text` (one sentence a line), the tagger having found
  // `names`, on `day`.
  std::vector<Entity> Find(const std::string& text, const std::vector<Name>& names,
                           std::optional<std::string> day = "2021-09-27") {
    text_ = text;
    document_ = Document{};
    document_.text = text_;
    tokens_.clear();
    for (uint32_t begin = 0; begin < text_.size();) {
      const size_t end = std::min(text_.find('\n', begin), text_.size());
      tokens_.push_back(segmenter_->Words(text_, {begin, static_cast<uint32_t>(end)}));
      begin = static_cast<uint32_t>(end + 1);
    }
    for (const std::vector<text::Token>& sentence : tokens_) {
      SentenceWords& words = document_.sentences.emplace_back();
      words.tokens = sentence;
      for (const text::Token& token : words.tokens) {
        words.normalized.push_back(actors::NormalizeWord(
            std::string_view(text_).substr(token.span.begin, token.span.size())));
      }
    }
    std::vector<TaggedSpan> spans;
    for (const Name& name : names) spans.push_back(Locate(name));
    std::sort(spans.begin(), spans.end(), [](const TaggedSpan& a, const TaggedSpan& b) {
      return std::tie(a.sentence, a.begin) < std::tie(b.sentence, b.begin);
    });
    std::vector<Mention> mentions = NameMentions(document_, spans, *dictionary_);
    AttachRoles(document_, *words_, *dictionary_, mentions);
    std::vector<Mention> nominals = NominalMentions(document_, *words_, *dictionary_, mentions);
    return JoinMentions(document_, *words_, mentions, nominals, *dictionary_,
                        day ? CivilDay::FromIso(*day) : std::nullopt);
  }

  // The words of `name` in the document, as a tagged span.
  TaggedSpan Locate(const Name& name) {
    std::vector<std::string> wanted;
    const std::vector<text::Token> tokens =
        segmenter_->Words(name.text, {0, static_cast<uint32_t>(name.text.size())});
    for (const text::Token& token : tokens) {
      wanted.emplace_back(name.text.substr(token.span.begin, token.span.size()));
    }
    int seen = 0;
    for (uint32_t s = 0; s < document_.sentences.size(); ++s) {
      const std::span<const text::Token> words = document_.sentences[s].tokens;
      for (uint32_t i = 0; i + wanted.size() <= words.size(); ++i) {
        bool match = true;
        for (uint32_t k = 0; k < wanted.size() && match; ++k) {
          const text::Token& token = words[i + k];
          match = text_.substr(token.span.begin, token.span.size()) == wanted[k];
        }
        if (match && seen++ == name.occurrence) {
          return {s, i, i + static_cast<uint32_t>(wanted.size()), name.type};
        }
      }
    }
    ADD_FAILURE() << "no '" << name.text << "' in the text";
    return {};
  }

  static const Entity* Named(const std::vector<Entity>& entities, const std::string& name) {
    for (const Entity& entity : entities) {
      if (entity.name == name) return &entity;
    }
    return nullptr;
  }

  std::string MentionText(const EntityMention& mention) const {
    return text_.substr(mention.span.begin, mention.span.size());
  }

  static actors::Dictionary* dictionary_;
  static text::Segmenter* segmenter_;
  static WordLists* words_;
  std::string text_;
  std::vector<std::vector<text::Token>> tokens_;  // the words document_ views
  Document document_;
};

actors::Dictionary* RulesTest::dictionary_ = nullptr;
text::Segmenter* RulesTest::segmenter_ = nullptr;
WordLists* RulesTest::words_ = nullptr;

TEST_F(RulesTest, ATitleGivesAPersonARoleAndACountry) {
  const std::vector<Entity> entities =
      Find("China's Foreign Minister Wang Yi met NATO Secretary General Jens Stoltenberg.",
           {{"China", "LOC"}, {"Wang Yi", "PER"}, {"NATO", "ORG"}, {"Jens Stoltenberg", "PER"}});
  const Entity* wang = Named(entities, "Wang Yi");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->role, "foreign minister");
  EXPECT_EQ(wang->country, "CHN");
  EXPECT_EQ(wang->key, "PER:wang yi:CHN");
  ASSERT_TRUE(wang->actor.has_value());
  EXPECT_EQ(wang->actor->code, "CHNGOV");
  EXPECT_EQ(wang->actor->how, "person");
  const Entity* stoltenberg = Named(entities, "Jens Stoltenberg");
  ASSERT_NE(stoltenberg, nullptr);
  EXPECT_EQ(stoltenberg->role, "secretary general");
  EXPECT_EQ(stoltenberg->actor->code, "IGOWSTNAT");
}

TEST_F(RulesTest, AnAppositionGivesARoleAndTheRoleACode) {
  const std::vector<Entity> entities =
      Find("Otto Kranz, Norway's foreign minister, arrived on Monday.",
           {{"Otto Kranz", "PER"}, {"Norway", "LOC"}});
  const Entity* kranz = Named(entities, "Otto Kranz");
  ASSERT_NE(kranz, nullptr);
  EXPECT_EQ(kranz->role, "foreign minister");
  EXPECT_EQ(kranz->country, "NOR");
  ASSERT_TRUE(kranz->actor.has_value());
  EXPECT_EQ(kranz->actor->code, "NORGOV");
  EXPECT_EQ(kranz->actor->how, "role");
  EXPECT_EQ(kranz->actor->evidence, "foreign minister");
}

TEST_F(RulesTest, AFormerRoleIsNotARole) {
  const std::vector<Entity> entities =
      Find("Former foreign minister Otto Kranz spoke.", {{"Otto Kranz", "PER"}});
  const Entity* kranz = Named(entities, "Otto Kranz");
  ASSERT_NE(kranz, nullptr);
  EXPECT_FALSE(kranz->role.has_value());
  EXPECT_FALSE(kranz->actor.has_value());
}

TEST_F(RulesTest, ADatedOfficeHolderOutsideTheOfficesDatesGetsNoGovernmentCode) {
  const std::vector<Entity> entities =
      Find("Wang Yi visited the museum.", {{"Wang Yi", "PER"}}, "2005-03-01");
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_FALSE(entities[0].actor.has_value());
  const std::vector<Entity> later =
      Find("Wang Yi visited the museum.", {{"Wang Yi", "PER"}}, "2021-03-01");
  ASSERT_TRUE(later[0].actor.has_value());
  EXPECT_EQ(later[0].actor->code, "CHNGOV");
}

TEST_F(RulesTest, ASurnameJoinsTheFullName) {
  const std::vector<Entity> entities =
      Find("Jens Stoltenberg arrived.\nStoltenberg said little.\nLater Stoltenberg left.",
           {{"Jens Stoltenberg", "PER"}, {"Stoltenberg", "PER", 1}, {"Stoltenberg", "PER", 2}});
  ASSERT_EQ(entities.size(), 1u);
  ASSERT_EQ(entities[0].mentions.size(), 3u);
  EXPECT_EQ(MentionText(entities[0].mentions[1]), "Stoltenberg");
  EXPECT_EQ(entities[0].mentions[1].sentence, 1u);
}

TEST_F(RulesTest, AnAcronymJoinsTheNameItAbbreviates) {
  const std::vector<Entity> entities =
      Find("The Veldan Freight Union called a strike.\nThe VFU wants higher pay.",
           {{"Veldan Freight Union", "ORG"}, {"VFU", "ORG"}});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Veldan Freight Union");
  EXPECT_EQ(entities[0].mentions.size(), 2u);
}

TEST_F(RulesTest, NamesOfOneDictionaryEntryAreOneEntity) {
  const std::vector<Entity> entities =
      Find("The North Atlantic Treaty Organization met.\nNATO said nothing.",
           {{"North Atlantic Treaty Organization", "ORG"}, {"NATO", "ORG"}});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].actor->code, "IGOWSTNAT");
}

TEST_F(RulesTest, ADefiniteRolePhraseJoinsTheEntityWithThatRole) {
  const std::vector<Entity> entities =
      Find("Foreign Minister Wang Yi arrived.\nThe minister said the talks went well.",
           {{"Wang Yi", "PER"}});
  ASSERT_EQ(entities.size(), 1u);
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(MentionText(entities[0].mentions[1]), "The minister");
  EXPECT_EQ(entities[0].mentions[1].kind, "nominal");
}

TEST_F(RulesTest, AnIndefiniteRolePhraseIsAnEntityOfItsOwn) {
  const std::vector<Entity> entities = Find("Foreign Minister Wang Yi met a Taliban spokesman.",
                                            {{"Wang Yi", "PER"}, {"Taliban", "ORG"}});
  ASSERT_EQ(entities.size(), 3u);
  const Entity* spokesman = Named(entities, "Taliban spokesman");
  ASSERT_NE(spokesman, nullptr);
  EXPECT_EQ(spokesman->type, "PER");
  EXPECT_EQ(spokesman->role, "spokesperson");
  EXPECT_EQ(spokesman->key, "");  // a role phrase is not an identity
  ASSERT_TRUE(spokesman->actor.has_value());
  EXPECT_EQ(spokesman->actor->code, "AFGREB");
  EXPECT_EQ(spokesman->mentions[0].kind, "nominal");
}

TEST_F(RulesTest, AnOrganisationNamedByARoleNounTakesTheCountryBeforeIt) {
  const std::vector<Entity> entities = Find("The Chinese Foreign Ministry said the talks helped.",
                                            {{"Chinese", "MISC"}, {"Foreign Ministry", "ORG"}});
  const Entity* ministry = Named(entities, "Foreign Ministry");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->country, "CHN");
  EXPECT_EQ(ministry->key, "ORG:foreign ministry:CHN");
  ASSERT_TRUE(ministry->actor.has_value());
  EXPECT_EQ(ministry->actor->code, "CHNGOV");
  EXPECT_EQ(ministry->actor->how, "role");
}

TEST_F(RulesTest, ACapitalStandsForItsGovernment) {
  const std::vector<Entity> entities = Find("Beijing said it would respond.", {{"Beijing", "LOC"}});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].actor->code, "CHN");
  EXPECT_EQ(entities[0].actor->how, "capital");
  EXPECT_EQ(entities[0].key, "LOC:beijing:CHN");
}

TEST_F(RulesTest, KeysNameACountryTheSameWhateverTheArticleCallsIt) {
  const std::vector<Entity> short_name = Find("The US left.", {{"US", "LOC"}});
  const std::vector<Entity> long_name = Find("The United States left.", {{"United States", "LOC"}});
  ASSERT_EQ(short_name.size(), 1u);
  ASSERT_EQ(long_name.size(), 1u);
  EXPECT_EQ(short_name[0].key, "LOC:united states:USA");
  EXPECT_EQ(long_name[0].key, short_name[0].key);
}

TEST_F(RulesTest, TheDictionaryDecidesTheTypeOfANameItKnows) {
  const std::vector<Entity> entities = Find("Taliban fighters advanced.", {{"Taliban", "MISC"}});
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, "ORG");
  EXPECT_EQ(entities[0].key, "ORG:taliban:AFG");
}

TEST_F(RulesTest, EntitiesAreOrderedByFirstMentionWithIdsAsIndexes) {
  const std::vector<Entity> entities =
      Find("Otto Kranz met Lena Hoff.\nHoff and Kranz spoke.",
           {{"Otto Kranz", "PER"}, {"Lena Hoff", "PER"}, {"Hoff", "PER", 1}, {"Kranz", "PER", 1}});
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].name, "Otto Kranz");
  EXPECT_EQ(entities[0].id, 0u);
  EXPECT_EQ(entities[1].name, "Lena Hoff");
  EXPECT_EQ(entities[1].id, 1u);
  EXPECT_EQ(entities[1].mentions.size(), 2u);
}

TEST(NormalizeName, DropsAccentsFullStopsAndCase) {
  EXPECT_EQ(NormalizeName("S\xC3\xA3o  Paulo"), "sao paulo");
  EXPECT_EQ(NormalizeName("U.S."), "us");
  EXPECT_EQ(NormalizeName("O\xE2\x80\x99"
                          "Brien"),
            "o'brien");
}

TEST(WordLists, AMalformedRowIsAnErrorWithFileAndLine) {
  EXPECT_EQ(WordLists::Parse("en.tsv", "determiner\tthe\nfoo\tbar\n").status().message(),
            "en.tsv:2: unknown class 'foo'");
  EXPECT_EQ(WordLists::Parse("en.tsv", "# c\ndeterminer\tThe\n").status().message(),
            "en.tsv:2: the word must be non-empty and in lower case: 'The'");
  EXPECT_EQ(WordLists::Parse("en.tsv", "determiner\n").status().message(),
            "en.tsv:1: expected 2 fields (class, word), got 1");
}

}  // namespace
}  // namespace storyline::entities
