/** @file @brief Readers for two classic test-collection formats that news corpora come in:
 *  Reuters-21578 SGML newswire and SMART (.I/.T/.A/.W) records. */
#pragma once

#include <optional>
#include <string_view>

#include "core/text/date.h"
#include "core/readers/emitter.h"

namespace newsdex::readers {

/// Format::Sgml: each <REUTERS> element is an article: TITLE, AUTHOR ("By X, Reuters"),
/// DATE, BODY (paragraphs from its indented lines, the "Reuter" sign-off dropped); a
/// TYPE="BRIEF" story is its headline; a TYPE="UNPROC" story is its raw text. Source
/// "Reuters". Ids are `path#NEWID`.
void read_sgml(const Input& input, Emitter& emitter);

/// "26-FEB-1987 15:01:01.79" (Reuters-21578 dates, with their stray junk), or nullopt.
std::optional<Date> parse_reuters_date(std::string_view text);

/// Format::Smart: records start with ".I <n>"; .T title, .A author (one per marker),
/// .B bibliographic source, .W text; .X and other markers are not article text. A
/// marker is alone on its line (".K " with text after it is text). Ids are `path#n`.
void read_smart(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
