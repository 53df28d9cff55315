/** @file @brief Parsing the dates news articles carry, and the forms the index stores. */
#include "core/text/date.h"

#include <array>
#include <chrono>
#include <climits>
#include <cstddef>
#include <utility>
#include <vector>

namespace newsdex {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;
constexpr int kMinutesPerDay = 24 * 60;

// Hand-rolled ASCII classification: <cctype> is locale-dependent and has UB for negative chars.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Nine digits always fit an int, so capping the length rules out overflow on long digit runs.
std::optional<int> to_int(std::string_view digits) {
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    int value = 0;
    for (char c : digits) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic
// without timegm, which is non-standard and depends on the process time zone machinery.
long long days_from_civil(int year, int month, int day) {
    const long long y = year - (month <= 2 ? 1 : 0);
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long year_of_era = y - era * 400;
    const long long march_based_month = (month + 9) % 12;
    const long long day_of_year = (153 * march_based_month + 2) / 5 + day - 1;
    const long long day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

void civil_from_days(long long days, Date& out) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long day_of_era = days - era * 146097;
    const long long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long long day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long long march_based_month = (5 * day_of_year + 2) / 153;
    out.day = static_cast<int>(day_of_year - (153 * march_based_month + 2) / 5 + 1);
    out.month = static_cast<int>(march_based_month < 10 ? march_based_month + 3
                                                        : march_based_month - 9);
    out.year = static_cast<int>(year_of_era + era * 400 + (out.month <= 2 ? 1 : 0));
}

long long floor_div(long long a, long long b) {
    const long long q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::optional<Date> make_date(int year, int month, int day) {
    if (!is_valid_date(year, month, day)) return std::nullopt;
    Date d;
    d.year = year;
    d.month = month;
    d.day = day;
    return d;
}

struct Clock {
    int hour = 0, minute = 0, second = 0;
};

// offset_minutes is the source's offset east of UTC; subtracting it may roll the date over,
// and the rolled date must still be in range (9999-12-31T23:30-01:00 is year 10000).
std::optional<Date> with_time(Date date, Clock clock, int offset_minutes) {
    if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) return std::nullopt;
    const long long minutes = clock.hour * 60LL + clock.minute - offset_minutes;
    const long long day_shift = floor_div(minutes, kMinutesPerDay);
    const long long minute_of_day = minutes - day_shift * kMinutesPerDay;
    civil_from_days(days_from_civil(date.year, date.month, date.day) + day_shift, date);
    if (!is_valid_date(date.year, date.month, date.day)) return std::nullopt;
    date.hour = static_cast<int>(minute_of_day / 60);
    date.minute = static_cast<int>(minute_of_day % 60);
    date.second = clock.second;
    date.has_time = true;
    return date;
}

std::optional<int> make_offset(int sign, int hours, int minutes) {
    if (hours > 23 || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
}

void append_padded(std::string& out, int value, std::size_t width) {
    // Widening first keeps negating INT_MIN defined; only malformed Dates are negative anyway.
    const long long wide = value;
    if (wide < 0) out += '-';
    const std::string digits = std::to_string(wide < 0 ? -wide : wide);
    if (digits.size() < width) out.append(width - digits.size(), '0');
    out += digits;
}

// ---------------------------------------------------------------------------------------------
// ISO 8601 and compact forms: fixed-width fields, so a character cursor is the natural fit.

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    bool eat(char c) {
        if (at_end() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    /// Exactly n digits, no more and no fewer available at this point.
    std::optional<int> digits(std::size_t n) {
        if (text_.size() - pos_ < n) return std::nullopt;
        const auto value = to_int(text_.substr(pos_, n));
        if (value) pos_ += n;
        return value;
    }

    std::size_t skip_digits() {
        const std::size_t start = pos_;
        while (!at_end() && is_digit(text_[pos_])) ++pos_;
        return pos_ - start;
    }

    std::size_t skip_spaces() {
        const std::size_t start = pos_;
        while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        return pos_ - start;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

/// "Z", "+01:00", "+0100", "+01"; absent means UTC.
std::optional<int> parse_iso_zone(Cursor& c) {
    if (c.at_end()) return 0;
    if (c.eat('Z') || c.eat('z')) return 0;
    int sign = 0;
    if (c.eat('+')) {
        sign = 1;
    } else if (c.eat('-')) {
        sign = -1;
    } else {
        return std::nullopt;
    }
    const auto hours = c.digits(2);
    if (!hours) return std::nullopt;
    std::optional<int> minutes = 0;
    if (c.eat(':') || is_digit(c.peek())) minutes = c.digits(2);
    if (!minutes) return std::nullopt;
    return make_offset(sign, *hours, *minutes);
}

/// "09:30", "09:30:00", "09:30:00.123", each optionally followed by a zone.
std::optional<Date> parse_iso_time(Cursor& c, Date date) {
    Clock clock;
    const auto hour = c.digits(2);
    if (!hour || !c.eat(':')) return std::nullopt;
    const auto minute = c.digits(2);
    if (!minute) return std::nullopt;
    clock.hour = *hour;
    clock.minute = *minute;
    if (c.eat(':')) {
        const auto second = c.digits(2);
        if (!second) return std::nullopt;
        clock.second = *second;
        // Sub-second precision is below what the index stores, so it is checked and dropped.
        if ((c.eat('.') || c.eat(',')) && c.skip_digits() == 0) return std::nullopt;
    }
    const auto offset = parse_iso_zone(c);
    if (!offset || !c.at_end()) return std::nullopt;
    return with_time(date, clock, *offset);
}

std::optional<Date> parse_compact(std::string_view text) {
    // Also the date slot's decoder (from_yyyymmdd).
    if (text.size() != 8) return std::nullopt;
    const auto year = to_int(text.substr(0, 4));
    const auto month = to_int(text.substr(4, 2));
    const auto day = to_int(text.substr(6, 2));
    if (!year || !month || !day) return std::nullopt;
    return make_date(*year, *month, *day);
}

std::optional<Date> parse_iso(std::string_view text) {
    Cursor c(text);
    const auto year = c.digits(4);
    if (!year) return std::nullopt;
    if (c.at_end()) return make_date(*year, 1, 1);
    if (is_digit(c.peek())) return parse_compact(text);
    if (!c.eat('-')) return std::nullopt;
    const auto month = c.digits(2);
    if (!month) return std::nullopt;
    if (c.at_end()) return make_date(*year, *month, 1);
    if (!c.eat('-')) return std::nullopt;
    const auto day = c.digits(2);
    if (!day) return std::nullopt;
    const auto date = make_date(*year, *month, *day);
    if (!date || c.at_end()) return date;
    if (!c.eat('T') && !c.eat('t') && c.skip_spaces() == 0) return std::nullopt;
    return parse_iso_time(c, *date);
}

// ---------------------------------------------------------------------------------------------
// RFC 822 and prose forms: free word order and optional punctuation, so they are tokenised
// first and then matched by a small recursive-descent grammar over the tokens.

enum class Kind { Number, Word, Punct };

struct Token {
    Kind kind;
    std::string_view text;
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        Kind kind = Kind::Punct;
        if (is_digit(c)) {
            kind = Kind::Number;
            while (end < text.size() && is_digit(text[end])) ++end;
        } else if (is_alpha(c)) {
            kind = Kind::Word;
            while (end < text.size() && is_alpha(text[end])) ++end;
        }
        tokens.push_back({kind, text.substr(i, end - i)});
        i = end;
    }
    return tokens;
}

std::optional<int> month_from_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (iequals(word, kMonths[i]) || iequals(word, kMonths[i].substr(0, 3))) {
            return static_cast<int>(i) + 1;
        }
    }
    if (iequals(word, "sept")) return 9;
    return std::nullopt;
}

bool is_weekday_name(std::string_view word) {
    static constexpr std::array<std::string_view, 7> kDays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (std::string_view day : kDays) {
        if (iequals(word, day) || iequals(word, day.substr(0, 3))) return true;
    }
    return iequals(word, "tues") || iequals(word, "thur") || iequals(word, "thurs");
}

std::optional<int> named_zone_offset(std::string_view word) {
    struct Zone {
        std::string_view name;
        int offset_minutes;
    };
    // RFC 822 section 5 names; the military single letters other than Z were never used
    // consistently (RFC 1123 notes their signs were specified backwards), so they are left out.
    static constexpr std::array<Zone, 12> kZones = {{{"UT", 0},
                                                     {"UTC", 0},
                                                     {"GMT", 0},
                                                     {"Z", 0},
                                                     {"EST", -5 * 60},
                                                     {"EDT", -4 * 60},
                                                     {"CST", -6 * 60},
                                                     {"CDT", -5 * 60},
                                                     {"MST", -7 * 60},
                                                     {"MDT", -6 * 60},
                                                     {"PST", -8 * 60},
                                                     {"PDT", -7 * 60}}};
    for (const Zone& zone : kZones) {
        if (iequals(word, zone.name)) return zone.offset_minutes;
    }
    return std::nullopt;
}

enum class Meridiem { None, Am, Pm };

class TokenParser {
public:
    explicit TokenParser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    std::optional<Date> parse() {
        const bool had_weekday = eat_weekday();
        if (had_weekday) eat_punct(',');
        const Token* first = peek();
        if (first == nullptr) return std::nullopt;
        if (first->kind == Kind::Number) return finish(parse_day_first());
        if (!had_weekday && is_partial()) return parse_month_year();
        return finish(parse_month_first());
    }

private:
    const Token* peek(std::size_t ahead = 0) const {
        return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
    }
    bool at_end() const { return pos_ >= tokens_.size(); }

    bool eat_punct(char c) {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Punct || t->text[0] != c) return false;
        ++pos_;
        return true;
    }

    bool eat_word(std::string_view word) {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Word || !iequals(t->text, word)) return false;
        ++pos_;
        return true;
    }

    std::optional<int> eat_number(std::size_t min_len, std::size_t max_len) {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Number) return std::nullopt;
        if (t->text.size() < min_len || t->text.size() > max_len) return std::nullopt;
        ++pos_;
        return to_int(t->text);
    }

