#include "recency.h"

#include "analyzers/schema.h"
#include "errors.h"

#include <cctype>
#include <cmath>

namespace dateline::query {

std::int64_t parse_half_life(std::string_view text) {
    auto bad = [&] {
        return UsageError("bad --recency '" + std::string(text) +
                          "': expected a half-life such as 12h, 30d, 2w or 1y");
    };
    if (text.size() < 2) throw bad();
    std::int64_t n = 0;
    for (char c : text.substr(0, text.size() - 1)) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || n > 1'000'000) throw bad();
        n = n * 10 + (c - '0');
    }
    if (n <= 0) throw bad();
    switch (text.back()) {
    case 'h':
        return n * 3600;
    case 'd':
        return n * 86400;
    case 'w':
        return n * 7 * 86400;
    case 'y':
        return n * 365 * 86400;
    default:
        throw bad();
    }
}

double recency_factor(double published, double now, double half_life) {
    double age = std::max(0.0, now - published);
    return std::exp2(-age / half_life);
}

double newest_published(const Xapian::Database& db) {
    std::string upper = db.get_value_upper_bound(schema::slot::published);
    return upper.empty() ? 0.0 : Xapian::sortable_unserialise(upper);
}

RecencySource::RecencySource(double now, double half_life, double scale)
    : Xapian::ValuePostingSource(schema::slot::published), now_(now), half_life_(half_life),
      scale_(scale) {}

double RecencySource::get_weight() const {
    return scale_ * recency_factor(Xapian::sortable_unserialise(get_value()), now_, half_life_);
}

RecencySource* RecencySource::clone() const {
    return new RecencySource(now_, half_life_, scale_);
}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(scale_);
}

std::string RecencySource::get_description() const {
    return "RecencySource(half_life=" + std::to_string(half_life_) + "s)";
}

} // namespace dateline::query
