#include "chrono/chrono_peer.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "peer_process.h"

namespace storyline::eval {
namespace {

using nlohmann::json;

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0)
      return Status::IoError(std::string("writing chrono's input: ") + strerror(errno));
    data.remove_prefix(static_cast<size_t>(written));
  }
  return Status::Ok();
}

struct Results {
  PeerRun run;
  std::vector<bool> answered;  // per job: its record was read
};

// One record of chrono_tag.mjs's output, added to `results`.
Status AddRecord(const json& record, const std::vector<PeerJob>& jobs,
                 const std::map<std::string_view, size_t>& job_index, Results& results) {
  PeerRun& run = results.run;
  const auto job = job_index.find(record.at("id").get_ref<const std::string&>());
  if (job == job_index.end()) return Status::InvalidArgument("a result for an unknown id");
  if (results.answered[job->second]) {
    return Status::InvalidArgument("a second result for " + std::string(job->first));
  }
  results.answered[job->second] = true;
  const std::string_view text = jobs[job->second].text;
  std::vector<Timex>& timexes = run.timexes[job->second];
  for (const json& found : record.at("timexes")) {
    Timex timex;
    const uint64_t begin = found.at("begin").get<uint64_t>();
    const uint64_t end = found.at("end").get<uint64_t>();
    if (begin > end || end > text.size()) {
      return Status::InvalidArgument("a span outside the text of " + std::string(job->first));
    }
    timex.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    timex.text = std::string(text.substr(begin, end - begin));
    timex.type = found.at("type").get<std::string>();
    timex.value = found.at("value").get<std::string>();
    timexes.push_back(std::move(timex));
  }
  run.bytes += record.at("bytes").get<uint64_t>();
  run.cpu_seconds += record.at("cpu_seconds").get<double>();
  return Status::Ok();
}

}  // namespace

Result<std::string> ChronoVersion(const std::string& dir) {
  const std::filesystem::path manifest =
      std::filesystem::path(dir) / "node_modules" / "chrono-node" / "package.json";
  std::ifstream in(manifest);
  const json package = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!in || package.is_discarded() || !package.contains("version")) {
    return Status::NotFound("chrono-node is not installed in " + dir +
                            " (scripts/install-peers installs it)");
  }
  return package["version"].is_string() ? package["version"].get<std::string>() : "unknown";
}

std::string ChronoJobs(const std::vector<PeerJob>& jobs) {
  std::string out;
  for (const PeerJob& job : jobs) {
    const json line = {{"id", job.id},
                       {"text", job.text},
                       {"dct", job.reference ? json(job.reference->Iso()) : json(nullptr)}};
    out += line.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

Result<PeerRun> ParseChronoResults(std::string_view output, const std::vector<PeerJob>& jobs) {
  std::map<std::string_view, size_t> job_index;
  for (size_t i = 0; i < jobs.size(); ++i) job_index.emplace(jobs[i].id, i);
  Results results;
  results.run.timexes.resize(jobs.size());
  results.answered.resize(jobs.size());
  for (const PeerOutputLine& line : PeerOutputLines(output)) {
    const std::string where = "chrono output line " + std::to_string(line.number) + ": ";
    const json record = json::parse(line.text, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) return Status::InvalidArgument(where + "not JSON");
    try {
      const Status added = AddRecord(record, jobs, job_index, results);
      if (!added.ok()) return Status::InvalidArgument(where + added.message());
    } catch (const json::exception& error) {
      return Status::InvalidArgument(where + error.what());
    }
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!results.answered[i]) return Status::InvalidArgument("no chrono result for " + jobs[i].id);
  }
  return std::move(results.run);
}

Result<PeerRun> RunChrono(const std::string& dir, const std::vector<PeerJob>& jobs, int repeat) {
  // The jobs go through a file, so that writing them cannot block on a
  // full pipe while node's output waits to be read.
  std::unique_ptr<FILE, int (*)(FILE*)> input(std::tmpfile(), &std::fclose);
  if (!input) return Status::IoError("cannot create a temporary file for chrono's input");
  const int fd = fileno(input.get());
  SL_RETURN_IF_ERROR(WriteAll(fd, ChronoJobs(jobs)));
  if (::lseek(fd, 0, SEEK_SET) != 0) return Status::IoError("cannot rewind chrono's input");
  const std::string script = (std::filesystem::path(dir) / "chrono_tag.mjs").string();
  SL_ASSIGN_OR_RETURN(
      const std::string output,
      RunPeerProcess({"node", script, "--repeat", std::to_string(repeat)},
                     {.stdin_fd = fd, .not_found_hint = "(is it installed and on PATH?)"}));
  return ParseChronoResults(output, jobs);
}

Result<PeerEval> EvaluateChrono(const std::string& dir, const std::vector<timex::TimeMlFile>& files,
                                std::string* errors, int repeat) {
  std::vector<PeerJob> jobs;
  for (const timex::TimeMlFile& file : files) {
    jobs.push_back({file.name, file.document.text, file.document.creation});
  }
  SL_ASSIGN_OR_RETURN(const PeerRun run, RunChrono(dir, jobs, repeat));
  PeerEval scored{{}, run.bytes, run.cpu_seconds};
  for (size_t i = 0; i < files.size(); ++i) {
    if (errors) *errors += "== " + files[i].name + "\n";
    scored.tally.Add(timex::Score(files[i].document, run.timexes[i], errors));
  }
  return scored;
}

}  // namespace storyline::eval
