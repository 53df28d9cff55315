#include "core/search/query_syntax.h"

#include <algorithm>
#include <array>

#include "core/schema.h"
#include "core/text/utf8.h"

namespace newsdex {

namespace {

using Kind = QueryToken::Kind;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Byte length of the quotation mark at text[i], or 0. The query parser reads `"` and the
/// curly quotes U+201C/U+201D as phrase quotes (not U+201E „).
std::size_t quote_length(std::string_view text, std::size_t i) {
    if (text[i] == '"') return 1;
    const std::string_view rest = text.substr(i, 3);
    return rest == "\xE2\x80\x9C" || rest == "\xE2\x80\x9D" ? 3 : 0;
}

/// The field named by text (exact case: the query parser's prefixes are case-sensitive).
const schema::QueryField* find_field(std::string_view name) {
    for (const auto& field : schema::kQueryFields)
        if (field.name == name) return &field;
    return nullptr;
}

bool is_field_name(std::string_view name) { return name == schema::kDateField || find_field(name) != nullptr; }

/// Fields whose groups the query parser handles itself (`title:(a OR b)`); the others
/// are boolean filters, for which it reads `(a` as the value.
bool parser_handles_groups(std::string_view name) {
    const auto* field = find_field(name);
    return field && field->kind == schema::FieldKind::Text;
}

/// "AND", "NEAR/5", ...: the operator a word is, or "" for none. Throws for NEAR/x.
std::string upper_case_operator(std::string_view query, const QueryToken& t, std::string_view word) {
    static constexpr std::array<std::string_view, 4> kPlain{"AND", "OR", "NOT", "XOR"};
    if (std::find(kPlain.begin(), kPlain.end(), word) != kPlain.end()) return std::string(word);
    if (word == "&&" || word == "||") return word == "&&" ? "AND" : "OR";  // Lucene's spellings
    for (std::string_view op : {std::string_view("NEAR"), std::string_view("ADJ")}) {
        if (word == op) return std::string(op);
        if (word.size() > op.size() && word.substr(0, op.size()) == op && word[op.size()] == '/') {
            const std::string_view n = word.substr(op.size() + 1);
            const bool number = !n.empty() && n.size() <= 4 && n.find_first_not_of("0123456789") == std::string_view::npos;
            if (!number || n.find_first_not_of('0') == std::string_view::npos)
                throw query_error(query, std::string(word) + " at " + character_at(query, t.begin) +
                                             " needs a distance of 1 to 9999 words, e.g. " + std::string(op) + "/5");
            return std::string(word);
        }
    }
    return {};
}

std::string_view value_of(std::string_view text, const QueryToken& t) { return text.substr(t.value, t.end - t.value); }

class Lexer {
  public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<QueryToken> run() {
        if (!is_valid_utf8(text_))
            throw Error(ErrorKind::Query, "malformed query: it is not valid UTF-8 (check the terminal's encoding)");
        if (utf8_length(text_) > kMaxQueryChars)
            throw query_error(text_, "too long: " + std::to_string(utf8_length(text_)) + " characters, at most " +
                                         std::to_string(kMaxQueryChars) + " are searched");
        for (;;) {
            while (i_ < text_.size() && is_space(text_[i_])) ++i_;
            if (i_ >= text_.size()) break;
            if (text_[i_] == '(') {
                open(i_, i_ + 1, 0, "");
            } else if (text_[i_] == ')') {
                close();
            } else {
                item();
            }
        }
        if (!groups_.empty())
            fail(groups_.back().begin, "the ( at " + character_at(text_, groups_.back().paren) + " is never closed");
        return std::move(tokens_);
    }

  private:
    struct Group {
        std::size_t begin;  // the token (with sign and field)
        std::size_t paren;  // the "(" itself
        std::string field;
    };

    [[noreturn]] void fail(std::size_t, const std::string& problem) const { throw query_error(text_, problem); }

    std::string enclosing_field() const {
        for (auto it = groups_.rbegin(); it != groups_.rend(); ++it)
            if (!it->field.empty()) return it->field;
        return {};
    }

    void open(std::size_t begin, std::size_t end, char sign, const std::string& field) {
        QueryToken t;
        t.kind = Kind::Open;
        t.begin = begin;
        t.end = t.value = end;
        t.sign = sign;
        t.field = field;
        t.group_field = enclosing_field();
        tokens_.push_back(std::move(t));
        groups_.push_back({begin, end - 1, field});
        i_ = end;
    }

