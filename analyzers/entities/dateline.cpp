#include "dateline.h"

#include "analyzers/entities/token_stream.h"

#include <algorithm>
#include <array>
#include <utility>

namespace dateline::entities {

namespace {

constexpr std::size_t max_name_words = 5;
constexpr std::size_t max_name_bytes = 48;
constexpr std::size_t max_regions = 2;
constexpr std::size_t max_agency_bytes = 40;

bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool non_ascii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
bool word_char(char c) {
    return ascii_upper(c) || ascii_lower(c) || non_ascii(c) || c == '.' || c == '\'' || c == '-';
}

// Lower-case words allowed inside a place name ("Rio de Janeiro", "Stratford-upon-Avon").
bool particle(std::string_view w) {
    static constexpr std::array<std::string_view, 12> words = {
        "de", "da", "do", "del", "la", "le", "el", "al", "of", "du", "des", "am"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool month_name(std::string_view w) {
    static constexpr std::array<std::string_view, 25> months = {
        "jan", "january", "feb", "february", "mar", "march",    "apr", "april", "may",
        "jun", "june",    "jul", "july",     "aug", "august",   "sep", "sept",  "september",
        "oct", "october", "nov", "november", "dec", "december", "febr"};
    const std::string l = lower(w);
    return std::find(months.begin(), months.end(), l) != months.end();
}

// A place or region name at `p`: capitalized words separated by single spaces, up to a comma or
// " (". Advances p past it; empty when there is none.
std::string_view read_name(std::string_view s, std::size_t& p) {
    const std::size_t begin = p;
    std::size_t q = p, words = 0, end = p;
    while (q < s.size() && words < max_name_words) {
        const std::size_t w = q;
        while (q < s.size() && word_char(s[q]))
            ++q;
        const std::string_view word = s.substr(w, q - w);
        if (word.empty()) break;
        // A month and a day end the name: "JOHANNESBURG March 13", "RICHMOND, Va. Feb 26".
        if (words > 0 && month_name(word) && q + 1 < s.size() && s[q] == ' ' && digit(s[q + 1]))
            break;
        const bool capital = ascii_upper(word[0]) || non_ascii(word[0]);
        if (!capital && (words == 0 || !particle(word))) return {};
        ++words;
        end = q;
        if (q < s.size() && s[q] == ' ' && q + 1 < s.size() && word_char(s[q + 1]) &&
            s[q + 1] != '-') { // "Mo. - March 13": the dash is no word
            ++q;
            continue;
        }
        break;
    }
    if (words == 0 || end - begin > max_name_bytes) return {};
    if (end < s.size() && word_char(s[end])) return {}; // more than max_name_words words
    p = end;
    return s.substr(begin, end - begin);
}

void skip_spaces(std::string_view s, std::size_t& p) {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t'))
        ++p;
}

// "March 3", "Feb. 26", "March 3, 2021" at p; advances past it.
bool read_date(std::string_view s, std::size_t& p) {
    std::size_t q = p;
    while (q < s.size() && (ascii_upper(s[q]) || ascii_lower(s[q])))
        ++q;
    if (q == p || !month_name(s.substr(p, q - p))) return false;
    if (q < s.size() && s[q] == '.') ++q;
    if (q >= s.size() || s[q] != ' ') return false;
    skip_spaces(s, q);
    const std::size_t d = q;
    while (q < s.size() && digit(s[q]))
        ++q;
    if (q == d || q - d > 2) return false;
    const int day = std::stoi(std::string(s.substr(d, q - d)));
    if (day < 1 || day > 31) return false;
    if (q + 6 <= s.size() && s[q] == ',' && s[q + 1] == ' ' && digit(s[q + 2]) && digit(s[q + 3]) &&
        digit(s[q + 4]) && digit(s[q + 5]) && (q + 6 == s.size() || !digit(s[q + 6])))
        q += 6;
    p = q;
    return true;
}

// "(Reuters)" at p; advances past it.
bool read_agency(std::string_view s, std::size_t& p) {
    if (p >= s.size() || s[p] != '(') return false;
    const auto close = s.find(')', p);
    if (close == std::string_view::npos || close - p > max_agency_bytes) return false;
    const std::string_view inside = s.substr(p + 1, close - p - 1);
    if (inside.empty() || inside.find('\n') != std::string_view::npos ||
        !(ascii_upper(inside[0]) || non_ascii(inside[0])))
        return false;
    p = close + 1;
    return true;
}

// What may follow a dateline: the end of the text or line, or a dash or colon before the story.
bool dateline_end(std::string_view s, std::size_t p) {
    skip_spaces(s, p);
    if (p >= s.size() || s[p] == '\n' || s[p] == '\r' || s[p] == '-' || s[p] == ':') return true;
    return s.substr(p).starts_with("\xE2\x80\x93") || s.substr(p).starts_with("\xE2\x80\x94");
}

// The gazetteer targets of a whole phrase, case ignored; empty when the phrase is no alias.
std::span<const AliasTarget> phrase_targets(std::string_view phrase, const Gazetteer& g) {
    std::uint32_t node = Gazetteer::root();
    const auto words = split_words(phrase);
    if (words.empty()) return {};
    for (const auto& w : words) {
        node = g.child(node, w.key);
        if (node == Gazetteer::npos) return {};
    }
    return g.targets(node);
}

// The first place target (unflagged ones first) satisfying `accept`, or npos.
template <typename Accept>
std::uint32_t first_place(std::span<const AliasTarget> targets, const Gazetteer& g, Accept accept) {
    for (const bool flagged : {false, true})
        for (const auto& t : targets) {
            const auto& e = g.entity(t.entity);
            if (e.type != EntityType::place || e.country.empty()) continue;
            if (((t.flags & (needs_context | common_word)) != 0) != flagged) continue;
            if (accept(e)) return t.entity;
        }
    return Gazetteer::npos;
}

} // namespace

std::string_view region_abbreviation_country(std::string_view key) {
    // Associated Press abbreviations of US states and Canadian provinces, as news wires use them,
    // and Reuters' own for two states the AP spells out (Iowa "Ia.", Maine "Me.").
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 59> table = {{
        {"ala", "US"},  {"ariz", "US"}, {"ark", "US"},  {"calif", "US"}, {"cal", "US"},
        {"colo", "US"}, {"conn", "US"}, {"del", "US"},  {"dc", "US"},    {"fla", "US"},
        {"ga", "US"},   {"ill", "US"},  {"ind", "US"},  {"kan", "US"},   {"kans", "US"},
        {"ky", "US"},   {"la", "US"},   {"md", "US"},   {"mass", "US"},  {"mich", "US"},
        {"minn", "US"}, {"miss", "US"}, {"mo", "US"},   {"mont", "US"},  {"neb", "US"},
        {"nev", "US"},  {"nh", "US"},   {"nj", "US"},   {"nm", "US"},    {"ny", "US"},
        {"nc", "US"},   {"nd", "US"},   {"okla", "US"}, {"ore", "US"},   {"pa", "US"},
        {"penn", "US"}, {"wisc", "US"}, {"ri", "US"},   {"sc", "US"},    {"sd", "US"},
        {"tenn", "US"}, {"tex", "US"},  {"vt", "US"},   {"va", "US"},    {"wash", "US"},
        {"wva", "US"},  {"wis", "US"},  {"wyo", "US"},  {"alta", "CA"},  {"bc", "CA"},
        {"man", "CA"},  {"nb", "CA"},   {"nfld", "CA"}, {"ns", "CA"},    {"ont", "CA"},
        {"que", "CA"},  {"sask", "CA"}, {"ia", "US"},   {"me", "US"},
    }};
    for (const auto& [k, country] : table)
        if (k == key) return country;
    return {};
}

std::optional<Dateline> parse_dateline(std::string_view text) {
    std::size_t p = 0;
    while (p < text.size() &&
           (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r'))
        ++p;
    while (p < text.size() && text[p] == '*') // wire copy's flash marks: "****LONDON, March 5"
        ++p;
    Dateline d;
    d.place = read_name(text, p);
    if (d.place.empty()) return std::nullopt;
    bool dated = false;
    // A date at q, after an optional dash ("ROCKVILLE, Md, - March 6"), and a ", Reuter" sign-off
    // after it ("WASHINGTON, March 12, Reuter").
    auto date_at = [&](std::size_t q) {
        skip_spaces(text, q);
        if (q < text.size() && text[q] == '-') {
            ++q;
            skip_spaces(text, q);
        }
        if (!read_date(text, q)) return false;
        for (const std::string_view sign : {", Reuters", ", Reuter"})
            if (text.substr(q).starts_with(sign) && dateline_end(text, q + sign.size())) {
                q += sign.size();
                break;
            }
        p = q;
        dated = true;
        if (p < text.size() && text[p] == ',' && dateline_end(text, p + 1)) ++p;
        return true;
    };
    while (true) {
        std::size_t q = p;
        skip_spaces(text, q); // "NEW YORK , March 5", "SAN DIEGO, Calif.,March 17"
        if (q >= text.size() || text[q] != ',') {
            date_at(p); // no comma before the date: "JOHANNESBURG March 13", "Va. Feb 26"
            break;
        }
        ++q;
        skip_spaces(text, q);
        if (date_at(q)) break;
        const auto region = read_name(text, q);
        if (region.empty() || d.regions.size() == max_regions) return std::nullopt;
        d.regions.push_back(region);
        p = q;
    }
    std::size_t q = p;
    skip_spaces(text, q);
    const bool agency = read_agency(text, q);
    if (agency) p = q;
    if ((!dated && !agency) || !dateline_end(text, p)) return std::nullopt;
    d.end = p;
    return d;
}

std::uint32_t dateline_entity(const Dateline& d, const Gazetteer& g) {
    const auto place = phrase_targets(d.place, g);
    std::uint32_t region = Gazetteer::npos;
    std::string country;
    for (const auto& r : d.regions) {
        std::string key;
        for (const auto& w : split_words(r))
            key += w.key;
        if (const auto c = region_abbreviation_country(key); !c.empty()) {
            country = c;
            break;
        }
        region = first_place(phrase_targets(r, g), g, [](const GazetteerEntity&) { return true; });
        if (region != Gazetteer::npos) {
            country = g.entity(region).country;
            break;
        }
    }
    if (country.empty()) return first_place(place, g, [](const GazetteerEntity&) { return true; });
    const auto id =
        first_place(place, g, [&](const GazetteerEntity& e) { return e.country == country; });
    if (id != Gazetteer::npos) return id;
    return region != Gazetteer::npos ? region : g.country_entity(country);
}

} // namespace dateline::entities
