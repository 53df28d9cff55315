#include "core/readers/text_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <xapian.h>

#include "core/text/date.h"
#include "core/text/language.h"
#include "core/text/utf8.h"
#include "core/text/encoding.h"
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

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

/// The lines of the text, trimmed; indented[i] tells whether line i began with a space or tab.
Lines split_lines(std::string_view text, std::vector<bool>& indented) {
    Lines lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = text.find('\n', start);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        indented.push_back(end > start && is_space(text[start]));
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

/// Letters in the line (any script), and digits too when count_digits.
std::size_t count_letters(std::string_view s, bool count_digits = false) {
    const std::string owned(s);
    std::size_t n = 0;
    for (Xapian::Utf8Iterator it(owned); it != Xapian::Utf8Iterator(); ++it) {
        switch (Xapian::Unicode::get_category(*it)) {
            case Xapian::Unicode::UPPERCASE_LETTER:
            case Xapian::Unicode::LOWERCASE_LETTER:
            case Xapian::Unicode::TITLECASE_LETTER:
            case Xapian::Unicode::MODIFIER_LETTER:
            case Xapian::Unicode::OTHER_LETTER: ++n; break;
            case Xapian::Unicode::DECIMAL_DIGIT_NUMBER: n += count_digits ? 1 : 0; break;
            default: break;
        }
    }
    return n;
}

/// Cuts an over-long header value at a word boundary, marking the cut with "…".
std::string cap_chars(std::string s, std::size_t max_chars) {
    if (utf8_length(s) <= max_chars) return s;
    std::string_view head = utf8_prefix(s, max_chars - 1);
    const auto space = head.rfind(' ');
    if (space != std::string_view::npos && space > head.size() / 2) head = head.substr(0, space);
    return std::string(head) + "…";
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

/// Footer prefixes that also begin ordinary sentences and headlines ("Copyright lawyers
/// said...", "Privacy policy changes...", "By continuing to use Russian gas..."): furniture
/// only when the rest of the line looks like a footer.
bool is_footer_shaped(std::string_view prefix, std::string_view s) {
    const auto has = [&](std::string_view part) { return s.find(part) != std::string_view::npos; };
    if (prefix == "copyright") {
        std::string_view rest = s.substr(prefix.size());
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        return rest.empty() || rest.starts_with("\xC2\xA9") || rest.starts_with("(c)") ||
               std::isdigit(static_cast<unsigned char>(rest.front())) || has("all rights reserved");
    }
    if (prefix == "by continuing to use") return has("cookie") || has("site") || has("agree");
    if (prefix == "privacy policy" || prefix == "terms of use" || prefix == "cookie policy" ||
        prefix == "cookie settings" || prefix == "manage cookies")
        return std::count(s.begin(), s.end(), ' ') < 4 || has("|") || has("\xC2\xB7") ||
               has("\xE2\x80\xA2");
    return true;
}

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
/// Words that are also given names or surnames ("Will", "Can", "He", "May", "More",
/// "Winter", "Price") are left out: "By Will Hutton" is a byline.
constexpr std::string_view kNotNameWords[]{
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from",
    "by", "after", "over", "under", "amid", "as", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "not", "no", "could", "would", "should", "must", "into",
    "about", "up", "down", "out", "off", "against", "before", "between", "during", "until",
    "than", "most", "all", "if", "but", "so", "via", "vs",
    "says", "said", "say", "new", "how", "why", "what", "who", "when", "where", "this",
    "that", "these", "those", "it", "its", "his", "her", "their", "our", "we", "you", "your",
    "i", "my", "me", "us", "she", "they", "them", "him",
    // Headline verbs.
    "rejects", "backs", "warns", "calls", "call", "wins", "votes", "vote", "plans",
    "resume", "resumes", "unveils", "launches", "debates", "approves", "announces", "urges",
    "vows", "slams", "hits", "faces", "seeks", "signs", "opens", "closes", "ends", "begins",
    "returns", "rises", "falls", "surges", "soars", "plunges", "drops", "cuts", "raises",
    "boosts", "blocks", "bans", "denies", "admits", "claims", "agrees", "rules", "orders",
    "sends", "send", "refuses", "delays", "halts", "suspends", "resigns", "quits", "dies",
    "killed", "kills", "jailed", "charged", "arrested", "accused", "sentenced", "fined",
    "sues", "named", "elected", "loses", "beats", "leads", "gets", "takes", "makes", "gives",
    "sets", "meets", "joins", "leaves", "grows", "slows", "reveals", "confirms", "pledges",
    "promises", "threatens", "digs", "steps", "goes", "comes",
    // News nouns.
    "minister", "president", "chancellor", "government", "police", "court", "war", "deal",
    "plan", "talks", "summit", "crisis", "budget", "election", "elections", "protest",
    "protests", "strike", "strikes", "attack", "attacks", "deliveries", "delivery", "motion",
    "debate", "record", "trial", "leak", "inquiry", "report", "reports", "update", "updates",
    "live", "breaking", "latest", "exclusive", "analysis", "opinion", "news", "missile",
    "missiles", "weapons", "troops", "army", "market", "markets", "shares", "prices", "rates",
    "sales", "profits", "laptop", "phone", "stars", "season", "spring", "week", "today",
    "year", "years",
    // Sections and places.
    "world", "business", "sport", "sports", "politics", "culture", "science", "technology",
    "health", "climate", "economy", "money", "travel", "weather", "football",
    "ukraine", "russia", "germany", "britain", "france", "europe", "nato", "eu", "uk",
    "china",
    // Page furniture and roles.
    "comments", "comment", "post", "share", "home", "subscribe", "staff", "correspondent",
    "editor", "reporter"};

/// Last words of venue lines in sports reports ("Ewood Park", "Lansdowne Road"): a
/// bare line ending in one is a place, not a person.
constexpr std::string_view kVenueWords[]{
    "park", "road", "stadium", "arena", "ground", "lane", "street", "square", "hall",
    "centre", "center", "field", "stadion", "bridge", "court", "gardens", "dome", "oval"};

bool is_venue_word(std::string_view word) {
    const std::string w = ascii_lower(word);
    return std::find(std::begin(kVenueWords), std::end(kVenueWords), w) != std::end(kVenueWords);
}

bool is_not_name_word(std::string_view word) {
    const std::string w = ascii_lower(word);
    return std::find(std::begin(kNotNameWords), std::end(kNotNameWords), w) !=
           std::end(kNotNameWords);
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

bool is_role_phrase(std::string_view part);

/// True when a word has two or more letters and no lower-case one ("CONNOLLY").
bool is_all_caps(std::string_view word) {
    const std::string owned(word);
    std::size_t upper = 0;
    for (Xapian::Utf8Iterator it(owned); it != Xapian::Utf8Iterator(); ++it) {
        const auto cat = Xapian::Unicode::get_category(*it);
        if (cat == Xapian::Unicode::LOWERCASE_LETTER) return false;
        if (cat == Xapian::Unicode::UPPERCASE_LETTER) ++upper;
    }
    return upper >= 2;
}

/// True for a personal name: two to five words, capitalised but for particles
/// ("Ursula von der Leyen"), with no digits and no everyday headline words. A bare line
/// ("Carmen Ruiz Ortega") may have at most three capitalised words and must not be all
/// capitals: four capitalised words ("Storm Shadow Deliveries Resume") or shouting are far
/// more often a headline. After an explicit "By" both are taken as names.
bool is_person_name(std::string_view text, bool explicit_by) {
    const auto words = split_words(text);
    if (words.size() < 2 || words.size() > 5 || utf8_length(text) > 50) return false;
    std::size_t capitalised = 0;
    bool shouted = true;
    for (auto w : words) {
        if (!is_name_token(w) || is_not_name_word(w)) return false;
        if (is_upper_start(w)) {
            ++capitalised;
            if (!is_all_caps(w)) shouted = false;
        } else if (!is_particle(w)) {
            return false;
        }
    }
    if (!explicit_by && (capitalised > 3 || shouted || is_venue_word(words.back()))) return false;
    return capitalised >= 2 && is_upper_start(words.front()) && is_upper_start(words.back());
}

/// What may follow the names after a comma: a role ("Berlin correspondent") or a place
/// ("Berlin", "New York").
bool is_place_or_role(std::string_view part) {
    if (is_role_phrase(part)) return true;
    const auto words = split_words(part);
    if (words.empty() || words.size() > 3 || !is_upper_start(words.front())) return false;
    return std::all_of(words.begin(), words.end(), [](auto w) { return is_name_token(w); });
}

/// Drops a trailing location or role: "Kate Connolly in Berlin", "Kate Connolly, Berlin
/// correspondent", "Kate Connolly - Berlin".
/// Only a place ("Berlin", "New York") or a role ("Berlin correspondent") is dropped: a
/// tail such as "in Indian gas find" or "- nice bloke, fantastic tennis player" makes the
/// line a headline or a sentence, not a byline.
std::string_view strip_byline_tail(std::string_view s) {
    if (auto pos = s.rfind(" in "); pos != std::string_view::npos && pos > 0) {
        const auto place = trim(s.substr(pos + 4));
        const auto words = split_words(place);
        if (!words.empty() && words.size() <= 3 &&
            std::all_of(words.begin(), words.end(),
                        [](auto w) { return is_upper_start(w) && is_name_token(w); }))
            s = trim(s.substr(0, pos));
    }
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "})
        if (auto pos = s.find(sep); pos != std::string_view::npos &&
                                    is_place_or_role(trim(s.substr(pos + sep.size()))))
            s = trim(s.substr(0, pos));
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
    for (char c : key)  // "Article-I.D.", "X-Mailer", "Content_Type"
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return std::nullopt;
    return std::pair{key, trim(line.substr(colon + 1))};
}

struct HeaderBlock {
    std::size_t lines_used = 0;
    std::vector<std::pair<HeaderKey, std::string>> fields;
};

/// A header block is a run of "Key: value" lines closed by a blank line, with at least one
/// known key; unknown keys are skipped (e-mail's Organization:, Lines:, which may come
/// first). When no blank line closes the run, only its leading known keys are header: a
/// body line such as "Update: the minister said..." right below them is text.
HeaderBlock read_header_block(const Lines& lines, const std::vector<bool>& indented,
                              std::size_t first) {
    HeaderBlock block;
    // Pass 1 allows RFC 822 folded lines (indented continuations); they only count when a
    // blank line closes the block, else an indented body paragraph would join a header.
    for (const bool folding : {true, false}) {
        const auto continues = [&](std::size_t i) { return folding && i > first && indented[i]; };
        std::size_t end = first;
        bool any_known = false;
        while (end < lines.size() && (!lines[end].empty() || continues(end))) {
            if (!continues(end)) {
                const auto kv = split_header(lines[end]);
                if (!kv) break;
                any_known = any_known || classify_header(kv->first) != HeaderKey::Other;
            }
            ++end;
        }
        // Closed: a blank line; when folding, one with text below it (the newline ending
        // the file is no close, lest "Title: X\n  indented text\n" fold the text in).
        std::size_t below = end;
        while (below < lines.size() && lines[below].empty()) ++below;
        const bool closed =
            end < lines.size() && lines[end].empty() && (!folding || below < lines.size());
        if (folding && !closed) continue;
        if (end == first || !any_known) return block;
        if (!closed && classify_header(split_header(lines[first])->first) == HeaderKey::Other)
            return block;
        for (std::size_t i = first; i < end; ++i) {
            if (continues(i)) {
                std::string& value = block.fields.back().second;
                if (!value.empty() && !lines[i].empty()) value += ' ';
                value += lines[i];
                continue;
            }
            const auto kv = split_header(lines[i]);
            const HeaderKey key = classify_header(kv->first);
            if (!closed && key == HeaderKey::Other) {
                end = i;
                break;
            }
            block.fields.emplace_back(key, std::string(kv->second));
        }
        block.lines_used = end - first + (closed ? 1 : 0);
        return block;
    }
    return block;
}

std::string strip_reply_prefix(std::string_view subject) {
    while (starts_with_ci(subject, "re:") || starts_with_ci(subject, "fwd:") ||
           starts_with_ci(subject, "fw:"))
        subject = trim(subject.substr(subject.find(':') + 1));
    return std::string(subject);
}

/// True when a line ends a sentence: ".", "!", "?", "…" or ":", also inside closing quotes
/// or brackets ("...an attack.”"). A hard-wrapped line ends mid-sentence instead.
bool ends_sentence(std::string_view line) {
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view q :
             {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", ")", "]"}) {
            if (line.size() > q.size() && line.ends_with(q)) {
                line.remove_suffix(q.size());
                stripped = true;
            }
        }
    }
    if (line.ends_with("\xE2\x80\xA6")) return true;
    const char last = line.empty() ? ' ' : line.back();
    return last == '.' || last == '!' || last == '?' || last == ':';
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
        // Wrapped text has every line short, the last included: a short kicker above a long
        // paragraph ("Chancellor under pressure") is a paragraph of its own.
        bool hard_wrapped = end - i > 1;
        bool any_open_end = false;
        for (std::size_t k = i; k < end && hard_wrapped; ++k) {
            if (utf8_length(lines[k]) > 100) hard_wrapped = false;
            if (k + 1 < end && !ends_sentence(lines[k])) any_open_end = true;
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

/// Headings of the list of links to other stories that closes many pages.
constexpr std::array<std::string_view, 11> kLinkListHeadings{
    "related", "related articles", "related stories", "related content", "most read",
    "most popular", "you may also like", "recommended", "more on this story",
    "more stories", "read more"};

/// Drops such a list: a heading followed, to the end, only by headline-shaped lines and
/// furniture ("Related stories" / "Scholz digs in on Taurus" / "Storm Shadow ...").
void drop_closing_link_list(Lines& body) {
    for (std::size_t k = body.size(); k-- > 0;) {
        if (body[k].empty()) continue;
        const std::string s = normalise_for_match(body[k]);
        if (std::find(kLinkListHeadings.begin(), kLinkListHeadings.end(), s) !=
            kLinkListHeadings.end()) {
            body.resize(k);
            return;
        }
        if (!looks_like_headline(body[k]) && !is_boilerplate_line(body[k])) return;
    }
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
        if (s.compare(0, prefix.size(), prefix) == 0) return is_footer_shaped(prefix, s);
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
        if (is_person_name(part, explicit_by)) {
            names.emplace_back(part);
        } else if (!names.empty() && std::all_of(parts.begin() + static_cast<std::ptrdiff_t>(i),
                                                 parts.end(), is_place_or_role)) {
            break;  // "Kate Connolly, Berlin correspondent", "Kate Connolly, Berlin"
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
    if (auto lt = s.find('<'); lt != std::string_view::npos && s.back() == '>')
        s = lt > 0 ? trim(s.substr(0, lt)) : trim(s.substr(1, s.size() - 2));  // "<a@x.org>"
    if (auto open = s.find('('); open != std::string_view::npos && s.back() == ')' &&
                                 s.substr(0, open).find('@') != std::string_view::npos)
        s = trim(s.substr(open + 1, s.size() - open - 2));
    std::vector<std::string> names;
    // A quoted display name is one person, even with a comma: "Doe, Jane" is Jane Doe.
    if (s.size() >= 2 && s.front() == '"' && s.find('"', 1) == s.size() - 1) {
        const std::string_view inner = trim(s.substr(1, s.size() - 2));
        const auto comma = inner.find(',');
        std::string name;
        const bool last_first = comma != std::string_view::npos &&
                                inner.find(',', comma + 1) == std::string_view::npos &&
                                !trim(inner.substr(0, comma)).empty() &&
                                !trim(inner.substr(comma + 1)).empty();
        if (last_first)
            name = squeeze_spaces(trim(inner.substr(comma + 1))) + " " +
                   squeeze_spaces(trim(inner.substr(0, comma)));
        else
            name = squeeze_spaces(inner);
        if (!name.empty()) names.push_back(std::move(name));
        return names;
    }
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
    // "* * * * *" and "2024 2025 2026" are separators and lists, not headlines.
    if (count_letters(s) < 3) return false;
    return !is_boilerplate_line(s);
}

ParsedText parse_text_article(std::string_view text) {
    ParsedText out;
    Article& a = out.article;
    std::vector<bool> indented;
    Lines lines = split_lines(text, indented);

    std::size_t pos = next_nonblank(lines, 0);
    const HeaderBlock header = read_header_block(lines, indented, pos);
    pos += header.lines_used;
    for (const auto& [key, value] : header.fields) {
        if (value.empty()) continue;
        switch (key) {
            case HeaderKey::Title:
                if (a.title.empty())
                    a.title = cap_chars(squeeze_spaces(strip_reply_prefix(value)), 200);
                break;
            case HeaderKey::Author:
                if (a.authors.empty()) {
                    a.authors = parse_author_list(value);
                    for (auto& name : a.authors) name = cap_chars(std::move(name), 100);
                }
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
                if (a.source.empty()) a.source = cap_chars(squeeze_spaces(value), 200);
                break;
            case HeaderKey::Url:
                if (a.url.empty()) a.url = value;
                break;
            case HeaderKey::Language:
                if (auto lang = find_language(value); lang && !lang->code.empty())
                    a.language = lang->code;
                else if (!lang)  // "none" is a valid choice: no language, no stemming
                    out.warnings.push_back("unknown language \"" +
                                           std::string(utf8_prefix(value, 20)) + "\"");
                break;
            case HeaderKey::Other: break;
        }
    }

    // Drop page furniture: trailing blocks anywhere below the article, known lines anywhere.
    Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(pos, lines.size())), lines.end());
    const auto drop_tail = [&body] {
        while (!body.empty() && (body.back().empty() || is_boilerplate_line(body.back())))
            body.pop_back();
    };
    drop_tail();
    drop_closing_link_list(body);
    drop_tail();
    std::erase_if(body, [](std::string_view l) { return is_furniture_anywhere(l); });

    // Lead lines: headline and byline in either order, each only when not in the header.
    // A header's title or byline repeated above the text is dropped, not indexed twice.
    const bool title_from_header = !a.title.empty();
    const bool authors_from_header = !a.authors.empty();
    std::size_t i = next_nonblank(body, 0);
    for (int round = 0; round < 3 && i < body.size(); ++round) {
        const std::size_t after = next_nonblank(body, i + 1);
        const bool more_follows = after < body.size();
        if (!more_follows) break;
        auto names = parse_byline(body[i]);
        if ((title_from_header && squeeze_spaces(body[i]) == a.title) ||
            (authors_from_header && names && *names == a.authors)) {
            i = after;
            continue;
        }
        if (a.authors.empty() && names) {
            // Two name-shaped lines in a row: the first is a title-case headline
            // ("Hafenstadt Derby Drama" above "Jens Müller-Obst").
            const bool headline_first = a.title.empty() && looks_like_headline(body[i]) &&
                                        next_nonblank(body, after + 1) < body.size() &&
                                        parse_byline(body[after]).has_value();
            if (!headline_first) {
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
    if (a.title.empty()) {
        // The first paragraph with words in it: "* * *" makes no title.
        for (const auto& p : a.paragraphs) {
            if (count_letters(p, true) == 0) continue;
            a.title = derive_title(p);
            a.title_derived = true;
            break;
        }
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
