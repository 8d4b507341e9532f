#include "completions.h"

#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "analyzers/xapian_call.h"
#include "database.h"
#include "stats.h"

#include <algorithm>
#include <unordered_map>

namespace dateline::query {

namespace {

std::string quote_value(std::string_view field, std::string_view value) {
    std::string out(field);
    out += ":\"";
    for (char c : value)
        if (c != '"') out += c;
    out += '"';
    return out;
}

bool by_count(const Completion& a, const Completion& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.label < b.label;
}

// The start of every word of a name, folded: "Vladimir Putin" -> "vladimir putin", "putin".
std::vector<std::string> word_starts(std::string_view label) {
    const std::string folded = text::fold(label);
    std::vector<std::string> out;
    bool at_start = true;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(folded[i]);
        const bool separator = c == ' ' || c == '-' || c == '.' || c == '(' || c == '"' ||
                               c == '\'' || c == ',' || c == '/';
        if (separator) {
            at_start = true;
        } else if (at_start) {
            out.push_back(folded.substr(i));
            at_start = false;
        }
    }
    return out;
}

} // namespace

CompletionIndex::CompletionIndex(Xapian::Database& db) {
    DbStats stats = collect_stats(db, "", 0);
    std::unordered_map<std::string, std::string> kind_of; // tag value -> entity type
    xapian_call("reading entity names", [&] {
        for (const auto& [prefix, kind] : {std::pair{schema::prefix::person, "person"},
                                           std::pair{schema::prefix::organization, "organization"},
                                           std::pair{schema::prefix::place, "place"}}) {
            const std::string p(prefix);
            for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
                kind_of.emplace((*it).substr(p.size()), kind);
        }
    });
    for (const auto& tag : stats.tags) {
        auto kind = kind_of.find(tag.value);
        Completion c;
        c.kind = kind == kind_of.end() ? "tag" : kind->second;
        c.label = tag.label;
        c.value = tag.value;
        c.count = tag.count;
        const std::string_view field = c.kind == "person"         ? "person"
                                       : c.kind == "organization" ? "org"
                                       : c.kind == "place"        ? "place"
                                                                  : "tag";
        c.query = quote_value(field, tag.value);
        entries_.push_back(std::move(c));
    }
    for (const auto& source : stats.sources) {
        Completion c;
        c.kind = "source";
        c.label = source.label;
        c.value = source.value;
        c.count = source.count;
        c.query = "source:" + source.value;
        entries_.push_back(std::move(c));
    }
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        for (auto& start : word_starts(entries_[i].label))
            words_.emplace_back(std::move(start), i);
        if (entries_[i].kind == "source")
            for (auto& start : word_starts(entries_[i].value))
                words_.emplace_back(std::move(start), i);
    }
    std::sort(words_.begin(), words_.end());
}

std::vector<Completion> CompletionIndex::names(std::string_view prefix, std::size_t limit) const {
    const std::string folded = text::fold(text::trim(prefix));
    std::vector<Completion> out;
    if (folded.empty() || limit == 0) return out;
    std::vector<std::uint32_t> seen;
    auto it =
        std::lower_bound(words_.begin(), words_.end(), folded,
                         [](const auto& word, const std::string& p) { return word.first < p; });
    for (; it != words_.end() && it->first.compare(0, folded.size(), folded) == 0; ++it)
        seen.push_back(it->second);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (auto i : seen)
        out.push_back(entries_[i]);
    std::sort(out.begin(), out.end(), by_count);
    if (out.size() > limit) out.resize(limit);
    return out;
}

namespace {

struct KeptIndex {
    std::string uuid;
    Xapian::rev revision = 0;
    std::shared_ptr<CompletionIndex> index;
};

std::shared_ptr<CompletionIndex> index_for(Xapian::Database& db) {
    thread_local KeptIndex kept; // Xapian handles are per thread; so is this cache
    std::string uuid;
    Xapian::rev revision = 0;
    try {
        uuid = db.get_uuid();
        revision = db.get_revision();
    } catch (const Xapian::UnimplementedError&) { // backends without revisions: never kept
        return std::make_shared<CompletionIndex>(db);
    } catch (const Xapian::InvalidOperationError&) {
        return std::make_shared<CompletionIndex>(db);
    }
    if (uuid.empty()) return std::make_shared<CompletionIndex>(db);
    if (!kept.index || kept.uuid != uuid || kept.revision != revision) {
        kept.index = std::make_shared<CompletionIndex>(db);
        kept.uuid = uuid;
        kept.revision = revision;
    }
    return kept.index;
}

std::vector<Completion> words(Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    const std::string folded = text::fold_case(text::trim(prefix));
    std::vector<Completion> out;
    if (folded.size() < 2 || limit == 0) return out;
    xapian_call("completing words", [&] {
        std::size_t scanned = 0;
        for (auto it = db.allterms_begin(folded);
             it != db.allterms_end(folded) && scanned < word_scan_limit; ++it, ++scanned) {
            const std::string term = *it;
            if (term.size() < 3) continue;
            Completion c;
            c.kind = "word";
            c.label = c.value = c.query = term;
            c.count = it.get_termfreq();
            out.push_back(std::move(c));
        }
    });
    std::sort(out.begin(), out.end(), by_count);
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace

std::vector<Completion> complete(Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    return with_reopen(db, [&] {
        std::vector<Completion> out = index_for(db)->names(prefix, limit);
        if (out.size() < limit) {
            for (auto& word : words(db, prefix, limit - out.size()))
                out.push_back(std::move(word));
        }
        return out;
    });
}

} // namespace dateline::query
