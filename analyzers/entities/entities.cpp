#include "entities.h"

#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/glued_tags.h"
#include "analyzers/entities/matcher.h"
#include "analyzers/entities/name_finder.h"
#include "analyzers/entities/token_stream.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dateline::entities {

namespace {

constexpr std::uint32_t none = Gazetteer::npos;

// What the article says, for resolving ambiguous aliases.
struct ArticleContext {
    std::unordered_set<std::string_view> keys;   // every word key of the text
    std::unordered_set<std::uint32_t> confirmed; // entities named by an unambiguous alias
    std::unordered_set<std::string> countries;   // countries of confirmed entities
};

bool unambiguous(const Mention& m) {
    for (const auto& c : m.candidates)
        if (c.entity != m.candidates.front().entity || (c.flags & (needs_context | common_word)))
            return false;
    return true;
}

// The entity a mention names in this article, or none.
std::uint32_t resolve(const Mention& m, const ArticleContext& ctx, const Gazetteer& g) {
    std::uint32_t best = none;
    int best_score = -1;
    for (const auto& c : m.candidates) {
        const auto& e = g.entity(c.entity);
        if (c.flags & common_word) {
            bool vetoed = false;
            for (const auto& v : e.veto)
                vetoed = vetoed || ctx.keys.contains(v);
            if (vetoed) continue;
        }
        int support = 0;
        for (const auto& s : e.support)
            if (ctx.keys.contains(s)) {
                support += 2;
                break;
            }
        if (ctx.confirmed.contains(c.entity)) support += 2;
        if (!e.country.empty() && ctx.countries.contains(e.country)) support += 1;
        if ((c.flags & needs_context) && support == 0) continue;
        if (support > best_score) {
            best_score = support;
            best = c.entity;
        }
    }
    return best;
}

struct Tally {
    std::map<std::uint32_t, int> known;                      // gazetteer entity -> mentions
    std::map<std::uint32_t, std::size_t> first;              // gazetteer entity -> first word
    std::map<std::pair<EntityType, std::string>, int> found; // names not in the gazetteer
};

// Later surnames and short forms join the full names mentioned in the article.
void join_surnames(const std::vector<Word>& words, const std::vector<bool>& used,
                   const std::vector<FoundName>& found,
                   const std::vector<std::pair<std::uint32_t, std::size_t>>& people,
                   const Gazetteer& g, Tally& tally) {
    // surname key -> the full name (gazetteer id, or index into found); ambiguous ones dropped.
    std::unordered_map<std::string, std::pair<std::uint32_t, std::size_t>> surnames;
    std::unordered_set<std::string> ambiguous;
    auto add = [&](const std::string& full, std::pair<std::uint32_t, std::size_t> who) {
        const auto words_of = split_words(full);
        if (words_of.size() < 2) return;
        const std::string key = words_of.back().key;
        auto [it, inserted] = surnames.emplace(key, who);
        if (!inserted && it->second != who) ambiguous.insert(key);
    };
    for (const auto& [id, unused] : people)
        add(g.entity(id).name, {id, 0});
    for (std::size_t i = 0; i < found.size(); ++i)
        if (found[i].type == EntityType::person) add(found[i].name, {none, i});
    for (const auto& key : ambiguous)
        surnames.erase(key);
    if (surnames.empty()) return;

    auto credit = [&](std::pair<std::uint32_t, std::size_t> who) {
        if (who.first != none)
            ++tally.known[who.first];
        else
            ++tally.found[{EntityType::person, found[who.second].name}];
    };
    // Single-word people found by a title ("President Reagan") join a full name.
    for (const auto& f : found) {
        if (f.type != EntityType::person || f.end - f.begin != 1) continue;
        auto it = surnames.find(words[f.begin].key);
        if (it == surnames.end()) continue;
        auto& count = tally.found[{EntityType::person, f.name}];
        if (--count <= 0) tally.found.erase({EntityType::person, f.name});
        credit(it->second);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (used[i] || (words[i].shape != Shape::capitalized && words[i].shape != Shape::upper))
            continue;
        if (i + 1 < words.size() && words[i + 1].joins_previous &&
            words[i + 1].shape == Shape::capitalized && !words[i + 1].caps_line)
            continue; // part of a longer name
        auto it = surnames.find(words[i].key);
        if (it != surnames.end()) credit(it->second);
    }
}

} // namespace

std::vector<Entity> tag(const Article& article) {
    return tag(article, default_gazetteer());
}

