// Queries in the archive's languages (query/word_languages.h, analyzers/language.h): without
// --lang each word is stemmed and stopped for the languages its script allows, on a small
// on-disk database of English, German and Russian articles (query_fixture.h).
#include "analyzers/language.h"
#include "query/facet_index.h"
#include "query/fast_words.h"
#include "query/query_parser.h"
#include "query/search.h"
#include "query/suggest.h"
#include "query/word_languages.h"
#include "query_fixture.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

Article in_language(Article a, std::string language) {
    a.language = std::move(language);
    return a;
}

// Three English articles, two German, one Russian.
std::vector<Article> mixed_articles() {
    using testing::article;
    return {
        article("en-1", "Ledger", "ledger", "2021-03-01", "New sanctions on Russian banks",
                "The United States imposed new sanctions on Russian banks. Oil prices rose.", {}),
        article("en-2", "Ledger", "ledger", "2021-03-02", "Oil exports fall",
                "Oil exports fell as the sanctions bit. The government said it would act.", {}),
        article("en-3", "Ledger", "ledger", "2021-03-03", "Wheat harvest",
                "The wheat harvest was good, and the governments of the region were pleased.", {}),
        in_language(article("de-1", "Kurier", "kurier", "2021-03-04",
                            "Neue Sanktionen gegen Russland",
                            "Die Regierungen der Union beschlossen neue Sanktionen gegen "
                            "russische Banken. Der Ölpreis stieg.",
                            {}),
                    "de"),
        in_language(article("de-2", "Kurier", "kurier", "2021-03-05", "Weizenernte",
                            "Die Ernte war gut, sagten die Bauern der Region.", {}),
                    "de"),
        in_language(article("ru-1", "Вестник", "vestnik", "2021-03-06", "Новые санкции",
                            "США ввели новые санкции против российских банков. Под санкциями "
                            "оказались крупнейшие банки страны. Так заявили в министерстве.",
                            {}),
                    "ru"),
    };
}

struct Fixture {
    testing::TempDir dir{"languages"};
    Xapian::WritableDatabase db = testing::make_disk_database(dir.path("db"), mixed_articles());

    SearchResult run(const std::string& q, const std::string& lang = {}) {
        SearchRequest r;
        r.query = q;
        r.query_options.language = lang;
        r.suggest_below = 0;
        return search(db, r);
    }

    std::vector<std::string> ids(const std::string& q, const std::string& lang = {}) {
        std::vector<std::string> out;
        for (const auto& h : run(q, lang).hits)
            out.push_back(h.id);
        return out;
    }
};

} // namespace

TEST_CASE("a word's script is that of its letters, other for none or two") {
    using language::Script;
    CHECK(language::script_of_word("санкциями") == Script::cyrillic);
    CHECK(language::script_of_word("sanktionen") == Script::latin);
    CHECK(language::script_of_word("übermäßig") == Script::latin);
    CHECK(language::script_of_word("covid19") == Script::latin); // digits do not count
    CHECK(language::script_of_word("ελλάδα") == Script::greek);
    CHECK(language::script_of_word("1987") == Script::other);
    CHECK(language::script_of_word("abcд") == Script::other);
    CHECK(language::written_in("ru", Script::cyrillic));
    CHECK_FALSE(language::written_in("ru", Script::latin));
    CHECK(language::written_in("de", Script::latin));
    CHECK(language::written_in("sr", Script::latin));
    CHECK(language::written_in("sr", Script::cyrillic));
    CHECK_FALSE(language::written_in("ja", Script::latin));
    CHECK_FALSE(language::written_in("en", Script::other));
}

TEST_CASE("the archive's languages come from its L terms, most articles first") {
    Fixture f;
    const WordLanguages languages(f.db);
    CHECK(languages.languages() == std::vector<std::string>{"en", "de", "ru"});
    CHECK(WordLanguages("de").languages() == std::vector<std::string>{"de"});
    // An archive that records no language is searched in English.
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    CHECK(WordLanguages(empty).languages() == std::vector<std::string>{"en"});
}

TEST_CASE("a word gets its primary language's stem unfiltered and the others' for their articles") {
    Fixture f;
    const WordLanguages languages(f.db);
    // Cyrillic: Russian only.
    auto ru = languages.stems("санкциями");
    REQUIRE(ru.size() == 1);
    CHECK(ru[0].stem == "санкц");
    CHECK(ru[0].only.empty());
    // Latin: English (unfiltered) and German (German articles only).
    auto de = languages.stems("sanktionen");
    REQUIRE(de.size() == 2);
    CHECK(de[0].stem == "sanktionen");
    CHECK(de[0].only.empty());
    CHECK(de[1].stem == "sanktion");
    CHECK(de[1].only == std::vector<std::string>{"de"});
    CHECK(de[1].articles == 2);
    // The same stem in both: one term.
    CHECK(languages.stems("region").size() == 1);
    // A stopword of German (not of English) brings no German stem.
    CHECK(languages.stems("die").size() == 1);
    // Stopwords are the primary language's: English for Latin words, Russian for Cyrillic ones.
    CHECK(languages.is_stopword("the"));
    CHECK_FALSE(languages.is_stopword("und"));
    CHECK(languages.is_stopword("и"));
    CHECK_FALSE(WordLanguages("en").is_stopword("и"));
    // Snippets stem an article's text with its language's stemmer.
    CHECK(languages.stem_for("de")("regierungen") == "regier");
    CHECK(languages.stem_for("xx")("governments") == "govern"); // unknown: the main language
}

