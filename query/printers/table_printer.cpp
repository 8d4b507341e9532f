// --format table: an aligned, human-readable table (UTF-8 aware widths), hits with snippets, then
// each facet as a small table. ANSI colour and bold highlights only when PrintOptions::color.
#include "../text_width.h"
#include "analyzers/dates.h"
#include "analyzers/text.h"
#include "printers.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace dateline::query {

namespace {

constexpr const char* bold = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* highlight = "\x1b[1;33m";
constexpr const char* reset = "\x1b[0m";
// Zero-width placeholders for highlights while wrapping (control characters have no width).
constexpr std::string_view mark_on = "\x01";
constexpr std::string_view mark_off = "\x02";

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string score_text(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", score);
    return buf;
}

class TablePrinter final : public Printer {
  public:
    TablePrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), options_(options), width_(std::max<std::size_t>(options.width, 40)) {}

    void begin(const SearchResult&) override {
        hits_.clear();
        facets_.clear();
    }

    // Hits and facets are kept until end(): column widths depend on all of them.
    void hit(const Hit& h) override { hits_.push_back(h); }
    void facet(const FacetResult& f) override { facets_.push_back(f); }

    void end(const SearchResult& r) override {
        print_header(r);
        if (!hits_.empty()) print_hits();
        for (const auto& f : facets_)
            print_facet(f);
        out_.flush();
    }

    // The header line, then the date histogram with its bars (as the date facet is shown).
    void timeline(const SearchResult& r, const FacetResult& dates) override {
        hits_.clear();
        print_header(r);
        if (r.total > 0) print_facet(dates);
        out_.flush();
    }

    // A header line, then a table per analysis; timelines keep their bars (of the ratio).
    void measure(const MeasureResult& m) override {
        const Timeline& t = m.timeline;
        const std::string what = m.query.empty() ? "all articles" : "\"" + m.query + "\"";
        std::string scope;
        for (const auto& f : m.filters)
            scope += (scope.empty() ? " within " : ", ") + f;
        switch (m.analysis) {
        case Analysis::timeline: {
            out_ << style(bold) << what << style(reset) << ": " << with_commas(m.total)
                 << " matches of " << with_commas(t.scope_total) << " articles" << scope << ", by "
                 << t.bucket << '\n';
            std::vector<std::vector<std::string>> rows;
            std::vector<double> bars;
            for (std::size_t i = 0; i < t.labels.size(); ++i) {
                const double ratio = ratio_of(t.series[0].counts[i], t.totals[i]);
                rows.push_back({t.labels[i], with_commas(t.series[0].counts[i]),
                                with_commas(t.totals[i]), percent(ratio)});
                bars.push_back(ratio);
            }
            print_table({"bucket", "count", "total", "share"}, rows, bars);
            break;
        }
        case Analysis::compare: {
            out_ << style(bold) << "Comparison" << style(reset) << " of " << t.series.size()
                 << " queries" << scope << ", by " << t.bucket << '\n';
            std::vector<std::string> head{"bucket", "total"};
            for (std::size_t k = 0; k < t.series.size(); ++k)
                head.push_back("#" + std::to_string(k + 1));
            std::vector<std::vector<std::string>> rows;
            for (std::size_t i = 0; i < t.labels.size(); ++i) {
                std::vector<std::string> r{t.labels[i], with_commas(t.totals[i])};
                for (const auto& series : t.series)
                    r.push_back(with_commas(series.counts[i]) + " " +
                                percent(ratio_of(series.counts[i], t.totals[i])));
                rows.push_back(std::move(r));
            }
            print_table(head, rows, {});
            out_ << '\n';
            for (std::size_t k = 0; k < t.series.size(); ++k)
                out_ << "  #" << k + 1 << "  "
                     << (t.series[k].query.empty() ? "all articles" : t.series[k].query) << ": "
                     << with_commas(t.series[k].total) << " matches\n";
            for (const auto& o : t.overlaps)
                out_ << "  #" << o.a + 1 << " and #" << o.b + 1 << " share "
                     << with_commas(o.shared) << '\n';
            break;
        }
        case Analysis::cooccur: {
            out_ << style(bold) << what << style(reset) << ": " << with_commas(m.total)
                 << " matches; entities by lift (share among the matches / share of the "
                 << with_commas(m.archive) << " articles; ranked by the lift of the count's 95% "
                 << "low end)\n";
            std::vector<std::vector<std::string>> rows;
            for (const auto& e : m.entities)
                rows.push_back({e.label, e.type, with_commas(e.count), percent(e.share),
                                with_commas(e.archive), fixed(e.lift, 1)});
            print_table({"entity", "type", "count", "share", "archive", "lift"}, rows, {});
            break;
        }
        case Analysis::significant: {
            out_ << style(bold) << what << style(reset) << ": " << with_commas(m.total)
                 << " matches; distinctive " << m.kind << " by log-likelihood G²";
            out_ << '\n';
            std::vector<std::vector<std::string>> rows;
            for (const auto& i : m.significant)
                rows.push_back({i.label, with_commas(i.count), percent(ratio_of(i.count, m.total)),
                                with_commas(i.archive), percent(ratio_of(i.archive, m.archive)),
                                fixed(i.score, 1)});
            print_table({m.kind == "tags" ? "tag" : "word", "count", "share", "archive",
                         "archive share", "G²"},
                        rows, {});
            break;
        }
        case Analysis::trending: {
            out_ << style(bold) << what << style(reset) << ": rising in " << iso_day(m.window.start)
                 << " to " << iso_day(m.window.end - 86400) << " ("
                 << with_commas(m.window.documents) << " articles) against the "
                 << with_commas(m.baseline.documents) << " before; two-proportion z\n";
            std::vector<std::vector<std::string>> rows;
            for (const auto& i : m.trending)
                rows.push_back({i.label, i.kind, with_commas(i.window), with_commas(i.baseline),
                                fixed(i.z, 2)});
            print_table({"item", "kind", "window", "baseline", "z"}, rows, {});
            break;
        }
        case Analysis::none:
            break;
        }
        out_.flush();
    }

