// dateline-entities-bench: tags the articles of a JSON Lines file (plain or gzip) the way
// `dateline-index --field body=dateline,body` builds them (title; body = the dateline, a blank
// line, the body; language when the record gives one) and writes one {"id", "entities",
// "mentions"} object a line: the salient entities, and how many mentions were located. Reports to
// stderr the tagging time alone (one thread, mentions included) and the gazetteer's memory.
// --all-places reports every place mentioned instead of the salient ones; --evidence adds each
// article's salience evidence ("places"), each country's with the features the learned salience
// model weighs ("features", salience.h). --language XX tags every article as written in XX
// (ISO 639-1), whatever its record says: "--language ru" runs the Russian analysis, statistical
// tagger included (statistical_names.h), on English wire copy, to time the tagger on Reuters.
// usage: dateline-entities-bench INPUT.jsonl[.gz] [OUTPUT.jsonl] [--all-places] [--evidence]
//        [--language XX] [--gazetteer FILE]...
#include "analyzers/entities/entities.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/tagger.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <zlib.h>

namespace {

long resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

bool read_line(gzFile f, std::string& line) {
    line.clear();
    char buf[65536];
    while (gzgets(f, buf, sizeof buf)) {
        line += buf;
        if (!line.empty() && line.back() == '\n') return true;
    }
    return !line.empty();
}

nlohmann::json evidence_json(const dateline::Article& a,
                             const dateline::entities::Gazetteer& gazetteer) {
    using dateline::entities::CountryEvidence;
    auto position = [](std::size_t p) {
        return p == CountryEvidence::never ? nlohmann::json(nullptr) : nlohmann::json(p);
    };
    nlohmann::json list = nlohmann::json::array();
    const auto evidence = dateline::entities::explain_places(a, gazetteer);
    const auto features = dateline::entities::salience_features(evidence);
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        const auto& e = evidence[i];
        nlohmann::json weighed = nlohmann::json::object();
        for (std::size_t f = 0; f < features[i].size(); ++f)
            weighed[std::string(dateline::entities::salience_feature_names[f])] = features[i][f];
        list.push_back({{"country", e.country},
                        {"mentions", e.mentions},
                        {"weak_mentions", e.weak_mentions},
                        {"body_mentions", e.body_mentions},
                        {"first_word", position(e.first_word)},
                        {"first_sentence", position(e.first_sentence)},
                        {"story_words", e.story_words},
                        {"dateline", e.dateline},
                        {"title", e.title},
                        {"name_mentions", e.name_mentions},
                        {"demonym_mentions", e.demonym_mentions},
                        {"place_mentions", e.place_mentions},
                        {"org_mentions", e.org_mentions},
                        {"features", std::move(weighed)}});
    }
    return list;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc), positional, extra;
    dateline::entities::TagOptions options;
    bool evidence = false;
    std::string language; // empty: each record's own
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--gazetteer" && i + 1 < args.size())
            extra.push_back(args[++i]);
        else if (args[i] == "--language" && i + 1 < args.size())
            language = args[++i];
        else if (args[i] == "--all-places")
            options.places = dateline::entities::PlaceSelection::all;
        else if (args[i] == "--evidence")
            evidence = true;
        else
            positional.push_back(args[i]);
    }
    if (positional.empty() || positional.size() > 2) {
        std::cerr << "usage: dateline-entities-bench INPUT.jsonl[.gz] [OUTPUT.jsonl] "
                     "[--all-places] [--evidence] [--language XX] [--gazetteer FILE]...\n";
        return 2;
    }
    const long before = resident_kib();
    const auto load_start = std::chrono::steady_clock::now();
    dateline::entities::Gazetteer gazetteer;
    try {
        gazetteer = dateline::entities::load_gazetteer(extra);
    } catch (const std::exception& e) {
        std::cerr << "dateline-entities-bench: " << e.what() << "\n";
        return 2;
    }
    dateline::entities::tagger::bundled_model(); // loaded once, before the clock starts
    const double load_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    const long after = resident_kib();

    gzFile in = gzopen(positional[0].c_str(), "rb");
    if (!in) {
        std::cerr << "dateline-entities-bench: cannot open " << positional[0] << "\n";
        return 2;
    }
    std::ofstream file;
    if (positional.size() == 2) file.open(positional[1]);
    std::ostream& out = positional.size() == 2 ? file : std::cout;

    std::string line;
    std::size_t articles = 0;
    std::chrono::duration<double> tagging{0};
    while (read_line(in, line)) {
        if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        const auto j = nlohmann::json::parse(line);
        dateline::Article a;
        a.id = j.value("id", "");
        // The language picks the inflected aliases and whether the statistical tagger runs.
        a.language = language.empty() ? j.value("language", "") : language;
        a.title = j.value("title", "");
        a.body = j.value("body", "");
        if (const std::string d = j.value("dateline", ""); !d.empty())
            a.body = a.body.empty() ? d : d + "\n\n" + a.body;
        const auto t0 = std::chrono::steady_clock::now();
        const auto [entities, mentions] = dateline::entities::tag_all(a, gazetteer, options);
        tagging += std::chrono::steady_clock::now() - t0;
        ++articles;
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : entities) {
            if (!e.salient) continue;
            nlohmann::json o{
                {"name", e.name}, {"type", dateline::entity_type_name(e.type)}, {"count", e.count}};
            if (!e.country.empty()) o["country"] = e.country;
            list.push_back(std::move(o));
        }
        nlohmann::json record{
            {"id", a.id}, {"entities", std::move(list)}, {"mentions", mentions.size()}};
        if (evidence) record["places"] = evidence_json(a, gazetteer);
        out << record.dump() << "\n";
    }
    gzclose(in);
    std::cerr << "entities: " << gazetteer.size() << " gazetteer entities, loaded in " << load_s
              << " s, " << (after - before) / 1024.0 << " MiB resident\n"
              << "tagged " << articles << " articles in " << tagging.count()
              << " s: " << static_cast<long>(articles / std::max(tagging.count(), 1e-9))
              << " articles/s (one thread, tagging only)\n";
    return 0;
}
