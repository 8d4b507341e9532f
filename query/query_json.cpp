#include "query_json.h"

#include "analyzers/schema.h"
#include "date_range.h"
#include "errors.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace dateline::query {

namespace {

using Kind = QueryNode::Kind;
using nlohmann::json;

// ---- JSON to tree -------------------------------------------------------------------------

// The key that names a node's kind; "value" (with "field") is a field's value.
constexpr std::array<std::string_view, 15> kind_keys{
    "and",   "or",     "xor",  "not", "all",      "minus", "words", "word",
    "group", "phrase", "near", "adj", "wildcard", "date",  "value"};

// The other keys each kind takes.
std::vector<std::string_view> modifiers(std::string_view kind) {
    if (kind == "words" || kind == "wildcard") return {"field"};
    if (kind == "word") return {"field", "stem", "glued", "keep"};
    if (kind == "group") return {"field", "may_vanish"};
    if (kind == "phrase") return {"field", "quoted", "glued"};
    if (kind == "near" || kind == "adj") return {"field", "window"};
    if (kind == "value") return {"field"};
    return {};
}

std::string join(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::string child_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string index_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

[[noreturn]] void bad(const std::string& path, const std::string& problem) {
    throw QueryError((path.empty() ? std::string("the query") : path) + ": " + problem);
}

const schema::Field* find_field(std::string_view name) {
    for (const auto& f : schema::fields())
        if (f.name == name) return &f;
    return nullptr;
}

std::string field_names(bool free_text) {
    std::string out;
    for (const auto& f : schema::fields())
        if ((f.kind == schema::Field::Kind::free_text) == free_text)
            out += (out.empty() ? "" : ", ") + std::string(f.name);
    if (!free_text) out += ", " + std::string(schema::date_field);
    return out;
}

bool is_positional(Kind k) {
    return k == Kind::phrase || k == Kind::near || k == Kind::adj;
}

class FromJson {
  public:
    explicit FromJson(const QueryTreeOptions& options) : options_(options) {}

    QueryNode root(const json& j) { return node(j, "", 0); }
    bool proximity = false;

  private:
    // Which kind an object is, checking its keys.
    std::string_view kind_of(const json& j, const std::string& path) const {
        if (!j.is_object())
            bad(path, std::string("must be an object (a query node), not ") +
                          (j.is_string() ? "a string: write {\"words\": ...}" : j.type_name()));
        std::string_view kind;
        for (auto k : kind_keys) {
            if (!j.contains(std::string(k))) continue;
            if (!kind.empty())
                bad(path, "has both '" + std::string(kind) + "' and '" + std::string(k) +
                              "': one node kind per object");
            kind = k;
        }
        if (kind.empty()) {
            if (j.contains("field")) bad(path, "'field' needs a 'value' or a words node");
            bad(path, "names no node kind (one of " +
                          join({kind_keys.begin(), kind_keys.end() - 1}) + ", or field and value)");
        }
        const auto allowed = modifiers(kind);
        for (const auto& [key, value] : j.items()) {
            if (key == kind) continue;
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                bad(path, "unknown key '" + key + "' in a '" + std::string(kind) + "' node" +
                              (allowed.empty() ? std::string(" (it takes no other key)")
                                               : " (it also takes: " + join(allowed) + ")"));
        }
        return kind;
    }

    static const json* get(const json& j, std::string_view key) {
        auto it = j.find(std::string(key));
        return it == j.end() ? nullptr : &*it;
    }

    static std::string string_of(const json& j, const std::string& path) {
        if (!j.is_string()) bad(path, std::string("must be a string, not ") + j.type_name());
        return j.get<std::string>();
    }

    static std::optional<bool> flag(const json& j, std::string_view key, const std::string& path) {
        const json* v = get(j, key);
        if (!v) return std::nullopt;
        if (!v->is_boolean())
            bad(child_path(path, key), std::string("must be true or false, not ") + v->type_name());
        return v->get<bool>();
    }

    // A free-text field name ("" when absent).
    static std::string text_field(const json& j, const std::string& path) {
        const json* v = get(j, "field");
        if (!v) return {};
        const std::string p = child_path(path, "field");
        const std::string name = string_of(*v, p);
        if (name.empty()) return {}; // none
        const schema::Field* f = find_field(name);
        if (f && f->kind == schema::Field::Kind::free_text) return name;
        if (f || name == schema::date_field)
            bad(p, "'" + name + "' is not a free-text field: write {\"field\": \"" + name +
                       "\", \"value\": ...}");
        bad(p, "unknown field '" + name + "' (free-text fields: " + field_names(true) + ")");
    }

    static void set_field(QueryNode& n, const std::string& field) {
        if (field.empty()) return;
        visit(n, [&](QueryNode& t) {
            if ((t.kind == Kind::term || t.kind == Kind::wildcard) && t.field.empty())
                t.field = field;
        });
        if (n.kind == Kind::phrase && n.quoted && n.field.empty()) n.field = field;
    }

    template <class F> static void visit(QueryNode& n, F&& f) {
        f(n);
        for (auto& c : n.children)
            visit(c, f);
    }

    QueryNode words(const std::string& text, const std::string& path) const {
        if (text.size() > max_text) bad(path, "is longer than " + std::to_string(max_text));
        QueryTree t;
        try {
            t = parse_query_words(text, options_);
        } catch (const QueryError& e) {
            bad(path, e.what());
        }
        if (t.root.kind == Kind::match_all) bad(path, "has no words");
        return std::move(t.root);
    }

    // One word, as "word", a near/adj/phrase/group item: a string or a "word" object.
    QueryNode one_word(const json& j, const std::string& path, const std::string& field) {
        const json* text = &j;
        if (j.is_object()) {
            if (kind_of(j, path) != "word")
                bad(path, "must be a word: a string or {\"word\": ...}");
            text = get(j, "word");
        } else if (!j.is_string()) {
            bad(path,
                std::string("must be a word: a string or {\"word\": ...}, not ") + j.type_name());
        }
        const std::string p = j.is_object() ? child_path(path, "word") : path;
        QueryNode t = words(string_of(*text, p), p);
        if (t.kind != Kind::term)
            bad(p, "must be one word (several words or punctuation: use \"words\")");
        if (j.is_object()) {
            // Its own field, "" for none, else the list's.
            set_field(t, j.contains("field") ? text_field(j, path) : field);
            if (auto stem = flag(j, "stem", path)) t.stem = *stem;
            if (const json* g = get(j, "glued")) {
                const std::string s = string_of(*g, child_path(path, "glued"));
                if (s != "before" && s != "after" && s != "both")
                    bad(child_path(path, "glued"),
                        "must be before, after or both, not '" + s + "'");
                t.alone_before = s == "after";
                t.alone_after = s == "before";
            }
            keep_ = flag(j, "keep", path).value_or(false);
        } else {
            set_field(t, field);
        }
        return t;
    }

    // The words of a list (strings or word objects) or of a string.
    std::vector<QueryNode> word_list(const json& j, const std::string& path,
                                     const std::string& field) {
        std::vector<QueryNode> out;
        if (j.is_string()) {
            QueryNode n = words(j.get<std::string>(), path);
            bool wild = false;
            visit(n, [&](QueryNode& t) {
                if (t.kind == Kind::term) out.push_back(t);
                wild = wild || t.kind == Kind::wildcard;
            });
            if (wild) bad(path, "holds a wildcard, which only stands alone");
            for (auto& t : out) {
                t.stoppable = false;
                t.field = field;
            }
            return out;
        }
        if (!j.is_array())
            bad(path, std::string("must be a string or a list of words, not ") + j.type_name());
        if (j.empty()) bad(path, "is empty");
        for (std::size_t i = 0; i < j.size(); ++i)
            out.push_back(one_word(j[i], index_path(path, i), field));
        return out;
    }

    static QueryNode in_sequence(QueryNode n) {
        QueryNode s;
        s.kind = Kind::sequence;
        s.children.push_back(std::move(n));
        return s;
    }

    static QueryNode binary(Kind kind, QueryNode a, QueryNode b) {
        QueryNode n;
        n.kind = kind;
        n.children.push_back(std::move(a));
        n.children.push_back(std::move(b));
        return n;
    }

    QueryNode filter(const std::string& field, const std::string& value,
                     const std::string& path) const {
        QueryNode f;
        f.kind = Kind::filter;
        f.field = field;
        f.text = value;
        if (value.empty()) bad(path, "is empty");
        if (value.size() > max_text) bad(path, "is longer than " + std::to_string(max_text));
        if (field == schema::date_field) check_date(value, path);
        return f;
    }

    static void check_period(const std::string& text, const std::string& path) {
        try {
            parse_date_period(text);
        } catch (const std::invalid_argument& e) {
            bad(path, "bad date '" + text + "': " + e.what());
        }
    }

    static void check_date(const std::string& value, const std::string& path) {
        const auto dots = value.find("..");
        if (dots == std::string::npos) check_period(value, path);
        try {
            if (dots == std::string::npos) {
                date_period_query(value);
            } else {
                date_range_query(std::string_view(value).substr(0, dots),
                                 std::string_view(value).substr(dots + 2));
            }
        } catch (const QueryError& e) {
            bad(path, e.what());
        }
    }

    QueryNode date(const json& j, const std::string& path) const {
        if (j.is_string())
            return filter(std::string(schema::date_field), j.get<std::string>(), path);
        if (!j.is_object())
            bad(path, std::string("must be a date (\"1987-03\", \"1987-03..1987-04\") or "
                                  "{\"from\": ..., \"to\": ...}, not ") +
                          j.type_name());
        std::string from, to;
        for (const auto& [key, value] : j.items()) {
            const std::string p = child_path(path, key);
            if (key != "from" && key != "to") bad(p, "unknown key (a date takes from and to)");
            std::string s = string_of(value, p);
            if (s.empty() || s.find("..") != std::string::npos)
                bad(p, "must be one date, YYYY[-MM[-DD]]");
            check_period(s, p);
            (key == "from" ? from : to) = std::move(s);
        }
        if (from.empty() && to.empty()) bad(path, "needs from, to or both");
        return filter(std::string(schema::date_field), from + ".." + to, path);
    }

    QueryNode field_value(const json& j, const std::string& path) {
        const json* name = get(j, "field");
        if (!name) bad(path, "'value' needs a 'field'");
        const std::string p = child_path(path, "field");
        const std::string field = string_of(*name, p);
        const std::string vp = child_path(path, "value");
        if (field == schema::date_field) return date(*get(j, "value"), vp);
        const schema::Field* f = find_field(field);
        if (!f)
            bad(p, "unknown field '" + field + "' (fields: " + field_names(true) + ", " +
                       field_names(false) + ")");
        const std::string value = string_of(*get(j, "value"), vp);
        if (f->kind == schema::Field::Kind::free_text) {
            QueryNode n = words(value, vp);
            set_field(n, field);
            return n;
        }
        return filter(field, value, vp);
    }

    // A node as it stands in a sequence ("all"): filters bare, a words' sequence whole.
    QueryNode raw(const json& j, const std::string& path, std::size_t depth) {
        if (depth > max_json_depth)
            bad(path, "is nested deeper than " + std::to_string(max_json_depth) + " levels");
        const std::string_view kind = kind_of(j, path);
        const std::string p = child_path(path, kind);
        const json& v = *get(j, kind);
        if (kind == "words") {
            QueryNode n = words(string_of(v, p), p);
            set_field(n, text_field(j, path));
            return n;
        }
        if (kind == "word") return one_word(j, path, {});
        if (kind == "wildcard") {
            std::string s = string_of(v, p);
            if (!s.empty() && s.back() == '*') s.pop_back();
            if (s.empty()) bad(p, "needs the letters before the '*'");
            QueryNode n = words(s + "*", p);
            if (n.kind != Kind::wildcard) bad(p, "must be one word (its start), as in pri*");
            set_field(n, text_field(j, path));
            return n;
        }
        if (kind == "group") {
            QueryNode g;
            g.kind = Kind::group;
            g.children = word_list(v, p, text_field(j, path));
            g.empty_ok = flag(j, "may_vanish", path).value_or(false);
            return g;
        }
        if (kind == "phrase") {
            QueryNode n;
            n.kind = Kind::phrase;
            n.quoted = flag(j, "quoted", path).value_or(true);
            const std::string field = text_field(j, path);
            n.children = word_list(v, p, field);
            if (n.quoted) {
                n.field = n.children.front().field;
                bool glued = false;
                if (const json* g = get(j, "glued")) {
                    const std::string gp = child_path(path, "glued");
                    if (string_of(*g, gp) != "both") bad(gp, "a phrase is glued \"both\" or not");
                    glued = true;
                }
                n.alone_before = n.alone_after = !glued;
            } else if (get(j, "glued")) {
                bad(child_path(path, "glued"), "only for a quoted phrase");
            }
            return n;
        }
        if (kind == "near" || kind == "adj") {
            QueryNode n;
            n.kind = kind == "near" ? Kind::near : Kind::adj;
            n.children = word_list(v, p, text_field(j, path));
            if (n.children.size() < 2) bad(p, "needs at least two words");
            if (const json* w = get(j, "window")) {
                const std::string wp = child_path(path, "window");
                if (!w->is_number_integer() || w->get<std::int64_t>() < 1 ||
                    w->get<std::int64_t>() > max_window)
                    bad(wp, "must be a whole number from 1 to " + std::to_string(max_window));
                n.window = static_cast<unsigned>(w->get<std::int64_t>());
            }
            proximity = true;
            return n;
        }
        if (kind == "date") return date(v, p);
        if (kind == "value") return field_value(j, path);
        if (kind == "and" || kind == "or" || kind == "xor") {
            if (!v.is_array())
                bad(p, std::string("must be a list of query nodes, not ") + v.type_name());
            if (v.empty()) bad(p, "is empty");
            const Kind op = kind == "and"  ? Kind::op_and
                            : kind == "or" ? Kind::op_or
                                           : Kind::op_xor;
            std::optional<QueryNode> acc;
            for (std::size_t i = 0; i < v.size(); ++i) {
                const std::string ip = index_path(p, i);
                // and[.., {"not": X}]: A AND NOT X
                if (acc && op == Kind::op_and && v[i].is_object() && v[i].contains("not") &&
                    kind_of(v[i], ip) == "not") {
                    acc = binary(Kind::op_not, std::move(*acc),
                                 node(v[i]["not"], child_path(ip, "not"), depth + 2));
                    continue;
                }
                QueryNode n = node(v[i], ip, depth + 1);
                acc = acc ? binary(op, std::move(*acc), std::move(n)) : std::move(n);
            }
            return std::move(*acc); // a one-item list: that item, as if in brackets
        }
        if (kind == "not") return binary(Kind::op_not, QueryNode{}, node(v, p, depth + 1));
        if (kind == "all") return all(v, p, depth, path.empty());
        bad(path, "'" + std::string(kind) + "' stands only as an item of an \"all\" list");
    }

    // A node where the text has an expression: a filter is a sequence of one filter.
    QueryNode node(const json& j, const std::string& path, std::size_t depth) {
        QueryNode n = raw(j, path, depth);
        if (n.kind == Kind::filter) return in_sequence(std::move(n));
        return n;
    }

    bool is_stopword(const QueryNode& t) const {
        return options_.is_stopword && options_.is_stopword(t.text);
    }

    // As the parser's operand(): a sequence of items AND-ed by default.
    QueryNode all(const json& v, const std::string& path, std::size_t depth, bool whole) {
        if (!v.is_array()) bad(path, std::string("must be a list, not ") + v.type_name());
        QueryNode seq;
        seq.kind = Kind::sequence;
        if (v.empty()) return QueryNode{}; // every article
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string ip = index_path(path, i);
            const json& item = v[i];
            const std::string_view kind = kind_of(item, ip);
            if (kind == "minus") {
                QueryNode n = raw(item["minus"], child_path(ip, kind), depth + 2);
                n.hated = true;
                n.stoppable = false;
                seq.children.push_back(std::move(n));
                continue;
            }
            keep_ = false;
            QueryNode n = raw(item, ip, depth + 1);
            const bool bare = kind == "words" || kind == "word" || kind == "value";
            if (bare && n.kind == Kind::sequence) { // the words' own items
                for (auto& c : n.children)
                    seq.children.push_back(std::move(c));
                continue;
            }
            if (n.kind == Kind::term) n.stoppable = bare && !keep_;
            seq.children.push_back(std::move(n));
        }
        if (seq.children.size() == 1 && !seq.children[0].hated &&
            seq.children[0].kind != Kind::filter) {
            QueryNode only = std::move(seq.children[0]);
            only.stoppable = false;
            return only;
        }
        bool all_hated = true, hates = false, weighs = false, filters = false;
        for (const auto& c : seq.children) {
            all_hated = all_hated && c.hated;
            hates = hates || c.hated;
            filters = filters || (!c.hated && c.kind == Kind::filter);
            if (c.hated || c.kind == Kind::filter) continue;
            if (c.stoppable) {
                weighs = weighs || !is_stopword(c);
            } else if (c.kind == Kind::group && c.empty_ok) {
                for (const auto& w : c.children)
                    weighs = weighs || !is_stopword(w);
            } else {
                weighs = true;
            }
        }
        if (all_hated) {
            if (!whole)
                bad(path, "has only minus items, which means everything but them: only the "
                          "whole query may");
            seq.hated = true;
        } else if (hates && !weighs && !filters) {
            bad(path, "has minus items and only stopwords to take them from");
        }
        return seq;
    }

    static constexpr std::size_t max_text = 100000;
    static constexpr std::int64_t max_window = 1000000;
    const QueryTreeOptions& options_;
    bool keep_ = false; // the last word's "keep"
};

void number(QueryNode& n, unsigned& position) {
    n.column = 0;
    if (n.kind == Kind::term || n.kind == Kind::wildcard) n.position = ++position;
    for (auto& c : n.children)
        number(c, position);
}

// ---- Tree to JSON -------------------------------------------------------------------------

// The tree without alias nodes (tree_from_json marks them again).
void unalias(QueryNode& n) {
    std::vector<QueryNode> out;
    for (auto& c : n.children) {
        unalias(c);
        if (c.kind == Kind::alias && n.kind == Kind::group) {
            for (auto& w : c.children)
                out.push_back(std::move(w));
            continue;
        }
        if (c.kind == Kind::alias && c.children.size() == 1) {
            QueryNode inner = std::move(c.children.front());
            inner.hated = c.hated;
            out.push_back(std::move(inner));
            continue;
        }
        out.push_back(std::move(c));
    }
    n.children = std::move(out);
    if (n.kind == Kind::alias && n.children.size() == 1) {
        QueryNode inner = std::move(n.children.front());
        inner.hated = n.hated;
        n = std::move(inner);
    }
}

class ToJson {
  public:
    json node(const QueryNode& n) {
        switch (n.kind) {
        case Kind::match_all:
            return {{"all", json::array()}};
        case Kind::term:
            return word(n, false, true);
        case Kind::wildcard: {
            json j{{"wildcard", n.typed}};
            if (!n.field.empty()) j["field"] = n.field;
            return j;
        }
        case Kind::group:
            return group(n, nullptr);
        case Kind::phrase:
            return phrase(n);
        case Kind::near:
        case Kind::adj:
            return proximity(n);
        case Kind::filter:
            return filter(n);
        case Kind::alias: // unalias() leaves none
        case Kind::sequence:
            return sequence(n);
        case Kind::op_and:
        case Kind::op_not:
            if (n.kind == Kind::op_not && n.children[0].kind == Kind::match_all)
                return {{"not", node(n.children[1])}};
            return {{"and", chain(n, Kind::op_and)}};
        case Kind::op_or:
            return {{"or", chain(n, Kind::op_or)}};
        case Kind::op_xor:
            return {{"xor", chain(n, Kind::op_xor)}};
        }
        return nullptr;
    }

