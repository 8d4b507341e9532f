// --timeline --normalize and --compare: per-bucket counts of each query against the scope's
// per-bucket totals (measure.h), and the overlap of every pair of queries.
#include "../errors.h"
#include "../histogram.h"
#include "measure_internal.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace dateline::query::measure_detail {

namespace {

// Per-day counts of the dated docids (all dated documents for an empty `docids` with `all`).
std::map<std::int64_t, Xapian::doccount> per_day(const DayCodes& days,
                                                 std::span<const Xapian::docid> docids) {
    std::vector<Xapian::doccount> counts(
        days.last >= days.first ? static_cast<std::size_t>(days.last - days.first) + 1 : 0, 0);
    for (Xapian::docid did : docids) {
        if (did >= days.day.size()) continue;
        const std::int32_t day = days.day[did];
        if (day != DayCodes::none) ++counts[static_cast<std::size_t>(day - days.first)];
    }
    std::map<std::int64_t, Xapian::doccount> out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) out.emplace(days.first + static_cast<std::int64_t>(i), counts[i]);
    return out;
}

// Every dated document of the index, by day.
std::map<std::int64_t, Xapian::doccount> per_day_all(const DayCodes& days) {
    std::vector<Xapian::doccount> counts(
        days.last >= days.first ? static_cast<std::size_t>(days.last - days.first) + 1 : 0, 0);
    for (std::int32_t day : days.day)
        if (day != DayCodes::none) ++counts[static_cast<std::size_t>(day - days.first)];
    std::map<std::int64_t, Xapian::doccount> out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) out.emplace(days.first + static_cast<std::int64_t>(i), counts[i]);
    return out;
}

Xapian::doccount shared_count(const std::vector<Xapian::docid>& a,
                              const std::vector<Xapian::docid>& b) {
    Xapian::doccount n = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++n, ++i, ++j;
        }
    }
    return n;
}

} // namespace

MeasureResult measure_timeline(Xapian::Database& db, const SearchRequest& request, bool compare) {
    std::vector<std::string> queries;
    if (!compare || !request.query.empty()) queries.push_back(request.query);
    if (compare)
        queries.insert(queries.end(), request.measure.compare.begin(),
                       request.measure.compare.end());
    if (queries.size() > max_compare)
        throw UsageError("--compare takes at most " + std::to_string(max_compare) +
                         " queries (the QUERY counts as one); " + std::to_string(queries.size()) +
                         " were given");

    MeasureResult result;
    result.analysis = compare ? Analysis::compare : Analysis::timeline;
    auto index = full_index(db);
    const DayCodes& days =
        xapian_call("reading dates", [&]() -> const DayCodes& { return index->days(); });
    Timeline& t = result.timeline;

    // The scope: what the filters select, the whole archive without them.
    std::map<std::int64_t, Xapian::doccount> scope_days;
    if (request.filters.empty()) {
        scope_days = per_day_all(days);
        t.scope_total = xapian_call("counting documents", [&] { return db.get_doccount(); });
    } else {
        SearchRequest scope = request;
        scope.query.clear();
        scope.query_json.reset();
        scope.like.clear();
        const auto docids = match_docids(db, scope);
        scope_days = per_day(days, docids);
        t.scope_total = static_cast<Xapian::doccount>(docids.size());
    }
    Bucket used = request.facet_options.bucket;
    std::unordered_map<std::string, std::size_t> position;
    for (auto& bin : make_histogram(scope_days, request.facet_options.bucket, &used)) {
        position.emplace(bin.label, t.labels.size());
        t.labels.push_back(std::move(bin.label));
        t.totals.push_back(bin.count);
    }
    t.bucket = bucket_name(used);

    std::vector<std::vector<Xapian::docid>> matches;
    // The request's own query (its JSON query, if it has one) comes first, unless it is empty.
    const bool own_first = !compare || !request.query.empty();
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::string& q = queries[i];
        SearchRequest one = request;
        one.query = q;
        if (i > 0 || !own_first) one.query_json.reset();
        Series s;
        s.query = q;
        matches.push_back(match_docids(db, one, &s.parsed));
        s.total = static_cast<Xapian::doccount>(matches.back().size());
        s.counts.assign(t.labels.size(), 0);
        for (const auto& bin : make_histogram(per_day(days, matches.back()), used))
            if (auto it = position.find(bin.label); it != position.end())
                s.counts[it->second] = bin.count;
        t.series.push_back(std::move(s));
    }
    for (std::size_t a = 0; a < matches.size(); ++a)
        for (std::size_t b = a + 1; b < matches.size(); ++b)
            t.overlaps.push_back({a, b, shared_count(matches[a], matches[b])});

    describe(result, db, request, t.series.front().parsed, t.series.front().total);
    if (compare) result.query = request.query;
    return result;
}

} // namespace dateline::query::measure_detail
