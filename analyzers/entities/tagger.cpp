#include "tagger.h"

#include "analyzers/entities/organization_extent.h"
#include "analyzers/entities/person_extents.h"
#include "analyzers/entities/place_extents.h"
#include "analyzers/entities/quoted_titles.h"
#include "analyzers/hash.h"
#include "analyzers/text.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace dateline::entities::tagger {

namespace {

bool is_space(unsigned c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Letters, digits and combining marks of the scripts news is written in; other characters
// (punctuation, symbols, quotes, dashes) are tokens of their own.
bool is_word_char(unsigned c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false; // punctuation, symbols, arrows, dingbats
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE30 && c <= 0xFE6F) return false;
    if (c >= 0xFF00 && c <= 0xFF20) return false;
    return true;
}

// Lower case of the Latin, Latin-1 and Cyrillic capitals; other code points as they are. The
// model depends on this exact mapping, so it is written out here rather than taken from a
// Unicode library whose version may change.
unsigned lower(unsigned c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

bool is_upper(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x400 && c <= 0x42F);
}

bool is_digit(unsigned c) {
    return c >= '0' && c <= '9';
}

// FNV-1a over bytes, finished by a SplitMix64 step so that nearby inputs spread.
std::uint64_t hash_bytes(std::string_view s) {
    Fnv1a64 h;
    h.update(s);
    return mix64(h.value());
}

std::uint64_t combine(std::uint64_t templ, std::uint64_t a, std::uint64_t b = 0) {
    const std::uint64_t h = mix64(templ * 0x9e3779b97f4a7c15ULL + a) ^ std::rotl(b, 29);
    const std::uint64_t key = mix64(h);
    return key ? key : 1;
}

// The per-token strings the features are made of, hashed once per token.
struct TokenHashes {
    std::uint64_t word, shape, suffix1, suffix2, suffix3, suffix4, prefix3, prefix4, prefix5;
};

// A short ASCII token (most words of English news, the digits and punctuation of any) folds
// byte by byte into the strings the general path below makes, without decoding code points or
// growing buffers: 3.7% fewer instructions tagging Reuters with the tagger on (cachegrind).
constexpr std::size_t short_token = 64;

bool short_ascii(std::string_view s) {
    return s.size() <= short_token && text::is_ascii(s);
}

TokenHashes ascii_hashes_of(std::string_view text) {
    char folded[short_token], shape[short_token];
    const std::size_t n = text.size();
    std::size_t shape_size = 0;
    char last_class = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        folded[i] = static_cast<char>(lower(c));
        const char cls = is_upper(c) ? 'L' : is_digit(c) ? 'd' : is_word_char(c) ? 'l' : 0;
        if (!cls) {
            shape[shape_size++] = static_cast<char>(c);
            last_class = 0;
        } else if (cls != last_class) {
            shape[shape_size++] = cls;
            last_class = cls;
        }
    }
    const std::string_view f(folded, n);
    auto suffix = [&](std::size_t k) { return hash_bytes(k >= n ? f : f.substr(n - k)); };
    auto prefix = [&](std::size_t k) { return hash_bytes(k >= n ? f : f.substr(0, k)); };
    return {hash_bytes(f), hash_bytes(std::string_view(shape, shape_size)),
            suffix(1),     suffix(2),
            suffix(3),     suffix(4),
            prefix(3),     prefix(4),
            prefix(5)};
}

