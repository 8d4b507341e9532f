// What --version prints, for every binary: "PROGRAM VERSION (git DESCRIPTION)" with the project
// version from CMake's project(VERSION) and `git describe --always --dirty` of the tree it was
// built from (taken at build time, "unknown" outside a git checkout), then one line per library
// in use: Xapian (its run-time version_string()), libstemmer (the Debian package version the
// build linked: libstemmer has no version call), then the caller's own lines (dateline-index adds
// libxml2 and libarchive, read from the loaded libraries).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct LibraryVersion {
    std::string name, version;
};

const char* project_version(); // "0.1.0"
const char* git_description(); // "02dc67a-dirty", or "unknown"
const char* stemmer_version(); // "2.2.0", or "unknown"

std::string version_text(std::string_view program, const std::vector<LibraryVersion>& more = {});

} // namespace dateline
