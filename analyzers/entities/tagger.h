// The statistical name tagger: finds people, organizations and places that no gazetteer lists, from
// the words themselves and their neighbours. Trained by the project on NEREL (Russian news; see
// scripts/train-tagger and train_tagger_main.cpp), its model is compiled into the library.
//
// Model: four independent linear-chain taggers with BIO labels over one shared feature set —
// person, organization, organization nested in an organization ("МВД" in "ГУ МВД России"), place —
// so that an organization and the place it names ("МИД России", "России") are both found, as NEREL
// annotates them. Each chain is an averaged structured perceptron decoded exactly with Viterbi
// (first-order label transitions, B/I/O constraints). A CRF over the same features was not tried:
// the perceptron trains in seconds on one core, deterministically, and dev F1 stopped rising with
// more epochs (15 kept) or more context words (±3 words scored lower on dev), which suggests the
// features rather than the learner limit it. The model is the mean of three such perceptrons,
// each visiting the training lines in its own fixed order (train_tagger_main.cpp; five scored no
// better), trained 25 epochs with dropout: each feature left out of a line's visit with
// probability 0.1 (organization 0.705 -> 0.725 with the extent rules, place 0.868, person 0.900).
// NEREL dev mention F1 of the tagger alone (scripts/bench-entities): person 0.897, organization
// 0.686, place 0.862 (before the Latin shapes, the two steps below and the mean of three: 0.891,
// 0.656, 0.852); on its own train split 0.997, 0.967, 0.985. Tried and dropped: ±2 words' prefixes
// and word pairs (organization 0.678), the word before an opening quotation mark for the words
// inside it (0.681), 30 epochs (dev F1 peaks at 14-15), features seen once or three times kept
// (0.674, 0.678). Also dropped: distributional word classes (spherical k-means of the train
// split's words by the words before and after them, 256 fine and 48 coarse classes stored in the
// model; the word's fine class, its coarse class with its shape, the neighbours' coarse classes):
// over four training orders the tagger alone scored organization 0.746 -> 0.752, person 0.910 ->
// 0.914, but the combined pipeline's organization only 0.769 -> 0.770 on average and no order
// reached the bundled model's 0.779 (it has the rules tuned on its output); 128/32, 512/64
// classes, words seen 5 times, 300 context words, fewer class features all scored no better. A
// bonus on each chain's begin label (more spans, for recall): organization +0.001 at most.
// Russian Snowball stems of the word and of its neighbours as features: the tagger alone on dev
// 0.864 -> 0.865, organization 0.773 unchanged (the prefixes already share a name's forms).
// Gazetteer hints (issue 18): for each token, whether a match of match_aliases() (the pipeline's,
// Russian stems included, computed the same way on the train text) covers it, as which type
// (person, organization, place, mixed) and where in it (begin, inside, single), with its shape,
// and the hints of the tokens before and after with its shape. The gazetteer matches exactly, with
// the right type, 5.7% / 5.6% of NEREL's train / dev person spans, 16.2% / 16.1% of organization
// spans, 57.5% / 57.5% of place spans (no more on dev than on train). Over three training orders
// the tagger alone gained on dev (person 0.914 -> 0.926, organization 0.765 -> 0.792, place 0.872
// -> 0.898, against the same code given no hints) but the pipeline, which takes the gazetteer's
// mentions first, hardly: organization 0.791 -> 0.794, person 0.931 -> 0.932, place 0.904 ->
// 0.908, below the bundled model's 0.801 (person 0.934, place 0.906; best order 0.797).
// Averaged likewise, organization without the neighbours' hints 0.796, without the position 0.795,
// without stem-only and context-needing matches 0.797 (without both 0.791; with the hints dropped
// out at 0.5 in training 0.793); single orders at most 0.801. Model 4.7 MB, NEREL tagging 1,324 ->
// 1,159 articles/s. The gain is on names the gazetteer finds anyway. A fifth chain trained on
// NEREL's works, facilities, products, events, awards and laws, vetoing an organization of
// exactly its extent (branch issue18-workchain): the pipeline's organization 0.811 -> 0.799 (tp
// 486 -> 472, fp 96 -> 93; vetoing one inside it too, as "ФИФА" in "чемпионата ФИФА", lost
// more): the chain fires on true organizations more often than on the quoted works it was for. (No
// Russian first names in data/first_names.txt to try.)
//
// After decoding, four steps: a span that opens a quotation mark ends with its closing mark when
// that is the next token (the chains rarely learn the closing mark), and one that ends with a
// closing mark it did not open ends before it ("группой «Центр»": "Центр"); the organizations'
// extents are fixed by rules (organization_extent.h: "ФСБ России", "ОВД-Инфо", "правительства
// Мали"), and a quoted title that the word before it calls a film, a cinema, an award is no
// organization (quoted_titles.h), nor is a contest, a cup or a prize ("конкурса имени
// Чайковского"), nor a person the first part of a word hyphenated to a lower-case one
// ("Карнеги-холла"), and a Latin organization after "рэпера", "блогера" is a person, while a quoted
// name after a word for a party, a band, a company, a newspaper is an organization ("группы
// «Ленинград»"); and a name found once is found wherever the same tokens are written again and no
// other span is there (not for one word the text also writes in lower case, nor for an organization
// of one word the chains found in fewer than a quarter of the places it is written, nor where its
// line calls it a work or an event). Together with the Latin shapes they took organization F1 on
// dev from 0.656 to 0.688; the event, work and performer rules of one session 0.760 to 0.769; the
// quoted-kind, without-the-place (organization_extent.h) and rarely-tagged rules of the next 0.769
// to 0.784.
//
// Features are hashed (64-bit, fixed hash, so the model is portable): the word folded to lower
// case, its case shape (Latin letters apart from others: a Latin word in Russian news is mostly a
// foreign company, band or title), prefixes and suffixes (Russian inflects names: "Иванов",
// "Иванова", "Ивановой" share a prefix; the ending tells the case), the words and shapes around it,
// and whether the article also writes the word in lower case. Only features seen at least twice in
// training are kept (keeping all scored the same on dev at 1.7 times the size); their weights are
// stored as 16-bit integers.
//
// Tokens: runs of letters and digits, every other visible character one token. Entities are spans
// of whole tokens within one line; a span's text is exactly the input bytes it covers.
//
// Speed: a token costs 31 lookups in a table far larger than the core's cache. A presence filter
// skips the lookups of features the model lacks, and the ten features of the word alone are
// summed once per word and kept in a cache per thread (tagger.cpp); with the alias index in a flat
// table (inflection.h) and the sorted word list of statistical_names.cpp made only when asked,
// they took the tagger-on Reuters speed from 4,240 to 5,200 articles/s (medians of five,
// dateline-entities-bench --language ru, same run), the output byte-identical. Short ASCII tokens
// are folded byte by byte (tagger.cpp): 3.7% fewer instructions on Reuters' first 6,000 articles
// (valgrind --tool=cachegrind, which counts the same on a busy machine as on an idle one). Tried
// and not kept: hashing a word's prefixes on the way to the word with keeping the spread names
// distinct (0.6% more), making a cached word's other eight keys only on a miss (0.5% fewer);
// prefetching the presence filter's words two or four tokens ahead (no gain beyond the noise).
// fold() takes the ASCII path as well (1.2% fewer), and a Russian stem key of an ASCII word skips
// the stemmer (inflection.cpp, 4.7% fewer): 9.3% fewer instructions in all, medians of seven
// interleaved runs 4,805 -> 5,551 articles/s.
//
// Thread-safety: a Model is immutable after construction; bundled_model() is built once, on first
// use, and shared read-only by every thread.
#pragma once