    void close() {
        if (groups_.empty()) fail(i_, "the ) at " + character_at(text_, i_) + " has no ( before it");
        if (!tokens_.empty() && tokens_.back().kind == Kind::Open)
            fail(i_, "the parentheses at " + character_at(text_, groups_.back().paren) + " hold nothing");
        groups_.pop_back();
        QueryToken t;
        t.kind = Kind::Close;
        t.begin = t.value = i_;
        t.end = ++i_;
        t.group_field = enclosing_field();
        tokens_.push_back(std::move(t));
    }

    void item() {
        const std::size_t begin = i_;
        char sign = 0;
        // Lucene's `!Taurus` is `-Taurus`.
        if (const char c = text_[i_]; c == '+' || c == '-' || c == '~' || c == '!') {
            if (i_ + 1 >= text_.size() || is_space(text_[i_ + 1])) {  // a lone sign: the parser ignores it
                ++i_;
                return;
            }
            sign = c == '!' ? '-' : c;
            ++i_;
        }
        std::string field;
        std::size_t j = i_;
        while (j < text_.size() && is_ascii_letter(text_[j])) ++j;
        if (j > i_ && j < text_.size() && text_[j] == ':' && is_field_name(text_.substr(i_, j - i_))) {
            field = std::string(text_.substr(i_, j - i_));
            i_ = j + 1;
            if (i_ >= text_.size() || is_space(text_[i_]) || text_[i_] == ')')
                fail(begin, field + ": at " + character_at(text_, begin) + " has no value (write " + field +
                                ":WORD or " + field + ":\"SOME WORDS\", with no space after the colon)");
            if (text_[i_] == '(') {
                open(begin, i_ + 1, sign, field);
                return;
            }
        }
        QueryToken t;
        t.begin = begin;
        t.value = i_;
        t.sign = sign;
        t.field = field;
        t.group_field = enclosing_field();
        if (const std::size_t q = quote_length(text_, i_)) {
            std::size_t k = i_ + q;
            while (k < text_.size() && quote_length(text_, k) == 0) ++k;
            if (k >= text_.size())
                fail(i_, "the quotation mark at " + character_at(text_, i_) +
                             " is never closed (add a closing \" after the phrase)");
            i_ = k + quote_length(text_, k);
            const std::string_view inside = text_.substr(t.value + q, k - t.value - q);
            if (inside.find_first_not_of(" \t\n\r") == std::string_view::npos) {
                if (!field.empty()) fail(begin, field + ": at " + character_at(text_, begin) + " has no value");
                return;  // "" is nothing to search for; the parser skips it too
            }
            t.kind = Kind::Phrase;
            t.end = i_;
            tokens_.push_back(std::move(t));
            return;
        }
        while (i_ < text_.size() && !is_space(text_[i_]) && text_[i_] != '(' && text_[i_] != ')' &&
               quote_length(text_, i_) == 0)
            ++i_;
        t.kind = Kind::Word;
        t.end = i_;
        const std::string_view word = value_of(text_, t);
        if (word.empty()) return;  // "+(" and the like: only the group counts
        if (word.find_first_not_of('*') == std::string_view::npos)
            fail(t.value, "the * at " + character_at(text_, t.value) +
                              " needs the start of a word before it, e.g. inter*");
        if (word.back() == '*' && ++wildcards_ > kMaxWildcards)
            fail(t.value, "more than " + std::to_string(kMaxWildcards) + " wildcards (the one at " +
                              character_at(text_, t.value) + " is one too many)");
        tokens_.push_back(std::move(t));
    }

