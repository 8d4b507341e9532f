// The gazetteer data compiled into the library (generated at build time by gen_bundled_data.py):
// "countries" (from Debian iso-codes), "demonyms", "cities", "gazetteer" (data/*.tsv) and
// "first_names" (data/first_names.txt). Each file is a list of chunks to be concatenated.
#pragma once

#include <span>
#include <string_view>

namespace dateline::entities::bundled {

struct BundledFile {
    std::string_view name;
    std::span<const std::string_view> chunks;
};

std::span<const BundledFile> files();

} // namespace dateline::entities::bundled
