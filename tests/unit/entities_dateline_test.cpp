// Wire datelines as wire copy writes them, slips included (dateline.h).
#include "analyzers/entities/dateline.h"
#include "analyzers/entities/gazetteer.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

namespace ent = dateline::entities;

namespace {

// The dateline's country, "" when the gazetteer cannot place it, "no dateline" when there is none.
std::string country_of(std::string_view text) {
    const auto& g = ent::default_gazetteer();
    const auto d = ent::parse_dateline(text);
    if (!d) return "no dateline";
    const auto id = ent::dateline_entity(*d, g);
    return id == ent::Gazetteer::npos ? "" : g.entity(id).country;
}

} // namespace

TEST_CASE("dateline: flash marks, a missing comma, a dash and a sign-off") {
    CHECK(country_of("****LONDON, March 5\n\nText.") == "GB");
    CHECK(country_of("JOHANNESBURG March 13\n\nText.") == "ZA");
    CHECK(country_of("RICHMOND, Va. Feb 26\n\nText.") == "US");
    CHECK(country_of("ROCKVILLE, Md, - March 6\n\nText.") == "US");
    CHECK(country_of("KANSAS CITY, Mo. - March 13\n\nText.") == "US");
    CHECK(country_of("ROME, March 13, Reuter\n\nText.") == "IT");
    const auto d = ent::parse_dateline("JOHANNESBURG March 13\n\nText.");
    REQUIRE(d);
    CHECK(d->place == "JOHANNESBURG");
    // Still no dateline: a sentence, a name without a date, a month that is no date.
    CHECK(country_of("Shares rose in March on good news.") == "no dateline");
    CHECK(country_of("PARIS HILTON SAID") == "no dateline");
    CHECK(country_of("CAPE MAY, N.J., March 3\n\nText.") != "no dateline");
}

TEST_CASE("dateline: the states wire copy abbreviates beyond the AP's list") {
    // Reuters writes Iowa and Maine short too ("Ia.", "Me."), which the AP spells out.
    CHECK(country_of("CLARINDA, Ia., March 31\n\nText.") == "US");
    CHECK(country_of("OLD TOWN, Me., March 25\n\nText.") == "US");
}
