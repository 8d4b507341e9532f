// Stubs of remote shards: the reader of query/remote_shards.h (every line form Xapian 1.4 and
// DESIGN name; what is not a stub is left to Xapian), the writer and the shard choice of
// indexer/remote_layout.h, and the fault a shard that does not answer gives.
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "indexer/remote_layout.h"
#include "indexer/shard_layout.h"
#include "query/database.h"
#include "query/remote_shards.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace dateline;
using namespace dateline::query;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/dateline-stub-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

} // namespace

TEST_CASE("remote stub: every line form, comments and local shards") {
    TempDir dir;
    const std::string stub = dir.write("XAPIANDB", "# three shards\n"
                                                   "remote tcp db1.example 4001\n"
                                                   "remote 10.0.0.2:4002\n"
                                                   "\n"
                                                   "remote :xapian-progsrv /srv/shard\n"
                                                   "auto local-shard\n");
    for (const std::string& path : {stub, dir.path.string()}) { // the file, or its folder
        auto shards = remote_stub(path);
        REQUIRE(shards);
        REQUIRE(shards->size() == 4);
        CHECK((*shards)[0].remote);
        CHECK((*shards)[0].host == "db1.example");
        CHECK((*shards)[0].port == 4001);
        CHECK((*shards)[0].name == "db1.example:4001");
        CHECK((*shards)[1].host == "10.0.0.2");
        CHECK((*shards)[1].port == 4002);
        CHECK((*shards)[2].remote);
        CHECK((*shards)[2].host == "xapian-progsrv");
        CHECK((*shards)[2].args == "/srv/shard");
        CHECK_FALSE((*shards)[3].remote);
        CHECK((*shards)[3].path == (dir.path / "local-shard").string());
    }
}

TEST_CASE("remote stub: local-only stubs and other files are Xapian's") {
    TempDir dir;
    CHECK_FALSE(remote_stub(dir.write("local", "auto shard-0\nauto shard-1\n")));
    CHECK_FALSE(remote_stub(dir.write("text", "hello world\n")));
    CHECK_FALSE(remote_stub((dir.path / "missing").string()));
    CHECK_FALSE(remote_stub(dir.path.string())); // a folder without XAPIANDB
}

TEST_CASE("remote stub: a bad remote line says which") {
    TempDir dir;
    for (const char* line : {"remote tcp host\n", "remote tcp host 0\n", "remote host:99999\n",
                             "remote host\n", "remote :\n"}) {
        const std::string stub = dir.write("XAPIANDB", std::string("auto a\n") + line);
        CHECK_THROWS_WITH_AS(remote_stub(stub), doctest::Contains("cannot open database"), DbError);
    }
}

TEST_CASE("remote stub: a shard that does not answer is named; --allow-partial leaves it out") {
    TempDir dir;
    const unsigned port = testing::unused_loopback_port();
    const std::string stub =
        dir.write("stub", "remote tcp 127.0.0.1 " + std::to_string(port) + "\n");
    const std::string expected =
        "shard 1 of 1 (127.0.0.1:" + std::to_string(port) + ") does not answer";
    set_remote_options({2000, false});
    CHECK_THROWS_WITH_AS(open_database(stub), doctest::Contains(expected.c_str()), DbError);
    set_remote_options({2000, true}); // no shard left: still an error
    CHECK_THROWS_WITH_AS(open_database(stub), doctest::Contains("none of its 1 shards answers"),
                         DbError);
    set_remote_options({});
}

TEST_CASE("--stub writes what the reader reads; --shard I/N keeps the hash of --shards") {
    CHECK(stub_text({"127.0.0.1:4001", "db2:4002", "shards/shard-2"}) ==
          "remote 127.0.0.1:4001\nremote db2:4002\nauto shards/shard-2\n");
    CHECK_THROWS_AS(stub_text({}), std::invalid_argument);
    CHECK_THROWS_AS(stub_text({"host:70000"}), std::invalid_argument);
    TempDir dir;
    const std::string file = write_stub(dir.path.string(), {"127.0.0.1:4001", "db2:4002"});
    CHECK(file == (dir.path / "XAPIANDB").string());
    auto shards = remote_stub(file);
    REQUIRE(shards);
    CHECK(shards->size() == 2);

    const ShardChoice choice = parse_shard_choice("1/3");
    CHECK(choice.index == 1);
    CHECK(choice.count == 3);
    for (const char* bad : {"3/3", "1", "a/3", "0/0", "0/65", "-1/3", "1/3x"})
        CHECK_THROWS_AS(parse_shard_choice(bad), std::invalid_argument);
    int kept = 0;
    for (int i = 0; i < 300; ++i) {
        const std::string term = "Qarticle-" + std::to_string(i);
        CHECK(in_shard(choice, term) == (shard_of(term, 3) == 1));
        kept += in_shard(choice, term) ? 1 : 0;
    }
    CHECK(kept > 60);
    CHECK(kept < 140);
}

TEST_CASE("the indexer finds a stub of remote shards, and its companion documents keep ids only") {
    TempDir dir;
    const std::string remote =
        dir.write("remote.stub", "# shards\nremote 127.0.0.1:1234\nauto x\n");
    CHECK(remote_stub_file(remote) == remote);
    CHECK_FALSE(remote_stub_file(dir.write("local.stub", "auto a\nauto b\n")));
    CHECK_FALSE(remote_stub_file(dir.write("other", "remote 1.2.3.4:5\nnot a stub line\n")));
    CHECK_FALSE(remote_stub_file((dir.path / "absent").string()));
    fs::create_directory(dir.path / "folder");
    dir.write("folder/XAPIANDB", "remote tcp 127.0.0.1 1234\n");
    CHECK(remote_stub_file((dir.path / "folder").string()) ==
          (dir.path / "folder" / "XAPIANDB").string());

    Xapian::Document full;
    full.add_term("Zwheat", 3);
    full.add_boolean_term(schema::id_term("a-1"));
    full.add_boolean_term(std::string(schema::prefix::input) + "/in/a.jsonl");
    full.add_boolean_term(schema::boolean_term(schema::prefix::tag, "grain"));
    full.add_value(schema::slot::content_hash, "hash");
    full.add_value(schema::slot::source, "reuters");
    full.set_data("{\"title\":\"Wheat\"}");
    const Xapian::Document small = companion_document(full);
    std::vector<std::string> terms(small.termlist_begin(), small.termlist_end());
    CHECK(terms == std::vector<std::string>{schema::id_term("a-1"),
                                            std::string(schema::prefix::input) + "/in/a.jsonl"});
    CHECK(small.get_value(schema::slot::content_hash) == "hash");
    CHECK(small.values_count() == 1);
    CHECK(small.get_data().empty());
}
