// Fuzz target body: a WARC file (plain; the InputReader would also inflate gzip members) through
// read_warc: record headers, lying or missing lengths, HTTP status lines and headers, chunked
// transfer encoding, resynchronization at the next "WARC/1." line. The record size limit is set
// below -max_len so the "record too long" path is reachable. Contract: bad records go to
// sink.reject, an unreadable input throws InputError, nothing else escapes. Run by fuzz_warc and
// replayed by the unit tests.
#pragma once

#include "indexer/inputs.h"
#include "indexer/sources/warc_reader.h"

#include <string>
#include <string_view>

namespace dateline::fuzz {

inline void warc_input(std::string_view bytes) {
    SourceOptions options;
    options.max_record_bytes = 4096; // below -max_len
    const ItemOrigin from{"fuzz.warc", std::nullopt};
    const SourceSink sink{[](RawItem&& item) { (void)item; },
                          [](const std::string&, const std::string&) {}};
    try {
        InputReader in(memory_source(std::string(bytes)));
        read_warc(in, from, options, sink);
    } catch (const InputError&) {
    }
}

} // namespace dateline::fuzz
