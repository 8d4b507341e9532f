// Test helper for the source readers: runs a reader and keeps what it produced and rejected.
#pragma once

#include "indexer/inputs.h"
#include "indexer/sources/source.h"

#include <string>
#include <vector>

namespace dateline::testing {

struct Collected {
    std::vector<RawItem> items;
    std::vector<std::string> rejects; // "LOCATION: reason"
    const Article& article(std::size_t i) const { return *items.at(i).article; }
};

inline SourceSink sink_for(Collected& c) {
    return SourceSink{
        [&](RawItem&& item) { c.items.push_back(std::move(item)); },
        [&](const std::string& l, const std::string& r) { c.rejects.push_back(l + ": " + r); }};
}

// Reads bytes held in memory as if they were a file called `name`.
inline Collected read_bytes(std::string bytes, const std::string& name) {
    Collected c;
    InputReader in(memory_source(std::move(bytes)));
    read_stream(in, name, name, 0, SourceOptions{}, sink_for(c));
    return c;
}

inline Collected read_file(const std::string& path) {
    Collected c;
    read_source(InputFile{path, 0, 0}, SourceOptions{}, sink_for(c));
    return c;
}

} // namespace dateline::testing
