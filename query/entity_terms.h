// Entity-aware free text: a query word, a run of plain words or a whole "phrase" that is an alias
// of a known entity (the bundled gazetteer, analyzers/entities) also matches the articles tagged
// with that entity (its K term), so "putin" finds the articles saying "Putin" and those tagged
// "Vladimir Putin" that only say "Путин" or "President Vladimir Vladimirovich Putin".
//
// Which aliases: the unflagged ones (not marked ambiguous, common word or demonym in the
// gazetteer) that are written as names there (a capital letter: "yen", a lower-case clue for
// Japan, is not one), case-insensitively except all-capitals aliases such as "US", which must be
// typed in capitals; the longest run of plain words wins ("new york" before "york"); words in a
// phrase count only when the whole phrase is the alias; fields, wildcards, NEAR/ADJ operands, and
// words or phrases glued to other text (punctuation, a quote) are left alone. Only entities
// tagged in the database count.
//
// How: mark_entity_aliases() turns each such alias in a QueryTree (query_tree.h) into an alias
// node, which the QueryBuilder (query_parser.h) builds as
//     text  OR  (tag terms, weighted by a FixedWeightPostingSource)
// where `text` is what the alias's words mean alone and the fixed weight is half the least
// BM25 weight `text` can give an article containing it (Xapian's BM25 defaults, the database's
// longest document): an article that says the word always ranks above one only tagged, and a
// tagged one that says it gains a little. A query with NEAR or ADJ keeps its words (the tag
// terms have no positions: Xapian throws InvalidOperationError when it asks them for some).
#pragma once

#include "query_tree.h"

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

// The K terms of the entities `words` (as typed) is an unflagged alias of, and that are in db.
std::vector<std::string> entity_tag_terms(const Xapian::Database& db,
                                          const std::vector<std::string_view>& words);

// Marks every entity alias of the tree (see above) as an alias node.
void mark_entity_aliases(QueryTree& tree, const Xapian::Database& db);

// Whether the tree holds an alias node.
bool has_entity_alias(const QueryTree& tree);

// Half the least BM25 weight (k1 = 1, b = 0.5, min_normlen = 0.5) that a document containing
// every term of `terms` gets from them; 1 when none of them is in db.
double least_bm25_share(const Xapian::Database& db, const std::vector<std::string>& terms);

} // namespace dateline::query
