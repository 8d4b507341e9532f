#include "facets.h"

#include "analyzers/schema.h"
#include "doc_data.h"
#include "errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace dateline::query {

std::string source_name(const Xapian::Document& doc, const std::string& id) {
    auto data = data_members(doc.get_data(), {"source"});
    auto name = data.find("source");
    if (name != data.end() && name->is_string() && !name->get_ref<const std::string&>().empty())
        return name->get<std::string>();
    return id;
}

namespace {

// The display name of a source id: that of the first document from that source.
std::string source_label(const Xapian::Database& db, const std::string& id) {
    try {
        auto it = db.postlist_begin(schema::boolean_term(schema::prefix::source, id));
        if (it == db.postlist_end(schema::boolean_term(schema::prefix::source, id))) return id;
        return source_name(db.get_document(*it), id);
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::Error&) {
        // A label is a nicety: fall back to the id.
    }
    return id;
}

// A counted value before it is kept or not: strings by pointer into the facet index.
struct Candidate {
    Xapian::doccount count;
    const std::string* value;
    const std::string* label;
};

// Top `limit` values by count (then by value) into r.values; fills distinct and other.
void keep_top(FacetResult& r, std::vector<Candidate> candidates, std::size_t limit) {
    auto before = [](const Candidate& a, const Candidate& b) {
        return a.count != b.count ? a.count > b.count : *a.value < *b.value;
    };
    r.distinct = candidates.size();
    const std::size_t keep = limit == 0 || candidates.size() <= limit ? candidates.size() : limit;
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), before);
    r.other = r.distinct - keep;
    r.values.clear();
    r.values.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i)
        r.values.push_back({*candidates[i].value, *candidates[i].label, candidates[i].count});
}

// --- source, lang: one value per document ------------------------------------------------------

class SlotFacet final : public FacetCollector {
  public:
    SlotFacet(std::string name, Xapian::valueno slot, bool label_sources, std::size_t limit)
        : name_(std::move(name)), slot_(slot), label_sources_(label_sources), limit_(limit) {}

    FacetResult count(const Xapian::Database& db, FacetIndex& index,
                      std::span<const Xapian::docid> matches) const override {
        const SlotCodes& codes = index.slot(slot_);
        std::vector<Xapian::doccount> counts(codes.values.size() + 1, 0);
        const std::size_t size = codes.code.size();
        for (Xapian::docid did : matches)
            ++counts[did < size ? codes.code[did] : 0];
        FacetResult r;
        r.name = name_;
        r.missing = counts[0];
        std::vector<Candidate> values;
        for (std::size_t i = 1; i < counts.size(); ++i)
            if (counts[i] > 0)
                values.push_back({counts[i], &codes.values[i - 1], &codes.values[i - 1]});
        keep_top(r, std::move(values), limit_);
        if (label_sources_)
            for (auto& v : r.values)
                v.label = source_label(db, v.value);
        return r;
    }

  private:
    std::string name_;
    Xapian::valueno slot_;
    bool label_sources_;
    std::size_t limit_;
};

// --- tag: a list of values per document --------------------------------------------------------

// Counts by id, kept per thread between searches: zeroing (and faulting in) an array of every
// tag of a large archive for each search cost more than counting the matches. scratch_counts()
// hands it out cleared, zeroing only the ids the last user counted.
struct ScratchCounts {
    std::vector<Xapian::doccount> count;
    std::vector<std::uint32_t> touched; // ids counted, in order of first count
    void add(std::uint32_t id) {
        if (count[id]++ == 0) touched.push_back(id);
    }
    void clear() {
        for (std::uint32_t id : touched)
            count[id] = 0;
        touched.clear();
    }
};

ScratchCounts& scratch_counts(std::size_t ids) {
    thread_local ScratchCounts scratch;
    if (scratch.count.size() < ids) scratch.count.resize(ids, 0);
    scratch.clear();
    return scratch;
}

