// facts.cc: entities, their mentions and quotes (facts.h). The tables are
// documented in docs/schema.md.

#include "store/facts.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace storyline::store::internal {
namespace {

// Binds `span` to parameters `first` and `first + 1`, or NULL to both.
void BindOptionalSpan(Query& query, int first, const std::optional<ByteSpan>& span) {
  if (span) {
    query.BindInt(first, span->begin).BindInt(first + 1, span->end);
  } else {
    query.BindNull(first).BindNull(first + 1);
  }
}

// The span in columns `first` and `first + 1`, or nullopt when NULL.
std::optional<ByteSpan> OptionalSpanColumns(const Query& query, int first) {
  if (query.IsNull(first)) return std::nullopt;
  return ByteSpan{Uint32Column(query, first), Uint32Column(query, first + 1)};
}

void BindEntity(Query& query, const Entity& entity) {
  // An empty key (an entity known only by a role phrase) is NULL: it names
  // nothing across articles.
  if (entity.key.empty()) {
    query.BindNull(3);
  } else {
    query.BindText(3, entity.key);
  }
  query.BindText(4, entity.name)
      .BindText(5, entity.type)
      .BindOptionalText(6, entity.role)
      .BindOptionalText(7, entity.country);
  if (entity.actor) {
    query.BindText(8, entity.actor->code)
        .BindText(9, entity.actor->how)
        .BindText(10, entity.actor->evidence);
  } else {
    query.BindNull(8).BindNull(9).BindNull(10);
  }
}

Status InsertMentions(Connection& connection, const Article& article) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertEntityMention));
  for (size_t entity = 0; entity < article.entities.size(); ++entity) {
    const std::vector<EntityMention>& mentions = article.entities[entity].mentions;
    for (size_t i = 0; i < mentions.size(); ++i) {
      query.BindText(1, article.id)
          .BindInt(2, static_cast<int64_t>(entity))
          .BindInt(3, static_cast<int64_t>(i))
          .BindInt(4, mentions[i].sentence)
          .BindInt(5, mentions[i].span.begin)
          .BindInt(6, mentions[i].span.end)
          .BindText(7, mentions[i].kind);
      SL_RETURN_IF_ERROR(query.Run("cannot store an entity mention"));
      query.Reset();
    }
  }
  return Status::Ok();
}

void BindQuote(Query& query, const Quote& quote) {
  query.BindInt(3, quote.sentence)
      .BindInt(4, quote.span.begin)
      .BindInt(5, quote.span.end)
      .BindText(6, quote.text)
      .BindText(7, quote.kind);
  BindOptionalSpan(query, 8, quote.cue);
  if (!quote.speaker) {
    query.BindNull(10).BindNull(11).BindNull(12).BindNull(13).BindNull(14);
    return;
  }
  const QuoteSpeaker& speaker = *quote.speaker;
  query.BindText(10, speaker.text)
      .BindInt(11, speaker.span.begin)
      .BindInt(12, speaker.span.end)
      .BindOptionalText(14, speaker.code);
  if (speaker.entity) {
    query.BindInt(13, *speaker.entity);
  } else {
    query.BindNull(13);
  }
}

Entity EntityFromRow(const Query& query) {
  Entity entity;
  entity.key = query.OptionalText(0).value_or("");
  entity.name = query.Text(1);
  entity.type = query.Text(2);
  entity.role = query.OptionalText(3);
  entity.country = query.OptionalText(4);
  if (!query.IsNull(5)) entity.actor = ActorCode{query.Text(5), query.Text(6), query.Text(7)};
  return entity;
}

// Reads the mentions of every entity of `article` into its entities.
Status ReadMentions(Connection& connection, Article& article) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectEntityMentions));
  query.BindText(1, article.id);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read entity mentions"));
    if (!row) return Status::Ok();
    const int64_t entity = query.Int(0);
    if (entity < 0 || static_cast<uint64_t>(entity) >= article.entities.size()) {
      return Status::Corruption("article " + article.id + ": a mention of entity " +
                                std::to_string(entity) + ", which the article does not have");
    }
    article.entities[static_cast<size_t>(entity)].mentions.push_back(
        {Uint32Column(query, 1), {Uint32Column(query, 2), Uint32Column(query, 3)}, query.Text(4)});
  }
}

