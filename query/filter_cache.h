// The matches of filters that cost far more to find than to keep, for one database revision:
// exact phrases, which Xapian checks by reading a position list for every candidate (a B-tree
// look-up each: at 500,000 articles, 10-30 ms for a common phrase against 1-3 ms for its words).
// A faceted browse repeats its query with every click on a facet, a page or a sort, so the same
// phrase is matched again and again; this keeps its docids (4 bytes a match), as Elasticsearch's
// and Solr's filter caches do. Keyed by the filter's serialised Xapian::Query. The least recently
// used entries go first past max_bytes. Each FacetIndex (one revision of one database, kept per
// thread: facet_index.h) has its own, so a commit starts afresh and no entry is ever stale.
// Thread-safe.
#pragma once

#include "lru_cache.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

class FilterCache {
  public:
    using Docids = std::shared_ptr<const std::vector<Xapian::docid>>; // ascending

    explicit FilterCache(std::size_t max_bytes = std::size_t{64} << 20) : lists_(max_bytes) {}

    // The kept docids of `key`, or null.
    Docids find(const std::string& key) { return lists_.find(key); }
    // Keeps them (a list larger than max_bytes is not kept).
    void keep(const std::string& key, Docids docids) { lists_.keep(key, std::move(docids)); }

  private:
    struct SizeOf {
        std::size_t operator()(const std::string& key,
                               const std::vector<Xapian::docid>& docids) const {
            return key.size() + docids.size() * sizeof(Xapian::docid) + 64; // + the nodes
        }
    };
    LruCache<std::vector<Xapian::docid>, SizeOf> lists_;
};

} // namespace dateline::query
