// Text fingerprints for duplicate detection, computed at index time:
// - exact: a hash of the folded words of the text (case, punctuation and white space ignored);
// - near: a MinHash signature of the text's word 3-shingles. Two texts whose estimated shingle
//   resemblance (Jaccard) is at least `near_similarity` are the same story: a different headline,
//   a trimmed ending or an added line keep it high; another story on the same topic does not.
//   Band terms (LSH: `bands` bands of `rows` minima) find candidates without a scan.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::fingerprint {

inline constexpr std::size_t signature_size = 32;
inline constexpr std::size_t bands = 8, rows = 2; // bands * rows <= signature_size
inline constexpr double near_similarity = 0.5;

using Signature = std::array<std::uint32_t, signature_size>;

// Hash of the folded words of the text, 16 hex digits; "" when the text has no words.
std::string exact(std::string_view text);

// MinHash of the text's word 3-shingles (words folded); nullopt for texts of fewer than 5 words.
std::optional<Signature> minhash(std::string_view text);

// Both fingerprints of one text, its words folded once: {exact(text), minhash(text)}.
struct Fingerprints {
    std::string exact;
    std::optional<Signature> near;
};
Fingerprints compute(std::string_view text);

// Estimated Jaccard resemblance of the two shingle sets: the share of equal minima.
double similarity(const Signature& a, const Signature& b);
inline bool near(const Signature& a, const Signature& b) {
    return similarity(a, b) >= near_similarity;
}

// One term value per band, e.g. "3:9f3a01c2" (prefix them with schema::prefix::cluster).
std::vector<std::string> band_values(const Signature& signature);

// Hex text of a signature, for a value slot, and back (nullopt when malformed).
std::string encode(const Signature& signature);
std::optional<Signature> decode(std::string_view hex);

} // namespace dateline::fingerprint
