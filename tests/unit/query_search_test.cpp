// The query language and search (query/query_parser.h, query/search.h) over a small in-memory
// database written by the schema (query_fixture.h).
#include "query/errors.h"
#include "query/highlight.h"
#include "query/query_parser.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

struct Fixture {
    Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());

    SearchResult run(const std::string& q, SortOrder sort = SortOrder::relevance,
                     Xapian::doccount limit = 10) {
        SearchRequest r;
        r.query = q;
        r.sort = sort;
        r.limit = limit;
        return search(db, r);
    }

    std::set<std::string> ids(const std::string& q) {
        std::set<std::string> out;
        for (const auto& h : run(q).hits)
            out.insert(h.id);
        return out;
    }

    std::vector<std::string> ordered(const std::string& q, SortOrder sort) {
        std::vector<std::string> out;
        for (const auto& h : run(q, sort).hits)
            out.push_back(h.id);
        return out;
    }

    std::string error(const std::string& q) {
        try {
            run(q);
        } catch (const QueryError& e) {
            return e.what();
        }
        return "(no error)";
    }
};

using Ids = std::set<std::string>;

} // namespace

TEST_CASE_FIXTURE(Fixture, "words are stemmed like the indexer and all must match") {
    CHECK(ids("wheat") == Ids{"grain-1", "grain-2"});
    CHECK(ids("export") == Ids{"grain-2", "coffee-1"}); // "exports" stems to "export"
    CHECK(ids("wheat exports") == Ids{"grain-2"});
    CHECK(ids("wheat OR coffee") == Ids{"grain-1", "grain-2", "coffee-1"});
    CHECK(ids("wheat NOT exports") == Ids{"grain-1"});
    CHECK(ids("wheat -exports") == Ids{"grain-1"});
    CHECK(ids("\"crude oil prices\"") == Ids{"oil-1"});
    CHECK(ids("\"oil crude prices\"").empty());
    CHECK(ids("carload*") == Ids{"grain-1"});
    CHECK(ids("title:wheat") == Ids{"grain-2"});
    CHECK(ids("putin NEAR economy") == Ids{"putin-1"});
}

TEST_CASE_FIXTURE(Fixture, "boolean fields match values in any case, quoted values included") {
    CHECK(ids("source:Reuters") == Ids{"grain-1", "grain-2", "note-1", "coffee-1"});
    CHECK(ids("source:\"Agence France-Presse\"") == Ids{"oil-1"});
    CHECK(ids("tag:\"Vladimir Putin\"") == Ids{"putin-1"});
    CHECK(ids("person:\"vladimir putin\"") == Ids{"putin-1"});
    CHECK(ids("place:Moscow") == Ids{"putin-1"});
    CHECK(ids("tag:GRAIN") == Ids{"grain-1", "grain-2", "note-1"});
    CHECK(ids("id:grain-2") == Ids{"grain-2"});
    CHECK(ids("tag:whe*") == Ids{"grain-1", "grain-2"});
}

TEST_CASE_FIXTURE(Fixture, "tag values must all match, source values may match either") {
    CHECK(ids("tag:grain tag:wheat") == Ids{"grain-1", "grain-2"});
    CHECK(ids("tag:grain tag:usa") == Ids{"grain-2"});
    CHECK(ids("source:ap source:agence-france-presse") == Ids{"putin-1", "oil-1"});
    CHECK(ids("wheat source:reuters tag:usa") == Ids{"grain-2"});
}

TEST_CASE_FIXTURE(Fixture, "date filters: periods and ranges inclusive to the end of the end") {
    CHECK(ids("date:1987") == Ids{"grain-1", "grain-2", "oil-1"});
    CHECK(ids("date:1987-03") == Ids{"grain-1", "grain-2"});
    CHECK(ids("date:1987-03-17") == Ids{"grain-1"});
    CHECK(ids("date:1987-03-17..1987-03-20") == Ids{"grain-1", "grain-2"});
    CHECK(ids("date:1987-03..1987-03") == Ids{"grain-1", "grain-2"});
    CHECK(ids("date:1987-04..") == Ids{"oil-1", "putin-1"});
    CHECK(ids("date:..1987") == Ids{"grain-1", "grain-2", "oil-1", "coffee-1"});
    CHECK(ids("wheat date:1987-03-18..") == Ids{"grain-2"});
    CHECK(ids("grain date:1987-03-18..").empty());
    CHECK(ids("date:1980 OR date:2021") == Ids{"coffee-1", "putin-1"});
    // A range outside the archive's years finds nothing, alone or AND-ed (not everything).
    CHECK(ids("date:2030..2031").empty());
    CHECK(ids("wheat date:2030..2031").empty());
    CHECK(ids("wheat AND date:1950..1960").empty());
    CHECK(ids("wheat OR date:2030..") == Ids{"grain-1", "grain-2"});
}

