// Facet counting over every match (query/facets.h) through search(), on the in-memory fixture.
#include "query/errors.h"
#include "query/search.h"
#include "query_fixture.h"

#include <cctype>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

struct Fixture {
    Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());

    SearchResult facets(const std::string& q, std::vector<std::string> names,
                        std::size_t limit = 10, Bucket bucket = Bucket::automatic,
                        Xapian::doccount hits = 1) {
        SearchRequest r;
        r.query = q;
        r.limit = hits;
        r.facets = std::move(names);
        r.facet_options.limit = limit;
        r.facet_options.bucket = bucket;
        return search(db, r);
    }
};

Xapian::doccount count_of(const FacetResult& f, const std::string& value) {
    for (const auto& v : f.values)
        if (v.value == value) return v.count;
    return 0;
}

// Spellings that differ in case are one value; the display is the most common spelling.
Xapian::doccount count_any_case(const FacetResult& f, const std::string& value) {
    return count_of(f, value) +
           count_of(f, std::string(1, char(std::toupper(value[0]))) + value.substr(1));
}

} // namespace

TEST_CASE_FIXTURE(Fixture,
                  "tag counts cover every match, once per tag per document, cases merged") {
    auto r = facets("", {"tag"}, 0, Bucket::automatic, 1); // one hit shown, all six counted
    REQUIRE(r.facets.size() == 1);
    const auto& tags = r.facets[0];
    CHECK(tags.name == "tag");
    CHECK(count_of(tags, "grain") == 3); // "grain" twice and "Grain" once
    CHECK(count_of(tags, "Grain") == 0);
    CHECK(count_of(tags, "wheat") + count_of(tags, "Wheat") == 2);
    CHECK(count_of(tags, "Vladimir Putin") == 1);
    CHECK(count_of(tags, "Moscow") == 1);
    CHECK(tags.values.front().value == "grain"); // most frequent first
    CHECK(tags.distinct == 8);                   // grain wheat usa oil russia putin moscow coffee
    CHECK(tags.other == 0);
    CHECK(tags.missing == 0);
}

TEST_CASE_FIXTURE(Fixture, "the keyword facet counts publisher keywords only, never entities") {
    auto r = facets("", {"keyword"}, 0);
    REQUIRE(r.facets.size() == 1);
    const auto& keywords = r.facets[0];
    CHECK(keywords.name == "keyword");
    CHECK(count_of(keywords, "grain") == 3); // "grain" twice and "Grain" once: one term
    CHECK(count_of(keywords, "russia") == 1);
    CHECK(count_of(keywords, "vladimir putin") == 0); // an entity: the tag facet's, not this one
    CHECK(keywords.distinct == 6);                    // grain wheat usa oil russia coffee
    // keyword: filters by it; tag: matches keywords and entities alike.
    CHECK(facets("keyword:wheat", {}).total == 2);
    CHECK(facets("keyword:\"Vladimir Putin\"", {}).total == 0);
    CHECK(facets("tag:\"Vladimir Putin\"", {}).total == 1);
    CHECK(facets("tag:wheat", {}).total == 2);
}

TEST_CASE_FIXTURE(Fixture, "the top N values are kept and the rest counted as other") {
    auto r = facets("", {"tag"}, 2);
    const auto& tags = r.facets[0];
    REQUIRE(tags.values.size() == 2);
    CHECK(tags.values[0].value == "grain");
    CHECK(tags.values[0].count == 3);
    CHECK(tags.values[1].count == 2);
    CHECK(tags.distinct == 8);
    CHECK(tags.other == 6);
}

TEST_CASE_FIXTURE(Fixture, "facets follow the query") {
    auto r = facets("wheat", {"tag", "source"});
    REQUIRE(r.facets.size() == 2);
    CHECK(count_any_case(r.facets[0], "grain") == 2); // "grain" once, "Grain" once
    CHECK(count_of(r.facets[0], "Grain") == 2);       // ties: the first spelling in byte order
    CHECK(count_of(r.facets[0], "oil") == 0);
    CHECK(r.facets[1].values.size() == 1);
    CHECK(r.facets[1].values[0].value == "reuters");
    CHECK(r.facets[1].values[0].count == 2);
}

TEST_CASE_FIXTURE(Fixture, "source facet values are ids labelled with display names") {
    auto r = facets("", {"source"});
    const auto& sources = r.facets[0];
    REQUIRE(sources.values.size() == 3);
    CHECK(sources.values[0].value == "reuters");
    CHECK(sources.values[0].label == "Reuters");
    CHECK(sources.values[0].count == 4);
    CHECK(count_of(sources, "agence-france-presse") == 1);
    for (const auto& v : sources.values)
        if (v.value == "agence-france-presse") CHECK(v.label == "Agence France-Presse");
}

TEST_CASE_FIXTURE(Fixture, "entity facets read the typed terms and show display names") {
    auto r = facets("", {"person", "place", "org"});
    REQUIRE(r.facets.size() == 3);
    REQUIRE(r.facets[0].values.size() == 1);
    CHECK(r.facets[0].values[0].value == "vladimir putin");
    CHECK(r.facets[0].values[0].label == "Vladimir Putin");
    CHECK(r.facets[0].missing == 5);
    CHECK(r.facets[1].values[0].label == "Moscow");
    CHECK(r.facets[2].values.empty());
}

TEST_CASE_FIXTURE(Fixture, "the date facet is a chronological histogram sized to the matches") {
    auto march = facets("date:1987-03", {"date"});
    const auto& days = march.facets[0];
    CHECK(days.bucket == "day");
    REQUIRE(days.values.size() == 4); // 17, 18, 19, 20 March
    CHECK(days.values[0].value == "1987-03-17");
    CHECK(days.values[0].count == 1);
    CHECK(days.values[1].count == 0);
    CHECK(days.values[3].value == "1987-03-20");

    auto all = facets("", {"date"});
    const auto& years = all.facets[0];
    CHECK(years.bucket == "year");
    CHECK(years.values.front().value == "1980");
    CHECK(years.values.back().value == "2021");
    CHECK(years.values.size() == 42);
    CHECK(count_of(years, "1987") == 3);
    CHECK(years.missing == 1); // the undated note

    auto months = facets("date:1987", {"date"}, 10, Bucket::month);
    CHECK(months.facets[0].bucket == "month");
    CHECK(months.facets[0].values.size() == 2);
    CHECK(count_of(months.facets[0], "1987-03") == 2);
    CHECK(count_of(months.facets[0], "1987-04") == 1);
}

TEST_CASE_FIXTURE(Fixture, "facets count all matches even when no hits are asked for") {
    auto r = facets("source:reuters", {"tag"}, 10, Bucket::automatic, 0);
    CHECK(r.hits.empty());
    CHECK(r.total == 4);
    CHECK(count_of(r.facets[0], "grain") == 3);
    CHECK(count_of(r.facets[0], "coffee") == 1);
}

TEST_CASE_FIXTURE(Fixture, "an unknown facet is a usage error") {
    CHECK_THROWS_AS(facets("", {"colour"}), UsageError);
    CHECK_THROWS_WITH(facets("", {"colour"}), doctest::Contains("unknown facet 'colour'"));
}