Quote QuoteFromRow(const Query& query) {
  Quote quote;
  quote.sentence = Uint32Column(query, 0);
  quote.span = {Uint32Column(query, 1), Uint32Column(query, 2)};
  quote.text = query.Text(3);
  quote.kind = query.Text(4);
  quote.cue = OptionalSpanColumns(query, 5);
  if (!query.IsNull(7)) {
    QuoteSpeaker speaker;
    speaker.text = query.Text(7);
    speaker.span = {Uint32Column(query, 8), Uint32Column(query, 9)};
    if (!query.IsNull(10)) speaker.entity = Uint32Column(query, 10);
    speaker.code = query.OptionalText(11);
    quote.speaker = std::move(speaker);
  }
  return quote;
}

EntityMentionRow MentionRowFromRow(const Query& query) {
  EntityMentionRow mention;
  mention.article = query.Text(0);
  mention.published = query.OptionalText(1);
  mention.entity = Uint32Column(query, 2);
  mention.name = query.Text(3);
  mention.role = query.OptionalText(4);
  mention.actor_code = query.OptionalText(5);
  mention.sentence = Uint32Column(query, 6);
  mention.span = {Uint32Column(query, 7), Uint32Column(query, 8)};
  mention.kind = query.Text(9);
  mention.text = query.Text(10);
  return mention;
}

// The smallest string above every string that starts with `prefix`, in byte
// order: the prefix with its last byte below 0xFF incremented, bytes after
// it dropped. Keys are UTF-8, which has no 0xFF byte, so a prefix of only
// 0xFF bytes (or none) is bounded by "\xFF".
std::string PrefixEnd(const std::string& prefix) {
  std::string end = prefix;
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (end.empty()) return "\xFF";
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return end;
}

}  // namespace

Status InsertFacts(Connection& connection, const Article& article) {
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertEntity, article.id, article.entities,
                                "cannot store an entity", BindEntity));
  SL_RETURN_IF_ERROR(InsertMentions(connection, article));
  return InsertRows(connection, kInsertQuote, article.id, article.quotes, "cannot store a quote",
                    BindQuote);
}

Status ReadFacts(Connection& connection, Article& article) {
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectEntities, article.id, "cannot read entities",
                              article.entities, EntityFromRow));
  for (size_t i = 0; i < article.entities.size(); ++i) {
    article.entities[i].id = static_cast<uint32_t>(i);
  }
  SL_RETURN_IF_ERROR(ReadMentions(connection, article));
  return ReadRows(connection, kSelectQuotes, article.id, "cannot read quotes", article.quotes,
                  QuoteFromRow);
}

Result<std::vector<EntityMentionRow>> FindEntityMentions(Connection& connection,
                                                         const std::string& key) {
  std::vector<EntityMentionRow> mentions;
  SL_RETURN_IF_ERROR(ReadRows(connection, kFindEntityMentions, key,
                              "cannot read the mentions of an entity", mentions,
                              MentionRowFromRow));
  return mentions;
}

Result<std::vector<std::pair<std::string, uint64_t>>> EntityKeys(Connection& connection,
                                                                 const std::string& prefix,
                                                                 size_t limit) {
  std::vector<std::pair<std::string, uint64_t>> keys;
  const std::string end = PrefixEnd(prefix);
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kEntityKeys));
  // SQLite's LIMIT is signed; larger limits are all the same.
  const int64_t max_rows = static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX));
  query.BindText(1, prefix).BindText(2, end).BindInt(3, max_rows);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot list entity keys"));
    if (!row) return keys;
    keys.emplace_back(query.Text(0), static_cast<uint64_t>(query.Int(1)));
  }
}

}  // namespace storyline::store::internal
