#include "core/index/dup_signature.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {
namespace {

const char* kStory =
    "The European Central Bank kept its main interest rate unchanged on Thursday, saying inflation in the "
    "euro area was easing more slowly than it had expected. Policymakers voted to hold the deposit rate at "
    "four per cent for a fifth consecutive meeting. The bank's president said it was too early to discuss "
    "cuts, although markets expect the first reduction in the summer. Growth in the bloc stalled in the last "
    "quarter, with Germany's economy shrinking slightly as industry struggled with high energy costs. "
    "Analysts said the statement gave few clues about timing, and the euro rose against the dollar after the "
    "announcement.";

TEST(DupSignature, SameWordsAreExactWhateverTheSpacingCaseAndPunctuation) {
    const auto a = make_signature(kStory);
    std::string shouted = kStory;
    for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto b = make_signature("  " + shouted + "\n\n");
    EXPECT_EQ(classify(a, b), DupKind::Exact);
    EXPECT_DOUBLE_EQ(estimated_similarity(a, b), 1.0);
    EXPECT_EQ(a.band_keys(), b.band_keys());
    EXPECT_EQ(a.band_keys().size(), kBands);
}

TEST(DupSignature, ALightRewriteIsNearAndAnotherStoryIsNot) {
    const std::string rewrite = std::string("FRANKFURT (Wire) - ") + kStory;
    std::string edited = rewrite;
    edited.replace(edited.find("on Thursday"), 11, "this week");
    edited.replace(edited.find("Analysts said"), 13, "Economists noted");
    EXPECT_EQ(classify(make_signature(kStory), make_signature(edited)), DupKind::Near)
        << estimated_similarity(make_signature(kStory), make_signature(edited));

    const char* other =
        "The Bank of England raised its main interest rate on Thursday to the highest level in fifteen years, "
        "saying inflation in Britain was proving more stubborn than in the euro area. Policymakers voted six "
        "to three for the increase, and the governor said further rises could not be ruled out.";
    EXPECT_EQ(classify(make_signature(kStory), make_signature(other)), DupKind::None)
        << estimated_similarity(make_signature(kStory), make_signature(other));
}

TEST(DupSignature, EmptyAndShortBodies) {
    const auto empty = make_signature(" ... ");
    EXPECT_TRUE(empty.empty());
    EXPECT_TRUE(empty.band_keys().empty());
    EXPECT_EQ(classify(empty, empty), DupKind::None);  // nothing to compare is no evidence
    // Fewer words than a shingle still get a signature.
    const auto tiny = make_signature("Markets closed.");
    EXPECT_FALSE(tiny.empty());
    EXPECT_EQ(classify(tiny, make_signature("markets CLOSED")), DupKind::Exact);
    EXPECT_EQ(classify(tiny, make_signature("Markets opened.")), DupKind::None);
}

std::uint32_t back_shingles(const std::string& bytes) { return DupSignature::unserialise(bytes)->shingles; }

TEST(DupSignature, SerialisesToAFixedSizeAndBack) {
    const auto sig = make_signature(kStory);
    const std::string bytes = sig.serialise();
    EXPECT_EQ(bytes.size(), 20 + 2 * kMinHashes);
    EXPECT_EQ(back_shingles(bytes), sig.shingles);
    const auto back = DupSignature::unserialise(bytes);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->body_hash, sig.body_hash);
    for (std::size_t i = 0; i < kMinHashes; ++i) EXPECT_EQ(back->minhash[i], sig.minhash[i] & kComparedBits);
    EXPECT_EQ(back->numbers, sig.numbers);
    EXPECT_FALSE(back->full_width);
    EXPECT_THROW(back->band_keys(), std::logic_error);
    EXPECT_FALSE(DupSignature::unserialise(bytes.substr(1)));
    EXPECT_FALSE(DupSignature::unserialise(""));
}

