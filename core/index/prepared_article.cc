#include "core/index/prepared_article.h"

#include "core/schema.h"

namespace newsdex {

PreparedArticle prepare_article(DocumentBuilder& builder, const Article& article, const std::string& source_file) {
    PreparedArticle p;
    p.id = article.id;
    p.id_term = schema::id_term(article.id);
    p.path = article.path.empty() ? source_file : article.path;
    p.document = builder.build(article);
    const std::string body = article.body_text();
    p.text_bytes = body.size() + article.title.size();
    p.signature = make_signature(body);
    // A one-article file's article has the file's path as its id: its Q term names the file
    // already (IndexWriter::remove_stale looks there), and a second copy of every path was
    // 2% of a database of such files.
    if (!source_file.empty() && article.id != source_file)
        p.document.add_boolean_term(schema::source_file_term(source_file));
    for (const auto& key : p.signature.band_keys())
        p.document.add_boolean_term(std::string(schema::kPrefixDupBand) + key);
    if (!p.signature.empty()) p.document.add_value(schema::kSlotDupSignature, p.signature.serialise());
    return p;
}

}  // namespace newsdex
