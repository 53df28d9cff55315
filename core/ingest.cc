#include "core/ingest.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/error.h"

namespace newsdex {

namespace fs = std::filesystem;

/// Stores each article the readers find, and turns storage failures into problems.
class Ingest::WriterSink : public readers::ArticleSink {
  public:
    explicit WriterSink(Ingest& ingest) : ingest_(ingest) {}

    void article(Article&& article) override {
        try {
            const auto outcome = ingest_.writer_.add(article);
            ++(outcome == IndexWriter::Outcome::Added ? ingest_.stats_.added : ingest_.stats_.replaced);
            for (const auto& p : article.paragraphs) ingest_.stats_.bytes += p.size();
            last_stored_ = true;
        } catch (const Error&) {
            throw;  // the database itself is in trouble: stop the run
        } catch (const std::exception& e) {
            last_stored_ = false;
            ingest_.report({Problem::Level::Failed, article.path, e.what()});
        }
    }

    void problem(Problem&& problem) override {
        if (problem.level == Problem::Level::Repaired) {
            if (!last_stored_) return;  // its failure was reported already
            problem.reason = "indexed, but " + problem.reason;
        }
        ingest_.report(std::move(problem));
    }

  private:
    Ingest& ingest_;
    bool last_stored_ = false;
};

Ingest::Ingest(IndexWriter& writer, readers::ReadOptions options, Reporter report)
    : writer_(writer), options_(std::move(options)), report_(std::move(report)) {}

void Ingest::report(Problem&& problem) {
    switch (problem.level) {
        case Problem::Level::Repaired: ++stats_.repaired; break;
        case Problem::Level::Skipped: ++stats_.skipped; break;
        case Problem::Level::Failed: ++stats_.failed; break;
    }
    if (report_) report_(problem);
}

void Ingest::add_path(const std::string& path) {
    if (path == readers::kStdinPath) {
        add_file(path);
        return;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        ++stats_.files;
        report({Problem::Level::Failed, path, ec ? ec.message() : "No such file or directory"});
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
    collect_files(root, files);
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(f.string());
}

void Ingest::collect_files(const fs::path& dir, std::vector<fs::path>& files) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        // An unreadable folder: say so and carry on with its siblings.
        ++stats_.files;
        report({Problem::Level::Failed, dir.string(), ec.message()});
        return;
    }
    std::vector<fs::path> subdirs;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) continue;
        std::error_code type_ec;
        // Symlinked folders are not followed: they can loop, and usually duplicate a tree.
        if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
            subdirs.push_back(p);
        } else if (!it->is_directory(type_ec)) {
            if (readers::is_article_file_name(p.filename().string()))
                files.push_back(p);
            else
                ++stats_.ignored;
        }
    }
    if (ec) {
        ++stats_.files;
        report({Problem::Level::Failed, dir.string(), ec.message()});
    }
    for (const auto& sub : subdirs) collect_files(sub, files);
}

void Ingest::add_file(const std::string& path) {
    ++stats_.files;
    WriterSink sink(*this);
    readers::read_file(path, options_, sink);
}

}  // namespace newsdex
