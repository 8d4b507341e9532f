// The extents of the people the person chain finds (person_extents.h).
#include "analyzers/entities/person_extents.h"
#include "tagger_spans.h"

#include <doctest/doctest.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tg = dateline::entities::tagger;

namespace {

using Texts = std::vector<std::string>;
constexpr std::size_t person = 0, organization = 1;

Texts fixed(std::string_view text, std::vector<std::string_view> parts,
            dateline::test::SpanRule rule, std::size_t chain = person) {
    return dateline::test::spans_after(text, parts, rule, chain);
}

Texts split(std::string_view text, std::string_view part, std::size_t chain = person) {
    return fixed(text, {part}, tg::split_joined_people, chain);
}

} // namespace

TEST_CASE("joined people: a spaced dash, a second initial, a repeat, a second surname form") {
    CHECK(split("сыновья Минтимера Шаймиева - Радик и Айрат", "Минтимера Шаймиева - Радик") ==
          Texts{"Минтимера Шаймиева", "Радик"});
    CHECK(split("из окружения В.Шеймана А.Кулешов.", "В.Шеймана А.Кулешов") ==
          Texts{"В.Шеймана", "А.Кулешов"});
    CHECK(split("28-летний Максим Дадашев Дадашев дебютировал", "Максим Дадашев Дадашев") ==
          Texts{"Максим Дадашев", "Дадашев"});
    CHECK(split("Внук Минтимера Шаймиева Тимур Шаймиев занял пост",
                "Минтимера Шаймиева Тимур Шаймиев") ==
          Texts{"Минтимера Шаймиева", "Тимур Шаймиев"});
    // Three people: each part is split again.
    CHECK(split("дети А.Иванова Б.Петров В.Сидоров", "А.Иванова Б.Петров В.Сидоров") ==
          Texts{"А.Иванова", "Б.Петров", "В.Сидоров"});
}

TEST_CASE("joined people: one person's name stays whole") {
    for (std::string_view name :
         {"Жа Жа Габор", "Би Би Кинг", "Мухаммад Ахмад Мухаммад Джабарин", "Майкл Дж. Фокс",
          "Римского-Корсакова", "Владимир Владимирович Путин", "А. С. Пушкина"})
        CHECK(split(std::string("роль ") + std::string(name) + " в", name) ==
              Texts{std::string(name)});
    // Not a person's span: left alone.
    CHECK(split("партии Минтимера Шаймиева - Радик", "Минтимера Шаймиева - Радик", organization) ==
          Texts{"Минтимера Шаймиева - Радик"});
}

TEST_CASE("glued initials: a short initial takes the surname glued to it by a period") {
    CHECK(fixed("утвердит кандидатуру Дж.Коми, то", {"Дж"}, tg::extend_glued_initials) ==
          Texts{"Дж.Коми"});
    // A person span inside the surname goes.
    CHECK(fixed("кандидатуру Дж.Коми", {"Дж", "Коми"}, tg::extend_glued_initials) ==
          Texts{"Дж.Коми"});
    // Not after a full word, nor over a space or a lower-case word.
    CHECK(fixed("это Иванов.Коми", {"Иванов"}, tg::extend_glued_initials) == Texts{"Иванов"});
    CHECK(fixed("это Дж. Коми", {"Дж"}, tg::extend_glued_initials) == Texts{"Дж"});
    CHECK(fixed("это Дж.конец", {"Дж"}, tg::extend_glued_initials) == Texts{"Дж"});
}

TEST_CASE("leading titles: a capitalized title, rank or kinship is no part of the name") {
    CHECK(fixed("Император Акихито (справа)", {"Император Акихито"}, tg::trim_leading_titles) ==
          Texts{"Акихито"});
    CHECK(fixed("Вдова Солженицына сказала", {"Вдова Солженицына"}, tg::trim_leading_titles) ==
          Texts{"Солженицына"});
    // Nor an institution named after the person.
    CHECK(fixed("президент Института Пушкина", {"Института Пушкина"}, tg::trim_leading_titles) ==
          Texts{"Пушкина"});
    // Given names that look like titles, lower-case words and one-word spans stay.
    for (std::string_view name : {"Мэри Шапиро", "Эмир Кустурица", "Мать Тереза", "Президентов"})
        CHECK(fixed(name, {name}, tg::trim_leading_titles) == Texts{std::string(name)});
    CHECK(fixed("герцогиня Корнуольская", {"герцогиня Корнуольская"}, tg::trim_leading_titles) ==
          Texts{"герцогиня Корнуольская"});
}
