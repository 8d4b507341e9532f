// Extraction of HTML pages: metadata from each source, boilerplate removal, charsets, robustness.
#include "analyzers/dates.h"
#include "indexer/extract/extract.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <zlib.h>

namespace {

using dateline::extract::ExtractError;
using dateline::extract::Extraction;
using dateline::extract::PageInfo;

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/extract/" + name,
                     std::ios::binary);
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Extraction extract_fixture(const std::string& name, PageInfo page = {}) {
    page.path = name;
    return dateline::extract::extract_html(fixture(name), page);
}

std::string origin_of(const Extraction& x, const std::string& field) {
    for (const auto& o : x.origins)
        if (o.field == field) return o.origin;
    return "";
}

std::string iso(const std::optional<dateline::Timestamp>& t) {
    return t ? dateline::dates::format_iso(*t) : "(none)";
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

Extraction extract_string(const std::string& html, PageInfo page = {}) {
    return dateline::extract::extract_html(html, page);
}

const std::string prose =
    "<p>The committee met for six hours on Tuesday and agreed, after a long debate, to send the "
    "proposal back to the drafting group for another round of changes before the vote.</p>";

} // namespace

TEST_CASE("extract: JSON-LD in @graph gives headline, dates, authors, publisher, keywords") {
    Extraction x = extract_fixture("jsonld.html");
    const auto& a = x.article;
    CHECK(a.title == "Harbour bridge reopens after repairs");
    CHECK(a.source == "Example Times");
    CHECK(a.source_id == "example-times");
    CHECK(origin_of(x, "source") == "json-ld publisher");
    CHECK(iso(a.published) == "2021-03-17T07:15:00Z");
    CHECK(origin_of(x, "published") == "json-ld");
    CHECK(iso(a.updated) == "2021-03-18T08:00:00Z");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(a.tags == std::vector<std::string>{"bridges", "transport", "city council"});
    CHECK(a.section == "Local");
    CHECK(a.language == "en");
    CHECK(a.url == "https://example.com/news/harbour-bridge");
    CHECK(a.body.starts_with("The harbour bridge reopened to traffic"));
    CHECK(contains(a.body, "under budget, which surprised"));
}

TEST_CASE("extract: Open Graph and article:* meta, relative canonical link") {
    PageInfo page;
    page.url = "https://courier.example.org/some/path?x=1";
    Extraction x = extract_fixture("opengraph.html", page);
    const auto& a = x.article;
    CHECK(a.title == "Valley farmers count the cost of the frost");
    CHECK(origin_of(x, "title") == "og:title");
    CHECK(a.source == "The Valley Courier");
    CHECK(origin_of(x, "source") == "og:site_name");
    CHECK(iso(a.published) == "2020-04-02T06:30:00Z");
    CHECK(origin_of(x, "published") == "article:published_time");
    CHECK(iso(a.updated) == "2020-04-02T09:45:00Z");
    CHECK(a.section == "Agriculture");
    CHECK(a.tags == std::vector<std::string>{"Farming", "Weather"});
    CHECK(a.authors.empty()); // article:author is a profile URL, not a name
    CHECK(a.language == "de");
    CHECK(a.url == "https://courier.example.org/2020/04/02/frost-farmers");
    CHECK(a.body.starts_with("Farmers across the valley"));
}

TEST_CASE("extract: <meta name> author, news_keywords, DC.date.issued") {
    Extraction x = extract_fixture("meta-names.html");
    const auto& a = x.article;
    CHECK(a.title == "Library extends its opening hours");
    CHECK(a.authors == std::vector<std::string>{"Maria Lopez"});
    CHECK(origin_of(x, "authors") == "meta[name=author]");
    CHECK(a.tags == std::vector<std::string>{"libraries", "culture"}); // news_keywords first
    CHECK(iso(a.published) == "2019-06-05");
    CHECK(origin_of(x, "published") == "meta[name=dc.date.issued]");
    CHECK(a.description == "The central library will open on Sundays.");
    CHECK_FALSE(contains(a.body, "Library extends its opening hours")); // the title is no body
}

TEST_CASE("extract: <time datetime>, byline and a title without the site name") {
    Extraction x = extract_fixture("time-element.html");
    const auto& a = x.article;
    CHECK(a.title == "Tram line opens");
    CHECK(iso(a.published) == "2018-09-01T10:00:00Z");
    CHECK(origin_of(x, "published") == "time[datetime]");
    CHECK(a.authors == std::vector<std::string>{"Tom Baker"});
    CHECK(origin_of(x, "authors") == "byline");
    CHECK(a.body.starts_with("The city's first new tram line"));
    CHECK_FALSE(contains(a.body, "By Tom Baker"));
}

TEST_CASE("extract: a dateline gives the day, its year from the reference time") {
    PageInfo page;
    page.fetched_at = dateline::dates::parse("2021-03-20T12:00:00Z");
    Extraction x = extract_fixture("dateline-url.html", page);
    CHECK(iso(x.article.published) == "2021-03-17");
    CHECK(origin_of(x, "published") == "dateline");
}

TEST_CASE("extract: a date in the URL path when nothing else states one") {
    PageInfo page;
    page.url = "https://news.example.net/2019/09/02/school-year-starts.html";
    Extraction x = extract_fixture("url-date.html", page);
    CHECK(iso(x.article.published) == "2019-09-02");
    CHECK(origin_of(x, "published") == "url-path");
    CHECK(x.article.source == "news.example.net");
    CHECK(origin_of(x, "source") == "url-host");
}

