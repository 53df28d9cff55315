/** @file @brief Tests for core/readers/text_reader: every article shape in corpus/text/ (as
 *  small inline texts), bylines, headlines, boilerplate, header blocks and hostile input. */
#include "core/readers/text_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.h"
#include "core/text/utf8.h"

namespace newsdex::readers {
namespace {

using Strings = std::vector<std::string>;

std::string shown(std::string_view s, std::size_t max = 70) {
    std::string out(utf8_prefix(s, max));
    for (char& c : out)
        if (c == '\n') c = '|';
    return out + (utf8_length(s) > max ? "..." : "");
}

// ---- parse_text_article: one row per article shape ------------------------------------------

struct ArticleCase {
    const char* what;
    std::string text;
    std::string title;
    Strings authors;
    Strings paragraphs;
    bool title_derived = false;
    std::string date = {};      // to_iso(), or empty for no date
    std::string source = {};
    std::string url = {};
    std::string language = {};
    Strings warnings = {};      // a distinctive part of each expected warning, in order
};

void PrintTo(const ArticleCase& c, std::ostream* os) { *os << c.what; }

void expect_article(const ArticleCase& c, const ParsedText& parsed) {
    const Article& a = parsed.article;
    EXPECT_EQ(a.title, c.title);
    EXPECT_EQ(a.title_derived, c.title_derived);
    EXPECT_EQ(a.authors, c.authors);
    EXPECT_EQ(a.paragraphs, c.paragraphs);
    EXPECT_EQ(a.date ? to_iso(*a.date) : std::string(), c.date);
    EXPECT_EQ(a.date_origin, a.date ? DateOrigin::Header : DateOrigin::None);
    EXPECT_EQ(a.source, c.source);
    EXPECT_EQ(a.url, c.url);
    EXPECT_EQ(a.language, c.language);
    ASSERT_EQ(parsed.warnings.size(), c.warnings.size())
        << ::testing::PrintToString(parsed.warnings);
    for (std::size_t i = 0; i < c.warnings.size(); ++i)
        EXPECT_NE(parsed.warnings[i].find(c.warnings[i]), std::string::npos) << parsed.warnings[i];
    // What a reader never leaves behind, whatever the shape.
    EXPECT_TRUE(a.id.empty());
    EXPECT_TRUE(a.path.empty());
    for (const auto& p : a.paragraphs) {
        EXPECT_FALSE(p.empty());
        EXPECT_EQ(p.find('\n'), std::string::npos) << p;
        EXPECT_EQ(p.find("  "), std::string::npos) << p;
        EXPECT_EQ(p.front() == ' ' || p.back() == ' ', false) << '"' << p << '"';
    }
}

// Lead paragraphs used by several rows.
const std::string kLead =
    "Germany will deliver a further IRIS-T air defence system to Ukraine before the end of the "
    "year, the defence ministry announced on Monday.";
const std::string kSecond =
    "The package, worth an estimated €1.1bn, includes one launcher unit and around 100 missiles "
    "for the Patriot systems Germany has already supplied.";
const std::string kThird = "It was announced by the defence minister, Boris Pistorius.";
const std::string kLeadTitle =
    "Germany will deliver a further IRIS-T air defence system to Ukraine before the end of the…";

std::vector<ArticleCase> shape_cases() {
    return {
        // Header blocks, as in cisco-earnings-webex.txt and the other "Title:" files.
        {.what = "header block: Title/Author/Date/Source/URL/Language",
         .text = "Title: Cisco beats forecasts as AI networking offsets Webex slowdown\n"
                 "Author: Daniel Whitcombe\n"
                 "Date: 15 August 2024\n"
                 "Source: Pacific Markets Daily\n"
                 "URL: https://example.org/pmd/cisco-q4\n"
                 "Language: en\n"
                 "\n" + kLead + "\n" + kSecond + "\n",
         .title = "Cisco beats forecasts as AI networking offsets Webex slowdown",
         .authors = {"Daniel Whitcombe"},
         .paragraphs = {kLead, kSecond},
         .date = "2024-08-15",
         .source = "Pacific Markets Daily",
         .url = "https://example.org/pmd/cisco-q4",
         .language = "en"},
        {.what = "header block: By: key, RFC 2822 date with zone, accented author",
         .text = "Title: Lyon adviser jailed for five years over €23m fraud\n"
                 "By: Élodie Marchand\n"
                 "Date: Thu, 21 Nov 2024 16:05:00 +0100\n"
                 "Source: Rhône Valley Post\n"
                 "\n" + kLead + "\n",
         .title = "Lyon adviser jailed for five years over €23m fraud",
         .authors = {"Élodie Marchand"},
         .paragraphs = {kLead},
         .date = "2024-11-21T15:05:00Z",
         .source = "Rhône Valley Post"},
        {.what = "header block: no author, Source before Date, ISO date-time",
         .text = "Title: Nordvik Shipping shares slide after webcast cut short\n"
                 "Source: Wire Service Europe\n"
                 "Date: 2023-10-26T11:40:00Z\n"
                 "Language: en\n\n" + kLead + "\n\n" + kSecond + "\n",
         .title = "Nordvik Shipping shares slide after webcast cut short",
         .authors = {},
         .paragraphs = {kLead, kSecond},
         .date = "2023-10-26T11:40:00Z",
         .source = "Wire Service Europe",
         .language = "en"},
        {.what = "header block: language by name, key case ignored, two authors",
         .text = "TITLE: Zürich voters back plan to build 2,000 flats\n"
                 "authors: Lea Baumgartner and Tom Hughes\n"
                 "date: 2024-06-10\n"
                 "language: German\n\n" + kLead + "\n",
         .title = "Zürich voters back plan to build 2,000 flats",
         .authors = {"Lea Baumgartner", "Tom Hughes"},
         .paragraphs = {kLead},
         .date = "2024-06-10",
         .language = "de"},
        {.what = "header block: title and byline repeated above the text are dropped",
         .text = "Title: Scholz digs in on Taurus\nAuthor: Clara Vogel\n\n"
                 "Scholz digs in on Taurus\nBy Clara Vogel in Dresden\n\n" + kLead + "\n",
         .title = "Scholz digs in on Taurus",
         .authors = {"Clara Vogel"},
         .paragraphs = {kLead}},
        {.what = "header block: a different first line is body text",
         .text = "Title: Scholz digs in on Taurus\nAuthor: Clara Vogel\n\n"
                 "Chancellor under pressure\n" + kLead + "\n",
         .title = "Scholz digs in on Taurus",
         .authors = {"Clara Vogel"},
         .paragraphs = {"Chancellor under pressure", kLead}},
        // Lead lines without a header.
        {.what = "headline then byline",
         .text = "Bristol council approves library closures and tax rise in tough budget\n"
                 "Sophie Trelawney\n" + kLead + "\n" + kSecond + "\n",
         .title = "Bristol council approves library closures and tax rise in tough budget",
         .authors = {"Sophie Trelawney"},
         .paragraphs = {kLead, kSecond}},
        {.what = "byline then headline",
         .text = "Sophie Trelawney\n"
                 "Bristol council approves library closures and tax rise in tough budget\n" +
                 kLead + "\n",
         .title = "Bristol council approves library closures and tax rise in tough budget",
         .authors = {"Sophie Trelawney"},
         .paragraphs = {kLead}},
        {.what = "headline only",
         .text = "Rotterdam museum brings together 1,200 Delft tiles in largest-ever exhibition\n" +
                 kLead + "\n" + kSecond + "\n",
         .title = "Rotterdam museum brings together 1,200 Delft tiles in largest-ever exhibition",
         .authors = {},
         .paragraphs = {kLead, kSecond}},
        {.what = "byline only: title derived from the lead at a word boundary",
         .text = "Carmen Ruiz Ortega\n" + kLead + "\n" + kSecond + "\n",
         .title = kLeadTitle,
         .authors = {"Carmen Ruiz Ortega"},
         .paragraphs = {kLead, kSecond},
         .title_derived = true},
        {.what = "neither: the first line is the first paragraph",
         .text = kLead + "\n" + kSecond + "\n" + kThird + "\n",
         .title = kLeadTitle,
         .authors = {},
         .paragraphs = {kLead, kSecond, kThird},
         .title_derived = true},
        {.what = "neither, short first sentence becomes the title",
         .text = "The Bundestag rejected the motion. " + kSecond + "\n" + kThird + "\n",
         .title = "The Bundestag rejected the motion",
         .authors = {},
         .paragraphs = {"The Bundestag rejected the motion. " + kSecond, kThird},
         .title_derived = true},
        {.what = "'By Maria Lopez' byline",
         .text = "By Maria Lopez\n" + kLead + "\n",
         .title = kLeadTitle,
         .authors = {"Maria Lopez"},
         .paragraphs = {kLead},
         .title_derived = true},
        {.what = "two authors joined by 'and'",
         .text = "Tom Hughes and Priya Natarajan\n" + kLead + "\n",
         .title = kLeadTitle,
         .authors = {"Tom Hughes", "Priya Natarajan"},
         .paragraphs = {kLead},
         .title_derived = true},
        {.what = "headline with a colon inside is not a header",
         .text = "Look up this week: the Taurids bring fireballs to the autumn sky\n"
                 "Ingrid Haldorsen\n" + kLead + "\n",
         .title = "Look up this week: the Taurids bring fireballs to the autumn sky",
         .authors = {"Ingrid Haldorsen"},
         .paragraphs = {kLead}},
        {.what = "headline with a one-word lead-in and colon is not a header",
         .text = "Analysis: why Germany will not send Taurus to Ukraine\n" + kLead + "\n",
         .title = "Analysis: why Germany will not send Taurus to Ukraine",
         .authors = {},
         .paragraphs = {kLead}},
        {.what = "football: score line after headline and byline stays in the body",
         .text = "Late Okonkwo header settles fiery Hafenstadt derby\n"
                 "Jens Müller-Obst\n"
                 "SV Hafenstadt 2 FC Lindenau 1\n" + kLead + "\n" + kSecond + "\n",
         .title = "Late Okonkwo header settles fiery Hafenstadt derby",
         .authors = {"Jens Müller-Obst"},
         .paragraphs = {"SV Hafenstadt 2 FC Lindenau 1", kLead, kSecond}},
        {.what = "title-case headline then byline: the headline is not an author",
         .text = "Storm Shadow Deliveries Resume\nOliver Pennington\n" + kLead + "\n",
         .title = "Storm Shadow Deliveries Resume",
         .authors = {"Oliver Pennington"},
         .paragraphs = {kLead}},
        {.what = "short title-case headline above a byline: the first line is the headline",
         .text = "Hafenstadt Derby Drama\nJens Müller-Obst\n" + kLead + "\n",
         .title = "Hafenstadt Derby Drama",
         .authors = {"Jens Müller-Obst"},
         .paragraphs = {kLead}},
        {.what = "title-case headline without byline",
         .text = "Germany Rejects Taurus Plea\n" + kLead + "\n",
         .title = "Germany Rejects Taurus Plea",
         .authors = {},
         .paragraphs = {kLead}},
        {.what = "byline with location and role",
         .text = "Kate Connolly in Berlin\n" + kLead + "\n",
         .title = kLeadTitle,
         .authors = {"Kate Connolly"},
         .paragraphs = {kLead},
         .title_derived = true},
        {.what = "blank lines around the lead lines",
         .text = "\n\n  Bristol council approves closures in tough budget  \n\n"
                 "By Sophie Trelawney\n\n\n" + kLead + "\n\n",
         .title = "Bristol council approves closures in tough budget",
         .authors = {"Sophie Trelawney"},
         .paragraphs = {kLead}},
        {.what = "body starting 'Update:' is not a header",
         .text = "Update: the minister said the talks would resume on Monday.\n" + kLead + "\n",
         .title = "Update: the minister said the talks would resume on Monday",
         .authors = {},
         .paragraphs = {"Update: the minister said the talks would resume on Monday.", kLead},
         .title_derived = true},
        {.what = "header block without a blank line keeps an 'Update:' body line",
         .text = "Title: Talks to resume\nAuthor: Clara Vogel\n"
                 "Update: the minister said the talks would resume on Monday.\n" + kLead + "\n",
         .title = "Talks to resume",
         .authors = {"Clara Vogel"},
         .paragraphs = {"Update: the minister said the talks would resume on Monday.", kLead}},
        // Header edge cases.
        {.what = "invalid Date: header gives a warning and no date",
         .text = "Title: Taurus debate\nDate: 05/03/2024\nSource: The Berlin Ledger\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead},
         .source = "The Berlin Ledger",
         .warnings = {"05/03/2024"}},
        {.what = "nonsense Date: header",
         .text = "Title: Taurus debate\nDate: last Tuesday\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead},
         .warnings = {"last Tuesday"}},
        {.what = "unknown Language: gives a warning and no language",
         .text = "Title: Taurus debate\nLanguage: Klingon\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead},
         .warnings = {"Klingon"}},
        {.what = "both warnings at once",
         .text = "Title: Taurus debate\nDate: 2024-13-45\nLanguage: xx\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead},
         .warnings = {"2024-13-45", "xx"}},
        {.what = "Language: none selects no stemming and is no warning",
         .text = "Title: Taurus debate\nLanguage: none\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead}},
        {.what = "empty header values are ignored",
         .text = "Title: Taurus debate\nAuthor:\nDate:\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead}},
        {.what = "regional language code",
         .text = "Title: Taurus debate\nLanguage: en-GB\n\n" + kLead,
         .title = "Taurus debate",
         .authors = {},
         .paragraphs = {kLead},
         .language = "en"},
        // E-mail forms, as in the 20 Newsgroups corpus.
        {.what = "e-mail: From: address (Name), Subject: Re:, unknown headers skipped",
         .text = "From: jane@example.org (Jane Doe)\n"
                 "Subject: Re: Taurus\n"
                 "Organization: Example University\n"
                 "Lines: 2\n"
                 "\n"
                 "> Did anyone see the debate?\n"
                 "Yes, and it was a waste of time.\n",
         .title = "Taurus",
         .authors = {"Jane Doe"},
         .paragraphs = {"> Did anyone see the debate?", "Yes, and it was a waste of time."}},
        {.what = "e-mail: From: Name <address>, RE: and Fwd: stacked",
         .text = "From: Jane Doe <jane@example.org>\nSubject: RE: Fwd: re: Taurus missiles\n\n"
                 "Body text.\n",
         .title = "Taurus missiles",
         .authors = {"Jane Doe"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: Outlook FW: prefix",
         .text = "From: jane@example.org (Jane Doe)\nSubject: FW: Taurus missiles\n\nBody text.\n",
         .title = "Taurus missiles",
         .authors = {"Jane Doe"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: quoted 'Last, First' display name is one person",
         .text = "From: \"Doe, Jane\" <jane@example.org>\nSubject: Taurus\n\nBody text.\n",
         .title = "Taurus",
         .authors = {"Jane Doe"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: bare address",
         .text = "From: jane@example.org\nSubject: Taurus\n\nBody text.\n",
         .title = "Taurus",
         .authors = {"jane@example.org"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: unknown headers before From: and Subject:",
         .text = "Organization: Penn State University\nFrom: <SMM125@psuvm.psu.edu>\n"
                 "Subject: Re: YOU WILL ALL GO TO HELL!!!\nLines: 1\n\nBody text.\n",
         .title = "YOU WILL ALL GO TO HELL!!!",
         .authors = {"SMM125@psuvm.psu.edu"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: folded (indented) header lines continue the header above",
         .text = "From: John A. Johnson <J5J@psuvm.psu.edu>\n"
                 "Subject: Re: After 2000 years, can we say that\n"
                 "\tChristian morality is\n"
                 "References: <1r1ko8$6b1@horus.ap.mchp.sni.de>\n"
                 " <sandvik-200493232227@sandvik-kent.apple.com>\n"
                 "Lines: 63\n\nBody text.\n",
         .title = "After 2000 years, can we say that Christian morality is",
         .authors = {"John A. Johnson"},
         .paragraphs = {"Body text."}},
        {.what = "e-mail: dotted keys, an empty folded line, headers only",
         .text = "From: ebrewer@science.smith.edu\nSubject: re: Where to put my swap file\n"
                 "Keywords: \n \nArticle-I.D.: ns1.C72u68.H6y\nOrganization: Smith College\n\n"
                 "Keep the swap file on the IDE.\n",
         .title = "Where to put my swap file",
         .authors = {"ebrewer@science.smith.edu"},
         .paragraphs = {"Keep the swap file on the IDE."}},
        {.what = "e-mail: only headers and a blank line",
         .text = "From: Edwin Gans\nSubject: Atheism\nNntp-Posting-Host: 47.107.76.97\n"
                 "Organization: Bell-Northern Research\nLines: 1\n\n \n",
         .title = "Atheism",
         .authors = {"Edwin Gans"},
         .paragraphs = {}},
        {.what = "header without a blank line: an indented body line is not a continuation",
         .text = "Title: Talks resume\n    The minister said the talks would resume.\n",
         .title = "Talks resume",
         .authors = {},
         .paragraphs = {"The minister said the talks would resume."}},
        {.what = "lines shaped like headers but with no known key are body text",
         .text = "Update: the talks resumed.\nNote: times are local.\n\nBody text.\n",
         .title = "Update: the talks resumed",
         .authors = {},
         .paragraphs = {"Update: the talks resumed.", "Note: times are local.", "Body text."},
         .title_derived = true},
        {.what = "e-mail: RFC 2822 date in the header",
         .text = "From: jane@example.org (Jane Doe)\nSubject: Taurus\n"
                 "Date: Mon, 19 Apr 1993 13:07:52 GMT\n\nBody text.\n",
         .title = "Taurus",
         .authors = {"Jane Doe"},
         .paragraphs = {"Body text."},
         .date = "1993-04-19T13:07:52Z"},
        // Paragraphs.
        {.what = "hard-wrapped paragraphs separated by blank lines are joined",
         .text = "Title: Wrapped\n\n"
                 "Germany will deliver a further IRIS-T air defence system\n"
                 "to Ukraine before the end of the year, the defence\n"
                 "ministry announced on Monday.\n"
                 "\n"
                 "The package includes one launcher unit and around\n"
                 "100 missiles.\n",
         .title = "Wrapped",
         .authors = {},
         .paragraphs = {"Germany will deliver a further IRIS-T air defence system to Ukraine "
                        "before the end of the year, the defence ministry announced on Monday.",
                        "The package includes one launcher unit and around 100 missiles."}},
        {.what = "one paragraph per line stays split",
         .text = "Title: Per line\n\nThe minister spoke on Monday.\nHe said little.\n"
                 "Critics were not impressed!\nWhat happens next?\n",
         .title = "Per line",
         .authors = {},
         .paragraphs = {"The minister spoke on Monday.", "He said little.",
                        "Critics were not impressed!", "What happens next?"}},
        {.what = "one short paragraph per line ending in closing quotes stays split",
         .text = "Title: Quotes\n\n“We will not be divided,” he said.\n"
                 "“This is a Russian attack.”\n"
                 "The ministry said it would “not comment further.”\n"
                 "‘Nothing,’ she replied. ‘Nothing at all.’\nThe talks ended.\n",
         .title = "Quotes",
         .authors = {},
         .paragraphs = {"“We will not be divided,” he said.", "“This is a Russian attack.”",
                        "The ministry said it would “not comment further.”",
                        "‘Nothing,’ she replied. ‘Nothing at all.’", "The talks ended."}},
        {.what = "runs of spaces and tabs are squeezed",
         .text = "Title: Spaces\n\nThe   minister\t\tspoke  on Monday.\n  Indented   line.  \n",
         .title = "Spaces",
         .authors = {},
         .paragraphs = {"The minister spoke on Monday.", "Indented line."}},
        {.what = "no-break spaces around a line are trimmed",
         .text = "Title: NBSP\n\n\xC2\xA0The minister spoke.\xC2\xA0\n",
         .title = "NBSP",
         .authors = {},
         .paragraphs = {"The minister spoke."}},
        // Boilerplate.
        {.what = "blog tail 'No comments:' / 'Post a Comment' is dropped",
         .text = "Kate Connolly\n" + kLead + "\n" + kSecond + "\nNo comments:\nPost a Comment",
         .title = kLeadTitle,
         .authors = {"Kate Connolly"},
         .paragraphs = {kLead, kSecond},
         .title_derived = true},
        {.what = "blogger tail with labels, posted-by and share links is dropped",
         .text = "Title: T\n\n" + kLead +
                 "\n\nLabels: defence, Germany\nPosted by Anna Weber at 10:42\n"
                 "Email ThisBlogThis!Share to TwitterShare to Facebook\n\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead}},
        {.what = "cookie and newsletter tail is dropped",
         .text = kLead + "\nWe use cookies to improve your experience. Accept all cookies\n"
                 "Sign up for our daily newsletter\n",
         .title = kLeadTitle,
         .authors = {},
         .paragraphs = {kLead},
         .title_derived = true},
        {.what = "a closing sentence about comments or cookies stays",
         .text = "Title: T\n\n" + kLead + "\nThe minister made no comments on the deal.\n"
                 "The regulator said the site uses cookies to track readers.\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead, "The minister made no comments on the deal.",
                        "The regulator said the site uses cookies to track readers."}},
        {.what = "a closing sentence that starts like a footer stays",
         .text = "Title: T\n\n" + kLead + "\n"
                 "Copyright lawyers said the ruling would reshape the music industry for years.\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead, "Copyright lawyers said the ruling would reshape the music "
                               "industry for years."}},
        {.what = "'Advertisement' mid-article is dropped; a tail word mid-article is kept",
         .text = "Title: T\n\n" + kLead + "\nAdvertisement\n" + kSecond + "\nPrint\n" + kThird +
                 "\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead, kSecond, "Print", kThird}},
        {.what = "closing list of related headlines is dropped with its heading",
         .text = "Title: T\n\n" + kLead + "\n" + kSecond + "\n\nRelated stories\n"
                 "Scholz digs in on Taurus as allies lose patience\n"
                 "Why is Germany refusing to send Taurus?\n\nShare this:\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead, kSecond}},
        {.what = "'Read more' followed by article text keeps the text",
         .text = "Title: T\n\n" + kLead + "\nRead more\n" + kSecond + "\nNext steps unclear\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead, kSecond, "Next steps unclear"}},
        {.what = "copyright footer is dropped",
         .text = "Title: T\n\n" + kLead + "\n\n© 2024 The Berlin Ledger. All rights reserved.\n",
         .title = "T",
         .authors = {},
         .paragraphs = {kLead}},
    };
}

class TextReaderShapes : public ::testing::TestWithParam<ArticleCase> {};

TEST_P(TextReaderShapes, Parses) {
    const ArticleCase& c = GetParam();
    expect_article(c, parse_text_article(c.text));
}

INSTANTIATE_TEST_SUITE_P(TextReader, TextReaderShapes, ::testing::ValuesIn(shape_cases()));

// ---- the seed article ---------------------------------------------------------------------

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(TextReaderSeed, PistoriusWebex) {
    const std::filesystem::path path = NEWSDEX_SHARED_DIR "/corpora/seed/pistorius-webex.txt";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not here";
    const auto bytes = read_file(path);
    ASSERT_TRUE(bytes.has_value());
    const CleanText clean = clean_text(*bytes);
    const ParsedText parsed = parse_text_article(clean.text);
    const Article& a = parsed.article;

    EXPECT_TRUE(parsed.warnings.empty());
    EXPECT_EQ(a.authors, Strings{"Kate Connolly"});
    EXPECT_FALSE(a.date.has_value());
    EXPECT_TRUE(a.source.empty());

    // One paragraph per non-empty line, less the byline and the two tail lines.
    std::size_t lines = 0;
    std::istringstream in(clean.text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) ++lines;
    ASSERT_EQ(a.paragraphs.size(), lines - 3);
    EXPECT_EQ(a.paragraphs.front().rfind("Germany’s defence minister has said", 0), 0u);
    EXPECT_EQ(a.paragraphs.back().rfind("However, he resisted calls to sack anyone", 0), 0u);
    for (const auto& p : a.paragraphs) {
        EXPECT_EQ(p.find("No comments"), std::string::npos);
        EXPECT_EQ(p.find("Post a Comment"), std::string::npos);
        EXPECT_EQ(p.find("Kate Connolly"), std::string::npos);
    }

    // The lead is one 200-character sentence, so the title is cut at a word boundary.
    EXPECT_TRUE(a.title_derived);
    const std::string ellipsis = "…";
    ASSERT_GT(a.title.size(), ellipsis.size());
    ASSERT_EQ(a.title.substr(a.title.size() - ellipsis.size()), ellipsis) << a.title;
    const std::string cut = a.title.substr(0, a.title.size() - ellipsis.size());
    EXPECT_LE(utf8_length(a.title), 91u);
    EXPECT_GE(utf8_length(cut), 45u);
    ASSERT_EQ(a.paragraphs.front().rfind(cut, 0), 0u) << a.title;
    EXPECT_EQ(a.paragraphs.front()[cut.size()], ' ') << "cut inside a word: " << a.title;
    EXPECT_NE(cut.back(), ',');
}

TEST(TextReaderSeed, WindowsFileThroughCleanText) {
    // What the indexer does: clean_text first (CRLF, cp1252), then parse.
    const std::string bytes =
        "Title: Caf\xE9 culture\r\nAuthor: Jos\xE9 Garc\xED" "a\r\n\r\n"
        "The minister said \x93no\x94.\r\nNo comments:\r\nPost a Comment\r\n";
    const CleanText clean = clean_text(bytes);
    ASSERT_TRUE(clean.read_as_cp1252);
    const Article a = parse_text_article(clean.text).article;
    EXPECT_EQ(a.title, "Café culture");
    EXPECT_EQ(a.authors, Strings{"José García"});
    EXPECT_EQ(a.paragraphs, Strings{"The minister said “no”."});
}

// ---- parse_byline -----------------------------------------------------------------------

struct BylineCase {
    const char* line;
    std::optional<Strings> names;  // nullopt: not a byline
};

void PrintTo(const BylineCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class BylineTable : public ::testing::TestWithParam<BylineCase> {};

TEST_P(BylineTable, Parses) {
    const auto got = parse_byline(GetParam().line);
    EXPECT_EQ(got, GetParam().names) << (got ? ::testing::PrintToString(*got) : "nullopt");
}

INSTANTIATE_TEST_SUITE_P(
    BylineNames, BylineTable,
    ::testing::ValuesIn(std::vector<BylineCase>{
        {"Kate Connolly", Strings{"Kate Connolly"}},
        {"  Kate Connolly  ", Strings{"Kate Connolly"}},
        {"By Kate Connolly", Strings{"Kate Connolly"}},
        {"BY Kate Connolly", Strings{"Kate Connolly"}},
        {"Written by Kate Connolly", Strings{"Kate Connolly"}},
        {"Von Kate Connolly", Strings{"Kate Connolly"}},
        {"By Kate Connolly in Berlin", Strings{"Kate Connolly"}},
        {"Kate Connolly in Berlin", Strings{"Kate Connolly"}},
        {"By Kate Connolly in New York", Strings{"Kate Connolly"}},
        {"Kate Connolly, Berlin correspondent", Strings{"Kate Connolly"}},
        {"Kate Connolly, Berlin", Strings{"Kate Connolly"}},
        {"Kate Connolly - Berlin", Strings{"Kate Connolly"}},
        {"Kate Connolly – Berlin", Strings{"Kate Connolly"}},
        {"Kate Connolly | The Berlin Ledger", Strings{"Kate Connolly"}},
        {"Ursula von der Leyen", Strings{"Ursula von der Leyen"}},
        {"Pieter van der Berg", Strings{"Pieter van der Berg"}},
        {"Jean-Luc Mélenchon", Strings{"Jean-Luc Mélenchon"}},
        {"Seán Ó Briain", Strings{"Seán Ó Briain"}},
        {"Jens Müller-Obst", Strings{"Jens Müller-Obst"}},
        {"Carmen Ruiz Ortega", Strings{"Carmen Ruiz Ortega"}},
        {"Élodie Marchand", Strings{"Élodie Marchand"}},
        {"Kate O'Connor", Strings{"Kate O'Connor"}},
        {"Kate O’Connor", Strings{"Kate O’Connor"}},
        {"Mary-Kate Smith-Jones", Strings{"Mary-Kate Smith-Jones"}},
        {"Rasa Petrauskienė", Strings{"Rasa Petrauskienė"}},
        {"By Maria Lopez", Strings{"Maria Lopez"}},
        {"Tom Hughes and Priya Natarajan", Strings{"Tom Hughes", "Priya Natarajan"}},
        {"Tom Hughes & Priya Natarajan", Strings{"Tom Hughes", "Priya Natarajan"}},
        {"By Tom Hughes, Priya Natarajan and Lea Baumgartner",
         Strings{"Tom Hughes", "Priya Natarajan", "Lea Baumgartner"}},
        {"By Kate Connolly in Berlin and Tom Hughes in London",
         Strings{"Kate Connolly", "Tom Hughes"}},
        {"By Reuters", Strings{"Reuters"}},
        // Given names and surnames that are also everyday words.
        {"Will Hutton", Strings{"Will Hutton"}},
        {"By Will Hutton", Strings{"Will Hutton"}},
        {"Can Dündar", Strings{"Can Dündar"}},
        {"Theresa May", Strings{"Theresa May"}},
        {"Thomas More", Strings{"Thomas More"}},
        {"He Lifeng", Strings{"He Lifeng"}},
        // Judgement: all capitals is a name only after an explicit "By"; alone it is far
        // more often a shouted headline or section label ("STORM SHADOW DELIVERIES RESUME").
        {"By KATE CONNOLLY", Strings{"KATE CONNOLLY"}},
        {"KATE CONNOLLY", std::nullopt},
    }));

INSTANTIATE_TEST_SUITE_P(
    BylineNotNames, BylineTable,
    ::testing::ValuesIn(std::vector<BylineCase>{
        {"", std::nullopt},
        {"   ", std::nullopt},
        {"By", std::nullopt},
        {"By ", std::nullopt},
        {"Taurus", std::nullopt},
        {"Germany Rejects Taurus Plea", std::nullopt},
        {"Storm Shadow Deliveries Resume", std::nullopt},
        {"STORM SHADOW DELIVERIES RESUME", std::nullopt},
        {"Kestrel Unveils Foldable Laptop", std::nullopt},
        {"Bundestag Debates Taurus Motion", std::nullopt},
        {"Scholz Digs In On Taurus", std::nullopt},
        {"Your Stars This Spring", std::nullopt},
        {"Post a Comment", std::nullopt},
        {"No comments:", std::nullopt},
        {"Share this:", std::nullopt},
        {"Posted by Anna Weber at 10:42", std::nullopt},
        {"SV Hafenstadt 2 FC Lindenau 1", std::nullopt},
        {"Kate Connolly 2024", std::nullopt},
        {"By 2025 the brigade will be ready", std::nullopt},
        {"By the time the call ended, the leak had begun.", std::nullopt},
        {"Olaf Scholz said Germany would not send Taurus missiles.", std::nullopt},
        {"Germany’s defence minister has said that one of the generals broke protocol.",
         std::nullopt},
        {"kate connolly", std::nullopt},
        {"Kate", std::nullopt},
        {"Kate Connolly!", std::nullopt},
        {"@kateconnolly", std::nullopt},
        {"----", std::nullopt},
        {"\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD", std::nullopt},
    }));

// ---- parse_author_list --------------------------------------------------------------------

TEST(BylineAuthorList, HeaderValues) {
    struct Row {
        const char* value;
        Strings names;
    };
    for (const Row& r : std::vector<Row>{
             {"Kate Connolly", {"Kate Connolly"}},
             {"  Kate   Connolly ", {"Kate Connolly"}},
             {"By Kate Connolly", {"Kate Connolly"}},
             {"Tom Hughes and Priya Natarajan", {"Tom Hughes", "Priya Natarajan"}},
             {"Tom Hughes, Priya Natarajan", {"Tom Hughes", "Priya Natarajan"}},
             {"Tom Hughes; Priya Natarajan & Lea Baumgartner",
              {"Tom Hughes", "Priya Natarajan", "Lea Baumgartner"}},
             {"Jane Doe <jane@example.org>", {"Jane Doe"}},
             {"\"Jane Doe\" <jane@example.org>", {"Jane Doe"}},
             {"\"Doe, Jane\" <jane@example.org>", {"Jane Doe"}},
             {"jane@example.org (Jane Doe)", {"Jane Doe"}},
             {"dlecoint@garnet.acns.fsu.edu (Darius_Lecointe)", {"Darius_Lecointe"}},
             {"jane@example.org", {"jane@example.org"}},
             {"<jane@example.org>", {"jane@example.org"}},
             {"mcarr@onu.edu (Michael Carr (x1723))", {"Michael Carr (x1723)"}},
             {"Reuters", {"Reuters"}},
             {"", {}},
             {"  ", {}},
             {",,", {}},
         }) {
        SCOPED_TRACE(r.value);
        EXPECT_EQ(parse_author_list(r.value), r.names);
    }
}

// ---- looks_like_headline ------------------------------------------------------------------

struct HeadlineCase {
    const char* line;
    bool headline;
};

void PrintTo(const HeadlineCase& c, std::ostream* os) { *os << '"' << shown(c.line) << '"'; }

class HeadlineTable : public ::testing::TestWithParam<HeadlineCase> {};

TEST_P(HeadlineTable, Classifies) {
    EXPECT_EQ(looks_like_headline(GetParam().line), GetParam().headline);
}

const std::string kLongLine(170, 'x');

INSTANTIATE_TEST_SUITE_P(
    Headline, HeadlineTable,
    ::testing::ValuesIn(std::vector<HeadlineCase>{
        {"Germany Rejects Taurus Plea", true},
        {"Bristol council approves library closures and tax rise in tough budget", true},
        {"Taurus row: Scholz digs in as allies lose patience", true},
        {"Why is Germany refusing to send Taurus?", true},
        {"Scholz: ‘We will not send Taurus’", true},
        {"Scholz says ‘no’ to Taurus (again)", true},
        {"Zürich voters back plan to build 2,000 affordable flats", true},
        {"SV Hafenstadt 2 FC Lindenau 1", true},  // headline-shaped; kept in body by position
        {"The minister said the talks would resume on Monday.", false},
        {"He said: “We will not send Taurus.”", false},
        {"He said: \"We will not send Taurus.\"", false},
        {"Continued from page one,", false},
        {"Ends with a semicolon;", false},
        {"Here is the list:", false},
        {"Short", false},
        {"Taurus", false},
        {"Missiles", false},
        {"", false},
        {"        ", false},
        {"Post a Comment", false},
        {"Share this:", false},
        {"Newer Post Older Post Home", false},
        {"* * * * * * *", false},
        {"-- -- -- -- --", false},
        {"2024 2025 2026", false},
        {"\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD", false},
    }));

TEST(HeadlineLength, TooLongIsNotAHeadline) {
    std::string line;
    while (utf8_length(line) < 170) line += "word ";
    EXPECT_FALSE(looks_like_headline(line));
    EXPECT_FALSE(looks_like_headline(std::string(1'000'000, 'a') + " b"));
}

// ---- is_boilerplate_line ------------------------------------------------------------------

struct BoilerplateCase {
    const char* line;
    bool boilerplate;
};

void PrintTo(const BoilerplateCase& c, std::ostream* os) { *os << '"' << shown(c.line) << '"'; }

class BoilerplateTable : public ::testing::TestWithParam<BoilerplateCase> {};

TEST_P(BoilerplateTable, Classifies) {
    EXPECT_EQ(is_boilerplate_line(GetParam().line), GetParam().boilerplate);
}

/// Every furniture line the reader knows, each as a page prints it.
std::vector<BoilerplateCase> furniture_lines() {
    return {
        // Furniture wherever it stands.
        {"Advertisement", true}, {"ADVERTISEMENT", true}, {"Share this article", true},
        {"Share this story", true}, {"Skip to main content", true}, {"Read more", true},
        {"Related articles", true}, {"Related stories", true}, {"Most read", true},
        {"Most popular", true}, {"Show comments", true}, {"View comments", true},
        {"Hide comments", true}, {"Click to share", true}, {"Share on Facebook", true},
        {"Share on Twitter", true}, {"Share via Email", true}, {"Continue reading", true},
        {"Story continues below", true}, {"Scroll to continue", true},
        {"Listen to this article", true}, {"Supported by", true},
        // Furniture at the end of a page.
        {"No comments:", true}, {"Post a Comment", true}, {"Share this:", true}, {"Share", true},
        {"Tweet", true}, {"Print", true}, {"Email", true}, {"Subscribe", true},
        {"Comments", true}, {"Leave a comment", true}, {"Leave a Reply", true},
        {"Related", true}, {"Home", true}, {"Newer Post Older Post Home", true},
        {"Newer Post", true}, {"Older Post", true}, {"Follow us", true}, {"Sign in", true},
        {"Log in", true}, {"Accept", true}, {"Accept all", true}, {"Reject all", true},
        {"Back to top", true}, {"You may also like", true}, {"Recommended", true},
        {"Sponsored", true}, {"Like this:", true}, {"Loading...", true},
        {"Loading…", true},
        // Prefixes.
        {"Subscribe to: Post Comments (Atom)", true},
        {"Email ThisBlogThis!Share to TwitterShare to Facebook", true},
        {"Share on WhatsApp", true}, {"Share this with friends", true},
        {"Email this story", true}, {"Posted by Anna Weber at 10:42", true},
        {"Labels: defence, Germany", true}, {"Tags: Taurus, Scholz", true},
        {"Tagged: Ukraine", true}, {"Filed under: Europe", true},
        {"Sign up for our daily newsletter", true}, {"Sign up to our briefing", true},
        {"Follow us on Twitter", true}, {"Follow us: @ledger", true},
        {"We use cookies to improve your experience. Accept all cookies", true},
        {"This site uses cookies.", true},
        {"This website uses cookies to give you the best experience.", true},
        {"By continuing to use this site you agree to our use of cookies.", true},
        {"Accept all cookies", true}, {"Manage cookies", true}, {"Cookie settings", true},
        {"Cookie policy", true}, {"Copyright 2024 The Berlin Ledger", true},
        {"Copyright © 2024 The Berlin Ledger. All rights reserved.", true},
        {"Copyright (c) 2024 Example Media", true}, {"© 2024 The Berlin Ledger", true},
        {"(c) 2024 The Berlin Ledger", true}, {"All rights reserved.", true},
        {"Read more: Scholz digs in on Taurus", true}, {"Related: Taurus debate", true},
        {"Click here to subscribe", true}, {"Download our app", true},
        {"Get our newsletter", true}, {"Powered by Blogger.", true},
        {"Privacy policy", true}, {"Privacy Policy | Terms of Use", true},
        {"Terms of use", true},
        // Comment counters.
        {"3 comments", true}, {"1 Comment", true}, {"12 Responses", true},
        {"1 response", true},
        // Decoration around them.
        {"  Post a Comment  ", true}, {"SHARE THIS", true}, {"Share this…", true},
        {"Comments |", true}, {"Share!", true},
    };
}

std::vector<BoilerplateCase> article_lines() {
    return {
        {"", false},
        {"   ", false},
        {"The minister made no comments on the deal.", false},
        {"No comment, said the spokesman.", false},
        {"Comments by the minister were criticised by the opposition.", false},
        {"The regulator said the site uses cookies to track readers.", false},
        {"Readers can leave a comment below the article, the editor said.", false},
        {"Copyright lawyers said the ruling would reshape the music industry for years.", false},
        {"Copyright infringement cases rose sharply last year", false},
        {"Privacy policy changes at the firm drew criticism from regulators across Europe.", false},
        {"By continuing to use Russian gas, Hungary has angered its allies.", false},
        {"Share prices fell 9% in Oslo on Thursday.", false},
        {"Print media is in decline across Europe.", false},
        {"Home secretary resigns", false},
        {"Posted to Lithuania, the brigade will be ready by 2027.", false},
        {"3 comments were made by the judge.", false},
        {"Related parties must disclose their holdings.", false},
        {"Loading of the missiles took three hours.", false},
        {"Germany Rejects Taurus Plea", false},
        {"Kate Connolly", false},
    };
}

INSTANTIATE_TEST_SUITE_P(BoilerplateFurniture, BoilerplateTable,
                         ::testing::ValuesIn(furniture_lines()));
INSTANTIATE_TEST_SUITE_P(BoilerplateArticle, BoilerplateTable,
                         ::testing::ValuesIn(article_lines()));

TEST(BoilerplateTail, EveryFurnitureLineIsDroppedFromTheTail) {
    for (const auto& c : furniture_lines()) {
        SCOPED_TRACE(c.line);
        const std::string text = "Title: T\n\n" + kLead + "\n" + kSecond + "\n" + c.line + "\n";
        EXPECT_EQ(parse_text_article(text).article.paragraphs, (Strings{kLead, kSecond}));
    }
}

TEST(BoilerplateTail, StackedTailIsDroppedWhole) {
    std::string text = "Title: T\n\n" + kLead + "\n\n";
    for (const auto& c : furniture_lines()) text += std::string(c.line) + "\n\n";
    EXPECT_EQ(parse_text_article(text).article.paragraphs, Strings{kLead});
}

TEST(BoilerplateTail, ArticleLinesAtTheTailStay) {
    for (const auto& c : article_lines()) {
        if (std::string_view(c.line).find_first_not_of(' ') == std::string_view::npos) continue;
        SCOPED_TRACE(c.line);
        const std::string text = "Title: T\n\n" + kLead + "\n" + c.line + "\n";
        EXPECT_EQ(parse_text_article(text).article.paragraphs, (Strings{kLead, c.line}));
    }
}

TEST(BoilerplateTail, TailWordsInsideTheArticleStay) {
    // Only the "anywhere" list is removed above the tail.
    const std::string text =
        "Title: T\n\n" + kLead + "\nShare\nComments\nRelated\n" + kSecond + "\n";
    EXPECT_EQ(parse_text_article(text).article.paragraphs,
              (Strings{kLead, "Share", "Comments", "Related", kSecond}));
}

TEST(BoilerplateTail, AnywhereLinesAreRemovedInsideTheArticle) {
    const std::string text = "Title: T\n\nSkip to main content\n" + kLead +
                             "\nAdvertisement\n\nStory continues below\n" + kSecond + "\n";
    EXPECT_EQ(parse_text_article(text).article.paragraphs, (Strings{kLead, kSecond}));
}

// ---- robustness ---------------------------------------------------------------------------

struct HostileCase {
    const char* what;
    std::string text;
};

void PrintTo(const HostileCase& c, std::ostream* os) { *os << c.what; }

class TextReaderHostile : public ::testing::TestWithParam<HostileCase> {};

TEST_P(TextReaderHostile, NoCrashSaneResult) {
    const ParsedText parsed = parse_text_article(GetParam().text);
    const Article& a = parsed.article;
    if (a.paragraphs.empty()) {
        EXPECT_FALSE(a.title_derived);
    }
    for (const auto& p : a.paragraphs) {
        EXPECT_FALSE(p.empty());
        EXPECT_FALSE(is_boilerplate_line(p) && &p == &a.paragraphs.back()) << p;
    }
    EXPECT_LE(utf8_length(a.title), 200u);
    EXPECT_TRUE(is_valid_utf8(a.title));
    for (const auto& name : a.authors) EXPECT_LE(utf8_length(name), 100u);
}

std::string repeated(std::string_view unit, std::size_t times) {
    std::string out;
    out.reserve(unit.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

INSTANTIATE_TEST_SUITE_P(
    TextReader, TextReaderHostile,
    ::testing::ValuesIn(std::vector<HostileCase>{
        {"empty", ""},
        {"only newlines", "\n\n\n"},
        {"only spaces and tabs", "   \t \n \t\n  "},
        {"only no-break spaces", "\xC2\xA0\xC2\xA0\n\xC2\xA0"},
        {"only boilerplate", "No comments:\nPost a Comment\nShare this:\n"},
        {"only a header", "Title: Just a title\nDate: 2024-03-05\n"},
        {"only a header and a blank line", "Title: Just a title\n\n"},
        {"header key with no colon value", "Title:\n\n"},
        {"single line", "Kate Connolly"},
        {"single line with newline", "Germany Rejects Taurus Plea\n"},
        {"byline and headline, no body", "Germany Rejects Taurus Plea\nKate Connolly\n"},
        {"1 MB single line of words", repeated("Taurus missiles ", 65'536)},
        {"1 MB single line without spaces", std::string(1 << 20, 'x')},
        {"1 MB single line of colons", std::string(1 << 20, ':')},
        {"1 MB of blank lines", std::string(1 << 20, '\n')},
        {"100k short lines", repeated("Share\n", 100'000)},
        {"100k header lines", "Title: T\n" + repeated("X-Junk: 1\n", 100'000)},
        {"huge header value", "Title: " + std::string(1 << 20, 'a') + "\n\nBody."},
        {"huge byline-like line", "By " + repeated("Kate Connolly and ", 50'000) + "\nBody."},
        {"punctuation-only lines", "***\n---\n...\n!!!\n???\n\n* * *\n"},
        {"punctuation then body", "* * * * * * *\n" + kLead + "\n"},
        {"full of U+FFFD", repeated("\xEF\xBF\xBD", 10'000) + "\n" +
                               repeated("\xEF\xBF\xBD \xEF\xBF\xBD\n", 1'000)},
        {"U+FFFD lead lines",
         "\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\n\xEF\xBF\xBD\xEF\xBF\xBD\n" + kLead},
        {"lines of only colons and keys", ":\n:a\na:\n-:\n"},
        {"leading colon header-like", ": value\n\nBody."},
        {"From: with unbalanced bracket", "From: <jane@example.org\nSubject: (x\n\nBody."},
        {"From: with lone parenthesis", "From: a@b (\n\nBody."},
        {"From: just brackets", "From: <>\nSubject: ()\n\nBody."},
        {"Subject: only Re:", "Subject: Re: Re:\n\nBody."},
        {"tabs only lines between paragraphs", "A line.\n\t\t\nAnother line.\n"},
    }));

TEST(TextReaderHostile, EmptyTextGivesEmptyArticle) {
    for (const std::string text : {"", "\n", "   \n\t\n", "No comments:\nPost a Comment"}) {
        SCOPED_TRACE(shown(text));
        const ParsedText parsed = parse_text_article(text);
        EXPECT_TRUE(parsed.warnings.empty());
        EXPECT_TRUE(parsed.article.title.empty());
        EXPECT_FALSE(parsed.article.title_derived);
        EXPECT_TRUE(parsed.article.authors.empty());
        EXPECT_TRUE(parsed.article.paragraphs.empty());
    }
}

TEST(TextReaderHostile, SingleLineIsTheBody) {
    const ParsedText parsed = parse_text_article("Germany Rejects Taurus Plea\n");
    EXPECT_EQ(parsed.article.paragraphs, Strings{"Germany Rejects Taurus Plea"});
    EXPECT_EQ(parsed.article.title, "Germany Rejects Taurus Plea");
    EXPECT_TRUE(parsed.article.authors.empty());
}

TEST(TextReaderHostile, MegabyteLineIsKeptWhole) {
    const std::string line = repeated("Taurus missiles ", 65'536);
    const ParsedText parsed = parse_text_article(line);
    ASSERT_EQ(parsed.article.paragraphs.size(), 1u);
    EXPECT_EQ(parsed.article.paragraphs[0].size(), line.size() - 1);  // trailing space trimmed
    EXPECT_TRUE(parsed.article.title_derived);
    EXPECT_LE(utf8_length(parsed.article.title), 91u);
}

TEST(TextReaderHostile, PunctuationLineIsNotATitle) {
    const ParsedText parsed = parse_text_article("* * * * * * *\n" + kLead + "\n");
    EXPECT_NE(parsed.article.title, "* * * * * * *");
}

}  // namespace
}  // namespace newsdex::readers
