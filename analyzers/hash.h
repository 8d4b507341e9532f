// Fast non-cryptographic hashing (64-bit FNV-1a) for ids, change detection and fingerprints.
// One implementation, fed in one piece or in chunks; stable across runs and machines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

class Fnv1a64 {
  public:
    void update(std::string_view bytes) {
        for (unsigned char c : bytes) {
            state_ ^= c;
            state_ *= 0x100000001b3ULL;
        }
    }
    std::uint64_t value() const { return state_; }

  private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

// The SplitMix64 finalizer: spreads every input bit over the output (FNV-1a alone leaves nearby
// inputs close), for hash tables and feature hashing.
inline std::uint64_t mix64(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

// 16 lower-case hex digits.
std::string to_hex16(std::uint64_t value);

// The FNV-1a 64 hash of the bytes as 16 hex digits: content ids and change detection.
std::string content_hash(std::string_view bytes);

} // namespace dateline
