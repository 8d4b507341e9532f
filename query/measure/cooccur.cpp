// --cooccur and --network: the entities of the matches, their lift against the archive, and the
// graph of the entities that appear together (measure.h).
#include "../database.h"
#include "../errors.h"
#include "../facets.h"
#include "measure_internal.h"
#include "scores.h"

#include <algorithm>

namespace dateline::query::measure_detail {

namespace {

// An entity of one type counted among the matches.
struct Counted {
    std::size_t type = 0; // index into the EntityType list
    std::uint32_t id = 0;
    Xapian::doccount count = 0;
};

std::vector<Counted> count_entities(const std::vector<EntityType>& types,
                                    std::span<const Xapian::docid> matches) {
    std::vector<Counted> out;
    for (std::size_t t = 0; t < types.size(); ++t) {
        const TermLists& terms = *types[t].terms;
        std::vector<Xapian::doccount> counts(terms.values.size(), 0);
        for (Xapian::docid did : matches)
            for (std::uint32_t id : items_of(terms.lists, did))
                ++counts[id];
        for (std::uint32_t id = 0; id < counts.size(); ++id)
            if (counts[id] > 0) out.push_back({t, id, counts[id]});
    }
    return out;
}

} // namespace

MeasureResult measure_cooccurrence(Xapian::Database& db, const SearchRequest& request) {
    MeasureResult result;
    result.analysis = Analysis::cooccur;
    result.type = request.facet_options.tag_type;
    std::string parsed;
    const auto matches = match_docids(db, request, &parsed);
    describe(result, db, request, parsed, matches.size());
    auto index = full_index(db);
    const auto types = entity_types(*index, result.type);
    const double n = static_cast<double>(matches.size());
    const double archive = static_cast<double>(result.archive);

    struct Scored {
        Counted entity;
        Xapian::doccount in_archive;
        double lift, rank;
    };
    std::vector<Scored> scored;
    for (const Counted& c : count_entities(types, matches)) {
        if (c.count < request.measure.min_count) continue;
        const EntityType& type = types[c.type];
        const Xapian::doccount df = xapian_call("reading term frequencies", [&] {
            return db.get_termfreq(type.prefix + type.terms->values[c.id]);
        });
        scored.push_back({c, df, lift(c.count, n, df, archive), lift_low(c.count, n, df, archive)});
    }
    auto before = [&](const Scored& a, const Scored& b) {
        if (a.rank != b.rank) return a.rank > b.rank;
        if (a.entity.count != b.entity.count) return a.entity.count > b.entity.count;
        return types[a.entity.type].terms->values[a.entity.id] <
               types[b.entity.type].terms->values[b.entity.id];
    };
    const std::size_t limit = request.facet_options.limit;
    const std::size_t keep = limit == 0 ? scored.size() : std::min(limit, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                      scored.end(), before);
    const TagLabels labels =
        xapian_call("reading tags", [&] { return TagLabels(*index, matches); });
    for (std::size_t i = 0; i < keep; ++i) {
        const Scored& s = scored[i];
        const EntityType& type = types[s.entity.type];
        EntityCount e;
        e.value = type.terms->values[s.entity.id];
        e.label = labels.label(e.value);
        e.type = type.name;
        e.count = s.entity.count;
        e.archive = s.in_archive;
        e.share = ratio_of(s.entity.count, static_cast<Xapian::doccount>(matches.size()));
        e.lift = s.lift;
        e.lift_low = s.rank;
        result.entities.push_back(std::move(e));
    }
    return result;
}

Network network_of(Xapian::Database& db, const SearchRequest& request) {
    constexpr std::size_t most_nodes = 200;
    const auto matches = with_reopen(db, [&] { return match_docids(db, request); });
    auto index = full_index(db);
    const auto types = entity_types(*index, request.facet_options.tag_type);
    std::vector<Counted> entities = count_entities(types, matches);
    auto by_count = [&](const Counted& a, const Counted& b) {
        if (a.count != b.count) return a.count > b.count;
        return types[a.type].terms->values[a.id] < types[b.type].terms->values[b.id];
    };
    const std::size_t m = std::min(most_nodes, entities.size());
    std::partial_sort(entities.begin(), entities.begin() + static_cast<std::ptrdiff_t>(m),
                      entities.end(), by_count);
    entities.resize(m);

    // Node numbers by type and id, then pair counts in an m × m upper triangle.
    std::vector<std::vector<std::int32_t>> node_of(types.size());
    for (std::size_t t = 0; t < types.size(); ++t)
        node_of[t].assign(types[t].terms->values.size(), -1);
    for (std::size_t i = 0; i < m; ++i)
        node_of[entities[i].type][entities[i].id] = static_cast<std::int32_t>(i);
    std::vector<Xapian::doccount> pairs(m * m, 0);
    std::vector<std::size_t> present;
    for (Xapian::docid did : matches) {
        present.clear();
        for (std::size_t t = 0; t < types.size(); ++t)
            for (std::uint32_t id : items_of(types[t].terms->lists, did))
                if (node_of[t][id] >= 0)
                    present.push_back(static_cast<std::size_t>(node_of[t][id]));
        std::sort(present.begin(), present.end());
        for (std::size_t i = 0; i < present.size(); ++i)
            for (std::size_t j = i + 1; j < present.size(); ++j)
                ++pairs[present[i] * m + present[j]];
    }
    std::vector<NetworkEdge> edges;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = i + 1; j < m; ++j)
            if (pairs[i * m + j] > 0) edges.push_back({i, j, pairs[i * m + j]});
    auto heavier = [](const NetworkEdge& a, const NetworkEdge& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    };
    const std::size_t keep = std::min(request.measure.edges, edges.size());
    std::partial_sort(edges.begin(), edges.begin() + static_cast<std::ptrdiff_t>(keep), edges.end(),
                      heavier);
    edges.resize(keep);

    Network network;
    std::vector<std::int32_t> renumbered(m, -1);
    const TagLabels labels =
        xapian_call("reading tags", [&] { return TagLabels(*index, matches); });
    auto node = [&](std::size_t i) {
        if (renumbered[i] < 0) {
            renumbered[i] = static_cast<std::int32_t>(network.nodes.size());
            const Counted& c = entities[i];
            const EntityType& type = types[c.type];
            network.nodes.push_back({type.terms->values[c.id],
                                     labels.label(type.terms->values[c.id]), type.name, c.count});
        }
        return static_cast<std::size_t>(renumbered[i]);
    };
    for (const auto& e : edges)
        network.edges.push_back({node(e.source), node(e.target), e.weight});
    return network;
}

} // namespace dateline::query::measure_detail

namespace dateline::query {

Network cooccurrence_network(Xapian::Database& db, const SearchRequest& request) {
    return measure_detail::network_of(db, request);
}

} // namespace dateline::query
