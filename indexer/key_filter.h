// A set of strings that answers "certainly absent" or "maybe present" (a Bloom filter): 1.5 to 3
// bytes per key, a false "maybe" for under 1% of absent keys per level, never a false "absent".
// It grows: when a level holds its capacity, a level twice as large is added, so the memory follows
// the number of keys. The writer uses it to skip database lookups that cannot find anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline {

class KeyFilter {
  public:
    explicit KeyFilter(std::size_t first_capacity = 1 << 16);

    void insert(std::string_view key);
    bool maybe_contains(std::string_view key) const;
    std::size_t size() const { return keys_; }
    std::size_t bytes() const;

  private:
    struct Level {
        std::vector<std::uint64_t> words;
        std::uint64_t bit_mask = 0; // bits - 1 (bits is a power of two)
        std::size_t capacity = 0, count = 0;
    };
    static constexpr int probes = 4;
    static constexpr std::size_t bits_per_key = 12;

    static bool test(const Level& level, std::uint64_t h1, std::uint64_t h2);
    void add_level(std::size_t capacity);

    std::vector<Level> levels_;
    std::size_t keys_ = 0;
};

} // namespace dateline
