// A memoising stemmer for the query side: snippets stem every word of every hit's text
// (Xapian::MSet::snippet), and the same words come back hit after hit and query after query.
// cached_stem(language) is stemming::make_caching_stem(language) (the indexer's stemmer, so results
// are identical) in a Xapian::StemImplementation that remembers up to `capacity` words (then
// starts afresh). One instance per language and thread: Xapian::Stem handles count references
// without atomics, so a handle shared between threads (dateline-serve's workers) is corrupted
// as its copies come and go (seen as segfaults under load; tests/concurrency reproduces it).
#pragma once

#include <cstddef>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

Xapian::Stem cached_stem(std::string_view language, std::size_t capacity = 200000);

} // namespace dateline::query
