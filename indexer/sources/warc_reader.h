// WARC 1.0/1.1 (ISO 28500), plain or gzip-compressed per record as Common Crawl ships it (the
// InputReader undoes the compression). One Kind::html_page RawItem per HTML page: "response"
// records whose HTTP payload is text/html or application/xhtml+xml (or, without a Content-Type,
// looks like HTML) with a 2xx status, and "resource" records of type text/html. url =
// WARC-Target-URI, fetched_at = WARC-Date, charset from the HTTP Content-Type; chunked transfer
// encoding is undone, a gzip Content-Encoding is left to the extractor. Other records (warcinfo,
// request, metadata, revisit, non-HTML responses) are skipped silently.
// Records are numbered from 1 in file order; a bad record (missing or lying Content-Length, bad
// HTTP, unsupported encoding) goes to sink.reject as "ORIGIN:N: reason" and reading resumes at the
// next "WARC/1." line. Corrupt or truncated compressed data ends the file with a reject of the
// record being read.
#pragma once

#include "indexer/inputs.h"
#include "indexer/sources/item_origin.h"
#include "indexer/sources/source.h"

namespace dateline {

void read_warc(InputReader& in, const ItemOrigin& from, const SourceOptions& options,
               const SourceSink& sink);

} // namespace dateline