#include "analyzers/article.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::entities::tagger {

struct Token {
    std::string_view text;   // as written
    std::size_t offset = 0;  // in bytes, in the tagged text
    bool line_start = false; // first token of a line
};

// The first token of `line` (tokens in text order) that starts at byte `offset` or after it.
std::span<const Token>::iterator token_at(std::span<const Token> line, std::size_t offset);

// A word in lower case, as the features fold it (Latin, Latin-1 and Cyrillic capitals; "Ё" -> "ё").
std::string fold(std::string_view word);

// Splits a text into tokens (see above). Newlines separate lines; tokens never contain white space.
std::vector<Token> tokenize(std::string_view text);

// One chain of the model: which entity type its spans are and how deep they are nested.
struct Chain {
    EntityType type;
    bool nested; // spans lie inside a span of the same type found by the outer chain
};
inline constexpr std::array<Chain, 4> chains = {{{EntityType::person, false},
                                                 {EntityType::organization, false},
                                                 {EntityType::organization, true},
                                                 {EntityType::place, false}}};
inline constexpr std::size_t chain_count = chains.size();

enum Label : std::uint8_t { outside = 0, begin = 1, inside = 2 };
inline constexpr std::size_t label_count = 3;
// Weights of one feature: a score per chain and label.
inline constexpr std::size_t row_size = chain_count * label_count;
// Transition scores of one chain: [previous label, or 3 at the line start][label].
using Transitions = std::array<std::array<float, label_count>, label_count + 1>;