TokenHashes hashes_of(const Token& t) {
    if (short_ascii(t.text)) return ascii_hashes_of(t.text);
    // Buffers reused across tokens: tagging allocates nothing per token.
    thread_local std::string folded, shape;
    thread_local std::vector<std::size_t> starts; // byte offset in `folded` of each code point
    folded.clear();
    shape.clear();
    starts.clear();
    std::size_t pos = 0;
    char last_class = 0;
    while (pos < t.text.size()) {
        const unsigned c = text::next_code_point(t.text, pos);
        starts.push_back(folded.size());
        text::append_utf8(folded, lower(c));
        // Latin letters have shapes of their own: in Russian news a Latin-script word is mostly a
        // foreign name (a company, a band, a title).
        const bool latin = c < 0x250;
        char cls = is_upper(c)       ? (latin ? 'L' : 'X')
                   : is_digit(c)     ? 'd'
                   : is_word_char(c) ? (latin ? 'l' : 'x')
                                     : 0;
        if (!cls) {
            shape += c < 0x80 ? static_cast<char>(c) : 'p';
            last_class = 0;
        } else if (cls != last_class) {
            shape += cls;
            last_class = cls;
        }
    }
    const std::size_t n = starts.size();
    auto suffix = [&](std::size_t k) {
        return hash_bytes(k >= n ? std::string_view(folded)
                                 : std::string_view(folded).substr(starts[n - k]));
    };
    auto prefix = [&](std::size_t k) {
        return hash_bytes(k >= n ? std::string_view(folded)
                                 : std::string_view(folded).substr(0, starts[k]));
    };
    return {hash_bytes(folded), hash_bytes(shape), suffix(1), suffix(2), suffix(3),
            suffix(4),          prefix(3),         prefix(4), prefix(5)};
}

// Appends `word` in lower case, as fold() gives it.
void append_folded(std::string& out, std::string_view word) {
    if (short_ascii(word)) { // the same bytes, without decoding them
        const std::size_t begin = out.size();
        out += word;
        for (std::size_t i = begin; i < out.size(); ++i)
            out[i] = static_cast<char>(lower(static_cast<unsigned char>(out[i])));
        return;
    }
    std::size_t pos = 0;
    while (pos < word.size())
        text::append_utf8(out, lower(text::next_code_point(word, pos)));
}

// hashes_of(t).word alone.
std::uint64_t word_hash(std::string_view word) {
    thread_local std::string folded;
    folded.clear();
    append_folded(folded, word);
    return hash_bytes(folded);
}

// Outside the line: the words before its start and after its end.
constexpr TokenHashes line_start_hashes{1, 2, 3, 4, 5, 6, 7, 8, 9};
constexpr TokenHashes line_end_hashes{11, 12, 13, 14, 15, 16, 17, 18, 19};

enum Template : std::uint64_t {
    bias = 1,
    word,
    shape,
    suffix1,
    suffix2,
    suffix3,
    suffix4,
    prefix3,
    prefix4,
    prefix5,
    previous_word,
    next_word,
    second_previous_word,
    second_next_word,
    previous_shape_shape,
    shape_next_shape,
    previous_word_word,
    word_next_word,
    previous_suffix3,
    next_suffix3,
    previous_suffix2_suffix2,
    suffix2_next_suffix2,
    line_start_shape,
    previous_prefix4,
    next_prefix4,
    shape_window,
    previous_word_shape,
    shape_next_word,
    quoted_shape,
    second_previous_suffix3,
    written_in_lower_case,
};

// Whether each token stands inside quotation marks opened earlier on its line («», „“, "").
std::vector<bool> quoted(std::span<const Token> line) {
    std::vector<bool> out(line.size(), false);
    bool open = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto t = line[i].text;
        if (t == "»" || t == "“" || (t == "\"" && open)) {
            open = false;
        } else if (t == "«" || t == "„" || t == "\"") {
            open = true;
            continue;
        }
        out[i] = open;
    }
    return out;
}

} // namespace

std::string fold(std::string_view word) {
    std::string out;
    append_folded(out, word);
    return out;
}

