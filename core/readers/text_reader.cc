#include "core/readers/text_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <xapian.h>

#include "core/date.h"
#include "core/language.h"
#include "core/utf8.h"
#include "core/encoding.h"
#include "core/readers/emitter.h"

namespace newsdex::readers {

namespace {

using Lines = std::vector<std::string_view>;

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    // U+00A0 (no-break space) pads many scraped lines.
    for (;;) {
        while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
        while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
        if (s.substr(0, 2) == "\xC2\xA0") { s.remove_prefix(2); continue; }
        if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") { s.remove_suffix(2); continue; }
        return s;
    }
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

Lines split_lines(std::string_view text) {
    Lines lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = text.find('\n', start);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(trim(text.substr(start, end - start)));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

/// Collapses runs of spaces and tabs to one space.
std::string squeeze_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// ---- boilerplate ----------------------------------------------------------------------

/// Lines that, alone on a line, are page furniture wherever they stand.
constexpr std::array<std::string_view, 21> kFurnitureAnywhere{
    "advertisement", "share this article", "share this story", "skip to main content",
    "read more", "related articles", "related stories", "most read", "most popular",
    "show comments", "view comments", "hide comments", "click to share", "share on facebook",
    "share on twitter", "share via email", "continue reading", "story continues below",
    "scroll to continue", "listen to this article", "supported by"};

/// Lines that are furniture when they close the page.
constexpr std::array<std::string_view, 28> kFurnitureAtEnd{
    "no comments", "post a comment", "share this", "share", "tweet", "print", "email",
    "subscribe", "comments", "leave a comment", "leave a reply", "related", "home",
    "newer post older post home", "newer post", "older post", "follow us", "sign in",
    "log in", "accept", "accept all", "reject all", "back to top", "you may also like",
    "recommended", "sponsored", "like this", "loading"};

/// Prefixes of furniture lines at the end of a page.
constexpr std::array<std::string_view, 34> kFurniturePrefixes{
    "subscribe to", "share to ", "share on ", "share this", "email this", "posted by ",
    "labels:", "tags:", "tagged:", "filed under", "sign up for", "sign up to",
    "follow us on", "follow us:", "we use cookies", "this site uses cookies",
    "this website uses cookies", "by continuing to use", "accept all cookies",
    "manage cookies", "cookie settings", "cookie policy", "copyright", "\xC2\xA9",
    "(c) ", "all rights reserved", "read more:", "related:", "click here to",
    "download our app", "get our newsletter", "powered by blogger", "privacy policy",
    "terms of use"};

std::string normalise_for_match(std::string_view line) {
    std::string s = squeeze_spaces(ascii_lower(trim(line)));
    // "No comments:", "Share this…", "Loading...": trailing punctuation is decoration.
    for (;;) {
        if (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == '!' ||
                           s.back() == ' ' || s.back() == '|')) {
            s.pop_back();
        } else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE2\x80\xA6") == 0) {
            s.resize(s.size() - 3);
        } else {
            return s;
        }
    }
}


/// "3 comments", "1 Comment": a comment counter.
bool is_comment_count(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0) return false;
    const std::string_view rest = s.substr(i);
    return rest == " comment" || rest == " comments" || rest == " responses" || rest == " response";
}

// ---- bylines --------------------------------------------------------------------------

bool is_upper_start(std::string_view word) {
    const std::string owned(word);
    Xapian::Utf8Iterator it(owned);
    if (it == Xapian::Utf8Iterator()) return false;
    const auto cat = Xapian::Unicode::get_category(*it);
    return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::TITLECASE_LETTER;
}

/// Lower-case particles that appear inside personal names.
constexpr std::array<std::string_view, 22> kNameParticles{
    "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della",
    "bin", "al", "el", "ter", "ten", "y", "dos", "das", "zu", "af"};

