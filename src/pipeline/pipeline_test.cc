#include "pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace storyline::pipeline {
namespace {

namespace fs = std::filesystem;

class RecordingSink : public Sink {
 public:
  Status Articles(std::vector<Article>& batch) override {
    largest_batch = std::max(largest_batch, batch.size());
    ++batches;
    for (const Article& article : batch) ids.push_back(article.id);
    return Status::Ok();
  }
  Status Rejected(const Rejection& rejection) override {
    rejected.push_back(rejection.origin);
    return fail_on_rejection ? Status::IoError("disk full") : Status::Ok();
  }
  std::vector<std::string> ids, rejected;
  size_t batches = 0, largest_batch = 0;
  bool fail_on_rejection = false;
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyline_pipeline_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream feed(dir_ / "feed.jsonl");
    for (int i = 0; i < 1000; ++i) {
      feed << (i == 500 ? "not json"
                        : "{\"text\": \"Ferry number " + std::to_string(i) +
                              " left Portvale on time. It arrived at noon.\"}")
           << "\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  // One document through the default pipeline, made once per test.
  Article Process(const RawDocument& doc) {
    if (!pipeline_) {
      Result<Pipeline> pipeline = Pipeline::Create({});
      EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
      if (!pipeline.ok()) return Article();
      pipeline_.emplace(std::move(pipeline).value());
      Result<text::Segmenter> segmenter = text::Segmenter::Create({}, pipeline_->data());
      EXPECT_TRUE(segmenter.ok()) << segmenter.status().ToString();
      if (!segmenter.ok()) return Article();
      segmenter_.emplace(std::move(segmenter).value());
    }
    return segmenter_ ? pipeline_->Process(doc, *segmenter_) : Article();
  }

  RecordingSink RunWith(int threads, int batch_records) {
    Options options;
    options.threads = threads;
    options.batch_records = batch_records;
    Result<Pipeline> pipeline = Pipeline::Create(options);
    EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    RecordingSink sink;
    Result<Summary> summary = pipeline->Run({dir_.string()}, sink);
    EXPECT_TRUE(summary.ok());
    EXPECT_EQ(summary->read, 1000u);
    EXPECT_EQ(summary->ingested, 999u);
    EXPECT_EQ(summary->rejected, 1u);
    return sink;
  }

  fs::path dir_;
  std::optional<Pipeline> pipeline_;
  std::optional<text::Segmenter> segmenter_;
};

TEST_F(PipelineTest, SplitsOneLargeJsonlFileIntoBoundedBatches) {
  const RecordingSink sink = RunWith(2, 16);
  EXPECT_LE(sink.largest_batch, 16u);
  EXPECT_GE(sink.batches, 999u / 16);
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0], (dir_ / "feed.jsonl").string() + ":501");
}

TEST_F(PipelineTest, OutputOrderDoesNotDependOnThreadsOrBatchSize) {
  const RecordingSink one = RunWith(1, 64);
  const RecordingSink two = RunWith(2, 7);
  ASSERT_EQ(one.ids.size(), 999u);
  EXPECT_EQ(one.ids, two.ids);
}

TEST_F(PipelineTest, ProcessCleansAndSegments) {
  RawDocument doc;
  doc.id = "0123456789abcdef";
  doc.origin = "a.txt";
  doc.text = "Advertisement\nGen. Ortiz visited the dam on Monday. Repairs begin soon.\n";
  const Article article = Process(doc);
  EXPECT_EQ(article.text, "Gen. Ortiz visited the dam on Monday. Repairs begin soon.");
  EXPECT_EQ(article.sentences, (std::vector<ByteSpan>{{0, 37}, {38, 57}}));
  ASSERT_EQ(article.removed.size(), 1u);
  EXPECT_EQ(article.removed[0].reason, "ad");
}

TEST_F(PipelineTest, TagsTimeExpressionsAgainstThePublicationDateUnlessTurnedOff) {
  RawDocument doc;
  doc.id = "0123456789abcdef";
  doc.origin = "a.jsonl:1";
  doc.text = "The ferry resumed service on Monday.";
  doc.published = "2025-03-14T09:30:00Z";  // a Friday
  Options options;
  Result<Pipeline> pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok());
  Result<text::Segmenter> segmenter = text::Segmenter::Create({}, pipeline->data());
  ASSERT_TRUE(segmenter.ok());
  const Article article = pipeline->Process(doc, *segmenter);
  ASSERT_EQ(article.timexes.size(), 1u);
  EXPECT_EQ(article.timexes[0].text, "Monday");
  EXPECT_EQ(article.timexes[0].span, (ByteSpan{29, 35}));
  EXPECT_EQ(article.timexes[0].value, "2025-03-10");
  EXPECT_EQ(article.timexes[0].anchor, "publication");

  options.tag_timexes = false;
  Result<Pipeline> untagged = Pipeline::Create(options);
  ASSERT_TRUE(untagged.ok());
  EXPECT_TRUE(untagged->Process(doc, *segmenter).timexes.empty());
}

