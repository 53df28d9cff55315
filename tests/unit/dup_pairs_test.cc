// Precision and recall of duplicate detection on the team-written pairs in
// tests/data/duplicates (see its README): syndicated rewrites and trimmed copies must be
// grouped; different stories on the same topic, and follow-ups that reuse a paragraph,
// must not.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/index/dup_signature.h"
#include "core/index/ingest.h"
#include "core/readers/read_file.h"
#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(NEWSDEX_TEST_DATA_DIR) + "/duplicates";

struct LabelledPair {
    std::string first, second;
    bool same;
};

std::vector<LabelledPair> labelled_pairs() {
    std::vector<LabelledPair> pairs;
    std::ifstream in(kData + "/pairs.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        LabelledPair p;
        std::string label;
        std::getline(fields, p.first, '\t');
        std::getline(fields, p.second, '\t');
        std::getline(fields, label, '\t');
        p.same = label == "same";
        pairs.push_back(p);
    }
    return pairs;
}

/// Every pair of articles; same story = same number and a w/r/t name (README).
std::vector<LabelledPair> all_pairs(const std::vector<std::string>& names) {
    auto story = [](const std::string& n) { return n[0] == 'd' || n[0] == 'f' ? n : n.substr(1, 2); };
    std::vector<LabelledPair> pairs;
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j)
            pairs.push_back({names[i], names[j], story(names[i]) == story(names[j])});
    return pairs;
}

struct Score {
    std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
    double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0; }
    double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0; }
    void add(bool predicted, bool actual) { ++(predicted ? (actual ? tp : fp) : (actual ? fn : tn)); }
};

class BodySink : public readers::ArticleSink {
  public:
    void article(Article&& a) override { body = a.body_text(); }
    void problem(Problem&&) override {}
    std::string body;
};

std::map<std::string, DupSignature> signatures() {
    std::map<std::string, DupSignature> out;
    for (const auto& e : fs::directory_iterator(kData + "/articles")) {
        BodySink sink;
        readers::read_file(e.path().string(), {}, sink);
        out[e.path().stem().string()] = make_signature(sink.body);
    }
    return out;
}

void report(const std::string& what, const Score& s) {
    std::cout << "[ figures  ] " << what << ": precision " << s.precision() << ", recall " << s.recall() << " (tp "
              << s.tp << ", fp " << s.fp << ", fn " << s.fn << ", tn " << s.tn << ")\n";
}

TEST(DuplicatePairs, SignaturesSeparateRewritesFromSameTopicStories) {
    const auto sigs = signatures();
    ASSERT_EQ(sigs.size(), 36u);
    Score labelled, everything;
    for (const auto& p : labelled_pairs()) labelled.add(classify(sigs.at(p.first), sigs.at(p.second)) != DupKind::None, p.same);
    std::vector<std::string> names;
    for (const auto& [name, sig] : sigs) names.push_back(name);
    for (const auto& p : all_pairs(names)) everything.add(classify(sigs.at(p.first), sigs.at(p.second)) != DupKind::None, p.same);
    report("signature, 42 labelled pairs", labelled);
    report("signature, all 630 pairs", everything);
    EXPECT_EQ(labelled.tp + labelled.fn, 16u);
    EXPECT_GE(labelled.precision(), 0.95);
    EXPECT_GE(labelled.recall(), 0.9);
    EXPECT_GE(everything.precision(), 0.95);
}

TEST(DuplicatePairs, TheIndexerGroupsThemTheSameWay) {
    test::TempDir dir;
    IndexWriterOptions w;
    w.db_path = dir.str() + "/db";
    std::map<std::string, std::string> group_of;
    {
        IndexWriter writer(w);
        IngestOptions options;
        options.paths = {kData + "/articles"};
        options.jobs = 1;
        IngestObserver quiet;
        std::atomic<bool> stop{false};
        ingest(writer, options, quiet, stop);
        writer.finish();
    }
    Xapian::Database db(w.db_path);
    for (const auto& e : fs::directory_iterator(kData + "/articles")) {
        const std::string term = schema::id_term(fs::canonical(e.path()).string());
        ASSERT_TRUE(db.term_exists(term)) << e.path();
        group_of[e.path().stem().string()] = db.get_document(*db.postlist_begin(term)).get_value(schema::kSlotDupGroup);
    }
    Score labelled, everything;
    for (const auto& p : labelled_pairs()) labelled.add(group_of.at(p.first) == group_of.at(p.second), p.same);
    std::vector<std::string> names;
    for (const auto& [name, group] : group_of) names.push_back(name);
    for (const auto& p : all_pairs(names)) everything.add(group_of.at(p.first) == group_of.at(p.second), p.same);
    report("indexer groups, 42 labelled pairs", labelled);
    report("indexer groups, all 630 pairs", everything);
    EXPECT_GE(labelled.precision(), 0.95);
    EXPECT_GE(labelled.recall(), 0.9);
    EXPECT_GE(everything.precision(), 0.95);
}

}  // namespace
}  // namespace newsdex
