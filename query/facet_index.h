// Flat arrays for exact facet counting and cheap sorting: what each document holds for a facet,
// keyed by docid, with values interned to small integer ids. facets.cpp counts a match set (its
// docids) into arrays indexed by those ids, so a facet costs a few nanoseconds per matching
// document instead of a Document, a value string and a map lookup.
//
// Two kinds of index:
//   - a full index covers every document; each part is built on first use by one pass over the
//     database (a value stream, or the postings of the terms with a prefix). prepare() keeps one
//     for a database (by UUID; rebuilt lazily when the revision changes) so that a process running
//     many searches (--batch, benchmarks, each server worker) builds each part once: prepared()
//     returns it. The kept index is per thread: it holds a Xapian::Database (built lazily from it),
//     and Xapian's handles count references without atomics, so a server's workers each keep their
//     own (the memory is per worker: query/serve/worker_pool.h). It also
//     holds every document's published time, for sorting without reading value streams
//     (PublishedKey), and every document's length, for BM25 without Xapian's per-document
//     length look-ups (fast_words.h).
//   - a partial index covers the given docids only (their values read by skipping through the
//     streams, their terms and words from their term lists): for a single search whose matches are
//     a small part of the database, where a full pass would cost more than the search.
// Both give the same counts for the documents they cover. Parts are built under a lock; a built
// part is read-only.
#pragma once

#include "filter_cache.h"
#include "postings_cache.h"
#include "shard_docids.h"
#include "word_languages.h"
#include "word_lists.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace dateline::query {

// One value per document (source id, language).
struct SlotCodes {
    std::vector<std::uint32_t> code; // by docid: 0 = no value, else index + 1 into values
    std::vector<std::string> values;
};

// The published day (days since 1970-01-01 UTC) of each document.
struct DayCodes {
    static constexpr std::int32_t none = std::numeric_limits<std::int32_t>::min();
    std::vector<std::int32_t> day;     // by docid
    std::int32_t first = 0, last = -1; // range of the days present
};

// A hash map from strings that can be looked up by string_view without a copy.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringIds = std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>>;

// A list of ids per document: items of docid d are items[offsets[d]..offsets[d + 1]).
struct IdLists {
    std::vector<std::uint32_t> offsets; // size: last docid + 2
    std::vector<std::uint32_t> items;
};

// The ids of did's list, empty for docids beyond the lists.
inline std::span<const std::uint32_t> items_of(const IdLists& lists, Xapian::docid did) {
    if (did + 1 >= lists.offsets.size()) return {};
    return {lists.items.data() + lists.offsets[did], lists.offsets[did + 1] - lists.offsets[did]};
}

// Display tags (value slot tags): each document's distinct case-folded tags, by the spelling
// that came first in the document.
struct TagLists {
    IdLists lists;  // spelling ids
    IdLists stored; // every item of the value, as stored (a hit's tags: search.cpp)
    std::vector<std::string> spellings;                    // spelling id -> the tag as displayed
    std::vector<std::uint32_t> key_of;                     // spelling id -> key id (folded tag)
    std::vector<std::vector<std::uint32_t>> key_spellings; // key id -> its spelling ids
    StringIds key_ids;                                     // folded tag -> key id
};

// The boolean terms with one prefix (XP person, XO org, XL place, H site) of each document.
struct TermLists {
    IdLists lists;                   // value ids
    std::vector<std::string> values; // value id -> term without the prefix
};

// The items of a schema::encode_list value as views into it, without copies (the format of
// schema::decode_list: each item a little-endian base-128 varint length, then its bytes; a unit
// test checks that both agree). False when the value is corrupt.
bool decode_list_views(std::string_view encoded, std::vector<std::string_view>& items);

class FacetIndex {
  public:
    // A full index of db.
    explicit FacetIndex(const Xapian::Database& db);
    // A partial index of the documents `docids` (ascending) of db.
    FacetIndex(const Xapian::Database& db, std::span<const Xapian::docid> docids);

    // Keeps a full index for db, with the published times and lengths read, for many searches.
    static void prepare(const Xapian::Database& db);
    // The kept full index of db (rebuilt for a newer revision), or null when prepare() was not
    // called for this database.
    static std::shared_ptr<FacetIndex> prepared(const Xapian::Database& db);

    const SlotCodes& slot(Xapian::valueno slot);
    const DayCodes& days();
    const TagLists& tags();
    // The tags part when a search has built it, else null (never builds it).
    const TagLists* tags_if_built();
    const TermLists& terms(const std::string& prefix);
    // The published time by docid as an unsigned integer in the order of the published slot's
    // values (0 when undated): 8 bytes a document, read by PublishedKey for every match.
    const std::vector<std::uint64_t>& published();
    // Document lengths (the sum of wdf, as BM25 uses them) by docid. Full indexes only.
    const std::vector<Xapian::termcount>& lengths();
    // The words of each covered document (word_lists.h). A full index's are shared by the threads
    // that hold a full index of the same database at the same revision.
    const WordLists& words();
    // The archive's languages (word_languages.h), read once per revision: reading them walks
    // every posting chunk of the "L" terms, a cost no search should pay again.
    const WordLanguages& languages();
    // The database's shards (one UUID for a single database): for posting sources, which run on
    // each shard with its docids (shard_docids.h).
    const std::vector<std::string>& shard_uuids() const { return shard_uuids_; }

    bool partial() const { return !subset_.empty(); }

    // Matches of costly filters (exact phrases) for this revision: filter_cache.h.
    FilterCache& filter_cache() { return filter_cache_; }
    // Decoded posting lists of frequent terms for this revision: postings_cache.h.
    PostingsCache& postings_cache() { return postings_cache_; }

  private:
    // Calls fn(docid, value) for each non-empty value of the slot in the covered documents.
    template <class F> void for_each_value(Xapian::valueno slot, F&& fn) const;

    Xapian::Database db_;
    Xapian::docid last_docid_ = 0;
    std::vector<Xapian::docid> subset_; // empty: every document
    std::vector<std::string> shard_uuids_;
    std::mutex mutex_;
    std::unordered_map<Xapian::valueno, std::unique_ptr<SlotCodes>> slots_;
    std::unique_ptr<DayCodes> days_;
    std::unique_ptr<TagLists> tags_;
    std::unordered_map<std::string, std::unique_ptr<TermLists>> terms_;
    std::unique_ptr<std::vector<std::uint64_t>> published_;
    std::unique_ptr<std::vector<Xapian::termcount>> lengths_;
    std::shared_ptr<const WordLists> words_;
    std::unique_ptr<const WordLanguages> languages_;
    FilterCache filter_cache_;
    PostingsCache postings_cache_;
};

// A sort key (Enquire::set_sort_by_*_key) that orders documents as Xapian's value sort on the
// published slot does (undated first), read from a FacetIndex: 8 big-endian bytes. On a sharded
// database the query must carry track_shards(cursor) and the key the same cursor.
class PublishedKey final : public Xapian::KeyMaker {
  public:
    explicit PublishedKey(std::shared_ptr<FacetIndex> index,
                          std::shared_ptr<ShardCursor> cursor = nullptr)
        : index_(std::move(index)), cursor_(std::move(cursor)), published_(&index_->published()) {}
    std::string operator()(const Xapian::Document& doc) const override;

  private:
    std::shared_ptr<FacetIndex> index_;
    std::shared_ptr<ShardCursor> cursor_;
    const std::vector<std::uint64_t>* published_;
};

} // namespace dateline::query
