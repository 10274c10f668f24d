// warc_bench: reading a Common-Crawl-like WARC file through ingest::ReadFile.
//
// Generates a WARC file (gzip per record, as Common Crawl writes them) of N
// synthetic news pages (deterministic: the same N gives the same bytes):
// each page is 20-60 KB of realistic markup (head with meta tags and JSON-LD,
// navigation, the article, related links, reader comments, footer) around
// fictional text, preceded by its request record, with a warcinfo record
// first and a metadata record after every tenth page. It then reads the file
// R times in two ways and reports the best run of each: "read" hands each
// HTML response over as a RawDocument; "read + extract" also cleans it
// (clean::Cleaner on an "html" record: the page's main text and metadata,
// then the line rules):
//   pages/s         pages per second
//   MB/s on disk    compressed bytes of the file per second
//   MB/s HTML       decoded page bytes per second
// and the same per CPU-second, which other processes do not change.
//
// Usage: warc_bench [--pages N] [--runs R] [--dir DIR] [--keep]
//        defaults: 10000 pages, 3 runs, a temp dir removed at the end.
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "core/article.h"
#include "ingest/ingest.h"

namespace storyline::bench {
namespace {

namespace fs = std::filesystem;

constexpr double kMB = 1e6;

// --- the generator -----------------------------------------------------------

const std::vector<std::string> kPlaces = {
    "Port Alden", "Brackwater", "Kell",    "Tessel",  "Marrowby",   "Eastfold",
    "Quillon",    "Varenna",    "Hollin",  "Dunmere", "Calder Bay", "Sorrow Pike",
    "New Ostry",  "Fennick",    "Lowgate", "Arvel",   "Stannary",   "Greywater"};
const std::vector<std::string> kPeople = {
    "Mara Quell",    "Tobias Renn", "Ilse Varga",     "Oren Takeda",   "Priya Holm",
    "Jonas Afolabi", "Lena Struve", "Caspar Ide",     "Nadia Fenn",    "Rufus Okoro",
    "Saskia Broom",  "Emil Sandor", "Yara Lindqvist", "Theo Marchetti"};
const std::vector<std::string> kBodies = {"the harbour authority",  "the regional council",
                                          "the dockworkers' union", "the ministry of transport",
                                          "the coastal guard",      "the chamber of commerce",
                                          "the water board",        "the teachers' federation",
                                          "the rail operator",      "the city assembly"};
const std::vector<std::string> kVerbs = {"announced",  "rejected",   "approved",  "postponed",
                                         "criticised", "welcomed",   "proposed",  "defended",
                                         "reviewed",   "questioned", "confirmed", "suspended"};
const std::vector<std::string> kObjects = {"a new budget for the ferry lines",
                                           "plans to widen the northern quay",
                                           "the proposed fare increase",
                                           "an inquiry into the flood defences",
                                           "a deal on night shifts",
                                           "the closure of two schools",
                                           "emergency repairs to the bridge",
                                           "a ban on heavy lorries in the old town",
                                           "the tender for the new grain terminal",
                                           "talks with the striking crane operators"};
const std::vector<std::string> kTimes = {
    "on Monday",        "on Tuesday", "late on Wednesday",  "on Thursday morning",      "on Friday",
    "over the weekend", "last week",  "earlier this month", "after a four-hour meeting"};
const std::vector<std::string> kSections = {"World",     "Politics",    "Business",  "Local",
                                            "Transport", "Environment", "Education", "Opinion"};

class Generator {
 public:
  explicit Generator(uint64_t seed) : random_(seed) {}

  const std::string& Pick(const std::vector<std::string>& list) {
    return list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(random_)];
  }
  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  std::string Sentence() {
    switch (Between(0, 3)) {
      case 0:
        return "Officials from " + Pick(kBodies) + " " + Pick(kVerbs) + " " + Pick(kObjects) + " " +
               Pick(kTimes) + ", according to documents seen by this newspaper.";
      case 1:
        return "\u201cWe cannot wait another season,\u201d said " + Pick(kPeople) +
               ", who has represented " + Pick(kPlaces) + " for " + std::to_string(Between(2, 19)) +
               " years.";
      case 2:
        return "In " + Pick(kPlaces) + ", " + Pick(kBodies) + " " + Pick(kVerbs) + " " +
               Pick(kObjects) + " " + Pick(kTimes) + ", a decision expected to cost " +
               std::to_string(Between(2, 950)) + " million crowns.";
      default:
        return Pick(kPeople) + " of " + Pick(kBodies) + " said the vote " + Pick(kTimes) +
               " had been \u201cthe only responsible choice\u201d for " + Pick(kPlaces) + ".";
    }
  }