    bool eat_weekday() {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Word || !is_weekday_name(t->text)) return false;
        ++pos_;
        return true;
    }

    std::optional<int> eat_month() {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Word) return std::nullopt;
        const auto month = month_from_name(t->text);
        if (!month) return std::nullopt;
        ++pos_;
        eat_punct('.');  // AP style abbreviates with a full stop: "Sept. 5, 2024".
        return month;
    }

    void skip_ordinal_suffix() {
        if (!eat_word("st") && !eat_word("nd") && !eat_word("rd")) eat_word("th");
    }

    // Two-digit years follow RFC 822's century rule; elsewhere they are too ambiguous to accept.
    std::optional<int> eat_year(bool allow_two_digits) {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Number) return std::nullopt;
        if (t->text.size() == 4) return eat_number(4, 4);
        if (!allow_two_digits || t->text.size() != 2) return std::nullopt;
        const auto yy = eat_number(2, 2);
        if (!yy) return std::nullopt;
        return *yy < 70 ? 2000 + *yy : 1900 + *yy;
    }

    /// "March 2024" (a 4-digit number right after the month) rather than "March 5, 2024".
    bool is_partial() const {
        std::size_t ahead = 1;
        const Token* t = peek(ahead);
        while (t != nullptr && t->kind == Kind::Punct && (t->text[0] == '.' || t->text[0] == ',')) {
            t = peek(++ahead);
        }
        return t != nullptr && t->kind == Kind::Number && t->text.size() == 4;
    }

    std::optional<Date> parse_month_year() {
        const auto month = eat_month();
        eat_punct(',');
        const auto year = eat_year(false);
        if (!month || !year || !at_end()) return std::nullopt;
        return make_date(*year, *month, 1);
    }

    /// "05 Mar 2024", "5th March 2024", "5th of March, 2024".
    std::optional<Date> parse_day_first() {
        const auto day = eat_number(1, 2);
        if (!day) return std::nullopt;
        skip_ordinal_suffix();
        eat_word("of");
        const auto month = eat_month();
        if (!month) return std::nullopt;
        eat_punct(',');
        const auto year = eat_year(true);
        if (!year) return std::nullopt;
        return make_date(*year, *month, *day);
    }

    /// "March 5, 2024", "March 5th 2024".
    std::optional<Date> parse_month_first() {
        const auto month = eat_month();
        if (!month) return std::nullopt;
        const auto day = eat_number(1, 2);
        if (!day) return std::nullopt;
        skip_ordinal_suffix();
        eat_punct(',');
        const auto year = eat_year(false);
        if (!year) return std::nullopt;
        return make_date(*year, *month, *day);
    }

    /// The optional time (and zone) after a full date; anything else left over is garbage.
    std::optional<Date> finish(std::optional<Date> date) {
        if (!date || at_end()) return date;
        if (!eat_punct(',')) eat_word("at");
        const auto clock = parse_clock();
        if (!clock) return std::nullopt;
        std::optional<int> offset = 0;
        if (!at_end()) offset = parse_zone();
        if (!offset) return std::nullopt;
        skip_zone_comment();
        if (!at_end()) return std::nullopt;
        return with_time(*date, *clock, *offset);
    }

    /// "09:30", "09:30:00", "9.30am", "9:30 p.m.", "9pm".
    std::optional<Clock> parse_clock() {
        const auto hour = eat_number(1, 2);
        if (!hour) return std::nullopt;
        Clock clock;
        clock.hour = *hour;
        bool has_minutes = false;
        if (eat_punct(':')) {
            if (!parse_minutes_seconds(clock)) return std::nullopt;
            has_minutes = true;
        } else if (eat_punct('.')) {
            const auto minute = eat_number(2, 2);
            if (!minute) return std::nullopt;
            clock.minute = *minute;
            has_minutes = true;
        }
        const Meridiem meridiem = eat_meridiem();
        // A bare number after the date could be anything; only a separator or am/pm makes it a time.
        if (meridiem == Meridiem::None) {
            if (!has_minutes) return std::nullopt;
            return clock;
        }
        if (clock.hour < 1 || clock.hour > 12) return std::nullopt;
        clock.hour = clock.hour % 12 + (meridiem == Meridiem::Pm ? 12 : 0);
        return clock;
    }

    bool parse_minutes_seconds(Clock& clock) {
        const auto minute = eat_number(2, 2);
        if (!minute) return false;
        clock.minute = *minute;
        if (!eat_punct(':')) return true;
        const auto second = eat_number(2, 2);
        if (!second) return false;
        clock.second = *second;
        if (!eat_punct('.')) return true;
        // Fractions are dropped, so their length is irrelevant; only their presence is checked.
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Number) return false;
        ++pos_;
        return true;
    }

    Meridiem eat_meridiem() {
        if (eat_word("am")) return Meridiem::Am;
        if (eat_word("pm")) return Meridiem::Pm;
        // "a.m." tokenises as a . m . and is only a meridiem when every piece is there.
        const Token* letter = peek();
        const Token* dot = peek(1);
        const Token* m = peek(2);
        if (letter == nullptr || dot == nullptr || m == nullptr) return Meridiem::None;
        if (letter->kind != Kind::Word || dot->kind != Kind::Punct || dot->text[0] != '.' ||
            m->kind != Kind::Word || !iequals(m->text, "m")) {
            return Meridiem::None;
        }
        Meridiem result = Meridiem::None;
        if (iequals(letter->text, "a")) result = Meridiem::Am;
        if (iequals(letter->text, "p")) result = Meridiem::Pm;
        if (result == Meridiem::None) return result;
        pos_ += 3;
        eat_punct('.');
        return result;
    }

    /// "+0100", "-05:00", "GMT", "EST".
    std::optional<int> parse_zone() {
        const Token* t = peek();
        if (t == nullptr) return std::nullopt;
        if (t->kind == Kind::Word) {
            const auto offset = named_zone_offset(t->text);
            if (offset) ++pos_;
            return offset;
        }
        int sign = 0;
        if (eat_punct('+')) {
            sign = 1;
        } else if (eat_punct('-')) {
            sign = -1;
        } else {
            return std::nullopt;
        }
        return parse_numeric_offset(sign);
    }

    std::optional<int> parse_numeric_offset(int sign) {
        const Token* t = peek();
        if (t == nullptr || t->kind != Kind::Number) return std::nullopt;
        if (t->text.size() == 4) {
            ++pos_;
            const auto hours = to_int(t->text.substr(0, 2));
            const auto minutes = to_int(t->text.substr(2, 2));
            if (!hours || !minutes) return std::nullopt;
            return make_offset(sign, *hours, *minutes);
        }
        const auto hours = eat_number(2, 2);
        if (!hours || !eat_punct(':')) return std::nullopt;
        const auto minutes = eat_number(2, 2);
        if (!minutes) return std::nullopt;
        return make_offset(sign, *hours, *minutes);
    }

    /// Mail clients append the zone's name after the offset: "+0000 (UTC)".
    void skip_zone_comment() {
        const Token* open = peek();
        const Token* name = peek(1);
        const Token* close = peek(2);
        if (open == nullptr || name == nullptr || close == nullptr) return;
        if (open->kind == Kind::Punct && open->text[0] == '(' && name->kind == Kind::Word &&
            close->kind == Kind::Punct && close->text[0] == ')') {
            pos_ += 3;
        }
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

}  // namespace

