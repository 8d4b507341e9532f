// Two people the person chain ran together are split (person_splits.h).
#include "analyzers/entities/person_splits.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace tg = dateline::entities::tagger;

namespace {

using Texts = std::vector<std::string>;
constexpr std::size_t person = 0, organization = 1;

// The texts of the spans after split_joined_people, for one span over `part` of `text`.
Texts split(std::string_view text, std::string_view part, std::size_t chain = person) {
    const auto at = text.find(part);
    REQUIRE(at != std::string_view::npos);
    std::vector<tg::Span> spans{{at, at + part.size(), chain}};
    tg::split_joined_people(tg::tokenize(text), spans);
    Texts out;
    for (const auto& s : spans)
        out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
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
