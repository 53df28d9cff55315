/** @file @brief The stable unique id of an article, from where it was read. Re-reading the
 *  same input yields the same ids, so re-indexing replaces rather than duplicates.
 *
 *    one article per file      /abs/canonical/path.txt
 *    record in a multi-article file (JSON Lines, feed, WARC)
 *                              /abs/feed.xml#https://example.org/story   (its URL, when it has one)
 *                              /abs/dump.jsonl#17                        (else its 1-based record number)
 *    member of an archive      /abs/archive.tar.gz!path/in/archive.txt   (and #... after it
 *                                                                        for records in the member)
 *
 *  A URL is preferred to a record number because it survives records being inserted
 *  before it. Ids longer than a Xapian term may be are hashed by schema::id_term. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

/// The canonical (absolute, symlinks resolved, `.`/`..` removed) form of a path as given;
/// the path itself when it cannot be resolved.
std::string canonical_file_id(const std::string& path);

/// The id of a record in a multi-article file: `container#url`, else `container#N`.
std::string record_article_id(std::string_view container_id, std::size_t record_number, std::string_view url = {});

/// The id of a member of an archive: `archive!member` (member path as stored in the archive).
std::string member_article_id(std::string_view archive_id, std::string_view member_path);

}  // namespace newsdex
