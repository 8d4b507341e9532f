#include "doc_data.h"

#include "analyzers/text.h"

#include <algorithm>
#include <cstring>

namespace dateline::query {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) : s_(text) {}

    void skip_space() {
        while (pos_ < s_.size() && is_space(s_[pos_]))
            ++pos_;
    }
    bool eat(char c) {
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    bool at(char c) {
        skip_space();
        return pos_ < s_.size() && s_[pos_] == c;
    }
    // A string starting at the current '"'; returns its raw text (quotes excluded).
    bool string(std::string_view* raw) {
        if (!eat('"')) return false;
        const std::size_t begin = pos_;
        while (true) {
            const char* p =
                static_cast<const char*>(std::memchr(s_.data() + pos_, '"', s_.size() - pos_));
            if (!p) return false;
            std::size_t quote = static_cast<std::size_t>(p - s_.data());
            std::size_t backslashes = 0;
            while (quote - backslashes > begin && s_[quote - backslashes - 1] == '\\')
                ++backslashes;
            pos_ = quote + 1;
            if (backslashes % 2 == 0) {
                *raw = s_.substr(begin, quote - begin);
                return true;
            }
        }
    }
    // Any value; returns its text.
    bool value(std::string_view* text) {
        skip_space();
        const std::size_t begin = pos_;
        if (pos_ >= s_.size()) return false;
        const char c = s_[pos_];
        if (c == '"') {
            std::string_view raw;
            if (!string(&raw)) return false;
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (pos_ < s_.size()) {
                const char d = s_[pos_];
                if (d == '"') {
                    std::string_view raw;
                    if (!string(&raw)) return false;
                    continue;
                }
                ++pos_;
                if (d == '{' || d == '[') ++depth;
                if (d == '}' || d == ']') {
                    if (--depth == 0) break;
                }
            }
            if (depth != 0) return false;
        } else {
            while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}' && !is_space(s_[pos_]))
                ++pos_;
            if (pos_ == begin) return false;
        }
        *text = s_.substr(begin, pos_ - begin);
        return true;
    }
    bool at_end() {
        skip_space();
        return pos_ == s_.size();
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

// The value of a JSON string from its raw text (quotes excluded); false on a bad escape.
bool decode_string(std::string_view raw, std::string* out) {
    out->clear();
    out->reserve(raw.size());
    auto hex4 = [&](std::size_t at, unsigned* value) {
        if (at + 4 > raw.size()) return false;
        *value = 0;
        for (std::size_t i = at; i < at + 4; ++i) {
            const char c = raw[i];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0) return false;
            *value = *value * 16 + static_cast<unsigned>(d);
        }
        return true;
    };
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t slash = raw.find('\\', i);
        out->append(raw.substr(i, slash == std::string_view::npos ? slash : slash - i));
        if (slash == std::string_view::npos) break;
        if (slash + 1 >= raw.size()) return false;
        const char e = raw[slash + 1];
        i = slash + 2;
        switch (e) {
        case '"':
            *out += '"';
            break;
        case '\\':
            *out += '\\';
            break;
        case '/':
            *out += '/';
            break;
        case 'b':
            *out += '\b';
            break;
        case 'f':
            *out += '\f';
            break;
        case 'n':
            *out += '\n';
            break;
        case 'r':
            *out += '\r';
            break;
        case 't':
            *out += '\t';
            break;
        case 'u': {
            unsigned cp = 0;
            if (!hex4(i, &cp)) return false;
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00) { // a surrogate pair
                unsigned low = 0;
                if (i + 6 > raw.size() || raw[i] != '\\' || raw[i + 1] != 'u' ||
                    !hex4(i + 2, &low) || low < 0xDC00 || low >= 0xE000)
                    return false;
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            text::append_utf8(*out, cp);
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

nlohmann::json full_parse(std::string_view text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

} // namespace

nlohmann::json data_members(std::string_view text, std::initializer_list<std::string_view> keys) {
    return data_members(text, keys, {}, nullptr);
}

nlohmann::json data_members(std::string_view text, std::initializer_list<std::string_view> keys,
                            std::initializer_list<std::string_view> raw_keys,
                            std::vector<std::string_view>* raw) {
    if (raw) raw->assign(raw_keys.size(), {});
    auto fallback = [&] {
        if (raw) raw->clear();
        return full_parse(text);
    };
    nlohmann::json out = nlohmann::json::object();
    Scanner scan(text);
    if (!scan.eat('{')) return fallback();
    if (scan.eat('}')) return scan.at_end() ? out : fallback();
    while (true) {
        std::string_view key, value;
        if (!scan.string(&key) || !scan.eat(':') || !scan.value(&value)) return fallback();
        if (auto r = std::find(raw_keys.begin(), raw_keys.end(), key); raw && r != raw_keys.end())
            (*raw)[static_cast<std::size_t>(r - raw_keys.begin())] = value;
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
            // Strings (most of the bytes) are decoded here; anything else by nlohmann::json.
            std::string decoded;
            if (value.front() == '"' &&
                decode_string(value.substr(1, value.size() - 2), &decoded)) {
                out[std::string(key)] = std::move(decoded);
            } else {
                auto parsed = nlohmann::json::parse(value, nullptr, false);
                if (parsed.is_discarded()) return fallback();
                out[std::string(key)] = std::move(parsed);
            }
        }
        if (scan.eat(',')) continue;
        if (scan.eat('}') && scan.at_end()) return out;
        return fallback();
    }
}

bool for_each_raw_object(std::string_view raw_array, const std::function<void(RawObject)>& visit) {
    Scanner scan(raw_array);
    if (!scan.eat('[')) return false;
    if (scan.eat(']')) return scan.at_end();
    std::vector<std::pair<std::string_view, std::string_view>> members;
    while (true) {
        if (!scan.eat('{')) return false;
        members.clear();
        if (!scan.eat('}')) {
            while (true) {
                std::string_view key, value;
                if (!scan.string(&key) || !scan.eat(':') || !scan.value(&value)) return false;
                members.emplace_back(key, value);
                if (scan.eat(',')) continue;
                if (scan.eat('}')) break;
                return false;
            }
        }
        visit(members);
        if (scan.eat(',')) continue;
        return scan.eat(']') && scan.at_end();
    }
}

bool decode_raw_string(std::string_view raw, std::string* out) {
    if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return false;
    return decode_string(raw.substr(1, raw.size() - 2), out);
}

} // namespace dateline::query
