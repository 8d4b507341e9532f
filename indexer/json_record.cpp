#include "json_record.h"

#include "analyzers/dates.h"
#include "analyzers/text.h"

#include <nlohmann/json.hpp>

namespace dateline {

using nlohmann::json;

FieldMap::FieldMap() {
    for (const auto& field : article_fields())
        map_[field] = {field};
}

const std::vector<std::string>& FieldMap::article_fields() {
    static const std::vector<std::string> fields{"id",      "url",    "title",     "description",
                                                 "body",    "source", "published", "updated",
                                                 "authors", "tags",   "language",  "section"};
    return fields;
}

void FieldMap::set(std::string_view assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw std::invalid_argument("expected FIELD=INPUT[,INPUT...], got '" +
                                    std::string(assignment) + "'");
    std::string field(text::trim(assignment.substr(0, eq)));
    if (!map_.contains(field)) throw std::invalid_argument("unknown article field '" + field + "'");
    std::vector<std::string> inputs;
    std::string_view rest = assignment.substr(eq + 1);
    while (!rest.empty()) {
        auto comma = rest.find(',');
        auto name = text::trim(rest.substr(0, comma));
        if (!name.empty()) inputs.emplace_back(name);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (inputs.empty()) throw std::invalid_argument("no input fields for '" + field + "'");
    map_[field] = std::move(inputs);
}

const std::vector<std::string>& FieldMap::inputs_for(const std::string& field) const {
    return map_.at(field);
}

namespace {

// A scalar as text: strings as they are, numbers printed, other types empty.
std::string scalar_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_float()) return std::to_string(static_cast<long long>(v.get<double>()));
    return "";
}

// A name from a string or an object with "name" (JSON-LD style authors).
std::string name_text(const json& v) {
    if (v.is_object()) {
        auto it = v.find("name");
        return it != v.end() ? scalar_text(*it) : "";
    }
    return scalar_text(v);
}

std::string first_scalar(const json& obj, const std::vector<std::string>& inputs) {
    for (const auto& name : inputs) {
        auto it = obj.find(name);
        if (it == obj.end()) continue;
        std::string value = scalar_text(*it);
        if (!text::trim(value).empty()) return value;
    }
    return "";
}

// Text fields: every non-empty input, as paragraphs.
std::string joined_text(const json& obj, const std::vector<std::string>& inputs) {
    std::string out;
    for (const auto& name : inputs) {
        auto it = obj.find(name);
        if (it == obj.end()) continue;
        std::string value = scalar_text(*it);
        if (text::trim(value).empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += value;
    }
    return out;
}

std::vector<std::string> all_items(const json& obj, const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& name : inputs) {
        auto it = obj.find(name);
        if (it == obj.end() || it->is_null()) continue;
        if (it->is_array()) {
            for (const auto& item : *it)
                if (auto s = name_text(item); !s.empty()) out.push_back(std::move(s));
        } else if (auto s = name_text(*it); !s.empty()) {
            out.push_back(std::move(s));
        }
    }
    return out;
}

std::optional<Timestamp> date_field(const json& obj, const FieldMap& fields,
                                    const std::string& field) {
    std::string value = first_scalar(obj, fields.inputs_for(field));
    if (text::trim(value).empty()) return std::nullopt;
    auto ts = dates::parse(value);
    if (!ts) throw RecordError("unparseable date '" + value + "' in field " + field);
    return ts;
}

} // namespace

Article article_from_record(std::string_view line, const FieldMap& fields) {
    json obj;
    try {
        obj = json::parse(line);
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> after the id
        if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
        throw RecordError("invalid JSON: " + what);
    }
    if (!obj.is_object()) throw RecordError("record is not a JSON object");

    Article a;
    a.id = first_scalar(obj, fields.inputs_for("id"));
    a.url = first_scalar(obj, fields.inputs_for("url"));
    a.title = first_scalar(obj, fields.inputs_for("title"));
    a.description = joined_text(obj, fields.inputs_for("description"));
    a.body = joined_text(obj, fields.inputs_for("body"));
    a.source = first_scalar(obj, fields.inputs_for("source"));
    a.language = first_scalar(obj, fields.inputs_for("language"));
    a.section = first_scalar(obj, fields.inputs_for("section"));
    a.authors = all_items(obj, fields.inputs_for("authors"));
    a.tags = all_items(obj, fields.inputs_for("tags"));
    a.published = date_field(obj, fields, "published");
    a.updated = date_field(obj, fields, "updated");
    if (text::trim(a.title).empty() && text::trim(a.body).empty())
        throw RecordError("record has no title and no body");
    return a;
}

} // namespace dateline
