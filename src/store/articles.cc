// articles.cc: article rows and their children (articles.h). The tables are
// documented in docs/schema.md.

#include "store/articles.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "store/events.h"
#include "store/facts.h"
#include "store/json_text.h"
#include "store/links.h"

namespace storyline::store::internal {
namespace {

constexpr size_t kMinPrefixDigits = 4;
constexpr size_t kIdDigits = 16;

Result<std::vector<std::string>> ParseEvidence(const std::string& text, const std::string& id) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption("article " + id + ": published_evidence is not a JSON array of " +
                              "strings: " + e.what());
  }
}

std::optional<DateHow> DateHowFromName(std::string_view name) {
  for (DateHow how : {DateHow::kExplicit, DateHow::kMetadata, DateHow::kInferred, DateHow::kUnknown,
                      DateHow::kCapture}) {
    if (DateHowName(how) == name) return how;
  }
  return std::nullopt;
}

Status InsertChildren(Connection& connection, const Article& article) {
  SL_RETURN_IF_ERROR(InsertManyRows(
      connection, kInsertSentence, kInsertSentences, article.id, article.sentences,
      "cannot store a sentence", [](Query& query, int first, const ByteSpan& sentence) {
        query.BindInt(first, sentence.begin).BindInt(first + 1, sentence.end);
      }));
  if (!article.link_features.empty()) {
    SL_RETURN_IF_ERROR(PutFeatures(connection, article.id, article.link_features));
  }
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertRemoved, article.id, article.removed,
                                "cannot store a removed line",
                                [](Query& query, int first, const RemovedLine& removed) {
                                  query.BindInt(first, removed.line)
                                      .BindInt(first + 1, removed.offset)
                                      .BindText(first + 2, removed.text)
                                      .BindText(first + 3, removed.reason);
                                }));
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertMetadata, article.id, article.metadata,
                                "cannot store page metadata",
                                [](Query& query, int first, const MetadataField& field) {
                                  query.BindText(first, field.field)
                                      .BindText(first + 1, field.value)
                                      .BindText(first + 2, field.how)
                                      .BindText(first + 3, field.evidence);
                                }));
  SL_RETURN_IF_ERROR(InsertRows(connection, kInsertTimex, article.id, article.timexes,
                                "cannot store a time expression",
                                [](Query& query, int first, const Timex& timex) {
                                  query.BindInt(first, timex.sentence)
                                      .BindInt(first + 1, timex.span.begin)
                                      .BindInt(first + 2, timex.span.end)
                                      .BindText(first + 3, timex.text)
                                      .BindText(first + 4, timex.type)
                                      .BindText(first + 5, timex.value)
                                      .BindOptionalText(first + 6, timex.mod)
                                      .BindText(first + 7, timex.anchor);
                                }));
  SL_RETURN_IF_ERROR(InsertFacts(connection, article));
  SL_RETURN_IF_ERROR(InsertEvents(connection, article));
  return InsertRows(connection, kInsertWarning, article.id, article.warnings,
                    "cannot store a warning", [](Query& query, int first, const Warning& warning) {
                      query.BindText(first, warning.code).BindText(first + 1, warning.message);
                    });
}

Status ReadSentences(Connection& connection, Article& article) {
  return ReadRows(connection, kSelectSentences, article.id, "cannot read sentences",
                  article.sentences, [](const Query& query) {
                    return ByteSpan{Uint32Column(query, 0), Uint32Column(query, 1)};
                  });
}

// The rows beside the sentences.
Status ReadOtherChildren(Connection& connection, Article& article) {
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectRemoved, article.id, "cannot read removed lines",
                              article.removed, [](const Query& query) {
                                RemovedLine removed;
                                removed.line = Uint32Column(query, 0);
                                removed.offset = Uint32Column(query, 1);
                                removed.text = query.Text(2);
                                removed.reason = query.Text(3);
                                return removed;
                              }));
  SL_RETURN_IF_ERROR(
      ReadRows(connection, kSelectMetadata, article.id, "cannot read page metadata",
               article.metadata, [](const Query& query) {
                 return MetadataField{query.Text(0), query.Text(1), query.Text(2), query.Text(3)};
               }));
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectTimexes, article.id,
                              "cannot read time expressions", article.timexes,
                              [](const Query& query) {
                                Timex timex;
                                timex.sentence = Uint32Column(query, 0);
                                timex.span = {Uint32Column(query, 1), Uint32Column(query, 2)};
                                timex.text = query.Text(3);
                                timex.type = query.Text(4);
                                timex.value = query.Text(5);
                                timex.mod = query.OptionalText(6);
                                timex.anchor = query.Text(7);
                                return timex;
                              }));
  SL_RETURN_IF_ERROR(ReadFacts(connection, article));
  SL_RETURN_IF_ERROR(ReadEvents(connection, article));
  return ReadRows(connection, kSelectWarnings, article.id, "cannot read warnings", article.warnings,
                  [](const Query& query) {
                    return Warning{query.Text(0), query.Text(1)};
                  });
}

}  // namespace

