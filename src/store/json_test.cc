// Tests of the JSON report: the contract of docs/json.md, its layout, and
// how the writer fails. All text, outlets and events are invented.

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "store/store.h"
#include "store/test_util.h"
#include "test_paths.h"

namespace storyline::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using storyline::testing::ReadFileOrEmpty;
using testing::FactsArticle;
using testing::FullArticle;
using testing::PlainArticle;
using testing::SampleLinks;
using testing::StoreTest;

json ParseFile(const std::string& path) {
  return json::parse(ReadFileOrEmpty(path), nullptr, /*allow_exceptions=*/false);
}

TEST_F(StoreTest, JsonReportParsesBackToTheContract) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE(writer->Write(FullArticle()).ok());
  ASSERT_TRUE(writer->Write(PlainArticle()).ok());
  Status finished = writer->Finish(
      4, 2, {{"in/empty.txt", "empty input"}, {"feeds/harbor.jsonl:9", "no text field"}});
  ASSERT_TRUE(finished.ok()) << finished.ToString();

  json want = {
      {"articles",
       {{{"id", FullArticle().id},
         {"origin", "feeds/harbor.jsonl:7"},
         {"format", "jsonl"},
         {"source_id", "hl-2031-0415"},
         {"title", "Lantern festival returns to Port Veyra after décennie of silence"},
         {"outlet", "The Harbor Lantern"},
         {"url", "https://harbor-lantern.example/port-veyra/festival"},
         {"language", "en"},
         {"published",
          {{"value", "2031-04-15"},
           {"how", "explicit"},
           {"evidence", {"Published 15 April 2031", "Port Veyra, April 15"}}}},
         {"text", FullArticle().text},
         {"sentences", {{0, 55}, {56, 130}, {131, 185}}},
         {"timexes",
          {{{"article", FullArticle().id},
            {"sentence", 0},
            {"begin", 48},
            {"end", 55},
            {"text", "Tuesday"},
            {"type", "DATE"},
            {"value", "2031-04-15"},
            {"anchor", "publication"}},
           {{"article", FullArticle().id},
            {"sentence", 1},
            {"begin", 102},
            {"end", 107},
            {"text", "again"},
            {"type", "SET"},
            {"value", "P1X"},
            {"mod", "APPROX"},
            {"anchor", "none"}}}},
         {"entities", json::array()},
         {"quotes", json::array()},
         {"events", json::array()},
         {"removed",
          {{{"text", "Advertisement"}, {"reason", "ad"}},
           {{"text", "Read more: Ferry timetable changes"}, {"reason", "related"}},
           {{"text", "PORT VEYRA, April 15 —"}, {"reason", "dateline"}}}},
         {"warnings",
          {{{"code", "invalid_utf8"}, {"message", "2 invalid byte sequences replaced with U+FFFD"}},
           {{"code", "no_title"}, {"message", "titre absent, taken from the first line"}}}}},
        {{"id", PlainArticle().id},
         {"origin", "in/veyra-council.txt"},
         {"format", "txt"},
         {"source_id", nullptr},
         {"title", nullptr},
         {"outlet", nullptr},
         {"url", nullptr},
         {"language", "und"},
         {"published", {{"value", nullptr}, {"how", "unknown"}}},
         {"text", "The Veyra council voted to repaint the old lighthouse blue."},
         {"sentences", {{0, 59}}},
         {"timexes", json::array()},
         {"entities", json::array()},
         {"quotes", json::array()},
         {"events", json::array()},
         {"removed", json::array()},
         {"warnings", json::array()}}}},
      {"near_duplicates", json::array()},
      {"passages", json::array()},
      {"stories", json::array()},
      {"events", json::array()},
      {"inputs",
       {{"read", 4},
        {"ingested", 2},
        {"rejected",
         {{{"origin", "in/empty.txt"}, {"reason", "empty input"}},
          {{"origin", "feeds/harbor.jsonl:9"}, {"reason", "no text field"}}}}}}};
  EXPECT_EQ(ParseFile(path), want);
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, JsonReportWritesOneArticlePerLineInContractOrder) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(PlainArticle()).ok());
  ASSERT_TRUE(writer->Finish(1, 1, {}).ok());
  EXPECT_EQ(ReadFileOrEmpty(path),
            "{\"articles\": [\n" + ArticleToJson(PlainArticle()) +
                "\n],\n\"near_duplicates\": [],\n\"passages\": [],\n\"stories\": [],"
                "\n\"events\": [],\n\"inputs\": {\"read\":1,\"ingested\":1,\"rejected\":[]}}\n");
  EXPECT_EQ(ArticleToJson(PlainArticle()),
            "{\"id\":\"" + PlainArticle().id +
                "\",\"origin\":\"in/veyra-council.txt\",\"format\":\"txt\",\"source_id\":null,"
                "\"title\":null,\"outlet\":null,\"url\":null,\"language\":\"und\","
                "\"published\":{\"value\":null,\"how\":\"unknown\"},"
                "\"text\":\"The Veyra council voted to repaint the old lighthouse blue.\","
                "\"sentences\":[[0,59]],\"timexes\":[],\"entities\":[],\"quotes\":[],\"events\":[],"
                "\"removed\":[],\"warnings\":[]}");
}

