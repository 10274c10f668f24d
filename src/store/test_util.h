// test_util.h: helpers shared by the store module's tests: a fresh
// directory per test, articles of every shape (all text, outlets and events
// invented) and direct SQLite access.
#pragma once

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/id.h"
#include "gtest/gtest.h"
#include "store/store.h"

namespace storyline::store::testing {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("store_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

inline RunInfo TestRun() {
  return {"0.1.0-test", R"({"threads":1})", "00112233aabbccdd", "storyline analyze in/"};
}

// An article with every field set, including non-ASCII text.
inline Article FullArticle() {
  Article a;
  a.origin = "feeds/harbor.jsonl:7";
  a.format = "jsonl";
  a.source_id = "hl-2031-0415";
  a.title = "Lantern festival returns to Port Veyra after décennie of silence";
  a.outlet = "The Harbor Lantern";
  a.url = "https://harbor-lantern.example/port-veyra/festival";
  a.language = "en";
  a.published.value = "2031-04-15";
  a.published.how = DateHow::kExplicit;
  a.published.evidence = {"Published 15 April 2031", "Port Veyra, April 15"};
  a.text =
      "Port Veyra — The lantern festival returned on Tuesday.\n"
      "Mayor Ilsa Quorren said «the harbour is lit again» to a crowd of 4 000.\n"
      "Visitors from Kōsetsu and Zürich sent greetings 🏮.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 55}, {56, 130}, {131, 185}};
  a.timexes = {{0, {48, 55}, "Tuesday", "DATE", "2031-04-15", std::nullopt, "publication"},
               {1, {102, 107}, "again", "SET", "P1X", "APPROX", "none"}};
  a.removed = {{1, "Advertisement", "ad", 0},
               {9, "Read more: Ferry timetable changes", "related", 131},
               {2, "PORT VEYRA, April 15 —", "dateline", 0}};
  a.warnings = {{"invalid_utf8", "2 invalid byte sequences replaced with U+FFFD"},
                {"no_title", "titre absent, taken from the first line"}};
  return a;
}

// The byte span of the first `phrase` in `text` at or after `from`.
inline ByteSpan SpanOf(const std::string& text, const std::string& phrase, uint32_t from = 0) {
  const size_t at = text.find(phrase, from);
  EXPECT_NE(at, std::string::npos) << phrase;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
}

// Events of every shape for FactsArticle's text: one with a target, a dated
// time expression and a place; a future act inside a quote, dated by the
// publication; a negated one with no target, entity, date or place.
inline void AddEvents(Article& a) {
  const std::string& t = a.text;
  Event visit;
  visit.sentence = 0;
  visit.code = "042";
  visit.root = "04";
  visit.quad_class = 1;
  visit.goldstein = 1.9;
  visit.source = {"Harbour minister Ilsa Quorren", "XVYGOV",
                  SpanOf(t, "Harbour minister Ilsa Quorren"), 0};
  visit.target = EventActor{"Veyra", "XVY", SpanOf(t, "Veyra"), 1};
  visit.verb = SpanOf(t, "opened");
  visit.date = {"2031-04-14", "timex", SpanOf(t, "Monday")};
  visit.place = EventPlace{"Veyra", SpanOf(t, "Veyra"), "XVY"};
  visit.pattern = "events/verbs.en.txt:120";
  visit.confidence = 0.875;
  Event intent;
  intent.id = 1;
  intent.sentence = 2;
  intent.code = "036";
  intent.root = "03";
  intent.quad_class = 1;
  intent.goldstein = 4;
  intent.source = {"The minister", "XVYGOV", SpanOf(t, "The minister"), 0};
  intent.target = EventActor{"the port authority", "XVYBUS", SpanOf(t, "the port authority"), 2};
  intent.verb = SpanOf(t, "open", a.sentences[2].begin);
  intent.date = {"2031-04-20", "publication", std::nullopt};
  intent.pattern = "events/rules.en.tsv:14";
  intent.confidence = 0.5;
  intent.modality = "future";
  intent.quote = 1;
  Event denial;
  denial.id = 2;
  denial.sentence = 4;
  denial.code = "111";
  denial.root = "11";
  denial.quad_class = 3;
  denial.goldstein = -2;
  denial.source = {"Critics", "XVYOPP", SpanOf(t, "Critics"), std::nullopt};
  denial.verb = SpanOf(t, "said", a.sentences[4].begin);
  denial.pattern = "events/verbs.en.txt:341";
  denial.confidence = 0.25;
  denial.negated = true;
  a.events = {visit, intent, denial};
}

// An article with entities, quotes and events of every shape: a person with a role,
// country, actor code and mentions of three kinds; a place; an organisation
// known only by a role phrase (no key); a direct quote with a resolved
// speaker, an indirect one with a cue, one without a speaker and one whose
// speaker is not resolved; the events of AddEvents.
inline Article FactsArticle() {
  Article a;
  a.origin = "feeds/veyra-ferry.jsonl:2";
  a.format = "jsonl";
  a.title = "Veyra opens its ferry terminal";
  a.language = "en";
  a.published.value = "2031-04-20";
  a.published.how = DateHow::kMetadata;
  a.text =
      "Harbour minister Ilsa Quorren opened the Veyra ferry terminal on Monday. "
      "“The terminal will carry two million passengers a year,” she said. "
      "The minister said the port authority would open a second pier in June.\n"
      "“Not before time.” Critics said the pier was late.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 72}, {73, 143}, {144, 214}, {215, 237}, {238, 269}};
  const std::string& t = a.text;

  Entity minister;
  minister.id = 0;
  minister.key = "PER:ilsa quorren:XVY";
  minister.name = "Ilsa Quorren";
  minister.type = "PER";
  minister.role = "harbour minister";
  minister.country = "XVY";
  minister.actor = ActorCode{"XVYGOV", "person", "actors/people.tsv:12"};
  minister.mentions = {{0, SpanOf(t, "Ilsa Quorren"), "name"},
                       {1, SpanOf(t, "she"), "pronoun"},
                       {2, SpanOf(t, "The minister"), "nominal"}};
  Entity place;
  place.id = 1;
  place.key = "LOC:veyra:XVY";
  place.name = "Veyra";
  place.type = "LOC";
  place.country = "XVY";
  place.actor = ActorCode{"XVY", "dictionary", "actors/countries.tsv:7"};
  place.mentions = {{0, SpanOf(t, "Veyra"), "name"}};
  Entity authority;
  authority.id = 2;
  authority.name = "the port authority";
  authority.type = "ORG";
  authority.mentions = {{2, SpanOf(t, "the port authority"), "nominal"}};
  a.entities = {minister, place, authority};

  const auto quote = [&](uint32_t sentence, const std::string& content, const std::string& kind) {
    Quote q;
    q.sentence = sentence;
    q.span = SpanOf(t, content, a.sentences[sentence].begin);
    q.text = content;
    q.kind = kind;
    return q;
  };
  Quote direct = quote(1, "The terminal will carry two million passengers a year,", "direct");
  direct.cue = SpanOf(t, "said", a.sentences[1].begin);
  direct.speaker = QuoteSpeaker{"she", SpanOf(t, "she"), 0, "XVYGOV"};
  Quote indirect = quote(2, "the port authority would open a second pier in June", "indirect");
  indirect.cue = SpanOf(t, "said", a.sentences[2].begin);
  indirect.speaker = QuoteSpeaker{"The minister", SpanOf(t, "The minister"), 0, "XVYGOV"};
  Quote unattributed = quote(3, "Not before time.", "direct");
  Quote unresolved = quote(4, "the pier was late", "indirect");
  unresolved.cue = SpanOf(t, "said", a.sentences[4].begin);
  unresolved.speaker = QuoteSpeaker{"Critics", SpanOf(t, "Critics"), std::nullopt, std::nullopt};
  a.quotes = {direct, indirect, unattributed, unresolved};
  AddEvents(a);
  return a;
}

// An article from a plain text file: no title, outlet, url or source id.
inline Article PlainArticle() {
  Article a;
  a.origin = "in/veyra-council.txt";
  a.format = "txt";
  a.text = "The Veyra council voted to repaint the old lighthouse blue.";
  a.id = MakeArticleId(a.origin, a.text);
  a.sentences = {{0, 59}};
  return a;
}

// 18 events over the article's sentences and entities (more than
// kRowsPerInsert, so that both insert statements run), every third one with
// no target, date or place.
inline void AddSyntheticEvents(Article& a) {
  constexpr int kEvents = 18;
  for (int e = 0; e < kEvents; ++e) {
    const auto sentence = static_cast<uint32_t>(e % a.sentences.size());
    const uint32_t begin = a.sentences[sentence].begin;
    Event event;
    event.id = static_cast<uint32_t>(e);
    event.sentence = sentence;
    event.code = e % 2 == 0 ? "042" : "1123";
    event.root = event.code.substr(0, 2);
    event.quad_class = e % 2 == 0 ? 1 : 3;
    event.goldstein = e % 2 == 0 ? 1.9 : -3.4;
    event.source = {a.text.substr(begin, 4), "XVYGOV", {begin, begin + 4}, 0};
    event.verb = {begin + 5, begin + 9};
    if (e % 3 != 2) {
      event.target =
          EventActor{a.text.substr(begin + 10, 3), "XVY", {begin + 10, begin + 13}, std::nullopt};
      event.date = {a.published.value, "publication", std::nullopt};
      event.place = EventPlace{a.text.substr(begin + 14, 5), {begin + 14, begin + 19}, "XVY"};
    }
    event.pattern = "events/verbs.en.txt:" + std::to_string(100 + e);
    event.confidence = 0.5;
    event.modality = e % 5 == 4 ? "possible" : "asserted";
    a.events.push_back(std::move(event));
  }
}

// As many entities (1 to 5 mentions each, 91 in all) and quotes as analyze
// finds in a news article (about 31 entities, 90 mentions and 21 quotes),
// spread over its sentences. Keys repeat across articles (one in seven
// entities has none), as people and places recur in a corpus.
inline void AddSyntheticFacts(Article& a, int n) {
  static constexpr const char* kTypes[] = {"PER", "ORG", "LOC", "MISC"};
  static constexpr const char* kKinds[] = {"name", "nominal", "pronoun"};
  static constexpr const char* kQuoteKinds[] = {"direct", "partial", "indirect"};
  constexpr int kEntities = 31;
  constexpr int kQuotes = 21;
  const auto sentences = static_cast<int>(a.sentences.size());
  for (int e = 0; e < kEntities; ++e) {
    Entity entity;
    entity.id = static_cast<uint32_t>(e);
    entity.type = kTypes[e % 4];
    entity.name = "Entity " + std::to_string((n * 7 + e) % 2000);
    if (e % 7 != 6) entity.key = entity.type + ":entity " + std::to_string((n * 7 + e) % 2000);
    if (e % 4 == 0) entity.role = "council member";
    if (e % 2 == 0) entity.country = "XVY";
    if (e % 3 == 0) entity.actor = ActorCode{"XVYGOV", "person", "people.tsv:" + std::to_string(e)};
    for (int k = 0; k < 1 + e % 5; ++k) {
      const auto s = static_cast<uint32_t>((e + k * 13) % sentences);
      const ByteSpan sentence = a.sentences[s];
      entity.mentions.push_back({s, {sentence.begin, sentence.begin + 3}, kKinds[k % 3]});
    }
    a.entities.push_back(std::move(entity));
  }
  for (int q = 0; q < kQuotes; ++q) {
    Quote quote;
    quote.sentence = static_cast<uint32_t>(q * 3 % sentences);
    quote.span = a.sentences[quote.sentence];
    quote.text = a.text.substr(quote.span.begin, quote.span.size());
    quote.kind = kQuoteKinds[q % 3];
    quote.cue = ByteSpan{quote.span.begin, quote.span.begin + 3};
    if (q % 4 != 3) {
      quote.speaker = QuoteSpeaker{a.text.substr(quote.span.begin, 3),
                                   {quote.span.begin, quote.span.begin + 3},
                                   static_cast<uint32_t>(q % kEntities),
                                   "XVYGOV"};
    }
    a.quotes.push_back(std::move(quote));
  }
  AddSyntheticEvents(a);
}

// An article of about `bytes` of invented text, with sentences, removed lines,
// sometimes a warning, entities and quotes, as the pipeline would produce.
inline Article SyntheticArticle(int n, size_t bytes = 3000) {
  static constexpr const char* kSentences[] = {
      "The Glimmerford ferry resumed service after the spring storms cleared the strait. ",
      "Council member Arvo Pellin promised a new footbridge over the Tansy canal by autumn. ",
      "Fishers in Lowmere reported the largest herring catch in eleven seasons on Monday. ",
      "The Orrin Valley choir will tour six harbour towns during the lantern festival. ",
  };
  Article a;
  a.origin = "feeds/synthetic.jsonl:" + std::to_string(n + 1);
  a.format = "jsonl";
  a.source_id = "syn-" + std::to_string(n);
  a.title = "Synthetic report " + std::to_string(n);
  a.outlet = "The Glimmerford Courier";
  a.url = "https://courier.example/" + std::to_string(n);
  a.language = "en";
  a.published.value = "2031-05-" + std::to_string(10 + n % 20);
  a.published.how = DateHow::kMetadata;
  a.published.evidence = {"2031-05-" + std::to_string(10 + n % 20) + "T08:00:00Z"};
  a.text = "Item " + std::to_string(n) + ". ";
  a.sentences.push_back({0, static_cast<uint32_t>(a.text.size() - 1)});
  for (int i = 0; a.text.size() < bytes; ++i) {
    const std::string sentence = kSentences[(n + i) % 4];
    const auto begin = static_cast<uint32_t>(a.text.size());
    a.text += sentence;
    a.sentences.push_back({begin, static_cast<uint32_t>(a.text.size() - 1)});
  }
  a.id = MakeArticleId(a.origin, a.text);
  a.removed = {{1, "Advertisement", "ad"}, {30, "Share this story", "share"}};
  if (n % 10 == 0) a.warnings = {{"invalid_utf8", "1 invalid byte sequence replaced"}};
  AddSyntheticFacts(a, n);
  return a;
}

inline std::vector<Article> SyntheticBatch(int first, int count) {
  std::vector<Article> batch;
  for (int n = first; n < first + count; ++n) batch.push_back(SyntheticArticle(n));
  return batch;
}

// Stores every batch; returns how many articles were new, 0 after a failure
// (which fails the test).
inline size_t PutAll(Database& db, int64_t run, const std::vector<std::vector<Article>>& batches) {
  size_t added = 0;
  for (const auto& batch : batches) {
    Result<size_t> n = db.PutArticles(run, batch);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    if (!n.ok()) return 0;
    added += *n;
  }
  return added;
}

// `count` batches of `size` articles; `all` receives every article in order.
inline std::vector<std::vector<Article>> SyntheticBatches(int count, int size,
                                                          std::vector<Article>& all) {
  std::vector<std::vector<Article>> batches;
  for (int b = 0; b < count; ++b) {
    batches.push_back(SyntheticBatch(b * size, size));
    all.insert(all.end(), batches.back().begin(), batches.back().end());
  }
  return batches;
}

inline void ExpectSameArticle(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.origin, want.origin);
  EXPECT_EQ(got.format, want.format);
  EXPECT_EQ(got.source_id, want.source_id);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.outlet, want.outlet);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.published.value, want.published.value);
  EXPECT_EQ(got.published.how, want.published.how);
  EXPECT_EQ(got.published.evidence, want.published.evidence);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.sentences, want.sentences);
  EXPECT_EQ(got.timexes, want.timexes);
  EXPECT_EQ(got.entities, want.entities);
  EXPECT_EQ(got.quotes, want.quotes);
  EXPECT_EQ(got.events, want.events);
  EXPECT_EQ(got.removed, want.removed);
  EXPECT_EQ(got.warnings, want.warnings);
}