TEST_CASE("extract: boilerplate around and inside the article is left out") {
    Extraction x = extract_fixture("boilerplate.html");
    const std::string& body = x.article.body;
    CHECK(body.starts_with("Volunteers pulled more than two tonnes"));
    CHECK(body.ends_with("caught dumping rubbish."));
    for (const char* junk : {"cookies", "Home", "Sport", "Advertisement", "Share on Facebook",
                             "Sign up for the newsletter", "Related stories",
                             "Council approves new river path", "Most read", "Mayor opens",
                             "Great work by everyone", "Comments", "Copyright", "Riverside Phone"})
        CHECK_MESSAGE(!contains(body, junk), "boilerplate in body: " << junk);
    // Headings, lists, quotes and tables of text are kept, in order, one block each.
    const char* in_order[] = {
        "about two hundred people", "What they found",     "plastic bottles and bottle caps",
        "fishing line and nets",    "Every year we think", "Plastic bottles 1,240 collected",
        "The council said"};
    std::size_t pos = 0;
    for (const char* part : in_order) {
        std::string p = part;
        std::size_t found = body.find(p);
        if (found == std::string::npos) {
            // case-insensitive start ("About two hundred")
            std::string lower_body = body;
            std::transform(lower_body.begin(), lower_body.end(), lower_body.begin(), ::tolower);
            std::transform(p.begin(), p.end(), p.begin(), ::tolower);
            found = lower_body.find(p);
        }
        REQUIRE_MESSAGE(found != std::string::npos, "missing: " << part);
        CHECK_MESSAGE(found >= pos, "out of order: " << part);
        pos = found;
    }
    CHECK(contains(body, "railway bridge.\n\nWhat they found\n\nThe organisers sorted"));
    CHECK(contains(body, "\n\nWhat they found\n\n"));
    CHECK(x.article.title == "River clean-up removes two tonnes of rubbish");
    CHECK(x.article.source == "Riverside News");
}

