/** @file @brief What a format reader hands its articles and problems to: it completes each
 *  article (id, path, fallback date, language) and names where each problem is. */
#pragma once

#include <cstddef>
#include <ctime>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/article/article.h"
#include "core/article/problem.h"
#include "core/readers/read_file.h"

namespace newsdex::readers {

/// How every reader's warning about a date it cannot read begins ("unrecognised date
/// \"02/05/2024\""): such an article is left undated rather than dated by its file.
inline constexpr std::string_view kUnreadableDateWarning = "unrecognised date";

/// One file, or one member of an archive, ready for a format reader.
struct Input {
    std::string where;     ///< for messages and Article::path: "dir/a.html", "a.tar.gz!x/b.html"
    std::string id;        ///< id of its article (records add "#N"): canonical path [+ "!member"]
    std::string name;      ///< file or member name, for format detection by extension
    std::string_view bytes;
    std::time_t mtime = 0;  ///< fallback date; 0 when unknown
    /// The bytes of the file as stored that `bytes` stands for, [span_begin, span_end):
    /// the whole file for a file read as it is or decompressed whole, the part of an
    /// archive's data a member came from. For progress only (Emitter::reached).
    std::uintmax_t span_begin = 0, span_end = 0;
};

class Emitter {
  public:
    Emitter(const Input& input, const ReadOptions& options, ArticleSink& sink)
        : input_(input), options_(options), sink_(sink) {}

    /// Completes and passes on an article. `record` is "" for a file's only article, else
    /// its key in the file ("17": id becomes `id#17`); `locator` names it in messages
    /// (":17" for a line, "#3" for an item). Skips (and reports) an article with no text.
    /// A key an earlier article of this input already has (two Reuters stories with one
    /// NEWID) becomes `key~2` (`~3`, ...), with a warning: both are kept, and the ids stay
    /// stable from run to run as long as the file is unchanged.
    void article(Article&& article, std::string_view record, std::string_view locator,
                 const std::vector<std::string>& warnings = {});

    /// The reader has used `done` of the `of` bytes (or items) it works through: reports the
    /// matching position in the stored file to the sink (ArticleSink::reached). Cheap: call
    /// it once per record.
    void reached(std::size_t done, std::size_t of);

    /// Reports a problem with the input, or with one record of it (`locator` as above).
    void problem(Problem::Level level, std::string_view locator, std::string reason);

    const Input& input() const { return input_; }
    const ReadOptions& options() const { return options_; }
    std::size_t articles() const { return articles_; }
    std::size_t problems() const { return problems_; }

  private:
    const Input& input_;
    const ReadOptions& options_;
    ArticleSink& sink_;
    std::size_t articles_ = 0;
    std::size_t problems_ = 0;
    std::unordered_set<std::string> records_;  ///< record keys given out so far
};

/// "1.5 MiB": sizes in messages.
std::string human_size(std::uintmax_t bytes);

/// Joins warnings into one message.
std::string join_warnings(const std::vector<std::string>& warnings);

}  // namespace newsdex::readers
