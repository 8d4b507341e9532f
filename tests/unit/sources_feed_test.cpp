// RSS and Atom readers: item mapping, HTML to text, rejects; and XML safety (XXE, entity bombs).
#include "indexer/inputs.h"
#include "indexer/sources/feed_reader.h"
#include "indexer/sources/html_text.h"
#include "indexer/sources/source.h"
#include "sources_collect.h"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace dateline;

namespace {

using testing::Collected;

Collected read_bytes(std::string bytes, const std::string& name = "feed.xml") {
    return testing::read_bytes(std::move(bytes), name);
}

const char* rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Example</title><language>en-us</language>
<item>
  <title>First &amp; foremost</title>
  <link>https://news.example/1</link>
  <guid isPermaLink="false">ex-1</guid>
  <pubDate>Wed, 17 Mar 2021 10:15:00 GMT</pubDate>
  <author>desk@news.example (Jane Roe)</author>
  <dc:creator>Ola Nordmann</dc:creator>
  <category>Politics</category><category>politics</category><category>Economy</category>
  <description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<div><p>Para one.</p><script>var x = 1;</script><p>Para <i>two</i>.</p>Tail<br>After break</div>]]></content:encoded>
</item>
<item>
  <title>Only a description</title>
  <guid>https://news.example/2</guid>
  <description>Plain text description.</description>
</item>
<item><link>https://news.example/3</link></item>
<item><title>Bad date</title><pubDate>someday</pubDate><description>x</description></item>
</channel></rss>)";

} // namespace

TEST_CASE("rss: one article per item with every field mapped") {
    auto c = read_bytes(rss);
    REQUIRE(c.items.size() == 2);
    const Article& a = c.article(0);
    CHECK(c.items[0].kind == RawItem::Kind::article);
    CHECK(c.items[0].location() == "feed.xml:1");
    CHECK(a.title == "First & foremost");
    CHECK(a.url == "https://news.example/1");
    CHECK(a.id == "ex-1");
    REQUIRE(a.published);
    CHECK(a.published->seconds == 1615976100); // 2021-03-17T10:15:00Z
    CHECK(a.authors == std::vector<std::string>{"Jane Roe", "Ola Nordmann"});
    CHECK(a.tags == std::vector<std::string>{"Politics", "Economy"});
    CHECK(a.description == "Short summary.");
    CHECK(a.body == "Para one.\n\nPara two.\n\nTail\n\nAfter break");
    CHECK(a.source == "Daily Example");
    CHECK(a.language == "en");
    const Article& b = c.article(1);
    CHECK(b.url == "https://news.example/2"); // permalink guid
    CHECK(b.body == "Plain text description.");
    REQUIRE(c.rejects.size() == 2);
    CHECK(c.rejects[0] == "feed.xml:3: no title and no text");
    CHECK(c.rejects[1] == "feed.xml:4: unparseable pubDate 'someday'");
}

TEST_CASE("atom: entries with html, xhtml and text content; published falls back to updated") {
    auto c = read_bytes(R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE"><title type="text">Beispiel</title>
<entry><title type="html">&lt;em&gt;Erste&lt;/em&gt; Meldung</title>
  <link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/1"/>
  <id>tag:x.example,2021:1</id><published>2021-03-17T10:15:00+01:00</published><updated>2021-03-18T08:00:00Z</updated>
  <author><name>Erika Muster</name></author><author><name>Max Muster</name></author>
  <category term="politik" label="Politik"/><category term="wirtschaft"/>
  <summary>Kurz.</summary>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h2>Zwischentitel</h2><p>Absatz eins.</p><p>Absatz zwei.</p></div></content>
</entry>
<entry xml:lang="en"><title>Second</title><link href="https://x.example/2"/><id>urn:2</id><updated>2021-03-19T00:00:00Z</updated>
  <summary type="html">&lt;p&gt;Only a summary.&lt;/p&gt;</summary></entry>
</feed>)",
                        "f.atom");
    CHECK(c.rejects.empty());
    REQUIRE(c.items.size() == 2);
    const Article& a = c.article(0);
    CHECK(a.title == "Erste Meldung");
    CHECK(a.url == "https://x.example/1");
    CHECK(a.id == "tag:x.example,2021:1");
    CHECK(a.published->seconds == 1615972500); // 09:15 UTC
    CHECK(a.updated->seconds == 1616054400);
    CHECK(a.authors == std::vector<std::string>{"Erika Muster", "Max Muster"});
    CHECK(a.tags == std::vector<std::string>{"Politik", "wirtschaft"});
    CHECK(a.description == "Kurz.");
    CHECK(a.body == "Zwischentitel\n\nAbsatz eins.\n\nAbsatz zwei.");
    CHECK(a.language == "de");
    CHECK(a.source == "Beispiel");
    const Article& b = c.article(1);
    CHECK(b.language == "en");
    CHECK(b.published == b.updated);
    CHECK(b.body == "Only a summary.");
}