TEST_CASE("extract: a page without article text is an error with a reason") {
    CHECK_THROWS_WITH_AS(
        extract_string("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        "no article text found", ExtractError);
    CHECK_THROWS_AS(extract_string(""), ExtractError);
}

TEST_CASE("extract: charsets: undeclared windows-1252, mislabelled UTF-8, BOM, HTTP header") {
    std::string latin = "<html><body><div><p>Caf\xE9 owners in the old town said on Monday that "
                        "the new parking rules had cost them customers, and asked the council "
                        "to think again about the plan.</p></div></body></html>";
    CHECK(extract_string(latin).article.body.starts_with("Caf\xC3\xA9 owners"));

    std::string mislabelled = "<html><head><meta charset=\"iso-8859-1\"></head><body><div><p>"
                              "Caf\xC3\xA9 owners in the old town said on Monday that the new "
                              "parking rules had cost them customers, and asked the council to "
                              "think again.</p></div></body></html>";
    CHECK(extract_string(mislabelled).article.body.starts_with("Caf\xC3\xA9 owners"));

    std::string bom = "\xEF\xBB\xBF" + mislabelled;
    CHECK(extract_string(bom).article.body.starts_with("Caf\xC3\xA9 owners"));

    std::string koi = "<html><body><div><p>\xED\xCF\xD3\xCB\xD7\xC1 is Moscow in KOI8-R, and the "
                      "city council said on Monday that the parking rules would change again "
                      "next year.</p></div></body></html>";
    PageInfo page;
    page.charset = "koi8-r";
    CHECK(extract_string(koi, page).article.body.starts_with(
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 is Moscow"));
}

TEST_CASE("extract: gzip-compressed pages are inflated") {
    std::string html = "<html><body><div>" + prose + prose + "</div></body></html>";
    uLongf size = compressBound(static_cast<uLong>(html.size())) + 32;
    std::string gz(size, '\0');
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    zs.next_in = reinterpret_cast<Bytef*>(html.data());
    zs.avail_in = static_cast<uInt>(html.size());
    zs.next_out = reinterpret_cast<Bytef*>(gz.data());
    zs.avail_out = static_cast<uInt>(gz.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    gz.resize(zs.total_out);
    deflateEnd(&zs);
    CHECK(extract_string(gz).article.body.starts_with("The committee met"));
}

TEST_CASE("extract: deeply nested and broken markup neither crashes nor hangs") {
    std::string deep;
    for (int i = 0; i < 200000; ++i)
        deep += "<div>";
    deep += prose + prose;
    std::string html = "<html><body>" + deep + "</body></html>";
    std::string body;
    try {
        body = extract_string(html).article.body;
    } catch (const ExtractError&) {
        body = "(error)";
    }
    CHECK(!body.empty());

    std::string broken = "<html><body><div><p>Unclosed <b>bold <i>italic <a href='x'>link " +
                         prose + "<table><tr><td>" + prose + "</div></span></body>";
    CHECK_NOTHROW(extract_string(broken));

    std::string garbage(100000, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 7919) % 251);
    CHECK_THROWS_AS(extract_string(garbage), ExtractError);
}

TEST_CASE("extract: pages over 32 MiB are refused") {
    std::string huge(dateline::extract::max_page_bytes + 1, ' ');
    CHECK_THROWS_AS(extract_string(huge), ExtractError);
}

TEST_CASE("extract: the explanation lists each field with its origin, then the body") {
    Extraction x = extract_fixture("jsonld.html");
    std::ostringstream out;
    dateline::extract::print_explanation(x, out);
    std::string text = out.str();
    CHECK(contains(text, "title"));
    CHECK(contains(text, "[json-ld headline]"));
    CHECK(contains(text, "[json-ld publisher]"));
    CHECK(contains(text, "2021-03-17T07:15:00Z"));
    CHECK(contains(text, "body ["));
    CHECK(contains(text, "The harbour bridge reopened"));
}

TEST_CASE("extract: content deeper than libxml2's 256 levels is read, and what follows it") {
    std::string open, close;
    for (int i = 0; i < 400; ++i) {
        open += "<div>";
        close += "</div>";
    }
    std::string after = "<p>After the deep part, the report went on to list the costs of each of "
                        "the options, from the cheapest to the dearest, in a long table.</p>";
    std::string html =
        "<html><body><article>" + open + prose + prose + close + after + "</article></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met for six hours"));
    CHECK(contains(body, "After the deep part"));
}

TEST_CASE("extract: a blog's name in an h1 banner is no headline: <title> gives the post's") {
    std::string html = "<html><head><title>Seth's Blog: The importance of going first</title>"
                       "</head><body><div id='banner'><h1>Seth's Blog</h1></div>"
                       "<div class='post'><h3>The importance of going first</h3>" +
                       prose + prose + "</div></body></html>";
    Extraction x = extract_string(html);
    CHECK(x.article.title == "The importance of going first");
    CHECK(contains(x.article.body, "The committee met"));
}

TEST_CASE("extract: a heading that <title> holds beside the site's name is the headline") {
    // The site's name repeated, a separator extraction does not strip as a site name.
    std::string html = "<html><head><title>High Scalability - High Scalability - Stuff The "
                       "Internet Says On Scalability</title>"
                       "<meta property='og:title' content='High Scalability - High Scalability - "
                       "Stuff The Internet Says On Scalability'></head><body>"
                       "<div class='post'><h2 class='title'>Stuff The Internet Says On "
                       "Scalability</h2>" +
                       prose + prose + "</div></body></html>";
    CHECK(extract_string(html).article.title == "Stuff The Internet Says On Scalability");
    // The site's name as the h1 banner, the post's title an h2, "›" between them in <title>.
    std::string banner = "<html><head><title>Free Range Librarian \xE2\x80\xBA The Fall Funnel "
                         "of Fun</title></head><body><h1 id='blog-title'>Free Range Librarian</h1>"
                         "<div class='post'><h2 class='entry-title'>The Fall Funnel of Fun</h2>" +
                         prose + prose + "</div></body></html>";
    CHECK(extract_string(banner).article.title == "The Fall Funnel of Fun");
    // The banner longer than the post's title: the later heading is the post's.
    std::string longer = "<html><head><title>Corn Printing Craft - Things to Make and Do, Crafts "
                         "for Kids - The Crafty Crow</title></head><body><h1>Things to Make and "
                         "Do, Crafts for Kids - The Crafty Crow</h1><div class='post'><h3>Corn "
                         "Printing Craft</h3>" +
                         prose + prose + "</div></body></html>";
    CHECK(extract_string(longer).article.title == "Corn Printing Craft");
    // A heading that is not in <title> changes nothing.
    std::string other = "<html><head><title>Council approves the budget - Daily News</title>"
                        "</head><body><div class='post'><h2>Council approves the budget after a "
                        "long night</h2>" +
                        prose + prose + "</div></body></html>";
    CHECK(extract_string(other).article.title == "Council approves the budget");
}

TEST_CASE("extract: an og:title sharing no word with <title> names the site, not the page") {
    std::string html = "<html><head><title>Players held back tears during the coach's speech - "
                       "NFL.com</title><meta property='og:title' content='Official Blog of the "
                       "National Football League'><meta property='og:site_name' "
                       "content='NFL.com'></head><body><div class='post'>" +
                       prose + prose + "</div></body></html>";
    CHECK(extract_string(html).article.title ==
          "Players held back tears during the coach's speech");
    // An og:title that rewords the headline still wins.
    std::string seo = "<html><head><title>Council approves budget - Daily News</title>"
                      "<meta property='og:title' content='Budget approved by the council after "
                      "a long night'></head><body><div class='post'>" +
                      prose + prose + "</div></body></html>";
    CHECK(extract_string(seo).article.title == "Budget approved by the council after a long night");
}

TEST_CASE("extract: a stub under a promising class name does not outweigh the article") {
    std::string article;
    for (int i = 0; i < 3; ++i)
        article += prose;
    std::string html = "<html><body><div class='journal-entry'>"
                       "<div class='entry-title post-text-body'><p>Posted on Friday at 9:15AM, "
                       "October 19</p></div>"
                       "<div class='x'><div class='y'>" +
                       article + "</div></div></div></body></html>";
    CHECK(contains(extract_string(html).article.body, "The committee met"));
}

TEST_CASE("extract: pages in a row on one thread (libxml2's arena reused) give the same result") {
    std::string html = "<html><head><title>Budget vote - The Courier</title></head><body>"
                       "<article><h1>Budget vote</h1>" +
                       prose + prose + "</article></body></html>";
    Extraction first = extract_string(html);
    for (int i = 0; i < 5; ++i) {
        CHECK_THROWS_AS(extract_string("<html><body></body></html>"), ExtractError);
        Extraction again = extract_string(html);
        CHECK(again.article.body == first.article.body);
        CHECK(again.article.title == first.article.title);
    }
}

// One reader's comment, for the tests of where the readers' comments begin.
const std::string reader_comment =
    "<p>I just don't get it. Services like disaster relief need to be paid for, and removing the "
    "cost does not remove the need, as I said.</p>";

TEST_CASE("extract: the readers' comments after a 'Comments' heading are not article text") {
    std::string comments;
    for (int i = 0; i < 8; ++i)
        comments += "<div>" + reader_comment + "</div><p>Posted by: reader at October 30, 2012</p>";
    std::string html = "<html><body><div class='content'>" + prose + prose +
                       "<h2>12 Comments</h2>" + comments + "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met"));
    CHECK(!contains(body, "disaster relief"));
}

