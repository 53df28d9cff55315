#include "indexer/summary.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace newsdex {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "2 empty file, 1 binary file": most frequent first.
std::string grouped(const std::map<std::string, std::size_t>& reasons) {
    std::vector<std::pair<std::string, std::size_t>> sorted(reasons.begin(), reasons.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [reason, n] : sorted) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    return out;
}

std::string human_bytes(std::uintmax_t bytes) {
    char buf[32];
    const double b = static_cast<double>(bytes);
    if (b >= 1e9) std::snprintf(buf, sizeof buf, "%.2f GB", b / 1e9);
    else if (b >= 1e6) std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
    else if (b >= 1e3) std::snprintf(buf, sizeof buf, "%.1f kB", b / 1e3);
    else std::snprintf(buf, sizeof buf, "%ju B", bytes);
    return buf;
}

}  // namespace

std::string format_summary(const IngestStats& s, double seconds, const std::string& db) {
    const double secs = seconds > 0 ? seconds : 1e-9;
    std::string line = "indexed " + plural(s.indexed(), "article", "articles") + " (" + std::to_string(s.added) +
                       " new, " + std::to_string(s.replaced) + " updated), " + std::to_string(s.unchanged) +
                       " unchanged, " + std::to_string(s.deleted) + " deleted, " +
                       plural(s.duplicates(), "duplicate", "duplicates") + " (" + std::to_string(s.duplicates_exact) +
                       " exact, " + std::to_string(s.duplicates_near) + " near) from " +
                       plural(s.files, "file", "files") + " (" + std::to_string(s.files_read) + " read, " +
                       std::to_string(s.files_unchanged) + " unchanged); " + std::to_string(s.skipped) +
                       " skipped, " + std::to_string(s.failed) + " failed";
    if (s.ignored > 0) line += ", " + std::to_string(s.ignored) + " ignored (not article files)";
    char tail[128];
    std::snprintf(tail, sizeof tail, "; %.2f s, %.0f articles/s, %.2f MB/s -> ", seconds,
                  static_cast<double>(s.indexed()) / secs, static_cast<double>(s.bytes_read) / 1e6 / secs);
    line += tail + db + "\n";
    if (!s.skip_reasons.empty()) line += "  skipped: " + grouped(s.skip_reasons) + "\n";
    if (!s.fail_reasons.empty()) line += "  failed: " + grouped(s.fail_reasons) + "\n";
    return line;
}

std::string format_stats(const DbStats& s) {
    std::string out;
    auto row = [&out](const std::string& key, const std::string& value) { out += key + ": " + value + "\n"; };
    row("database", s.path);
    row("articles", std::to_string(s.articles));
    row("source files", std::to_string(s.source_files));
    std::string pubs = std::to_string(s.publications);
    if (!s.top_publications.empty()) {
        pubs += " (";
        for (std::size_t i = 0; i < s.top_publications.size(); ++i)
            pubs += (i ? ", " : "") + s.top_publications[i].first + " " + std::to_string(s.top_publications[i].second);
        pubs += s.publications > s.top_publications.size() ? ", ...)" : ")";
    }
    row("publications", pubs);
    std::string langs;
    for (const auto& [code, n] : s.languages) langs += (langs.empty() ? "" : ", ") + code + " " + std::to_string(n);
    row("languages", langs.empty() ? "none" : langs);
    row("dates", s.first_date.empty() ? "none" : s.first_date + " to " + s.last_date);
    row("duplicates", std::to_string(s.duplicate_articles) + " articles in " +
                          plural(s.duplicate_groups, "group", "groups") + " of similar articles");
    row("size on disk", human_bytes(s.bytes_on_disk));
    row("last update", s.last_update.empty() ? "unknown" : s.last_update);
    row("stemming", s.language.empty() ? "unknown" : s.language);
    row("schema version", s.schema_version.empty() ? "unknown" : s.schema_version);
    return out;
}

}  // namespace newsdex
