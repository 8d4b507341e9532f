#include "schema.h"

#include "hash.h"
#include "text.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace dateline::schema {

namespace {
using K = Field::Kind;
constexpr std::array field_table{
    Field{"title", prefix::title, K::free_text},
    Field{"author", prefix::author, K::free_text},
    Field{"source", prefix::source, K::boolean},
    Field{"site", prefix::site, K::boolean},
    Field{"tag", prefix::tag, K::boolean_all},
    Field{"keyword", prefix::keyword, K::boolean_all},
    Field{"person", prefix::person, K::boolean_all},
    Field{"org", prefix::organization, K::boolean_all},
    Field{"place", prefix::place, K::boolean_all},
    Field{"lang", prefix::language, K::boolean},
    Field{"id", prefix::id, K::boolean},
};
} // namespace

std::span<const Field> fields() {
    return field_table;
}

namespace {
constexpr std::array list_table{
    ListSlot{"person", prefix::person, 8},    ListSlot{"org", prefix::organization, 9},
    ListSlot{"place", prefix::place, 10},     ListSlot{"site", prefix::site, 11},
    ListSlot{"keyword", prefix::keyword, 12},
};
} // namespace

std::span<const ListSlot> list_slots() {
    return list_table;
}

const ListSlot* list_slot(std::string_view prefix) {
    for (const auto& list : list_table)
        if (list.prefix == prefix) return &list;
    return nullptr;
}

std::string day_value(double unix_seconds) {
    return std::to_string(static_cast<long long>(std::floor(unix_seconds / 86400.0)));
}

namespace {
// Xapian's terms are at most 245 bytes; leave room and cut at a character boundary.
constexpr std::size_t max_term_bytes = 240;

std::string capped(std::string term) {
    if (term.size() <= max_term_bytes) return term;
    std::string hash = content_hash(term);
    hash.insert(hash.begin(), '#');
    std::size_t cut = max_term_bytes - hash.size();
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80)
        --cut;
    std::string out;
    out.reserve(cut + hash.size());
    out.append(term, 0, cut);
    out.append(hash);
    return out;
}
} // namespace

std::string fold_value(std::string_view value) {
    return text::fold_case(text::collapse_whitespace(value));
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += fold_value(value);
    return capped(std::move(term));
}

std::string id_term(std::string_view id) {
    std::string term(prefix::id);
    term += id;
    return capped(std::move(term));
}

std::string field_term(const Field& field, std::string_view value) {
    return field.prefix == prefix::id ? id_term(text::trim(value))
                                      : boolean_term(field.prefix, value);
}

std::string encode_list(std::span<const std::string> items) {
    std::string out;
    for (const auto& item : items) {
        // Length as a little-endian base-128 varint, then the bytes.
        auto n = item.size();
        do {
            unsigned char byte = n & 0x7f;
            n >>= 7;
            if (n) byte |= 0x80;
            out += static_cast<char>(byte);
        } while (n);
        out += item;
    }
    return out;
}

std::vector<std::string> decode_list(std::string_view encoded) {
    std::vector<std::string> items;
    std::size_t pos = 0;
    while (pos < encoded.size()) {
        std::size_t n = 0;
        int shift = 0;
        while (true) {
            if (pos >= encoded.size() || shift > 56) throw std::runtime_error("corrupt list value");
            auto byte = static_cast<unsigned char>(encoded[pos++]);
            n |= static_cast<std::size_t>(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80)) break;
        }
        if (n > encoded.size() - pos) throw std::runtime_error("corrupt list value");
        items.emplace_back(encoded.substr(pos, n));
        pos += n;
    }
    return items;
}

std::string companion_path(std::string_view stub_file) {
    constexpr std::string_view folder_stub = "XAPIANDB";
    if (stub_file == folder_stub) return "companion";
    if (stub_file.size() > folder_stub.size() && stub_file.ends_with(folder_stub) &&
        stub_file[stub_file.size() - folder_stub.size() - 1] == '/')
        return std::string(stub_file.substr(0, stub_file.size() - folder_stub.size())) +
               "companion";
    return std::string(stub_file) + ".companion";
}

} // namespace dateline::schema
