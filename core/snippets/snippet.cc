#include "core/snippets/snippet.h"

#include <algorithm>

#include "core/snippets/match_finder.h"
#include "core/snippets/passages.h"
#include "core/snippets/query_patterns.h"
#include "core/snippets/sentences.h"
#include "core/snippets/word_tokenizer.h"

namespace newsdex {

namespace {

/// Articles are read whole up to this size; past it, the scan stops at the next paragraph
/// once a passage could show every query term (what more text could offer is repeats).
constexpr std::size_t kSettleBytes = 64 * 1024;

void append(MarkedText& out, std::string_view text, bool match) {
    if (text.empty()) return;
    if (!out.empty() && !match && !out.back().match)
        out.back().text += text;
    else
        out.push_back(Span{std::string(text), match});
}

/// text[begin, end) with the matches that lie wholly inside it marked; overlapping
/// matches (a word inside a phrase that also matched) become one mark.
MarkedText mark(std::string_view text, std::size_t begin, std::size_t end, const std::vector<snippets::Match>& matches) {
    MarkedText out;
    auto it = std::lower_bound(matches.begin(), matches.end(), begin,
                               [](const snippets::Match& m, std::size_t b) { return m.begin < b; });
    std::size_t pos = begin;
    while (it != matches.end() && it->begin < end) {
        if (it->end > end) {
            ++it;
            continue;
        }
        std::size_t mark_begin = it->begin, mark_end = it->end;
        for (++it; it != matches.end() && it->begin < mark_end; ++it)
            if (it->end <= end) mark_end = std::max(mark_end, it->end);
        append(out, text.substr(pos, mark_begin - pos), false);
        append(out, text.substr(mark_begin, mark_end - mark_begin), true);
        pos = mark_end;
    }
    append(out, text.substr(pos, end - pos), false);
    return out;
}

Fragment make_fragment(std::string_view text, const snippets::Passage& p, const std::vector<snippets::Match>& matches) {
    Fragment f;
    f.text = mark(text, p.begin, p.end, matches);
    f.offset = p.begin;
    f.char_offset = snippets::count_chars(text.substr(0, p.begin));
    f.elided_before = p.cut_before;
    f.elided_after = p.cut_after;
    return f;
}

}  // namespace

std::string plain_text(const MarkedText& marked) {
    std::string out;
    for (const auto& s : marked) out += s.text;
    return out;
}

MarkedText join_fragments(const std::vector<Fragment>& fragments) {
    MarkedText out;
    for (std::size_t i = 0; i < fragments.size(); ++i) {
        const Fragment& f = fragments[i];
        if (i > 0)
            append(out, " " + std::string(kEllipsis) + " ", false);
        else if (f.elided_before)
            append(out, kEllipsis, false);
        for (const auto& span : f.text) append(out, span.text, span.match);
        if (i + 1 == fragments.size() && f.elided_after) append(out, kEllipsis, false);
    }
    return out;
}

struct SnippetMaker::Impl {
    Impl(const Xapian::Query& query, const Xapian::Stem& stemmer, const Xapian::Database* db, SnippetOptions opts)
        : finder(snippets::analyse_query(query, db), stemmer), options(opts) {}

    snippets::MatchFinder finder;
    SnippetOptions options;
};

SnippetMaker::SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer, const Xapian::Database* db,
                           SnippetOptions options)
    : impl_(std::make_unique<Impl>(query, stemmer, db, options)) {}
SnippetMaker::~SnippetMaker() = default;
SnippetMaker::SnippetMaker(SnippetMaker&&) noexcept = default;
SnippetMaker& SnippetMaker::operator=(SnippetMaker&&) noexcept = default;

const SnippetOptions& SnippetMaker::options() const { return impl_->options; }

Snippet SnippetMaker::body(std::string_view text) const {
    const SnippetOptions& o = impl_->options;
    snippets::ScanLimits limits;
    limits.limit = snippets::char_floor(text, std::min(text.size(), o.max_scan_bytes));
    limits.settle_after = kSettleBytes;
    limits.window = o.fragment_chars;
    std::size_t scanned = 0;
    const auto matches = impl_->finder.find(text, snippets::Field::Body, limits, &scanned);
    const auto sentences = snippets::split_sentences(text, scanned);
    Snippet snippet;
    if (!matches.empty()) {
        const snippets::PassageOptions passage_options{o.fragments, o.fragment_chars};
        for (const auto& p : snippets::choose_passages(text, sentences, matches, impl_->finder.patterns(), passage_options))
            snippet.fragments.push_back(make_fragment(text, p, matches));
    }
    if (snippet.fragments.empty()) {
        // Only the title or the author matched (or a match lay past the scan limit).
        snippet.from_lead = true;
        const auto lead = snippets::lead_passage(text, sentences, o.fragments * o.fragment_chars);
        if (lead.end > lead.begin) snippet.fragments.push_back(make_fragment(text, lead, {}));
    }
    return snippet;
}

MarkedText SnippetMaker::title(std::string_view title) const {
    return mark(title, 0, title.size(), impl_->finder.find(title, snippets::Field::Title));
}

}  // namespace newsdex
