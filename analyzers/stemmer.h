// Snowball stemming through libstemmer, wrapped as a Xapian::StemImplementation so that the
// TermGenerator (indexer) and the QueryParser (query side) stem with exactly the same code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::stemming {

// A Xapian::Stem backed by libstemmer for the given ISO 639-1 code or Snowball name ("en",
// "english", "ru", "german"...). Unknown or empty languages fall back to English; "none" gives
// a Stem that leaves words as they are. Stems are cheap to copy and not thread-safe: one per
// thread.
Xapian::Stem make_stem(std::string_view language);

// make_stem(language) that remembers the stems of up to `capacity` words (then starts afresh):
// the same words come back article after article (indexing) and hit after hit (snippets), and a
// remembered stem costs a hash lookup instead of a Snowball run. Results are make_stem's. Not
// thread-safe, like any Stem: one per thread. "none" gives make_stem's Stem (nothing to remember).
Xapian::Stem make_caching_stem(std::string_view language, std::size_t capacity = 200000);

// The Snowball algorithm name used for a language ("en" -> "english"), or "" when unknown.
std::string algorithm_for(std::string_view language);

// How both sides stem: unprefixed stemmed terms "Zword" plus unstemmed terms with positions, so
// phrases match exact words and free words match stems. The QueryParser must use the same.
inline constexpr auto index_strategy = Xapian::TermGenerator::STEM_SOME;
inline constexpr auto query_strategy = Xapian::QueryParser::STEM_SOME;

// Every algorithm libstemmer offers (sb_stemmer_list), e.g. "english", "russian", "porter".
std::vector<std::string> available_algorithms();

} // namespace dateline::stemming
