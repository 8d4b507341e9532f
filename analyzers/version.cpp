#include "version.h"

#include <xapian.h>

namespace dateline {

namespace build_info { // generated at build time (analyzers/build_info.cmake)
extern const char* const version;
extern const char* const git;
extern const char* const stemmer;
} // namespace build_info

const char* project_version() {
    return build_info::version;
}

const char* git_description() {
    return build_info::git;
}

const char* stemmer_version() {
    return build_info::stemmer;
}

std::string version_text(std::string_view program, const std::vector<LibraryVersion>& more) {
    std::string out =
        std::string(program) + " " + project_version() + " (git " + git_description() + ")\n";
    std::vector<LibraryVersion> libraries{{"Xapian", Xapian::version_string()},
                                          {"libstemmer", stemmer_version()}};
    libraries.insert(libraries.end(), more.begin(), more.end());
    for (const auto& library : libraries)
        out += library.name + " " + library.version + "\n";
    return out;
}

} // namespace dateline
