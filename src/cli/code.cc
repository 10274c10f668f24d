// storyline code: CAMEO events for researchers' own records. Reads
// {"id", "date", "text"} lines, writes {"id", "events": [...]} lines in input
// order, each event as in the report (docs/json.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/dictionaries.h"
#include "core/data_files.h"
#include "core/utf8.h"
#include "pipeline/text_coder.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

struct CodeArgs {
  std::string input = "-";
  std::string out = "-";
  std::string data_dir;
  DictionaryArgs dictionaries;
};

struct Record {
  std::string id;
  std::string date;
  std::string text;
};

// The record of one input line; an error message when it is not one.
Result<Record> ParseRecord(const std::string& line) {
  const nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::InvalidArgument("not a JSON object");
  }
  const auto text = json.find("text");
  if (text == json.end() || !text->is_string()) {
    return Status::InvalidArgument("no \"text\" string");
  }
  Record record;
  record.text = text->get<std::string>();
  if (const auto id = json.find("id"); id != json.end()) {
    record.id = id->is_string() ? id->get<std::string>() : id->dump();
  }
  if (const auto date = json.find("date"); date != json.end() && date->is_string()) {
    record.date = date->get<std::string>();
  }
  return record;
}

// {"id": ..., "events": [...]}: the id as given (a string), events as in the report.
std::string OutputLine(const Article& article) {
  std::string line = "{\"id\":" + nlohmann::json(article.id).dump() + ",\"events\":[";
  for (size_t i = 0; i < article.events.size(); ++i) {
    if (i > 0) line += ',';
    line += store::EventToJson(article.events[i]);
  }
  return line + "]}";
}

std::string ErrorLine(uint64_t number, const Status& status) {
  return nlohmann::json{{"id", nullptr}, {"line", number}, {"error", status.message()}}.dump();
}

int RunCode(const CodeArgs& args) {
  pipeline::TextCoderOptions options;
  ApplyDictionaries(args.dictionaries, options.facts);
  Result<pipeline::TextCoder> coder =
      pipeline::TextCoder::Create(options, DataFiles{args.data_dir});
  if (!coder.ok()) return Fail(coder.status());
  std::ifstream file;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) return Fail(Status::NotFound("cannot read " + args.input));
  }
  std::istream& in = args.input == "-" ? std::cin : file;
  std::ofstream out_file;
  if (args.out != "-") {
    out_file.open(args.out, std::ios::binary | std::ios::trunc);
    if (!out_file) return Fail(Status::IoError("cannot write " + args.out));
  }
  std::ostream& out = args.out == "-" ? std::cout : out_file;
  pipeline::TextCoder::Workspace workspace = coder->NewWorkspace();
  std::string line;
  uint64_t number = 0;
  uint64_t bad = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    // Broken UTF-8 is repaired (U+FFFD), as ingest does, never refused: the
    // JSON syntax is ASCII, so only the strings change.
    RepairUtf8(line);
    Result<Record> record = ParseRecord(line);
    if (!record.ok()) {
      ++bad;
      std::fprintf(stderr, "storyline: %s:%llu: %s\n", args.input.c_str(),
                   static_cast<unsigned long long>(number), record.status().message().c_str());
      out << ErrorLine(number, record.status()) << '\n';
      continue;
    }
    out << OutputLine(coder->Code(record->id, record->date, std::move(record->text), workspace))
        << '\n';
  }
  out.flush();
  if (!out) return Fail(Status::IoError("cannot write " + args.out));
  return bad > 0 ? kSomeRejected : kSuccess;
}

}  // namespace

void AddCodeCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<CodeArgs>();
  command
      .add_option("input", args->input,
                  "JSON lines {\"id\", \"date\", \"text\"} ('-': stdin); text may hold several "
                  "sentences, date is ISO 8601")
      ->option_text("INPUT.jsonl|-")
      ->capture_default_str();
  command.add_option("--out", args->out, "Where to write the JSON lines ('-': stdout)")
      ->option_text("FILE")
      ->capture_default_str();
  command
      .add_option("--data", args->data_dir,
                  "Folder of rule and dictionary files overriding the built-in ones "
                  "(same layout as data/)")
      ->check(CLI::ExistingDirectory);
  AddDictionaryOptions(command, args->dictionaries);
  command.callback([args, &run] { run = [args] { return RunCode(*args); }; });
}

}  // namespace storyline::cli
