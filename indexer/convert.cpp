#include "convert.h"

#include "indexer/extract/extract.h"

#include <string>

namespace dateline {

namespace {

Article extract_article(const RawItem& item, const FieldMap& fields) {
    switch (item.kind) {
    case RawItem::Kind::json_record:
        return article_from_record(item.content, fields);
    case RawItem::Kind::html_page:
    case RawItem::Kind::text_page: {
        extract::PageInfo page;
        page.path = item.origin;
        page.url = item.url;
        page.charset = item.charset;
        page.fetched_at = item.fetched_at;
        auto extraction = item.kind == RawItem::Kind::html_page
                              ? extract::extract_html(item.content, page)
                              : extract::extract_text_page(item.content, page);
        if (!extraction.article.published) extraction.article.published = item.captured_at;
        return std::move(extraction.article);
    }
    case RawItem::Kind::article:
        if (item.article) return *item.article;
        break;
    }
    throw RecordError("item carries no article");
}

} // namespace

Article to_article(const RawItem& item, const FieldMap& fields, std::size_t max_text_bytes) {
    Article article = extract_article(item, fields);
    const std::size_t size =
        article.title.size() + article.description.size() + article.body.size();
    if (size > max_text_bytes)
        throw RecordError("article text of " + std::to_string(size) + " bytes is longer than " +
                          std::to_string(max_text_bytes) + " (--max-article-size)");
    return article;
}

} // namespace dateline
