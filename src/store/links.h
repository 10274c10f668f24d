// links.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The link stage's rows: each article's link features, stories and their
// members, passages and near-duplicate groups.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Stores or replaces the link features of an article.
Status PutFeatures(Connection& connection, const std::string& article_id,
                   std::string_view features);

// As Database::ForEachLinkRecord, CountUnlinkedArticles and GetLinks.
Status ForEachLinkRecord(Connection& connection, const std::function<Status(LinkRecord&&)>& visit);
Result<uint64_t> CountUnlinkedArticles(Connection& connection);
Result<LinkReport> GetLinks(Connection& connection, const std::vector<std::string>& article_ids);

// Stores the results of a link stage as Database::PutLinks documents.
// REQUIRES: inside a transaction, `run` exists.
Status InsertLinks(Connection& connection, int64_t run, const LinkUpdate& update);

}  // namespace storyline::store::internal
