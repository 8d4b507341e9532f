// Structured queries (query/query_json.h): each JSON node form means what its text form means
// (the same tree, the same Xapian query), bad JSON names the bad node's path, and every tree the
// text parser makes over the regression battery (tests/battery/queries.txt) survives
// text -> tree -> JSON -> tree.
#include "analyzers/stopwords.h"
#include "query/entity_terms.h"
#include "query/errors.h"
#include "query/query_json.h"
#include "query/query_parser.h"
#include "query/request_options.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;
using nlohmann::json;
using Kind = QueryNode::Kind;

namespace {

QueryTreeOptions english() {
    QueryTreeOptions o;
    o.is_stopword = [](std::string_view word) {
        const auto words = stopwords::for_language("en");
        return std::find(words.begin(), words.end(), word) != words.end();
    };
    return o;
}

// The JSON query's tree is the text's (as same_tree compares them).
void same_as_text(const std::string& json_text, const std::string& text) {
    CAPTURE(json_text);
    CAPTURE(text);
    const QueryTree from_json = tree_from_json(json::parse(json_text), english());
    const QueryTree from_text = parse_query_tree(text, english());
    std::string why;
    CHECK_MESSAGE(same_tree(from_text.root, from_json.root, &why), why);
    CHECK(from_json.proximity == from_text.proximity);
}

std::string error_of(const std::string& json_text) {
    try {
        tree_from_json(json::parse(json_text), english());
    } catch (const QueryError& e) {
        return e.what();
    }
    return "";
}

std::vector<Article> articles_with_entities() {
    auto articles = testing::sample_articles();
    articles.push_back(testing::article(
        "nyc", "Ledger", "ledger", "1987-03-21", "Stocks",
        "Shares on the New York Stock Exchange rose in New York, Putin said.", {"trade"},
        {{"New York City", EntityType::place, 1, "US"},
         {"Vladimir Putin", EntityType::person, 1, "RU"}}));
    return articles;
}

void renumber(QueryNode& n, unsigned& position) {
    if (n.kind == Kind::term || n.kind == Kind::wildcard) n.position = ++position;
    for (auto& c : n.children)
        renumber(c, position);
}

unsigned first_position(const QueryNode& n) {
    unsigned first = 0;
    visit_nodes(n, [&](const QueryNode& t) {
        if (!first && (t.kind == Kind::term || t.kind == Kind::wildcard)) first = t.position;
    });
    return first;
}

std::string without_positions(std::string description) {
    return std::regex_replace(description, std::regex("@[0-9]+"), "");
}

std::vector<std::string> battery_queries() {
    std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/battery/queries.txt");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("each JSON node form is the tree of its text form") {
    same_as_text(R"({"words": "oil prices"})", "oil prices");
    same_as_text(R"({"words": "oil"})", "oil");
    same_as_text(R"({"words": "the"})", "the");
    same_as_text(R"({"words": "e-mail"})", "e-mail");
    same_as_text(R"({"words": "U.S. oil"})", "U.S. oil");
    same_as_text(R"({"words": "oil prices pri*"})", "oil prices pri*");
    same_as_text(R"({"word": "oil"})", "oil");
    same_as_text(R"({"phrase": "interest rates"})", "\"interest rates\"");
    same_as_text(R"({"phrase": ["interest", "rates"]})", "\"interest rates\"");
    same_as_text(R"({"phrase": "interest rates", "field": "title"})", "title:\"interest rates\"");
    same_as_text(R"({"near": "oil prices", "window": 5})", "oil NEAR/5 prices");
    same_as_text(R"({"near": ["oil", "prices", "opec"]})", "oil NEAR prices NEAR opec");
    same_as_text(R"({"adj": "oil prices", "window": 2})", "oil ADJ/2 prices");
    same_as_text(R"({"wildcard": "pri"})", "pri*");
    same_as_text(R"({"wildcard": "pri*", "field": "title"})", "title:pri*");
    same_as_text(R"({"field": "tag", "value": "Vladimir Putin"})", "tag:\"Vladimir Putin\"");
    same_as_text(R"({"field": "source", "value": "reuters"})", "source:reuters");
    same_as_text(R"({"field": "tag", "value": "gr*"})", "tag:gr*");
    same_as_text(R"({"field": "title", "value": "oil"})", "title:oil");
    same_as_text(R"({"words": "oil prices", "field": "title"})", "title:(oil prices)");
    same_as_text(R"({"date": "1987-03"})", "date:1987-03");
    same_as_text(R"({"date": {"from": "1987-03", "to": "1987-04"}})", "date:1987-03..1987-04");
    same_as_text(R"({"date": {"from": "1987-06"}})", "date:1987-06..");
    same_as_text(R"({"date": {"to": "1987-03-15"}})", "date:..1987-03-15");
    same_as_text(R"({"field": "date", "value": "1987"})", "date:1987");
    same_as_text(R"({"and": [{"words": "oil"}, {"words": "wheat"}, {"words": "corn"}]})",
                 "oil AND wheat AND corn");
    same_as_text(R"({"and": [{"words": "oil"}, {"not": {"words": "wheat"}}]})",
                 "oil AND NOT wheat");
    same_as_text(R"({"and": [{"words": "oil"}, {"and": [{"not": {"words": "wheat"}}]}]})",
                 "oil AND (NOT wheat)");
    same_as_text(R"({"and": [{"words": "oil"}, {"and": [{"words": "a"}, {"words": "b"}]}]})",
                 "oil AND (a AND b)");
    same_as_text(R"({"or": [{"words": "oil"}, {"phrase": "crude oil"}]})", "oil OR \"crude oil\"");
    same_as_text(R"({"xor": [{"words": "oil"}, {"words": "gas"}]})", "oil XOR gas");
    same_as_text(R"({"not": {"words": "oil"}})", "NOT oil");
    same_as_text(R"({"or": [{"words": "oil"}, {"not": {"words": "gas"}}]})", "oil OR NOT gas");
    same_as_text(R"({"all": [{"words": "oil"}, {"minus": {"words": "wheat"}},
                             {"field": "tag", "value": "grain"}]})",
                 "oil -wheat tag:grain");
    same_as_text(R"({"all": [{"minus": {"words": "wheat"}}, {"minus": {"field": "tag",
                             "value": "corn"}}]})",
                 "-wheat -tag:corn");
    same_as_text(R"({"words": "the oil"})", "+the oil"); // '+' adds nothing
    same_as_text(R"({"all": [{"words": "oil"}, {"word": "the", "keep": true}]})", "oil (the)");
    same_as_text(
        R"({"all": [{"word": "oil", "glued": "after"}, {"word": "the", "glued": "before"}]})",
        "oil,the");
    same_as_text(R"({"all": [{"word": "reagan", "glued": "after"}, {"words": "oil"}]})",
                 "reagan, oil");
    same_as_text(R"({"all": []})", "");
    // The issue's example: its text form with the operators it names.
    same_as_text(R"({"and": [{"words": "oil prices"}, {"phrase": "interest rates"},
                             {"field": "tag", "value": "Vladimir Putin"},
                             {"date": {"from": "1987-03", "to": "1987-04"}},
                             {"not": {"field": "source", "value": "reuters"}}]})",
                 "oil prices AND \"interest rates\" AND tag:\"Vladimir Putin\" AND "
                 "date:1987-03..1987-04 AND NOT source:reuters");
}

