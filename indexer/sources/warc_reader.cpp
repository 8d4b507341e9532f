#include "warc_reader.h"

#include "indexer/sources/format.h"

#include <cctype>
#include <charconv>
#include <map>

namespace dateline {

namespace {

constexpr std::size_t max_header_line = 64 * 1024;
constexpr std::size_t max_header_lines = 1000;

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Header fields by lower-case name (WARC and HTTP alike); the first occurrence wins.
using Fields = std::map<std::string, std::string>;

class RecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::optional<std::size_t> to_size(std::string_view s) {
    s = text::trim(s);
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

// Parses "Name: value" lines (continuation lines start with a space or tab) from `block`
// starting at `pos` up to the empty line; returns the position after it.
std::size_t parse_fields(std::string_view block, std::size_t pos, Fields& fields) {
    std::string last;
    while (pos < block.size()) {
        std::size_t nl = block.find('\n', pos);
        if (nl == std::string_view::npos) throw RecordError("HTTP headers do not end");
        std::string_view line = block.substr(pos, nl - pos);
        pos = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) return pos;
        if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
            fields[last] += " " + std::string(text::trim(line));
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue; // tolerate junk lines
        last = lower(text::trim(line.substr(0, colon)));
        fields.emplace(last, std::string(text::trim(line.substr(colon + 1))));
    }
    throw RecordError("HTTP headers do not end");
}

// "text/html; charset=ISO-8859-1" -> {"text/html", "ISO-8859-1"}.
std::pair<std::string, std::string> media_type(std::string_view value) {
    auto semi = value.find(';');
    std::string type = lower(text::trim(value.substr(0, semi)));
    std::string charset;
    while (semi != std::string_view::npos) {
        std::string_view rest = value.substr(semi + 1);
        semi = rest.find(';');
        std::string_view param = text::trim(rest.substr(0, semi));
        if (semi != std::string_view::npos) value = rest;
        auto eq = param.find('=');
        if (eq != std::string_view::npos && lower(text::trim(param.substr(0, eq))) == "charset") {
            std::string_view v = text::trim(param.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            charset = std::string(v);
        }
    }
    return {type, charset};
}

std::string dechunk(std::string_view body) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) throw RecordError("bad chunked encoding");
        std::string_view size_line = body.substr(pos, nl - pos);
        size_line = size_line.substr(0, size_line.find(';'));
        size_line = text::trim(size_line);
        std::size_t size = 0;
        auto [end, ec] =
            std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
        if (ec != std::errc() || end != size_line.data() + size_line.size() || size_line.empty())
            throw RecordError("bad chunked encoding");
        pos = nl + 1;
        if (size == 0) return out;
        if (size > body.size() - pos)
            throw RecordError("bad chunked encoding: chunk runs past the record");
        out.append(body.substr(pos, size));
        pos += size;
        if (body.substr(pos, 2) == "\r\n")
            pos += 2;
        else if (body.substr(pos, 1) == "\n")
            pos += 1;
    }
}

bool html_type(const std::string& type) {
    return type == "text/html" || type == "application/xhtml+xml";
}

// The HTML page of a response record, or nullopt when the record is not one.
std::optional<RawItem> response_page(std::string_view block) {
    std::size_t nl = block.find('\n');
    std::string_view status_line = block.substr(0, nl);
    if (!status_line.starts_with("HTTP/"))
        throw RecordError("no HTTP status line in the response record");
    auto space = status_line.find(' ');
    std::optional<std::size_t> status =
        space == std::string_view::npos ? std::nullopt : to_size(status_line.substr(space + 1, 3));
    if (!status) throw RecordError("bad HTTP status line");
    Fields http;
    std::size_t body_start = parse_fields(block, nl + 1, http);
    if (*status < 200 || *status > 299) return std::nullopt;
    std::string_view body = block.substr(body_start);
    auto [type, charset] = media_type(http["content-type"]);
    if (type.empty() ? sniff_format(body.substr(0, sniff_bytes)) != Format::html : !html_type(type))
        return std::nullopt;
    RawItem item;
    item.kind = RawItem::Kind::html_page;
    item.charset = charset;
    if (lower(http["transfer-encoding"]).find("chunked") != std::string::npos)
        item.content = dechunk(body);
    else
        item.content = std::string(body);
    std::string encoding = lower(http["content-encoding"]);
    if (!encoding.empty() && encoding != "identity" && encoding != "gzip" && encoding != "x-gzip")
        throw RecordError("unsupported Content-Encoding '" + encoding + "'");
    return item;
}

