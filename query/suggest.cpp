#include "suggest.h"

#include "analyzers/entities/bundled_data.h"
#include "analyzers/text.h"
#include "entity_terms.h"
#include "query_tree.h"
#include "remote_shards.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace dateline::query {

namespace {

constexpr Xapian::doccount rare_ratio = 20; // a present word is corrected only 20x rarer
constexpr std::size_t shortest_word = 3;    // code points
constexpr std::size_t short_word = 4;       // up to this long: 1 edit at most

// The words (lower case, at least short_word code points, letters only) of every entity name and
// alias in the bundled gazetteer files (format: analyzers/entities/data/README.md).
struct GazetteerWord {
    std::string text;
    std::u32string points;
};

const std::vector<GazetteerWord>& gazetteer_words() {
    static const std::vector<GazetteerWord> words = [] {
        std::unordered_set<std::string> seen;
        std::vector<GazetteerWord> out;
        auto add = [&](std::string_view alias) {
            while (!alias.empty() && (alias[0] == '?' || alias[0] == '~' || alias[0] == '@'))
                alias.remove_prefix(1);
            for (const auto& t : text::tokenize(alias)) {
                std::string word = text::fold_case(t.text);
                std::u32string points = text::code_points(word);
                if (points.size() < short_word) continue;
                bool letters = std::all_of(points.begin(), points.end(), [](char32_t c) {
                    return Xapian::Unicode::get_category(c) <= Xapian::Unicode::OTHER_LETTER;
                });
                if (letters && seen.insert(word).second)
                    out.push_back({std::move(word), std::move(points)});
            }
        };
        for (const auto& file : entities::bundled::files()) {
            if (file.name == "first_names") continue;
            std::string data;
            for (auto chunk : file.chunks)
                data.append(chunk);
            std::string_view rest(data);
            while (!rest.empty()) {
                auto eol = rest.find('\n');
                std::string_view line = rest.substr(0, eol);
                rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
                if (line.empty() || line[0] == '#') continue;
                std::vector<std::string_view> columns;
                for (std::size_t at = 0;;) {
                    auto tab = line.find('\t', at);
                    columns.push_back(line.substr(
                        at, tab == std::string_view::npos ? std::string_view::npos : tab - at));
                    if (tab == std::string_view::npos) break;
                    at = tab + 1;
                }
                if (columns.size() > 1) add(columns[1]);
                if (columns.size() > 3) {
                    std::string_view aliases = columns[3];
                    for (std::size_t at = 0;;) {
                        auto bar = aliases.find('|', at);
                        add(aliases.substr(
                            at, bar == std::string_view::npos ? std::string_view::npos : bar - at));
                        if (bar == std::string_view::npos) break;
                        at = bar + 1;
                    }
                }
            }
        }
        return out;
    }();
    return words;
}

bool all_digits(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Speller {
  public:
    Speller(const Xapian::Database& db, const QueryOptions& options, const WordLanguages& languages)
        : db_(db), languages_(languages), entity_aliases_(options.entity_aliases) {}

    // Articles a (lower-case) word occurs in as written, or names as an entity alias.
    Xapian::doccount written(const std::string& word) const {
        Xapian::doccount f = db_.get_termfreq(word);
        if (entity_aliases_)
            for (const auto& tag : entity_tag_terms(db_, {word}))
                f = std::max(f, db_.get_termfreq(tag));
        return f;
    }

    // Articles a word matches: written(), or by its stem (the most of its languages' stems).
    Xapian::doccount frequency(const std::string& word) const {
        Xapian::doccount f = written(word);
        for (const auto& s : languages_.stems(word))
            f = std::max(f, db_.get_termfreq("Z" + s.stem));
        return f;
    }

    // The correction of one word, or "".
    std::string correct(std::string_view typed) const {
        const std::string word = text::fold_case(typed);
        const std::u32string points = text::code_points(word);
        if (points.size() < shortest_word || all_digits(word)) return {};
        // A word never written in the index (it may still match by its stem: "navalni" has the
        // stem of "navalny") takes the best candidate matching at least as many articles; a
        // written one only a candidate one edit away matching rare_ratio times as many.
        const Xapian::doccount own = written(word);
        const unsigned limit = own > 0 || points.size() <= short_word ? 1 : 2;
        const Xapian::doccount needed =
            own > 0 ? own * rare_ratio : std::max<Xapian::doccount>(1, frequency(word));

        std::string best;
        unsigned best_edits = limit + 1;
        Xapian::doccount best_frequency = 0;
        auto consider = [&](const std::string& candidate, const std::u32string& candidate_points) {
            if (candidate == word || is_stopword(candidate)) return;
            unsigned edits = text::edit_distance(points, candidate_points, limit);
            if (edits > limit || edits > best_edits) return;
            Xapian::doccount f = frequency(candidate);
            if (f < needed) return;
            if (edits < best_edits || f > best_frequency) {
                best = candidate;
                best_edits = edits;
                best_frequency = f;
            }
        };
        // A remote stub's spelling table is its companion's (remote_shards.h).
        std::string table = spelling_database(db_).get_spelling_suggestion(word, limit);
        if (!table.empty()) consider(table, text::code_points(table));
        // Gazetteer words: of a near length, and sharing the first or the second letter (a
        // misspelling rarely changes both; the spelling table has no such restriction).
        for (const auto& g : gazetteer_words()) {
            const std::size_t a = g.points.size(), b = points.size();
            if ((a > b ? a - b : b - a) > limit) continue;
            if (g.points[0] != points[0] && g.points[1] != points[1]) continue;
            consider(g.text, g.points);
        }
        return best;
    }

  private:
    bool is_stopword(std::string_view word) const { return languages_.is_stopword(word); }

    const Xapian::Database& db_;
    const WordLanguages& languages_;
    bool entity_aliases_;
};

} // namespace

std::string suggest_spelling(const Xapian::Database& db, std::string_view query,
                             const QueryOptions& options) {
    QueryOptions literal = options;
    literal.entity_aliases = false; // the words as typed, not alias nodes
    const std::string text = text::to_valid_utf8(text::trim(query));
    const QueryBuilder builder(db, literal);
    return suggest_spelling(db, builder.parse_tree(text), text, options);
}

std::string suggest_spelling(const Xapian::Database& db, const QueryTree& tree,
                             std::string_view text, const QueryOptions& options) {
    QueryOptions literal = options;
    literal.entity_aliases = false;
    const QueryBuilder builder(db, literal);
    const Speller speller(db, options, builder.languages());
    std::string out;
    std::size_t at = 0;
    bool changed = false;
    visit_nodes(tree.root, [&](const QueryNode& w) {
        if (w.kind != QueryNode::Kind::term || !(w.field.empty() || w.field == "title")) return;
        if (w.begin < at || w.end > text.size()) return;
        std::string correction = speller.correct(w.typed);
        if (correction.empty()) return;
        out.append(text, at, w.begin - at);
        out += correction;
        at = w.end;
        changed = true;
    });
    if (!changed) return {};
    out.append(text, at);
    return out;
}

} // namespace dateline::query
