#include "core/index/synonyms.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/schema.h"

namespace newsdex {

namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

std::vector<SynonymGroup> parse_synonyms(std::string_view text, const std::string& name) {
    std::vector<SynonymGroup> groups;
    std::size_t line_no = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;

        const std::string where = name + ":" + std::to_string(line_no) + ": ";
        SynonymGroup group;
        group.line = line_no;
        std::size_t from = 0;
        for (;;) {
            const auto eq = line.find('=', from);
            const std::string_view entry = line.substr(from, eq == std::string_view::npos ? eq : eq - from);
            auto words = schema::field_words(entry);
            if (words.empty())
                throw Error(ErrorKind::Usage, where + "an entry has no words (write e.g. USA = United States = US)");
            if (join(words).size() > schema::kMaxTermBytes)
                throw Error(ErrorKind::Usage, where + "an entry is longer than " +
                                                  std::to_string(schema::kMaxTermBytes) + " bytes");
            group.entries.push_back(std::move(words));
            if (eq == std::string_view::npos) break;
            from = eq + 1;
        }
        if (group.entries.size() < 2)
            throw Error(ErrorKind::Usage,
                        where + "a group needs two or more entries separated by \"=\" (e.g. USA = United States = US)");
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<SynonymGroup> read_synonym_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(ErrorKind::Usage, "cannot read synonyms file " + path + ": it is a folder");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad())
        throw Error(ErrorKind::Usage, "cannot read synonyms file " + path + ": " + std::strerror(errno),
                    "check the path given to --synonyms");
    return parse_synonyms(text.str(), path);
}

std::size_t store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups,
                           const Xapian::Stem& stemmer) {
    std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& key : old_keys) db.clear_synonyms(key);

    std::set<std::string> keys;
    for (const auto& group : groups) {
        for (std::size_t i = 0; i < group.entries.size(); ++i) {
            const auto& entry = group.entries[i];
            std::vector<std::string> entry_keys{join(entry)};
            if (entry.size() == 1 && !stemmer.is_none()) entry_keys.push_back(schema::stem_term(stemmer, entry[0]));
            for (std::size_t j = 0; j < group.entries.size(); ++j) {
                const auto& other = group.entries[j];
                if (j == i || other.size() != 1) continue;
                const std::string value = schema::stem_term(stemmer, other[0]);
                for (const auto& key : entry_keys) {
                    if (key == value) continue;
                    db.add_synonym(key, value);
                    keys.insert(key);
                }
            }
        }
    }
    return keys.size();
}

}  // namespace newsdex
