#include "svg_plot.h"

#include "../errors.h"
#include "../text_width.h"
#include "xml_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dateline::query {

namespace {

constexpr const char* palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                   "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

// Numbers as the JSON prints them (shortest round-trip form).
std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    // Shorter when exact: try fewer digits.
    for (int digits = 1; digits < 17; ++digits) {
        char shorter[40];
        std::snprintf(shorter, sizeof shorter, "%.*g", digits, v);
        if (std::strtod(shorter, nullptr) == v) return shorter;
    }
    return buf;
}

std::string px(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A "nice" tick step (1, 2 or 5 times a power of ten) for about `ticks` ticks up to `top`.
double nice_step(double top, int ticks) {
    if (top <= 0) return 1;
    const double raw = top / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power) return m * power;
    return 10 * power;
}

std::string tick_text(double v, bool percent) {
    char buf[32];
    if (percent)
        std::snprintf(buf, sizeof buf, "%g%%", v);
    else
        std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string header(double width, double height, const std::string& title) {
    std::ostringstream s;
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << ' ' << height
      << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      << "<text x=\"" << width / 2 << "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" "
      << "font-weight=\"bold\">" << xml_escape(title) << "</text>\n";
    return s.str();
}

std::string series_name(const Series& s) {
    return s.query.empty() ? "all articles" : s.query;
}

std::string plot_timeline(const MeasureResult& r, bool ratios) {
    const Timeline& t = r.timeline;
    const double width = 860, left = 72, right = 24, top = 48;
    // The legend's entries, laid out first: they decide the height.
    struct Entry {
        std::string text;
        double x, y;
    };
    std::vector<Entry> legend;
    double lx = left, rows = 1;
    for (const auto& series : t.series) {
        std::string text =
            truncate_to_width(series_name(series), 40) + " (" + std::to_string(series.total) + ")";
        const double w = 30 + 7.0 * static_cast<double>(display_width(text));
        if (lx > left && lx + w > width - right) lx = left, ++rows;
        legend.push_back({std::move(text), lx, rows});
        lx += w;
    }
    const double bottom = 56 + 16 * rows, height = 348 + bottom;
    for (auto& e : legend)
        e.y = height - bottom + 40 + 16 * e.y;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    double top_value = 0;
    for (const auto& s : t.series)
        for (std::size_t i = 0; i < s.counts.size(); ++i)
            top_value = std::max(top_value, ratios ? 100 * ratio_of(s.counts[i], t.totals[i])
                                                   : static_cast<double>(s.counts[i]));
    const double step = nice_step(top_value, 5);
    const double axis_top = std::max(step, std::ceil(top_value / step) * step);
    const std::size_t n = t.labels.size();
    auto x_of = [&](std::size_t i) {
        return left +
               (n <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1));
    };
    auto y_of = [&](double v) { return top + plot_h - plot_h * v / axis_top; };

    std::string title = r.analysis == Analysis::compare ? "Comparison" : "Timeline";
    title += ratios ? ": share of articles per " + t.bucket : ": articles per " + t.bucket;
    if (!r.filters.empty()) {
        std::string scope;
        for (const auto& f : r.filters)
            scope += (scope.empty() ? "" : ", ") + f;
        title += " (" + scope + ")";
    }
    std::ostringstream s;
    s << header(width, height, title);
    // Grid and y axis.
    s << "<g class=\"y-axis\" stroke=\"#cccccc\">\n";
    for (double v = 0; v <= axis_top + step / 2; v += step)
        s << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << px(y_of(v))
          << "\" y2=\"" << px(y_of(v)) << "\"/><text x=\"" << left - 6 << "\" y=\""
          << px(y_of(v) + 4) << "\" text-anchor=\"end\" stroke=\"none\" fill=\"#000000\">"
          << tick_text(v, ratios) << "</text>\n";
    s << "</g>\n";
    s << "<text transform=\"translate(16," << top + plot_h / 2
      << ") rotate(-90)\" text-anchor=\"middle\">"
      << (ratios ? "share of the articles in scope" : "matching articles") << "</text>\n";
    // X axis: at most about 12 dated ticks.
    s << "<g class=\"x-axis\"><line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\""
      << top + plot_h << "\" y2=\"" << top + plot_h << "\" stroke=\"#000000\"/>\n";
    const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
    for (std::size_t i = 0; i < n; i += every)
        s << "<line x1=\"" << px(x_of(i)) << "\" x2=\"" << px(x_of(i)) << "\" y1=\"" << top + plot_h
          << "\" y2=\"" << top + plot_h + 5 << "\" stroke=\"#000000\"/><text x=\"" << px(x_of(i))
          << "\" y=\"" << top + plot_h + 18 << "\" text-anchor=\"middle\">"
          << xml_escape(t.labels[i]) << "</text>\n";
    s << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << top + plot_h + 36
      << "\" text-anchor=\"middle\">" << t.bucket << "</text></g>\n";
    // One line and its points per series.
    for (std::size_t k = 0; k < t.series.size(); ++k) {
        const Series& series = t.series[k];
        const char* colour = palette[k % std::size(palette)];
        s << "<g class=\"series\" data-series=\"" << k << "\" data-query=\""
          << xml_escape(series.query) << "\">\n<polyline fill=\"none\" stroke=\"" << colour
          << "\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < n; ++i) {
            const double v = ratios ? 100 * ratio_of(series.counts[i], t.totals[i])
                                    : static_cast<double>(series.counts[i]);
            s << (i ? " " : "") << px(x_of(i)) << ',' << px(y_of(v));
        }
        s << "\"/>\n";
        for (std::size_t i = 0; i < n; ++i) {
            const double ratio = ratio_of(series.counts[i], t.totals[i]);
            const double v = ratios ? 100 * ratio : static_cast<double>(series.counts[i]);
            s << "<circle class=\"point\" cx=\"" << px(x_of(i)) << "\" cy=\"" << px(y_of(v))
              << "\" r=\"3\" fill=\"" << colour << "\" data-series=\"" << k << "\" data-bucket=\""
              << xml_escape(t.labels[i]) << "\" data-count=\"" << series.counts[i]
              << "\" data-total=\"" << t.totals[i] << "\" data-ratio=\"" << num(ratio)
              << "\"><title>" << xml_escape(series_name(series)) << ", " << xml_escape(t.labels[i])
              << ": " << series.counts[i] << " of " << t.totals[i] << "</title></circle>\n";
        }
        s << "</g>\n";
    }
    // Legend, under the axis label, in as many rows as it takes.
    s << "<g class=\"legend\">\n";
    for (std::size_t k = 0; k < t.series.size(); ++k)
        s << "<rect x=\"" << px(legend[k].x) << "\" y=\"" << px(legend[k].y - 6)
          << "\" width=\"14\" height=\"4\" fill=\"" << palette[k % std::size(palette)]
          << "\"/><text x=\"" << px(legend[k].x + 18) << "\" y=\"" << px(legend[k].y) << "\">"
          << xml_escape(legend[k].text) << "</text>\n";
    s << "</g>\n</svg>\n";
    return s.str();
}