TEST_CASE("a JSON query builds the Xapian query of its text, entity aliases included") {
    Xapian::WritableDatabase db = testing::make_database(articles_with_entities());
    QueryBuilder builder(db, QueryOptions{});
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"words": "putin"})", "putin"},
        {R"({"words": "new york prices"})", "new york prices"},
        {R"({"phrase": "new york"})", "\"new york\""},
        {R"({"all": [{"words": "grain"}, {"minus": {"words": "putin"}}]})", "grain -putin"},
        {R"({"all": [{"words": "grain"}, {"field": "tag", "value": "wheat"},
                     {"field": "tag", "value": "usa"}, {"date": "1987"}]})",
         "grain tag:wheat tag:usa date:1987"},
        {R"({"or": [{"wildcard": "gr"}, {"near": "oil prices", "window": 3}]})",
         "gr* OR oil NEAR/3 prices"},
        {R"({"field": "tag", "value": "Vladimir Putin"})", "tag:\"Vladimir Putin\""},
    };
    for (const auto& [json_text, text] : cases) {
        CAPTURE(json_text);
        const std::string want = builder.build(builder.parse_tree(text), text).get_description();
        const std::string got =
            builder.build(builder.parse_json_tree(json::parse(json_text)), json_text)
                .get_description();
        CHECK(got == want);
    }
    // The alias is marked in the JSON tree as in the text's: "putin" also matches the tag.
    CHECK(has_entity_alias(builder.parse_json_tree(json::parse(R"({"words": "putin"})"))));
    CHECK(!has_entity_alias(builder.parse_json_tree(
        json::parse(R"({"word": "putin", "glued": "after"})")))); // "putin," is not an alias
}

