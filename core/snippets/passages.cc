#include "core/snippets/passages.h"

#include <algorithm>
#include <cmath>

#include "core/snippets/word_tokenizer.h"

namespace newsdex::snippets {

namespace {

// Scoring. The weights of distinct patterns dominate; the rest breaks ties sensibly.
constexpr double kRepeatBonus = 0.2;     // per repeat of a pattern in one passage ...
constexpr int kMaxRepeats = 3;           // ... counted up to this many
constexpr double kSeenFactor = 0.3;      // a pattern an earlier passage already shows
constexpr double kProximityBonus = 0.5;  // x the weights of distinct patterns sharing a sentence
constexpr double kCutFactor = 0.7;      // per end of a passage cut inside a sentence
constexpr double kEpsilon = 1e-9;

/// Huge articles can have thousands of sentences with matches; only this many of the
/// best single sentences are tried as passages, which bounds the work per article.
constexpr std::size_t kMaxCandidateSentences = 512;

/// In a sentence too long to show whole, a passage starts about this share of its
/// length before the first match it is built around, for context.
constexpr std::size_t kLeadInDivisor = 4;

bool is_break_space(unsigned ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0xa0 || ch == 0x3000 ||
           (ch >= 0x2000 && ch <= 0x200a) || ch == 0x202f;
}

/// Characters a cut passage should not end on before its "…".
bool is_trailing_junk(unsigned ch) {
    return ch == ',' || ch == ';' || ch == ':' || ch == '-' || ch == 0x2013 || ch == 0x2014 || is_break_space(ch);
}

/// Byte offset `n` characters after `pos`, not past `limit`.
std::size_t forward_chars(std::string_view text, std::size_t pos, std::size_t n, std::size_t limit) {
    while (n > 0 && pos < limit) {
        pos += decode_at(text, pos).length;
        --n;
    }
    return std::min(pos, limit);
}

/// Byte offset `n` characters before `pos`, not before `floor`.
std::size_t back_chars(std::string_view text, std::size_t pos, std::size_t n, std::size_t floor) {
    while (n > 0 && pos > floor) {
        pos = char_floor(text, pos - 1);
        --n;
    }
    return std::max(pos, floor);
}

class Chooser {
  public:
    Chooser(std::string_view text, const std::vector<Sentence>& sentences, const std::vector<Match>& matches,
            const std::vector<Pattern>& patterns, const PassageOptions& options)
        : text_(text), sentences_(sentences), matches_(matches), patterns_(patterns), options_(options),
          covered_(patterns.size(), false), counts_(patterns.size(), 0), blocked_(sentences.size(), false) {
        // Character offsets of sentence starts and ends, for lengths in O(1).
        std::size_t pos = 0, chars = 0;
        for (const auto& s : sentences_) {
            chars += count_chars(text_.substr(pos, s.begin - pos));
            char_begin_.push_back(chars);
            chars += count_chars(text_.substr(s.begin, s.end - s.begin));
            char_end_.push_back(chars);
            pos = s.end;
        }
        match_sentence_.reserve(matches_.size());
        for (const auto& m : matches_) {
            auto it = std::upper_bound(sentences_.begin(), sentences_.end(), m.begin,
                                       [](std::size_t b, const Sentence& s) { return b < s.begin; });
            match_sentence_.push_back(it == sentences_.begin() ? 0 : static_cast<std::size_t>(it - sentences_.begin()) - 1);
        }
    }

    std::vector<Passage> choose() {
        std::vector<std::size_t> seeds = seed_sentences();
        std::vector<Candidate> chosen;
        for (std::size_t round = 0; round < options_.fragments; ++round) {
            Candidate best;
            for (std::size_t s : seeds) {
                if (blocked_[s]) continue;
                Candidate c = best_around(s);
                if (c.score > best.score + kEpsilon || (std::abs(c.score - best.score) <= kEpsilon && c.passage.begin < best.passage.begin))
                    best = c;
            }
            if (best.score <= kEpsilon) break;
            for (std::size_t s = best.first; s <= best.last; ++s) blocked_[s] = true;
            for (std::size_t k = first_match_at(best.passage.begin); k < matches_.size() && matches_[k].begin < best.passage.end; ++k)
                if (matches_[k].end <= best.passage.end) covered_[matches_[k].pattern] = true;
            chosen.push_back(best);
        }
        std::sort(chosen.begin(), chosen.end(),
                  [](const Candidate& a, const Candidate& b) { return a.passage.begin < b.passage.begin; });
        // Passages of neighbouring sentences read as one: no elision between them.
        std::vector<Passage> out;
        std::size_t last_sentence = 0;
        for (const auto& c : chosen) {
            if (!out.empty() && !out.back().cut_after && !c.passage.cut_before && c.first == last_sentence + 1) {
                out.back().end = c.passage.end;
                out.back().cut_after = c.passage.cut_after;
            } else {
                out.push_back(c.passage);
            }
            last_sentence = c.last;
        }
        return out;
    }

