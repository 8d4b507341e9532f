#include "query_parser.h"

#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/stopwords.h"
#include "analyzers/text.h"
#include "date_range.h"
#include "entity_resolver.h"
#include "entity_terms.h"
#include "errors.h"
#include "query_lexer.h"
#include "stem_cache.h"

#include <vector>

namespace dateline::query {

// Problems the field processors met during a parse. Processors run inside
// QueryParser::parse_query, and an exception through it leaks the parser's state (Xapian 1.4.22),
// so they record problems here (GuardedProcessor) and parse() raises them after the parse.
struct QueryBuilder::Diagnostics {
    std::vector<std::string> errors; // the user's: QueryError (exit 2)
    std::string database_modified;   // a writer committed meanwhile: reopen and retry
    std::string database_error;      // any other Xapian error: DbError (exit 3)
};

namespace {

constexpr unsigned parse_flags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// source:, tag:, site:, id:... -> the term schema::field_term makes of the value, as the indexer
// does (lower-cased except ids). A trailing '*' expands the value like a wildcard (tag:vlad*).
// For the source field the value is also tried as a slug, so source:"Agence France-Presse"
// finds source id agence-france-presse. Entity fields resolve aliases (entity_resolver.h).
class BooleanFieldProcessor final : public Xapian::FieldProcessor {
  public:
    BooleanFieldProcessor(const Xapian::Database& db, const schema::Field& field,
                          Xapian::termcount max_expansion)
        : db_(db), field_(field), max_expansion_(max_expansion) {}

    Xapian::Query operator()(const std::string& value) override {
        if (value.size() > 1 && value.back() == '*') {
            std::string stem = schema::field_term(field_, value.substr(0, value.size() - 1));
            return Xapian::Query(Xapian::Query::OP_WILDCARD, stem, max_expansion_,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        std::string term = resolve_field_term(db_, field_, value);
        if (field_.prefix == schema::prefix::source) {
            std::string slug = std::string(field_.prefix) + text::slugify(value);
            if (slug != term && slug.size() > field_.prefix.size())
                return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                                     Xapian::Query(slug));
        }
        return Xapian::Query(term);
    }

  private:
    Xapian::Database db_;
    schema::Field field_;
    Xapian::termcount max_expansion_;
};

// date:1987, date:1987-03, date:1987-03-17 (a single period), and date:A..B, date:A.., date:..B
// (date_range.h: the Y/M/D terms of the days). Ranges are a boolean field rather than a
// Xapian::RangeProcessor because Xapian 1.4 ORs a range processor's result with the other
// boolean filters ("tag:crude date:1987-06..") unless it is a value range; a boolean field's
// values are AND-ed with the other fields (and OR-ed with each other, as ranges on one slot are).
class DateFieldProcessor final : public Xapian::FieldProcessor {
  public:
    explicit DateFieldProcessor(const Xapian::Database& db) : db_(db) {}

    Xapian::Query operator()(const std::string& value) override {
        auto dots = value.find("..");
        if (dots == std::string::npos) return date_period_query(value);
        std::string_view v(value);
        return date_range_query(v.substr(0, dots), v.substr(dots + 2), &db_);
    }

  private:
    Xapian::Database db_;
};

// Runs a field processor and records what it throws in the Diagnostics (see there); the value
// then matches nothing, and parse() raises the first problem once the parse is over.
class GuardedProcessor final : public Xapian::FieldProcessor {
  public:
    GuardedProcessor(Xapian::FieldProcessor* inner, QueryBuilder::Diagnostics* diagnostics)
        : inner_(inner), diagnostics_(diagnostics) {}

    Xapian::Query operator()(const std::string& value) override {
        try {
            return (*inner_)(value);
        } catch (const QueryError& e) {
            diagnostics_->errors.push_back(e.what());
        } catch (const Xapian::DatabaseModifiedError& e) {
            diagnostics_->database_modified = e.get_msg();
        } catch (const Xapian::Error& e) {
            if (diagnostics_->database_error.empty())
                diagnostics_->database_error = e.get_description();
        }
        return Xapian::Query(); // not the shared static: its count is not atomic (threads)
    }