// Asks the CPU to fetch the list of matches[i + ahead] (its offset, then its items) while the
// current one is counted: the matches are sparse in arrays of megabytes, so without it nearly
// every document's list is a cache miss (most of a tag facet's time at 500,000 articles).
// Always inlined: as a function of its own, GCC 12 finds it free of side effects (a prefetch has
// none) and deletes its calls, leaving no prefetch in the binary (seen in objdump).
[[gnu::always_inline]] inline void
prefetch_lists(const IdLists& lists, std::span<const Xapian::docid> matches, std::size_t i) {
    constexpr std::size_t offsets_ahead = 16, items_ahead = 8;
    if (i + offsets_ahead < matches.size()) {
        const Xapian::docid did = matches[i + offsets_ahead];
        if (did < lists.offsets.size()) __builtin_prefetch(lists.offsets.data() + did);
    }
    if (i + items_ahead < matches.size()) {
        const Xapian::docid did = matches[i + items_ahead];
        if (did < lists.offsets.size()) __builtin_prefetch(lists.items.data() + lists.offsets[did]);
    }
}

// The spelling of tag `key` most common by `counts` (by spelling id; ties: the first in byte
// order), or null when none was counted; `total` gets the count of all its spellings.
const std::string* most_common_spelling(const TagLists& tags,
                                        std::span<const Xapian::doccount> counts, std::uint32_t key,
                                        Xapian::doccount* total = nullptr) {
    const std::string* best = nullptr;
    Xapian::doccount best_count = 0, sum = 0;
    for (std::uint32_t spelling : tags.key_spellings[key]) {
        const Xapian::doccount c = counts[spelling];
        sum += c;
        const std::string& text = tags.spellings[spelling];
        if (c > best_count || (c == best_count && c > 0 && text < *best)) {
            best = &text;
            best_count = c;
        }
    }
    if (total) *total = sum;
    return best;
}

class TagFacet final : public FacetCollector {
  public:
    TagFacet(std::string name, std::size_t limit) : name_(std::move(name)), limit_(limit) {}

    FacetResult count(const Xapian::Database&, FacetIndex& index,
                      std::span<const Xapian::docid> matches) const override {
        const TagLists& tags = index.tags();
        // One count per spelling: a document holds at most one spelling of a tag (its tags are
        // distinct once folded), so a tag's count is the sum of its spellings' counts.
        ScratchCounts& counts = scratch_counts(tags.spellings.size());
        FacetResult r;
        r.name = name_;
        for (std::size_t i = 0; i < matches.size(); ++i) {
            prefetch_lists(tags.lists, matches, i);
            auto items = items_of(tags.lists, matches[i]);
            if (items.empty()) ++r.missing;
            for (std::uint32_t spelling : items)
                counts.add(spelling);
        }
        std::vector<std::uint32_t> keys;
        keys.reserve(counts.touched.size());
        for (std::uint32_t spelling : counts.touched)
            keys.push_back(tags.key_of[spelling]);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        std::vector<Candidate> values;
        values.reserve(keys.size());
        for (std::uint32_t key : keys) {
            Xapian::doccount total = 0;
            const std::string* best = most_common_spelling(tags, counts.count, key, &total);
            values.push_back({total, best, best});
        }
        keep_top(r, std::move(values), limit_);
        return r;
    }

  private:
    std::string name_;
    std::size_t limit_;
};

// --- person, org, place, site: boolean terms with a prefix -------------------------------------

class TermFacet final : public FacetCollector {
  public:
    TermFacet(std::string name, std::string prefix, std::size_t limit, std::string type = {})
        : name_(std::move(name)), type_(std::move(type)), prefix_(std::move(prefix)),
          limit_(limit) {}

    FacetResult count(const Xapian::Database&, FacetIndex& index,
                      std::span<const Xapian::docid> matches) const override {
        const TermLists& terms = index.terms(prefix_);
        ScratchCounts& counts = scratch_counts(terms.values.size());
        FacetResult r;
        r.name = name_;
        r.type = type_;
        for (std::size_t i = 0; i < matches.size(); ++i) {
            prefetch_lists(terms.lists, matches, i);
            auto items = items_of(terms.lists, matches[i]);
            if (items.empty()) ++r.missing;
            for (std::uint32_t id : items)
                counts.add(id);
        }
        const std::vector<std::uint32_t>& touched = counts.touched;
        std::vector<Candidate> values;
        values.reserve(touched.size());
        for (std::uint32_t id : touched)
            values.push_back({counts.count[id], &terms.values[id], &terms.values[id]});
        keep_top(r, std::move(values), limit_);
        return r;
    }

    bool labelled_by_tags() const override { return true; }

  private:
    std::string name_;
    std::string type_;
    std::string prefix_;
    std::size_t limit_;
};

// --- date: a histogram of slot 0 ---------------------------------------------------------------

class DateFacet final : public FacetCollector {
  public:
    explicit DateFacet(Bucket bucket) : bucket_(bucket) {}