    Passage lead(std::size_t max_chars) const {
        if (sentences_.empty()) return {};
        if (char_end_[0] - char_begin_[0] > max_chars) return window_in(0, sentences_[0].begin, max_chars);
        std::size_t b = 0;
        while (b + 1 < sentences_.size() && char_end_[b + 1] - char_begin_[0] <= max_chars) ++b;
        return {sentences_[0].begin, sentences_[b].end, false, !sentences_[b].complete};
    }

  private:
    struct Candidate {
        Passage passage;
        std::size_t first = 0, last = 0;  ///< sentences it covers
        double score = 0;
    };

    double weight(std::uint32_t pattern) const {
        return patterns_[pattern].weight * (covered_[pattern] ? kSeenFactor : 1.0);
    }

    std::size_t first_match_at(std::size_t begin) const {
        return static_cast<std::size_t>(
            std::lower_bound(matches_.begin(), matches_.end(), begin,
                             [](const Match& m, std::size_t b) { return m.begin < b; }) -
            matches_.begin());
    }

    /// What a passage over text[begin, end) is worth: matches wholly inside count.
    double score(std::size_t begin, std::size_t end) {
        touched_.clear();
        double best_sentence = 0, sentence_sum = 0;
        std::size_t sentence = static_cast<std::size_t>(-1), distinct_in_sentence = 0;
        sentence_patterns_.clear();
        auto close_sentence = [&] {
            if (distinct_in_sentence >= 2) best_sentence = std::max(best_sentence, sentence_sum);
            sentence_sum = 0;
            distinct_in_sentence = 0;
            sentence_patterns_.clear();
        };
        for (std::size_t k = first_match_at(begin); k < matches_.size() && matches_[k].begin < end; ++k) {
            const Match& m = matches_[k];
            if (m.end > end) continue;
            if (counts_[m.pattern]++ == 0) touched_.push_back(m.pattern);
            if (match_sentence_[k] != sentence) {
                close_sentence();
                sentence = match_sentence_[k];
            }
            if (std::find(sentence_patterns_.begin(), sentence_patterns_.end(), m.pattern) == sentence_patterns_.end()) {
                sentence_patterns_.push_back(m.pattern);
                sentence_sum += weight(m.pattern);
                ++distinct_in_sentence;
            }
        }
        close_sentence();
        double total = 0;
        for (std::uint32_t p : touched_) {
            const int repeats = std::min(counts_[p] - 1, kMaxRepeats);
            total += weight(p) * (1.0 + kRepeatBonus * repeats);
            counts_[p] = 0;
        }
        return total + kProximityBonus * best_sentence;
    }

    /// Sentences with matches, best first by what they alone would show, at most
    /// kMaxCandidateSentences of them, in text order.
    std::vector<std::size_t> seed_sentences() {
        std::vector<std::size_t> seeds;
        for (std::size_t k = 0; k < matches_.size(); ++k)
            if (seeds.empty() || seeds.back() != match_sentence_[k]) seeds.push_back(match_sentence_[k]);
        seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
        if (seeds.size() <= kMaxCandidateSentences) return seeds;
        std::vector<std::pair<double, std::size_t>> ranked;
        ranked.reserve(seeds.size());
        for (std::size_t s : seeds) ranked.emplace_back(score(sentences_[s].begin, sentences_[s].end), s);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        ranked.resize(kMaxCandidateSentences);
        seeds.clear();
        for (const auto& r : ranked) seeds.push_back(r.second);
        std::sort(seeds.begin(), seeds.end());
        return seeds;
    }

    /// The best passage holding sentence s: whole sentences around it when s fits,
    /// else a window of words inside s.
    Candidate best_around(std::size_t s) {
        const std::size_t max_chars = options_.max_chars;
        Candidate best;
        best.score = -1;
        if (char_end_[s] - char_begin_[s] > max_chars) return best_inside(s);
        std::size_t best_length = 0;
        for (std::size_t a = s;; --a) {
            if (blocked_[a] || char_end_[s] - char_begin_[a] > max_chars) break;
            for (std::size_t b = s; b < sentences_.size(); ++b) {
                if (blocked_[b] || char_end_[b] - char_begin_[a] > max_chars) break;
                const double sc = score(sentences_[a].begin, sentences_[b].end);
                const std::size_t length = char_end_[b] - char_begin_[a];
                // Ties: use the room there is, then start at the matching sentence.
                const bool better =
                    sc > best.score + kEpsilon ||
                    (std::abs(sc - best.score) <= kEpsilon &&
                     (length != best_length ? length > best_length : a == s && best.first != s));
                if (better) {
                    best.passage = {sentences_[a].begin, sentences_[b].end, false, !sentences_[b].complete};
                    best.first = a;
                    best.last = b;
                    best.score = sc;
                    best_length = length;
                }
            }
            if (a == 0) break;
        }
        return best;
    }

