// print_explanation: the --explain view of one extraction.
#include "analyzers/dates.h"
#include "indexer/extract/extract.h"

#include <iomanip>

namespace dateline::extract {

void print_explanation(const Extraction& x, std::ostream& out) {
    const Article& a = x.article;
    out << "fields:\n";
    for (const auto& o : x.origins) {
        if (o.field == "body") continue;
        std::string value = o.value;
        if (o.field == "published" && a.published)
            value = dates::format_iso(*a.published) + "  (" + o.value + ")";
        else if (o.field == "updated" && a.updated)
            value = dates::format_iso(*a.updated) + "  (" + o.value + ")";
        if (value.size() > 160) value = value.substr(0, 157) + "...";
        out << "  " << std::left << std::setw(12) << o.field << std::setw(26)
            << ("[" + o.origin + "]") << ' ' << value << '\n';
    }
    if (!a.source_id.empty())
        out << "  " << std::setw(12) << "source_id" << std::setw(26) << "[slug of source]" << ' '
            << a.source_id << '\n';
    std::string body_origin = "unknown";
    for (const auto& o : x.origins)
        if (o.field == "body") body_origin = o.origin;
    std::size_t paragraphs = a.body.empty() ? 0 : 1;
    for (std::size_t p = 0; (p = a.body.find("\n\n", p)) != std::string::npos; p += 2)
        ++paragraphs;
    out << "body [" << body_origin << "]: " << paragraphs << " paragraphs, " << a.body.size()
        << " bytes\n\n"
        << a.body << '\n';
}

} // namespace dateline::extract
