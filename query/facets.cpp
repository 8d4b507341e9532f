#include "facets.h"

#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace dateline::query {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::string fold_tag(std::string_view tag) {
    return text::fold_case(text::collapse_whitespace(tag));
}

// Top `limit` values by count (then by value); fills distinct and other.
void keep_top(FacetResult& r, std::vector<FacetValue> values, std::size_t limit) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    r.distinct = values.size();
    if (limit != 0 && values.size() > limit) values.resize(limit);
    r.other = r.distinct - values.size();
    r.values = std::move(values);
}

// --- source, lang: one value per document ------------------------------------------------------

// The display name of a source id: the "source" field of the first document from that source.
std::string source_label(const Xapian::Database& db, const std::string& id) {
    try {
        auto it = db.postlist_begin(schema::boolean_term(schema::prefix::source, id));
        if (it == db.postlist_end(schema::boolean_term(schema::prefix::source, id))) return id;
        auto data = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr, false);
        if (data.is_object()) {
            auto name = data.find("source");
            if (name != data.end() && name->is_string() && !name->get<std::string>().empty())
                return name->get<std::string>();
        }
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::Error&) {
        // A label is a nicety: fall back to the id.
    }
    return id;
}

class SlotFacet final : public FacetCollector {
  public:
    SlotFacet(std::string name, Xapian::valueno slot, bool label_sources, std::size_t limit)
        : name_(std::move(name)), spy_(slot), label_sources_(label_sources), limit_(limit) {}

    Xapian::MatchSpy& spy() override { return spy_; }

    FacetResult result(const Xapian::Database& db) const override {
        FacetResult r;
        r.name = name_;
        std::vector<FacetValue> values;
        Xapian::doccount with_value = 0;
        for (auto it = spy_.values_begin(); it != spy_.values_end(); ++it) {
            values.push_back({*it, *it, it.get_termfreq()});
            with_value += it.get_termfreq();
        }
        r.missing = spy_.get_total() - with_value;
        keep_top(r, std::move(values), limit_);
        if (label_sources_)
            for (auto& v : r.values)
                v.label = source_label(db, v.value);
        return r;
    }

  private:
    std::string name_;
    mutable Xapian::ValueCountMatchSpy spy_;
    bool label_sources_;
    std::size_t limit_;
};

// --- tag: a list of values per document --------------------------------------------------------

// Counts each distinct (case-folded) item of a schema::encode_list value once per document, and
// remembers the most common spelling of each.
class ListCountSpy final : public Xapian::MatchSpy {
  public:
    struct Entry {
        Xapian::doccount count = 0;
        std::map<std::string, Xapian::doccount> spellings;
    };

    explicit ListCountSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double) override {
        ++total_;
        std::string raw = doc.get_value(slot_);
        if (raw.empty()) {
            ++missing_;
            return;
        }
        std::vector<std::string> items;
        try {
            items = schema::decode_list(raw);
        } catch (const std::runtime_error&) {
            ++missing_; // a corrupt value counts as no value rather than failing the search
            return;
        }
        std::vector<std::string> seen;
        for (auto& item : items) {
            std::string key = fold_tag(item);
            if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
            auto& entry = counts_[key];
            ++entry.count;
            ++entry.spellings[item];
            seen.push_back(std::move(key));
        }
        if (seen.empty()) ++missing_;
    }

    Xapian::MatchSpy* clone() const override { return new ListCountSpy(slot_); }
    std::string name() const override { return "dateline::ListCountSpy"; }

    const std::unordered_map<std::string, Entry>& counts() const { return counts_; }
    Xapian::doccount missing() const { return missing_; }

  private:
    Xapian::valueno slot_;
    Xapian::doccount total_ = 0;
    Xapian::doccount missing_ = 0;
    std::unordered_map<std::string, Entry> counts_;
};

std::string most_common_spelling(const std::map<std::string, Xapian::doccount>& spellings) {
    auto best = spellings.begin();
    for (auto it = spellings.begin(); it != spellings.end(); ++it)
        if (it->second > best->second) best = it;
    return best == spellings.end() ? std::string() : best->first;
}

class TagFacet final : public FacetCollector {
  public:
    TagFacet(std::string name, std::size_t limit)
        : name_(std::move(name)), spy_(schema::slot::tags), limit_(limit) {}

    Xapian::MatchSpy& spy() override { return spy_; }

    FacetResult result(const Xapian::Database&) const override {
        FacetResult r;
        r.name = name_;
        std::vector<FacetValue> values;
        values.reserve(spy_.counts().size());
        for (const auto& [key, entry] : spy_.counts()) {
            std::string display = most_common_spelling(entry.spellings);
            values.push_back({display, display, entry.count});
        }
        r.missing = spy_.missing();
        keep_top(r, std::move(values), limit_);
        return r;
    }

