// The fast paths of the query side give the same answers as the slow ones: facet counts from a
// full, a partial and a prepared FacetIndex (query/facet_index.h), sorting by the prepared
// published times, the list decoder against schema::decode_list, and document data read member
// by member (query/doc_data.h) against a full JSON parse, and the word lists (query/word_lists.h)
// against the documents' term lists.
#include "query/doc_data.h"
#include "query/facet_index.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <thread>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

// The sample articles plus a few more sources, dates and entities.
std::vector<Article> many_articles() {
    auto out = testing::sample_articles();
    for (int i = 0; i < 30; ++i)
        out.push_back(testing::article(
            "extra-" + std::to_string(i), i % 3 ? "AP" : "Reuters", i % 3 ? "ap" : "reuters",
            "2021-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10),
            "Grain note " + std::to_string(i), "Wheat and grain prices moved.",
            {i % 2 ? "grain" : "GRAIN", "Note " + std::to_string(i % 4)},
            {{"Vladimir Putin", EntityType::person, 1, "RU"}}));
    return out;
}

std::string facets_text(const SearchResult& r) {
    std::string out;
    for (const auto& f : r.facets) {
        out += f.name + " " + std::to_string(f.distinct) + "/" + std::to_string(f.other) + "/" +
               std::to_string(f.missing) + ":";
        for (const auto& v : f.values)
            out += " " + v.value + "=" + v.label + "=" + std::to_string(v.count);
        out += "\n";
    }
    return out;
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

SearchRequest request_for(const std::string& q, SortOrder sort) {
    SearchRequest r;
    r.query = q;
    r.sort = sort;
    r.limit = 50;
    r.snippet_length = 80;
    r.facets = {"source", "tag", "date", "lang", "person", "place", "site"};
    r.facet_options.limit = 0;
    return r;
}

} // namespace

TEST_CASE("hits, scores, snippets and facets are the same from single searches and a prepared "
          "database") {
    testing::TempDir dir("facet-index");
    auto db = testing::make_disk_database(dir.path("db"), many_articles());
    Xapian::Database reader(dir.path("db"));
    // Plain words (weighed by fast_words.h once prepared), with filters, and queries that are not.
    const std::vector<std::string> queries{"",
                                           "grain",
                                           "Wheat",
                                           "wheat prices",
                                           "grain tag:grain",
                                           "grain date:2021-03..2021-06",
                                           "source:ap grain moved",
                                           "date:2021-03..2021-06",
                                           "putin",
                                           "\"grain prices\"",
                                           "grain OR coffee",
                                           "the grain",
                                           "\"wheat and grain\" moved",
                                           "source:ap \"grain prices\"",
                                           "\"prices moved\" \"wheat and\""};
    const auto sorts = {SortOrder::relevance, SortOrder::newest, SortOrder::oldest};
    std::vector<SearchResult> single;
    for (const auto& q : queries)
        for (auto sort : sorts)
            single.push_back(search(reader, request_for(q, sort)));
    CHECK(!FacetIndex::prepared(reader));
    prepare_for_many_searches(reader);
    CHECK(FacetIndex::prepared(reader));
    std::size_t i = 0;
    for (const auto& q : queries)
        for (auto sort : sorts) {
            auto prepared = search(reader, request_for(q, sort));
            const auto& before = single[i++];
            CAPTURE(q);
            CAPTURE(prepared.parsed);
            CHECK(prepared.total == before.total);
            CHECK(facets_text(prepared) == facets_text(before));
            REQUIRE(ids(prepared) == ids(before));
            for (std::size_t h = 0; h < prepared.hits.size(); ++h) {
                CHECK(prepared.hits[h].score ==
                      doctest::Approx(before.hits[h].score).epsilon(1e-12));
                CHECK(prepared.hits[h].snippet.render("[", "]", false) ==
                      before.hits[h].snippet.render("[", "]", false));
            }
        }
    // The plain-word queries did take the fast path.
    CHECK(search(reader, request_for("wheat prices", SortOrder::relevance))
              .parsed.find("Bm25TermSource") != std::string::npos);
    CHECK(search(reader, request_for("source:ap \"grain prices\"", SortOrder::relevance))
              .parsed.find("Bm25TermSource") != std::string::npos);
    CHECK(
        search(reader, request_for("putin", SortOrder::relevance)).parsed.find("Bm25TermSource") ==
        std::string::npos);
}

