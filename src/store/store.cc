// store.cc: the Database methods, each a transaction around the work of
// articles.cc, links.cc and schema.cc. The schema is documented in
// docs/schema.md.

#include "store/store.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/articles.h"
#include "store/events.h"
#include "store/facts.h"
#include "store/links.h"
#include "store/reported.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/views.h"

namespace storyline::store {

using internal::Connection;
using internal::Query;
using internal::Transaction;

namespace {

Status RequireRun(Connection& connection, int64_t run) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(internal::kRunExists));
  query.BindInt(1, run);
  SL_ASSIGN_OR_RETURN(bool exists, query.Next("cannot read the runs table"));
  if (!exists) return Status::InvalidArgument("no run " + std::to_string(run) + " in the database");
  return Status::Ok();
}

}  // namespace

struct Database::Handle {
  std::unique_ptr<Connection> connection;
};

Database::Database(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::Open(const std::string& path, const OpenOptions& options) {
  SL_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, Connection::Open(path, options));
  SL_RETURN_IF_ERROR(internal::ConfigureConnection(*connection, options));
  SL_RETURN_IF_ERROR(internal::EnsureSchema(*connection, options));
  return Database(std::make_unique<Handle>(Handle{std::move(connection)}));
}

Result<int64_t> Database::BeginRun(const RunInfo& info) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(internal::kInsertRun));
    query.BindText(1, info.version)
        .BindText(2, info.command)
        .BindText(3, info.options_json)
        .BindText(4, info.data_digest);
    SL_RETURN_IF_ERROR(query.Run("cannot record the run"));
  }
  const int64_t run = sqlite3_last_insert_rowid(connection.db());
  if (!info.version.empty()) {
    SL_RETURN_IF_ERROR(internal::SetMeta(connection, "storyline_version", info.version));
  }
  SL_RETURN_IF_ERROR(transaction.Commit());
  return run;
}

Status Database::FinishRun(int64_t run, const RunCounts& counts) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(internal::kFinishRun));
    query.BindInt(1, run)
        .BindInt(2, static_cast<int64_t>(counts.read))
        .BindInt(3, static_cast<int64_t>(counts.ingested))
        .BindInt(4, static_cast<int64_t>(counts.rejected))
        .BindInt(5, static_cast<int64_t>(counts.added))
        .BindDouble(6, counts.seconds);
    SL_RETURN_IF_ERROR(query.Run("cannot record the end of the run"));
    if (sqlite3_changes64(connection.db()) == 0) {
      return Status::NotFound("no run " + std::to_string(run) + " in the database");
    }
  }
  SL_ASSIGN_OR_RETURN(Query skipped, connection.Prepare(internal::kInsertSkippedRecords));
  for (const auto& [reason, count] : counts.skipped) {
    if (count == 0) continue;
    skipped.BindInt(1, run).BindText(2, reason).BindInt(3, static_cast<int64_t>(count));
    SL_RETURN_IF_ERROR(skipped.Run("cannot record the skipped records"));
    skipped.Reset();
  }
  return transaction.Commit();
}

Result<size_t> Database::PutArticles(int64_t run, const std::vector<Article>& articles) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  // In id order, each statement walks its B-tree forward instead of jumping
  // about. The sort is stable: of two articles with one id, the first wins.
  std::vector<const Article*> by_id;
  by_id.reserve(articles.size());
  for (const Article& article : articles) by_id.push_back(&article);
  std::stable_sort(by_id.begin(), by_id.end(),
                   [](const Article* a, const Article* b) { return a->id < b->id; });
  size_t added = 0;
  for (const Article* each : by_id) {
    const Article& article = *each;
    if (article.id.empty()) {
      return Status::InvalidArgument("article from '" + article.origin + "' has no id");
    }
    Result<bool> inserted = internal::InsertArticle(connection, run, article);
    if (!inserted.ok()) {
      const Status& status = inserted.status();
      return Status(status.code(), status.message() + " (article " + article.id + " from '" +
                                       article.origin + "')");
    }
    if (!*inserted) continue;
    ++added;
    SL_RETURN_IF_ERROR(internal::InsertSearchText(connection, article));
  }
  SL_RETURN_IF_ERROR(transaction.Commit());
  return added;
}

Status Database::PutRejections(int64_t run, const std::vector<Rejection>& rejections) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(internal::kInsertRejection));
    for (const Rejection& rejection : rejections) {
      query.BindInt(1, run).BindText(2, rejection.origin).BindText(3, rejection.reason);
      SL_RETURN_IF_ERROR(query.Run("cannot store a rejection"));
      query.Reset();
    }
  }
  return transaction.Commit();
}

Result<Article> Database::GetArticle(const std::string& id_or_prefix) {
  Connection& connection = *handle_->connection;
  SL_ASSIGN_OR_RETURN(std::optional<Article> exact,
                      internal::ReadArticle(connection, id_or_prefix));
  if (exact) return std::move(*exact);
  SL_ASSIGN_OR_RETURN(std::string id, internal::ResolvePrefix(connection, id_or_prefix));
  SL_ASSIGN_OR_RETURN(std::optional<Article> article, internal::ReadArticle(connection, id));
  if (!article) return Status::NotFound("no article with id '" + id + "'");  // deleted meanwhile
  return std::move(*article);
}

Result<Article> Database::GetArticleText(const std::string& id) {
  SL_ASSIGN_OR_RETURN(
      std::optional<Article> article,
      internal::ReadArticle(*handle_->connection, id, internal::ArticleParts::kSentences));
  if (!article) return Status::NotFound("no article with id '" + id + "'");
  return std::move(*article);
}

