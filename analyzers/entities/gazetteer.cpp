#include "gazetteer.h"

#include "analyzers/entities/bundled_data.h"
#include "analyzers/entities/inflection.h"
#include "analyzers/entities/token_stream.h"
#include "analyzers/text.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace dateline::entities {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

CaseRule case_rule(std::string_view word) {
    bool letter = false;
    for (char c : word)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            static_cast<unsigned char>(c) >= 0x80)
            letter = true;
    if (!letter || !text::starts_upper(word)) return CaseRule::any;
    if (text::all_upper(word) && word.size() > 1) {
        std::size_t letters = 0;
        for (char c : word) // letters, not bytes: "ÖVP" is three
            if (c != '.' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++letters;
        // Short all-caps aliases ("US", "EC", "IMF") must be written in capitals; longer ones
        // ("OPEC", "NATO") may also be written "Opec", "Nato".
        return letters <= 3 ? CaseRule::upper : CaseRule::capitalized;
    }
    return CaseRule::capitalized;
}

std::string compact_key(std::string_view folded) {
    std::string out;
    for (char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) out += c;
    }
    return out;
}

std::string entity_key(std::string_view type, std::string_view name, std::string_view country) {
    if (type == "country") return "country\t" + std::string(country);
    return std::string(type) + "\t" + text::fold(name);
}

std::string join_chunks(std::span<const std::string_view> chunks) {
    std::string out;
    for (auto c : chunks)
        out += c;
    return out;
}

} // namespace

std::uint32_t Gazetteer::entity_for(std::string_view type, std::string_view name,
                                    std::string_view country, std::string_view origin,
                                    std::size_t line) {
    auto fail = [&](const std::string& why) {
        throw std::runtime_error(std::string(origin) + ":" + std::to_string(line) + ": " + why);
    };
    if (name.empty()) fail("empty name");
    std::optional<EntityType> parsed =
        type == "country" ? std::optional(EntityType::place) : parse_entity_type(type);
    if (!parsed) fail("unknown type '" + std::string(type) + "'");
    if (!country.empty() && (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' ||
                             country[1] < 'A' || country[1] > 'Z'))
        fail("country must be an ISO 3166-1 alpha-2 code, not '" + std::string(country) + "'");
    if (type == "country" && country.empty()) fail("a country row needs its code");

    const std::string key = entity_key(type, name, country);
    if (auto it = entity_keys_.find(key); it != entity_keys_.end()) {
        auto& e = entities_[it->second];
        if (type == "country" && e.name != name) {
            // A later country row renames it ("Russian Federation" -> "Russia"); the old name
            // stays.
            add_alias(it->second, e.name, 0);
            e.name = std::string(name);
        }
        if (!country.empty()) e.country = std::string(country);
        return it->second;
    }
    const auto id = static_cast<std::uint32_t>(entities_.size());
    GazetteerEntity e;
    e.name = std::string(name);
    e.type = *parsed;
    e.country = std::string(country);
    e.is_country = type == "country";
    entities_.push_back(std::move(e));
    aliases_.emplace_back();
    entity_keys_.emplace(key, id);
    return id;
}

void Gazetteer::add_alias(std::uint32_t entity, std::string_view alias, std::uint8_t flags) {
    auto& list = aliases_[entity];
    for (auto& a : list) {
        if (a.text == alias) {
            a.flags = flags; // a later row redefines how the alias may match
            return;
        }
    }
    list.push_back({std::string(alias), flags});
}

void Gazetteer::add_tsv(std::string_view data, std::string_view origin) {
    std::size_t line_no = 0;
    for (std::string_view line : split(data, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (text::trim(line).empty() || line.front() == '#') continue;
        auto cols = split(line, '\t');
        if (cols.size() < 3)
            throw std::runtime_error(std::string(origin) + ":" + std::to_string(line_no) +
                                     ": expected TYPE, NAME, COUNTRY, ALIASES, CONTEXT columns");
        const auto name = text::trim(cols[1]);
        const auto id = entity_for(text::trim(cols[0]), name, text::trim(cols[2]), origin, line_no);
        bool name_listed = false;
        if (cols.size() > 3 && !cols[3].empty()) {
            for (auto alias : split(cols[3], '|')) {
                alias = text::trim(alias);
                std::uint8_t flags = 0;
                while (!alias.empty() && (alias[0] == '?' || alias[0] == '~' || alias[0] == '@')) {
                    flags |= alias[0] == '?'   ? needs_context
                             : alias[0] == '~' ? common_word
                                               : demonym;
                    alias.remove_prefix(1);
                }
                if (alias.empty()) continue;
                if (alias == name) name_listed = true;
                add_alias(id, alias, flags);
            }
        }
        if (!name_listed) {
            bool known = false;
            for (auto& a : aliases_[id])
                known = known || a.text == entities_[id].name;
            if (!known) add_alias(id, entities_[id].name, 0);
        }
        if (cols.size() > 4) {
            auto& e = entities_[id];
            for (auto word : split(cols[4], '|')) {
                word = text::trim(word);
                if (word.empty()) continue;
                if (word[0] == '-')
                    e.veto.push_back(word_key(word.substr(1)));
                else
                    e.support.push_back(word_key(word));
            }
        }
    }
}

void Gazetteer::add_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open gazetteer file");
    std::ostringstream ss;
    ss << in.rdbuf();
    add_tsv(ss.str(), path);
}

void Gazetteer::add_first_names(std::string_view data) {
    for (auto line : split(data, '\n')) {
        line = text::trim(line);
        if (line.empty() || line.front() == '#') continue;
        first_names_.insert(word_key(line));
    }
}

