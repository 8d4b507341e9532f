#include "source.h"

#include <array>

#include "analyzers/text.h"

namespace dateline {

std::optional<Format> format_from_name(const std::string& path) {
    const std::string name = logical_name(path);
    auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (ends(".jsonl") || ends(".ndjson") || ends(".json")) return Format::jsonl;
    if (ends(".html") || ends(".htm") || ends(".xhtml")) return Format::html;
    if (ends(".txt") || ends(".text")) return Format::text;
    return std::nullopt;
}

namespace {

std::optional<Timestamp> mtime_of(const InputFile& input) {
    if (input.mtime == 0) return std::nullopt;
    return Timestamp{input.mtime, Timestamp::Precision::time};
}

void read_jsonl(InputReader& reader, const InputFile& input, const SourceOptions& options,
                const SourceSink& sink, std::string first_line, bool have_first) {
    std::string line = std::move(first_line);
    bool truncated = false;
    std::size_t number = 0;
    while (have_first || reader.read_line(line, truncated, options.max_record_bytes)) {
        have_first = false;
        ++number;
        const std::string location = input.path + ":" + std::to_string(number);
        if (truncated) {
            sink.reject(location, "line longer than " + std::to_string(options.max_record_bytes) + " bytes");
            continue;
        }
        if (text::trim(line).empty()) continue;
        RawItem item;
        item.kind = RawItem::Kind::json_record;
        item.origin = input.path;
        item.record = std::to_string(number);
        item.content = std::move(line);
        item.fetched_at = options.fetched_at ? options.fetched_at : mtime_of(input);
        sink.item(std::move(item));
        line.clear();
    }
}

void emit_page(Format format, std::string content, const InputFile& input, const SourceOptions& options,
               const SourceSink& sink) {
    RawItem item;
    item.kind = format == Format::html ? RawItem::Kind::html_page : RawItem::Kind::text_page;
    item.origin = input.path;
    item.content = std::move(content);
    item.fetched_at = options.fetched_at ? options.fetched_at : mtime_of(input);
    sink.item(std::move(item));
}

// The first non-blank character decides: '{' JSON Lines, '<' HTML, anything else a text page.
Format sniff(std::string_view head) {
    std::string_view t = text::trim(head);
    if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
    if (t.starts_with("{")) return Format::jsonl;
    if (t.starts_with("<")) return Format::html;
    return Format::text;
}

} // namespace

void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink) {
    InputReader reader(input.path);
    auto format = format_from_name(input.path);
    if (format == Format::jsonl) {
        read_jsonl(reader, input, options, sink, {}, false);
        return;
    }
    if (format) {
        emit_page(*format, reader.read_all(options.max_record_bytes), input, options, sink);
        return;
    }
    // Unknown name (or stdin): look at the first line, then stream JSON Lines or take the page whole.
    std::string first;
    bool truncated = false;
    if (!reader.read_line(first, truncated, options.max_record_bytes)) return; // empty input
    Format sniffed = sniff(first);
    if (sniffed == Format::jsonl && !truncated) {
        read_jsonl(reader, input, options, sink, std::move(first), true);
        return;
    }
    if (truncated) throw InputError("first line longer than " + std::to_string(options.max_record_bytes) + " bytes");
    std::string content = first + "\n" + reader.read_all(options.max_record_bytes);
    emit_page(sniffed, std::move(content), input, options, sink);
}

} // namespace dateline
