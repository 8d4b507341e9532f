#include "fingerprint.h"

#include "hash.h"
#include "text.h"

#include <cstdio>
#include <limits>

namespace dateline::fingerprint {

namespace {

// 64-bit FNV-1a then a finalizer (splitmix64) so that every bit is well mixed.
std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

std::uint64_t hash64(std::string_view bytes) {
    Fnv1a64 h;
    h.update(bytes);
    return mix(h.value());
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for (const auto& token : text::tokenize(text))
        words.push_back(text::fold(token.text));
    return words;
}

std::string hex(std::uint64_t value, int digits) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(value));
    return buf;
}

} // namespace

std::string exact(std::string_view text) {
    auto words = folded_words(text);
    if (words.empty()) return "";
    std::string joined;
    for (const auto& w : words) {
        joined += w;
        joined += ' ';
    }
    return hex(hash64(joined), 16);
}

std::optional<Signature> minhash(std::string_view text) {
    auto words = folded_words(text);
    if (words.size() < 5) return std::nullopt;
    Signature sig;
    sig.fill(std::numeric_limits<std::uint32_t>::max());
    std::string shingle;
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
        shingle = words[i] + ' ' + words[i + 1] + ' ' + words[i + 2];
        const std::uint64_t h = hash64(shingle);
        // Permutation k: an independent re-mix of the shingle hash with a per-k constant.
        for (std::size_t k = 0; k < signature_size; ++k) {
            auto v = static_cast<std::uint32_t>(mix(h + 0x9e3779b97f4a7c15ULL * (k + 1)) >> 32);
            if (v < sig[k]) sig[k] = v;
        }
    }
    return sig;
}

double similarity(const Signature& a, const Signature& b) {
    std::size_t same = 0;
    for (std::size_t k = 0; k < signature_size; ++k)
        same += a[k] == b[k];
    return static_cast<double>(same) / signature_size;
}

std::vector<std::string> band_values(const Signature& sig) {
    std::vector<std::string> out;
    for (std::size_t band = 0; band < bands; ++band) {
        std::uint64_t h = 0;
        for (std::size_t r = 0; r < rows; ++r)
            h = mix(h ^ sig[band * rows + r]);
        out.push_back(std::to_string(band) + ":" + hex(h >> 32, 8));
    }
    return out;
}

std::string encode(const Signature& sig) {
    std::string out;
    for (auto v : sig)
        out += hex(v, 8);
    return out;
}

std::optional<Signature> decode(std::string_view text) {
    if (text.size() != signature_size * 8) return std::nullopt;
    Signature sig;
    for (std::size_t k = 0; k < signature_size; ++k) {
        std::uint32_t v = 0;
        for (char c : text.substr(k * 8, 8)) {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return std::nullopt;
            v = v << 4 | static_cast<unsigned>(d);
        }
        sig[k] = v;
    }
    return sig;
}

} // namespace dateline::fingerprint