/// Capitalised words that head lines which are not names; a title-case headline such as
/// "Germany Rejects Taurus Plea" contains at least one of them far more often than a name does.
constexpr std::array<std::string_view, 96> kNotNameWords{
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from",
    "by", "after", "over", "under", "amid", "as", "is", "are", "was", "were", "be", "will",
    "says", "said", "say", "new", "how", "why", "what", "who", "when", "where", "this",
    "that", "it", "its", "his", "her", "their", "our", "we", "you", "i", "not", "no",
    "minister", "president", "chancellor", "government", "police", "court", "war", "deal",
    "plan", "plans", "calls", "call", "warns", "rejects", "backs", "vote", "votes", "wins",
    "win", "news", "report", "reports", "update", "live", "breaking", "missile", "missiles",
    "ukraine", "russia", "germany", "britain", "france", "europe", "nato", "eu", "us",
    "uk", "china", "comments", "comment", "post", "share", "home", "subscribe", "staff",
    "correspondent", "editor", "reporter"};

bool is_not_name_word(std::string_view word) {
    const std::string w = ascii_lower(word);
    return std::find(kNotNameWords.begin(), kNotNameWords.end(), w) != kNotNameWords.end();
}

bool is_particle(std::string_view word) {
    return std::find(kNameParticles.begin(), kNameParticles.end(), word) != kNameParticles.end();
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

/// Word characters allowed in a name: letters (any script), apostrophes, hyphens, dots.
bool is_name_token(std::string_view word) {
    const std::string owned(word);
    for (Xapian::Utf8Iterator it(owned); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (ch == '\'' || ch == '-' || ch == '.' || ch == 0x2019) continue;
        const auto cat = Xapian::Unicode::get_category(ch);
        if (cat != Xapian::Unicode::UPPERCASE_LETTER && cat != Xapian::Unicode::LOWERCASE_LETTER &&
            cat != Xapian::Unicode::TITLECASE_LETTER && cat != Xapian::Unicode::OTHER_LETTER &&
            cat != Xapian::Unicode::MODIFIER_LETTER)
            return false;
    }
    return true;
}

/// True for a personal name: two to five words, capitalised but for particles
/// ("Ursula von der Leyen"), with no digits and no everyday headline words.
bool is_person_name(std::string_view text) {
    const auto words = split_words(text);
    if (words.size() < 2 || words.size() > 5 || utf8_length(text) > 50) return false;
    std::size_t capitalised = 0;
    for (auto w : words) {
        if (!is_name_token(w) || is_not_name_word(w)) return false;
        if (is_upper_start(w)) {
            ++capitalised;
        } else if (!is_particle(w)) {
            return false;
        }
    }
    return capitalised >= 2 && is_upper_start(words.front()) && is_upper_start(words.back());
}

/// Drops a trailing location or role: "Kate Connolly in Berlin", "Kate Connolly, Berlin
/// correspondent", "Kate Connolly - Berlin".
std::string_view strip_byline_tail(std::string_view s) {
    if (auto pos = s.rfind(" in "); pos != std::string_view::npos && pos > 0) {
        const auto place = trim(s.substr(pos + 4));
        if (!place.empty() && is_upper_start(place) && split_words(place).size() <= 3)
            s = trim(s.substr(0, pos));
    }
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "})
        if (auto pos = s.find(sep); pos != std::string_view::npos) s = trim(s.substr(0, pos));
    return s;
}

/// Splits "A and B", "A, B & C" into parts.
std::vector<std::string_view> split_name_list(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        std::size_t sep_len = 0;
        if (i == s.size()) {
            sep_len = 0;
        } else if (s[i] == ',' || s[i] == ';' || s[i] == '&') {
            sep_len = 1;
        } else if (s.substr(i, 5) == " and ") {
            sep_len = 5;
        } else {
            continue;
        }
        parts.push_back(trim(s.substr(start, i - start)));
        if (i == s.size()) break;
        start = i + sep_len;
        i = start - 1;
    }
    return parts;
}

bool is_role_phrase(std::string_view part) {
    const std::string p = ascii_lower(part);
    for (std::string_view role : {"correspondent", "editor", "reporter", "writer", "staff",
                                  "columnist", "contributor", "analyst", "bureau", "chief"})
        if (p.find(role) != std::string::npos) return true;
    return false;
}

