#include "analyzers/entities/quoted_titles.h"
#include "tagger_spans.h"

#include <doctest/doctest.h>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tg = dateline::entities::tagger;

namespace {

constexpr std::size_t organization = 1, nested_organization = 2, place = 3;

// The texts of the spans left after drop_quoted_titles, one span per part given (chain `chain`).
std::vector<std::string> kept(std::string_view text, std::vector<std::string_view> parts,
                              std::size_t chain = organization) {
    return dateline::test::spans_after(text, parts, tg::drop_quoted_titles, chain);
}

using Texts = std::vector<std::string>;

} // namespace

TEST_CASE(
    "quoted titles: a work, a facility or an award named before the quotes is no organization") {
    CHECK(kept("озвучивать фильм «Цирк» будет", {"Цирк"}).empty());
    CHECK(kept("монументальное произведение \"Польский реквием\"", {"Польский реквием"}).empty());
    CHECK(kept("в киноленте «Алёнка» снялась", {"Алёнка"}, nested_organization).empty());
    // Every name of a list takes the word before its first name.
    CHECK(kept("в кинотеатрах «Звезда», «Космос» и «Юность»", {"Звезда", "Космос", "Юность"})
              .empty());
    CHECK(kept("такие картины, как «Цирк»", {"Цирк"}).empty());
    CHECK(kept("в рамках программы «Метро»", {"Метро"}).empty());
    CHECK(kept("под названием «Руны»", {"Руны"}).empty());
}

TEST_CASE("quoted titles: organizations in quotes stay") {
    // A party, a company, a newspaper: organizations.
    CHECK(kept("лидер партии «Единая Россия»", {"Единая Россия"}) == Texts{"Единая Россия"});
    CHECK(kept("акции компании «Газпром» выросли", {"Газпром"}) == Texts{"Газпром"});
    CHECK(kept("пишет газета «Коммерсант»", {"Коммерсант"}) == Texts{"Коммерсант"});
    // Words that only share a kind's stem: "премьер", "законодательного".
    CHECK(kept("депутаты законодательного собрания «Союз»", {"Союз"}) == Texts{"Союз"});
    CHECK(kept("объявил премьер «Блока»", {"Блока"}) == Texts{"Блока"});
    CHECK(kept("программист «Яндекса»", {"Яндекса"}) == Texts{"Яндекса"});
    // No word before the quotes: the tagger is trusted.
    CHECK(kept("«Газпром» сообщил", {"Газпром"}) == Texts{"Газпром"});
    // Only the whole quoted name: a span reaching past the closing mark is left alone.
    CHECK(kept("фильм «Цирк» Мосфильма", {"Цирк» Мосфильма"}) == Texts{"Цирк» Мосфильма"});
    // Places are not touched.
    CHECK(kept("станции метро «Киевская»", {"Киевская"}, place) == Texts{"Киевская"});
    // A list after a colon takes a kind word of its own sentence only, within 8 tokens.
    CHECK(kept("Вышел фильм. В сети «Москино»: «Полёт»", {"Москино", "Полёт"}) ==
          Texts{"Москино", "Полёт"});
    CHECK(kept("фильм покажут в этой большой городской сети «Москино»: «Полёт»",
               {"Москино", "Полёт"}) == Texts{"Москино", "Полёт"});
    CHECK(kept("Участники: «Газпром», «Лукойл»", {"Газпром", "Лукойл"}) ==
          Texts{"Газпром", "Лукойл"});
}

TEST_CASE("quoted titles: a list after a colon takes the kind word before the colon") {
    CHECK(kept("в девяти кинотеатрах городской сети «Москино»: «Полёт», «Юность»",
               {"Москино", "Полёт", "Юность"}) == Texts{"Москино"});
    CHECK(
        kept("Автор произведений: «Софичка», «Детство Чика»", {"Софичка", "Детство Чика"}).empty());
}