// Entities and quotes in the order and with the nulls of docs/json.md: a key,
// role, country and actor only when known; a cue and a speaker only when
// found, and the speaker's entity and code only when resolved.
TEST_F(StoreTest, JsonWritesEntitiesAndQuotesInContractOrder) {
  const Article article = FactsArticle();
  const std::string object = ArticleToJson(article);
  const std::string id = article.id;
  const size_t begin = object.find(",\"entities\":");
  const size_t end = object.find(",\"events\":");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(
      object.substr(begin, end - begin),
      ",\"entities\":["
      "{\"id\":0,\"key\":\"PER:ilsa quorren:XVY\",\"text\":\"Ilsa Quorren\",\"type\":\"PER\","
      "\"role\":\"harbour minister\",\"actor\":{\"code\":\"XVYGOV\",\"how\":\"person\","
      "\"evidence\":\"actors/people.tsv:12\"},\"country\":\"XVY\",\"mentions\":["
      "{\"sentence\":0,\"begin\":17,\"end\":29,\"kind\":\"name\"},"
      "{\"sentence\":1,\"begin\":134,\"end\":137,\"kind\":\"pronoun\"},"
      "{\"sentence\":2,\"begin\":144,\"end\":156,\"kind\":\"nominal\"}]},"
      "{\"id\":1,\"key\":\"LOC:veyra:XVY\",\"text\":\"Veyra\",\"type\":\"LOC\",\"role\":null,"
      "\"actor\":{\"code\":\"XVY\",\"how\":\"dictionary\",\"evidence\":"
      "\"actors/countries.tsv:7\"},\"country\":\"XVY\",\"mentions\":["
      "{\"sentence\":0,\"begin\":41,\"end\":46,\"kind\":\"name\"}]},"
      "{\"id\":2,\"key\":null,\"text\":\"the port authority\",\"type\":\"ORG\",\"role\":null,"
      "\"actor\":null,\"country\":null,\"mentions\":["
      "{\"sentence\":2,\"begin\":162,\"end\":180,\"kind\":\"nominal\"}]}],"
      "\"quotes\":["
      "{\"article\":\"" +
          id +
          "\",\"sentence\":1,\"begin\":76,\"end\":130,"
          "\"text\":\"The terminal will carry two million passengers a year,\",\"kind\":\"direct\","
          "\"cue\":{\"begin\":138,\"end\":142},\"speaker\":{\"text\":\"she\",\"begin\":134,"
          "\"end\":137,\"entity\":0,\"code\":\"XVYGOV\"}},"
          "{\"article\":\"" +
          id +
          "\",\"sentence\":2,\"begin\":162,\"end\":213,"
          "\"text\":\"the port authority would open a second pier in June\",\"kind\":\"indirect\","
          "\"cue\":{\"begin\":157,\"end\":161},\"speaker\":{\"text\":\"The minister\","
          "\"begin\":144,\"end\":156,\"entity\":0,\"code\":\"XVYGOV\"}},"
          "{\"article\":\"" +
          id +
          "\",\"sentence\":3,\"begin\":218,\"end\":234,"
          "\"text\":\"Not before time.\",\"kind\":\"direct\",\"cue\":null,\"speaker\":null},"
          "{\"article\":\"" +
          id +
          "\",\"sentence\":4,\"begin\":251,\"end\":268,"
          "\"text\":\"the pier was "
          "late\",\"kind\":\"indirect\",\"cue\":{\"begin\":246,\"end\":250},"
          "\"speaker\":{\"text\":\"Critics\",\"begin\":238,\"end\":245,\"entity\":null,"
          "\"code\":null}}]");
}

