#include "core/index/dup_signature.h"

#include <cstdio>
#include <cstring>
#include <algorithm>
#include <stdexcept>
#include <bit>
#include <limits>
#include <unordered_set>

#include <xapian.h>

#include "core/db/file_state.h"
#include "core/schema.h"

namespace newsdex {

namespace {

/// splitmix64's finaliser: turns one 64-bit shingle hash into independent-looking
/// hashes, one per MinHash function, far cheaper than re-hashing the words.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

/// English function words. A shingle made only of these ("of the", "it was") occurs in
/// nearly every article, so it would often be the minimum of some hash function for
/// unrelated articles alike and make them look similar: such shingles are left out.
bool is_function_word(std::string_view w) {
    static const std::unordered_set<std::string_view> words{
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
        "him", "his", "i", "if", "in", "into", "is", "it", "its", "last", "may", "more", "most", "mr", "new",
        "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says", "she", "so",
        "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "two", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would",
        "year", "years", "you", "s", "t"};
    return words.count(w) > 0;
}

}  // namespace

std::vector<std::string> normalised_words(std::string_view text) {
    // The same words the author and source filters are built from.
    return schema::field_words(text);
}

DupSignature make_signature(std::string_view body) {
    DupSignature sig;
    const auto words = normalised_words(body);
    if (words.empty()) return sig;

    std::vector<std::uint64_t> word_hashes;
    word_hashes.reserve(words.size());
    std::string joined;
    for (const auto& w : words) {
        word_hashes.push_back(hash64(w));
        if (w.find_first_not_of("0123456789") == std::string::npos) sig.numbers |= 1ULL << (word_hashes.back() % 64);
        joined += w;
        joined += ' ';
    }
    sig.body_hash = hash64(joined);
    if (sig.body_hash == 0) sig.body_hash = 1;  // 0 means "no body"

    sig.minhash.fill(std::numeric_limits<std::uint32_t>::max());
    // A body shorter than one shingle is one shingle of all its words.
    const std::size_t width = std::min(kShingleWords, word_hashes.size());
    std::unordered_set<std::uint64_t> distinct;
    for (std::size_t start = 0; start + width <= word_hashes.size(); ++start) {
        bool content = width < kShingleWords;  // a whole short body always counts
        for (std::size_t k = 0; k < width && !content; ++k) content = !is_function_word(words[start + k]);
        if (!content) continue;
        std::uint64_t shingle = 0;
        for (std::size_t k = 0; k < width; ++k) shingle = mix(shingle ^ (word_hashes[start + k] + kGolden * (k + 1)));
        if (!distinct.insert(shingle).second) continue;
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            const auto h = static_cast<std::uint32_t>(mix(shingle + kGolden * (i + 1)) >> 32);
            if (h < sig.minhash[i]) sig.minhash[i] = h;
        }
    }
    sig.shingles = static_cast<std::uint32_t>(std::min<std::size_t>(distinct.size(), UINT32_MAX));
    if (distinct.empty()) {
        // Nothing but function words: no evidence either way.
        sig.body_hash = 0;
    }
    return sig;
}

std::vector<std::string> DupSignature::band_keys() const {
    // Keys from stored (cut) values would not match those of the articles indexed before.
    if (!full_width) throw std::logic_error("band keys need a signature made from text, not a stored one");
    std::vector<std::string> keys;
    if (empty()) return keys;
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t h = mix(band + 1);
        for (std::size_t row = 0; row < kRowsPerBand; ++row) h = mix(h ^ (minhash[band * kRowsPerBand + row] + kGolden));
        char buf[9];
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h >> 32));
        keys.emplace_back(buf);
    }
    return keys;
}