  private:
    std::string name_;
    ListCountSpy spy_;
    std::size_t limit_;
};

// --- person, org, place, site: boolean terms with a prefix -------------------------------------

// Counts the terms with a prefix in each document. Values are the lower-cased term values;
// labels come from the document's display tags (slot 2) when one folds to the same value.
class TermPrefixSpy final : public Xapian::MatchSpy {
  public:
    struct Entry {
        Xapian::doccount count = 0;
        std::string label;
    };

    explicit TermPrefixSpy(std::string prefix) : prefix_(std::move(prefix)) {}

    void operator()(const Xapian::Document& doc, double) override {
        bool any = false;
        std::vector<std::string> labels; // decoded lazily, only for documents with such terms
        bool labels_read = false;
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            if (!any) {
                it.skip_to(prefix_);
                if (it == doc.termlist_end()) break;
            }
            const std::string& term = *it;
            if (term.compare(0, prefix_.size(), prefix_) != 0) break;
            std::string value = term.substr(prefix_.size());
            if (value.empty()) continue;
            any = true;
            auto& entry = counts_[value];
            ++entry.count;
            if (entry.label.empty()) {
                if (!labels_read) {
                    labels_read = true;
                    try {
                        labels = schema::decode_list(doc.get_value(schema::slot::tags));
                    } catch (const std::runtime_error&) {
                    }
                }
                for (const auto& l : labels)
                    if (fold_tag(l) == value) entry.label = l;
            }
        }
        if (!any) ++missing_;
    }

    Xapian::MatchSpy* clone() const override { return new TermPrefixSpy(prefix_); }
    std::string name() const override { return "dateline::TermPrefixSpy"; }

    const std::unordered_map<std::string, Entry>& counts() const { return counts_; }
    Xapian::doccount missing() const { return missing_; }

  private:
    std::string prefix_;
    Xapian::doccount missing_ = 0;
    std::unordered_map<std::string, Entry> counts_;
};

class TermFacet final : public FacetCollector {
  public:
    TermFacet(std::string name, std::string prefix, std::size_t limit, std::string type = {})
        : name_(std::move(name)), type_(std::move(type)), spy_(std::move(prefix)), limit_(limit) {}

    Xapian::MatchSpy& spy() override { return spy_; }

    FacetResult result(const Xapian::Database&) const override {
        FacetResult r;
        r.name = name_;
        std::vector<FacetValue> values;
        for (const auto& [value, entry] : spy_.counts())
            values.push_back({value, entry.label.empty() ? value : entry.label, entry.count});
        r.missing = spy_.missing();
        r.type = type_;
        keep_top(r, std::move(values), limit_);
        return r;
    }

  private:
    std::string name_;
    std::string type_;
    TermPrefixSpy spy_;
    std::size_t limit_;
};

// --- date: a histogram of slot 0 ---------------------------------------------------------------

class DaySpy final : public Xapian::MatchSpy {
  public:
    explicit DaySpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double) override {
        std::string raw = doc.get_value(slot_);
        if (raw.empty()) {
            ++missing_;
            return;
        }
        double seconds = Xapian::sortable_unserialise(raw);
        auto day = static_cast<std::int64_t>(std::floor(seconds / seconds_per_day));
        ++per_day_[day];
    }

    Xapian::MatchSpy* clone() const override { return new DaySpy(slot_); }
    std::string name() const override { return "dateline::DaySpy"; }

    const std::map<std::int64_t, Xapian::doccount>& per_day() const { return per_day_; }
    Xapian::doccount missing() const { return missing_; }

  private:
    Xapian::valueno slot_;
    Xapian::doccount missing_ = 0;
    std::map<std::int64_t, Xapian::doccount> per_day_;
};

class DateFacet final : public FacetCollector {
  public:
    explicit DateFacet(Bucket bucket) : spy_(schema::slot::published), bucket_(bucket) {}

    Xapian::MatchSpy& spy() override { return spy_; }

    FacetResult result(const Xapian::Database&) const override {
        FacetResult r;
        r.name = "date";
        Bucket used = bucket_;
        for (auto& bin : make_histogram(spy_.per_day(), bucket_, &used))
            r.values.push_back({bin.label, bin.label, bin.count});
        r.bucket = bucket_name(used);
        r.distinct = r.values.size();
        r.missing = spy_.missing();
        return r;
    }

  private:
    DaySpy spy_;
    Bucket bucket_;
};

constexpr std::array<std::string_view, 8> names{"source", "tag", "date",  "lang",
                                                "person", "org", "place", "site"};

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
    std::string known;
    for (auto n : names)
        known += (known.empty() ? "" : ", ") + std::string(n);
    throw UsageError("unknown facet '" + std::string(name) + "': expected one of " + known);
}

} // namespace dateline::query
