#include "document_builder.h"

#include "analyzers/analyze.h"
#include "analyzers/article_json.h"
#include "analyzers/dates.h"
#include "analyzers/fingerprint.h"
#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/text.h"
#include "analyzers/url.h"

#include <algorithm>
#include <unordered_set>

namespace dateline {

namespace {

std::string_view entity_prefix(EntityType type) {
    switch (type) {
    case EntityType::person:
        return schema::prefix::person;
    case EntityType::organization:
        return schema::prefix::organization;
    case EntityType::place:
        return schema::prefix::place;
    case EntityType::other:
        break;
    }
    return {};
}

void add_date_terms(Xapian::Document& doc, const Timestamp& ts) {
    auto c = dates::to_civil(ts.seconds);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", c.year, c.month, c.day);
    std::string ymd = buf;
    doc.add_boolean_term(std::string(schema::prefix::day) + ymd);
    doc.add_boolean_term(std::string(schema::prefix::month) + ymd.substr(0, 6));
    doc.add_boolean_term(std::string(schema::prefix::year) + ymd.substr(0, 4));
}

bool is_letter_or_mark(unsigned cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); // ASCII: no call
    switch (Xapian::Unicode::get_category(cp)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
    case Xapian::Unicode::NON_SPACING_MARK:
    case Xapian::Unicode::COMBINING_SPACING_MARK:
    case Xapian::Unicode::ENCLOSING_MARK:
        return true;
    default:
        return false;
    }
}

bool is_spelling_word(std::string_view term) {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false; // prefixed
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < term.size(); ++characters)
        if (!is_letter_or_mark(text::next_code_point(term, pos))) return false;
    return characters >= 3;
}

// The facet list slots (schema::list_slots): the values of each prefix's terms, in term order.
void add_list_slots(Xapian::Document& doc) {
    for (const auto& list : schema::list_slots()) {
        std::vector<std::string> values;
        const std::string prefix(list.prefix);
        auto t = doc.termlist_begin();
        for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            if (term.size() > prefix.size()) values.push_back(term.substr(prefix.size()));
        }
        if (!values.empty()) doc.add_value(list.slot, schema::encode_list(values));
    }
}

} // namespace

std::vector<SpellingWord> spelling_words(const Xapian::Document& doc) {
    std::vector<SpellingWord> words;
    // Words of letters start with a lower-case ASCII letter or a multi-byte character: they sort
    // after the prefixed terms (upper case) and the numbers.
    auto t = doc.termlist_begin();
    t.skip_to("a");
    for (; t != doc.termlist_end(); ++t) {
        std::string term = *t;
        if (is_spelling_word(term))
            words.push_back(
                {std::move(term), std::max<Xapian::termcount>(1, t.positionlist_count())});
    }
    return words;
}

std::vector<std::string> display_tags(const Article& article) {
    std::vector<std::string> tags;
    std::unordered_set<std::string> seen;
    auto add = [&](const std::string& tag) {
        if (!tag.empty() && seen.insert(text::fold_case(tag)).second) tags.push_back(tag);
    };
    for (const auto& tag : article.tags)
        add(tag);
    for (const auto& entity : article.entities)
        if (entity.salient) add(entity.name); // places named in passing match place:, not tag:
    return tags;
}

DocumentBuilder::DocumentBuilder() {
    generator_.set_stemming_strategy(stemming::index_strategy);
}

const Xapian::Stem& DocumentBuilder::stem_for(const std::string& language) {
    auto it = stems_.find(language);
    if (it == stems_.end())
        it = stems_.emplace(language, stemming::make_caching_stem(language)).first;
    return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    Xapian::Document doc;
    generator_.set_stemmer(stem_for(a.language));
    generator_.set_document(doc);

    generator_.index_text(a.title, schema::title_weight);
    generator_.index_text(a.title, 1, std::string(schema::prefix::title));
    generator_.increase_termpos();
    generator_.index_text(a.description);
    generator_.increase_termpos();
    generator_.index_text(a.body);
    for (const auto& author : a.authors) {
        generator_.increase_termpos();
        generator_.index_text(author, 1, std::string(schema::prefix::author));
    }

    doc.add_boolean_term(schema::id_term(a.id));
    doc.add_boolean_term(schema::boolean_term(schema::prefix::source, a.source_id));
    if (auto host = url::host(a.url); !host.empty())
        doc.add_boolean_term(schema::boolean_term(schema::prefix::site, host));
    doc.add_boolean_term(schema::boolean_term(schema::prefix::language, a.language));

    const auto tags = display_tags(a);
    for (const auto& tag : tags)
        doc.add_boolean_term(schema::boolean_term(schema::prefix::tag, tag));
    for (const auto& keyword : a.tags)
        if (!keyword.empty())
            doc.add_boolean_term(schema::boolean_term(schema::prefix::keyword, keyword));
    for (const auto& entity : a.entities)
        if (auto prefix = entity_prefix(entity.type); !prefix.empty())
            doc.add_boolean_term(schema::boolean_term(prefix, entity.name));

    if (a.published) {
        add_date_terms(doc, *a.published);
        doc.add_value(schema::slot::published,
                      Xapian::sortable_serialise(static_cast<double>(a.published->seconds)));
        doc.add_value(schema::slot::day,
                      schema::day_value(static_cast<double>(a.published->seconds)));
    }
    doc.add_value(schema::slot::source, a.source_id);
    if (!tags.empty()) doc.add_value(schema::slot::tags, schema::encode_list(tags));
    doc.add_value(schema::slot::language, a.language);
    add_list_slots(doc);

    // Duplicate detection: the body's exact fingerprint and MinHash band terms; the writer picks
    // the cluster (slot cluster) because that needs the database.
    const auto fingerprints = fingerprint::compute(a.body.empty() ? a.title : a.body);
    if (!fingerprints.exact.empty())
        doc.add_boolean_term(std::string(schema::prefix::exact_text) + fingerprints.exact);
    if (const auto& signature = fingerprints.near) {
        doc.add_value(schema::slot::minhash, fingerprint::encode(*signature));
        for (const auto& band : fingerprint::band_values(*signature))
            doc.add_boolean_term(std::string(schema::prefix::cluster) + band);
    }

    const std::string data = to_json(a).dump();
    doc.set_data(data);
    doc.add_value(schema::slot::content_hash, content_hash(data));
    // The generator holds a handle on the document, and Xapian's handles count references without
    // atomics: drop it here, before the document moves to the writer thread.
    generator_.set_document(Xapian::Document());
    return doc;
}

} // namespace dateline