  private:
    std::unique_ptr<Xapian::FieldProcessor> inner_;
    QueryBuilder::Diagnostics* diagnostics_;
};

// Xapian treats a query made only of hated terms ("-tag:grain", "-wheat -corn") as if the '-'
// were not there. Users mean "everything but": rewrite each "-X" as "NOT X" (FLAG_PURE_NOT).
// Tokens are split at spaces outside double quotes; returns the text unchanged otherwise.
std::string rewrite_pure_hate(const std::string& text) {
    std::vector<std::string> tokens;
    std::string current;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (c == ' ' && !quoted) {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    if (tokens.empty()) return text;
    for (const auto& t : tokens)
        if (t.size() < 2 || t[0] != '-' || t[1] == '-') return text;
    std::string out;
    for (const auto& t : tokens)
        out += (out.empty() ? "NOT " : " NOT ") + t.substr(1);
    return out;
}

// With AND as the default operator a love sign ('+' starting a term or group) adds nothing, and
// Xapian 1.4.22's parser dereferences a null query when a loved group holds only stopwords
// ("sanctions +(a,the)", "x +(i(i": SEGV). The signs go. Xapian reads '+' as love after what
// love_sign_may_follow accepts (checked against its parser for every code point); a '+' after
// a word character (C++) stays. `text` is valid UTF-8.
bool love_sign_may_follow(unsigned prev) {
    return prev <= 0x20 || prev == '(' || (prev >= 0x7f && prev <= 0xa0) ||
           Xapian::Unicode::is_whitespace(prev);
}

std::string drop_love_signs(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    unsigned prev = ' '; // the start of the query
    for (Xapian::Utf8Iterator it(text), end; it != end;) {
        const char* from = it.raw();
        const unsigned ch = *it;
        ++it;
        if (ch == '+' && love_sign_may_follow(prev)) continue; // prev stays: "++x" loses both
        out.append(from, it == end ? text.data() + text.size() : it.raw());
        prev = ch;
    }
    return out;
}

// The hidden alias fields (entity_terms.h) are written by mark_entity_aliases only: typed by a
// user they are plain words ("xdlentp:x-y" would also crash Xapian 1.4.22's parser when a field
// processor's value is hyphenated inside a pure NOT query).
std::string hide_internal_fields(std::string text) {
    for (auto field : {entity_words_field, entity_phrase_field}) {
        const std::string typed = std::string(field) + ":";
        for (auto at = text.find(typed); at != std::string::npos; at = text.find(typed, at))
            text[at + field.size()] = ' ';
    }
    return text;
}

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& options)
    : db_(db), options_(options), stem_(cached_stem(options.language)),
      diagnostics_(std::make_shared<Diagnostics>()) {
    if (options.max_expansion == 0 || options.max_expansion > max_wildcard_expansion)
        throw UsageError("the wildcard expansion limit must be 1 to " +
                         std::to_string(max_wildcard_expansion) + ", not " +
                         std::to_string(options.max_expansion));
    for (auto* p : {&parser_, &text_parser_}) {
        p->set_database(db);
        p->set_stemmer(stem_);
        p->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        p->set_stopper(stopwords::make_stopper(options.language)->release());
        p->set_default_op(Xapian::Query::OP_AND);
    }
    parser_.set_max_expansion(options.max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_WILDCARD);

    const std::string no_grouping; // boolean_all: every value is its own filter (AND)
    auto guarded = [this](Xapian::FieldProcessor* inner) {
        return (new GuardedProcessor(inner, diagnostics_.get()))->release();
    };
    for (const auto& field : schema::fields()) {
        std::string name(field.name);
        switch (field.kind) {
        case schema::Field::Kind::free_text:
            parser_.add_prefix(name, std::string(field.prefix));
            break;
        case schema::Field::Kind::boolean:
            parser_.add_boolean_prefix(
                name, guarded(new BooleanFieldProcessor(db, field, options.max_expansion)));
            break;
        case schema::Field::Kind::boolean_all:
            parser_.add_boolean_prefix(
                name, guarded(new BooleanFieldProcessor(db, field, options.max_expansion)),
                &no_grouping);
            break;
        }
    }
    parser_.add_boolean_prefix(std::string(schema::date_field),
                               guarded(new DateFieldProcessor(db)));
    parser_.add_prefix(std::string(entity_words_field),
                       guarded(new EntityAliasProcessor(db, text_parser_, false)));
    parser_.add_prefix(std::string(entity_phrase_field),
                       guarded(new EntityAliasProcessor(db, text_parser_, true)));
}

QueryBuilder::~QueryBuilder() = default;

namespace {

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

} // namespace

Xapian::Query QueryBuilder::parse(std::string_view query_string) {
    std::string text = text::to_valid_utf8(text::trim(query_string));
    if (text.empty()) return Xapian::Query(std::string()); // MatchAll, unshared (threads)
    *diagnostics_ = Diagnostics{};
    if (const auto lexed = lex_query(text); !lexed.ranges.empty())
        throw QueryError("cannot parse query '" + text + "': unknown range '" +
                         std::string(lexed.ranges.front()) +
                         "' (only date:START..END ranges are supported)");
    Xapian::Query query;
    try {
        std::string rewritten = hide_internal_fields(rewrite_pure_hate(drop_love_signs(text)));
        if (options_.entity_aliases) rewritten = mark_entity_aliases(db_, rewritten);
        // Again: the rewrites may leave a '+' after a space ("xdlentp:+(a" hidden as a word).
        query = parser_.parse_query(drop_love_signs(rewritten), parse_flags);
    } catch (const Xapian::QueryParserError& e) {
        std::string msg = e.get_msg();
        throw QueryError("cannot parse query '" + text + "': " + msg);
    } catch (const Xapian::DatabaseModifiedError&) {
        throw; // a field processor read the database as a writer committed: reopen and retry
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot parse query '" + text + "': " + e.get_description());
    }
    if (!diagnostics_->database_modified.empty())
        throw Xapian::DatabaseModifiedError(diagnostics_->database_modified);
    if (!diagnostics_->database_error.empty())
        throw DbError("reading the database while parsing '" + text +
                      "': " + diagnostics_->database_error);
    if (!diagnostics_->errors.empty()) throw QueryError(diagnostics_->errors.front());
    if (const std::size_t wildcards = count_wildcards(query); wildcards > max_wildcards)
        throw QueryError("cannot parse query '" + text.substr(0, 200) +
                         "': " + std::to_string(wildcards) + " wildcards, at most " +
                         std::to_string(max_wildcards) + " are allowed in one query");
    // A query of nothing but stopwords or punctuation parses to an empty query: browse instead.
    if (query.empty()) return Xapian::Query(std::string()); // MatchAll, unshared (threads)
    return query;
}

std::vector<std::string> QueryBuilder::stopped_words() const {
    return {parser_.stoplist_begin(), parser_.stoplist_end()};
}

} // namespace dateline::query
