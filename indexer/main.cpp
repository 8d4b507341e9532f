// dateline-index: reads news articles (JSON Lines, HTML pages, text pages; files, folders, .gz,
// stdin), extracts and analyzes them, and writes a Xapian database. See README.md.
#include "analyzers/analyze.h"
#include "analyzers/article_json.h"
#include "analyzers/dates.h"
#include "analyzers/hash.h"
#include "analyzers/schema.h"
#include "analyzers/version.h"
#include "analyzers/xapian_call.h"
#include "indexer/compact.h"
#include "indexer/extract/extract.h"
#include "indexer/index_writer.h"
#include "indexer/inputs.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "indexer/remote_layout.h"
#include "indexer/sources/source.h"
#include "indexer/stop.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <archive.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

namespace {

using namespace dateline;

constexpr int exit_ok = 0, exit_usage = 2, exit_database = 3, exit_rejected = 4;
// Interrupted by SIGINT or SIGTERM: exit 128 + the signal's number (130, 143), as shells report.
constexpr int exit_signal_base = 128;

struct Counts {
    std::uint64_t read = 0, added = 0, updated = 0, unchanged = 0, rejected = 0, deleted = 0;
    std::uint64_t skipped_inputs = 0;
    std::uint64_t not_news = 0;    // files found in folders or archives and skipped as not news
    std::uint64_t special = 0;     // FIFOs, sockets and devices found in folders: not read
    std::uint64_t other_shard = 0; // --shard I/N: articles of the other shards, left out
};

// A fingerprint of the options that shape articles: an input indexed under other settings is read
// again.
std::string settings_fingerprint(const std::vector<std::string>& field_maps, bool no_entities,
                                 const std::string& language) {
    std::string s = "schema " + std::to_string(schema::version) +
                    (no_entities ? " no-entities" : "") + " lang " + language;
    for (const auto& m : field_maps)
        s += " field " + m;
    return content_hash(s);
}

// The bytes of a file, hashed (FNV-1a 64): tells a touched file from a changed one.
std::string hash_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Fnv1a64 h;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        h.update(std::string_view(buf, static_cast<std::size_t>(in.gcount())));
    return to_hex16(h.value());
}

std::string absolute_path(const std::string& path) {
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec);
    return ec ? path : abs.lexically_normal().string();
}

bool under_any(const std::string& path, const std::vector<std::string>& roots) {
    for (const auto& root : roots) {
        if (root == "-") continue;
        std::string r = absolute_path(root);
        if (path == r || path.starts_with(r.ends_with('/') ? r : r + "/")) return true;
    }
    return false;
}

// --version: the project and build, Xapian and libstemmer (version.h), then the libxml2 and
// libarchive actually loaded (their run-time version numbers, e.g. 20914 -> 2.9.14).
std::string version() {
    const long xml = std::strtol(xmlParserVersion, nullptr, 10); // 20914: 2.9.14
    const long archive = archive_version_number();               // 3006002: 3.6.2
    std::string text = version_text(
        "dateline-index",
        {{"libxml2", std::to_string(xml / 10000) + "." + std::to_string(xml / 100 % 100) + "." +
                         std::to_string(xml % 100)},
         {"libarchive", std::to_string(archive / 1000000) + "." +
                            std::to_string(archive / 1000 % 1000) + "." +
                            std::to_string(archive % 1000)}});
    text.pop_back(); // CLI11 ends the text with its own newline
    return text;
}

void report(const std::string& location, const std::string& reason) {
    std::cerr << "dateline-index: " << location << ": " << reason << "\n";
}

struct Cli {
    std::string db;
    std::string db_origin; // " (the path is $DATELINE_DB's)" when it is, for messages
    std::vector<std::string> inputs;
    std::vector<std::string> field_maps;
    std::size_t batch = 1000;
    unsigned jobs = 0;
    std::string emit;
    bool dry_run = false;
    bool no_entities = false;
    bool no_sync = false;
    unsigned shards = 0;
    std::string shard; // --shard I/N
    std::string stub;  // --stub OUT
    std::string compact;
    bool no_spelling = false;
    bool quiet = false;
    bool verbose = false;
    bool force = false;
    std::string duplicates = "keep";
    bool delete_missing = false;
    std::vector<std::string> delete_ids;
    std::string fetched_at;
    std::string explain;
    std::string default_language = "en";
    std::uint64_t max_record_bytes = 64u << 20;
    std::uint64_t max_article_bytes = 1u << 20;
    std::uint64_t max_expanded_bytes = 64ull << 30;
    double max_expansion = 200;
};

