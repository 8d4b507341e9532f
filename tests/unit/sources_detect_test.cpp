// Format detection from content, decompression (gzip, zstd, bzip2, xz) and archives (tar, zip).
#include "indexer/inputs.h"
#include "indexer/sources/format.h"
#include "indexer/sources/source.h"
#include "sources_collect.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;

namespace {

using testing::Collected;
using testing::read_file;

const std::string fixtures = std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/sources/";
const std::string samples = std::string(DATELINE_SOURCE_DIR) + "/corpora/sample/formats/";

} // namespace

TEST_CASE("detect: content decides, the name only when the content does not tell") {
    CHECK(sniff_format("WARC/1.0\r\nWARC-Type: warcinfo\r\n") == Format::warc);
    CHECK(sniff_format("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">") ==
          Format::rss);
    CHECK(sniff_format("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">") ==
          Format::rss);
    CHECK(sniff_format("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">") ==
          Format::atom);
    CHECK_FALSE(sniff_format("<feed xmlns=\"urn:something-else\">"));
    CHECK(
        sniff_format("<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.5//EN\" \"nitf.dtd\">\n<nitf>") ==
        Format::nitf);
    CHECK(sniff_format("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"a>b\">]><g2:newsItem "
                       "xmlns:g2=\"x\">") == Format::newsml);
    CHECK(sniff_format("<newsMessage>") == Format::newsml);
    CHECK(sniff_format("<!doctype html><html lang=en>") == Format::html);
    CHECK(sniff_format("PK\x03\x04rest") == Format::archive);
    std::string tar(512, '\0');
    tar.replace(257, 5, "ustar");
    CHECK(sniff_format(tar) == Format::archive);
    CHECK_FALSE(sniff_format("{\"title\":\"x\"}"));
    CHECK_FALSE(sniff_format("Plain text"));

    CHECK(detect_format("{\"a\":1}\n", "x.html") ==
          Format::html); // content does not tell: the name wins
    CHECK(detect_format("<rss version=\"2.0\">", "x.jsonl") == Format::rss);
    CHECK(detect_format("WARC/1.1\r\n", "page.html") == Format::warc);
    CHECK(detect_format("{\"a\":1}", "x.dat") == Format::jsonl);
    CHECK(detect_format("<p>hi</p>", "x.dat") == Format::html);
    CHECK(detect_format("just words", "x.dat") == Format::text);

    CHECK(format_from_name("a/B.WARC.GZ") == Format::warc);
    CHECK(format_from_name("x.jsonl.zst") == Format::jsonl);
    CHECK(format_from_name("x.tgz") == Format::archive);
    CHECK(format_from_name("story.nitf.xml") == Format::nitf);
    CHECK_FALSE(format_from_name("x.xml"));
    CHECK(logical_name("Dir/X.JSONL.BZ2") == "x.jsonl");
}

TEST_CASE("inputs: zstd, bzip2 and xz are undone; truncated data is an error") {
    for (const char* name : {"records.jsonl.zst", "records.jsonl.bz2", "records.jsonl.xz"}) {
        CAPTURE(name);
        auto c = read_file(fixtures + name);
        CHECK(c.rejects.empty());
        REQUIRE(c.items.size() == 2);
        CHECK(c.items[0].kind == RawItem::Kind::json_record);
        CHECK(c.items[1].content.find("\"z2\"") != std::string::npos);
    }
    InputReader zst(fixtures + "records.jsonl.zst");
    CHECK(zst.compression() == "zstd");
    CHECK_THROWS_AS(read_file(fixtures + "truncated.jsonl.zst"), InputError);
}

TEST_CASE("inputs: peek, read and unread") {
    InputReader in(memory_source("abcdef\nghi"));
    CHECK(in.peek(3) == "abc");
    std::string out;
    CHECK(in.read(out, 4) == 4);
    CHECK(out == "abcd");
    in.unread("XY");
    std::string line;
    bool truncated = false;
    REQUIRE(in.read_line(line, truncated, 100));
    CHECK(line == "XYef");
    CHECK(in.read_all(100) == "ghi");
}

TEST_CASE("archives: tar with compressed, hidden and broken members; origins name the member") {
    auto c = read_file(fixtures + "mixed.tar");
    REQUIRE(c.items.size() == 3);
    CHECK(c.items[0].location() == fixtures + "mixed.tar:a/good.jsonl.gz:1");
    CHECK(c.items[1].location() == fixtures + "mixed.tar:a/good.jsonl.gz:2");
    CHECK(c.items[2].location() == fixtures + "mixed.tar:a/feed.xml:1");
    CHECK(c.items[2].article->title == "Atom in a tar");
    REQUIRE(c.items[0].fetched_at);
    CHECK(c.items[0].fetched_at->seconds == 1700000000); // the member's mtime
    REQUIRE(c.rejects.size() == 1);
    CHECK(c.rejects[0].starts_with(fixtures + "mixed.tar:a/bad.rss: not well-formed XML"));
}

TEST_CASE("archives: the sample tar.gz and zip, also from a stream and under a misleading name") {
    for (const char* name : {"pages.tar.gz", "pages.zip"}) {
        CAPTURE(name);
        auto c = read_file(samples + name);
        CHECK(c.rejects.empty());
        REQUIRE(c.items.size() == 4);
        CHECK(c.items[0].kind == RawItem::Kind::json_record);
        CHECK(c.items[2].kind == RawItem::Kind::html_page);
        CHECK(c.items[2].origin.starts_with(samples + name + ":"));
        CHECK(c.items[2].origin.ends_with(".html"));

        InputReader whole(samples + name);
        std::string bytes = whole.read_all(1 << 20);
        InputReader stream(memory_source(bytes));
        Collected s;
        read_stream(stream, "misleading.txt", "stdin", 0, SourceOptions{}, sink_for(s));
        CHECK(s.rejects.empty());
        CHECK(s.items.size() == 4);
    }
}