    std::string_view text_;
    std::size_t i_ = 0;
    std::size_t wildcards_ = 0;
    std::vector<Group> groups_;
    std::vector<QueryToken> tokens_;
};

bool ends_operand(const QueryToken* t) {
    return t && (t->kind == Kind::Word || t->kind == Kind::Phrase || t->kind == Kind::Close);
}
bool starts_operand(const QueryToken* t) {
    return t && (t->kind == Kind::Word || t->kind == Kind::Phrase || t->kind == Kind::Open);
}
bool is_plain_word(std::string_view text, const QueryToken& t, std::string_view word) {
    return t.kind == Kind::Word && t.sign == 0 && t.field.empty() && value_of(text, t) == word;
}

/// Marks upper-case operators, and lower-case and/or (between two operands) and not
/// (right after such an operator) that cannot be meant as words.
void find_operators(std::string_view text, std::vector<QueryToken>& tokens) {
    for (auto& t : tokens)
        if (t.kind == Kind::Word && t.sign == 0 && t.field.empty())
            if (auto op = upper_case_operator(text, t, value_of(text, t)); !op.empty()) {
                t.kind = Kind::Operator;
                t.op = std::move(op);
            }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken* prev = i > 0 ? &tokens[i - 1] : nullptr;
        const QueryToken* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
        QueryToken& t = tokens[i];
        for (std::string_view word : {"and", "or"}) {
            if (!is_plain_word(text, t, word) || !ends_operand(prev)) continue;
            const bool then_not = next && is_plain_word(text, *next, "not") && i + 2 < tokens.size() &&
                                  starts_operand(&tokens[i + 2]);
            if (!starts_operand(next) && !then_not) continue;
            t.kind = Kind::Operator;
            t.op = word == "and" ? "AND" : "OR";
            if (then_not) {
                tokens[i + 1].kind = Kind::Operator;
                tokens[i + 1].op = "NOT";
            }
        }
    }
}

void check_operators(std::string_view text, const std::vector<QueryToken>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& t = tokens[i];
        if (t.kind != Kind::Operator) continue;
        const QueryToken* prev = i > 0 ? &tokens[i - 1] : nullptr;
        const QueryToken* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
        const std::string name = value_of(text, t) == t.op ? t.op : std::string(value_of(text, t));
        const std::string where = name + " at " + character_at(text, t.begin);
        const bool is_not = t.op == "NOT";
        const bool after_operator = prev && prev->kind == Kind::Operator;
        if (!is_not && !ends_operand(prev))
            throw query_error(text, where + (after_operator ? " follows another operator" : " has nothing before it"));
        if (is_not && after_operator && prev->op == "NOT")
            throw query_error(text, where + " follows another NOT");
        const bool not_follows = next && next->kind == Kind::Operator && next->op == "NOT" &&
                                 (t.op == "AND" || t.op == "OR");
        if (!starts_operand(next) && !not_follows)
            throw query_error(text, where + (next && next->kind == Kind::Operator ? " is followed by another operator"
                                                                                   : " has nothing after it"));
        if (t.op.starts_with("NEAR") || t.op.starts_with("ADJ")) {
            const bool words = prev->kind == Kind::Word && next && next->kind == Kind::Word && prev->sign == 0 &&
                               next->sign == 0;
            if (!words)
                throw query_error(text, where + " joins single words only, e.g. Scholz " + t.op +
                                            " Taurus (not phrases, groups or -words)");
        }
    }
}

/// For a field:( group at tokens[open] holding only unsigned words and phrases, joined by
/// OR or nothing: the index of its `)`. Otherwise 0.
std::size_t simple_group_end(std::string_view text, const std::vector<QueryToken>& tokens, std::size_t open) {
    for (std::size_t k = open + 1; k < tokens.size(); ++k) {
        const QueryToken& t = tokens[k];
        if (t.kind == Kind::Close) return k;
        const bool alternative = (t.kind == Kind::Word || t.kind == Kind::Phrase) && t.sign == 0 && t.field.empty() &&
                                 value_of(text, t).find('*') == std::string_view::npos;
        if (!alternative && !(t.kind == Kind::Operator && t.op == "OR")) return 0;
    }
    return 0;
}

/// For a plain ( group at tokens[open] holding only unsigned terms of one filter field,
/// joined by OR or nothing (`(author:a OR author:b)`): the index of its `)`. Otherwise 0.
std::size_t same_filter_group_end(std::string_view text, const std::vector<QueryToken>& tokens, std::size_t open) {
    std::string field;
    for (std::size_t k = open + 1; k < tokens.size(); ++k) {
        const QueryToken& t = tokens[k];
        if (t.kind == Kind::Close) return field.empty() ? 0 : k;
        if (t.kind == Kind::Operator && t.op == "OR") continue;
        const bool term = (t.kind == Kind::Word || t.kind == Kind::Phrase) && t.sign == 0 && !t.field.empty() &&
                          !parser_handles_groups(t.field) && value_of(text, t).find('*') == std::string_view::npos;
        if (!term || (!field.empty() && t.field != field)) return 0;
        field = t.field;
    }
    return 0;
}

