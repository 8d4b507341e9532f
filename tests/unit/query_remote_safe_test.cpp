// The query a tree builds runs on a remote shard (issue 16's stubs of `remote tcp` shards): stock
// xapian-tcpsrv knows only Xapian's built-in classes, so every query QueryBuilder::build makes,
// with --like and the filters applied, must serialise and unserialise through Xapian's default
// Registry to the same query. Checked over the whole regression battery (tests/battery).
#include "query/errors.h"
#include "query/filters.h"
#include "query/like.h"
#include "query/query_parser.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

std::vector<std::string> battery_queries() {
    std::ifstream in(std::filesystem::path(DATELINE_SOURCE_DIR) / "tests/battery/queries.txt");
    REQUIRE_MESSAGE(in, "cannot read tests/battery/queries.txt");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        queries.push_back(line);
    return queries;
}

// What a remote server reads of the query: Xapian's own classes only.
void check_remote_safe(const Xapian::Query& query, const std::string& text) {
    std::string serialised;
    try {
        serialised = query.serialise();
    } catch (const Xapian::Error& e) {
        FAIL_CHECK("'" << text << "' does not serialise: " << e.get_msg());
        return;
    }
    const Xapian::Registry builtin; // what stock xapian-tcpsrv has
    try {
        const Xapian::Query back = Xapian::Query::unserialise(serialised, builtin);
        CHECK_MESSAGE(back.get_description() == query.get_description(), "query: " << text);
    } catch (const Xapian::Error& e) {
        FAIL_CHECK("'" << text << "' needs a class the remote server lacks: " << e.get_msg());
    }
}

} // namespace

TEST_CASE("every query of the battery builds to a query a remote shard can run") {
    const Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());
    const auto queries = battery_queries();
    REQUIRE(queries.size() >= 1000);
    std::size_t built = 0;
    for (const auto& text : queries) {
        QueryBuilder builder(db, QueryOptions{});
        Xapian::Query query;
        try {
            query = builder.build(builder.parse_tree(text), text);
        } catch (const QueryError&) {
            continue; // a bad query is an error everywhere, local or remote
        }
        ++built;
        check_remote_safe(query, text);
    }
    CHECK(built >= queries.size() * 9 / 10);
}

TEST_CASE("--like and the filters keep the query remote-safe") {
    Xapian::Database db = testing::make_database(testing::sample_articles());
    QueryBuilder builder(db, QueryOptions{});
    const std::string text = "wheat OR putin date:1987-03..1987-04";
    Xapian::Query query = builder.build(builder.parse_tree(text), text);
    query = Xapian::Query(Xapian::Query::OP_FILTER, like_query(db, "grain-2"), query);
    const std::vector<std::string> filters{"source:reuters", "-tag:coffee", "date:1987"};
    check_remote_safe(apply_filters(db, query, filters), text + " with like and filters");
}
