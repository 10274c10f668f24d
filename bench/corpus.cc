#include "corpus.h"

#include <array>
#include <string_view>

namespace storyline::bench {
namespace {

constexpr std::array<std::string_view, 12> kActors = {
    "the port authority", "Mr. Halvorsen",     "the delta council", "Gen. Okafor",
    "Dr. Linnea Varga",   "the river agency",  "union leaders",     "the U.N. envoy",
    "Minister Alva Renn", "the coastal guard", "local farmers",     "the trade bloc"};
constexpr std::array<std::string_view, 10> kVerbs = {
    "said",     "warned",   "announced", "denied",     "confirmed",
    "proposed", "rejected", "welcomed",  "criticised", "described"};
constexpr std::array<std::string_view, 12> kObjects = {"a new flood barrier",
                                                       "the tariff agreement",
                                                       "relief funds worth $4.5 million",
                                                       "the strike at Pier No. 7",
                                                       "an inquiry into the dam",
                                                       "talks with the neighbours",
                                                       "the evacuation plan",
                                                       "a ceasefire proposal",
                                                       "the vote count in the north",
                                                       "grain exports",
                                                       "a vaccine plant",
                                                       "the budget for Jan. 2026"};
constexpr std::array<std::string_view, 8> kTails = {
    "on Monday",         "last week",
    "after the meeting", "in a statement",
    "the previous day",  "by the end of August",
    "since 2019",        "at a briefing in Portvale"};
constexpr std::array<std::string_view, 6> kBoilerplate = {"Advertisement",
                                                          "Share on social media",
                                                          "Sign up for our morning newsletter",
                                                          "Follow us for more",
                                                          "Comments",
                                                          "Back to top"};

}  // namespace

uint64_t CorpusGenerator::Next() {
  // splitmix64: tiny, fast and good enough to vary the text.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string CorpusGenerator::Headline() {
  std::string headline(kActors[Pick(kActors.size())]);
  headline[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(headline[0])));
  headline += ' ';
  headline += kVerbs[Pick(kVerbs.size())];
  headline += ' ';
  headline += kObjects[Pick(kObjects.size())];
  return headline;
}

std::string CorpusGenerator::Sentence() {
  std::string sentence = Headline();
  sentence += ' ';
  sentence += kTails[Pick(kTails.size())];
  if (Pick(5) == 0) {
    sentence +=
        ", calling it \xE2\x80\x9C"
        "a step of " +
        std::to_string(Pick(90) + 10) + ".5 percent\xE2\x80\x9D";
  }
  sentence += '.';
  return sentence;
}

std::string CorpusGenerator::Article(size_t target_bytes) {
  std::string text;
  text += kBoilerplate[Pick(2)];
  text += "\nWorld\n\n";
  const std::string headline = Headline();
  text += headline + "\n\n" + std::to_string(Pick(28) + 1) + " March 2025\n\n";
  while (text.size() < target_bytes * 4 / 5) {
    const size_t sentences = 1 + Pick(4);
    for (size_t i = 0; i < sentences; ++i) {
      if (i > 0) text += ' ';
      text += Sentence();
    }
    text += "\n\n";
  }
  text += "Related Stories\n";
  for (int i = 0; i < 3; ++i)
    text += Headline() + "\n" + std::to_string(Pick(28) + 1) + " March 2025\n";
  text += kBoilerplate[2 + Pick(kBoilerplate.size() - 2)];
  text += '\n';
  return text;
}

}  // namespace storyline::bench
