#include "json_record.h"

#include "analyzers/dates.h"
#include "analyzers/text.h"

#include <cmath>
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
    if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_float()) {
        // Whole seconds of a fractional timestamp; a number no integer holds (1e300) as written.
        const double d = v.get<double>();
        if (std::isfinite(d) && std::fabs(d) < 9e18)
            return std::to_string(static_cast<long long>(d));
        return v.dump();
    }
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

// The length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8 (stray or
// missing continuation bytes, overlong forms, UTF-16 surrogates, code points past U+10FFFF);
// `why` says which.
std::size_t utf8_sequence(std::string_view s, std::size_t i, const char*& why) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    // The lead byte gives the length, the smallest code point that length may encode, and the
    // lead byte's payload bits.
    struct Lead {
        std::size_t n;
        unsigned min, bits;
    };
    Lead lead{};
    if (c >= 0xC2 && c <= 0xDF)
        lead = {2, 0x80, c & 0x1Fu};
    else if (c >= 0xE0 && c <= 0xEF)
        lead = {3, 0x800, c & 0x0Fu};
    else if (c >= 0xF0 && c <= 0xF4)
        lead = {4, 0x10000, c & 0x07u};
    else {
        why = c == 0xC0 || c == 0xC1 ? "overlong encoding" : "invalid byte";
        return 0;
    }
    unsigned cp = lead.bits;
    for (std::size_t k = 1; k < lead.n; ++k) {
        if (i + k >= s.size() || (byte(i + k) & 0xC0) != 0x80) {
            why = "sequence cut short";
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < lead.min)
        why = "overlong encoding";
    else if (cp >= 0xD800 && cp <= 0xDFFF)
        why = "UTF-16 surrogate";
    else if (cp > 0x10FFFF)
        why = "code point past U+10FFFF";
    else
        return lead.n;
    return 0;
}

// What the JSON parser is not asked to judge: NUL bytes, invalid UTF-8 (both named with their
// byte position, without echoing the bytes), and nesting deeper than max_json_depth (a deep
// record costs the parser time and memory for nothing).
void check_record_bytes(std::string_view line) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    const auto at = [](std::size_t i) { return " at byte " + std::to_string(i + 1); };
    for (std::size_t i = 0; i < line.size();) {
        const char c = line[i];
        if (c == '\0') throw RecordError("NUL byte" + at(i));
        if (static_cast<unsigned char>(c) >= 0x80) {
            const char* why = "";
            std::size_t n = utf8_sequence(line, i, why);
            if (n == 0) throw RecordError("invalid UTF-8" + at(i) + " (" + why + ")");
            i += n;
            escaped = false;
            continue;
        }
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_json_depth)
                throw RecordError("JSON nested deeper than " + std::to_string(max_json_depth) +
                                  " levels" + at(i));
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
        ++i;
    }
}

} // namespace

Article article_from_record(std::string_view line, const FieldMap& fields) {
    check_record_bytes(line);
    json obj;
    try {
        obj = json::parse(line);
    } catch (const json::exception& e) { // parse_error, or out_of_range for a number past 1e308
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