std::span<const Token>::iterator token_at(std::span<const Token> line, std::size_t offset) {
    return std::lower_bound(line.begin(), line.end(), offset,
                            [](const Token& t, std::size_t o) { return t.offset < o; });
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::size_t pos = 0;
    bool line_start = true;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const unsigned c = text::next_code_point(text, pos);
        if (is_space(c)) {
            if (c == '\n') line_start = true;
            continue;
        }
        if (is_word_char(c)) {
            std::size_t end = pos;
            while (end < text.size()) {
                std::size_t next = end;
                if (!is_word_char(text::next_code_point(text, next))) break;
                end = next;
            }
            pos = end;
        }
        out.push_back({text.substr(start, pos - start), start, line_start});
        line_start = false;
    }
    return out;
}

std::vector<std::uint64_t> lower_case_words(std::span<const Token> tokens) {
    std::vector<std::uint64_t> out;
    for (const auto& t : tokens) {
        std::size_t pos = 0;
        const unsigned c = text::next_code_point(t.text, pos);
        if (is_word_char(c) && !is_upper(c) && !is_digit(c)) out.push_back(word_hash(t.text));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void features(std::span<const Token> line, std::span<const std::uint64_t> lower_case,
              std::vector<std::uint64_t>& out) {
    out.clear();
    out.reserve(line.size() * features_per_token);
    thread_local std::vector<TokenHashes> hashes;
    hashes.clear();
    for (const auto& t : line)
        hashes.push_back(hashes_of(t));
    const auto in_quotes = quoted(line);
    auto at = [&](std::size_t i, int d) {
        const auto j = static_cast<std::ptrdiff_t>(i) + d;
        if (j < 0) return line_start_hashes;
        if (static_cast<std::size_t>(j) >= line.size()) return line_end_hashes;
        return hashes[static_cast<std::size_t>(j)];
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const TokenHashes p2 = at(i, -2), p = at(i, -1), c = hashes[i], n = at(i, 1), n2 = at(i, 2);
        const std::uint64_t keys[] = {
            // The first ten depend on the token's word alone (Model::emissions caches their sums).
            combine(bias, 0),
            combine(word, c.word),
            combine(shape, c.shape),
            combine(suffix1, c.suffix1),
            combine(suffix2, c.suffix2),
            combine(suffix3, c.suffix3),
            combine(suffix4, c.suffix4),
            combine(prefix3, c.prefix3),
            combine(prefix4, c.prefix4),
            combine(prefix5, c.prefix5),
            combine(previous_word, p.word),
            combine(next_word, n.word),
            combine(second_previous_word, p2.word),
            combine(second_next_word, n2.word),
            combine(previous_shape_shape, p.shape, c.shape),
            combine(shape_next_shape, c.shape, n.shape),
            combine(previous_word_word, p.word, c.word),
            combine(word_next_word, c.word, n.word),
            combine(previous_suffix3, p.suffix3),
            combine(next_suffix3, n.suffix3),
            combine(previous_suffix2_suffix2, p.suffix2, c.suffix2),
            combine(suffix2_next_suffix2, c.suffix2, n.suffix2),
            combine(line_start_shape, line[i].line_start, c.shape),
            combine(previous_prefix4, p.prefix4),
            combine(next_prefix4, n.prefix4),
            combine(shape_window, combine(shape_window, p.shape, c.shape), n.shape),
            combine(previous_word_shape, p.word, c.shape),
            combine(shape_next_word, c.shape, n.word),
            combine(quoted_shape, in_quotes[i], c.shape),
            combine(second_previous_suffix3, p2.suffix3),
            combine(written_in_lower_case,
                    std::binary_search(lower_case.begin(), lower_case.end(), c.word), c.shape),
        };
        static_assert(std::size(keys) == features_per_token);
        out.insert(out.end(), std::begin(keys), std::end(keys));
    }
}

std::vector<Label> decode(std::span<const float> emissions, std::size_t n, std::size_t chain,
                          const Transitions& transitions) {
    std::vector<Label> labels(n, outside);
    if (n == 0) return labels;
    constexpr float impossible = -std::numeric_limits<float>::infinity();
    thread_local std::vector<std::array<float, label_count>> score;
    thread_local std::vector<std::array<std::uint8_t, label_count>> back;
    score.resize(n);
    back.resize(n);
    auto emission = [&](std::size_t i, std::size_t l) {
        return emissions[i * row_size + chain * label_count + l];
    };
    for (std::size_t l = 0; l < label_count; ++l)
        score[0][l] = l == inside ? impossible : transitions[label_count][l] + emission(0, l);
    for (std::size_t i = 1; i < n; ++i)
        for (std::size_t l = 0; l < label_count; ++l) {
            float best = impossible;
            std::uint8_t from = 0;
            for (std::size_t q = 0; q < label_count; ++q) {
                if (l == inside && q == outside) continue;
                const float s = score[i - 1][q] + transitions[q][l];
                if (s > best) {
                    best = s;
                    from = static_cast<std::uint8_t>(q);
                }
            }
            score[i][l] = best + emission(i, l);
            back[i][l] = from;
        }
    std::size_t l = 0;
    for (std::size_t q = 1; q < label_count; ++q)
        if (score[n - 1][q] > score[n - 1][l]) l = q;
    for (std::size_t i = n; i-- > 0;) {
        labels[i] = static_cast<Label>(l);
        l = back[i][l];
    }
    return labels;
}

void append_spans(std::span<const Token> line, std::span<const Label> labels, std::size_t chain,
                  std::vector<Span>& out) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] != begin) continue;
        std::size_t j = i + 1;
        while (j < labels.size() && labels[j] == inside)
            ++j;
        out.push_back({line[i].offset, line[j - 1].offset + line[j - 1].text.size(), chain});
    }
}

