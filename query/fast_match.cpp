#include "fast_match.h"

#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "facets.h"
#include "shard_docids.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <queue>

namespace dateline::query {

namespace {

constexpr Xapian::docid end_docid = std::numeric_limits<Xapian::docid>::max();

// BM25Weight's defaults (Xapian 1.4), as fast_words.cpp: k1 = 1, b = 0.5, min_normlen = 0.5.
constexpr double k1 = 1.0, b = 0.5, min_normlen = 0.5;

// A position in an ascending list of docids: docid() is end_docid past the end. skip_to(d) moves
// to the first docid >= d (never back).
class Cursor {
  public:
    virtual ~Cursor() = default;
    Xapian::docid docid() const { return current_; }
    virtual void next() = 0;
    virtual void skip_to(Xapian::docid did) = 0;
    virtual Xapian::doccount estimate() const = 0; // how many docids, roughly (for AND's order)
    // A cursor that can answer "is did one of yours?" cheaply: an AND asks it instead of moving
    // it (DayCursor).
    virtual bool can_check() const { return false; }
    virtual bool holds(Xapian::docid) const { return false; }

  protected:
    Xapian::docid current_ = 0;
};

// A term's postings: from the index's PostingsCache when it keeps them (postings_cache.h), else
// through Xapian's PostingIterator.
class TermCursor final : public Cursor {
  public:
    TermCursor(const Xapian::Database& db, FacetIndex& index, const std::string& term)
        : estimate_(term.empty() ? db.get_doccount() : db.get_termfreq(term)),
          kept_(index.postings_cache().find_or_read(db, term, estimate_)) {
        if (kept_) {
            docids_ = kept_->docids.data();
            wdfs_ = kept_->wdfs.data();
            size_ = kept_->docids.size();
        } else {
            it_ = db.postlist_begin(term);
            end_ = db.postlist_end(term);
        }
        settle();
    }
    void next() override {
        if (kept_)
            ++at_;
        else
            ++it_;
        settle();
    }
    void skip_to(Xapian::docid did) override {
        if (did <= current_) return;
        if (kept_)
            at_ = static_cast<std::size_t>(std::lower_bound(docids_ + at_, docids_ + size_, did) -
                                           docids_);
        else
            it_.skip_to(did);
        settle();
    }
    Xapian::doccount estimate() const override { return estimate_; }
    Xapian::termcount wdf() const { return kept_ ? wdfs_[at_] : it_.get_wdf(); }

  private:
    void settle() {
        if (kept_)
            current_ = at_ < size_ ? docids_[at_] : end_docid;
        else
            current_ = it_ == end_ ? end_docid : *it_;
    }
    Xapian::doccount estimate_;
    PostingsCache::Postings kept_;
    const Xapian::docid* docids_ = nullptr;
    const Xapian::termcount* wdfs_ = nullptr;
    std::size_t size_ = 0, at_ = 0;
    Xapian::PostingIterator it_, end_;
};

class EmptyCursor final : public Cursor {
  public:
    EmptyCursor() { current_ = end_docid; }
    void next() override {}
    void skip_to(Xapian::docid) override {}
    Xapian::doccount estimate() const override { return 0; }
};

// The documents published on given days (from FacetIndex::days()): what an OR of the indexer's
// D/M/Y date terms matches (document_builder.cpp writes them from the published time, in UTC, as
// the published value that the days are read from), checked from memory instead of by merging
// the terms' postings. Moving it scans the days array.
class DayCursor final : public Cursor {
  public:
    // `ranges`: [first, end) day numbers.
    DayCursor(const DayCodes& days, std::vector<std::pair<std::int32_t, std::int32_t>> ranges,
              Xapian::doccount estimate)
        : days_(days.day), ranges_(std::move(ranges)), estimate_(estimate) {
        std::sort(ranges_.begin(), ranges_.end());
        scan_from(1);
    }
    void next() override { scan_from(current_ + 1); }
    void skip_to(Xapian::docid did) override {
        if (did > current_) scan_from(did);
    }
    Xapian::doccount estimate() const override { return estimate_; }
    bool can_check() const override { return true; }
    bool holds(Xapian::docid did) const override {
        if (did >= days_.size()) return false;
        const std::int32_t day = days_[did];
        if (day == DayCodes::none) return false;
        for (const auto& [first, end] : ranges_)
            if (day >= first && day < end) return true;
        return false;
    }

