// fetch_documents (query/remote_shards.h): a page's documents read side by side from 3 shards
// served by stock xapian-tcpsrv on free loopback ports (started and stopped here), equal to what
// the stub's database reads one by one, on two threads at once (each with its own database, as
// the front ends read), and current after a shard commits and the database is reopened. Run
// under ThreadSanitizer by scripts/test. Skipped without xapian-tcpsrv (Debian's xapian-tools).
#include "../unit/query_fixture.h"
#include "analyzers/schema.h"
#include "query/database.h"
#include "query/remote_shards.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <memory>
#include <netinet/in.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace dateline;
using namespace dateline::query;

namespace {

bool accepts(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// xapian-tcpsrv serving `path` on 127.0.0.1:port, in a process group of its own (it forks a
// child per connection), killed with the group at the end.
class ShardServer {
  public:
    ShardServer(const std::string& path, unsigned port) {
        const std::string port_text = std::to_string(port);
        std::vector<std::string> args = {"xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                                         port_text,       "--quiet",     path};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        if (posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attr, argv.data(), environ) != 0)
            pid_ = 0;
        posix_spawnattr_destroy(&attr);
        for (int i = 0; pid_ && i < 100 && !accepts(port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ~ShardServer() {
        if (!pid_) return;
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    ShardServer(const ShardServer&) = delete;
    ShardServer& operator=(const ShardServer&) = delete;

  private:
    pid_t pid_ = 0;
};

bool have_tcpsrv() {
    return std::system("command -v xapian-tcpsrv >/dev/null 2>&1") == 0;
}

// The data of every document of `db`, read one by one.
std::vector<std::string> one_by_one(const Xapian::Database& db,
                                    const std::vector<Xapian::docid>& docids) {
    std::vector<std::string> out;
    for (auto did : docids)
        out.push_back(db.get_document(did).get_data());
    return out;
}

std::vector<std::string> side_by_side(const Xapian::Database& db,
                                      const std::vector<Xapian::docid>& docids) {
    std::vector<std::string> out;
    for (const auto& doc : fetch_documents(db, docids))
        out.push_back(doc.get_data());
    return out;
}

} // namespace

TEST_CASE("remote: a page's documents are fetched side by side, current after a reopen") {
    if (!have_tcpsrv()) {
        MESSAGE("skipped: no xapian-tcpsrv (Debian's xapian-tools)");
        return;
    }
    testing::TempDir dir("remote-fetch");
    std::vector<std::unique_ptr<ShardServer>> servers;
    std::string stub;
    for (int shard = 0; shard < 3; ++shard) {
        const std::string path = dir.path("shard-" + std::to_string(shard));
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        for (int i = 0; i < 7 + shard; ++i) {
            Xapian::Document doc;
            doc.set_data("shard " + std::to_string(shard) + " document " + std::to_string(i));
            doc.add_value(schema::slot::source, "s" + std::to_string(i));
            db.add_document(doc);
        }
        db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
        db.commit();
        const unsigned port = testing::unused_loopback_port();
        servers.push_back(std::make_unique<ShardServer>(path, port));
        stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    }
    const std::string stub_path = dir.path("stub");
    std::ofstream(stub_path) << stub;

    // Two threads at once, each with its own database; every document, and pages of a few.
    auto reader = [&](std::vector<std::string>* failures) {
        Xapian::Database db = open_database(stub_path);
        std::vector<Xapian::docid> all; // document j of shard s is (j - 1) * 3 + s + 1
        for (Xapian::docid shard = 0; shard < 3; ++shard)
            for (Xapian::docid j = 1; j <= 7 + shard; ++j)
                all.push_back((j - 1) * 3 + shard + 1);
        std::sort(all.begin(), all.end());
        for (int round = 0; round < 20; ++round) {
            const std::vector<Xapian::docid> page(all.begin() + round % 5,
                                                  all.begin() + round % 5 + 10);
            if (side_by_side(db, page) != one_by_one(db, page))
                failures->push_back("page at " + std::to_string(round % 5));
        }
        if (side_by_side(db, all) != one_by_one(db, all)) failures->push_back("every document");
    };
    std::vector<std::string> failures_a, failures_b;
    std::thread a(reader, &failures_a), b(reader, &failures_b);
    a.join();
    b.join();
    CHECK(failures_a.empty());
    CHECK(failures_b.empty());

    // A commit on a shard: after the reopen the kept connections read the new text.
    Xapian::Database db = open_database(stub_path);
    const std::vector<Xapian::docid> page = {1, 2, 3, 4, 5, 6};
    const auto before = side_by_side(db, page);
    CHECK(before == one_by_one(db, page));
    {
        Xapian::WritableDatabase shard(dir.path("shard-1"), Xapian::DB_OPEN);
        Xapian::Document doc;
        doc.set_data("shard 1 document 0, changed");
        shard.replace_document(1, doc); // docid 2 of the stub's database
        shard.commit();
    }
    reopen_latest(db);
    const auto after = side_by_side(db, page);
    CHECK(after == one_by_one(db, page));
    CHECK(after[1] == "shard 1 document 0, changed");
    CHECK(after[0] == before[0]);
}
