#include "query_parser.h"

#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "date_range.h"
#include "entity_resolver.h"
#include "entity_terms.h"
#include "errors.h"
#include "query_json.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace dateline::query {

namespace {

using Kind = QueryNode::Kind;

const schema::Field* find_field(std::string_view name) {
    for (const auto& f : schema::fields())
        if (f.name == name) return &f;
    return nullptr;
}

std::string_view free_text_prefix(std::string_view field) {
    if (field.empty()) return {};
    const schema::Field* f = find_field(field);
    return f ? f->prefix : std::string_view();
}

// The OP_WILDCARD leaves of `query`, counted without recursion (a query may nest deeply).
std::size_t count_wildcards(const Xapian::Query& query) {
    std::size_t n = 0;
    std::vector<Xapian::Query> todo{query};
    while (!todo.empty()) {
        const Xapian::Query q = std::move(todo.back());
        todo.pop_back();
        if (q.get_type() == Xapian::Query::OP_WILDCARD) {
            ++n;
            continue;
        }
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            todo.push_back(q.get_subquery(i));
    }
    return n;
}

Xapian::Query match_all() {
    return Xapian::Query(std::string()); // unshared (the static's count is not atomic: threads)
}

// One build of a tree. A node builds to nothing (nullopt) where Xapian's parser made a null
// query: a group or sequence of stopwords that may vanish.
class Build {
  public:
    Build(const Xapian::Database& db, const QueryOptions& options, const WordLanguages& languages,
          std::vector<std::string>& stopped)
        : db_(db), options_(options), languages_(languages), stopped_(stopped) {}

    std::optional<Xapian::Query> node(const QueryNode& n) {
        switch (n.kind) {
        case Kind::term:
            return term(n, n.stem);
        case Kind::wildcard:
            return Xapian::Query(
                Xapian::Query::OP_WILDCARD, std::string(free_text_prefix(n.field)) + n.text,
                options_.max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        case Kind::phrase:
            return positional(n, Xapian::Query::OP_PHRASE, 0);
        case Kind::near:
            return positional(n, Xapian::Query::OP_NEAR, (n.window ? n.window : 10) - 1);
        case Kind::adj:
            return positional(n, Xapian::Query::OP_PHRASE, (n.window ? n.window : 10) - 1);
        case Kind::group:
            return group(n);
        case Kind::filter:
            return filter(n);
        case Kind::alias:
            return alias(n);
        case Kind::sequence:
            return sequence(n);
        case Kind::op_and:
            return binary(n, Xapian::Query::OP_AND, "AND");
        case Kind::op_or:
            return binary(n, Xapian::Query::OP_OR, "OR");
        case Kind::op_xor:
            return binary(n, Xapian::Query::OP_XOR, "XOR");
        case Kind::op_not:
            return binary(n, Xapian::Query::OP_AND_NOT, "NOT");
        case Kind::match_all:
            return match_all();
        }
        return std::nullopt;
    }

  private:
    bool is_stopword(const QueryNode& t) const { return languages_.is_stopword(t.text); }

    // Xapian's Term::make_term with STEM_SOME; a word with stems in several languages is the
    // best of them (word_languages.h), each other language's stem filtered to its articles.
    Xapian::Query term(const QueryNode& t, bool stemmed) const {
        const std::string_view prefix = free_text_prefix(t.field);
        std::string name;
        if (stemmed) name += 'Z';
        name += prefix;
        if (prefix.size() > 1 && prefix.back() != ':' && !t.text.empty() &&
            (t.text[0] == ':' || (t.text[0] >= 'A' && t.text[0] <= 'Z')))
            name += ':';
        if (!stemmed) return Xapian::Query(name + t.text, 1, t.position);
        const auto stems = languages_.stems(t.text);
        if (stems.size() == 1) return Xapian::Query(name + stems.front().stem, 1, t.position);
        std::vector<Xapian::Query> alternatives;
        for (const auto& s : stems) {
            Xapian::Query q(name + s.stem, 1, t.position);
            if (!s.only.empty()) {
                std::vector<Xapian::Query> languages;
                for (const auto& code : s.only)
                    languages.emplace_back(schema::boolean_term(schema::prefix::language, code));
                q = Xapian::Query(
                    Xapian::Query::OP_FILTER, q,
                    Xapian::Query(Xapian::Query::OP_OR, languages.begin(), languages.end()));
                q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q,
                                  WordLanguages::language_weight(db_, name + s.stem, s));
            }
            alternatives.push_back(std::move(q));
        }
        return Xapian::Query(Xapian::Query::OP_MAX, alternatives.begin(), alternatives.end());
    }

    Xapian::Query positional(const QueryNode& n, Xapian::Query::op op, unsigned extra) const {
        std::vector<Xapian::Query> terms;
        for (const auto& t : n.children)
            terms.push_back(term(t, false)); // words in positional queries are not stemmed
        return Xapian::Query(op, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(extra + terms.size()));
    }

