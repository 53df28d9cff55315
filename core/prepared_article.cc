#include "core/prepared_article.h"

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
    if (!source_file.empty()) p.document.add_boolean_term(schema::source_file_term(source_file));
    for (const auto& key : p.signature.band_keys())
        p.document.add_boolean_term(std::string(schema::kPrefixDupBand) + key);
    if (!p.signature.empty()) p.document.add_value(schema::kSlotDupSignature, p.signature.serialise());
    if (builder.records_spelling()) p.spelling = spelling_words(p.document);
    return p;
}

std::vector<std::pair<std::string, Xapian::termcount>> spelling_words(const Xapian::Document& doc) {
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Prefixed terms (filters, stems, titles) start with a capital; words never do,
        // as TermGenerator lower-cases them.
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
        const Xapian::termcount occurrences = it.positionlist_count();
        if (occurrences > 0) words.emplace_back(term, occurrences);
    }
    return words;
}

}  // namespace newsdex
