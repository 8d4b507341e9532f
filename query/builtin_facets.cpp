#include "builtin_facets.h"

#include "analyzers/schema.h"
#include "facet_index.h" // decode_list_views
#include "histogram.h"
#include "remote_cache.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace dateline::query {

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

void add_counts(Counts& into, const Xapian::ValueCountMatchSpy& spy) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        into[*it] += it.get_termfreq();
}

// The counts of the values in the lists `spy` counted (a list slot: one list per distinct set of
// a document's values), each document's values once per case-folded value, by its first
// spelling (blank ones left out), as the local facets count them; returns the documents holding
// one. The values of the term list slots are folded already; the display tags are not.
Xapian::doccount add_list_counts(Counts& into, const Xapian::ValueCountMatchSpy& spy) {
    // Each spelling's folded key, found once (a value recurs in many lists), as a number.
    constexpr std::uint32_t blank = UINT32_MAX; // a blank value is never counted
    std::unordered_map<std::string, std::uint32_t> key_of_spelling, key_ids;
    std::unordered_map<std::string, Xapian::doccount> per_spelling;
    std::vector<std::string_view> items;
    std::vector<std::uint32_t> keys; // of the list at hand
    Xapian::doccount holding = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string list = *it;
        if (!decode_list_views(list, items)) continue; // an unreadable list counts as none
        const Xapian::doccount documents = it.get_termfreq();
        keys.clear();
        for (const std::string_view item : items) {
            std::string spelling(item);
            auto found = key_of_spelling.find(spelling);
            if (found == key_of_spelling.end()) {
                std::string key = schema::fold_value(item);
                const std::uint32_t id =
                    key.empty() ? blank
                                : key_ids.try_emplace(std::move(key), key_ids.size()).first->second;
                found = key_of_spelling.emplace(spelling, id).first;
            }
            const std::uint32_t key = found->second;
            if (key == blank || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
            keys.push_back(key); // each key once per document, by its first spelling
            per_spelling[std::move(spelling)] += documents;
        }
        if (!keys.empty()) holding += documents;
    }
    for (auto& [spelling, count] : per_spelling)
        into[spelling] += count;
    return holding;
}

// Top `limit` values by count (then by value), as keep_top in facets.cpp.
void keep_top(FacetResult& r, std::vector<FacetValue> values, std::size_t limit) {
    auto before = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    r.distinct = values.size();
    const std::size_t keep = limit == 0 || values.size() <= limit ? values.size() : limit;
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(keep),
                      values.end(), before);
    values.resize(keep);
    r.other = r.distinct - keep;
    r.values = std::move(values);
}

// The first document (docid order) matching `query`, through one match (the remote protocol
// streams a whole posting list to the client: a postlist_begin() of a large source costs more
// than the search).
std::optional<Xapian::Document> first_match(const Xapian::Database& db,
                                            const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) return std::nullopt;
    return mset.begin().get_document();
}

// facets.cpp's source label by first_match: the display name of the first document of a source.
std::string remote_source_label(const Xapian::Database& db, const std::string& id) {
    auto doc = first_match(db, Xapian::Query(schema::boolean_term(schema::prefix::source, id)));
    return doc ? source_name(*doc, id) : id;
}

} // namespace

struct BuiltinFacets::Facet {
    enum class Kind { slot, date, tags, terms } kind = Kind::slot;
    std::string name, type, prefix;
    Xapian::valueno list = 0; // terms: the list slot (schema::list_slot)
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
};

namespace {

// The labels of a term facet's shown values: the display tag folding to each, by the spelling
// most common among the matches (ties: the first in byte order), as facets.cpp labels them and
// the tag facet shows a tag. `spellings`: the tags' counts (add_list_counts of slot tags).
void label_values(const Counts& spellings, std::vector<FacetValue>& values) {
    std::unordered_map<std::string, std::pair<const std::string*, Xapian::doccount>> best;
    for (const auto& v : values)
        best.try_emplace(v.value, nullptr, 0);
    if (best.empty()) return;
    for (const auto& [spelling, count] : spellings) { // in byte order: ties keep the first
        auto it = best.find(schema::fold_value(spelling));
        if (it != best.end() && count > it->second.second) it->second = {&spelling, count};
    }
    for (auto& v : values)
        if (const std::string* label = best[v.value].first) v.label = *label;
}

} // namespace