    // Words separated by white space: AND, stopwords left out unless all of them are stopwords
    // (then all stay, unless the group may vanish).
    std::optional<Xapian::Query> group(const QueryNode& g) {
        std::vector<Xapian::Query> parts;
        const std::size_t stopped_before = stopped_.size();
        for (const auto& c : g.children) {
            if (c.kind == Kind::term && is_stopword(c)) {
                stopped_.push_back(c.text);
                continue;
            }
            if (auto q = node(c)) parts.push_back(std::move(*q));
        }
        if (parts.empty() && stopped_.size() > stopped_before && !g.empty_ok) {
            stopped_.resize(stopped_before);
            for (const auto& c : g.children)
                if (auto q = c.kind == Kind::term ? std::optional(term(c, c.stem)) : node(c))
                    parts.push_back(std::move(*q));
        }
        if (parts.empty()) return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    // source:, tag:, site:, id:... -> the term schema::field_term makes of the value, as the
    // indexer does; a trailing '*' expands the value (tag:vlad*); source: values are also tried
    // as a slug (source:"Agence France-Presse"); entity fields resolve aliases
    // (entity_resolver.h). date: periods and ranges (date_range.h).
    Xapian::Query filter(const QueryNode& f) const {
        const std::string& value = f.text;
        if (f.field == schema::date_field) {
            try {
                auto dots = value.find("..");
                if (dots == std::string::npos) return date_period_query(value);
                std::string_view v(value);
                return date_range_query(v.substr(0, dots), v.substr(dots + 2), &db_);
            } catch (const QueryError& e) {
                throw QueryError(std::string(e.what()) + " at column " + std::to_string(f.column));
            }
        }
        const schema::Field& field = *find_field(f.field);
        if (value.size() > 1 && value.back() == '*') {
            std::string stem = schema::field_term(field, value.substr(0, value.size() - 1));
            return Xapian::Query(Xapian::Query::OP_WILDCARD, stem, options_.max_expansion,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        std::string term = resolve_field_term(db_, field, value);
        if (field.prefix == schema::prefix::source) {
            std::string slug = std::string(field.prefix) + text::slugify(value);
            if (slug != term && slug.size() > field.prefix.size())
                return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                                     Xapian::Query(slug));
        }
        return Xapian::Query(term);
    }

    // An entity alias: what its words mean as text, OR its entities' tags with a fixed weight
    // (entity_terms.h).
    std::optional<Xapian::Query> alias(const QueryNode& a) {
        const QueryNode& inner = a.children.front();
        std::optional<Xapian::Query> text;
        std::vector<std::string_view> words;
        if (inner.kind == Kind::phrase) {
            text = node(inner);
            for (const auto& t : inner.children)
                words.push_back(t.typed);
        } else if (a.children.size() == 1) {
            text = term(inner, inner.stem);
            words.push_back(inner.typed);
        } else {
            QueryNode g;
            g.kind = Kind::group;
            g.children = a.children;
            const std::size_t stopped_before = stopped_.size();
            text = group(g);
            stopped_.resize(stopped_before); // the alias's own words: not the query's stopwords
            for (const auto& t : a.children)
                words.push_back(t.typed);
        }
        const auto tags = entity_tag_terms(db_, words);
        if (tags.empty()) return text;
        std::vector<std::string> terms;
        if (text)
            for (auto it = text->get_unique_terms_begin(); it != text->get_unique_terms_end(); ++it)
                if (!(*it).starts_with(schema::prefix::language)) // not a language filter
                    terms.push_back(*it);
        auto* weight = new Xapian::FixedWeightPostingSource(least_bm25_share(db_, terms));
        Xapian::Query tagged(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()),
                             Xapian::Query(Xapian::Query::OP_OR, tags.begin(), tags.end()));
        if (!text) return tagged;
        return Xapian::Query(Xapian::Query::OP_OR, *text, tagged);
    }

    // Items AND-ed: stopword terms left out, filters grouped by field (OR within a `boolean`
    // field and date:, AND otherwise) and applied as a filter, hated items taken away. A query of
    // filters only weighs nothing (scaled by 0); one of hated items only is everything but them.
    std::optional<Xapian::Query> sequence(const QueryNode& s) {
        std::optional<Xapian::Query> query;
        std::optional<Xapian::Query> hate;
        std::map<std::string, Xapian::Query> groups; // by field, or one per boolean_all value
        std::size_t own_groups = 0;
        for (const auto& item : s.children) {
            if (item.kind == Kind::filter) {
                Xapian::Query f = filter(item);
                if (item.hated) {
                    hate = hate ? Xapian::Query(Xapian::Query::OP_OR, *hate, f) : f;
                    continue;
                }
                const schema::Field* field = find_field(item.field);
                std::string key = item.field;
                const bool all = field && field->kind == schema::Field::Kind::boolean_all;
                if (all) key += "\n" + std::to_string(own_groups++);
                auto [it, fresh] = groups.try_emplace(key, f);
                if (!fresh) it->second = Xapian::Query(Xapian::Query::OP_OR, it->second, f);
                continue;
            }
            if (item.stoppable && item.kind == Kind::term && is_stopword(item)) {
                stopped_.push_back(item.text);
                continue;
            }
            std::optional<Xapian::Query> q = node(item);
            if (!q) continue;
            if (item.hated) {
                hate = hate ? Xapian::Query(Xapian::Query::OP_OR, *hate, *q) : *q;
                continue;
            }
            query = query ? Xapian::Query(Xapian::Query::OP_AND, *query, *q) : *q;
        }
        if (!groups.empty()) {
            std::optional<Xapian::Query> filters;
            for (auto& [key, f] : groups)
                filters = filters ? Xapian::Query(Xapian::Query::OP_AND, *filters, f) : f;
            query = query ? Xapian::Query(Xapian::Query::OP_FILTER, *query, *filters)
                          : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *filters, 0.0);
        }
        if (hate) {
            if (!query) query = match_all(); // hated items only (query_tree.h)
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, *query, *hate);
        }
        return query;
    }

