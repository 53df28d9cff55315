#include "core/dup_signature.h"

#include <cstdio>
#include <cstring>
#include <limits>

#include <xapian.h>

#include "core/file_state.h"

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

}  // namespace

std::vector<std::string> normalised_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    const std::string owned(text);
    for (Xapian::Utf8Iterator it(owned); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
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
        joined += w;
        joined += ' ';
    }
    sig.body_hash = hash64(joined);
    if (sig.body_hash == 0) sig.body_hash = 1;  // 0 means "no body"

    sig.minhash.fill(std::numeric_limits<std::uint32_t>::max());
    // A body shorter than one shingle is one shingle of all its words.
    const std::size_t width = std::min(kShingleWords, word_hashes.size());
    for (std::size_t start = 0; start + width <= word_hashes.size(); ++start) {
        std::uint64_t shingle = 0;
        for (std::size_t k = 0; k < width; ++k) shingle = mix(shingle ^ (word_hashes[start + k] + kGolden * (k + 1)));
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            const auto h = static_cast<std::uint32_t>(mix(shingle + kGolden * (i + 1)) >> 32);
            if (h < sig.minhash[i]) sig.minhash[i] = h;
        }
    }
    return sig;
}

std::vector<std::string> DupSignature::band_keys() const {
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

std::string DupSignature::serialise() const {
    std::string out(8 + 4 * kMinHashes, '\0');
    for (std::size_t b = 0; b < 8; ++b) out[b] = static_cast<char>((body_hash >> (8 * b)) & 0xff);
    for (std::size_t i = 0; i < kMinHashes; ++i)
        for (std::size_t b = 0; b < 4; ++b) out[8 + 4 * i + b] = static_cast<char>((minhash[i] >> (8 * b)) & 0xff);
    return out;
}

std::optional<DupSignature> DupSignature::unserialise(std::string_view bytes) {
    if (bytes.size() != 8 + 4 * kMinHashes) return std::nullopt;
    auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])); };
    DupSignature sig;
    for (std::size_t b = 0; b < 8; ++b) sig.body_hash |= byte(b) << (8 * b);
    for (std::size_t i = 0; i < kMinHashes; ++i) {
        std::uint64_t v = 0;
        for (std::size_t b = 0; b < 4; ++b) v |= byte(8 + 4 * i + b) << (8 * b);
        sig.minhash[i] = static_cast<std::uint32_t>(v);
    }
    return sig;
}

double estimated_similarity(const DupSignature& a, const DupSignature& b) {
    if (a.empty() || b.empty()) return 0.0;
    if (a.body_hash == b.body_hash) return 1.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < kMinHashes; ++i) equal += a.minhash[i] == b.minhash[i];
    return static_cast<double>(equal) / static_cast<double>(kMinHashes);
}

DupKind classify(const DupSignature& a, const DupSignature& b) {
    if (a.empty() || b.empty()) return DupKind::None;
    if (a.body_hash == b.body_hash) return DupKind::Exact;
    return estimated_similarity(a, b) >= kNearThreshold ? DupKind::Near : DupKind::None;
}

}  // namespace newsdex
