// machine.h: what every benchmark prints first, and the clock it reads.
#pragma once

namespace storyline::bench {

// Prints the CPU model and compiler, and a warning when assertions are on.
void PrintMachine();

// User + system CPU seconds of the whole process so far.
double ProcessCpuSeconds();

}  // namespace storyline::bench
