/** @file
 *  @brief The one definition of how Newsdex lays articles out in a Xapian database.
 *
 *  Term prefixes follow Xapian Omega's conventions (xapian-omega/docs/termprefixes.rst)
 *  so that `quest` and `xapian-delve` can read a Newsdex database:
 *
 *    Q<id>        unique id: the article's canonical path, plus "#N" for the N-th record
 *                 of a multi-article file and "!member" inside archives (see article_id.h;
 *                 hashed past kMaxTermBytes)
 *    S<word>      title words (probabilistic, positional; `title:`)
 *    A<word>      author name words, lower-cased (boolean filter; `author:`)
 *    XSOURCE<word> source / publication name words, lower-cased (boolean filter; `source:`)
 *    D<YYYYMMDD>  day, M<YYYYMM> month, Y<YYYY> year of publication (boolean filters)
 *    U<url>       the article's URL (hashed past kMaxTermBytes)
 *    H<host>      the URL's host name, lower-cased, and each parent domain of it down to two
 *                 labels (news.example.co.uk: also example.co.uk, co.uk), so `site:` matches
 *                 subdomains
 *    L<code>      ISO 639-1 language code, e.g. Len: declared by the article, else detected
 *                 (CLD2), else the --language default; the article is stemmed in it, and
 *                 the searcher reads the query in each language these terms name
 *                 (core/search/multilingual.h)
 *    XFILE<path>  canonical path of the file on disk the article was read from (for an
 *                 archive member: the archive; "stdin" for standard input); hashed past
 *                 kMaxTermBytes. Lets a re-run find and remove the articles a changed or
 *                 deleted file no longer yields. Left out when the article's id is that
 *                 path (a one-article file): its Q term names the file.
 *    XMH<hex>     near-duplicate signature bands: 16 per article, each a hash of two
 *                 MinHash values, so articles sharing one are near-duplicate candidates.
 *    XDUP<key>    the article's duplicate group (the key in kSlotDupGroup): finds a
 *                 group's members (to merge groups, to count hidden copies).
 *    XNEWSDEX<v>:<stemmer>  the schema version and the database's stemmer (database_term),
 *                 on every article: what the metadata says, for searchers of remote shards.
 *    (none)       title (weighted kTitleWdf), body and author words, English-stemmed by
 *                 default: words unprefixed with positions, stems as Z<stem> (STEM_SOME).
 *    Z            added by Xapian's TermGenerator and QueryParser in front of stems, before
 *                 any field prefix (Z<stem>, ZS<stem>); snippets read it back (kPrefixStem).
 *
 *  Value slots (numbers pinned: never renumber, add new ones at the end):
 *    0 kSlotDate    "YYYYMMDD", read by DateRangeProcessor and date sorting
 *    1 kSlotSource  source as printed, for facets
 *    2 kSlotAuthor  authors as printed (joined by ", "), for facets
 *    3 kSlotDupGroup     duplicate group key (16 hex digits), the same for exact and
 *                        near-duplicates: the searcher's collapse key
 *    4 kSlotDupSignature near-duplicate signature (body hash + MinHash), binary, 148
 *                        bytes (276 in databases written before), see
 *                        core/index/dup_signature.h; compared when a new article arrives
 *    5 kSlotAuthorList   the authors, one per line (kAuthorListSeparator), for author facets
 *    6 kSlotLanguage     ISO 639-1 language code, for language facets
 *    7 kSlotTieBreak     a number in [0, 1) from a hash of the article id (sortable_
 *                        serialise): added to the weight at a tiny scale, it orders hits of
 *                        equal relevance (and picks which copy of a duplicate group is
 *                        shown), so that results do not depend on docids, which differ
 *                        between one database and shards (docids interleave across shards)
 *
 *  Spelling: the writer adds every unprefixed word of each article it stores to the
 *  database's spelling dictionary (and removes those of articles it replaces or deletes),
 *  for "Did you mean"; each shard holds its own articles' words. Synonyms: the indexer's
 *  --synonyms file, in shard 0, keyed by lower-case words (several words joined by one
 *  space) and by their Z-prefixed stems; values are Z-prefixed stems (see core/index/synonyms.h).
 *
 *  Document data: a JSON object holding every field the searcher prints and the body it
 *  builds snippets from (see encode_data/decode_data), so no source file is needed at
 *  search time. Metadata keys: kMetaSchemaVersion, kMetaLanguage, kMetaLastUpdate (ISO
 *  time of the last commit), and one kMetaFilePrefix + path key per source file holding
 *  its FileState (size, mtime, inode, content hash, articles; see encode_file_state), so a
 *  re-run reads only changed files. State and articles are committed together.
 *  kMetaFacetSlots ("1") marks a database created with slots 5-6, H parent domains and
 *  spelling data on every article; the searcher notes when facets lack it.
 *
 *  Databases made by v1 (no XFILE terms, no file state, no slots 3-6) stay readable and
 *  writable: their files are read once more on the next run and gain the new fields.
 */
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "core/article/article.h"
#include "core/db/file_state.h"

