#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace storyline::cli {
namespace {

constexpr auto kQuietStart = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 30;

}  // namespace

ProgressBar::ProgressBar()
    : enabled_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(const pipeline::Progress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < kQuietStart || now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  // By bytes, so a few large JSON Lines files move the bar as well as many
  // small text files do.
  const double share = progress.bytes_total == 0
                           ? 0.0
                           : std::min(1.0, static_cast<double>(progress.bytes_done) /
                                               static_cast<double>(progress.bytes_total));
  const int filled = static_cast<int>(share * kBarWidth);
  const std::string bar = std::string(filled, '#') + std::string(kBarWidth - filled, '.');
  std::fprintf(stderr, "\r[%s] %3d%%  %llu/%llu files  %llu records", bar.c_str(),
               static_cast<int>(share * 100), static_cast<unsigned long long>(progress.files_done),
               static_cast<unsigned long long>(progress.files_total),
               static_cast<unsigned long long>(progress.records));
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace storyline::cli
