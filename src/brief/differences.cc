// FindDifferences (brief.h): where the story's outlets tell it differently.
//   quote_wording  one remark of one speaker, worded differently;
//   numbers        sentences on one thing that give different numbers;
//   only_some      direct quotes that only some outlets carry.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "brief/brief.h"
#include "brief/numbers.h"
#include "brief/story.h"
#include "brief/union_find.h"
#include "brief/words.h"

namespace storyline::brief {
namespace {

// Two quotes are one remark when most of the shorter one's content words are
// in the longer one (translations and paraphrases keep the nouns) and the two
// share enough of all their words that a short quote inside a long one on
// another point does not pass.
constexpr double kRemarkContainment = 0.5;
constexpr double kRemarkJaccard = 0.3;
// Two sentences report the same thing when they share this much of their
// content words (numbers aside).
constexpr double kSameThingJaccard = 0.4;
// An outlet carries a quote when one of its quotes or sentences holds this
// share of the quote's content words.
constexpr double kCarriedShare = 0.6;
// Shorter direct quotes (in content words) are too common a phrase to say
// that an outlet left them out.
constexpr size_t kMinOnlySomeWords = 6;

// A difference and where its first variant stands, to order a group.
struct Found {
  size_t article = 0;
  uint32_t position = 0;
  Difference difference;
};

Found FoundAt(size_t article, uint32_t position, std::string kind) {
  Found found;
  found.article = article;
  found.position = position;
  found.difference.kind = std::move(kind);
  return found;
}

void AppendInOrder(std::vector<Found> found, std::vector<Difference>& differences) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return std::tie(a.article, a.position) < std::tie(b.article, b.position);
  });
  for (Found& f : found) differences.push_back(std::move(f.difference));
}

// ---------------------------------------------------------------------------
// Quotes

// Who a quote is attributed to, as far as the article tells.
struct Speaker {
  std::string key;      // Entity::key of the resolved entity; empty when none
  std::string code;     // its actor code; empty when none
  std::string name;     // the entity's name, else the speaker phrase
  bool proper = false;  // `name` is a name (a person's, or capitalised words)
};

bool IsCapitalisedWords(std::string_view phrase) {
  bool word_start = true;
  for (char c : phrase) {
    if (word_start && !(c >= 'A' && c <= 'Z')) return false;
    word_start = c == ' ';
  }
  return !phrase.empty();
}

