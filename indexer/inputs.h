// Inputs: the command line's files, folders and "-" turned into a list of input files, and a
// reader for one input that undoes gzip transparently (plain files read as they are).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline {

struct InputFile {
    std::string path;            // as given or found; "-" is standard input
    std::uintmax_t size = 0;     // 0 for stdin
    std::int64_t mtime = 0;      // Unix seconds; 0 for stdin
};

class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Expands arguments: a folder is walked recursively (sorted, hidden entries and symlinked folders
// skipped), a file is taken as is, "-" means stdin. Problems (missing paths, unreadable folders)
// are reported through `report(path, reason)` and the rest goes on.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     const std::function<void(const std::string&, const std::string&)>& report);

// Reads one input, gunzipping when the bytes are gzip. Throws InputError with the reason.
class InputReader {
  public:
    explicit InputReader(const std::string& path);
    ~InputReader();
    InputReader(const InputReader&) = delete;
    InputReader& operator=(const InputReader&) = delete;

    // Next line without its "\n" (and "\r"); false at the end. Lines longer than `max_line` are
    // cut: the rest is skipped and `truncated` is set.
    bool read_line(std::string& line, bool& truncated, std::size_t max_line);

    // Everything that is left, up to `limit` bytes (InputError beyond it).
    std::string read_all(std::size_t limit);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The file name without compression suffixes, lower case: "a/B.JSONL.gz" -> "b.jsonl".
std::string logical_name(const std::string& path);

} // namespace dateline
