#include "core/readers/emitter.h"

#include <algorithm>
#include <cstdio>

#include "core/article/article_id.h"
#include "core/text/language_detect.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

std::string human_size(std::uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

namespace {

/// The last line of defence: nothing that is not valid UTF-8 leaves the readers, whether
/// article text or a message quoting the input (a bad charset name, a URL, a parser's
/// "last read" bytes). Readers already decode text; this catches metadata and messages.
void make_valid(std::string& text) {
    if (!is_valid_utf8(text)) text = clean_text(text).text;
}

}  // namespace

std::string join_warnings(const std::vector<std::string>& warnings) {
    std::string out;
    for (const auto& w : warnings) out += (out.empty() ? "" : "; ") + w;
    return out;
}

void Emitter::article(Article&& article, std::string_view record, std::string_view locator,
                      const std::vector<std::string>& warnings) {
    std::erase_if(article.paragraphs, [](const std::string& p) { return p.empty(); });
    if (article.paragraphs.empty()) {
        problem(Problem::Level::Skipped, locator,
                "no article text (only a header, title or page furniture)");
        return;
    }
    make_valid(article.title);
    for (auto& p : article.paragraphs) make_valid(p);
    for (auto& a : article.authors) make_valid(a);
    make_valid(article.source);
    make_valid(article.url);
    make_valid(article.language);
    std::string key(record);
    std::vector<std::string> notes = warnings;
    if (!key.empty() && !records_.insert(key).second) {
        std::size_t k = 2;
        while (!records_.insert(key + "~" + std::to_string(k)).second) ++k;
        std::string unique = key + "~" + std::to_string(k);
        notes.push_back("record key " + key + " is already taken by an earlier record of this file: indexed as #" + unique);
        key = std::move(unique);
    }
    article.id = key.empty() ? input_.id : record_article_id(input_.id, key);
    make_valid(article.id);
    article.path = input_.where;
    make_valid(article.path);
    if (article.title.empty()) {
        article.title = derive_title(article.paragraphs.front());
        article.title_derived = true;
    }
    // An article whose own date could not be read stays undated: the file's time (often
    // "today" for a fresh copy) would pass it off as new and let it through --since 7d.
    const bool unreadable_date = std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
        return w.starts_with(kUnreadableDateWarning);
    });
    if (unreadable_date)
        for (auto& note : notes)
            if (note.starts_with(kUnreadableDateWarning)) note += " (left undated, not dated by the file)";
    if (!article.date && input_.mtime > 0 && !unreadable_date) {
        article.date = from_time_t(input_.mtime);
        article.date_origin = DateOrigin::FileTime;
    }
    if (article.language.empty() && options_.detect_language) {
        // The title and the first paragraphs are plenty: CLD2 needs a few hundred letters.
        std::string sample = article.title;
        for (const auto& p : article.paragraphs) {
            if (sample.size() > 4096) break;
            sample += '\n';
            sample += p;
        }
        article.language = detect_language(sample);
    }
    if (article.language.empty()) article.language = options_.language.code;
    ++articles_;
    sink_.article(std::move(article));
    if (!notes.empty()) {
        problem(Problem::Level::Repaired, locator, join_warnings(notes));
    }
}

void Emitter::reached(std::size_t done, std::size_t of) {
    if (of == 0 || input_.span_end <= input_.span_begin) return;
    const double share = static_cast<double>(std::min(done, of)) / static_cast<double>(of);
    const auto width = static_cast<double>(input_.span_end - input_.span_begin);
    sink_.reached(input_.span_begin + static_cast<std::uintmax_t>(share * width));
}

void Emitter::problem(Problem::Level level, std::string_view locator, std::string reason) {
    ++problems_;
    std::string where = input_.where + std::string(locator);
    make_valid(where);
    make_valid(reason);
    sink_.problem({level, std::move(where), std::move(reason)});
}

}  // namespace newsdex::readers