// The model file, little-endian:
//   "DLTAGGR1"                       magic and format version
//   u32 chain_count, u32 label_count  must equal this build's (4, 3)
//   u32 features                     number of weight rows
//   f32 scale                        a weight is its stored i16 times scale
//   f32 transitions[chain_count][label_count + 1][label_count]
//   u64 keys[features]               feature hashes, ascending
//   i16 weights[features][row_size]
namespace {

constexpr std::string_view magic = "DLTAGGR1";

class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    template <typename T> T get() {
        if (bytes_.size() - pos_ < sizeof(T))
            throw std::runtime_error("tagger model: truncated at byte " + std::to_string(pos_));
        T value;
        std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return value;
    }
    std::size_t left() const { return bytes_.size() - pos_; }

  private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

template <typename T> void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

// The first features of a token (bias to prefix5 in features()) depend on its word as written
// alone; their summed weights are kept per word in a small cache per thread, so that a word
// seen before costs one lookup instead of ten. Keyed by the word's and shape's feature keys,
// which between them fix the other eight. The sums are the integers of the uncached path, so a
// cached word scores exactly the same.
constexpr std::size_t word_features = 10;
static_assert(Template::prefix5 - Template::bias + 1 == word_features);

struct WordSums {
    std::uint64_t key = 0; // 0: empty
    std::array<std::int32_t, row_size> sums{};
};

struct WordCache {
    static constexpr std::size_t size = 1 << 14; // 16,384 words, 0.9 MB
    std::uint64_t model = 0;                     // Model::id_ of the sums
    std::vector<WordSums> entries = std::vector<WordSums>(size);
};

std::uint64_t word_cache_key(std::span<const std::uint64_t> token_keys) {
    const std::uint64_t key = mix64(token_keys[1] ^ std::rotl(token_keys[2], 23));
    return key ? key : 1;
}

std::atomic<std::uint64_t> models_made{0};

} // namespace