bool is_valid_date(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear) return false;
    if (month < 1 || month > 12) return false;
    return day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_date(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (auto iso = parse_iso(text)) return iso;
    return TokenParser(tokenize(text)).parse();
}

std::string to_iso(const Date& d) {
    std::string out;
    out.reserve(20);
    append_padded(out, d.year, 4);
    out += '-';
    append_padded(out, d.month, 2);
    out += '-';
    append_padded(out, d.day, 2);
    if (!d.has_time) return out;
    out += 'T';
    append_padded(out, d.hour, 2);
    out += ':';
    append_padded(out, d.minute, 2);
    out += ':';
    append_padded(out, d.second, 2);
    out += 'Z';
    return out;
}

std::string to_yyyymmdd(const Date& d) {
    std::string out;
    out.reserve(8);
    append_padded(out, d.year, 4);
    append_padded(out, d.month, 2);
    append_padded(out, d.day, 2);
    return out;
}

std::optional<Date> from_yyyymmdd(std::string_view value) { return parse_compact(value); }

long long days_since_epoch(const Date& d) {
    const std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                          std::chrono::day{static_cast<unsigned>(d.day)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Date from_time_t(std::time_t t) {
    std::tm tm{};
    // tm_year is an int offset from 1900, so adding 1900 back could overflow near INT_MAX.
    if (gmtime_r(&t, &tm) == nullptr || tm.tm_year > INT_MAX - 1900) return Date{};
    Date d;
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minute = tm.tm_min;
    // gmtime_r may report a leap second as 60, which no other part of the index expects.
    d.second = tm.tm_sec > 59 ? 59 : tm.tm_sec;
    d.has_time = true;
    return d;
}

}  // namespace newsdex