TEST_CASE("extract: a short post is not traded for the page around it and a sidebar's blurb") {
    // The post's names lift it to the top while its one short paragraph earns little.
    std::string side = "<div class='module'><div class='module-content typelist-thumbnailed'><div "
                       "class='typelist-description'><p>Seventy-seven characters of plain "
                       "description text about the shop here</p></div></div></div>";
    std::string links = "<div class='pkg'><ul>";
    for (int i = 0; i < 4; ++i)
        links +=
            "<li><a href='/a'>An older post of the blog, number " + std::to_string(i) + "</a></li>";
    links += "</ul></div>";
    std::string html = "<html><body><div id='page'><div class='pkg'>" + side +
                       "</div><div class='pkg'><div class='entry post'><h3>Indian Corn Printing "
                       "Craft</h3><div class='entry-content'><div class='entry-body'><div><img "
                       "src='c.jpg'>Visit <a href='/b'>Boy Mama Teacher Mama</a> to see how to "
                       "create the interesting textures on this corn craft.</div></div></div>"
                       "</div></div>" +
                       links + "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "interesting textures"));
    CHECK(!contains(body, "Seventy-seven characters"));
    CHECK(!contains(body, "older post"));
}

TEST_CASE("extract: lines a <br> breaks mid-sentence at the end of a post are kept; a trailing "
          "label is not") {
    std::string html = "<html><body><div class='post'>" + prose +
                       "<div>Visit <a href='/b'>Boy Mama</a> to see<br>how to create the "
                       "interesting textures<br>on this corn craft.</div></div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "interesting textures"));
    CHECK(contains(body, "on this corn craft."));
    std::string tagged = "<html><body><div class='post'>" + prose +
                         "<p>The vote is set for Monday.<br>Filed under budget</p></div>"
                         "</body></html>";
    CHECK(!contains(extract_string(tagged).article.body, "Filed under"));
}

TEST_CASE("extract: a 'Comment' heading is a section of the article (opinion), not the comments") {
    std::string html = "<html><body><div class='content'>" + prose + "<h3>Comment</h3>" +
                       "<p>Having a network of people to offer opinion and analysis is critical "
                       "for most journalists, and it is a good way of getting your name out.</p>" +
                       prose + "</div></body></html>";
    CHECK(contains(extract_string(html).article.body, "network of people"));
}

TEST_CASE("extract: a comments heading the strict pass leaves out (id='comments') still ends the "
          "article") {
    std::string comments;
    for (int i = 0; i < 8; ++i)
        comments += "<div id='c" + std::to_string(i) + "'>" + reader_comment +
                    "</div><p class='posted'>Posted by: reader at October 30, 2012</p>";
    std::string html = "<html><body><div class='content'>" + prose + prose +
                       "<h2 id='comments'>Comments</h2>" + comments + "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met"));
    CHECK(!contains(body, "disaster relief"));
}

TEST_CASE("extract: a box named for the comments and holding only their label ends the article") {
    std::string comments;
    for (int i = 0; i < 8; ++i)
        comments += "<div class='comments-body'>" + reader_comment +
                    "<span class='comments-post'>Posted by: reader</span></div>";
    std::string head = "<div class='comments-head'><a name='comments'></a>Comments</div>";
    std::string html = "<html><body><div class='content'>" + prose + prose + head + comments +
                       "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met"));
    CHECK(!contains(body, "disaster relief"));
    // A link labelled "Comments" in a box of that name (a post's meta line) ends nothing.
    std::string meta = "<div class='post-comments'><a href='#comments'>Comments</a></div>";
    std::string kept = "<html><body><div class='content'>" + prose + meta + prose +
                       "<p>The last paragraph says the plan was approved on the second vote, with "
                       "three members against.</p></div></body></html>";
    CHECK(contains(extract_string(kept).article.body, "second vote"));
}

TEST_CASE("extract: boxes of one class holding most of the text are the article, whatever their "
          "name") {
    std::string spans;
    for (int i = 0; i < 4; ++i)
        spans +=
            "<span class='byline-author'>" + prose.substr(3, prose.size() - 7) + "</span><br><br>";
    std::string html = "<html><body><div class='post'><h3>Updates to the edition</h3>"
                       "<div class='post-body'>" +
                       spans + "</div></div></body></html>";
    CHECK(contains(extract_string(html).article.body, "The committee met"));
}

