// reported.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The events across articles (tables reported_events and event_mentions of
// docs/schema.md): storing what a link stage joined, reading it back for the
// next link stage, the JSON report and the exports.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Stores LinkUpdate::reported_events and event_mentions. REQUIRES: inside a
// transaction, `run` exists.
Status InsertReportedEvents(Connection& connection, int64_t run, const LinkUpdate& update);

// As the Database methods of the same names.
Status ForEachReportedEvent(Connection& connection,
                            const std::function<Status(ReportedEvent&&)>& visit);
Status ForEachEventMention(Connection& connection,
                           const std::function<Status(EventMentionRecord&&)>& visit);
Result<ReportedEventReport> GetReportedEvent(Connection& connection, const std::string& id);
Result<std::vector<std::string>> ReportedEventsOf(Connection& connection,
                                                  const std::string& article_id);

// The events of `story` (most mentioned first), its main actors (the codes
// their events name most, at most five) and the days they are dated to.
Status ReadStoryEvents(Connection& connection, Story& story);

}  // namespace storyline::store::internal