  private:
    void scan_from(Xapian::docid did) {
        while (did < days_.size() && !holds(did))
            ++did;
        current_ = did < days_.size() ? did : end_docid;
    }
    const std::vector<std::int32_t>& days_;
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges_;
    Xapian::doccount estimate_;
};

// The days [first, end) of an indexer date term (Y1987, M198703, D19870317), or nothing.
std::optional<std::pair<std::int32_t, std::int32_t>> date_term_days(std::string_view term) {
    auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (term[i] < '0' || term[i] > '9') return std::nullopt;
            v = v * 10 + (term[i] - '0');
        }
        return v;
    };
    if (term.empty()) return std::nullopt;
    const std::string_view prefix = term.substr(0, 1);
    const std::size_t size = prefix == schema::prefix::year    ? 5
                             : prefix == schema::prefix::month ? 7
                             : prefix == schema::prefix::day   ? 9
                                                               : 0;
    if (size == 0 || term.size() != size) return std::nullopt;
    auto year = digits(1, 4);
    if (!year) return std::nullopt;
    auto day_number = [](int y, unsigned m, unsigned d) {
        return static_cast<std::int32_t>(dates::days_from_civil(y, m, d));
    };
    if (size == 5) return std::pair{day_number(*year, 1, 1), day_number(*year + 1, 1, 1)};
    auto month = digits(5, 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    const auto m = static_cast<unsigned>(*month);
    const std::int32_t month_start = day_number(*year, m, 1);
    const std::int32_t month_end =
        m == 12 ? day_number(*year + 1, 1, 1) : day_number(*year, m + 1, 1);
    if (size == 7) return std::pair{month_start, month_end};
    auto day = digits(7, 2);
    if (!day || *day < 1 || month_start + *day - 1 >= month_end) return std::nullopt;
    const std::int32_t d = month_start + *day - 1;
    return std::pair{d, d + 1};
}

// Every child at the same docid: leapfrog from the child with the fewest docids; children that
// can check (DayCursor) are asked about each docid the others agree on.
class AndCursor final : public Cursor {
  public:
    explicit AndCursor(std::vector<std::unique_ptr<Cursor>> kids) {
        for (auto& k : kids)
            (k->can_check() ? checks_ : kids_).push_back(std::move(k));
        if (kids_.empty()) { // only checks: the rarest moves, the others check
            auto rarest = std::min_element(checks_.begin(), checks_.end(), [](auto& x, auto& y) {
                return x->estimate() < y->estimate();
            });
            kids_.push_back(std::move(*rarest));
            checks_.erase(rarest);
        }
        std::stable_sort(kids_.begin(), kids_.end(), [](const auto& x, const auto& y) {
            return x->estimate() < y->estimate();
        });
        settle();
    }
    void next() override {
        kids_.front()->next();
        settle();
    }
    void skip_to(Xapian::docid did) override {
        if (did <= current_) return;
        kids_.front()->skip_to(did);
        settle();
    }
    Xapian::doccount estimate() const override { return kids_.front()->estimate(); }

  private:
    void settle() {
        for (;;) {
            Xapian::docid did = kids_.front()->docid();
            for (std::size_t i = 1; i < kids_.size() && did != end_docid;) {
                kids_[i]->skip_to(did);
                const Xapian::docid other = kids_[i]->docid();
                if (other == did) {
                    ++i;
                    continue;
                }
                kids_.front()->skip_to(other);
                did = kids_.front()->docid();
                i = 1;
            }
            current_ = did;
            if (did == end_docid || passes_checks(did)) return;
            kids_.front()->next();
        }
    }
    bool passes_checks(Xapian::docid did) const {
        for (const auto& c : checks_)
            if (!c->holds(did)) return false;
        return true;
    }
    std::vector<std::unique_ptr<Cursor>> kids_;
    std::vector<std::unique_ptr<Cursor>> checks_;
};

// Any child: the lowest of their docids.
class OrCursor final : public Cursor {
  public:
    explicit OrCursor(std::vector<std::unique_ptr<Cursor>> kids) : kids_(std::move(kids)) {
        for (const auto& k : kids_)
            estimate_ += k->estimate();
        settle();
    }
    void next() override {
        const Xapian::docid at = current_;
        for (auto& k : kids_)
            if (k->docid() == at) k->next();
        settle();
    }
    void skip_to(Xapian::docid did) override {
        if (did <= current_) return;
        for (auto& k : kids_)
            k->skip_to(did);
        settle();
    }
    Xapian::doccount estimate() const override { return estimate_; }

