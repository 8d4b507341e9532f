#include "salience.h"

namespace dateline::entities {

namespace {

constexpr int min_mentions = 2;           // mentioned this often anywhere: salient
constexpr std::size_t lead_sentences = 1; // first mentioned in these first body sentences: salient

} // namespace

std::vector<bool> salient_countries(const std::vector<CountryEvidence>& evidence) {
    std::vector<bool> out(evidence.size(), false);
    bool any = false;
    std::size_t top = 0;
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        const auto& e = evidence[i];
        out[i] = e.dateline || e.title || e.mentions >= min_mentions ||
                 e.first_sentence < lead_sentences;
        any = any || out[i];
        if (e.mentions > evidence[top].mentions ||
            (e.mentions == evidence[top].mentions && e.first_word < evidence[top].first_word))
            top = i;
    }
    if (!any && !evidence.empty()) out[top] = true;
    return out;
}

} // namespace dateline::entities
