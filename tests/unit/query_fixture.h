// A small in-memory Dateline database for the query side's unit tests, built by the schema the
// way the indexer writes documents (terms, values, document data), so the tests do not depend on
// the indexer. Shared by tests/unit/query_*.cpp.
#pragma once

#include "analyzers/article.h"
#include "analyzers/article_json.h"
#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/text.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>
#include <vector>
#include <xapian.h>

namespace dateline::query::testing {

// A loopback port nothing listens on (bound, then closed): for a server a test starts, or for a
// shard that does not answer.
inline unsigned unused_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t size = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
    ::close(fd);
    return ntohs(addr.sin_port);
}

inline Article article(std::string id, std::string source, std::string source_id,
                       std::string published, std::string title, std::string body,
                       std::vector<std::string> tags, std::vector<Entity> entities = {}) {
    Article a;
    a.id = std::move(id);
    a.url = "https://example.com/" + a.id;
    a.source = std::move(source);
    a.source_id = std::move(source_id);
    if (!published.empty()) a.published = dates::parse(published);
    a.title = std::move(title);
    a.body = std::move(body);
    a.language = "en";
    a.tags = std::move(tags);
    a.entities = std::move(entities);
    return a;
}

inline Xapian::Document document_for(const Article& a) {
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_stemmer(stemming::make_stem(a.language));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_document(doc);
    tg.index_text(a.title, schema::title_weight);
    tg.increase_termpos();
    tg.index_text(a.body);
    tg.index_text(a.title, 1, std::string(schema::prefix::title));

    auto add = [&](std::string_view prefix, std::string_view value) {
        doc.add_boolean_term(schema::boolean_term(prefix, value));
    };
    doc.add_boolean_term(schema::id_term(a.id));
    add(schema::prefix::source, a.source_id);
    add(schema::prefix::language, a.language);
    std::vector<std::string> display;
    auto add_display = [&](const std::string& tag) {
        for (const auto& d : display)
            if (text::fold_case(d) == text::fold_case(tag)) return;
        display.push_back(tag);
    };
    for (const auto& t : a.tags) {
        add(schema::prefix::tag, t);
        add(schema::prefix::keyword, t);
        add_display(t);
    }
    for (const auto& e : a.entities) {
        add(schema::prefix::tag, e.name);
        if (e.type == EntityType::person) add(schema::prefix::person, e.name);
        if (e.type == EntityType::organization) add(schema::prefix::organization, e.name);
        if (e.type == EntityType::place) add(schema::prefix::place, e.name);
        add_display(e.name);
    }
    if (a.published) {
        auto c = dates::to_civil(a.published->seconds);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02u%02u", c.year, c.month, c.day);
        std::string ymd(buf);
        add(schema::prefix::day, ymd);
        add(schema::prefix::month, ymd.substr(0, 6));
        add(schema::prefix::year, ymd.substr(0, 4));
        doc.add_value(schema::slot::published,
                      Xapian::sortable_serialise(static_cast<double>(a.published->seconds)));
    }
    doc.add_value(schema::slot::source, a.source_id);
    if (!display.empty()) doc.add_value(schema::slot::tags, schema::encode_list(display));
    doc.add_value(schema::slot::language, a.language);
    doc.set_data(to_json(a).dump());
    return doc;
}

// A folder under the system temp folder, removed with everything in it at the end of scope.
class TempDir {
  public:
    explicit TempDir(const std::string& name) {
        static int serial = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("dateline-" + name + "-" + std::to_string(::getpid()) + "-" +
                 std::to_string(++serial));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(const std::string& leaf = {}) const {
        return leaf.empty() ? path_.string() : (path_ / leaf).string();
    }

  private:
    std::filesystem::path path_;
};

// The articles in an on-disk (glass) database at `path`, with the spelling table filled the way
// the indexer does it: the lower-cased unprefixed words of title and body, counts added up.
// (The in-memory backend has no spelling table.)
inline Xapian::WritableDatabase make_disk_database(const std::string& path,
                                                   const std::vector<Article>& articles,
                                                   bool spelling = true) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    std::map<std::string, Xapian::termcount> words;
    for (const auto& a : articles) {
        db.replace_document(schema::id_term(a.id), document_for(a));
        for (const std::string* field : {&a.title, &a.body})
            for (const auto& t : text::tokenize(*field))
                ++words[text::fold_case(t.text)];
    }
    if (spelling)
        for (const auto& [word, count] : words)
            db.add_spelling(word, count);
    db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
    db.commit();
    return db;
}

inline Xapian::WritableDatabase make_database(const std::vector<Article>& articles) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& a : articles)
        db.replace_document(schema::id_term(a.id), document_for(a));
    db.set_metadata(std::string(schema::version_key), std::to_string(schema::version));
    db.commit();
    return db;
}

// Six articles: Reuters grain news in March 1987 (tags spelled "grain" and "Grain"), an AFP oil
// story in April 1987, an AP Putin story in 2021 with entities, an undated Reuters note and a
// Reuters coffee story from 1980.
inline std::vector<Article> sample_articles() {
    return {
        article("grain-1", "Reuters", "reuters", "1987-03-17T10:00:00Z",
                "U.S. grain carloadings fall in week",
                "Grain carloadings fell in the week ended March 14, the Association of American "
                "Railroads said. Shipments of wheat and corn were lower than a year ago.",
                {"grain", "wheat"}),
        article("grain-2", "Reuters", "reuters", "1987-03-20T15:30:00Z", "Wheat exports rise",
                "Wheat exports rose sharply as buyers in Asia increased orders, traders said.",
                {"Grain", "Wheat", "USA"}),
        article("oil-1", "Agence France-Presse", "agence-france-presse", "1987-04-02",
                "Oil prices climb", "Crude oil prices climbed for a third day & traders <said>.",
                {"oil"}),
        article("putin-1", "AP", "ap", "2021-03-17T08:00:00Z", "Putin speaks on economy",
                "Vladimir Putin said the Russian economy would grow. He spoke in Moscow.",
                {"Russia"},
                {{"Vladimir Putin", EntityType::person, 1, ""},
                 {"Moscow", EntityType::place, 1, "RU"}}),
        article("note-1", "Reuters", "reuters", "", "Undated note about grain",
                "A note about grain without a date.", {"grain"}),
        article("coffee-1", "Reuters", "reuters", "1980-01-01", "Coffee talks",
                "Coffee producers met to discuss export quotas.", {"coffee"}),
    };
}

} // namespace dateline::query::testing