// ---- headers --------------------------------------------------------------------------

enum class HeaderKey { Title, Author, Date, Source, Url, Language, Other };

HeaderKey classify_header(std::string_view key) {
    const std::string k = ascii_lower(key);
    if (k == "title" || k == "headline" || k == "subject") return HeaderKey::Title;
    if (k == "author" || k == "authors" || k == "by" || k == "byline" || k == "from" ||
        k == "creator")
        return HeaderKey::Author;
    if (k == "date" || k == "published" || k == "pubdate" || k == "date-published")
        return HeaderKey::Date;
    if (k == "source" || k == "publication" || k == "publisher" || k == "site")
        return HeaderKey::Source;
    if (k == "url" || k == "link" || k == "canonical") return HeaderKey::Url;
    if (k == "language" || k == "lang" || k == "content-language") return HeaderKey::Language;
    return HeaderKey::Other;
}

/// Splits "Key: value"; nullopt when the line is not header-shaped.
std::optional<std::pair<std::string_view, std::string_view>> split_header(std::string_view line) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return std::nullopt;
    const auto key = line.substr(0, colon);
    if (!std::isalpha(static_cast<unsigned char>(key.front()))) return std::nullopt;
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return std::nullopt;
    return std::pair{key, trim(line.substr(colon + 1))};
}

struct HeaderBlock {
    std::size_t lines_used = 0;
    std::vector<std::pair<HeaderKey, std::string>> fields;
};

/// A header block starts at the first line with a known key and runs to a blank line.
HeaderBlock read_header_block(const Lines& lines, std::size_t first) {
    HeaderBlock block;
    if (first >= lines.size()) return block;
    const auto head = split_header(lines[first]);
    if (!head || classify_header(head->first) == HeaderKey::Other) return block;
    std::size_t i = first;
    for (; i < lines.size(); ++i) {
        if (lines[i].empty()) {
            ++i;
            break;
        }
        const auto kv = split_header(lines[i]);
        if (!kv) break;
        block.fields.emplace_back(classify_header(kv->first), std::string(kv->second));
    }
    block.lines_used = i - first;
    return block;
}

std::string strip_reply_prefix(std::string_view subject) {
    while (starts_with_ci(subject, "re:") || starts_with_ci(subject, "fwd:"))
        subject = trim(subject.substr(subject.find(':') + 1));
    return std::string(subject);
}

/// Groups body lines into paragraphs: blank lines separate paragraphs; inside a block,
/// hard-wrapped lines are joined, while one-paragraph-per-line text stays split.
std::vector<std::string> make_paragraphs(const Lines& lines) {
    std::vector<std::string> paragraphs;
    std::size_t i = 0;
    while (i < lines.size()) {
        while (i < lines.size() && lines[i].empty()) ++i;
        std::size_t end = i;
        while (end < lines.size() && !lines[end].empty()) ++end;
        if (end == i) break;
        bool hard_wrapped = end - i > 1;
        bool any_open_end = false;
        for (std::size_t k = i; k + 1 < end && hard_wrapped; ++k) {
            if (utf8_length(lines[k]) > 100) hard_wrapped = false;
            const char last = lines[k].back();
            if (last != '.' && last != '!' && last != '?' && last != '"' && last != ':')
                any_open_end = true;
        }
        if (hard_wrapped && any_open_end) {
            std::string joined;
            for (std::size_t k = i; k < end; ++k) {
                if (!joined.empty()) joined += ' ';
                joined += lines[k];
            }
            paragraphs.push_back(squeeze_spaces(joined));
        } else {
            for (std::size_t k = i; k < end; ++k) paragraphs.push_back(squeeze_spaces(lines[k]));
        }
        i = end;
    }
    return paragraphs;
}

std::size_t next_nonblank(const Lines& lines, std::size_t i) {
    while (i < lines.size() && lines[i].empty()) ++i;
    return i;
}

}  // namespace

