#include "web_assets.h"

namespace dateline::serve {

const WebAsset* find_web_asset(std::string_view path) {
    if (path == "/") path = "/index.html";
    for (const auto& asset : web_assets())
        if (asset.path == path) return &asset;
    return nullptr;
}

const char* content_type_for(std::string_view path) {
    auto ends = [&](std::string_view ext) { return path.ends_with(ext); };
    if (path == "/" || ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    if (ends(".ico")) return "image/x-icon";
    if (ends(".json")) return "application/json; charset=utf-8";
    if (ends(".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

} // namespace dateline::serve