// Layout, little-endian: body hash (8 bytes), shingle count (4), number bits (8), then the
// low 16 bits of each MinHash value (2 each; "b-bit MinHash": two different minima agree
// there by chance once in 65,536, which moves a similarity estimate by 0.00002, and each
// stored signature is 148 bytes instead of 276). Databases written before keep 4-byte values,
// read here too.
constexpr std::size_t kHeaderBytes = 8 + 4 + 8;
constexpr std::size_t kSerialisedBytes = kHeaderBytes + 2 * kMinHashes;
constexpr std::size_t kFullWidthBytes = kHeaderBytes + 4 * kMinHashes;

std::string DupSignature::serialise() const {
    std::string out(kSerialisedBytes, '\0');
    auto put = [&out](std::size_t at, std::uint64_t v, std::size_t bytes) {
        for (std::size_t b = 0; b < bytes; ++b) out[at + b] = static_cast<char>((v >> (8 * b)) & 0xff);
    };
    put(0, body_hash, 8);
    put(8, shingles, 4);
    put(12, numbers, 8);
    for (std::size_t i = 0; i < kMinHashes; ++i) put(kHeaderBytes + 2 * i, minhash[i] & kComparedBits, 2);
    return out;
}

std::optional<DupSignature> DupSignature::unserialise(std::string_view bytes) {
    if (bytes.size() != kSerialisedBytes && bytes.size() != kFullWidthBytes) return std::nullopt;
    const std::size_t width = bytes.size() == kSerialisedBytes ? 2 : 4;
    auto get = [&bytes](std::size_t at, std::size_t n) {
        std::uint64_t v = 0;
        for (std::size_t b = 0; b < n; ++b) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + b])) << (8 * b);
        return v;
    };
    DupSignature sig;
    sig.body_hash = get(0, 8);
    sig.shingles = static_cast<std::uint32_t>(get(8, 4));
    sig.numbers = get(12, 8);
    for (std::size_t i = 0; i < kMinHashes; ++i)
        sig.minhash[i] = static_cast<std::uint32_t>(get(kHeaderBytes + width * i, width));
    sig.full_width = false;
    return sig;
}

double estimated_similarity(const DupSignature& a, const DupSignature& b) {
    if (a.empty() || b.empty()) return 0.0;
    if (a.body_hash == b.body_hash) return 1.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < kMinHashes; ++i) equal += (a.minhash[i] & kComparedBits) == (b.minhash[i] & kComparedBits);
    return static_cast<double>(equal) / static_cast<double>(kMinHashes);
}

double estimated_containment(const DupSignature& a, const DupSignature& b) {
    const double j = estimated_similarity(a, b);
    const double smaller = std::min(a.shingles, b.shingles);
    if (j <= 0 || smaller <= 0) return 0.0;
    // |A n B| = J |A u B| and |A u B| = (|A| + |B|) / (1 + J).
    const double shared = j * (static_cast<double>(a.shingles) + static_cast<double>(b.shingles)) / (1 + j);
    return std::min(1.0, shared / smaller);
}

double likeness(const DupSignature& a, const DupSignature& b) {
    return std::max(estimated_similarity(a, b), estimated_containment(a, b));
}

DupKind classify(const DupSignature& a, const DupSignature& b) {
    if (a.empty() || b.empty()) return DupKind::None;
    if (a.body_hash == b.body_hash) return DupKind::Exact;
    const int numbers_a = std::popcount(a.numbers), numbers_b = std::popcount(b.numbers);
    if (numbers_a >= kMinNumbers && numbers_b >= kMinNumbers &&
        std::popcount(a.numbers & b.numbers) < kNearNumbers * std::popcount(a.numbers | b.numbers))
        return DupKind::None;
    const double j = estimated_similarity(a, b);
    if (j >= kNearJaccard) return DupKind::Near;
    // Containment magnifies the noise of a small Jaccard estimate by the size ratio, so
    // it also needs some direct evidence.
    if (j >= kMinContainmentJaccard && std::min(a.shingles, b.shingles) >= kMinContainmentShingles &&
        estimated_containment(a, b) >= kNearContainment)
        return DupKind::Near;
    return DupKind::None;
}

}  // namespace newsdex
