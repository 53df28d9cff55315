/** @file @brief Reads RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds with libxml2: each item or
 *  entry is an article, its HTML content converted to text. */
#pragma once

#include "core/readers/emitter.h"

namespace newsdex::readers {

/// Format::Feed. Per item: title; link (Atom: rel=alternate href; RSS: link, else a
/// permalink guid); date from pubDate, dc:date, published or updated; authors from
/// dc:creator or author (RSS e-mail form, Atom author/name); body from content:encoded,
/// Atom content (text, html or xhtml), description or summary; language from the item's
/// or channel's xml:lang or <language>; source = the channel's title. Ids are `path#N`
/// for the N-th item. Malformed XML is read as far as libxml2's recovery mode allows.
void read_feed(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
