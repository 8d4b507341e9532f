// --trending: the entities and words whose share of the matching articles rose most from the
// baseline period to the latest window, by the two-proportion z-score (scores.h).
//   The window is the `window` whole days (at least one) ending with the day of --now (default:
//   the newest article's day), the baseline the `baseline` whole days before it. Entities are
//   counted exactly in both periods, and so are words (measure.h: from the word lists). Items seen
//   fewer than min_count times in the window are left out, as is anything whose rate did not rise
//   (z ≤ 0). Order: z, then the window count, then entities before words (the words of a rising
//   name rise with it), then the label.
#include "../errors.h"
#include "../facets.h"
#include "../recency.h"
#include "measure_internal.h"
#include "scores.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace dateline::query::measure_detail {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::int64_t floor_day(std::int64_t seconds) {
    return seconds >= 0 ? seconds / seconds_per_day
                        : -((-seconds + seconds_per_day - 1) / seconds_per_day);
}

void add_item(std::vector<TrendItem>& items, TrendItem item, std::size_t min_count) {
    if (item.window < std::max<std::size_t>(min_count, 1)) return;
    if (item.z > 0) items.push_back(std::move(item));
}

} // namespace

MeasureResult measure_trending(Xapian::Database& db, const SearchRequest& request) {
    const MeasureOptions& o = request.measure;
    if (o.window <= 0 || o.baseline <= 0)
        throw UsageError("--window and --baseline must be positive periods (7d, 8w)");
    MeasureResult result;
    result.analysis = Analysis::trending;
    auto index = full_index(db);
    const DayCodes& days =
        xapian_call("reading dates", [&]() -> const DayCodes& { return index->days(); });

    const std::int64_t now =
        request.now ? *request.now
                    : static_cast<std::int64_t>(std::floor(
                          xapian_call("reading dates", [&] { return newest_published(db); })));
    const std::int64_t end_day = floor_day(now) + 1;
    const std::int64_t window_days = std::max<std::int64_t>(1, o.window / seconds_per_day);
    const std::int64_t baseline_days = std::max<std::int64_t>(1, o.baseline / seconds_per_day);
    const std::int64_t split_day = end_day - window_days, start_day = split_day - baseline_days;
    result.window = {split_day * seconds_per_day, end_day * seconds_per_day, 0, 0};
    result.baseline = {start_day * seconds_per_day, split_day * seconds_per_day, 0, 0};

    std::string parsed;
    const auto matches = match_docids(db, request, &parsed);
    describe(result, db, request, parsed, matches.size());
    std::vector<Xapian::docid> in_window, in_baseline;
    for (Xapian::docid did : matches) {
        if (did >= days.day.size() || days.day[did] == DayCodes::none) continue;
        const std::int64_t day = days.day[did];
        if (day >= split_day && day < end_day)
            in_window.push_back(did);
        else if (day >= start_day && day < split_day)
            in_baseline.push_back(did);
    }
    result.window.documents = static_cast<Xapian::doccount>(in_window.size());
    result.baseline.documents = static_cast<Xapian::doccount>(in_baseline.size());
    const double nw = static_cast<double>(in_window.size());
    const double nb = static_cast<double>(in_baseline.size());

    std::vector<TrendItem> items;
    const auto types = entity_types(*index, request.facet_options.tag_type);
    for (const auto& type : types) {
        std::vector<Xapian::doccount> w(type.terms->values.size(), 0), b(w.size(), 0);
        for (Xapian::docid did : in_window)
            for (std::uint32_t id : items_of(type.terms->lists, did))
                ++w[id];
        for (Xapian::docid did : in_baseline)
            for (std::uint32_t id : items_of(type.terms->lists, did))
                ++b[id];
        for (std::uint32_t id = 0; id < w.size(); ++id) {
            if (w[id] == 0) continue;
            add_item(items,
                     {std::to_string(id), type.terms->values[id], type.name, w[id], b[id],
                      w[id] / nw, nb > 0 ? b[id] / nb : 0, z_two_proportions(w[id], nw, b[id], nb)},
                     o.min_count);
        }
    }
    if (request.facet_options.tag_type.empty()) { // words too, unless one entity type is asked
        result.window.sampled = result.window.documents; // every article is read
        result.baseline.sampled = result.baseline.documents;
        const WordCounter words(db, {in_window, in_baseline}, request.query_options.language);
        const auto &w = words.counts(0), &b = words.counts(1);
        const WordLists& lists = words.lists();
        for (std::uint32_t id = 0; id < w.size(); ++id) {
            if (w[id] == 0) continue;
            add_item(items,
                     {std::string(), lists.words[id], "word", w[id], b[id], w[id] / nw,
                      nb > 0 ? b[id] / nb : 0, z_two_proportions(w[id], nw, b[id], nb)},
                     o.min_count);
        }
    }
    auto before = [](const TrendItem& a, const TrendItem& b) {
        if (a.z != b.z) return a.z > b.z;
        if (a.window != b.window) return a.window > b.window;
        const bool a_word = a.kind == "word", b_word = b.kind == "word";
        if (a_word != b_word) return b_word; // an entity before the words of its name
        return a.label < b.label;
    };
    const std::size_t limit = request.facet_options.limit;
    const std::size_t keep = limit == 0 ? items.size() : std::min(limit, items.size());
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(keep), items.end(),
                      before);
    items.resize(keep);
    // Entities: the value is the lower-cased name, the label its display spelling.
    std::optional<TagLabels> labels; // only when an entity is shown: its pass reads every tag
    for (auto& item : items) {
        if (item.kind == "word") {
            item.value = item.label;
            continue;
        }
        const auto type = std::find_if(types.begin(), types.end(),
                                       [&](const EntityType& t) { return t.name == item.kind; });
        const auto id = static_cast<std::uint32_t>(std::stoul(item.value));
        item.value = type->terms->values[id];
        if (!labels) xapian_call("reading tags", [&] { labels.emplace(*index, in_window); });
        item.label = labels->label(item.value);
    }
    result.trending = std::move(items);
    return result;
}

} // namespace dateline::query::measure_detail
