#include "inputs.h"

#include "indexer/stop.h"

#include <algorithm>
#include <archive.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace dateline {

namespace fs = std::filesystem;

namespace {

std::int64_t to_unix(fs::file_time_type t) {
    // file_clock's epoch differs from the system clock's; translate through "now" on both.
    auto sys = std::chrono::system_clock::now() + (t - fs::file_time_type::clock::now());
    return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

bool hidden(const fs::path& p) {
    auto name = p.filename().string();
    return name.size() > 1 && name[0] == '.';
}

// The reason a path cannot be used, in words: loops and broken links are named as such.
std::string path_problem(const fs::path& path, const std::error_code& ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    std::error_code lec;
    if (ec == std::errc::no_such_file_or_directory && fs::is_symlink(fs::symlink_status(path, lec)))
        return "broken symbolic link";
    return ec.message();
}

InputFile file_entry(const fs::path& path, const fs::file_status& status) {
    std::error_code ec;
    InputFile f{path.string(), 0, 0};
    if (fs::is_regular_file(status)) f.size = fs::file_size(path, ec);
    f.stream = fs::is_fifo(status);
    auto time = fs::last_write_time(path, ec);
    if (!ec) f.mtime = to_unix(time);
    return f;
}

// Walks `root` in path order without following symlinked folders (they may loop); every folder
// that cannot be read and every link that leads nowhere is reported.
void walk(const fs::path& root, std::vector<InputFile>& found, const PathReport& report,
          const PathReport& skipped) {
    auto skip = [&](const fs::path& path, const std::string& reason) {
        if (skipped) skipped(path.string(), reason);
    };
    std::vector<fs::path> folders{root}; // a stack: the next folder to read is at the back
    while (!folders.empty()) {
        fs::path folder = std::move(folders.back());
        folders.pop_back();
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(*it);
        if (ec) {
            report(folder.string(), "cannot read folder: " + ec.message());
            continue;
        }
        std::sort(entries.begin(), entries.end());
        std::vector<fs::path> subfolders;
        for (const auto& entry : entries) {
            const fs::path& path = entry.path();
            if (hidden(path)) continue;
            std::error_code sec;
            fs::file_status own = entry.symlink_status(sec);
            if (sec) {
                report(path.string(), sec.message());
                continue;
            }
            if (fs::is_directory(own)) {
                subfolders.push_back(path);
            } else if (fs::is_regular_file(own)) {
                found.push_back(file_entry(path, own));
            } else if (fs::is_symlink(own)) {
                fs::file_status target = fs::status(path, sec);
                if (sec) {
                    report(path.string(), path_problem(path, sec));
                } else if (fs::is_regular_file(target)) {
                    found.push_back(file_entry(path, target));
                } else if (std::string kind = special_file_kind(target); !kind.empty()) {
                    skip(path, "a link to " + kind + ", not a file: not read");
                }
                // A symlinked folder is not followed.
            } else if (std::string kind = special_file_kind(own); !kind.empty()) {
                // FIFOs, sockets and devices in a folder are not saved news, and reading one
                // could block or never end.
                skip(path, kind + ", not a file: not read");
            }
        }
        folders.insert(folders.end(), subfolders.rbegin(), subfolders.rend());
    }
}

} // namespace

std::string special_file_kind(const fs::file_status& status) {
    switch (status.type()) {
    case fs::file_type::fifo:
        return "a FIFO (named pipe)";
    case fs::file_type::socket:
        return "a socket";
    case fs::file_type::character:
        return "a character device";
    case fs::file_type::block:
        return "a block device";
    default:
        return "";
    }
}

std::vector<InputFile> expand_inputs(const std::vector<std::string>& args, const PathReport& report,
                                     const PathReport& skipped) {
    std::vector<InputFile> out;
    for (const auto& arg : args) {
        if (arg == "-") {
            out.push_back({"-", 0, 0});
            continue;
        }
        std::error_code ec;
        auto status = fs::status(arg, ec);
        if (ec || !fs::exists(status)) {
            report(arg, ec ? path_problem(arg, ec) : "no such file or directory");
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            walk(arg, found, report, skipped);
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
            for (auto& f : found)
                f.found = true;
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::is_fifo(status) || fs::is_regular_file(status)) {
            out.push_back(file_entry(arg, status)); // a FIFO is read as it comes, like stdin
        } else {
            // A device or a socket: /dev/zero never ends, a terminal or a tape blocks.
            std::error_code lec;
            std::string link;
            if (fs::is_symlink(fs::symlink_status(arg, lec))) {
                auto target = fs::canonical(arg, lec);
                link = " (a link to " + (lec ? std::string("it") : target.string()) + ")";
            }
            std::string kind = special_file_kind(status);
            report(arg, (kind.empty() ? std::string("not a regular file") : kind) + link +
                            ", not a file of news: refused (use - to read from a pipe)");
        }
    }
    return out;
}

void ExpansionGuard::produced(std::uint64_t n) {
    out_ += n;
    if (out_ > limits_.max_bytes)
        throw InputError("decompresses to more than " + std::to_string(limits_.max_bytes) +
                         " bytes (--max-expanded-size)");
    if (out_ > limits_.ratio_floor &&
        static_cast<double>(out_) > limits_.max_ratio * static_cast<double>(in_))
        throw InputError("compression bomb: " + std::to_string(in_) +
                         " compressed bytes expand to more than " + std::to_string(out_) +
                         " (over " + std::to_string(static_cast<long long>(limits_.max_ratio)) +
                         " times, --max-expansion)");
}

namespace {

// Raw bytes with a few already-read bytes (the magic number) in front.
// Every byte read is counted in `guard` (the compressed side of the expansion ratio).
class RawStream {
  public:
    RawStream(std::string prefix, ByteSource source, ExpansionGuard* guard)
        : prefix_(std::move(prefix)), source_(std::move(source)), guard_(guard) {}