// Events in the order and with the nulls of docs/json.md: a target and a
// place only when found, a date value only when known, an actor's entity and
// the quote only when set; numbers as nlohmann writes them ("4.0").
TEST_F(StoreTest, JsonWritesEventsInContractOrder) {
  const Article article = FactsArticle();
  const std::string object = ArticleToJson(article);
  const size_t begin = object.find(",\"events\":");
  const size_t end = object.find(",\"removed\":");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string events =
      ",\"events\":["
      "{\"id\":0,\"sentence\":0,\"code\":\"042\",\"root\":\"04\",\"quad_class\":1,"
      "\"goldstein\":1.9,\"source\":{\"text\":\"Harbour minister Ilsa Quorren\","
      "\"code\":\"XVYGOV\",\"begin\":0,\"end\":29,\"entity\":0},\"target\":{\"text\":"
      "\"Veyra\",\"code\":\"XVY\",\"begin\":41,\"end\":46,\"entity\":1},\"verb\":{"
      "\"begin\":30,\"end\":36},\"date\":{\"value\":\"2031-04-14\",\"how\":\"timex\"},"
      "\"place\":{\"text\":\"Veyra\",\"country\":\"XVY\"},\"pattern\":"
      "\"events/verbs.en.txt:120\",\"confidence\":0.875,\"negated\":false,"
      "\"modality\":\"asserted\"},"
      "{\"id\":1,\"sentence\":2,\"code\":\"036\",\"root\":\"03\",\"quad_class\":1,"
      "\"goldstein\":4.0,\"source\":{\"text\":\"The minister\",\"code\":\"XVYGOV\","
      "\"begin\":144,\"end\":156,\"entity\":0},\"target\":{\"text\":\"the port "
      "authority\",\"code\":\"XVYBUS\",\"begin\":162,\"end\":180,\"entity\":2},\"verb\":{"
      "\"begin\":187,\"end\":191},\"date\":{\"value\":\"2031-04-20\",\"how\":"
      "\"publication\"},\"place\":null,\"pattern\":\"events/rules.en.tsv:14\","
      "\"confidence\":0.5,\"negated\":false,\"modality\":\"future\",\"quote\":1},"
      "{\"id\":2,\"sentence\":4,\"code\":\"111\",\"root\":\"11\",\"quad_class\":3,"
      "\"goldstein\":-2.0,\"source\":{\"text\":\"Critics\",\"code\":\"XVYOPP\","
      "\"begin\":238,\"end\":245},\"target\":null,\"verb\":{\"begin\":246,\"end\":250},"
      "\"date\":{\"value\":null,\"how\":\"unknown\"},\"place\":null,\"pattern\":"
      "\"events/verbs.en.txt:341\",\"confidence\":0.25,\"negated\":true,"
      "\"modality\":\"asserted\"}]";
  EXPECT_EQ(object.substr(begin, end - begin), events);
  std::string one_by_one = ",\"events\":[";
  for (const Event& event : article.events) {
    if (event.id > 0) one_by_one += ',';
    one_by_one += EventToJson(event);
  }
  EXPECT_EQ(one_by_one + "]", events);
  // The same bytes as nlohmann writes the parsed object back.
  const json parsed = json::parse(object);
  EXPECT_EQ(parsed["events"][1]["goldstein"].dump(), "4.0");
  EXPECT_EQ(parsed["events"][2]["date"]["value"], nullptr);
}

