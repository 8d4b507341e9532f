#include "analyzers/language.h"
#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/stopwords.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace dateline;

TEST_CASE("schema: boolean terms are lower-cased, ids are not") {
    CHECK(schema::boolean_term(schema::prefix::tag, "Vladimir  Putin") == "Kvladimir putin");
    CHECK(schema::id_term("Reuters-1") == "QReuters-1");
    const auto& id_field = *std::find_if(schema::fields().begin(), schema::fields().end(),
                                         [](const auto& f) { return f.name == "id"; });
    CHECK(schema::field_term(id_field, "Reuters-1") == "QReuters-1");
}

TEST_CASE("schema: overlong terms are capped under Xapian's limit and stay distinct") {
    std::string a(400, 'a'), b(400, 'a');
    b.back() = 'b';
    auto ta = schema::id_term(a), tb = schema::id_term(b);
    CHECK(ta.size() <= 245);
    CHECK(ta != tb);
    std::string cyr;
    for (int i = 0; i < 200; ++i)
        cyr += "ж";
    auto tc = schema::boolean_term("K", cyr);
    CHECK(tc.size() <= 245);
}

TEST_CASE("schema: every field has a distinct name and prefix") {
    std::set<std::string_view> names, prefixes;
    for (const auto& f : schema::fields()) {
        CHECK(names.insert(f.name).second);
        CHECK(prefixes.insert(f.prefix).second);
    }
    CHECK(names.contains("tag"));
    CHECK(names.contains("source"));
}

TEST_CASE("schema: tag lists round-trip, whatever the bytes") {
    std::vector<std::string> tags{"Vladimir Putin", "", std::string(300, 'x'), "Путин",
                                  std::string("a\0b", 3)};
    CHECK(schema::decode_list(schema::encode_list(tags)) == tags);
    CHECK(schema::decode_list("").empty());
    CHECK_THROWS(schema::decode_list("\x05"
                                     "ab"));
}

TEST_CASE("stemming: libstemmer behind Xapian::Stem, per language") {
    CHECK(stemming::make_stem("en")("running") == "run");
    CHECK(stemming::make_stem("english")("sanctions") == "sanction");
    CHECK(stemming::make_stem("de")("Häuser") != "Häuser");
    CHECK(stemming::make_stem("ru")("санкции") == "санкц");
    CHECK(stemming::make_stem("xx")("running") == "run"); // unknown falls back to English
    CHECK(stemming::make_stem("none")("running") == "running");
    CHECK(stemming::make_stem("en").get_description().find("libstemmer") != std::string::npos);
    auto all = stemming::available_algorithms();
    CHECK(all.size() >= 20);
    CHECK(stemming::algorithm_for("pt-BR") == "portuguese");
}

TEST_CASE("stopwords and language identification") {
    CHECK_FALSE(stopwords::for_language("en").empty());
    CHECK(stopwords::for_language("xx").empty());
    CHECK(language::identify("The Kremlin said on Wednesday that the report was groundless and "
                             "that it would not respond.") == "en");
    CHECK(language::identify("Die Bundesregierung hat am Mittwoch die neuen Sanktionen gegen "
                             "Russland beschlossen, sagte ein Sprecher.") == "de");
    CHECK(language::identify(
              "Кремль назвал доклад разведки США о вмешательстве в выборы безосновательным.") ==
          "ru");
    CHECK(language::identify("ok") == "");
    CHECK(language::normalize_code("en-US") == "en");
    CHECK(language::normalize_code("English") == "en");
}

TEST_CASE("a stub's companion lies beside it: FOLDER/companion for a folder's XAPIANDB") {
    CHECK(schema::companion_path("/srv/news/XAPIANDB") == "/srv/news/companion");
    CHECK(schema::companion_path("XAPIANDB") == "companion");
    CHECK(schema::companion_path("/srv/news.stub") == "/srv/news.stub.companion");
    CHECK(schema::companion_path("/srv/NOTXAPIANDB") == "/srv/NOTXAPIANDB.companion");
}
