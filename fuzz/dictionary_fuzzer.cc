// libFuzzer target: arbitrary bytes as a user's actor and agent dictionary,
// read as TABARI and as PETRARCH/Phoenix. A reader may refuse the file (an
// InvalidArgument naming a line) but never crash or hang; what it reads has
// words and codes, and a refused file adds nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "actors/phoenix.h"
#include "actors/tabari.h"

namespace {

using Reader = storyline::Status (*)(std::string_view, std::string_view,
                                     storyline::actors::Entries&);

void Check(Reader read, std::string_view contents) {
  storyline::actors::Entries entries;
  const storyline::Status status = read("fuzz.dict", contents, entries);
  if (!status.ok()) {
    if (status.code() != storyline::StatusCode::kInvalidArgument ||
        !status.message().starts_with("fuzz.dict:") || !entries.names.empty() ||
        !entries.agents.empty()) {
      std::abort();
    }
    return;
  }
  for (const storyline::actors::NameEntry& name : entries.names) {
    if (name.words.empty()) std::abort();
  }
  for (const storyline::actors::AgentEntry& agent : entries.agents) {
    if (agent.words.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  for (const Reader read :
       {storyline::actors::ReadTabariActors, storyline::actors::ReadTabariAgents,
        storyline::actors::ReadPhoenixActors, storyline::actors::ReadPhoenixAgents}) {
    Check(read, contents);
  }
  return 0;
}
