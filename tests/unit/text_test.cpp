#include "analyzers/text.h"
#include "analyzers/url.h"

#include <doctest/doctest.h>
#include <xapian.h>

using namespace dateline;

TEST_CASE("text: invalid UTF-8 and NUL bytes are replaced, valid text kept") {
    CHECK(text::to_valid_utf8("Gödel") == "Gödel");
    CHECK(text::to_valid_utf8(std::string("a\0b", 3)) == "a\xEF\xBF\xBD"
                                                         "b");
    CHECK(text::to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
    CHECK(text::to_valid_utf8("abc\xE2\x82") == "abc\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(text::is_valid_utf8("Путин"));
}

TEST_CASE("text: case and diacritic folding for every script") {
    CHECK(text::fold_case("Vladimir PUTIN") == "vladimir putin");
    CHECK(text::fold_case("ПУТИН") == "путин");
    CHECK(text::fold("Gödel Ærø Łódź") == "godel aro lodz");
    CHECK(text::fold("Ёлка") == "елка");
}

TEST_CASE("text: white space collapses, including Unicode spaces") {
    CHECK(text::collapse_whitespace("  a \t\n b\xC2\xA0"
                                    "c  ") == "a b c");
    CHECK(text::trim("\xC2\xA0 x \n") == "x");
}

TEST_CASE("text: split on spaces, empty runs left out") {
    using V = std::vector<std::string_view>;
    CHECK(text::split_on_spaces("Верховной  Рады ") == V{"Верховной", "Рады"});
    CHECK(text::split_on_spaces(" ").empty());
    CHECK(text::split_on_spaces("").empty());
}

TEST_CASE("text: code points are read as Xapian's iterator reads them, invalid bytes included") {
    const std::string in = "a\xC3\xB6\xE2\x80\x99\xF0\x9F\x98\x80\xFF\xC0\xAF b\xE2\x82";
    std::vector<unsigned> expected, got;
    for (Xapian::Utf8Iterator it(in); it != Xapian::Utf8Iterator(); ++it)
        expected.push_back(*it);
    for (std::size_t pos = 0; pos < in.size();)
        got.push_back(text::next_code_point(in, pos));
    CHECK(got == expected);
    // Invalid bytes come out as the code points the iterator gives them, as before.
    CHECK(text::collapse_whitespace("a\xFF  b") == "a\xC3\xBF b");
}

TEST_CASE("text: append_fold appends what fold returns") {
    std::string out = "x ";
    text::append_fold(out, "Gödel");
    text::append_fold(out, " ÉTÉ U.S.");
    CHECK(out == "x " + text::fold("Gödel") + text::fold(" ÉTÉ U.S."));
    CHECK(out == "x godel ete u.s.");
}

TEST_CASE("text: slugs") {
    CHECK(text::slugify("News24") == "news24");
    CHECK(text::slugify("Agence France-Presse") == "agence-france-presse");
    CHECK(text::slugify("Süddeutsche Zeitung") == "suddeutsche-zeitung");
    CHECK(text::slugify("Невский курьер") == "невскии-курьер");
    CHECK(text::slugify("Московский вестник") != text::slugify("Невский курьер"));
}

TEST_CASE("text: tokenizer keeps inner apostrophes and periods, splits on the rest") {
    std::vector<std::string> words;
    for (const auto& t : text::tokenize("The U.S. didn't say—\"AT&T\", Путин said: 42%"))
        words.emplace_back(t.text);
    CHECK(words ==
          std::vector<std::string>{"The", "U.S", "didn't", "say", "AT&T", "Путин", "said", "42"});
    auto tokens = text::tokenize("ab  cd");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].offset == 4);
}

TEST_CASE("text: capitalisation tests") {
    CHECK(text::starts_upper("Putin"));
    CHECK(text::starts_upper("Путин"));
    CHECK_FALSE(text::starts_upper("putin"));
    CHECK(text::all_upper("US"));
    CHECK_FALSE(text::all_upper("Us"));
}

TEST_CASE("url: host and canonical form") {
    CHECK(url::host("https://www.News24.com:443/news/x?y#z") == "news24.com");
    CHECK(url::host("not a url") == "");
    CHECK(url::canonical("HTTPS://Example.COM/a/B#frag") == "https://example.com/a/B");
    CHECK(url::canonical("https://example.com") == "https://example.com/");
}

TEST_CASE("edit distances count code points, a swap of neighbours is one edit") {
    CHECK(text::edit_distance("kremllin", "kremlin", 2) == 1);
    CHECK(text::edit_distance("navalni", "navalny", 2) == 1);
    CHECK(text::edit_distance("navlany", "navalny", 2) == 1); // transposition
    CHECK(text::edit_distance("putn", "putin", 2) == 1);
    CHECK(text::edit_distance("путн", "путин", 2) == 1); // Cyrillic: one code point, two bytes
    CHECK(text::edit_distance("abc", "xyz", 1) == 2);    // beyond the limit: limit + 1
    CHECK(text::edit_distance("same", "same", 2) == 0);
}
