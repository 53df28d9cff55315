#include "core/search/weighting.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/search/search.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

struct SpecRow {
    const char* spec;
    const char* scheme;  // Xapian's name() of the built scheme
};

class ValidSpecs : public ::testing::TestWithParam<SpecRow> {};

TEST_P(ValidSpecs, BuildTheNamedSchemeWithItsParameters) {
    const auto& row = GetParam();
    const auto weight = parse_weighting(row.spec);
    ASSERT_TRUE(weight);
    EXPECT_EQ(weight->name(), row.scheme) << row.spec;
}

INSTANTIATE_TEST_SUITE_P(Table, ValidSpecs, ::testing::Values(
    SpecRow{"bm25", "Xapian::BM25Weight"},
    SpecRow{"bm25:k1=1.2,b=0.75", "Xapian::BM25Weight"},
    SpecRow{"bm25:k1=0,b=0,k2=0,k3=0,min_normlen=0", "Xapian::BM25Weight"},
    SpecRow{"bm25plus:k1=1.2,b=0.75,delta=0.5", "Xapian::BM25PlusWeight"},
    SpecRow{"trad:k=2", "Xapian::TradWeight"},
    SpecRow{"tfidf", "Xapian::TfIdfWeight"},
    SpecRow{"tfidf:norm=ltn", "Xapian::TfIdfWeight"},
    SpecRow{"lm", "Xapian::LMWeight"},
    SpecRow{"lm:smoothing=dirichlet,mu=500", "Xapian::LMWeight"},
    SpecRow{"lm:smoothing=jm,lambda=0.3", "Xapian::LMWeight"},
    SpecRow{"lm:smoothing=dirichlet-plus,mu=800,delta=0.1", "Xapian::LMWeight"},
    SpecRow{"lm:smoothing=absolute,delta=0.7", "Xapian::LMWeight"},
    SpecRow{"dlh", "Xapian::DLHWeight"},
    SpecRow{"dph", "Xapian::DPHWeight"},
    SpecRow{"pl2:c=7", "Xapian::PL2Weight"},
    SpecRow{"pl2plus:c=1,delta=0.8", "Xapian::PL2PlusWeight"},
    SpecRow{"inl2:c=0.5", "Xapian::InL2Weight"},
    SpecRow{"ifb2", "Xapian::IfB2Weight"},
    SpecRow{"ineb2:c=1", "Xapian::IneB2Weight"},
    SpecRow{"bb2:c=2", "Xapian::BB2Weight"},
    SpecRow{"coord", "Xapian::CoordWeight"},
    SpecRow{"bool", "Xapian::BoolWeight"}));

TEST(Weighting, ParametersReachTheScheme) {
    // Same scheme, different parameters: different serialisations; left-out ones keep defaults.
    EXPECT_NE(parse_weighting("bm25:k1=1.2,b=0.75")->serialise(), parse_weighting("bm25")->serialise());
    EXPECT_EQ(parse_weighting("bm25:k1=1,b=0.5")->serialise(), Xapian::BM25Weight().serialise());
    EXPECT_EQ(parse_weighting("bm25:k1=1.2,b=0.75")->serialise(), Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5).serialise());
    EXPECT_EQ(parse_weighting("pl2:c=7")->serialise(), Xapian::PL2Weight(7).serialise());
    EXPECT_EQ(parse_weighting("lm:smoothing=dirichlet,mu=500")->serialise(),
              Xapian::LMWeight(0, Xapian::Weight::DIRICHLET_SMOOTHING, 500, -1).serialise());
    EXPECT_EQ(parse_weighting("lm:smoothing=jm,lambda=0.3")->serialise(),
              Xapian::LMWeight(0, Xapian::Weight::JELINEK_MERCER_SMOOTHING, 0.3, -1).serialise());
    EXPECT_EQ(parse_weighting("lm")->serialise(), Xapian::LMWeight().serialise());
    EXPECT_EQ(parse_weighting("tfidf:norm=ltn")->serialise(), Xapian::TfIdfWeight("ltn").serialise());
    EXPECT_EQ(parse_weighting("lm:smoothing=absolute")->serialise(),
              Xapian::LMWeight(0, Xapian::Weight::ABSOLUTE_DISCOUNT_SMOOTHING, 0.7, -1).serialise());
    EXPECT_EQ(parse_weighting("lm:smoothing=dirichlet-plus,mu=800,delta=0.1")->serialise(),
              Xapian::LMWeight(0, Xapian::Weight::DIRICHLET_PLUS_SMOOTHING, 800, 0.1).serialise());
}

