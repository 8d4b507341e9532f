// Hostile input at the source level: compression bombs (gzip, concatenated members, archives),
// JSON records with NUL bytes, invalid UTF-8 or deep nesting, binary and UTF-16 inputs, empty
// inputs, oversized articles, a WARC length that lies past the end, folder walks with symbolic
// link loops and broken links, and the stop request (SIGINT/SIGTERM) seen by readers. Also what
// is not news (skipped in folders and archives), and JSON documents (arrays, pretty-printed).
#include "indexer/convert.h"
#include "indexer/inputs.h"
#include "indexer/json_record.h"
#include "indexer/sources/not_news.h"
#include "indexer/sources/source.h"
#include "indexer/stop.h"
#include "sources_collect.h"

#include <archive.h>
#include <archive_entry.h>
#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pthread.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>
#include <zlib.h>

using namespace dateline;

namespace {

using testing::Collected;
using testing::read_bytes;

// One gzip member of `copies` times `chunk`, built without holding the output: the deflate stream
// of a full-flushed chunk repeats byte for byte. The CRC is right only with `crc` (no reader
// should get to the end of a bomb).
std::string gzip_bomb(const std::string& chunk, int copies, bool crc = false) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    auto run = [&](const std::string& in, int flush) {
        std::string out(compressBound(static_cast<uLong>(in.size())) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs.avail_in = static_cast<uInt>(in.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        deflate(&zs, flush);
        out.resize(out.size() - zs.avail_out);
        return out;
    };
    std::string first = run(chunk, Z_FULL_FLUSH), again = run(chunk, Z_FULL_FLUSH);
    std::string end = run("", Z_FINISH);
    deflateEnd(&zs);
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out += first;
    for (int i = 1; i < copies; ++i)
        out += again;
    out += end;
    uLong check = crc32(0, nullptr, 0);
    for (int i = 0; crc && i < copies; ++i)
        check = crc32(check, reinterpret_cast<const Bytef*>(chunk.data()),
                      static_cast<uInt>(chunk.size()));
    const auto size = static_cast<uLong>(chunk.size()) * static_cast<uLong>(copies);
    for (uLong v : {check, size})
        for (int k = 0; k < 4; ++k)
            out += static_cast<char>((v >> (8 * k)) & 0xFF);
    return out;
}

std::string reason_of(const std::string& line) {
    try {
        article_from_record(line, FieldMap{});
    } catch (const RecordError& e) {
        return e.what();
    }
    return "";
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/dateline-hostile-XXXXXX";
        REQUIRE(mkdtemp(name));
        path = name;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path / "locked", std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path, ec);
    }
};

} // namespace

TEST_CASE("expansion guard: past the floor, output may not outgrow input by the ratio") {
    ExpansionGuard guard(ExpansionLimits{1000, 10, 100});
    guard.consumed(5);
    CHECK_NOTHROW(guard.produced(100)); // at the floor: ratio not checked yet
    guard.consumed(5);
    CHECK_NOTHROW(guard.produced(0)); // 100 out of 10 in: 10 times
    CHECK_THROWS_WITH_AS(guard.produced(1), doctest::Contains("compression bomb"), InputError);
    ExpansionGuard absolute(ExpansionLimits{50, 1e9, 1 << 20});
    absolute.consumed(1);
    CHECK_THROWS_WITH_AS(absolute.produced(51), doctest::Contains("--max-expanded-size"),
                         InputError);
}

TEST_CASE("gzip bomb: stopped after the floor, not after gigabytes") {
    const std::string chunk(1 << 20, '\n');
    std::string bomb = gzip_bomb(chunk, 1024); // 1 GiB of newlines in about a megabyte
    CHECK(bomb.size() < (2u << 20));
    InputReader in(memory_source(bomb), ExpansionLimits{1ull << 40, 100, 8u << 20});
    std::string out;
    CHECK_THROWS_WITH_AS(while (in.read(out = {}, 1 << 20) > 0){},
                         doctest::Contains("compression bomb"), InputError);
    // Through the source path: the input is named and rejected as a whole.
    SourceOptions options;
    options.expansion = ExpansionLimits{1ull << 40, 100, 8u << 20};
    Collected c;
    InputReader stream(memory_source(bomb), options.expansion);
    CHECK_THROWS_WITH_AS(
        read_stream(stream, "bomb.jsonl.gz", "bomb.jsonl.gz", 0, options, testing::sink_for(c)),
        doctest::Contains("compression bomb"), InputError);
}

