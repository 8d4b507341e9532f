// Reading document data (the JSON object of analyzers/article_json.h) for display without parsing
// all of it: the article body is most of its bytes, and a hit needs only a few short members.
// data_members() cuts the wanted top-level members out of the text with a scanner that skips
// the others (strings, arrays and objects are skipped without being decoded) and parses only
// those with nlohmann::json. Text that is not a well-formed object falls back to a full parse
// (an empty object when that fails too).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

namespace dateline::query {

nlohmann::json data_members(std::string_view json_text,
                            std::initializer_list<std::string_view> keys);

} // namespace dateline::query
