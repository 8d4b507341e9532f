// The extents of the places the place chain finds (place_extents.h).
#include "analyzers/entities/place_extents.h"
#include "tagger_spans.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace tg = dateline::entities::tagger;
using Texts = std::vector<std::string>;

namespace {
constexpr std::size_t place = 3;
}

TEST_CASE("adjective places: a country's adjective and the place after it are two places") {
    CHECK(dateline::test::spans_after("пожар в армянском Гаваре", {"армянском Гаваре"},
                                      tg::split_adjective_places,
                                      place) == Texts{"армянском", "Гаваре"});
    CHECK(dateline::test::spans_after("в мексиканском Канкуне", {"мексиканском Канкуне"},
                                      tg::split_adjective_places,
                                      place) == Texts{"мексиканском", "Канкуне"});
    // A direction, a capitalized first word, or an organization: one span.
    for (std::string_view whole : {"востоке Украины", "северной Италии", "Московской области"})
        CHECK(dateline::test::spans_after(whole, {whole}, tg::split_adjective_places, place) ==
              Texts{std::string(whole)});
    CHECK(dateline::test::spans_after("армянском Гаваре", {"армянском Гаваре"},
                                      tg::split_adjective_places, 1) == Texts{"армянском Гаваре"});
}
