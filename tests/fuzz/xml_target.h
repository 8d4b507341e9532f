// Fuzz target body: the structured XML readers. The content sniffer (sniff_format) picks the
// reader the indexer would pick: RSS/Atom -> read_feed, NITF -> read_nitf, NewsML-G2 ->
// read_newsml. Content it does not recognize reaches a reader by its file name in the indexer
// (x.rss, x.nitf, x.newsml): here the input's size modulo 3 chooses one, so malformed documents
// reach every reader. Contract: bad items go to sink.reject, a bad document throws InputError,
// nothing else escapes. Run by fuzz_xml and replayed by the unit tests.
#pragma once

#include "indexer/inputs.h"
#include "indexer/sources/feed_reader.h"
#include "indexer/sources/format.h"
#include "indexer/sources/newsml_reader.h"
#include "indexer/sources/nitf_reader.h"

#include <string>
#include <string_view>

namespace dateline::fuzz {

inline void xml_input(std::string_view bytes) {
    const ItemOrigin from{"fuzz.xml", Timestamp{1616000000, Timestamp::Precision::time}};
    // Every callback set, so that the refused-loads report (xml::refused_loads) runs too.
    const SourceSink sink{[](RawItem&& item) { (void)item; },
                          [](const std::string&, const std::string&) {},
                          [](const std::string&, const std::string&) {},
                          [](const std::string&, const std::string& message) { (void)message; }};
    std::optional<Format> format = sniff_format(bytes.substr(0, sniff_bytes));
    if (format != Format::rss && format != Format::atom && format != Format::nitf &&
        format != Format::newsml) {
        static constexpr Format by_name[] = {Format::rss, Format::nitf, Format::newsml};
        format = by_name[bytes.size() % 3];
    }
    try {
        switch (*format) {
        case Format::nitf:
            read_nitf(bytes, from, sink);
            break;
        case Format::newsml:
            read_newsml(bytes, from, sink);
            break;
        default:
            read_feed(bytes, from, sink);
            break;
        }
    } catch (const InputError&) {
    }
}

} // namespace dateline::fuzz
