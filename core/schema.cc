#include "core/schema.h"

#include <cinttypes>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/text/utf8.h"

namespace newsdex::schema {

namespace {

// Document data keys: written by encode_data, read by decode_data, nowhere else.
constexpr const char* kDataId = "id";
constexpr const char* kDataTitle = "title";
constexpr const char* kDataTitleDerived = "title_derived";
constexpr const char* kDataAuthors = "authors";
constexpr const char* kDataDate = "date";
constexpr const char* kDataDateOrigin = "date_origin";
constexpr const char* kDataSource = "source";
constexpr const char* kDataUrl = "url";
constexpr const char* kDataPath = "path";
constexpr const char* kDataLanguage = "language";
constexpr const char* kDataBody = "body";

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std::hash.
std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string get_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string make_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= kMaxTermBytes) {
        term += value;
        return term;
    }
    char hash[20];
    std::snprintf(hash, sizeof hash, "#%016" PRIx64, fnv1a64(value));
    term += utf8_truncate_bytes(value, kMaxTermBytes - prefix.size() - 17);
    term += hash;
    return term;
}

std::string stored_term(const Xapian::Database& db, Xapian::docid did, std::string_view prefix) {
    auto it = db.termlist_begin(did);
    it.skip_to(std::string(prefix));
    if (it == db.termlist_end(did)) return {};
    std::string term = *it;
    return term.starts_with(prefix) ? term : std::string();
}

// File state: "1<TAB>size<TAB>mtime_ns<TAB>inode<TAB>hash<TAB>articles<TAB>path". The
// path goes last so that a tab inside it cannot confuse the split.
std::string encode_file_state(const FileState& state) {
    // The path only when the key cannot give it back (a long path's key is cut and hashed):
    // an archive of one-article files holds a key per file, and the path twice was 1.5% of it.
    const bool key_holds_path = file_state_key(state.path) == std::string(kMetaFilePrefix) + state.path;
    return "1\t" + std::to_string(state.size) + '\t' + std::to_string(state.mtime_ns) + '\t' +
           std::to_string(state.inode) + '\t' + state.content_hash + '\t' + std::to_string(state.articles) +
           '\t' + (key_holds_path ? std::string() : state.path);
}

std::optional<FileState> decode_file_state(std::string_view key, std::string_view value) {
    std::vector<std::string_view> fields;
    while (fields.size() < 6) {
        const auto tab = value.find('\t');
        if (tab == std::string_view::npos) return std::nullopt;
        fields.push_back(value.substr(0, tab));
        value.remove_prefix(tab + 1);
    }
    if (fields[0] != "1") return std::nullopt;
    FileState state;
    try {
        state.size = std::stoull(std::string(fields[1]));
        state.mtime_ns = std::stoll(std::string(fields[2]));
        state.inode = std::stoull(std::string(fields[3]));
        state.articles = std::stoull(std::string(fields[5]));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    state.content_hash = std::string(fields[4]);
    state.path = std::string(value);
    if (state.path.empty()) {
        if (!key.starts_with(kMetaFilePrefix) || key.size() == kMetaFilePrefix.size()) return std::nullopt;
        state.path = std::string(key.substr(kMetaFilePrefix.size()));
    }
    return state;
}

std::vector<std::string> field_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    const std::string owned(text);
    for (Xapian::Utf8Iterator it(owned); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::vector<std::string> host_and_parents(std::string_view host) {
    std::string name(host);
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    while (!name.empty() && name.back() == '.') name.pop_back();  // "example.org." is absolute
    std::vector<std::string> out;
    if (name.empty()) return out;
    out.push_back(name);
    for (auto dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
        const std::string parent = name.substr(dot + 1);
        if (parent.find('.') == std::string::npos) break;  // a bare top-level domain is no site
        out.push_back(parent);
    }
    return out;
}

std::string encode_data(const Article& article) {
    nlohmann::json j;
    j[kDataId] = article.id;
    j[kDataTitle] = article.title;
    if (article.title_derived) j[kDataTitleDerived] = true;
    j[kDataAuthors] = article.authors;
    if (article.date) {
        j[kDataDate] = to_iso(*article.date);
        j[kDataDateOrigin] = std::string(to_string(article.date_origin));
    }
    if (!article.source.empty()) j[kDataSource] = article.source;
    if (!article.url.empty()) j[kDataUrl] = article.url;
    if (!article.path.empty()) j[kDataPath] = article.path;
    if (!article.language.empty()) j[kDataLanguage] = article.language;
    j[kDataBody] = article.body_text();
    // Text is valid UTF-8 by the time it gets here (readers clean it); replace is a safety net.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool same_record_data(std::string_view stored, std::string_view fresh) {
    if (stored == fresh) return true;
    nlohmann::json a = nlohmann::json::parse(stored, nullptr, false);
    nlohmann::json b = nlohmann::json::parse(fresh, nullptr, false);
    if (!a.is_object() || !b.is_object()) return false;
    const std::string file_time(to_string(DateOrigin::FileTime));
    if (get_string(a, kDataDateOrigin) != file_time || get_string(b, kDataDateOrigin) != file_time)
        return false;
    a.erase(kDataDate);
    b.erase(kDataDate);
    return a == b;
}

Article decode_data(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) throw std::runtime_error("document data is not a Newsdex record");
    Article a;
    a.id = get_string(j, kDataId);
    a.title = get_string(j, kDataTitle);
    a.title_derived = j.value(kDataTitleDerived, false);
    if (auto it = j.find(kDataAuthors); it != j.end() && it->is_array())
        for (const auto& name : *it)
            if (name.is_string()) a.authors.push_back(name.get<std::string>());
    if (auto date = parse_date(get_string(j, kDataDate))) {
        a.date = date;
        a.date_origin = date_origin_from_string(get_string(j, kDataDateOrigin));
    }
    a.source = get_string(j, kDataSource);
    a.url = get_string(j, kDataUrl);
    a.path = get_string(j, kDataPath);
    a.language = get_string(j, kDataLanguage);
    const std::string body = get_string(j, kDataBody);
    std::size_t start = 0;
    while (start <= body.size() && !body.empty()) {
        const auto nl = body.find('\n', start);
        a.paragraphs.push_back(body.substr(start, nl == std::string::npos ? nl : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return a;
}

std::string database_term(std::string_view stemmer) {
    return std::string(kPrefixDatabase) + std::to_string(kSchemaVersion) + ":" + std::string(stemmer);
}

std::optional<DatabaseTerm> parse_database_term(std::string_view term) {
    if (term.substr(0, kPrefixDatabase.size()) != kPrefixDatabase) return std::nullopt;
    term.remove_prefix(kPrefixDatabase.size());
    const auto colon = term.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == term.size()) return std::nullopt;
    return DatabaseTerm{std::string(term.substr(0, colon)), std::string(term.substr(colon + 1))};
}

std::string tie_break_key(std::string_view id) {
    // 53 bits of the hash: exactly representable as a double in [0, 1).
    const double fraction = static_cast<double>(hash64(id) >> 11) / 9007199254740992.0;
    return Xapian::sortable_serialise(fraction);
}

}  // namespace newsdex::schema
