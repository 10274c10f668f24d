// test_corpus.h: a small corpus written for the tagger's tests (fictional
// people, firms and places), in CoNLL columns with IOB1 tags.
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "tagger/tagger.h"

namespace storyline::tagger::testing {

inline constexpr std::string_view kWrittenCorpus =
    "-DOCSTART- O\n"
    "\n"
    "FERRY O\n"
    "TALKS O\n"
    "STALL O\n"
    "IN O\n"
    "VARNHOLM I-LOC\n"
    "\n"
    "Mara I-PER\n"
    "Velk I-PER\n"
    "visited O\n"
    "Varnholm I-LOC\n"
    "on O\n"
    "Tuesday O\n"
    ". O\n"
    "\n"
    "The O\n"
    "Harrow I-ORG\n"
    "Trust I-ORG\n"
    "said O\n"
    "Velk I-PER\n"
    "would O\n"
    "return O\n"
    "to O\n"
    "Varnholm I-LOC\n"
    ". O\n"
    "\n"
    "-DOCSTART- O\n"
    "\n"
    "Officials O\n"
    "in O\n"
    "Port I-LOC\n"
    "Ellis I-LOC\n"
    "met O\n"
    "the O\n"
    "Corran I-ORG\n"
    "Guild I-ORG\n"
    "and O\n"
    "Ilse I-PER\n"
    "Brandt I-PER\n"
    ". O\n"
    "\n"
    "Brandt I-PER\n"
    "told O\n"
    "the O\n"
    "Corran I-ORG\n"
    "Guild I-ORG\n"
    "that O\n"
    "Port I-LOC\n"
    "Ellis I-LOC\n"
    "would O\n"
    "sign O\n"
    ". O\n"
    "\n";

inline std::vector<LabeledDocument> WrittenDocuments() {
  Result<std::vector<LabeledDocument>> documents = ReadConll("written", kWrittenCorpus);
  EXPECT_TRUE(documents.ok()) << documents.status().ToString();
  return documents.ok() ? *documents : std::vector<LabeledDocument>();
}

// A model trained on the written corpus (which is also its dev set).
inline Model TrainWritten(uint64_t seed = 1, Gazetteer gazetteer = {}) {
  TrainOptions options;
  options.max_epochs = 8;
  options.seed = seed;
  options.min_feature_count = 1;
  Result<Model> model =
      Train(WrittenDocuments(), WrittenDocuments(), std::move(gazetteer), options, {});
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(model).value();
}

// The sentences of a labelled document as the tagger takes them.
inline std::vector<Words> WordsOf(const LabeledDocument& document) {
  std::vector<Words> words;
  for (const LabeledSentence& sentence : document.sentences) {
    words.emplace_back(sentence.words.begin(), sentence.words.end());
  }
  return words;
}

}  // namespace storyline::tagger::testing