std::optional<RawItem> record_page(const Fields& warc, std::string_view block) {
    auto get = [&](const char* name) {
        auto it = warc.find(name);
        return it == warc.end() ? std::string() : it->second;
    };
    std::string type = lower(get("warc-type"));
    auto [content_type, charset] = media_type(get("content-type"));
    std::optional<RawItem> item;
    if (type == "response" && content_type == "application/http") {
        item = response_page(block);
    } else if (type == "resource" && html_type(content_type)) {
        item.emplace();
        item->kind = RawItem::Kind::html_page;
        item->content = std::string(block);
        item->charset = charset;
    }
    if (!item) return std::nullopt;
    std::string uri(text::trim(get("warc-target-uri")));
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
        uri = uri.substr(1, uri.size() - 2);
    item->url = uri;
    if (std::string date = get("warc-date"); !date.empty()) {
        item->fetched_at = dates::parse(date);
        if (!item->fetched_at) throw RecordError("unparseable WARC-Date '" + date + "'");
        item->captured_at = item->fetched_at;
    }
    return item;
}

// Where the next record starts inside `data` (a "WARC/1." at the start of a line, after
// position 0), or npos.
std::size_t next_record_in(std::string_view data) {
    std::size_t pos = data.find("\nWARC/1.");
    return pos == std::string_view::npos ? pos : pos + 1;
}

class WarcReader {
  public:
    WarcReader(InputReader& in, const ItemOrigin& from, const SourceOptions& options,
               const SourceSink& sink)
        : in_(in), from_(from), options_(options), sink_(sink) {}

    void run() {
        try {
            while (next_record()) {
            }
        } catch (const InputError& e) {
            sink_.reject(from_.location(std::to_string(number_ + (in_record_ ? 0 : 1))), e.what());
        }
    }

  private:
    // Reads one record; false at the end of the input.
    bool next_record() {
        std::string line;
        bool truncated = false;
        in_record_ = false;
        // Skip blank lines (and, after a bad record, anything up to the next record).
        while (true) {
            if (!in_.read_line(line, truncated, max_header_line)) return false;
            if (!truncated && line.starts_with("WARC/1.")) break;
            if (text::trim(line).empty() && !truncated) continue;
            if (number_ == 0)
                throw InputError("not a WARC file: it does not start with a WARC/1.x record");
            if (!resyncing_) {
                sink_.reject(from_.location(std::to_string(number_ + 1)),
                             "garbage between records, skipped");
                resyncing_ = true;
            }
        }
        resyncing_ = false;
        ++number_;
        in_record_ = true;
        const std::string location = from_.location(std::to_string(number_));

        Fields warc;
        std::string last;
        for (std::size_t n = 0;; ++n) {
            if (!in_.read_line(line, truncated, max_header_line))
                return bad(location, "record headers do not end");
            if (truncated || n > max_header_lines) return bad(location, "record headers too long");
            if (line.empty()) break;
            if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
                warc[last] += " " + std::string(text::trim(line));
                continue;
            }
            auto colon = line.find(':');
            if (colon == std::string::npos)
                return bad(location, "bad header line '" + line.substr(0, 80) + "'");
            last = lower(text::trim(std::string_view(line).substr(0, colon)));
            warc.emplace(last, std::string(text::trim(std::string_view(line).substr(colon + 1))));
        }
        auto length = to_size(warc["content-length"]);
        if (!length) return bad(location, "missing or bad Content-Length");

