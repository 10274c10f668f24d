// Step 1: the tagger's spans as name mentions; the document helpers.
#include "entities/mentions.h"

namespace storyline::entities {

ByteSpan SpanOf(const Document& document, const TokenRange& range) {
  const std::span<const text::Token> tokens = document.sentences[range.sentence].tokens;
  return {tokens[range.begin].span.begin, tokens[range.end - 1].span.end};
}

std::string_view TextOf(const Document& document, const TokenRange& range) {
  const ByteSpan span = SpanOf(document, range);
  return document.text.substr(span.begin, span.size());
}

std::span<const std::string> NormalizedOf(const Document& document, const TokenRange& range) {
  return std::span<const std::string>(document.sentences[range.sentence].normalized)
      .subspan(range.begin, range.size());
}

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kNominal:
      return "nominal";
    case MentionKind::kPronoun:
      return "pronoun";
  }
  return "name";
}

std::vector<Mention> NameMentions(const Document& document, const std::vector<TaggedSpan>& spans,
                                  const actors::Dictionary& dictionary) {
  std::vector<Mention> mentions;
  mentions.reserve(spans.size());
  for (const TaggedSpan& span : spans) {
    Mention& mention = mentions.emplace_back();
    mention.range = {span.sentence, span.begin, span.end};
    mention.type = span.type;
    const std::span<const std::string> words = NormalizedOf(document, mention.range);
    const actors::Match<actors::NameEntry> match = dictionary.MatchName(words);
    if (match && match.words == words.size()) mention.entry = match.entry;
  }
  return mentions;
}

}  // namespace storyline::entities
