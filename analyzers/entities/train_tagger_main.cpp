// dateline-train-tagger: trains the statistical name tagger (tagger.h) on a NEREL-style corpus
// (brat .txt + .ann) and scores it, as ../shared/tools/score-mentions does: each document's
// (type, text) mentions as multisets, micro-averaged.
//
// usage: dateline-train-tagger train TRAIN_DIR DEV_DIR MODEL_OUT [EPOCHS]
//        dateline-train-tagger score MODEL DIR...
//        dateline-train-tagger tag MODEL DIR OUT.jsonl   {"id", "mentions"} a line, for
//        score-mentions
//
// Training is deterministic: three perceptrons (TAGGER_BAGS) each visit the lines in an order
// drawn from their own fixed-seed Mersenne Twister, and leave features out (dropout) as a second
// fixed-seed generator draws, one thread; the model is the mean of their averaged weights. The
// epoch kept is the one with the best mention F1 on DEV_DIR (tuning on the dev split only); the
// train split's own score is printed beside it, so overfitting shows.
#include "analyzers/entities/tagger.h"
#include "analyzers/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;
using namespace dateline;
using namespace dateline::entities::tagger;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error(p.string() + ": cannot read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<EntityType> nerel_type(std::string_view t) {
    if (t == "PERSON") return EntityType::person;
    if (t == "ORGANIZATION") return EntityType::organization;
    if (t == "COUNTRY" || t == "CITY" || t == "STATE_OR_PROVINCE" || t == "STATE_OR_PROV" ||
        t == "DISTRICT" || t == "LOCATION")
        return EntityType::place;
    return std::nullopt;
}

struct GoldSpan {
    std::size_t begin, end; // bytes
    EntityType type;
};

using Mentions = std::map<std::pair<EntityType, std::string>, int>;

struct Document {
    std::string id, text;
    std::vector<GoldSpan> spans; // continuous gold spans, in bytes
    Mentions gold;               // every gold mention, discontinuous ones too
};

Document read_document(const fs::path& txt) {
    Document d;
    d.id = txt.stem().string();
    d.text = read_file(txt);
    // brat offsets count code points.
    std::vector<std::size_t> byte_at;
    for (std::size_t pos = 0; pos < d.text.size();) {
        byte_at.push_back(pos);
        text::next_code_point(d.text, pos);
    }
    byte_at.push_back(d.text.size());
    std::istringstream ann(read_file(fs::path(txt).replace_extension(".ann")));
    std::string line;
    while (std::getline(ann, line)) {
        if (line.empty() || line[0] != 'T') continue;
        const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos) continue;
        const std::string info = line.substr(tab1 + 1, tab2 - tab1 - 1);
        const std::string written = text::collapse_whitespace(line.substr(tab2 + 1));
        std::istringstream fields(info);
        std::string type;
        fields >> type;
        const auto t = nerel_type(type);
        if (!t || written.empty()) continue;
        ++d.gold[{*t, written}];
        if (info.find(';') != std::string::npos) continue;
        std::size_t b = 0, e = 0;
        fields >> b >> e;
        if (e <= b || e >= byte_at.size()) continue;
        d.spans.push_back({byte_at[b], byte_at[e], *t});
    }
    return d;
}

std::vector<Document> read_corpus(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    if (files.empty()) throw std::runtime_error(dir.string() + ": no .txt files");
    std::sort(files.begin(), files.end());
    std::vector<Document> out;
    for (const auto& f : files)
        out.push_back(read_document(f));
    return out;
}

// The spans of each chain: the outermost spans of its type, or for a nested chain the outermost
// of those lying strictly inside an outer one. Overlapping spans: the longer wins.
std::array<std::vector<GoldSpan>, chain_count> chain_spans(const std::vector<GoldSpan>& spans) {
    auto contains = [](const GoldSpan& o, const GoldSpan& s) {
        return o.begin <= s.begin && s.end <= o.end && o.end - o.begin > s.end - s.begin;
    };
    auto outermost = [&](std::vector<GoldSpan> l) {
        std::sort(l.begin(), l.end(), [](const GoldSpan& a, const GoldSpan& b) {
            return a.end - a.begin > b.end - b.begin;
        });
        std::vector<GoldSpan> kept;
        for (const auto& s : l)
            if (std::none_of(kept.begin(), kept.end(),
                             [&](const GoldSpan& k) { return s.begin < k.end && k.begin < s.end; }))
                kept.push_back(s);
        return kept;
    };
    std::array<std::vector<GoldSpan>, chain_count> out;
    for (std::size_t c = 0; c < chain_count; ++c) {
        std::vector<GoldSpan> of_type;
        for (const auto& s : spans)
            if (s.type == chains[c].type) of_type.push_back(s);
        const auto outer = outermost(of_type);
        if (!chains[c].nested) {
            out[c] = outer;
            continue;
        }
        std::vector<GoldSpan> inner;
        for (const auto& s : of_type)
            if (std::any_of(outer.begin(), outer.end(), [&](auto& o) { return contains(o, s); }))
                inner.push_back(s);
        out[c] = outermost(inner);
    }
    return out;
}

