// storyline show: prints one stored article with its links (story,
// near-duplicates, shared passages), its entities, quotes and events, and its
// text with the removed lines in place.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

struct ShowArgs {
  std::string id;
  std::string entity;  // an entity key, instead of an article id
  std::string db = "storyline.db";
  bool json = false;
};

std::string OrDash(const std::optional<std::string>& value) { return value.value_or("-"); }

void PrintHeader(const Article& article) {
  std::printf("id         %s\n", article.id.c_str());
  std::printf("origin     %s\n", article.origin.c_str());
  std::printf("title      %s\n", OrDash(article.title).c_str());
  std::printf("outlet     %s\n", OrDash(article.outlet).c_str());
  std::printf("url        %s\n", OrDash(article.url).c_str());
  std::printf("language   %s\n", article.language.c_str());
  std::printf("published  %s (%s)\n", OrDash(article.published.value).c_str(),
              std::string(DateHowName(article.published.how)).c_str());
  // A web page's metadata, each value with where it was read.
  for (const MetadataField& field : article.metadata) {
    std::printf("page       %s: %s (%s: %s)\n", field.field.c_str(), field.value.c_str(),
                field.how.c_str(), field.evidence.c_str());
  }
  std::printf("sentences  %zu; removed lines %zu\n", article.sentences.size(),
              article.removed.size());
  for (const Warning& warning : article.warnings) {
    std::printf("warning    %s: %s\n", warning.code.c_str(), warning.message.c_str());
  }
}

// The article's story, near-duplicates and shared passages, one line each.
void PrintLinks(const Article& article, const store::LinkReport& links) {
  for (const Story& story : links.stories) {
    std::printf("story      %s, %zu articles, %s to %s: %s\n", story.id.c_str(),
                story.articles.size(), OrDash(story.first_date).c_str(),
                OrDash(story.last_date).c_str(), story.label.empty() ? "-" : story.label.c_str());
  }
  for (const NearDuplicateGroup& group : links.near_duplicates) {
    std::string others;
    for (const std::string& id : group.articles) {
      if (id != article.id) others += (others.empty() ? "" : ", ") + id;
    }
    std::printf("near-dups  %s (similarity at least %.2f)\n", others.c_str(), group.similarity);
  }
  for (const Passage& passage : links.passages) {
    const bool here_is_a = passage.a.article == article.id;
    const ArticleSpan& here = here_is_a ? passage.a : passage.b;
    const ArticleSpan& there = here_is_a ? passage.b : passage.a;
    const std::string earlier = passage.earlier == "unknown"            ? "unknown"
                                : (passage.earlier == "a") == here_is_a ? "this one"
                                                                        : "the other";
    std::printf("passage    [%u, %u) = %s [%u, %u), similarity %.2f, earlier: %s\n",
                here.span.begin, here.span.end, there.article.c_str(), there.span.begin,
                there.span.end, passage.similarity, earlier.c_str());
  }
}

// Quotes longer than this many characters are shortened, so that each fits
// on a line or two.
constexpr size_t kQuoteChars = 100;

// `text` on one line (line breaks as spaces), cut after `max_chars`
// characters (UTF-8 code points) at a space when there is one in the last
// fifth, with "..." appended when cut.
std::string OneLine(std::string_view text, size_t max_chars) {
  std::string line;
  size_t chars = 0;
  size_t last_space = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool starts_char = (byte & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) {
      if (last_space != std::string::npos && last_space >= line.size() * 4 / 5) {
        line.resize(last_space);
      }
      return line + "...";
    }
    const bool space = text[i] == '\n' || text[i] == ' ';
    if (space) last_space = line.size();
    line += space ? ' ' : text[i];
  }
  return line;
}

// One line per entity: type, name, role and country, actor code and how it
// was found, number of mentions.
void PrintEntities(const Article& article) {
  for (const Entity& entity : article.entities) {
    std::string details;
    if (entity.role) details = *entity.role;
    if (entity.country) details += (details.empty() ? "" : ", ") + *entity.country;
    std::string line = entity.name;
    if (!details.empty()) line += "  (" + details + ")";
    if (entity.actor) line += "  " + entity.actor->code + " [" + entity.actor->how + "]";
    const size_t mentions = entity.mentions.size();
    std::printf("entity     %-4s %s  %zu %s\n", entity.type.c_str(), line.c_str(), mentions,
                mentions == 1 ? "mention" : "mentions");
  }
}

