// dateline-extract-bench: runs extract_html over HTML pages (optionally gzip-compressed) and
//   - writes predictions JSON {ID: {"articleBody": text}} (ID = file name without .html[.gz]);
//     with --headline the text is the extracted title, a newline, then the body (the way the
//     Dragnet pages' gold is marked),
//   - prints pages per second of the extraction alone (files are read before the clock starts;
//     one thread, thread CPU time so that other load on the machine does not count), best of
//     --rounds runs,
//   - with --labels FILE ({ID: {"title", "published": "YYYY-MM-DD", "source"}}), prints how many
//     labelled titles, dates and sources the extractor got right.
// usage: dateline-extract-bench --out PRED.json [--labels LABELS.json] [--rounds N] [--headline]
//        [--verbose] [--explain] FILE...
//   --verbose: print each metadata miss; --explain: print each page's explanation.
#include "analyzers/dates.h"
#include "analyzers/text.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/html_document.h"

#include <cctype>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using dateline::extract::Extraction;
using nlohmann::json;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string page_id(const std::string& path) {
    std::string name = path.substr(path.find_last_of('/') + 1);
    for (const char* ext : {".gz", ".html", ".htm"})
        if (name.ends_with(ext)) name.erase(name.size() - std::string_view(ext).size());
    return name;
}

// Letters and digits, folded, without a leading "the": "The Guardian" == "the Guardian".
std::string norm(std::string_view s) {
    std::string f = dateline::text::fold(s);
    if (f.starts_with("the ")) f.erase(0, 4);
    std::string out;
    for (char c : f)
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) out += c;
    return out;
}

int usage() {
    std::cerr
        << "usage: dateline-extract-bench --out PRED.json [--labels LABELS.json] [--rounds N] "
           "[--headline] [--verbose] [--explain] FILE...\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string out_path, labels_path;
    int rounds = 3;
    bool verbose = false, explain = false, headline = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--out" && i + 1 < argc)
            out_path = argv[++i];
        else if (arg == "--labels" && i + 1 < argc)
            labels_path = argv[++i];
        else if (arg == "--rounds" && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--verbose")
            verbose = true;
        else if (arg == "--explain")
            explain = true;
        else if (arg == "--headline")
            headline = true;
        else if (arg.starts_with("--"))
            return usage();
        else
            files.push_back(arg);
    }
    if (out_path.empty() || files.empty()) return usage();

    // Pages are read and inflated before the clock starts: only extraction is timed.
    std::vector<std::string> contents;
    for (const auto& f : files)
        contents.push_back(dateline::extract::maybe_gunzip(read_file(f)));

    std::vector<std::optional<Extraction>> results(files.size());
    std::vector<std::string> errors(files.size());
    double best = 1e300;
    for (int r = 0; r < rounds; ++r) {
        timespec start{}, stop{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
        for (std::size_t i = 0; i < files.size(); ++i) {
            try {
                dateline::extract::PageInfo page;
                page.path = files[i];
                results[i] = dateline::extract::extract_html(contents[i], page);
            } catch (const dateline::extract::ExtractError& e) {
                results[i].reset();
                errors[i] = e.what();
            }
        }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &stop);
        double secs =
            double(stop.tv_sec - start.tv_sec) + double(stop.tv_nsec - start.tv_nsec) / 1e9;
        best = std::min(best, secs);
    }

    json pred = json::object();
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string text;
        if (results[i]) {
            const dateline::Article& a = results[i]->article;
            text = headline && !a.title.empty() ? a.title + "\n" + a.body : a.body;
        }
        pred[page_id(files[i])] = {{"articleBody", text}};
        if (!results[i])
            std::cerr << files[i] << ": " << errors[i] << '\n';
        else if (explain) {
            std::cout << "== " << files[i] << '\n';
            dateline::extract::print_explanation(*results[i], std::cout);
        }
    }
    std::ofstream(out_path) << pred.dump(1) << '\n';
    std::cout << "pages: " << files.size() << "  extraction time: " << best
              << " s CPU  pages/s: " << static_cast<long>(double(files.size()) / best)
              << " (one core, best of " << rounds << ")\n";

    if (!labels_path.empty()) {
        json labels = json::parse(read_file(labels_path));
        if (labels.contains("pages")) labels = labels["pages"];
        int n[3] = {0, 0, 0}, ok[3] = {0, 0, 0};
        const char* names[3] = {"title", "published", "source"};
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::string id = page_id(files[i]);
            if (!labels.contains(id)) continue;
            const json& l = labels[id];
            const dateline::Article* a = results[i] ? &results[i]->article : nullptr;
            for (int k = 0; k < 3; ++k) {
                if (!l.contains(names[k]) || !l[names[k]].is_string()) continue;
                std::string want = l[names[k]].get<std::string>();
                std::string got;
                if (a) {
                    if (k == 0)
                        got = a->title;
                    else if (k == 1)
                        got = a->published
                                  ? dateline::dates::format_iso(*a->published).substr(0, 10)
                                  : "";
                    else
                        got = a->source;
                }
                ++n[k];
                bool good = k == 1 ? got == want : norm(got) == norm(want);
                if (good)
                    ++ok[k];
                else if (verbose)
                    std::cerr << id.substr(0, 10) << " " << names[k] << ": got \"" << got
                              << "\" want \"" << want << "\"\n";
            }
        }
        std::cout << "metadata accuracy on " << labels.size() << " labelled pages:";
        for (int k = 0; k < 3; ++k)
            std::cout << "  " << names[k] << " " << ok[k] << "/" << n[k] << " ("
                      << (n[k] ? 100.0 * ok[k] / n[k] : 0.0) << "%)";
        std::cout << '\n';
    }
    return 0;
}
