#include "html-peers/html_peer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "peer_process.h"

namespace storyline::eval {
namespace {

using nlohmann::json;

constexpr size_t kPagesPerProcess = 250;

// Debian's interpreter, where apt-get puts python3-readability; a python3 of
// another installation (pyenv, a virtualenv) first on PATH would not see it.
std::string Python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

std::string NodeVersion(const std::string& dir, const std::string& package) {
  std::ifstream in(std::filesystem::path(dir) / "node_modules" / package / "package.json");
  const json manifest = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!in || manifest.is_discarded() || !manifest.contains("version") ||
      !manifest["version"].is_string()) {
    return "";
  }
  return manifest["version"].get<std::string>();
}

std::string StringOrEmpty(const json& record, const char* key) {
  const auto found = record.find(key);
  return found != record.end() && found->is_string() ? found->get<std::string>() : "";
}

}  // namespace

const std::vector<std::string>& HtmlPeers() {
  static const std::vector<std::string> peers = {"readability", "readability-lxml"};
  return peers;
}

Result<std::string> HtmlPeerName(const std::string& peer, const std::string& dir) {
  if (peer == "readability") {
    const std::string readability = NodeVersion(dir, "@mozilla/readability");
    const std::string jsdom = NodeVersion(dir, "jsdom");
    if (readability.empty() || jsdom.empty()) {
      return Status::NotFound("not installed in " + dir +
                              ": run scripts/install-peers (npm ci with its package-lock.json)");
    }
    return "Readability " + readability + " (jsdom " + jsdom + ")";
  }
  if (peer == "readability-lxml") {
    const std::string script = (std::filesystem::path(dir) / "readability_lxml.py").string();
    Result<std::string> version = RunPeerProcess({Python(), script, "--version"}, {.quiet = true});
    if (!version.ok()) {
      return Status::NotFound(
          "not installed: run scripts/install-peers (apt-get install python3-readability)");
    }
    std::string name = *version;
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
    return "readability-lxml " + name;
  }
  return Status::InvalidArgument("no HTML peer " + peer + " (readability, readability-lxml)");
}

std::string HtmlPeerJobs(const std::vector<pipeline::HtmlLabel>& labels) {
  json jobs = json::array();
  for (size_t i = 0; i < labels.size(); ++i) {
    jobs.push_back({{"id", std::to_string(i)}, {"path", labels[i].path}, {"url", labels[i].url}});
  }
  return jobs.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<HtmlPeerRun> ParseHtmlPeerResults(std::string_view output, size_t pages) {
  HtmlPeerRun run;
  run.pages.resize(pages);
  std::vector<bool> answered(pages, false);
  for (const PeerOutputLine& line : PeerOutputLines(output)) {
    const std::string where = "peer output line " + std::to_string(line.number) + ": ";
    const json record = json::parse(line.text, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      return Status::InvalidArgument(where + "not a JSON object");
    }
    const std::string id = StringOrEmpty(record, "id");
    size_t index = pages;
    try {
      size_t used = 0;
      index = std::stoul(id, &used);
      if (used != id.size()) index = pages;
    } catch (const std::exception&) {
    }
    if (index >= pages) return Status::InvalidArgument(where + "no page \"" + id + "\"");
    if (answered[index]) return Status::InvalidArgument(where + "a second result for page " + id);
    answered[index] = true;
    pipeline::HtmlExtraction& page = run.pages[index];
    if (const auto text = record.find("text"); text != record.end() && text->is_string()) {
      page.text = text->get<std::string>();
    }
    page.title = StringOrEmpty(record, "title");
    page.date = StringOrEmpty(record, "date");
    if (std::string author = StringOrEmpty(record, "author"); !author.empty()) {
      page.authors.push_back(std::move(author));
    }
    if (record.contains("error")) ++run.failed;
    if (const auto seconds = record.find("seconds");
        seconds != record.end() && seconds->is_number()) {
      run.cpu_seconds += seconds->get<double>();
    }
  }
  for (size_t i = 0; i < pages; ++i) {
    if (!answered[i])
      return Status::InvalidArgument("no peer result for page " + std::to_string(i));
  }
  return run;
}

Result<HtmlPeerRun> RunHtmlPeer(const std::string& peer, const std::string& dir,
                                const std::vector<pipeline::HtmlLabel>& labels) {
  std::vector<std::string> command;
  const std::filesystem::path folder(dir);
  if (peer == "readability") {
    command = {"node", (folder / "readability.mjs").string()};
  } else if (peer == "readability-lxml") {
    command = {Python(), (folder / "readability_lxml.py").string()};
  } else {
    return Status::InvalidArgument("no HTML peer " + peer + " (readability, readability-lxml)");
  }
  HtmlPeerRun run;
  run.dates = run.authors = peer == "readability";
  // The pages go in chunks, one process each: jsdom's memory grows over a
  // long run, and a peer that dies loses one chunk's pages only.
  const std::filesystem::path jobs_path =
      std::filesystem::temp_directory_path() /
      ("storyline-html-peer-" + std::to_string(::getpid()) + "-" + peer + ".json");
  for (size_t first = 0; first < labels.size(); first += kPagesPerProcess) {
    const std::vector<pipeline::HtmlLabel> chunk(
        labels.begin() + static_cast<std::ptrdiff_t>(first),
        labels.begin() +
            static_cast<std::ptrdiff_t>(std::min(labels.size(), first + kPagesPerProcess)));
    {
      std::ofstream jobs(jobs_path, std::ios::binary);
      jobs << HtmlPeerJobs(chunk);
      if (!jobs) return Status::IoError("cannot write " + jobs_path.string());
    }
    std::vector<std::string> argv = command;
    argv.push_back(jobs_path.string());
    Result<std::string> output = RunPeerProcess(argv);
    std::error_code ignored;
    std::filesystem::remove(jobs_path, ignored);
    if (!output.ok()) return output.status();
    SL_ASSIGN_OR_RETURN(HtmlPeerRun part, ParseHtmlPeerResults(*output, chunk.size()));
    for (pipeline::HtmlExtraction& page : part.pages) run.pages.push_back(std::move(page));
    run.cpu_seconds += part.cpu_seconds;
    run.failed += part.failed;
  }
  return run;
}

}  // namespace storyline::eval