// --explain FILE: every field of one page (or record) and where it came from.
int explain(const Cli& cli, const PipelineOptions& options, const SourceOptions& source_options) {
    InputFile input{cli.explain, 0, 0};
    int status = exit_ok;
    read_source(
        input, source_options,
        SourceSink{
            [&](RawItem&& item) {
                if (item.kind == RawItem::Kind::html_page ||
                    item.kind == RawItem::Kind::text_page) {
                    extract::PageInfo page{item.origin, item.url, item.charset, item.fetched_at};
                    try {
                        auto x = item.kind == RawItem::Kind::html_page
                                     ? extract::extract_html(item.content, page)
                                     : extract::extract_text_page(item.content, page);
                        extract::print_explanation(x, std::cout);
                    } catch (const std::exception& e) {
                        report(item.location(), e.what());
                        status = exit_rejected;
                    }
                    return;
                }
                Processed p = process_item(item, options, nullptr);
                if (!p.article) {
                    report(p.location, p.error);
                    status = exit_rejected;
                    return;
                }
                std::cout << to_json(*p.article).dump(2) << "\n";
            },
            [&](const std::string& location, const std::string& reason) {
                report(location, reason);
                status = exit_rejected;
            }});
    return status;
}

int run(const Cli& cli) {
    PipelineOptions options;
    for (const auto& assignment : cli.field_maps)
        options.fields.set(assignment);
    options.analyze.tag_entities = !cli.no_entities;
    options.analyze.default_language = cli.default_language;
    options.jobs = cli.jobs ? cli.jobs : std::max(1u, std::thread::hardware_concurrency());
    options.build_documents = !cli.dry_run;
    options.max_article_bytes = cli.max_article_bytes;

    SourceOptions source_options;
    source_options.max_record_bytes = cli.max_record_bytes;
    source_options.expansion.max_bytes = cli.max_expanded_bytes;
    source_options.expansion.max_ratio = cli.max_expansion;
    if (!cli.fetched_at.empty()) {
        source_options.fetched_at = dates::parse(cli.fetched_at);
        if (!source_options.fetched_at) {
            std::cerr << "dateline-index: --fetched-at: not a date: '" << cli.fetched_at << "'\n";
            return exit_usage;
        }
    }
    if (!cli.explain.empty()) return explain(cli, options, source_options);
    if (!cli.compact.empty()) {
        if (!cli.inputs.empty() || !cli.delete_ids.empty()) {
            std::cerr << "dateline-index: --compact DB takes no inputs\n";
            return exit_usage;
        }
        const auto start = std::chrono::steady_clock::now();
        const CompactResult done = compact_shards(cli.compact);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!cli.quiet) {
            if (done.shards)
                std::fprintf(stderr,
                             "dateline-index: compacted %u shards into one database: %llu "
                             "articles in %s; in %.1f s\n",
                             done.shards, done.articles, cli.compact.c_str(), seconds);
            else
                std::fprintf(stderr, "dateline-index: %s is already one database (%llu articles)\n",
                             cli.compact.c_str(), done.articles);
        }
        return exit_ok;
    }
    if (!cli.stub.empty()) {
        const std::string file = write_stub(cli.stub, cli.inputs);
        if (!cli.quiet)
            std::fprintf(stderr, "dateline-index: wrote %s: %zu shards\n", file.c_str(),
                         cli.inputs.size());
        return exit_ok;
    }
    std::optional<ShardChoice> only;
    if (!cli.shard.empty()) only = parse_shard_choice(cli.shard);
    if (cli.inputs.empty() && cli.delete_ids.empty()) {
        std::cerr << "dateline-index: no inputs (give files, folders or - for stdin)\n";
        return exit_usage;
    }
    if (!cli.dry_run && cli.db.empty()) {
        std::cerr
            << "dateline-index: --db DIR is required (or set DATELINE_DB, or use --dry-run)\n";
        return exit_usage;
    }

    // A stub of remote shards as --db: no shard is written here, only the stub's companion, the
    // spelling words of every article (remote_layout.h).
    std::string write_to = cli.db;
    bool companion = false;
    if (!cli.dry_run)
        if (auto stub = remote_stub_file(cli.db)) {
            if (cli.shards || only || cli.no_spelling) {
                std::cerr << "dateline-index: " << cli.db
                          << " lists remote shards: indexing into it fills its companion (the "
                             "spelling words of every article), which --shards, --shard and "
                             "--no-spelling do not apply to; index each shard where it lives\n";
                return exit_usage;
            }
            write_to = schema::companion_path(*stub);
            companion = true;
        }

    Counts counts;
    std::unique_ptr<IndexWriter> writer;
    if (!cli.dry_run)
        writer = std::make_unique<IndexWriter>(
            write_to, IndexWriter::Options{cli.batch, cli.no_sync, cli.duplicates == "drop",
                                           cli.shards, !cli.no_spelling});

    const bool emit_jsonl = cli.emit == "jsonl";
    auto consume = [&](Processed&& p) {
        if (!p.article) {
            ++counts.rejected;
            report(p.location, p.error);
            return;
        }
        if (emit_jsonl) {
            auto j = to_json(*p.article);
            j["input"] = p.location;
            std::cout << j.dump() << "\n";
        }
        if (!writer) return;
        if (only && !in_shard(*only, p.id_term)) {
            ++counts.other_shard;
            return;
        }
        if (!p.input.empty()) {
            // Mark the article with its input, and let a move to another input count as a change.
            const std::string term = input_term(p.input);
            p.document.add_boolean_term(term);
            p.content_hash = content_hash(p.content_hash + term);
            p.document.add_value(schema::slot::content_hash, p.content_hash);
        }
        if (companion) p.document = companion_document(p.document);
        switch (writer->write(p.id_term, p.content_hash, std::move(p.document),
                              std::move(p.spelling))) {
        case IndexWriter::Outcome::added:
            ++counts.added;
            break;
        case IndexWriter::Outcome::updated:
            ++counts.updated;
            break;
        case IndexWriter::Outcome::unchanged:
            ++counts.unchanged;
            break;
        case IndexWriter::Outcome::dropped_duplicate:
            break;
        }
    };

    auto start = std::chrono::steady_clock::now();
    std::vector<InputFile> files = expand_inputs(
        cli.inputs,
        [&](const std::string& path, const std::string& why) {
            ++counts.rejected;
            report(path, why);
        },
        [&](const std::string& path, const std::string& why) {
            ++counts.special;
            if (cli.verbose) report(path, "skipped: " + why);
        });
    if (writer) {
        for (const auto& id : cli.delete_ids)
            counts.deleted += writer->remove(schema::id_term(id)) ? 1 : 0;
        if (cli.delete_missing) {
            std::set<std::string> present;
            for (const auto& f : files)
                present.insert(absolute_path(f.path));
            for (const auto& known : writer->known_inputs())
                if (!present.contains(known) && under_any(known, cli.inputs))
                    counts.deleted += writer->forget_input(known);
        }
    }
    const std::string settings =
        settings_fingerprint(cli.field_maps, cli.no_entities, cli.default_language);
    std::uintmax_t total_bytes = 0;
    for (const auto& f : files)
        total_bytes += f.size;
    Progress progress(!cli.quiet && isatty(STDERR_FILENO), total_bytes, files.size());
    std::uintmax_t bytes_done = 0;      // of the inputs done
    std::uint64_t input_bytes_read = 0; // of the input being read
    source_options.bytes_read = &input_bytes_read;
    bool interrupted = false; // SIGINT/SIGTERM: reading stopped, what was read is committed
    install_stop_handlers();
    {
        Pipeline pipeline(options, consume);
        std::size_t inputs_done = 0;
        for (const auto& file : files) {
            if (stop_requested()) {
                interrupted = true;
                break;
            }
            // Ingestion state: skip an input read before under the same settings, unless it
            // changed.
            // A FIFO, like stdin, is read once as it comes: never hashed (that would consume it)
            // nor remembered.
            const bool tracked = writer && file.path != "-" && !file.stream;
            const std::string abs = tracked ? absolute_path(file.path) : std::string();
            const bool read_before = tracked && writer->input_state(abs).has_value();
            IndexWriter::InputState state{file.size, file.mtime, "", settings};
            if (tracked && !cli.force) {
                auto old = writer->input_state(abs);
                if (old && old->settings == settings && old->size == file.size &&
                    old->mtime == file.mtime) {
                    ++counts.skipped_inputs;
                    ++inputs_done;
                    continue;
                }
                state.hash = hash_file(file.path);
                if (old && old->settings == settings && old->hash == state.hash) {
                    ++counts.skipped_inputs; // touched, not changed: remember the new time
                    pipeline.submit_action(
                        [&writer, abs, state] { writer->set_input_state(abs, state); });
                    ++inputs_done;
                    continue;
                }
            } else if (tracked) {
                state.hash = hash_file(file.path);
            }
            // A file found in a folder or an archive that is clearly not news: counted, listed
            // with --verbose, not rejected (a named one is rejected).
            auto skip_not_news = [&](const std::string& location, const std::string& reason) {
                pipeline.submit_action([&counts, &cli, location, reason] {
                    ++counts.not_news;
                    if (cli.verbose) report(location, "skipped: " + reason);
                });
            };
            input_bytes_read = 0;
            // Read again: the input's articles not in it any more go (IndexWriter::begin_input).
            if (read_before) pipeline.submit_action([&writer, abs] { writer->begin_input(abs); });
            auto record_state = [&writer, &counts, abs, state] {
                counts.deleted += writer->set_input_state(abs, state);
            };
            try {
                read_source(
                    file, source_options,
                    SourceSink{[&](RawItem&& item) {
                                   if (stop_requested()) throw Interrupted();
                                   ++counts.read;
                                   item.input = abs;
                                   pipeline.submit(std::move(item));
                                   progress.update(inputs_done,
                                                   bytes_done + std::min<std::uintmax_t>(
                                                                    input_bytes_read, file.size),
                                                   counts.read);
                               },
                               [&](const std::string& location, const std::string& reason) {
                                   if (stop_requested()) throw Interrupted();
                                   // Counted and reported on the writer thread, in input
                                   // order.
                                   ++counts.read;
                                   pipeline.submit_action([&counts, location, reason] {
                                       ++counts.rejected;
                                       report(location, reason);
                                   });
                               },
                               skip_not_news,
                               [&](const std::string& location, const std::string& message) {
                                   // Said in input order, on the writer thread.
                                   pipeline.submit_action(
                                       [location, message] { report(location, message); });
                               }});
                if (tracked) pipeline.submit_action(record_state);
            } catch (const Interrupted&) {
                interrupted = true; // the input is not complete: its state is not recorded
                break;
            } catch (const NotNews& e) {
                if (!file.found) {
                    pipeline.submit_action(
                        [&counts, path = file.path, reason = std::string(e.what())] {
                            ++counts.rejected;
                            report(path, reason);
                        });
                } else {
                    skip_not_news(file.path, e.what());
                    // Not read again while it is unchanged.
                    if (tracked) pipeline.submit_action(record_state);
                }
            } catch (const InputError& e) {
                if (stop_requested()) { // a read cut short by the signal, not a bad input
                    interrupted = true;
                    break;
                }
                pipeline.submit_action([&counts, path = file.path, reason = std::string(e.what())] {
                    ++counts.rejected;
                    report(path, reason);
                });
            }
            ++inputs_done;
            bytes_done += file.size;
        }
        pipeline.finish();
    }
    Xapian::doccount articles = 0;
    if (writer) {
        writer->finish();
        articles = writer->doc_count();
    }
    progress.clear();

    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!cli.quiet) {
        std::fprintf(
            stderr,
            "dateline-index: read %llu, added %llu, updated %llu, unchanged %llu, exact "
            "duplicates %llu, rejected %llu, "
            "deleted %llu; %llu unchanged inputs skipped%s%s%s; in %.1f s (%.0f articles/s)%s\n",
            static_cast<unsigned long long>(counts.read),
            static_cast<unsigned long long>(counts.added),
            static_cast<unsigned long long>(counts.updated),
            static_cast<unsigned long long>(counts.unchanged),
            static_cast<unsigned long long>(writer ? writer->exact_duplicates() : 0),
            static_cast<unsigned long long>(counts.rejected),
            static_cast<unsigned long long>(counts.deleted),
            static_cast<unsigned long long>(counts.skipped_inputs),
            counts.not_news
                ? ("; " + std::to_string(counts.not_news) + " files skipped as not news" +
                   (cli.verbose ? "" : " (--verbose lists them)"))
                      .c_str()
                : "",
            counts.special ? ("; " + std::to_string(counts.special) +
                              " special files skipped (FIFOs, sockets, devices" +
                              (cli.verbose ? ")" : "; --verbose lists them)"))
                                 .c_str()
                           : "",
            only
                ? ("; " + std::to_string(counts.other_shard) + " articles of other shards left out")
                      .c_str()
                : "",
            seconds, seconds > 0 ? static_cast<double>(counts.read) / seconds : 0.0,
            writer ? (", " + std::to_string(articles) + " articles in " + write_to).c_str() : "");
        if (interrupted)
            std::fprintf(stderr,
                         "dateline-index: interrupted by %s: reading stopped, what was read is "
                         "committed; run the same command again to finish\n",
                         stop_signal() == SIGTERM ? "SIGTERM" : "SIGINT");
    }
    if (interrupted) return exit_signal_base + stop_signal();
    return counts.rejected ? exit_rejected : exit_ok;
}