// Who a quote is from: the speaker's phrase, the entity it was resolved to
// when that is named otherwise ("she (Ilsa Quorren)"), and its actor code.
std::string SpeakerText(const Article& article, const std::optional<QuoteSpeaker>& speaker) {
  if (!speaker) return "(no speaker)";
  std::string text = speaker->text;
  if (speaker->entity && *speaker->entity < article.entities.size()) {
    const std::string& name = article.entities[*speaker->entity].name;
    if (name != speaker->text) text += " (" + name + ")";
  }
  if (speaker->code) text += " [" + *speaker->code + "]";
  return text;
}

// One line per quote: kind, speaker, and the quoted text, shortened; the
// words of direct and partial quotes in quote marks, reported speech bare.
void PrintQuotes(const Article& article) {
  for (const Quote& quote : article.quotes) {
    const std::string text = OneLine(quote.text, kQuoteChars);
    const bool quoted = quote.kind != "indirect";
    std::printf("quote      %-8s %s: %s%s%s\n", quote.kind.c_str(),
                SpeakerText(article, quote.speaker).c_str(), quoted ? "“" : "", text.c_str(),
                quoted ? "”" : "");
  }
}

// `text[span]`, or empty when the span is not inside it.
std::string_view SpanText(std::string_view text, ByteSpan span) {
  if (span.begin > span.end || span.end > text.size()) return {};
  return text.substr(span.begin, span.size());
}

// What sets an event apart from a plain report of an act: "negated", its
// modality when not asserted, the quote it stands in; empty when none.
std::string EventFlags(const Event& event) {
  std::string flags;
  const auto add = [&flags](const std::string& flag) {
    flags += (flags.empty() ? "" : ", ") + flag;
  };
  if (event.negated) add("negated");
  if (event.modality != "asserted") add(event.modality);
  if (event.quote) add("in quote " + std::to_string(*event.quote));
  return flags.empty() ? flags : "  (" + flags + ")";
}

// The other reports of the real-world event an article's event joined: a
// line with its id and counts, and one per other article reporting it.
void PrintOtherMentions(const Article& article, const Event& event,
                        const std::vector<store::ReportedEventReport>& reported) {
  for (const store::ReportedEventReport& report : reported) {
    const auto is_this = [&](const store::ReportedEventMention& m) {
      return m.article == article.id && m.event == event.id;
    };
    if (std::none_of(report.mentions.begin(), report.mentions.end(), is_this)) continue;
    std::printf("  reported  %s: %zu mentions, %u articles, %u sources\n", report.event.id.c_str(),
                report.mentions.size(), report.articles, report.sources);
    for (const store::ReportedEventMention& m : report.mentions) {
      if (m.article == article.id) continue;
      std::printf("    also    %s event %u  s%u  %s  %s\n", m.article.c_str(), m.event, m.sentence,
                  m.outlet.value_or("-").c_str(), m.published.value_or("date unknown").c_str());
    }
    return;
  }
}

// One line per event: id, sentence, source -code-> target (or "-"), what
// sets it apart, its date and how it was found, its place, the verb as
// written and the pattern that coded it; then the other articles that
// report the same real-world event.
void PrintEvents(const Article& article, const std::vector<store::ReportedEventReport>& reported) {
  for (const Event& event : article.events) {
    const std::string target = event.target ? event.target->code : "-";
    const std::string date =
        event.date.value ? *event.date.value + " (" + event.date.how + ")" : "date unknown";
    const std::string place = event.place ? "  in " + event.place->text : "";
    const std::string verb = OneLine(SpanText(article.text, event.verb), kQuoteChars);
    std::printf("event      %u  s%u  %s -%s-> %s%s  %s%s  “%s”  [%s]\n", event.id, event.sentence,
                event.source.code.c_str(), event.code.c_str(), target.c_str(),
                EventFlags(event).c_str(), date.c_str(), place.c_str(), verb.c_str(),
                event.pattern.c_str());
    PrintOtherMentions(article, event, reported);
  }
}

// Kept lines are printed as they are; each removed line is printed where it
// stood, marked with '-' and its reason (dimmed on a terminal).
void PrintBody(const Article& article) {
  const bool terminal = ::isatty(STDOUT_FILENO) == 1;
  const char* dim = terminal ? "\033[2m" : "";
  const char* reset = terminal ? "\033[0m" : "";
  size_t next_removed = 0;
  auto print_removed_before = [&](size_t offset) {
    while (next_removed < article.removed.size() &&
           article.removed[next_removed].offset <= offset) {
      const RemovedLine& line = article.removed[next_removed++];
      std::printf("%s- [%s] %s%s\n", dim, line.reason.c_str(), line.text.c_str(), reset);
    }
  };
  const std::string_view text = article.text;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    print_removed_before(begin);
    std::printf("  %.*s\n", static_cast<int>(end - begin), text.data() + begin);
    begin = end + 1;
  }
  print_removed_before(SIZE_MAX);
}

