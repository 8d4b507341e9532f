#include "facet_index.h"

#include "analyzers/schema.h"
#include "database.h"
#include "facets.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace dateline::query {

namespace {

constexpr double seconds_per_day = 86400;

// Builds IdLists from (docid, id) pairs given in ascending docid order.
class ListBuilder {
  public:
    ListBuilder(IdLists& lists, Xapian::docid last_docid) : lists_(lists), last_(last_docid) {
        lists_.offsets.assign(static_cast<std::size_t>(last_docid) + 2, 0);
    }
    // Starts the list of `did` (ascending); the ids added next belong to it.
    void start(Xapian::docid did) {
        while (next_ <= did)
            lists_.offsets[next_++] = static_cast<std::uint32_t>(lists_.items.size());
    }
    void add(std::uint32_t id) { lists_.items.push_back(id); }
    void finish() { start(last_ + 1); }

  private:
    IdLists& lists_;
    Xapian::docid last_;
    Xapian::docid next_ = 0;
};

struct Prepared {
    std::mutex mutex;
    std::string uuid;
    Xapian::rev revision = 0;
    std::shared_ptr<FacetIndex> index;
};

// One per thread: a FacetIndex holds a Database handle, and Xapian's handles may not be shared
// between threads (facet_index.h).
Prepared& prepared_cache() {
    thread_local Prepared cache;
    return cache;
}

bool identify(const Xapian::Database& db, std::string* uuid, Xapian::rev* revision) {
    try {
        *uuid = db.get_uuid();
        // A sharded database has no revision of its own (database.h: shard_generation).
        *revision =
            db.size() > 1 ? static_cast<Xapian::rev>(shard_generation(*uuid)) : db.get_revision();
    } catch (const Xapian::UnimplementedError&) {
        return false;
    } catch (const Xapian::InvalidOperationError&) {
        return false;
    }
    return !uuid->empty();
}

} // namespace

bool decode_list_views(std::string_view encoded, std::vector<std::string_view>& items) {
    items.clear();
    std::size_t pos = 0;
    while (pos < encoded.size()) {
        std::size_t n = 0;
        for (int shift = 0;; shift += 7) {
            if (pos >= encoded.size() || shift > 56) return false;
            const auto byte = static_cast<unsigned char>(encoded[pos++]);
            n |= static_cast<std::size_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) break;
        }
        if (n > encoded.size() - pos) return false;
        items.push_back(encoded.substr(pos, n));
        pos += n;
    }
    return true;
}

FacetIndex::FacetIndex(const Xapian::Database& db)
    : db_(db), last_docid_(db.get_lastdocid()), shard_uuids_(query::shard_uuids(db)) {}

FacetIndex::FacetIndex(const Xapian::Database& db, std::span<const Xapian::docid> docids)
    : db_(db), last_docid_(db.get_lastdocid()), subset_(docids.begin(), docids.end()),
      shard_uuids_(query::shard_uuids(db)) {
    std::sort(subset_.begin(), subset_.end());
    subset_.erase(std::unique(subset_.begin(), subset_.end()), subset_.end());
    while (!subset_.empty() && subset_.back() > last_docid_)
        subset_.pop_back();
    if (subset_.empty()) subset_.push_back(0); // docid 0 is never a document: covers nothing
}

void FacetIndex::prepare(const Xapian::Database& db) {
    auto index = prepared(db);
    if (!index) {
        Prepared& cache = prepared_cache();
        std::string uuid;
        Xapian::rev revision = 0;
        index = std::make_shared<FacetIndex>(db);
        if (identify(db, &uuid, &revision)) {
            std::lock_guard lock(cache.mutex);
            cache.uuid = uuid;
            cache.revision = revision;
            cache.index = index;
        }
    }
    index->published();
    index->lengths();
}

std::shared_ptr<FacetIndex> FacetIndex::prepared(const Xapian::Database& db) {
    Prepared& cache = prepared_cache();
    std::string uuid;
    Xapian::rev revision = 0;
    if (!identify(db, &uuid, &revision)) return nullptr;
    std::lock_guard lock(cache.mutex);
    if (!cache.index || cache.uuid != uuid) return nullptr;
    if (cache.revision != revision) { // the database changed: parts are rebuilt on first use
        cache.index = std::make_shared<FacetIndex>(db);
        cache.revision = revision;
    }
    return cache.index;
}

