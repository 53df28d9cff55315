#include "core/index/document_builder.h"

#include "core/schema.h"

namespace newsdex {

namespace {

/// Positions between title, paragraphs and author: a phrase must not match across them.
constexpr Xapian::termpos kFieldGap = 100;
constexpr Xapian::termpos kParagraphGap = 10;

std::string host_of(const std::string& url) {
    auto start = url.find("://");
    if (start == std::string::npos) return {};
    start += 3;
    auto end = url.find_first_of("/?#:", start);
    std::string host = url.substr(start, end == std::string::npos ? end : end - start);
    if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return host;
}

void add_filter_words(Xapian::Document& doc, std::string_view prefix, const std::string& text) {
    for (const auto& word : schema::field_words(text)) doc.add_boolean_term(schema::make_term(prefix, word));
}

}  // namespace

DocumentBuilder::DocumentBuilder(Language default_language)
    : default_language_(std::move(default_language)) {
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language_code) {
    std::string stemmer = default_language_.stemmer;
    if (!language_code.empty())
        if (auto lang = find_language(language_code)) stemmer = lang->stemmer;
    auto it = stemmers_.find(stemmer);
    if (it == stemmers_.end())
        it = stemmers_.emplace(stemmer, stemmer == "none" ? Xapian::Stem() : Xapian::Stem(stemmer)).first;
    return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.set_stemmer(stemmer_for(article.language));

    generator_.index_text(article.title, 1, std::string(schema::kPrefixTitle));
    generator_.index_text(article.title, schema::kTitleWdf);
    for (const auto& paragraph : article.paragraphs) {
        generator_.increase_termpos(kParagraphGap);
        generator_.index_text(paragraph);
    }
    generator_.increase_termpos(kFieldGap);
    for (const auto& author : article.authors) {
        generator_.index_text(author);
        generator_.increase_termpos(kParagraphGap);
        add_filter_words(doc, schema::kPrefixAuthor, author);
    }
    add_filter_words(doc, schema::kPrefixSource, article.source);

    if (article.date) {
        const std::string ymd = to_yyyymmdd(*article.date);
        doc.add_boolean_term(std::string(schema::kPrefixDay) + ymd);
        doc.add_boolean_term(std::string(schema::kPrefixMonth) + ymd.substr(0, 6));
        doc.add_boolean_term(std::string(schema::kPrefixYear) + ymd.substr(0, 4));
        doc.add_value(schema::kSlotDate, ymd);
    }
    if (!article.url.empty()) {
        doc.add_boolean_term(schema::make_term(schema::kPrefixUrl, article.url));
        for (const auto& domain : schema::host_and_parents(host_of(article.url)))
            doc.add_boolean_term(schema::make_term(schema::kPrefixHost, domain));
    }
    const std::string language = article.language.empty() ? default_language_.code : article.language;
    if (!language.empty()) doc.add_boolean_term(std::string(schema::kPrefixLanguage) + language);
    if (!article.source.empty()) doc.add_value(schema::kSlotSource, article.source);
    if (!article.authors.empty()) doc.add_value(schema::kSlotAuthor, article.author_line());
    if (!article.authors.empty()) {
        std::string list;
        for (const auto& author : article.authors)
            list += (list.empty() ? "" : std::string(1, schema::kAuthorListSeparator)) + author;
        doc.add_value(schema::kSlotAuthorList, list);
    }
    if (!language.empty()) doc.add_value(schema::kSlotLanguage, language);

    doc.add_boolean_term(schema::id_term(article.id));
    doc.add_boolean_term(schema::database_term(default_language_.stemmer));
    doc.add_value(schema::kSlotTieBreak, schema::tie_break_key(article.id));
    doc.set_data(schema::encode_data(article));
    // The generator keeps a reference to its document, and Xapian's reference counts are
    // not atomic: let go of it here, on this thread, before the document moves on to the
    // writer threads (otherwise the next set_document() here races with them).
    generator_.set_document(Xapian::Document());
    return doc;
}

}  // namespace newsdex
