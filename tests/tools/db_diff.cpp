// dateline-db-diff A B: compares two Dateline databases article by article, whatever their docids:
// the same unique ids, and for each the same terms (wdf and positions), values and data; the same
// spelling words and frequencies; the same metadata. Prints the first differences; exit 0 when
// equal, 1 when not, 2 on bad usage or an unreadable database. For tests (sharded vs single-writer
// indexes) and benchmarks.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
#include <xapian.h>

namespace {

int differences = 0;

void differ(const std::string& what) {
    if (++differences <= 20) std::printf("%s\n", what.c_str());
}

std::string describe_terms(const Xapian::Document& doc) {
    std::string out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            out += "," + std::to_string(*p);
        out += " ";
    }
    return out;
}

std::string describe_values(const Xapian::Document& doc) {
    std::string out;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        out += std::to_string(v.get_valueno()) + "=" + *v + "\n";
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: dateline-db-diff DB_A DB_B\n");
        return 2;
    }
    try {
        Xapian::Database a(argv[1]), b(argv[2]);
        if (a.get_doccount() != b.get_doccount())
            differ("document counts: " + std::to_string(a.get_doccount()) + " vs " +
                   std::to_string(b.get_doccount()));
        std::size_t compared = 0;
        for (auto t = a.allterms_begin("Q"); t != a.allterms_end("Q"); ++t) {
            const std::string id = *t;
            auto pa = a.postlist_begin(id), pb = b.postlist_begin(id);
            if (pb == b.postlist_end(id)) {
                differ("missing in B: " + id);
                continue;
            }
            Xapian::Document da = a.get_document(*pa), db = b.get_document(*pb);
            if (describe_terms(da) != describe_terms(db)) differ("terms differ: " + id);
            if (describe_values(da) != describe_values(db)) differ("values differ: " + id);
            if (da.get_data() != db.get_data()) differ("data differs: " + id);
            ++compared;
        }
        for (auto t = b.allterms_begin("Q"); t != b.allterms_end("Q"); ++t)
            if (!a.term_exists(*t)) differ("missing in A: " + *t);
        auto spellings = [](const Xapian::Database& db) {
            std::vector<std::pair<std::string, Xapian::doccount>> words;
            for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
                words.emplace_back(*w, w.get_termfreq());
            return words;
        };
        const auto wa = spellings(a), wb = spellings(b);
        const std::size_t words = wa.size();
        if (wa.size() != wb.size())
            differ("spelling words: " + std::to_string(wa.size()) + " vs " +
                   std::to_string(wb.size()));
        for (std::size_t i = 0; i < std::min(wa.size(), wb.size()); ++i)
            if (wa[i] != wb[i]) {
                differ("spelling: '" + wa[i].first + "' " + std::to_string(wa[i].second) + " vs '" +
                       wb[i].first + "' " + std::to_string(wb[i].second));
                break;
            }
        for (auto k = a.metadata_keys_begin(); k != a.metadata_keys_end(); ++k)
            if (a.get_metadata(*k) != b.get_metadata(*k)) differ("metadata differs: " + *k);
        for (auto k = b.metadata_keys_begin(); k != b.metadata_keys_end(); ++k)
            if (a.get_metadata(*k).empty()) differ("metadata missing in A: " + *k);
        std::printf("%zu articles, %zu spelling words compared: %d differences\n", compared, words,
                    differences);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "dateline-db-diff: %s\n", e.get_description().c_str());
        return 2;
    }
    return differences ? 1 : 0;
}
