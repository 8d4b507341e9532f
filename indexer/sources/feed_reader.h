// Feeds: RSS 2.0 (also 0.9x and 1.0/RDF) and Atom 1.0, one Kind::article RawItem per item/entry.
// Mapping: title; link (Atom: rel="alternate" or no rel) -> url; guid / id -> id; pubDate,
// dc:date / published (else updated) -> published, atom:updated -> updated; author (the name in
// "mail (Name)"), dc:creator / author/name -> authors; category (Atom: label, else term),
// dc:subject -> tags; description / summary -> description; content:encoded / content -> body
// (HTML to text with paragraph breaks; the description when there is no content); the channel's
// or feed's title -> source, its language / xml:lang -> language.
// An item without title and text, or with an unparseable date, goes to sink.reject as
// "ORIGIN:N: reason" (N = the item's number, from 1); a document that is not a feed throws
// InputError.
#pragma once

#include "indexer/sources/item_origin.h"
#include "indexer/sources/source.h"

#include <string_view>

namespace dateline {

void read_feed(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink);

} // namespace dateline
