#include "postings_cache.h"

namespace dateline::query {

namespace {

// Past this many terms met once, that list starts afresh (it only delays admission).
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

std::size_t PostingsCache::size_of(const Entry& e) {
    return e.term.size() +
           e.postings->docids.size() * (sizeof(Xapian::docid) + sizeof(Xapian::termcount)) +
           128; // + the nodes, roughly
}

PostingsCache::Postings PostingsCache::find_or_read(const Xapian::Database& db,
                                                    const std::string& term,
                                                    Xapian::doccount termfreq) {
    if (termfreq < min_postings_ ||
        std::size_t{termfreq} * (sizeof(Xapian::docid) + sizeof(Xapian::termcount)) > max_bytes_)
        return nullptr;
    {
        std::lock_guard lock(mutex_);
        if (auto it = by_term_.find(term); it != by_term_.end()) {
            recent_.splice(recent_.begin(), recent_, it->second);
            return it->second->postings;
        }
        if (asked_once_.size() >= max_asked_once) asked_once_.clear();
        if (asked_once_.insert(term).second) return nullptr; // its first use
        asked_once_.erase(term);
    }
    auto postings = std::make_shared<const PostingList>(read_postings(db, term, termfreq));
    keep({term, postings});
    return postings;
}

void PostingsCache::keep(Entry entry) {
    const std::size_t size = size_of(entry);
    std::lock_guard lock(mutex_);
    if (by_term_.count(entry.term)) return; // another thread kept it meanwhile
    while (!recent_.empty() && bytes_ + size > max_bytes_) {
        bytes_ -= size_of(recent_.back());
        by_term_.erase(recent_.back().term);
        recent_.pop_back();
    }
    recent_.push_front(std::move(entry));
    by_term_.emplace(recent_.front().term, recent_.begin());
    bytes_ += size;
}

} // namespace dateline::query