Result<Article> Database::GetArticleEvents(const std::string& id) {
  SL_ASSIGN_OR_RETURN(
      std::optional<Article> article,
      internal::ReadArticle(*handle_->connection, id, internal::ArticleParts::kSentencesAndEvents));
  if (!article) return Status::NotFound("no article with id '" + id + "'");
  return std::move(*article);
}

Status Database::ForEachLinkRecord(const std::function<Status(LinkRecord&&)>& visit) {
  return internal::ForEachLinkRecord(*handle_->connection, visit);
}

Result<uint64_t> Database::CountUnlinkedArticles() {
  return internal::CountUnlinkedArticles(*handle_->connection);
}

Status Database::PutLinks(int64_t run, const LinkUpdate& update) {
  Connection& connection = *handle_->connection;
  Transaction transaction(connection);
  SL_RETURN_IF_ERROR(transaction.Begin());
  SL_RETURN_IF_ERROR(RequireRun(connection, run));
  SL_RETURN_IF_ERROR(internal::InsertLinks(connection, run, update));
  SL_RETURN_IF_ERROR(internal::InsertReportedEvents(connection, run, update));
  return transaction.Commit();
}

Result<LinkReport> Database::GetLinks(const std::vector<std::string>& article_ids) {
  return internal::GetLinks(*handle_->connection, article_ids);
}

Result<std::vector<EntityMentionRow>> Database::FindEntityMentions(const std::string& key) {
  return internal::FindEntityMentions(*handle_->connection, key);
}

Result<std::vector<std::pair<std::string, uint64_t>>> Database::EntityKeys(
    const std::string& prefix, size_t limit) {
  return internal::EntityKeys(*handle_->connection, prefix, limit);
}

Status Database::ForEachEventArticle(const std::function<Status(EventArticle&&)>& visit) {
  return internal::ForEachEventArticle(*handle_->connection, visit);
}

Status Database::ForEachReportedEvent(const std::function<Status(ReportedEvent&&)>& visit) {
  return internal::ForEachReportedEvent(*handle_->connection, visit);
}

Status Database::ForEachEventMention(const std::function<Status(EventMentionRecord&&)>& visit) {
  return internal::ForEachEventMention(*handle_->connection, visit);
}

Result<std::string> Database::ChangeMark() {
  SL_ASSIGN_OR_RETURN(internal::Query query, handle_->connection->Prepare(internal::kChangeMark));
  SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot read the runs"));
  return row ? query.Text(0) : std::string();
}

Result<StoryPage> Database::ListStories(const StoryFilter& filter) {
  return internal::ListStories(*handle_->connection, filter);
}

Result<Story> Database::GetStory(const std::string& id) {
  return internal::GetStory(*handle_->connection, id);
}

Result<std::optional<std::string>> Database::StoryOfArticle(const std::string& article_id) {
  return internal::StoryOfArticle(*handle_->connection, article_id);
}

Result<EventPage> Database::ListReportedEvents(const EventFilter& filter) {
  return internal::ListReportedEvents(*handle_->connection, filter);
}

Result<SearchPage> Database::Search(const std::string& fts_query, uint64_t offset, uint64_t limit) {
  return internal::Search(*handle_->connection, fts_query, offset, limit);
}

Result<ReportedEventReport> Database::GetReportedEvent(const std::string& id) {
  return internal::GetReportedEvent(*handle_->connection, id);
}

Result<std::vector<std::string>> Database::ReportedEventsOf(const std::string& article_id) {
  return internal::ReportedEventsOf(*handle_->connection, article_id);
}

namespace {

// The value of an id of exactly 16 lower-case hex digits.
std::optional<uint64_t> HexId(std::string_view id) {
  if (id.size() != 16) return std::nullopt;
  uint64_t value = 0;
  for (const char c : id) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value << 4 | static_cast<uint64_t>(digit);
  }
  return value;
}

}  // namespace

StoredIds::StoredIds(const std::vector<std::string>& ids) {
  hex_.reserve(ids.size());
  for (const std::string& id : ids) {
    if (const std::optional<uint64_t> value = HexId(id)) {
      hex_.push_back(*value);
    } else {
      other_.push_back(id);
    }
  }
  std::sort(hex_.begin(), hex_.end());
  std::sort(other_.begin(), other_.end());
}

bool StoredIds::Contains(std::string_view id) const {
  if (const std::optional<uint64_t> value = HexId(id)) {
    return std::binary_search(hex_.begin(), hex_.end(), *value);
  }
  return std::binary_search(other_.begin(), other_.end(), id);
}

Result<StoredIds> Database::StoredArticleIds() {
  SL_ASSIGN_OR_RETURN(internal::Query query,
                      handle_->connection->Prepare(internal::kSelectArticleIds));
  std::vector<std::string> ids;
  while (true) {
    SL_ASSIGN_OR_RETURN(const bool row, query.Next("cannot list article ids"));
    if (!row) return StoredIds(ids);
    ids.push_back(query.Text(0));
  }
}

uint64_t Database::ArticleCount() {
  Result<Query> query = handle_->connection->Prepare(internal::kCountArticles);
  if (!query.ok()) return 0;
  Result<int64_t> count = internal::QueryInt(*query, "cannot count articles");
  return count.ok() ? static_cast<uint64_t>(*count) : 0;
}

}  // namespace storyline::store
