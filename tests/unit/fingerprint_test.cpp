#include "analyzers/fingerprint.h"

#include <doctest/doctest.h>

using namespace dateline;

namespace {
const char* story =
    "The central bank raised its key interest rate by half a percentage point on Thursday, the "
    "third increase this year, saying inflation had proved more stubborn than expected. Officials "
    "said further rises could not be ruled out if prices kept climbing through the summer months. "
    "Markets had largely expected the move, and the currency barely changed after the decision.";
}

TEST_CASE("fingerprint: exact ignores case, punctuation and spacing") {
    CHECK(fingerprint::exact("Hello, World!") == fingerprint::exact("hello   world"));
    CHECK(fingerprint::exact("Hello World") != fingerprint::exact("Hello Word"));
    CHECK(fingerprint::exact(" ,. ").empty());
}

TEST_CASE("fingerprint: a trimmed ending or an added line stays near, another story does not") {
    auto original = fingerprint::minhash(story);
    REQUIRE(original);
    std::string trimmed(story);
    trimmed.resize(trimmed.rfind("Markets"));
    std::string added = std::string("LONDON (Wire) - ") + story + " Reporting by a correspondent.";
    auto other = fingerprint::minhash("The central bank left its key interest rate unchanged on "
                                      "Thursday, saying growth had slowed "
                                      "more sharply than expected in the spring while inflation "
                                      "eased for a second month running.");
    CHECK(fingerprint::near(*original, *fingerprint::minhash(trimmed)));
    CHECK(fingerprint::near(*original, *fingerprint::minhash(added)));
    REQUIRE(other);
    CHECK_FALSE(fingerprint::near(*original, *other));
    CHECK(fingerprint::similarity(*original, *original) == 1.0);
}

TEST_CASE("fingerprint: band values and encoding") {
    auto sig = fingerprint::minhash(story);
    REQUIRE(sig);
    auto bands = fingerprint::band_values(*sig);
    CHECK(bands.size() == fingerprint::bands);
    CHECK(bands[3].starts_with("3:"));
    CHECK(fingerprint::decode(fingerprint::encode(*sig)) == sig);
    CHECK_FALSE(fingerprint::decode("xyz"));
    CHECK_FALSE(fingerprint::minhash("too short"));
}
