// Hostile queries and databases on the query side (issue 6, item 4): wildcard and date range
// expansion stay bounded, huge --limit and --offset neither allocate nor crash, and databases that
// are missing, not Xapian, or of another schema version are a DbError (exit 3).
#include "query/batch.h"
#include "query/database.h"
#include "query/date_range.h"
#include "query/errors.h"
#include "query/search.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

// Term "preK" (K = 1..8) in K articles of its own: 36 articles, frequencies 1..8.
std::vector<Article> wildcard_articles() {
    std::vector<Article> out;
    for (int k = 1; k <= 8; ++k)
        for (int i = 0; i < k; ++i)
            out.push_back(testing::article("w" + std::to_string(k) + "-" + std::to_string(i),
                                           "Ledger", "ledger", "2020-01-0" + std::to_string(k),
                                           "note", "pre" + std::to_string(k) + " here",
                                           {"tag" + std::to_string(k)}));
    return out;
}

Xapian::doccount total(Xapian::Database& db, const std::string& q, Xapian::termcount expansion) {
    SearchRequest r;
    r.query = q;
    r.query_options.max_expansion = expansion;
    r.suggest_below = 0;
    return search(db, r).total;
}

std::string db_error(const std::string& path) {
    try {
        open_database(path);
    } catch (const DbError& e) {
        CHECK(exit_code_for(std::current_exception()) == ExitCode::database);
        return e.what();
    }
    return "(opened)";
}

} // namespace

TEST_CASE("a wildcard expands to the most frequent terms only, up to the limit") {
    auto db = testing::make_database(wildcard_articles());
    CHECK(total(db, "pre*", 100) == 36);
    CHECK(total(db, "pre*", 5) == 4 + 5 + 6 + 7 + 8);  // pre4..pre8, the five most frequent
    CHECK(total(db, "tag:tag*", 2) == 7 + 8);          // boolean fields too
    CHECK_THROWS_AS(total(db, "pre*", 0), UsageError); // 0 would mean unlimited
    CHECK_THROWS_AS(total(db, "pre*", max_wildcard_expansion + 1), UsageError);
}

TEST_CASE("a query holds at most max_wildcards wildcards: the total expansion is bounded") {
    auto db = testing::make_database(wildcard_articles());
    auto wildcards = [](std::size_t n, const std::string& op) {
        std::string q;
        for (std::size_t i = 0; i < n; ++i)
            q += (i ? op : "") + "pre" + std::to_string(i % 9) + "*";
        return q;
    };
    CHECK(total(db, wildcards(max_wildcards, " OR "), 100) == 36);
    CHECK(total(db,
                "(" + wildcards(max_wildcards / 2, " OR ") +
                    ") OR tag:" + wildcards(max_wildcards / 2, " OR tag:"),
                100) == 36);
    std::string message;
    try {
        total(db, wildcards(max_wildcards + 1, " OR "), 100);
    } catch (const QueryError& e) {
        message = e.what();
    }
    CHECK(message.find(std::to_string(max_wildcards + 1) + " wildcards, at most " +
                       std::to_string(max_wildcards)) != std::string::npos);
    CHECK_THROWS_AS(total(db, "tag:" + wildcards(max_wildcards + 1, " tag:"), 100), QueryError);
}

TEST_CASE("a date range becomes at most a few terms per end plus the database's years") {
    auto db = testing::make_database(testing::sample_articles()); // dated 1980 to 2021
    auto terms = [](const Xapian::Query& q) {
        return std::distance(q.get_unique_terms_begin(), q.get_unique_terms_end());
    };
    // Years beyond the database are clamped away: one Y term per year present at most.
    CHECK(terms(date_range_query("0001", "9999", &db)) <= 2021 - 1980 + 1);
    CHECK(terms(date_range_query("1987-03-01", "1987-03-31", &db)) == 1); // M198703
    CHECK(terms(date_range_query("1987-03-05", "1987-05-02", &db)) == 27 + 1 + 2);
    // Terms and the value range find the same articles.
    for (auto [from, to] : std::vector<std::pair<const char*, const char*>>{
             {"1987-03-18", "1987-04-02"}, {"1987", ""}, {"", "1987-03-17"}, {"2000", "2030"}}) {
        Xapian::Enquire terms_match(db), value_match(db);
        terms_match.set_query(date_range_query(from, to, &db));
        value_match.set_query(date_range_query(from, to));
        auto a = terms_match.get_mset(0, 100), b = value_match.get_mset(0, 100);
        std::set<Xapian::docid> ids_a(a.begin(), a.end()), ids_b(b.begin(), b.end());
        CHECK(ids_a == ids_b);
        CHECK(!ids_a.empty());
    }
}

TEST_CASE("huge limits and offsets page within the database") {
    auto db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.limit = std::numeric_limits<Xapian::doccount>::max();
    auto all = search(db, r);
    CHECK(all.hits.size() == 6);
    CHECK(all.total == 6);
    CHECK(all.limit == r.limit); // echoed as asked

    r.offset = std::numeric_limits<Xapian::doccount>::max();
    auto none = search(db, r);
    CHECK(none.hits.empty());
    CHECK(none.total == 6);

    r.offset = 5;
    r.limit = std::numeric_limits<Xapian::doccount>::max();
    auto last = search(db, r);
    REQUIRE(last.hits.size() == 1);
    CHECK(last.hits[0].rank == 6);

    SearchRequest defaults;
    CHECK_THROWS_AS(request_from_line("{\"limit\": 4294967296}", defaults), UsageError);
    CHECK_THROWS_AS(request_from_line("{\"offset\": -1}", defaults), UsageError);
    CHECK(request_from_line("{\"limit\": 4294967295}", defaults).limit == 4294967295u);
}

TEST_CASE("databases that are missing, not Xapian, or of another schema are DbErrors") {
    testing::TempDir dir("limits-db");
    CHECK(db_error(dir.path("missing")).find("no such file or directory") != std::string::npos);

    std::ofstream(dir.path("file.txt")) << "not a database\n";
    CHECK(db_error(dir.path("file.txt")).find("not a Xapian database") != std::string::npos);
    std::filesystem::create_directory(dir.path("empty"));
    CHECK(db_error(dir.path("empty")).find("not a Xapian database") != std::string::npos);

    auto with_version = [&](const std::string& name, const std::string& version) {
        Xapian::WritableDatabase db(dir.path(name), Xapian::DB_CREATE_OR_OVERWRITE);
        db.add_document(testing::document_for(testing::sample_articles()[0]));
        if (!version.empty()) db.set_metadata(std::string(schema::version_key), version);
        db.commit();
        return db_error(dir.path(name));
    };
    CHECK(with_version("plain", "").find("not a Dateline database") != std::string::npos);
    CHECK(with_version("older", "0").find("schema version 0 is older") != std::string::npos);
    CHECK(with_version("newer", std::to_string(schema::version + 1)).find("is newer") !=
          std::string::npos);
    CHECK(with_version("garbage", "v1").find("unreadable schema version 'v1'") !=
          std::string::npos);
    CHECK(with_version("current", std::to_string(schema::version)) == "(opened)");
}
