/** @file @brief Reads CSV/TSV news dumps: one article per row, columns found by header name,
 *  by --field, or (for files without a header) by what the columns hold. */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/readers/emitter.h"

namespace newsdex::readers {

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
};

/// The delimiter (, ; tab |) and quote character (" or ') under which the first rows of
/// `text` split most consistently into the same number of fields (like Python's csv.Sniffer).
CsvDialect sniff_csv_dialect(std::string_view text);

/// One CSV record and the line it starts on.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;
    bool unterminated = false;  ///< a quoted field ran to the end of the text
};

/// Splits `text` into records: fields may be quoted (a quote opens a field only at its
/// start; doubled quotes inside stand for one), quoted fields may span lines.
std::vector<CsvRecord> parse_csv(std::string_view text, const CsvDialect& dialect);

/// Format::Csv. A first row whose cells name article fields (title, text, date, ...) is a
/// header; --field maps fields to column names or 1-based numbers; without either, the
/// column with the longest cells is the text and a shorter multi-word column the title.
/// Ids are `path#N` for the N-th data row; messages name the row's line.
void read_csv(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