TEST_CASE("a partial index counts its documents as the full one does") {
    auto db = testing::make_database(many_articles());
    std::vector<Xapian::docid> some{2, 3, 5, 8, 13, 21, 34};
    FacetIndex full(db), partial(db, some);
    CHECK(partial.partial());
    for (auto did : some) {
        CHECK(full.slot(1).values[full.slot(1).code[did] - 1] ==
              partial.slot(1).values[partial.slot(1).code[did] - 1]);
        CHECK(full.days().day[did] == partial.days().day[did]);
        auto tags = [did](const TagLists& t) {
            std::vector<std::string> out;
            for (auto k = t.lists.offsets[did]; k < t.lists.offsets[did + 1]; ++k)
                out.push_back(t.spellings[t.lists.items[k]]);
            return out;
        };
        CHECK(tags(full.tags()) == tags(partial.tags()));
        auto people = [did](const TermLists& t) {
            std::vector<std::string> out;
            for (auto k = t.lists.offsets[did]; k < t.lists.offsets[did + 1]; ++k)
                out.push_back(t.values[t.lists.items[k]]);
            return out;
        };
        CHECK(people(full.terms("XP")) == people(partial.terms("XP")));
    }
    // Documents outside the partial index have nothing.
    CHECK(partial.slot(1).code[1] == 0);
    CHECK(partial.tags().lists.offsets[1] == partial.tags().lists.offsets[2]);
}

namespace {

// The words (word_lists.h) of a document, read from its term list.
std::vector<std::string> term_list_words(const Xapian::Database& db, Xapian::docid did) {
    std::vector<std::string> out;
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t)
        if (is_word(*t)) out.push_back(*t);
    return out;
}

std::vector<std::string> listed_words(const WordLists& lists, Xapian::docid did) {
    std::vector<std::string> out;
    for (std::uint32_t id : lists.of(did))
        out.push_back(lists.words[id]);
    return out;
}

} // namespace

TEST_CASE("word lists hold each document's words as its term list does, full or partial") {
    testing::TempDir dir("word-lists");
    auto writable = testing::make_disk_database(dir.path("db"), many_articles());
    Xapian::Database db(dir.path("db"));
    CHECK(is_word("grain"));
    CHECK(!is_word("of"));     // fewer than 3 bytes
    CHECK(!is_word("1987"));   // a number
    CHECK(!is_word("g7s"));    // a digit inside
    CHECK(!is_word("Kgrain")); // a prefixed term
    CHECK(is_word("the"));     // stopwords are words here: dropped by the counting side
    FacetIndex full(db);
    const std::vector<Xapian::docid> some{2, 3, 5, 8, 13, 21, 34};
    FacetIndex partial(db, some);
    const WordLists& all = full.words();
    const WordLists& part = partial.words();
    REQUIRE(all.offsets.size() == db.get_lastdocid() + 2);
    std::size_t items = 0;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        CAPTURE(did);
        const auto want = term_list_words(db, did);
        CHECK(listed_words(all, did) == want); // ascending ids: the term list's order
        items += want.size();
        if (std::find(some.begin(), some.end(), did) != some.end())
            CHECK(listed_words(part, did) == want);
        else
            CHECK(part.of(did).empty());
    }
    CHECK(all.items.size() == items);
    CHECK(std::is_sorted(all.words.begin(), all.words.end()));
    CHECK(std::is_sorted(part.words.begin(), part.words.end()));
    for (std::size_t id = 0; id < all.words.size(); ++id)
        CHECK(all.archive[id] == db.get_termfreq(all.words[id]));
    for (std::size_t id = 0; id < part.words.size(); ++id)
        CHECK(part.archive[id] == db.get_termfreq(part.words[id])); // the archive's, not the part's
    REQUIRE(all.id_of("wheat") >= 0);
    CHECK(all.words[static_cast<std::size_t>(all.id_of("wheat"))] == "wheat");
    CHECK(all.id_of("zzzz") == -1);
    // Counting sets by one pass over the posting lists gives what the lists give.
    const std::vector<Xapian::docid> odd{1, 3, 5, 7, 9, 11, 13}, late{20, 21, 22, 30, 31};
    WordLists vocabulary;
    const std::vector<std::span<const Xapian::docid>> sets{odd, late};
    const auto counted = count_by_postings(db, sets, vocabulary);
    CHECK(vocabulary.words == all.words);
    CHECK(vocabulary.archive == all.archive);
    CHECK(vocabulary.items.empty());
    REQUIRE(counted.size() == 2);
    for (std::size_t k = 0; k < 2; ++k) {
        std::vector<Xapian::doccount> want(all.words.size(), 0);
        for (Xapian::docid did : sets[k])
            for (std::uint32_t id : all.of(did))
                ++want[id];
        CHECK(counted[k] == want);
    }
    const auto stop = stopword_mask(all, "en");
    REQUIRE(all.id_of("and") >= 0);
    CHECK(stop[static_cast<std::size_t>(all.id_of("and"))]);
    CHECK(!stop[static_cast<std::size_t>(all.id_of("wheat"))]);
}

