#include "pipeline/facts.h"

#include <memory>
#include <utility>

namespace storyline::pipeline {

Result<FactsStage> FactsStage::Create(const FactsOptions& options, const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(actors::Dictionary dictionary,
                      actors::Dictionary::Create(options.actors, data));
  SL_ASSIGN_OR_RETURN(entities::Recognizer recognizer,
                      entities::Recognizer::Create(
                          options.entities, data,
                          std::make_shared<const actors::Dictionary>(std::move(dictionary))));
  SL_ASSIGN_OR_RETURN(quotes::Finder quotes, quotes::Finder::Create(options.quotes, data));
  return FactsStage(std::move(recognizer), std::move(quotes));
}

void FactsStage::Run(Article& article, const std::vector<std::vector<text::Token>>& words,
                     entities::Workspace& workspace) const {
  article.entities = recognizer_.Find(article, words, workspace);
  article.quotes = quotes_.Find(article, words);
  recognizer_.AddSpeakerMentions(article);
}

}  // namespace storyline::pipeline