/// The query text rebuilt from its tokens: operators upper-cased, filter-field groups
/// spread over their terms, and (drop_signs) the signs of excluded terms removed.
std::string rebuild(std::string_view text, const std::vector<QueryToken>& tokens, bool drop_signs) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& t = tokens[i];
        out += text.substr(pos, t.begin - pos);
        pos = t.end;
        const bool spread = t.field.empty() && !t.group_field.empty() && !parser_handles_groups(t.group_field);
        const std::string sign = t.sign && !(drop_signs && t.sign == '-') ? std::string(1, t.sign) : "";
        switch (t.kind) {
            case Kind::Operator:
                out += t.op;
                break;
            case Kind::Open:
                if (const std::size_t typed_out = t.field.empty() && t.sign == 0 ? same_filter_group_end(text, tokens, i) : 0;
                    typed_out != 0) {
                    // `(author:a OR author:b)` typed out: the same plain list of alternatives.
                    for (std::size_t k = i + 1; k < typed_out; ++k) {
                        if (tokens[k].kind == Kind::Operator) continue;
                        out += (k == i + 1 ? "" : " ") + std::string(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
                    }
                    i = typed_out;
                    pos = tokens[typed_out].end;
                } else if (t.field.empty() || parser_handles_groups(t.field)) {
                    out += text.substr(t.begin, t.end - t.begin);
                } else if (const std::size_t close = simple_group_end(text, tokens, i); close != 0) {
                    // A plain list of alternatives: `author:a author:b` is how the parser ORs
                    // filters while keeping them filters; brackets would make them optional
                    // in the search for partial matches.
                    for (std::size_t k = i + 1; k < close; ++k) {
                        if (tokens[k].kind == Kind::Operator) continue;
                        out += (k == i + 1 ? "" : " ") + sign + t.field + ":" + std::string(value_of(text, tokens[k]));
                    }
                    i = close;
                    pos = tokens[close].end;
                } else {
                    out += sign + "(";
                }
                break;
            case Kind::Word:
            case Kind::Phrase:
                out += sign;
                if (spread) out += t.group_field + ":";
                else if (!t.field.empty()) out += t.field + ":";
                out += value_of(text, t);
                break;
            case Kind::Close:
                out += ')';
                break;
        }
    }
    out += text.substr(pos);
    return out;
}

}  // namespace

std::string character_at(std::string_view text, std::size_t byte) {
    return "character " + std::to_string(utf8_length(text.substr(0, std::min(byte, text.size()))) + 1);
}

Error query_error(std::string_view query, const std::string& problem) {
    constexpr std::size_t kShown = 60;
    std::string shown(query);
    if (utf8_length(query) > kShown + 10) shown = std::string(utf8_prefix(query, kShown)) + "\xE2\x80\xA6";
    return Error(ErrorKind::Query, "malformed query \"" + shown + "\": " + problem);
}

std::vector<QueryToken> lex_query(std::string_view text) {
    auto tokens = Lexer(text).run();
    find_operators(text, tokens);
    return tokens;
}

CheckedQuery check_query(std::string_view text) {
    const auto tokens = lex_query(text);
    check_operators(text, tokens);

    CheckedQuery checked;
    std::size_t terms = 0, excluded = 0;
    bool structure = false;
    for (const auto& t : tokens) {
        if (t.kind == Kind::Word || t.kind == Kind::Phrase) {
            ++terms;
            excluded += t.sign == '-';
        } else {
            structure = true;
        }
        if (t.kind == Kind::Operator && value_of(text, t) != t.op)
            checked.notes.push_back((is_ascii_letter(text[t.begin]) ? "lower-case \"" : "\"") +
                                    std::string(value_of(text, t)) + "\" at " + character_at(text, t.begin) +
                                    " was read as the operator " + t.op);
        if (t.sign == '-' && text[t.begin] == '!')
            checked.notes.push_back("\"!\" at " + character_at(text, t.begin) + " was read as \"-\": without " +
                                    std::string(text.substr(t.value, t.end - t.value)));
    }
    if (terms == 0) throw query_error(text, "there is no word to search for");
    checked.text = rebuild(text, tokens, false);
    if (excluded == terms && !structure) {
        checked.only_excluded = true;
        checked.excluded = rebuild(text, tokens, true);
    }
    return checked;
}

}  // namespace newsdex
