// WARC reader: record parsing, HTML selection, lying lengths, per-record gzip and truncation.
#include "indexer/convert.h"
#include "indexer/inputs.h"
#include "indexer/sources/source.h"
#include "sources_collect.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>
#include <zlib.h>

using namespace dateline;

namespace {

using testing::Collected;

Collected read_bytes(std::string bytes, const std::string& name = "in.warc") {
    return testing::read_bytes(std::move(bytes), name);
}

std::string gzip(const std::string& data) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string record(const std::string& type, const std::string& block, const std::string& uri = "",
                   const std::string& content_type = "application/http; msgtype=response",
                   long length = -1, const std::string& version = "1.1") {
    std::string r =
        "WARC/" + version + "\r\nWARC-Type: " + type + "\r\nWARC-Date: 2023-11-14T12:00:00Z\r\n";
    if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
    r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n";
    r += "Content-Type: " + content_type + "\r\n";
    r +=
        "Content-Length: " + std::to_string(length < 0 ? static_cast<long>(block.size()) : length) +
        "\r\n\r\n";
    return r + block + "\r\n\r\n";
}

std::string http(const std::string& body, const std::string& type = "text/html; charset=ISO-8859-1",
                 const std::string& status = "200 OK", const std::string& extra = "") {
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n" + extra + "\r\n" + body;
}

const std::string page = "<html><head><title>T</title></head><body><p>Hello</p></body></html>";

} // namespace

TEST_CASE(
    "warc: HTML responses become pages with URL, date and charset; other records are skipped") {
    std::string warc =
        record("warcinfo", "software: test\r\n", "", "application/warc-fields") +
        record("request", "GET / HTTP/1.1\r\n\r\n", "https://a.example/1",
               "application/http; msgtype=request") +
        record("response", http(page), "https://a.example/1") +
        record("response", http("\x89PNG....", "image/png"), "https://a.example/i.png") +
        record("response", http("<html>gone</html>", "text/html", "404 Not Found"),
               "https://a.example/x") +
        record("metadata", "fetchTimeMs: 12\r\n", "https://a.example/1",
               "application/warc-fields") +
        record("response",
               http("5\r\n<html\r\n3\r\n>x<\r\n0\r\n\r\n", "text/html", "200 OK",
                    "Transfer-Encoding: chunked\r\n"),
               "<https://a.example/2>") +
        record("resource", page, "file:///saved.html", "text/html; charset=utf-8");
    auto c = read_bytes(warc);
    CHECK(c.rejects.empty());
    REQUIRE(c.items.size() == 3);
    CHECK(c.items[0].kind == RawItem::Kind::html_page);
    CHECK(c.items[0].record == "3");
    CHECK(c.items[0].url == "https://a.example/1");
    CHECK(c.items[0].charset == "ISO-8859-1");
    CHECK(c.items[0].content == page);
    REQUIRE(c.items[0].fetched_at);
    CHECK(c.items[0].fetched_at->seconds == 1699963200); // 2023-11-14T12:00:00Z
    CHECK(c.items[1].record == "7");
    CHECK(c.items[1].url == "https://a.example/2"); // WARC 1.0 angle brackets removed
    CHECK(c.items[1].content == "<html>x<");        // chunked transfer encoding undone
    CHECK(c.items[2].record == "8");
    CHECK(c.items[2].charset == "utf-8");
    CHECK(c.items[0].location() == "in.warc:3");
}

TEST_CASE("warc: a WARC/1.0 CC-NEWS-like response becomes an article: gzip body, HTTP charset, "
          "and the WARC-Date when the page states no date") {
    const std::string story =
        "<html><head><title>Caf\xe9 owners protest rent rises</title></head><body><article>"
        "<h1>Caf\xe9 owners protest rent rises</h1>"
        "<p>Owners of small caf\xe9s marched through the old town on Tuesday against rent rises "
        "that they say will close a third of them before the summer season begins.</p>"
        "<p>The city council said it would meet the owners' association next week to discuss a "
        "temporary cap on commercial rents in the historic centre.</p></article></body></html>";
    const std::string dated =
        "<html><head><title>Port reopens</title>"
        "<meta property=\"article:published_time\" content=\"2023-11-10T08:00:00Z\"></head>"
        "<body><article><h1>Port reopens</h1><p>The port reopened on Friday after a week of "
        "strikes that had left hundreds of lorries queuing on the coast road, officials said, "
        "and shipping lines expect the backlog to clear within days.</p></article></body></html>";
    std::string warc =
        record("response",
               http(gzip(story), "text/html; charset=ISO-8859-1", "200 OK",
                    "Content-Encoding: gzip\r\n"),
               "https://news.example/cafe", "application/http; msgtype=response", -1, "1.0") +
        record("response", http(dated, "text/html; charset=utf-8"), "https://news.example/port",
               "application/http; msgtype=response", -1, "1.0");
    auto c = read_bytes(warc);
    CHECK(c.rejects.empty());
    REQUIRE(c.items.size() == 2);
    REQUIRE(c.items[0].captured_at);
    CHECK(c.items[0].captured_at->seconds == 1699963200); // 2023-11-14T12:00:00Z

    Article cafe = to_article(c.items[0], FieldMap{});
    CHECK(cafe.title == "Caf\u00e9 owners protest rent rises"); // ISO-8859-1 read as such
    CHECK(cafe.url == "https://news.example/cafe");
    REQUIRE(cafe.published);
    CHECK(cafe.published->seconds == 1699963200); // no date on the page: the capture date

    Article port = to_article(c.items[1], FieldMap{});
    REQUIRE(port.published);
    CHECK(port.published->seconds == 1699603200); // the page's own date wins
}