TEST_CASE("extract: a card of links inside the first paragraph is left out, the sentence kept") {
    std::string card = "<span class='rollover-people'><a href='/p/k'>Kristi Noem</a><span "
                       "class='rollover-block'><span><img src='k.jpg'><a href='/p/k'>Kristi Lynn "
                       "Noem</a><a href='/1'>Governor doubles down on campaign</a> <a "
                       "href='/2'>State drops pipeline protest laws</a> <a href='/p/k'>MORE</a>"
                       "</span></span></span>";
    std::string html = "<html><body><article><p>South Dakota Gov. " + card +
                       " (R) is defending the state's launch of an anti-drug campaign, with its "
                       "slogan, against a mix of criticism and ridicule.</p>" +
                       prose + prose + "</article></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "South Dakota Gov. Kristi Noem (R) is defending"), body);
    CHECK(!contains(body, "pipeline"));
}

TEST_CASE(
    "extract: a recipe box (lists of plain items in a div) is article text, a link list not") {
    std::string recipe = "<div><strong>Whipped Cream Frosting</strong></div><div><ul><li>8 ounces "
                         "cream cheese</li><li>1/4 teaspoon salt</li><li>1 cup powdered sugar</li>"
                         "<li>1 1/2 cups heavy cream</li></ul></div>";
    std::string links = "<div><ul><li><a href='/a'>Our other cakes and their stories</a></li><li>"
                        "<a href='/b'>Ten desserts for a summer party</a></li><li><a href='/c'>"
                        "The best pies of the year</a></li></ul></div>";
    std::string html = "<html><body><article>" + prose + recipe + prose + links + prose +
                       "</article></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "1 cup powdered sugar"));
    CHECK(!contains(body, "Ten desserts"));
}

TEST_CASE("extract: an article held only in boxes named like furniture is written, not rejected") {
    std::string boxes;
    for (int i = 0; i < 3; ++i)
        boxes +=
            "<div class='image-meta'><img src='p" + std::to_string(i) + ".jpg'>" + prose + "</div>";
    std::string html = "<html><body><div class='post-body'><h1>Festival merchandise</h1>" + boxes +
                       "</div></body></html>";
    Extraction x;
    REQUIRE_NOTHROW(x = extract_string(html));
    CHECK(contains(x.article.body, "The committee met"));
    CHECK(origin_of(x, "body") == "content:relaxed");
}

TEST_CASE("extract: a short post is not replaced by the longer text of a sidebar widget") {
    std::string widget = "<p>I have written advertising copy in New York for nineteen years, for "
                         "banks, airlines, carmakers and, once, a brand of capri pants.</p>";
    std::string sidebar;
    for (int i = 0; i < 5; ++i)
        sidebar += widget;
    std::string html = "<html><body><div class='post'><div class='post-body'><p>The top five "
                       "posts of the week, from a list of bad quotation marks to a sign.</p>"
                       "<p>Posted at 2:23 PM.</p></div></div><div id='sidebar'><div>" +
                       sidebar + "</div></div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "The top five posts"), body);
    CHECK(!contains(body, "capri pants"));
}

TEST_CASE("extract: a paragraph written twice (a teaser above the story) is kept once") {
    std::string html = "<html><body><article><div class='summary'>" + prose +
                       "</div><div class='story'>" + prose +
                       "<p>The vote itself was put off until the spring, when the group is due to "
                       "report back with its changes.</p><p>Short line.</p><p>Short line.</p>"
                       "</div></article></body></html>";
    std::string body = extract_string(html).article.body;
    auto first = body.find("The committee met");
    REQUIRE(first != std::string::npos);
    CHECK(body.find("The committee met", first + 1) == std::string::npos);
    CHECK(contains(body, "put off until the spring"));
}

TEST_CASE("extract: a blog post's metadata line after the text is no article text") {
    std::string html = "<html><body><div class='post'><div class='entry'>" + prose + prose +
                       "<p>This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is "
                       "filed under Robot Art, Videos. You can follow any responses to this entry "
                       "through the RSS 2.0 feed.</p></div></div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met"));
    CHECK(!contains(body, "filed under"));
}

TEST_CASE("extract: a deal list (a description beside each link) inside the article is kept") {
    std::string deals = "<ul>";
    for (const char* item : {"2TB portable hard drive, USB 3.0", "15-inch laptop with 8GB RAM",
                             "Dual-band wireless router with two USB ports"})
        deals += std::string("<li><a href='/d'>") + item +
                 " for $161.99 with free shipping</a> (normally $180, use the coupon code at "
                 "checkout)</li>";
    deals += "</ul>";
    std::string related = "<ul><li><a href='/a'>Our other deals of the week</a></li><li><a "
                          "href='/b'>Ten gadgets for a summer party</a></li><li><a href='/c'>"
                          "The best laptops of the year</a></li></ul>";
    std::string html = "<html><body><article>" + prose + "<p>Other deals:</p>" + deals + prose +
                       related + prose + "</article></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "Dual-band wireless router"), body);
    CHECK(!contains(body, "Ten gadgets"));
}

