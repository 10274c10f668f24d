// entities.h: who and what an article names, each entity with all its
// mentions, its role, its country, a key that is the same across articles,
// and its CAMEO actor code.
//
// Consumes an article's clean text, sentences and publication date;
// produces Article::entities (core/article.h), by first mention:
//
//   1. names: the entity tagger (tagger/tagger.h, data/ner/en.model) labels
//      the words of each sentence (text::Segmenter::WordsOf) PER, ORG, LOC or
//      MISC;
//   2. roles: a title before a person's name ("Foreign Minister Wang Yi",
//      "NATO Secretary General Jens Stoltenberg", "Taliban spokesman
//      Mohammed Naeem") or an apposition after it ("Wang Yi, China's foreign
//      minister,") gives the person a role and the country or organisation
//      that qualifies it; an organisation named by a role noun and a country
//      ("the Chinese Foreign Ministry") gets both too;
//   3. nominal mentions: role phrases without a name ("China's foreign
//      minister", "the minister", "a Taliban spokesman") join the last
//      entity with that role and a compatible country, or, when they name a
//      country or organisation or are indefinite, stand as entities of their
//      own (no key: a role phrase is not an identity);
//   4. names are joined: "Wang" and "Wang Yi", "Stoltenberg" and "Jens
//      Stoltenberg", "NATO" and "North Atlantic Treaty Organization" (one
//      dictionary entry, or the initials), one name tagged with two types;
//   5. each entity gets its actor code from actors::Dictionary::Resolve, with
//      the article's publication date for dated offices.
//
// Pronouns become mentions where the quote stage finds them as speakers
// ("he said"): AddSpeakerMentions() records them after quotes::Finder ran.
//
// Keys: "TYPE:normalised name[:COUNTRY]": lower case, accents removed,
// full stops dropped ("U.S." -> "us"); countries are named by our country
// list ("LOC:united states:USA" for "US" and "the United States" alike).
//
// Deterministic. A Recognizer is immutable once created; Find() may run
// concurrently, each thread with its own Workspace.
//
//   SL_ASSIGN_OR_RETURN(entities::Recognizer recognizer,
//                       entities::Recognizer::Create({}, data, dictionary));
//   entities::Workspace workspace;  // per thread, kept from one article to the next
//   const auto words = segmenter.WordsOf(article.text, article.sentences);
//   article.entities = recognizer.Find(article, words, workspace);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "core/article.h"
#include "core/data_files.h"
#include "core/status.h"
#include "tagger/tagger.h"
#include "text/text.h"

namespace storyline::entities {

struct Options {
  // The entity tagger's model, relative to data/ (docs/formats/ner-model.md).
  std::string model{tagger::kModelFile};
  // Determiners, role modifiers, pronouns (docs/formats/entities.md).
  std::string words = "entities/en.tsv";
};

// Scratch space for Recognizer::Find on one thread: the tagger's workspace
// (its buffers, and the scores of words outside the model's vocabulary,
// which recur across articles: tagger::Workspace) and the stage's own
// buffers, kept from one article to the next. What it holds never changes
// a result; any Recognizer may use it. Not thread-safe: one per thread, as
// the pipeline's workers each keep one beside their text::Segmenter.
class Workspace {
 public:
  Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

 private:
  friend class Recognizer;
  struct State;
  std::unique_ptr<State> state_;
};

class Recognizer {
 public:
  // Loads the model and the word lists. Corruption or Unsupported for a
  // model file that is damaged or of another format version;
  // InvalidArgument "file:line: message" for a bad word list row.
  static Result<Recognizer> Create(const Options& options, const DataFiles& data,
                                   std::shared_ptr<const actors::Dictionary> dictionary);

  // The entities of `article`, by first mention (Entity::id is the index),
  // given the words of its sentences (text::Segmenter::WordsOf). Offsets are
  // bytes into article.text; mention sentences index article.sentences.
  // Never fails. REQUIRES: words[s] are the words of article.sentences[s].
  std::vector<Entity> Find(const Article& article,
                           const std::vector<std::vector<text::Token>>& words,
                           Workspace& workspace) const;
  // The same with a Workspace of its own: simpler, slower.
  std::vector<Entity> Find(const Article& article,
                           const std::vector<std::vector<text::Token>>& words) const;

  // Adds to article.entities the speaker mentions the quote stage resolved
  // to them (pronouns, role phrases) that are not mentions yet, in text
  // order; kind "pronoun" for the listed pronouns, else "nominal".
  void AddSpeakerMentions(Article& article) const;

  Recognizer(Recognizer&&) noexcept;
  Recognizer& operator=(Recognizer&&) noexcept;
  ~Recognizer();

 private:
  struct State;
  explicit Recognizer(std::unique_ptr<const State> state);
  std::unique_ptr<const State> state_;
};

// The key part of a name: lower case, accents removed, full stops dropped,
// spaces collapsed: "São Paulo" -> "sao paulo", "U.S." -> "us".
std::string NormalizeName(std::string_view name);

}  // namespace storyline::entities