  std::string Paragraph(int sentences) {
    std::string text;
    for (int i = 0; i < sentences; ++i) {
      if (i > 0) text += ' ';
      text += Sentence();
    }
    return text;
  }

  // One page of about `target` bytes.
  std::string Page(int n, size_t target, const std::string& url, const std::string& date) {
    const std::string place = Pick(kPlaces);
    const std::string title = Pick(kBodies) + " " + Pick(kVerbs) + " " + Pick(kObjects);
    const std::string author = Pick(kPeople);
    const std::string section = Pick(kSections);
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
        " | The " + place +
        " Courier</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n"
        "<meta property=\"og:title\" content=\"" +
        title +
        "\">\n"
        "<meta property=\"article:published_time\" content=\"" +
        date +
        "\">\n"
        "<meta name=\"author\" content=\"" +
        author + "\">\n<link rel=\"canonical\" href=\"" + url +
        "\">\n<style>body{font-family:Georgia,serif;margin:0}.nav a{padding:0 8px}.comment{"
        "border-top:1px solid #ddd;padding:6px}.related li{margin:4px 0}</style>\n"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
        "\"NewsArticle\",\"headline\":\"" +
        title + "\",\"datePublished\":\"" + date +
        "\",\"author\":{\"@type\":\"Person\",\"name\":\"" + author +
        "\"},\"publisher\":{\"@type\":"
        "\"Organization\",\"name\":\"The " +
        place +
        " Courier\"}}</script>\n"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','UA-0000-" +
        std::to_string(n % 97) +
        "');</script>\n"
        "</head>\n<body>\n<header><div class=\"logo\">The " +
        place +
        " Courier</div>\n"
        "<nav class=\"nav\"><ul>";
    for (const std::string& name : kSections) {
      page += "<li><a href=\"/" + name + "/\">" + name + "</a></li>";
    }
    page +=
        "</ul></nav>\n<div class=\"ad\">Advertisement</div></header>\n<main>\n<article>\n"
        "<p class=\"kicker\">" +
        section + "</p>\n<h1>" + title +
        "</h1>\n"
        "<p class=\"byline\">By <a href=\"/authors/" +
        std::to_string(n % 50) + "\">" + author + "</a> &middot; <time datetime=\"" + date + "\">" +
        date.substr(0, 10) + "</time></p>\n";
    // The article takes about half the page; comments and links the rest.
    const size_t article_end = target / 2;
    page += "<p><strong>" + place + "</strong> &mdash; " + Paragraph(3) + "</p>\n";
    while (page.size() < article_end) {
      page += "<p>" + Paragraph(Between(2, 6)) + "</p>\n";
      if (Between(0, 9) == 0) {
        page += "<figure><img src=\"/img/" + std::to_string(Between(1000, 9999)) +
                ".jpg\" alt=\"\"><figcaption>" + Sentence() + "</figcaption></figure>\n";
      }
      if (Between(0, 11) == 0) page += "<div class=\"ad\">Advertisement</div>\n";
    }
    page += "</article>\n<aside class=\"related\"><h2>Related stories</h2><ul>";
    for (int i = 0; i < 8; ++i) {
      page += "<li><a href=\"/" + section + "/" + std::to_string(Between(100000, 999999)) + "\">" +
              Pick(kBodies) + " " + Pick(kVerbs) + " " + Pick(kObjects) + "</a></li>";
    }
    page += "</ul></aside>\n<section class=\"comments\"><h2>Comments</h2>\n";
    while (page.size() + 1200 < target) {
      page += "<div class=\"comment\"><span class=\"who\">" + Pick(kPeople).substr(0, 4) +
              std::to_string(Between(1, 999)) + "</span> <span class=\"when\">" +
              std::to_string(Between(1, 23)) + " hours ago</span><p>" + Paragraph(Between(1, 3)) +
              "</p><a class=\"reply\" href=\"#\">Reply</a></div>\n";
    }
    page +=
        "</section>\n</main>\n<footer><ul><li><a href=\"/about\">About us</a></li><li><a "
        "href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy</a></li></ul>"
        "<p>&copy; 2024 The " +
        place +
        " Courier. All rights reserved.</p></footer>\n"
        "</body>\n</html>\n";
    return page;
  }

