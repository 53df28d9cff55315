/** @file @brief One input file -> the articles in it, whatever its format. The seam
 *  between the readers (which know formats) and ingest (which knows the database). */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article/article.h"
#include "core/text/language.h"
#include "core/article/problem.h"
#include "core/readers/fields.h"
#include "core/readers/format.h"

namespace newsdex::readers {

struct ReadOptions {
    std::uintmax_t max_file_bytes = 64ULL << 20;  ///< per file, and per decompressed file or member
    /// One line of a line-based format (text, JSON Lines, CSV) or one record: longer ones are
    /// skipped as not article text (a 20 MB line is a dump, not a paragraph).
    std::uintmax_t max_record_bytes = 4ULL << 20;
    Language language{"en", "english"};  ///< for articles that neither name nor show theirs
    bool detect_language = true;         ///< guess the language of articles that do not name it
    Format format = Format::Auto;        ///< Auto: detect per file (and per archive member)
    FieldMap fields;                     ///< --field overrides for JSON and CSV records
};

/// Receives what read_file finds, in file order.
class ArticleSink {
  public:
    virtual ~ArticleSink() = default;
    /// A complete article: id, path, date (the file's time when it has none) and language set.
    /// The id must be stable across runs (core/article/article_id.h: the canonical path, `#N` for a
    /// record, `!member` for an archive member): the indexer replaces by id and removes the
    /// ids a re-read file no longer yields.
    virtual void article(Article&& article) = 0;
    /// An input, or part of one, that could not be fully used.
    virtual void problem(Problem&& problem) = 0;
    /// How far reading has got, in bytes of the file as stored (never more than its size):
    /// called per record of a multi-record file, so a progress display can move inside
    /// one big file. For compressed input it is the share of the compressed file that the
    /// position in the decompressed text stands for. Never decreases within one file.
    virtual void reached(std::uintmax_t /*file_bytes*/) {}
};

/// The path that means standard input.
inline constexpr std::string_view kStdinPath = "-";
/// What stands for the canonical path of standard input: in article ids (`stdin#N`) and
/// as the source its articles were read from.
inline constexpr std::string_view kStdinId = "stdin";

/// Reads every article in the file at `path` (`-`: standard input): compressed files and
/// archives are opened, each member read as its own file; the format of each is
/// options.format or detected from name and content (see format.h).
/// Article ids: the canonical path for a one-article file, `path#N` for the N-th record of
/// a multi-article file (N is the line for JSON Lines), `archive!member` inside archives,
/// `stdin` / `stdin#N` for standard input.
/// Never throws for bad input: each problem goes to the sink and reading goes on.
/// Thread-safe: several threads may read files at once (each with its own sink).
void read_file(const std::string& path, const ReadOptions& options, ArticleSink& sink);

/// As read_file, for content already in memory; `name` stands for the path (in ids,
/// messages and format detection). What tests and fuzzers call.
void read_bytes(const std::string& name, std::string_view bytes, const ReadOptions& options,
                ArticleSink& sink);

/// True for file names read when met inside a folder (files named on the command line
/// are always read): see has_readable_extension.
bool is_article_file_name(const std::string& filename);

}  // namespace newsdex::readers
