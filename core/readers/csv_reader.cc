#include "core/readers/csv_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "core/text/date.h"
#include "core/text/encoding.h"
#include "core/text/language.h"
#include "core/readers/fields.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

std::size_t words(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

bool is_number(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789.-+ ") == std::string_view::npos;
}

bool names_a_field(std::string_view cell) {
    const std::string c = ascii_lower(cell);
    for (Field f : {Field::Title, Field::Author, Field::Date, Field::Text, Field::Url, Field::Source, Field::Language})
        for (auto key : default_keys(f))
            if (ascii_lower(key) == c) return true;
    return c == "id" || c == "category" || c == "label" || c == "class" || c == "section" || c == "topic";
}

bool is_header(const CsvRecord& first, const FieldMap& fields) {
    bool named = false;
    for (const auto& cell : first.fields) {
        if (cell.size() > 60 || is_number(cell)) return false;
        named = named || names_a_field(cell);
    }
    for (const auto& [_, column] : fields)  // a --field naming a column by name implies a header
        if (!is_number(column))
            for (const auto& cell : first.fields)
                if (ascii_lower(cell) == ascii_lower(column)) named = true;
    return named;
}

/// Column index for each field, or nullopt.
using Columns = std::map<Field, std::size_t>;

std::optional<std::size_t> column_named(const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (ascii_lower(header[i]) == ascii_lower(name)) return i;
    return std::nullopt;
}

/// Picks text and title columns from what a header-less file's columns hold.
void guess_columns(const std::vector<CsvRecord>& records, std::size_t first, Columns& columns) {
    std::size_t width = 0;
    for (std::size_t r = first; r < records.size() && r < first + 200; ++r) width = std::max(width, records[r].fields.size());
    std::vector<double> avg_len(width, 0), avg_words(width, 0);
    std::size_t rows = 0;
    for (std::size_t r = first; r < records.size() && r < first + 200; ++r, ++rows)
        for (std::size_t c = 0; c < records[r].fields.size(); ++c) {
            avg_len[c] += static_cast<double>(records[r].fields[c].size());
            avg_words[c] += static_cast<double>(words(records[r].fields[c]));
        }
    if (rows == 0) return;
    for (std::size_t c = 0; c < width; ++c) avg_len[c] /= static_cast<double>(rows), avg_words[c] /= static_cast<double>(rows);
    if (!columns.count(Field::Text)) {
        std::size_t best = width;
        for (std::size_t c = 0; c < width; ++c)
            if (avg_len[c] >= 30 && avg_words[c] >= 5 && (best == width || avg_len[c] > avg_len[best])) best = c;
        if (best < width) columns[Field::Text] = best;
    }
    // A text column named by --field or the header may lie past the sampled rows' width.
    if (!columns.count(Field::Title) && columns.count(Field::Text) && columns[Field::Text] < width) {
        const std::size_t text = columns[Field::Text];
        std::size_t best = width;
        for (std::size_t c = 0; c < width; ++c)
            if (c != text && avg_words[c] >= 3 && avg_len[c] >= 15 && avg_len[c] <= 250 && avg_len[c] < avg_len[text] &&
                (best == width || avg_len[c] > avg_len[best]))
                best = c;
        if (best < width) columns[Field::Title] = best;
    }
}

std::string cell(const CsvRecord& record, const Columns& columns, Field field) {
    auto it = columns.find(field);
    if (it == columns.end() || it->second >= record.fields.size()) return {};
    return record.fields[it->second];
}

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const CsvDialect& d) {
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    std::size_t line = 1;
    std::size_t i = 0;
    bool record_open = false;
    auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
    };
    auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record = {};
        record_open = false;
    };
    while (i < text.size()) {
        if (!record_open) {
            record.line = line;
            record_open = true;
        }
        const char c = text[i];
        if (c == d.quote && field.empty()) {
            // Quoted field: to the closing quote; a doubled quote is a literal one.
            std::size_t j = i + 1;
            bool closed = false;
            while (j < text.size()) {
                if (text[j] == d.quote) {
                    if (j + 1 < text.size() && text[j + 1] == d.quote) {
                        field += d.quote;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                if (text[j] == '\n') ++line;
                field += text[j++];
            }
            i = j;
            if (!closed) {
                record.unterminated = true;
                end_record();
                return records;
            }
            // Text after the closing quote (lenient, as Python's reader): keep it.
            while (i < text.size() && text[i] != d.delimiter && text[i] != '\n') field += text[i++];
            continue;
        }
        if (c == d.delimiter) {
            end_field();
            ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            end_record();
            ++i;
            continue;
        }
        field += c;
        ++i;
    }
    if (record_open) end_record();
    return records;
}

CsvDialect sniff_csv_dialect(std::string_view text) {
    const std::string_view sample = text.substr(0, 65536);
    CsvDialect best;
    double best_score = -1;
    for (char delimiter : {',', ';', '\t', '|'}) {
        for (char quote : {'"', '\''}) {
            const CsvDialect d{delimiter, quote};
            auto records = parse_csv(sample, d);
            if (records.size() > 1 && sample.size() == 65536) records.pop_back();  // likely cut off
            if (records.size() > 50) records.resize(50);
            std::map<std::size_t, std::size_t> counts;
            for (const auto& r : records) ++counts[r.fields.size()];
            std::size_t modal = 0, modal_rows = 0;
            for (const auto& [width, n] : counts)
                if (n > modal_rows || (n == modal_rows && width > modal)) modal = width, modal_rows = n;
            if (modal < 2 || records.empty()) continue;
            // Consistency first; a quote that is never used scores a little lower than one that is.
            double score = static_cast<double>(modal_rows) / static_cast<double>(records.size());
            if (quote == '"') score += 0.001;
            if (score > best_score) best = d, best_score = score;
        }
    }
    return best;
}

void read_csv(const Input& input, Emitter& emitter) {
    DecodedText decoded = decode_text(input.bytes);
    std::string_view text = decoded.text;
    CsvDialect dialect = sniff_csv_dialect(text);
    const std::string name = ascii_lower(input.name);
    if (name.ends_with(".tsv") || name.ends_with(".tab")) dialect.delimiter = '\t';
    const auto records = parse_csv(text, dialect);
    if (records.empty() || (records.size() == 1 && records[0].fields.size() == 1 && records[0].fields[0].empty())) {
        emitter.problem(Problem::Level::Skipped, "", "empty file (no CSV rows)");
        return;
    }
    const FieldMap& mapped = emitter.options().fields;
    const bool header = is_header(records.front(), mapped);
    const std::size_t first = header ? 1 : 0;
    Columns columns;
    for (const auto& [field, column] : mapped) {
        if (is_number(column)) {
            const long n = std::strtol(column.c_str(), nullptr, 10);
            if (n >= 1) columns[field] = static_cast<std::size_t>(n - 1);
        } else if (header) {
            if (auto c = column_named(records.front().fields, column)) columns[field] = *c;
        }
    }
    if (header) {
        for (Field f : {Field::Title, Field::Author, Field::Date, Field::Text, Field::Url, Field::Source, Field::Language}) {
            if (columns.count(f) || mapped.count(f)) continue;
            for (auto key : default_keys(f))
                if (auto c = column_named(records.front().fields, key)) {
                    columns[f] = *c;
                    break;
                }
        }
    }
    guess_columns(records, first, columns);
    if (!columns.count(Field::Text)) {
        emitter.problem(Problem::Level::Failed, "",
                        "cannot tell which CSV column holds the article text: name it with --field text=COLUMN");
        return;
    }
    const auto limit = emitter.options().max_record_bytes;
    std::size_t row = 0;
    for (std::size_t r = first; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        emitter.reached(r, records.size());
        ++row;
        const std::string locator = ":" + std::to_string(record.line);
        if (record.fields.size() == 1 && record.fields[0].empty()) continue;  // blank line
        std::size_t size = 0;
        for (const auto& f : record.fields) size += f.size();
        if (size > limit) {
            emitter.problem(Problem::Level::Skipped, locator,
                            "row of " + human_size(size) + " is over the " + human_size(limit) + " limit for one article");
            continue;
        }
        if (record.unterminated) {
            emitter.problem(Problem::Level::Skipped, locator, "a quoted field is never closed: the rest of the file is not read");
            break;
        }
        Article a;
        std::vector<std::string> warnings;
        a.title = squeeze_whitespace(cell(record, columns, Field::Title));
        a.authors = parse_author_list(squeeze_whitespace(cell(record, columns, Field::Author)));
        if (const std::string d = squeeze_whitespace(cell(record, columns, Field::Date)); !d.empty()) {
            if (auto date = parse_date(d)) {
                a.date = date;
                a.date_origin = DateOrigin::Header;
            } else {
                warnings.push_back("unrecognised date \"" + d.substr(0, 40) + "\"");
            }
        }
        a.paragraphs = text_field_paragraphs(cell(record, columns, Field::Text));
        a.url = squeeze_whitespace(cell(record, columns, Field::Url));
        a.source = squeeze_whitespace(cell(record, columns, Field::Source));
        if (const std::string l = squeeze_whitespace(cell(record, columns, Field::Language)); !l.empty())
            if (auto lang = find_language(l); lang && !lang->code.empty()) a.language = lang->code;
        emitter.article(std::move(a), std::to_string(row), locator, warnings);
    }
    if (!decoded.warnings.empty() && emitter.articles() > 0)
        emitter.problem(Problem::Level::Repaired, "", join_warnings(decoded.warnings));
}

}  // namespace newsdex::readers
