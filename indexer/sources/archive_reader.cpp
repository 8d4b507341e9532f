#include "archive_reader.h"

#include "indexer/stop.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <vector>

namespace dateline {

namespace {

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

ArchivePtr new_reader() {
    ArchivePtr a(archive_read_new());
    if (!a) throw InputError("cannot initialize libarchive");
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_bzip2(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_xz(a.get());
    return a;
}

[[noreturn]] void fail(archive* a, const std::string& what) {
    const char* msg = archive_error_string(a);
    throw InputError(what + ": " + (msg ? msg : "unknown error"));
}

bool skipped(const std::string& name) {
    if (name.starts_with("__MACOSX/")) return true;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t slash = name.find('/', start);
        std::string_view part = std::string_view(name).substr(
            start, slash == std::string::npos ? name.npos : slash - start);
        if (part.size() > 1 && part[0] == '.' && part != "..") return true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

void read_members(archive* a, const std::string& origin, const MemberReader& read_member,
                  const SourceSink& sink, const ExpansionLimits& limits,
                  std::uint64_t* bytes_read = nullptr) {
    archive_entry* entry = nullptr;
    std::uint64_t archive_out = 0; // bytes of every member so far
    auto count_read = [&] {
        if (!bytes_read) return;
        // Where libarchive is in the file (compressed bytes; a zip's reader seeks to the central
        // directory at the end first, then back to each member).
        const std::int64_t raw = archive_filter_bytes(a, -1);
        if (raw > 0) *bytes_read = static_cast<std::uint64_t>(raw);
    };
    while (true) {
        if (stop_requested()) throw Interrupted();
        int rc = archive_read_next_header(a, &entry);
        count_read();
        if (rc == ARCHIVE_EOF) return;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) fail(a, "bad archive");
        if (archive_entry_filetype(entry) != AE_IFREG) continue;
        const char* utf8 = archive_entry_pathname_utf8(entry);
        const char* raw = archive_entry_pathname(entry);
        std::string name = utf8 ? utf8 : raw ? raw : "";
        if (name.starts_with("./")) name.erase(0, 2);
        if (name.empty() || skipped(name)) continue;
        ArchiveMember member{name, ItemOrigin{origin + ":" + name, std::nullopt}};
        if (archive_entry_mtime_is_set(entry))
            member.origin.fetched_at = Timestamp{
                static_cast<std::int64_t>(archive_entry_mtime(entry)), Timestamp::Precision::time};
        bool archive_failed = false, bomb = false;
        // The member's output against the archive bytes read meanwhile (-1: the raw input).
        ExpansionGuard guard(limits);
        std::int64_t raw_seen = archive_filter_bytes(a, -1);
        InputReader in(
            [&](char* buffer, std::size_t size) -> std::size_t {
                if (stop_requested()) throw Interrupted();
                la_ssize_t n = archive_read_data(a, buffer, size);
                count_read();
                if (n < 0) {
                    archive_failed = true;
                    const char* msg = archive_error_string(a);
                    throw InputError(std::string("bad archive member: ") +
                                     (msg ? msg : "unknown error"));
                }
                const std::int64_t raw = archive_filter_bytes(a, -1);
                guard.consumed(
                    static_cast<std::uint64_t>(std::max<std::int64_t>(raw - raw_seen, 0)));
                raw_seen = raw;
                try {
                    guard.produced(static_cast<std::uint64_t>(n));
                    archive_out += static_cast<std::uint64_t>(n);
                    if (archive_out > limits.max_bytes)
                        throw InputError("the archive's members decompress to more than " +
                                         std::to_string(limits.max_bytes) +
                                         " bytes (--max-expanded-size)");
                } catch (const InputError&) {
                    bomb = true;
                    throw;
                }
                return static_cast<std::size_t>(n);
            },
            limits);
        try {
            read_member(in, member);
        } catch (const NotNews& e) {
            if (sink.skip)
                sink.skip(member.origin.origin, e.what());
            else
                sink.reject(member.origin.origin, e.what());
        } catch (const InputError& e) {
            if (bomb) {
                sink.reject(member.origin.origin,
                            std::string(e.what()) + "; the rest of the archive is skipped");
                return;
            }
            sink.reject(member.origin.origin, e.what());
            if (archive_failed)
                return; // the archive itself is broken: nothing after this can be trusted
        }
    }
}

struct StreamState {
    InputReader* in = nullptr;
    std::string chunk;
    std::string error;
};

la_ssize_t pull(archive* a, void* data, const void** buffer) {
    auto* state = static_cast<StreamState*>(data);
    try {
        state->chunk.clear();
        state->in->read(state->chunk, 1 << 16);
        *buffer = state->chunk.data();
        return static_cast<la_ssize_t>(state->chunk.size());
    } catch (const std::exception& e) {
        state->error = e.what();
        archive_set_error(a, EIO, "%s", e.what());
        return -1;
    }
}

} // namespace

void read_archive_file(const std::string& path, const std::string& origin,
                       const MemberReader& read_member, const SourceSink& sink,
                       const ExpansionLimits& limits, std::uint64_t* bytes_read) {
    ArchivePtr a = new_reader();
    if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
        fail(a.get(), "cannot open archive");
    read_members(a.get(), origin, read_member, sink, limits, bytes_read);
}

void read_archive_stream(InputReader& in, const std::string& origin,
                         const MemberReader& read_member, const SourceSink& sink,
                         const ExpansionLimits& limits) {
    ArchivePtr a = new_reader();
    StreamState state{&in, {}, {}};
    if (archive_read_open(a.get(), &state, nullptr, &pull, nullptr) != ARCHIVE_OK)
        fail(a.get(), "cannot open archive");
    read_members(a.get(), origin, read_member, sink, limits);
}

} // namespace dateline