TEST_CASE("searches take a JSON query through the request options, as batch lines and POST do") {
    Xapian::WritableDatabase db = testing::make_database(articles_with_entities());
    SearchRequest text;
    text.snippet_length = 0;
    text.query = "grain -wheat";
    SearchRequest structured = request_from_json(
        json::parse(R"({"query": {"all": [{"words": "grain"}, {"minus": {"words": "wheat"}}]},
                       "snippet_length": 0})"),
        SearchRequest{});
    REQUIRE(structured.query_json);
    const SearchResult a = search(db, text), b = search(db, structured);
    CHECK(a.total == b.total);
    CHECK(a.total > 0);
    CHECK(a.parsed == b.parsed);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i)
        CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(b.query == R"({"all":[{"words":"grain"},{"minus":{"words":"wheat"}}]})");
    // A text query after it replaces it; a bad one is a QueryError naming the path.
    set_request_option(structured, "q", "oil");
    CHECK(!structured.query_json);
    CHECK_THROWS_AS(set_request_option(structured, "query", json::parse(R"({"and": []})")),
                    QueryError);
    CHECK_THROWS_AS(set_request_option(structured, "query", json(5)), UsageError);
    CHECK(structured.query == "oil"); // unchanged by the failed calls
}

TEST_CASE("a bad JSON query names the path of the bad node") {
    CHECK(error_of(R"({"and": [{"words": "oil"}, {"words": "x"},
                     {"date": {"from": "1987-13"}}]})") ==
          "and[2].date.from: bad date '1987-13': expected YYYY[-MM[-DD]] (month 13 is not 01-12)");
    CHECK(error_of(R"({"and": []})") == "and: is empty");
    CHECK(error_of(R"({"or": {"words": "x"}})") == "or: must be a list of query nodes, not object");
    CHECK(error_of(R"({"words": "oil", "colour": "red"})") ==
          "the query: unknown key 'colour' in a 'words' node (it also takes: field)");
    CHECK(error_of(R"({"and": [{"words": "a"}, {"or": [{"words": 5}]}]})") ==
          "and[1].or[0].words: must be a string, not number");
    CHECK(error_of(R"({"words": "a", "phrase": "b"})") ==
          "the query: has both 'words' and 'phrase': one node kind per object");
    CHECK(error_of(R"({})").starts_with("the query: names no node kind"));
    CHECK(error_of(R"("oil")").starts_with("the query: must be an object"));
    CHECK(error_of(R"([1, 2])") == "the query: must be an object (a query node), not array");
    CHECK(error_of(R"({"words": "..."})") == "words: has no words");
    CHECK(error_of(R"({"word": "oil prices"})").starts_with("word: must be one word"));
    CHECK(error_of(R"({"near": "oil", "window": 3})") == "near: needs at least two words");
    CHECK(error_of(R"({"near": "oil gas", "window": 0})").starts_with("window: must be"));
    CHECK(error_of(R"({"near": "oil gas", "window": "3"})").starts_with("window: must be"));
    CHECK(error_of(R"({"near": "oil pri*"})") == "near: holds a wildcard, which only stands alone");
    CHECK(error_of(R"({"field": "colour", "value": "red"})")
              .starts_with("field: unknown field 'colour' (fields: "));
    CHECK(error_of(R"({"field": "tag"})") == "the query: 'field' needs a 'value' or a words node");
    CHECK(error_of(R"({"field": "tag", "value": ""})") == "value: is empty");
    CHECK(error_of(R"({"words": "oil", "field": "tag"})")
              .starts_with("field: 'tag' is not a free-text field"));
    CHECK(error_of(R"({"date": {"from": "1987", "until": "1988"}})") ==
          "date.until: unknown key (a date takes from and to)");
    CHECK(error_of(R"({"date": {}})") == "date: needs from, to or both");
    CHECK(error_of(R"({"date": "1987-02-30"})").starts_with("date: bad date '1987-02-30'"));
    CHECK(error_of(R"({"date": 1987})").starts_with("date: must be a date"));
    CHECK(error_of(R"({"minus": {"words": "oil"}})") ==
          "the query: 'minus' stands only as an item of an \"all\" list");
    CHECK(error_of(R"({"or": [{"words": "oil"}, {"all": [{"minus": {"words": "gas"}}]}]})")
              .starts_with("or[1].all: has only minus items"));
    CHECK(error_of(R"({"all": [{"words": "the"}, {"minus": {"words": "gas"}}]})") ==
          "all: has minus items and only stopwords to take them from");
    CHECK(error_of(R"({"words": "wheat..corn"})").starts_with("words: unknown range"));
    CHECK(error_of(R"({"word": "oil", "glued": "left"})")
              .starts_with("glued: must be before, after or both"));
    CHECK(error_of(R"({"all": [{"words": "oil"}, {"words": "a", "stem": true}]})") ==
          "all[1]: unknown key 'stem' in a 'words' node (it also takes: field)");
    std::string deep;
    for (int i = 0; i < 200; ++i)
        deep += R"({"not": )";
    deep += R"({"words": "oil"})" + std::string(200, '}');
    CHECK(error_of(deep).find("is nested deeper than 100 levels") != std::string::npos);
    // Not JSON at all.
    CHECK_THROWS_WITH_AS(parse_query_json("{\"words\": "),
                         doctest::Contains("the JSON query is not valid JSON"), QueryError);
}