bool is_furniture_anywhere(std::string_view line) {
    const std::string s = normalise_for_match(line);
    return std::find(kFurnitureAnywhere.begin(), kFurnitureAnywhere.end(), s) !=
           kFurnitureAnywhere.end();
}

bool is_boilerplate_line(std::string_view line) {
    const std::string s = normalise_for_match(line);
    if (s.empty()) return false;
    if (std::find(kFurnitureAtEnd.begin(), kFurnitureAtEnd.end(), s) != kFurnitureAtEnd.end())
        return true;
    if (std::find(kFurnitureAnywhere.begin(), kFurnitureAnywhere.end(), s) !=
        kFurnitureAnywhere.end())
        return true;
    if (is_comment_count(s)) return true;
    if (s.size() > 200) return false;
    for (auto prefix : kFurniturePrefixes)
        if (s.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
}

std::optional<std::vector<std::string>> parse_byline(std::string_view line) {
    std::string_view s = trim(line);
    bool explicit_by = false;
    for (std::string_view by : {"written by ", "words by ", "by ", "von "}) {
        if (starts_with_ci(s, by)) {
            s = trim(s.substr(by.size()));
            explicit_by = true;
            break;
        }
    }
    if (s.empty() || utf8_length(s) > 100) return std::nullopt;
    s = strip_byline_tail(s);
    std::vector<std::string> names;
    const auto parts = split_name_list(s);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto part = strip_byline_tail(parts[i]);
        if (part.empty()) continue;
        if (is_person_name(part)) {
            names.emplace_back(part);
        } else if (i > 0 && i + 1 == parts.size() && is_role_phrase(part)) {
            break;  // "Kate Connolly, Berlin correspondent"
        } else if (explicit_by && parts.size() == 1 && split_words(part).size() == 1 &&
                   is_upper_start(part) && is_name_token(part)) {
            names.emplace_back(part);  // "By Reuters"
        } else {
            return std::nullopt;
        }
    }
    if (names.empty()) return std::nullopt;
    return names;
}

std::vector<std::string> parse_author_list(std::string_view value) {
    std::string_view s = trim(value);
    for (std::string_view by : {"by ", "written by "})
        if (starts_with_ci(s, by)) s = trim(s.substr(by.size()));
    // E-mail forms: "Jane Doe <jane@example.org>" and "jane@example.org (Jane Doe)".
    if (auto lt = s.find('<'); lt != std::string_view::npos && lt > 0 && s.back() == '>')
        s = trim(s.substr(0, lt));
    if (auto open = s.find('('); open != std::string_view::npos && s.back() == ')' &&
                                 s.substr(0, open).find('@') != std::string_view::npos)
        s = trim(s.substr(open + 1, s.size() - open - 2));
    std::vector<std::string> names;
    for (auto part : split_name_list(s)) {
        std::string name = squeeze_spaces(part);
        while (!name.empty() && (name.front() == '"' || name.front() == '\'')) name.erase(0, 1);
        while (!name.empty() && (name.back() == '"' || name.back() == '\'')) name.pop_back();
        if (!name.empty()) names.push_back(std::move(name));
    }
    return names;
}

bool looks_like_headline(std::string_view line) {
    const std::string_view s = trim(line);
    const std::size_t chars = utf8_length(s);
    if (chars < 8 || chars > 160) return false;
    const auto words = split_words(s);
    if (words.size() < 2 || words.size() > 25) return false;
    // A sentence ending inside quotes ("... he said.”) is still a sentence.
    std::string_view end = s;
    for (bool stripped = true; stripped && !end.empty();) {
        stripped = false;
        for (std::string_view q : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", ")"}) {
            if (end.size() > q.size() && end.substr(end.size() - q.size()) == q) {
                end.remove_suffix(q.size());
                stripped = true;
            }
        }
    }
    const char last = end.back();
    if (last == '.' || last == ',' || last == ';' || last == ':') return false;
    return !is_boilerplate_line(s);
}

