// Reading CoNLL column files and conlleval-style scoring.
#include <algorithm>

#include "core/data_files.h"
#include "core/scores.h"
#include "tagger/tagger.h"

namespace storyline::tagger {
namespace {

constexpr std::string_view kDocumentStart = "-DOCSTART-";

std::vector<std::string_view> SplitColumns(std::string_view line) {
  std::vector<std::string_view> columns;
  size_t at = 0;
  while (true) {
    const size_t start = line.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(line.find_first_of(" \t", start), line.size());
    columns.push_back(line.substr(start, end - start));
    at = end;
  }
  return columns;
}

// Builds documents line by line.
class ConllReader {
 public:
  // Adds one token; `tag` is "O", "B-X" or "I-X" (checked by the caller).
  void AddToken(std::string_view word, std::string_view tag) {
    LabeledSentence& sentence = CurrentSentence();
    const uint32_t index = static_cast<uint32_t>(sentence.words.size());
    sentence.words.emplace_back(word);
    if (tag == "O") {
      open_type_.clear();
      return;
    }
    const std::string_view type = tag.substr(2);
    if (tag[0] == 'I' && type == open_type_) {
      sentence.entities.back().end = index + 1;
      return;
    }
    sentence.entities.push_back({index, index + 1, std::string(type)});
    open_type_ = type;
  }

  void EndSentence() {
    sentence_open_ = false;
    open_type_.clear();
  }

  void EndDocument() {
    EndSentence();
    if (!current_.sentences.empty()) documents_.push_back(std::move(current_));
    current_ = {};
  }

  std::vector<LabeledDocument> Finish() {
    EndDocument();
    return std::move(documents_);
  }

 private:
  LabeledSentence& CurrentSentence() {
    if (!sentence_open_) current_.sentences.emplace_back();
    sentence_open_ = true;
    return current_.sentences.back();
  }

  std::vector<LabeledDocument> documents_;
  LabeledDocument current_;
  bool sentence_open_ = false;
  std::string open_type_;  // type of the entity the last token is in, if any
};

bool IsEntityTag(std::string_view tag) {
  return tag == "O" || (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-');
}

}  // namespace

Result<std::vector<LabeledDocument>> ReadConll(std::string_view name, std::string_view contents) {
  ConllReader reader;
  int number = 0;
  while (!contents.empty()) {
    const size_t newline = contents.find('\n');
    std::string_view line = contents.substr(0, newline);
    contents.remove_prefix(newline == std::string_view::npos ? contents.size() : newline + 1);
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::vector<std::string_view> columns = SplitColumns(line);
    if (columns.empty()) {
      reader.EndSentence();
      continue;
    }
    if (columns[0] == kDocumentStart) {
      reader.EndDocument();
      continue;
    }
    const std::string where = std::string(name) + ":" + std::to_string(number) + ": ";
    if (columns.size() < 2) return Status::InvalidArgument(where + "expected a word and a tag");
    const std::string_view tag = columns.back();
    if (!IsEntityTag(tag)) {
      return Status::InvalidArgument(where + "bad entity tag '" + std::string(tag) + "'");
    }
    reader.AddToken(columns[0], tag);
  }
  return reader.Finish();
}

Result<std::vector<LabeledDocument>> ReadConllFile(const std::string& path) {
  SL_ASSIGN_OR_RETURN(const std::string contents, ReadFile(path));
  return ReadConll(path, contents);
}

double Counts::Precision() const {
  return predicted == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(predicted);
}

double Counts::Recall() const {
  return gold == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(gold);
}

double Counts::F1() const { return storyline::F1(Precision(), Recall()); }

void Scores::Add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted) {
  for (const EntitySpan& span : gold) {
    ++overall.gold;
    ++by_type[span.type].gold;
  }
  for (const EntitySpan& span : predicted) {
    ++overall.predicted;
    Counts& counts = by_type[span.type];
    ++counts.predicted;
    if (std::find(gold.begin(), gold.end(), span) != gold.end()) {
      ++overall.correct;
      ++counts.correct;
    }
  }
}

Scores Evaluate(const Model& model, const std::vector<LabeledDocument>& documents) {
  Scores scores;
  Workspace workspace;
  std::vector<Words> words;
  std::vector<std::vector<EntitySpan>> found;
  for (const LabeledDocument& document : documents) {
    words.clear();
    for (const LabeledSentence& sentence : document.sentences) {
      words.emplace_back(sentence.words.begin(), sentence.words.end());
    }
    model.Tag(words, workspace, &found);
    for (size_t s = 0; s < found.size(); ++s) scores.Add(document.sentences[s].entities, found[s]);
  }
  return scores;
}

}  // namespace storyline::tagger
