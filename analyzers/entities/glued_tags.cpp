#include "glued_tags.h"

#include "analyzers/text.h"

#include <limits>
#include <string>

namespace dateline::entities {

std::vector<std::vector<AliasTarget>> segment_tag(std::string_view tag,
                                                  const Gazetteer& gazetteer) {
    std::string s;
    for (char c : text::fold(tag)) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) s += c;
    }
    if (s.size() < 2 || s.size() > 400) return {};
    // Fewest pieces covering s[0, i): dynamic programming over the end of the last piece.
    constexpr int unreachable = std::numeric_limits<int>::max();
    std::vector<int> pieces(s.size() + 1, unreachable);
    std::vector<std::size_t> from(s.size() + 1, 0);
    pieces[0] = 0;
    const std::size_t longest = gazetteer.longest_compact();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (pieces[i] == unreachable) continue;
        for (std::size_t j = i + 2; j <= s.size() && j - i <= longest; ++j) {
            if (pieces[i] + 1 >= pieces[j]) continue;
            auto targets = gazetteer.compact(std::string_view(s).substr(i, j - i));
            bool usable = false;
            for (const auto& t : targets)
                usable = usable || !(t.flags & needs_context);
            if (!usable) continue;
            pieces[j] = pieces[i] + 1;
            from[j] = i;
        }
    }
    if (pieces[s.size()] == unreachable) return {};
    std::vector<std::vector<AliasTarget>> out(static_cast<std::size_t>(pieces[s.size()]));
    for (std::size_t j = s.size(), k = out.size(); j > 0; j = from[j]) {
        auto targets = gazetteer.compact(std::string_view(s).substr(from[j], j - from[j]));
        out[--k].assign(targets.begin(), targets.end());
    }
    return out;
}

} // namespace dateline::entities
