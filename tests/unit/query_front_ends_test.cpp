// What the front ends (dateline-query, --batch, dateline-serve) share in the query library: the
// request option table (request_options.h), exclusion filters, the time budget, completions
// (completions.h), the streamed export (export.h) and the article view (article_view.h).
#include "query/article_view.h"
#include "query/batch.h"
#include "query/completions.h"
#include "query/errors.h"
#include "query/export.h"
#include "query/request_options.h"
#include "query/search.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

std::set<std::string> ids(const SearchResult& r) {
    std::set<std::string> out;
    for (const auto& h : r.hits)
        out.insert(h.id);
    return out;
}

} // namespace

TEST_CASE("every option has one name for query parameters and JSON keys") {
    SearchRequest text;
    add_request_option_text(text, "q", "grain");
    add_request_option_text(text, "facet", "source,tag");
    add_request_option_text(text, "facet", "date");
    add_request_option_text(text, "filter", "tag:grain");
    add_request_option_text(text, "filter", "source:a,b"); // a filter keeps its commas
    add_request_option_text(text, "sort", "newest");
    add_request_option_text(text, "limit", "5");
    add_request_option_text(text, "offset", "2");
    add_request_option_text(text, "collapse", "yes");
    add_request_option_text(text, "recency", "30d");
    add_request_option_text(text, "now", "1987-04");
    add_request_option_text(text, "like", "grain-1");
    add_request_option_text(text, "lang", "de");
    add_request_option_text(text, "bucket", "month");
    add_request_option_text(text, "facet_limit", "0");
    add_request_option_text(text, "facet_type", "org");
    add_request_option_text(text, "snippet_length", "80");
    add_request_option_text(text, "auto_correct", "1");
    add_request_option_text(text, "suggest_below", "3");
    add_request_option_text(text, "max_expansion", "7");
    add_request_option_text(text, "entity_aliases", "false");

    const SearchRequest json = request_from_json(
        nlohmann::json::parse(R"({"query": "grain", "facets": ["source", "tag", "date"],
          "filters": ["tag:grain", "source:a,b"], "sort": "newest", "limit": 5, "offset": 2,
          "collapse": true, "recency": "30d", "now": "1987-04", "like": "grain-1", "lang": "de",
          "bucket": "month", "facet_limit": 0, "facet_type": "organization",
          "snippet_length": 80, "auto_correct": true, "suggest_below": 3,
          "max_expansion": 7, "entity_aliases": false})"),
        SearchRequest{});
    const SearchRequest& from_text = text;
    for (const SearchRequest* r : {&from_text, &json}) {
        CHECK(r->query == "grain");
        CHECK(r->facets == std::vector<std::string>{"source", "tag", "date"});
        CHECK(r->filters == std::vector<std::string>{"tag:grain", "source:a,b"});
        CHECK(r->sort == SortOrder::newest);
        CHECK(r->limit == 5);
        CHECK(r->offset == 2);
        CHECK(r->collapse);
        CHECK(r->recency_half_life == 30 * 86400);
        REQUIRE(r->now.has_value());
        CHECK(*r->now == 544233600); // 1987-04-01T00:00:00Z
        CHECK(r->like == "grain-1");
        CHECK(r->query_options.language == "de");
        CHECK(r->facet_options.bucket == Bucket::month);
        CHECK(r->facet_options.limit == 0);
        CHECK(r->facet_options.tag_type == "organization");
        CHECK(r->snippet_length == 80);
        CHECK(r->auto_correct);
        CHECK(r->suggest_below == 3);
        CHECK(r->query_options.max_expansion == 7);
        CHECK_FALSE(r->query_options.entity_aliases);
    }
    // A batch line is the same JSON request.
    CHECK(request_from_line(R"({"recency": "2w", "bucket": "year"})", {}).recency_half_life ==
          14 * 86400);
}

TEST_CASE("bad option values are usage errors naming the option, and change nothing") {
    SearchRequest r;
    r.limit = 7;
    CHECK_THROWS_WITH_AS(add_request_option_text(r, "limit", "-1"),
                         doctest::Contains("\"limit\" must be a whole number"), UsageError);
    CHECK_THROWS_WITH_AS(add_request_option_text(r, "limit", "99999999999999999999999"),
                         doctest::Contains("\"limit\""), UsageError);
    CHECK_THROWS_WITH_AS(add_request_option_text(r, "collapse", "maybe"),
                         doctest::Contains("\"collapse\" must be true or false"), UsageError);
    CHECK_THROWS_WITH_AS(add_request_option_text(r, "colour", "red"),
                         doctest::Contains("unknown option \"colour\""), UsageError);
    CHECK_THROWS_AS(add_request_option_text(r, "sort", "sideways"), UsageError);
    CHECK_THROWS_AS(add_request_option_text(r, "recency", "soon"), UsageError);
    CHECK_THROWS_AS(add_request_option_text(r, "max_expansion", "0"), UsageError);
    CHECK_THROWS_AS(set_request_option(r, "limit", nlohmann::json("5")), UsageError);
    CHECK_THROWS_AS(set_request_option(r, "facets", nlohmann::json::parse("[1]")), UsageError);
    CHECK_THROWS_AS(request_from_json(nlohmann::json::array(), r), UsageError);
    CHECK(r.limit == 7);
}

