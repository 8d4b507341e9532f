// --recency HALF-LIFE: ranking that prefers recent articles. The query becomes
//   query AND_MAYBE RecencySource
// where RecencySource (a Xapian::ValuePostingSource on slot 0, the published time) gives each
// dated document the weight  scale × 2^(−age / half_life),  age = now − published (0 for articles
// newer than now). The match set is unchanged (AND_MAYBE only adds weight); an article gets its
// BM25 score plus up to `scale`, halving every half-life. search() sets scale to the best BM25
// score of the query (1 when the query has no text), so a fresh article weighs as much as the
// best text match, and an article one half-life old half as much. `now` is --now, else the newest
// published time in the database. Undated articles get no recency weight.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

// "30d", "12h", "2w", "1y" (h, d, w, y; a positive integer) -> seconds. Throws UsageError.
std::int64_t parse_half_life(std::string_view text);

class RecencySource final : public Xapian::ValuePostingSource {
  public:
    RecencySource(double now, double half_life, double scale);

    double get_weight() const override;
    RecencySource* clone() const override;
    std::string name() const override { return "dateline::RecencySource"; }
    void init(const Xapian::Database& db) override;
    std::string get_description() const override;

  private:
    double now_, half_life_, scale_;
};

// The decay factor 2^(-age / half_life) for a document published at `published` (Unix seconds).
double recency_factor(double published, double now, double half_life);

// The newest published time in db (Unix seconds; 0 when nothing is dated).
double newest_published(const Xapian::Database& db);

} // namespace dateline::query
