#include "query_parser.h"

#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/stopwords.h"
#include "analyzers/text.h"
#include "date_range.h"
#include "errors.h"

namespace dateline::query {

// Errors found by the field and range processors during a parse. Processors run inside
// QueryParser::parse_query, so they record problems here instead of throwing through Xapian.
struct QueryBuilder::Diagnostics {
    std::vector<std::string> errors;
};

namespace {

constexpr unsigned parse_flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE |
                                 Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

// source:, tag:, site:... -> the boolean term with the value folded as the indexer folds it.
// A trailing '*' expands the value like a wildcard (tag:vlad*). For the source field the value
// is also tried as a slug, so source:"Agence France-Presse" finds source id agence-france-presse.
class BooleanFieldProcessor final : public Xapian::FieldProcessor {
  public:
    BooleanFieldProcessor(std::string prefix, bool also_slug, Xapian::termcount max_expansion)
        : prefix_(std::move(prefix)), also_slug_(also_slug), max_expansion_(max_expansion) {}

    Xapian::Query operator()(const std::string& value) override {
        if (value.size() > 1 && value.back() == '*') {
            std::string stem = schema::boolean_term(prefix_, value.substr(0, value.size() - 1));
            return Xapian::Query(Xapian::Query::OP_WILDCARD, stem, max_expansion_,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        std::string term = schema::boolean_term(prefix_, value);
        if (also_slug_) {
            std::string slug = std::string(prefix_) + text::slugify(value);
            if (slug != term && slug.size() > prefix_.size())
                return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term), Xapian::Query(slug));
        }
        return Xapian::Query(term);
    }

  private:
    std::string prefix_;
    bool also_slug_;
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
        std::string prefix(field.prefix);
        switch (field.kind) {
        case schema::Field::Kind::free_text: parser_.add_prefix(name, prefix); break;
        case schema::Field::Kind::boolean:
            parser_.add_boolean_prefix(
                name,
                (new BooleanFieldProcessor(prefix, field.prefix == schema::prefix::source,
                                           options.max_expansion))
                    ->release());
            break;
        case schema::Field::Kind::boolean_all:
            parser_.add_boolean_prefix(
                name, (new BooleanFieldProcessor(prefix, false, options.max_expansion))->release(),
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
        query = parser_.parse_query(text, parse_flags);
    } catch (const Xapian::QueryParserError& e) {
        std::string msg = e.get_msg();
        if (msg == "Unknown range operation")
            msg += " (only date:START..END ranges are supported)";
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
