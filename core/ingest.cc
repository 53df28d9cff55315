#include "core/ingest.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/error.h"
#include "core/readers/text_reader.h"
#include "core/source_file.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

bool is_text_article_name(const std::string& filename) {
    const fs::path p(filename);
    if (p.filename().string().starts_with(".")) return false;
    const std::string ext = lower_extension(p);
    // Extension-less files are how many archives (and Usenet spools) hold plain text.
    return ext.empty() || ext == ".txt" || ext == ".text";
}

Ingest::Ingest(IndexWriter& writer, IngestOptions options, Reporter report)
    : writer_(writer), options_(std::move(options)), report_(std::move(report)) {}

void Ingest::report(Problem::Level level, const std::string& where, const std::string& reason) {
    switch (level) {
        case Problem::Level::Repaired: ++stats_.repaired; break;
        case Problem::Level::Skipped: ++stats_.skipped; break;
        case Problem::Level::Failed: ++stats_.failed; break;
    }
    if (report_) report_(Problem{level, where, reason});
}

void Ingest::add_path(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        ++stats_.files;
        report(Problem::Level::Failed, path, ec ? ec.message() : "No such file or directory");
        return;
    }
    if (fs::is_directory(status)) {
        add_directory(path);
    } else {
        add_file(path);
    }
}

void Ingest::add_directory(const std::string& root) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
    if (ec) {
        report(Problem::Level::Failed, root, ec.message());
        return;
    }
    for (const fs::recursive_directory_iterator end; it != end;) {
        const fs::path& p = it->path();
        const bool hidden = p.filename().string().starts_with(".");
        std::error_code type_ec;
        const bool is_dir = it->is_directory(type_ec);
        if (hidden) {
            if (is_dir) it.disable_recursion_pending();
        } else if (!is_dir) {
            if (is_text_article_name(p.filename().string()))
                files.push_back(p);
            else
                ++stats_.ignored;
        }
        it.increment(ec);
        if (ec) {
            // An unreadable sub-folder: say so and carry on with its siblings.
            report(Problem::Level::Failed, p.string(), ec.message());
            ec.clear();
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(f.string());
}

void Ingest::add_file(const std::string& path) {
    ++stats_.files;
    auto read = read_source_file(path, options_.max_file_bytes);
    if (auto* failure = std::get_if<ReadFailure>(&read)) {
        report(failure->skipped ? Problem::Level::Skipped : Problem::Level::Failed, path, failure->reason);
        return;
    }
    auto& file = std::get<SourceFile>(read);
    auto parsed = readers::parse_text_article(file.text);
    Article& article = parsed.article;
    if (article.paragraphs.empty()) {
        report(Problem::Level::Skipped, path, "no article text (only a header, title or page furniture)");
        return;
    }
    article.id = file.canonical_path;
    article.path = file.canonical_path;
    if (!article.date) {
        article.date = from_time_t(file.mtime);
        article.date_origin = DateOrigin::FileTime;
    }
    if (article.language.empty()) article.language = options_.language.code;

    std::vector<std::string> notes = std::move(file.warnings);
    for (auto& w : parsed.warnings) notes.push_back(std::move(w));
    try {
        const auto outcome = writer_.add(article);
        ++(outcome == IndexWriter::Outcome::Added ? stats_.added : stats_.replaced);
        stats_.bytes += file.text.size();
    } catch (const Error&) {
        throw;  // the database itself is in trouble: stop the run
    } catch (const std::exception& e) {
        report(Problem::Level::Failed, path, e.what());
        return;
    }
    if (!notes.empty()) {
        std::string joined;
        for (const auto& n : notes) joined += (joined.empty() ? "" : "; ") + n;
        report(Problem::Level::Repaired, path, "indexed, but " + joined);
    }
}

}  // namespace newsdex