Model::Model(std::string_view bytes) {
    if (bytes.substr(0, magic.size()) != magic)
        throw std::runtime_error("tagger model: not a model file of this version (magic)");
    Reader r(bytes.substr(magic.size()));
    if (r.get<std::uint32_t>() != chain_count || r.get<std::uint32_t>() != label_count)
        throw std::runtime_error("tagger model: chains or labels differ from this build's");
    const auto n = r.get<std::uint32_t>();
    scale_ = r.get<float>();
    for (auto& t : transitions_)
        for (auto& from : t)
            for (auto& w : from)
                w = r.get<float>();
    if (r.left() != std::size_t{n} * (sizeof(std::uint64_t) + row_size * sizeof(std::int16_t)))
        throw std::runtime_error("tagger model: size does not match its " + std::to_string(n) +
                                 " features");
    const std::size_t slots = std::bit_ceil(std::size_t{2} * n + 2);
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
    features_ = n;
    id_ = ++models_made;
    std::vector<std::uint64_t> keys(n);
    for (auto& key : keys) {
        key = r.get<std::uint64_t>();
        if (key == 0) throw std::runtime_error("tagger model: feature key 0");
    }
    present_.assign(std::bit_ceil(std::size_t{32} * n + 64) / 64, 0);
    for (const auto key : keys) {
        const std::uint64_t bit = presence_bit(key);
        present_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        std::uint64_t s = key & mask_;
        while (slots_[s].key != 0)
            s = (s + 1) & mask_;
        slots_[s].key = key;
        for (auto& w : slots_[s].weights)
            w = r.get<std::int16_t>();
    }
}

const Model::Slot* Model::find(std::uint64_t key) const {
    for (std::uint64_t s = key & mask_;; s = (s + 1) & mask_) {
        if (slots_[s].key == key) return &slots_[s];
        if (slots_[s].key == 0) return nullptr;
    }
}

std::uint64_t Model::presence_bit(std::uint64_t key) const {
    // The high bits: the slot index takes the low ones.
    return (key >> 32) & (present_.size() * 64 - 1);
}

bool Model::may_contain(std::uint64_t key) const {
    const std::uint64_t bit = presence_bit(key);
    return (present_[bit / 64] >> (bit % 64)) & 1;
}

void Model::emissions(std::span<const Token> line, std::span<const std::uint64_t> lower_case,
                      std::vector<float>& out) const {
    out.assign(line.size() * row_size, 0.0f);
    thread_local std::vector<std::uint64_t> keys;
    thread_local WordCache cache;
    if (cache.model != id_) {
        std::fill(cache.entries.begin(), cache.entries.end(), WordSums{});
        cache.model = id_;
    }
    features(line, lower_case, keys);
    // For the next token: its word's sums when cached; keys the presence filter rules out
    // become 0 (no feature's key); and the slots of its others are fetched while this token's
    // are summed.
    std::array<std::int32_t, row_size> next_word_sums{};
    bool next_cached = false;
    std::uint64_t next_word_key = 0; // taken before the filter zeroes any key
    auto prepare = [&](std::size_t i) {
        const std::span<std::uint64_t> token_keys(keys.data() + i * features_per_token,
                                                  features_per_token);
        next_word_key = word_cache_key(token_keys);
        const auto& entry = cache.entries[next_word_key & (WordCache::size - 1)];
        next_cached = entry.key == next_word_key;
        if (next_cached) next_word_sums = entry.sums;
        for (std::size_t f = next_cached ? word_features : 0; f < features_per_token; ++f) {
            auto& key = token_keys[f];
            if (!may_contain(key))
                key = 0;
            else
                __builtin_prefetch(&slots_[key & mask_]);
        }
    };
    auto add = [&](std::uint64_t key, std::array<std::int32_t, row_size>& sum) {
        if (key == 0) return;
        if (const auto* slot = find(key))
            for (std::size_t k = 0; k < row_size; ++k)
                sum[k] += slot->weights[k];
    };
    if (!line.empty()) prepare(0);
    std::array<std::int32_t, row_size> sum{};
    for (std::size_t i = 0; i < line.size(); ++i) {
        const std::span<const std::uint64_t> token_keys(keys.data() + i * features_per_token,
                                                        features_per_token);
        const bool cached = next_cached;
        const std::uint64_t word_key = next_word_key;
        sum = next_word_sums;
        if (i + 1 < line.size()) prepare(i + 1);
        if (!cached) {
            sum.fill(0);
            for (std::size_t f = 0; f < word_features; ++f)
                add(token_keys[f], sum);
            auto& entry = cache.entries[word_key & (WordCache::size - 1)];
            entry.key = word_key;
            entry.sums = sum;
        }
        for (std::size_t f = word_features; f < features_per_token; ++f)
            add(token_keys[f], sum);
        for (std::size_t k = 0; k < row_size; ++k)
            out[i * row_size + k] = static_cast<float>(sum[k]) * scale_;
    }
}

