#include "postings_cache.h"

namespace dateline::query {

namespace {

// Past this many terms met once, that set starts afresh (it only delays admission).
constexpr std::size_t max_asked_once = 100000;

PostingList read_postings(const Xapian::Database& db, const std::string& term,
                          Xapian::doccount termfreq) {
    PostingList list;
    list.docids.reserve(termfreq);
    list.wdfs.reserve(termfreq);
    for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
        list.docids.push_back(*it);
        list.wdfs.push_back(it.get_wdf());
    }
    return list;
}

} // namespace

PostingsCache::Postings PostingsCache::find_or_read(const Xapian::Database& db,
                                                    const std::string& term,
                                                    Xapian::doccount termfreq) {
    if (termfreq < min_postings_ || std::size_t{termfreq} * bytes_per_posting > lists_.max_bytes())
        return nullptr;
    if (auto kept = lists_.find(term)) return kept;
    {
        std::lock_guard lock(mutex_);
        if (asked_once_.size() >= max_asked_once) asked_once_.clear();
        if (asked_once_.insert(term).second) return nullptr; // its first use
        asked_once_.erase(term);
    }
    auto postings = std::make_shared<const PostingList>(read_postings(db, term, termfreq));
    lists_.keep(term, postings);
    return postings;
}

} // namespace dateline::query