    FacetResult count(const Xapian::Database&, FacetIndex& index,
                      std::span<const Xapian::docid> matches) const override {
        const DayCodes& days = index.days();
        FacetResult r;
        r.name = "date";
        std::vector<Xapian::doccount> counts(
            days.last >= days.first ? static_cast<std::size_t>(days.last - days.first) + 1 : 0, 0);
        const std::size_t size = days.day.size();
        for (Xapian::docid did : matches) {
            const std::int32_t day = did < size ? days.day[did] : DayCodes::none;
            if (day == DayCodes::none)
                ++r.missing;
            else
                ++counts[static_cast<std::size_t>(day - days.first)];
        }
        std::map<std::int64_t, Xapian::doccount> per_day;
        for (std::size_t i = 0; i < counts.size(); ++i)
            if (counts[i] > 0)
                per_day.emplace(days.first + static_cast<std::int64_t>(i), counts[i]);
        Bucket used = bucket_;
        for (auto& bin : make_histogram(per_day, bucket_, &used))
            r.values.push_back({bin.label, bin.label, bin.count});
        r.bucket = bucket_name(used);
        r.distinct = r.values.size();
        return r;
    }

  private:
    Bucket bucket_;
};

constexpr std::array<std::string_view, 9> names{"source", "tag",   "date", "lang",   "person",
                                                "org",    "place", "site", "keyword"};

} // namespace

std::string parse_tag_type(std::string_view name) {
    if (name == "person" || name == "people") return "person";
    if (name == "organization" || name == "org") return "organization";
    if (name == "place") return "place";
    throw UsageError("unknown --facet-type '" + std::string(name) +
                     "': expected person, organization or place");
}

std::span<const std::string_view> facet_names() {
    return names;
}

TagLabels::TagLabels(FacetIndex& index, std::span<const Xapian::docid> matches)
    : tags_(index.tags()), counts_(tags_.spellings.size(), 0) {
    for (std::size_t i = 0; i < matches.size(); ++i) {
        prefetch_lists(tags_.lists, matches, i);
        for (std::uint32_t spelling : items_of(tags_.lists, matches[i]))
            ++counts_[spelling];
    }
}

std::string TagLabels::label(const std::string& value) const {
    auto key = tags_.key_ids.find(value);
    if (key == tags_.key_ids.end()) return value;
    const std::string* best = most_common_spelling(tags_, counts_, key->second);
    return best ? *best : value;
}

void label_by_tags(FacetIndex& index, std::span<const Xapian::docid> matches,
                   std::span<FacetValue* const> values) {
    if (values.empty()) return;
    const TagLabels labels(index, matches);
    for (FacetValue* v : values)
        v->label = labels.label(v->value);
}

std::unique_ptr<FacetCollector> make_facet_collector(std::string_view name,
                                                     const FacetOptions& options) {
    const auto limit = options.limit;
    if (name == "source")
        return std::make_unique<SlotFacet>("source", schema::slot::source, true, limit);
    if (name == "lang")
        return std::make_unique<SlotFacet>("lang", schema::slot::language, false, limit);
    if (name == "tag" && !options.tag_type.empty()) {
        std::string type = parse_tag_type(options.tag_type);
        std::string_view prefix = type == "person"         ? schema::prefix::person
                                  : type == "organization" ? schema::prefix::organization
                                                           : schema::prefix::place;
        return std::make_unique<TermFacet>("tag", std::string(prefix), limit, type);
    }
    if (name == "tag") return std::make_unique<TagFacet>("tag", limit);
    if (name == "date") return std::make_unique<DateFacet>(options.bucket);
    if (name == "person")
        return std::make_unique<TermFacet>("person", std::string(schema::prefix::person), limit);
    if (name == "org")
        return std::make_unique<TermFacet>("org", std::string(schema::prefix::organization), limit);
    if (name == "place")
        return std::make_unique<TermFacet>("place", std::string(schema::prefix::place), limit);
    if (name == "site")
        return std::make_unique<TermFacet>("site", std::string(schema::prefix::site), limit);
    if (name == "keyword")
        return std::make_unique<TermFacet>("keyword", std::string(schema::prefix::keyword), limit);
    std::string known;
    for (auto n : names)
        known += (known.empty() ? "" : ", ") + std::string(n);
    throw UsageError("unknown facet '" + std::string(name) + "': expected one of " + known);
}

} // namespace dateline::query
