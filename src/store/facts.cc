// facts.cc: entities, their mentions and quotes (facts.h). The tables are
// documented in docs/schema.md.

#include "store/facts.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "store/json_text.h"

namespace storyline::store::internal {
namespace {

// The values EntityMention::kind may take (CHECKed in SQL for the other
// tables' lists; a JSON array cannot be checked there).
constexpr std::string_view kMentionKinds[] = {"name", "nominal", "pronoun"};

bool IsMentionKind(std::string_view kind) {
  return std::find(std::begin(kMentionKinds), std::end(kMentionKinds), kind) !=
         std::end(kMentionKinds);
}

// `mentions` as the `mentions` column (docs/schema.md): a JSON array of
// [sentence, begin, end, "kind"], in order. Kinds are words of a fixed list,
// so they need no escaping; InvalidArgument for another kind.
Result<std::string> MentionsJson(const std::vector<EntityMention>& mentions) {
  std::string json = "[";
  for (const EntityMention& mention : mentions) {
    if (!IsMentionKind(mention.kind)) {
      return Status::InvalidArgument("mention kind '" + mention.kind +
                                     "' is not name, nominal or pronoun");
    }
    if (json.size() > 1) json += ',';
    json += '[';
    AppendDecimal(json, mention.sentence);
    json += ',';
    AppendDecimal(json, mention.span.begin);
    json += ',';
    AppendDecimal(json, mention.span.end);
    json += ",\"";
    json += mention.kind;
    json += "\"]";
  }
  json += ']';
  return json;
}

// The mentions in a `mentions` column; nullopt when it is not an array of
// [sentence, begin, end, "kind"] with offsets that fit 32 bits.
std::optional<std::vector<EntityMention>> ParseMentions(const std::string& text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return std::nullopt;
  const auto is_offset = [](const nlohmann::json& value) {
    return value.is_number_unsigned() && value.get<uint64_t>() <= UINT32_MAX;
  };
  std::vector<EntityMention> mentions;
  mentions.reserve(json.size());
  for (const nlohmann::json& item : json) {
    if (!item.is_array() || item.size() != 4 || !is_offset(item[0]) || !is_offset(item[1]) ||
        !is_offset(item[2]) || !item[3].is_string()) {
      return std::nullopt;
    }
    mentions.push_back({item[0].get<uint32_t>(),
                        {item[1].get<uint32_t>(), item[2].get<uint32_t>()},
                        item[3].get<std::string>()});
  }
  return mentions;
}

// An entity with its mentions encoded, ready to bind: the text stays alive
// until its statement has run.
struct EntityRow {
  const Entity* entity;
  std::string mentions;
};

void BindEntity(Query& query, int first, const EntityRow& row) {
  const Entity& entity = *row.entity;
  // An empty key (an entity known only by a role phrase) is NULL: it names
  // nothing across articles.
  if (entity.key.empty()) {
    query.BindNull(first);
  } else {
    query.BindText(first, entity.key);
  }
  query.BindText(first + 1, entity.name)
      .BindText(first + 2, entity.type)
      .BindOptionalText(first + 3, entity.role)
      .BindOptionalText(first + 4, entity.country);
  if (entity.actor) {
    query.BindText(first + 5, entity.actor->code)
        .BindText(first + 6, entity.actor->how)
        .BindText(first + 7, entity.actor->evidence);
  } else {
    query.BindNull(first + 5).BindNull(first + 6).BindNull(first + 7);
  }
  query.BindText(first + 8, row.mentions);
}

Status InsertEntities(Connection& connection, const Article& article) {
  std::vector<EntityRow> rows(article.entities.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].entity = &article.entities[i];
    Result<std::string> mentions = MentionsJson(article.entities[i].mentions);
    if (!mentions.ok()) {
      return Status::InvalidArgument(connection.path() +
                                     ": cannot store an entity: " + mentions.status().message());
    }
    rows[i].mentions = std::move(mentions).value();
  }
  return InsertManyRows(connection, kInsertEntity, kInsertEntities, article.id, rows,
                        "cannot store an entity", BindEntity);
}

void BindQuote(Query& query, int first, const Quote& quote) {
  query.BindInt(first, quote.sentence)
      .BindInt(first + 1, quote.span.begin)
      .BindInt(first + 2, quote.span.end)
      .BindText(first + 3, quote.text)
      .BindText(first + 4, quote.kind);
  BindOptionalSpan(query, first + 5, quote.cue);
  if (!quote.speaker) {
    for (int i = 7; i < 12; ++i) query.BindNull(first + i);
    return;
  }
  const QuoteSpeaker& speaker = *quote.speaker;
  query.BindText(first + 7, speaker.text)
      .BindInt(first + 8, speaker.span.begin)
      .BindInt(first + 9, speaker.span.end)
      .BindOptionalText(first + 11, speaker.code);
  BindOptionalUint32(query, first + 10, speaker.entity);
}

// The entity in the current row of kSelectEntities, but its mentions.
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

// Reads the entities of `article`, with their mentions, in order.
Status ReadEntities(Connection& connection, Article& article) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectEntities));
  query.BindText(1, article.id);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read entities"));
    if (!row) return Status::Ok();
    Entity entity = EntityFromRow(query);
    entity.id = static_cast<uint32_t>(article.entities.size());
    std::optional<std::vector<EntityMention>> mentions = ParseMentions(query.Text(8));
    if (!mentions) {
      return Status::Corruption("article " + article.id + ": the mentions of entity " +
                                std::to_string(entity.id) +
                                " are not a JSON array of [sentence, begin, end, kind]");
    }
    entity.mentions = std::move(*mentions);
    article.entities.push_back(std::move(entity));
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
    speaker.entity = OptionalUint32Column(query, 10);
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

}  // namespace

Status InsertFacts(Connection& connection, const Article& article) {
  SL_RETURN_IF_ERROR(InsertEntities(connection, article));
  return InsertManyRows(connection, kInsertQuote, kInsertQuotes, article.id, article.quotes,
                        "cannot store a quote", BindQuote);
}

Status ReadFacts(Connection& connection, Article& article) {
  SL_RETURN_IF_ERROR(ReadEntities(connection, article));
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
