// The write path alone, for profiling: reads JSON Lines, builds every document first (untimed, one
// thread), then writes them into a new database and prints the writing thread's CPU time per
// document. Variants isolate costs: raw (Xapian's add_document only, no lookups), strip=PREFIX
// (drop those terms first, e.g. XC), legacy (the writer before issue 5's speed work), nospell,
// batch=N, nosync, shards=N. scripts/bench-index times whole runs.
//
// usage: dateline-writer-bench [--variant 'legacy|new|raw|replace [nospell] [nosync] [batch=N]
//                              [shards=N] [strip=PREFIX]']... [--rounds N] [--limit N]
//                              [--field MAP]... FILE.jsonl DBDIR
// Variants run interleaved, round after round, on deep copies of the same documents; the summary
// gives each variant's best round (the least disturbed by other load on the machine).
#include "analyzers/fingerprint.h"
#include "analyzers/schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/pipeline.h"
#include "indexer/sources/source.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace dateline;

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void strip(Xapian::Document& doc, const std::vector<std::string>& prefixes) {
    std::vector<std::string> drop;
    for (const auto& prefix : prefixes) {
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            // An upper-case letter after the prefix would be a longer prefix (XC vs XCA).
            if (term.starts_with(prefix) &&
                !(term.size() > prefix.size() && std::isupper(term[prefix.size()])))
                drop.push_back(term);
        }
    }
    for (const auto& term : drop)
        doc.remove_term(term);
}

// The writer as it was before the KeyFilter and add/replace by docid (every lookup on the database,
// replace_document by id term, no spelling), for comparison: --legacy.
struct LegacyWriter {
    Xapian::WritableDatabase db;
    std::size_t batch, pending = 0;

    std::string cluster_for(const Xapian::Document& doc, Xapian::docid self,
                            const std::string& id_term) {
        const std::string own = id_term.substr(schema::prefix::id.size());
        const auto signature = fingerprint::decode(doc.get_value(schema::slot::minhash));
        if (!signature) return own;
        const std::string prefix(schema::prefix::cluster);
        std::size_t examined = 0;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (!term.starts_with(prefix) || term.size() <= prefix.size() ||
                term[prefix.size()] < '0' || term[prefix.size()] > '9')
                continue;
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && examined < 200;
                 ++p, ++examined) {
                if (*p == self) continue;
                Xapian::Document other = db.get_document(*p);
                auto theirs = fingerprint::decode(other.get_value(schema::slot::minhash));
                if (theirs && fingerprint::near(*signature, *theirs)) {
                    std::string cluster = other.get_value(schema::slot::cluster);
                    if (!cluster.empty()) return cluster;
                }
            }
        }
        return own;
    }

    void write(const std::string& id_term, const std::string& content_hash,
               const Xapian::Document& doc) {
        Xapian::docid self = 0;
        Xapian::PostingIterator it = db.postlist_begin(id_term);
        if (it != db.postlist_end(id_term)) {
            self = *it;
            if (db.get_document(self).get_value(schema::slot::content_hash) == content_hash) return;
        }
        const std::string exact = first_term_with_prefix(doc, schema::prefix::exact_text);
        if (!exact.empty())
            for (auto p = db.postlist_begin(exact); p != db.postlist_end(exact); ++p)
                if (*p != self) break;
        Xapian::Document stored = doc;
        const std::string cluster = cluster_for(doc, self, id_term);
        stored.add_value(schema::slot::cluster, cluster);
        stored.add_boolean_term(
            schema::id_term(cluster).replace(0, schema::prefix::id.size(), schema::prefix::story));
        db.replace_document(id_term, stored);
        if (++pending >= batch) {
            db.commit();
            pending = 0;
        }
    }
};

struct Setup {
    bool legacy = false, raw = false, replace = false, no_sync = false, spelling = true;
    bool keep = false; // raw, legacy: free the documents after the timed part (not one by one)
    unsigned shards = 0;
    std::size_t batch = 1000;
};

// The timed part (valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*write_all*').
[[gnu::noinline]] std::string write_all(std::vector<Processed>& items, const std::string& path,
                                        const Setup& setup) {
    if (setup.raw) {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN |
                                              (setup.no_sync ? Xapian::DB_NO_SYNC : 0));
        std::size_t pending = 0;
        for (auto& p : items) {
            if (setup.replace)
                db.replace_document(p.id_term, p.document);
            else
                db.add_document(p.document);
            if (!setup.keep)
                p.document = Xapian::Document(); // freed after writing, as in dateline-index
            if (++pending >= setup.batch) {
                db.commit();
                pending = 0;
            }
        }
        db.commit();
        return setup.replace ? "raw replace_document(id term)" : "raw add_document";
    }
    if (setup.legacy) {
        LegacyWriter writer{Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN), setup.batch};
        for (auto& p : items) {
            writer.write(p.id_term, p.content_hash, p.document);
            if (!setup.keep) p.document = Xapian::Document();
        }
        writer.db.commit();
        return "legacy writer";
    }
    IndexWriter writer(path, IndexWriter::Options{setup.batch, setup.no_sync, false, setup.shards,
                                                  setup.spelling});
    for (auto& p : items)
        writer.write(p.id_term, p.content_hash, std::move(p.document), std::move(p.spelling));
    writer.finish();
    const auto& s = writer.stats();
    std::printf("stats: decide %.2f s, write %.2f s, spelling %.2f s, commit %.2f s; %llu "
                "commits, %llu lookups skipped\n",
                s.decide, s.write, s.spelling, s.commit, static_cast<unsigned long long>(s.commits),
                static_cast<unsigned long long>(s.lookups_skipped));
    return setup.shards >= 1 ? "IndexWriter, " + std::to_string(setup.shards) + " shards"
                             : "IndexWriter";
}