TEST_CASE("gzip: concatenated members count together against the limits") {
    std::string member = gzip_bomb(std::string(1 << 20, '\n'), 4, true);
    std::string many;
    for (int i = 0; i < 8; ++i)
        many += member;
    InputReader in(memory_source(many), ExpansionLimits{6u << 20, 1e9, 1u << 20});
    std::string out;
    CHECK_THROWS_WITH_AS(while (in.read(out = {}, 1 << 20) > 0){},
                         doctest::Contains("--max-expanded-size"), InputError);
}

TEST_CASE("zip bomb: the member is rejected and the rest of the archive skipped") {
    // A zip written by libarchive: a bomb member (8 MiB of newlines), then a good one.
    std::string zip;
    {
        std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
        archive_write_set_format_zip(a.get());
        archive_write_open(
            a.get(), &zip, nullptr,
            [](archive*, void* out, const void* data, size_t n) -> la_ssize_t {
                static_cast<std::string*>(out)->append(static_cast<const char*>(data), n);
                return static_cast<la_ssize_t>(n);
            },
            nullptr);
        auto add = [&](const char* name, const std::string& data) {
            std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(),
                                                                       archive_entry_free);
            archive_entry_set_pathname(e.get(), name);
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_perm(e.get(), 0644);
            archive_entry_set_size(e.get(), static_cast<la_int64_t>(data.size()));
            archive_write_header(a.get(), e.get());
            archive_write_data(a.get(), data.data(), data.size());
        };
        add("bomb.jsonl", std::string(8u << 20, '\n'));
        add("good.jsonl", "{\"id\": \"g\", \"title\": \"Good\", \"body\": \"Good text.\"}\n");
        archive_write_close(a.get());
    }
    REQUIRE(zip.size() < (1u << 20));
    SourceOptions options;
    options.expansion = ExpansionLimits{1ull << 40, 100, 1u << 20};
    Collected c;
    InputReader in(memory_source(zip), options.expansion);
    read_stream(in, "x.zip", "x.zip", 0, options, testing::sink_for(c));
    REQUIRE(c.rejects.size() == 1);
    CHECK(c.rejects[0].starts_with("x.zip:bomb.jsonl: compression bomb"));
    CHECK(c.rejects[0].find("the rest of the archive is skipped") != std::string::npos);
    CHECK(c.items.empty());
    // With room enough, both members are read.
    options.expansion.max_ratio = 1e9;
    Collected ok;
    InputReader again(memory_source(zip), options.expansion);
    read_stream(again, "x.zip", "x.zip", 0, options, testing::sink_for(ok));
    CHECK(ok.items.size() == 1);
}

TEST_CASE("json records: NUL bytes, invalid UTF-8 and deep nesting are named with their byte") {
    CHECK(reason_of(std::string("{\"title\": \"a\0b\"}", 16)) == "NUL byte at byte 13");
    CHECK(reason_of("{\"title\": \"\xff\"}") == "invalid UTF-8 at byte 12 (invalid byte)");
    CHECK(reason_of("{\"title\": \"\xc0\xaf\"}") == "invalid UTF-8 at byte 12 (overlong encoding)");
    CHECK(reason_of("{\"title\": \"\xe0\x80\xaf\"}") ==
          "invalid UTF-8 at byte 12 (overlong encoding)");
    CHECK(reason_of("{\"title\": \"\xed\xa0\x80\"}") ==
          "invalid UTF-8 at byte 12 (UTF-16 surrogate)");
    CHECK(reason_of("{\"title\": \"\xf4\x90\x80\x80\"}") ==
          "invalid UTF-8 at byte 12 (code point past U+10FFFF)");
    CHECK(reason_of("{\"title\": \"\xe2\x82\"}") ==
          "invalid UTF-8 at byte 12 (sequence cut short)");
    CHECK(reason_of("{\"title\": \"caf\xc3\xa9 \xf0\x9f\x98\x80\"}").empty()); // valid
    CHECK(reason_of("{\"title\": \"a\\u0000b\"}").empty()); // an escaped NUL is JSON
    std::string deep =
        "{\"title\": \"t\", \"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
    CHECK(reason_of(deep) == "JSON nested deeper than 64 levels at byte 84");
    std::string in_string = "{\"title\": \"" + std::string(100, '[') + "\"}";
    CHECK(reason_of(in_string).empty()); // brackets in a string do not nest
    std::string ok =
        "{\"title\": \"t\", \"x\": " + std::string(60, '[') + std::string(60, ']') + "}";
    CHECK(reason_of(ok).empty());
}

