#include "pipeline/text_coder.h"

#include <utility>

#include "core/calendar.h"

namespace storyline::pipeline {

TextCoder::TextCoder(text::Segmenter segmenter, timex::Tagger timex,
                     std::unique_ptr<FactsStage> facts)
    : segmenter_(std::move(segmenter)), timex_(std::move(timex)), facts_(std::move(facts)) {}
TextCoder::TextCoder(TextCoder&&) noexcept = default;
TextCoder& TextCoder::operator=(TextCoder&&) noexcept = default;
TextCoder::~TextCoder() = default;

Result<TextCoder> TextCoder::Create(const TextCoderOptions& options, const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(text::Segmenter segmenter, text::Segmenter::Create(options.text, data));
  SL_ASSIGN_OR_RETURN(timex::Tagger timex, timex::Tagger::Create(options.timex, data));
  SL_ASSIGN_OR_RETURN(FactsStage facts, FactsStage::Create(options.facts, data));
  return TextCoder(std::move(segmenter), std::move(timex),
                   std::make_unique<FactsStage>(std::move(facts)));
}

TextCoder::Workspace TextCoder::NewWorkspace() const { return Workspace{segmenter_, {}}; }

Article TextCoder::Code(std::string id, std::string_view date, std::string text,
                        Workspace& workspace) const {
  Article article;
  article.id = std::move(id);
  article.origin = article.id;
  article.format = "jsonl";
  article.text = std::move(text);
  const std::optional<CivilDay> day =
      date.size() >= 10 ? CivilDay::FromIso(date.substr(0, 10)) : std::nullopt;
  if (day) {
    article.published.value = day->Iso();
    article.published.how = DateHow::kMetadata;
  }
  article.sentences = workspace.segmenter.Sentences(article.text);
  article.timexes = timex_.Tag(article.text, article.sentences, day);
  facts_->Run(article, workspace.segmenter.WordsOf(article.text, article.sentences),
              workspace.entities);
  return article;
}

}  // namespace storyline::pipeline
