#include "core/readers/collection_readers.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "core/text/encoding.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

std::string_view between(std::string_view text, std::string_view open, std::string_view close, std::size_t from = 0) {
    const auto start = text.find(open, from);
    if (start == std::string_view::npos) return {};
    const auto content = start + open.size();
    const auto end = text.find(close, content);
    return text.substr(content, (end == std::string_view::npos ? text.size() : end) - content);
}

/// SGML character references: the named ones Reuters uses, and numeric ones (control
/// characters such as &#3; are dropped).
std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const auto semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out += '&';
            continue;
        }
        const std::string_view name = text.substr(i + 1, semi - i - 1);
        if (name == "lt") out += '<';
        else if (name == "gt") out += '>';
        else if (name == "amp") out += '&';
        else if (name == "quot") out += '"';
        else if (name == "apos") out += '\'';
        else if (!name.empty() && name[0] == '#') {
            const long code = std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
            if (code >= 32 && code < 127) out += static_cast<char>(code);
            else if (code == 10 || code == 9) out += static_cast<char>(code);
        } else {
            out.append(text.substr(i, semi - i + 1));
        }
        i = semi;
    }
    return out;
}

std::string strip_tags(std::string_view text) {
    std::string out;
    bool in_tag = false;
    for (char c : text) {
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag) out += c;
    }
    return out;
}

/// Wire copy: a new paragraph starts at each indented line; wrapped lines are joined.
std::vector<std::string> wire_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        const bool indented = line.starts_with("  ") || line.starts_with("\t");
        const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if ((indented || blank) && !current.empty()) {
            out.push_back(squeeze_whitespace(current));
            current.clear();
        }
        current.append(line);
        current += ' ';
        if (nl == text.size()) break;
    }
    if (!squeeze_whitespace(current).empty()) out.push_back(squeeze_whitespace(current));
    // The sign-off: "Reuter" or "REUTER" closing the story.
    while (!out.empty()) {
        std::string& last = out.back();
        for (std::string_view sign : {" Reuter", " REUTER", "Reuter", "REUTER"}) {
            if (last.ends_with(sign)) {
                last.resize(last.size() - sign.size());
                while (!last.empty() && last.back() == ' ') last.pop_back();
                break;
            }
        }
        if (!last.empty()) break;
        out.pop_back();
    }
    std::erase_if(out, [](const std::string& p) { return p.empty(); });
    return out;
}

std::string attribute_value(std::string_view tag, std::string_view name) {
    const auto pos = tag.find(std::string(name) + "=\"");
    if (pos == std::string_view::npos) return {};
    const auto start = pos + name.size() + 2;
    const auto end = tag.find('"', start);
    return std::string(tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

}  // namespace

std::optional<Date> parse_reuters_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    const auto dash1 = text.find('-');
    if (dash1 == std::string_view::npos || dash1 == 0 || dash1 > 2) return std::nullopt;
    const auto dash2 = text.find('-', dash1 + 1);
    if (dash2 != dash1 + 4) return std::nullopt;
    Date d;
    d.day = std::atoi(std::string(text.substr(0, dash1)).c_str());
    std::string month(text.substr(dash1 + 1, 3));
    for (char& c : month) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::size_t m = 0; m < kMonths.size(); ++m)
        if (kMonths[m] == month) d.month = static_cast<int>(m) + 1;
    d.year = std::atoi(std::string(text.substr(dash2 + 1, 4)).c_str());
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    // "15:01:01.79": keep the time when it is a real one ("605:12:19" is not).
    const std::string_view rest = text.size() > dash2 + 6 ? text.substr(dash2 + 6) : std::string_view();
    int h = -1, m = -1, s = -1;
    if (rest.size() >= 8 && std::sscanf(std::string(rest.substr(0, 8)).c_str(), "%2d:%2d:%2d", &h, &m, &s) == 3 &&
        rest[2] == ':' && h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60) {
        d.hour = h, d.minute = m, d.second = s, d.has_time = true;
    }
    return d;
}

