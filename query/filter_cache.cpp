#include "filter_cache.h"

namespace dateline::query {

std::size_t FilterCache::size_of(const Entry& e) {
    return e.key.size() + e.docids->size() * sizeof(Xapian::docid) + 64; // + the nodes, roughly
}

FilterCache::Docids FilterCache::find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, it->second);
    return it->second->docids;
}

void FilterCache::keep(const std::string& key, Docids docids) {
    if (!docids) return;
    Entry entry{key, std::move(docids)};
    const std::size_t size = size_of(entry);
    if (size > max_bytes_) return;
    std::lock_guard lock(mutex_);
    if (auto it = by_key_.find(key); it != by_key_.end()) {
        bytes_ -= size_of(*it->second);
        recent_.erase(it->second);
        by_key_.erase(it);
    }
    while (!recent_.empty() && bytes_ + size > max_bytes_) {
        bytes_ -= size_of(recent_.back());
        by_key_.erase(recent_.back().key);
        recent_.pop_back();
    }
    recent_.push_front(std::move(entry));
    by_key_.emplace(key, recent_.begin());
    bytes_ += size;
}

} // namespace dateline::query
