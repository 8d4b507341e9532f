// Issue 7, "searching like a newsroom": drill-down filters (query/filters.h), the tag facet by
// entity type, entity aliases in boolean fields (query/entity_resolver.h), the timeline printers
// and --batch (query/batch.h), on the in-memory fixture (query_fixture.h).
#include "query/batch.h"
#include "query/entity_resolver.h"
#include "query/errors.h"
#include "query/filters.h"
#include "query/printer.h"
#include "query/recency.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

struct Fixture {
    Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());

    SearchResult run(const std::string& q, std::vector<std::string> filters = {},
                     std::vector<std::string> facets = {}) {
        SearchRequest r;
        r.query = q;
        r.filters = std::move(filters);
        r.facets = std::move(facets);
        return search(db, r);
    }
};

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a filter narrows the matches and leaves every score unchanged") {
    auto all = run("grain OR wheat");
    auto filtered = run("grain OR wheat", {"date:1987-03"});
    CHECK(all.total == 3); // grain-1, grain-2, note-1
    REQUIRE(filtered.total == 2);
    for (const auto& h : filtered.hits)
        for (const auto& a : all.hits)
            if (a.id == h.id) CHECK(a.score == doctest::Approx(h.score));
}

TEST_CASE_FIXTURE(Fixture, "several filters must all match; fields take the indexed forms") {
    CHECK(run("", {"source:Reuters", "tag:wheat"}).total == 2);
    CHECK(run("", {"source:Reuters", "tag:wheat", "tag:usa"}).total == 1);
    CHECK(ids(run("", {"source:\"Agence France-Presse\""})) == std::vector<std::string>{"oil-1"});
    CHECK(run("", {"date:1987-03-01..1987-04-30"}).total == 3);
    CHECK(run("", {"date:..1986"}).total == 1);
    CHECK(run("", {"id:coffee-1"}).total == 1);
}

TEST_CASE_FIXTURE(Fixture, "facets count the filtered set only") {
    auto r = run("", {"source:reuters"}, {"source", "date"});
    REQUIRE(r.facets.size() == 2);
    REQUIRE(r.facets[0].values.size() == 1);
    CHECK(r.facets[0].values[0].value == "reuters");
    CHECK(r.facets[0].values[0].count == 4);
    CHECK(r.facets[1].missing == 1); // note-1 has no date
}

TEST_CASE_FIXTURE(Fixture, "malformed filters are usage or query errors") {
    CHECK_THROWS_AS(run("", {"nocolon"}), UsageError);
    CHECK_THROWS_AS(run("", {"colour:red"}), UsageError);
    CHECK_THROWS_AS(run("", {"title:grain"}), UsageError); // free text is for the query
    CHECK_THROWS_AS(run("", {"tag:"}), UsageError);
    CHECK_THROWS_AS(run("", {"date:1987-13"}), QueryError);
}

TEST_CASE_FIXTURE(Fixture, "the tag facet restricted to an entity type counts only those tags") {
    SearchRequest r;
    r.facets = {"tag"};
    r.facet_options.tag_type = "person";
    auto result = search(db, r);
    REQUIRE(result.facets.size() == 1);
    const auto& f = result.facets[0];
    CHECK(f.name == "tag");
    CHECK(f.type == "person");
    REQUIRE(f.values.size() == 1);
    CHECK(f.values[0].value == "vladimir putin");
    CHECK(f.values[0].label == "Vladimir Putin");
    CHECK(f.missing == 5);
    CHECK(parse_tag_type("org") == "organization");
    CHECK_THROWS_AS(parse_tag_type("animal"), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "entity aliases resolve to the canonical entity in fields and filters") {
    CHECK(canonical_entity("Путин") == "Vladimir Putin");
    CHECK(ids(run("person:putin")) == std::vector<std::string>{"putin-1"});
    CHECK(ids(run("tag:путин")) == std::vector<std::string>{"putin-1"});
    CHECK(ids(run("", {"person:Putin"})) == std::vector<std::string>{"putin-1"});
    // A person: alias does not resolve to an entity of another type.
    CHECK(run("person:moscow").total == 0);
    // Values indexed as written are taken as written.
    CHECK(run("tag:russia").total == 1);
}

TEST_CASE_FIXTURE(Fixture, "the timeline prints one row per date bucket") {
    SearchRequest r;
    r.limit = 0;
    r.facets = {"date"};
    r.facet_options.bucket = Bucket::month;
    r.filters = {"date:1987"};
    auto result = search(db, r);
    std::ostringstream csv;
    render_timeline(result, *make_printer(Format::csv, csv));
    CHECK(csv.str() == "bucket,count\n1987-03,2\n1987-04,1\n");
    std::ostringstream json;
    render_timeline(result, *make_printer(Format::json, json));
    auto j = nlohmann::json::parse(json.str());
    CHECK(j["bucket"] == "month");
    CHECK(j["timeline"].size() == 2);
    CHECK(j["timeline"][0]["count"] == 2);
    std::ostringstream table;
    render_timeline(result, *make_printer(Format::table, table));
    CHECK(table.str().find("1987-04  1  ") != std::string::npos);
}

TEST_CASE("a batch line is plain query text or a JSON request") {
    SearchRequest defaults;
    defaults.limit = 7;
    auto plain = request_from_line("  grain wheat ", defaults);
    CHECK(plain.query == "grain wheat");
    CHECK(plain.limit == 7);
    auto j = request_from_line(R"({"query": "oil", "limit": 2, "facets": ["tag"], "sort": "newest",
                                   "filters": ["lang:en"], "collapse": true})",
                               defaults);
    CHECK(j.query == "oil");
    CHECK(j.limit == 2);
    CHECK(j.facets == std::vector<std::string>{"tag"});
    CHECK(j.sort == SortOrder::newest);
    CHECK(j.filters == std::vector<std::string>{"lang:en"});
    CHECK(j.collapse);
    CHECK_THROWS_AS(request_from_line(R"({"query": 1})", defaults), UsageError);
    CHECK_THROWS_AS(request_from_line(R"({"qeury": "x"})", defaults), UsageError);
    CHECK_THROWS_AS(request_from_line(R"({"query": "x")", defaults), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "a batch writes one JSON line per query and keeps going after errors") {
    std::istringstream in("grain\n\n{\"query\": \"coffee\", \"limit\": 0}\nzzzqqq\ndate:1987-13\n");
    std::ostringstream out;
    int code = run_batch(db, in, out, SearchRequest{});
    CHECK(code == 2);
    std::vector<nlohmann::json> lines;
    std::istringstream text(out.str());
    for (std::string line; std::getline(text, line);)
        lines.push_back(nlohmann::json::parse(line));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["line"] == 1);
    CHECK(lines[0]["total"] == 2); // grain-1, note-1
    CHECK(lines[0]["exit"] == 0);
    CHECK(lines[1]["line"] == 3);
    CHECK(lines[1]["hits"].empty());
    CHECK(lines[1]["total"] == 1);
    CHECK(lines[2]["exit"] == 1);
    CHECK(lines[3]["line"] == 5);
    CHECK(lines[3]["exit"] == 2);
    CHECK(lines[3]["error"].get<std::string>().find("2020") == std::string::npos);
    CHECK(lines[3].contains("error"));
}

