// tagger.h: the learned named-entity tagger. Finds the names of persons,
// organisations, places and other named things (CoNLL-2003 types PER, ORG,
// LOC, MISC) in sentences of words.
//
// Consumes a document as its sentences in order, each a list of words split
// the Penn Treebank / CoNLL way (text::Segmenter::Words); produces, per
// sentence, the entity spans as token indexes [begin, end) with their type:
//
//   "Talks between Ruritania and the Vale Group began in Lisbon ."
//    -> [2, 3) LOC "Ruritania", [5, 7) ORG "Vale Group", [9, 10) LOC "Lisbon"
//
// Model. An averaged structured perceptron over BILOU tags (B-, I-, L-, U-X
// and O) with first-order tag transitions and Viterbi decoding; illegal
// sequences (an I- after O, a B- not closed by an L-) are never produced.
// Features of a token (docs/formats/ner-model.md lists the templates): the
// word, its lower-cased form, long and collapsed shapes ("Xxxxx", "Xx",
// "dddd-dd"), prefixes and suffixes up to 4 characters, the lower-cased
// words and shapes of the two words on each side, word and shape bigrams,
// sentence position and headline (all-caps sentence) flags, gazetteer hits
// with the token's B/I/L/U place in the longest matching phrase of each
// category, and two document-level signals: how the same word is cased
// elsewhere in the document where its case is informative (not sentence-
// initial, not in a headline), and which label the tagger gave the same
// word in the document's earlier sentences. The model file carries the
// gazetteer it was trained with, so later edits of data/gazetteer/ or of
// the actor dictionaries do not change what a shipped model tags.
//
// The shipped model (data/ner/en.model, docs/formats/ner-model.md): trained
// on CoNLL-2003 eng.train in 5 s (15 epochs, the 14th kept), 0.99 MB, with
// the lists of data/gazetteer/ and the names and roles of the actor
// dictionaries as gazetteer phrases (`storyline train ner`). On eng.testa
// (gate_test.cc) F1 0.9263 (P 0.9270, R 0.9256): PER 0.9395, LOC 0.9602,
// ORG 0.8837, MISC 0.8932. About 1.5 million tokens (95,000 sentences) per
// CPU second, on one thread with a Workspace (`storyline eval ner`);
// loading takes 0.05 s.
//
// Deterministic: the spans depend only on the words and the model; training
// gives the same model bytes for the same data, gazetteer, options and seed.
// A Model is immutable once loaded; Tag() may run concurrently on one Model,
// each thread with its own Workspace.
//
//   SL_ASSIGN_OR_RETURN(tagger::Model model, tagger::LoadModel(DataFiles{}));
//   std::vector<std::vector<tagger::EntitySpan>> spans = model.Tag(sentences);
//
//   tagger::Workspace workspace;  // per thread, kept from one document to the next
//   model.Tag(sentences, workspace, &spans);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "core/status.h"

namespace storyline::tagger {

// The shipped model, relative to data/ (docs/formats/ner-model.md).
inline constexpr std::string_view kModelFile = "ner/en.model";
// Folder of the gazetteer lists read by Gazetteer::FromLists, relative to data/
// (docs/formats/gazetteer.md).
inline constexpr std::string_view kGazetteerFolder = "gazetteer/";

// An entity: tokens [begin, end) of one sentence, and its type ("PER").
struct EntitySpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string type;
  bool operator==(const EntitySpan&) const = default;
};

// One sentence's words. The views must stay valid during the call.
using Words = std::vector<std::string_view>;

struct LabeledSentence {
  std::vector<std::string> words;
  std::vector<EntitySpan> entities;  // in order, not overlapping
};

struct LabeledDocument {
  std::vector<LabeledSentence> sentences;
};

// Phrases by category ("given_name", "city", "org_designator", ...), matched
// against the words of a sentence. Matching ignores case (ASCII and Latin-1
// letters) and never crosses a sentence end; within a category the longest
// phrase starting at the leftmost word wins, then matching resumes after it.
// Copyable; immutable use is thread-safe.
class Gazetteer {
 public:
  Gazetteer();
  Gazetteer(const Gazetteer&);
  Gazetteer& operator=(const Gazetteer&);
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Adds a phrase (its words, as the tagger's input splits them) to
  // `category`. Adding a phrase twice changes nothing. InvalidArgument when
  // the category or a word is empty or has whitespace, when there are no
  // words, or when a 64th category would be added.
  Status Add(std::string_view category, const std::vector<std::string_view>& words);

  // Adds the lines of one list, `category<TAB>phrase` (docs/formats/
  // gazetteer.md); the phrase is split at spaces. Errors name the line:
  // "gazetteer/cities.tsv:3: expected category<TAB>phrase".
  Status AddList(std::string_view name, std::string_view contents);

  // Every data file named gazetteer/*.tsv (compiled in, or replaced by the
  // override folder's copy), in name order. An empty gazetteer when there
  // are none.
  static Result<Gazetteer> FromLists(const DataFiles& data);

  // Category names in the order they were first added.
  const std::vector<std::string>& categories() const;
  // Number of distinct (category, phrase) entries.
  size_t size() const;

 private:
  friend class GazetteerAccess;  // matching and serialisation (gazetteer_match.h)
  struct Index;
  std::unique_ptr<Index> index_;
};

struct ModelData;  // weights, tag set, gazetteer, word-type tables; model_data.h

// Scratch space for Model::Tag on one thread. It keeps the buffers of a
// call for the next one, and remembers the scores of words outside the
// model's vocabulary from one document to the next (up to kMemoWords of
// them, then it starts afresh), so that names met again, as in news, are
// scored once: in the steady state Tag() allocates nothing. What it holds
// never changes a result. It may serve several models in turn (it forgets
// its words when the model changes). Not thread-safe: one per thread.
class Workspace {
 public:
  // About 420 bytes a word with the shipped model: 14 MB when full.
  static constexpr size_t kMemoWords = 1 << 15;

  Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