// After a database error: what the database holds now (every commit is atomic, so it is the last
// one), or "" when it cannot be read.
std::string last_commit_note(const std::string& path) {
    if (path.empty()) return "";
    try {
        Xapian::Database db(path);
        return "dateline-index: the database is left at its last commit (" +
               std::to_string(db.get_doccount()) +
               " articles); run the same command again once the problem is solved\n";
    } catch (const Xapian::Error&) {
        return "";
    }
}

std::string fatal_database; // for on_fatal

// An exception that escaped (Xapian may throw from a destructor while a write fails, e.g. on a full
// disk): say what happened instead of "terminate called...", and exit as for a database error.
// When the exception left through a noexcept frame inside Xapian, none is current any more; the
// failed system call's errno is then the only account of it (EFBIG, ENOSPC, EIO...).
[[noreturn]] void on_fatal() {
    const int saved_errno = errno;
    std::string what = saved_errno != 0
                           ? std::string(std::strerror(saved_errno)) + " (the last system error)"
                           : "unknown error";
    if (auto e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const Xapian::Error& x) {
            what = x.get_description();
        } catch (const std::exception& x) {
            what = x.what();
        } catch (...) {
        }
    }
    std::fprintf(stderr, "dateline-index: fatal error while writing %s: %s\n%s",
                 fatal_database.c_str(), what.c_str(), last_commit_note(fatal_database).c_str());
    std::fflush(stderr);
    std::_Exit(exit_database);
}

} // namespace