    std::size_t read(char* buffer, std::size_t size) {
        std::size_t n = 0;
        if (pos_ < prefix_.size()) {
            n = std::min(size, prefix_.size() - pos_);
            std::memcpy(buffer, prefix_.data() + pos_, n);
            pos_ += n;
        } else {
            n = source_(buffer, size);
        }
        guard_->consumed(n);
        return n;
    }

  private:
    std::string prefix_;
    std::size_t pos_ = 0;
    ByteSource source_;
    ExpansionGuard* guard_;
};

class Decoder {
  public:
    virtual ~Decoder() = default;
    // Up to `size` decoded bytes; 0 only at the end. Throws InputError.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

class PlainDecoder : public Decoder {
  public:
    explicit PlainDecoder(RawStream in) : in_(std::move(in)) {}
    std::size_t read(char* buffer, std::size_t size) override { return in_.read(buffer, size); }

  private:
    RawStream in_;
};

// gzip with zlib: concatenated members are read one after the other (per-record WARC.gz); data
// after the last member that is not another member is ignored, as gzip(1) does; a member cut
// short is an error.
class GzipDecoder : public Decoder {
  public:
    explicit GzipDecoder(RawStream in) : in_(std::move(in)), input_(1 << 16) {
        if (inflateInit2(&zs_, 15 + 16) != Z_OK) throw InputError("cannot initialize zlib");
    }
    ~GzipDecoder() override { inflateEnd(&zs_); }
    GzipDecoder(const GzipDecoder&) = delete;
    GzipDecoder& operator=(const GzipDecoder&) = delete;

    std::size_t read(char* buffer, std::size_t size) override {
        while (!done_) {
            if (!in_member_) {
                if (!next_member()) {
                    done_ = true;
                    break;
                }
            }
            if (zs_.avail_in == 0 && !refill())
                throw InputError("truncated gzip data (unexpected end of file)");
            zs_.next_out = reinterpret_cast<Bytef*>(buffer);
            zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
            int rc = inflate(&zs_, Z_NO_FLUSH);
            std::size_t produced = std::min<std::size_t>(size, 1u << 30) - zs_.avail_out;
            if (rc == Z_STREAM_END) {
                in_member_ = false;
                inflateReset(&zs_);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                throw InputError(std::string("bad gzip data: ") +
                                 (zs_.msg ? zs_.msg : "inflate failed"));
            }
            if (produced > 0) return produced;
        }
        return 0;
    }

