// Sources: one input file -> RawItems. They know formats and compression, nothing about meaning.
// The format is detected from the content first (see format.h: WARC, feeds, NITF, NewsML-G2,
// tar/zip archives, HTML), then from the file name, then from the first character. Every reader
// reports a bad item through SourceSink::reject as "FILE:RECORD: reason" and goes on. Inputs that
// cannot hold news are refused with the reason: empty files, binary data (images, executables,
// NUL-filled bytes), JSON Lines in UTF-16 or UTF-32.
#pragma once

#include "analyzers/article.h"
#include "indexer/inputs.h"
#include "indexer/raw_item.h"
#include "indexer/sources/format.h"

#include <cstdint>
#include <functional>
#include <libxml/tree.h>
#include <optional>
#include <string>

namespace dateline {

struct SourceOptions {
    std::size_t max_record_bytes =
        64u << 20;             // a longer JSON line, page, WARC record or XML document is rejected
    ExpansionLimits expansion; // compression bombs: per compressed input and archive member
    std::optional<Timestamp> fetched_at; // reference time for pages (else the file's mtime)
    // When set, read_source adds the bytes it reads from the input file (compressed, as on disk)
    // here as it goes, on the calling thread: progress within one large input. A .tar or .zip
    // file read by libarchive counts the bytes libarchive has read of it.
    std::uint64_t* bytes_read = nullptr;
};

struct SourceSink {
    std::function<void(RawItem&&)> item;
    std::function<void(const std::string& location, const std::string& reason)> reject;
    // An archive member that is not news (NotNews): skipped, not rejected. Empty: reject it.
    std::function<void(const std::string& location, const std::string& reason)> skip = {};
    // Something the input asked for and did not get, its items kept (an XML document's external
    // entities, DTD or XIncludes: never loaded). Empty: not said.
    std::function<void(const std::string& location, const std::string& message)> warn = {};

    // Says each of xml::refused_loads(doc) through `warn` for the input at `location`.
    void warn_refused_loads(const std::string& location, const xmlDoc* doc) const;
};

// An input that is clearly not news (binary data, a script; by name, for files found in a folder
// or an archive: README, source code, images...; see not_news.h). Named inputs are rejected with
// it; found ones may be skipped.
class NotNews : public InputError {
  public:
    using InputError::InputError;
};

// Reads every item of `input`. Problems with single records go to sink.reject and reading goes on;
// an input that cannot be read at all throws InputError (NotNews when it is clearly not news; a
// file found in a folder walk, InputFile::found, is also judged by its name).
void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink);

// Reads every item of a stream (e.g. bytes in memory): `name` is used for the format when the
// content does not tell, `origin` for RawItem::origin, `mtime` (Unix seconds, 0 = unknown) as the
// reference time unless options.fetched_at is set.
void read_stream(InputReader& in, const std::string& name, const std::string& origin,
                 std::int64_t mtime, const SourceOptions& options, const SourceSink& sink);

} // namespace dateline
