// Reading document data (the JSON object of analyzers/article_json.h) for display without parsing
// all of it: the article body is most of its bytes, and a hit needs only a few short members.
// data_members() cuts the wanted top-level members out of the text with a scanner that skips
// the others (strings, arrays and objects are skipped without being decoded) and parses only
// those with nlohmann::json. Text that is not a well-formed object falls back to a full parse
// (an empty object when that fails too).
// The raw_keys overload and for_each_raw_object() give the same scanner's raw texts, for hot paths
// that read a few members of many small objects (the mentions beside a snippet) without JSON.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::query {

nlohmann::json data_members(std::string_view json_text,
                            std::initializer_list<std::string_view> keys);

// data_members(json_text, keys), and from the same scan the raw JSON text of each of `raw_keys`
// (in their order, empty when absent) in *raw; *raw is left empty when the text needed the full
// parse (not a well-formed object as far as the scanner can tell).
nlohmann::json data_members(std::string_view json_text,
                            std::initializer_list<std::string_view> keys,
                            std::initializer_list<std::string_view> raw_keys,
                            std::vector<std::string_view>* raw);

// Calls `visit` with the members (key, raw value) of each object in the raw JSON array; false when
// `raw_array` is not an array of objects. The views point into `raw_array`.
using RawObject = std::span<const std::pair<std::string_view, std::string_view>>;
bool for_each_raw_object(std::string_view raw_array, const std::function<void(RawObject)>& visit);

// A raw JSON string (quotes included) decoded into `out`; false when it is not one.
bool decode_raw_string(std::string_view raw, std::string* out);

} // namespace dateline::query