struct Line {
    std::vector<std::int32_t> features; // features_per_token per token; -1: not in the model
    std::vector<std::array<Label, chain_count>> gold;
};

std::vector<std::vector<Token>> lines_of(const std::vector<Token>& tokens) {
    std::vector<std::vector<Token>> out;
    for (const auto& t : tokens) {
        if (t.line_start || out.empty()) out.emplace_back();
        out.back().push_back(t);
    }
    return out;
}

std::vector<std::array<Label, chain_count>> gold_labels(const std::vector<Token>& line,
                                                        const Document& d) {
    std::vector<std::array<Label, chain_count>> labels(line.size());
    for (auto& l : labels)
        l.fill(outside);
    const auto by_chain = chain_spans(d.spans);
    for (std::size_t c = 0; c < chain_count; ++c)
        for (const auto& s : by_chain[c]) {
            std::size_t first = line.size(), last = 0;
            bool aligned_begin = false, aligned_end = false;
            for (std::size_t i = 0; i < line.size(); ++i) {
                const std::size_t b = line[i].offset, e = b + line[i].text.size();
                if (b >= s.begin && e <= s.end) {
                    first = std::min(first, i);
                    last = i;
                }
                aligned_begin = aligned_begin || b == s.begin;
                aligned_end = aligned_end || e == s.end;
            }
            if (first == line.size() || !aligned_begin || !aligned_end) continue;
            labels[first][c] = begin;
            for (std::size_t i = first + 1; i <= last; ++i)
                labels[i][c] = inside;
        }
    return labels;
}

Mentions predicted(const Model& m, const Document& d) {
    Mentions out;
    for (const auto& s : m.tag(d.text))
        ++out[{s.type(), text::collapse_whitespace(
                             std::string_view(d.text).substr(s.begin, s.end - s.begin))}];
    return out;
}

struct Counts {
    std::map<EntityType, std::array<long, 3>> by_type; // tp, fp, fn
};

double f1_of(const std::array<long, 3>& c) {
    const double p = c[0] + c[1] ? double(c[0]) / (c[0] + c[1]) : 0,
                 r = c[0] + c[2] ? double(c[0]) / (c[0] + c[2]) : 0;
    return p + r ? 2 * p * r / (p + r) : 0;
}

// Prints per-type and overall figures; returns the overall mention F1.
double score(const Model& m, const std::vector<Document>& docs, const std::string& name,
             bool print) {
    Counts c;
    for (const auto& d : docs) {
        const auto pred = predicted(m, d);
        Mentions all = d.gold;
        for (const auto& [k, v] : pred)
            all[k] += 0;
        for (const auto& [k, unused] : all) {
            const int g = d.gold.contains(k) ? d.gold.at(k) : 0;
            const int p = pred.contains(k) ? pred.at(k) : 0;
            auto& t = c.by_type[k.first];
            t[0] += std::min(g, p);
            t[1] += p - std::min(g, p);
            t[2] += g - std::min(g, p);
        }
    }
    std::array<long, 3> total{};
    for (const auto& [type, t] : c.by_type) {
        for (int k = 0; k < 3; ++k)
            total[k] += t[k];
        if (print)
            std::printf("%s %s: f1=%.3f (tp=%ld fp=%ld fn=%ld)\n", name.c_str(),
                        entity_type_name(type), f1_of(t), t[0], t[1], t[2]);
    }
    if (print)
        std::printf("%s mentions: f1=%.3f (tp=%ld fp=%ld fn=%ld)\n", name.c_str(), f1_of(total),
                    total[0], total[1], total[2]);
    return f1_of(total);
}