int main(int argc, char** argv) {
    Cli cli;
    CLI::App app{
        "dateline-index: index news articles into a Xapian database.\n"
        "Inputs: JSON Lines or a JSON array of articles, HTML pages, pages saved as text, RSS 2.0 "
        "and Atom feeds, NITF and NewsML-G2 news items, WARC (as Common Crawl's CC-NEWS ships "
        "it); .gz, .bz2, .zst of any of them, .tar, .tar.gz, .zip archives of them, folders "
        "(recursive) and - for stdin. The format is found from the content."};
    app.add_option("inputs", cli.inputs, "Files, folders or - (stdin)");
    app.add_option("--db", cli.db,
                   "The database folder, created when missing (default: $DATELINE_DB)");
    app.set_version_flag("--version", version);
    app.add_option(
           "--field", cli.field_maps,
           "Map input fields to an article field, e.g. tags=topics,places,people,orgs (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--batch", cli.batch, "Articles per commit")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--jobs,-j", cli.jobs, "Worker threads (default: all cores)");
    app.add_option("--emit", cli.emit, "Print each analyzed article: jsonl")
        ->check(CLI::IsMember({"jsonl"}));
    app.add_flag("--dry-run", cli.dry_run,
                 "Do not write the database (with --emit jsonl: inspect analysis)");
    app.add_flag("--no-entities", cli.no_entities,
                 "Skip entity tagging: tags are the input's only");
    app.add_flag("--no-sync", cli.no_sync, "Bulk load: do not fsync each commit (DB_NO_SYNC)");
    app.add_option("--shards", cli.shards,
                   "Create a new database of N shards (DB/shard-0..N-1 and the stub DB/XAPIANDB), "
                   "each written by its own thread; later runs find the shards without it")
        ->check(CLI::Range(0u, 64u));
    app.add_option("--shard", cli.shard,
                   "Keep only the articles of shard I of N (by the hash of --shards): build a "
                   "shard where it lives, from the same inputs on each host")
        ->type_name("I/N");
    app.add_option("--stub", cli.stub,
                   "Write the stub OUT listing the shards given as arguments (HOST:PORT of a "
                   "xapian-tcpsrv, or a local path) instead of indexing")
        ->type_name("OUT");
    auto* compact =
        app.add_option("--compact", cli.compact,
                       "Merge the shards of the sharded database DB into one database (Xapian "
                       "compaction), for an archive that has stopped growing")
            ->type_name("DB");
    app.add_flag("--no-spelling", cli.no_spelling,
                 "Do not add title and body words to the spelling table (query suggestions)");
    app.add_option("--fetched-at", cli.fetched_at,
                   "Reference time for relative dates in pages (default: file time)");
    app.add_option("--explain", cli.explain,
                   "Show each extracted field of one page and where it came from");
    app.add_option("--language", cli.default_language,
                   "Language when an article states none and none is detected")
        ->capture_default_str();
    app.add_flag("--quiet,-q", cli.quiet, "No progress and no summary");
    app.add_flag("--verbose,-v", cli.verbose,
                 "Also name the files of folders and archives skipped as not news (README, "
                 "scripts, images, binary data)");
    app.add_option("--duplicates", cli.duplicates,
                   "Exact duplicates (the same text under another id): keep (in the story's "
                   "cluster) or drop")
        ->check(CLI::IsMember({"keep", "drop"}))
        ->capture_default_str();
    app.add_flag("--force", cli.force,
                 "Read every input again, even those the database says are unchanged");
    app.add_option("--delete", cli.delete_ids,
                   "Delete the article with this id; repeat for more (--delete a --delete b)")
        ->allow_extra_args(false)
        ->type_name("ID");
    app.add_flag("--delete-missing", cli.delete_missing,
                 "Delete the articles of inputs that were indexed from under the given folders but "
                 "are gone");
    app.add_option("--max-record-size", cli.max_record_bytes,
                   "A longer JSON line, page, WARC record or XML document is rejected (e.g. 64M)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    app.add_option("--max-article-size", cli.max_article_bytes,
                   "An article with more text (title, description, body) is rejected (e.g. 1M)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    app.add_option("--max-expanded-size", cli.max_expanded_bytes,
                   "A compressed input or archive that decompresses to more is stopped (e.g. 64G)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    app.add_option("--max-expansion", cli.max_expansion,
                   "Compression bombs: past 64 MiB of output, a compressed input may not expand "
                   "more than this many times")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    compact->excludes(app.get_option("--shards"))->excludes(app.get_option("--db"));
    app.get_option("--stub")->excludes(app.get_option("--db"))->excludes(compact);
    app.get_option("--shard")->excludes(app.get_option("--shards"));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    }
    if (cli.db.empty() && !cli.dry_run && cli.explain.empty())
        if (const char* env = std::getenv("DATELINE_DB"); env && *env) {
            cli.db = env;
            cli.db_origin = " (the path is $DATELINE_DB's)";
        }
    fatal_database = cli.db;
    std::set_terminate(on_fatal);
    try {
        return run(cli);
    } catch (const DatabaseLockedError& e) {
        std::cerr << "dateline-index: " << e.what() << cli.db_origin << "\n";
        return exit_database;
    } catch (const DatabaseError& e) {
        std::cerr << "dateline-index: " << e.what() << cli.db_origin << "\n"
                  << last_commit_note(cli.db);
        return exit_database;
    } catch (const std::invalid_argument& e) {
        std::cerr << "dateline-index: " << e.what() << "\n";
        return exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "dateline-index: " << e.what() << "\n";
        return exit_database;
    }
}
