#include "core/db/db_stats.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include <xapian.h>

#include "core/db/db_layout.h"
#include "core/error.h"
#include "core/schema.h"
#include "core/text/date.h"

namespace newsdex {

namespace {

std::string iso_day(const std::string& ymd) {
    const auto day = from_yyyymmdd(ymd);
    return day ? to_iso(*day) : ymd;
}

std::uintmax_t folder_bytes(const std::string& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    // Recursive: a sharded generation keeps its shards in sub-folders.
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

}  // namespace

DbStats read_db_stats(const std::string& db_path, std::size_t top_publications) {
    DbStats s;
    s.path = db_path;
    s.index_path = DbLayout::live_index(db_path);
    if (s.index_path.empty())
        throw Error(ErrorKind::Database, "no database at " + db_path,
                    "create one with: newsdex-index --db " + db_path + " PATH...");
    try {
        // The root, not the generation: its stub opens every shard of a sharded database.
        Xapian::Database db(db_path);
        s.articles = db.get_doccount();
        s.schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
        s.language = db.get_metadata(std::string(schema::kMetaLanguage));
        s.last_update = db.get_metadata(std::string(schema::kMetaLastUpdate));
        const std::string meta_prefix(schema::kMetaFilePrefix);
        for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix); ++it)
            if (!db.get_metadata(*it).empty()) ++s.source_files;

        const std::string lang_prefix(schema::kPrefixLanguage);
        for (auto it = db.allterms_begin(lang_prefix); it != db.allterms_end(lang_prefix); ++it)
            s.languages.emplace_back((*it).substr(lang_prefix.size()), it.get_termfreq());
        std::sort(s.languages.begin(), s.languages.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });

        if (s.articles > 0) {
            s.first_date = iso_day(db.get_value_lower_bound(schema::kSlotDate));
            s.last_date = iso_day(db.get_value_upper_bound(schema::kSlotDate));
        }

        std::map<std::string, std::uint64_t> publications;
        for (auto it = db.valuestream_begin(schema::kSlotSource); it != db.valuestream_end(schema::kSlotSource); ++it)
            ++publications[*it];
        s.publications = publications.size();
        std::vector<std::pair<std::string, std::uint64_t>> ranked(publications.begin(), publications.end());
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
        if (ranked.size() > top_publications) ranked.resize(top_publications);
        s.top_publications = std::move(ranked);

        std::unordered_map<std::string, std::uint64_t> groups;
        for (auto it = db.valuestream_begin(schema::kSlotDupGroup); it != db.valuestream_end(schema::kSlotDupGroup); ++it)
            ++groups[*it];
        for (const auto& [key, members] : groups)
            if (members > 1) {
                ++s.duplicate_groups;
                s.duplicate_articles += members - 1;
            }
    } catch (...) {
        rethrow_as_database_error(db_path);
    }
    s.bytes_on_disk = folder_bytes(s.index_path);
    return s;
}

}  // namespace newsdex
