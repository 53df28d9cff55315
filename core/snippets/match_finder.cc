#include "core/snippets/match_finder.h"

#include <algorithm>
#include <deque>

#include "core/snippets/word_tokenizer.h"

namespace newsdex::snippets {

namespace {

/// Cached word results are dropped past this many distinct words, so one huge article
/// cannot make a searcher hold its whole vocabulary.
constexpr std::size_t kMaxCachedWords = 200000;

/// Phrases and NEAR groups longer than this many positions are matched as if this long;
/// it bounds the words kept in memory while scanning.
constexpr Xapian::termcount kMaxWindow = 64;

/// TermGenerator (STEM_SOME) stems only words that start with a letter.
bool should_stem(const std::string& term) {
    const unsigned first = decode_at(term, 0).value;
    if (first < 0x80) return first >= 'a' && first <= 'z';
    switch (Xapian::Unicode::get_category(first)) {
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
            return true;
        default:
            return false;
    }
}

/// Whether every word that `stemmer` reduces to a stem starts with that stem's first
/// characters but three (at least its first character): true of the English stemmers,
/// which only rewrite a word's ending (checked on the 175,000 words of the benchmark's
/// news corpus and in the unit tests). Other languages' stemmers drop accents anywhere
/// (German, Dutch, Spanish) or rewrite whole words (Turkish), so they get no such shortcut.
bool stems_keep_prefix(const Xapian::Stem& stemmer) {
    const std::string d = stemmer.get_description();
    return d == "Xapian::Stem(english)" || d == "Xapian::Stem(porter)" || d == "Xapian::Stem(earlyenglish)";
}

/// The part of `stem` that every word stemmed to it starts with (see stems_keep_prefix).
std::string_view kept_prefix(std::string_view stem) {
    std::size_t first = 1;  // bytes of the first UTF-8 character
    while (first < stem.size() && (static_cast<unsigned char>(stem[first]) & 0xC0) == 0x80) ++first;
    return stem.substr(0, std::max(first, stem.size() > 3 ? stem.size() - 3 : 0));
}

}  // namespace

MatchFinder::MatchFinder(std::vector<Pattern> patterns, Xapian::Stem stemmer)
    : patterns_(std::move(patterns)), stemmer_(std::move(stemmer)), prefix_shortcut_(stems_keep_prefix(stemmer_)) {
    for (const auto& p : patterns_) {
        if (p.kind != Pattern::Kind::Word) max_window_ = std::max(max_window_, std::min(p.window, kMaxWindow));
        for (const auto& slot : p.slots)
            for (const auto& t : slot) any_stem_ |= t.kind == WordTest::Kind::Stem;
    }
}

const std::vector<MatchFinder::SlotHit>& MatchFinder::slots_of(const std::string& term) const {
    if (auto it = cache_.find(term); it != cache_.end()) return it->second;
    std::vector<SlotHit> hits;
    std::string stem;
    bool stemmed = false;
    for (std::uint32_t p = 0; p < patterns_.size(); ++p) {
        const auto& slots = patterns_[p].slots;
        for (std::uint32_t s = 0; s < slots.size(); ++s) {
            for (const auto& test : slots[s]) {
                bool ok = false;
                switch (test.kind) {
                    case WordTest::Kind::Exact: ok = term == test.text; break;
                    case WordTest::Kind::Prefix: ok = term.starts_with(test.text); break;
                    case WordTest::Kind::Stem:
                        // Stemming is most of the cost of matching a word: skip words that
                        // cannot have this stem (most of an article's words).
                        if (prefix_shortcut_ && !term.starts_with(kept_prefix(test.text))) break;
                        if (!stemmed) {
                            stem = any_stem_ && should_stem(term) ? stemmer_(term) : std::string();
                            stemmed = true;
                        }
                        ok = !stem.empty() && stem == test.text;
                        break;
                }
                if (!ok) continue;
                auto same = std::find_if(hits.begin(), hits.end(),
                                         [&](const SlotHit& h) { return h.pattern == p && h.slot == s; });
                if (same == hits.end())
                    hits.push_back({p, s, test.title_only});
                else
                    same->title_only = same->title_only && test.title_only;
            }
        }
    }
    return cache_.emplace(term, std::move(hits)).first->second;
}

std::vector<Match> MatchFinder::find(std::string_view text, Field field, const ScanLimits& limits,
                                     std::size_t* scanned_to) const {
    if (scanned_to) *scanned_to = std::min(text.size(), limits.limit);
    if (patterns_.empty()) return {};
    if (cache_.size() > kMaxCachedWords) cache_.clear();

    // Matched words of the current paragraph within the widest window, oldest first.
    struct Recent {
        Xapian::termpos pos;
        std::size_t begin, end;
        const std::vector<SlotHit>* hits;
    };
    std::deque<Recent> recent;
    auto satisfies = [&](const Recent& r, std::uint32_t pattern, std::uint32_t slot) {
        for (const auto& h : *r.hits)
            if (h.pattern == pattern && h.slot == slot && (field == Field::Title || !h.title_only)) return true;
        return false;
    };

    std::vector<Match> positive, excluded;
    // The latest occurrence of each positive pattern that can occur here, for stopping early.
    std::vector<std::pair<std::size_t, std::size_t>> latest(patterns_.size(), {0, 0});
    std::vector<bool> seen(patterns_.size(), false);
    std::size_t wanted = 0, seen_count = 0;
    for (const auto& p : patterns_) wanted += !p.excluded && (field == Field::Title || !p.title_only());
    auto emit = [&](std::uint32_t pattern, std::size_t begin, std::size_t end) {
        if (patterns_[pattern].excluded) {
            excluded.push_back({begin, end, pattern});
            return;
        }
        positive.push_back({begin, end, pattern});
        latest[pattern] = {begin, end};
        if (!seen[pattern]) {
            seen[pattern] = true;
            ++seen_count;
        }
    };
    auto all_within_window = [&] {
        if (seen_count < wanted || wanted == 0) return false;
        std::size_t first = std::string_view::npos, last = 0;
        for (std::size_t p = 0; p < patterns_.size(); ++p)
            if (seen[p]) {
                first = std::min(first, latest[p].first);
                last = std::max(last, latest[p].second);
            }
        return last - first <= limits.window;
    };

    WordTokenizer words(text);
    Word w;
    Xapian::termpos pos = 0;
    std::vector<const Recent*> group;
    while (words.next(w)) {
        if (w.begin >= limits.limit) break;
        if (w.newline_before) {
            if (w.begin >= limits.settle_after && all_within_window()) {
                if (scanned_to) *scanned_to = w.begin;
                break;
            }
            recent.clear();
        }
        if (!w.indexed()) continue;  // TermGenerator skips it without a position
        ++pos;
        while (!recent.empty() && pos - recent.front().pos >= max_window_) recent.pop_front();
        const auto& hits = slots_of(w.term);
        bool matched = false;
        for (const auto& h : hits) {
            if (field == Field::Body && h.title_only) continue;
            matched = true;
            const Pattern& p = patterns_[h.pattern];
            const auto n = static_cast<std::uint32_t>(p.slots.size());
            const Xapian::termcount window = std::min(p.window, kMaxWindow);
            if (p.kind == Pattern::Kind::Word) {
                emit(h.pattern, w.begin, w.end);
            } else if (p.kind == Pattern::Kind::Phrase && h.slot == n - 1) {
                // Earlier slots, latest first, each before the one after it, all in the window.
                group.clear();
                Xapian::termpos after = pos;
                auto it = recent.rbegin();
                for (std::uint32_t s = n - 1; s-- > 0;) {
                    while (it != recent.rend() && !(it->pos < after && satisfies(*it, h.pattern, s))) ++it;
                    if (it == recent.rend() || pos - it->pos >= window) break;
                    group.push_back(&*it);
                    after = it->pos;
                    ++it;
                }
                if (group.size() != n - 1) continue;
                if (window == n) {
                    emit(h.pattern, group.back()->begin, w.end);  // a tight phrase is one span
                } else {
                    for (const auto* r : group) emit(h.pattern, r->begin, r->end);
                    emit(h.pattern, w.begin, w.end);
                }
            } else if (p.kind == Pattern::Kind::Near) {
                // Every recent word within the window that fills another slot takes part,
                // provided each slot is filled: any choice of them spans less than the window.
                group.clear();
                bool complete = true;
                for (std::uint32_t s = 0; s < n && complete; ++s) {
                    if (s == h.slot) continue;
                    bool filled = false;
                    for (auto it = recent.rbegin(); it != recent.rend() && pos - it->pos < window; ++it)
                        if (satisfies(*it, h.pattern, s)) {
                            filled = true;
                            if (std::find(group.begin(), group.end(), &*it) == group.end()) group.push_back(&*it);
                        }
                    complete = filled;
                }
                if (!complete) continue;
                for (const auto* r : group) emit(h.pattern, r->begin, r->end);
                emit(h.pattern, w.begin, w.end);
            }
        }
        if (matched) recent.push_back({pos, w.begin, w.end, &hits});
    }

    auto by_place = [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end != b.end ? a.end < b.end : a.pattern < b.pattern;
    };
    std::sort(positive.begin(), positive.end(), by_place);
    positive.erase(std::unique(positive.begin(), positive.end()), positive.end());
    if (excluded.empty()) return positive;

    // Never show what the query excluded, nor anything overlapping it.
    std::sort(excluded.begin(), excluded.end(), by_place);
    std::vector<std::size_t> reach(excluded.size());  // furthest end among excluded[0..i]
    for (std::size_t i = 0; i < excluded.size(); ++i) reach[i] = std::max(excluded[i].end, i ? reach[i - 1] : 0);
    std::vector<Match> kept;
    for (const auto& m : positive) {
        const auto starts_before_end = std::partition_point(
            excluded.begin(), excluded.end(), [&](const Match& x) { return x.begin < m.end; });
        const auto n = static_cast<std::size_t>(starts_before_end - excluded.begin());
        if (n > 0 && reach[n - 1] > m.begin) continue;
        kept.push_back(m);
    }
    return kept;
}

}  // namespace newsdex::snippets
