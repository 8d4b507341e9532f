// Fuzz target body: the query tree (query_tree.h) on its own, without running the query. The
// text is parsed into a tree, the tree described (--explain-query) and its Xapian::Query built
// against a small in-memory database (tests/unit/query_fixture.h: wildcards and entity aliases
// see real terms). Contract: a bad query throws QueryError; anything else parses, and every node
// lies inside the (trimmed, repaired) text, its column inside it too. Run by fuzz_query_tree
// (scripts/fuzz query_tree) and replayed by the unit tests with the old query regressions.
#pragma once

#include "analyzers/text.h"
#include "query/errors.h"
#include "query/query_parser.h"
#include "query/query_tree.h"
#include "tests/unit/query_fixture.h"

#include <cstdlib>
#include <string_view>

namespace dateline::fuzz {

inline void query_tree_input(std::string_view text) {
    static const Xapian::Database db =
        query::testing::make_database(query::testing::sample_articles());
    static query::QueryBuilder builder(db, query::QueryOptions{});
    try {
        const query::QueryTree tree = builder.parse_tree(text);
        // Node spans are in the text the builder parses: trimmed, made valid UTF-8.
        const std::size_t size = text::to_valid_utf8(text::trim(text)).size();
        query::visit_nodes(tree.root, [&](const query::QueryNode& n) {
            if (n.begin > n.end || n.end > size || n.column > size + 1)
                std::abort(); // a node outside its text
        });
        (void)query::describe(tree.root);
        (void)builder.build(tree, text).get_description();
    } catch (const query::QueryError&) {
    }
}

} // namespace dateline::fuzz