TEST_F(StoreTest, EmptyJsonReportIsValid) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Finish(0, 0, {}).ok());
  EXPECT_EQ(ParseFile(path),
            json({{"articles", json::array()},
                  {"near_duplicates", json::array()},
                  {"passages", json::array()},
                  {"stories", json::array()},
                  {"events", json::array()},
                  {"inputs", {{"read", 0}, {"ingested", 0}, {"rejected", json::array()}}}}));
}

// The escapes JSON requires and no others: quote, backslash and control
// characters; DEL and non-ASCII characters as they are.
TEST_F(StoreTest, JsonEscapesQuotesBackslashesAndControlCharacters) {
  Article a = PlainArticle();
  a.title = std::string(
      "A \"quay\" \\ tide\ttable\r\n\b\f\x01\x1f\x7f \xc3\xa9t\xc3\xa9 \xf0\x9f\x8f\xae");
  const std::string object = ArticleToJson(a);
  EXPECT_NE(object.find(",\"title\":\"A \\\"quay\\\" \\\\ tide\\ttable\\r\\n\\b\\f\\u0001"
                        "\\u001f\x7f \xc3\xa9t\xc3\xa9 \xf0\x9f\x8f\xae\","),
            std::string::npos)
      << object;
}

TEST_F(StoreTest, JsonReplacesInvalidUtf8InsteadOfFailing) {
  Article a = PlainArticle();
  a.title = std::string("Tide tables for Lowmere \xff\xfe");
  a.removed = {{3, "bad \xc3 byte", "ad"}};
  Entity council;
  council.name = "Veyra \xff council";
  council.type = "ORG";
  a.entities = {council};
  Quote quote;
  quote.text = "repaint \xe2\x80 it";
  quote.kind = "indirect";
  a.quotes = {quote};
  const json object = json::parse(ArticleToJson(a), nullptr, false);
  ASSERT_FALSE(object.is_discarded());
  EXPECT_EQ(object["title"], "Tide tables for Lowmere \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(object["removed"][0]["text"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(object["entities"][0]["text"], "Veyra \xEF\xBF\xBD council");
  EXPECT_EQ(object["quotes"][0]["text"], "repaint \xEF\xBF\xBD it");

  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(a).ok());
  ASSERT_TRUE(writer->Finish(1, 1, {{"in/\xff.txt", "unreadable"}}).ok());
  const json report = ParseFile(path);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["inputs"]["rejected"][0]["origin"], "in/\xEF\xBF\xBD.txt");
}

TEST_F(StoreTest, JsonFinishLeavesNoTempFile) {
  const std::string path = PathOf("report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Write(FullArticle()).ok());
  EXPECT_TRUE(fs::exists(path + ".tmp"));
  EXPECT_FALSE(fs::exists(path));
  ASSERT_TRUE(writer->Finish(1, 1, {}).ok());
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(writer->Write(PlainArticle()).code(), StatusCode::kInternal);
  EXPECT_EQ(writer->Finish(1, 1, {}).code(), StatusCode::kInternal);
}

TEST_F(StoreTest, UnfinishedJsonReportLeavesNoFile) {
  const std::string path = PathOf("report.json");
  {
    Result<JsonWriter> writer = JsonWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->Write(FullArticle()).ok());
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, UnfinishedJsonReportKeepsThePreviousReport) {
  const std::string path = PathOf("report.json");
  {
    std::ofstream out(path);
    out << "{\"articles\": [], \"inputs\": {}}";
  }
  {
    Result<JsonWriter> writer = JsonWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    JsonWriter moved = std::move(writer).value();  // the state moves with it
    ASSERT_TRUE(moved.Write(FullArticle()).ok());
  }
  EXPECT_EQ(ReadFileOrEmpty(path), "{\"articles\": [], \"inputs\": {}}");
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(StoreTest, JsonWriterInMissingDirectoryIsAnIoError) {
  const std::string path = PathOf("no/such/dir/report.json");
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), StatusCode::kIoError);
  EXPECT_EQ(writer.status().message(),
            "cannot create '" + path + ".tmp': No such file or directory");
}

