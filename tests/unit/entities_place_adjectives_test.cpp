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

TEST_CASE("place adjectives: a capitalized adjective the tagger finds as a place is that place") {
    const auto& g = ent::default_gazetteer();
    // The tagger's nested place of "Московского государственного университета", read as a found
    // name, names Moscow; so does the word itself through place_of_adjective().
    CHECK(g.entity(ent::place_of_adjective("Московского", g)).name == "Moscow");
    dateline::Article a;
    a.body = "Учёные Московского государственного университета и Российской академии наук "
             "сообщили об открытии.";
    a.language = "ru";
    const auto t = ent::tag_all(a);
    CHECK(std::any_of(t.mentions.begin(), t.mentions.end(), [](const auto& m) {
        return m.text == "Московского" && m.entity == "Moscow";
    }));
    CHECK(std::none_of(t.entities.begin(), t.entities.end(), [](const dateline::Entity& e) {
        return e.name == "Московский" || e.name == "Российская";
    }));
}

TEST_CASE("place names: a tagged place read back to one place's unmarked alias is that place") {
    const auto& g = ent::default_gazetteer();
    auto name_of = [&](std::string_view name) {
        const auto id = ent::place_of_name(name, g);
        return id == ent::Gazetteer::npos ? std::string() : g.entity(id).name;
    };
    CHECK(name_of("Куба") == "Cuba");
    CHECK(name_of("Чешская республика") == "Czech Republic");
    CHECK(
        name_of("Газа").empty()); // a `?`-alias only ("газа", of gas): needs the matcher's support
    CHECK(name_of("Путин").empty()); // a person's alias
    CHECK(name_of("Кубинская").empty());

    // "Кубы", "Чехии": the alias matcher takes a short alias plus an ending only (inflection.h).
    dateline::Article a;
    a.body = "Делегация Кубы прибыла в Прагу. Переговоры в Чехии продлятся два дня. Лёд режут на "
             "кубы.";
    a.language = "ru";
    const auto t = ent::tag_all(a);
    for (const auto* text : {"Кубы", "Чехии"}) {
        CAPTURE(text);
        CHECK(std::any_of(t.mentions.begin(), t.mentions.end(), [&](const auto& m) {
            return m.text == text && (m.entity == "Cuba" || m.entity == "Czech Republic");
        }));
    }
    // Lower case is no name read back ("кубы", cubes: the tagger's own place, not Cuba).
    CHECK(std::none_of(t.mentions.begin(), t.mentions.end(),
                       [](const auto& m) { return m.text == "кубы" && m.entity == "Cuba"; }));
    CHECK(std::none_of(t.entities.begin(), t.entities.end(), [](const dateline::Entity& e) {
        return e.name == "Куба" || e.name == "Чехия";
    }));
}
