#include "url.h"

#include "text.h"

#include <optional>

namespace dateline::url {

namespace {

struct Parts {
    std::string_view scheme, authority, rest;
};

std::optional<Parts> split(std::string_view u) {
    auto colon = u.find("://");
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    for (char c : u.substr(0, colon))
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.'))
            return std::nullopt;
    auto start = colon + 3;
    auto end = u.find_first_of("/?#", start);
    if (end == std::string_view::npos) end = u.size();
    return Parts{u.substr(0, colon), u.substr(start, end - start), u.substr(end)};
}

} // namespace

std::string host(std::string_view u) {
    auto parts = split(text::trim(u));
    if (!parts) return "";
    auto authority = parts->authority;
    if (auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    if (auto colon = authority.rfind(':');
        colon != std::string_view::npos && authority.find(']') == std::string_view::npos)
        authority = authority.substr(0, colon);
    std::string h = text::fold_case(authority);
    if (h.starts_with("www.")) h.erase(0, 4);
    while (!h.empty() && h.back() == '.')
        h.pop_back();
    return h;
}

std::string canonical(std::string_view u) {
    std::string_view t = text::trim(u);
    auto parts = split(t);
    if (!parts) return std::string(t);
    std::string out = text::fold_case(parts->scheme) + "://" + text::fold_case(parts->authority);
    auto rest = parts->rest;
    if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    out += rest.empty() ? "/" : rest;
    return out;
}

} // namespace dateline::url
