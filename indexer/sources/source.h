// Sources: one input file -> RawItems. They know formats and compression, nothing about meaning.
// The format is detected from the content first (see format.h: WARC, feeds, NITF, NewsML-G2,
// tar/zip archives, HTML), then from the file name, then from the first character. Every reader
// reports a bad item through SourceSink::reject as "FILE:RECORD: reason" and goes on.
#pragma once

#include "analyzers/article.h"
#include "indexer/inputs.h"
#include "indexer/raw_item.h"
#include "indexer/sources/format.h"

#include <functional>
#include <optional>
#include <string>

namespace dateline {

struct SourceOptions {
    std::size_t max_record_bytes =
        64u << 20; // a longer JSON line, page, WARC record or XML document is rejected
    std::optional<Timestamp> fetched_at; // reference time for pages (else the file's mtime)
};

struct SourceSink {
    std::function<void(RawItem&&)> item;
    std::function<void(const std::string& location, const std::string& reason)> reject;
};

// Reads every item of `input`. Problems with single records go to sink.reject and reading goes on;
// an input that cannot be read at all throws InputError.
void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink);

// Reads every item of a stream (e.g. bytes in memory): `name` is used for the format when the
// content does not tell, `origin` for RawItem::origin, `mtime` (Unix seconds, 0 = unknown) as the
// reference time unless options.fetched_at is set.
void read_stream(InputReader& in, const std::string& name, const std::string& origin,
                 std::int64_t mtime, const SourceOptions& options, const SourceSink& sink);

} // namespace dateline
