// "Did you mean" (query/suggest.h) through search(), on small on-disk databases whose spelling
// table is filled the way the indexer fills it (query_fixture.h).
#include "query/printer.h"
#include "query/printers/printers.h"
#include "query/search.h"
#include "query/suggest.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

// Two Kremlin/Navalny stories, 25 "government" notes and one note misspelling it.
std::vector<Article> spelling_articles() {
    std::vector<Article> out{
        testing::article(
            "k-1", "Baltic Wire", "baltic-wire", "2021-02-01", "Kremlin says Navalny case closed",
            "The Kremlin said on Monday that the Navalny case was closed. Allies disagreed.", {},
            {{"Alexei Navalny", EntityType::person, 2, "RU"}}),
        testing::article(
            "k-2", "Baltic Wire", "baltic-wire", "2021-02-02", "Kremlin rejects sanctions",
            "The Kremlin rejected new sanctions. Navalny supporters protested in Moscow.", {},
            {{"Alexei Navalny", EntityType::person, 1, "RU"}}),
        testing::article("typo-1", "Ledger", "ledger", "2021-03-01", "A denial",
                         "The goverment denied the report.", {}),
    };
    for (int i = 1; i <= 25; ++i)
        out.push_back(testing::article("gov-" + std::to_string(i), "Ledger", "ledger", "2021-03-02",
                                       "Budget news " + std::to_string(i),
                                       "The government announced a budget.", {}));
    return out;
}

struct Fixture {
    testing::TempDir dir{"suggest"};
    Xapian::WritableDatabase db = testing::make_disk_database(dir.path("db"), spelling_articles());

    SearchResult run(const std::string& q, bool auto_correct = false, Xapian::doccount below = 10) {
        SearchRequest r;
        r.query = q;
        r.auto_correct = auto_correct;
        r.suggest_below = below;
        r.snippet_length = 0;
        return search(db, r);
    }
    std::string suggest(const std::string& q) { return suggest_spelling(db, q, QueryOptions{}); }
};

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a query that finds nothing gets the nearest words that find more") {
    auto r = run("Kremllin navalni");
    CHECK(r.total == 0);
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "kremlin navalny");
    CHECK(!r.auto_corrected);
    CHECK(r.hits.empty());
}

TEST_CASE_FIXTURE(Fixture, "auto-correct runs the suggestion and says so") {
    auto r = run("Kremllin navalni", true);
    CHECK(r.auto_corrected);
    CHECK(r.query == "Kremllin navalni"); // as given
    REQUIRE(r.suggestion);
    CHECK(r.total == 2);
    auto found = ids(r);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"k-1", "k-2"});
}

TEST_CASE_FIXTURE(Fixture, "the search's own tree, aliases marked, gives the same suggestion") {
    // search() hands suggest_spelling the tree it ran (the text is lexed once per search).
    for (const std::string q : {"Kremllin navalni", "title:kremllin OR \"navalni case\"",
                                "kremlin  -sanctins", "date:2021 kremllin", "navalny kremlin"}) {
        const QueryBuilder builder(db, QueryOptions{}); // entity aliases marked, as in a search
        CHECK_MESSAGE(suggest_spelling(db, builder.parse_tree(q), q, QueryOptions{}) == suggest(q),
                      "query: " << q);
    }
}

TEST_CASE_FIXTURE(Fixture, "corrections keep fields, operators, phrases and spacing") {
    CHECK(suggest("title:kremllin OR \"navalni case\"") == "title:kremlin OR \"navalny case\"");
    CHECK(suggest("kremllin  -sanctins") == "kremlin  -sanctions");
    // Boolean field values, wildcards and numbers are not words to correct.
    CHECK(suggest("tag:kremllin kremll* 1987") == "");
    CHECK(suggest("date:2021 kremllin") == "date:2021 kremlin");
}

TEST_CASE_FIXTURE(Fixture, "a query that finds enough gets no suggestion") {
    CHECK(!run("government").suggestion);                 // 25 matches
    CHECK(!run("Kremllin navalni", false, 0).suggestion); // suggestions off
    CHECK(!run("disagreed").suggestion); // rare, but no common word is one edit away
}

TEST_CASE_FIXTURE(Fixture, "a rare misspelling of a common word is corrected") {
    auto r = run("goverment");
    CHECK(r.total == 1);
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "government");
}

TEST_CASE_FIXTURE(Fixture, "stopwords are never suggested and unknown words without neighbours "
                           "are left alone") {
    auto r = run("teh");
    CHECK((!r.suggestion || *r.suggestion != "the"));
    CHECK(!run("zzxqv").suggestion);
}

TEST_CASE("entity aliases from the gazetteer are candidates when the text never has the word") {
    testing::TempDir dir("suggest-entity");
    // Navalny is only a tag here: the text is Russian.
    auto db = testing::make_disk_database(
        dir.path("db"), {testing::article("ru-1", "Невский курьер", "nevskii-kurer", "2021-01-17",
                                          "Навальный вернулся", "Навальный вернулся в Москву.", {},
                                          {{"Alexei Navalny", EntityType::person, 2, "RU"}})});
    SearchRequest r;
    r.query = "navalni";
    r.auto_correct = true;
    auto result = search(db, r);
    REQUIRE(result.suggestion);
    CHECK(*result.suggestion == "navalny");
    CHECK(result.total == 1); // "navalny" also matches the articles tagged Alexei Navalny
}

TEST_CASE_FIXTURE(Fixture, "the suggestion is in the JSON shapes and the table") {
    auto r = run("Kremllin navalni");
    auto doc = json_shape::search_document(r);
    CHECK(doc["suggestion"] == "kremlin navalny");
    CHECK(doc["auto_corrected"] == false);
    CHECK(json_shape::search_document(run("government"))["suggestion"].is_null());

    std::ostringstream table;
    PrintOptions options;
    render(r, *make_printer(Format::table, table, options));
    CHECK(table.str().find("Did you mean: kremlin navalny") != std::string::npos);

    std::ostringstream corrected;
    render(run("Kremllin navalni", true), *make_printer(Format::table, corrected, options));
    CHECK(corrected.str().find("Showing results for kremlin navalny (auto-corrected from "
                               "\"Kremllin navalni\")") != std::string::npos);
}
