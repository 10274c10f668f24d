// storyline eval html DIR: extracts the main text and metadata of a set of
// labelled web pages (../shared/data/html-extraction-dev) with our HTML
// extractor and with peer extractors, and scores all of them with the same
// code (pipeline/html_eval.h says what is counted; eval/html-peers the peers).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/data_files.h"
#include "core/status.h"
#include "html-peers/html_peer.h"
#include "html/html.h"
#include "pipeline/html_eval.h"

namespace storyline::cli {
namespace {

struct EvalHtmlArgs {
  std::string dir;
  std::string data_dir;
  std::string peers = "readability,readability-lxml";
  std::string peers_dir = "eval/html-peers";
  bool errors = false;
  double min_f1 = 0;
  size_t limit = 0;
  int jobs = 1;
};

struct Row {
  std::string system;
  std::string note;  // a peer not run: why, and how to install it
  pipeline::HtmlScores scores;
  double cpu_seconds = 0;
  bool dates = true, authors = true;
};

std::string Field(const pipeline::FieldTally& tally, bool offered) {
  if (!offered) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", tally.accuracy());
  return text;
}

void PrintTable(const std::vector<Row>& rows, size_t pages) {
  std::printf("%-38s %5s %5s %5s %5s %5s %6s %6s %6s %6s %6s %6s %6s %9s\n", "system", "pages",
              "TP", "FP", "FN", "TN", "prec", "recall", "F1", "acc", "title", "date", "author",
              "pages/s");
  for (const Row& row : rows) {
    if (!row.note.empty()) {
      std::printf("%-38s not run: %s\n", row.system.c_str(), row.note.c_str());
      continue;
    }
    const pipeline::HtmlScores& s = row.scores;
    const double rate = row.cpu_seconds > 0 ? static_cast<double>(s.pages) / row.cpu_seconds : 0;
    std::printf("%-38s %5zu %5zu %5zu %5zu %5zu %6.3f %6.3f %6.3f %6.3f %6s %6s %6s %9.1f\n",
                row.system.c_str(), s.pages, s.counts.tp, s.counts.fp, s.counts.fn, s.counts.tn,
                s.counts.precision(), s.counts.recall(), s.counts.f1(), s.counts.accuracy(),
                Field(s.title, true).c_str(), Field(s.date, row.dates).c_str(),
                Field(s.author, row.authors).c_str(), rate);
  }
  if (!rows.empty() && rows.front().note.empty()) {
    const pipeline::HtmlScores& s = rows.front().scores;
    std::printf(
        "pages labelled: title %zu, date %zu, author %zu of %zu; pages/s is per CPU-second of "
        "parsing and extracting (one core)\n",
        s.title.labelled, s.date.labelled, s.author.labelled, pages);
  }
}

// The page's wrong metadata fields, as "field: label | ours" lines.
std::vector<std::string> WrongFields(const pipeline::HtmlLabel& label,
                                     const pipeline::HtmlExtraction& ours) {
  std::vector<std::string> wrong;
  if (!label.title.empty() && !pipeline::TitleMatches(label.title, ours.title))
    wrong.push_back("title:  " + label.title + " | " + ours.title);
  if (!label.date.empty() && !pipeline::DateMatches(label.date, ours.date))
    wrong.push_back("date:   " + label.date + " | " + ours.date);
  if (!label.author.empty() && !pipeline::AuthorMatches(label.author, ours.authors)) {
    std::string authors;
    for (const std::string& author : ours.authors)
      authors += (authors.empty() ? "" : "; ") + author;
    wrong.push_back("author: " + label.author + " | " + authors);
  }
  return wrong;
}

void PrintErrors(const pipeline::HtmlLabel& label, const pipeline::HtmlExtraction& ours,
                 const pipeline::PageScore& score) {
  const std::vector<std::string> wrong = WrongFields(label, ours);
  if (score.missed.empty() && score.unwanted.empty() && wrong.empty()) return;
  std::printf("== %s (%s)\n", label.url.c_str(), label.path.c_str());
  for (const std::string& line : wrong) std::printf("  %s\n", line.c_str());
  for (const std::string& snippet : score.missed) std::printf("  missed  %s\n", snippet.c_str());
  for (const std::string& snippet : score.unwanted) std::printf("  unwanted %s\n", snippet.c_str());
}

std::vector<std::string> SplitPeers(const std::string& list) {
  std::vector<std::string> peers;
  if (list == "none") return peers;
  std::istringstream in(list);
  for (std::string peer; std::getline(in, peer, ',');) {
    if (!peer.empty()) peers.push_back(peer);
  }
  return peers;
}

int Run(const EvalHtmlArgs& args) {
  const std::vector<std::string> peers = SplitPeers(args.peers);
  for (const std::string& peer : peers) {
    if (std::find(eval::HtmlPeers().begin(), eval::HtmlPeers().end(), peer) ==
        eval::HtmlPeers().end()) {
      std::fprintf(stderr, "storyline: no HTML peer %s (readability, readability-lxml, none)\n",
                   peer.c_str());
      return kUsage;
    }
  }
  Result<std::vector<pipeline::HtmlLabel>> labels = pipeline::ReadHtmlSet(args.dir);
  if (!labels.ok()) return Fail(labels.status());
  if (args.limit > 0 && labels->size() > args.limit) labels->resize(args.limit);
  const Result<html::Extractor> extractor = html::Extractor::Create({}, DataFiles(args.data_dir));
  if (!extractor.ok()) return Fail(extractor.status());

  std::vector<Row> rows(1);
  rows[0].system = std::string("storyline ") + STORYLINE_VERSION;
  const pipeline::HtmlRun ours = pipeline::ExtractHtmlPages(*labels, *extractor, args.jobs);
  for (const std::string& unread : ours.unread) {
    std::fprintf(stderr, "storyline: cannot read %s\n", unread.c_str());
  }
  rows[0].cpu_seconds = ours.cpu_seconds;
  if (args.errors)
    std::printf(
        "our errors (title, date, author: the label | ours, when they differ; missed: a "
        "\"with\" snippet not extracted; unwanted: a \"without\" snippet extracted)\n");
  for (size_t i = 0; i < labels->size(); ++i) {
    const pipeline::PageScore score = rows[0].scores.Add((*labels)[i], ours.pages[i]);
    if (args.errors) PrintErrors((*labels)[i], ours.pages[i], score);
  }
  if (args.errors) std::printf("\n");

  for (const std::string& peer : peers) {
    Row row;
    Result<std::string> name = eval::HtmlPeerName(peer, args.peers_dir);
    row.system = name.ok() ? *name : peer;
    if (!name.ok()) {
      row.note = name.status().message();
      rows.push_back(std::move(row));
      continue;
    }
    Result<eval::HtmlPeerRun> run = eval::RunHtmlPeer(peer, args.peers_dir, *labels);
    if (!run.ok()) {
      row.note = run.status().message();
      rows.push_back(std::move(row));
      continue;
    }
    if (run->failed > 0) {
      std::fprintf(stderr, "storyline: %s failed on %zu pages (counted as nothing extracted)\n",
                   row.system.c_str(), run->failed);
    }
    row.cpu_seconds = run->cpu_seconds;
    row.dates = run->dates;
    row.authors = run->authors;
    for (size_t i = 0; i < labels->size(); ++i) row.scores.Add((*labels)[i], run->pages[i]);
    rows.push_back(std::move(row));
  }

  std::printf("HTML extraction on %s: %zu pages\n", args.dir.c_str(), labels->size());
  PrintTable(rows, labels->size());
  const double f1 = rows[0].scores.counts.f1();
  if (f1 < args.min_f1) {
    std::fprintf(stderr, "storyline: F1 %.4f is below --min-f1 %.4f\n", f1, args.min_f1);
    return kFailure;
  }
  return kSuccess;
}

}  // namespace

void AddEvalHtmlCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<EvalHtmlArgs>();
  command.add_option("DIR", args->dir, "Set folder holding evaldata.json and pages/")->required();
  command.add_flag("--errors", args->errors,
                   "Also list, page by page, the metadata we got wrong, the snippets we missed and "
                   "the ones we should not have extracted");
  command
      .add_option("--min-f1", args->min_f1, "Exit with status 3 when our snippet F1 is below this")
      ->check(CLI::Range(0.0, 1.0));
  command.add_option("--peers", args->peers,
                     "Peers to run beside ours, comma-separated: readability, readability-lxml; "
                     "or none (default: both)");
  command.add_option("--peers-dir", args->peers_dir,
                     "Folder of the peers' scripts and node_modules (default: eval/html-peers)");
  command.add_option("--limit", args->limit, "Only the first N pages of evaldata.json");
  command.add_option("--jobs", args->jobs, "Threads extracting our pages (figures are per core)")
      ->check(CLI::Range(1, 256));
  command.add_option("--data", args->data_dir, "Folder overriding the built-in data files");
  command.footer(
      "Each page is read (gzip or not), decoded to UTF-8 (ingest::DecodeHtml) and extracted "
      "(html::Extractor); each peer extracts the same pages. Per page, a \"with\" snippet found "
      "in the text is a true positive, one not found a false negative; a \"without\" snippet "
      "found is a false positive, one not found a true negative (white space collapsed). "
      "Precision, recall, F1 and accuracy are over the totals, as trafilatura's evaluation "
      "computes them; title, date and author accuracy over the pages labelled with one (title "
      "and author compared with case folded, in Unicode's composed form). "
      "pages/s is pages per CPU-second of decoding, parsing and extracting.\n"
      "Exit status: 0 figures printed, at or above the floor; 2 an unknown peer; 3 the set "
      "could not be read, or our F1 is below --min-f1.\n");
  command.callback([args, &run] { run = [args] { return Run(*args); }; });
}

}  // namespace storyline::cli
