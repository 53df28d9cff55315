/** @file @brief Duplicate signatures of article bodies: an exact hash of the normalised
 *  text, and a MinHash sketch of its word shingles for near-duplicates (the same wire
 *  story under another headline, with a dateline, words and sentences edited, or the end
 *  cut off).
 *
 *  Normalisation: the body's words, lower-cased (Unicode), punctuation and spacing
 *  dropped. Shingles: every run of kShingleWords consecutive words. The share of equal
 *  MinHash values estimates the Jaccard similarity J of two bodies' shingle sets; with
 *  the set sizes it also estimates containment C = |A n B| / min(|A|, |B|), which catches
 *  a copy cut to its first paragraphs. Near-duplicates: J >= kNearJaccard, or
 *  C >= kNearContainment when the shorter body has at least kMinContainmentShingles
 *  shingles (on short texts a few stock phrases would make C high by chance). Either way,
 *  when both bodies hold at least kMinNumbers numbers, at least kNearNumbers of them
 *  must be shared (Jaccard of the number sets): otherwise they are two reports written
 *  from one template (February's and March's inflation figures), not one story.
 *
 *  The parameters were chosen on tests/data/duplicates (see its README and the figures
 *  in bench/README.md): two-word shingles separate copy-edited rewrites (J 0.30-0.70)
 *  from same-topic stories (J <= 0.21) best; longer shingles lose the rewrites.
 *
 *  Locality-sensitive bands (kBands keys of kRowsPerBand values each) find candidates
 *  without comparing every pair: two bodies with similarity s share at least one band
 *  with probability 1 - (1 - s^2)^16 (0.99 at s = 0.5, 0.78 at s = 0.3). No I/O, no Xapian. */
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

inline constexpr std::size_t kShingleWords = 2;
inline constexpr std::size_t kMinHashes = 64;
inline constexpr std::size_t kRowsPerBand = 2;
/// Bands use the first 32 MinHash values; all 64 go into the similarity estimate.
inline constexpr std::size_t kBands = 16;
/// The bits of each MinHash value that similarity compares and databases store.
inline constexpr std::uint32_t kComparedBits = 0xffff;
inline constexpr double kNearJaccard = 0.3;
inline constexpr double kNearContainment = 0.5;
inline constexpr std::uint32_t kMinContainmentShingles = 40;
inline constexpr double kMinContainmentJaccard = 0.12;
inline constexpr int kMinNumbers = 3;
inline constexpr double kNearNumbers = 0.5;

struct DupSignature {
    std::uint64_t body_hash = 0;  ///< XXH3 of the normalised words; 0 for a body with no words
    std::uint32_t shingles = 0;   ///< distinct shingles in the body
    /// The body's numbers ("38", "2024"), one bit each of 64 by hash: stories cast in the
    /// same mould (monthly figures, market reports) differ mainly in their numbers.
    std::uint64_t numbers = 0;
    std::array<std::uint32_t, kMinHashes> minhash{};
    /// Made from text (all 32 bits of each MinHash value), not read back from a database,
    /// which keeps only the bits compared (kComparedBits) and so cannot give band keys.
    bool full_width = true;

    bool empty() const { return body_hash == 0; }
    /// The LSH band keys, 8 hex digits each (hash of band number and its MinHash values);
    /// throws std::logic_error for a stored signature (!full_width).
    std::vector<std::string> band_keys() const;
    /// Fixed-size binary form for a value slot (148 bytes), and back (nullopt if malformed;
    /// the 276-byte form of databases written before is read too).
    std::string serialise() const;
    static std::optional<DupSignature> unserialise(std::string_view bytes);
};

/// The lower-cased words of a text, as the signature sees them.
std::vector<std::string> normalised_words(std::string_view text);

/// The signature of an article body (paragraphs joined by newlines).
DupSignature make_signature(std::string_view body);

/// Share of equal MinHash values: an estimate of the Jaccard similarity of the two
/// bodies' shingle sets (1.0 for identical bodies, 0.0 when either is empty).
double estimated_similarity(const DupSignature& a, const DupSignature& b);

/// Estimated share of the smaller shingle set found in the other (from the Jaccard
/// estimate and the set sizes), at most 1.0.
double estimated_containment(const DupSignature& a, const DupSignature& b);

enum class DupKind { None, Exact, Near };

/// Exact when the normalised bodies are equal, Near by the thresholds above, else None.
DupKind classify(const DupSignature& a, const DupSignature& b);

/// How alike two signatures are, for picking the closest of several matches: the larger
/// of the Jaccard and containment estimates.
double likeness(const DupSignature& a, const DupSignature& b);

}  // namespace newsdex
