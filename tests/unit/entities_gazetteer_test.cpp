// Facet hygiene of the bundled gazetteer (issue 18): one real-world place is one entity, so that a
// Russian article's "Киеве" and an English one's "Kyiv" or "Kiev" meet in one facet value. The
// data files list a place under different names (a GeoNames name in cities.tsv, the name English
// news uses in gazetteer.tsv); how they are merged: analyzers/entities/data/README.md.
#include "analyzers/entities/entities.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/text.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using dateline::Article;
using dateline::EntityType;
namespace ent = dateline::entities;

namespace {

std::vector<std::string> entities_named(const std::string& body, const std::string& text,
                                        const std::string& language) {
    Article a;
    a.body = body;
    a.language = language;
    std::vector<std::string> out;
    for (const auto& m : ent::tag_all(a).mentions)
        if (m.text == text) out.push_back(m.entity);
    return out;
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("gazetteer: a renamed city is one entity under the name English news uses") {
    CHECK(entities_named("Переговоры прошли в Киеве.", "Киеве", "ru") == Names{"Kyiv"});
    CHECK(entities_named("Talks were held in Kyiv.", "Kyiv", "en") == Names{"Kyiv"});
    CHECK(entities_named("Talks were held in Kiev.", "Kiev", "en") == Names{"Kyiv"});
    CHECK(entities_named("Переговоры прошли в Пекине.", "Пекине", "ru") == Names{"Beijing"});
    CHECK(entities_named("Talks were held in Peking.", "Peking", "en") == Names{"Beijing"});
    CHECK(entities_named("Shares fell in Bombay.", "Bombay", "en") == Names{"Mumbai"});
    CHECK(entities_named("Shares fell in Mumbai.", "Mumbai", "en") == Names{"Mumbai"});
    // A GeoNames name goes under the gazetteer's ("Antwerpen" is Antwerp), the Russian name of a
    // subdivision to the city it is ("Дели", the territory, is New Delhi as "Delhi" is).
    CHECK(entities_named("The port of Antwerpen grew.", "Antwerpen", "en") == Names{"Antwerp"});
    CHECK(entities_named("Переговоры прошли в Дели.", "Дели", "ru") == Names{"New Delhi"});
    // A city that is its country is the country.
    CHECK(entities_named("Переговоры прошли в секторе Газа в Палестине.", "Газа", "ru") ==
          Names{"Palestine"});
}

TEST_CASE("gazetteer: no two places of one country share a name or an alias") {
    // Distinct places that share a name, told apart by the article (its other names, its
    // context): the state and the city of New York, the national capital territory and the
    // capital's district.
    const std::set<std::pair<std::string, std::string>> distinct = {
        {"New York", "New York City"},
    };
    const auto& g = ent::default_gazetteer();
    std::map<std::pair<std::string, std::string>, std::vector<std::uint32_t>> holders;
    for (std::uint32_t id = 0; id < g.size(); ++id) {
        const auto& e = g.entity(id);
        if (e.type != EntityType::place || e.country.empty()) continue;
        for (auto alias : g.aliases(id)) {
            auto& list = holders[{e.country, dateline::text::fold(alias)}];
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
        }
    }
    std::set<std::string> duplicates;
    for (const auto& [key, ids] : holders)
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                auto a = g.entity(ids[i]).name, b = g.entity(ids[j]).name;
                if (b < a) std::swap(a, b);
                if (!distinct.contains({a, b}))
                    duplicates.insert(key.first + ": " + a + " / " + b + " (" + key.second + ")");
            }
    for (const auto& d : duplicates)
        MESSAGE(d);
    CHECK(duplicates.empty());
}