  private:
    // The term a word's text gives alone (as "words" would read it), if one.
    static std::optional<QueryNode> alone(const std::string& typed) {
        try {
            QueryTree t = parse_query_words(typed);
            if (t.root.kind == Kind::term && t.root.typed == typed) return std::move(t.root);
        } catch (const QueryError&) {
        }
        return std::nullopt;
    }

    // Whether {"words": typed} gives the term back (but for its field and stoppable).
    static bool plain(const QueryNode& t) {
        if (t.kind != Kind::term) return false;
        const auto a = alone(t.typed);
        if (!a || a->stem != t.stem) return false;
        return !t.field.empty() ||
               (a->alone_before == t.alone_before && a->alone_after == t.alone_after);
    }

    // A term: {"words": ...} where that is exact, else {"word": ...} with its flags. In a
    // sequence (`item`), a plain item is dropped if a stopword, as `stoppable` says.
    static json word(const QueryNode& t, bool item, bool allow_words) {
        const bool keep = item && !t.stoppable && !t.hated;
        if (allow_words && plain(t) && !keep) {
            json j{{"words", t.typed}};
            if (!t.field.empty()) j["field"] = t.field;
            return j;
        }
        json j{{"word", t.typed}};
        if (!t.field.empty()) j["field"] = t.field;
        const auto a = alone(t.typed);
        if (!a || a->stem != t.stem) j["stem"] = t.stem;
        if (t.field.empty() && (!t.alone_before || !t.alone_after))
            j["glued"] = !t.alone_before && !t.alone_after ? "both"
                         : !t.alone_before                 ? "before"
                                                           : "after";
        if (keep) j["keep"] = true;
        return j;
    }

