// Decoded posting lists (docids and wdfs) of the terms that searches read again and again, for one
// database revision: what fast_match.cpp walks instead of Xapian's PostingIterator.
//
// Why: Xapian 1.4 reads every block of a posting list with its own pread of 8 KiB (it has no
// memory map and no block cache of its own) and decodes it again on every search. At 500,000
// articles one frequent word ("oil", 35,657 matches) costs about 80 such calls and 87 instructions
// a posting to decode; over scripts/bench-serve's mix a search made about 200 calls, a fifth of
// its CPU in the kernel. A browse repeats the same words with every click on a facet, a page or a
// sort, and an archive's frequent words (the ones whose lists are long) are few, so their
// decoded lists are kept here, as Lucene keeps its index in the page cache through a memory map.
//
// Trade-offs:
//   - Memory: 8 bytes a posting (docid and wdf), at most max_bytes per cache; the least recently
//     used lists go first past it. Each FacetIndex (one revision of one database, per thread:
//     facet_index.h) has its own, so a commit starts afresh and no list is ever stale.
//   - Admission: a term's list is kept at its second use, not its first, so a word searched once
//     (or a huge filter term met beside a rare word, where Xapian's skip_to reads only a few
//     blocks) never pays for decoding its whole list; lists shorter than min_postings are never
//     kept (a B-tree descent or two is all they cost).
// Thread-safe.
#pragma once

#include "lru_cache.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct PostingList {
    std::vector<Xapian::docid> docids;   // ascending
    std::vector<Xapian::termcount> wdfs; // wdfs[i] is docids[i]'s
};

class PostingsCache {
  public:
    using Postings = std::shared_ptr<const PostingList>;

    explicit PostingsCache(std::size_t max_bytes = std::size_t{96} << 20,
                           Xapian::doccount min_postings = 512)
        : lists_(max_bytes), min_postings_(min_postings) {}

    // The decoded postings of `term` in db (whose term frequency is `termfreq`): kept from before,
    // or read now when the term was asked for before and its list fits. Null: read it through
    // Xapian this time. Xapian errors propagate (the caller retries on DatabaseModifiedError).
    Postings find_or_read(const Xapian::Database& db, const std::string& term,
                          Xapian::doccount termfreq);

  private:
    static constexpr std::size_t bytes_per_posting =
        sizeof(Xapian::docid) + sizeof(Xapian::termcount);
    struct SizeOf {
        std::size_t operator()(const std::string& term, const PostingList& list) const {
            return term.size() + list.docids.size() * bytes_per_posting + 128; // + the nodes
        }
    };
    LruCache<PostingList, SizeOf> lists_;
    Xapian::doccount min_postings_;
    std::mutex mutex_;                           // guards asked_once_
    std::unordered_set<std::string> asked_once_; // terms met once, not kept yet
};

} // namespace dateline::query