/// The form databases stored before signatures were cut to 148 bytes: 4-byte MinHash values.
std::string full_width_form(const DupSignature& sig) {
    std::string out = sig.serialise().substr(0, 20);
    for (const std::uint32_t v : sig.minhash)
        for (int b = 0; b < 4; ++b) out += static_cast<char>((v >> (8 * b)) & 0xff);
    return out;
}

TEST(DupSignature, StoredSignaturesOfEitherWidthCompareAsFreshOnes) {
    const std::string rewrite = std::string(kStory).replace(0, 3, "Late on Tuesday the") + " Officials declined to comment.";
    const std::vector<std::string> bodies{kStory, rewrite, std::string(kStory).substr(0, 200),
                                          "Tennis: the champion won in straight sets on a windy afternoon in Melbourne."};
    for (const auto& a_body : bodies)
        for (const auto& b_body : bodies) {
            const auto a = make_signature(a_body), b = make_signature(b_body);
            const auto narrow = DupSignature::unserialise(b.serialise());
            const auto wide = DupSignature::unserialise(full_width_form(b));
            ASSERT_TRUE(narrow && wide);
            EXPECT_EQ(wide->minhash, b.minhash);
            EXPECT_EQ(classify(a, *narrow), classify(a, b)) << a_body << " | " << b_body;
            EXPECT_EQ(classify(a, *wide), classify(a, b));
            EXPECT_DOUBLE_EQ(estimated_similarity(a, *narrow), estimated_similarity(a, *wide));
            EXPECT_NEAR(estimated_similarity(a, *narrow), estimated_similarity(a, b), 1.0 / kMinHashes);
        }
}

TEST(DupSignature, ACopyCutToItsFirstParagraphsIsNear) {
    const std::string story = std::string(kStory) +
        " In Paris, the finance minister welcomed the decision and said French banks were lending more to "
        "small firms than a year ago. Bond yields across the region edged lower after the announcement, "
        "and shares in lenders rose on expectations that margins would stay wide for longer. Trade unions "
        "said wage settlements would have to keep pace with prices, warning of strikes in the autumn if "
        "governments cut public spending to meet the new budget rules agreed in Brussels last year.";
    const std::string cut(std::string(kStory).substr(0, std::string(kStory).find("Analysts said")));
    const auto a = make_signature(story), b = make_signature(cut);
    // Jaccard counts the missing half against the copy; containment does not.
    EXPECT_GT(estimated_containment(a, b), estimated_similarity(a, b) + 0.2);
    EXPECT_GE(estimated_containment(a, b), kNearContainment);
    EXPECT_EQ(classify(a, b), DupKind::Near);
}

TEST(DupSignature, ReportsFromOneTemplateWithOtherFiguresAreNotDuplicates) {
    const auto report = [](const char* month, const char* rise, const char* index, const char* year_ago) {
        return std::string("Consumer energy costs rose ") + rise + " pct in " + month +
               " following a sharp rise last month, the Labor Department said. The index stood at " + index +
               " against " + year_ago + " a year earlier, with petrol prices up and heating oil little "
               "changed. Food prices were flat for the month, and prices of other goods and services rose "
               "moderately, the department said in its monthly report on living costs.";
    };
    const auto feb = make_signature(report("February", "1.9", "318.7", "311.2"));
    EXPECT_EQ(classify(feb, make_signature(report("March", "1.0", "322.1", "314.6"))), DupKind::None);
    // The same figures, lightly edited: still the same story.
    EXPECT_EQ(classify(feb, make_signature("WASHINGTON (Wire) - " + report("February", "1.9", "318.7", "311.2"))),
              DupKind::Near);
}

TEST(DupSignature, WordsAreUnicodeLowerCased) {
    EXPECT_EQ(normalised_words("Zürich's ÉCOLE, 3.5%"), (std::vector<std::string>{"zürich", "s", "école", "3", "5"}));
}

}  // namespace
}  // namespace newsdex
