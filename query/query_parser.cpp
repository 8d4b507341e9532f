#include "query_parser.h"

#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/stopwords.h"
#include "analyzers/text.h"
#include "date_range.h"
#include "entity_resolver.h"
#include "errors.h"

namespace dateline::query {

// Errors found by the field and range processors during a parse. Processors run inside
// QueryParser::parse_query, so they record problems here instead of throwing through Xapian.
struct QueryBuilder::Diagnostics {
    std::vector<std::string> errors;
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

// date:1987, date:1987-03, date:1987-03-17 (a single period, without "..").
class DateFieldProcessor final : public Xapian::FieldProcessor {
  public:
    explicit DateFieldProcessor(std::vector<std::string>* errors) : errors_(errors) {}

    Xapian::Query operator()(const std::string& value) override {
        try {
            return date_period_query(value);
        } catch (const QueryError& e) {
            errors_->push_back(e.what());
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    std::vector<std::string>* errors_;
};

// date:A..B, date:A.., date:..B. QueryParser strips the "date:" prefix before calling us.
class DateRangeProcessor final : public Xapian::RangeProcessor {
  public:
    explicit DateRangeProcessor(std::vector<std::string>* errors)
        : Xapian::RangeProcessor(schema::slot::published, std::string(schema::date_field) + ":"),
          errors_(errors) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        try {
            return date_range_query(begin, end);
        } catch (const QueryError& e) {
            errors_->push_back(e.what());
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    std::vector<std::string>* errors_;
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

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& options)
    : stem_(stemming::make_stem(options.language)), diagnostics_(std::make_shared<Diagnostics>()) {
    parser_.set_database(db);
    parser_.set_stemmer(stem_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_stopper(stopwords::make_stopper(options.language)->release());
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.set_max_expansion(options.max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_WILDCARD);

    const std::string no_grouping; // boolean_all: every value is its own filter (AND)
    for (const auto& field : schema::fields()) {
        std::string name(field.name);
        switch (field.kind) {
        case schema::Field::Kind::free_text:
            parser_.add_prefix(name, std::string(field.prefix));
            break;
        case schema::Field::Kind::boolean:
            parser_.add_boolean_prefix(
                name, (new BooleanFieldProcessor(db, field, options.max_expansion))->release());
            break;
        case schema::Field::Kind::boolean_all:
            parser_.add_boolean_prefix(
                name, (new BooleanFieldProcessor(db, field, options.max_expansion))->release(),
                &no_grouping);
            break;
        }
    }
    auto* errors = &diagnostics_->errors;
    parser_.add_boolean_prefix(std::string(schema::date_field),
                               (new DateFieldProcessor(errors))->release());
    parser_.add_rangeprocessor((new DateRangeProcessor(errors))->release());
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::parse(std::string_view query_string) {
    std::string text = text::to_valid_utf8(text::trim(query_string));
    if (text.empty()) return Xapian::Query::MatchAll;
    diagnostics_->errors.clear();
    Xapian::Query query;
    try {
        query = parser_.parse_query(rewrite_pure_hate(text), parse_flags);
    } catch (const Xapian::QueryParserError& e) {
        std::string msg = e.get_msg();
        if (msg == "Unknown range operation") msg += " (only date:START..END ranges are supported)";
        throw QueryError("cannot parse query '" + text + "': " + msg);
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot parse query '" + text + "': " + e.get_description());
    }
    if (!diagnostics_->errors.empty()) throw QueryError(diagnostics_->errors.front());
    // A query of nothing but stopwords or punctuation parses to an empty query: browse instead.
    if (query.empty()) return Xapian::Query::MatchAll;
    return query;
}

std::vector<std::string> QueryBuilder::stopped_words() const {
    return {parser_.stoplist_begin(), parser_.stoplist_end()};
}

} // namespace dateline::query
