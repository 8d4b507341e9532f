// IPTC NewsML-G2: a newsItem (record "") or a newsMessage (record N = the Nth newsItem of its
// itemSet, from 1) -> Kind::article RawItems; packageItem, conceptItem and the like are skipped.
// Elements are matched by local name. Mapping: newsItem@guid -> id; contentMeta/headline ->
// title; contentMeta/description -> description; contentCreated (else itemMeta/firstCreated,
// else versionCreated) -> published, versionCreated (else contentModified) -> updated;
// contentMeta/creator (name child or @literal) -> authors; subject/name, keyword and located/name
// -> tags; contentMeta/language@tag (else xml:lang) -> language; provider/name -> source;
// itemMeta/link@href with rel irel:canonical or irel:seeAlso (when a URL) -> url. Body: the
// first text rendition of contentSet: inlineXML with XHTML (its body) or NITF (body.content, and
// NITF's head fields fill what contentMeta left empty), else inlineData (text, or HTML when its
// contenttype says so).
#pragma once

#include "indexer/sources/item_origin.h"
#include "indexer/sources/source.h"

#include <string_view>

namespace dateline {

void read_newsml(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink);

} // namespace dateline
