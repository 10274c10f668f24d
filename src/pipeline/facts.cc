#include "pipeline/facts.h"

#include <memory>
#include <utility>

namespace storyline::pipeline {

Result<FactsStage> FactsStage::Create(const FactsOptions& options, const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(actors::Dictionary loaded, actors::Dictionary::Create(options.actors, data));
  auto dictionary = std::make_shared<const actors::Dictionary>(std::move(loaded));
  SL_ASSIGN_OR_RETURN(entities::Recognizer recognizer,
                      entities::Recognizer::Create(options.entities, data, dictionary));
  SL_ASSIGN_OR_RETURN(quotes::Finder quotes, quotes::Finder::Create(options.quotes, data));
  std::optional<events::Coder> coder;
  if (options.code_events) {
    events::Options events = options.events;
    events.user_actors = !options.actors.actor_files.empty();
    SL_ASSIGN_OR_RETURN(coder, events::Coder::Create(events, data, dictionary));
  }
  return FactsStage(std::move(recognizer), std::move(quotes), std::move(coder));
}

void FactsStage::Run(Article& article, const std::vector<std::vector<text::Token>>& words,
                     entities::Workspace& workspace) const {
  article.entities = recognizer_.Find(article, words, workspace);
  article.quotes = quotes_.Find(article, words);
  recognizer_.AddSpeakerMentions(article);
  if (coder_) article.events = coder_->Code(article, words);
}

}  // namespace storyline::pipeline
