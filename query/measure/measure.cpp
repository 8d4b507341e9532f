#include "measure.h"

#include "../database.h"
#include "../errors.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "measure_internal.h"

#include <algorithm>

namespace dateline::query {

Analysis analysis_of(const MeasureOptions& o) {
    std::vector<Analysis> asked;
    if (!o.compare.empty()) asked.push_back(Analysis::compare);
    if (o.cooccur) asked.push_back(Analysis::cooccur);
    if (!o.significant.empty()) asked.push_back(Analysis::significant);
    if (o.trending) asked.push_back(Analysis::trending);
    if (asked.size() > 1)
        throw UsageError("one analysis at a time: --compare, --cooccur, --significant and "
                         "--trending do not combine");
    if (!asked.empty()) {
        if (o.timeline && asked.front() != Analysis::compare)
            throw UsageError(std::string("--timeline does not combine with --") +
                             analysis_name(asked.front()));
        return asked.front();
    }
    if (o.normalize && !o.timeline)
        throw UsageError("--normalize measures a --timeline: give --timeline too");
    return o.timeline && o.normalize ? Analysis::timeline : Analysis::none;
}

const char* analysis_name(Analysis analysis) {
    switch (analysis) {
    case Analysis::none:
        return "none";
    case Analysis::timeline:
        return "timeline";
    case Analysis::compare:
        return "compare";
    case Analysis::cooccur:
        return "cooccur";
    case Analysis::significant:
        return "significant";
    case Analysis::trending:
        return "trending";
    }
    return "none";
}

double ratio_of(Xapian::doccount count, Xapian::doccount total) {
    return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

MeasureResult measure(Xapian::Database& db, const SearchRequest& request) {
    const Analysis analysis = analysis_of(request.measure);
    using namespace measure_detail;
    return with_reopen(db, [&] {
        switch (analysis) {
        case Analysis::timeline:
        case Analysis::compare:
            return measure_timeline(db, request, analysis == Analysis::compare);
        case Analysis::cooccur:
            return measure_cooccurrence(db, request);
        case Analysis::significant:
            return measure_significant(db, request);
        case Analysis::trending:
            return measure_trending(db, request);
        case Analysis::none:
            break;
        }
        throw UsageError("no measurement asked for (--timeline --normalize, --compare, "
                         "--cooccur, --significant or --trending)");
    });
}

namespace measure_detail {

std::shared_ptr<FacetIndex> full_index(const Xapian::Database& db) {
    return xapian_call("reading the facet index", [&] {
        std::shared_ptr<FacetIndex> index = FacetIndex::prepared(db);
        return index ? index : std::make_shared<FacetIndex>(db);
    });
}

std::vector<EntityType> entity_types(FacetIndex& index, const std::string& tag_type) {
    const std::pair<const char*, std::string_view> all[] = {
        {"person", schema::prefix::person},
        {"organization", schema::prefix::organization},
        {"place", schema::prefix::place}};
    std::vector<EntityType> types;
    for (const auto& [name, prefix] : all) {
        if (!tag_type.empty() && tag_type != name) continue;
        EntityType type{name, std::string(prefix), nullptr};
        type.terms = &xapian_call("reading entity terms",
                                  [&]() -> const TermLists& { return index.terms(type.prefix); });
        types.push_back(std::move(type));
    }
    return types;
}

namespace {

// Without a prepared index: reading the term lists of a set costs about 40 µs a document, one
// pass over the words' posting lists about 10 µs a document of the database on Reuters-21578
// (0.2 s) and 1.6 µs at 500,000 articles (0.8 s): the term lists for a set of up to a twentieth
// of the database.
constexpr std::size_t partial_divisor = 20;

} // namespace

WordCounter::WordCounter(const Xapian::Database& db,
                         std::vector<std::span<const Xapian::docid>> sets,
                         const std::string& language) {
    xapian_call("reading words", [&] {
        index_ = FacetIndex::prepared(db);
        std::vector<Xapian::docid> all;
        if (!index_) {
            for (auto set : sets)
                all.insert(all.end(), set.begin(), set.end());
            if (all.size() * partial_divisor <= db.get_doccount()) {
                std::sort(all.begin(), all.end());
                index_ = std::make_shared<FacetIndex>(db, all);
            }
        }
        if (index_) {
            lists_ = &index_->words();
            for (auto set : sets) {
                std::vector<Xapian::doccount> counts(lists_->words.size(), 0);
                for (Xapian::docid did : set)
                    for (std::uint32_t id : lists_->of(did))
                        ++counts[id];
                counts_.push_back(std::move(counts));
            }
        } else {
            vocabulary_ = std::make_unique<WordLists>();
            counts_ = count_by_postings(db, sets, *vocabulary_);
            lists_ = vocabulary_.get();
        }
    });
    const auto stopword = stopword_mask(*lists_, language);
    for (auto& counts : counts_)
        for (std::size_t id = 0; id < counts.size(); ++id)
            if (stopword[id]) counts[id] = 0;
}

void describe(MeasureResult& result, const Xapian::Database& db, const SearchRequest& request,
              const std::string& parsed, std::size_t total) {
    result.query = request.query;
    result.parsed = parsed;
    result.filters = request.filters;
    result.total = static_cast<Xapian::doccount>(total);
    result.archive = xapian_call("counting documents", [&] { return db.get_doccount(); });
}

} // namespace measure_detail

} // namespace dateline::query