 private:
  std::mt19937_64 random_;
};

std::string WarcRecord(const std::string& type, const std::string& id, const std::string& date,
                       const std::string& url, const std::string& content_type,
                       const std::string& block) {
  std::string record = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Date: " + date +
                       "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  if (!url.empty()) record += "WARC-Target-URI: " + url + "\r\n";
  record += "Content-Type: " + content_type +
            "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return record;
}

// Appends `bytes` to `out` as one gzip member.
void AppendGzip(const std::string& bytes, std::ofstream& out) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string buffer(deflateBound(&stream, bytes.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
  stream.avail_out = static_cast<uInt>(buffer.size());
  deflate(&stream, Z_FINISH);
  out.write(buffer.data(), static_cast<std::streamsize>(stream.total_out));
  deflateEnd(&stream);
}

std::string Uuid(uint64_t n) {
  char text[40];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012llx",
                static_cast<unsigned long long>(n));
  return text;
}

struct Written {
  uint64_t pages = 0;
  uint64_t html_bytes = 0;
};

Written WriteWarc(const std::string& path, int pages) {
  Generator generator(20240308);
  std::ofstream out(path, std::ios::binary);
  Written written;
  AppendGzip(WarcRecord("warcinfo", Uuid(0), "2024-03-08T00:00:00Z", "", "application/warc-fields",
                        "software: storyline warc_bench\r\nformat: WARC File Format 1.0\r\n"),
             out);
  for (int n = 0; n < pages; ++n) {
    char date[32];
    std::snprintf(date, sizeof date, "2024-03-%02dT%02d:%02d:%02dZ", 1 + n % 28, n % 24,
                  (n / 24) % 60, (n * 7) % 60);
    const std::string url = "https://courier.example.net/" +
                            std::string(generator.Pick(kSections)) + "/" + std::to_string(n);
    const size_t target = static_cast<size_t>(generator.Between(20000, 60000));
    const std::string page = generator.Page(n, target, url, date);
    AppendGzip(
        WarcRecord("request", Uuid(3 * n + 1), date, url, "application/http; msgtype=request",
                   "GET " + url.substr(url.find('/', 8)) +
                       " HTTP/1.1\r\nHost: courier.example.net\r\nUser-Agent: bench\r\n\r\n"),
        out);
    AppendGzip(
        WarcRecord("response", Uuid(3 * n + 2), date, url, "application/http; msgtype=response",
                   "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                   "Content-Length: " +
                       std::to_string(page.size()) + "\r\n\r\n" + page),
        out);
    if (n % 10 == 9) {
      AppendGzip(WarcRecord("metadata", Uuid(3 * n + 3), date, url, "application/warc-fields",
                            "fetchTimeMs: " + std::to_string(100 + n % 400) + "\r\n"),
                 out);
    }
    ++written.pages;
    written.html_bytes += page.size();
  }
  return written;
}

// --- the reading -------------------------------------------------------------

struct PageStats {
  uint64_t pages = 0;
  uint64_t bytes = 0;
  uint64_t rejected = 0;
  uint64_t skipped = 0;
  uint64_t checksum = 0;  // keeps the work from being optimised away
};

// The per-page step timed with the read: nothing more, or the clean stage
// (HTML extraction) when `cleaner` is given.
void ProcessPage(RawDocument doc, const clean::Cleaner* cleaner, PageStats& stats) {
  ++stats.pages;
  stats.bytes += doc.text.size();
  if (cleaner) {
    const Article article = cleaner->Clean(std::move(doc));
    stats.checksum += article.text.size() + article.metadata.size();
  } else {
    stats.checksum += doc.text.size() + static_cast<unsigned char>(doc.text[doc.text.size() / 2]);
  }
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

int Main(int argc, char** argv) {
  int pages = 10000;
  int runs = 3;
  std::string dir;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--pages" && i + 1 < argc) {
      pages = std::atoi(argv[++i]);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: warc_bench [--pages N] [--runs R] [--dir DIR] [--keep]\n");
      return 2;
    }
  }
  const bool own_dir = dir.empty();
  if (own_dir)
    dir = (fs::temp_directory_path() / ("warc_bench_" + std::to_string(getpid()))).string();
  fs::create_directories(dir);
  const std::string path = dir + "/bench.warc.gz";

