// Inputs: the command line's files, folders and "-" turned into a list of input files, and a
// reader for one input (a file, stdin, or any byte stream such as an archive member) that undoes
// compression transparently: gzip (also concatenated members, as in per-record WARC.gz) with zlib,
// zstd, bzip2 and xz with libarchive. The compression is recognized by its magic number, never by
// the name; other bytes are read as they are. Decompression is guarded against compression bombs
// (ExpansionLimits): past a floor, output may not outgrow the compressed input by more than a
// ratio, nor pass an absolute size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct InputFile {
    std::string path;        // as given or found; "-" is standard input
    std::uintmax_t size = 0; // 0 for stdin
    std::int64_t mtime = 0;  // Unix seconds; 0 for stdin
    bool found = false;      // found in a folder walk, not named on the command line
    bool stream = false;     // a FIFO (named pipe): read once as it comes, never hashed or tracked
};

class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Limits on decompressed output, per input (a compressed file, an archive member): a compression
// bomb is stopped with an InputError instead of filling memory, disk or hours.
struct ExpansionLimits {
    std::uint64_t max_bytes = 64ull << 30; // decompressed bytes of one input (--max-expanded-size)
    double max_ratio = 200;                // decompressed / compressed bytes (--max-expansion)
    std::uint64_t ratio_floor = 64u << 20; // the ratio is enforced past this much output
};

// Counts the bytes a decompressor consumes and produces; produced() throws InputError when the
// output passes ExpansionLimits.
class ExpansionGuard {
  public:
    explicit ExpansionGuard(const ExpansionLimits& limits) : limits_(limits) {}
    void consumed(std::uint64_t n) { in_ += n; }
    void produced(std::uint64_t n);
    std::uint64_t total_in() const { return in_; }
    std::uint64_t total_out() const { return out_; }

  private:
    ExpansionLimits limits_;
    std::uint64_t in_ = 0, out_ = 0;
};

// Expands arguments: a folder is walked recursively (sorted; hidden entries and symlinked folders
// skipped), a file or a FIFO is taken as is, "-" means stdin. Problems (missing paths, unreadable
// folders, symbolic link loops, broken links, and devices and sockets named as arguments, which
// would block or never end) are reported through `report(path, reason)` and the rest goes on.
// Special files met in a folder (FIFOs, sockets, devices, links to them) are not read: each goes
// to `skipped(path, reason)` when it is set.
using PathReport = std::function<void(const std::string&, const std::string&)>;
std::vector<InputFile> expand_inputs(const std::vector<std::string>& args, const PathReport& report,
                                     const PathReport& skipped = {});

// What a special file is, in words ("a FIFO (named pipe)", "a character device", ...); "" for a
// regular file or a folder.
std::string special_file_kind(const std::filesystem::file_status& status);

// A stream of raw bytes: copies up to `size` bytes into `buffer` and returns how many, 0 at the
// end. Throws InputError when the bytes cannot be read.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;

// A ByteSource over bytes in memory.
ByteSource memory_source(std::string bytes);

// Reads one input, decompressing when the bytes are gzip, zstd, bzip2 or xz. Throws InputError
// with the reason (unreadable file, corrupt or truncated compressed data, a compression bomb).
class InputReader {
  public:
    // A file, or "-" for stdin. `bytes_read`, when set, grows by every byte read from the file.
    // A FIFO's writer is waited for; a stop request (stop.h) ends the wait and every read with
    // Interrupted.
    explicit InputReader(const std::string& path, const ExpansionLimits& limits = {},
                         std::uint64_t* bytes_read = nullptr);
    // Any stream, e.g. an archive member.
    explicit InputReader(ByteSource source, const ExpansionLimits& limits = {});
    ~InputReader();
    InputReader(const InputReader&) = delete;
    InputReader& operator=(const InputReader&) = delete;

    // Next line without its "\n" (and "\r"); false at the end. Lines longer than `max_line` are
    // cut: the rest is skipped and `truncated` is set.
    bool read_line(std::string& line, bool& truncated, std::size_t max_line);

    // Everything that is left, up to `limit` bytes (InputError beyond it).
    std::string read_all(std::size_t limit);

    // Appends up to `size` bytes to `out`; returns how many (fewer only at the end).
    std::size_t read(std::string& out, std::size_t size);

    // The next `size` decompressed bytes (fewer at the end) without consuming them. The view is
    // valid until the next call on the reader.
    std::string_view peek(std::size_t size);

    // Puts bytes back in front of what is left: they are read next (used to resynchronize).
    void unread(std::string_view bytes);

    // "gzip", "zstd", "bzip2", "xz", or "" for uncompressed input.
    const std::string& compression() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The file name without compression suffixes, lower case: "a/B.JSONL.gz" -> "b.jsonl",
// "x.tgz" -> "x.tar".
std::string logical_name(const std::string& path);

} // namespace dateline
