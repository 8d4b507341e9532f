#include "request_options.h"

#include "analyzers/text.h"
#include "date_range.h"
#include "errors.h"
#include "histogram.h"
#include "recency.h"

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace dateline::query {

namespace {

enum class Kind { text, count, flag, list };

// An option's value, converted by its kind before its setter sees it.
struct Value {
    std::string text;
    std::uint64_t count = 0;
    bool flag = false;
    std::vector<std::string> list;
};

struct Option {
    std::string_view name, alias;
    Kind kind;
    std::uint64_t most; // counts only
    void (*set)(SearchRequest&, Value&);
};

constexpr std::uint64_t doccount_max = std::numeric_limits<Xapian::doccount>::max();
constexpr std::uint64_t size_max = std::numeric_limits<std::uint32_t>::max();

const std::array<Option, 30>& options() {
    static const std::array<Option, 30> table{{
        {"q", "query", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             r.query = v.text;
             r.query_json.reset();
         }},
        {"facet", "facets", Kind::list, 0,
         [](SearchRequest& r, Value& v) { r.facets = std::move(v.list); }},
        {"filter", "filters", Kind::list, 0,
         [](SearchRequest& r, Value& v) { r.filters = std::move(v.list); }},
        {"sort", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             if (v.text.empty())
                 r.sort.reset(); // the default: relevance, newest first for filters only
             else
                 r.sort = parse_sort(v.text);
         }},
        {"limit", "", Kind::count, doccount_max,
         [](SearchRequest& r, Value& v) { r.limit = static_cast<Xapian::doccount>(v.count); }},
        {"offset", "", Kind::count, doccount_max,
         [](SearchRequest& r, Value& v) { r.offset = static_cast<Xapian::doccount>(v.count); }},
        {"collapse", "", Kind::flag, 0, [](SearchRequest& r, Value& v) { r.collapse = v.flag; }},
        {"recency", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             r.recency_half_life = v.text.empty() ? 0 : parse_half_life(v.text);
         }},
        {"now", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             if (v.text.empty()) {
                 r.now.reset();
                 return;
             }
             try {
                 r.now = parse_date_period(v.text).start;
             } catch (const std::invalid_argument& e) {
                 throw UsageError("bad --now '" + v.text + "': " + e.what());
             }
         }},
        {"like", "", Kind::text, 0, [](SearchRequest& r, Value& v) { r.like = v.text; }},
        {"lang", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) { r.query_options.language = v.text; }},
        {"bucket", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) { r.facet_options.bucket = parse_bucket(v.text); }},
        {"facet_limit", "", Kind::count, size_max,
         [](SearchRequest& r, Value& v) { r.facet_options.limit = v.count; }},
        {"facet_type", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             r.facet_options.tag_type = v.text.empty() ? "" : parse_tag_type(v.text);
         }},
        {"snippet_length", "", Kind::count, size_max,
         [](SearchRequest& r, Value& v) { r.snippet_length = v.count; }},
        {"snippet_mentions", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.snippet_mentions = v.flag; }},
        {"auto_correct", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.auto_correct = v.flag; }},
        {"suggest_below", "", Kind::count, doccount_max,
         [](SearchRequest& r, Value& v) {
             r.suggest_below = static_cast<Xapian::doccount>(v.count);
         }},
        {"max_expansion", "", Kind::count, max_wildcard_expansion,
         [](SearchRequest& r, Value& v) {
             if (v.count == 0)
                 throw UsageError("the wildcard expansion limit must be 1 to " +
                                  std::to_string(max_wildcard_expansion));
             r.query_options.max_expansion = static_cast<Xapian::termcount>(v.count);
         }},
        {"entity_aliases", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.query_options.entity_aliases = v.flag; }},
        // Measurements (query/measure/measure_options.h).
        {"timeline", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.measure.timeline = v.flag; }},
        {"normalize", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.measure.normalize = v.flag; }},
        {"compare", "", Kind::list, 0,
         [](SearchRequest& r, Value& v) {
             if (v.list.size() > max_compare)
                 throw UsageError("\"compare\" takes at most " + std::to_string(max_compare) +
                                  " queries");
             r.measure.compare = std::move(v.list);
         }},
        {"cooccur", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.measure.cooccur = v.flag; }},
        {"significant", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) {
             if (!v.text.empty() && v.text != "terms" && v.text != "tags")
                 throw UsageError("unknown \"significant\" '" + v.text +
                                  "': expected terms or tags");
             r.measure.significant = v.text;
         }},
        {"trending", "", Kind::flag, 0,
         [](SearchRequest& r, Value& v) { r.measure.trending = v.flag; }},
        {"window", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) { r.measure.window = parse_half_life(v.text); }},
        {"baseline", "", Kind::text, 0,
         [](SearchRequest& r, Value& v) { r.measure.baseline = parse_half_life(v.text); }},
        {"min_count", "", Kind::count, size_max,
         [](SearchRequest& r, Value& v) { r.measure.min_count = v.count; }},
        {"edges", "", Kind::count, size_max,
         [](SearchRequest& r, Value& v) { r.measure.edges = v.count; }},
    }};
    return table;
}