class Trainer {
  public:
    Trainer(const std::vector<Document>& train, std::uint32_t min_count, double dropout,
            std::uint64_t seed)
        : dropout_(dropout), drop_rng_(seed) {
        std::unordered_map<std::uint64_t, std::uint32_t> counts;
        std::vector<std::uint64_t> keys;
        std::vector<std::pair<std::vector<std::uint64_t>, std::vector<std::array<Label, 4>>>> raw;
        for (const auto& d : train) {
            const auto tokens = tokenize(d.text);
            const auto lower_case = lower_case_words(tokens);
            for (const auto& line : lines_of(tokens)) {
                features(line, lower_case, keys);
                for (auto k : keys)
                    ++counts[k];
                raw.emplace_back(keys, gold_labels(line, d));
            }
        }
        for (const auto& [k, n] : counts)
            if (n >= min_count) keys_.push_back(k);
        std::sort(keys_.begin(), keys_.end());
        std::unordered_map<std::uint64_t, std::int32_t> index;
        for (std::size_t i = 0; i < keys_.size(); ++i)
            index.emplace(keys_[i], static_cast<std::int32_t>(i));
        for (auto& [ks, gold] : raw) {
            Line l;
            for (auto k : ks) {
                auto it = index.find(k);
                l.features.push_back(it == index.end() ? -1 : it->second);
            }
            l.gold = std::move(gold);
            lines_.push_back(std::move(l));
        }
        w_.assign(keys_.size() * row_size, 0);
        u_ = w_;
        std::fprintf(stderr, "train: %zu lines, %zu features kept of %zu\n", lines_.size(),
                     keys_.size(), counts.size());
    }

    void epoch(std::mt19937_64& rng) {
        std::vector<std::size_t> order(lines_.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[rng() % i]);
        std::vector<float> em;
        std::vector<std::int32_t> kept; // the line's features, some dropped out
        const auto threshold = static_cast<std::uint64_t>(
            dropout_ * static_cast<double>(std::numeric_limits<std::uint64_t>::max()));
        for (auto li : order) {
            const Line& l = lines_[li];
            const std::size_t n = l.gold.size();
            kept = l.features;
            if (dropout_ > 0)
                for (std::size_t f = 0; f < kept.size(); ++f)
                    if (f % features_per_token != 0 && drop_rng_() < threshold) kept[f] = -1;
            em.assign(n * row_size, 0);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t f = 0; f < features_per_token; ++f)
                    if (const auto k = kept[i * features_per_token + f]; k >= 0)
                        for (std::size_t r = 0; r < row_size; ++r)
                            em[i * row_size + r] += w_[std::size_t(k) * row_size + r];
            ++step_;
            for (std::size_t c = 0; c < chain_count; ++c) {
                const auto pred = decode(em, n, c, t_[c]);
                for (std::size_t i = 0; i < n; ++i) {
                    const Label g = l.gold[i][c], p = pred[i];
                    const std::size_t gp = i ? std::size_t{l.gold[i - 1][c]} : label_count,
                                      pp = i ? std::size_t{pred[i - 1]} : label_count;
                    if (g != p || gp != pp) {
                        bump(t_[c][gp][g], tu_[c][gp][g], 1);
                        bump(t_[c][pp][p], tu_[c][pp][p], -1);
                    }
                    if (g == p) continue;
                    for (std::size_t f = 0; f < features_per_token; ++f)
                        if (const auto k = kept[i * features_per_token + f]; k >= 0) {
                            const std::size_t base = std::size_t(k) * row_size + c * label_count;
                            bump(w_[base + g], u_[base + g], 1);
                            bump(w_[base + p], u_[base + p], -1);
                        }
                }
            }
        }
    }

    // The averaged weights, row_size per kept feature, and the averaged transitions.
    void averaged(std::vector<float>& rows, std::array<Transitions, chain_count>& t) const {
        const float c = static_cast<float>(step_);
        rows.resize(w_.size());
        for (std::size_t i = 0; i < w_.size(); ++i)
            rows[i] = w_[i] - u_[i] / c;
        for (std::size_t ch = 0; ch < chain_count; ++ch)
            for (std::size_t a = 0; a <= label_count; ++a)
                for (std::size_t b = 0; b < label_count; ++b)
                    t[ch][a][b] = t_[ch][a][b] - tu_[ch][a][b] / c;
    }

    const std::vector<std::uint64_t>& keys() const { return keys_; }

  private:
    void bump(float& w, float& u, float d) const {
        w += d;
        u += static_cast<float>(step_) * d;
    }

    std::vector<std::uint64_t> keys_;
    std::vector<Line> lines_;
    std::vector<float> w_, u_; // weights, and their step-weighted sums (for averaging)
    std::array<Transitions, chain_count> t_{}, tu_{};
    long step_ = 0;
    double dropout_ = 0; // the share of a line's features left out at each visit
    std::mt19937_64 drop_rng_;
};