    // The words of a positional node or group: a string of them when their fields are `field`
    // and each reads alone, else a list (strings, or word objects for the others).
    static json word_list(const QueryNode& n, const std::string& field, bool check_flags,
                          const char* separator) {
        bool simple = true;
        for (const auto& c : n.children)
            simple = simple && c.kind == Kind::term && c.field == field &&
                     (check_flags ? plain(c) : alone(c.typed).has_value());
        if (simple) {
            std::string s;
            for (const auto& c : n.children)
                s += (s.empty() ? "" : separator) + c.typed;
            if (const auto back = relex(s, field); back && back->size() == n.children.size()) {
                bool same = true;
                for (std::size_t i = 0; i < back->size(); ++i)
                    same = same && (*back)[i].typed == n.children[i].typed;
                if (same) return s;
            }
        }
        json list = json::array();
        for (const auto& c : n.children) {
            if (c.field == field && (check_flags ? plain(c) : alone(c.typed).has_value())) {
                list.push_back(c.typed);
                continue;
            }
            json w = check_flags ? word(c, false, false) : positional_word(c);
            if (c.field != field) w["field"] = c.field; // "" for none
            list.push_back(std::move(w));
        }
        return list;
    }

    static json positional_word(const QueryNode& c) {
        json j{{"word", c.typed}};
        if (!c.field.empty()) j["field"] = c.field;
        return j;
    }

