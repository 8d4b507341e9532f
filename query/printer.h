// Output: one Printer interface, one implementation per --format. Commands never branch on the
// format; they drive a Printer (render() for a search, stats() for --stats). Shapes of every
// format are documented in query/OUTPUT.md; output_schema_version is bumped when they change.
#pragma once

#include "measure/measure.h"
#include "search.h"
#include "stats.h"

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string_view>

namespace dateline::query {

inline constexpr int output_schema_version = 1;

enum class Format { table, json, jsonl, csv };
Format parse_format(std::string_view name); // throws UsageError
const char* format_name(Format format);

struct PrintOptions {
    bool color = false;      // ANSI colour and bold highlights (table only)
    std::size_t width = 100; // terminal columns (table only)
};

class Printer {
  public:
    virtual ~Printer() = default;
    virtual void begin(const SearchResult& result) = 0; // before the first hit
    virtual void hit(const Hit& hit) = 0;               // each hit, in rank order
    virtual void facet(const FacetResult& facet) = 0;   // each facet, in request order
    virtual void end(const SearchResult& result) = 0;   // after the last facet
    virtual void stats(const DbStats& stats) = 0;       // --stats, instead of a search
    // --timeline, instead of begin..end: the date facet of a search as one row per bucket.
    virtual void timeline(const SearchResult& result, const FacetResult& dates) = 0;
    // A measurement (--timeline --normalize, --compare, --cooccur, --significant, --trending),
    // instead of a search.
    virtual void measure(const MeasureResult& result) = 0;
};

std::unique_ptr<Printer> make_printer(Format format, std::ostream& out,
                                      const PrintOptions& options = {});

// begin, every hit, every facet, end.
void render(const SearchResult& result, Printer& printer);

// printer.timeline() with the result's date facet (an empty one when it has none).
void render_timeline(const SearchResult& result, Printer& printer);

} // namespace dateline::query