TEST_CASE("warc: a Content-Length that lies rejects that record and the rest goes on") {
    const std::string good1 = record("response", http(page), "https://a.example/1");
    const std::string good2 = record("response", http(page), "https://a.example/2");
    const std::string good3 = record("response", http(page), "https://a.example/3");
    SUBCASE("too long: the block swallows the next record") {
        std::string body = http(page);
        auto c = read_bytes(good1 +
                            record("response", body, "https://a.example/long", "application/http",
                                   static_cast<long>(body.size()) + 40) +
                            good2 + good3);
        REQUIRE(c.rejects.size() == 1);
        CHECK(c.rejects[0].starts_with("in.warc:2: Content-Length"));
        REQUIRE(c.items.size() == 3);
        CHECK(c.items[1].url == "https://a.example/2");
        CHECK(c.items[2].url == "https://a.example/3");
    }
    SUBCASE("too short") {
        std::string body = http(page);
        auto c = read_bytes(
            good1 + record("response", body, "https://a.example/short", "application/http", 20) +
            good2);
        REQUIRE(c.rejects.size() == 1);
        CHECK(c.rejects[0].starts_with("in.warc:2: Content-Length"));
        REQUIRE(c.items.size() == 2);
        CHECK(c.items[1].url == "https://a.example/2");
        CHECK(c.items[1].record == "3");
    }
    SUBCASE("longer than the file") {
        std::string body = http(page);
        auto c = read_bytes(
            good1 + record("response", body, "https://a.example/end", "application/http", 100000));
        REQUIRE(c.rejects.size() == 1);
        CHECK(c.rejects[0].find("in.warc:2: Content-Length 100000 but only") == 0);
        CHECK(c.items.size() == 1);
    }
    SUBCASE("missing") {
        std::string bad = "WARC/1.0\r\nWARC-Type: response\r\n\r\n" + http(page) + "\r\n\r\n";
        auto c = read_bytes(good1 + bad + good2);
        REQUIRE(c.rejects.size() == 1);
        CHECK(c.rejects[0] == "in.warc:2: missing or bad Content-Length");
        REQUIRE(c.items.size() == 2);
        CHECK(c.items[1].url == "https://a.example/2");
    }
}

TEST_CASE("warc: one gzip member per record, and a truncated member is reported with its record") {
    std::string r1 = record("warcinfo", "x: y\r\n", "", "application/warc-fields");
    std::string r2 = record("response", http(page), "https://a.example/1");
    std::string r3 = record("response", http(page + std::string(3000, ' ')), "https://a.example/2");
    std::string members = gzip(r1) + gzip(r2) + gzip(r3);
    auto whole = read_bytes(members, "cc-news.warc.gz");
    CHECK(whole.rejects.empty());
    REQUIRE(whole.items.size() == 2);
    CHECK(whole.items[1].url == "https://a.example/2");

    std::string cut = members.substr(0, members.size() - 30);
    auto truncated = read_bytes(cut, "cc-news.warc.gz");
    REQUIRE(truncated.items.size() == 1);
    CHECK(truncated.items[0].url == "https://a.example/1");
    REQUIRE(truncated.rejects.size() == 1);
    CHECK(truncated.rejects[0].starts_with("cc-news.warc.gz:3: "));
    CHECK(truncated.rejects[0].find("truncated gzip") != std::string::npos);
}

TEST_CASE("warc: the format is found from the content, whatever the name") {
    std::string warc = record("response", http(page), "https://a.example/1");
    auto c = read_bytes(gzip(warc), "notes.txt");
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].url == "https://a.example/1");
    auto not_warc = read_bytes("hello\nworld\n", "crawl.warc");
    CHECK(not_warc.items.empty());
    REQUIRE(not_warc.rejects.size() == 1);
    CHECK(not_warc.rejects[0].find("not a WARC file") != std::string::npos);
}