  private:
    bool refill() {
        std::size_t n = in_.read(reinterpret_cast<char*>(input_.data()), input_.size());
        zs_.next_in = input_.data();
        zs_.avail_in = static_cast<uInt>(n);
        return n > 0;
    }

    // After a member: another member starts only with the gzip magic number.
    bool next_member() {
        if (zs_.avail_in < 2) {
            unsigned char first[2];
            std::size_t have = zs_.avail_in;
            if (have == 1) first[0] = *zs_.next_in;
            while (have < 2) {
                std::size_t n = in_.read(reinterpret_cast<char*>(first + have), 2 - have);
                if (n == 0) break;
                have += n;
            }
            if (have < 2) return false;
            input_[0] = first[0];
            input_[1] = first[1];
            zs_.next_in = input_.data();
            zs_.avail_in = 2;
        }
        if (zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) return false;
        in_member_ = true;
        return true;
    }

    RawStream in_;
    std::vector<Bytef> input_;
    z_stream zs_{};
    bool in_member_ = true;
    bool done_ = false;
};

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};

// zstd, bzip2 and xz through libarchive's "raw" format (one entry: the decompressed bytes).
class LibarchiveDecoder : public Decoder {
  public:
    explicit LibarchiveDecoder(RawStream in)
        : in_(std::move(in)), chunk_(1 << 16), archive_(archive_read_new()) {
        if (!archive_) throw InputError("cannot initialize libarchive");
        archive* a = archive_.get();
        archive_read_support_format_raw(a);
        archive_read_support_filter_zstd(a);
        archive_read_support_filter_bzip2(a);
        archive_read_support_filter_xz(a);
        if (archive_read_open(a, this, nullptr, &LibarchiveDecoder::pull, nullptr) != ARCHIVE_OK)
            fail();
        archive_entry* entry = nullptr;
        int rc = archive_read_next_header(a, &entry);
        if (rc == ARCHIVE_EOF) {
            done_ = true;
        } else if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
            fail();
        }
    }

    std::size_t read(char* buffer, std::size_t size) override {
        if (done_) return 0;
        la_ssize_t n = archive_read_data(archive_.get(), buffer, size);
        if (n < 0) fail();
        if (n == 0) done_ = true;
        return static_cast<std::size_t>(n);
    }

  private:
    static la_ssize_t pull(archive* a, void* self, const void** data) {
        auto* me = static_cast<LibarchiveDecoder*>(self);
        try {
            std::size_t n = me->in_.read(me->chunk_.data(), me->chunk_.size());
            *data = me->chunk_.data();
            return static_cast<la_ssize_t>(n);
        } catch (const std::exception& e) {
            me->source_error_ = e.what();
            archive_set_error(a, EIO, "%s", e.what());
            return -1;
        }
    }

    [[noreturn]] void fail() {
        if (!source_error_.empty()) throw InputError(source_error_);
        const char* msg = archive_error_string(archive_.get());
        throw InputError(std::string("bad compressed data: ") + (msg ? msg : "unknown error"));
    }

    RawStream in_;
    std::vector<char> chunk_;
    std::string source_error_;
    std::unique_ptr<archive, ArchiveFree> archive_;
    bool done_ = false;
};

std::string compression_of(std::string_view magic) {
    auto starts = [&](std::string_view m) { return magic.substr(0, m.size()) == m; };
    if (starts("\x1f\x8b")) return "gzip";
    if (starts("\x28\xb5\x2f\xfd")) return "zstd";
    if (starts("BZh") && magic.size() >= 4 && magic[3] >= '1' && magic[3] <= '9') return "bzip2";
    if (starts(std::string_view("\xfd"
                                "7zXZ\0",
                                6)))
        return "xz";
    return "";
}

struct FdCloser {
    int fd = -1;
    explicit FdCloser(int f) : fd(f) {}
    ~FdCloser() {
        if (fd >= 0) ::close(fd);
    }
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;
};

} // namespace