    static std::optional<std::vector<QueryNode>> relex(const std::string& s, const std::string&) {
        try {
            std::vector<QueryNode> out;
            QueryTree t = parse_query_words(s);
            bool other = false;
            visit_nodes(t.root, [&](const QueryNode& x) {
                if (x.kind == Kind::term) out.push_back(x);
                other = other || x.kind == Kind::wildcard;
            });
            if (other) return std::nullopt;
            return out;
        } catch (const QueryError&) {
            return std::nullopt;
        }
    }

    static std::string common_field(const QueryNode& n) {
        return n.children.empty() ? std::string() : n.children.front().field;
    }

    // A group: {"words": "a b c"} when that reads back as the group, else {"group": [...]}.
    // `wildcard`: the wildcard after it in its sequence, read with it ("a b pri*").
    json group(const QueryNode& g, const QueryNode* wildcard) {
        const std::string field = common_field(g);
        bool simple = true;
        for (const auto& c : g.children)
            simple = simple && c.field == field && plain(c);
        if (simple && g.empty_ok == (wildcard != nullptr)) {
            std::string s;
            for (const auto& c : g.children)
                s += (s.empty() ? "" : " ") + c.typed;
            if (wildcard) s += " " + wildcard->typed + "*";
            json j{{"words", s}};
            if (!field.empty()) j["field"] = field;
            if (reads_as(j, g, wildcard)) return j;
        }
        json j{{"group", word_list(g, field, true, " ")}};
        if (!field.empty()) j["field"] = field;
        if (g.empty_ok) j["may_vanish"] = true;
        return j;
    }

