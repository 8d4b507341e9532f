#include "analyze.h"

#include "entities/entities.h"
#include "language.h"
#include "text.h"
#include "url.h"

#include <algorithm>
#include <unordered_set>

namespace dateline {

namespace {

std::string clean_line(std::string_view s) {
    return text::collapse_whitespace(text::to_valid_utf8(s));
}

// Keeps paragraph breaks: lines are cleaned, runs of blank lines become one blank line.
std::string clean_body(std::string_view s) {
    std::string valid = text::to_valid_utf8(s), out;
    out.reserve(valid.size());
    std::size_t pos = 0;
    bool blank_pending = false;
    while (pos <= valid.size()) {
        auto nl = valid.find('\n', pos);
        if (nl == std::string::npos) nl = valid.size();
        std::string line = text::collapse_whitespace(std::string_view(valid).substr(pos, nl - pos));
        if (line.empty()) {
            blank_pending = !out.empty();
        } else {
            if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
            out += line;
            blank_pending = false;
        }
        pos = nl + 1;
    }
    return out;
}

std::string readable_host(const std::string& host) {
    // "news24.com" -> "news24.com": the host itself is the most honest readable name.
    return host;
}

void dedupe_folded(std::vector<std::string>& items) {
    std::unordered_set<std::string> seen;
    std::vector<std::string> kept;
    for (auto& item : items) {
        std::string clean = clean_line(item);
        if (clean.empty()) continue;
        if (seen.insert(text::fold_case(clean)).second) kept.push_back(std::move(clean));
    }
    items = std::move(kept);
}

} // namespace

void analyze(Article& a, const AnalyzeOptions& options) {
    a.title = clean_line(a.title);
    a.description = clean_line(a.description);
    a.source = clean_line(a.source);
    a.section = clean_line(a.section);
    a.url = a.url.empty() ? std::string() : url::canonical(text::to_valid_utf8(a.url));
    a.body = clean_body(a.body);
    dedupe_folded(a.authors);
    dedupe_folded(a.tags);

    std::string lang = language::normalize_code(a.language);
    if (lang.empty()) lang = language::identify(a.title + "\n" + a.description + "\n" + a.body);
    a.language = lang.empty() ? options.default_language : lang;

    const std::string host = url::host(a.url);
    if (a.source.empty() && !host.empty()) a.source = readable_host(host);
    a.source_id = text::slugify(a.source_id.empty() ? a.source : a.source_id);
    if (a.source_id.empty()) a.source_id = "unknown";

    a.id = clean_line(a.id);
    if (a.id.empty()) a.id = a.url.empty() ? "sha:" + content_hash(a.title + '\0' + a.body) : a.url;

    if (options.tag_entities) {
        auto [entities, mentions] = entities::tag_all(a);
        a.entities = std::move(entities);
        a.mentions = std::move(mentions);
    }
}

} // namespace dateline