TEST_CASE("sources: empty, blank, binary and UTF-16 inputs are refused with the reason") {
    CHECK_THROWS_WITH_AS(read_bytes("", "x.jsonl"), "empty file", InputError);
    CHECK_THROWS_WITH_AS(read_bytes("\n \n\n", "x.jsonl"), "no records: only white space",
                         InputError);
    CHECK_THROWS_WITH_AS(read_bytes(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "x.txt"),
                         "binary data (a PNG image), not news", InputError);
    CHECK_THROWS_WITH_AS(read_bytes(std::string("%PDF-1.7\n"), "x.html"),
                         "binary data (a PDF document), not news", InputError);
    std::string wide;
    for (char ch : std::string("Headline\n\nSome text about the harbour."))
        wide += std::string{ch, '\0'};
    CHECK_THROWS_WITH_AS(read_bytes(wide, "x.txt"),
                         doctest::Contains("UTF-16 text needs a byte order mark"), InputError);
    CHECK_THROWS_WITH_AS(read_bytes("\xFF\xFE" + wide, "x.jsonl"),
                         "UTF-16LE text (byte order mark): JSON Lines must be UTF-8", InputError);
    // Text in an 8-bit charset is not binary; a few stray NUL bytes do not make a file binary.
    CHECK(read_bytes("Caf\xe9 cr\xe8me\n\nLe caf\xe9 du port.", "x.txt").items.size() == 1);
    auto nul = read_bytes(
        std::string("Head\0line\n\nBody text\0 here, long enough to be text.", 50), "x.txt");
    REQUIRE(nul.items.size() == 1);
    CHECK(nul.items[0].content.find('\0') == std::string::npos);
}

TEST_CASE("sources: UTF-16 and UTF-32 pages with a byte order mark become UTF-8") {
    const std::u16string text = u"<html><head><title>Caf\u00e9 \U0001F600</title></head></html>";
    std::string le = "\xFF\xFE", be = "\xFE\xFF";
    for (char16_t u : text) {
        le += {static_cast<char>(u & 0xFF), static_cast<char>(u >> 8)};
        be += {static_cast<char>(u >> 8), static_cast<char>(u & 0xFF)};
    }
    for (const auto& bytes : {le, be}) {
        auto c = read_bytes(bytes, "page.html");
        REQUIRE(c.items.size() == 1);
        CHECK(c.items[0].content ==
              "\xEF\xBB\xBF<html><head><title>Caf\xc3\xa9 \xf0\x9f\x98\x80</title></head></html>");
    }
    std::string le32("\xFF\xFE\0\0", 4);
    for (char32_t u : std::u32string(U"<p>\u00e9</p>"))
        le32 += {static_cast<char>(u & 0xFF), static_cast<char>((u >> 8) & 0xFF),
                 static_cast<char>((u >> 16) & 0xFF), '\0'};
    auto c = read_bytes(le32, "page.html");
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].content == "\xEF\xBB\xBF<p>\xc3\xa9</p>");
}

TEST_CASE("convert: an article with more text than the limit is refused") {
    RawItem item;
    item.content =
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"" + std::string(2000, 'x') + "\"}";
    CHECK_THROWS_WITH_AS(to_article(item, FieldMap{}, 1000),
                         "article text of 2001 bytes is longer than 1000 (--max-article-size)",
                         RecordError);
    CHECK(to_article(item, FieldMap{}, 2001).body.size() == 2000);
}

TEST_CASE(
    "warc: a Content-Length past the end of the input does not swallow the records after it") {
    auto record = [](const std::string& uri, const std::string& body, const std::string& length) {
        std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
        return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
               "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
               (length.empty() ? std::to_string(block.size()) : length) + "\r\n\r\n" + block +
               "\r\n\r\n";
    };
    const std::string page = "<html><body><p>Text</p></body></html>";
    auto c = read_bytes(record("https://a.example/1", page, "") +
                            record("https://a.example/2", page, "99999999999") +
                            record("https://a.example/3", page, ""),
                        "x.warc");
    REQUIRE(c.rejects.size() == 1);
    CHECK(
        c.rejects[0].starts_with("x.warc:2: Content-Length 99999999999 but the input ends after"));
    REQUIRE(c.items.size() == 2);
    CHECK(c.items[0].url == "https://a.example/1");
    CHECK(c.items[1].url == "https://a.example/3");
}

