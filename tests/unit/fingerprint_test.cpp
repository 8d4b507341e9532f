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

TEST_CASE("fingerprint: values are stable (the index stores them)") {
    // FNV-1a 64 of "hello world " then splitmix64's finalizer; shingles likewise. Computed
    // independently of this code: a change here changes every indexed document.
    CHECK(fingerprint::exact("Hello, World!") == "f1b17ec8c678939b");
    CHECK(fingerprint::exact(story) == "75df0d5c5a9fc355");
    auto sig = fingerprint::minhash(story);
    REQUIRE(sig);
    CHECK(fingerprint::encode(*sig).starts_with("0398221d02309753108a1feb0c21e796"));
    auto bands = fingerprint::band_values(*sig);
    CHECK(bands[0] == "0:cf6318e3");
    CHECK(bands[1] == "1:2f956f6c");
}

TEST_CASE("fingerprint: compute gives both fingerprints of one text") {
    for (std::string_view text : {std::string_view(story), std::string_view("too short"),
                                  std::string_view(""), std::string_view("Gödel, ÆRØ  and Ёлка")}) {
        const auto both = fingerprint::compute(text);
        CHECK(both.exact == fingerprint::exact(text));
        CHECK(both.near == fingerprint::minhash(text));
    }
}
