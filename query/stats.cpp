#include "stats.h"

#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "database.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace dateline::query {

namespace {

void sort_by_count(std::vector<FacetValue>& values) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
}

// Every term with a prefix, as (value, term frequency).
std::vector<FacetValue> terms_with_prefix(const Xapian::Database& db, std::string_view prefix) {
    std::vector<FacetValue> out;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        std::string value = (*it).substr(p.size());
        out.push_back({value, value, it.get_termfreq()});
    }
    sort_by_count(out);
    return out;
}

Xapian::Document first_document_with(const Xapian::Database& db, const std::string& term) {
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return {};
    return db.get_document(*it);
}

std::optional<std::string> bound_date(const std::string& raw) {
    if (raw.empty()) return std::nullopt;
    Timestamp ts{static_cast<std::int64_t>(Xapian::sortable_unserialise(raw)),
                 Timestamp::Precision::time};
    return dates::format_iso(ts);
}

} // namespace

DbStats collect_stats(Xapian::Database& db, const std::string& path, std::size_t tag_limit) {
    return with_reopen(db, [&] {
        return xapian_call("reading statistics of " + path, [&] {
            DbStats s;
            s.path = path;
            s.articles = db.get_doccount();
            s.schema_version = stored_schema_version(db);
            s.analyzer_settings = db.get_metadata(std::string(schema::settings_key));
            s.oldest = bound_date(db.get_value_lower_bound(schema::slot::published));
            s.newest = bound_date(db.get_value_upper_bound(schema::slot::published));

            s.sources = terms_with_prefix(db, schema::prefix::source);
            for (auto& source : s.sources) {
                auto doc =
                    first_document_with(db, std::string(schema::prefix::source) + source.value);
                auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
                if (data.is_object() && data.contains("source") && data["source"].is_string() &&
                    !data["source"].get<std::string>().empty())
                    source.label = data["source"].get<std::string>();
            }

            auto tags = terms_with_prefix(db, schema::prefix::tag);
            s.distinct_tags = tags.size();
            if (tag_limit != 0 && tags.size() > tag_limit) tags.resize(tag_limit);
            for (auto& tag : tags) {
                // The display spelling: the document's slot-2 tag that folds to the term value.
                auto doc = first_document_with(db, std::string(schema::prefix::tag) + tag.value);
                try {
                    for (const auto& display :
                         schema::decode_list(doc.get_value(schema::slot::tags)))
                        if (schema::fold_value(display) == tag.value) tag.label = display;
                } catch (const std::runtime_error&) {
                }
            }
            s.tags = std::move(tags);
            s.languages = terms_with_prefix(db, schema::prefix::language);
            return s;
        });
    });
}

} // namespace dateline::query
