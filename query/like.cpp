#include "like.h"

#include "analyzers/schema.h"
#include "errors.h"

#include <string>
#include <vector>

namespace dateline::query {

namespace {

// Free-text terms only: prefixed terms start with an upper-case ASCII letter (Z: stemmed forms).
class FreeTextTerms final : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
    }
};

} // namespace

Xapian::Query like_query(const Xapian::Database& db, std::string_view id) {
    const std::string id_term = schema::id_term(id);
    auto posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term))
        throw UsageError("--like: no article with id '" + std::string(id) + "'");
    const Xapian::docid docid = *posting;
    Xapian::Document doc = db.get_document(docid);

    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    FreeTextTerms decider;
    Xapian::ESet eset = enquire.get_eset(like_terms, rset, &decider);

    std::vector<Xapian::Query> parts;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        parts.emplace_back(*it);
    const std::string tag(schema::prefix::tag);
    auto it = doc.termlist_begin();
    for (it.skip_to(tag); it != doc.termlist_end() && (*it).compare(0, tag.size(), tag) == 0;
         ++it) {
        auto* weight = new Xapian::FixedWeightPostingSource(1.0);
        parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()),
                           Xapian::Query(*it));
    }
    Xapian::Query similar(Xapian::Query::OP_OR, parts.begin(), parts.end());

    std::vector<Xapian::Query> own{Xapian::Query(id_term)};
    std::string cluster = doc.get_value(schema::slot::cluster);
    if (!cluster.empty()) {
        std::string story = schema::id_term(cluster);
        story.replace(0, schema::prefix::id.size(), schema::prefix::story);
        own.emplace_back(story);
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, similar,
                         Xapian::Query(Xapian::Query::OP_OR, own.begin(), own.end()));
}

} // namespace dateline::query