// Keys listed when --entity names none exactly.
constexpr size_t kKeysSuggested = 20;

// Every stored mention of the entity `key` across the corpus, a line each:
// date, article, kind, the mention as written, then the entity's name, role
// and code in that article. With no mention, the keys starting with `key`.
int PrintEntityMentions(store::Database& db, const std::string& key) {
  Result<std::vector<store::EntityMentionRow>> rows = db.FindEntityMentions(key);
  if (!rows.ok()) {
    std::fprintf(stderr, "storyline: %s\n", rows.status().ToString().c_str());
    return kFailure;
  }
  if (rows->empty()) {
    Result<std::vector<std::pair<std::string, uint64_t>>> keys = db.EntityKeys(key, kKeysSuggested);
    if (!keys.ok()) {
      std::fprintf(stderr, "storyline: %s\n", keys.status().ToString().c_str());
      return kFailure;
    }
    std::fprintf(stderr, "storyline: no entity with key '%s'%s\n", key.c_str(),
                 keys->empty() ? "" : "; keys starting so:");
    for (const auto& [other, articles] : *keys) {
      std::fprintf(stderr, "  %s  (%llu articles)\n", other.c_str(),
                   static_cast<unsigned long long>(articles));
    }
    return kUsage;
  }
  for (const store::EntityMentionRow& row : *rows) {
    std::string entity = row.name;
    if (row.role) entity += ", " + *row.role;
    if (row.actor_code) entity += ", " + *row.actor_code;
    std::printf("%-10s %s  sentence %-3u [%u, %u) %-8s %s  (%s)\n",
                row.published.value_or("-").c_str(), row.article.c_str(), row.sentence,
                row.span.begin, row.span.end, row.kind.c_str(),
                OneLine(row.text, kQuoteChars).c_str(), entity.c_str());
  }
  return kSuccess;
}

int RunShow(const ShowArgs& args) {
  store::OpenOptions open_options;
  open_options.create_if_missing = false;  // a mistyped path is an error, not a new database
  Result<store::Database> db = store::Database::Open(args.db, open_options);
  if (!db.ok()) {
    std::fprintf(stderr, "storyline: %s\n", db.status().ToString().c_str());
    return kFailure;
  }
  if (!args.entity.empty()) return PrintEntityMentions(*db, args.entity);
  Result<Article> article = db->GetArticle(args.id);
  if (!article.ok()) {
    std::fprintf(stderr, "storyline: %s\n", article.status().message().c_str());
    return article.status().code() == StatusCode::kNotFound ||
                   article.status().code() == StatusCode::kInvalidArgument
               ? kUsage
               : kFailure;
  }
  if (args.json) {
    std::printf("%s\n", store::ArticleToJson(*article).c_str());
    return kSuccess;
  }
  Result<store::LinkReport> links = db->GetLinks({article->id});
  if (!links.ok()) {
    std::fprintf(stderr, "storyline: %s\n", links.status().ToString().c_str());
    return kFailure;
  }
  PrintHeader(*article);
  PrintLinks(*article, *links);
  PrintEntities(*article);
  PrintQuotes(*article);
  PrintEvents(*article, links->events);
  std::printf("\n");
  PrintBody(*article);
  return kSuccess;
}

}  // namespace

void AddShowCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<ShowArgs>();
  CLI::Option* id =
      command.add_option("id", args->id, "Article id, or a unique prefix of at least 4 characters");
  CLI::Option* entity =
      command
          .add_option("--entity", args->entity,
                      "Instead of an article: every stored mention of the entity with this key "
                      "(TYPE:name[:COUNTRY], as in the JSON report), across all articles; with "
                      "none, the keys that start with it")
          ->option_text("KEY");
  id->excludes(entity);
  command.add_option("--db", args->db, "SQLite database to read")->capture_default_str();
  command.add_flag("--json", args->json, "Print the article as one JSON object");
  command.callback([args, id, entity, &run] {
    if (id->count() + entity->count() == 0) throw CLI::RequiredError("id or --entity");
    run = [args] { return RunShow(*args); };
  });
}

}  // namespace storyline::cli
