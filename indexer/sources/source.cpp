#include "source.h"

#include "analyzers/text.h"
#include "indexer/sources/archive_reader.h"
#include "indexer/sources/feed_reader.h"
#include "indexer/sources/item_origin.h"
#include "indexer/sources/newsml_reader.h"
#include "indexer/sources/nitf_reader.h"
#include "indexer/sources/not_news.h"
#include "indexer/sources/warc_reader.h"
#include "indexer/sources/xml_document.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

namespace {

constexpr int max_archive_depth = 2; // an archive in an archive is read; one more level is not

void read_jsonl(InputReader& reader, const ItemOrigin& from, const SourceOptions& options,
                const SourceSink& sink) {
    std::string line;
    bool truncated = false;
    std::size_t number = 0, records = 0;
    while (reader.read_line(line, truncated, options.max_record_bytes)) {
        ++number;
        if (truncated) {
            ++records;
            sink.reject(from.location(std::to_string(number)),
                        "line longer than " + std::to_string(options.max_record_bytes) +
                            " bytes (--max-record-size), skipped");
            continue;
        }
        if (text::trim(line).empty()) continue;
        ++records;
        sink.item(raw_item(from, RawItem::Kind::json_record, std::to_string(number),
                           std::exchange(line, {})));
    }
    if (records == 0) throw InputError("no records: only white space");
}

// Walks JSON text outside strings: `on(i, c)` sees every structural byte ({ } [ ] ,) at offset
// i. Returns false when a string does not end.
template <class F> bool walk_json(std::string_view s, F&& on) {
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ',') {
            if (!on(i, c)) return true;
        }
    }
    return !in_string;
}

// A JSON document rather than JSON Lines: an object or array whose first line does not close it
// (pretty-printed, as jq prints), or an array on a line of its own (a JSON Lines record is an
// object, so a file of one array line is one document). `whole`: `head` is the whole input.
bool json_document(std::string_view head, bool whole) {
    std::string_view t = text::trim(head);
    if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
    if (!t.starts_with("{") && !t.starts_with("[")) return false;
    const std::size_t nl = t.find('\n');
    if (nl == std::string_view::npos) return t.starts_with("["); // one line, or a very long one
    int depth = 0;
    walk_json(t.substr(0, nl), [&](std::size_t, char c) {
        depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
        return true;
    });
    if (depth > 0) return true;
    return t.starts_with("[") && whole && text::trim(t.substr(nl)).empty();
}

