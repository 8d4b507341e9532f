// "Did you mean": spelling corrections for a query that finds little. search.h decides when to
// ask (the query matched fewer than SearchRequest::suggest_below articles) and keeps a
// suggestion only if it matches more articles than the query did.
//
// suggest_spelling() looks at each word of the query tree (query_tree.h) that is free text
// (plain words, words in phrases and in title:; not other fields, wildcards, numbers or words under
// 3 letters), keeps the query's operators, fields, quotes and spacing, and replaces a word by its
// correction:
//   - a word never written in the index (not a term as written, nor an alias of a tagged entity;
//     it may match by its stem, as "navalni" has the stem of "navalny") by the nearest candidate
//     within 1 edit (words of up to 4 letters) or 2 edits that matches at least as many articles;
//   - a word present in fewer than 1/20 of the articles of a candidate 1 edit away by that
//     candidate (a rare misspelling of a common word).
// Candidates: Xapian's spelling table (Database::get_spelling_suggestion, filled by the indexer
// from title and body words) and the words of the gazetteer's entity names and aliases sharing
// the word's first or second letter
// (analyzers/entities), so "Kremllin navalni" -> "kremlin navalny" even when "Navalny" is only a
// tag. Edits are Damerau-Levenshtein (a swap of neighbours is one edit) over code points; among
// candidates the fewest edits win, then the most articles; stopwords never are. Corrections are
// lower case.
#pragma once

#include "query_parser.h"

#include <string>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

// The corrected query text, or "" when no word needs a correction. The options give the stemmers
// and stopwords (word_languages.h: a stopword is never a correction) and whether entity aliases
// count.
std::string suggest_spelling(const Xapian::Database& db, std::string_view query,
                             const QueryOptions& options);

// The same for a tree already parsed from `text` (QueryBuilder::parse_tree: trimmed, valid
// UTF-8), so that a search lexes its query once. A word inside an entity alias node is looked
// at like any other.
std::string suggest_spelling(const Xapian::Database& db, const QueryTree& tree,
                             std::string_view text, const QueryOptions& options);

} // namespace dateline::query
