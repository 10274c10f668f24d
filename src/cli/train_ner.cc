// storyline train ner: trains the entity tagger on CoNLL files and writes
// the model (docs/formats/ner-model.md). Its gazetteer is the lists of
// data/gazetteer/ and the names and roles of our actor dictionaries.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "actors/actors.h"
#include "cli/commands.h"
#include "tagger/tagger.h"

namespace storyline::cli {
namespace {

struct TrainNerArgs {
  std::string train;
  std::string dev;
  std::string out;
  std::string data_dir;
  bool without_actor_names = false;
  tagger::TrainOptions options;
};

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

// Adds the names and roles of the actor dictionaries under `data` (ours:
// data/actors/) to `gazetteer`, each phrase in its category ("country",
// "person", "role", ...): names the CoNLL training text lacks.
Status AddActorNames(const DataFiles& data, tagger::Gazetteer& gazetteer) {
  SL_ASSIGN_OR_RETURN(const actors::Dictionary dictionary, actors::Dictionary::Create({}, data));
  std::vector<std::string_view> views;
  for (const auto& [category, words] : dictionary.GazetteerPhrases()) {
    views.assign(words.begin(), words.end());
    const Status added = gazetteer.Add(category, views);
    if (!added.ok()) {
      return Status::InvalidArgument("actor dictionaries, category " + category + ": " +
                                     added.message());
    }
  }
  return Status::Ok();
}

Result<tagger::Gazetteer> BuildGazetteer(const TrainNerArgs& args) {
  const DataFiles data{args.data_dir};
  SL_ASSIGN_OR_RETURN(tagger::Gazetteer gazetteer, tagger::Gazetteer::FromLists(data));
  if (!args.without_actor_names) SL_RETURN_IF_ERROR(AddActorNames(data, gazetteer));
  return gazetteer;
}

int RunTrainNer(const TrainNerArgs& args) {
  Result<std::vector<tagger::LabeledDocument>> train = tagger::ReadConllFile(args.train);
  if (!train.ok()) return Fail(train.status());
  Result<std::vector<tagger::LabeledDocument>> dev = tagger::ReadConllFile(args.dev);
  if (!dev.ok()) return Fail(dev.status());
  Result<tagger::Gazetteer> gazetteer = BuildGazetteer(args);
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  std::printf(
      "training on %zu documents, choosing the epoch on %zu; gazetteer of %zu phrases "
      "in %zu categories\n",
      train->size(), dev->size(), gazetteer->size(), gazetteer->categories().size());
  const auto started = std::chrono::steady_clock::now();
  Result<tagger::Model> model = tagger::Train(
      *train, *dev, std::move(*gazetteer), args.options, [](const tagger::EpochReport& report) {
        std::printf("epoch %2d  mistaken tokens %7llu  dev F1 %.4f  %6.1f s\n", report.epoch,
                    static_cast<unsigned long long>(report.mistaken_tokens), report.dev_f1,
                    report.seconds);
        std::fflush(stdout);
      });
  if (!model.ok()) return Fail(model.status());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string bytes = model->Serialize();
  const Status written = WriteFile(args.out, bytes);
  if (!written.ok()) return Fail(written);
  std::printf("trained in %.1f s; wrote %s (%zu bytes)\n", seconds, args.out.c_str(), bytes.size());
  return kSuccess;
}

}  // namespace

void AddTrainNerCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<TrainNerArgs>();
  command.add_option("--train", args->train, "CoNLL file to learn from (word first, tag last)")
      ->required();
  command.add_option("--dev", args->dev, "CoNLL file that chooses the epoch")->required();
  command.add_option("--out", args->out, "Model file to write")->required();
  command.add_option("--seed", args->options.seed, "Seed of the document order")
      ->capture_default_str();
  command.add_option("--epochs", args->options.max_epochs, "Passes over the training file")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--min-feature-count", args->options.min_feature_count,
                  "Leave out features seen in fewer training tokens")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_option("--data", args->data_dir,
                     "Folder overriding data/ files (the gazetteer lists and actor dictionaries "
                     "are read from it)");
  command.add_flag("--without-actor-names", args->without_actor_names,
                   "Leave the actor dictionaries' names and roles out of the gazetteer");
  command.callback([args, &run] { run = [args] { return RunTrainNer(*args); }; });
}

}  // namespace storyline::cli
