#include "cli/commands.h"

#include <cstdio>

namespace storyline::cli {

int Fail(const Status& status) {
  std::fprintf(stderr, "storyline: %s\n", status.ToString().c_str());
  return kFailure;
}

}  // namespace storyline::cli