  private:
    void settle() {
        Xapian::docid lowest = end_docid;
        for (const auto& k : kids_)
            lowest = std::min(lowest, k->docid());
        current_ = lowest;
    }
    std::vector<std::unique_ptr<Cursor>> kids_;
    Xapian::doccount estimate_ = 0;
};

// The left side's docids that the right side does not have.
class AndNotCursor final : public Cursor {
  public:
    AndNotCursor(std::unique_ptr<Cursor> left, std::unique_ptr<Cursor> right)
        : left_(std::move(left)), right_(std::move(right)) {
        settle();
    }
    void next() override {
        left_->next();
        settle();
    }
    void skip_to(Xapian::docid did) override {
        if (did <= current_) return;
        left_->skip_to(did);
        settle();
    }
    Xapian::doccount estimate() const override { return left_->estimate(); }

  private:
    void settle() {
        while (left_->docid() != end_docid) {
            right_->skip_to(left_->docid());
            if (right_->docid() != left_->docid()) break;
            left_->next();
        }
        current_ = left_->docid();
    }
    std::unique_ptr<Cursor> left_, right_;
};

// The cursor of a boolean query, or null for a form this matcher does not know.
// A DayCursor for a date term or an OR of date terms (date_range.h), else null.
std::unique_ptr<Cursor> compile_dates(const Xapian::Database& db, FacetIndex& index,
                                      const Xapian::Query& query) {
    using Q = Xapian::Query;
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
    Xapian::doccount estimate = 0;
    auto add = [&](const Xapian::Query& leaf) {
        if (leaf.get_type() != Q::LEAF_TERM) return false;
        const std::string term = *leaf.get_terms_begin();
        auto days = date_term_days(term);
        if (!days) return false;
        ranges.push_back(*days);
        estimate += db.get_termfreq(term);
        return true;
    };
    if (query.get_type() == Q::LEAF_TERM) {
        if (!add(query)) return nullptr;
    } else if (query.get_type() == Q::OP_OR && query.get_num_subqueries() > 0) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            if (!add(query.get_subquery(i))) return nullptr;
    } else {
        return nullptr;
    }
    return std::make_unique<DayCursor>(index.days(), std::move(ranges), estimate);
}

std::unique_ptr<Cursor> compile(const Xapian::Database& db, FacetIndex& index,
                                const Xapian::Query& query) {
    using Q = Xapian::Query;
    if (auto dates = compile_dates(db, index, query)) return dates;
    std::vector<std::unique_ptr<Cursor>> kids;
    const bool and_like = query.get_type() == Q::OP_AND || query.get_type() == Q::OP_FILTER;
    auto compile_kids = [&](std::size_t from) {
        for (std::size_t i = from; i < query.get_num_subqueries(); ++i) {
            // Match-all narrows nothing beside others (apply_filters puts one under --filter).
            if (and_like && query.get_num_subqueries() > 1 &&
                query.get_subquery(i).get_type() == Q::LEAF_MATCH_ALL)
                continue;
            auto kid = compile(db, index, query.get_subquery(i));
            if (!kid) return false;
            kids.push_back(std::move(kid));
        }
        return true;
    };
    switch (query.get_type()) {
    case Q::LEAF_TERM:
        return std::make_unique<TermCursor>(db, index, *query.get_terms_begin());
    case Q::LEAF_MATCH_ALL:
        return std::make_unique<TermCursor>(db, index, std::string());
    case Q::LEAF_MATCH_NOTHING:
        return std::make_unique<EmptyCursor>();
    case Q::OP_SCALE_WEIGHT: // no weight is read from a filter
        return query.get_num_subqueries() == 1 ? compile(db, index, query.get_subquery(0))
                                               : nullptr;
    case Q::OP_AND:
    case Q::OP_FILTER:
        if (!compile_kids(0)) return nullptr;
        if (kids.empty())
            return std::make_unique<TermCursor>(db, index, std::string()); // all match-all
        return kids.size() == 1 ? std::move(kids.front())
                                : std::make_unique<AndCursor>(std::move(kids));
    case Q::OP_OR:
    case Q::OP_SYNONYM:
        if (!compile_kids(0) || kids.empty()) return nullptr;
        return kids.size() == 1 ? std::move(kids.front())
                                : std::make_unique<OrCursor>(std::move(kids));
    case Q::OP_AND_NOT: {
        if (query.get_num_subqueries() < 2) return nullptr;
        auto left = compile(db, index, query.get_subquery(0));
        if (!left || !compile_kids(1)) return nullptr;
        std::unique_ptr<Cursor> right = kids.size() == 1
                                            ? std::move(kids.front())
                                            : std::make_unique<OrCursor>(std::move(kids));
        return std::make_unique<AndNotCursor>(std::move(left), std::move(right));
    }
    default:
        return nullptr;
    }
}

