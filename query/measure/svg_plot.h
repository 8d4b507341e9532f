// --plot FILE.svg: a timeline, a comparison or a trending result as a standalone SVG chart
// (axes, dated ticks, labels, a legend; black text on white, 12-14 px type, legible in print).
//   timeline, compare  one line per query over the buckets, a point per bucket; the y axis is
//                      the share of the scope's articles (ratio, in %) when `ratios`, else the
//                      count. Every point is a <circle class="point"> carrying the numbers of
//                      the JSON: data-series (index), data-bucket, data-count, data-total,
//                      data-ratio, with a <title> for hover.
//   trending           one horizontal bar per item, length the z-score: <rect class="bar">
//                      with data-label, data-kind, data-window, data-baseline, data-z.
// Throws UsageError for the analyses that are not charts (cooccur, significant).
#pragma once

#include "measure.h"

#include <string>

namespace dateline::query {

std::string plot_svg(const MeasureResult& result, bool ratios);

// Writes plot_svg() to `path`; throws UsageError naming it when it cannot be written.
void write_plot_file(const std::string& path, const MeasureResult& result, bool ratios);

} // namespace dateline::query