TEST_CASE("quoted titles: a Latin name is a work before a year or after a kind word") {
    // A year in brackets after a Latin name: an album, a film.
    CHECK(kept("альбомы The Fat of the Land и Invaders Must Die (2009)", {"Invaders Must Die"})
              .empty());
    // An award, a track, a festival named before an unquoted Latin name.
    CHECK(kept("лауреат премии Grammy Даниил", {"Grammy"}).empty());
    CHECK(kept("дебютировал с треком Firestarter", {"Firestarter"}).empty());
    // "среди которых" joins a list to its kind word.
    CHECK(kept("синглами, среди которых «Today», «Talk Talk»", {"Today", "Talk Talk"}).empty());
    // A Latin name that reads as a sentence is a title, whatever the word before it.
    CHECK(kept("хиты «It’s My Life» и Such a Shame", {"It’s My Life", "Such a Shame"}).empty());
    // Not for an initial, a capitalized acronym or one word.
    CHECK(kept("компании I.S.P.A. Engineering, IT Group и My",
               {"I.S.P.A. Engineering", "IT Group", "My"}) ==
          Texts{"I.S.P.A. Engineering", "IT Group", "My"});
}

TEST_CASE("quoted titles: Latin organizations stay") {
    // After an album or a project a Latin name is a band or a company.
    CHECK(kept("вышел из альбома U2", {"U2"}) == Texts{"U2"});
    CHECK(kept("по проекту Mozilla", {"Mozilla"}) == Texts{"Mozilla"});
    // A year in brackets after a Cyrillic name, or after a word: left alone.
    CHECK(kept("компания Газпром (1989)", {"Газпром"}) == Texts{"Газпром"});
    CHECK(kept("Apple (в 2009)", {"Apple"}) == Texts{"Apple"});
    // A Latin name after "премьер" is not an award's.
    CHECK(kept("сказал премьер Reuters", {"Reuters"}) == Texts{"Reuters"});
}

namespace {

std::vector<std::string> kept_events(std::string_view text, std::vector<std::string_view> parts,
                                     dateline::test::SpanRule rule = tg::drop_event_names) {
    return dateline::test::spans_after(text, parts, rule, organization);
}

} // namespace

TEST_CASE("event names: a contest, a cup or a prize is no organization") {
    CHECK(kept_events("победитель XIV Международного конкурса имени Петра Чайковского",
                      {"XIV Международного конкурса имени Петра Чайковского"})
              .empty());
    CHECK(kept_events("матч Кубка УЕФА", {"Кубка УЕФА"}).empty());
    // The event word past the third token, or "премьер": left alone.
    CHECK(kept_events("Федерация футбола России и её конкурсы", {"Федерация футбола России"}) ==
          Texts{"Федерация футбола России"});
    CHECK(kept_events("Совет при премьер-министре", {"Совет при премьер"}) ==
          Texts{"Совет при премьер"});
    CHECK(kept_events("члены Союза кинематографистов России фестиваля",
                      {"Союза кинематографистов России фестиваля"}) ==
          Texts{"Союза кинематографистов России фестиваля"});
}

TEST_CASE("facility names: a power plant is no organization") {
    CHECK(kept_events("огонь шёл к Чернобыльской АЭС и к ТЭЦ-2", {"Чернобыльской АЭС", "ТЭЦ"},
                      tg::drop_facility_names)
              .empty());
    // Only the abbreviation as a token: "Росэнергоатом" and "АЭСК" stay.
    CHECK(kept_events("концерн Росэнергоатом и АЭСК", {"Росэнергоатом", "АЭСК"},
                      tg::drop_facility_names) == Texts{"Росэнергоатом", "АЭСК"});
}

TEST_CASE("Latin performers: a Latin name after a rapper, a blogger or a singer is a person") {
    auto chain_after = [](std::string_view text, std::string_view part) {
        const auto at = text.find(part);
        REQUIRE(at != std::string_view::npos);
        std::vector<tg::Span> spans{{at, at + part.size(), organization}};
        tg::retype_latin_performers(tg::tokenize(text), spans);
        REQUIRE(spans.size() == 1);
        return spans[0].chain;
    };
    constexpr std::size_t person = 0;
    CHECK(chain_after("клип южнокорейского рэпера PSY набрал", "PSY") == person);
    CHECK(chain_after("аккаунты блогера Mimeng закрыты", "Mimeng") == person);
    // Other words before it, or a Cyrillic name: the organization stays.
    CHECK(chain_after("основателем Microsoft был", "Microsoft") == organization);
    CHECK(chain_after("рэпера Тимати", "Тимати") == organization);
}