TEST_CASE("another language's stem weighs as in an archive of that language alone") {
    Fixture f;
    const WordLanguages languages(f.db);
    const auto de = languages.stems("sanktionen");
    REQUIRE(de.size() == 2);
    CHECK(WordLanguages::language_weight(f.db, "Z" + de[0].stem, de[0]) == 1.0);
    const double w = WordLanguages::language_weight(f.db, "Z" + de[1].stem, de[1]);
    // idf of a term in 1 of the 2 German articles / idf of it in 1 of all 6.
    const double expected = bm25_term_weight(2, 1) / bm25_term_weight(6, 1);
    CHECK(w == doctest::Approx(expected));
    CHECK(w < 1.0);
}

TEST_CASE("a language of fewer than 1 in 1000 articles is not searched by its stems") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](const char* language, int n) {
        for (int i = 0; i < n; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term(schema::boolean_term(schema::prefix::language, language));
            db.add_document(doc);
        }
    };
    add("en", 999);
    add("fr", 1);
    CHECK(WordLanguages(db).languages() == std::vector<std::string>{"en", "fr"}); // 1 in 1000
    add("en", 1);
    CHECK(WordLanguages(db).languages() == std::vector<std::string>{"en"}); // 1 in 1001
}

TEST_CASE("without --lang a Russian word finds the Russian article, a German one the German") {
    Fixture f;
    CHECK(f.ids("санкциями") == std::vector<std::string>{"ru-1"});
    CHECK(f.ids("санкциями", "en").empty());
    CHECK(f.ids("санкциями", "ru") == std::vector<std::string>{"ru-1"});
    CHECK(f.ids("regierung") == std::vector<std::string>{"de-1"}); // "Regierungen" in the text
    CHECK(f.ids("regierung", "en").empty());
    // The German word, stemmed for German, is highlighted in the German article's text.
    const auto r = f.run("regierung");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.render("[", "]", false).find("[Regierungen]") != std::string::npos);
    // A Russian stopword is dropped without --lang: "и" is no word to match.
    CHECK(f.ids("санкциями и") == std::vector<std::string>{"ru-1"});
}

TEST_CASE("without --lang English queries rank exactly as with --lang en") {
    Fixture f;
    for (const char* q : {"sanctions", "government", "oil prices", "the governments",
                          "sanctions OR wheat", "title:oil", "\"oil exports\" fell"}) {
        CAPTURE(q);
        const auto automatic = f.run(q);
        const auto english = f.run(q, "en");
        CHECK(automatic.total == english.total);
        REQUIRE(automatic.hits.size() == english.hits.size());
        for (std::size_t i = 0; i < automatic.hits.size(); ++i) {
            CHECK(automatic.hits[i].id == english.hits[i].id);
            CHECK(automatic.hits[i].score == doctest::Approx(english.hits[i].score));
        }
        CHECK(automatic.stopwords == english.stopwords);
    }
}

TEST_CASE("the fast word path gives the same results for words of several languages") {
    Fixture f;
    const std::vector<std::string> queries{"sanktionen", "санкциями", "oil sanctions",
                                           "regierung date:2021-03"};
    std::vector<SearchResult> before;
    for (const auto& q : queries)
        before.push_back(f.run(q));
    Xapian::Database reader(f.dir.path("db"));
    prepare_for_many_searches(reader);
    REQUIRE(FacetIndex::prepared(reader));
    for (std::size_t i = 0; i < queries.size(); ++i) {
        CAPTURE(queries[i]);
        SearchRequest r;
        r.query = queries[i];
        r.suggest_below = 0;
        const auto after = search(reader, r);
        CHECK(after.total == before[i].total);
        REQUIRE(after.hits.size() == before[i].hits.size());
        for (std::size_t h = 0; h < after.hits.size(); ++h) {
            CHECK(after.hits[h].id == before[i].hits[h].id);
            CHECK(after.hits[h].score == doctest::Approx(before[i].hits[h].score));
        }
    }
}

TEST_CASE("suggestions follow the word's languages") {
    Fixture f;
    QueryOptions english;
    english.language = "en";
    // "так" is a Russian stopword: never the correction of a Cyrillic word without --lang.
    CHECK(suggest_spelling(f.db, "такк", QueryOptions{}) == "");
    CHECK(suggest_spelling(f.db, "такк", english) == "так");
    // A misspelt German word is corrected to the German word of the index.
    CHECK(suggest_spelling(f.db, "sanktoinen", QueryOptions{}) == "sanktionen");
}
