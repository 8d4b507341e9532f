// A thread-safe, byte-bounded least-recently-used map from a string key to a shared, read-only
// value: what FilterCache (filter_cache.h) and PostingsCache (postings_cache.h) keep their lists
// in. SizeOf(key, value) gives an entry's bytes; past max_bytes the least recently used entries
// go first, and a value larger than max_bytes is not kept.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dateline::query {

template <class Value, class SizeOf> class LruCache {
  public:
    using Shared = std::shared_ptr<const Value>;

    explicit LruCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    std::size_t max_bytes() const { return max_bytes_; }

    // The kept value of `key` (now the most recently used), or null.
    Shared find(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = by_key_.find(key);
        if (it == by_key_.end()) return nullptr;
        recent_.splice(recent_.begin(), recent_, it->second);
        return it->second->value;
    }

    // Keeps `value` under `key`, replacing what the key held.
    void keep(const std::string& key, Shared value) {
        if (!value) return;
        const std::size_t size = SizeOf{}(key, *value);
        if (size > max_bytes_) return;
        std::lock_guard lock(mutex_);
        if (auto it = by_key_.find(key); it != by_key_.end()) {
            bytes_ -= it->second->size;
            recent_.erase(it->second);
            by_key_.erase(it);
        }
        while (!recent_.empty() && bytes_ + size > max_bytes_) {
            bytes_ -= recent_.back().size;
            by_key_.erase(recent_.back().key);
            recent_.pop_back();
        }
        recent_.push_front({key, std::move(value), size});
        by_key_.emplace(key, recent_.begin());
        bytes_ += size;
    }

  private:
    struct Entry {
        std::string key;
        Shared value;
        std::size_t size;
    };
    std::mutex mutex_;
    std::size_t max_bytes_, bytes_ = 0;
    std::list<Entry> recent_; // most recently used first
    std::unordered_map<std::string, typename std::list<Entry>::iterator> by_key_;
};

} // namespace dateline::query