// The model of the mean of several trainers' averaged weights (the same features, lines visited in
// different orders); rows that come to zero are left out.
std::string model_of(const std::vector<std::unique_ptr<Trainer>>& trainers) {
    std::vector<float> sum, rows;
    std::array<Transitions, chain_count> t_sum{}, t;
    const auto n = static_cast<float>(trainers.size());
    for (const auto& tr : trainers) {
        tr->averaged(rows, t);
        sum.resize(rows.size(), 0.0f);
        for (std::size_t i = 0; i < rows.size(); ++i)
            sum[i] += rows[i] / n;
        for (std::size_t ch = 0; ch < chain_count; ++ch)
            for (std::size_t a = 0; a <= label_count; ++a)
                for (std::size_t b = 0; b < label_count; ++b)
                    t_sum[ch][a][b] += t[ch][a][b] / n;
    }
    const auto& all_keys = trainers.front()->keys();
    std::vector<std::uint64_t> keys;
    std::vector<float> weights;
    for (std::size_t f = 0; f < all_keys.size(); ++f) {
        const auto row = std::span(sum).subspan(f * row_size, row_size);
        if (std::none_of(row.begin(), row.end(), [](float w) { return std::fabs(w) > 1e-3f; }))
            continue;
        keys.push_back(all_keys[f]);
        weights.insert(weights.end(), row.begin(), row.end());
    }
    return write_model(keys, weights, t_sum);
}

int train(const fs::path& train_dir, const fs::path& dev_dir, const fs::path& out, int epochs) {
    const auto train_docs = read_corpus(train_dir), dev_docs = read_corpus(dev_dir);
    // Features seen once are mostly names of one article: keeping them costs size and dev F1.
    const char* min_count = std::getenv("TAGGER_MIN_COUNT");
    // Several perceptrons over the same features, each visiting the lines in its own order, and
    // the mean of their weights (bagging over orders: less variance than one order's model).
    const char* bags = std::getenv("TAGGER_BAGS");
    const std::size_t n = bags ? std::stoul(bags) : 3;
    // Dropout (TAGGER_DROPOUT, 0.1): at each visit of a line, each of its features but the bias is
    // left out with this probability, so that no single word feature carries a name alone: the
    // chains lean on the context as well (NEREL dev, tagger alone: organization 0.705 -> 0.725,
    // place 0.862 -> 0.868, person 0.897 -> 0.900; 0.05, 0.15, 0.2, 0.3 and five bags scored
    // lower; scaling the kept weights up by 1 / (1 - p) in training scored lower too, 0.706).
    const char* dropout = std::getenv("TAGGER_DROPOUT");
    std::vector<std::unique_ptr<Trainer>> trainers;
    std::vector<std::mt19937_64> rngs;
    for (std::size_t i = 0; i < n; ++i) {
        trainers.push_back(std::make_unique<Trainer>(train_docs,
                                                     min_count ? std::stoul(min_count) : 2,
                                                     dropout ? std::stod(dropout) : 0.1, 1018 + i));
        rngs.emplace_back(18 + i);
    }
    std::string best;
    double best_f1 = -1;
    int best_epoch = 0;
    for (int e = 1; e <= epochs; ++e) {
        for (std::size_t i = 0; i < n; ++i)
            trainers[i]->epoch(rngs[i]);
        std::string bytes = model_of(trainers);
        const double f1 = score(Model(bytes), dev_docs, "dev", false);
        std::fprintf(stderr, "epoch %d: dev mention f1 %.4f\n", e, f1);
        if (f1 > best_f1) {
            best_f1 = f1;
            best_epoch = e;
            best = std::move(bytes);
        }
    }
    std::ofstream(out, std::ios::binary) << best;
    const Model m(best);
    std::printf("kept epoch %d: %zu features, %zu bytes\n", best_epoch, m.feature_count(),
                best.size());
    score(m, dev_docs, "dev", true);
    score(m, train_docs, "train", true);
    return 0;
}

int tag(const Model& m, const fs::path& dir, const fs::path& out) {
    std::ofstream f(out);
    for (const auto& d : read_corpus(dir)) {
        nlohmann::json mentions = nlohmann::json::array();
        for (const auto& s : m.tag(d.text))
            mentions.push_back({{"text", d.text.substr(s.begin, s.end - s.begin)},
                                {"type", entity_type_name(s.type())}});
        f << nlohmann::json{{"id", d.id}, {"mentions", mentions}}.dump() << '\n';
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> a(argv + 1, argv + argc);
        if (a.size() >= 4 && a[0] == "train")
            return train(a[1], a[2], a[3], a.size() > 4 ? std::stoi(a[4]) : 10);
        if (a.size() >= 3 && a[0] == "score") {
            const Model m(read_file(a[1]));
            for (std::size_t i = 2; i < a.size(); ++i)
                score(m, read_corpus(a[i]), fs::path(a[i]).filename().string(), true);
            return 0;
        }
        if (a.size() == 4 && a[0] == "tag") return tag(Model(read_file(a[1])), a[2], a[3]);
        std::cerr << "usage: dateline-train-tagger train TRAIN_DIR DEV_DIR MODEL_OUT [EPOCHS]\n"
                     "       dateline-train-tagger score MODEL DIR...\n"
                     "       dateline-train-tagger tag MODEL DIR OUT.jsonl\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dateline-train-tagger: " << e.what() << '\n';
        return 1;
    }
}