TEST_CASE("feeds: a document that is not well-formed XML is an input error") {
    CHECK_THROWS_WITH_AS(
        read_bytes("<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>"),
        doctest::Contains("not well-formed XML"), InputError);
}

TEST_CASE("html to text: blocks become paragraphs, scripts and styles vanish") {
    CHECK(html_to_text("<p>a <b>b</b></p><ul><li>c</li><li>d</li></ul><style>p{}</style>e") ==
          "a b\n\nc\n\nd\n\ne");
    CHECK(html_to_text("  no   markup  ") == "no markup");
    CHECK(html_to_text("Fish &amp; chips") == "Fish & chips");
}

TEST_CASE("xml safety: an external entity is never read") {
    auto secret =
        std::filesystem::temp_directory_path() / ("dateline-xxe-" + std::to_string(::getpid()));
    std::ofstream(secret) << "TOP-SECRET-CONTENT";
    for (std::string target : {"file://" + secret.string(), std::string("file:///etc/passwd")}) {
        CAPTURE(target);
        std::string feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e SYSTEM \"" + target +
                           "\">]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>Leak "
                           "&e; here</title>"
                           "<description>Body &e;</description></item></channel></rss>";
        Collected c;
        try {
            c = read_bytes(feed, "x.html"); // misleading name: the content says RSS
        } catch (const InputError&) {
            continue; // refusing the document is safe too
        }
        for (const auto& item : c.items) {
            CHECK(item.article->title.find("TOP-SECRET") == std::string::npos);
            CHECK(item.article->body.find("TOP-SECRET") == std::string::npos);
            CHECK(item.article->body.find("root:") == std::string::npos);
            CHECK(item.article->title == "Leak here");
        }
    }
    std::string parameter =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM \"file://" + secret.string() +
        "\"> %p;]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>P</title>"
        "</item></channel></rss>";
    try {
        auto c = read_bytes(parameter);
        for (const auto& item : c.items)
            CHECK(item.article->title == "P");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("TOP-SECRET") == std::string::npos);
    }
    std::filesystem::remove(secret);
}

TEST_CASE("xml safety: an entity expansion bomb neither blows up nor hangs") {
    std::string dtd = "<!DOCTYPE rss [<!ENTITY a0 \"laugh laugh laugh laugh laugh laugh laugh "
                      "laugh laugh laugh\">";
    for (int i = 1; i <= 10; ++i) {
        std::string prev = "&a" + std::to_string(i - 1) + ";";
        std::string ten;
        for (int k = 0; k < 10; ++k)
            ten += prev;
        dtd += "<!ENTITY a" + std::to_string(i) + " \"" + ten + "\">";
    }
    dtd += "]>";
    std::string feed =
        "<?xml version=\"1.0\"?>\n" + dtd +
        "<rss version=\"2.0\"><channel><title>t</title><item><title>Bomb &a10;</title>"
        "<description>&a10;</description></item></channel></rss>";
    auto start = std::chrono::steady_clock::now();
    try {
        auto c = read_bytes(feed);
        for (const auto& item : c.items) {
            CHECK(item.article->title.size() < 1000);
            CHECK(item.article->body.size() < 1000);
        }
    } catch (const InputError&) {
        // libxml2 may refuse the document as an entity amplification: fine.
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