TEST_CASE("a recency half-life is a positive count of hours, days, weeks or years") {
    CHECK(parse_half_life("12h") == 12 * 3600);
    CHECK(parse_half_life("30d") == 30 * 86400);
    CHECK(parse_half_life("2w") == 14 * 86400);
    CHECK_THROWS_AS(parse_half_life("0d"), UsageError);
    CHECK_THROWS_AS(parse_half_life("d"), UsageError);
    CHECK_THROWS_AS(parse_half_life("3x"), UsageError);
    CHECK(recency_factor(0, 86400, 86400) == doctest::Approx(0.5));
    CHECK(recency_factor(2 * 86400, 86400, 86400) == doctest::Approx(1.0)); // newer than now
}

TEST_CASE_FIXTURE(Fixture, "recency adds a decaying weight without changing the match set") {
    SearchRequest plain;
    plain.query = "grain OR wheat";
    auto before = search(db, plain);
    SearchRequest recent = plain;
    recent.recency_half_life = 86400;                           // one day
    recent.now = dates::parse("1987-03-20T15:30:00Z")->seconds; // grain-2's time
    auto after = search(db, recent);
    CHECK(after.total == before.total);
    double best = before.hits.front().score;
    auto score = [](const SearchResult& r, const std::string& id) {
        for (const auto& h : r.hits)
            if (h.id == id) return h.score;
        return -1.0;
    };
    // grain-2 is "now": it gains the full scale (the best BM25 score); note-1 is undated: nothing.
    CHECK(score(after, "grain-2") == doctest::Approx(score(before, "grain-2") + best));
    CHECK(score(after, "note-1") == doctest::Approx(score(before, "note-1")));
    // grain-1 is 3 days 5.5 hours older: 2^-(3.229...) of the scale.
    double age_days = (dates::parse("1987-03-20T15:30:00Z")->seconds -
                       dates::parse("1987-03-17T10:00:00Z")->seconds) /
                      86400.0;
    CHECK(score(after, "grain-1") ==
          doctest::Approx(score(before, "grain-1") + best * std::exp2(-age_days)));
    CHECK(after.hits.front().id == "grain-2");
}

TEST_CASE_FIXTURE(Fixture, "more like this finds related articles and leaves out the article") {
    SearchRequest r;
    r.like = "grain-1";
    auto result = search(db, r);
    REQUIRE(!result.hits.empty());
    for (const auto& h : result.hits)
        CHECK(h.id != "grain-1");
    // The two other grain articles (shared words and the grain tag) come first.
    REQUIRE(result.hits.size() >= 2);
    std::vector<std::string> top{result.hits[0].id, result.hits[1].id};
    std::sort(top.begin(), top.end());
    CHECK(top == std::vector<std::string>{"grain-2", "note-1"});
    r.like = "no-such-article";
    CHECK_THROWS_AS(search(db, r), UsageError);
}