TEST_CASE("a filter with a leading '-' excludes what it matches, scores unchanged") {
    auto db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.query = "grain";
    const SearchResult all = search(db, r);
    r.filters = {"-tag:wheat"};
    const SearchResult without = search(db, r);
    CHECK(ids(without) == std::set<std::string>{"note-1"});
    CHECK(ids(all).count("grain-1") == 1);
    for (const auto& h : without.hits)
        for (const auto& a : all.hits)
            if (a.id == h.id) CHECK(a.score == doctest::Approx(h.score));
    r.filters = {"source:reuters", "-date:1987"};
    CHECK(ids(search(db, r)) == std::set<std::string>{"note-1"});
}

TEST_CASE("a search over its time budget throws TimeBudgetError instead of cut counts") {
    auto db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.query = "grain";
    r.time_budget = 1e-9;
    CHECK_THROWS_AS(search(db, r), TimeBudgetError);
    r.time_budget = 60;
    CHECK(search(db, r).total == 2);
}

TEST_CASE("completions: entities by any word of their name, sources, then words") {
    testing::TempDir dir("completions");
    auto writer = testing::make_disk_database(dir.path("db"), testing::sample_articles());
    Xapian::Database db(dir.path("db"));
    auto found = complete(db, "Put", 10);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].kind == "person");
    CHECK(found[0].label == "Vladimir Putin");
    CHECK(found[0].query == "person:\"vladimir putin\"");
    CHECK(found[0].count == 1);
    bool word = false;
    for (const auto& c : found)
        word = word || (c.kind == "word" && c.value == "putin");
    CHECK(word);
    auto moscow = complete(db, "mosc", 10);
    REQUIRE_FALSE(moscow.empty());
    CHECK(moscow[0].kind == "place");
    auto sources = complete(db, "france", 10);
    REQUIRE_FALSE(sources.empty());
    CHECK(sources[0].kind == "source");
    CHECK(sources[0].query == "source:agence-france-presse");
    CHECK(complete(db, "", 10).empty());
    CHECK(complete(db, "grain", 1).size() == 1);
}

TEST_CASE("export streams every match in the sort order, as the csv and jsonl printers do") {
    auto db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.query = "";
    r.sort = SortOrder::oldest;
    r.snippet_length = 0;
    std::ostringstream jsonl;
    CHECK(export_matches(db, r, Format::jsonl, jsonl) == 6);
    std::istringstream lines(jsonl.str());
    std::string line;
    std::vector<std::string> order;
    nlohmann::json summary;
    while (std::getline(lines, line)) {
        auto j = nlohmann::json::parse(line);
        if (j["type"] == "hit") order.push_back(j["id"]);
        if (j["type"] == "summary") summary = j;
    }
    SearchRequest paged = r;
    paged.limit = 100;
    std::vector<std::string> expected;
    for (const auto& h : search(db, paged).hits)
        expected.push_back(h.id);
    CHECK(order == expected);
    CHECK(summary["total"] == 6);
    CHECK(summary["returned"] == 6);

    std::ostringstream csv;
    r.query = "grain";
    CHECK(export_matches(db, r, Format::csv, csv) == 2);
    const std::string text = csv.str();
    CHECK(text.rfind("id,rank,score,published,source,title,url,tags,snippet,copies\n", 0) == 0);
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);
    std::ostringstream none;
    r.query = "zzzz";
    CHECK(export_matches(db, r, Format::csv, none) == 0);
    CHECK(none.str() == "id,rank,score,published,source,title,url,tags,snippet,copies\n");
    CHECK_THROWS_AS(export_matches(db, r, Format::table, none), UsageError);
}

TEST_CASE("the article view holds the whole article, its entities and articles like it") {
    auto db = testing::make_database(testing::sample_articles());
    auto doc = article_document(db, "putin-1");
    CHECK(doc["schema_version"] == 1);
    CHECK(doc["article"]["id"] == "putin-1");
    CHECK(doc["article"]["body"] ==
          "Vladimir Putin said the Russian economy would grow. He spoke in Moscow.");
    REQUIRE(doc["article"]["entities"].size() == 2);
    CHECK(doc["article"]["entities"][0]["name"] == "Vladimir Putin");
    CHECK(doc["copies"].is_array());
    CHECK(doc["like"].is_array());
    auto grain = article_document(db, "grain-1");
    bool other_grain = false;
    for (const auto& h : grain["like"])
        other_grain = other_grain || h["id"] == "grain-2";
    CHECK(other_grain);
    CHECK_THROWS_AS(article_document(db, "no-such-article"), NotFoundError);
}
