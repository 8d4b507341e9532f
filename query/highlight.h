// What snippets highlight, from the query tree: the words the query looks for, not every term of
// the Xapian query it runs. positive_tree() keeps the parts of a tree an article's text can match
// because it was found (words, phrases, wildcards, aliases, on either side of AND, OR and XOR) and
// drops the rest: the right side of NOT, '-' items, field filters and date: (boolean terms that
// no text holds anyway). So `oil NOT "crude prices"` highlights "oil" but not a "crude" elsewhere
// in the article, and --like's terms of the liked article are not highlighted at all.
#pragma once

#include "query_parser.h"
#include "query_tree.h"

#include <optional>
#include <xapian.h>

namespace dateline::query {

// The tree without its negative parts; nullopt when nothing positive is left ("-wheat",
// "tag:grain"): nothing to highlight.
std::optional<QueryTree> positive_tree(const QueryTree& tree);

// The Xapian query whose terms MSet::snippet highlights (built by `builder`, with the stemmer
// and stopwords of the search); an empty query when nothing is left to highlight.
Xapian::Query highlight_query(const QueryTree& tree, QueryBuilder& builder);

} // namespace dateline::query
