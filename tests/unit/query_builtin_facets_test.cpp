// Facets on Xapian's built-in classes (query/builtin_facets.h, what a search through remote shards
// counts with) against the local facets (facets.h), and the tag facet's counting of tag lists.
#include "analyzers/schema.h"
#include "query/builtin_facets.h"
#include "query/facet_index.h"
#include "query/facets.h"
#include "query/query_parser.h"
#include "query/search.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

std::vector<FacetResult> builtin_facets(const Xapian::Database& db, const Xapian::Query& query,
                                        const std::vector<std::string>& names,
                                        std::size_t limit = 0) {
    FacetOptions options;
    options.limit = limit;
    BuiltinFacets facets(names, options);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    facets.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    return facets.results(db);
}

// A document holding `tags` in slot tags as the indexer writes it.
Xapian::Document tagged(const std::vector<std::string>& tags) {
    Xapian::Document doc;
    doc.add_boolean_term("Qall");
    if (!tags.empty()) doc.add_value(schema::slot::tags, schema::encode_list(tags));
    return doc;
}

} // namespace

TEST_CASE("the built-in tag facet counts each document's tags once per case-folded tag") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(tagged({"Haiti", "Reuters", "haiti"})); // one document, one Haiti
    db.add_document(tagged({"haiti", "Reuters"}));
    db.add_document(tagged({"HAITI"}));
    db.add_document(tagged({"Reuters", "  "})); // a blank tag is never counted
    db.add_document(tagged({"  "}));            // nor makes a document hold a tag
    db.add_document(tagged({}));
    Xapian::Document broken;
    broken.add_boolean_term("Qall");
    broken.add_value(schema::slot::tags, "\x7fnot a list"); // unreadable: no tags
    db.add_document(broken);

    const auto facets = builtin_facets(db, Xapian::Query("Qall"), {"tag"});
    REQUIRE(facets.size() == 1);
    const FacetResult& tag = facets[0];
    REQUIRE(tag.values.size() == 2);
    // Haiti: 3 documents, spelled Haiti, haiti and HAITI once each; ties go to the first in byte
    // order (HAITI < Haiti < haiti).
    CHECK(tag.values[0].count == 3);
    CHECK(tag.values[0].value == "HAITI");
    CHECK(tag.values[1].value == "Reuters");
    CHECK(tag.values[1].count == 3);
    CHECK(tag.distinct == 2);
    CHECK(tag.missing == 3); // the blank-only, the untagged and the unreadable documents
}

TEST_CASE("built-in facets give the local facets' counts on the sample archive") {
    Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());
    for (const std::string q : {"", "oil", "putin OR kremlin"}) {
        CAPTURE(q);
        SearchRequest r;
        r.query = q;
        r.limit = 0;
        r.facets = {"tag", "source"}; // the fixture writes no day or spread slots
        r.facet_options.limit = 0;
        const SearchResult local = search(db, r);
        QueryBuilder builder(db, r.query_options);
        const Xapian::Query query = builder.parse(q); // an empty text matches every article
        const auto builtin = builtin_facets(db, query, r.facets);
        REQUIRE(builtin.size() == local.facets.size());
        for (std::size_t i = 0; i < builtin.size(); ++i) {
            CAPTURE(builtin[i].name);
            CHECK(builtin[i].missing == local.facets[i].missing);
            CHECK(builtin[i].distinct == local.facets[i].distinct);
            REQUIRE(builtin[i].values.size() == local.facets[i].values.size());
            for (std::size_t v = 0; v < builtin[i].values.size(); ++v) {
                CHECK(builtin[i].values[v].value == local.facets[i].values[v].value);
                CHECK(builtin[i].values[v].count == local.facets[i].values[v].count);
                CHECK(builtin[i].values[v].label == local.facets[i].values[v].label);
            }
        }
    }
}

TEST_CASE("a term facet is labelled by its most common spelling, whatever the docid order") {
    // One database in each order, as the same articles land in one database or across shards:
    // the label must not be that of the first matching document.
    for (const bool reversed : {false, true}) {
        CAPTURE(reversed);
        std::vector<std::vector<std::string>> tag_lists = {
            {"haiti"}, {"Haiti"}, {"Reuters", "Haiti"}};
        if (reversed) std::reverse(tag_lists.begin(), tag_lists.end());
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const auto& tags : tag_lists) {
            Xapian::Document doc = tagged(tags);
            doc.add_boolean_term(schema::boolean_term(schema::prefix::place, "haiti"));
            doc.add_value(schema::list_slot(schema::prefix::place)->slot,
                          schema::encode_list(std::vector<std::string>{"haiti"}));
            db.add_document(doc);
        }
        for (const auto& facets :
             {std::vector<std::string>{"place"}, std::vector<std::string>{"tag", "place"}}) {
            const auto builtin = builtin_facets(db, Xapian::Query("Qall"), facets);
            const FacetResult& place = builtin.back();
            REQUIRE(place.values.size() == 1);
            CHECK(place.values[0].value == "haiti");
            CHECK(place.values[0].label == "Haiti");
            CHECK(place.values[0].count == 3);
        }
        FacetIndex index(db);
        const std::vector<Xapian::docid> matches = {1, 2, 3};
        FacetResult local = make_facet_collector("place", {})->count(db, index, matches);
        std::vector<FacetValue*> labelled;
        for (auto& v : local.values)
            labelled.push_back(&v);
        label_by_tags(index, matches, labelled);
        REQUIRE(local.values.size() == 1);
        CHECK(local.values[0].label == "Haiti");
        CHECK(local.values[0].count == 3);
    }
}
