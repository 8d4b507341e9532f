// Russian adjectives of place name the country or city they are of (place_adjectives.h).
#include "analyzers/entities/entities.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/place_adjectives.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

namespace ent = dateline::entities;

TEST_CASE("place adjectives: every row names a place of the bundled gazetteer, sorted by stem") {
    const auto& g = ent::default_gazetteer();
    const auto rows = ent::place_adjectives();
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CAPTURE(std::string(rows[i].stem));
        CHECK(rows[i - 1].stem < rows[i].stem);
    }
    for (const auto& row : rows) {
        CAPTURE(std::string(row.place));
        const auto id = g.resolve(row.place);
        CHECK(id != ent::Gazetteer::npos);
        if (id == ent::Gazetteer::npos) continue;
        CHECK(g.entity(id).type == dateline::EntityType::place);
        // The masculine nominative, as a dictionary writes the adjective, finds the row.
        CHECK(ent::place_of_adjective(std::string(row.stem) + "ий", g) == id);
    }
}

TEST_CASE("place adjectives: inflected forms, and words that are no such adjective") {
    const auto& g = ent::default_gazetteer();
    auto name_of = [&](std::string_view word) {
        const auto id = ent::place_of_adjective(word, g);
        return id == ent::Gazetteer::npos ? std::string() : g.entity(id).name;
    };
    CHECK(name_of("армянском") == "Armenia");
    CHECK(name_of("российских") == "Russia");
    CHECK(name_of("британскую") == "United Kingdom");
    CHECK(name_of("московскими") == "Moscow");
    CHECK(name_of("российск").empty()); // no ending
    CHECK(name_of("европейских") == "Europe");
    CHECK(name_of("нью-йоркском") == "New York City");
    CHECK(name_of("корейский").empty());
    CHECK(name_of("римского").empty());
}

TEST_CASE("place adjectives: a tagged adjective of place is a mention of that place") {
    dateline::Article a;
    a.body = "Пожар произошёл в армянском Гаваре, сообщили российские СМИ.";
    a.language = "ru";
    const auto t = ent::tag_all(a);
    CHECK(std::any_of(t.mentions.begin(), t.mentions.end(), [](const auto& m) {
        return m.text == "армянском" && m.entity == "Armenia";
    }));
    CHECK(std::none_of(t.entities.begin(), t.entities.end(),
                       [](const dateline::Entity& e) { return e.name == "армянск"; }));
}
