// Reads one input file into records, by format.
#include "ingest/ingest.h"

#include <algorithm>

#include "core/id.h"
#include "ingest/decode.h"
#include "ingest/jsonl.h"
#include "ingest/warc.h"

namespace storyline::ingest {
namespace {

enum class Format { kText, kJsonl, kHtml, kWarc, kOther };

// The formats read, for the message that rejects others.
constexpr char kExpected[] = "expected .txt, .jsonl, .html, .htm or .warc, optionally .gz";

// How often a JSON Lines file reports its progress.
constexpr size_t kRecordsPerProgressReport = 256;

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The format is told by the name less a ".gz" suffix; compression is told by
// the bytes (ReadWholeFile and LineReader handle both).
std::string Extension(const std::string& path) {
  std::string name = Lowercase(path.substr(path.find_last_of('/') + 1));
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
}

Format FormatOf(const std::string& extension) {
  if (extension == ".txt") return Format::kText;
  if (extension == ".jsonl" || extension == ".ndjson") return Format::kJsonl;
  if (extension == ".html" || extension == ".htm") return Format::kHtml;
  if (extension == ".warc") return Format::kWarc;
  return Format::kOther;
}

// Reads a file that holds one record: a text ("txt") or a web page ("html",
// its charset the page's own: there is no HTTP header here).
void ReadWholeFileRecord(const InputFile& file, const Options& options, const RecordSink& sink,
                         std::string format) {
  Result<std::string> bytes = ReadWholeFile(file.path, options.max_record_bytes);
  if (!bytes.ok()) {
    sink.reject({file.path, bytes.status().message()});
    return;
  }
  RawDocument doc;
  const Status status =
      format == "html" ? DecodeHtml(*bytes, "", doc.warnings) : DecodeText(*bytes, doc.warnings);
  if (!status.ok()) {
    sink.reject({file.path, status.message()});
    return;
  }
  doc.origin = file.path;
  doc.format = std::move(format);
  doc.text = std::move(bytes).value();
  doc.id = MakeArticleId(doc.origin, doc.text);
  sink.document(std::move(doc));
}

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

void ReadJsonlRecord(std::string& line, const std::string& origin, const RecordSink& sink) {
  RawDocument doc;
  doc.origin = origin;
  // The JSON parser needs valid UTF-8; everything else about the text is
  // checked once it is decoded from the JSON string, below.
  RepairUtf8WithWarning(line, doc.warnings);
  if (Status status = ParseJsonlRecord(line, doc); !status.ok()) {
    sink.reject({origin, status.message()});
    return;
  }
  // The text (or page: JSON strings are UTF-8 already) may hold escaped CR
  // LF; records share the line-end convention.
  std::vector<Warning> text_warnings;
  if (Status status = DecodeText(doc.text, text_warnings); !status.ok()) {
    sink.reject(
        {origin, (doc.format == "html" ? "\"html\" is " : "\"text\" is ") + status.message()});
    return;
  }
  doc.id = MakeArticleId(doc.origin, doc.text);
  sink.document(std::move(doc));
}

void ReadJsonlFile(const InputFile& file, const Options& options, const RecordSink& sink) {
  LineReader reader(file.path, options.max_record_bytes);
  if (!reader.status().ok()) {
    sink.reject({file.path, reader.status().message()});
    return;
  }
  if (LooksBinary(reader.Peek())) {
    sink.reject({file.path, "binary data, not JSON Lines"});
    return;
  }
  std::string line;
  size_t records = 0;
  while (true) {
    const LineReader::Next next = reader.Read(line);
    if (next == LineReader::Next::kEnd) break;
    const std::string origin = file.path + ":" + std::to_string(reader.line_number());
    if (next == LineReader::Next::kError) {
      sink.reject({origin, "read stopped: " + reader.status().message()});
      return;
    }
    if (next == LineReader::Next::kTooLong) {
      ++records;
      sink.reject({origin, "line longer than the limit of " +
                               std::to_string(options.max_record_bytes) + " bytes"});
      continue;
    }
    if (IsBlankLine(line)) continue;
    ++records;
    ReadJsonlRecord(line, origin, sink);
    if (sink.consumed && records % kRecordsPerProgressReport == 0) sink.consumed(reader.offset());
  }
  if (records == 0) sink.reject({file.path, "empty: no JSON Lines records"});
}

void ReadWarcFile(const InputFile& file, const Options& options, const RecordSink& sink) {
  Result<std::unique_ptr<ByteSource>> source = FileSource(file.path);
  if (!source.ok()) {
    sink.reject({file.path, source.status().message()});
    return;
  }
  ReadWarc(**source, file.path, options, sink);
}

}  // namespace

void ReadFile(const InputFile& file, const Options& options, const RecordSink& sink) {
  const std::string extension = Extension(file.path);
  switch (FormatOf(extension)) {
    case Format::kText:
      ReadWholeFileRecord(file, options, sink, "txt");
      return;
    case Format::kJsonl:
      ReadJsonlFile(file, options, sink);
      return;
    case Format::kHtml:
      ReadWholeFileRecord(file, options, sink, "html");
      return;
    case Format::kWarc:
      ReadWarcFile(file, options, sink);
      return;
    case Format::kOther:
      sink.reject(
          {file.path, extension.empty()
                          ? "unsupported format: no file extension (" + std::string(kExpected) + ")"
                          : "unsupported format '" + extension + "' (" + kExpected + ")"});
      return;
  }
}

}  // namespace storyline::ingest
