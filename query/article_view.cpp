#include "article_view.h"

#include "analyzers/article_json.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "database.h"
#include "errors.h"
#include "printer.h"
#include "printers/printers.h"
#include "search.h"

#include <string>

namespace dateline::query {

nlohmann::json article_document(Xapian::Database& db, std::string_view id, std::size_t like_count) {
    return with_reopen(db, [&] {
        const std::string term = schema::id_term(id);
        Xapian::Document doc;
        std::string data;
        bool found = xapian_call("reading article " + std::string(id), [&] {
            auto it = db.postlist_begin(term);
            if (it == db.postlist_end(term)) return false;
            doc = db.get_document(*it);
            data = doc.get_data();
            return true;
        });
        if (!found) throw NotFoundError("no article has the id '" + std::string(id) + "'");

        nlohmann::json article = nlohmann::json::parse(data, nullptr, false);
        if (!article.is_object()) article = nlohmann::json::object();
        // Fill what the data lacks from the terms and values (as a hit does).
        const Hit hit = hit_from_document(doc, data);
        article["id"] = hit.id;
        if (!article.contains("source") || !article["source"].is_string())
            article["source"] = hit.source;
        if (!article.contains("source_id") || !article["source_id"].is_string())
            article["source_id"] = hit.source_id;
        if (!article.contains("published") || article["published"].is_null())
            article["published"] = hit.published ? nlohmann::json(*hit.published) : nullptr;
        for (const char* list : {"authors", "tags", "entities", "passing", "mentions"})
            if (!article.contains(list) || !article[list].is_array())
                article[list] = nlohmann::json::array();
        for (const char* text : {"url", "title", "description", "language", "section", "body"})
            if (!article.contains(text) || !article[text].is_string()) article[text] = "";

        nlohmann::json copies = nlohmann::json::array();
        if (!hit.cluster.empty()) {
            xapian_call("reading the copies of " + hit.id, [&] {
                for (const Copy& copy : copies_of(db, hit))
                    copies.push_back({{"id", copy.id},
                                      {"source", copy.source},
                                      {"url", copy.url},
                                      {"title", copy.title},
                                      {"published", copy.published ? nlohmann::json(*copy.published)
                                                                   : nullptr}});
            });
        }

        nlohmann::json like = nlohmann::json::array();
        if (like_count > 0) {
            SearchRequest request;
            request.like = hit.id;
            request.limit = static_cast<Xapian::doccount>(like_count);
            request.suggest_below = 0;
            for (const Hit& h : search(db, request).hits)
                like.push_back(json_shape::hit(h));
        }
        return nlohmann::json{{"schema_version", output_schema_version},
                              {"article", std::move(article)},
                              {"cluster", hit.cluster},
                              {"copies", std::move(copies)},
                              {"like", std::move(like)}};
    });
}

} // namespace dateline::query
