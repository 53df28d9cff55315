#include "core/search/term_spelling.h"

#include <algorithm>
#include <vector>

namespace newsdex {

namespace {

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) out.push_back(*it);
    return out;
}

}  // namespace

unsigned edit_distance(std::string_view a_utf8, std::string_view b_utf8, unsigned limit) {
    const std::u32string a = code_points(a_utf8), b = code_points(b_utf8);
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Optimal string alignment distance, three rows (the one before last for swaps).
    std::vector<unsigned> before(m + 1), last(m + 1), row(m + 1);
    for (std::size_t j = 0; j <= m; ++j) last[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        row[0] = static_cast<unsigned>(i);
        unsigned best = row[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;  // every later row is at least as far
        std::swap(before, last);
        std::swap(last, row);
    }
    return std::min(last[m], limit + 1);
}

std::string nearest_indexed_word(const Xapian::Database& db, const std::string& word, unsigned max_edits) {
    if (word.empty()) return {};
    std::string lead;
    Xapian::Unicode::append_utf8(lead, *Xapian::Utf8Iterator(word));
    std::string best;
    unsigned best_edits = max_edits + 1;
    Xapian::doccount best_freq = 0;
    for (auto it = db.allterms_begin(lead); it != db.allterms_end(lead); ++it) {
        const std::string term = *it;
        if (term == word) continue;
        const unsigned edits = edit_distance(word, term, std::min(best_edits, max_edits));
        if (edits > max_edits) continue;
        const Xapian::doccount freq = it.get_termfreq();
        if (edits < best_edits || (edits == best_edits && freq > best_freq)) {
            best = term;
            best_edits = edits;
            best_freq = freq;
        }
    }
    return best;
}

}  // namespace newsdex