BuiltinFacets::BuiltinFacets(const std::vector<std::string>& names, const FacetOptions& options)
    : options_(options) {
    for (const auto& name : names) {
        auto facet = std::make_unique<Facet>();
        facet->name = name;
        auto count_slot = [&](Xapian::valueno slot) {
            facet->spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        };
        if (name == "source" || name == "lang") {
            count_slot(name == "source" ? schema::slot::source : schema::slot::language);
        } else if (name == "date") {
            facet->kind = Facet::Kind::date;
            count_slot(schema::slot::day);
        } else if (name == "tag" && options.tag_type.empty()) {
            facet->kind = Facet::Kind::tags;
            count_slot(schema::slot::tags);
        } else {
            facet->kind = Facet::Kind::terms;
            std::string_view prefix;
            if (name == "tag") {
                facet->type = parse_tag_type(options.tag_type);
                prefix = facet->type == "person"         ? schema::prefix::person
                         : facet->type == "organization" ? schema::prefix::organization
                                                         : schema::prefix::place;
            } else {
                prefix = name == "person" ? schema::prefix::person
                         : name == "org"  ? schema::prefix::organization
                         : name == "place"
                             ? schema::prefix::place
                             : (name == "site" ? schema::prefix::site : schema::prefix::keyword);
            }
            facet->prefix = std::string(prefix);
            facet->list = schema::list_slot(prefix)->slot;
            count_slot(facet->list);
        }
        facets_.push_back(std::move(facet));
    }
    // Term facets are labelled from the tags' counts: the tag facet's spy, or one of their own.
    const bool labelled = std::any_of(facets_.begin(), facets_.end(),
                                      [](const auto& f) { return f->kind == Facet::Kind::terms; });
    auto tag_facet = std::find_if(facets_.begin(), facets_.end(),
                                  [](const auto& f) { return f->kind == Facet::Kind::tags; });
    if (labelled && tag_facet == facets_.end())
        label_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot::tags);
}

BuiltinFacets::~BuiltinFacets() = default;

bool BuiltinFacets::empty() const {
    return facets_.empty();
}

void BuiltinFacets::attach(Xapian::Enquire& enquire) const {
    for (const auto& facet : facets_)
        enquire.add_matchspy(facet->spy.get());
    if (label_spy_) enquire.add_matchspy(label_spy_.get());
}

std::vector<FacetResult> BuiltinFacets::results(const Xapian::Database& db) const {
    std::optional<Counts> tag_spellings; // for the term facets' labels, counted once
    auto spellings = [&]() -> const Counts& {
        if (!tag_spellings) {
            const Xapian::ValueCountMatchSpy* spy = label_spy_.get();
            for (const auto& facet : facets_)
                if (facet->kind == Facet::Kind::tags) spy = facet->spy.get();
            add_list_counts(tag_spellings.emplace(), *spy);
        }
        return *tag_spellings;
    };
    std::vector<FacetResult> out;
    for (const auto& facet : facets_) {
        FacetResult r;
        r.name = facet->name;
        r.type = facet->type;
        const Xapian::ValueCountMatchSpy& spy = *facet->spy;
        Xapian::doccount with_value = 0;
        Counts counts;
        if (facet->kind == Facet::Kind::tags || facet->kind == Facet::Kind::terms) {
            with_value = add_list_counts(counts, spy);
        } else {
            for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
                with_value += it.get_termfreq();
            add_counts(counts, spy);
        }
        r.missing = spy.get_total() - with_value;
        switch (facet->kind) {
        case Facet::Kind::slot: {
            std::vector<FacetValue> values;
            for (const auto& [value, count] : counts)
                values.push_back({value, value, count});
            keep_top(r, std::move(values), options_.limit);
            if (facet->name == "source")
                for (auto& v : r.values)
                    v.label = cached_source_label(db, v.value,
                                                  [&] { return remote_source_label(db, v.value); });
            break;
        }
        case Facet::Kind::date: {
            std::map<std::int64_t, Xapian::doccount> per_day;
            for (const auto& [value, count] : counts) {
                std::int64_t day = 0;
                auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), day);
                if (ec == std::errc() && ptr == value.data() + value.size())
                    per_day[day] += count;
                else
                    r.missing += count;
            }
            Bucket used = options_.bucket;
            for (auto& bin : make_histogram(per_day, options_.bucket, &used))
                r.values.push_back({bin.label, bin.label, bin.count});
            r.bucket = bucket_name(used);
            r.distinct = r.values.size();
            break;
        }
        case Facet::Kind::tags: {
            // Spellings by folded tag; the tag shown by its most common spelling.
            std::map<std::string, std::vector<const Counts::value_type*>> by_key;
            for (const auto& entry : counts)
                by_key[schema::fold_value(entry.first)].push_back(&entry);
            std::vector<FacetValue> values;
            for (const auto& [key, spellings] : by_key) {
                const Counts::value_type* best = nullptr;
                Xapian::doccount total = 0;
                for (const auto* spelling : spellings) { // in byte order: ties keep the first
                    total += spelling->second;
                    if (!best || spelling->second > best->second) best = spelling;
                }
                values.push_back({best->first, best->first, total});
            }
            keep_top(r, std::move(values), options_.limit);
            break;
        }
        case Facet::Kind::terms: {
            std::vector<FacetValue> values;
            for (const auto& [value, count] : counts)
                values.push_back({value, value, count});
            keep_top(r, std::move(values), options_.limit);
            label_values(spellings(), r.values);
            break;
        }
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace dateline::query