TEST_CASE_FIXTURE(Fixture, "malformed queries throw QueryError with the reason") {
    CHECK(error("date:foo..bar") ==
          "bad date range 'foo..bar': expected YYYY[-MM[-DD]] at column 1");
    CHECK(
        error("wheat date:1987-13..") ==
        "bad date range '1987-13..': expected YYYY[-MM[-DD]] (month 13 is not 01-12) at column 7");
    CHECK(error("date:yesterday") == "bad date 'yesterday': expected YYYY[-MM[-DD]] at column 1");
    CHECK(error("1..5").find("only date:START..END ranges") != std::string::npos);
    CHECK(error("wheat AND").find("cannot parse query 'wheat AND': Syntax:") == 0);
    // Unbalanced brackets and quotes are forgiven by the parser.
    CHECK_NOTHROW(run("((( \"unclosed"));
}

TEST_CASE_FIXTURE(Fixture, "an empty or filter-only query browses, newest first when asked") {
    auto all = run("", SortOrder::newest);
    CHECK(all.total == 6);
    CHECK(ordered("", SortOrder::newest) ==
          std::vector<std::string>{"putin-1", "oil-1", "grain-2", "grain-1", "coffee-1", "note-1"});
    CHECK(ordered("tag:grain", SortOrder::oldest) ==
          std::vector<std::string>{"note-1", "grain-1", "grain-2"});
    CHECK(ordered("source:reuters -tag:grain", SortOrder::newest) ==
          std::vector<std::string>{"coffee-1"});
    CHECK(ids("-tag:grain") == Ids{"oil-1", "putin-1", "coffee-1"}); // not "tag:grain"
    CHECK(ids("-tag:grain -source:ap") == Ids{"oil-1", "coffee-1"});
    CHECK(ids("-wheat -\"crude oil\"") == Ids{"putin-1", "note-1", "coffee-1"});
    CHECK(run("!!!").total == 6); // nothing to search for: browse
    CHECK(run("the").total == 2); // a query of only stopwords keeps them
}

TEST_CASE_FIXTURE(Fixture, "a query of filters only sorts newest first unless a sort is given") {
    auto browse = [&](const std::string& q, std::optional<SortOrder> sort,
                      std::vector<std::string> filters = {}) {
        SearchRequest r;
        r.query = q;
        r.sort = sort;
        r.filters = std::move(filters);
        return search(db, r);
    };
    auto ids_of = [](const SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& h : r.hits)
            out.push_back(h.id);
        return out;
    };
    for (const std::string q : {"", "tag:grain", "source:reuters -tag:grain", "-tag:grain",
                                "tag:grain OR date:1987", "date:1987.."}) {
        CAPTURE(q);
        auto by_default = browse(q, std::nullopt);
        CHECK(by_default.sort == SortOrder::newest);
        CHECK(ids_of(by_default) == ids_of(browse(q, SortOrder::newest)));
        // Asked for, relevance is kept (and said), the order of today: all scores 0, ties newest.
        auto relevance = browse(q, SortOrder::relevance);
        CHECK(relevance.sort == SortOrder::relevance);
        CHECK(ids_of(relevance) == ids_of(by_default));
    }
    CHECK(browse("", std::nullopt, {"tag:grain"}).sort == SortOrder::newest);
    CHECK(ids_of(browse("", std::nullopt)) ==
          std::vector<std::string>{"putin-1", "oil-1", "grain-2", "grain-1", "coffee-1", "note-1"});
    // Free-text words (also stopwords kept, wildcards, fields of words) rank by relevance.
    for (const std::string q : {"wheat", "wheat tag:grain", "the", "whe*", "title:wheat",
                                "\"crude oil\" -tag:grain", "putin"}) {
        CAPTURE(q);
        CHECK(browse(q, std::nullopt).sort == SortOrder::relevance);
    }
    CHECK(browse("tag:grain", SortOrder::oldest).sort == SortOrder::oldest);
}