// A list of docids held in memory (a phrase's matches from the FilterCache).
class ListCursor final : public Cursor {
  public:
    explicit ListCursor(FilterCache::Docids docids) : docids_(std::move(docids)) { settle(); }
    void next() override {
        ++at_;
        settle();
    }
    void skip_to(Xapian::docid did) override {
        if (did <= current_) return;
        at_ = static_cast<std::size_t>(
            std::lower_bound(docids_->begin() + static_cast<std::ptrdiff_t>(at_), docids_->end(),
                             did) -
            docids_->begin());
        settle();
    }
    Xapian::doccount estimate() const override {
        return static_cast<Xapian::doccount>(docids_->size());
    }

  private:
    void settle() { current_ = at_ < docids_->size() ? (*docids_)[at_] : end_docid; }
    FilterCache::Docids docids_;
    std::size_t at_ = 0;
};

// The matches of an exact phrase of the plan's words, from the index's FilterCache or matched
// now and kept there.
FilterCache::Docids phrase_matches(const Xapian::Database& db, FacetIndex& index,
                                   const FastMatchPlan& plan, const std::vector<std::size_t>& words,
                                   double time_budget) {
    std::vector<Xapian::Query> terms;
    for (std::size_t i : words)
        terms.emplace_back(plan.words.at(i).term);
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                               static_cast<Xapian::termcount>(terms.size()));
    const std::string key = phrase.serialise();
    if (auto kept = index.filter_cache().find(key)) return kept;
    auto docids =
        std::make_shared<const std::vector<Xapian::docid>>(xapian_matches(db, phrase, time_budget));
    index.filter_cache().keep(key, docids);
    return docids;
}

struct Ranked {
    double weight;
    std::uint64_t key; // FacetIndex::published(): 0 undated
    Xapian::docid docid;
};

// Whether a ranks before b (Xapian's msetcmp for the order; see the header).
bool ranks_before(FastMatchOrder order, const Ranked& a, const Ranked& b) {
    switch (order) {
    case FastMatchOrder::weight_then_newest:
        if (a.weight != b.weight) return a.weight > b.weight;
        if (a.key != b.key) return a.key > b.key;
        break;
    case FastMatchOrder::newest_then_weight:
    case FastMatchOrder::oldest_then_weight:
        if (a.key != b.key)
            return order == FastMatchOrder::newest_then_weight ? a.key > b.key : a.key < b.key;
        if (a.weight != b.weight) return a.weight > b.weight;
        break;
    case FastMatchOrder::none:
        break;
    }
    return a.docid < b.docid;
}

} // namespace

std::vector<Xapian::docid> xapian_matches(const Xapian::Database& db, const Xapian::Query& query,
                                          double time_budget) {
    Xapian::Enquire enquire(db);
    auto cursor = make_shard_cursor(db);
    enquire.set_query(track_shards(db, query, cursor));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    MatchRecorder recorder(cursor);
    enquire.add_matchspy(&recorder);
    if (time_budget > 0) enquire.set_time_limit(time_budget);
    const auto started = std::chrono::steady_clock::now();
    enquire.get_mset(0, 0, db.get_doccount());
    if (time_budget > 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >=
            time_budget)
        throw TimeBudgetExceeded{};
    std::vector<Xapian::docid> docids = recorder.docids();
    std::sort(docids.begin(), docids.end());
    return docids;
}

