// A read-only map from string keys to 32-bit values in one flat array (open addressing, linear
// probing, at most half full), for hot lookups in large tables: a lookup usually touches one slot
// and, on a hit, one key, where std::unordered_map follows a chain of nodes. Built once from its
// entries; find() may be called from many threads.
#pragma once

#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::entities {

class FlatKeyMap {
  public:
    static constexpr std::uint32_t npos = 0xFFFFFFFF; // find(): no such key; not a storable value

    FlatKeyMap() = default;
    // The entries' keys must be distinct.
    explicit FlatKeyMap(std::vector<std::pair<std::string, std::uint32_t>> entries) {
        slots_.assign(std::bit_ceil(2 * entries.size() + 1), Slot{});
        mask_ = slots_.size() - 1;
        keys_.reserve(entries.size());
        for (auto& [key, value] : entries) {
            const std::uint64_t h = hash(key);
            std::size_t i = h & mask_;
            while (slots_[i].value != npos)
                i = (i + 1) & mask_;
            slots_[i] = {h, value, static_cast<std::uint32_t>(keys_.size())};
            keys_.push_back(std::move(key));
        }
    }

    std::uint32_t find(std::string_view key) const {
        if (slots_.empty()) return npos;
        const std::uint64_t h = hash(key);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.value == npos) return npos;
            if (slot.hash == h && keys_[slot.key] == key) return slot.value;
        }
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t value = npos; // npos: an empty slot
        std::uint32_t key = 0;      // index into keys_
    };

    static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

    std::vector<Slot> slots_;
    std::vector<std::string> keys_;
    std::size_t mask_ = 0;
};

} // namespace dateline::entities