namespace {

bool opens_quote(std::string_view t) {
    return t == "«" || t == "„" || t == "\"" || t == "“";
}

bool closes(std::string_view open, std::string_view t) {
    return (open == "«" && t == "»") || (open == "„" && t == "“") || (open == "\"" && t == "\"") ||
           (open == "“" && t == "”");
}

// A span that opens a quotation mark it does not close ends with the closing mark when that is
// the next token: «Единой России» as written, not «Единой России. And a span that ends with a
// closing mark it did not open ends before it: "группой «Центр»" names "Центр", not "Центр»".
void close_quotes(std::span<const Token> line, std::vector<Span>& spans) {
    for (auto& s : spans) {
        std::string_view open;
        std::size_t next = line.size();
        const Token* before_last = nullptr; // the token before the span's last one
        const Token* last = nullptr;
        bool last_closes_inside = false; // the last token closes a mark the span opened
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto& t = line[i];
            if (t.offset < s.begin) continue;
            if (t.offset >= s.end) {
                next = i;
                break;
            }
            before_last = last;
            last = &t;
            last_closes_inside = !open.empty() && closes(open, t.text);
            if (last_closes_inside)
                open = {};
            else if (opens_quote(t.text) && open.empty())
                open = t.text;
        }
        if (!open.empty() && next < line.size() && closes(open, line[next].text))
            s.end = line[next].offset + line[next].text.size();
        else if (open.empty() && !last_closes_inside && last != nullptr && before_last != nullptr &&
                 (last->text == "»" || last->text == "”") &&
                 s.end == last->offset + last->text.size())
            s.end = before_last->offset + before_last->text.size();
    }
}

// Drops the people written as the first part of a word joined by a hyphen to a lower-case word:
// "Карнеги" in "Карнеги-холла", "Буш" in "Буш-старший" (on NEREL train 2 people are written so).
void drop_hyphen_people(std::span<const Token> line, std::vector<Span>& spans) {
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::person) return false;
        const auto next = token_at(line, s.end);
        if (next == line.end() || next + 1 == line.end() || next->offset != s.end ||
            next->text != "-" || (next + 1)->offset != s.end + 1)
            return false;
        std::size_t pos = 0;
        const unsigned c = text::next_code_point((next + 1)->text, pos);
        return is_word_char(c) && !is_upper(c) && !is_digit(c);
    });
}

// Whether span `s`, starting at token `at`, is one that the line's title, event and hyphen rules
// drop (quoted_titles.h, drop_hyphen_people): a name the tagger found as an organization in one
// place ("хитов группы как «It’s My Life»") is not spread to where its line calls it a work
// ("синглами, среди которых «It’s My Life»").
bool titled_there(std::span<const Token> tokens, std::size_t at, const Span& s) {
    if (s.type() != EntityType::organization && s.type() != EntityType::person) return false;
    std::size_t first = at, last = at + 1;
    while (first > 0 && !tokens[first].line_start)
        --first;
    while (last < tokens.size() && !tokens[last].line_start)
        ++last;
    const std::span<const Token> line(tokens.data() + first, last - first);
    std::vector<Span> one{s};
    drop_quoted_titles(line, one);
    drop_event_names(line, one);
    drop_facility_names(line, one);
    drop_hyphen_people(line, one);
    return one.empty();
}

