#include "core/index_writer.h"

#include <filesystem>
#include <system_error>

#include "core/error.h"
#include "core/schema.h"

namespace newsdex {

namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec)
        throw Error(ErrorKind::Database, "cannot create folder " + parent.string() + ": " + ec.message());
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
        throw database_error(e, path);
    }
}

}  // namespace

IndexWriter::IndexWriter(const IndexWriterOptions& options)
    : options_(options), db_(open_writable(options.db_path)), builder_(options.language) {
    try {
        check_or_write_metadata();
        if (options_.spelling) builder_.enable_spelling(db_);
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

IndexWriter::~IndexWriter() {
    // The destructor's implicit commit swallows errors, so commit explicitly and report.
    try {
        if (uncommitted_ > 0) db_.commit();
    } catch (const Xapian::Error&) {  // NOLINT(bugprone-empty-catch): nothing to tell it to
    }
}

void IndexWriter::check_or_write_metadata() {
    const std::string version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
    const std::string language = db_.get_metadata(std::string(schema::kMetaLanguage));
    if (version.empty() && db_.get_doccount() > 0)
        throw Error(ErrorKind::Database, "database " + options_.db_path + " was not made by Newsdex",
                    "choose another --db");
    if (!version.empty() && version != std::to_string(schema::kSchemaVersion))
        throw Error(ErrorKind::Database,
                    "database " + options_.db_path + " has schema version " + version +
                        ", this newsdex-index writes version " + std::to_string(schema::kSchemaVersion),
                    "rebuild it into a new --db");
    if (!language.empty() && language != options_.language.stemmer)
        throw Error(ErrorKind::Database,
                    "database " + options_.db_path + " is stemmed as " + language +
                        ", not " + options_.language.stemmer,
                    "use --language " + language + ", or index into another --db");
    if (version.empty()) {
        db_.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
        db_.set_metadata(std::string(schema::kMetaLanguage), options_.language.stemmer);
        db_.commit();
    }
}

IndexWriter::Outcome IndexWriter::add(const Article& article) {
    const std::string id_term = schema::id_term(article.id);
    try {
        const bool existed = db_.term_exists(id_term);
        db_.replace_document(id_term, builder_.build(article));
        if (++uncommitted_ >= options_.batch_size) commit();
        return existed ? Outcome::Replaced : Outcome::Added;
    } catch (const Xapian::InvalidArgumentError& e) {
        // Something in this article Xapian cannot store: the article fails, the run goes on.
        throw std::runtime_error(e.get_msg());
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

std::size_t IndexWriter::replace_synonyms(const std::vector<SynonymGroup>& groups) {
    const std::string& stemmer = options_.language.stemmer;
    try {
        return store_synonyms(db_, groups, stemmer == "none" ? Xapian::Stem() : Xapian::Stem(stemmer));
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

void IndexWriter::commit() {
    try {
        db_.commit();
        uncommitted_ = 0;
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

}  // namespace newsdex