template <class F> void FacetIndex::for_each_value(Xapian::valueno slot, F&& fn) const {
    auto it = db_.valuestream_begin(slot);
    const auto end = db_.valuestream_end(slot);
    if (subset_.empty()) {
        for (; it != end; ++it) {
            const Xapian::docid did = it.get_docid();
            if (did > last_docid_) break;
            const std::string value = *it;
            if (!value.empty()) fn(did, value);
        }
        return;
    }
    for (Xapian::docid did : subset_) {
        if (did == 0) continue;
        it.skip_to(did);
        if (it == end) break;
        if (it.get_docid() != did) continue;
        const std::string value = *it;
        if (!value.empty()) fn(did, value);
    }
}

const SlotCodes& FacetIndex::slot(Xapian::valueno slot) {
    std::lock_guard lock(mutex_);
    auto& part = slots_[slot];
    if (part) return *part;
    auto codes = std::make_unique<SlotCodes>();
    codes->code.assign(static_cast<std::size_t>(last_docid_) + 1, 0);
    StringIds ids;
    for_each_value(slot, [&](Xapian::docid did, std::string_view value) {
        auto found = ids.find(value);
        if (found == ids.end()) {
            found =
                ids.emplace(std::string(value), static_cast<std::uint32_t>(ids.size() + 1)).first;
            codes->values.emplace_back(value);
        }
        codes->code[did] = found->second;
    });
    part = std::move(codes);
    return *part;
}

const WordLanguages& FacetIndex::languages() {
    std::lock_guard lock(mutex_);
    if (!languages_) languages_ = std::make_unique<const WordLanguages>(db_);
    return *languages_;
}

const DayCodes& FacetIndex::days() {
    std::lock_guard lock(mutex_);
    if (days_) return *days_;
    auto days = std::make_unique<DayCodes>();
    days->day.assign(static_cast<std::size_t>(last_docid_) + 1, DayCodes::none);
    bool any = false;
    for_each_value(schema::slot::published, [&](Xapian::docid did, const std::string& raw) {
        const double day = std::floor(Xapian::sortable_unserialise(raw) / seconds_per_day);
        if (!(day > DayCodes::none && day < std::numeric_limits<std::int32_t>::max())) return;
        const auto d = static_cast<std::int32_t>(day);
        days->day[did] = d;
        days->first = any ? std::min(days->first, d) : d;
        days->last = any ? std::max(days->last, d) : d;
        any = true;
    });
    days_ = std::move(days);
    return *days_;
}