  auto start = std::chrono::steady_clock::now();
  const Written written = WriteWarc(path, pages);
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const uint64_t disk_bytes = fs::file_size(path);
  std::printf("generated %llu pages, %.1f MB of HTML (%.1f KB a page), %.1f MB on disk in %.1f s\n",
              static_cast<unsigned long long>(written.pages), written.html_bytes / kMB,
              written.html_bytes / 1e3 / std::max<uint64_t>(1, written.pages), disk_bytes / kMB,
              write_seconds);

  Result<clean::Cleaner> cleaner = clean::Cleaner::Create({}, DataFiles());
  if (!cleaner.ok()) {
    std::fprintf(stderr, "%s\n", cleaner.status().ToString().c_str());
    return 1;
  }
  bool complete = true;
  const clean::Cleaner* const modes[] = {nullptr, &*cleaner};
  for (const clean::Cleaner* extract : modes) {
    const char* mode = extract ? "read + extract" : "read";
    double best = 0;
    double best_cpu = 0;
    PageStats stats;
    for (int run = 0; run < runs; ++run) {
      stats = PageStats();
      const ingest::RecordSink sink{
          [&](RawDocument doc) { ProcessPage(std::move(doc), extract, stats); },
          [&](Rejection rejection) {
            ++stats.rejected;
            std::fprintf(stderr, "rejected %s: %s\n", rejection.origin.c_str(),
                         rejection.reason.c_str());
          },
          nullptr,
          [&](const ingest::SkippedRecords& skipped) { stats.skipped += skipped.total(); }};
      const double cpu = CpuSeconds();
      start = std::chrono::steady_clock::now();
      ingest::ReadFile({path, disk_bytes}, ingest::Options{}, sink);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double cpu_seconds = CpuSeconds() - cpu;
      std::printf(
          "%s, run %d: %llu pages (%llu skipped, %llu rejected) in %.2f s (%.2f s CPU): "
          "%.0f pages/s, %.1f MB/s on disk, %.1f MB/s HTML\n",
          mode, run + 1, static_cast<unsigned long long>(stats.pages),
          static_cast<unsigned long long>(stats.skipped),
          static_cast<unsigned long long>(stats.rejected), seconds, cpu_seconds,
          stats.pages / seconds, disk_bytes / kMB / seconds, stats.bytes / kMB / seconds);
      if (best == 0 || seconds < best) best = seconds;
      if (best_cpu == 0 || cpu_seconds < best_cpu) best_cpu = cpu_seconds;
    }
    std::printf("%s, best: %.0f pages/s, %.1f MB/s on disk, %.1f MB/s HTML (checksum %llu)\n", mode,
                stats.pages / best, disk_bytes / kMB / best, stats.bytes / kMB / best,
                static_cast<unsigned long long>(stats.checksum));
    // CPU time does not depend on how many cores other processes left free.
    std::printf("%s, per CPU-second: %.0f pages, %.1f MB on disk, %.1f MB HTML\n", mode,
                stats.pages / best_cpu, disk_bytes / kMB / best_cpu, stats.bytes / kMB / best_cpu);
    complete = complete && stats.pages == written.pages && stats.rejected == 0;
  }
  if (!keep) {
    fs::remove(path);
    if (own_dir) fs::remove_all(dir);
  }
  return complete ? 0 : 1;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) { return storyline::bench::Main(argc, argv); }