Speaker SpeakerOf(const Article& article, const Quote& quote) {
  const QuoteSpeaker& speaker = *quote.speaker;
  Speaker who;
  who.code = speaker.code.value_or("");
  who.name = speaker.text;
  if (speaker.entity && *speaker.entity < article.entities.size()) {
    const Entity& entity = article.entities[*speaker.entity];
    who.key = entity.key;
    if (!entity.name.empty()) who.name = entity.name;
    who.proper = entity.type == "PER";
  } else {
    who.proper = IsCapitalisedWords(speaker.text);
  }
  return who;
}

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  for (size_t start = 0; start < name.size();) {
    const size_t space = std::min(name.find(' ', start), name.size());
    if (space > start) words.push_back(name.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// The same surname: the same last word ("Ilsa Quorren", "Mayor Quorren"),
// or a one-word name the other holds ("Wang", "Wang Yi": Chinese names put
// the surname first).
bool SameSurname(const Speaker& a, const Speaker& b) {
  if (!a.proper || !b.proper) return false;
  const std::vector<std::string_view> wa = NameWords(a.name);
  const std::vector<std::string_view> wb = NameWords(b.name);
  if (wa.empty() || wb.empty()) return false;
  if (wa.back() == wb.back()) return true;
  const auto holds = [](const std::vector<std::string_view>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  return (wa.size() == 1 && holds(wb, wa[0])) || (wb.size() == 1 && holds(wa, wb[0]));
}

bool Compatible(const Speaker& a, const Speaker& b) {
  return (!a.key.empty() && a.key == b.key) || (!a.code.empty() && a.code == b.code) ||
         SameSurname(a, b);
}

// A quote of the story with what it is compared by.
struct StoryQuote {
  size_t article = 0;  // index into StoryInput::articles
  const Quote* quote = nullptr;
  Speaker speaker;
  std::vector<uint64_t> words;    // content word set (words.h)
  std::vector<uint64_t> wording;  // every normalised word, in order
};

std::vector<uint64_t> Wording(std::string_view text, ByteSpan span) {
  std::vector<uint64_t> wording;
  if (span.end > text.size() || span.begin >= span.end) return wording;
  for (const link::Word& word : link::NormalizedWords(text.substr(span.begin, span.size()))) {
    wording.push_back(word.hash);
  }
  return wording;
}

// Reported speech around quoted words ("agreed to “raise the standard”")
// is the reporter's wording: the quote inside it stands for the speaker's.
bool FramesAQuote(const Article& article, const Quote& quote) {
  return quote.kind == "indirect" &&
         std::any_of(article.quotes.begin(), article.quotes.end(), [&](const Quote& other) {
           return other.kind != "indirect" && other.span.Overlaps(quote.span);
         });
}

std::vector<StoryQuote> QuotesOf(const StoryInput& input, const link::Stopwords& stopwords) {
  std::vector<StoryQuote> quotes;
  for (size_t i = 0; i < input.articles.size(); ++i) {
    const Article& article = *input.articles[i];
    for (const Quote& quote : article.quotes) {
      if (FramesAQuote(article, quote)) continue;
      StoryQuote q{i,
                   &quote,
                   {},
                   WordSet(article.text, quote.span, stopwords),
                   Wording(article.text, quote.span)};
      if (q.words.empty()) continue;
      if (quote.speaker) q.speaker = SpeakerOf(article, quote);
      quotes.push_back(std::move(q));
    }
  }
  return quotes;
}

Variant VariantOf(const Article& article, const Quote& quote, std::optional<std::string> speaker) {
  return {quote.text, {article.id, article.outlet, quote.sentence, quote.span}, std::move(speaker)};
}

Variant VariantOf(const StoryInput& input, const StoryQuote& q) {
  return VariantOf(*input.articles[q.article], *q.quote,
                   q.quote->speaker ? std::optional(q.speaker.name) : std::nullopt);
}

std::string RemarkOf(const StoryQuote& q) {
  return q.quote->speaker ? q.speaker.name + "'s remark" : "an unattributed remark";
}

bool SameRemark(const StoryQuote& a, const StoryQuote& b) {
  return Containment(a.words, b.words) >= kRemarkContainment &&
         Jaccard(a.words, b.words) >= kRemarkJaccard;
}

// Whether `part` is a run of `whole`: a quote cut shorter, not reworded.
bool IsRunOf(const std::vector<uint64_t>& part, const std::vector<uint64_t>& whole) {
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

// The members of one remark whose wording no other member's holds: the
// distinct wordings, each as the first article gives it.
std::vector<size_t> DistinctWordings(const std::vector<StoryQuote>& quotes,
                                     const std::vector<size_t>& members) {
  std::vector<size_t> distinct;
  for (size_t m : members) {
    const bool held = std::any_of(members.begin(), members.end(), [&](size_t other) {
      const bool longer = quotes[other].wording.size() > quotes[m].wording.size();
      const bool same_before = quotes[other].wording == quotes[m].wording && other < m;
      return (longer || same_before) && IsRunOf(quotes[m].wording, quotes[other].wording);
    });
    if (!held) distinct.push_back(m);
  }
  return distinct;
}

// The outlets that give each distinct wording, whole or cut shorter.
std::vector<std::set<std::string>> OutletsByWording(const std::vector<StoryQuote>& quotes,
                                                    const std::vector<size_t>& members,
                                                    const std::vector<size_t>& wordings,
                                                    const std::vector<std::string>& outlets) {
  std::vector<std::set<std::string>> by_wording(wordings.size());
  for (size_t m : members) {
    for (size_t w = 0; w < wordings.size(); ++w) {
      if (IsRunOf(quotes[m].wording, quotes[wordings[w]].wording)) {
        by_wording[w].insert(outlets[quotes[m].article]);
        break;
      }
    }
  }
  return by_wording;
}

// An outlet does not reword its own quote: two wordings in one outlet are
// two remarks that share words ("uphold its commitments" said in June and
// again in September), joined by a third quote like both.
bool OneOutletGivesTwo(const std::vector<std::set<std::string>>& outlets_by_wording) {
  std::set<std::string> seen;
  for (const std::set<std::string>& outlets : outlets_by_wording) {
    for (const std::string& outlet : outlets) {
      if (!seen.insert(outlet).second) return true;
    }
  }
  return false;
}

std::vector<Difference> QuoteWordings(const StoryInput& input,
                                      const std::vector<StoryQuote>& quotes,
                                      const std::vector<std::string>& outlets) {
  UnionFind remarks(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    for (size_t j = i + 1; j < quotes.size(); ++j) {
      if (outlets[quotes[i].article] != outlets[quotes[j].article] && quotes[i].quote->speaker &&
          quotes[j].quote->speaker && Compatible(quotes[i].speaker, quotes[j].speaker) &&
          SameRemark(quotes[i], quotes[j])) {
        remarks.Join(i, j);
      }
    }
  }
  std::vector<Found> found;
  for (const std::vector<size_t>& members : remarks.Groups(2)) {
    const std::vector<size_t> wordings = DistinctWordings(quotes, members);
    if (wordings.size() < 2 ||
        OneOutletGivesTwo(OutletsByWording(quotes, members, wordings, outlets))) {
      continue;
    }
    const StoryQuote& first = quotes[wordings.front()];
    Found f = FoundAt(first.article, first.quote->span.begin, "quote_wording");
    f.difference.what = RemarkOf(first);
    for (size_t m : wordings) f.difference.variants.push_back(VariantOf(input, quotes[m]));
    found.push_back(std::move(f));
  }
  std::vector<Difference> differences;
  AppendInOrder(std::move(found), differences);
  return differences;
}

// ---------------------------------------------------------------------------
// Quotes only some outlets carry

// The share of `quote`'s words that `other` holds.
double ShareHeld(const std::vector<uint64_t>& quote, const std::vector<uint64_t>& other) {
  return quote.empty() ? 0.0 : static_cast<double>(CommonWords(quote, other)) / quote.size();
}

// The content word sets of each article's sentences.
using SentenceWords = std::vector<std::vector<std::vector<uint64_t>>>;

SentenceWords SentenceWordsOf(const StoryInput& input, const link::Stopwords& stopwords) {
  SentenceWords words(input.articles.size());
  for (size_t i = 0; i < input.articles.size(); ++i) {
    const Article& article = *input.articles[i];
    for (const ByteSpan sentence : article.sentences) {
      words[i].push_back(WordSet(article.text, sentence, stopwords));
    }
  }
  return words;
}

// Where article `a` carries `q`: its first quote holding enough of q's
// words, else its first sentence; nullopt when it does not carry it.
std::optional<Variant> CarriedIn(const StoryInput& input, const std::vector<StoryQuote>& quotes,
                                 const SentenceWords& sentences, size_t a, const StoryQuote& q) {
  for (const StoryQuote& other : quotes) {
    if (other.article == a && ShareHeld(q.words, other.words) >= kCarriedShare) {
      return VariantOf(input, other);
    }
  }
  const Article& article = *input.articles[a];
  for (uint32_t s = 0; s < sentences[a].size(); ++s) {
    if (ShareHeld(q.words, sentences[a][s]) >= kCarriedShare) {
      return Variant{std::string(SentenceText(article, s)),
                     {article.id, article.outlet, s, article.sentences[s]},
                     std::nullopt};
    }
  }
  return std::nullopt;
}

// One difference for `q` when some outlet carries it nowhere.
std::optional<Difference> OnlySome(const StoryInput& input, const std::vector<StoryQuote>& quotes,
                                   const SentenceWords& sentences,
                                   const std::vector<std::string>& outlets,
                                   const std::vector<std::string>& story_outlets,
                                   const StoryQuote& q) {
  Difference difference;
  difference.kind = "only_some";
  difference.what = RemarkOf(q);
  difference.variants.push_back(VariantOf(input, q));
  for (const std::string& outlet : story_outlets) {
    std::optional<Variant> carried;
    for (size_t a = 0; a < input.articles.size() && !carried; ++a) {
      if (outlets[a] == outlet) carried = CarriedIn(input, quotes, sentences, a, q);
    }
    if (!carried) {
      difference.missing_from.push_back(outlet);
      continue;
    }
    difference.carried_by.push_back(outlet);
    if (outlet != outlets[q.article]) difference.variants.push_back(std::move(*carried));
  }
  if (difference.missing_from.empty()) return std::nullopt;
  return difference;
}

std::vector<Difference> QuotesOnlySomeCarry(const StoryInput& input,
                                            const std::vector<StoryQuote>& quotes,
                                            const SentenceWords& sentences,
                                            const std::vector<std::string>& outlets) {
  std::vector<std::string> story_outlets;
  for (const std::string& outlet : outlets) {
    if (std::find(story_outlets.begin(), story_outlets.end(), outlet) == story_outlets.end()) {
      story_outlets.push_back(outlet);
    }
  }
  std::vector<Difference> differences;
  if (story_outlets.size() < 2) return differences;
  std::vector<const StoryQuote*> seen;  // direct quotes already weighed
  for (const StoryQuote& q : quotes) {
    if (q.quote->kind != "direct" || q.words.size() < kMinOnlySomeWords) continue;
    // The same quote again (another outlet's copy of it) says nothing new.
    const bool repeat = std::any_of(seen.begin(), seen.end(), [&](const StoryQuote* earlier) {
      return ShareHeld(q.words, earlier->words) >= kCarriedShare;
    });
    seen.push_back(&q);
    if (repeat) continue;
    if (std::optional<Difference> difference =
            OnlySome(input, quotes, sentences, outlets, story_outlets, q)) {
      differences.push_back(std::move(*difference));
    }
  }
  return differences;
}

// ---------------------------------------------------------------------------
// Numbers

// A sentence that gives counted numbers.
struct NumberedSentence {
  size_t article = 0;
  uint32_t sentence = 0;
  std::vector<uint64_t> words;  // content word set without the numbers
  std::vector<CountedNumber> numbers;
};

// Content words less those in digits: two reports of one thing that
// disagree on a count share all their other words.
std::vector<uint64_t> WordsBesideNumbers(std::string_view text, ByteSpan span,
                                         const link::Stopwords& stopwords) {
  std::vector<uint64_t> words;
  const std::string_view sentence = text.substr(span.begin, span.size());
  for (const link::Word& word : link::NormalizedWords(sentence)) {
    const char first = sentence[word.span.begin];
    if ((first < '0' || first > '9') && !stopwords.Contains(word.hash)) words.push_back(word.hash);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<NumberedSentence> NumberedSentences(const StoryInput& input,
                                                const link::Stopwords& stopwords) {
  const NumberWords& number_words = NumberWords::Embedded();
  std::vector<NumberedSentence> numbered;
  for (size_t i = 0; i < input.articles.size(); ++i) {
    const Article& article = *input.articles[i];
    for (uint32_t s = 0; s < article.sentences.size(); ++s) {
      const ByteSpan span = article.sentences[s];
      std::vector<CountedNumber> numbers = number_words.Find(article.text, span);
      if (numbers.empty()) continue;
      numbered.push_back(
          {i, s, WordsBesideNumbers(article.text, span, stopwords), std::move(numbers)});
    }
  }
  return numbered;
}

// (article, sentence, article, sentence) of sentences a shared passage
// aligns: the middle of one falls, at the same relative place in the
// passage, in the other.
using AlignedSentences = std::set<std::tuple<size_t, uint32_t, size_t, uint32_t>>;

std::optional<uint32_t> SentenceAt(const Article& article, uint32_t offset) {
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    if (article.sentences[s].begin <= offset && offset < article.sentences[s].end) return s;
  }
  return std::nullopt;
}

void AlignSide(const StoryInput& input, size_t a, ByteSpan in_a, size_t b, ByteSpan in_b,
               AlignedSentences& aligned) {
  const Article& article = *input.articles[a];
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    const ByteSpan sentence = article.sentences[s];
    const uint32_t middle = sentence.begin + sentence.size() / 2;
    if (middle < in_a.begin || middle >= in_a.end) continue;
    const uint64_t into = uint64_t{middle - in_a.begin} * in_b.size() / in_a.size();
    const std::optional<uint32_t> t =
        SentenceAt(*input.articles[b], in_b.begin + static_cast<uint32_t>(into));
    if (t) {
      aligned.emplace(a, s, b, *t);
      aligned.emplace(b, *t, a, s);
    }
  }
}

AlignedSentences AlignByPassages(const StoryInput& input) {
  AlignedSentences aligned;
  for (const auto& [a, b, passage] : StoryPassages(input)) {
    AlignSide(input, a, passage->a.span, b, passage->b.span, aligned);
  }
  return aligned;
}

bool SameValue(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); }

bool HasValue(const std::vector<CountedNumber>& numbers, const std::string& key, double value) {
  return std::any_of(numbers.begin(), numbers.end(), [&](const CountedNumber& n) {
    return n.key == key && SameValue(n.value, value);
  });
}

// Each side gives a value for `key` that the other does not: "12 people"
// against "15 people"; one sentence giving more numbers than the other
// ("12 killed" against "12 killed and 30 injured") is no disagreement.
bool Disagree(const NumberedSentence& x, const NumberedSentence& y, const std::string& key) {
  const auto gives_other = [&](const NumberedSentence& a, const NumberedSentence& b) {
    return std::any_of(a.numbers.begin(), a.numbers.end(), [&](const CountedNumber& n) {
      return n.key == key && !HasValue(b.numbers, key, n.value);
    });
  };
  return gives_other(x, y) && gives_other(y, x);
}

std::set<std::string> KeysOf(const NumberedSentence& sentence) {
  std::set<std::string> keys;
  for (const CountedNumber& n : sentence.numbers) keys.insert(n.key);
  return keys;
}

// The numbers of one sentence for one key, as written: "12", "$2 billion".
std::vector<std::string> AmountsOf(const StoryInput& input, const NumberedSentence& sentence,
                                   const std::string& key,
                                   const std::vector<const NumberedSentence*>& others) {
  std::vector<std::string> amounts;
  const std::string& text = input.articles[sentence.article]->text;
  for (const CountedNumber& n : sentence.numbers) {
    const bool shared = std::all_of(others.begin(), others.end(), [&](const NumberedSentence* o) {
      return HasValue(o->numbers, key, n.value);
    });
    if (n.key == key && !shared) amounts.push_back(text.substr(n.span.begin, n.span.size()));
  }
  return amounts;
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts)
    joined += (joined.empty() ? "" : std::string(separator)) + part;
  return joined;
}

// One difference over the sentences that disagree on `key`, a variant per
// set of values: "people: 12 vs 15".
Found NumbersDifference(const StoryInput& input, const std::vector<NumberedSentence>& numbered,
                        const std::vector<size_t>& members, const std::string& key) {
  std::vector<const NumberedSentence*> variants;
  for (size_t m : members) {
    const bool repeat = std::any_of(variants.begin(), variants.end(),
                                    [&](const auto* v) { return !Disagree(*v, numbered[m], key); });
    if (!repeat) variants.push_back(&numbered[m]);
  }
  const NumberedSentence& first = *variants.front();
  Found f = FoundAt(first.article, input.articles[first.article]->sentences[first.sentence].begin,
                    "numbers");
  std::vector<std::string> amounts;
  for (const NumberedSentence* v : variants) {
    const Article& article = *input.articles[v->article];
    f.difference.variants.push_back(
        {std::string(SentenceText(article, v->sentence)),
         {article.id, article.outlet, v->sentence, article.sentences[v->sentence]},
         std::nullopt});
    amounts.push_back(Joined(AmountsOf(input, *v, key, variants), ", "));
  }
  const auto labelled = std::find_if(first.numbers.begin(), first.numbers.end(),
                                     [&](const CountedNumber& n) { return n.key == key; });
  f.difference.what =
      (labelled->label.empty() ? "" : labelled->label + ": ") + Joined(amounts, " vs ");
  return f;
}

std::vector<Difference> NumbersThatDisagree(const StoryInput& input,
                                            const std::vector<std::string>& outlets,
                                            const link::Stopwords& stopwords) {
  const std::vector<NumberedSentence> numbered = NumberedSentences(input, stopwords);
  const AlignedSentences aligned = AlignByPassages(input);
  // Nodes are (key, sentence) pairs that disagree with another sentence.
  std::vector<std::pair<std::string, size_t>> nodes;
  std::map<std::pair<std::string, size_t>, size_t> node_ids;
  std::vector<std::pair<size_t, size_t>> edges;
  const auto node = [&](const std::string& key, size_t sentence) {
    const auto [it, added] = node_ids.emplace(std::pair(key, sentence), nodes.size());
    if (added) nodes.emplace_back(key, sentence);
    return it->second;
  };
  for (size_t x = 0; x < numbered.size(); ++x) {
    for (size_t y = x + 1; y < numbered.size(); ++y) {
      const NumberedSentence& a = numbered[x];
      const NumberedSentence& b = numbered[y];
      if (outlets[a.article] == outlets[b.article]) continue;
      const bool same_thing = Jaccard(a.words, b.words) >= kSameThingJaccard ||
                              aligned.contains({a.article, a.sentence, b.article, b.sentence});
      if (!same_thing) continue;
      for (const std::string& key : KeysOf(a)) {
        if (Disagree(a, b, key)) edges.emplace_back(node(key, x), node(key, y));
      }
    }
  }
  UnionFind groups(nodes.size());
  for (const auto& [p, q] : edges) groups.Join(p, q);
  std::vector<Found> found;
  for (const std::vector<size_t>& members : groups.Groups(2)) {
    std::vector<size_t> sentences;
    for (size_t m : members) sentences.push_back(nodes[m].second);
    std::sort(sentences.begin(), sentences.end());
    found.push_back(NumbersDifference(input, numbered, sentences, nodes[members[0]].first));
  }
  std::vector<Difference> differences;
  AppendInOrder(std::move(found), differences);
  return differences;
}

}  // namespace

std::vector<Difference> FindDifferences(const StoryInput& input, const Options& options) {
  const link::Stopwords& stopwords = StopwordsOf(options);
  std::vector<std::string> outlets;  // of each article
  for (const Article* article : input.articles) outlets.push_back(OutletName(*article));
  const std::vector<StoryQuote> quotes = QuotesOf(input, stopwords);
  std::vector<Difference> differences = QuoteWordings(input, quotes, outlets);
  for (Difference& d : NumbersThatDisagree(input, outlets, stopwords)) {
    differences.push_back(std::move(d));
  }
  for (Difference& d :
       QuotesOnlySomeCarry(input, quotes, SentenceWordsOf(input, stopwords), outlets)) {
    differences.push_back(std::move(d));
  }
  return differences;
}

}  // namespace storyline::brief