const Option& find_option(std::string_view name) {
    for (const auto& option : options())
        if (option.name == name || (!option.alias.empty() && option.alias == name)) return option;
    std::string known;
    for (const auto& option : options())
        known += (known.empty() ? "" : ", ") + std::string(option.name);
    throw UsageError("unknown option \"" + std::string(name) + "\" (expected " + known + ")");
}

std::string quoted(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

[[noreturn]] void bad_count(const Option& option, std::string_view name) {
    throw UsageError(quoted(name) + " must be a whole number from 0 to " +
                     std::to_string(option.most));
}

// Commits the value only when the setter succeeds: a failed call leaves the request unchanged.
void apply(SearchRequest& request, const Option& option, Value& value) {
    SearchRequest changed = request;
    option.set(changed, value);
    request = std::move(changed);
}

} // namespace

void set_request_option(SearchRequest& request, std::string_view name, const nlohmann::json& json) {
    const Option& option = find_option(name);
    Value value;
    switch (option.kind) {
    case Kind::text:
        if (option.name == "q" && json.is_object()) { // a structured query (query_json.h)
            set_json_query(request, json);
            return;
        }
        if (!json.is_string())
            throw UsageError(quoted(name) + (option.name == "q"
                                                 ? " must be a string or a JSON query object"
                                                 : " must be a string"));
        value.text = json.get<std::string>();
        break;
    case Kind::count:
        if (!json.is_number_unsigned() || json.get<std::uint64_t>() > option.most)
            bad_count(option, name);
        value.count = json.get<std::uint64_t>();
        break;
    case Kind::flag:
        if (!json.is_boolean()) throw UsageError(quoted(name) + " must be true or false");
        value.flag = json.get<bool>();
        break;
    case Kind::list:
        if (json.is_string()) {
            value.list.push_back(json.get<std::string>());
        } else if (json.is_array()) {
            for (const auto& item : json) {
                if (!item.is_string()) throw UsageError(quoted(name) + " must list strings");
                value.list.push_back(item.get<std::string>());
            }
        } else {
            throw UsageError(quoted(name) + " must be a string or a list of strings");
        }
        break;
    }
    apply(request, option, value);
}

void add_request_option_text(SearchRequest& request, std::string_view name, std::string_view text) {
    const Option& option = find_option(name);
    Value value;
    switch (option.kind) {
    case Kind::text:
        value.text = std::string(text);
        break;
    case Kind::count: {
        const std::string_view digits = text::trim(text);
        if (digits.empty() || digits.size() > 20) bad_count(option, name);
        std::uint64_t n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') bad_count(option, name);
            if (n > (option.most - static_cast<std::uint64_t>(c - '0')) / 10)
                bad_count(option, name);
            n = n * 10 + static_cast<std::uint64_t>(c - '0');
        }
        value.count = n;
        break;
    }
    case Kind::flag: {
        const std::string word = text::fold_case(text::trim(text));
        if (word == "1" || word == "true" || word == "yes" || word == "on")
            value.flag = true;
        else if (word == "0" || word == "false" || word == "no" || word == "off")
            value.flag = false;
        else
            throw UsageError(quoted(name) + " must be true or false (1/0, yes/no)");
        break;
    }
    case Kind::list: {
        value.list = option.name == "facet"     ? request.facets
                     : option.name == "compare" ? request.measure.compare
                                                : request.filters;
        if (option.name == "facet") { // facet=source,tag: one list
            std::string_view rest = text;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                std::string_view item = text::trim(rest.substr(0, comma));
                if (!item.empty()) value.list.emplace_back(item);
                rest =
                    comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
        } else { // a filter's value (or a compared query) may hold commas
            value.list.emplace_back(text);
        }
        break;
    }
    }
    apply(request, option, value);
}

SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults) {
    if (!object.is_object()) throw UsageError("the request is not a JSON object");
    SearchRequest request = defaults;
    for (const auto& [key, value] : object.items())
        set_request_option(request, key, value);
    return request;
}

std::span<const std::string_view> request_option_names() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& option : options())
            out.push_back(option.name);
        return out;
    }();
    return names;
}

} // namespace dateline::query
