#include "pipeline/pipeline.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace storyline::pipeline {
namespace {

// A batch is also closed when its text reaches this size, so a few huge
// records do not make one batch hold gigabytes.
constexpr uint64_t kMaxBatchBytes = 8u << 20;

struct Batch {
  uint64_t sequence = 0;
  std::vector<RawDocument> documents;
  std::vector<Rejection> rejections;
  std::vector<ingest::SkippedRecords> skipped;
  std::vector<Article> articles;
  uint64_t text_bytes = 0;
  uint64_t files_done = 0;  // files finished when the batch was closed
  uint64_t bytes_done = 0;  // input bytes read when the batch was closed
};

// The size of the inputs, known once they are listed.
struct InputTotals {
  std::atomic<uint64_t> files = 0;
  std::atomic<uint64_t> bytes = 0;
};

// The state shared by the reader, the workers and the delivering thread.
class Flow {
 public:
  explicit Flow(int max_in_flight) : max_in_flight_(max_in_flight) {}

  // Reader: waits for room, then queues a batch for the workers. False when
  // the run was stopped.
  bool Submit(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || in_flight_ < max_in_flight_; });
    if (stopped_) return false;
    ++in_flight_;
    ++submitted_;
    work_.push_back(std::move(batch));
    work_ready_.notify_one();
    return true;
  }

  void FinishReading() {
    std::lock_guard lock(mutex_);
    reading_done_ = true;
    work_ready_.notify_all();
    done_ready_.notify_all();
  }

  // Worker: the next batch to process, or false when there is none to come.
  bool Take(Batch& batch) {
    std::unique_lock lock(mutex_);
    work_ready_.wait(lock, [&] { return stopped_ || reading_done_ || !work_.empty(); });
    if (stopped_ || work_.empty()) return false;
    batch = std::move(work_.front());
    work_.pop_front();
    return true;
  }

  void Done(Batch batch) {
    std::lock_guard lock(mutex_);
    const uint64_t sequence = batch.sequence;
    done_.emplace(sequence, std::move(batch));
    done_ready_.notify_all();
  }

  // Delivering thread: the batch with the next sequence number, or false when
  // all batches have been delivered.
  bool Next(Batch& batch) {
    std::unique_lock lock(mutex_);
    done_ready_.wait(lock, [&] {
      return stopped_ || done_.contains(delivered_) || (reading_done_ && delivered_ == submitted_);
    });
    const auto it = done_.find(delivered_);
    if (stopped_ || it == done_.end()) return false;
    batch = std::move(it->second);
    done_.erase(it);
    ++delivered_;
    --in_flight_;
    room_.notify_one();
    return true;
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
    work_ready_.notify_all();
    done_ready_.notify_all();
  }

  bool stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_, work_ready_, done_ready_;
  const int max_in_flight_;
  int in_flight_ = 0;
  uint64_t submitted_ = 0;
  uint64_t delivered_ = 0;
  bool reading_done_ = false;
  bool stopped_ = false;
  std::deque<Batch> work_;
  std::map<uint64_t, Batch> done_;
};

// Reads every input into batches, in input order.
void ReadInputs(const std::vector<std::string>& inputs, const Options& options, Flow& flow,
                InputTotals& totals) {
  ingest::InputList list = ingest::ListInputs(inputs);
  uint64_t bytes_total = 0;
  for (const ingest::InputFile& file : list.files) bytes_total += file.size;
  totals.bytes = bytes_total;
  totals.files = list.files.size();
  Batch batch;
  batch.rejections = std::move(list.rejected);
  uint64_t sequence = 0;
  bool running = true;
  size_t files_done = 0;
  uint64_t bytes_before_file = 0;  // sizes of the files finished
  uint64_t bytes_done = 0;
  auto close_batch = [&] {
    batch.sequence = sequence++;
    batch.files_done = files_done;
    batch.bytes_done = bytes_done;
    running = flow.Submit(std::move(batch));
    batch = Batch();
  };
  const auto batch_records = static_cast<size_t>(std::max(1, options.batch_records));
  // Batches close as records arrive, not per file: a JSON Lines file may
  // hold millions of records.
  auto close_if_full = [&] {
    if (batch.documents.size() + batch.rejections.size() >= batch_records ||
        batch.text_bytes >= kMaxBatchBytes) {
      close_batch();
    }
  };
  ingest::RecordSink record_sink{
      [&](RawDocument doc) {
        batch.text_bytes += doc.text.size();
        batch.documents.push_back(std::move(doc));
        close_if_full();
      },
      [&](Rejection rejection) {
        batch.rejections.push_back(std::move(rejection));
        close_if_full();
      },
      [&](uint64_t consumed) { bytes_done = bytes_before_file + consumed; },
      [&](const ingest::SkippedRecords& skipped) { batch.skipped.push_back(skipped); }};
  for (size_t i = 0; i < list.files.size() && running; ++i) {
    ingest::ReadFile(list.files[i], options.ingest, record_sink);
    files_done = i + 1;
    bytes_before_file += list.files[i].size;
    bytes_done = bytes_before_file;
  }
  if (running) close_batch();
  flow.FinishReading();
}

// An article the sink has stored already: what tells it apart.
Article AsStored(RawDocument doc) {
  Article article;
  article.id = std::move(doc.id);
  article.origin = std::move(doc.origin);
  article.format = std::move(doc.format);
  return article;
}

}  // namespace

