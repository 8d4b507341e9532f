#include "word_lists.h"

#include "analyzers/stopwords.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace dateline::query {

namespace {

// Calls fn(term, termfreq) for each word of db's vocabulary, in term order: the terms that start
// with a digit or an ASCII capital (numbers, prefixed terms) are skipped by seeking past them.
template <class F> void for_each_word(const Xapian::Database& db, F&& fn) {
    auto t = db.allterms_begin();
    const auto end = db.allterms_end();
    while (t != end) {
        const std::string term = *t;
        const char first = term.empty() ? '\0' : term[0];
        if (first >= '0' && first <= '9') {
            t.skip_to(":"); // the byte after '9'
            continue;
        }
        if (first >= 'A' && first <= 'Z') {
            t.skip_to("["); // the byte after 'Z'
            continue;
        }
        if (is_word(term)) fn(term, t.get_termfreq());
        ++t;
    }
}

} // namespace

bool is_word(std::string_view term) {
    if (term.size() < 3) return false;
    const auto first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z') return false;
    return term.find_first_of("0123456789") == std::string_view::npos;
}

std::int64_t WordLists::id_of(std::string_view word) const {
    const auto it = std::lower_bound(words.begin(), words.end(), word);
    return it != words.end() && *it == word ? it - words.begin() : -1;
}

std::unique_ptr<WordLists> build_word_lists(const Xapian::Database& db, Xapian::docid last_docid) {
    auto lists = std::make_unique<WordLists>();
    const std::size_t slots = static_cast<std::size_t>(last_docid) + 2;
    // Pass 1: the vocabulary, and how many words each document has (offsets[d + 1] counts d's).
    lists->offsets.assign(slots, 0);
    for_each_word(db, [&](const std::string& term, Xapian::doccount termfreq) {
        lists->words.push_back(term);
        lists->archive.push_back(termfreq);
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            if (*p > last_docid) break;
            ++lists->offsets[*p + 1];
        }
    });
    for (std::size_t d = 1; d < slots; ++d)
        lists->offsets[d] += lists->offsets[d - 1];
    // Pass 2: the ids, term by term, so that each document's come out ascending. Written straight
    // into place they land all over the lists (a cache miss each); gathered first by band of
    // docids, a band's are written together into a part of the lists that fits in a cache.
    lists->items.resize(lists->offsets.back());
    std::vector<std::uint32_t> next(lists->offsets.begin(), lists->offsets.end() - 1);
    constexpr std::size_t band_items = std::size_t{1} << 20; // 4 MB of items per band
    constexpr std::size_t buffered = 4096;                   // (docid, id) pairs per band
    std::vector<std::uint32_t> band_of(slots, 0);
    std::size_t bands = 1;
    for (std::size_t d = 0, start = 0; d + 1 < slots; ++d) {
        if (lists->offsets[d] - start >= band_items) {
            start = lists->offsets[d];
            ++bands;
        }
        band_of[d] = static_cast<std::uint32_t>(bands - 1);
    }
    std::vector<std::vector<std::pair<Xapian::docid, std::uint32_t>>> pending(bands);
    auto flush = [&](std::vector<std::pair<Xapian::docid, std::uint32_t>>& band) {
        for (const auto& [did, word] : band)
            lists->items[next[did]++] = word;
        band.clear();
    };
    std::uint32_t id = 0;
    for (const std::string& term : lists->words) {
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            if (*p > last_docid) break;
            auto& band = pending[band_of[*p]];
            band.emplace_back(*p, id);
            if (band.size() == buffered) flush(band);
        }
        ++id;
    }
    for (auto& band : pending) // pairs flushed in term order: each document's ids ascend
        flush(band);
    return lists;
}