std::vector<Entity> tag(const Article& article, const Gazetteer& g, const TagOptions& options) {
    std::string text = article.title;
    for (const std::string* part : {&article.description, &article.body}) {
        if (part->empty()) continue;
        text += "\n\n";
        text += *part;
    }
    const std::vector<Word> words = split_words(text);
    std::vector<Mention> mentions = match_aliases(words, g);
    for (const auto& t : article.tags)
        for (auto& candidates : segment_tag(t, g)) {
            Mention m;
            m.candidates = std::move(candidates);
            m.from_tag = true;
            mentions.push_back(std::move(m));
        }

    ArticleContext ctx;
    for (const auto& w : words)
        ctx.keys.insert(w.key);
    for (const auto& m : mentions)
        if (unambiguous(m)) {
            const auto id = m.candidates.front().entity;
            ctx.confirmed.insert(id);
            if (!g.entity(id).country.empty()) ctx.countries.insert(g.entity(id).country);
        }

    Tally tally;
    std::vector<EntityType> covered(words.size(), EntityType::other);
    std::vector<bool> used(words.size(), false);
    std::vector<std::pair<std::uint32_t, std::size_t>> people;
    for (const auto& m : mentions) {
        const auto id = resolve(m, ctx, g);
        if (id == none) continue;
        ++tally.known[id];
        if (!tally.first.contains(id) || tally.first[id] > m.begin) tally.first[id] = m.begin;
        const auto& e = g.entity(id);
        if (e.type == EntityType::person) people.emplace_back(id, 0);
        for (std::size_t i = m.begin; i < m.end; ++i) {
            covered[i] = e.type;
            used[i] = true;
        }
    }
    const auto found = find_names(words, covered, g);
    for (const auto& f : found) {
        ++tally.found[{f.type, f.name}];
        for (std::size_t i = f.begin; i < f.end; ++i)
            used[i] = true;
    }
    join_surnames(words, used, found, people, g, tally);

    // Places implied by organizations: a gazetteer organization's country (a central bank, a
    // ministry, a national company) and a company's legal form ("Inc" -> US). People do not imply
    // places: measured on Reuters, it costs more precision than it brings recall.
    std::map<std::string, int> implied;
    std::map<std::string, std::size_t> implied_first;
    auto imply = [&](const std::string& country, int count, std::size_t first) {
        implied[country] += count;
        auto [it, inserted] = implied_first.emplace(country, first);
        if (!inserted) it->second = std::min(it->second, first);
    };
    for (const auto& [id, count] : tally.known) {
        const auto& e = g.entity(id);
        if (e.country.empty()) continue;
        if (e.type == EntityType::organization) imply(e.country, count, tally.first[id]);
    }
    for (const auto& f : found)
        if (!f.country.empty()) imply(f.country, 1, f.begin);
    for (const auto& [country, count] : implied) {
        const auto id = g.country_entity(country);
        if (id != none && !tally.known.contains(id)) {
            tally.known[id] = count;
            tally.first[id] = implied_first[country];
        }
    }
    if (options.salient_places_only) {
        // Salience: a country mentioned once (with its cities and implications), after the
        // lead, is usually incidental ("listed in Luxembourg", "the London market"). The most
        // mentioned country always stays.
        constexpr std::size_t lead = 30;
        constexpr int min_count = 2;
        std::map<std::string, std::pair<int, std::size_t>> by_country;
        for (const auto& [id, count] : tally.known) {
            const auto& e = g.entity(id);
            if (e.type != EntityType::place || e.country.empty()) continue;
            auto [it, inserted] = by_country.emplace(e.country, std::pair{count, tally.first[id]});
            if (!inserted) {
                it->second.first += count;
                it->second.second = std::min(it->second.second, tally.first[id]);
            }
        }
        std::string top;
        int top_count = 0;
        for (const auto& [c, v] : by_country)
            if (v.first > top_count ||
                (v.first == top_count && v.second < by_country[top].second)) {
                top = c;
                top_count = v.first;
            }
        for (auto it = tally.known.begin(); it != tally.known.end();) {
            const auto& e = g.entity(it->first);
            if (e.type == EntityType::place && !e.country.empty() && e.country != top) {
                const auto& v = by_country[e.country];
                if (v.first < min_count && v.second >= lead) {
                    it = tally.known.erase(it);
                    continue;
                }
            }
            ++it;
        }
    }

    std::vector<Entity> out;
    std::unordered_set<std::string> names;
    for (const auto& [id, count] : tally.known) {
        const auto& e = g.entity(id);
        Entity entity{e.name, e.type, count, e.type == EntityType::place ? e.country : ""};
        names.insert(std::string(entity_type_name(e.type)) + "\t" + e.name);
        out.push_back(std::move(entity));
    }
    for (const auto& [key, count] : tally.found) {
        if (!names.insert(std::string(entity_type_name(key.first)) + "\t" + key.second).second)
            continue;
        out.push_back({key.second, key.first, count, ""});
    }
    std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    return out;
}

} // namespace dateline::entities
