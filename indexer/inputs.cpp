#include "inputs.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>
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

} // namespace

std::vector<InputFile> expand_inputs(
    const std::vector<std::string>& args,
    const std::function<void(const std::string&, const std::string&)>& report) {
    std::vector<InputFile> out;
    for (const auto& arg : args) {
        if (arg == "-") {
            out.push_back({"-", 0, 0});
            continue;
        }
        std::error_code ec;
        auto status = fs::status(arg, ec);
        if (ec || !fs::exists(status)) {
            report(arg, ec ? ec.message() : "no such file or directory");
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            auto options = fs::directory_options::skip_permission_denied;
            fs::recursive_directory_iterator it(arg, options, ec), end;
            if (ec) {
                report(arg, ec.message());
                continue;
            }
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    report(it->path().string(), ec.message());
                    ec.clear();
                    continue;
                }
                const auto& entry = *it;
                if (hidden(entry.path())) {
                    if (entry.is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (entry.is_symlink(ec) && entry.is_directory(ec)) {
                    it.disable_recursion_pending(); // symlinked folders may loop
                    continue;
                }
                if (!entry.is_regular_file(ec)) continue;
                found.push_back({entry.path().string(), entry.file_size(ec),
                                 to_unix(entry.last_write_time(ec))});
            }
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back({arg, fs::file_size(arg, ec), to_unix(fs::last_write_time(arg, ec))});
        }
    }
    return out;
}

struct InputReader::Impl {
    gzFile file = nullptr;
    std::string path;
    std::string buffer; // bytes read but not yet handed out
    std::size_t pos = 0;
    bool eof = false;

    void fill() {
        if (eof) return;
        if (pos > 0) {
            buffer.erase(0, pos);
            pos = 0;
        }
        const std::size_t chunk = 1 << 16;
        auto old = buffer.size();
        buffer.resize(old + chunk);
        int n = gzread(file, buffer.data() + old, chunk);
        if (n < 0) {
            int errnum = 0;
            const char* msg = gzerror(file, &errnum);
            throw InputError(errnum == Z_ERRNO ? std::strerror(errno) : msg);
        }
        buffer.resize(old + static_cast<std::size_t>(n));
        if (n == 0) {
            eof = true;
            int errnum = 0;
            const char* msg = gzerror(file, &errnum);
            if (errnum != Z_OK && errnum != Z_STREAM_END)
                throw InputError(std::string("bad compressed data: ") + msg);
        }
    }
};

InputReader::InputReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    int fd = path == "-" ? dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(std::strerror(errno));
    impl_->file = gzdopen(fd, "rb");
    if (!impl_->file) {
        ::close(fd);
        throw InputError("cannot read");
    }
    gzbuffer(impl_->file, 1 << 17);
}

InputReader::~InputReader() {
    if (impl_ && impl_->file) gzclose(impl_->file);
}

bool InputReader::read_line(std::string& line, bool& truncated, std::size_t max_line) {
    auto& s = *impl_;
    line.clear();
    truncated = false;
    while (true) {
        auto nl = s.buffer.find('\n', s.pos);
        std::size_t end = nl == std::string::npos ? s.buffer.size() : nl;
        std::size_t take = std::min(end - s.pos, max_line > line.size() ? max_line - line.size() : 0);
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
        if (s.buffer.size() - s.pos > limit)
            throw InputError("larger than the limit of " + std::to_string(limit) + " bytes");
    }
    std::string out = s.buffer.substr(s.pos);
    s.pos = s.buffer.size();
    return out;
}

std::string logical_name(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* suffix : {".gz", ".gzip"})
        if (name.size() > std::strlen(suffix) && name.ends_with(suffix))
            name.resize(name.size() - std::strlen(suffix));
    return name;
}

} // namespace dateline
