// embedded_data.h: the data/ files compiled into the binary. The definition is
// generated at build time by cmake/embed_data.cmake; see core/data_files.h for
// the interface the rest of the code uses.
#pragma once

#include <span>
#include <string_view>

namespace storyline {

struct EmbeddedFile {
  std::string_view name;      // path relative to data/, e.g. "boilerplate/en.tsv"
  std::string_view contents;  // the file's bytes
};

// Sorted by name. Lives for the whole program.
std::span<const EmbeddedFile> EmbeddedDataFiles();

}  // namespace storyline