namespace {

// A double's order as an unsigned integer: negative numbers flipped whole, positive ones with the
// sign bit set. Never 0 for a number (0 is left for "undated").
std::uint64_t order_bits(double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    return (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
}

} // namespace

const std::vector<std::uint64_t>& FacetIndex::published() {
    std::lock_guard lock(mutex_);
    if (published_) return *published_;
    auto times =
        std::make_unique<std::vector<std::uint64_t>>(static_cast<std::size_t>(last_docid_) + 1);
    for_each_value(schema::slot::published, [&](Xapian::docid did, const std::string& raw) {
        (*times)[did] = order_bits(Xapian::sortable_unserialise(raw));
    });
    published_ = std::move(times);
    return *published_;
}

const std::vector<Xapian::termcount>& FacetIndex::lengths() {
    std::lock_guard lock(mutex_);
    if (lengths_) return *lengths_;
    auto lengths = std::make_unique<std::vector<Xapian::termcount>>(
        static_cast<std::size_t>(last_docid_) + 1, 0);
    // The all-documents posting list reads the lengths in order (one entry after the other),
    // unlike Database::get_doclength, which looks each one up.
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
        if (*it <= last_docid_) (*lengths)[*it] = it.get_doclength();
    lengths_ = std::move(lengths);
    return *lengths_;
}

const WordLists& FacetIndex::words() {
    std::lock_guard lock(mutex_);
    if (words_) return *words_;
    if (!subset_.empty()) {
        words_ = build_word_lists(db_, subset_);
        return *words_;
    }
    std::string uuid, key;
    Xapian::rev revision = 0;
    if (identify(db_, &uuid, &revision))
        key = uuid + ':' + std::to_string(revision) + ':' + std::to_string(last_docid_);
    words_ = shared_word_lists(db_, last_docid_, key);
    return *words_;
}

const TagLists& FacetIndex::tags() {
    std::lock_guard lock(mutex_);
    if (tags_) return *tags_;
    auto tags = std::make_unique<TagLists>();
    ListBuilder lists(tags->lists, last_docid_), stored(tags->stored, last_docid_);
    tags->lists.items.reserve(subset_.empty() ? static_cast<std::size_t>(db_.get_doccount()) * 4
                                              : subset_.size() * 4);
    tags->stored.items.reserve(tags->lists.items.capacity());
    StringIds spelling_ids;
    StringIds& key_ids = tags->key_ids;
    std::vector<std::string_view> items;
    for_each_value(schema::slot::tags, [&](Xapian::docid did, const std::string& raw) {
        // A corrupt value has no tags: counted as missing rather than failing the search.
        if (!decode_list_views(raw, items)) return;
        lists.start(did);
        stored.start(did);
        const std::size_t doc_begin = tags->lists.items.size();
        for (auto item : items) {
            auto found = spelling_ids.find(item);
            std::uint32_t spelling;
            if (found != spelling_ids.end()) {
                spelling = found->second;
            } else {
                spelling = static_cast<std::uint32_t>(tags->spellings.size());
                spelling_ids.emplace(std::string(item), spelling);
                tags->spellings.emplace_back(item);
                std::string key = schema::fold_value(item);
                std::uint32_t key_id = UINT32_MAX; // a blank tag is never counted
                if (!key.empty()) {
                    auto [kpos, added] = key_ids.try_emplace(
                        std::move(key), static_cast<std::uint32_t>(tags->key_spellings.size()));
                    if (added) tags->key_spellings.emplace_back();
                    key_id = kpos->second;
                    tags->key_spellings[key_id].push_back(spelling);
                }
                tags->key_of.push_back(key_id);
            }
            stored.add(spelling);
            const std::uint32_t key = tags->key_of[spelling];
            if (key == UINT32_MAX) continue;
            bool seen = false; // each key once per document, by its first spelling
            for (std::size_t i = doc_begin; i < tags->lists.items.size() && !seen; ++i)
                seen = tags->key_of[tags->lists.items[i]] == key;
            if (!seen) lists.add(spelling);
        }
    });
    lists.finish();
    stored.finish();
    tags_ = std::move(tags);
    return *tags_;
}

const TagLists* FacetIndex::tags_if_built() {
    std::lock_guard lock(mutex_);
    return tags_.get();
}

const TermLists& FacetIndex::terms(const std::string& prefix) {
    std::lock_guard lock(mutex_);
    auto& part = terms_[prefix];
    if (part) return *part;
    auto terms = std::make_unique<TermLists>();
    ListBuilder lists(terms->lists, last_docid_);
    if (subset_.empty()) {
        // Term by term, then regrouped by document.
        std::vector<std::uint32_t> counts(static_cast<std::size_t>(last_docid_) + 1, 0);
        std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;
        for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
            std::string value = (*t).substr(prefix.size());
            if (value.empty()) continue;
            const auto id = static_cast<std::uint32_t>(terms->values.size());
            terms->values.push_back(std::move(value));
            for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
                if (*p > last_docid_) break;
                pairs.emplace_back(*p, id);
            }
        }
        std::stable_sort(pairs.begin(), pairs.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [did, id] : pairs) {
            lists.start(did);
            lists.add(id);
        }
    } else {
        StringIds ids;
        for (Xapian::docid did : subset_) {
            if (did == 0) continue;
            lists.start(did);
            auto t = db_.termlist_begin(did);
            for (t.skip_to(prefix); t != db_.termlist_end(did); ++t) {
                const std::string& term = *t;
                if (term.compare(0, prefix.size(), prefix) != 0) break;
                std::string_view value = std::string_view(term).substr(prefix.size());
                if (value.empty()) continue;
                auto found = ids.find(value);
                if (found == ids.end()) {
                    found = ids.emplace(std::string(value),
                                        static_cast<std::uint32_t>(terms->values.size()))
                                .first;
                    terms->values.emplace_back(value);
                }
                lists.add(found->second);
            }
        }
    }
    lists.finish();
    part = std::move(terms);
    return *part;
}

std::string PublishedKey::operator()(const Xapian::Document& doc) const {
    const Xapian::docid did = cursor_ ? cursor_->global(doc.get_docid()) : doc.get_docid();
    const std::uint64_t bits = did < published_->size() ? (*published_)[did] : 0;
    if (bits == 0) return std::string();
    // Big-endian, so that the keys compare as the numbers do.
    std::string key(8, '\0');
    for (int i = 7; i >= 0; --i)
        key[static_cast<std::size_t>(7 - i)] = static_cast<char>((bits >> (8 * i)) & 0xFF);
    return key;
}

} // namespace dateline::query