ByteSource memory_source(std::string bytes) {
    auto data = std::make_shared<std::string>(std::move(bytes));
    auto pos = std::make_shared<std::size_t>(0);
    return [data, pos](char* buffer, std::size_t size) {
        std::size_t n = std::min(size, data->size() - *pos);
        std::memcpy(buffer, data->data() + *pos, n);
        *pos += n;
        return n;
    };
}

struct InputReader::Impl {
    explicit Impl(const ExpansionLimits& limits) : guard(limits) {}

    std::unique_ptr<FdCloser> fd; // the file descriptor, when reading a file (outlives the decoder)
    ExpansionGuard guard;         // counts compressed and decompressed bytes
    std::unique_ptr<Decoder> decoder;
    std::string compression;
    std::string buffer; // bytes decoded but not yet handed out
    std::size_t pos = 0;
    bool eof = false;
    std::string error; // a decoding error, raised again whenever more bytes are wanted

    void open(ByteSource source) {
        std::string magic(6, '\0');
        std::size_t have = 0;
        while (have < magic.size()) {
            std::size_t n = source(magic.data() + have, magic.size() - have);
            if (n == 0) break;
            have += n;
        }
        magic.resize(have);
        compression = compression_of(magic);
        RawStream raw(std::move(magic), std::move(source), &guard);
        if (compression == "gzip")
            decoder = std::make_unique<GzipDecoder>(std::move(raw));
        else if (!compression.empty())
            decoder = std::make_unique<LibarchiveDecoder>(std::move(raw));
        else
            decoder = std::make_unique<PlainDecoder>(std::move(raw));
    }

    std::size_t available() const { return buffer.size() - pos; }

    void fill() {
        if (!error.empty()) throw InputError(error);
        if (eof) return;
        if (pos > 0) {
            buffer.erase(0, pos);
            pos = 0;
        }
        // Read into the room the buffer already has when there is enough of it (growing a
        // buffer of small inputs past its capacity costs an allocation and a copy each time),
        // else grow by 64 KiB; at most 1 MiB at once, so the expansion limits are checked often.
        const std::size_t old = buffer.size();
        const std::size_t spare = buffer.capacity() - old;
        const std::size_t chunk =
            spare >= (std::size_t{1} << 12) ? std::min(spare, std::size_t{1} << 20) : 1 << 16;
        buffer.resize(old + chunk);
        std::size_t n = 0;
        try {
            n = decoder->read(buffer.data() + old, chunk);
            if (!compression.empty()) guard.produced(n);
        } catch (const std::exception& e) {
            buffer.resize(old);
            error = e.what();
            throw;
        }
        buffer.resize(old + n);
        if (n == 0) eof = true;
    }
};

namespace {

// Waits until a FIFO opened without blocking has a writer that wrote (or came and went), checking
// for a stop request every 200 ms: with no writer, a blocking open() would not return at all.
void wait_for_writer(int fd) {
    while (true) {
        if (stop_requested()) throw Interrupted();
        pollfd p{fd, POLLIN, 0};
        int rc = ::poll(&p, 1, 200);
        if (rc > 0) return;
        if (rc < 0 && errno != EINTR)
            throw InputError(std::string("cannot wait for the FIFO's writer: ") +
                             std::strerror(errno));
    }
}

int open_input(const std::string& path) {
    if (path == "-") return dup(STDIN_FILENO);
    // O_NONBLOCK: a FIFO's open does not wait for a writer (waited for below, interruptibly).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fd;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) {
        try {
            wait_for_writer(fd);
        } catch (...) {
            ::close(fd);
            throw;
        }
    }
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK); // reads block (and EINTR) again
    return fd;
}

} // namespace

