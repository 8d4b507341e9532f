// The statistical tagger (tagger.h), the nominative rules (nominative.h) and their place in
// entity tagging (statistical_names.h).
#include "analyzers/entities/entities.h"
#include "analyzers/entities/nominative.h"
#include "analyzers/entities/phrase_nominative.h"
#include "analyzers/entities/statistical_names.h"
#include "analyzers/entities/tagger.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

using dateline::Article;
using dateline::EntityType;
namespace ent = dateline::entities;
namespace tg = dateline::entities::tagger;

namespace {

// A Russian news article with this body.
Article russian(std::string body) {
    Article a;
    a.language = "ru";
    a.title = "Новости";
    a.body = std::move(body);
    return a;
}

bool has_entity(const std::vector<dateline::Entity>& es, EntityType type, const std::string& name) {
    return std::any_of(es.begin(), es.end(),
                       [&](const auto& e) { return e.type == type && e.name == name; });
}

std::vector<std::string> span_texts(std::string_view text, const std::vector<tg::Span>& spans,
                                    EntityType type) {
    std::vector<std::string> out;
    for (const auto& s : spans)
        if (s.type() == type) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

} // namespace

TEST_CASE("tagger tokens: words and single punctuation, byte offsets, line starts") {
    const std::string text = "«Газпром» в Нью-Йорке\nМВД, 2019";
    const auto t = tg::tokenize(text);
    std::vector<std::string> words;
    for (const auto& x : t)
        words.emplace_back(x.text);
    CHECK(words == std::vector<std::string>{"«", "Газпром", "»", "в", "Нью", "-", "Йорке", "МВД",
                                            ",", "2019"});
    for (const auto& x : t)
        CHECK(text.substr(x.offset, x.text.size()) == x.text);
    CHECK(t[0].line_start);
    CHECK_FALSE(t[1].line_start);
    CHECK(t[7].line_start);
}

TEST_CASE("a word's features are the same on the short-ASCII path as on the general one") {
    // tagger.cpp folds short ASCII tokens byte by byte and others code point by code point; the
    // model's keys must not depend on which. The same first or last letters, or the same shape,
    // give the same prefix, suffix and shape keys whichever path a token takes.
    // Word-alone features: 1 word, 2 shape, 3-6 suffixes of 1-4 letters, 7-9 prefixes of 3-5.
    auto keys_of = [](const std::string& text) {
        const auto tokens = tg::tokenize(text);
        REQUIRE(tokens.size() == 1);
        std::vector<std::uint64_t> keys;
        tg::features(tokens, tg::lower_case_words(tokens), keys);
        return keys;
    };
    const auto ascii = keys_of("Abcde"), cyrillic_after = keys_of("Abcdeж");
    for (std::size_t f : {7, 8, 9})
        CHECK(ascii[f] == cyrillic_after[f]);
    const auto ascii_end = keys_of("Zabcd"), cyrillic_before = keys_of("Жabcd");
    for (std::size_t f : {3, 4, 5, 6})
        CHECK(ascii_end[f] == cyrillic_before[f]);
    // A long ASCII word takes the general path.
    const auto shorter = keys_of("Abc" + std::string(60, 'x')),
               longer = keys_of("Abc" + std::string(70, 'x'));
    for (std::size_t f = 2; f < 10; ++f)
        CHECK(shorter[f] == longer[f]);
    CHECK(keys_of("MOSCOW")[1] == keys_of("moscow")[1]);
}

TEST_CASE("tagger decoding never starts a name with `inside`") {
    // One chain favours `inside` everywhere; the best valid path is B I I.
    std::vector<float> emissions(3 * tg::row_size, 0.0f);
    for (std::size_t i = 0; i < 3; ++i) {
        emissions[i * tg::row_size + tg::inside] = 5;
        emissions[i * tg::row_size + tg::begin] = 1;
    }
    const tg::Transitions flat{};
    CHECK(tg::decode(emissions, 3, 0, flat) ==
          std::vector<tg::Label>{tg::begin, tg::inside, tg::inside});
}

TEST_CASE("a model written and read back tags what its weights say") {
    // Weights that make every token whose word features fire a one-word place.
    const std::string text = "Тест Галифакс";
    const auto tokens = tg::tokenize(text);
    std::vector<std::uint64_t> keys;
    tg::features(std::span(tokens).subspan(1, 1), tg::lower_case_words(tokens), keys);
    std::vector<float> weights(keys.size() * tg::row_size, 0.0f);
    const std::size_t place_chain = 3;
    REQUIRE(tg::chains[place_chain].type == EntityType::place);
    weights[1 * tg::row_size + place_chain * tg::label_count + tg::begin] = 10; // the word itself
    std::array<tg::Transitions, tg::chain_count> transitions{};
    const tg::Model m(tg::write_model(keys, weights, transitions));
    CHECK(m.feature_count() == keys.size());
    const auto spans = m.tag(text);
    REQUIRE(spans.size() == 1);
    CHECK(span_texts(text, spans, EntityType::place) == std::vector<std::string>{"Галифакс"});

    CHECK_THROWS_AS(tg::Model("not a model"), std::runtime_error);
    auto bytes = tg::write_model(keys, weights, transitions);
    bytes.pop_back();
    CHECK_THROWS_AS(tg::Model{bytes}, std::runtime_error);
}

TEST_CASE("emissions are the summed weights of a token's features, cached words and models apart") {
    // Two models over the features of one line, with other weights for the same keys: the
    // per-thread word cache (tagger.cpp) must neither mix them nor change a repeated word's sums.
    const std::string text = "Галифакс и Галифакс Галифакс";
    const auto tokens = tg::tokenize(text);
    const auto lower_case = tg::lower_case_words(tokens);
    std::vector<std::uint64_t> keys;
    tg::features(tokens, lower_case, keys);
    std::vector<std::uint64_t> distinct(keys);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    auto weights_of = [&](float step) {
        std::vector<float> ws(distinct.size() * tg::row_size);
        for (std::size_t i = 0; i < ws.size(); ++i)
            ws[i] = static_cast<float>(static_cast<int>(i % 7) - 3) * step;
        return ws;
    };
    std::array<tg::Transitions, tg::chain_count> transitions{};
    const auto weights_a = weights_of(1.0f), weights_b = weights_of(-2.0f);
    const tg::Model a(tg::write_model(distinct, weights_a, transitions));
    const tg::Model b(tg::write_model(distinct, weights_b, transitions));
    auto expected = [&](const std::vector<float>& ws) {
        std::vector<float> out(tokens.size() * tg::row_size, 0.0f);
        for (std::size_t t = 0; t < tokens.size(); ++t)
            for (std::size_t f = 0; f < tg::features_per_token; ++f) {
                const auto at = static_cast<std::size_t>(
                    std::lower_bound(distinct.begin(), distinct.end(),
                                     keys[t * tg::features_per_token + f]) -
                    distinct.begin());
                for (std::size_t k = 0; k < tg::row_size; ++k)
                    out[t * tg::row_size + k] += ws[at * tg::row_size + k];
            }
        return out;
    };
    auto check = [&](const tg::Model& m, const std::vector<float>& ws) {
        std::vector<float> got;
        m.emissions(tokens, lower_case, got);
        const auto want = expected(ws);
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            CHECK(got[i] == doctest::Approx(want[i]).epsilon(0.001));
    };
    check(a, weights_a);
    check(b, weights_b);
    check(a, weights_a);
    check(a, weights_a);
}

TEST_CASE("the bundled model finds names outside the gazetteer, nested ones too") {
    const std::string text = "Президент Аргентины Маурисио Макри встретился в Галифаксе с "
                             "министром иностранных дел Канады Павлом Шевелёвым.\nСотрудники ГУ "
                             "МВД России по Москве задержали Алексея Борисова.";
    const auto spans = tg::bundled_model().tag(text);
    const auto people = span_texts(text, spans, EntityType::person);
    const auto places = span_texts(text, spans, EntityType::place);
    const auto orgs = span_texts(text, spans, EntityType::organization);
    auto has = [](const std::vector<std::string>& l, const std::string& s) {
        return std::find(l.begin(), l.end(), s) != l.end();
    };
    CHECK(has(people, "Маурисио Макри"));
    CHECK(has(people, "Павлом Шевелёвым"));
    CHECK(has(people, "Алексея Борисова"));
    CHECK(has(places, "Аргентины"));
    CHECK(has(places, "Галифаксе"));
    CHECK(has(places, "России"));
    CHECK(has(orgs, "ГУ МВД России по Москве"));
}

TEST_CASE("Russian names in the nominative, by their endings") {
    auto person = [](std::string_view n) { return ent::nominative(n, EntityType::person, "ru"); };
    auto place = [](std::string_view n) { return ent::nominative(n, EntityType::place, "ru"); };
    CHECK(person("Надежды Ивановой") == "Надежда Иванова");
    CHECK(person("Надеждой Ивановой") == "Надежда Иванова");
    CHECK(person("Надежда Иванова") == "Надежда Иванова");
    CHECK(person("Алексея Борисова") == "Алексей Борисов");
    CHECK(person("Юрий Царёв") == "Юрий Царёв");
    CHECK(person("Юрия Царёва") == "Юрий Царёв"); // Юрий: a man's name, so a man's genitive
    CHECK(person("Ивану Петрову") == "Иван Петров");
    CHECK(person("Ивана") == "Иван");
    CHECK(person("Георгий Данелия") == "Георгий Данелия"); // a listed name as written: nominative
    // Foreign names as Russian news writes them; one that does not decline settles the gender
    // only ("Эндрю Джексона" may be any case, "Хиллари" stays).
    CHECK(person("Милоша Земана") == "Милош Земан");
    CHECK(person("Ангелы Меркель") == "Ангела Меркель");
    CHECK(person("Эндрю Джексона") == "Эндрю Джексон");
    CHECK(person("Хиллари Клинтон") == "Хиллари Клинтон");
    CHECK(person("Берни Сандерса") == "Берни Сандерс"); // names in -и: a man's, or a woman's
    CHECK(person("Уитни Хьюстон") == "Уитни Хьюстон");  // not "Уитня"
    CHECK(person("Сильвио Берлускони") == "Сильвио Берлускони");
    CHECK(person("Марио Драги") == "Марио Драги"); // after a name that does not decline, -ги
    CHECK(person("Юрия Чайки") == "Юрий Чайка");   // ...does not decline either
    CHECK(person("Алана Гарсии") == "Алан Гарсия");
    CHECK(person("Майклом Лопесом-Алегрия") == "Майклом Лопесом-Алегрия"); // no one case
    // A man's surname in -а declines as a feminine noun, one in -и does not; a stem that ends in
    // a vowel is no consonant stem.
    CHECK(person("Степана Бандеры") == "Степан Бандера");
    CHECK(person("Андреем Кандыбой") == "Андрей Кандыба");
    CHECK(person("Михаила Саакашвили") == "Михаил Саакашвили");
    CHECK(person("Романа Полански") == "Роман Полански");
    CHECK(person("Николая Бенуа") == "Николай Бенуа");
    CHECK(person("Лея Абрамович") == "Лея Абрамович"); // not a man's "Леь"
    CHECK(person("Роберта Мугабе") == "Роберт Мугабе");
    CHECK(person("Дмитрия Песковым") == "Дмитрия Песковым");
    // A woman's listed name keeps her surname feminine, whatever else the article writes.
    const auto golunov = [](std::string_view w) { return w == "Голунов" || w == "Иван"; };
    CHECK(ent::nominative("Мария Голунова", EntityType::person, "ru", golunov) == "Мария Голунова");
    CHECK(ent::nominative("Анна Голунова", EntityType::person, "ru", golunov) == "Анна Голунова");
    CHECK(person("Анну Голунову") == "Анна Голунова");
    // A name that is a woman's and a man's genitive settles nothing: the other words decide.
    CHECK(person("Александра Петрова") == "Александра Петрова");
    CHECK(ent::nominative("Александра Петрова", EntityType::person, "ru",
                          [](std::string_view w) { return w == "Петров"; }) == "Александр Петров");
    CHECK(person("Валентина Терешкова") == "Валентина Терешкова");
    CHECK(person("Марии Захаровой") == "Мария Захарова");
    // Men's names in -ай, and the vowel Павел and Лев drop.
    const auto patrushev = [](std::string_view w) { return w == "Патрушев"; };
    CHECK(ent::nominative("Николая Патрушева", EntityType::person, "ru", patrushev) ==
          "Николай Патрушев");
    CHECK(person("Николаем Басовым") == "Николай Басов");
    CHECK(person("Павлом Булатниковым") == "Павел Булатников");
    CHECK(ent::nominative("Льва Термена", EntityType::person, "ru",
                          [](std::string_view w) { return w == "Термен"; }) == "Лев Термен");
    CHECK(place("Донецкого края") == "Донецкий край");
    CHECK(person("Ольги Скабеевой") == "Ольга Скабеева");
    CHECK(person("Игоря Сечина") == "Игорь Сечин");
    CHECK(person("Дмитрия Песковым") == "Дмитрия Песковым"); // no reading fits both: as written
    CHECK(person("Маурисио Макри") == "Маурисио Макри");     // indeclinable
    CHECK(person("Акихито") == "Акихито");
    // A first name in a consonant or in "ей" is a man's, in the nominative: the surname stays.
    CHECK(person("Роберт Мугабе") == "Роберт Мугабе");
    CHECK(person("Фолькер Буфье") == "Фолькер Буфье");
    CHECK(person("Сергей Бунтман") == "Сергей Бунтман");
    CHECK(person("Андрей") == "Андрей");
    CHECK(person("Мишель Обамы") == "Мишель Обама");                 // "ь": women's names too
    CHECK(person("Ксенией Кацер") == "Ксения Кацер");                // "ией": a woman's
    CHECK(person("Александром Прохоровым") == "Александр Прохоров"); // "м": the instrumental
    CHECK(person("Анну Чапман") == "Анна Чапман"); // a woman's surname in a consonant
    CHECK(person("Владимира Владимировича Путина") == "Владимир Владимирович Путин");
    CHECK(person("Андрея Белоусовского") == "Андрей Белоусовский");
    CHECK(place("Аргентины") == "Аргентина");
    CHECK(place("Новой Шотландии") == "Новая Шотландия");
    // Places in -ия/-ея: the noun's ending, not the adjective's ("Чехияя", "Южная Кореи").
    CHECK(place("Чехией") == "Чехия");
    CHECK(place("Южной Осетией") == "Южная Осетия");
    CHECK(place("Южной Кореи") == "Южная Корея");
    CHECK(place("Гвинеей") == "Гвинея");
    CHECK(place("Новой Гвинее") == "Новая Гвинея");
    CHECK(place("Корее") == "Корея");
    // Neuter adjectives are nominative as written, and a stem in a vowel takes no -а: not
    // "Красноа мора", "Ленинградскоа", "Маккалоа".
    CHECK(place("Красное море") == "Красное море");
    CHECK(place("Ленинградское") == "Ленинградское");
    CHECK(person("Маккалоу") == "Маккалоу");
    CHECK(person("Антониу Гутерриш") == "Антониу Гутерриш");
    CHECK(person("Андреа Рокелли") == "Андреа Рокелли");
    CHECK(person("Али Хаменеи") == "Али Хаменеи"); // people in -еи do not decline
    CHECK(place("Нью-Йорка") == "Нью-Йорка"); // Нью-Йорк / Нью-Йорка: the nominative wins a tie
    CHECK(place("МВД") == "МВД");
    CHECK(place("Канадские") == "Канадские");
    // Ties go to the nominative unless the article writes the other reading's form.
    CHECK(person("Фрола Петрова") == "Фрола Петрова");
    CHECK(ent::nominative("Фрола Петрова", EntityType::person, "ru",
                          [](std::string_view w) { return w == "Петров"; }) == "Фрол Петров");
    // Other languages stay as written.
    CHECK(ent::nominative("Merkels", EntityType::person, "de") == "Merkels");
    CHECK(ent::nominative("Bundestages", EntityType::organization, "de") == "Bundestages");
}

TEST_CASE("Russian organization names in the nominative, by their head") {
    auto org = [](std::string_view n) {
        return ent::nominative(n, EntityType::organization, "ru");
    };
    // The head (adjectives and their noun) declines, the complement stays as written.
    CHECK(org("Министерства иностранных дел") == "Министерство иностранных дел");
    CHECK(org("Верховной Рады Украины") == "Верховная Рада Украины");
    CHECK(org("Следственным комитетом России") == "Следственный комитет России");
    CHECK(org("Государственную Думу") == "Государственная Дума");
    CHECK(org("Главном управлении МВД") == "Главное управление МВД");
    CHECK(org("Московского государственного университета") ==
          "Московский государственный университет");
    CHECK(org("иракским правительством") == "иракское правительство");
    CHECK(org("Высшей школы экономики") == "Высшая школа экономики");
    CHECK(org("Торгово-промышленной палаты") == "Торгово-промышленная палата");
    CHECK(org("Киевского городского совета") == "Киевский городской совет");
    CHECK(org("Театрального училища") == "Театральное училище");
    CHECK(org("«Единой России»") == "«Единая Россия»");
    CHECK(org("Генеральной Ассамблее ООН") == "Генеральная Ассамблея ООН");
    CHECK(org("Генеральной Ассамблеи ООН") == "Генеральная Ассамблея ООН");
    CHECK(org("российской Государственной Думы") == "российская Государственная Дума");
    CHECK(org("«Безумцы»") == "«Безумцы»"); // a plural, quotes or not
    CHECK(org("партии «Единая Россия»") == "партия «Единая Россия»");
    CHECK(org("Генпрокуратуры") == "Генпрокуратура");
    CHECK(org("полицию") == "полиция");
    CHECK(org("МИДа") == "МИД");
    CHECK(org("школу-студию МХАТ") == "школа-студия МХАТ");
    // Not "Карнега-холл": the parts' genders differ, so the last declines alone.
    CHECK(ent::nominative("Карнеги-холлом", EntityType::organization, "ru", [](std::string_view w) {
              return w == "Карнеги-холл";
          }) == "Карнеги-холл");
    CHECK(org("пресс-службой") == "пресс-служба");
    CHECK(org("сборной Финляндии") == "сборная Финляндии");
    CHECK(org("португальской сборной") == "португальская сборная");
    // Left as written: the nominative already, nothing to decline, or no telling.
    CHECK(org("Лига") == "Лига");
    CHECK(org("МВД России") == "МВД России");
    CHECK(org("Минобороны России") == "Минобороны России");
    CHECK(org("Лента.ру") == "Лента.ру");
    CHECK(org("коммунисты") == "коммунисты");                 // a plural more than a genitive
    CHECK(org("израильские власти") == "израильские власти"); // plurals do not decline here
    CHECK(org("командой Канады") == "командой Канады");       // no adjective: the noun's -ой is
    CHECK(org("парламентской") == "парламентской"); // ...an adjective's after -к, -н, -в
    CHECK(org("Управе района") == "Управе района"); // Управа's, or an Управ's?
    // Odd input comes back as written: no word, no letters, cut UTF-8, a hyphen or quotes only.
    for (std::string_view odd : {"", " ", "-", "«»", "«", "а", "-а", "Рады-", "\xD0",
                                 "\xD0\xB0\xD1", "ой ой", "«ой» «ой»", "Ы-Ы-Ы", "Мин", "МИД-а"})
        CHECK(org(odd) == odd);
    CHECK(org("Парламентера") == "Парламентера"); // a genitive, or a nominative in -а: the
    CHECK(ent::nominative("Парламентера", EntityType::organization, "ru", // nominative wins...
                          [](std::string_view w) { return w == "Парламентер"; }) ==
          "Парламентер"); // ...unless the article writes the other
    // ...and the nouns institutions are named by settle it: no "Сената", "Службе безопасности".
    CHECK(org("Сената") == "Сенат");
    CHECK(org("Совета Безопасности ООН") == "Совет Безопасности ООН");
    CHECK(org("Генштаба") == "Генштаб");
    CHECK(org("Конгрессе") == "Конгресс");
    CHECK(org("Службе безопасности") == "Служба безопасности");
    CHECK(org("пресс-службу МВД") == "пресс-служба МВД");
    CHECK(org("Думе") == "Дума");
}

TEST_CASE("Russian place names in the nominative, by their head") {
    auto place = [](std::string_view n) { return ent::nominative(n, EntityType::place, "ru"); };
    // Adjectives agree with their noun; what follows the head stays as written.
    CHECK(place("Северо-Западном федеральном округе") == "Северо-Западный федеральный округ");
    CHECK(place("Нагорном Карабахе") == "Нагорный Карабах");
    CHECK(place("Черного моря") == "Черное море");
    CHECK(place("Средиземном море") == "Средиземное море");
    CHECK(place("Ладожского озера") == "Ладожское озеро");
    CHECK(place("Звёздном городке") == "Звёздный городок"); // the vowel городок drops
    CHECK(place("Южном округе Нью-Йорка") == "Южный округ Нью-Йорка");
    CHECK(place("Тверском бульваре") == "Тверской бульвар"); // stressed -ской
    CHECK(place("Большого Барьерного рифа") == "Большой Барьерный риф");
    CHECK(place("Поволжья") == "Поволжье");
    CHECK(place("Донецкого края") == "Донецкий край");
    CHECK(place("Китаем") == "Китай");
    CHECK(place("Земли") == "Земля");
    // A place named by its adjective alone.
    CHECK(place("Приволжского") == "Приволжский");
    CHECK(place("Кировоградской") == "Кировоградская");
    CHECK(place("Муромским") == "Муромский");
    // A town's stem outweighs the feminine -а; -ица, -щина the masculine's.
    CHECK(place("Орске") == "Орск");
    CHECK(place("Орска") == "Орск");
    CHECK(place("Страсбурге") == "Страсбург");
    CHECK(place("Ростове") == "Ростове"); // Ростов's, or as Женеве, Молдове a feminine's?
    CHECK(place("Сребренице") == "Сребреница");
    CHECK(place("Тамбовщине") == "Тамбовщина");
    // Not the garbage of reading each word alone ("Черный морь", "Енисяя", "Кубая", "Парижь").
    CHECK(place("Енисей") == "Енисей");
    CHECK(place("Кубой") == "Куба");
    CHECK(place("Парижем") == "Парижем");
    CHECK(place("Москвой") == "Москвой");
    CHECK(place("Казани") == "Казани"); // soft-sign nouns are not read: Беркли, Тбилиси
    CHECK(place("Беркли") == "Беркли");
    CHECK(place("Сочи") == "Сочи");
    CHECK(place("Хонсю") == "Хонсю");
    CHECK(place("москвичей") == "москвичей");
    CHECK(place("Неву") == "Неву"); // Нева's, or a Нев's?
    CHECK(place("Верхнее Нащекино") == "Верхнее Нащекино");
    CHECK(place("Гегаркуникском областном") == "Гегаркуникском областном");
    // Soft adjectives are no nouns in -ье, a soft-sign noun's instrumental no dative of one.
    CHECK(place("Третьем рейхе") == "Третьем рейхе");
    CHECK(place("Бабьем Яре") == "Бабьем Яре");
    CHECK(place("Сибирью") == "Сибирью");
    CHECK(place("Садовом кольце") == "Садовое кольцо");
    CHECK(place("Кривом Роге") == "Кривой Рог");
    // Odd input comes back as written, and its readings are safe to ask for.
    for (std::string_view odd : {"", " ", "-", "«»", "«", "а", "-а", "ой ой", "\xD0", "Ы-Ы-Ы",
                                 "ском", "-ском", "Мор", "ц", "«ой» «ой»"}) {
        CHECK(place(odd) == odd);
        CHECK_NOTHROW(ent::place_nominatives(odd));
    }
    // A feminine's -е and a masculine's tie unless the article writes a form of one of them.
    CHECK(place("Канаде") == "Канаде");
    CHECK(ent::nominative("Канаде", EntityType::place, "ru",
                          [](std::string_view w) { return w == "Канады"; }) == "Канада");
    CHECK(ent::nominative("Сиднея", EntityType::place, "ru",
                          [](std::string_view w) { return w == "Сидней"; }) == "Сидней");
    // Every reading, for the gazetteer to find the place left as written.
    const auto readings = ent::place_nominatives("Канаде");
    CHECK(std::find(readings.begin(), readings.end(), "Канада") != readings.end());
    const auto germany = ent::place_nominatives("Федеративную республику Германию");
    CHECK(std::find(germany.begin(), germany.end(), "Федеративная республика Германия") !=
          germany.end());
}

TEST_CASE("tagging: Russian names outside the gazetteer become entities, in the nominative") {
    Article a;
    a.language = "ru";
    a.title = "Надежда Иванова возглавила фонд";
    a.body = "Как сообщили в фонде, Надежды Ивановой не было в Галифаксе с 2010 года.";
    const auto es = ent::tag(a);
    CHECK(has_entity(es, EntityType::person, "Надежда Иванова"));
    const auto it = std::find_if(es.begin(), es.end(),
                                 [](const auto& e) { return e.name == "Надежда Иванова"; });
    REQUIRE(it != es.end());
    CHECK(it->count == 2);
    CHECK_FALSE(has_entity(es, EntityType::person, "Надежды Ивановой"));

    CHECK(ent::tagger_applies("ru"));
    CHECK_FALSE(ent::tagger_applies("en"));
}

TEST_CASE("tagging: a Russian place its nominative leaves as written is the gazetteer's when a "
          "reading of it names one place") {
    Article a;
    a.language = "ru";
    a.title = "Визит";
    a.body = "Соединённые Штаты возобновили переговоры с Кубой. Премьер-министр Соединённого "
             "Королевства прибыл в Кувейт.";
    const auto es = ent::tag(a);
    CHECK(has_entity(es, EntityType::place, "Cuba")); // "Кубой": Куба, not "Кубая"
    CHECK(has_entity(es, EntityType::place, "United Kingdom")); // the head's reading
    CHECK_FALSE(has_entity(es, EntityType::place, "Кубой"));
    CHECK_FALSE(has_entity(es, EntityType::place, "Соединённое Королевство"));
}

TEST_CASE("tagging: a Russian surname alone in another case joins the full name") {
    const auto tagging =
        ent::tag_all(russian("Журналист Иван Голунов был задержан в Москве.\nАдвокат Голунова "
                             "заявил, что дело против Голунова сфабриковано."));
    std::vector<std::string> joined;
    for (const auto& m : tagging.mentions)
        if (m.text == "Голунова") joined.push_back(m.entity);
    REQUIRE_FALSE(joined.empty());
    for (const auto& e : joined)
        CHECK(e == "Иван Голунов");
    CHECK_FALSE(has_entity(tagging.entities, EntityType::person, "Голунов"));
    // Two men of one surname: the lone one joins neither.
    const auto two = ent::tag_all(russian("Иван Голунов и Пётр Голунов приехали в Москву.\n"
                                          "Адвокат Голуновым не звонил."));
    std::size_t lone = 0;
    for (const auto& m : two.mentions)
        if (m.text == "Голуновым") {
            ++lone;
            CHECK(m.entity != "Иван Голунов");
            CHECK(m.entity != "Пётр Голунов");
        }
    CHECK(lone == 1);
    // A man and a woman: her name stays hers, and each case of the surname joins its own.
    const auto pair = ent::tag_all(russian("Иван Голунов и Мария Голунова приехали в Москву.\n"
                                           "Адвокат Голуновым не звонил. Сестра Голуновой "
                                           "пришла."));
    CHECK(has_entity(pair.entities, EntityType::person, "Мария Голунова"));
    CHECK_FALSE(has_entity(pair.entities, EntityType::person, "Марий Голунов"));
    for (const auto& m : pair.mentions) {
        if (m.text == "Голуновым") CHECK(m.entity == "Иван Голунов");
        if (m.text == "Голуновой") CHECK(m.entity == "Мария Голунова");
    }
}

TEST_CASE("tagging: a tagged person under another given name is not the gazetteer's namesake") {
    auto es = ent::tag(russian("Алексей Навальный и Барак Обама не приехали. Юлия Навальная "
                               "выступила в Мюнхене. Первая леди Мишель Обама задержалась в Белом "
                               "доме."));
    CHECK(has_entity(es, EntityType::person, "Юлия Навальная"));
    CHECK(has_entity(es, EntityType::person, "Мишель Обама"));
    const auto count = [&](const std::string& name) {
        const auto it =
            std::find_if(es.begin(), es.end(), [&](const auto& e) { return e.name == name; });
        return it == es.end() ? 0 : it->count;
    };
    CHECK(count("Alexei Navalny") == 1);
    CHECK(count("Barack Obama") == 1);
    // The entity's own given name, inflected or as an initial, is still the entity.
    es = ent::tag(russian("Барака Обамы не было на встрече. Поздравили Владимира Путина и В. "
                          "Путина."));
    CHECK(has_entity(es, EntityType::person, "Barack Obama"));
    CHECK(has_entity(es, EntityType::person, "Vladimir Putin"));
}

TEST_CASE("the tagger takes any bytes: spans stay inside the text, in order") {
    std::uint64_t state = 18;
    for (int round = 0; round < 200; ++round) {
        std::string text;
        for (int i = 0; i < 300; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const auto byte = static_cast<char>(state >> 56);
            // Mostly Cyrillic and Latin capitals and spaces, with stray bytes of every value.
            text += (state >> 40) % 4 == 0 ? std::string("Ив") : std::string(1, byte);
        }
        const auto spans = tg::bundled_model().tag(text);
        for (std::size_t i = 0; i < spans.size(); ++i) {
            CHECK(spans[i].begin < spans[i].end);
            CHECK(spans[i].end <= text.size());
            if (i) CHECK(spans[i - 1].begin <= spans[i].begin);
        }
    }
}

namespace {

// A model whose only weights are `weight` on one feature (its index among a token's features) of
// the given tokens, for the given chain and label: what it tags follows from those weights alone.
struct Weight {
    std::size_t token, feature, chain;
    tg::Label label;
};

tg::Model model_of(const std::string& text, const std::vector<Weight>& ws) {
    const auto tokens = tg::tokenize(text);
    std::vector<std::uint64_t> keys;
    tg::features(tokens, tg::lower_case_words(tokens), keys); // one line
    std::vector<std::uint64_t> kept;
    std::vector<float> weights;
    for (const auto& w : ws) {
        const auto key = keys[w.token * tg::features_per_token + w.feature];
        auto it = std::find(kept.begin(), kept.end(), key);
        if (it == kept.end()) {
            kept.push_back(key);
            weights.resize(weights.size() + tg::row_size, 0.0f);
            it = kept.end() - 1;
        }
        weights[static_cast<std::size_t>(it - kept.begin()) * tg::row_size +
                w.chain * tg::label_count + w.label] = 10;
    }
    std::array<tg::Transitions, tg::chain_count> transitions{};
    return tg::Model(tg::write_model(kept, weights, transitions));
}

constexpr std::size_t word_feature = 1, previous_word_feature = 10,
                      second_previous_word_feature = 12;
constexpr std::size_t person_chain = 0, org_chain = 1, place_chain = 3;

} // namespace

TEST_CASE("a tagged name that opens a quotation mark ends with its closing mark") {
    const std::string text = "Совет «Единой России» собрался";
    // Tokens: Совет « Единой России » собрался; the weights make "Совет « Единой России" an
    // organization, and nothing marks "»".
    const auto m = model_of(text, {{0, word_feature, org_chain, tg::begin},
                                   {1, word_feature, org_chain, tg::inside},
                                   {2, word_feature, org_chain, tg::inside},
                                   {3, word_feature, org_chain, tg::inside}});
    CHECK(span_texts(text, m.tag(text), EntityType::organization) ==
          std::vector<std::string>{"Совет «Единой России»"});
    // A closed quotation is left as it is.
    const std::string closed = "«Юность» Совет";
    const auto m2 = model_of(closed, {{0, word_feature, org_chain, tg::begin},
                                      {1, word_feature, org_chain, tg::inside},
                                      {2, word_feature, org_chain, tg::inside}});
    CHECK(span_texts(closed, m2.tag(closed), EntityType::organization) ==
          std::vector<std::string>{"«Юность»"});
    // A closing mark the span did not open is left out: "Центр", not "Центр»".
    const std::string stray = "с группой «Центр» вёл";
    const auto m3 = model_of(
        stray, {{3, word_feature, org_chain, tg::begin}, {4, word_feature, org_chain, tg::inside}});
    CHECK(span_texts(stray, m3.tag(stray), EntityType::organization) ==
          std::vector<std::string>{"Центр"});
}

TEST_CASE("a name tagged once is tagged wherever the text writes it again") {
    // Only "Гессен" after "земле" has a weight; the other "Гессен" is found by spreading the name.
    const std::string text = "В земле Гессен выборы. Позже Гессен ответил, в том числе В.";
    const auto tokens = tg::tokenize(text);
    REQUIRE(tokens[2].text == "Гессен");
    const auto m = model_of(text, {{2, previous_word_feature, place_chain, tg::begin}});
    CHECK(span_texts(text, m.tag(text), EntityType::place) ==
          std::vector<std::string>{"Гессен", "Гессен"});
    // A one-word name the text also writes in lower case is not spread: "В" (sentence start of
    // "в") tagged once stays once.
    const auto m2 = model_of(text, {{0, previous_word_feature, place_chain, tg::begin}});
    CHECK(span_texts(text, m2.tag(text), EntityType::place) == std::vector<std::string>{"В"});
    // Nor is it spread over another name: "Позже Гессен" as one organization keeps its words.
    const auto m3 = model_of(text, {{2, previous_word_feature, place_chain, tg::begin},
                                    {5, word_feature, org_chain, tg::begin},
                                    {6, previous_word_feature, org_chain, tg::inside}});
    const auto spans = m3.tag(text);
    CHECK(span_texts(text, spans, EntityType::place) == std::vector<std::string>{"Гессен"});
    CHECK(span_texts(text, spans, EntityType::organization) ==
          std::vector<std::string>{"Позже Гессен"});
}

TEST_CASE("an organization of one word tagged in few of its places is not spread") {
    // "ЕГЭ" after "Экзамен" is tagged; the four other places are not, and the chains' reading of
    // most of its places wins: it is not spread.
    const std::string text = "Экзамен ЕГЭ сдали. ЕГЭ сдали. ЕГЭ снова. ЕГЭ и ЕГЭ.";
    const auto tokens = tg::tokenize(text);
    REQUIRE(tokens[1].text == "ЕГЭ");
    const auto m = model_of(text, {{1, previous_word_feature, org_chain, tg::begin}});
    CHECK(span_texts(text, m.tag(text), EntityType::organization) ==
          std::vector<std::string>{"ЕГЭ"});
    // Written twice, it is spread.
    const std::string twice = "Экзамен ЕГЭ сдали. Потом ЕГЭ.";
    const auto m2 = model_of(twice, {{1, previous_word_feature, org_chain, tg::begin}});
    CHECK(span_texts(twice, m2.tag(twice), EntityType::organization) ==
          std::vector<std::string>{"ЕГЭ", "ЕГЭ"});
}

TEST_CASE("a name is not spread to where its line calls it a work") {
    // "Today" after "хиты" is tagged (by the word two before it); after "альбом" it is an album's
    // title, so the spreading pass leaves it out there.
    const std::string text = "хиты «Today» и альбом «Today» вышли.";
    const auto tokens = tg::tokenize(text);
    REQUIRE(tokens[2].text == "Today");
    const auto m = model_of(text, {{2, second_previous_word_feature, org_chain, tg::begin}});
    CHECK(span_texts(text, m.tag(text), EntityType::organization) ==
          std::vector<std::string>{"Today"});
    // Without the work word, the name is spread as before.
    const std::string plain = "хиты «Today» и потом «Today» вышли.";
    const auto m2 = model_of(plain, {{2, second_previous_word_feature, org_chain, tg::begin}});
    CHECK(span_texts(plain, m2.tag(plain), EntityType::organization) ==
          std::vector<std::string>{"Today", "Today"});
}

TEST_CASE("a person is not the first part of a word hyphenated to a lower-case word") {
    // "Карнеги" is tagged by its word wherever written; in "Карнеги-холле" it names a hall, and the
    // spreading pass does not put it back there.
    const std::string text = "в Карнеги-холле играл Эндрю Карнеги и Карнеги-Меллон";
    const auto tokens = tg::tokenize(text);
    REQUIRE(tokens[1].text == "Карнеги");
    REQUIRE(tokens[6].text == "Карнеги");
    const auto m = model_of(text, {{6, word_feature, person_chain, tg::begin}});
    CHECK(span_texts(text, m.tag(text), EntityType::person) ==
          std::vector<std::string>{"Карнеги", "Карнеги"});
}

TEST_CASE("tagging: an organization holds the names nested in it; a tagged person wins over the "
          "gazetteer words inside it") {
    Article a;
    a.language = "ru";
    a.title = "Заявление";
    a.body = "МИД России заявил, что Кит Флинт и Джо Байдена не знают.";
    const auto t = ent::tag_all(a);
    auto has_mention = [&](EntityType type, const std::string& text, const std::string& entity) {
        return std::any_of(t.mentions.begin(), t.mentions.end(), [&](const auto& m) {
            return m.type == type && m.text == text && m.entity == entity;
        });
    };
    CHECK(has_mention(EntityType::organization, "МИД России", "МИД России"));
    CHECK(has_mention(EntityType::place, "России", "Russia"));
    CHECK(has_mention(EntityType::person, "Кит Флинт", "Кит Флинт"));
    CHECK(has_mention(EntityType::person, "Джо Байдена", "Joe Biden"));
    CHECK_FALSE(std::any_of(t.mentions.begin(), t.mentions.end(),
                            [](const auto& m) { return m.text == "Кит" || m.text == "Байдена"; }));
    for (const auto& m : t.mentions)
        CHECK(a.body.substr(m.start, m.end - m.start) == m.text);

    // A place holding a known place, after a common noun, is a mention of that place.
    Article b;
    b.language = "ru";
    b.title = "Сводка";
    b.body = "Бои на востоке Украины продолжаются.";
    const auto u = ent::tag_all(b);
    auto mention_of = [&](const std::string& text) -> const dateline::EntityMention* {
        for (const auto& m : u.mentions)
            if (m.text == text) return &m;
        return nullptr;
    };
    REQUIRE(mention_of("востоке Украины"));
    CHECK(mention_of("востоке Украины")->entity == "Ukraine");
    REQUIRE(mention_of("Украины"));
    CHECK(mention_of("Украины")->entity == "Ukraine");
    CHECK_FALSE(std::any_of(u.entities.begin(), u.entities.end(), [](const auto& e) {
        return e.name.find("востоке") != std::string::npos;
    }));
}

TEST_CASE("tagging: the tagger overrules a gazetteer part of a hyphenated name and a stem-only "
          "place read into a person") {
    ent::Gazetteer g;
    g.add_tsv("place\tManche\tFR\tМанш\t\nplace\tMurcia\tES\tМурсия\t\n"
              "place\tHiroshima\tJP\tХиросима\t\n",
              "test");
    g.finalize();
    auto mentions_of = [&](const std::string& body) {
        Article a;
        a.language = "ru";
        a.title = "Новости";
        a.body = body;
        std::vector<std::pair<EntityType, std::string>> out;
        for (const auto& m : ent::tag_all(a, g).mentions)
            out.emplace_back(m.type, m.text);
        return out;
    };
    using Pair = std::pair<EntityType, std::string>;
    // "Манш" is a part of "Ла-Манш", not a name nested in it.
    const auto channel = mentions_of("Изобретатель из Франции попробует преодолеть Ла-Манш на "
                                     "реактивной платформе.");
    CHECK(std::find(channel.begin(), channel.end(), Pair{EntityType::place, "Манш"}) ==
          channel.end());
    // "Мурси" shares its stem with "Мурсия", but is no "Мурсия" plus an ending: the tagged person
    // wins. The alias's own forms ("Мурсии") stay places.
    const auto morsi = mentions_of("Президент Египта Мохаммед Мурси выступил. Мурси заявил, что "
                                   "не уйдёт. Он посетил Мурсию.");
    CHECK(std::find(morsi.begin(), morsi.end(), Pair{EntityType::place, "Мурси"}) == morsi.end());
    CHECK(std::find(morsi.begin(), morsi.end(), Pair{EntityType::place, "Мурсию"}) != morsi.end());
    // An alias less its final vowel plus one letter is a form of it too ("Хиросимы").
    const auto city = mentions_of("Мэр Хиросимы выступил.");
    CHECK(std::find(city.begin(), city.end(), Pair{EntityType::place, "Хиросимы"}) != city.end());
}

TEST_CASE("tagging: a tagged person that begins with a known place is the place, then the person") {
    Article a;
    a.language = "ru";
    a.title = "Заявление";
    a.body = "По словам премьер-министра земли Гессен Фолькера Буфье, решение принято. Князь "
             "Монако Альбер II приехал.";
    const auto t = ent::tag_all(a);
    auto has_mention = [&](EntityType type, const std::string& text) {
        return std::any_of(t.mentions.begin(), t.mentions.end(),
                           [&](const auto& m) { return m.type == type && m.text == text; });
    };
    CHECK(has_mention(EntityType::place, "Гессен"));
    CHECK(has_mention(EntityType::person, "Фолькера Буфье"));
    CHECK_FALSE(has_mention(EntityType::person, "Гессен Фолькера Буфье"));
    for (const auto& m : t.mentions)
        CHECK(a.body.substr(m.start, m.end - m.start) == m.text);
}
