// URL helpers shared by both sides: the host for site: filters and a canonical form for ids.
#pragma once

#include <string>
#include <string_view>

namespace dateline::url {

// "https://www.News24.com/news/x?y#z" -> "news24.com" (lower case, "www." and port dropped); "" if
// none.
std::string host(std::string_view url);

// Drops the fragment and surrounding white space; lower-cases scheme and host.
std::string canonical(std::string_view url);

} // namespace dateline::url
