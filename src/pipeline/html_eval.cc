#include "pipeline/html_eval.h"

#include <time.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <utility>

#include "ingest/ingest.h"

namespace storyline::pipeline {
namespace {

using Json = nlohmann::ordered_json;

// Larger pages are not web pages we mean to read.
constexpr uint64_t kMaxPageBytes = 64ull << 20;

double Ratio(size_t part, size_t whole) {
  return whole == 0 ? 0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string StringOrEmpty(const Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return "";
  return found->get<std::string>();
}

// A string label, or a list of strings joined by "; ".
std::string JoinedLabel(const Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return "";
  if (found->is_string()) return found->get<std::string>();
  std::string joined;
  if (found->is_array()) {
    for (const Json& item : *found) {
      if (!item.is_string()) continue;
      if (!joined.empty()) joined += "; ";
      joined += item.get<std::string>();
    }
  }
  return joined;
}

std::vector<std::string> Strings(const Json& object, const char* key) {
  std::vector<std::string> out;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return out;
  for (const Json& item : *found) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// `text` case-folded and in Unicode's composed form (NFC): labels and pages
// write "য়" as one code point or as two, the same text.
std::string FoldCase(std::string_view text) {
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
          .foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(folded, status);
    if (U_SUCCESS(status)) folded = composed;
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

Result<std::vector<HtmlLabel>> ReadHtmlSet(const std::string& dir) {
  const std::filesystem::path folder(dir);
  const std::string path = (folder / "evaldata.json").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  const Json set = Json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (set.is_discarded() || !set.is_object()) {
    return Status::InvalidArgument(path + ": not a JSON object");
  }
  std::vector<HtmlLabel> labels;
  for (const auto& [url, entry] : set.items()) {
    if (!entry.is_object() || StringOrEmpty(entry, "file").empty()) {
      return Status::InvalidArgument(path + ": " + url + ": no \"file\" string");
    }
    HtmlLabel label;
    label.url = url;
    const std::filesystem::path page = folder / "pages" / StringOrEmpty(entry, "file");
    const std::filesystem::path gzipped = page.string() + ".gz";
    label.path = std::filesystem::exists(gzipped) ? gzipped.string() : page.string();
    label.with = Strings(entry, "with");
    label.without = Strings(entry, "without");
    label.title = StringOrEmpty(entry, "title");
    label.date = StringOrEmpty(entry, "date");
    label.author = JoinedLabel(entry, "author");
    labels.push_back(std::move(label));
  }
  return labels;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

double SnippetCounts::precision() const { return Ratio(tp, tp + fp); }
double SnippetCounts::recall() const { return Ratio(tp, tp + fn); }
double SnippetCounts::f1() const { return Ratio(2 * tp, 2 * tp + fp + fn); }
double SnippetCounts::accuracy() const { return Ratio(tp + tn, tp + fp + fn + tn); }

SnippetCounts& SnippetCounts::operator+=(const SnippetCounts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  tn += other.tn;
  return *this;
}

PageScore ScorePage(const HtmlLabel& label, const HtmlExtraction& extraction) {
  PageScore score;
  if (!extraction.text || extraction.text->empty()) {
    score.counts.fn = label.with.size();
    score.counts.tn = label.without.size();
    score.missed = label.with;
    return score;
  }
  const std::string text = CollapseWhitespace(*extraction.text);
  const auto found = [&](const std::string& snippet) {
    return text.find(CollapseWhitespace(snippet)) != std::string::npos;
  };
  for (const std::string& snippet : label.with) {
    if (found(snippet)) {
      ++score.counts.tp;
    } else {
      ++score.counts.fn;
      score.missed.push_back(snippet);
    }
  }
  for (const std::string& snippet : label.without) {
    if (found(snippet)) {
      ++score.counts.fp;
      score.unwanted.push_back(snippet);
    } else {
      ++score.counts.tn;
    }
  }
  return score;
}

bool TitleMatches(std::string_view label, std::string_view extracted) {
  return FoldCase(CollapseWhitespace(label)) == FoldCase(CollapseWhitespace(extracted));
}

bool DateMatches(std::string_view label, std::string_view extracted) {
  return extracted.substr(0, 10) == label;
}

bool AuthorMatches(std::string_view label, const std::vector<std::string>& extracted) {
  std::string joined;
  for (const std::string& author : extracted) {
    if (!joined.empty()) joined += "; ";
    joined += author;
  }
  return FoldCase(CollapseWhitespace(label)) == FoldCase(CollapseWhitespace(joined));
}

PageScore HtmlScores::Add(const HtmlLabel& label, const HtmlExtraction& extraction) {
  PageScore score = ScorePage(label, extraction);
  ++pages;
  if (!extraction.text || extraction.text->empty()) ++empty;
  counts += score.counts;
  if (!label.title.empty()) {
    ++title.labelled;
    if (TitleMatches(label.title, extraction.title)) ++title.right;
  }
  if (!label.date.empty()) {
    ++date.labelled;
    if (DateMatches(label.date, extraction.date)) ++date.right;
  }
  if (!label.author.empty()) {
    ++author.labelled;
    if (AuthorMatches(label.author, extraction.authors)) ++author.right;
  }
  return score;
}

HtmlExtraction ExtractHtmlPage(const html::Extractor& extractor, std::string bytes,
                               std::string_view url, double* cpu_seconds) {
  const double start = ThreadCpuSeconds();
  HtmlExtraction extraction;
  std::vector<Warning> warnings;
  if (ingest::DecodeHtml(bytes, "", warnings).ok()) {
    html::PageContext context;
    context.url = url;
    html::Page page = extractor.Extract(bytes, context);
    extraction.text = std::move(page.text);
    extraction.title = page.First("title").value_or("");
    extraction.date = page.First("published").value_or("");
    for (MetadataField& field : page.metadata) {
      if (field.field == "author") extraction.authors.push_back(std::move(field.value));
    }
  }
  if (cpu_seconds) *cpu_seconds += ThreadCpuSeconds() - start;
  return extraction;
}

HtmlRun ExtractHtmlPages(const std::vector<HtmlLabel>& labels, const html::Extractor& extractor,
                         int jobs) {
  HtmlRun run;
  run.pages.resize(labels.size());
  std::vector<std::string> unread(labels.size());
  std::vector<double> seconds(labels.size(), 0.0);
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < labels.size(); i = next++) {
      Result<std::string> bytes = ingest::ReadWholeFile(labels[i].path, kMaxPageBytes);
      if (!bytes.ok()) {
        unread[i] = labels[i].path + ": " + bytes.status().message();
        continue;
      }
      run.pages[i] =
          ExtractHtmlPage(extractor, std::move(bytes).value(), labels[i].url, &seconds[i]);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < labels.size(); ++i) {
    run.cpu_seconds += seconds[i];
    if (!unread[i].empty()) run.unread.push_back(std::move(unread[i]));
  }
  return run;
}

}  // namespace storyline::pipeline