// The hashed features of every token of a line: features_per_token keys (never 0) per token, in
// token order, replacing the contents of `out`.
// `lower_case` is lower_case_words() of the whole text: a capitalized word the text also writes in
// lower case is more likely a common word starting a sentence than a name.
inline constexpr std::size_t features_per_token = 31;
void features(std::span<const Token> line, std::span<const std::uint64_t> lower_case,
              std::vector<std::uint64_t>& out);

// The words of a text written in lower case somewhere, as sorted word hashes.
std::vector<std::uint64_t> lower_case_words(std::span<const Token> tokens);

// The best label sequence of one chain: emissions[i * row_size + chain * label_count + label].
// An `inside` label only follows `begin` or `inside`.
std::vector<Label> decode(std::span<const float> emissions, std::size_t n, std::size_t chain,
                          const Transitions& transitions);

// A name found in a text: bytes [begin, end) and the chain that found it.
struct Span {
    std::size_t begin = 0, end = 0;
    std::size_t chain = 0;
    EntityType type() const { return chains[chain].type; }
    friend bool operator==(const Span&, const Span&) = default;
};

// The spans of one chain's labels over tokens (byte offsets from the tokens).
void append_spans(std::span<const Token> line, std::span<const Label> labels, std::size_t chain,
                  std::vector<Span>& out);

class Model {
  public:
    // Parses a model file's bytes (format in tagger.cpp). Throws std::runtime_error naming the
    // defect when they are not a model of this version.
    explicit Model(std::string_view bytes);

    // The names in a text, in text order (outer before nested at the same place).
    std::vector<Span> tag(std::string_view text) const;

    // The summed feature weights of each token of a line: [token][chain][label].
    void emissions(std::span<const Token> line, std::span<const std::uint64_t> lower_case,
                   std::vector<float>& out) const;
    const Transitions& transitions(std::size_t chain) const { return transitions_[chain]; }
    std::size_t feature_count() const { return features_; }

  private:
    // One slot of the open-addressing table: a feature's key (0: empty) and its weights, side by
    // side so that a lookup touches one cache line.
    struct Slot {
        std::uint64_t key = 0;
        std::array<std::int16_t, row_size> weights{};
    };
    const Slot* find(std::uint64_t key) const;
    // A presence filter in front of the slots: at least 32 bits per feature (1 MiB for the
    // bundled model, 1.7% false positives), a key's high bits choosing its bit. 43% of the
    // lookups on Reuters are of features the model does not have; the filter rules most of them
    // out without touching the 16 MB of slots. (16 bits per feature or 1.5 slots per feature
    // scored no faster.)
    std::uint64_t presence_bit(std::uint64_t key) const;
    bool may_contain(std::uint64_t key) const;
    std::vector<std::uint64_t> present_;

    std::array<Transitions, chain_count> transitions_{};
    float scale_ = 1; // weight = stored int16 * scale_
    std::vector<Slot> slots_;
    std::uint64_t mask_ = 0;
    std::size_t features_ = 0;
    std::uint64_t id_ = 0; // distinct for every Model made: names the sums a thread has cached
};

// Serializes weights into the model file format read by Model. `weights` holds row_size floats per
// key, in the order of `keys`.
std::string write_model(std::span<const std::uint64_t> keys, std::span<const float> weights,
                        std::span<const Transitions, chain_count> transitions);

// The model compiled into the library (data/tagger.model), loaded once.
const Model& bundled_model();

} // namespace dateline::entities::tagger