    void stats(const DbStats& s) override {
        auto line = [&](std::string_view key, const std::string& value) {
            out_ << style(bold) << pad_right(key, 12) << style(reset) << value << '\n';
        };
        line("Database", s.path);
        line("Articles", with_commas(s.articles));
        line("Schema", "version " + std::to_string(s.schema_version));
        if (s.oldest || s.newest)
            line("Dates", s.oldest.value_or("?") + " – " + s.newest.value_or("?"));
        std::string languages;
        for (const auto& l : s.languages)
            languages += (languages.empty() ? "" : ", ") + l.value + " " + with_commas(l.count);
        line("Languages", languages.empty() ? "-" : languages);
        if (!s.analyzer_settings.empty()) line("Analyzers", s.analyzer_settings);
        section("Sources (" + std::to_string(s.sources.size()) + ")", s.sources, true);
        section("Top tags (" + std::to_string(s.tags.size()) + " of " +
                    with_commas(s.distinct_tags) + ")",
                s.tags, false);
    }

  private:
    std::string style(const char* code) const { return options_.color ? code : ""; }

    static std::string iso_day(std::int64_t seconds) {
        return dates::format_iso(Timestamp{seconds, Timestamp::Precision::day});
    }
    static std::string percent(double ratio) { return fixed(100 * ratio, 1) + "%"; }
    static std::string fixed(double v, int digits) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.*f", digits, v);
        return buf;
    }

    // Columns: the first left-aligned, the others right-aligned; with `bars` (one value per row)
    // a bar of each row's share of the largest value after the last column.
    void print_table(const std::vector<std::string>& head,
                     const std::vector<std::vector<std::string>>& rows,
                     const std::vector<double>& bars) {
        if (rows.empty()) {
            out_ << "  (none)\n";
            return;
        }
        std::vector<std::size_t> widths(head.size(), 0);
        for (std::size_t c = 0; c < head.size(); ++c)
            widths[c] = display_width(head[c]);
        for (const auto& r : rows)
            for (std::size_t c = 0; c < r.size() && c < widths.size(); ++c)
                widths[c] = std::max(widths[c], display_width(r[c]));
        widths[0] = std::min<std::size_t>(widths[0], width_ / 3);
        auto line = [&](const std::vector<std::string>& cells) {
            std::string text = "  ";
            for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
                text += (c ? "  " : "") +
                        (c == 0 ? pad_right(truncate_to_width(cells[c], widths[0]), widths[0])
                                : pad_left(cells[c], widths[c]));
            return text;
        };
        out_ << style(dim) << line(head) << style(reset) << '\n';
        double most = 0;
        for (double b : bars)
            most = std::max(most, b);
        std::size_t used = 2;
        for (auto w : widths)
            used += w + 2;
        const std::size_t bar_w = std::min<std::size_t>(40, width_ > used + 2 ? width_ - used : 0);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out_ << line(rows[i]);
            if (i < bars.size() && most > 0 && bars[i] > 0) {
                const auto n = std::max<std::size_t>(
                    1, static_cast<std::size_t>(static_cast<double>(bar_w) * bars[i] / most));
                out_ << "  ";
                for (std::size_t k = 0; k < n; ++k)
                    out_ << "█";
            }
            out_ << '\n';
        }
    }

    void print_header(const SearchResult& r) {
        if (r.auto_corrected && r.suggestion) {
            out_ << "Showing results for " << style(bold) << *r.suggestion << style(reset)
                 << " (auto-corrected from \"" << r.query << "\")\n";
        }
        const std::string& shown = r.auto_corrected && r.suggestion ? *r.suggestion : r.query;
        std::string what = shown.empty() ? "all articles" : "\"" + shown + "\"";
        if (r.total == 0) {
            out_ << "No matches for " << what << ".\n";
        } else {
            out_ << style(bold) << what << style(reset) << ": " << (r.total_exact ? "" : "about ")
                 << with_commas(r.total) << (r.total == 1 ? " match" : " matches");
            if (!hits_.empty())
                out_ << ", " << hits_.front().rank << "–" << hits_.back().rank << " shown";
            out_ << (r.sort == SortOrder::relevance ? ", by relevance"
                     : r.sort == SortOrder::newest  ? ", by date, newest first"
                                                    : ", by date, oldest first")
                 << '\n';
        }
        if (r.suggestion && !r.auto_corrected)
            out_ << "Did you mean: " << style(bold) << *r.suggestion << style(reset) << style(dim)
                 << "  (--auto-correct to search it)" << style(reset) << '\n';
        if (!r.stopwords.empty()) {
            std::string words;
            for (const auto& w : r.stopwords)
                words += (words.empty() ? "" : ", ") + w;
            out_ << style(dim) << "ignored stopwords: " << words << style(reset) << '\n';
        }
    }

    void print_hits() {
        std::size_t rank_w = 1, source_w = 6, date_w = 10, score_w = 5;
        for (const auto& h : hits_) {
            rank_w = std::max(rank_w, std::to_string(h.rank).size());
            source_w = std::max(source_w, display_width(h.source));
            score_w = std::max(score_w, score_text(h.score).size());
        }
        source_w = std::min<std::size_t>(source_w, 20);
        const std::size_t fixed = rank_w + 2 + date_w + 2 + source_w + 2 + 2 + score_w;
        const std::size_t title_w = width_ > fixed + 10 ? width_ - fixed : 10;
        const std::size_t indent_w = rank_w + 2;
        const std::string indent(indent_w, ' ');
        const std::size_t text_w = width_ > indent_w + 20 ? width_ - indent_w : 20;

        out_ << '\n'
             << style(dim) << pad_left("#", rank_w) << "  " << pad_right("published", date_w)
             << "  " << pad_right("source", source_w) << "  " << pad_right("title", title_w) << "  "
             << pad_left("score", score_w) << style(reset) << '\n';
        for (const auto& h : hits_) {
            std::string date = h.published ? h.published->substr(0, 10) : "";
            std::string title = h.title.empty() ? "(untitled)" : h.title;
            out_ << pad_left(std::to_string(h.rank), rank_w) << "  " << pad_right(date, date_w)
                 << "  " << pad_right(truncate_to_width(h.source, source_w), source_w) << "  "
                 << style(bold) << pad_right(truncate_to_width(title, title_w), title_w)
                 << style(reset) << "  " << pad_left(score_text(h.score), score_w) << '\n';
            if (!h.snippet.empty()) {
                std::string text = wrap(h.snippet.render(mark_on, mark_off, false), text_w, indent);
                out_ << highlight_marks(text) << '\n';
            }
            if (!h.url.empty())
                out_ << indent << style(dim) << truncate_to_width(h.url, text_w) << style(reset)
                     << '\n';
            if (!h.copies.empty()) {
                std::string also = "+" + std::to_string(h.copies.size()) + " more of this story: ";
                for (std::size_t i = 0; i < h.copies.size(); ++i)
                    also += (i ? ", " : "") + h.copies[i].source;
                out_ << indent << truncate_to_width(also, text_w) << '\n';
            }
        }
    }

    // Replaces the placeholders by ANSI codes, or drops them without colour.
    std::string highlight_marks(const std::string& text) const {
        std::string out;
        for (char c : text) {
            if (c == mark_on[0])
                out += style(highlight);
            else if (c == mark_off[0])
                out += style(reset);
            else
                out += c;
        }
        return out;
    }

    void print_facet(const FacetResult& f) {
        out_ << '\n' << style(bold) << f.name << style(reset);
        std::vector<std::string> notes;
        if (!f.bucket.empty()) notes.push_back("by " + f.bucket);
        if (f.bucket.empty())
            notes.push_back(with_commas(f.values.size()) + " of " + with_commas(f.distinct) +
                            " values");
        if (f.missing > 0) notes.push_back(with_commas(f.missing) + " without");
        if (!notes.empty()) {
            out_ << style(dim) << " (";
            for (std::size_t i = 0; i < notes.size(); ++i)
                out_ << (i ? "; " : "") << notes[i];
            out_ << ")" << style(reset);
        }
        out_ << '\n';
        if (f.values.empty()) {
            out_ << "  (none)\n";
            return;
        }
        std::size_t label_w = 0, count_w = 0;
        Xapian::doccount max_count = 0;
        for (const auto& v : f.values) {
            label_w = std::max(label_w, display_width(display(f, v)));
            count_w = std::max(count_w, with_commas(v.count).size());
            max_count = std::max(max_count, v.count);
        }
        label_w = std::min<std::size_t>(label_w, width_ / 2);
        const bool bars = !f.bucket.empty();
        const std::size_t bar_w =
            width_ > label_w + count_w + 8 ? width_ - label_w - count_w - 8 : 0;
        for (const auto& v : f.values) {
            out_ << "  " << pad_right(truncate_to_width(display(f, v), label_w), label_w) << "  "
                 << pad_left(with_commas(v.count), count_w);
            if (bars && max_count > 0 && v.count > 0) {
                std::size_t n = std::max<std::size_t>(
                    1, static_cast<std::size_t>(std::min<std::size_t>(bar_w, 40)) * v.count /
                           max_count);
                out_ << "  ";
                for (std::size_t i = 0; i < n; ++i)
                    out_ << "█";
            }
            out_ << '\n';
        }
    }

    // The label, with the value after it when the value is not just the label in lower case
    // (source ids: "Agence France-Presse (agence-france-presse)").
    static std::string display(const FacetResult&, const FacetValue& v) {
        if (v.label.empty()) return v.value;
        if (v.label == v.value || text::fold_case(v.label) == v.value) return v.label;
        return v.label + " (" + v.value + ")";
    }

    void section(const std::string& title, const std::vector<FacetValue>& values, bool show_value) {
        out_ << '\n' << style(bold) << title << style(reset) << '\n';
        std::size_t label_w = 0, count_w = 0;
        auto text = [&](const FacetValue& v) {
            return show_value && v.label != v.value ? v.label + " (" + v.value + ")" : v.label;
        };
        for (const auto& v : values) {
            label_w = std::max(label_w, display_width(text(v)));
            count_w = std::max(count_w, with_commas(v.count).size());
        }
        label_w = std::min<std::size_t>(label_w, width_ / 2);
        for (const auto& v : values)
            out_ << "  " << pad_right(truncate_to_width(text(v), label_w), label_w) << "  "
                 << pad_left(with_commas(v.count), count_w) << '\n';
    }

    std::ostream& out_;
    PrintOptions options_;
    std::size_t width_;
    std::vector<Hit> hits_;
    std::vector<FacetResult> facets_;
};

} // namespace

std::unique_ptr<Printer> make_table_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<TablePrinter>(out, options);
}

} // namespace dateline::query