// A variant: words separated by spaces: legacy | new | raw | replace, then any of nospell, nosync,
// batch=N, shards=N, strip=PREFIX.
struct Variant {
    std::string name;
    Setup setup;
    std::vector<std::string> strip;
};

Variant parse_variant(const std::string& text) {
    Variant v{text, {}, {}};
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty() || word == "new") continue;
        if (word == "legacy")
            v.setup.legacy = true;
        else if (word == "raw")
            v.setup.raw = true;
        else if (word == "replace")
            v.setup.raw = v.setup.replace = true;
        else if (word == "nospell")
            v.setup.spelling = false;
        else if (word == "nosync")
            v.setup.no_sync = true;
        else if (word == "keep")
            v.setup.keep = true;
        else if (word.starts_with("batch="))
            v.setup.batch = std::stoul(word.substr(6));
        else if (word.starts_with("shards="))
            v.setup.shards = static_cast<unsigned>(std::stoul(word.substr(7)));
        else if (word.starts_with("strip="))
            v.strip.push_back(word.substr(6));
        else
            throw std::invalid_argument("unknown variant word: " + word);
    }
    return v;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t limit = 0, rounds = 1;
    std::vector<std::string> variant_texts, args;
    PipelineOptions options;
    options.jobs = 1;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&] {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return std::string(argv[++i]);
        };
        if (a == "--variant")
            variant_texts.push_back(next());
        else if (a == "--rounds")
            rounds = std::stoul(next());
        else if (a == "--limit")
            limit = std::stoul(next());
        else if (a == "--field")
            options.fields.set(next());
        else
            args.push_back(a);
    }
    if (args.size() != 2) {
        std::cerr
            << "usage: dateline-writer-bench [--variant 'legacy|new|raw|replace [nospell] [nosync] "
               "[batch=N] [shards=N] [strip=PREFIX]']... [--rounds N] [--limit N] [--field MAP]... "
               "FILE.jsonl DBDIR\n";
        return 2;
    }
    if (variant_texts.empty()) variant_texts.push_back("new");
    std::vector<Variant> variants;
    for (const auto& text : variant_texts)
        variants.push_back(parse_variant(text));

    // The documents, built once and kept serialised: every run gets its own deep copies.
    struct Built {
        std::string id_term, content_hash, document;
        std::vector<SpellingWord> spelling;
    };
    std::vector<Built> built;
    DocumentBuilder builder;
    read_source(InputFile{args[0], 0, 0}, SourceOptions{},
                SourceSink{[&](RawItem&& item) {
                               if (limit && built.size() >= limit) return;
                               Processed p = process_item(item, options, &builder);
                               if (!p.article) return;
                               built.push_back({p.id_term, p.content_hash, p.document.serialise(),
                                                std::move(p.spelling)});
                           },
                           [](const std::string&, const std::string&) {}});
    const double n = static_cast<double>(built.size());

    std::vector<std::vector<double>> cpu(variants.size()), wall(variants.size());
    for (std::size_t round = 0; round < rounds; ++round) {
        for (std::size_t v = 0; v < variants.size(); ++v) {
            std::vector<Processed> items(built.size());
            for (std::size_t i = 0; i < built.size(); ++i) {
                items[i].id_term = built[i].id_term;
                items[i].content_hash = built[i].content_hash;
                items[i].document = Xapian::Document::unserialise(built[i].document);
                items[i].spelling = built[i].spelling;
                strip(items[i].document, variants[v].strip);
            }
            std::filesystem::remove_all(args[1]);
            const double cpu0 = thread_cpu_seconds(), wall0 = wall_seconds();
            const std::string what = write_all(items, args[1], variants[v].setup);
            cpu[v].push_back(thread_cpu_seconds() - cpu0);
            wall[v].push_back(wall_seconds() - wall0);
            const double free0 = thread_cpu_seconds();
            items.clear();
            const double free_cpu = thread_cpu_seconds() - free0;
            std::uintmax_t bytes = 0;
            for (const auto& f : std::filesystem::recursive_directory_iterator(args[1]))
                if (f.is_regular_file()) bytes += f.file_size();
            std::printf(
                "round %zu %-28s %s: CPU %.2f s (%.0f us/doc), wall %.2f s (%.0f docs/s), %.1f MB; "
                "freeing what was left: %.0f us/doc\n",
                round + 1, variants[v].name.c_str(), what.c_str(), cpu[v].back(),
                1e6 * cpu[v].back() / n, wall[v].back(), n / wall[v].back(),
                static_cast<double>(bytes) / 1e6, 1e6 * free_cpu / n);
            std::fflush(stdout);
        }
    }
    std::printf("%zu documents; best of %zu rounds (writing thread CPU; wall):\n", built.size(),
                rounds);
    for (std::size_t v = 0; v < variants.size(); ++v) {
        const double c = *std::min_element(cpu[v].begin(), cpu[v].end());
        const double w = *std::min_element(wall[v].begin(), wall[v].end());
        std::printf("  %-28s CPU %6.0f us/doc   wall %6.0f us/doc = %6.0f docs/s\n",
                    variants[v].name.c_str(), 1e6 * c / n, 1e6 * w / n, n / w);
    }
    std::filesystem::remove_all(args[1]);
    return 0;
}