    std::optional<Xapian::Query> binary(const QueryNode& n, Xapian::Query::op op,
                                        const char* name) {
        std::optional<Xapian::Query> a = node(n.children[0]);
        std::optional<Xapian::Query> b = node(n.children[1]);
        if (!a || !b)
            throw QueryError(std::string("Syntax: <expression> ") + name +
                             " <expression> at column " + std::to_string(n.column));
        return Xapian::Query(op, *a, *b);
    }

    const Xapian::Database& db_;
    const QueryOptions& options_;
    const WordLanguages& languages_;
    std::vector<std::string>& stopped_;
};

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& options,
                           const WordLanguages* archive_languages)
    : db_(db), options_(options),
      languages_(!options.language.empty() ? WordLanguages(options.language)
                 : archive_languages       ? *archive_languages
                                           : WordLanguages(db)) {
    if (options.max_expansion == 0 || options.max_expansion > max_wildcard_expansion)
        throw UsageError("the wildcard expansion limit must be 1 to " +
                         std::to_string(max_wildcard_expansion) + ", not " +
                         std::to_string(options.max_expansion));
}

QueryTree QueryBuilder::parse_tree(std::string_view query_string) const {
    const std::string text = text::to_valid_utf8(text::trim(query_string));
    QueryTreeOptions tree_options;
    tree_options.db = &db_;
    tree_options.is_stopword = [this](std::string_view word) {
        return languages_.is_stopword(word);
    };
    QueryTree tree;
    try {
        tree = parse_query_tree(text, tree_options);
    } catch (const QueryError& e) {
        throw QueryError("cannot parse query '" + text + "': " + e.what());
    }
    if (options_.entity_aliases) mark_entity_aliases(tree, db_);
    return tree;
}

QueryTree QueryBuilder::parse_json_tree(const nlohmann::json& query) const {
    QueryTreeOptions tree_options;
    tree_options.db = &db_;
    tree_options.is_stopword = [this](std::string_view word) {
        return languages_.is_stopword(word);
    };
    QueryTree tree = tree_from_json(query, tree_options);
    if (options_.entity_aliases) mark_entity_aliases(tree, db_);
    return tree;
}

Xapian::Query QueryBuilder::build(const QueryTree& tree, std::string_view text) {
    stopped_.clear();
    if (tree.root.kind == Kind::match_all) return match_all();
    std::optional<Xapian::Query> query;
    try {
        query = Build(db_, options_, languages_, stopped_).node(tree.root);
    } catch (const QueryError& e) {
        const std::string what = e.what();
        if (what.starts_with("Syntax:"))
            throw QueryError("cannot parse query '" + std::string(text) + "': " + what);
        throw;
    }
    if (!query) return match_all(); // stopwords or punctuation only: browse
    // An empty Xapian query is one that matches nothing (a date range outside the archive's
    // years, AND-ed with anything): it stays empty, it does not browse everything.
    if (query->empty()) return *query;
    if (const std::size_t wildcards = count_wildcards(*query); wildcards > max_wildcards)
        throw QueryError("cannot parse query '" + std::string(text.substr(0, 200)) +
                         "': " + std::to_string(wildcards) + " wildcards, at most " +
                         std::to_string(max_wildcards) + " are allowed in one query");
    return *query;
}

Xapian::Query QueryBuilder::parse(std::string_view query_string) {
    const QueryTree tree = parse_tree(query_string);
    return build(tree, text::trim(query_string));
}

std::string QueryBuilder::explain(std::string_view query_string) {
    return explain(parse_tree(query_string), text::trim(query_string));
}

std::string QueryBuilder::explain(const QueryTree& tree, std::string_view text) {
    std::string out = describe(tree.root);
    if (tree.fallback) out += "(read without operators: Xapian's grammar rejects the text)\n";
    out += build(tree, text).get_description();
    out += '\n';
    return out;
}

} // namespace dateline::query