std::optional<FastMatchResult> fast_match(const Xapian::Database& db, FacetIndex& index,
                                          const FastMatchPlan& plan, const FastMatchPage& page) {
    if (plan.words.empty()) return std::nullopt;
    std::unique_ptr<Cursor> filter;
    if (plan.filter) {
        filter = compile(db, index, *plan.filter);
        if (!filter) return std::nullopt;
    }
    const std::vector<Xapian::termcount>& lengths = index.lengths();
    const std::vector<std::uint64_t>& published = index.published();

    // The words, rarest first (a TermCursor's estimate is its term frequency): the order
    // Xapian's AND adds their weights in.
    struct Weighed {
        std::unique_ptr<TermCursor> cursor;
        double term_weight;
    };
    std::vector<Weighed> words;
    for (const auto& word : plan.words)
        words.push_back({std::make_unique<TermCursor>(db, index, word.term), word.term_weight});
    std::stable_sort(words.begin(), words.end(), [](const Weighed& x, const Weighed& y) {
        return x.cursor->estimate() < y.cursor->estimate();
    });
    std::vector<const TermCursor*> weighed; // the cursors, in that order
    std::vector<double> term_weight;
    std::vector<std::unique_ptr<Cursor>> parts;
    for (auto& word : words) {
        weighed.push_back(word.cursor.get());
        term_weight.push_back(word.term_weight);
        parts.push_back(std::move(word.cursor));
    }
    if (filter) parts.push_back(std::move(filter));
    for (const auto& phrase : plan.phrases)
        parts.push_back(std::make_unique<ListCursor>(
            phrase_matches(db, index, plan, phrase, page.time_budget)));
    AndCursor all(std::move(parts));

    FastMatchResult result;
    const std::size_t keep = static_cast<std::size_t>(page.first) + page.size;
    auto worse_on_top = [&](const Ranked& a, const Ranked& b) {
        return ranks_before(page.order, a, b);
    };
    std::priority_queue<Ranked, std::vector<Ranked>, decltype(worse_on_top)> heap(worse_on_top);

    // BM25 as Xapian computes it, for the current match of the words' cursors and a length.
    auto weight_for = [&](double length) {
        const double normlen = std::max(length * plan.length_factor, min_normlen);
        const double length_part = k1 * (normlen * b + (1 - b));
        double weight = 0;
        for (std::size_t i = 0; i < weighed.size(); ++i) {
            const double wdf = weighed[i]->wdf();
            weight += term_weight[i] * (wdf / (length_part + wdf));
        }
        return weight;
    };

    using clock = std::chrono::steady_clock;
    const auto started = clock::now();
    std::size_t until_clock = 1024;
    for (; all.docid() != end_docid; all.next()) {
        const Xapian::docid did = all.docid();
        if (page.time_budget > 0 && --until_clock == 0) {
            until_clock = 1024;
            if (std::chrono::duration<double>(clock::now() - started).count() >= page.time_budget)
                throw TimeBudgetExceeded{};
        }
        ++result.total;
        if (page.record_matches) result.matches.push_back(did);
        if (keep == 0) continue;
        // Reading a match's length and published time are this loop's cache misses (arrays of
        // megabytes, read sparsely), so once the page is full neither is read for a match that
        // cannot enter it: in relevance order, a weight bounded by the lengths the document must
        // have is below the page's worst; in date order, its date is worse. The bound is a
        // weight computed for a smaller length, by the same operations, so it is never below
        // the weight (rounding is monotonic); only what could not rank is skipped.
        const bool full = heap.size() == keep;
        Ranked item{0, 0, did};
        if (page.order == FastMatchOrder::weight_then_newest) {
            if (full && did < lengths.size()) {
                Xapian::termcount least_length = 0; // a document is at least as long as a wdf
                for (const TermCursor* word : weighed)
                    least_length = std::max(least_length, word->wdf());
                if (weight_for(least_length) < heap.top().weight) continue;
            }
            item.weight = weight_for(did < lengths.size() ? lengths[did] : 0);
            if (full && item.weight < heap.top().weight) continue;
            item.key = did < published.size() ? published[did] : 0;
        } else {
            item.key = did < published.size() ? published[did] : 0;
            if (full &&
                (page.order == FastMatchOrder::newest_then_weight ? item.key < heap.top().key
                                                                  : item.key > heap.top().key))
                continue;
            item.weight = weight_for(did < lengths.size() ? lengths[did] : 0);
        }
        if (!full) {
            heap.push(item);
        } else if (ranks_before(page.order, item, heap.top())) {
            heap.pop();
            heap.push(item);
        }
    }

    std::vector<Ranked> ranked;
    ranked.reserve(heap.size());
    while (!heap.empty()) {
        ranked.push_back(heap.top());
        heap.pop();
    }
    std::reverse(ranked.begin(), ranked.end());
    for (std::size_t i = page.first; i < ranked.size(); ++i)
        result.hits.push_back({ranked[i].docid, ranked[i].weight});
    return result;
}

} // namespace dateline::query