TEST_CASE("extract: a leading line of links to the neighbouring posts is no article text") {
    std::string html = "<html><body><div class='entry'><p><a href='/p'>&laquo; The drafting group "
                       "sends its changes back to the committee for the third time</a> | <a "
                       "href='/'>Main</a> | <a href='/n'>Getting it done: the week in review of "
                       "the council's work &raquo;</a></p>" +
                       prose + prose + "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK(contains(body, "The committee met"));
    CHECK_MESSAGE(!contains(body, "Main"), body);
}

TEST_CASE("extract: a short line holding a date inside the text is kept; at its ends it is not") {
    std::string html =
        "<html><body><article><p>March 3, 2012</p>" + prose +
        "<p>For Immediate Release: Nov. 6, 2012</p>" + prose +
        "<table><tr><td>1</td><td>Kyle Busch</td><td>5040</td><td>5 1 17 27</td></tr>"
        "<tr><td>3</td><td>Kevin Harvick</td><td>5033</td><td>4 6 15 26</td></tr>"
        "</table>" +
        prose + "<p>July 9, 2012</p></article></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "For Immediate Release: Nov. 6, 2012"), body);
    CHECK(contains(body, "Kyle Busch 5040"));
    CHECK(!contains(body, "March 3, 2012"));
    CHECK(!contains(body, "July 9, 2012"));
}

TEST_CASE("extract: a trailing paragraph of prose that mentions a call to act is kept; a call is "
          "not") {
    std::string html =
        "<html><body><div class='entry'>" + prose + prose +
        "<p>The new lens is in stock at the camera shop on Main Street (click here). Only two are "
        "left. In Germany it has been in stock for days.</p><p>It was shot by a crew of two, "
        "with their 3.7 million subscribers watching.</p><p>If you prefer to receive the "
        "committee's minutes as a monthly e-mail digest instead of reading them here, subscribe "
        "to our newsletter, the Council Letter.</p></div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "Only two are left"), body);
    CHECK(contains(body, "million subscribers watching"));
    CHECK(!contains(body, "monthly e-mail digest"));
}

TEST_CASE(
    "extract: a link inside a sentence is kept whatever its class; a boxy link alone is not") {
    std::string html = "<html><body><div class='articleBody'>" + prose +
                       "<p>On Monday the president, <a class='meta-per' href='/p'>Benigno S. "
                       "Aquino III</a>, announced plans to buy aircraft for the coast guard and "
                       "the navy.</p>" +
                       prose +
                       "<div><a class='share-link' href='/s'>Share on the networks</a></div>" +
                       prose + "</div></body></html>";
    std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "the president, Benigno S. Aquino III, announced"), body);
    CHECK(!contains(body, "Share on the networks"));
}

TEST_CASE("extract: deals (links with a description beside them) ending the article are kept; a "
          "trailing line of tags is not") {
    const std::vector<std::string> items{"2TB portable hard drive, USB 3.0",
                                         "15-inch laptop with 8GB RAM",
                                         "Dual-band wireless router with two USB ports"};
    std::string deals;
    for (const auto& item : items)
        deals += "<p><a href='/d'>" + item +
                 " for $161.99 with free shipping at the store</a> (normally $180, use the coupon "
                 "code at checkout)</p>";
    const std::string tags = "<p>Tags: <a href='/t/1'>hard drives, storage and backup</a>, <a "
                             "href='/t/2'>laptops and notebooks</a>, <a href='/t/3'>routers</a>, "
                             "networking, deals of the week</p>";
    const std::string body =
        extract_string("<html><body><article>" + prose + prose + "<p>Other deals:</p>" + deals +
                       tags + "</article></body></html>")
            .article.body;
    for (const auto& item : items)
        CHECK_MESSAGE(contains(body, item + " for $161.99 with free shipping"), body);
    CHECK(!contains(body, "laptops and notebooks"));
}

TEST_CASE("extract: the heading opening the post is the title when <title> holds it beside the "
          "site's banner heading, or with more around it") {
    const std::string post =
        "<div class='post'><h3>Backwards!</h3><div class='entry'>" + prose + prose + "</div></div>";
    Extraction x = extract_string("<html><head><title>The Fischbowl: Backwards!</title></head>"
                                  "<body><h1>The Fischbowl</h1>" +
                                  post + "</body></html>");
    CHECK(x.article.title == "Backwards!");
    CHECK(origin_of(x, "title") == "heading opening the article");
    CHECK(!contains(x.article.body, "Backwards!"));

    x = extract_string("<html><head><title>&raquo; A Journey Without a Goal :zenhabits</title>"
                       "</head><body><div class='post'><h2>A Journey Without a Goal</h2><div "
                       "class='entry'>" +
                       prose + prose + "</div></div></body></html>");
    CHECK(x.article.title == "A Journey Without a Goal");

    // The site's banner as the nearest heading above the text is no headline.
    x = extract_string("<html><head><title>Help Students Help Themselves | The Edublogger</title>"
                       "</head><body><h1 id='site-title'>The Edublogger</h1><div class='entry'>" +
                       prose + prose + "</div></body></html>");
    CHECK(x.article.title == "Help Students Help Themselves");
}