        std::string block;
        if (*length > options_.max_record_bytes) {
            const std::size_t there = skip(*length);
            if (there < *length) {
                sink_.reject(location, "Content-Length " + std::to_string(*length) +
                                           " but the input ends after " + std::to_string(there) +
                                           " bytes");
                return true;
            }
            check_end(location, block,
                      "record of " + std::to_string(*length) + " bytes is larger than " +
                          std::to_string(options_.max_record_bytes) + " (--max-record-size)");
            return true;
        }
        block.reserve(*length);
        std::size_t got = in_.read(block, *length);
        if (got < *length) {
            resync(block);
            sink_.reject(location, "Content-Length " + std::to_string(*length) + " but only " +
                                       std::to_string(got) + " bytes follow");
            return true;
        }
        if (!check_end(location, block, "")) return true;
        try {
            if (auto item = record_page(warc, block)) {
                item->origin = from_.origin;
                item->record = std::to_string(number_);
                if (!item->fetched_at) item->fetched_at = from_.fetched_at;
                sink_.item(std::move(*item));
            }
        } catch (const RecordError& e) {
            sink_.reject(location, e.what());
        }
        return true;
    }

    // After the block: "\r\n\r\n" (tolerated: "\n\n"). Otherwise the length lied: reject and
    // resync. Returns whether the record may be used; `problem` is a reason to reject it even when
    // it ends well.
    bool check_end(const std::string& location, std::string& block, const std::string& problem) {
        std::string end;
        in_.read(end, 4);
        bool ok = end == "\r\n\r\n";
        if (!ok && end.starts_with("\n\n")) {
            in_.unread(std::string_view(end).substr(2));
            ok = true;
        }
        if (ok) {
            if (!problem.empty()) sink_.reject(location, problem);
            return problem.empty();
        }
        block += end;
        resync(block);
        sink_.reject(location,
                     problem.empty()
                         ? "Content-Length does not match the record (no end of record after "
                           "the block)"
                         : problem);
        return false;
    }

    // Puts back whatever of `consumed` belongs to the following records, and skips to the next one.
    void resync(std::string_view consumed) {
        std::size_t at = next_record_in(consumed);
        if (at != std::string_view::npos) in_.unread(consumed.substr(at));
        resyncing_ = true;
    }

    // Skips `size` bytes; returns how many there were (fewer when the input ends first). An input
    // that ends first proves the length a lie: then the bytes from the first record start seen
    // while skipping are put back (when they fit in max_record_bytes), so the records after the
    // liar are still read.
    std::size_t skip(std::size_t size) {
        std::string chunk, kept, tail;
        bool keeping = false, gave_up = false;
        std::size_t skipped = 0;
        while (skipped < size) {
            chunk.clear();
            std::size_t got = in_.read(chunk, std::min<std::size_t>(size - skipped, 1 << 20));
            if (got == 0) break;
            skipped += got;
            if (gave_up) continue;
            if (!keeping) {
                std::string window = tail + chunk; // a record start may straddle two chunks
                std::size_t at = next_record_in(window);
                tail = window.substr(window.size() - std::min<std::size_t>(window.size(), 7));
                if (at == std::string::npos) continue;
                keeping = true;
                kept = window.substr(at);
            } else {
                kept += chunk;
            }
            if (kept.size() > options_.max_record_bytes) {
                gave_up = true;
                kept.clear();
                kept.shrink_to_fit();
            }
        }
        if (skipped < size && !kept.empty()) {
            in_.unread(kept);
            resyncing_ = true;
        }
        return skipped;
    }

    bool bad(const std::string& location, const std::string& reason) {
        sink_.reject(location, reason);
        resyncing_ = true;
        return true;
    }

    InputReader& in_;
    const ItemOrigin& from_;
    const SourceOptions& options_;
    const SourceSink& sink_;
    std::size_t number_ = 0;
    bool in_record_ = false;
    bool resyncing_ = false;
};

} // namespace

void read_warc(InputReader& in, const ItemOrigin& from, const SourceOptions& options,
               const SourceSink& sink) {
    WarcReader(in, from, options, sink).run();
}

} // namespace dateline
