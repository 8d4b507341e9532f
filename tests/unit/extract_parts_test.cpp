// The parts of extraction: relative dates, dates in text and URLs, site names in titles,
// charset detection and the pre-parse slimming of HTML.
#include "analyzers/dates.h"
#include "indexer/extract/dom.h"
#include "indexer/extract/html_document.h"
#include "indexer/extract/metadata.h"
#include "indexer/extract/relative_date.h"
#include "indexer/extract/slim_html.h"

#include <doctest/doctest.h>

namespace {

std::string iso(const std::optional<dateline::Timestamp>& t) {
    return t ? dateline::dates::format_iso(*t) : "(none)";
}

} // namespace

TEST_CASE("extract parts: relative dates against a reference time") {
    using dateline::extract::parse_relative;
    const dateline::Timestamp ref = *dateline::dates::parse("2021-03-17T12:00:00Z");
    CHECK(iso(parse_relative("1h ago", ref)) == "2021-03-17T11:00:00Z");
    CHECK(iso(parse_relative("5 mins ago", ref)) == "2021-03-17T11:55:00Z");
    CHECK(iso(parse_relative("3 hours ago", ref)) == "2021-03-17T09:00:00Z");
    CHECK(iso(parse_relative("an hour ago", ref)) == "2021-03-17T11:00:00Z");
    CHECK(iso(parse_relative("2 days ago", ref)) == "2021-03-15");
    CHECK(iso(parse_relative("Yesterday", ref)) == "2021-03-16");
    CHECK(iso(parse_relative("today", ref)) == "2021-03-17");
    CHECK(iso(parse_relative("a week ago", ref)) == "2021-03-10");
    CHECK(iso(parse_relative("just now", ref)) == "2021-03-17T12:00:00Z");
    CHECK_FALSE(parse_relative("add bookmark", ref));
    CHECK_FALSE(parse_relative("10 reasons ago", ref));
    CHECK_FALSE(parse_relative("", ref));
}

TEST_CASE("extract parts: a date inside a byline or a line of text") {
    using dateline::extract::find_date;
    CHECK(iso(find_date("By Carrie Arnold November 15, 2019")) == "2019-11-15");
    CHECK(iso(find_date("Published 11:11 PM EST Nov 19, 2019")).starts_with("2019-11-19"));
    CHECK(iso(find_date("REUTERS 19 NOV 2019")) == "2019-11-19");
    CHECK_FALSE(find_date("By Jane Doe"));
    CHECK_FALSE(find_date("Share this article"));
    // Month and weekday names alone are no date; a run is tried only when it holds a digit, and
    // the longest run that parses still wins.
    CHECK_FALSE(find_date("Tuesday, March, in the spring of the year"));
    CHECK(iso(find_date("Updated on Tuesday, March 5, 2024 at 10:15 by the news desk")) ==
          "2024-03-05T10:15:00Z");
    CHECK(iso(find_date("The council met and talked for many hours before the vote on "
                        "Friday; the minutes are dated 17 March 2021.")) == "2021-03-17");
    CHECK_FALSE(find_date("Chapter 2 of the plan, page 30, line 4"));
}

TEST_CASE("extract parts: dates in URL paths") {
    using dateline::extract::date_from_url;
    CHECK(date_from_url("https://www.nytimes.com/2019/11/19/opinion/x.html") == "2019-11-19");
    CHECK(date_from_url("https://example.com/news/2021-03-17-kremlin") == "2021-03-17");
    CHECK(date_from_url("https://example.com/story/20210317/kremlin") == "2021-03-17");
    CHECK(date_from_url("https://example.com/2019/13/45/x") == "");
    CHECK(date_from_url("https://example.com/article/1077343476") == "");
    CHECK(date_from_url("") == "");
}

TEST_CASE("extract parts: site names are removed from titles") {
    using dateline::extract::strip_site_name;
    CHECK(strip_site_name("Oil falls as supply grows - Reuters", {"Reuters"}, "") ==
          "Oil falls as supply grows");
    CHECK(strip_site_name("BBC News - Taylor Swift is allowed to play", {}, "www.bbc.co.uk") ==
          "Taylor Swift is allowed to play");
    CHECK(strip_site_name("Opinion | Republicans Are Following Trump to Nowhere", {}, "") ==
          "Republicans Are Following Trump to Nowhere");
    CHECK(strip_site_name("The Guardian view on Hong Kong: a city on the brink | Editorial",
                          {"The Guardian"}, "www.theguardian.com") ==
          "The Guardian view on Hong Kong: a city on the brink");
    CHECK(strip_site_name("Kremlin - a fortress with a past", {}, "") ==
          "Kremlin - a fortress with a past");
}

