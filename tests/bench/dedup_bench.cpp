// Measures near-duplicate detection on pairs built from a JSON Lines corpus (Reuters-21578):
// positives are an article and an altered printing of it (a trimmed ending, an added line, a few
// words changed, or all three); negatives are two different articles sharing a topic and a day,
// the hardest near misses the corpus offers. Prints precision and recall of the clustering as the
// indexer does it (IndexWriter::cluster_for): a pair joins when the two signatures share a band
// term (the lookup) and are near (fingerprint::near); also how many pairs near() alone would join.
// usage: dateline-dedup-bench FILE.jsonl[.gz]   (plain JSON Lines; gunzip first)
#include "analyzers/fingerprint.h"
#include "analyzers/text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace dateline;

namespace {

struct Doc {
    std::string body, key; // key: first topic + day
};

std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        cur += c;
        if (c == '.' && cur.size() > 20) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!text::trim(cur).empty()) out.push_back(cur);
    return out;
}

std::string alter(const std::string& body, int kind, std::mt19937& rng) {
    auto parts = sentences(body);
    std::string out;
    std::size_t keep = parts.size();
    if (kind == 0 || kind == 3)
        keep = std::max<std::size_t>(1, parts.size() - std::max<std::size_t>(1, parts.size() / 5));
    for (std::size_t i = 0; i < keep; ++i)
        out += parts[i];
    if (kind == 1 || kind == 3)
        out += "\n\nAdditional reporting by our correspondents; editing by the news desk.";
    if (kind == 2 || kind == 3) {
        auto tokens = text::tokenize(out);
        std::string changed = out;
        for (int n = 0; n < 3 && !tokens.empty(); ++n) {
            const auto& t = tokens[rng() % tokens.size()];
            changed.replace(t.offset, t.text.size(), std::string(t.text.size(), 'x'));
        }
        out = changed;
    }
    return out;
}

// What the indexer decides for two signatures: the second finds the first through a shared band
// term, then keeps it when near.
bool clustered(const std::optional<fingerprint::Signature>& a,
               const std::optional<fingerprint::Signature>& b) {
    if (!a || !b || !fingerprint::near(*a, *b)) return false;
    const auto bands_a = fingerprint::band_values(*a), bands_b = fingerprint::band_values(*b);
    for (const auto& band : bands_a)
        if (std::find(bands_b.begin(), bands_b.end(), band) != bands_b.end()) return true;
    return false;
}

bool near_alone(const std::optional<fingerprint::Signature>& a,
                const std::optional<fingerprint::Signature>& b) {
    return a && b && fingerprint::near(*a, *b);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: dateline-dedup-bench FILE.jsonl\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::vector<Doc> docs;
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j["body"].is_string()) continue;
        std::string body = j["body"];
        if (text::tokenize(body).size() < 60) continue; // too short to alter meaningfully
        std::string key;
        if (j["topics"].is_array() && !j["topics"].empty() && j["published"].is_string())
            key = j["topics"][0].get<std::string>() + "|" +
                  j["published"].get<std::string>().substr(0, 10);
        docs.push_back({body, key});
    }
    std::mt19937 rng(1987);
    long tp = 0, fn = 0, fp = 0, tn = 0;
    long near_tp = 0, near_fp = 0; // pairs near() alone joins: what the band lookup costs
    std::map<int, std::pair<long, long>> by_kind;
    const std::size_t positives = std::min<std::size_t>(docs.size(), 4000);
    for (std::size_t i = 0; i < positives; ++i) {
        const auto& d = docs[(i * 7919) % docs.size()];
        int kind = static_cast<int>(i % 4);
        auto a = fingerprint::minhash(d.body), b = fingerprint::minhash(alter(d.body, kind, rng));
        bool hit = clustered(a, b);
        near_tp += near_alone(a, b);
        (hit ? tp : fn)++;
        (hit ? by_kind[kind].first : by_kind[kind].second)++;
    }
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (!docs[i].key.empty()) groups[docs[i].key].push_back(i);
    for (const auto& [key, members] : groups) {
        for (std::size_t x = 0; x + 1 < members.size(); ++x) {
            const auto &a = docs[members[x]].body, &b = docs[members[x + 1]].body;
            if (fingerprint::exact(a) == fingerprint::exact(b))
                continue; // the corpus's own resends
            auto sa = fingerprint::minhash(a), sb = fingerprint::minhash(b);
            bool hit = clustered(sa, sb);
            near_fp += near_alone(sa, sb);
            (hit ? fp : tn)++;
        }
    }
    const char* kinds[] = {"trimmed ending", "added line", "3 words changed", "all three"};
    std::cout << "near-duplicate pairs built from " << docs.size() << " articles of >= 60 words\n";
    for (auto& [kind, counts] : by_kind)
        std::cout << "  positives, " << kinds[kind] << ": found " << counts.first << " of "
                  << counts.first + counts.second << "\n";
    std::cout << "  negatives (same topic, same day, different text): " << fp + tn
              << ", wrongly joined " << fp << "\n";
    const double p = tp + fp ? double(tp) / double(tp + fp) : 0,
                 r = tp + fn ? double(tp) / double(tp + fn) : 0;
    std::printf("precision %.4f  recall %.4f  (a shared band term, then estimated resemblance "
                ">= %.2f)\n",
                p, r, fingerprint::near_similarity);
    std::printf("  near() alone, without the band lookup: %ld positives found, %ld negatives "
                "joined\n",
                near_tp, near_fp);
}
