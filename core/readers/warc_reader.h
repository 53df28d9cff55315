/** @file @brief Reads WARC web archives (wget --warc-file, Heritrix, Browsertrix, Common
 *  Crawl): each HTML page captured in a response (or resource) record is an article. */
#pragma once

#include <string>
#include <string_view>

#include "core/readers/emitter.h"

namespace newsdex::readers {

/// Format::Warc (a .warc.gz arrives here already decompressed, all its gzip members).
/// Per response record: the HTTP status must be 2xx and the Content-Type HTML; chunked
/// transfer encoding and gzip/deflate content encoding are undone; the page is read as
/// read_html does, with the HTTP charset first. URL = WARC-Target-URI; date = the page's,
/// else WARC-Date (date_origin "capture-time"). Ids are `path#N` for the N-th record.
/// Records that are not pages (requests, metadata, redirects, errors, images...) are
/// counted and reported in one line per file; a damaged record is reported and the
/// reader resynchronises on the next record header.
void read_warc(const Input& input, Emitter& emitter);

/// Undoes HTTP chunked transfer encoding; false when the chunks are malformed (`out`
/// then holds what was decoded).
bool dechunk(std::string_view body, std::string& out);

/// Inflates gzip, zlib or raw deflate data, at most `limit` bytes; false when corrupt.
bool inflate_bytes(std::string_view data, std::size_t limit, std::string& out);

}  // namespace newsdex::readers
