/** @file @brief The stable unique id of an article, from where it was read. Re-reading the
 *  same input yields the same ids, so re-indexing replaces rather than duplicates.
 *
 *    one article per file      /abs/canonical/path.txt
 *    record in a multi-article file (JSON Lines, JSON, feed, WARC, CSV, SGML, SMART)
 *                              /abs/dump.jsonl#17    (the reader's record key: the line in
 *                                                    JSON Lines, the 1-based item, record or
 *                                                    row elsewhere, NEWID or .I where given)
 *    member of an archive      /abs/archive.tar.gz!path/in/archive.txt   (and #... after it
 *                                                                        for records in the member)
 *    standard input            stdin, stdin#N
 *
 *  Not the record's URL: a WARC holds the same URL many times (revisits, redirects) and
 *  feeds and dumps repeat items, so a URL key would make one record overwrite another in
 *  the same run. A changed file is re-read whole, so positions shifting is harmless: the
 *  ids past its new end are removed. Ids longer than a Xapian term may be are hashed by
 *  schema::id_term. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

/// The canonical (absolute, symlinks resolved, `.`/`..` removed) form of a path as given;
/// the path itself when it cannot be resolved.
std::string canonical_file_id(const std::string& path);

/// The id of a record in a multi-article file: `container#key`.
std::string record_article_id(std::string_view container_id, std::string_view record_key);

/// The id of a member of an archive: `archive!member` (member path as stored in the archive).
std::string member_article_id(std::string_view archive_id, std::string_view member_path);

}  // namespace newsdex
