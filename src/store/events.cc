// events.cc: the events of an article (events.h). The table is documented in
// docs/schema.md.

#include "store/events.h"

#include <optional>
#include <string>
#include <utility>

#include "store/articles.h"

namespace storyline::store::internal {
namespace {

// Binds an actor's text, code, span and entity to parameters `first` to
// `first + 4`.
void BindActor(Query& query, int first, const EventActor& actor) {
  query.BindText(first, actor.text)
      .BindText(first + 1, actor.code)
      .BindInt(first + 2, actor.span.begin)
      .BindInt(first + 3, actor.span.end);
  BindOptionalUint32(query, first + 4, actor.entity);
}

void BindPlace(Query& query, int first, const std::optional<EventPlace>& place) {
  if (!place) {
    for (int i = 0; i < 4; ++i) query.BindNull(first + i);
    return;
  }
  query.BindText(first, place->text)
      .BindInt(first + 1, place->span.begin)
      .BindInt(first + 2, place->span.end)
      .BindOptionalText(first + 3, place->country);
}

// Binds the columns of kInsertEvent after the article id and position, in
// the order of kEventsHead (statements.cc).
void BindEvent(Query& query, int first, const Event& event) {
  query.BindInt(first, event.sentence)
      .BindText(first + 1, event.code)
      .BindText(first + 2, event.root)
      .BindInt(first + 3, event.quad_class)
      .BindDouble(first + 4, event.goldstein);
  BindActor(query, first + 5, event.source);
  if (event.target) {
    BindActor(query, first + 10, *event.target);
  } else {
    for (int i = 10; i < 15; ++i) query.BindNull(first + i);
  }
  query.BindInt(first + 15, event.verb.begin)
      .BindInt(first + 16, event.verb.end)
      .BindOptionalText(first + 17, event.date.value)
      .BindText(first + 18, event.date.how);
  BindOptionalSpan(query, first + 19, event.date.span);
  BindPlace(query, first + 21, event.place);
  query.BindText(first + 25, event.pattern)
      .BindDouble(first + 26, event.confidence)
      .BindInt(first + 27, event.negated ? 1 : 0)
      .BindText(first + 28, event.modality);
  BindOptionalUint32(query, first + 29, event.quote);
}

// The actor in columns `first` to `first + 4` of kSelectEvents.
EventActor ActorColumns(const Query& query, int first) {
  EventActor actor;
  actor.text = query.Text(first);
  actor.code = query.Text(first + 1);
  actor.span = {Uint32Column(query, first + 2), Uint32Column(query, first + 3)};
  actor.entity = OptionalUint32Column(query, first + 4);
  return actor;
}

std::optional<EventPlace> PlaceColumns(const Query& query, int first) {
  if (query.IsNull(first)) return std::nullopt;
  return EventPlace{query.Text(first),
                    {Uint32Column(query, first + 1), Uint32Column(query, first + 2)},
                    query.OptionalText(first + 3)};
}

// The event in the current row of kSelectEvents, but its id.
Event EventFromRow(const Query& query) {
  Event event;
  event.sentence = Uint32Column(query, 0);
  event.code = query.Text(1);
  event.root = query.Text(2);
  event.quad_class = static_cast<int>(query.Int(3));
  event.goldstein = query.Double(4);
  event.source = ActorColumns(query, 5);
  if (!query.IsNull(10)) event.target = ActorColumns(query, 10);
  event.verb = {Uint32Column(query, 15), Uint32Column(query, 16)};
  event.date.value = query.OptionalText(17);
  event.date.how = query.Text(18);
  event.date.span = OptionalSpanColumns(query, 19);
  event.place = PlaceColumns(query, 21);
  event.pattern = query.Text(25);
  event.confidence = query.Double(26);
  event.negated = query.Int(27) != 0;
  event.modality = query.Text(28);
  event.quote = OptionalUint32Column(query, 29);
  return event;
}

}  // namespace

Status InsertEvents(Connection& connection, const Article& article) {
  return InsertManyRows(connection, kInsertEvent, kInsertEvents, article.id, article.events,
                        "cannot store an event", BindEvent);
}

Status ReadEvents(Connection& connection, Article& article) {
  SL_RETURN_IF_ERROR(ReadRows(connection, kSelectEvents, article.id, "cannot read events",
                              article.events, EventFromRow));
  for (size_t i = 0; i < article.events.size(); ++i) {
    article.events[i].id = static_cast<uint32_t>(i);
  }
  return Status::Ok();
}

Status ForEachEventArticle(Connection& connection,
                           const std::function<Status(EventArticle&&)>& visit) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(kSelectEventArticles));
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next("cannot list the articles with events"));
    if (!row) return Status::Ok();
    const std::string id = query.Text(0);
    SL_ASSIGN_OR_RETURN(std::optional<Article> article, ReadArticle(connection, id));
    if (!article) return Status::NotFound("no article with id '" + id + "'");  // deleted meanwhile
    SL_RETURN_IF_ERROR(visit({std::move(*article), query.Text(1)}));
  }
}

}  // namespace storyline::store::internal