    /// The best window of a sentence too long to show whole: built around each match in
    /// turn, and from the sentence start.
    Candidate best_inside(std::size_t s) {
        const Sentence& sentence = sentences_[s];
        const std::size_t max_chars = options_.max_chars;
        std::vector<std::size_t> starts{sentence.begin};
        for (std::size_t k = first_match_at(sentence.begin); k < matches_.size() && matches_[k].begin < sentence.end; ++k)
            starts.push_back(start_before(sentence, matches_[k].begin, max_chars / kLeadInDivisor));
        Candidate best;
        best.score = -1;
        for (std::size_t start : starts) {
            const Passage p = window_in(s, start, max_chars);
            // A cut passage reads worse than whole sentences showing as much.
            const double sc = score(p.begin, p.end) * (p.cut_before ? kCutFactor : 1.0) * (p.cut_after ? kCutFactor : 1.0);
            if (sc > best.score + kEpsilon) {
                best.passage = p;
                best.score = sc;
            }
        }
        best.first = best.last = s;
        return best;
    }

    /// Where a window showing about `lead_in` characters before `pos` starts: at the first
    /// word start in reach, or between characters when there is none (unspaced CJK).
    std::size_t start_before(const Sentence& sentence, std::size_t pos, std::size_t lead_in) const {
        const std::size_t floor = back_chars(text_, pos, lead_in, sentence.begin);
        if (floor == sentence.begin) return floor;
        bool prev_space = is_break_space(decode_at(text_, char_floor(text_, floor - 1)).value);
        for (std::size_t i = floor; i <= pos && i < sentence.end;) {
            const auto c = decode_at(text_, i);
            const bool space = is_break_space(c.value);
            if (!space && prev_space) return i;
            prev_space = space;
            i += c.length;
        }
        return floor;
    }

    /// The longest run of whole words of sentence s from `start` within max_chars,
    /// counting the "…" marks of the cuts; cut between characters only when a single
    /// word is longer than that (unspaced CJK text).
    Passage window_in(std::size_t s, std::size_t start, std::size_t max_chars) const {
        const Sentence& sentence = sentences_[s];
        const bool cut_before = start > sentence.begin;
        const std::size_t budget = std::max<std::size_t>(max_chars - std::min(max_chars, std::size_t{cut_before}), 2);
        std::size_t chars = 0, i = start, last_word_end = start;
        bool prev_space = true;
        while (i < sentence.end) {
            const auto c = decode_at(text_, i);
            const bool space = is_break_space(c.value);
            if (space && !prev_space && chars + 1 <= budget) last_word_end = i;  // room left for "…"
            prev_space = space;
            if (++chars > budget) break;
            i += c.length;
        }
        if (i >= sentence.end) return {start, sentence.end, cut_before, !sentence.complete};
        std::size_t end = last_word_end;
        if (end == start) end = forward_chars(text_, start, budget - 1, sentence.end);
        // Do not leave a comma or a dash hanging before the "…".
        while (end > start) {
            const std::size_t prev = char_floor(text_, end - 1);
            if (!is_trailing_junk(decode_at(text_, prev).value)) break;
            end = prev;
        }
        if (end == start) end = forward_chars(text_, start, 1, sentence.end);
        return {start, end, cut_before, true};
    }

    std::string_view text_;
    const std::vector<Sentence>& sentences_;
    const std::vector<Match>& matches_;
    const std::vector<Pattern>& patterns_;
    PassageOptions options_;
    std::vector<std::size_t> char_begin_, char_end_;
    std::vector<std::size_t> match_sentence_;
    std::vector<bool> covered_;
    std::vector<int> counts_;
    std::vector<std::uint32_t> touched_, sentence_patterns_;
    std::vector<bool> blocked_;
};

}  // namespace

std::vector<Passage> choose_passages(std::string_view text, const std::vector<Sentence>& sentences,
                                     const std::vector<Match>& matches, const std::vector<Pattern>& patterns,
                                     const PassageOptions& options) {
    if (matches.empty() || sentences.empty() || options.fragments == 0) return {};
    return Chooser(text, sentences, matches, patterns, options).choose();
}

Passage lead_passage(std::string_view text, const std::vector<Sentence>& sentences, std::size_t max_chars) {
    static const std::vector<Match> kNone;
    static const std::vector<Pattern> kNoPatterns;
    return Chooser(text, sentences, kNone, kNoPatterns, PassageOptions{1, max_chars}).lead(max_chars);
}

}  // namespace newsdex::snippets