Result<bool> InsertArticle(Connection& connection, int64_t run, const Article& article) {
  std::string evidence;
  AppendJsonStrings(evidence, article.published.evidence);
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kInsertArticle));
    query.BindText(1, article.id)
        .BindText(2, article.origin)
        .BindText(3, article.format)
        .BindOptionalText(4, article.source_id)
        .BindOptionalText(5, article.title)
        .BindOptionalText(6, article.outlet)
        .BindOptionalText(7, article.url)
        .BindText(8, article.language)
        .BindOptionalText(9, article.published.value)
        .BindText(10, DateHowName(article.published.how))
        .BindText(11, evidence)
        .BindText(12, article.text)
        .BindInt(13, run);
    SL_RETURN_IF_ERROR(query.Run("cannot store an article"));
  }
  // 0 when ON CONFLICT skipped it: the stored copy keeps its own children.
  if (sqlite3_changes64(connection.db()) == 0) return false;
  SL_RETURN_IF_ERROR(InsertChildren(connection, article));
  return true;
}

Result<std::optional<Article>> ReadArticle(Connection& connection, const std::string& id,
                                           ArticleParts parts) {
  Article article;
  std::string how;
  std::string evidence;
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectArticle));
    query.BindText(1, id);
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read an article"));
    if (!row) return std::optional<Article>();
    article.id = query.Text(0);
    article.origin = query.Text(1);
    article.format = query.Text(2);
    article.source_id = query.OptionalText(3);
    article.title = query.OptionalText(4);
    article.outlet = query.OptionalText(5);
    article.url = query.OptionalText(6);
    article.language = query.Text(7);
    article.published.value = query.OptionalText(8);
    how = query.Text(9);
    evidence = query.Text(10);
    article.text = query.Text(11);
  }
  const std::optional<DateHow> date_how = DateHowFromName(how);
  if (!date_how) {
    return Status::Corruption("article " + id + ": unknown published_how '" + how + "'");
  }
  article.published.how = *date_how;
  SL_ASSIGN_OR_RETURN(article.published.evidence, ParseEvidence(evidence, id));
  SL_RETURN_IF_ERROR(ReadSentences(connection, article));
  if (parts == ArticleParts::kAll) SL_RETURN_IF_ERROR(ReadOtherChildren(connection, article));
  if (parts == ArticleParts::kSentencesAndEvents)
    SL_RETURN_IF_ERROR(ReadEvents(connection, article));
  return std::optional<Article>(std::move(article));
}

Result<std::string> ResolvePrefix(Connection& connection, const std::string& prefix) {
  std::string low = prefix;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool hex = !low.empty() && low.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex || low.size() < kMinPrefixDigits || low.size() > kIdDigits) {
    return Status::InvalidArgument("'" + prefix +
                                   "' is not an article id or a prefix of at least 4 hex digits");
  }
  const std::string next = PrefixEnd(low);
  std::vector<std::string> ids;  // at most two: enough to tell unique from ambiguous
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kIdsInRange));
    query.BindText(1, low).BindText(2, next);
    while (true) {
      SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot look up an id prefix"));
      if (!row) break;
      ids.push_back(query.Text(0));
    }
  }
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) {
    if (low.size() == kIdDigits) return Status::NotFound("no article with id '" + prefix + "'");
    return Status::NotFound("no article id starts with '" + prefix + "'");
  }
  SL_ASSIGN_OR_RETURN(Query count, connection.Prepare(kCountIdsInRange));
  count.BindText(1, low).BindText(2, next);
  SL_ASSIGN_OR_RETURN(int64_t matches, QueryInt(count, "cannot count an id prefix"));
  return Status::InvalidArgument("id prefix '" + prefix + "' matches " + std::to_string(matches) +
                                 " articles");
}

}  // namespace storyline::store::internal
