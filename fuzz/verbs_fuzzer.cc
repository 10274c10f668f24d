// libFuzzer target: arbitrary bytes as a user's verb dictionary, read as
// TABARI and as PETRARCH/Phoenix, and as a discard list. A reader may refuse
// the input (an InvalidArgument naming a line) but never crash or hang; what
// it reads refers only to synsets it has, and every form has words.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "events/verbs.h"

namespace {

namespace events = storyline::events;

void CheckRefused(const storyline::Status& status) {
  if (status.code() != storyline::StatusCode::kInvalidArgument ||
      !status.message().starts_with("fuzz.verbs:")) {
    std::abort();
  }
}

void CheckElements(const std::vector<events::Element>& elements, size_t synsets) {
  for (const events::Element& element : elements) {
    if (element.kind == events::Element::Kind::kSynset && element.synset >= synsets) std::abort();
    if (element.kind == events::Element::Kind::kChoice && element.choices.empty()) std::abort();
    for (const std::vector<events::Element>& choice : element.choices) {
      CheckElements(choice, synsets);
    }
  }
}

void Check(const storyline::Result<events::VerbDictionary>& read) {
  if (!read.ok()) return CheckRefused(read.status());
  const size_t synsets = read->synsets.size();
  for (const events::Synset& synset : read->synsets) {
    for (const std::vector<events::Element>& phrase : synset.phrases) {
      CheckElements(phrase, synsets);
    }
  }
  for (const events::Verb& verb : read->verbs) {
    if (verb.forms.empty()) std::abort();
    for (const std::vector<events::Word>& form : verb.forms) {
      if (form.empty()) std::abort();
    }
    for (const events::Pattern& pattern : verb.patterns) {
      CheckElements(pattern.before, synsets);
      CheckElements(pattern.after, synsets);
    }
  }
  for (const events::Discard& discard : read->discards) CheckElements(discard.phrase, synsets);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  Check(events::ReadTabariVerbs("fuzz.verbs", contents));
  Check(events::ReadPhoenixVerbs("fuzz.verbs", contents));
  const storyline::Result<std::vector<events::Discard>> discards =
      events::ReadDiscards("fuzz.verbs", contents);
  if (!discards.ok()) {
    CheckRefused(discards.status());
  } else {
    for (const events::Discard& discard : *discards) {
      if (discard.phrase.empty()) std::abort();
    }
  }
  return 0;
}
