#include "core/readers/read_file.h"

#include <filesystem>

#include "core/readers/text_reader.h"
#include "core/source_file.h"

namespace newsdex::readers {

bool is_article_file_name(const std::string& filename) {
    const std::filesystem::path p(filename);
    if (p.filename().string().starts_with(".")) return false;
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Extension-less files are how many archives (and Usenet spools) hold plain text.
    return ext.empty() || ext == ".txt" || ext == ".text";
}

void read_file(const std::string& path, const ReadOptions& options, ArticleSink& sink) {
    auto read = read_source_file(path, options.max_file_bytes);
    if (auto* failure = std::get_if<ReadFailure>(&read)) {
        sink.problem({failure->skipped ? Problem::Level::Skipped : Problem::Level::Failed, path, failure->reason});
        return;
    }
    auto& file = std::get<SourceFile>(read);
    auto parsed = parse_text_article(file.text);
    Article& article = parsed.article;
    if (article.paragraphs.empty()) {
        sink.problem({Problem::Level::Skipped, path, "no article text (only a header, title or page furniture)"});
        return;
    }
    article.id = file.canonical_path;
    article.path = file.canonical_path;
    if (!article.date) {
        article.date = from_time_t(file.mtime);
        article.date_origin = DateOrigin::FileTime;
    }
    if (article.language.empty()) article.language = options.language.code;

    std::string notes;
    for (const auto& w : file.warnings) notes += (notes.empty() ? "" : "; ") + w;
    for (const auto& w : parsed.warnings) notes += (notes.empty() ? "" : "; ") + w;
    sink.article(std::move(article));
    if (!notes.empty()) sink.problem({Problem::Level::Repaired, path, notes});
}

}  // namespace newsdex::readers