    // Whether a words object gives back the group (and the wildcard after it).
    static bool reads_as(const json& j, const QueryNode& g, const QueryNode* wildcard) {
        try {
            QueryTree t = parse_query_words(j["words"].get<std::string>());
            const QueryNode* got = &t.root;
            if (wildcard) {
                if (t.root.kind != Kind::sequence || t.root.children.size() != 2 ||
                    t.root.children[1].kind != Kind::wildcard)
                    return false;
                got = &t.root.children[0];
            }
            if (got->kind != Kind::group || got->children.size() != g.children.size() ||
                got->empty_ok != g.empty_ok)
                return false;
            for (std::size_t i = 0; i < g.children.size(); ++i)
                if (got->children[i].typed != g.children[i].typed) return false;
            return true;
        } catch (const QueryError&) {
            return false;
        }
    }

    json phrase(const QueryNode& p) {
        if (!p.quoted) { // e-mail: words joined by punctuation
            const std::string field = common_field(p);
            json list = word_list(p, field, false, "-");
            if (list.is_string()) {
                QueryTree t;
                try {
                    t = parse_query_words(list.get<std::string>());
                } catch (const QueryError&) {
                }
                if (t.root.kind == Kind::phrase && !t.root.quoted &&
                    t.root.children.size() == p.children.size()) {
                    json j{{"words", list}};
                    if (!field.empty()) j["field"] = field;
                    return j;
                }
            }
            json j{{"phrase", word_list(p, field, false, " ")}, {"quoted", false}};
            if (!field.empty()) j["field"] = field;
            return j;
        }
        json j{{"phrase", word_list(p, p.field, false, " ")}};
        if (!p.field.empty()) j["field"] = p.field;
        if (p.field.empty() && !p.alone_before) j["glued"] = "both";
        return j;
    }

