#include "source.h"

#include "analyzers/text.h"
#include "indexer/sources/archive_reader.h"
#include "indexer/sources/feed_reader.h"
#include "indexer/sources/item_origin.h"
#include "indexer/sources/newsml_reader.h"
#include "indexer/sources/nitf_reader.h"
#include "indexer/sources/warc_reader.h"
#include "indexer/sources/xml_document.h"

namespace dateline {

namespace {

constexpr int max_archive_depth = 2; // an archive in an archive is read; one more level is not

void read_jsonl(InputReader& reader, const ItemOrigin& from, const SourceOptions& options,
                const SourceSink& sink) {
    std::string line;
    bool truncated = false;
    std::size_t number = 0;
    while (reader.read_line(line, truncated, options.max_record_bytes)) {
        ++number;
        if (truncated) {
            sink.reject(from.location(std::to_string(number)),
                        "line longer than " + std::to_string(options.max_record_bytes) + " bytes");
            continue;
        }
        if (text::trim(line).empty()) continue;
        RawItem item;
        item.kind = RawItem::Kind::json_record;
        item.origin = from.origin;
        item.record = std::to_string(number);
        item.content = std::move(line);
        item.fetched_at = from.fetched_at;
        sink.item(std::move(item));
        line.clear();
    }
}

void emit_page(Format format, std::string content, const ItemOrigin& from, const SourceSink& sink) {
    RawItem item;
    item.kind = format == Format::html ? RawItem::Kind::html_page : RawItem::Kind::text_page;
    item.origin = from.origin;
    item.content = std::move(content);
    item.fetched_at = from.fetched_at;
    sink.item(std::move(item));
}

std::optional<Timestamp> time_of(std::int64_t mtime) {
    if (mtime == 0) return std::nullopt;
    return Timestamp{mtime, Timestamp::Precision::time};
}

// `archive_path`: the file to open when the input turns out to be an archive ("" for streams).
void dispatch(InputReader& in, const std::string& name, const ItemOrigin& from,
              const std::string& archive_path, int depth, const SourceOptions& options,
              const SourceSink& sink) {
    const Format format = detect_format(in.peek(sniff_bytes), name);
    const std::size_t xml_limit = std::min(options.max_record_bytes, xml::max_xml_bytes);
    switch (format) {
    case Format::jsonl:
        read_jsonl(in, from, options, sink);
        return;
    case Format::html:
    case Format::text:
        emit_page(format, in.read_all(options.max_record_bytes), from, sink);
        return;
    case Format::warc:
        read_warc(in, from, options, sink);
        return;
    case Format::rss:
    case Format::atom:
        read_feed(in.read_all(xml_limit), from, sink);
        return;
    case Format::nitf:
        read_nitf(in.read_all(xml_limit), from, sink);
        return;
    case Format::newsml:
        read_newsml(in.read_all(xml_limit), from, sink);
        return;
    case Format::archive: {
        if (depth >= max_archive_depth) throw InputError("archive nested too deep");
        MemberReader member_reader = [&](InputReader& member_in, const ArchiveMember& member) {
            ItemOrigin member_from = member.origin;
            if (options.fetched_at)
                member_from.fetched_at = options.fetched_at;
            else if (!member_from.fetched_at)
                member_from.fetched_at = from.fetched_at;
            dispatch(member_in, member.name, member_from, "", depth + 1, options, sink);
        };
        if (!archive_path.empty())
            read_archive_file(archive_path, from.origin, member_reader, sink);
        else
            read_archive_stream(in, from.origin, member_reader, sink);
        return;
    }
    }
}

} // namespace

void read_stream(InputReader& in, const std::string& name, const std::string& origin,
                 std::int64_t mtime, const SourceOptions& options, const SourceSink& sink) {
    ItemOrigin from{origin, options.fetched_at ? options.fetched_at : time_of(mtime)};
    dispatch(in, name, from, "", 0, options, sink);
}

void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink) {
    InputReader reader(input.path);
    ItemOrigin from{input.path, options.fetched_at ? options.fetched_at : time_of(input.mtime)};
    dispatch(reader, input.path, from, input.path == "-" ? "" : input.path, 0, options, sink);
}

} // namespace dateline