TEST_CASE("inputs: folder walks name link loops and broken links, and never follow folder links") {
    TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.path / "sub");
    std::ofstream(dir.path / "a.jsonl") << "{}\n";
    std::ofstream(dir.path / "sub" / "b.jsonl") << "{}\n";
    fs::create_symlink("loop-b", dir.path / "loop-a");
    fs::create_symlink("loop-a", dir.path / "loop-b");
    fs::create_symlink("nowhere", dir.path / "dangling");
    fs::create_symlink("..", dir.path / "sub" / "up");
    fs::create_symlink("../a.jsonl", dir.path / "sub" / "link.jsonl");
    REQUIRE(mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
    std::vector<std::string> reports;
    auto files = expand_inputs({dir.path.string(), (dir.path / "loop-a").string()},
                               [&](const std::string& p, const std::string& why) {
                                   reports.push_back(fs::path(p).filename().string() + ": " + why);
                               });
    std::vector<std::string> names;
    for (const auto& f : files)
        names.push_back(fs::path(f.path).lexically_relative(dir.path).string());
    CHECK(names == std::vector<std::string>{"a.jsonl", "sub/b.jsonl", "sub/link.jsonl"});
    CHECK(reports ==
          std::vector<std::string>{"dangling: broken symbolic link", "loop-a: symbolic link loop",
                                   "loop-b: symbolic link loop", "loop-a: symbolic link loop"});
}

TEST_CASE("inputs: an unreadable folder is named (when file modes apply to this user)") {
    if (geteuid() == 0) {
        MESSAGE("skipped as root: file modes do not stop root (tests/e2e/hostile_files.sh "
                "drops privileges)");
        return;
    }
    TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.path / "locked");
    fs::permissions(dir.path / "locked", fs::perms::none);
    std::vector<std::string> reports;
    expand_inputs({dir.path.string()}, [&](const std::string& p, const std::string& why) {
        reports.push_back(fs::path(p).filename().string() + ": " + why);
    });
    CHECK(reports == std::vector<std::string>{"locked: cannot read folder: Permission denied"});
}

TEST_CASE("stop: a stop request ends reading with Interrupted, not an input error") {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    REQUIRE(write(fds[1], "{\"title\": \"a\"}\n", 15) == 15);
    const int saved = dup(STDIN_FILENO);
    dup2(fds[0], STDIN_FILENO);
    InputReader in("-");
    dup2(saved, STDIN_FILENO);
    close(saved);
    close(fds[0]);
    std::string line;
    bool truncated = false;
    REQUIRE(in.read_line(line, truncated, 100));
    CHECK(line == "{\"title\": \"a\"}");
    // The writer stays open: the next read blocks until a signal interrupts it.
    install_stop_handlers();
    const pthread_t reader = pthread_self();
    std::thread signaller([reader] {
        usleep(100000);
        pthread_kill(reader, SIGTERM);
    });
    CHECK_THROWS_AS(in.read_line(line, truncated, 100), Interrupted);
    signaller.join();
    CHECK(stop_requested());
    CHECK(stop_signal() == SIGTERM);
    request_stop(0);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    close(fds[1]);
}

TEST_CASE("not news: binary data and scripts by content, software files by name") {
    CHECK(not_news_content("#!/usr/bin/env python3\nprint(1)\n") ==
          "a script (#!/usr/bin/env python3), not news");
    CHECK(not_news_content("GIF89a\x01\x00") == "binary data (a GIF image), not news");
    CHECK(not_news_content("Headline\n\nThe council met on Tuesday.").empty());
    CHECK(not_news_content("{\"title\": \"t\"}\n").empty());
    CHECK(not_news_name("a/b/README.md") == "a software folder's file (readme.md), not news");
    CHECK(not_news_name("LICENSE") == "a software folder's file (license), not news");
    CHECK(not_news_name("x/Makefile") == "a build file (makefile), not news");
    CHECK(not_news_name("tools/fetch.py") == "source code or configuration (.py), not news");
    CHECK(not_news_name("assets/logo.PNG") == "not text (.png), not news");
    // News files, even with names that start like those.
    for (const char* news : {"changes-in-council.html", "readme-the-mayor.txt", "2021/a.jsonl",
                             "feed.xml", "story.json", "page.htm", "notes.txt", "cc.warc.gz"}) {
        CAPTURE(news);
        CHECK(not_news_name(news).empty());
    }
}

