// Fuzz target body: JSON Lines input through the source path (InputReader, line splitting and the
// record length limit; compressed input is skipped) and every record through article_from_record,
// with a field map that concatenates inputs the way `--field` does. Contract: the reader throws
// only InputError, a record only RecordError. Run by fuzz_jsonl and replayed by the unit tests.
#pragma once

#include "indexer/inputs.h"
#include "indexer/json_record.h"
#include "indexer/sources/source.h"

#include <string>
#include <string_view>

namespace dateline::fuzz {

inline void jsonl_input(std::string_view bytes) {
    static const FieldMap fields = [] {
        FieldMap f;
        f.set("body=dateline,body");
        f.set("tags=tags,topics,places");
        f.set("authors=authors,byline");
        return f;
    }();
    SourceOptions options;
    options.max_record_bytes = 4096; // below -max_len: the "line too long" path is reachable
    try {
        InputReader in(memory_source(std::string(bytes)));
        // Compressed input is left out: zlib and libarchive are not instrumented, so the fuzzer
        // would mutate blindly while each try allocates megabytes of decoder state. Content
        // that is not JSON Lines (WARC, XML, archives) belongs to other targets.
        if (!in.compression().empty()) return;
        if (detect_format(in.peek(sniff_bytes), "fuzz.jsonl") != Format::jsonl) return;
        SourceSink sink{[&](RawItem&& item) {
                            try {
                                Article a = article_from_record(item.content, fields);
                                (void)a;
                            } catch (const RecordError&) {
                            }
                        },
                        [](const std::string&, const std::string&) {}};
        read_stream(in, "fuzz.jsonl", "fuzz.jsonl", 0, options, sink);
    } catch (const InputError&) {
    }
}

} // namespace dateline::fuzz
