#include "key_filter.h"

#include <bit>
#include <functional>

namespace dateline {

namespace {

// Two independent-enough 64-bit hashes of the key (double hashing: probe i at h1 + i * h2).
std::pair<std::uint64_t, std::uint64_t> hashes(std::string_view key) {
    const std::uint64_t h = std::hash<std::string_view>{}(key);
    // A 64-bit finaliser (splitmix64) decorrelates the second hash from the first.
    std::uint64_t z = h + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return {h, z | 1};
}

} // namespace

KeyFilter::KeyFilter(std::size_t first_capacity) {
    add_level(std::max<std::size_t>(first_capacity, 64));
}

void KeyFilter::add_level(std::size_t capacity) {
    Level level;
    const std::size_t bits = std::bit_ceil(capacity * bits_per_key);
    level.words.assign(bits / 64, 0);
    level.bit_mask = bits - 1;
    level.capacity = capacity;
    levels_.push_back(std::move(level));
}

bool KeyFilter::test(const Level& level, std::uint64_t h1, std::uint64_t h2) {
    for (int i = 0; i < probes; ++i) {
        const std::uint64_t bit = (h1 + static_cast<std::uint64_t>(i) * h2) & level.bit_mask;
        if (!(level.words[bit >> 6] & (std::uint64_t{1} << (bit & 63)))) return false;
    }
    return true;
}

void KeyFilter::insert(std::string_view key) {
    if (levels_.back().count >= levels_.back().capacity) add_level(levels_.back().capacity * 2);
    Level& level = levels_.back();
    const auto [h1, h2] = hashes(key);
    for (int i = 0; i < probes; ++i) {
        const std::uint64_t bit = (h1 + static_cast<std::uint64_t>(i) * h2) & level.bit_mask;
        level.words[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
    ++level.count;
    ++keys_;
}

bool KeyFilter::maybe_contains(std::string_view key) const {
    const auto [h1, h2] = hashes(key);
    for (const auto& level : levels_)
        if (level.count && test(level, h1, h2)) return true;
    return false;
}

std::size_t KeyFilter::bytes() const {
    std::size_t n = 0;
    for (const auto& level : levels_)
        n += level.words.size() * sizeof(std::uint64_t);
    return n;
}

} // namespace dateline
