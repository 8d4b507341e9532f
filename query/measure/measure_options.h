// What a measurement asks for (query/measure/measure.h): part of every SearchRequest, set through
// the one option table (request_options.h) by the command line, --batch lines and the server.
// A request measures when wants_measure() is true; which analysis it runs is chosen by
// analysis_of(): at most one of compare, cooccur, significant, trending; a timeline otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dateline::query {

enum class Analysis { none, timeline, compare, cooccur, significant, trending };

struct MeasureOptions {
    bool timeline = false;              // --timeline (measured only with normalize)
    bool normalize = false;             // --normalize: each bucket's count against its scope
    std::vector<std::string> compare;   // --compare Q (up to max_compare)
    bool cooccur = false;               // --cooccur (--facet-type narrows the entity type)
    std::string significant;            // --significant terms|tags ("" = not asked)
    bool trending = false;              // --trending
    std::int64_t window = 7 * 86400;    // --window: the latest period, seconds
    std::int64_t baseline = 56 * 86400; // --baseline: the period before it, seconds
    std::size_t min_count = 3;          // items seen fewer times among the matches are left out
    std::size_t edges = 100;            // --network: the heaviest edges kept
};

inline constexpr std::size_t max_compare = 10;

// The analysis the options ask for; Analysis::none when they ask for none (a timeline without
// --normalize is a plain search's date facet). Throws UsageError when two are asked for.
Analysis analysis_of(const MeasureOptions& options);
const char* analysis_name(Analysis analysis);

} // namespace dateline::query
