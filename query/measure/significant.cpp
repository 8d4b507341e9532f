// --significant terms|tags: the words or tags whose share of the matches most exceeds their share
// of the archive, by Dunning's G² (scores.h; measure.h for what a word is), counted exactly.
#include "../errors.h"
#include "measure_internal.h"
#include "scores.h"

#include <algorithm>

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
        result.sampled = static_cast<Xapian::doccount>(matches.size()); // every match is read
        const WordCounter words(db, {matches}, request.query_options.language);
        const auto& counts = words.counts(0);
        const WordLists& lists = words.lists();
        // Every word of the matches is scored: its archive count is in the lists (the term
        // frequency), so scoring all of them costs a few logarithms per word of the vocabulary;
        // only the top ones are copied out.
        struct Scored {
            double score;
            Xapian::doccount count;
            std::uint32_t id; // ids ascend with the words: the tie-break of keep_top
        };
        std::vector<Scored> scored;
        const double n = static_cast<double>(matches.size());
        const std::size_t least = std::max<std::size_t>(request.measure.min_count, 1);
        for (std::uint32_t id = 0; id < counts.size(); ++id) {
            if (counts[id] < least) continue;
            const double score = g2(counts[id], n, lists.archive[id], archive);
            if (score > 0) scored.push_back({score, counts[id], id});
        }
        const std::size_t limit = request.facet_options.limit;
        const std::size_t keep = limit == 0 ? scored.size() : std::min(limit, scored.size());
        std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                          scored.end(), [](const Scored& a, const Scored& b) {
                              if (a.score != b.score) return a.score > b.score;
                              return a.count != b.count ? a.count > b.count : a.id < b.id;
                          });
        for (std::size_t i = 0; i < keep; ++i) {
            const std::string& word = lists.words[scored[i].id];
            result.significant.push_back(
                {word, word, scored[i].count, lists.archive[scored[i].id], scored[i].score});
        }
    }
    keep_top(result.significant, request.facet_options.limit);
    return result;
}

} // namespace dateline::query::measure_detail