TEST_CASE("full word lists of one database revision are shared, a new revision gets its own") {
    testing::TempDir dir("word-lists-shared");
    auto writable = testing::make_disk_database(dir.path("db"), many_articles());
    Xapian::Database db(dir.path("db"));
    FacetIndex a(db), b(db);
    const WordLists* first = &a.words();
    CHECK(&b.words() == first);
    // Another thread's index (as a server's workers keep one each) gets the same lists.
    const WordLists* other = nullptr;
    std::thread([&] {
        Xapian::Database own(dir.path("db"));
        FacetIndex c(own);
        other = &c.words();
    }).join();
    CHECK(other == first);
    writable.replace_document(schema::id_term("late"),
                              testing::document_for(testing::article(
                                  "late", "AP", "ap", "2021-12-01", "Late", "Zebras ran.", {})));
    writable.commit();
    db.reopen();
    FacetIndex d(db);
    CHECK(&d.words() != first);
    CHECK(d.words().id_of("zebras") >= 0);
    CHECK(a.words().id_of("zebras") == -1);
}

TEST_CASE("list values decode to views exactly as schema::decode_list does") {
    const std::vector<std::string> items{"grain", "", std::string(300, 'x'), "Путин",
                                         std::string("a\0b", 3)};
    const std::string encoded = schema::encode_list(items);
    std::vector<std::string_view> views;
    REQUIRE(decode_list_views(encoded, views));
    REQUIRE(views.size() == items.size());
    auto decoded = schema::decode_list(encoded);
    for (std::size_t i = 0; i < items.size(); ++i)
        CHECK(std::string(views[i]) == decoded[i]);
    CHECK(!decode_list_views(encoded.substr(0, encoded.size() - 1), views)); // truncated
    CHECK(!decode_list_views("\xff", views));
}

TEST_CASE("document data members are read as a full parse reads them") {
    nlohmann::json j{{"id", "a\"b\\c"},
                     {"title", "Tab\there, line\nthere, \x01 control, Путин, \xF0\x9F\x93\xB0"},
                     {"body", std::string(5000, 'b') + "\"}"},
                     {"tags", {"x", "y"}},
                     {"published", nullptr},
                     {"authors", nlohmann::json::array()},
                     {"nested", {{"a", {1, 2, {{"b", "]}"}}}}}}};
    const std::string text = j.dump();
    auto some = data_members(text, {"id", "title", "tags", "published", "missing"});
    CHECK(some["id"] == j["id"]);
    CHECK(some["title"] == j["title"]);
    CHECK(some["tags"] == j["tags"]);
    CHECK(some["published"].is_null());
    CHECK(!some.contains("body"));
    CHECK(!some.contains("missing"));
    CHECK(data_members(text, {"body"})["body"] == j["body"]);
    CHECK(data_members(text, {"nested"})["nested"] == j["nested"]);
    // \u escapes, surrogate pairs included, as nlohmann writes them when asked to.
    const std::string ascii = j.dump(-1, ' ', true);
    CHECK(data_members(ascii, {"title"})["title"] == j["title"]);
    // Not an object: a full parse, which gives nothing.
    CHECK(data_members("not json", {"id"}).empty());
    CHECK(data_members("{\"id\": \"x\"} trailing", {"id"}).empty());
}