TEST_CASE("not news: skipped inside archives when the sink has a skip, else rejected") {
    std::string tar;
    {
        std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
        archive_write_set_format_pax_restricted(a.get());
        archive_write_open(
            a.get(), &tar, nullptr,
            [](archive*, void* out, const void* data, size_t n) -> la_ssize_t {
                static_cast<std::string*>(out)->append(static_cast<const char*>(data), n);
                return static_cast<la_ssize_t>(n);
            },
            nullptr);
        auto add = [&](const char* name, const std::string& data) {
            std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(),
                                                                       archive_entry_free);
            archive_entry_set_pathname(e.get(), name);
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_perm(e.get(), 0644);
            archive_entry_set_size(e.get(), static_cast<la_int64_t>(data.size()));
            archive_write_header(a.get(), e.get());
            archive_write_data(a.get(), data.data(), data.size());
        };
        add("README.md", "# Dumps\n\nNews dumps of 2021.\n");
        add("run.sh", "#!/bin/sh\nexit 0\n");
        add("news.jsonl", "{\"id\": \"n\", \"title\": \"News\", \"body\": \"Text.\"}\n");
        archive_write_close(a.get());
    }
    Collected c;
    std::vector<std::string> skipped;
    SourceSink sink = testing::sink_for(c);
    sink.skip = [&](const std::string& l, const std::string& r) {
        skipped.push_back(l + ": " + r);
    };
    InputReader in(memory_source(tar));
    read_stream(in, "x.tar", "x.tar", 0, SourceOptions{}, sink);
    CHECK(c.items.size() == 1);
    CHECK(c.rejects.empty());
    CHECK(skipped == std::vector<std::string>{
                         "x.tar:README.md: a software folder's file (readme.md), not news",
                         "x.tar:run.sh: source code or configuration (.sh), not news"});
    Collected strict = read_bytes(tar, "x.tar"); // no skip: rejected, named
    CHECK(strict.rejects.size() == 2);
}

TEST_CASE("json documents: an array of articles, pretty-printed objects, not JSON Lines") {
    auto arr = read_bytes("[\n  {\"id\": \"a\", \"title\": \"A [x], {y}\"},\n  {\"id\": \"b\", "
                          "\"tags\": [1, 2]},\n  \"text\"\n]\n",
                          "x.json");
    REQUIRE(arr.items.size() == 3);
    CHECK(arr.items[0].content == "{\"id\": \"a\", \"title\": \"A [x], {y}\"}");
    CHECK(arr.items[1].content == "{\"id\": \"b\", \"tags\": [1, 2]}");
    CHECK(arr.items[2].content == "\"text\""); // rejected by the record parser, at its line
    CHECK(arr.items[0].location() == "x.json:2");
    CHECK(arr.items[2].location() == "x.json:4");
    auto compact = read_bytes("[{\"id\": \"1\"}, {\"id\": \"2\"}]\n", "x.json");
    CHECK(compact.items.size() == 2);
    // Pretty-printed objects one after the other, as jq prints them.
    auto jq =
        read_bytes("{\n  \"id\": \"o\",\n  \"title\": \"T\"\n}\n{\n  \"id\": \"p\"\n}\n", "x.json");
    REQUIRE(jq.items.size() == 2);
    CHECK(article_from_record(jq.items[0].content, FieldMap{}).id == "o");
    CHECK(jq.items[1].location() == "x.json:5");
    // JSON Lines stays JSON Lines, whatever the name, and a bad first line does not change that.
    CHECK(read_bytes("{\"id\": \"1\"}\n{\"id\": \"2\"}\n", "x.json").items.size() == 2);
    CHECK(read_bytes("[[1]]\n{\"id\": \"2\"}\n", "x.jsonl").items.size() == 2);
    CHECK_THROWS_WITH_AS(read_bytes("[{\"id\": \"1\"},\n{\"id\": ", "x.json"),
                         doctest::Contains("does not close"), InputError);
    CHECK_THROWS_WITH_AS(read_bytes("[ ]\n", "x.json"), "no records: an empty JSON array",
                         InputError);
}