TEST_CASE("query_weighs: terms and posting sources weigh, filters and 0-scaled parts do not") {
    using Q = Xapian::Query;
    CHECK(query_weighs(Q("wheat")));
    CHECK_FALSE(query_weighs(Q::MatchAll));
    CHECK_FALSE(query_weighs(Q::MatchNothing));
    CHECK_FALSE(query_weighs(Q(Q::OP_SCALE_WEIGHT, Q("Kgrain"), 0)));
    CHECK(query_weighs(Q(Q::OP_SCALE_WEIGHT, Q("wheat"), 2)));
    CHECK_FALSE(query_weighs(Q(Q::OP_FILTER, Q::MatchAll, Q("Kgrain"))));
    CHECK(query_weighs(Q(Q::OP_FILTER, Q("wheat"), Q("Kgrain"))));
    CHECK_FALSE(query_weighs(Q(Q::OP_AND_NOT, Q::MatchAll, Q("wheat"))));
    CHECK(query_weighs(Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q("Kgrain"), 0), Q("wheat"))));
    CHECK(query_weighs(Q(Q::OP_WILDCARD, "whe")));
    CHECK_FALSE(query_weighs(Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_WILDCARD, "Kgr"), 0)));
}

TEST_CASE_FIXTURE(Fixture, "relevance ranks title matches first; limit and offset page") {
    auto r = run("wheat");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].id == "grain-2"); // wheat in the title
    CHECK(r.hits[0].score > r.hits[1].score);
    CHECK(r.hits[0].rank == 1);
    CHECK(r.total == 2);

    SearchRequest page;
    page.query = "source:reuters";
    page.sort = SortOrder::newest;
    page.offset = 1;
    page.limit = 2;
    auto p = search(db, page);
    CHECK(p.total == 4);
    CHECK(p.total_exact);
    REQUIRE(p.hits.size() == 2);
    CHECK(p.hits[0].id == "grain-1");
    CHECK(p.hits[0].rank == 2);
    CHECK(p.hits[1].id == "coffee-1");
}

TEST_CASE_FIXTURE(Fixture, "hits carry display fields from the document data") {
    auto r = run("putin");
    REQUIRE(r.hits.size() == 1);
    const auto& h = r.hits[0];
    CHECK(h.id == "putin-1");
    CHECK(h.title == "Putin speaks on economy");
    CHECK(h.url == "https://example.com/putin-1");
    CHECK(h.source == "AP");
    CHECK(h.source_id == "ap");
    CHECK(h.language == "en");
    CHECK(h.published == std::optional<std::string>("2021-03-17T08:00:00Z"));
    CHECK(h.tags == std::vector<std::string>{"Russia", "Vladimir Putin", "Moscow"});
    CHECK_FALSE(run("tag:grain -wheat").hits.front().published.has_value());
}

TEST_CASE_FIXTURE(Fixture, "snippets highlight stemmed matches and undo HTML escaping") {
    auto r = run("exports");
    REQUIRE(!r.hits.empty());
    const auto& s = r.hits[0].snippet;
    auto highlighted = std::count_if(s.runs.begin(), s.runs.end(),
                                     [](const Snippet::Run& run) { return run.highlighted; });
    CHECK(highlighted >= 1);
    bool found = false;
    for (const auto& run : s.runs)
        if (run.highlighted && (run.text == "exports" || run.text == "export")) found = true;
    CHECK(found);

    auto oil = run("crude");
    REQUIRE(oil.hits.size() == 1);
    std::string plain = oil.hits[0].snippet.render("", "", false);
    CHECK(plain.find("& traders <said>") != std::string::npos);
    CHECK(oil.hits[0].snippet.render("<b>", "</b>", true).find("&amp; traders &lt;said&gt;") !=
          std::string::npos);

    SearchRequest none;
    none.query = "crude";
    none.snippet_length = 0;
    CHECK(search(db, none).hits[0].snippet.empty());
}

TEST_CASE_FIXTURE(Fixture, "snippets highlight what the query looks for, not what it takes away") {
    auto highlighted = [](const SearchResult& r) {
        std::set<std::string> words;
        REQUIRE(!r.hits.empty());
        for (const auto& run : r.hits[0].snippet.runs)
            if (run.highlighted) words.insert(text::fold_case(run.text));
        return words;
    };
    // "Crude oil prices climbed": the phrase taken away is not adjacent here, so the article
    // matches, and only "oil" is what the query looks for.
    CHECK(highlighted(run("oil NOT \"crude prices\"")) == std::set<std::string>{"oil"});
    CHECK(highlighted(run("oil -\"crude prices\" -tag:wheat")) == std::set<std::string>{"oil"});
    CHECK(highlighted(run("crude OR nothingatall")) == std::set<std::string>{"crude"});
    // Filters only: nothing to highlight, the snippet is the start of the text.
    auto filtered = run("tag:oil");
    REQUIRE(filtered.hits.size() == 1);
    CHECK(highlighted(filtered).empty());
    CHECK(!filtered.hits[0].snippet.empty());
    // --like: the liked article's terms narrow the matches but are not highlighted.
    SearchRequest like;
    like.query = "wheat";
    like.like = "grain-2";
    const auto liked = search(db, like);
    for (const auto& word : highlighted(liked))
        CHECK(word.starts_with("wheat"));
}

