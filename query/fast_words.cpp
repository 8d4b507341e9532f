#include "fast_words.h"

#include "analyzers/stopwords.h"
#include "analyzers/text.h"
#include "entity_terms.h"
#include "query_lexer.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace dateline::query {

namespace {

// BM25Weight's defaults (Xapian 1.4): k1 = 1, b = 0.5, min_normlen = 0.5 (k2 = 0, k3 = 1).
constexpr double k1 = 1.0, b = 0.5, min_normlen = 0.5;

bool letters_only(std::string_view word) {
    if (word.empty()) return false;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
        if (Xapian::Unicode::get_category(*it) > Xapian::Unicode::OTHER_LETTER) return false;
    return true;
}

// The term QueryParser's STEM_SOME makes of a plain word: "Z" + the stem of the lower-cased word
// when the word starts with a lower-case, title-case, modifier or other letter; else the
// lower-cased word as it is (capitalised words are names: not stemmed).
std::string term_for(std::string_view word, const Xapian::Stem& stem) {
    const std::string lower = text::fold_case(word);
    const auto first =
        Xapian::Unicode::get_category(*Xapian::Utf8Iterator(word.data(), word.size()));
    const bool stemmed =
        first == Xapian::Unicode::LOWERCASE_LETTER || first == Xapian::Unicode::TITLECASE_LETTER ||
        first == Xapian::Unicode::MODIFIER_LETTER || first == Xapian::Unicode::OTHER_LETTER;
    return stemmed ? "Z" + stem(lower) : lower;
}

} // namespace

double bm25_term_weight(double documents, double termfreq) {
    double tw = (documents - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw) * (k1 + 1); // k3 = 1 and wqf = 1: the query-frequency factor is 1
}

Bm25TermSource::Bm25TermSource(std::string term, double term_weight, double length_factor,
                               std::shared_ptr<FacetIndex> index)
    : term_(std::move(term)), term_weight_(term_weight), length_factor_(length_factor),
      index_(std::move(index)), lengths_(&index_->lengths()) {
    set_maxweight(term_weight_); // wdf / (denominator) < 1
}

void Bm25TermSource::init(const Xapian::Database& db) {
    db_ = db;
    it_ = db_.postlist_begin(term_);
    end_ = db_.postlist_end(term_);
    termfreq_ = db_.get_termfreq(term_);
    started_ = false;
}

void Bm25TermSource::next(double) {
    if (started_)
        ++it_;
    else
        started_ = true;
}

void Bm25TermSource::skip_to(Xapian::docid did, double) {
    started_ = true;
    it_.skip_to(did);
}

double Bm25TermSource::get_weight() const {
    const Xapian::docid did = *it_;
    const double wdf = it_.get_wdf();
    const double length = did < lengths_->size() ? (*lengths_)[did] : 0;
    const double normlen = std::max(length * length_factor_, min_normlen);
    return term_weight_ * (wdf / (k1 * (normlen * b + (1 - b)) + wdf));
}

Bm25TermSource* Bm25TermSource::clone() const {
    return new Bm25TermSource(term_, term_weight_, length_factor_, index_);
}

std::string Bm25TermSource::get_description() const {
    return "Bm25TermSource(" + term_ + ")";
}

std::optional<FastWords> fast_words_query(const Xapian::Database& db,
                                          std::shared_ptr<FacetIndex> index, std::string_view text,
                                          const QueryOptions& options, QueryBuilder& builder) {
    if (!index || index->partial() || db.size() != 1) return std::nullopt;
    // Invalid UTF-8 is the parser's: it repairs the text first (U+FFFD), as a single search does.
    if (!text::is_valid_utf8(text)) return std::nullopt;
    const LexedQuery lexed = lex_query(text);
    // NEAR and ADJ are the parser's, wherever they are (QueryWord::near misses some operands).
    if (lexed.words.empty() || !lexed.ranges.empty() || lexed.proximity) return std::nullopt;
    // Nothing but the words and the field values (and spaces between them).
    std::string rest(text);
    auto blank = [&](std::size_t begin, std::size_t end) {
        std::fill(rest.begin() + static_cast<std::ptrdiff_t>(begin),
                  rest.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    };
    const auto stopwords = stopwords::for_language(options.language);
    std::vector<std::string> terms;
    for (const auto& w : lexed.words) {
        if (!w.field.empty() || w.wildcard || w.sign || w.near || w.compound ||
            !letters_only(w.text))
            return std::nullopt;
        const std::string lower = text::fold_case(w.text);
        if (std::find(stopwords.begin(), stopwords.end(), lower) != stopwords.end())
            return std::nullopt;
        // Words in a phrase are matched as written (lower-cased, not stemmed).
        terms.push_back(w.phrase >= 0 ? lower : term_for(w.text, builder.stem()));
        blank(w.begin, w.end);
    }
    // A phrase: its words weigh as words (Xapian weighs a phrase as the sum of its terms), and
    // the phrase itself, with no weight, keeps only the articles with the words in order.
    std::vector<Xapian::Query> phrases;
    for (const auto& p : lexed.phrases) {
        if (!p.field.empty() || p.words.empty() || p.end - p.begin < 2 || text[p.end - 1] != '"')
            return std::nullopt;
        phrases.push_back(builder.parse(text.substr(p.begin, p.end - p.begin)));
        blank(p.begin, p.end);
    }
    if (std::set<std::string>(terms.begin(), terms.end()).size() != terms.size())
        return std::nullopt; // a repeated word weighs more in Xapian (wqf)
    std::string filters;
    for (auto f : lexed.filters) {
        const auto begin = static_cast<std::size_t>(f.data() - text.data());
        blank(begin, begin + f.size());
        filters += (filters.empty() ? "" : " ") + std::string(f);
    }
    if (rest.find_first_not_of(" \t\n\r\f\v") != std::string::npos) return std::nullopt;
    if (options.entity_aliases && has_entity_alias(builder.parse_tree(text))) return std::nullopt;

    FastWords out;
    out.snippet = builder.parse(text);
    const double documents = db.get_doccount();
    const double average = db.get_avlength();
    const double length_factor = average > 0 ? 1 / average : 0;
    std::vector<Xapian::Query> parts;
    for (const auto& term : terms) {
        const double weight = bm25_term_weight(documents, db.get_termfreq(term));
        parts.emplace_back((new Bm25TermSource(term, weight, length_factor, index))->release());
    }
    out.query = parts.size() == 1
                    ? parts.front()
                    : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    for (const auto& phrase : phrases)
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, phrase);
    if (!filters.empty())
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, builder.parse(filters));
    return out;
}

} // namespace dateline::query
