// linker.cc: EventLinker, joining mentions into reported events (coref.h).

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "core/calendar.h"
#include "core/id.h"
#include "coref/coref.h"

namespace storyline::coref {
namespace {

// A date as precise as it is known.
struct Date {
  enum class Precision { kUnknown, kYear, kMonth, kDay };
  Precision precision = Precision::kUnknown;
  int year = 0;
  int month = 0;
  int64_t day = 0;  // DaysFromCivil, for kDay

  static Date Of(const std::optional<std::string>& value) {
    Date date;
    if (!value) return date;
    if (std::optional<CivilDay> day = CivilDay::FromIso(*value)) {
      date.precision = Precision::kDay;
      date.year = day->year;
      date.month = day->month;
      date.day = DaysFromCivil(*day);
      return date;
    }
    const std::string& text = *value;
    auto number = [&text](size_t begin, size_t size, int& out) {
      if (text.size() < begin + size) return false;
      const char* first = text.data() + begin;
      const auto [end, error] = std::from_chars(first, first + size, out);
      return error == std::errc() && end == first + size;
    };
    if (!number(0, 4, date.year)) return date;
    date.precision = Precision::kYear;
    if (text.size() == 7 && text[4] == '-' && number(5, 2, date.month) && date.month >= 1 &&
        date.month <= 12) {
      date.precision = Precision::kMonth;
    } else if (text.size() != 4) {
      date.precision = Precision::kUnknown;  // a week, a season, a decade: not comparable here
    }
    return date;
  }
};

bool IsTextDate(const std::string& how) { return how == "timex" || how == "inferred"; }

// One code more specific than the other, or the same ("CHN", "CHNGOV").
bool CompatibleActors(const std::string& a, const std::string& b) {
  return a.starts_with(b) || b.starts_with(a);
}

// The share of `mention` also in `sketch` (both sorted). A full sketch holds
// the smallest hashes of its event's words (a bottom-k sample), so only the
// mention's words in its range count.
double Containment(const std::vector<uint64_t>& mention, const std::vector<uint64_t>& sketch,
                   bool sketch_full) {
  const auto last = sketch_full && !sketch.empty()
                        ? std::upper_bound(mention.begin(), mention.end(), sketch.back())
                        : mention.end();
  const size_t counted = static_cast<size_t>(last - mention.begin());
  if (counted == 0) return 0;
  size_t shared = 0;
  for (auto m = mention.begin(), s = sketch.begin(); m != last && s != sketch.end();) {
    if (*m < *s) {
      ++m;
    } else if (*s < *m) {
      ++s;
    } else {
      ++shared, ++m, ++s;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(counted);
}

std::string Country(const std::string& code) { return code.substr(0, 3); }

}  // namespace

struct EventLinker::State {
  CorefOptions options;
  std::vector<ReportedEvent> events;
  std::vector<bool> changed;
  // (source country, root, bucket) -> events, in index order.
  absl::flat_hash_map<uint64_t, std::vector<size_t>> buckets;
  // (source country, root) -> events, in index order, for undated mentions.
  absl::flat_hash_map<uint64_t, std::vector<size_t>> by_key;

  static uint64_t Key(const std::string& source, const std::string& root) {
    const std::string key = Country(source) + '\0' + root;
    return XXH3_64bits(key.data(), key.size());
  }
  // Buckets: a day; a month or year known without its day; undated.
  static uint64_t DayBucket(uint64_t key, int64_t day) {
    return key ^ (0x9E3779B97F4A7C15ULL * (uint64_t(day) + 3));
  }
  static uint64_t MonthBucket(uint64_t key, int year, int month) {
    return DayBucket(key, int64_t(1) << 40 | (year * 16 + month));
  }
  static uint64_t YearBucket(uint64_t key, int year) {
    return DayBucket(key, int64_t(1) << 41 | year);
  }
  static uint64_t UndatedBucket(uint64_t key) { return DayBucket(key, int64_t(1) << 42); }

  static uint64_t BucketOf(uint64_t key, const Date& date) {
    switch (date.precision) {
      case Date::Precision::kDay:
        return DayBucket(key, date.day);
      case Date::Precision::kMonth:
        return MonthBucket(key, date.year, date.month);
      case Date::Precision::kYear:
        return YearBucket(key, date.year);
      case Date::Precision::kUnknown:
        break;
    }
    return UndatedBucket(key);
  }

  // Files event `index` under its date's bucket, and a new one under its
  // key too. An event is filed again only when its date changes, so a list
  // holds each event at most once per date it had, however many mentions
  // join it.
  void Index(size_t index, bool new_event) {
    const ReportedEvent& event = events[index];
    const uint64_t key = Key(event.source, event.root);
    buckets[BucketOf(key, Date::Of(event.date))].push_back(index);
    if (new_event) by_key[key].push_back(index);
  }

  // The events `mention` may join, each once, in index order.
  std::vector<size_t> Candidates(const EventMention& mention, const Date& date) const {
    const uint64_t key = Key(mention.source, mention.root);
    std::vector<size_t> found;
    auto read = [&](uint64_t bucket) {
      if (auto it = buckets.find(bucket); it != buckets.end()) {
        found.insert(found.end(), it->second.begin(), it->second.end());
      }
    };
    const int reach = std::max(options.day_tolerance, options.publication_days_after);
    switch (date.precision) {
      case Date::Precision::kDay:
        for (int64_t d = date.day - reach; d <= date.day + reach; ++d) read(DayBucket(key, d));
        read(MonthBucket(key, date.year, date.month));
        read(YearBucket(key, date.year));
        read(UndatedBucket(key));
        break;
      case Date::Precision::kMonth: {
        const int64_t first = DaysFromCivil({date.year, date.month, 1});
        for (int d = 0; d < DaysInMonth(date.year, date.month); ++d)
          read(DayBucket(key, first + d));
        read(MonthBucket(key, date.year, date.month));
        read(YearBucket(key, date.year));
        read(UndatedBucket(key));
        break;
      }
      case Date::Precision::kYear:
        for (int month = 1; month <= 12; ++month) read(MonthBucket(key, date.year, month));
        read(YearBucket(key, date.year));
        read(UndatedBucket(key));
        break;
      case Date::Precision::kUnknown:
        if (auto it = by_key.find(key); it != by_key.end()) {
          const std::vector<size_t>& all = it->second;
          const size_t skip = all.size() > options.max_undated_candidates
                                  ? all.size() - options.max_undated_candidates
                                  : 0;
          found.assign(all.begin() + static_cast<ptrdiff_t>(skip), all.end());
        }
        break;
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }

  // Whether the dates of a mention and an event allow one event.
  bool DatesAgree(const Date& mention, const std::string& mention_how, const Date& event,
                  const std::string& event_how) const {
    using P = Date::Precision;
    if (mention.precision == P::kUnknown || event.precision == P::kUnknown) return true;
    if (mention.precision == P::kDay && event.precision == P::kDay) {
      const int64_t after = mention.day - event.day;  // the mention's day after the event's
      const bool mention_text = IsTextDate(mention_how), event_text = IsTextDate(event_how);
      if (mention_text == event_text) {
        return std::abs(after) <=
               (mention_text ? options.day_tolerance : options.publication_days_after);
      }
      // One is a publication day, which comes on or after the day of the act.
      const int64_t published_after = mention_text ? -after : after;
      return published_after >= -1 && published_after <= options.publication_days_after;
    }
    if (mention.year != event.year) return false;
    if (mention.precision == P::kYear || event.precision == P::kYear) return true;
    return mention.month == event.month;
  }

  bool Symmetric(const std::string& root) const {
    return std::find(options.symmetric_roots.begin(), options.symmetric_roots.end(), root) !=
           options.symmetric_roots.end();
  }

  // How well `mention` fits `event`, nullopt when it cannot be a report of
  // it: the share of its words in the event's sketch, plus a little for the
  // same code and target, much less for each day between them (a report
  // published on the day of a second attack must not join the first, two
  // days before, for its words: the first's many reports share more of
  // them), and less for a place that differs (the coder's places are often
  // the wrong one of a sentence's, so a place conflict asks for more words
  // in common, not a veto).
  std::optional<double> Score(const EventMention& mention, const Date& date,
                              const ReportedEvent& event) const {
    if (event.root != mention.root || !CompatibleActors(event.source, mention.source)) {
      return std::nullopt;
    }
    if (!mention.target.empty() && !event.target.empty() &&
        !CompatibleActors(event.target, mention.target)) {
      return std::nullopt;
    }
    const Date event_date = Date::Of(event.date);
    if (!DatesAgree(date, mention.date_how, event_date, event.date_how)) return std::nullopt;
    const bool undated = date.precision == Date::Precision::kUnknown ||
                         event_date.precision == Date::Precision::kUnknown;
    const bool other_place =
        !mention.place.empty() && !event.place.empty() && mention.place != event.place;
    const double similarity =
        Containment(mention.words, event.words, event.words.size() >= options.max_sketch_words);
    const double needed = undated       ? options.undated_similarity
                          : other_place ? options.other_place_similarity
                                        : options.min_similarity;
    if (similarity < needed) return std::nullopt;
    const int64_t days_apart =
        date.precision == Date::Precision::kDay && event_date.precision == Date::Precision::kDay
            ? std::abs(date.day - event_date.day)
            : 0;
    return similarity + (event.code == mention.code ? 0.05 : 0) +
           (event.target == mention.target ? 0.05 : 0) - 0.3 * static_cast<double>(days_apart) -
           (other_place ? 0.1 : 0);
  }

  // Joins `mention` into `event`: codes and date made more specific, the
  // sketch filled up to its size.
  void Join(ReportedEvent& event, const EventMention& mention, const Date& date) {
    if (mention.source.size() > event.source.size()) event.source = mention.source;
    if (mention.target.size() > event.target.size()) event.target = mention.target;
    const Date current = Date::Of(event.date);
    const bool more_precise = date.precision > current.precision;
    const bool better_day = date.precision == Date::Precision::kDay &&
                            current.precision == Date::Precision::kDay &&
                            IsTextDate(mention.date_how) && !IsTextDate(event.date_how);
    if (more_precise || better_day) {
      event.date = mention.date;
      event.date_how = mention.date_how;
    }
    if (event.place.empty()) event.place = mention.place;
    if (event.words.size() < options.max_sketch_words) {
      std::vector<uint64_t> merged;
      std::set_union(event.words.begin(), event.words.end(), mention.words.begin(),
                     mention.words.end(), std::back_inserter(merged));
      if (merged.size() > options.max_sketch_words) merged.resize(options.max_sketch_words);
      event.words = std::move(merged);
    }
    ++event.mentions;
  }
};

EventLinker::EventLinker(CorefOptions options) : state_(std::make_unique<State>()) {
  state_->options = options;
}
EventLinker::~EventLinker() = default;
EventLinker::EventLinker(EventLinker&&) noexcept = default;
EventLinker& EventLinker::operator=(EventLinker&&) noexcept = default;

size_t EventLinker::Add(ReportedEvent event) {
  State& s = *state_;
  s.events.push_back(std::move(event));
  s.changed.push_back(false);
  s.Index(s.events.size() - 1, true);
  return s.events.size() - 1;
}

size_t EventLinker::Add(const EventMention& mention) {
  State& s = *state_;
  const Date date = Date::Of(mention.date);
  std::optional<size_t> best;
  double best_score = -1;
  bool best_swapped = false;
  auto consider = [&](const EventMention& oriented, bool swapped) {
    for (size_t index : s.Candidates(oriented, date)) {
      const std::optional<double> score = s.Score(oriented, date, s.events[index]);
      if (score && *score > best_score) best_score = *score, best = index, best_swapped = swapped;
    }
  };
  consider(mention, false);
  if (!mention.target.empty() && s.Symmetric(mention.root)) {
    EventMention swapped = mention;
    std::swap(swapped.source, swapped.target);
    consider(swapped, true);
  }
  if (best) {
    EventMention oriented = mention;
    if (best_swapped) std::swap(oriented.source, oriented.target);
    const std::optional<std::string> was_dated = s.events[*best].date;
    s.Join(s.events[*best], oriented, date);
    s.changed[*best] = true;
    if (s.events[*best].date != was_dated) s.Index(*best, false);  // now more precise
    return *best;
  }
  ReportedEvent event;
  const std::string first = mention.article + ':' + std::to_string(mention.event);
  event.id = "e-" + HashHex(XXH3_64bits(first.data(), first.size()));
  event.source = mention.source;
  event.target = mention.target;
  event.code = mention.code;
  event.root = mention.root;
  event.date = mention.date;
  event.date_how = mention.date_how;
  event.place = mention.place;
  event.words = mention.words;
  if (event.words.size() > s.options.max_sketch_words) {
    event.words.resize(s.options.max_sketch_words);
  }
  event.mentions = 1;
  s.events.push_back(std::move(event));
  s.changed.push_back(true);
  s.Index(s.events.size() - 1, true);
  return s.events.size() - 1;
}

const std::vector<ReportedEvent>& EventLinker::events() const { return state_->events; }

std::vector<size_t> EventLinker::Changed() const {
  std::vector<size_t> changed;
  for (size_t i = 0; i < state_->changed.size(); ++i) {
    if (state_->changed[i]) changed.push_back(i);
  }
  return changed;
}

}  // namespace storyline::coref
