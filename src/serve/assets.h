// assets.h: the web app's files (web/ and the d3 library of Debian's
// libjs-d3, as assets/d3.min.js), compiled into the binary so that the app
// works offline. The definition is generated at build time by
// cmake/embed_data.cmake.
#pragma once

#include <span>

#include "core/embedded_data.h"

namespace storyline {

// Sorted by name: paths relative to web/ ("index.html", "assets/d3.min.js").
std::span<const EmbeddedFile> EmbeddedWebFiles();

}  // namespace storyline
