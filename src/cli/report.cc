// storyline report --html: every story of a database in one self-contained
// HTML file, the web app with its data inside (serve/report.h).
#include "serve/report.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "cli/analysis.h"
#include "cli/commands.h"

namespace storyline::cli {
namespace {

struct ReportArgs {
  std::string db = "storyline.db";
  std::string html;
  DigestArgs digest;
};

int RunReport(const ReportArgs& args) {
  std::shared_ptr<const link::Stopwords> stopwords;
  Result<brief::Options> digest = DigestOptions(args.digest, stopwords);
  if (!digest.ok()) return Fail(digest.status());
  store::OpenOptions read_only;
  read_only.read_only = true;
  Result<store::Database> db = store::Database::Open(args.db, read_only);
  if (!db.ok()) return Fail(db.status());
  api::Options options;
  options.brief = *digest;
  const api::Api api(options);
  serve::ReportCounts counts;
  Result<std::string> html = serve::ReportHtml(*db, api, &counts);
  if (!html.ok()) return Fail(html.status());
  // Written beside, then renamed: a failed write leaves no half page.
  const std::string partial = args.html + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << *html;
    if (!out.flush()) {
      std::remove(partial.c_str());
      return Fail(Status::IoError("cannot write " + partial));
    }
  }
  if (std::rename(partial.c_str(), args.html.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail(Status::IoError("cannot write " + args.html));
  }
  std::printf("wrote %s: %llu stories, %llu articles, %zu bytes\n", args.html.c_str(),
              static_cast<unsigned long long>(counts.stories),
              static_cast<unsigned long long>(counts.articles), html->size());
  return kSuccess;
}

}  // namespace

void AddReportCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<ReportArgs>();
  command.add_option("--db", args->db, "SQLite database to report on, opened read-only")
      ->capture_default_str();
  command
      .add_option("--html", args->html,
                  "Write one self-contained HTML file (the web app with every story, article "
                  "and digest inside; no network needed to open it)")
      ->required()
      ->option_text("FILE");
  AddDigestOptions(command, args->digest);
  command.callback([args, &run] { run = [args] { return RunReport(*args); }; });
}

}  // namespace storyline::cli