TEST_CASE("extract: lines a <br> breaks after a semicolon at the end of a post are its sentence") {
    const std::vector<std::string> lines{"In a car;", "at the office;", "while waiting in line;",
                                         "anywhere;", "dance where you are."};
    std::string poem;
    for (const auto& line : lines)
        poem += line + "<br>";
    const Extraction x = extract_string("<html><body><div class='content'>" + prose + "<p>" + poem +
                                        "</p><p>@TweetRightBrain</p></div></body></html>");
    for (const auto& line : lines)
        CHECK_MESSAGE(contains(x.article.body, line), x.article.body);
    CHECK(!contains(x.article.body, "@TweetRightBrain"));
}

TEST_CASE("extract: a list of teasers ending in 'Read more...' inside the story is left out; a "
          "'read more' link inside a sentence is the article's") {
    const std::string teaser =
        "<li><h3>Tram line to the airport is delayed by another year</h3><p>The contractor "
        "blames the long winter, the council blames the contractor, and the passengers who were "
        "promised a fast ride to their flights blame them both. <a href='/s'>Read "
        "more...</a></p><p>2012-11-09</p></li>";
    const std::string sentence =
        "<p>The risks were listed in the report: smoking, a diet high in salt (<a href='/r'>read "
        "more</a>), too little sleep (<a href='/s'>read more</a>) and driving at night (<a "
        "href='/t'>read more</a> on the causes).</p>";
    const std::string page =
        "<html><body><div class='story'>" + prose + prose + sentence + "<div><ul>" + teaser +
        teaser + teaser + "</ul></div>" + prose +
        "<p>The vote itself was put off until the spring, when the group is due to report back "
        "with its changes, and the chair said she expected a narrow majority either way.</p>"
        "</div></body></html>";
    const std::string body = extract_string(page).article.body;
    CHECK_MESSAGE(contains(body, "too little sleep (read more)"), body);
    CHECK(contains(body, "put off until the spring"));
    CHECK(!contains(body, "Tram line to the airport"));
}

TEST_CASE("extract: a leading line of a link that a <br> breaks mid-sentence is the article's "
          "first sentence; a leading line of links alone is not") {
    const std::string post = "<p><a href='/neighbours'>Neighbouring posts: the drafting group "
                             "and its changes</a><br>Visit <a href='/b'>Boy Mama Teacher "
                             "Mama</a> to see<br>how to create this craft with the children, "
                             "step by step, with paint and a few ears of corn.</p>" +
                             prose;
    const std::string body =
        extract_string("<html><body><div class='entry'>" + post + "</div></body></html>")
            .article.body;
    CHECK_MESSAGE(contains(body, "Visit Boy Mama Teacher Mama to see"), body);
    CHECK(contains(body, "how to create this craft"));
    CHECK(!contains(body, "Neighbouring posts"));
}

TEST_CASE("extract: the byline under the headline and at the top of the text is the article's; "
          "other lines between headline and text are not") {
    const std::string page =
        "<html><body><div class='post'><h2>Harbour bridge reopens</h2><div class='meta'>By <a "
        "class='author' href='/a'>Jane Doe</a> on March 3, 2012</div><div class='tools'>Share "
        "this page with friends</div><div class='entry'>" +
        prose + prose + "</div></div></body></html>";
    const std::string body = extract_string(page).article.body;
    CHECK_MESSAGE(body.starts_with("By Jane Doe on March 3, 2012"), body);
    CHECK(!contains(body, "Share this page"));

    const std::string inside = extract_string("<html><body><article><p>By John Roe</p>" + prose +
                                              prose + "</article></body></html>")
                                   .article.body;
    CHECK_MESSAGE(inside.starts_with("By John Roe"), inside);
}

TEST_CASE("extract: a sign-off a <br> breaks off the post's last paragraph is kept; a trailing "
          "'Tweet' paragraph is not") {
    const std::string body =
        extract_string(
            "<html><body><div class='entry'>" + prose + prose +
            "<p>Hope to see you there.<br>Have a fun weekend!<br>Ross</p><p>Tweet</p></div>"
            "</body></html>")
            .article.body;
    CHECK_MESSAGE(contains(body, "Hope to see you there."), body);
    CHECK(contains(body, "Have a fun weekend!"));
    CHECK(body.ends_with("Ross"));
}

TEST_CASE("extract: a list of prose items inside the article is kept, whatever the list tag's "
          "score; a list of headlines is not") {
    std::string bullets = "<ul>";
    for (const char* item :
         {"Almost thirty years ago, the legislators passed a law that ended the state's oversight "
          "of the homes that claim its rules hamper them",
          "The paper spent a year investigating more than thirty of the homes that have housed "
          "children across the state",
          "Regulators have tried to shut the worst of them down, and the licence lasted only two "
          "years before it ran out"})
        bullets += std::string("<li>") + item + "</li>";
    bullets +=
        "<li><p>The paper says the exemption has for decades let the homes avoid the state's "
        "rules on punishment</p></li></ul>";
    std::string html = "<html><body><div class='entry'>" + prose + bullets + prose +
                       "<ul><li><a href='/a'>Our other stories of the week</a></li><li><a "
                       "href='/b'>Ten gadgets for a summer party</a></li></ul>" +
                       prose + "</div></body></html>";
    const std::string body = extract_string(html).article.body;
    for (const char* kept : {"Almost thirty years ago", "The paper spent a year investigating",
                             "Regulators have tried", "the exemption has for decades"})
        CHECK_MESSAGE(contains(body, kept), kept << " missing from: " << body);
    CHECK(!contains(body, "Ten gadgets"));
}