// Direct SQLite access, to check rows or tamper with a file the way another
// program could.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
  }
  ~RawDb() { sqlite3_close(db_); }

  int64_t Int(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    int64_t value = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
  }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string value = "<no row>";
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      value = text != nullptr ? text : "<null>";
    }
    sqlite3_finalize(stmt);
    return value;
  }
  void Exec(const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Rows in the child tables, and rows whose key repeats (there must be none).
struct ChildCounts {
  int64_t sentences, removed, warnings, entities, mentions, quotes, events;
  bool operator==(const ChildCounts&) const = default;
};
inline ChildCounts CountChildren(RawDb& raw) {
  return {raw.Int("SELECT count(*) FROM sentences"),
          raw.Int("SELECT count(*) FROM removed_lines"),
          raw.Int("SELECT count(*) FROM warnings"),
          raw.Int("SELECT count(*) FROM entities"),
          raw.Int("SELECT coalesce(sum(json_array_length(mentions)), 0) FROM entities"),
          raw.Int("SELECT count(*) FROM quotes"),
          raw.Int("SELECT count(*) FROM events")};
}
inline ChildCounts ExpectedChildren(const std::vector<Article>& articles) {
  ChildCounts counts{0, 0, 0, 0, 0, 0, 0};
  for (const Article& a : articles) {
    counts.sentences += static_cast<int64_t>(a.sentences.size());
    counts.removed += static_cast<int64_t>(a.removed.size());
    counts.warnings += static_cast<int64_t>(a.warnings.size());
    counts.entities += static_cast<int64_t>(a.entities.size());
    for (const Entity& e : a.entities) counts.mentions += static_cast<int64_t>(e.mentions.size());
    counts.quotes += static_cast<int64_t>(a.quotes.size());
    counts.events += static_cast<int64_t>(a.events.size());
  }
  return counts;
}

inline Database OpenOrDie(const std::string& path) {
  Result<Database> db = Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

// A store test with a database open and a run started: what the tests of
// the per-article facts (entities, quotes, events) put their articles into.
class OpenRunTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    db_.emplace(OpenOrDie(PathOf("s.db")));
    Result<int64_t> run = db_->BeginRun(TestRun());
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_ = *run;
  }

  void Put(const std::vector<Article>& articles) {
    Result<size_t> added = db_->PutArticles(run_, articles);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }

  std::optional<Database> db_;
  int64_t run_ = 0;
};

// What a link stage over FullArticle and PlainArticle might have found.
inline LinkUpdate SampleLinks() {
  const std::string full = FullArticle().id, plain = PlainArticle().id;
  LinkUpdate update;
  update.features = {{plain, std::string("\x01\x02\x00\x03", 4)}};
  update.joined = {{full, "s-0000000000000001"}, {plain, "s-0000000000000001"}};
  Story story;
  story.id = "s-0000000000000001";
  story.articles = {full, plain};
  story.label = "Lantern festival returns to Port Veyra after décennie of silence";
  story.first_date = "2031-04-15";
  story.last_date = "2031-04-15";
  update.stories = {story};
  update.passages = {{{full, {0, 55}}, {plain, {0, 59}}, 0.75, "a"}};
  const auto [low, high] = std::minmax(full, plain);
  update.near_duplicates = {{{low, high}, 0.5625}};
  return update;
}

}  // namespace storyline::store::testing
