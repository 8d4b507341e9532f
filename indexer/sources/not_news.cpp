#include "not_news.h"

#include "analyzers/text.h"

#include <algorithm>
#include <utility>

namespace dateline {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

} // namespace

std::string not_news_content(std::string_view head) {
    static const std::pair<std::string_view, const char*> magic[] = {
        {"\x89PNG\r\n\x1a\n", "a PNG image"},
        {"\xFF\xD8\xFF", "a JPEG image"},
        {"GIF87a", "a GIF image"},
        {"GIF89a", "a GIF image"},
        {"%PDF-", "a PDF document"},
        {"\x7F"
         "ELF",
         "an ELF executable"},
        {"SQLite format 3", "an SQLite database"},
        {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
        {"Rar!\x1A\x07", "a RAR archive"},
        {std::string_view("OggS\0", 5), "an Ogg media file"},
        {"ID3\x03", "an MP3 file"},
        {"ID3\x04", "an MP3 file"},
        {"\x1A\x45\xDF\xA3", "a Matroska/WebM video"},
        {"wOFF", "a web font"},
        {"wOF2", "a web font"},
    };
    for (const auto& [prefix, kind] : magic)
        if (head.starts_with(prefix)) return std::string("binary data (") + kind + "), not news";
    if (head.size() >= 12 && head.substr(4, 4) == "ftyp")
        return "binary data (an MP4 video), not news";
    if (head.starts_with("RIFF") && head.size() >= 12 &&
        (head.substr(8, 4) == "WAVE" || head.substr(8, 4) == "AVI " || head.substr(8, 4) == "WEBP"))
        return "binary data (a RIFF media file), not news";
    if (head.starts_with("#!")) {
        std::string_view line = head.substr(0, std::min(head.find('\n'), std::size_t{80}));
        return "a script (" + std::string(text::trim(line)) + "), not news";
    }
    std::size_t controls = 0, nuls = 0;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0) ++nuls;
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' && u != 0x1B)
            ++controls;
    }
    if (controls * 20 > head.size())
        return "binary data (" + std::to_string(controls) + " control bytes, " +
               std::to_string(nuls) + " of them NUL, in the first " + std::to_string(head.size()) +
               "; UTF-16 text needs a byte order mark), not news";
    return {};
}

std::string not_news_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    const std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    const std::string stem = name.substr(0, name.find('.')); // "readme" of "README.md"
    static const char* const documents[] = {"readme",    "license", "licence",      "copying",
                                            "changelog", "changes", "contributing", "authors",
                                            "install",   "notice",  "todo",         "history"};
    for (const char* d : documents)
        if (stem == d) return "a software folder's file (" + name + "), not news";
    static const char* const builds[] = {"makefile",     "cmakelists.txt",    "dockerfile",
                                         "package.json", "package-lock.json", "cargo.toml",
                                         "go.mod",       "requirements.txt",  "setup.py"};
    for (const char* b : builds)
        if (name == b) return "a build file (" + name + "), not news";
    const auto dot = name.find_last_of('.');
    if (dot == std::string::npos) return {};
    const std::string ext = name.substr(dot + 1);
    static const char* const code[] = {
        "sh",  "bash", "py",  "pl",   "rb",   "js",  "mjs", "ts",   "c",    "h",    "cc",
        "cpp", "hpp",  "cxx", "java", "go",   "rs",  "php", "lua",  "css",  "scss", "sql",
        "bat", "ps1",  "yml", "yaml", "toml", "ini", "cfg", "conf", "lock", "cmake"};
    for (const char* c : code)
        if (ext == c) return "source code or configuration (." + ext + "), not news";
    static const char* const media[] = {"png", "jpg",  "jpeg", "gif",   "svg", "ico", "webp", "bmp",
                                        "tif", "tiff", "woff", "woff2", "ttf", "otf", "eot",  "mp3",
                                        "mp4", "webm", "wav",  "avi",   "mov", "pdf", "exe",  "dll",
                                        "so",  "o",    "a",    "class", "pyc", "jar"};
    for (const char* m : media)
        if (ext == m) return "not text (." + ext + "), not news";
    return {};
}

const char* wide_bom(std::string_view head) {
    if (head.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
    if (head.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
    if (head.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (head.starts_with("\xFE\xFF")) return "UTF-16BE";
    return nullptr;
}

std::string wide_to_utf8(std::string_view in, std::string_view bom) {
    const bool wide32 = bom.starts_with("UTF-32"), big = bom.ends_with("BE");
    const std::size_t unit = wide32 ? 4 : 2;
    const auto at = [&](std::size_t i) {
        unsigned v = 0;
        for (std::size_t k = 0; k < unit; ++k)
            v |= static_cast<unsigned>(static_cast<unsigned char>(in[i + k]))
                 << (8 * (big ? unit - 1 - k : k));
        return v;
    };
    std::string out = "\xEF\xBB\xBF";
    out.reserve(in.size());
    for (std::size_t i = unit; i + unit <= in.size(); i += unit) {
        unsigned cp = at(i);
        if (!wide32 && cp >= 0xD800 && cp <= 0xDBFF && i + 2 * unit <= in.size()) {
            unsigned low = at(i + unit);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += unit;
            }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
        text::append_utf8(out, cp);
    }
    return out;
}

} // namespace dateline
