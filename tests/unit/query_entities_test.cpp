// Entity-aware free text (query/entity_terms.h): a word or phrase that is an alias of a known
// entity also matches the articles tagged with it, ranked below the articles that say it.
#include "query/entity_terms.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

const Entity putin{"Vladimir Putin", EntityType::person, 1, "RU"};

std::vector<Article> entity_articles() {
    std::string filler;
    for (int i = 0; i < 400; ++i)
        filler += " markets moved quietly while traders waited for data";
    return {
        // Says "Putin" and is tagged.
        testing::article("says-and-tagged", "AP", "ap", "2021-03-17", "Putin speaks on economy",
                         "Vladimir Putin said the economy would grow.", {}, {putin}),
        // Tagged only: the text is Russian.
        testing::article("tagged-only", "Курьер", "kurer", "2021-03-18", "Путин выступил",
                         "Путин заявил о росте экономики.", {}, {putin}),
        // Says it, not tagged.
        testing::article("says-only", "Ledger", "ledger", "2021-03-19", "Analysts meet",
                         "Analysts discussed Putin and the rouble.", {}),
        // Says it once in a very long text, not tagged: still above the tagged-only one.
        testing::article("long", "Ledger", "ledger", "2021-03-20", "Markets",
                         "Putin was not the topic." + filler, {}),
        testing::article("nyc", "Ledger", "ledger", "2021-03-21", "Stocks",
                         "Shares on the New York Stock Exchange rose in New York.", {},
                         {{"New York City", EntityType::place, 1, "US"},
                          {"New York Stock Exchange", EntityType::organization, 1, "US"}}),
    };
}

struct Fixture {
    Xapian::WritableDatabase db = testing::make_database(entity_articles());

    std::vector<std::string> ranked(const std::string& q, bool aliases = true) {
        SearchRequest r;
        r.query = q;
        r.snippet_length = 0;
        r.query_options.entity_aliases = aliases;
        std::vector<std::string> out;
        for (const auto& h : search(db, r).hits)
            out.push_back(h.id);
        return out;
    }
    static std::vector<std::string> sorted(std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    }
};

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE_FIXTURE(Fixture, "an alias word also finds the tagged articles, ranked after those "
                           "saying it") {
    auto hits = ranked("putin");
    CHECK(sorted(hits) == Ids{"long", "says-and-tagged", "says-only", "tagged-only"});
    CHECK(hits.back() == "tagged-only");
    CHECK(ranked("Putin").back() == "tagged-only");
    // Without entity aliases only the text counts.
    CHECK(sorted(ranked("putin", false)) == Ids{"long", "says-and-tagged", "says-only"});
    // The Russian alias finds the tagged English article too.
    CHECK(sorted(ranked("путин")) == Ids{"says-and-tagged", "tagged-only"});
}

TEST_CASE_FIXTURE(Fixture, "phrases count only as a whole alias; fields are left alone") {
    CHECK(sorted(ranked("\"vladimir putin\"")) == Ids{"says-and-tagged", "tagged-only"});
    CHECK(ranked("\"putin said\"") == Ids{"says-and-tagged"}); // not an alias: the words only
    CHECK(ranked("\"vladimir putin said\"") == Ids{"says-and-tagged"});
    CHECK(ranked("title:putin") == Ids{"says-and-tagged"});
    CHECK(ranked("putin economy") == Ids{"says-and-tagged"}); // the Russian one lacks "economy"
}

// The words of each alias node of the query's tree (query_tree.h).
std::vector<std::string> aliases_in(const Xapian::Database& db, std::string_view q) {
    QueryBuilder builder(db, QueryOptions{});
    std::vector<std::string> out;
    visit_nodes(builder.parse_tree(q).root, [&](const QueryNode& n) {
        if (n.kind != QueryNode::Kind::alias) return;
        std::string words;
        visit_nodes(n, [&](const QueryNode& t) {
            if (t.kind == QueryNode::Kind::term) words += (words.empty() ? "" : " ") + t.text;
        });
        out.push_back(words);
    });
    return out;
}

TEST_CASE_FIXTURE(Fixture, "aliases are nodes of the query tree: longest run of plain words") {
    // One alias for the four words (the exchange), not "new york" (the city).
    CHECK(aliases_in(db, "new york stock exchange shares") ==
          std::vector<std::string>{"new york stock exchange"});
    // Left alone: wildcards, NEAR operands, fields, non-aliases, untagged entities, words glued
    // to other text.
    for (const char* q : {"putin*", "putin NEAR economy", "putin(NEAR economy",
                          "putin NEAR\x18"
                          "economy",
                          "\"putin\"-a", "moscow ADJ/2 economy", "title:putin", "economy",
                          "\"putin said\"", "navalny", "-putin\"Putin", "x\"Putin\"", "putin\x01"})
        CHECK_MESSAGE(aliases_in(db, q).empty(), q);
    // Words and phrases standing alone are aliases, after a love or hate sign and in brackets.
    for (const char* q : {"-putin x", "x +putin", "(putin)", "x -\"Putin\"", "a\tputin\n"})
        CHECK_MESSAGE(aliases_in(db, q).size() == 1, q);
    // An all-capitals alias must be typed in capitals ("NYC", not "nyc").
    CHECK(aliases_in(db, "nyc").empty());
    CHECK(aliases_in(db, "NYC").size() == 1);
    CHECK(ranked("NYC") == Ids{"nyc"});
}

TEST_CASE_FIXTURE(Fixture, "the tag weight is under the least weight the word itself can give") {
    const double share = least_bm25_share(db, {"Zputin"});
    CHECK(share > 0);
    SearchRequest r;
    r.query = "putin";
    r.snippet_length = 0;
    auto result = search(db, r);
    for (const auto& h : result.hits) {
        if (h.id == "tagged-only") {
            CHECK(h.score == doctest::Approx(share));
        } else {
            CHECK(h.score > share);
        }
    }
}
