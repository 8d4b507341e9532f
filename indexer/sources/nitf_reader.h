// IPTC NITF 3.x: one document -> one Kind::article RawItem (record ""). Elements are matched by
// local name, in any namespace. Mapping: body.head/hedline/hl1 (else head/title) -> title;
// head/docdata/doc-id@id-string -> id; docdata/date.issue@norm (else date.release, story.date)
// -> published; byline (its person elements, else its text without "By") -> authors;
// docdata/key-list/keyword@key and location (evloc, dateline/location) -> tags; abstract (else
// hl2) -> description; body.content paragraphs -> body; pubdata@name or doc.copyright@holder ->
// source; xml:lang -> language; pubdata@ex-ref (when a URL) -> url.
#pragma once

#include "indexer/sources/item_origin.h"
#include "indexer/sources/source.h"

#include <libxml/tree.h>
#include <optional>
#include <string_view>

namespace dateline {

void read_nitf(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink);

// The article of an <nitf> element (also used for NITF inside NewsML-G2). Throws ItemError.
Article nitf_article(const xmlNode* nitf);

// NITF's ISO 8601 basic dates ("20210317T101500Z", "20210317T101500+0100", "20210317") -> UTC.
std::optional<Timestamp> parse_nitf_date(std::string_view norm);

} // namespace dateline