TEST_F(StoreTest, JsonReportWritesLinkSectionsOneItemPerLine) {
  const std::string path = PathOf("report.json");
  const std::string full_id = FullArticle().id, plain_id = PlainArticle().id;
  Result<JsonWriter> writer = JsonWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  const LinkUpdate links = SampleLinks();
  ReportedEventReport event;
  event.event = {"e-0000000000000002", "KENGOV", "TZAGOV", "040",  "04",
                 "2031-04-14",         "timex",  "TZA",    {1, 2}, 2};
  event.mentions = {{full_id, 0, 1, {10, 14}, "The Harbor Lantern", std::nullopt, "2031-04-15"},
                    {plain_id, 3, 0, {4, 8}, std::nullopt, std::nullopt, std::nullopt}};
  event.sources = 2;
  event.articles = 2;
  Story story = links.stories[0];
  story.events = {event.event.id};
  story.actors = {"KENGOV", "TZAGOV"};
  story.first_event_date = story.last_event_date = "2031-04-14";
  ASSERT_TRUE(writer->WriteLinks({links.near_duplicates, links.passages, {story}, {event}}).ok());
  EXPECT_FALSE(writer->Write(PlainArticle()).ok());  // articles come first
  ASSERT_TRUE(writer->Finish(0, 0, {}).ok());
  const std::string full = FullArticle().id, plain = PlainArticle().id;
  const auto [low, high] = std::minmax(full, plain);
  EXPECT_EQ(ReadFileOrEmpty(path),
            "{\"articles\": [],\n"
            "\"near_duplicates\": [\n{\"articles\":[\"" +
                low + "\",\"" + high +
                "\"],\"similarity\":0.5625}\n],\n"
                "\"passages\": [\n{\"a\":{\"article\":\"" +
                full + "\",\"begin\":0,\"end\":55},\"b\":{\"article\":\"" + plain +
                "\",\"begin\":0,\"end\":59},\"similarity\":0.75,\"earlier\":\"a\"}\n],\n"
                "\"stories\": [\n{\"id\":\"s-0000000000000001\",\"articles\":[\"" +
                full + "\",\"" + plain +
                "\"],\"title\":\"Lantern festival returns to Port Veyra after décennie of "
                "silence\",\"first_date\":\"2031-04-15\",\"last_date\":\"2031-04-15\","
                "\"events\":[\"e-0000000000000002\"],\"actors\":[\"KENGOV\",\"TZAGOV\"],"
                "\"first_event_date\":\"2031-04-14\",\"last_event_date\":\"2031-04-14\"}\n],\n"
                "\"events\": [\n{\"id\":\"e-0000000000000002\",\"source\":\"KENGOV\","
                "\"target\":\"TZAGOV\",\"code\":\"040\",\"root\":\"04\",\"date\":{\"value\":"
                "\"2031-04-14\",\"how\":\"timex\"},\"place\":\"TZA\",\"num_mentions\":2,"
                "\"num_sources\":2,\"num_articles\":2,\"mentions\":[{\"article\":\"" +
                full +
                "\",\"event\":0,\"sentence\":1,\"begin\":10,\"end\":14,\"outlet\":"
                "\"The Harbor Lantern\",\"published\":\"2031-04-15\"},{\"article\":\"" +
                plain +
                "\",\"event\":3,\"sentence\":0,\"begin\":4,\"end\":8,\"outlet\":null,"
                "\"published\":null}]}\n],\n"
                "\"inputs\": {\"read\":0,\"ingested\":0,\"rejected\":[]}}\n");
}

}  // namespace
}  // namespace storyline::store