// Whether the organizations among `spans` are `word` in fewer than a quarter of the places the
// text writes it: the chains read most of its contexts as no name ("ЕГЭ", an exam, tagged once
// in ten), so it is not spread.
bool rarely_tagged(std::span<const Token> tokens, std::span<const Span> spans,
                   std::string_view word) {
    std::size_t written = 0, tagged = 0;
    for (const auto& t : tokens)
        written += t.text == word;
    for (const auto& s : spans)
        if (s.type() == EntityType::organization && s.end - s.begin == word.size()) {
            const auto t = token_at(tokens, s.begin);
            tagged += t != tokens.end() && t->offset == s.begin && t->text == word;
        }
    return tagged * 4 < written;
}

// One name the tagger found somewhere in the text, as its tokens, for finding it again.
struct Name {
    std::size_t first = 0, count = 0; // tokens [first, first + count) of the text
    std::size_t chain = 0;
};

// A name the tagger finds once is the same name wherever the text writes it again: each other
// place the same tokens stand that no span of any chain touches (or, for an organization, lies
// inside a longer organization with no nested one there yet) gets a span of the same chain. A
// name of one word that the text also writes in lower case ("полиция", "В" of a sentence start
// for "в") is not spread: the word is common as well; nor is an organization of one word that the
// chains found in fewer than a quarter of the places it is written (NEREL dev organization 0.779
// -> 0.784, all of it "ЕГЭ", an exam, tagged once and spread to all ten, so one article's
// evidence; a third scored the same, a half one tp less; for places too it cost recall: place
// 0.878 -> 0.874).
void spread_names(std::span<const Token> tokens, std::span<const std::uint64_t> lower_case,
                  std::vector<Span>& spans) {
    std::vector<std::size_t> starts(tokens.size()); // token index by byte offset, via search
    for (std::size_t i = 0; i < tokens.size(); ++i)
        starts[i] = tokens[i].offset;
    auto token_at = [&](std::size_t offset) {
        return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), offset) -
                                        starts.begin());
    };
    std::vector<Name> names;
    for (const auto& s : spans) {
        const std::size_t first = token_at(s.begin), last = token_at(s.end);
        if (last <= first || first >= tokens.size()) continue;
        if (last - first == 1 &&
            std::binary_search(lower_case.begin(), lower_case.end(), hashes_of(tokens[first]).word))
            continue;
        const std::size_t chain = chains[s.chain].nested ? s.chain - 1 : s.chain;
        if (last - first == 1 && s.type() == EntityType::organization &&
            rarely_tagged(tokens, spans, tokens[first].text))
            continue;
        names.push_back({first, last - first, chain});
    }
    if (names.empty()) return;
    auto same = [&](const Name& n, std::size_t at) {
        if (at + n.count > tokens.size()) return false;
        for (std::size_t k = 0; k < n.count; ++k)
            if (tokens[at + k].text != tokens[n.first + k].text ||
                (k > 0 && tokens[at + k].line_start))
                return false;
        return true;
    };
    // Longer names first, so that "Следственного комитета Армении" is found before its first
    // two words.
    std::stable_sort(names.begin(), names.end(),
                     [](const Name& a, const Name& b) { return a.count > b.count; });
    std::vector<Span> added;
    for (std::size_t at = 0; at < tokens.size(); ++at)
        for (const auto& n : names) {
            if (!same(n, at)) continue;
            const Span s{tokens[at].offset,
                         tokens[at + n.count - 1].offset + tokens[at + n.count - 1].text.size(),
                         n.chain};
            bool free = true, inside_same = false, nested_there = false;
            for (const auto* list : {&spans, &added})
                for (const auto& o : *list) {
                    if (o.end <= s.begin || s.end <= o.begin) continue;
                    const bool contains =
                        o.begin <= s.begin && s.end <= o.end && o.end - o.begin > s.end - s.begin;
                    if (contains && o.type() == s.type() && !chains[o.chain].nested)
                        inside_same = true;
                    else if (chains[o.chain].nested && o.type() == s.type())
                        nested_there = true;
                    else
                        free = false;
                }
            if (!free || titled_there(tokens, at, s)) continue;
            if (inside_same) {
                if (nested_there || n.chain + 1 >= chain_count || !chains[n.chain + 1].nested)
                    continue;
                added.push_back({s.begin, s.end, n.chain + 1});
            } else {
                added.push_back(s);
            }
            break;
        }
    spans.insert(spans.end(), added.begin(), added.end());
}

} // namespace

