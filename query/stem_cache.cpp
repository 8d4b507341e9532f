#include "stem_cache.h"

#include "analyzers/stemmer.h"

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dateline::query {

namespace {

class CachingStemmer final : public Xapian::StemImplementation {
  public:
    CachingStemmer(Xapian::Stem inner, std::string language, std::size_t capacity)
        : inner_(std::move(inner)), language_(std::move(language)), capacity_(capacity) {}

    std::string operator()(const std::string& word) override {
        std::lock_guard lock(mutex_);
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
    std::mutex mutex_;
    std::unordered_map<std::string, std::string> cache_;
};

} // namespace

Xapian::Stem cached_stem(std::string_view language, std::size_t capacity) {
    // Per thread: a Xapian::Stem is a handle whose reference count is not atomic, so one handle
    // shared by threads (the server's workers) corrupts its count as copies come and go.
    thread_local std::map<std::string, Xapian::Stem, std::less<>> stems;
    auto it = stems.find(language);
    if (it == stems.end()) {
        Xapian::Stem inner = stemming::make_stem(language);
        // A language without stemming stays as it is (nothing to remember).
        Xapian::Stem stem =
            inner.is_none()
                ? inner
                : Xapian::Stem(new CachingStemmer(inner, std::string(language), capacity));
        it = stems.emplace(std::string(language), stem).first;
    }
    return it->second;
}

} // namespace dateline::query