TEST_F(PipelineTest, ADateTheTextGivesBeatsACaptureDay) {
  RawDocument doc;
  doc.id = "0123456789abcdef";
  doc.origin = "crawl.warc.gz@460";
  doc.format = "html";
  doc.text =
      "<html><body><article><p>The ferry line reopened on Tuesday, 28 September 2021, after "
      "repairs. Crews said on Monday that the hull was sound.</p></article></body></html>";
  doc.captured = "2021-10-20T08:00:00Z";
  Article article = Process(doc);
  EXPECT_EQ(article.published.value, "2021-09-28");
  // The page's own text dates it (metadata reader or inference from the body).
  EXPECT_NE(article.published.how, DateHow::kCapture);
  ASSERT_FALSE(article.timexes.empty());
  EXPECT_EQ(article.timexes.back().value, "2021-09-27");

  // Read as plain text, the body dates itself only through inference.
  doc.format = "txt";
  doc.text =
      "The ferry line reopened on Tuesday, 28 September 2021, after repairs. Crews said on "
      "Monday that the hull was sound.";
  article = Process(doc);
  EXPECT_EQ(article.published.value, "2021-09-28");
  EXPECT_EQ(article.published.how, DateHow::kInferred);

  // A date after the capture cannot be the publication's: the capture stays.
  doc.format = "html";
  doc.text =
      "<html><body><p>Crews said on Monday that the hull was sound. The line reopened "
      "on Tuesday, 28 September 2021.</p></body></html>";
  doc.captured = "2021-09-01T08:00:00Z";
  article = Process(doc);
  EXPECT_EQ(article.published.value, "2021-09-01");
  EXPECT_EQ(article.published.how, DateHow::kCapture);
}

TEST_F(PipelineTest, InfersAnUnstatedPublicationDateAndAnchorsOnIt) {
  RawDocument doc;
  doc.id = "0123456789abcdef";
  doc.origin = "a.txt";
  doc.text =
      "The ferry line reopened on Tuesday, 28 September 2021, after repairs. "
      "Crews said on Monday that the hull was sound.";
  Article article = Process(doc);
  EXPECT_EQ(article.published.value, "2021-09-28");
  EXPECT_EQ(article.published.how, DateHow::kInferred);
  EXPECT_EQ(article.published.evidence, (std::vector<std::string>{"Tuesday, 28 September 2021"}));
  ASSERT_FALSE(article.timexes.empty());
  EXPECT_EQ(article.timexes.back().text, "Monday");
  EXPECT_EQ(article.timexes.back().value, "2021-09-27");
  EXPECT_EQ(article.timexes.back().anchor, "publication");

  doc.text = "The mill closed in 2019. Crews said on Monday that it would reopen.";
  article = Process(doc);
  EXPECT_EQ(article.published.how, DateHow::kUnknown);
  EXPECT_FALSE(article.published.value.has_value());
  ASSERT_EQ(article.timexes.size(), 2u);
  EXPECT_EQ(article.timexes[1].value, "XXXX-WXX-1");
}

TEST_F(PipelineTest, SinkErrorStopsTheRunAndIsReturned) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  RecordingSink sink;
  sink.fail_on_rejection = true;
  Result<Summary> summary = pipeline->Run({dir_.string()}, sink);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().ToString(), "io error: disk full");
  EXPECT_LT(sink.ids.size(), 999u);
}

}  // namespace
}  // namespace storyline::pipeline

namespace storyline::pipeline {
namespace {

// With Options::link_features the workers fill in each article's link
// features: those of the finished article, and nothing without the option.
TEST_F(PipelineTest, WorkersComputeLinkFeaturesOnlyWhenAsked) {
  class FeatureSink : public Sink {
   public:
    Status Articles(std::vector<Article>& batch) override {
      for (const Article& article : batch) {
        checked += article.link_features ==
                   (wanted ? link::EncodeFeatures(link::ComputeFeatures(article)) : "");
        ++seen;
      }
      return Status::Ok();
    }
    Status Rejected(const Rejection&) override { return Status::Ok(); }
    bool wanted = false;
    size_t seen = 0, checked = 0;
  };
  for (bool wanted : {false, true}) {
    Options options;
    options.threads = 2;
    options.link_features = wanted;
    Result<Pipeline> pipeline = Pipeline::Create(options);
    ASSERT_TRUE(pipeline.ok());
    FeatureSink sink;
    sink.wanted = wanted;
    ASSERT_TRUE(pipeline->Run({dir_.string()}, sink).ok());
    EXPECT_EQ(sink.seen, 999u);
    EXPECT_EQ(sink.checked, 999u) << "link_features = " << wanted;
  }
}

}  // namespace
}  // namespace storyline::pipeline