TEST(Weighting, TheDefaultParses) {
    EXPECT_TRUE(parse_weighting(kDefaultWeighting));
}

std::vector<double> scores(Searcher& searcher, const std::string& query, const std::string& weighting) {
    SearchRequest request{query};
    request.weighting = weighting;
    request.snippets = false;
    std::vector<double> out;
    for (const auto& hit : searcher.search(request).hits) out.push_back(hit.score);
    return out;
}

TEST(Weighting, SearcherRanksWithTheDefaultUnlessToldOtherwise) {
    using test::make_article;
    test::TestIndex index({
        make_article("/a", "Taurus missiles", {"Taurus Taurus missiles for Ukraine, said the chancellor."}),
        make_article("/b", "Ford Taurus", {"The Taurus is a family car with a long history of sales in America."}),
        make_article("/c", "Storm Shadow", {"Britain sent Storm Shadow missiles."}),
    });
    Searcher searcher(index.path());
    const auto by_default = scores(searcher, "Taurus missiles", "");
    ASSERT_EQ(by_default.size(), 3u);
    EXPECT_EQ(by_default, scores(searcher, "Taurus missiles", std::string(kDefaultWeighting)));
    EXPECT_NE(by_default, scores(searcher, "Taurus missiles", "bm25"));  // Xapian's own defaults differ
    EXPECT_NE(by_default, scores(searcher, "Taurus missiles", "dlh"));
}

class InvalidSpecs : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(InvalidSpecs, AreUsageErrorsNamingSpecAndProblem) {
    const auto& [spec, problem] = GetParam();
    try {
        parse_weighting(spec);
        FAIL() << spec << " was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        const std::string message = e.what();
        std::string shown(spec);  // control characters are shown as '?'
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20) c = '?';
        EXPECT_NE(message.find("--weighting \"" + shown + "\""), std::string::npos) << message;
        EXPECT_NE(message.find(problem), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
    }
}

INSTANTIATE_TEST_SUITE_P(Table, InvalidSpecs, ::testing::Values(
    std::pair{"", "unknown scheme"},
    std::pair{"okapi", "unknown scheme"},
    std::pair{"BM25", "unknown scheme"},
    std::pair{"bm25:", "nothing after"},
    std::pair{"bm25:k1", "expected KEY=VALUE"},
    std::pair{"bm25:=1", "expected KEY=VALUE"},
    std::pair{"bm25:k1=", "expected KEY=VALUE"},
    std::pair{"bm25:k1=1.2,", "trailing"},
    std::pair{"bm25:k1=1.2,,b=1", "expected KEY=VALUE"},
    std::pair{"bm25:k=1", "has no parameter \"k\""},
    std::pair{"bm25:k1=fast", "must be a number"},
    std::pair{"bm25:k1=1.2x", "must be a number"},
    std::pair{"bm25:k1=nan", "must be a number"},
    std::pair{"bm25:k1=inf", "must be a number"},
    std::pair{"bm25:k1=-1", "out of range"},
    std::pair{"bm25:b=1.5", "out of range"},
    std::pair{"bm25:k1=1,k1=2", "given twice"},
    std::pair{"pl2:c=0", "out of range (> 0)"},
    std::pair{"lm:smoothing=laplace", "bad smoothing"},
    std::pair{"lm:mu=0", "out of range"},
    std::pair{"tfidf:norm=xyz", "bad norm"},
    std::pair{"dlh:c=1", "has no parameter"},
    std::pair{"lm:smoothing=dirichlet,lambda=0.5", "smoothing=dirichlet has no parameter \"lambda\""},
    std::pair{"lm:smoothing=jm,mu=100", "has no parameter \"mu\""},
    std::pair{"lm:mu=100,smoothing=absolute", "has no parameter \"mu\""},
    std::pair{"bm25\n:k1=1", "--weighting \"bm25?:k1=1\""}));

TEST(Weighting, HelpListsEverySchemeWithDefaults) {
    const std::string help = weighting_help();
    for (const char* s : {"bm25      Okapi BM25: k1=1,k2=0,k3=1,b=0.5,min_normlen=0.5", "bm25plus ",
                          "smoothing=two-stage", "dlh ", "pl2 ", "ineb2 ", "norm=ntn"})
        EXPECT_NE(help.find(s), std::string::npos) << s << " not in\n" << help;
}

}  // namespace
}  // namespace newsdex