void read_sgml(const Input& input, Emitter& emitter) {
    DecodedText decoded = decode_text(input.bytes);
    const std::string_view text = decoded.text;
    std::size_t pos = 0, n = 0;
    while ((pos = text.find("<REUTERS", pos)) != std::string_view::npos) {
        ++n;
        const auto tag_end = text.find('>', pos);
        auto end = text.find("</REUTERS>", pos);
        const std::string_view tag = text.substr(pos, (tag_end == std::string_view::npos ? text.size() : tag_end) - pos);
        const std::string newid = attribute_value(tag, "NEWID");
        const std::string key = newid.empty() ? std::to_string(n) : newid;
        if (end == std::string_view::npos) {
            emitter.problem(Problem::Level::Skipped, "#" + key, "story cut off: no </REUTERS> before the end of the file");
            break;
        }
        const std::string_view story = text.substr(pos, end - pos);
        pos = end + 10;
        emitter.reached(pos, text.size());
        Article a;
        a.source = "Reuters";
        a.title = squeeze_whitespace(decode_entities(between(story, "<TITLE>", "</TITLE>")));
        if (auto by = squeeze_whitespace(decode_entities(between(story, "<AUTHOR>", "</AUTHOR>"))); !by.empty()) {
            for (std::string_view tail : {", Reuters", ", REUTERS"})
                if (by.ends_with(tail)) by.resize(by.size() - tail.size());
            a.authors = parse_author_list(by);
        }
        if (auto d = parse_reuters_date(between(story, "<DATE>", "</DATE>"))) {
            a.date = d;
            a.date_origin = DateOrigin::Header;
        }
        const auto text_tag = story.find("<TEXT");
        const std::string_view text_open = text_tag == std::string_view::npos
                                               ? std::string_view()
                                               : story.substr(text_tag, story.find('>', text_tag) - text_tag);
        const std::string type = attribute_value(text_open, "TYPE");
        if (type == "BRIEF") {
            if (!a.title.empty()) a.paragraphs.push_back(a.title);  // a one-line wire brief: the headline is the story
        } else if (type == "UNPROC") {
            a.paragraphs = wire_paragraphs(decode_entities(strip_tags(between(story, ">", "</TEXT>", text_tag))));
        } else {
            a.paragraphs = wire_paragraphs(decode_entities(between(story, "<BODY>", "</BODY>")));
            if (a.paragraphs.empty() && !a.title.empty()) a.paragraphs.push_back(a.title);
        }
        emitter.article(std::move(a), key, "#" + key);
    }
    if (n == 0) emitter.problem(Problem::Level::Skipped, "", "no <REUTERS> stories in the SGML file");
    if (!decoded.warnings.empty() && emitter.articles() > 0)
        emitter.problem(Problem::Level::Repaired, "", join_warnings(decoded.warnings));
}

void read_smart(const Input& input, Emitter& emitter) {
    DecodedText decoded = decode_text(input.bytes);
    const std::string_view text = decoded.text;
    struct Record {
        std::string id;
        std::size_t line = 0;
        std::string title, body, source;
        std::vector<std::string> authors;
    };
    std::optional<Record> record;
    char field = 0;
    auto flush = [&] {
        if (!record) return;
        Article a;
        a.title = squeeze_whitespace(record->title);
        a.authors = std::move(record->authors);
        a.source = squeeze_whitespace(record->source);
        // Abstracts are hard-wrapped single paragraphs; blank lines, where there are any, separate more.
        a.paragraphs = split_blocks(record->body);
        const std::string key = record->id.empty() ? std::to_string(record->line) : record->id;
        if (a.paragraphs.empty() && !a.title.empty()) a.paragraphs.push_back(a.title);
        emitter.article(std::move(a), key, "#" + key);
        record.reset();
    };
    std::size_t start = 0, line_no = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        ++line_no;
        std::string_view marker = line;
        while (!marker.empty() && (marker.back() == ' ' || marker.back() == '\t')) marker.remove_suffix(1);
        if (marker.starts_with(".I ") || marker == ".I") {
            flush();
            emitter.reached(start, text.size());
            record = Record{};
            record->id = squeeze_whitespace(marker.substr(2));
            record->line = line_no;
            field = 0;
            continue;
        }
        // .T .A .B .W .X may carry trailing blanks; rarer markers must stand exactly alone.
        if ((marker.size() == 2 && marker[0] == '.' && std::strchr("TABWX", marker[1])) ||
            (line.size() == 2 && line[0] == '.' && std::strchr("KCN", line[1]))) {
            field = marker[1];
            continue;
        }
        if (!record) continue;  // text before the first record
        switch (field) {
            case 'T': record->title += std::string(line) + " "; break;
            case 'A':
                if (auto name = squeeze_whitespace(line); !name.empty()) record->authors.push_back(name);
                break;
            case 'B': record->source += std::string(line) + " "; break;
            case 'W': record->body += std::string(line) + "\n"; break;
            default: break;
        }
    }
    flush();
    if (emitter.articles() == 0 && emitter.problems() == 0)
        emitter.problem(Problem::Level::Skipped, "", "no SMART records (.I lines)");
    if (!decoded.warnings.empty() && emitter.articles() > 0)
        emitter.problem(Problem::Level::Repaired, "", join_warnings(decoded.warnings));
}

}  // namespace newsdex::readers