TEST_CASE("positive_tree drops NOT's right side, hated items and filters") {
    const auto tree = [](std::string_view text) { return parse_query_tree(text); };
    CHECK_FALSE(positive_tree(tree("-wheat")).has_value());
    CHECK_FALSE(positive_tree(tree("tag:grain date:1987")).has_value());
    auto words = [&](std::string_view text) {
        std::vector<std::string> out;
        const auto kept = positive_tree(tree(text));
        REQUIRE(kept.has_value());
        visit_nodes(kept->root, [&](const QueryNode& n) {
            if (n.kind == QueryNode::Kind::term) out.push_back(n.text);
        });
        return out;
    };
    CHECK(words("oil NOT opec") == std::vector<std::string>{"oil"});
    CHECK(words("(oil -opec tag:gas) OR gas") == std::vector<std::string>{"oil", "gas"});
    CHECK(words("oil OR (gas AND NOT \"crude oil\")") == std::vector<std::string>{"oil", "gas"});
}

TEST_CASE("parse_marked_snippet splits runs and unescapes entities") {
    auto s = parse_marked_snippet("a &amp; \x01"
                                  "b&lt;\x02 c");
    REQUIRE(s.runs.size() == 3);
    CHECK(s.runs[0] == Snippet::Run{"a & ", false});
    CHECK(s.runs[1] == Snippet::Run{"b<", true});
    CHECK(s.runs[2] == Snippet::Run{" c", false});
    CHECK(s.render("[", "]", false) == "a & [b<] c");
    CHECK(s.render("<b>", "</b>", true) == "a &amp; <b>b&lt;</b> c");
}

TEST_CASE("make_snippet keeps the mentions inside its passage, at offsets of its text") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("kremlin");
    doc.add_term("putin");
    db.add_document(doc);
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("putin"), Xapian::Query("kremlin")));
    const Xapian::MSet mset = enquire.get_mset(0, 10);

    std::string filler;
    for (int i = 0; i < 40; ++i)
        filler += "words of filler ";
    const std::string head = "Tass reported it. " + filler;
    const std::string middle = "Vladimir Putin spoke\n\nat the  Kremlin on Monday. ";
    const std::string text = head + middle + filler;
    auto mention = [&](std::size_t start, std::string_view written, std::string entity,
                       EntityType type) {
        return EntityMention{
            "body", start, start + written.size(), std::string(written), type, std::move(entity)};
    };
    const std::size_t putin = head.size() + middle.find("Putin"),
                      kremlin = head.size() + middle.find("Kremlin");
    // Tass lies outside the passage; white space is collapsed between Putin and the Kremlin.
    const std::vector<EntityMention> mentions{
        mention(0, "Tass", "TASS", EntityType::organization),
        mention(putin, "Putin", "Vladimir Putin", EntityType::person),
        mention(kremlin, "Kremlin", "Kremlin", EntityType::organization),
    };
    const Snippet s = make_snippet(mset, text, 80, Xapian::Stem("english"), mentions);
    const std::string plain = s.text();
    REQUIRE(plain.find("Kremlin") != std::string::npos);
    REQUIRE(plain.starts_with("…")); // the start of the text is elided, and Tass with it
    INFO(plain);
    REQUIRE(s.mentions.size() == 2);
    CHECK(s.mentions[0] == Snippet::Mention{plain.find("Putin"), plain.find("Putin") + 5, "Putin",
                                            EntityType::person, "Vladimir Putin"});
    CHECK(s.mentions[1] == Snippet::Mention{plain.find("Kremlin"), plain.find("Kremlin") + 7,
                                            "Kremlin", EntityType::organization, "Kremlin"});
    for (const auto& m : s.mentions)
        CHECK(plain.substr(m.start, m.end - m.start) == m.text);
    CHECK(make_snippet(mset, text, 80, Xapian::Stem("english")).mentions.empty());
}

TEST_CASE_FIXTURE(Fixture, "the stopwords the parser dropped are reported") {
    auto r = run("the wheat");
    CHECK(r.total == 2);
    CHECK(r.stopwords == std::vector<std::string>{"the"});
}