TEST_CASE("extract: a byline in a box named like furniture at the top of the article is kept; "
          "such a box further down is not") {
    std::string html =
        "<html><body><div class='entry'><p class='meta'>Posted on November 12, 2012 4:25AM by "
        "<a href='/author/np'>Nicole Perry</a> &middot; <a href='#c'>0 comments</a></p>" +
        prose +
        "<p>The vote is expected next week, when the drafting group reports back to the full "
        "committee.</p><p class='meta'>Photo by Jane Doe, drafted by the staff</p>" +
        prose + "</div></body></html>";
    const std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(body.starts_with("Posted on November 12, 2012 4:25AM by Nicole Perry"), body);
    CHECK(contains(body, "The vote is expected next week"));
    CHECK(!contains(body, "Jane Doe"));
}

TEST_CASE("extract: the byline in the article's <header> and a byline box under its heading are "
          "kept; a 'Supported by' label there is not") {
    const std::string header =
        "<header><h2>The committee sends the proposal back</h2><div class='details'>Posted by <a "
        "href='/~tim'>timothy</a> on Tuesday July 24, @10:05AM</div><div>Supported by the Council "
        "Fund</div></header>";
    const std::string rest =
        "<p>The drafting group, which has met twice since the spring, will report back to the "
        "full committee in the first week of September, its chair said.</p><p>Several members, "
        "among them the two who had voted against the first draft, asked for more time to read "
        "the changes before the next vote.</p><p>The proposal, which would change how the city "
        "buys its buses, has been debated since last year.</p>";
    const std::string in_header =
        extract_string("<html><body><article>" + header + "<div class='body'>" + prose + rest +
                       "</div></article></body></html>")
            .article.body;
    CHECK_MESSAGE(contains(in_header, "Posted by timothy on Tuesday July 24, @10:05AM"), in_header);
    CHECK(!contains(in_header, "Supported by"));
    const std::string in_box =
        extract_string("<html><body><div class='entry'><h2>The committee sends the proposal "
                       "back</h2><p class='meta'>Posted on July 24, 2012 by Tim Jones</p>" +
                       prose + "</div></body></html>")
            .article.body;
    CHECK_MESSAGE(contains(in_box, "Posted on July 24, 2012 by Tim Jones"), in_box);
}

TEST_CASE("extract: a byline box after a gallery's line of links at the article's top is kept, "
          "the links are not") {
    const std::string html =
        "<html><body><div class='entry'><a href='/g?s=0'>Previous</a> <span>1 / 7</span> <a "
        "href='/g?s=2'>Next</a><p class='meta'>Posted on August 9, 2012 7:41AM by <a "
        "href='/author/lmg'>Laura Given</a></p>" +
        prose + "</div></body></html>";
    const std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(body.starts_with("Posted on August 9, 2012 7:41AM by Laura Given"), body);
    CHECK(!contains(body, "Previous"));
}

TEST_CASE("extract: a trailing line that credits the photos or the source is kept among the "
          "trimmed ones") {
    const std::string html = "<html><body><div class='entry'>" + prose +
                             "<p>Photo: Courtesy of the City Council</p><p>[Via The Daily "
                             "Planet]</p><p><a href='/share'>Share this story</a></p><p>Source: "
                             "<a href='http://example.com/'>http://example.com/</a></p></div>"
                             "</body></html>";
    const std::string body = extract_string(html).article.body;
    for (const char* kept : {"Photo: Courtesy of the City Council", "[Via The Daily Planet]"})
        CHECK_MESSAGE(contains(body, kept), kept << " missing from: " << body);
    CHECK(!contains(body, "Share this story"));
    CHECK(!contains(body, "example.com"));
}

TEST_CASE("extract: a breadcrumb trail opening the article is no article text") {
    const std::string html = "<html><body><div class='entry'><p>Home / Auto News / News article: "
                             "Audi City opens for business</p>" +
                             prose + "</div></body></html>";
    const std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(body.starts_with("The committee met"), body);
    CHECK(!contains(body, "Auto News"));
}

TEST_CASE("extract: a list of links holding a quarter of the post's text is its roundup; a "
          "list of related posts is not") {
    std::string roundup = "<ul>";
    for (const char* item :
         {"Council votes on the new bus lanes", "Mayor names a new transport chief",
          "Tram line reopens after repairs", "City buys forty electric buses"})
        roundup += std::string("<li><a href='/s'>") + item + "</a></li>";
    roundup += "</ul>";
    const std::string html =
        "<html><body><div class='entry'>" + prose + "<p>Here are the week's other stories:</p>" +
        roundup +
        "<p>The council meets again on Monday, when the drafting group reports back.</p><ul "
        "class='related-posts'><li><a href='/r1'>Ten gadgets for a summer party</a></li><li><a "
        "href='/r2'>Our favourite laptops of the year</a></li><li><a href='/r3'>How to pack for "
        "a long trip</a></li></ul></div></body></html>";
    const std::string body = extract_string(html).article.body;
    CHECK_MESSAGE(contains(body, "Tram line reopens after repairs"), body);
    CHECK(!contains(body, "Ten gadgets"));
}
