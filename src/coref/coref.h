// coref.h: one event, many reports. Joins the event mentions of different
// articles (Article::events, coded per sentence by the events stage) that
// report the same real-world event into one ReportedEvent, GDELT's event
// with its mentions.
//
// Two mentions report one event when
//   - their actors are compatible: the same CAMEO codes, or one more specific
//     than the other ("CHN" and "CHNGOV"), source with source and target with
//     target; a mention without a target fits any target;
//   - their codes share the CAMEO root ("a meeting" 040 and "talks" 046,
//     "a visit" 042, are one event between the same actors on the same day);
//   - their dates agree within a tolerance that depends on how they are
//     known: a day named by a time expression within a day of the event's
//     day; a publication date within two days after it (reports come out the
//     next day); a month or year contains the day; and an unknown date
//     agrees with nothing: such a mention joins an event only when its
//     sentence says much of what the event's sentences say
//     (CorefOptions::undated_similarity);
//   - when both name a place and the places differ, their sentences share
//     many words (CorefOptions::other_place_similarity): the coder may have
//     taken the wrong place of a sentence;
//   - mutual acts (CorefOptions::symmetric_roots: meetings, agreements,
//     aid) match either way round;
//   - among the compatible events, the one whose sentences share most words
//     with the mention's wins, the same code, the same target and the nearer
//     day breaking near-ties.
// Only what a sentence asserts takes part (Coreferable): negated acts,
// questions and conditionals are not events that happened. Future and
// possible acts are (CAMEO codes them as intents and threats).
//
// Candidates come from an index keyed by (source country, root, date bucket),
// never from all events (a mutual act is also looked up under its target's
// country): a mention dated to a day reads the buckets of the
// days its tolerance allows (and those of events known only to the month or
// year), one dated to a month the days of that month, and an undated one at
// most CorefOptions::max_undated_candidates recent events of its source
// country and root.
//
// Incremental and deterministic, like the story clusterer (link/link.h):
// events stored by earlier runs are loaded (Add(ReportedEvent)) and keep
// their mentions; new mentions, fed in a canonical order (their articles'
// publication dates, then origin and id, then the event's index), join them
// or start new events. A ReportedEvent carries what later mentions are
// compared with (codes, date, place, a bounded sketch of its sentences'
// words), so stored mentions are never read again.
//
// Thread safety: MentionOf() and Coreferable() are pure; an EventLinker is
// used from one thread at a time.
//
//   coref::EventLinker linker;
//   for (ReportedEvent& stored : ...)      // from the database linker.Add(std::move(stored));
//   for (const Article& a : new_articles)            // canonical order
//     for (const Event& e : a.events)
//       if (coref::Coreferable(e)) linker.Add(coref::MentionOf(a, e));
//   for (size_t i : linker.Changed()) store(linker.events()[i]);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace storyline::coref {

// One event of one article, as coreference compares it.
struct EventMention {
  std::string article;  // Article::id
  uint32_t event = 0;   // Event::id in that article
  std::string source;   // CAMEO actor codes; target empty when none
  std::string target;
  std::string code;  // CAMEO event code, e.g. "040"
  std::string root;  // its root, e.g. "04"
  // Event::date.value ("2021-09-27", "2021-09", "2021"), nullopt when unknown.
  std::optional<std::string> date;
  std::string date_how;  // Event::date.how: "timex", "publication", "inferred", "unknown"
  // The place: its country code when known, else its name lowercased; empty
  // when the sentence names none.
  std::string place;
  // The sentence's content words (link::NormalizedWords hashes, stopwords,
  // numbers and words under three bytes out), sorted, unique.
  std::vector<uint64_t> words;
};

// True when `event` takes part in coreference: asserted, future or possible,
// and not negated.
bool Coreferable(const Event& event);

// The mention of `event`, one of `article`'s events. Pure.
EventMention MentionOf(const Article& article, const Event& event);

// The act an event reports, for the story clusterer (link::StoryArticle::
// acts): the XXH3 of its two actors' parties (ActorParty: the country, or
// the organisation, in sorted order) and its CAMEO root. nullopt when it is
// not coreferable, has no target, an actor is a role alone ("MIL") or both
// are of one party (an act within a country says little about which story
// it belongs to).
std::optional<uint64_t> ActOf(const Event& event);

// The acts of `article`'s events in its first `lead_sentences` sentences
// (its lead), and of all its events; sorted, unique. Pure.
inline constexpr uint32_t kLeadSentences = 3;
std::vector<uint64_t> LeadActs(const Article& article, uint32_t lead_sentences = kLeadSentences);
std::vector<uint64_t> Acts(const Article& article);

// The XXH3 of a ReportedEvent::id, as link::StoryArticle::events holds it.
uint64_t EventKey(std::string_view reported_event_id);

struct CorefOptions {
  // Days a timex- or inference-dated mention may lie from the event's day.
  int day_tolerance = 1;
  // Days a mention dated only by its article's publication may come after
  // the event's day (reports of an event are published the same day or up
  // to two days later), or before it (by one day, for time zones).
  int publication_days_after = 2;
  // The least share of a mention's words also in the event's sketch
  // (|mention ∩ event| / |mention|) for it to join a dated event; below it
  // the mention starts an event of its own. None by default: actors, root
  // and day already agree, and two outlets word one act differently ("held
  // talks with Tanzania on lorry queues", "met Tanzania's foreign minister
  // for three hours"). On examples/event-coref, B-cubed F1 0.869 at 0.1
  // against 0.887 at 0 (before mutual acts and soft places).
  double min_similarity = 0.0;
  // The same when both name a place and the places differ: the coder may
  // have taken the wrong place of its sentence ("two weeks after their talks
  // in Arusha"), so only more words in common join them.
  double other_place_similarity = 0.2;
  // Roots whose acts are mutual (consult, cooperate diplomatically or
  // materially): a mention of one also matches an event with its source and
  // target the other way round ("Germany signed an agreement with Poland",
  // "Poland and Germany signed ...").
  std::vector<std::string> symmetric_roots = {"04", "05", "06"};
  // The same for a mention or event without a date: without a date to agree
  // on, only a sentence that says much of the same (syndicated copy, close
  // rewording) joins.
  double undated_similarity = 0.5;
  // Words kept per event for comparing (ReportedEvent::words).
  size_t max_sketch_words = 64;
  // An undated mention compares itself with at most this many events of its
  // key (the latest created): bounds the work on a key every article uses.
  size_t max_undated_candidates = 64;
};

// Joins mentions into events, incrementally (see the top of this file).
class EventLinker {
 public:
  explicit EventLinker(CorefOptions options = {});
  ~EventLinker();
  EventLinker(EventLinker&&) noexcept;
  EventLinker& operator=(EventLinker&&) noexcept;

  // Loads an event stored by an earlier run; returns its index.
  size_t Add(ReportedEvent event);
  // Adds a mention; returns the index of the event it joined or started.
  size_t Add(const EventMention& mention);

  // Every event loaded or started, by index.
  const std::vector<ReportedEvent>& events() const;
  // The indexes of the events that Add(EventMention) started or changed, in
  // increasing order: what a caller stores again.
  std::vector<size_t> Changed() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace storyline::coref