InputReader::InputReader(const std::string& path, const ExpansionLimits& limits,
                         std::uint64_t* bytes_read)
    : impl_(std::make_unique<Impl>(limits)) {
    if (stop_requested()) throw Interrupted();
    int fd = open_input(path);
    if (fd < 0) {
        if (errno == EINTR && stop_requested()) throw Interrupted();
        throw InputError(std::string("cannot open: ") + std::strerror(errno));
    }
    impl_->fd = std::make_unique<FdCloser>(fd);
    impl_->open([fd, bytes_read](char* buffer, std::size_t size) -> std::size_t {
        while (true) {
            // Checked before every read: a file that never ends and never blocks (/dev/zero
            // behind a pipe, a skip past an oversized record) still stops.
            if (stop_requested()) throw Interrupted();
            ssize_t n = ::read(fd, buffer, size);
            if (n >= 0) {
                if (bytes_read) *bytes_read += static_cast<std::uint64_t>(n);
                return static_cast<std::size_t>(n);
            }
            if (errno != EINTR) throw InputError(std::strerror(errno));
        }
    });
}

InputReader::InputReader(ByteSource source, const ExpansionLimits& limits)
    : impl_(std::make_unique<Impl>(limits)) {
    impl_->open(std::move(source));
}

InputReader::~InputReader() = default;

bool InputReader::read_line(std::string& line, bool& truncated, std::size_t max_line) {
    auto& s = *impl_;
    line.clear();
    truncated = false;
    while (true) {
        auto nl = s.buffer.find('\n', s.pos);
        std::size_t end = nl == std::string::npos ? s.buffer.size() : nl;
        std::size_t take =
            std::min(end - s.pos, max_line > line.size() ? max_line - line.size() : 0);
        line.append(s.buffer, s.pos, take);
        if (end - s.pos > take) truncated = true;
        if (nl != std::string::npos) {
            s.pos = nl + 1;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        s.pos = s.buffer.size();
        if (s.eof) return !line.empty() || truncated;
        s.fill();
        if (s.eof && s.pos >= s.buffer.size()) return !line.empty() || truncated;
    }
}

std::string InputReader::read_all(std::size_t limit) {
    auto& s = *impl_;
    while (!s.eof) {
        s.fill();
        if (s.available() > limit)
            throw InputError("larger than the limit of " + std::to_string(limit) + " bytes");
    }
    std::string out = s.buffer.substr(s.pos);
    s.pos = s.buffer.size();
    return out;
}

std::size_t InputReader::read(std::string& out, std::size_t size) {
    auto& s = *impl_;
    std::size_t done = 0;
    while (done < size) {
        if (s.available() == 0) {
            if (s.eof) break;
            s.fill();
            continue;
        }
        std::size_t n = std::min(size - done, s.available());
        out.append(s.buffer, s.pos, n);
        s.pos += n;
        done += n;
    }
    return done;
}

std::string_view InputReader::peek(std::size_t size) {
    auto& s = *impl_;
    try {
        while (s.available() < size && !s.eof)
            s.fill();
    } catch (const InputError&) {
        // The bytes before the error are still worth reading; the error comes again when the reader
        // gets to it.
    }
    return std::string_view(s.buffer).substr(s.pos, std::min(size, s.available()));
}

void InputReader::unread(std::string_view bytes) {
    auto& s = *impl_;
    s.buffer.replace(0, s.pos, bytes);
    s.pos = 0;
}

const std::string& InputReader::compression() const {
    return impl_->compression;
}

std::string logical_name(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    for (auto& c : name)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* suffix : {".gz", ".gzip", ".zst", ".zstd", ".bz2", ".xz"})
        if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) {
            name.resize(name.size() - std::strlen(suffix));
            break;
        }
    if (name.size() > 4 && name.ends_with(".tgz")) name.replace(name.size() - 4, 4, ".tar");
    return name;
}

} // namespace dateline