TEST_CASE("any JSON value is a tree or a QueryError, never a crash") {
    const std::vector<std::string> values = {"null",
                                             "true",
                                             "0",
                                             "-1",
                                             "1e400",
                                             "\"\"",
                                             "[]",
                                             "{}",
                                             R"({"and": null})",
                                             R"({"and": [null]})",
                                             R"({"and": [[]]})",
                                             R"({"not": []})",
                                             R"({"all": [{"minus": 1}]})",
                                             R"({"all": [{"minus": {"minus": {"words": "a"}}}]})",
                                             R"({"phrase": []})",
                                             R"({"phrase": [1]})",
                                             R"({"phrase": [{"words": "a"}]})",
                                             R"({"group": "a b"})",
                                             R"({"group": [{"word": "a b"}]})",
                                             R"({"wildcard": "*"})",
                                             R"({"wildcard": "a b"})",
                                             R"({"near": [{"word": 1}, "b"]})",
                                             R"({"date": {"from": null}})",
                                             R"({"date": {"from": "1987..1988"}})",
                                             R"({"date": "1988..1987"})",
                                             R"({"field": 1, "value": "x"})",
                                             R"({"field": "tag", "value": ["a"]})",
                                             R"({"words": "\u0000"})",
                                             R"({"phrase": "\"\"\""})",
                                             R"({"words": "C++ C# AT&T"})",
                                             R"({"words": "a", "field": null})",
                                             R"({"near": "a b", "window": 1e10})",
                                             R"({"near": "a b", "window": -3})",
                                             R"({"adj": "a b", "window": 2.5})"};
    for (const auto& v : values) {
        CAPTURE(v);
        try {
            const QueryTree t = tree_from_json(parse_query_json(v), english());
            CHECK(tree_from_json(tree_to_json(t), english()).root.kind == t.root.kind);
        } catch (const QueryError&) {
        }
    }
}

