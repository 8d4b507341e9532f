#include "analyzers/entities/flat_key_map.h"

#include <doctest/doctest.h>
#include <string>

using dateline::entities::FlatKeyMap;

TEST_CASE("flat key map: finds every key it was built with, and nothing else") {
    std::vector<std::pair<std::string, std::uint32_t>> entries;
    for (std::uint32_t i = 0; i < 1000; ++i)
        entries.emplace_back("key" + std::to_string(i), i * 7);
    entries.emplace_back("", 5);
    entries.emplace_back("a much longer key than fits in a short string", 6);
    const FlatKeyMap map(entries);
    for (const auto& [key, value] : entries)
        CHECK(map.find(key) == value);
    CHECK(map.find("key1000") == FlatKeyMap::npos);
    CHECK(map.find("ke") == FlatKeyMap::npos);
    CHECK(FlatKeyMap().find("key1") == FlatKeyMap::npos);
}
