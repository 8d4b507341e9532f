#include "stemmer.h"

#include <array>
#include <libstemmer.h>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace dateline::stemming {

namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// libstemmer behind Xapian's stemming interface; owns its sb_stemmer.
class LibStemmer final : public Xapian::StemImplementation {
  public:
    explicit LibStemmer(const std::string& algorithm)
        : algorithm_(algorithm), stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
        if (!stemmer_) throw std::invalid_argument("libstemmer has no algorithm " + algorithm);
    }

    std::string operator()(const std::string& word) override {
        const sb_symbol* out =
            sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (!out) throw std::bad_alloc();
        return std::string(reinterpret_cast<const char*>(out),
                           static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
    }

    std::string get_description() const override { return "libstemmer(" + algorithm_ + ")"; }

  private:
    std::string algorithm_;
    StemmerPtr stemmer_;
};

// Remembers the stems of an inner Stem, up to `capacity` words.
class CachingStemmer final : public Xapian::StemImplementation {
  public:
    CachingStemmer(Xapian::Stem inner, std::string language, std::size_t capacity)
        : inner_(std::move(inner)), language_(std::move(language)), capacity_(capacity) {}

    std::string operator()(const std::string& word) override {
        if (auto it = cache_.find(word); it != cache_.end()) return it->second;
        if (cache_.size() >= capacity_) cache_.clear();
        std::string stem = inner_(word);
        cache_.emplace(word, stem);
        return stem;
    }

    std::string get_description() const override { return "cached(" + language_ + ")"; }

  private:
    Xapian::Stem inner_;
    std::string language_;
    std::size_t capacity_;
    std::unordered_map<std::string, std::string> cache_;
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 29> iso_to_snowball{{
    {"ar", "arabic"},     {"eu", "basque"},    {"ca", "catalan"},   {"da", "danish"},
    {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},   {"fr", "french"},
    {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},     {"hu", "hungarian"},
    {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},   {"lt", "lithuanian"},
    {"ne", "nepali"},     {"no", "norwegian"}, {"nb", "norwegian"}, {"nn", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},   {"sr", "serbian"},
    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},     {"tr", "turkish"},
    {"hy", "armenian"},
}};

} // namespace

std::vector<std::string> available_algorithms() {
    std::vector<std::string> out;
    for (const char** name = sb_stemmer_list(); *name; ++name)
        out.emplace_back(*name);
    return out;
}

std::string algorithm_for(std::string_view language) {
    std::string lang;
    for (char c : language)
        lang += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (auto dash = lang.find_first_of("-_"); dash != std::string::npos) lang.resize(dash);
    std::string candidate = lang;
    for (auto [iso, name] : iso_to_snowball)
        if (lang == iso) candidate = name;
    for (const auto& name : available_algorithms())
        if (name == candidate) return name;
    return "";
}

Xapian::Stem make_stem(std::string_view language) {
    if (language == "none") return Xapian::Stem();
    std::string algorithm = algorithm_for(language);
    if (algorithm.empty()) algorithm = "english";
    return Xapian::Stem(new LibStemmer(algorithm));
}

} // namespace dateline::stemming

namespace dateline::stemming {

Xapian::Stem make_caching_stem(std::string_view language, std::size_t capacity) {
    Xapian::Stem inner = make_stem(language);
    if (inner.is_none()) return inner;
    return Xapian::Stem(new CachingStemmer(inner, std::string(language), capacity));
}

} // namespace dateline::stemming
