// pipeline.h: runs ingest -> clean -> segment -> timex -> entities, actors
// and quotes (and, optionally, the per-article part of link) over a set of
// inputs, in parallel, and hands the results to a sink in input order.
//
// One reader thread lists and reads the inputs into batches of RawDocuments;
// worker threads clean, segment and tag the batches; the calling thread receives
// finished batches in input order. At most a fixed number of batches are in
// flight, so memory stays flat in the number of articles.
//
// Deterministic: the articles, rejections and their order depend only on the
// inputs and the options, never on the number of threads.
//
//   pipeline::Options options;
//   SL_ASSIGN_OR_RETURN(pipeline::Pipeline pipeline, pipeline::Pipeline::Create(options));
//   SL_ASSIGN_OR_RETURN(pipeline::Summary summary, pipeline.Run({"examples/demo"}, sink));
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "clean/clean.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "entities/entities.h"
#include "ingest/ingest.h"
#include "link/link.h"
#include "pipeline/facts.h"
#include "quotes/quotes.h"
#include "text/text.h"
#include "timex/timex.h"

namespace storyline::pipeline {

struct Options {
  // Worker threads for clean, segment and timex; 0 means one per core.
  int threads = 0;
  // Records per batch handed to a worker. Larger batches cost memory, smaller
  // ones synchronisation.
  int batch_records = 64;
  // Batches in flight at once (read, being worked on, or waiting for their
  // turn); bounds memory at about this many batches.
  int batches_in_flight = 16;
  // A folder overriding the embedded data files (see core/data_files.h).
  std::string data_dir;
  ingest::Options ingest;
  clean::Options clean;
  text::Options text;
  timex::Options timex;
  // Tag time expressions. Off, the pipeline stops after segmentation: the
  // articles carry no timexes, entities or quotes and the run is about
  // twice as fast.
  bool tag_timexes = true;
  // Find entities with their actor codes, and quotes with their speakers
  // (FactsStage), after the time expressions (they need the publication
  // date the timex stage may infer); so only with tag_timexes. Off, or
  // without tag_timexes, the stage is not loaded.
  bool find_entities = true;
  FactsOptions facts;
  // Compute the link stage's per-article features (link::ComputeFeatures)
  // in the workers, into Article::link_features, so that the link stage
  // itself (link::Linker) only joins articles.
  bool link_features = false;
  link::LinkOptions link;
  // Articles whose id this says is stored already (a rerun's, or those a
  // killed run stored) are not analysed again: the sink gets them with only
  // their id, origin and format. Empty: every article is analysed.
  std::function<bool(std::string_view id)> already_stored;
};

struct Progress {
  uint64_t files_done = 0;
  uint64_t files_total = 0;
  uint64_t bytes_done = 0;  // bytes of the input files (as on disk) read so far
  uint64_t bytes_total = 0;
  uint64_t records = 0;  // articles plus rejections so far
};

// Receives results on the thread that called Run(), in input order.
class Sink {
 public:
  virtual ~Sink() = default;
  // A batch of finished articles. A non-OK status stops the run and is
  // returned by Run().
  virtual Status Articles(std::vector<Article>& batch) = 0;
  // An input that could not become an article.
  virtual Status Rejected(const Rejection& rejection) = 0;
  // Records of a file that are by design not articles (a WARC file's
  // requests, metadata, non-HTML responses...), counted by reason, once per
  // file after its last record; cheap to ignore, but a tool should show them.
  virtual void Skipped(const ingest::SkippedRecords&) {}
  // Called after each batch; cheap to ignore.
  virtual void Advanced(const Progress&) {}
};

struct Summary {
  uint64_t read = 0;      // records seen: ingested + rejected
  uint64_t ingested = 0;  // articles handed to the sink
  uint64_t rejected = 0;
  // Records skipped by design (Sink::Skipped), not counted in `read`.
  uint64_t skipped = 0;
  uint64_t text_bytes = 0;  // bytes of record text read (after decompression)
  double seconds = 0;
};

class Pipeline {
 public:
  // Loads the rules of every stage. InvalidArgument when a rule file does not
  // parse.
  static Result<Pipeline> Create(const Options& options);

  // Processes `inputs` (files and folders). Returns the sink's first error, if
  // any; bad inputs are not errors but rejections. May be called repeatedly.
  Result<Summary> Run(const std::vector<std::string>& inputs, Sink& sink) const;

  // Cleans, segments and tags the time expressions of one record, then finds
  // its entities and quotes: the per-article work of Run(). Relative time
  // expressions are resolved against the publication date when the article
  // has one; when it states none, the date its text implies
  // (timex::Tagger::InferPublication) becomes the publication date with how
  // = inferred, and anchors them instead. Dated offices (actor codes) are
  // read on that date too.
  // REQUIRES: `segmenter` is not used by another thread meanwhile.
  Article Process(RawDocument doc, text::Segmenter& segmenter) const;
  // The same, reusing the entity stage's scratch space from one article to
  // the next, as Run()'s workers do. REQUIRES: neither `segmenter` nor
  // `workspace` is used by another thread meanwhile.
  Article Process(RawDocument doc, text::Segmenter& segmenter,
                  entities::Workspace& workspace) const;

  const Options& options() const { return options_; }
  const DataFiles& data() const { return data_; }

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

 private:
  struct Stages;  // the loaded stages, immutable once built
  // The time-expression step of Process().
  void TagTimexes(Article& article) const;
  Pipeline(Options options, DataFiles data, std::unique_ptr<Stages> stages);
  Options options_;
  DataFiles data_;
  std::unique_ptr<Stages> stages_;
};

}  // namespace storyline::pipeline