TEST_CASE("quoted organizations: a quoted name after a word for an organization's kind") {
    // The texts of the spans after add_quoted_organizations; "?" marks one of another type.
    auto added = [](std::string_view text, std::vector<tg::Span> spans = {}) {
        const auto tokens = tg::tokenize(text);
        tg::add_quoted_organizations(tokens, spans);
        Texts out;
        for (const auto& s : spans)
            out.push_back(std::string(text.substr(s.begin, s.end - s.begin)) +
                          (s.chain == organization ? "" : "?"));
        return out;
    };
    CHECK(added("сооснователь группы «Ленинград» Игорь") == Texts{"Ленинград"});
    CHECK(added("представитель партии \"Движение за развитие Мали\"") ==
          Texts{"Движение за развитие Мали"});
    // Every name of a list after the kind word.
    CHECK(added("предприятия «Уральская сталь», «Оскольский комбинат» и другие") ==
          Texts{"Уральская сталь", "Оскольский комбинат"});
    // Not after other words, nor after a journalist, nor a name in lower case.
    CHECK(added("фильм «Цирк» вышел").empty());
    CHECK(added("журналист «Медузы» сообщил").empty());
    CHECK(added("группы «по интересам»").empty());
    // A band's song is no band.
    CHECK(added("хитов группы как «It’s My Life», «Such a Shame»").empty());
    // A place that is the whole name becomes the organization; one inside it stays, nested.
    const std::string_view band = "группы «Ленинград» концерт";
    const auto at = band.find("Ленинград");
    CHECK(added(band, {{at, at + std::string_view("Ленинград").size(), place}}) ==
          Texts{"Ленинград"});
    const std::string_view net = "организации \"Сеть поддержки выборов в Зимбабве\"";
    const auto z = net.find("Зимбабве");
    CHECK(added(net, {{z, z + std::string_view("Зимбабве").size(), place}}) ==
          Texts{"Зимбабве?", "Сеть поддержки выборов в Зимбабве"});
    // An organization there already is left alone.
    CHECK(added(band, {{at, at + std::string_view("Ленинград").size(), organization}}) ==
          Texts{"Ленинград"});
}

TEST_CASE("quoted titles: works listed with their authors are no organizations") {
    constexpr std::size_t person = 0;
    auto organizations_left = [](std::string_view text,
                                 std::vector<std::pair<std::string_view, std::size_t>> parts) {
        std::vector<tg::Span> spans;
        for (const auto& [part, chain] : parts) {
            const auto at = text.find(part);
            REQUIRE(at != std::string_view::npos);
            spans.push_back({at, at + part.size(), chain});
        }
        tg::drop_quoted_titles(tg::tokenize(text), spans);
        Texts out;
        for (const auto& s : spans)
            if (s.chain == organization) out.emplace_back(text.substr(s.begin, s.end - s.begin));
        return out;
    };
    const std::string_view films = "«Сияние» Стэнли Кубрика, «Катынь» Анджея Вайды, «Маска» Куэй";
    CHECK(organizations_left(films, {{"Сияние", organization},
                                     {"Стэнли Кубрика", person},
                                     {"Катынь", organization},
                                     {"Анджея Вайды", person},
                                     {"Маска", organization},
                                     {"Куэй", person}})
              .empty());
    // One quoted name before a person, no list: a company and its owner stay.
    const std::string_view owner = "акции ОАО «Уралкалий» Сулеймана Керимова";
    CHECK(organizations_left(owner, {{"Уралкалий", organization},
                                     {"Сулеймана Керимова", person}}) == Texts{"Уралкалий"});
}
