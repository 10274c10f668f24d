// Expands the paths a user gave into the files to read.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ingest/ingest.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

struct Walk {
  InputList list;

  void Reject(const fs::path& path, const std::string& reason) {
    list.rejected.push_back({path.string(), reason});
  }

  // Adds `path` as found under a folder or as given. Only regular files are
  // read: a FIFO or device could block forever or never end.
  void AddFile(const fs::path& path, const fs::file_status& status) {
    if (!fs::is_regular_file(status)) {
      Reject(path, "not a regular file");
      return;
    }
    std::error_code error;
    const uint64_t size = fs::file_size(path, error);
    list.files.push_back({path.string(), error ? 0 : size});
  }

  // An explicit walk rather than recursive_directory_iterator: each unreadable
  // folder becomes a rejection of its own, and entries are sorted so the order
  // (and with it every output) does not depend on the file system.
  void AddFolder(const fs::path& folder) {
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error) {
      Reject(folder, "cannot read folder: " + error.message());
      return;
    }
    std::vector<fs::path> entries;
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) break;
      entries.push_back(it->path());
    }
    if (error) Reject(folder, "cannot list folder completely: " + error.message());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) AddEntry(entry);
  }

  void AddEntry(const fs::path& entry) {
    std::error_code error;
    const fs::file_status link_status = fs::symlink_status(entry, error);
    const fs::file_status status = fs::status(entry, error);
    if (error) {
      Reject(entry, fs::is_symlink(link_status) ? "broken symbolic link"
                                                : "cannot read: " + error.message());
      return;
    }
    if (fs::is_directory(status)) {
      // Following folder links inside a walk could loop; the user can name
      // the target folder directly.
      if (fs::is_symlink(link_status)) {
        Reject(entry, "symbolic link to a folder: not followed");
      } else {
        AddFolder(entry);
      }
      return;
    }
    AddFile(entry, status);
  }
};

}  // namespace

InputList ListInputs(const std::vector<std::string>& paths) {
  Walk walk;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      walk.Reject(path, error && error != std::errc::no_such_file_or_directory
                            ? "cannot read: " + error.message()
                            : "no such file or folder");
    } else if (fs::is_directory(status)) {
      walk.AddFolder(path);
    } else {
      walk.AddFile(path, status);
    }
  }
  return std::move(walk.list);
}

}  // namespace storyline::ingest