struct Pipeline::Stages {
  clean::Cleaner cleaner;
  text::Segmenter segmenter;  // the prototype each worker copies
  timex::Tagger tagger;
  // Loaded only when Options::tag_timexes and find_entities are set.
  std::optional<FactsStage> facts;
};

Pipeline::Pipeline(Options options, DataFiles data, std::unique_ptr<Stages> stages)
    : options_(std::move(options)), data_(std::move(data)), stages_(std::move(stages)) {}

Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(const Options& options) {
  DataFiles data(options.data_dir);
  SL_ASSIGN_OR_RETURN(clean::Cleaner cleaner, clean::Cleaner::Create(options.clean, data));
  SL_ASSIGN_OR_RETURN(text::Segmenter segmenter, text::Segmenter::Create(options.text, data));
  SL_ASSIGN_OR_RETURN(timex::Tagger tagger, timex::Tagger::Create(options.timex, data));
  auto stages = std::make_unique<Stages>(
      Stages{std::move(cleaner), std::move(segmenter), std::move(tagger), {}});
  if (options.tag_timexes && options.find_entities) {
    SL_ASSIGN_OR_RETURN(stages->facts, FactsStage::Create(options.facts, data));
  }
  return Pipeline(options, std::move(data), std::move(stages));
}

Article Pipeline::Process(RawDocument doc, text::Segmenter& segmenter) const {
  entities::Workspace workspace;
  return Process(std::move(doc), segmenter, workspace);
}

Article Pipeline::Process(RawDocument doc, text::Segmenter& segmenter,
                          entities::Workspace& workspace) const {
  Article article = stages_->cleaner.Clean(std::move(doc));
  article.sentences = segmenter.Sentences(article.text);
  if (!options_.tag_timexes) return article;
  TagTimexes(article);
  if (stages_->facts) {
    stages_->facts->Run(article, segmenter.WordsOf(article.text, article.sentences), workspace);
  }
  return article;
}

void Pipeline::TagTimexes(Article& article) const {
  const timex::Tagger& tagger = stages_->tagger;
  // A web page dated only by its capture was published no later: its text is
  // read as undated first, and a date it gives on or before the capture wins.
  const bool captured = article.published.how == DateHow::kCapture;
  const std::optional<CivilDay> publication = article.published.value && !captured
                                                  ? CivilDay::FromIso(*article.published.value)
                                                  : std::nullopt;
  article.timexes = tagger.Tag(article.text, article.sentences, publication);
  // Without a stated date, the text may date itself; relative expressions are
  // then anchored on that inferred date.
  if (article.published.how != DateHow::kUnknown && !captured) return;
  std::optional<PublishedDate> inferred =
      tagger.InferPublication(article.text, article.sentences, article.timexes);
  if (inferred && (!captured || *inferred->value <= *article.published.value)) {
    article.published = std::move(*inferred);
  } else if (!captured) {
    return;
  }
  article.timexes =
      tagger.Tag(article.text, article.sentences, CivilDay::FromIso(*article.published.value));
}

Result<Summary> Pipeline::Run(const std::vector<std::string>& inputs, Sink& sink) const {
  const auto start = std::chrono::steady_clock::now();
  const int threads = options_.threads > 0
                          ? options_.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  Flow flow(std::max(2, options_.batches_in_flight));
  InputTotals totals;
  std::thread reader([&] { ReadInputs(inputs, options_, flow, totals); });
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      text::Segmenter segmenter = stages_->segmenter;
      entities::Workspace workspace;
      Batch batch;
      while (flow.Take(batch)) {
        batch.articles.reserve(batch.documents.size());
        for (RawDocument& doc : batch.documents) {
          if (options_.already_stored && options_.already_stored(doc.id)) {
            batch.articles.push_back(AsStored(std::move(doc)));
            continue;
          }
          batch.articles.push_back(Process(std::move(doc), segmenter, workspace));
          if (options_.link_features) {
            Article& article = batch.articles.back();
            article.link_features =
                link::EncodeFeatures(link::ComputeFeatures(article, options_.link));
          }
        }
        batch.documents.clear();
        flow.Done(std::move(batch));
      }
    });
  }

  Summary summary;
  Status failure;
  Progress progress;
  Batch batch;
  while (failure.ok() && flow.Next(batch)) {
    for (const Rejection& rejection : batch.rejections) {
      if (failure.ok()) failure = sink.Rejected(rejection);
    }
    summary.rejected += batch.rejections.size();
    for (const ingest::SkippedRecords& skipped : batch.skipped) {
      sink.Skipped(skipped);
      summary.skipped += skipped.total();
    }
    summary.ingested += batch.articles.size();
    summary.text_bytes += batch.text_bytes;
    if (failure.ok() && !batch.articles.empty()) failure = sink.Articles(batch.articles);
    progress.files_done = batch.files_done;
    progress.files_total = totals.files;
    progress.bytes_done = batch.bytes_done;
    progress.bytes_total = totals.bytes;
    progress.records = summary.ingested + summary.rejected;
    sink.Advanced(progress);
  }
  flow.Stop();
  reader.join();
  for (std::thread& worker : workers) worker.join();
  if (!failure.ok()) return failure;
  summary.read = summary.ingested + summary.rejected;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace storyline::pipeline
