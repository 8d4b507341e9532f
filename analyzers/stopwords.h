// Stopword lists per language: common function words, for the query side (Xapian::SimpleStopper)
// and for language identification. Lists are lower case UTF-8.
#pragma once

#include <span>
#include <string_view>
#include <xapian.h>

namespace dateline::stopwords {

// The stopwords of an ISO 639-1 language; empty when Dateline has no list for it.
std::span<const std::string_view> for_language(std::string_view language);

// Languages that have a list ("en", "de", ...).
std::span<const std::string_view> languages();

// A stopper for the QueryParser, owned by the returned object (reference counted by Xapian).
Xapian::Stopper* make_stopper(std::string_view language);

} // namespace dateline::stopwords
