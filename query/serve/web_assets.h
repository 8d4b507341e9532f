// The web page's files (query/serve/web/), compiled into the binary by embed_web.cmake: the
// server answers static requests from this table only, so no request path reaches the file system.
#pragma once

#include <span>
#include <string_view>

namespace dateline::serve {

struct WebAsset {
    std::string_view path; // "/app.js"
    std::string_view bytes;
};

std::span<const WebAsset> web_assets();

// The asset at a request path ("/" is /index.html), or null.
const WebAsset* find_web_asset(std::string_view path);

// The Content-Type for a path, by its extension.
const char* content_type_for(std::string_view path);

} // namespace dateline::serve