 private:
  friend class Model;
  class State;  // document_tagger.h
  std::unique_ptr<State> state_;
};

class Model {
 public:
  // Reads a model file (Serialize()'s bytes). Corruption when the magic,
  // the checksum or the payload is wrong; Unsupported when the format or
  // feature-template version is not this build's. Messages start with
  // "ner model: ".
  static Result<Model> Load(std::string_view bytes);
  std::string Serialize() const;

  // Tags one document: `document` holds its sentences in order (the
  // document-level features look across them). Returns, per sentence, its
  // entity spans in order. Never fails; empty sentences give no spans.
  std::vector<std::vector<EntitySpan>> Tag(const std::vector<Words>& document) const;
  // The same into `spans` (one vector per sentence, whose capacity is
  // reused), with the buffers and remembered words of `workspace`.
  void Tag(const std::vector<Words>& document, Workspace& workspace,
           std::vector<std::vector<EntitySpan>>* spans) const;

  // Entity types the model tags, sorted ("LOC", "MISC", "ORG", "PER").
  std::vector<std::string> types() const;
  // The gazetteer embedded in the model.
  const Gazetteer& gazetteer() const;

  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

 private:
  friend class ModelBuilder;  // training and loading (model_data.h)
  explicit Model(std::unique_ptr<const ModelData> data);
  std::unique_ptr<const ModelData> data_;
};

// The model under data/ (kModelFile): the compiled-in copy or the override
// folder's. NotFound when neither has one.
Result<Model> LoadModel(const DataFiles& data);

struct TrainOptions {
  // Passes over the training documents; the averaged weights of the epoch
  // with the best dev F1 are kept (the earliest on a tie).
  int max_epochs = 15;
  // Seeds the order in which documents are visited in each epoch.
  uint64_t seed = 1;
  // Features (other than the document-history ones) seen in fewer training
  // tokens are left out: fewer weights, a smaller file, little loss.
  int min_feature_count = 2;
};

struct EpochReport {
  int epoch = 0;                 // 1-based
  uint64_t mistaken_tokens = 0;  // training tokens decoded wrong during the epoch
  double dev_f1 = 0;             // of the averaged weights so far
  double seconds = 0;            // wall time of the epoch and its dev scoring
};

// Trains a model. `dev` chooses the epoch (an empty `dev` keeps the last);
// `progress` (may be empty) is called after each epoch. InvalidArgument when
// `train` has no entity or a sentence has a span outside it.
Result<Model> Train(const std::vector<LabeledDocument>& train,
                    const std::vector<LabeledDocument>& dev, Gazetteer gazetteer,
                    const TrainOptions& options,
                    const std::function<void(const EpochReport&)>& progress);

// Reads a CoNLL column file: one token a line, the word first and its entity
// tag last (IOB1 or IOB2: B-X always starts an entity, I-X starts one unless
// it follows a token of type X); blank lines end sentences; "-DOCSTART-"
// lines start documents (a file without them is one document). Errors name
// the line: "eng.train:12: bad entity tag 'I_PER'".
Result<std::vector<LabeledDocument>> ReadConll(std::string_view name, std::string_view contents);
// ReadConll of a file, named by its path in errors. ReadFile's NotFound or
// IoError when it cannot be read.
Result<std::vector<LabeledDocument>> ReadConllFile(const std::string& path);

// conlleval-style counts: an entity is correct when its span and type are.
struct Counts {
  uint64_t gold = 0;
  uint64_t predicted = 0;
  uint64_t correct = 0;
  double Precision() const;  // 0 when nothing was predicted
  double Recall() const;     // 0 when there is nothing to find
  double F1() const;         // 0 when precision and recall are 0
};

struct Scores {
  Counts overall;
  std::map<std::string, Counts> by_type;  // every type seen in gold or predicted
  // Adds one sentence's gold and predicted spans.
  void Add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted);
};

// Tags every document with `model` and scores it against its gold spans.
Scores Evaluate(const Model& model, const std::vector<LabeledDocument>& documents);

}  // namespace storyline::tagger