void Gazetteer::finalize() {
    KeyMap word_ids; // every alias word key -> its id, for edges_
    edges_.clear();
    std::vector<std::pair<std::string, std::uint32_t>> root_edges;
    targets_.assign(1, {});
    compact_.clear();
    longest_compact_ = 0;
    std::vector<std::shared_ptr<InflectedAliases>> inflected;
    for (const char* language : {"ru", "de"})
        inflected.push_back(std::make_shared<InflectedAliases>(language));
    std::vector<std::string_view> alias_words;
    for (std::uint32_t id = 0; id < entities_.size(); ++id) {
        auto& given_names = entities_[id].given_names;
        given_names.clear();
        for (const auto& alias : aliases_[id]) {
            const auto tokens = text::tokenize(alias.text);
            if (tokens.empty()) continue;
            if (entities_[id].type == EntityType::person && tokens.size() > 1) {
                auto given = word_key(tokens[0].text);
                if (std::find(given_names.begin(), given_names.end(), given) == given_names.end())
                    given_names.push_back(std::move(given));
            }
            alias_words.clear();
            std::uint32_t node = root();
            AliasTarget target{id, alias.flags,
                               static_cast<std::uint8_t>(std::min<std::size_t>(tokens.size(), 255)),
                               0};
            std::string compact;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                const std::string key = word_key(tokens[i].text);
                alias_words.push_back(tokens[i].text);
                compact += compact_key(key);
                auto [wit, inserted] =
                    word_ids.emplace(key, static_cast<std::uint32_t>(word_ids.size()));
                (void)inserted;
                const std::uint64_t edge = (static_cast<std::uint64_t>(node) << 32) | wit->second;
                auto [eit, created] =
                    edges_.emplace(edge, static_cast<std::uint32_t>(targets_.size()));
                if (created) targets_.emplace_back();
                if (created && node == root()) root_edges.emplace_back(key, eit->second);
                node = eit->second;
                if (i < 16)
                    target.case_bits |= static_cast<std::uint32_t>(case_rule(tokens[i].text))
                                        << (2 * i);
            }
            auto& here = targets_[node];
            bool duplicate = false;
            for (const auto& t : here)
                duplicate = duplicate || t.entity == id;
            if (!duplicate) here.push_back(target);
            for (auto& index : inflected)
                index->add(alias_words, target);
            if (compact.size() >= 2) {
                auto& list = compact_[compact];
                bool seen = false;
                for (const auto& t : list)
                    seen = seen || t.entity == id;
                if (!seen) list.push_back(target);
                longest_compact_ = std::max(longest_compact_, compact.size());
            }
        }
    }
    word_ids_ = FlatKeyMap(
        std::vector<std::pair<std::string, std::uint32_t>>(word_ids.begin(), word_ids.end()));
    root_children_ = FlatKeyMap(std::move(root_edges));
    inflected_.clear();
    for (auto& index : inflected) {
        index->finalize();
        inflected_.push_back(std::move(index));
    }
}

std::vector<std::string_view> Gazetteer::aliases(std::uint32_t id) const {
    std::vector<std::string_view> out;
    for (const auto& a : aliases_[id])
        out.push_back(a.text);
    return out;
}

const InflectedAliases* Gazetteer::inflected(std::string_view language) const {
    for (const auto& index : inflected_)
        if (index->language() == language) return index.get();
    return nullptr;
}

static_assert(FlatKeyMap::npos == Gazetteer::npos, "child() passes on the map's npos");

std::uint32_t Gazetteer::child(std::uint32_t node, std::string_view key) const {
    if (node == root()) { // most walks stop here: one lookup instead of two
        return root_children_.find(key);
    }
    const auto word = word_ids_.find(key);
    if (word == FlatKeyMap::npos) return npos;
    auto e = edges_.find((static_cast<std::uint64_t>(node) << 32) | word);
    return e == edges_.end() ? npos : e->second;
}

std::uint32_t Gazetteer::country_entity(std::string_view code) const {
    auto it = entity_keys_.find("country\t" + std::string(code));
    return it == entity_keys_.end() ? npos : it->second;
}

std::span<const AliasTarget> Gazetteer::compact(std::string_view key) const {
    auto it = compact_.find(key);
    if (it == compact_.end()) return {};
    return it->second;
}

std::uint32_t Gazetteer::resolve(std::string_view phrase) const {
    std::uint32_t node = root();
    for (const auto& t : text::tokenize(phrase)) {
        node = child(node, word_key(t.text));
        if (node == npos) return npos;
    }
    if (node == root() || targets_[node].empty()) return npos;
    for (const auto& t : targets_[node])
        if (t.flags == 0 || t.flags == demonym) return t.entity;
    return targets_[node].front().entity;
}

Gazetteer load_gazetteer(std::span<const std::string> extra_files) {
    Gazetteer g;
    // Order matters: later rows rename countries and redefine alias flags, so the project's
    // hand-written gazetteer comes after the generated and derived files, and users' files last.
    for (std::string_view name :
         {"countries", "demonyms", "cities", "city_names", "subdivisions", "gazetteer"}) {
        for (const auto& f : bundled::files())
            if (f.name == name) g.add_tsv(join_chunks(f.chunks), "bundled:" + std::string(f.name));
    }
    for (const auto& f : bundled::files())
        if (f.name == "first_names") g.add_first_names(join_chunks(f.chunks));
    for (const auto& path : extra_files)
        g.add_file(path);
    g.finalize();
    return g;
}

const Gazetteer& default_gazetteer() {
    static const Gazetteer g = load_gazetteer({});
    return g;
}

} // namespace dateline::entities
