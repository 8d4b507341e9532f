// Archives: tar (plain or compressed with gzip, zstd, bzip2 or xz) and zip, read with libarchive.
// Every regular member is handed to `read_member` as an input of its own (so a tar may hold
// .jsonl.gz, .warc.gz, feeds, pages, ...), with origin "ARCHIVE:member/path" and the member's
// modification time. Directories, links, hidden members and macOS "__MACOSX/" entries are
// skipped. An InputError while reading a member goes to sink.reject with the member's origin and
// the next member is read; an archive that is corrupt throws InputError; a stop request (stop.h)
// throws Interrupted. Compression bombs: a
// member whose output outgrows the archive bytes read for it past `limits` (or the members together
// past limits.max_bytes) is rejected and the rest of the archive skipped.
#pragma once

#include "indexer/inputs.h"
#include "indexer/sources/item_origin.h"
#include "indexer/sources/source.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace dateline {

struct ArchiveMember {
    std::string name;  // path inside the archive
    ItemOrigin origin; // "ARCHIVE:name", fetched_at = the member's mtime if known
};
using MemberReader = std::function<void(InputReader& in, const ArchiveMember& member)>;

// Reads the archive file at `path` (seekable: zip central directories are honoured).
// `bytes_read`, when set, follows libarchive's position in the file (the progress line's ETA
// within one archive).
void read_archive_file(const std::string& path, const std::string& origin,
                       const MemberReader& read_member, const SourceSink& sink,
                       const ExpansionLimits& limits = {}, std::uint64_t* bytes_read = nullptr);

// Reads an archive from a stream (stdin, or an archive inside an archive), already decompressed.
void read_archive_stream(InputReader& in, const std::string& origin,
                         const MemberReader& read_member, const SourceSink& sink,
                         const ExpansionLimits& limits = {});

} // namespace dateline
