#include "analyzers/entities/organization_extent.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tg = dateline::entities::tagger;

namespace {

constexpr std::size_t person = 0, organization = 1, place = 3;

// A span of `chain` over the first occurrence of `part` in `text`.
tg::Span span_of(std::string_view text, std::string_view part, std::size_t chain) {
    const auto at = text.find(part);
    REQUIRE(at != std::string_view::npos);
    return {at, at + part.size(), chain};
}

// The texts of the spans of `chain` after the rules, in text order.
std::vector<std::string> fixed(std::string_view text, std::vector<tg::Span> spans,
                               std::size_t chain = organization) {
    const auto tokens = tg::tokenize(text);
    tg::fix_organization_extents(tokens, spans);
    std::sort(spans.begin(), spans.end(),
              [](const tg::Span& a, const tg::Span& b) { return a.begin < b.begin; });
    std::vector<std::string> out;
    for (const auto& s : spans)
        if (s.chain == chain) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using Texts = std::vector<std::string>;

constexpr std::size_t nested = 2;

// The texts of the spans of `chain` after `rule` (add_institution_nouns, add_nested_acronyms).
Texts after_rule(void (*rule)(std::span<const tg::Token>, std::vector<tg::Span>&),
                 std::string_view text, std::vector<tg::Span> spans, std::size_t chain = nested) {
    rule(tg::tokenize(text), spans);
    Texts out;
    for (const auto& s : spans)
        if (s.chain == chain) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

} // namespace

TEST_CASE("organization extent: the rest of a hyphenated word joins an organization") {
    const std::string_view t = "Правозащитники из ОВД-Инфо сообщили";
    CHECK(fixed(t, {span_of(t, "ОВД", organization)}) == Texts{"ОВД-Инфо"});
    const std::string_view sf = "Дело рассмотрел федеральный суд Сан-Франциско.";
    CHECK(fixed(sf, {span_of(sf, "федеральный суд Сан", organization)}) ==
          Texts{"федеральный суд Сан-Франциско"});
    // A hyphen with spaces around it is a dash, not part of the word.
    const std::string_view dash = "Акцию провёл ОВД - сообщили в полиции";
    CHECK(fixed(dash, {span_of(dash, "ОВД", organization)}) == Texts{"ОВД"});
    // Never people or places: "Молотова-Риббентропа" is two people, "Сочи-2014" not a place.
    const std::string_view pact = "пакт Молотова-Риббентропа и Сочи-2014";
    CHECK(fixed(pact, {span_of(pact, "Молотова", person)}, person) == Texts{"Молотова"});
    CHECK(fixed(pact, {span_of(pact, "Сочи", place)}, place) == Texts{"Сочи"});
}

TEST_CASE("organization extent: an acronym or organization takes in the place after it") {
    const std::string_view t = "сотрудники ФСБ России задержали";
    CHECK(fixed(t, {span_of(t, "ФСБ", organization), span_of(t, "России", place)}) ==
          Texts{"ФСБ России"});
    // The place stays a mention of its own.
    CHECK(fixed(t, {span_of(t, "ФСБ", organization), span_of(t, "России", place)}, place) ==
          Texts{"России"});
    const std::string_view sk = "глава Следственного комитета Армении заявил";
    CHECK(fixed(sk, {span_of(sk, "Следственного комитета", organization),
                     span_of(sk, "Армении", place)}) == Texts{"Следственного комитета Армении"});
    // A place in lower case is an adjective, not the organization's place.
    const std::string_view rbk = "по данным РБК белорусского издания";
    CHECK(fixed(rbk, {span_of(rbk, "РБК", organization), span_of(rbk, "белорусского", place)}) ==
          Texts{"РБК"});
    // Only a place the tagger found: no place span, no extension.
    CHECK(fixed(t, {span_of(t, "ФСБ", organization)}) == Texts{"ФСБ"});
    // A comma between them: a list, not one name.
    const std::string_view list = "в ФСБ, России и Китае";
    CHECK(fixed(list, {span_of(list, "ФСБ", organization), span_of(list, "России", place)}) ==
          Texts{"ФСБ"});
}

TEST_CASE("organization extent: a head word before a place is an organization") {
    const std::string_view t = "представители правительства Мали и посольства США";
    CHECK(fixed(t, {span_of(t, "Мали", place), span_of(t, "США", place)}) ==
          Texts{"правительства Мали", "посольства США"});
    const std::string_view team = "матч сборной России";
    CHECK(fixed(team, {span_of(team, "России", place)}) == Texts{"сборной России"});
    // People and plain nouns are not heads: no organization.
    const std::string_view who = "поручение президента России гражданами США и власти Франции";
    CHECK(fixed(who, {span_of(who, "России", place), span_of(who, "США", place),
                      span_of(who, "Франции", place)})
              .empty());
    // A head inside an organization already found adds nothing.
    const std::string_view inside = "Министерство правительства России";
    CHECK(fixed(inside, {span_of(inside, "Министерство правительства", organization),
                         span_of(inside, "России", place)}) ==
          Texts{"Министерство правительства России"});
    // No place after the head: nothing.
    const std::string_view bare = "решение правительства вступило в силу";
    CHECK(fixed(bare, {}).empty());
}

TEST_CASE("organization extent: an ordinal in digits joins the organization after it") {
    const std::string_view t = "воевал в составе 1-го Украинского фронта";
    CHECK(fixed(t, {span_of(t, "Украинского фронта", organization)}) ==
          Texts{"1-го Украинского фронта"});
    const std::string_view army = "командир 2-й гвардейской армии";
    CHECK(fixed(army, {span_of(army, "гвардейской армии", organization)}) ==
          Texts{"2-й гвардейской армии"});
    // A year or a count is not an ordinal: "2014 Олимпийского комитета" stays.
    const std::string_view year = "в 2014 Олимпийского комитета";
    CHECK(fixed(year, {span_of(year, "Олимпийского комитета", organization)}) ==
          Texts{"Олимпийского комитета"});
    // Letters before the hyphen: a word, not an ordinal.
    const std::string_view word = "бывший кто-то Украинского фронта";
    CHECK(fixed(word, {span_of(word, "Украинского фронта", organization)}) ==
          Texts{"Украинского фронта"});
}

TEST_CASE("organization extent: имени and им. take in the name after them") {
    const std::string_view t = "концерт Ассоциации имени Людвига ван Бетховена прошёл";
    CHECK(fixed(t, {span_of(t, "Ассоциации имени Людвига ван", organization)}) ==
          Texts{"Ассоциации имени Людвига ван Бетховена"});
    const std::string_view inst = "окончил Институт иностранных языков имени М. Тореза в 1960";
    CHECK(fixed(inst, {span_of(inst, "Институт иностранных языков", organization)}) ==
          Texts{"Институт иностранных языков имени М. Тореза"});
    const std::string_view im = "артисты театра драмы им. А. М. Горького и";
    CHECK(fixed(im, {span_of(im, "театра драмы им", organization)}) ==
          Texts{"театра драмы им. А. М. Горького"});
    // A person the tagger found after the marker bounds the name: the next name is not taken.
    const std::string_view two = "конкурса имени Петра Чайковского Даниил Трифонов";
    CHECK(fixed(two,
                {span_of(two, "конкурса", organization), span_of(two, "Петра Чайковского", person),
                 span_of(two, "Даниил Трифонов", person)}) ==
          Texts{"конкурса имени Петра Чайковского"});
    // No capitalized name after the marker: the span stays as it is.
    const std::string_view none = "Театр имени которого никто не помнит";
    CHECK(fixed(none, {span_of(none, "Театр", organization)}) == Texts{"Театр"});
}

TEST_CASE("organization extent: a head noun takes in its по / за complement") {
    const std::string_view t =
        "Федеральной службы по надзору в сфере связи, информационных технологий и массовых "
        "коммуникаций заблокировала сайт";
    CHECK(fixed(t, {span_of(t, "Федеральной службы", organization)}) ==
          Texts{"Федеральной службы по надзору в сфере связи, информационных технологий и "
                "массовых коммуникаций"});
    // A span that already holds part of the complement goes on to its end.
    CHECK(fixed(t, {span_of(t, "Федеральной службы по надзору", organization)}) ==
          Texts{"Федеральной службы по надзору в сфере связи, информационных технологий и "
                "массовых коммуникаций"});
    const std::string_view two = "глава комитета по конституционному законодательству и "
                                 "госстроительству";
    CHECK(fixed(two, {span_of(two, "комитета", organization)}) ==
          Texts{"комитета по конституционному законодательству и госстроительству"});
    const std::string_view move = "Туарегское Национальное движение за освобождение Азавада (НДОА)";
    CHECK(fixed(move, {span_of(move, "Туарегское Национальное движение", organization)}) ==
          Texts{"Туарегское Национальное движение за освобождение Азавада"});
    const std::string_view pr = "Департамента по связям с общественностью сообщили";
    CHECK(fixed(pr, {span_of(pr, "Департамента", organization)}) ==
          Texts{"Департамента по связям с общественностью"});
}

TEST_CASE("organization extent: the complement stops where the name does") {
    // A verb, a preposition, a word in no genitive form end it.
    const std::string_view verb = "Европейский суд по правам человека вынес решение";
    CHECK(fixed(verb, {span_of(verb, "Европейский суд", organization)}) ==
          Texts{"Европейский суд по правам человека"});
    const std::string_view from = "жалобы в Европейский суд по правам человека от России";
    CHECK(fixed(from, {span_of(from, "Европейский суд", organization)}) ==
          Texts{"Европейский суд по правам человека"});
    const std::string_view said = "Агентство по охране среды сообщило";
    CHECK(fixed(said, {span_of(said, "Агентство", organization)}) ==
          Texts{"Агентство по охране среды"});
    // An adverbial "по словам", "по данным" is no complement.
    const std::string_view words = "в комитете по словам депутатов";
    CHECK(fixed(words, {span_of(words, "комитете", organization)}) == Texts{"комитете"});
    // Not after a word that is no head: "Газпром по итогам года", "Google по общему".
    const std::string_view firm = "Газпром по итогам года и Google по общему мнению";
    CHECK(fixed(firm, {span_of(firm, "Газпром", organization),
                       span_of(firm, "Google", organization)}) == Texts{"Газпром", "Google"});
    // "за" only after a movement, a union, a party: "Верховный суд за последние годы".
    const std::string_view years = "Верховный суд за последние годы";
    CHECK(fixed(years, {span_of(years, "Верховный суд", organization)}) == Texts{"Верховный суд"});
    // An enumeration's comma not closed by "и" is not part of the name.
    const std::string_view list = "Комиссия по делам молодёжи, спорта объявила";
    CHECK(fixed(list, {span_of(list, "Комиссия", organization)}) ==
          Texts{"Комиссия по делам молодёжи"});
    // "судья" is a person, not a court.
    const std::string_view judge = "судья по делам несовершеннолетних";
    CHECK(fixed(judge, {span_of(judge, "судья", organization)}) == Texts{"судья"});
}

TEST_CASE("organization extent: an organization ending with a place is one without it too") {
    const std::string_view t = "членом Коммунистической партии Китая стал";
    CHECK(fixed(t,
                {span_of(t, "Коммунистической партии Китая", organization),
                 span_of(t, "Китая", place)},
                nested) == Texts{"Коммунистической партии"});
    // The outer organization and the place stay as they are.
    CHECK(fixed(t, {span_of(t, "Коммунистической партии Китая", organization),
                    span_of(t, "Китая", place)}) == Texts{"Коммунистической партии Китая"});
    // A preposition before the place goes too.
    const std::string_view by = "в Главном следственном управлении по Москве";
    CHECK(fixed(by,
                {span_of(by, "Главном следственном управлении по Москве", organization),
                 span_of(by, "Москве", place)},
                nested) == Texts{"Главном следственном управлении"});
    // Not for one word left, nor a capitalized last word, nor an organization in lower case.
    const std::string_view one = "Суд Москвы решил";
    CHECK(fixed(one, {span_of(one, "Суд Москвы", organization), span_of(one, "Москвы", place)},
                nested)
              .empty());
    const std::string_view cap = "Главное управление МВД России по Москве";
    CHECK(fixed(cap, {span_of(cap, cap, organization), span_of(cap, "Москве", place)}, nested)
              .empty());
    const std::string_view low = "министерство юстиции США";
    CHECK(
        fixed(low, {span_of(low, low, organization), span_of(low, "США", place)}, nested).empty());
}

TEST_CASE("institution nouns: a lower-case 'полиция', 'правительство' alone is an organization") {
    auto added = [](std::string_view text, std::vector<tg::Span> spans = {}) {
        tg::add_institution_nouns(tg::tokenize(text), spans);
        Texts out;
        for (const auto& s : spans)
            if (s.chain == organization) out.emplace_back(text.substr(s.begin, s.end - s.begin));
        return out;
    };
    CHECK(added("Об этом сообщили в полиции, а мэрия и кабмин молчат.") ==
          Texts{"полиции", "мэрия", "кабмин"});
    CHECK(added("правительством и парламентом") == Texts{"правительством", "парламентом"});
    // Derived words, capitalized words and words inside another span are left alone.
    CHECK(added("полицейский, парламентские выборы, Правительство").empty());
    const std::string_view t = "полиции Западного округа";
    CHECK(added(t, {span_of(t, "полиции Западного округа", organization)}) ==
          Texts{"полиции Западного округа"});
    CHECK(added("Мэри").empty());
}

TEST_CASE("institution nouns: the noun that begins a longer organization is one too, nested") {
    auto nested_added = [](std::string_view text, std::vector<tg::Span> spans) {
        return after_rule(tg::add_institution_nouns, text, std::move(spans));
    };
    const std::string_view sd = "сообщили в полиции Сан-Диего";
    CHECK(nested_added(sd, {span_of(sd, "полиции Сан-Диего", organization),
                            span_of(sd, "Сан-Диего", place)}) == Texts{"полиции"});
    // Not when the organization begins before the noun, nor when another span covers it.
    const std::string_view gu = "управления полиции Москвы";
    CHECK(nested_added(gu, {span_of(gu, gu, organization)}).empty());
    const std::string_view both = "полиции Москвы";
    CHECK(nested_added(both, {span_of(both, both, organization), span_of(both, "полиции", place)})
              .empty());
}

TEST_CASE("nested acronyms: an acronym inside an organization is one of its own") {
    auto added = [](std::string_view text, std::vector<tg::Span> spans) {
        return after_rule(tg::add_nested_acronyms, text, std::move(spans));
    };
    const std::string_view school = "в Высшей партийной школе при ЦК КПСС";
    CHECK(added(school, {span_of(school, "Высшей партийной школе при ЦК КПСС", organization)}) ==
          Texts{"КПСС"});
    // First in the organization only before a place or "по".
    const std::string_view mvd = "сообщили в МВД России и в МВД по Москве";
    CHECK(added(mvd, {span_of(mvd, "МВД России", organization), span_of(mvd, "России", place),
                      span_of(mvd, "МВД по Москве", organization)}) == Texts{"МВД", "МВД"});
    const std::string_view ria = "сообщает РИА Новости";
    CHECK(added(ria, {span_of(ria, "РИА Новости", organization)}).empty());
    // A longer nested organization starting there leaves it; the same one or a place does not.
    const std::string_view gu = "ГУ МВД России";
    CHECK(added(gu, {span_of(gu, "ГУ МВД России", organization),
                     span_of(gu, "МВД России", nested)}) == Texts{"МВД России", "МВД"});
    const std::string_view ussr = "Министерство обороны СССР";
    CHECK(added(ussr, {span_of(ussr, "Министерство обороны СССР", organization),
                       span_of(ussr, "СССР", place)})
              .empty());
    // Legal forms and kinds of institution, two letters, hyphenated words: not names.
    const std::string_view kinds = "ЗАО «Роспром», Дебенской СОШ, ГУ ФСИН, ОВД-Инфо сообщает";
    CHECK(added(kinds, {span_of(kinds, "ЗАО «Роспром»", organization),
                        span_of(kinds, "Дебенской СОШ", organization),
                        span_of(kinds, "ОВД-Инфо сообщает", organization)})
              .empty());
}

TEST_CASE("nested with places: a nested organization before a place inside its outer one") {
    const std::string_view t = "аспирантуру Института языкознания АН СССР окончил";
    CHECK(after_rule(tg::add_nested_with_places, t,
                     {span_of(t, "Института языкознания АН СССР", organization),
                      span_of(t, "АН", nested), span_of(t, "СССР", place)}) ==
          Texts{"АН", "АН СССР"});
    // Not past the outer organization, nor when that is the outer one itself.
    const std::string_view past = "в МВД России";
    CHECK(after_rule(tg::add_nested_with_places, past,
                     {span_of(past, "МВД", organization), span_of(past, "МВД", nested),
                      span_of(past, "России", place)}) == Texts{"МВД"});
    const std::string_view whole = "ГУ МВД России";
    CHECK(after_rule(tg::add_nested_with_places, whole,
                     {span_of(whole, "ГУ МВД России", organization), span_of(whole, "МВД", nested),
                      span_of(whole, "России", place), span_of(whole, "МВД России", nested)}) ==
          Texts{"МВД", "МВД России"});
}

TEST_CASE("complement heads: the head before a lower-case 'по' complement is no organization") {
    const std::string_view t = "руководителем Федеральной службы по надзору в сфере образования";
    CHECK(after_rule(tg::drop_complement_heads, t,
                     {span_of(t, "Федеральной службы по надзору в сфере образования", organization),
                      span_of(t, "Федеральной службы", nested)}) == Texts{});
    const std::string_view police = "полиция по охране природных ресурсов Мэриленда";
    CHECK(after_rule(tg::drop_complement_heads, police,
                     {span_of(police, police, organization), span_of(police, "полиция", nested)}) ==
          Texts{});
    // A capitalized complement (a territory) or head keeps the nested one, as NEREL has them.
    const std::string_view moscow = "ГУ МВД России по Москве";
    CHECK(after_rule(tg::drop_complement_heads, moscow,
                     {span_of(moscow, moscow, organization),
                      span_of(moscow, "ГУ МВД России", nested)}) == Texts{"ГУ МВД России"});
    const std::string_view capital = "ГУ МВД России по борьбе с экстремизмом";
    CHECK(after_rule(tg::drop_complement_heads, capital,
                     {span_of(capital, capital, organization),
                      span_of(capital, "ГУ МВД России", nested)}) == Texts{"ГУ МВД России"});
    // Alone, without the longer organization, the head stays.
    const std::string_view alone = "Федеральной службы по надзору";
    CHECK(after_rule(tg::drop_complement_heads, alone,
                     {span_of(alone, "Федеральной службы", organization)},
                     organization) == Texts{"Федеральной службы"});
}

TEST_CASE("organization extent: a complement ends before a person's name, not inside it") {
    const std::string_view t =
        "назначил руководителем Федеральной службы по надзору в сфере образования и науки Сергея "
        "Кравцова";
    CHECK(fixed(t, {span_of(t, "Федеральной службы", organization),
                    span_of(t, "Сергея Кравцова", person)}) ==
          Texts{"Федеральной службы по надзору в сфере образования и науки"});
    // A proper noun in the genitive that is no longer name still closes it.
    const std::string_view a = "Национальное движение за освобождение Азавада заявило";
    CHECK(fixed(a, {span_of(a, "Национальное движение", organization)}) ==
          Texts{"Национальное движение за освобождение Азавада"});
}
