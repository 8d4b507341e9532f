#include "remote_cache.h"

#include <map>
#include <memory>
#include <unordered_map>

namespace dateline::query {

namespace {

struct Cached {
    std::string state; // state_of() when filled
    std::unique_ptr<WordLanguages> languages;
    std::unordered_map<std::string, std::string> source_labels;
};

std::string state_of(const Xapian::Database& db) {
    return std::to_string(db.get_doccount()) + '#' + std::to_string(db.get_lastdocid()) + '#' +
           std::to_string(db.get_total_length());
}

// This thread's entry for `db`, emptied when the database's state moved since it was filled.
Cached& entry(const Xapian::Database& db) {
    thread_local std::map<std::string, Cached> by_uuid;
    Cached& c = by_uuid[db.get_uuid()];
    std::string state = state_of(db);
    if (c.state != state) {
        c = Cached{};
        c.state = std::move(state);
    }
    return c;
}

} // namespace

const WordLanguages& cached_languages(const Xapian::Database& db) {
    Cached& c = entry(db);
    if (!c.languages) c.languages = std::make_unique<WordLanguages>(db);
    return *c.languages;
}

const std::string& cached_source_label(const Xapian::Database& db, const std::string& id,
                                       const std::function<std::string()>& compute) {
    Cached& c = entry(db);
    auto it = c.source_labels.find(id);
    if (it == c.source_labels.end()) it = c.source_labels.emplace(id, compute()).first;
    return it->second;
}

} // namespace dateline::query