std::vector<Span> Model::tag(std::string_view text) const {
    const auto tokens = tokenize(text);
    const auto lower_case = lower_case_words(tokens);
    std::vector<Span> out;
    std::vector<float> scores;
    std::size_t begin = 0;
    while (begin < tokens.size()) {
        std::size_t end = begin + 1;
        while (end < tokens.size() && !tokens[end].line_start)
            ++end;
        const std::span<const Token> line(tokens.data() + begin, end - begin);
        emissions(line, lower_case, scores);
        std::vector<Span> found;
        for (std::size_t c = 0; c < chain_count; ++c)
            append_spans(line, decode(scores, line.size(), c, transitions_[c]), c, found);
        // A nested span stands only inside a longer span of its type from the outer chain.
        std::erase_if(found, [&](const Span& s) {
            if (!chains[s.chain].nested) return false;
            return std::none_of(found.begin(), found.end(), [&](const Span& o) {
                return !chains[o.chain].nested && o.type() == s.type() && o.begin <= s.begin &&
                       s.end <= o.end && o.end - o.begin > s.end - s.begin;
            });
        });
        close_quotes(line, found);
        fix_organization_extents(line, found);
        drop_quoted_titles(line, found);
        drop_event_names(line, found);
        drop_facility_names(line, found);
        drop_hyphen_people(line, found);
        split_joined_people(line, found);
        extend_glued_initials(line, found);
        trim_leading_titles(line, found);
        split_adjective_places(line, found);
        retype_latin_performers(line, found);
        add_quoted_organizations(line, found);
        add_institution_nouns(line, found);
        add_nested_acronyms(line, found);
        add_nested_with_places(line, found);
        drop_complement_heads(line, found);
        out.insert(out.end(), found.begin(), found.end());
        begin = end;
    }
    spread_names(tokens, lower_case, out);
    std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
        return a.begin != b.begin ? a.begin < b.begin
               : a.end != b.end   ? a.end > b.end
                                  : a.chain < b.chain;
    });
    return out;
}

std::string write_model(std::span<const std::uint64_t> keys, std::span<const float> weights,
                        std::span<const Transitions, chain_count> transitions) {
    if (weights.size() != keys.size() * row_size)
        throw std::invalid_argument("write_model: weights do not match keys");
    float largest = 0;
    for (float w : weights)
        largest = std::max(largest, std::fabs(w));
    const float scale = largest > 0 ? largest / 32767.0f : 1.0f;
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });

    std::string out(magic);
    put<std::uint32_t>(out, chain_count);
    put<std::uint32_t>(out, label_count);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(keys.size()));
    put<float>(out, scale);
    for (const auto& t : transitions)
        for (const auto& from : t)
            for (float w : from)
                put<float>(out, w);
    for (auto i : order)
        put<std::uint64_t>(out, keys[i]);
    for (auto i : order)
        for (std::size_t k = 0; k < row_size; ++k)
            put<std::int16_t>(
                out, static_cast<std::int16_t>(std::lround(weights[i * row_size + k] / scale)));
    return out;
}

namespace bundled {
// data/tagger.model, embedded at build time by embed_model.py (tagger_model.cpp).
std::string_view tagger_model();
} // namespace bundled

const Model& bundled_model() {
    static const Model model(bundled::tagger_model());
    return model;
}

} // namespace dateline::entities::tagger