ParsedText parse_text_article(std::string_view text) {
    ParsedText out;
    Article& a = out.article;
    Lines lines = split_lines(text);

    std::size_t pos = next_nonblank(lines, 0);
    const HeaderBlock header = read_header_block(lines, pos);
    pos += header.lines_used;
    for (const auto& [key, value] : header.fields) {
        if (value.empty()) continue;
        switch (key) {
            case HeaderKey::Title:
                if (a.title.empty()) a.title = squeeze_spaces(strip_reply_prefix(value));
                break;
            case HeaderKey::Author:
                if (a.authors.empty()) a.authors = parse_author_list(value);
                break;
            case HeaderKey::Date:
                if (a.date) break;
                if (auto d = parse_date(value)) {
                    a.date = d;
                    a.date_origin = DateOrigin::Header;
                } else {
                    out.warnings.push_back("unrecognised date \"" +
                                           std::string(utf8_prefix(value, 40)) + "\"");
                }
                break;
            case HeaderKey::Source:
                if (a.source.empty()) a.source = squeeze_spaces(value);
                break;
            case HeaderKey::Url:
                if (a.url.empty()) a.url = value;
                break;
            case HeaderKey::Language:
                if (auto lang = find_language(value); lang && !lang->code.empty())
                    a.language = lang->code;
                else
                    out.warnings.push_back("unknown language \"" +
                                           std::string(utf8_prefix(value, 20)) + "\"");
                break;
            case HeaderKey::Other: break;
        }
    }

    // Drop page furniture: trailing blocks anywhere below the article, known lines anywhere.
    Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(pos, lines.size())), lines.end());
    while (!body.empty() && (body.back().empty() || is_boilerplate_line(body.back()))) body.pop_back();
    std::erase_if(body, [](std::string_view l) { return is_furniture_anywhere(l); });

    // Lead lines: headline and byline in either order, each only when not in the header.
    std::size_t i = next_nonblank(body, 0);
    for (int round = 0; round < 2 && i < body.size(); ++round) {
        const std::size_t after = next_nonblank(body, i + 1);
        const bool more_follows = after < body.size();
        if (!more_follows) break;
        if (a.authors.empty()) {
            if (auto names = parse_byline(body[i])) {
                a.authors = std::move(*names);
                i = after;
                continue;
            }
        }
        if (a.title.empty() && looks_like_headline(body[i])) {
            a.title = squeeze_spaces(body[i]);
            i = after;
            continue;
        }
        break;
    }
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(std::min(i, body.size())));

    a.paragraphs = make_paragraphs(body);
    if (a.title.empty() && !a.paragraphs.empty()) {
        a.title = derive_title(a.paragraphs.front());
        a.title_derived = true;
    }
    return out;
}

}  // namespace newsdex::readers

namespace newsdex::readers {

namespace {

std::size_t longest_line(std::string_view text) {
    std::size_t longest = 0, start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        longest = std::max(longest, nl - start);
        start = nl + 1;
    }
    return longest;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\n") == std::string_view::npos; }

}  // namespace

void read_text(const Input& input, Emitter& emitter) {
    DecodedText decoded = decode_text(input.bytes);
    if (is_blank(decoded.text)) {
        emitter.problem(Problem::Level::Skipped, "", "empty file (only white space)");
        return;
    }
    const std::size_t longest = longest_line(decoded.text);
    if (longest > emitter.options().max_record_bytes) {
        emitter.problem(Problem::Level::Skipped, "",
                        "a single line of " + human_size(longest) + " (over the " +
                            human_size(emitter.options().max_record_bytes) +
                            " limit for one line): a data dump, not article text");
        return;
    }
    ParsedText parsed = parse_text_article(decoded.text);
    std::vector<std::string> warnings = std::move(decoded.warnings);
    warnings.insert(warnings.end(), parsed.warnings.begin(), parsed.warnings.end());
    emitter.article(std::move(parsed.article), "", "", warnings);
}

}  // namespace newsdex::readers
