#include "fast_words.h"

#include "analyzers/text.h"
#include "entity_terms.h"

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
    shard_.count = static_cast<unsigned>(index_->shard_uuids().size());
    shard_.current = shard_index(index_->shard_uuids(), db);
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
    const Xapian::docid did = shard_.global(*it_);
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
                                          std::shared_ptr<FacetIndex> index, const QueryTree& tree,
                                          std::string_view text, QueryBuilder& builder) {
    using Kind = QueryNode::Kind;
    if (!index || index->partial()) return std::nullopt; // (sharded too: shard_docids.h)
    // NEAR and ADJ are the builder's; so are entity aliases (marked in the tree already).
    if (tree.proximity || tree.fallback || has_entity_alias(tree)) return std::nullopt;
    std::vector<const QueryNode*> items;
    const QueryNode& root = tree.root;
    if (root.kind == Kind::sequence) {
        for (const auto& c : root.children)
            items.push_back(&c);
    } else {
        items.push_back(&root);
    }
    const WordLanguages& languages = builder.languages();
    std::vector<std::string> terms;
    std::vector<std::vector<std::size_t>> phrase_words; // indexes into terms
    // A word: plain (no field, no wildcard), letters only, not a stopword, one term (not stems
    // of several languages: word_languages.h).
    auto add_word = [&](const QueryNode& w, bool in_phrase) {
        if (w.kind != Kind::term || !w.field.empty() || !letters_only(w.typed)) return false;
        if (languages.is_stopword(w.text)) return false;
        // Words in a phrase are matched as written (lower-cased, not stemmed).
        if (in_phrase || !w.stem) {
            terms.push_back(w.text);
            return true;
        }
        const auto stems = languages.stems(w.text);
        if (stems.size() != 1) return false;
        terms.push_back("Z" + stems.front().stem);
        return true;
    };
    QueryTree phrases_tree, filters_tree;
    std::vector<Xapian::Query> phrases;
    filters_tree.root.kind = Kind::sequence;
    for (const QueryNode* item : items) {
        if (item->hated) return std::nullopt;
        switch (item->kind) {
        case Kind::filter:
            filters_tree.root.children.push_back(*item);
            continue;
        case Kind::term:
            if (!add_word(*item, false)) return std::nullopt;
            continue;
        case Kind::group:
            for (const auto& w : item->children)
                if (!add_word(w, false)) return std::nullopt;
            continue;
        case Kind::phrase: {
            // Its words weigh as words (Xapian weighs a phrase as the sum of its terms), and
            // the phrase itself, with no weight, keeps only the articles with the words in order.
            if (!item->quoted || !item->field.empty()) return std::nullopt;
            std::vector<std::size_t> words;
            for (const auto& w : item->children) {
                words.push_back(terms.size());
                if (!add_word(w, true)) return std::nullopt;
            }
            phrase_words.push_back(std::move(words));
            QueryTree one;
            one.root = *item;
            phrases.push_back(builder.build(one, text));
            continue;
        }
        default:
            return std::nullopt;
        }
    }
    if (terms.empty()) return std::nullopt;
    if (std::set<std::string>(terms.begin(), terms.end()).size() != terms.size())
        return std::nullopt; // a repeated word weighs more in Xapian (wqf)

    FastWords out;
    const double documents = db.get_doccount();
    const double average = db.get_avlength();
    const double length_factor = average > 0 ? 1 / average : 0;
    std::vector<Xapian::Query> parts;
    for (const auto& term : terms) {
        const double weight = bm25_term_weight(documents, db.get_termfreq(term));
        parts.emplace_back((new Bm25TermSource(term, weight, length_factor, index))->release());
        out.plan.words.push_back({term, weight});
    }
    out.plan.phrases = std::move(phrase_words);
    out.plan.length_factor = length_factor;
    out.query = parts.size() == 1
                    ? parts.front()
                    : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    for (const auto& phrase : phrases)
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, phrase);
    if (!filters_tree.root.children.empty()) {
        out.plan.filter = builder.build(filters_tree, text);
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, *out.plan.filter);
    }
    return out;
}

} // namespace dateline::query
