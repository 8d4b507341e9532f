// The words of documents as small integer ids, for exact word counts over a match set
// (measure/: --significant terms, the words of --trending): counting a set is one increment per
// distinct word of each matching document, from memory, instead of one term list read from the
// database per document (about 40 µs each; a sample used to stand in for the set).
//
// A word is an unstemmed index term: no prefix (it does not start with an ASCII capital), no
// digit, at least 3 bytes. Stopwords are words here: they depend on the query language, and the
// counting side drops them (stopword_mask).
//
// A full list covers every document of a database, built by two passes over the words' posting
// lists (one counting each document's words, one filling them in): a document's ids come out
// ascending. A partial list covers the given docids only, from their term lists. Without lists,
// count_by_postings counts sets in one pass over the posting lists.
//
// Memory: 4 bytes per distinct word per document plus the vocabulary (63.8 distinct words an
// article on Reuters-21578, 44,597 words: 5 MB there, 128 MB at 500,000 resampled articles; a
// varint delta coding would halve that for a decoding step on every count). Building takes
// 0.35 s on Reuters, 2 to 3 s at 500,000 articles (half of it reading postings, half placing ids). Full lists are shared by
// the threads of a process (one per database UUID and revision: shared_word_lists), so that a
// server's workers, which keep a facet index each (serve/worker_pool.h), hold one copy; a list is
// read-only once built, and freed when the last index holding it goes.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct WordLists {
    // Word ids of docid d: items[offsets[d]..offsets[d + 1]), ascending; offsets has one entry
    // per docid up to the last covered one, plus one.
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> items;
    std::vector<std::string> words;        // id -> word, in ascending byte order
    std::vector<Xapian::doccount> archive; // id -> documents of the database with the word

    std::span<const std::uint32_t> of(Xapian::docid did) const {
        if (static_cast<std::size_t>(did) + 1 >= offsets.size()) return {};
        return {items.data() + offsets[did], offsets[did + 1] - offsets[did]};
    }
    // The id of `word`, or -1 when no covered document has it.
    std::int64_t id_of(std::string_view word) const;
};

// Whether an index term is a word (above).
bool is_word(std::string_view term);

// Every document of db up to last_docid.
std::unique_ptr<WordLists> build_word_lists(const Xapian::Database& db, Xapian::docid last_docid);
// The documents `docids` (ascending, distinct) of db.
std::unique_ptr<WordLists> build_word_lists(const Xapian::Database& db,
                                            std::span<const Xapian::docid> docids);

// The full lists of db at one revision (key: its UUID and revision), built with db by the first
// caller and shared with every later caller while any of them holds them. An empty key builds
// lists of one's own.
std::shared_ptr<const WordLists>
shared_word_lists(const Xapian::Database& db, Xapian::docid last_docid, const std::string& key);

// Counts words without keeping lists, for one measurement of large sets: for each of `sets` (at
// most 8, each ascending), the documents of it that have each word, by one pass over the words'
// posting lists (half of a full build's reading, and none of its memory). Fills the vocabulary's
// words and archive counts (its offsets and items stay empty); returns the counts by set, then by
// word id.
std::vector<std::vector<Xapian::doccount>>
count_by_postings(const Xapian::Database& db, std::span<const std::span<const Xapian::docid>> sets,
                  WordLists& vocabulary);

// One flag per word id: true for the stopwords of `language` ("" = English).
std::vector<char> stopword_mask(const WordLists& lists, const std::string& language);

} // namespace dateline::query
