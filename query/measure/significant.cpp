// --significant terms|tags: the words or tags whose share of the matches most exceeds their share
// of the archive, by Dunning's G² (scores.h; measure.h for what a word is and the sample).
#include "../errors.h"
#include "measure_internal.h"
#include "scores.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace dateline::query::measure_detail {

namespace {

void keep_top(std::vector<SignificantItem>& items, std::size_t limit) {
    auto before = [](const SignificantItem& a, const SignificantItem& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    const std::size_t keep = limit == 0 ? items.size() : std::min(limit, items.size());
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(keep), items.end(),
                      before);
    items.resize(keep);
}

std::vector<SignificantItem> significant_tags(FacetIndex& index,
                                              std::span<const Xapian::docid> matches,
                                              std::size_t min_count, double archive) {
    const TagLists& tags = index.tags();
    std::vector<Xapian::doccount> in_matches(tags.key_spellings.size(), 0),
        in_archive(tags.key_spellings.size(), 0), spelling_counts(tags.spellings.size(), 0);
    for (std::uint32_t spelling : tags.lists.items)
        ++in_archive[tags.key_of[spelling]]; // one item per tag key and document
    for (Xapian::docid did : matches)
        for (std::uint32_t spelling : items_of(tags.lists, did)) {
            ++in_matches[tags.key_of[spelling]];
            ++spelling_counts[spelling];
        }
    const double n = static_cast<double>(matches.size());
    std::vector<SignificantItem> items;
    for (std::uint32_t key = 0; key < in_matches.size(); ++key) {
        if (in_matches[key] < std::max<std::size_t>(min_count, 1)) continue;
        const std::string* best = nullptr; // the most common spelling among the matches
        Xapian::doccount best_count = 0;
        for (std::uint32_t spelling : tags.key_spellings[key])
            if (spelling_counts[spelling] > best_count) {
                best = &tags.spellings[spelling];
                best_count = spelling_counts[spelling];
            }
        const double score = g2(in_matches[key], n, in_archive[key], archive);
        if (score > 0) items.push_back({*best, *best, in_matches[key], in_archive[key], score});
    }
    return items;
}

} // namespace

MeasureResult measure_significant(Xapian::Database& db, const SearchRequest& request) {
    const std::string& kind = request.measure.significant;
    if (kind != "terms" && kind != "tags")
        throw UsageError("unknown --significant '" + kind + "': expected terms or tags");
    MeasureResult result;
    result.analysis = Analysis::significant;
    result.kind = kind;
    std::string parsed;
    const auto matches = match_docids(db, request, &parsed);
    describe(result, db, request, parsed, matches.size());
    const double archive = static_cast<double>(result.archive);
    if (kind == "tags") {
        auto index = full_index(db);
        result.significant = xapian_call("reading tags", [&] {
            return significant_tags(*index, matches, request.measure.min_count, archive);
        });
        result.sampled = static_cast<Xapian::doccount>(matches.size());
    } else {
        const auto sample = spread_sample(matches, word_sample);
        result.sampled = static_cast<Xapian::doccount>(sample.size());
        std::unordered_map<std::string, Xapian::doccount> counts;
        counts.reserve(1 << 15); // no rehashing: a few thousand words per hundred articles
        const WordReader words(db, request.query_options.language);
        xapian_call("reading term lists", [&] {
            for (Xapian::docid did : sample)
                words.read(did, [&](const std::string& word) { ++counts[word]; });
        });
        // Each word's archive frequency is one look-up in the term table: the words are scored
        // most frequent first, and the scoring stops once no rarer word can make the top N (a
        // word's G² is largest when it occurs nowhere else: g2(k, n, k, N) grows with k).
        std::vector<std::pair<const std::string*, Xapian::doccount>> candidates;
        for (const auto& [word, k] : counts)
            if (k >= std::max<std::size_t>(request.measure.min_count, 1))
                candidates.emplace_back(&word, k);
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : *a.first < *b.first;
        });
        const double n = static_cast<double>(sample.size());
        const std::size_t limit = request.facet_options.limit;
        std::vector<double> best; // the top `limit` scores so far, a min-heap
        for (const auto& [word, k] : candidates) {
            if (limit > 0 && best.size() == limit && g2(k, n, k, archive) < best.front()) break;
            const Xapian::doccount df = xapian_call(
                "reading term frequencies", [&db, term = word] { return db.get_termfreq(*term); });
            const double score = g2(k, n, df, archive);
            if (score <= 0) continue;
            result.significant.push_back({*word, *word, k, df, score});
            if (limit == 0) continue;
            best.push_back(score);
            std::push_heap(best.begin(), best.end(), std::greater<>());
            if (best.size() > limit) {
                std::pop_heap(best.begin(), best.end(), std::greater<>());
                best.pop_back();
            }
        }
    }
    keep_top(result.significant, request.facet_options.limit);
    return result;
}

} // namespace dateline::query::measure_detail