    json proximity(const QueryNode& n) {
        const std::string field = common_field(n);
        json j{{n.kind == Kind::near ? "near" : "adj", word_list(n, field, false, " ")}};
        if (!field.empty()) j["field"] = field;
        if (n.window) j["window"] = n.window;
        return j;
    }

    static json filter(const QueryNode& f) {
        if (f.field == schema::date_field) {
            const auto dots = f.text.find("..");
            if (dots == std::string::npos) return {{"date", f.text}};
            json range = json::object();
            if (dots > 0) range["from"] = f.text.substr(0, dots);
            if (dots + 2 < f.text.size()) range["to"] = f.text.substr(dots + 2);
            return {{"date", range}};
        }
        return {{"field", f.field}, {"value", f.text}};
    }

    json sequence(const QueryNode& s) {
        if (s.children.size() == 1 && !s.children[0].hated && s.children[0].kind == Kind::filter)
            return filter(s.children[0]); // as node() reads a filter
        json items = json::array();
        for (std::size_t i = 0; i < s.children.size(); ++i) {
            const QueryNode& c = s.children[i];
            if (c.hated) {
                QueryNode inner = c;
                inner.hated = false;
                json j = inner.kind == Kind::term       ? word(inner, false, true)
                         : inner.kind == Kind::sequence ? sequence(inner)
                         : inner.kind == Kind::filter   ? filter(inner)
                                                        : node(inner);
                items.push_back({{"minus", j}});
                continue;
            }
            if (c.kind == Kind::term) {
                items.push_back(word(c, true, true));
            } else if (c.kind == Kind::group && c.empty_ok && i + 1 < s.children.size() &&
                       s.children[i + 1].kind == Kind::wildcard && !s.children[i + 1].hated &&
                       s.children[i + 1].field == common_field(c)) {
                json j = group(c, &s.children[i + 1]);
                if (j.contains("words")) ++i; // the wildcard is in the words
                items.push_back(std::move(j));
            } else if (c.kind == Kind::filter) {
                items.push_back(filter(c));
            } else if (c.kind == Kind::sequence) {
                items.push_back(sequence_item(c));
            } else {
                items.push_back(node(c));
            }
        }
        return {{"all", items}};
    }

