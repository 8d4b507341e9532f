// Fuzz target body: the query language. QueryBuilder (the query tree, query_tree.h, and the
// Xapian::Query built from it) parses the text against a small in-memory database built the way
// the indexer writes documents (tests/unit/query_fixture.h), and the query runs on it, so
// wildcard expansion and entity aliases see real terms. Contract: a bad query throws QueryError,
// a parsed one runs. Run by fuzz_query and replayed by the unit tests. (Xapian's QueryParser,
// which leaked the window of a failed NEAR/ADJ and crashed on four inputs, is no longer used.)
#pragma once

#include "query/errors.h"
#include "query/query_parser.h"
#include "tests/unit/query_fixture.h"

#include <string_view>

namespace dateline::fuzz {

inline void query_input(std::string_view text) {
    static const Xapian::Database db =
        query::testing::make_database(query::testing::sample_articles());
    static query::QueryBuilder builder(db, query::QueryOptions{});
    Xapian::Query q;
    try {
        q = builder.parse(text);
    } catch (const query::QueryError&) {
        return;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    (void)mset.size();
}

} // namespace dateline::fuzz
