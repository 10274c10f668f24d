#include "timex/timeml.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "core/data_files.h"
#include "core/scores.h"
#include "text/text.h"

namespace storyline::timex {
namespace {

// The value of attribute `name` in a tag's text, or "".
std::string Attribute(std::string_view tag, std::string_view name) {
  std::string key = " ";
  key.append(name);
  key += "=\"";
  const size_t at = tag.find(key);
  if (at == tag.npos) return "";
  const size_t begin = at + key.size();
  const size_t end = tag.find('"', begin);
  return std::string(tag.substr(begin, end == tag.npos ? tag.npos : end - begin));
}

// Appends text with the five XML entities decoded.
void AppendDecoded(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = 0; i < s.size();) {
    bool decoded = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i).starts_with(entity)) {
          out += c;
          i += entity.size();
          decoded = true;
          break;
        }
      }
    }
    if (!decoded) out += s[i++];
  }
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

}  // namespace

Result<TimeMlDocument> ParseTimeMl(std::string_view contents) {
  TimeMlDocument doc;
  const size_t dct = contents.find("functionInDocument=\"CREATION_TIME\"");
  if (dct != contents.npos) {
    const size_t open = contents.rfind('<', dct);
    const size_t close = contents.find('>', dct);
    doc.creation = CivilDay::FromIso(Attribute(contents.substr(open, close - open), "value"));
  }
  const size_t begin = contents.find("<TEXT>");
  const size_t end = contents.find("</TEXT>");
  if (begin == contents.npos || end == contents.npos || end < begin) {
    return Status::InvalidArgument("no <TEXT> element");
  }
  std::string_view body = contents.substr(begin + 6, end - begin - 6);
  std::optional<GoldTimex> open;
  for (size_t i = 0; i < body.size();) {
    const size_t lt = body.find('<', i);
    AppendDecoded(body.substr(i, lt == body.npos ? body.npos : lt - i), doc.text);
    if (lt == body.npos) break;
    const size_t gt = body.find('>', lt);
    if (gt == body.npos) return Status::InvalidArgument("unterminated tag");
    const std::string_view tag = body.substr(lt, gt - lt + 1);
    const uint32_t offset = static_cast<uint32_t>(doc.text.size());
    if (tag.starts_with("<TIMEX3")) {
      open = GoldTimex{{offset, offset}, Attribute(tag, "type"), Attribute(tag, "value")};
    } else if (tag.starts_with("</TIMEX3")) {
      if (!open) return Status::InvalidArgument("</TIMEX3> without <TIMEX3>");
      open->span.end = offset;
      doc.timexes.push_back(std::move(*open));
      open.reset();
    }
    i = gt + 1;
  }
  if (open) return Status::InvalidArgument("<TIMEX3> not closed");
  return doc;
}

void Tally::Add(const Tally& o) {
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  type_ok += o.type_ok;
  value_ok += o.value_ok;
}

double Tally::StrictF1() const { return F1(StrictP(), StrictR()); }
double Tally::RelaxedF1() const { return F1(RelaxedP(), RelaxedR()); }

Tally Score(const TimeMlDocument& doc, const std::vector<Timex>& system, std::string* errors) {
  Tally tally;
  tally.gold = static_cast<int>(doc.timexes.size());
  tally.system = static_cast<int>(system.size());
  std::vector<bool> used(system.size(), false);
  auto quote = [&](ByteSpan span) {
    std::string quoted = "'";
    quoted.append(doc.text, span.begin, span.size());
    quoted += '\'';
    return quoted;
  };
  for (const GoldTimex& gold : doc.timexes) {
    size_t k = 0;
    while (k < system.size() && (used[k] || !gold.span.Overlaps(system[k].span))) ++k;
    if (k == system.size()) {
      if (errors)
        *errors += "missed   " + quote(gold.span) + " " + gold.type + " " + gold.value + "\n";
      continue;
    }
    used[k] = true;
    const Timex& sys = system[k];
    ++tally.relaxed;
    if (sys.span == gold.span) {
      ++tally.strict;
    } else if (errors) {
      *errors += "span     " + quote(gold.span) + " | ours " + quote(sys.span) + "\n";
    }
    if (sys.type == gold.type) ++tally.type_ok;
    if (sys.value == gold.value) {
      ++tally.value_ok;
    } else if (errors) {
      *errors += "value    " + quote(gold.span) + " gold " + gold.type + " " + gold.value +
                 " | ours " + quote(sys.span) + " " + sys.type + " " + sys.value + "\n";
    }
  }
  for (size_t k = 0; k < system.size(); ++k) {
    if (!used[k] && errors) {
      *errors +=
          "spurious " + quote(system[k].span) + " " + system[k].type + " " + system[k].value + "\n";
    }
  }
  return tally;
}

Result<std::vector<TimeMlFile>> ReadTimeMlDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) return Status::NotFound("no folder " + dir);
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tml")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<TimeMlFile> files;
  for (const fs::path& path : paths) {
    SL_ASSIGN_OR_RETURN(const std::string contents, ReadFile(path.string()));
    Result<TimeMlDocument> doc = ParseTimeMl(contents);
    if (!doc.ok()) {
      return Status::InvalidArgument(path.string() + ": " + doc.status().message());
    }
    files.push_back({fs::relative(path, dir, error).string(), std::move(*doc)});
  }
  return files;
}

EvalRun EvaluateFiles(const std::vector<TimeMlFile>& files, const Tagger& tagger,
                      text::Segmenter& segmenter, std::string* errors, int repeat) {
  EvalRun run;
  for (const TimeMlFile& file : files) {
    const TimeMlDocument& doc = file.document;
    const std::vector<ByteSpan> sentences = segmenter.Sentences(doc.text);
    const double start = ThreadCpuSeconds();
    const std::vector<Timex> found = tagger.Tag(doc.text, sentences, doc.creation);
    for (int pass = 1; pass < repeat; ++pass) tagger.Tag(doc.text, sentences, doc.creation);
    run.tag_seconds += ThreadCpuSeconds() - start;
    if (errors) *errors += "== " + file.name + "\n";
    run.tally.Add(Score(doc, found, errors));
    run.bytes += doc.text.size() * std::max(repeat, 1);
    ++run.documents;
  }
  return run;
}

Result<EvalRun> EvaluateDirectory(const std::string& dir, const Tagger& tagger,
                                  text::Segmenter& segmenter, std::string* errors, int repeat) {
  Result<std::vector<TimeMlFile>> files = ReadTimeMlDirectory(dir);
  if (!files.ok()) return files.status();
  return EvaluateFiles(*files, tagger, segmenter, errors, repeat);
}

}  // namespace storyline::timex