// A JSON document (see json_document): its top-level values are records, or, when it is one
// array, the array's elements; each is named by the line it starts on. The bytes are split at the
// top level without building anything: every record is parsed, and judged, on its own.
void read_json_document(InputReader& in, const ItemOrigin& from, const SourceOptions& options,
                        const SourceSink& sink) {
    const std::string doc = in.read_all(options.max_record_bytes);
    using Part = std::pair<std::size_t, std::size_t>; // [begin, end) in doc
    std::vector<Part> values, elements;
    int depth = 0;
    std::size_t value_start = 0, element_start = 0;
    bool first_is_array = false, balanced = true;
    const bool strings_closed = walk_json(doc, [&](std::size_t i, char c) {
        const bool in_first_array = values.empty() && first_is_array;
        if (c == '{' || c == '[') {
            if (depth == 0) {
                value_start = i;
                if (values.empty()) {
                    first_is_array = c == '[';
                    element_start = i + 1;
                }
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0) {
                balanced = false;
                return false;
            }
            if (depth == 0) {
                if (in_first_array) elements.emplace_back(element_start, i);
                values.emplace_back(value_start, i + 1);
            }
        } else if (c == ',' && depth == 1 && in_first_array) {
            elements.emplace_back(element_start, i);
            element_start = i + 1;
        }
        return true;
    });
    if (!strings_closed || !balanced || depth != 0)
        throw InputError("not a JSON document: a string, object or array does not close");
    const bool one_array = values.size() == 1 && first_is_array;
    std::size_t line = 1, counted = 0, records = 0;
    for (const auto& [begin, end] : one_array ? elements : values) {
        std::string_view content = text::trim(std::string_view(doc).substr(begin, end - begin));
        if (content.empty()) continue;
        const std::size_t at = static_cast<std::size_t>(content.data() - doc.data());
        line += static_cast<std::size_t>(
            std::count(doc.begin() + static_cast<std::ptrdiff_t>(counted),
                       doc.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        counted = at;
        sink.item(
            raw_item(from, RawItem::Kind::json_record, std::to_string(line), std::string(content)));
        ++records;
    }
    if (records == 0)
        throw InputError(one_array ? "no records: an empty JSON array"
                                   : "no records: no JSON value");
}

void emit_page(Format format, std::string content, const ItemOrigin& from, const SourceSink& sink) {
    if (const char* bom = wide_bom(content)) content = wide_to_utf8(content, bom);
    // Stray NUL bytes (binary files are refused before) would cut C strings short: drop them.
    content.erase(std::remove(content.begin(), content.end(), '\0'), content.end());
    sink.item(raw_item(from,
                       format == Format::html ? RawItem::Kind::html_page : RawItem::Kind::text_page,
                       {}, std::move(content)));
}

std::optional<Timestamp> time_of(std::int64_t mtime) {
    if (mtime == 0) return std::nullopt;
    return Timestamp{mtime, Timestamp::Precision::time};
}

// `archive_path`: the file to open when the input turns out to be an archive ("" for streams).
// `found`: the input was not named by the user (a folder walk's file, an archive member), so its
// name may tell that it is not news.
void dispatch(InputReader& in, const std::string& name, const ItemOrigin& from,
              const std::string& archive_path, int depth, bool found, const SourceOptions& options,
              const SourceSink& sink) {
    if (found)
        if (std::string why = not_news_name(name); !why.empty()) throw NotNews(why);
    std::string_view head = in.peek(sniff_bytes);
    if (head.empty()) {
        std::string probe;
        in.read(probe, 1); // raises the error that kept peek() empty, if any
    }
    if (head.empty())
        throw InputError(in.compression().empty()
                             ? "empty file"
                             : "empty (nothing after " + in.compression() + " decompression)");
    const Format format = detect_format(head, name);
    if (format == Format::jsonl || format == Format::text || format == Format::html) {
        if (const char* bom = wide_bom(head)) {
            if (format == Format::jsonl)
                throw InputError(std::string(bom) +
                                 " text (byte order mark): JSON Lines must be UTF-8");
        } else if (std::string why = not_news_content(head); !why.empty()) {
            throw NotNews(why);
        }
    }
    const std::size_t xml_limit = std::min(options.max_record_bytes, xml::max_xml_bytes);
    switch (format) {
    case Format::jsonl:
        if (json_document(head, head.size() < sniff_bytes))
            read_json_document(in, from, options, sink);
        else
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
            dispatch(member_in, member.name, member_from, "", depth + 1, true, options, sink);
        };
        if (!archive_path.empty())
            read_archive_file(archive_path, from.origin, member_reader, sink, options.expansion,
                              depth == 0 ? options.bytes_read : nullptr);
        else
            read_archive_stream(in, from.origin, member_reader, sink, options.expansion);
        return;
    }
    }
}

} // namespace

void read_stream(InputReader& in, const std::string& name, const std::string& origin,
                 std::int64_t mtime, const SourceOptions& options, const SourceSink& sink) {
    ItemOrigin from{origin, options.fetched_at ? options.fetched_at : time_of(mtime)};
    dispatch(in, name, from, "", 0, false, options, sink);
}

void SourceSink::warn_refused_loads(const std::string& location, const xmlDoc* doc) const {
    if (!warn) return;
    for (const auto& refused : xml::refused_loads(doc))
        warn(location, refused);
}

void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink) {
    InputReader reader(input.path, options.expansion, options.bytes_read);
    ItemOrigin from{input.path, options.fetched_at ? options.fetched_at : time_of(input.mtime)};
    // stdin and FIFOs cannot be opened again from the start: an archive in them is read as a
    // stream.
    const bool reopenable = input.path != "-" && !input.stream;
    dispatch(reader, input.path, from, reopenable ? input.path : "", 0, input.found, options, sink);
}

} // namespace dateline
