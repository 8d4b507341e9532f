#include "fingerprint.h"

#include "hash.h"
#include "text.h"

#include <cstdio>
#include <limits>

namespace dateline::fingerprint {

namespace {

// The folded words of a text, in one buffer (one allocation, not one per word).
class FoldedWords {
  public:
    explicit FoldedWords(std::string_view text) {
        std::vector<std::size_t> ends;
        for (const auto& token : text::tokenize(text)) {
            text::append_fold(buffer_, token.text);
            ends.push_back(buffer_.size());
        }
        words_.reserve(ends.size());
        std::size_t begin = 0;
        for (auto end : ends) {
            words_.push_back(std::string_view(buffer_).substr(begin, end - begin));
            begin = end;
        }
    }
    FoldedWords(const FoldedWords&) = delete; // words_ point into buffer_
    FoldedWords& operator=(const FoldedWords&) = delete;

    std::size_t size() const { return words_.size(); }
    std::string_view operator[](std::size_t i) const { return words_[i]; }

  private:
    std::string buffer_;
    std::vector<std::string_view> words_;
};

std::string hex(std::uint64_t value, int digits) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(value));
    return buf;
}

// The hash of the words joined by spaces, each followed by one: "w1 w2 ... wn ".
std::string exact_of(const FoldedWords& words) {
    if (words.size() == 0) return "";
    Fnv1a64 h;
    for (std::size_t i = 0; i < words.size(); ++i) {
        h.update(words[i]);
        h.update(" ");
    }
    return hex(mix64(h.value()), 16);
}

std::optional<Signature> minhash_of(const FoldedWords& words) {
    if (words.size() < 5) return std::nullopt;
    Signature sig;
    sig.fill(std::numeric_limits<std::uint32_t>::max());
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
        // The shingle "w[i] w[i+1] w[i+2]", hashed without being copied.
        Fnv1a64 shingle;
        shingle.update(words[i]);
        shingle.update(" ");
        shingle.update(words[i + 1]);
        shingle.update(" ");
        shingle.update(words[i + 2]);
        const std::uint64_t h = mix64(shingle.value());
        // Permutation k: an independent re-mix of the shingle hash with a per-k constant.
        for (std::size_t k = 0; k < signature_size; ++k) {
            auto v = static_cast<std::uint32_t>(mix64(h + 0x9e3779b97f4a7c15ULL * (k + 1)) >> 32);
            if (v < sig[k]) sig[k] = v;
        }
    }
    return sig;
}

} // namespace

std::string exact(std::string_view text) {
    return exact_of(FoldedWords(text));
}

std::optional<Signature> minhash(std::string_view text) {
    return minhash_of(FoldedWords(text));
}

Fingerprints compute(std::string_view text) {
    const FoldedWords words(text);
    return {exact_of(words), minhash_of(words)};
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
            h = mix64(h ^ sig[band * rows + r]);
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