    // A sequence inside a sequence (from brackets): an "all" item is not spliced.
    json sequence_item(const QueryNode& s) {
        json j = sequence(s);
        if (!j.contains("all")) j = {{"all", json::array({j})}};
        return j;
    }

    // The items of a left-to-right chain of `op` (and AND NOT, for "and").
    json chain(const QueryNode& n, Kind op) {
        json items = json::array();
        collect(n, op, items);
        return items;
    }

    void collect(const QueryNode& n, Kind op, json& items) {
        const bool and_not =
            op == Kind::op_and && n.kind == Kind::op_not && n.children[0].kind != Kind::match_all;
        if (n.kind != op && !and_not) {
            items.push_back(node(n));
            return;
        }
        collect(n.children[0], op, items);
        const QueryNode& right = n.children[1];
        if (and_not) {
            items.push_back({{"not", node(right)}});
        } else if (op == Kind::op_and && right.kind == Kind::op_not &&
                   right.children[0].kind == Kind::match_all) {
            items.push_back({{"and", json::array({node(right)})}}); // A AND (NOT B)
        } else {
            items.push_back(node(right));
        }
    }
};

// ---- Comparison ---------------------------------------------------------------------------

bool same(const QueryNode& a, const QueryNode& b, bool positional, const std::string& at,
          std::string* why) {
    auto differ = [&](const std::string& what) {
        if (why) *why = at + ": " + what;
        return false;
    };
    if (a.kind != b.kind) return differ("kind");
    if (a.field != b.field) return differ("field '" + a.field + "' vs '" + b.field + "'");
    if (a.text != b.text) return differ("text '" + a.text + "' vs '" + b.text + "'");
    if (a.typed != b.typed) return differ("typed '" + a.typed + "' vs '" + b.typed + "'");
    if (a.window != b.window) return differ("window");
    if (a.hated != b.hated) return differ("hated");
    if (a.kind == Kind::term || a.kind == Kind::wildcard) {
        if (a.position != b.position)
            return differ("position " + std::to_string(a.position) + " vs " +
                          std::to_string(b.position));
    }
    if (a.kind == Kind::term) {
        if (a.stoppable != b.stoppable) return differ("stoppable");
        if (!positional && a.stem != b.stem) return differ("stem");
    }
    const bool alias_candidate = !positional && a.field.empty() &&
                                 (a.kind == Kind::term || (a.kind == Kind::phrase && a.quoted));
    if (alias_candidate && (a.alone_before != b.alone_before || a.alone_after != b.alone_after))
        return differ("alone");
    if (a.kind == Kind::group && a.empty_ok != b.empty_ok) return differ("empty_ok");
    if (a.kind == Kind::phrase && a.quoted != b.quoted) return differ("quoted");
    if (a.children.size() != b.children.size())
        return differ(std::to_string(a.children.size()) + " vs " +
                      std::to_string(b.children.size()) + " children");
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same(a.children[i], b.children[i], positional || is_positional(a.kind),
                  at + "/" + std::to_string(i), why))
            return false;
    return true;
}

} // namespace

QueryTree tree_from_json(const nlohmann::json& query, const QueryTreeOptions& options) {
    FromJson reader(options);
    QueryTree tree;
    tree.root = reader.root(query);
    tree.proximity = reader.proximity;
    unsigned position = 0;
    number(tree.root, position);
    return tree;
}

nlohmann::json tree_to_json(const QueryTree& tree) {
    QueryNode root = tree.root;
    unalias(root);
    return ToJson().node(root);
}

nlohmann::json parse_query_json(std::string_view text) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        std::string what = e.what();
        if (const auto end = what.find("] ");
            what.starts_with("[json.") && end != std::string::npos)
            what.erase(0, end + 2);
        throw QueryError("the JSON query is not valid JSON: " + what);
    }
}

bool same_tree(const QueryNode& a, const QueryNode& b, std::string* why) {
    return same(a, b, false, "root", why);
}

} // namespace dateline::query
