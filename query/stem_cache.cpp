#include "stem_cache.h"

#include "analyzers/stemmer.h"

#include <map>
#include <string>

namespace dateline::query {

Xapian::Stem cached_stem(std::string_view language, std::size_t capacity) {
    // Per thread: a Xapian::Stem is a handle whose reference count is not atomic, so one handle
    // shared by threads (the server's workers) corrupts its count as copies come and go.
    thread_local std::map<std::string, Xapian::Stem, std::less<>> stems;
    auto it = stems.find(language);
    if (it == stems.end()) {
        it = stems.emplace(std::string(language), stemming::make_caching_stem(language, capacity))
                 .first;
    }
    return it->second;
}

} // namespace dateline::query