namespace newsdex::schema {

/// Bumped whenever terms, slots or data change incompatibly; the searcher refuses others.
inline constexpr int kSchemaVersion = 1;

inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixTitle = "S";
inline constexpr std::string_view kPrefixAuthor = "A";
inline constexpr std::string_view kPrefixSource = "XSOURCE";
inline constexpr std::string_view kPrefixDay = "D";
inline constexpr std::string_view kPrefixMonth = "M";
inline constexpr std::string_view kPrefixYear = "Y";
inline constexpr std::string_view kPrefixUrl = "U";
inline constexpr std::string_view kPrefixHost = "H";
inline constexpr std::string_view kPrefixLanguage = "L";
inline constexpr std::string_view kPrefixSourceFile = "XFILE";
inline constexpr std::string_view kPrefixDupBand = "XMH";
inline constexpr std::string_view kPrefixDupGroup = "XDUP";
/// On every article: the schema version and the database's stemmer, "XNEWSDEX1:english"
/// (database_term). The same facts as kMetaSchemaVersion and kMetaLanguage, kept where a
/// searcher can read them through xapian-tcpsrv, which serves no metadata.
inline constexpr std::string_view kPrefixDatabase = "XNEWSDEX";
/// Not ours to choose: Xapian's marker for stemmed terms (STEM_SOME), read by snippets.
inline constexpr std::string_view kPrefixStem = "Z";

/// The stem term of a lower-case word: kPrefixStem + stem, or the word when not stemming.
inline std::string stem_term(const Xapian::Stem& stemmer, const std::string& word) {
    return stemmer.is_none() ? word : std::string(kPrefixStem) + stemmer(word);
}

enum Slot : Xapian::valueno {
    kSlotDate = 0,
    kSlotSource = 1,
    kSlotAuthor = 2,
    kSlotDupGroup = 3,
    kSlotDupSignature = 4,
    kSlotAuthorList = 5,
    kSlotLanguage = 6,
    kSlotTieBreak = 7,
};

/// Separates the authors in kSlotAuthorList; names never contain a line break.
inline constexpr char kAuthorListSeparator = '\n';

/// The kSlotTieBreak value of an article id.
std::string tie_break_key(std::string_view id);

/// How a query field reaches its terms.
enum class FieldKind {
    Text,      ///< words searched with ranking (QueryParser::add_prefix)
    Filter,    ///< lower-cased words that restrict, without ranking (add_boolean_prefix)
    Exact,     ///< one whole value (an id, a URL) that restricts, without ranking
    Host,      ///< a host name or domain, lower-cased, matching its subdomains too
    Language,  ///< a language name or ISO 639-1 code, stored as the code
};

/// A field users can name in a query, e.g. `title:taurus`.
struct QueryField {
    std::string_view name;
    std::string_view prefix;
    FieldKind kind;
};

inline constexpr std::array<QueryField, 8> kQueryFields{{
    {"title", kPrefixTitle, FieldKind::Text},
    {"author", kPrefixAuthor, FieldKind::Filter},
    {"source", kPrefixSource, FieldKind::Filter},
    {"url", kPrefixUrl, FieldKind::Exact},
    {"site", kPrefixHost, FieldKind::Host},
    {"lang", kPrefixLanguage, FieldKind::Language},
    {"language", kPrefixLanguage, FieldKind::Language},
    {"id", kPrefixId, FieldKind::Exact},
}};

/// The query field holding publication dates (`date:2024-03`, `date:2024..`): read from
/// kSlotDate by the query parser's date processors, not a term prefix.
inline constexpr std::string_view kDateField = "date";

/// `host` and each parent domain of it with at least two labels, lower-cased:
/// "News.Example.co.uk" -> {"news.example.co.uk", "example.co.uk", "co.uk"}.
std::vector<std::string> host_and_parents(std::string_view host);

/// Title words count this many times as often as body words (ranking weight).
inline constexpr Xapian::termcount kTitleWdf = 3;

/// Xapian rejects terms longer than about 245 bytes; ids and URLs past this are hashed.
inline constexpr std::size_t kMaxTermBytes = 200;

inline constexpr std::string_view kMetaSchemaVersion = "newsdex.schema_version";
inline constexpr std::string_view kMetaLanguage = "newsdex.language";
inline constexpr std::string_view kMetaLastUpdate = "newsdex.last_update";
inline constexpr std::string_view kMetaFilePrefix = "newsdex.file:";
/// "1" when every article was stored with the facet slots (5, 6), H parent domains and
/// spelling data: set when the writer creates the database.
inline constexpr std::string_view kMetaFacetSlots = "newsdex.facet_slots";

/// prefix + value, with values too long for a term cut at a UTF-8 boundary and
/// suffixed by a hash of the whole, so distinct long values stay distinct.
std::string make_term(std::string_view prefix, std::string_view value);

/// The unique-id term of an article id.
inline std::string id_term(std::string_view id) { return make_term(kPrefixId, id); }

/// The term tying an article to the file on disk it was read from.
inline std::string source_file_term(std::string_view path) { return make_term(kPrefixSourceFile, path); }

/// The term every member of a duplicate group carries.
inline std::string dup_group_term(std::string_view group) { return make_term(kPrefixDupGroup, group); }

/// kPrefixDatabase + "<kSchemaVersion>:<stemmer>".
std::string database_term(std::string_view stemmer);

struct DatabaseTerm {
    std::string schema_version;
    std::string stemmer;
};
/// The parts of a database_term(); nullopt for a term of another shape.
std::optional<DatabaseTerm> parse_database_term(std::string_view term);

/// The first term of document `did` that starts with `prefix`, "" when it has none: a
/// field stored as a term, read back (its id, its source file).
std::string stored_term(const Xapian::Database& db, Xapian::docid did, std::string_view prefix);

/// The metadata key holding a source file's FileState.
inline std::string file_state_key(std::string_view path) { return make_term(kMetaFilePrefix, path); }

/// FileState as the metadata value under file_state_key(state.path), and back from key and
/// value (nullopt for a value that is not one). The value leaves out the path when the key
/// holds it whole; values written before always hold it, and are read too.
std::string encode_file_state(const FileState& state);
std::optional<FileState> decode_file_state(std::string_view key, std::string_view value);

/// Lower-cased word tokens of a name or title, as filter terms hold them
/// ("Kate Connolly" -> {"kate", "connolly"}); the indexer and query parser share it.
std::vector<std::string> field_words(std::string_view text);

/// Serialises what the searcher needs to print a hit and build its snippet.
std::string encode_data(const Article& article);

/// Reads document data written by encode_data; missing keys stay empty.
/// Throws std::runtime_error on data that is not ours.
Article decode_data(std::string_view data);

/// True when two documents' data hold the same record: equal, or differing only in a date
/// both took from the file's modification time (appending a record to a JSON Lines file
/// changes the file's time, not the records already in it).
bool same_record_data(std::string_view stored, std::string_view fresh);

}  // namespace newsdex::schema
