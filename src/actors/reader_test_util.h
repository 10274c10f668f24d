// Helpers shared by the tests of the dictionary readers (tabari_test.cc,
// phoenix_test.cc): they call a reader on a file's contents.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "actors/entries.h"
#include "core/calendar.h"
#include "core/status.h"

namespace storyline::actors::reader_testing {

// A reader of one dictionary format: ReadTabariActors, ReadPhoenixAgents...
using Reader = Status (*)(std::string_view name, std::string_view contents, Entries& out);

inline CivilDay Day(std::string_view iso) { return *CivilDay::FromIso(iso); }

inline DatedCode Code(std::string code, std::optional<CivilDay> from = std::nullopt,
                      std::optional<CivilDay> to = std::nullopt) {
  return {std::move(code), from, to};
}

// The entries `read` finds in `contents`; a failed test when it fails.
inline Entries ReadAll(Reader read, std::string_view name, std::string_view contents) {
  Entries entries;
  const Status status = read(name, contents, entries);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return entries;
}

// The message of the error `read` reports on `contents` ("" when none).
inline std::string ErrorOf(Reader read, std::string_view name, std::string_view contents) {
  Entries entries;
  return read(name, contents, entries).message();
}

}  // namespace storyline::actors::reader_testing