namespace {
// A random JSON query (seeded: the same every run): mostly well-formed nodes, with odd values,
// wrong types and stray keys mixed in.
json random_value(std::mt19937& rng, int depth) {
    static const std::vector<std::string> kinds = {"and",   "or",    "xor",      "not",   "all",
                                                   "minus", "words", "word",     "group", "phrase",
                                                   "near",  "adj",   "wildcard", "date",  "field"};
    static const std::vector<std::string> extras = {
        "field", "window", "stem", "glued", "keep", "may_vanish", "quoted", "value", "bogus"};
    static const std::vector<json> leaves = {
        "oil",     "the", "oil prices", "",    "*",     "pri*",       "e-mail", "1987-03",
        "1987-13", "..",  "1987..1988", "tag", "title", "date",       "both",   "after",
        "AND",     "\"",  "a..b",       "C++", "U.S.",  "the a pri*", 0,        3,
        -1,        1.5,   true,         false, nullptr};
    auto one = [&](const auto& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    std::uniform_int_distribution<int> pick(0, 9);
    if (depth > 6 || pick(rng) == 0) return one(leaves);
    const std::string kind = one(kinds);
    json o = json::object();
    if (kind == "and" || kind == "or" || kind == "xor" || kind == "all") {
        json a = json::array();
        for (int i = pick(rng) % 4; i > 0; --i)
            a.push_back(random_value(rng, depth + 1));
        o[kind] = a;
    } else if (kind == "not" || kind == "minus") {
        o[kind] = random_value(rng, depth + 1);
    } else if (kind == "group" || kind == "phrase" || kind == "near" || kind == "adj") {
        o[kind] = pick(rng) < 5 ? one(leaves) : json::array({one(leaves), one(leaves)});
    } else if (kind == "date") {
        o[kind] = pick(rng) < 5 ? one(leaves) : json{{"from", one(leaves)}, {"to", one(leaves)}};
    } else if (kind == "field") {
        o[kind] = one(std::vector<json>{"tag", "title", "date", "source", "bogus", "", 1});
        o["value"] = one(leaves);
    } else {
        o[kind] = one(leaves);
    }
    if (pick(rng) < 3) o[one(extras)] = one(leaves);
    return o;
}
} // namespace

TEST_CASE("random JSON of the node keys: a tree that round-trips, or a QueryError") {
    std::mt19937 rng(15);
    std::size_t trees = 0;
    for (int i = 0; i < 20000; ++i) {
        const json v = random_value(rng, 0);
        CAPTURE(v.dump());
        QueryTree t;
        try {
            t = tree_from_json(v, english());
        } catch (const QueryError&) {
            continue;
        }
        ++trees;
        // What a tree from JSON writes reads back as the same tree.
        std::string why;
        const QueryTree back = tree_from_json(tree_to_json(t), english());
        CHECK_MESSAGE(same_tree(t.root, back.root, &why), why);
    }
    MESSAGE(trees << " of 20000 random values are trees");
    CHECK(trees > 2000);
}

TEST_CASE("round trip: text -> tree -> JSON -> tree is the same tree over the query battery") {
    const auto queries = battery_queries();
    REQUIRE(queries.size() >= 1000);
    Xapian::WritableDatabase db = testing::make_database(articles_with_entities());
    QueryBuilder builder(db, QueryOptions{});
    const std::vector<std::string> extra = {"putin",      "new york prices", "\"new york\" oil",
                                            "putin, oil", "-putin grain",    "title:e-mail",
                                            "oil(gas)"};
    std::size_t trees = 0, errors = 0, bad_dates = 0, recoveries = 0;
    for (const auto* list : {&queries, &extra}) {
        for (const auto& q : *list) {
            CAPTURE(q);
            QueryTree text_tree;
            try {
                text_tree = builder.parse_tree(q);
            } catch (const QueryError&) {
                ++errors; // a query the language rejects has no tree
                continue;
            }
            ++trees;
            const json j = tree_to_json(text_tree);
            CAPTURE(j.dump());
            // The same Xapian query (or the same error: a bad date, an operand of stopwords).
            std::string want, got;
            try {
                want = builder.build(text_tree, q).get_description();
            } catch (const QueryError&) {
                want = "error";
            }
            // Through its text, as a script would send it. A bad date fails here already.
            QueryTree back;
            try {
                back = builder.parse_json_tree(parse_query_json(j.dump()));
            } catch (const QueryError& e) {
                CAPTURE(e.what());
                CHECK(want == "error");
                ++bad_dates;
                continue;
            }
            try {
                got = builder.build(back, q).get_description();
            } catch (const QueryError&) {
                got = "error";
            }
            CHECK(back.proximity == text_tree.proximity);
            std::string why;
            if (same_tree(text_tree.root, back.root, &why)) {
                CHECK(got == want);
                continue;
            }
            // The one difference: Xapian's recovery from a failed operator ("-oil OR tag:x"
            // is "tag:x") drops the items before it, whose words had taken the first positions;
            // the JSON has no dropped items, so its words count from 1. Positions in a query
            // change no match and no weight, only the query's description.
            CAPTURE(why);
            QueryTree renumbered = text_tree;
            unsigned position = 0;
            renumber(renumbered.root, position);
            CHECK(first_position(text_tree.root) > 1);
            CHECK_MESSAGE(same_tree(renumbered.root, back.root, &why), why);
            CHECK(without_positions(got) == without_positions(want));
            ++recoveries;
        }
    }
    MESSAGE(trees << " trees round-tripped (" << bad_dates << " of them with a bad date, a "
                  << "QueryError from both forms; " << recoveries
                  << " recoveries whose positions count from 1), " << errors
                  << " queries do not parse");
    CHECK(recoveries < 10);
    CHECK(trees > 1000);
}