std::unique_ptr<WordLists> build_word_lists(const Xapian::Database& db,
                                            std::span<const Xapian::docid> docids) {
    auto lists = std::make_unique<WordLists>();
    const Xapian::docid last = docids.empty() ? 0 : docids.back();
    lists->offsets.assign(static_cast<std::size_t>(last) + 2, 0);
    // Read in docid order with ids in order of appearance, then renumbered in term order.
    std::unordered_map<std::string, std::uint32_t> seen;
    std::vector<std::string> words;
    std::vector<Xapian::doccount> archive;
    Xapian::docid next_doc = 0;
    for (Xapian::docid did : docids) {
        if (did == 0) continue; // never a document
        while (next_doc <= did)
            lists->offsets[next_doc++] = static_cast<std::uint32_t>(lists->items.size());
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string& term = *t;
            if (!is_word(term)) continue;
            auto [it, added] = seen.try_emplace(term, static_cast<std::uint32_t>(words.size()));
            if (added) {
                words.push_back(term);
                archive.push_back(t.get_termfreq());
            }
            lists->items.push_back(it->second);
        }
    }
    while (next_doc <= last + 1)
        lists->offsets[next_doc++] = static_cast<std::uint32_t>(lists->items.size());
    std::vector<std::uint32_t> order(words.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return words[a] < words[b]; });
    std::vector<std::uint32_t> renumber(words.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        renumber[order[i]] = i;
        lists->words.push_back(std::move(words[order[i]]));
        lists->archive.push_back(archive[order[i]]);
    }
    for (auto& item : lists->items)
        item = renumber[item];
    for (std::size_t d = 0; d + 1 < lists->offsets.size(); ++d)
        std::sort(lists->items.begin() + lists->offsets[d],
                  lists->items.begin() + lists->offsets[d + 1]);
    return lists;
}

std::shared_ptr<const WordLists>
shared_word_lists(const Xapian::Database& db, Xapian::docid last_docid, const std::string& key) {
    if (key.empty()) return build_word_lists(db, last_docid);
    // One entry per key; its own lock makes a second caller wait for the first one's build
    // instead of building a second copy.
    struct Entry {
        std::mutex mutex;
        std::weak_ptr<const WordLists> lists;
    };
    static std::mutex registry_mutex;
    static std::map<std::string, std::shared_ptr<Entry>> registry;
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(registry_mutex);
        for (auto it = registry.begin(); it != registry.end();) // forget the freed ones
            it = it->second.use_count() == 1 && it->second->lists.expired() ? registry.erase(it)
                                                                            : std::next(it);
        auto& slot = registry[key];
        if (!slot) slot = std::make_shared<Entry>();
        entry = slot;
    }
    std::lock_guard lock(entry->mutex);
    if (auto lists = entry->lists.lock()) return lists;
    std::shared_ptr<const WordLists> lists = build_word_lists(db, last_docid);
    entry->lists = lists;
    return lists;
}

std::vector<std::vector<Xapian::doccount>>
count_by_postings(const Xapian::Database& db, std::span<const std::span<const Xapian::docid>> sets,
                  WordLists& vocabulary) {
    if (sets.size() > 8) throw std::invalid_argument("count_by_postings: at most 8 sets");
    Xapian::docid last = 0;
    for (auto set : sets)
        if (!set.empty()) last = std::max(last, set.back());
    std::vector<std::uint8_t> member(static_cast<std::size_t>(last) + 1, 0); // bit k: in set k
    for (std::size_t k = 0; k < sets.size(); ++k)
        for (Xapian::docid did : sets[k])
            member[did] |= static_cast<std::uint8_t>(1u << k);
    std::vector<std::vector<Xapian::doccount>> counts(sets.size());
    for_each_word(db, [&](const std::string& term, Xapian::doccount termfreq) {
        vocabulary.words.push_back(term);
        vocabulary.archive.push_back(termfreq);
        for (auto& c : counts)
            c.push_back(0);
        const std::size_t id = vocabulary.words.size() - 1;
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            if (*p > last) break;
            for (unsigned bits = member[*p], k = 0; bits; bits >>= 1, ++k)
                if (bits & 1) ++counts[k][id];
        }
    });
    return counts;
}

std::vector<char> stopword_mask(const WordLists& lists, const std::string& language) {
    std::vector<char> mask(lists.words.size(), 0);
    for (auto word : stopwords::for_language(language.empty() ? "en" : language))
        if (const auto id = lists.id_of(word); id >= 0) mask[static_cast<std::size_t>(id)] = 1;
    return mask;
}

} // namespace dateline::query