std::string plot_trending(const MeasureResult& r) {
    const double row = 24, left = 280, right = 90, top = 48, bottom = 44, width = 860;
    const double height =
        top + bottom + row * static_cast<double>(std::max<std::size_t>(1, r.trending.size()));
    const double plot_w = width - left - right;
    double top_z = 0;
    for (const auto& item : r.trending)
        top_z = std::max(top_z, item.z);
    const double step = nice_step(top_z, 5);
    const double axis_top = std::max(step, std::ceil(top_z / step) * step);
    auto x_of = [&](double z) { return left + plot_w * z / axis_top; };
    std::ostringstream s;
    s << header(width, height,
                "Rising: the latest " + std::to_string((r.window.end - r.window.start) / 86400) +
                    " days against the " +
                    std::to_string((r.baseline.end - r.baseline.start) / 86400) +
                    " before (z-score)");
    const double axis_y = top + row * static_cast<double>(r.trending.size());
    s << "<g class=\"x-axis\" stroke=\"#cccccc\">\n";
    for (double v = 0; v <= axis_top + step / 2; v += step)
        s << "<line x1=\"" << px(x_of(v)) << "\" x2=\"" << px(x_of(v)) << "\" y1=\"" << top
          << "\" y2=\"" << px(axis_y) << "\"/><text x=\"" << px(x_of(v)) << "\" y=\""
          << px(axis_y + 16) << "\" text-anchor=\"middle\" stroke=\"none\" fill=\"#000000\">"
          << tick_text(v, false) << "</text>\n";
    s << "</g>\n<text x=\"" << left + plot_w / 2 << "\" y=\"" << height - 8
      << "\" text-anchor=\"middle\">z-score (two-proportion test); articles in window / "
         "baseline at the right</text>\n";
    const char* colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#7f7f7f"};
    auto colour_of = [&](const std::string& kind) {
        return kind == "person"         ? colours[0]
               : kind == "organization" ? colours[1]
               : kind == "place"        ? colours[2]
                                        : colours[3];
    };
    for (std::size_t i = 0; i < r.trending.size(); ++i) {
        const TrendItem& item = r.trending[i];
        const double y = top + row * static_cast<double>(i);
        s << "<text x=\"" << left - 8 << "\" y=\"" << px(y + 16) << "\" text-anchor=\"end\">"
          << xml_escape(truncate_to_width(item.label, 28)) << " <tspan fill=\"#555555\">("
          << item.kind << ")</tspan></text>\n<rect class=\"bar\" x=\"" << left << "\" y=\""
          << px(y + 4) << "\" width=\"" << px(std::max(1.0, x_of(item.z) - left)) << "\" height=\""
          << row - 8 << "\" fill=\"" << colour_of(item.kind) << "\" data-label=\""
          << xml_escape(item.label) << "\" data-kind=\"" << item.kind << "\" data-window=\""
          << item.window << "\" data-baseline=\"" << item.baseline << "\" data-z=\"" << num(item.z)
          << "\"><title>" << xml_escape(item.label) << ": " << item.window << " in the window, "
          << item.baseline << " in the baseline</title></rect>\n<text x=\"" << px(x_of(item.z) + 6)
          << "\" y=\"" << px(y + 16) << "\">" << item.window << " / " << item.baseline
          << "</text>\n";
    }
    s << "</svg>\n";
    return s.str();
}

} // namespace

std::string plot_svg(const MeasureResult& result, bool ratios) {
    switch (result.analysis) {
    case Analysis::timeline:
    case Analysis::compare:
        return plot_timeline(result, ratios);
    case Analysis::trending:
        return plot_trending(result);
    default:
        break;
    }
    throw UsageError("--plot draws a --timeline, a --compare or a --trending result");
}

void write_plot_file(const std::string& path, const MeasureResult& result, bool ratios) {
    const std::string svg = plot_svg(result, ratios);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError("cannot write " + path);
    out << svg;
    out.flush();
    if (!out) throw UsageError("cannot write " + path);
}

} // namespace dateline::query
