// Recognizer: the entity stage's steps in order (entities/entities.h).
#include <algorithm>

#include "entities/entities.h"
#include "entities/mentions.h"
#include "tagger/tagger.h"

namespace storyline::entities {

struct Workspace::State {
  tagger::Workspace tagger;
  Document document;
  std::vector<tagger::Words> sentences;
  std::vector<std::vector<tagger::EntitySpan>> spans;

  // The article's words and their normalised forms, in buffers kept from
  // one article to the next.
  const Document& Normalize(const Article& article,
                            const std::vector<std::vector<text::Token>>& tokens) {
    document.text = article.text;
    document.sentences.resize(tokens.size());
    for (size_t s = 0; s < tokens.size(); ++s) {
      SentenceWords& words = document.sentences[s];
      words.tokens = tokens[s];
      words.normalized.resize(words.tokens.size());
      for (size_t i = 0; i < words.tokens.size(); ++i) {
        const ByteSpan span = words.tokens[i].span;
        actors::NormalizeWordInto(document.text.substr(span.begin, span.size()),
                                  words.normalized[i]);
      }
    }
    return document;
  }

  // The tagger's names in the document.
  std::vector<TaggedSpan> TagNames(const Document& document, const tagger::Model& model) {
    sentences.resize(document.sentences.size());
    for (size_t s = 0; s < document.sentences.size(); ++s) {
      sentences[s].clear();
      for (const text::Token& token : document.sentences[s].tokens) {
        sentences[s].push_back(document.text.substr(token.span.begin, token.span.size()));
      }
    }
    model.Tag(sentences, tagger, &spans);
    std::vector<TaggedSpan> names;
    for (uint32_t s = 0; s < spans.size(); ++s) {
      for (const tagger::EntitySpan& span : spans[s]) {
        names.push_back({s, span.begin, span.end, span.type});
      }
    }
    return names;
  }
};

Workspace::Workspace() : state_(std::make_unique<State>()) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

struct Recognizer::State {
  tagger::Model model;
  WordLists words;
  std::shared_ptr<const actors::Dictionary> dictionary;
};

Result<Recognizer> Recognizer::Create(const Options& options, const DataFiles& data,
                                      std::shared_ptr<const actors::Dictionary> dictionary) {
  SL_ASSIGN_OR_RETURN(const std::string model_bytes, data.Read(options.model));
  SL_ASSIGN_OR_RETURN(tagger::Model model, tagger::Model::Load(model_bytes));
  SL_ASSIGN_OR_RETURN(const std::string word_lists, data.Read(options.words));
  SL_ASSIGN_OR_RETURN(WordLists words, WordLists::Parse(options.words, word_lists));
  return Recognizer(std::make_unique<const State>(
      State{std::move(model), std::move(words), std::move(dictionary)}));
}

Recognizer::Recognizer(std::unique_ptr<const State> state) : state_(std::move(state)) {}
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;
Recognizer::~Recognizer() = default;

std::vector<Entity> Recognizer::Find(const Article& article,
                                     const std::vector<std::vector<text::Token>>& words) const {
  Workspace workspace;
  return Find(article, words, workspace);
}

std::vector<Entity> Recognizer::Find(const Article& article,
                                     const std::vector<std::vector<text::Token>>& words,
                                     Workspace& workspace) const {
  const Document& document = workspace.state_->Normalize(article, words);
  const actors::Dictionary& dictionary = *state_->dictionary;
  std::vector<Mention> names =
      NameMentions(document, workspace.state_->TagNames(document, state_->model), dictionary);
  AttachRoles(document, state_->words, dictionary, names);
  std::vector<Mention> nominals = NominalMentions(document, state_->words, dictionary, names);
  const std::optional<CivilDay> day =
      article.published.value ? CivilDay::FromIso(*article.published.value) : std::nullopt;
  return JoinMentions(document, state_->words, names, nominals, dictionary, day);
}

void Recognizer::AddSpeakerMentions(Article& article) const {
  for (const Quote& quote : article.quotes) {
    if (!quote.speaker || !quote.speaker->entity ||
        *quote.speaker->entity >= article.entities.size()) {
      continue;
    }
    Entity& entity = article.entities[*quote.speaker->entity];
    const ByteSpan span = quote.speaker->span;
    const bool known =
        std::any_of(entity.mentions.begin(), entity.mentions.end(),
                    [&](const EntityMention& mention) { return mention.span.Overlaps(span); });
    if (known) continue;
    const auto sentence =
        std::upper_bound(article.sentences.begin(), article.sentences.end(), span.begin,
                         [](uint32_t offset, const ByteSpan& s) { return offset < s.begin; });
    const uint32_t index =
        static_cast<uint32_t>(std::max<ptrdiff_t>(0, sentence - article.sentences.begin() - 1));
    const bool pronoun = state_->words.IsPronoun(actors::NormalizeWord(quote.speaker->text));
    EntityMention mention{index, span, pronoun ? "pronoun" : "nominal"};
    entity.mentions.insert(std::upper_bound(entity.mentions.begin(), entity.mentions.end(), mention,
                                            [](const EntityMention& a, const EntityMention& b) {
                                              return a.span.begin < b.span.begin;
                                            }),
                           mention);
  }
}

}  // namespace storyline::entities
