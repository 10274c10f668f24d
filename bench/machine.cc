#include "machine.h"

#include <time.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace storyline::bench {

void PrintMachine() {
#ifndef NDEBUG
  std::printf("WARNING: assertions are enabled; figures are not representative\n");
#endif
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      std::printf("cpu: %s\n", line.substr(line.find(':') + 2).c_str());
      break;
    }
  }
  std::printf("compiler: gcc-compatible %s\n", __VERSION__);
}

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace storyline::bench