TEST_CASE("extract parts: hosts and authors") {
    using dateline::extract::clean_author;
    using dateline::extract::host_of;
    using dateline::extract::name_from_host;
    CHECK(host_of("https://user@www.bbc.co.uk:443/news?x") == "www.bbc.co.uk");
    CHECK(host_of("not a url") == "");
    CHECK(name_from_host("www.bbc.co.uk") == "bbc.co.uk");
    CHECK(clean_author("By Jane Doe") == "Jane Doe");
    CHECK(clean_author("https://www.facebook.com/someone") == "");
    CHECK(clean_author("news@example.com") == "");
}

TEST_CASE("extract parts: charset decisions") {
    using dateline::extract::detect_charset;
    CHECK(detect_charset("\xEF\xBB\xBF<html>", "iso-8859-1") == "UTF-8");
    CHECK(detect_charset("<html>caf\xE9</html>", "") == "windows-1252");
    CHECK(detect_charset("<html>caf\xC3\xA9</html>", "") == "UTF-8");
    CHECK(detect_charset("<meta charset=\"iso-8859-1\">caf\xC3\xA9", "") == "UTF-8");
    CHECK(detect_charset("<meta charset=\"iso-8859-1\">caf\xE9", "") == "windows-1252");
    CHECK(detect_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
                         "\xEC\xCF",
                         "") == "koi8-r");
    CHECK(detect_charset("plain", "UTF-8") == "UTF-8");
    CHECK(detect_charset("<html>caf\xE9</html>", "utf-8") == "windows-1252");
}

TEST_CASE("extract parts: slimming drops scripts, styles, comments and unused attributes") {
    using dateline::extract::slim_html;
    std::string in = "<div class=\"a\" data-x=\"1\" onclick='f()'><!-- note --><script>var a = "
                     "'<p>';</script><style>p{}</style><p style=\"color:red\">Text &amp; "
                     "more</p><script type=\"application/ld+json\">{\"a\": 1}</script>"
                     "<link rel=canonical href=\"/x\"><a href=\"/y\">link</a></div>";
    std::string out = slim_html(in);
    CHECK(out == "<div class=\"a\"><p>Text &amp; more</p><script type=\"application/ld+json\">"
                 "{\"a\": 1}</script><link rel=\"canonical\" href=\"/x\"><a>link</a></div>");
    CHECK(slim_html("a < b and <3 hearts") == "a < b and <3 hearts");
    CHECK(slim_html("<p title=\"unterminated>text") == "<p title=\"unterminated>text");
    CHECK(slim_html("<p style='display: none'>hidden</p>") ==
          "<p style=\"display: none\">hidden</p>");
    // White space: one character per run (a newline when the run holds one), kept in <pre>.
    CHECK(slim_html("<p>a  \t b\n\n   c</p>") == "<p>a b\nc</p>");
    CHECK(slim_html("<pre>x   y\n\n  z</pre>  <p>") == "<pre>x   y\n\n  z</pre><p>");
    // Blank text beside a block's tag makes no node; between inline elements it stays.
    CHECK(slim_html("<div>\n  <p>a</p>\n  <p>b <b>c</b> <i>d</i></p>\n</div>") ==
          "<div><p>a</p><p>b <b>c</b> <i>d</i></p></div>");
    CHECK(slim_html("<span>a</span>\n<span>b</span>") == "<span>a</span>\n<span>b</span>");
    // Widgets and embedded documents go with their content; unclosed ones stay for the parser.
    CHECK(slim_html("<p>a<select><option>One</option></select>b<iframe src=x>no frames"
                    "</iframe>c<math><mi>x</mi></math>d</p>") == "<p>abcd</p>");
    CHECK(slim_html("<p>a<select><option>One") == "<p>a<select><option>One");
}

TEST_CASE("extract parts: the holder of a copyright notice") {
    using dateline::extract::copyright_holder;
    CHECK(copyright_holder("\xC2\xA9"
                           "2019 Ascom") == "Ascom");
    CHECK(copyright_holder("\xC2\xA9 2021 (1.1.21076.5) 24.com. All rights reserved.") == "24.com");
    CHECK(copyright_holder("Copyright \xC2\xA9 2022 Island Post. All rights reserved.") ==
          "Island Post");
    CHECK(copyright_holder("\xC2\xA9 2020 all our content is protected by many long words here") ==
          "");
    CHECK(copyright_holder("no notice here") == "");
}

TEST_CASE("extract parts: a tag set tells names apart by length and by every byte") {
    dateline::extract::dom::TagSet set{"p", "div", "blockquote", "figcaption", "h1"};
    CHECK(set.contains("p"));
    CHECK(set.contains("blockquote"));
    CHECK(set.contains("figcaption"));
    CHECK(!set.contains("pre"));
    CHECK(!set.contains("blockquotx")); // same length and first seven bytes
    CHECK(!set.contains("blockquote2"));
    CHECK(!set.contains("h2"));
    CHECK(!set.contains(""));
    CHECK(dateline::extract::dom::separates_text("h3"));
    CHECK(!dateline::extract::dom::separates_text("span"));
}
