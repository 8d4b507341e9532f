// Entity tagging from many threads at once, as dateline-index -j N analyzes articles: the bundled
// gazetteer and tagger model are shared read-only, and the tagger keeps per-thread state (its
// buffers and the cache of word sums, tagger.cpp). Every thread must get, for every article, what
// one thread alone gets. Built and run a second time under ThreadSanitizer by scripts/test.
#include "analyzers/article.h"
#include "analyzers/entities/entities.h"

#include <atomic>
#include <doctest/doctest.h>
#include <string>
#include <thread>
#include <vector>

using dateline::Article;

namespace {

Article article(std::string language, std::string title, std::string body) {
    Article a;
    a.language = std::move(language);
    a.title = std::move(title);
    a.body = std::move(body);
    return a;
}

std::vector<Article> articles() {
    return {
        article("ru", "Президент Аргентины прибыл в Канаду",
                "Президент Аргентины Маурисио Макри встретился в Галифаксе с министром иностранных "
                "дел Канады Павлом Шевелёвым.\nСотрудники ГУ МВД России по Москве задержали "
                "Алексея Борисова. Пресс-служба Федеральной службы по надзору в сфере образования "
                "и науки сообщила об этом Надежде Ивановой."),
        article("ru", "Путин провёл совещание",
                "Владимир Путин провёл совещание в Кремле. Путину доложили о ходе работ, а "
                "Путиным были даны поручения правительству России и Следственному комитету.\n"
                "Как сообщает «Интерфакс», группа «Ленинград» выступит в Карнеги-холле."),
        article("en", "Putin meets Merkel in Moscow",
                "MOSCOW, March 17 (Reuters) - President Vladimir Putin met German Chancellor "
                "Angela Merkel on Tuesday. Pizza Inn Inc said profits rose, and Walt Disney Co "
                "agreed to buy Forrest Gold Pty Ltd.\nPutin said the talks went well."),
        article("de", "Merkel in Berlin",
                "Bundeskanzlerin Angela Merkel sprach in Berlin über Deutschlands Rolle in "
                "Europa. Merkels Sprecher sagte, die Gespräche mit Frankreich seien gut "
                "verlaufen."),
    };
}

// Everything tag_all gives, as one string to compare.
std::string signature(const Article& a) {
    const auto tagging = dateline::entities::tag_all(a);
    std::string out;
    for (const auto& e : tagging.entities)
        out += e.name + "/" + std::to_string(static_cast<int>(e.type)) + "/" +
               std::to_string(e.count) + "/" + e.country + (e.salient ? "/s;" : ";");
    for (const auto& m : tagging.mentions)
        out += m.field + ":" + std::to_string(m.start) + "-" + std::to_string(m.end) + "=" +
               m.entity + ";";
    return out;
}

} // namespace

TEST_CASE("entities: four threads tagging at once get what one thread gets") {
    const auto inputs = articles();
    std::vector<std::string> alone;
    for (const auto& a : inputs)
        alone.push_back(signature(a));
    for (const auto& s : alone)
        REQUIRE_FALSE(s.empty());

    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            // Each thread its own order, so that the threads' caches hold different words.
            for (std::size_t round = 0; round < 3; ++round)
                for (std::size_t k = 0; k < inputs.size(); ++k) {
                    const std::size_t i = (k + t + round) % inputs.size();
                    if (signature(inputs[i]) != alone[i]) ++wrong;
                }
        });
    for (auto& th : threads)
        th.join();
    CHECK(wrong.load() == 0);
}
