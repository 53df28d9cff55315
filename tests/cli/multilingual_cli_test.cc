// End-to-end tests of issue 19's query-side items on small team-written articles in
// several languages: every language a database holds is searched in its own stemming (7),
// spelling corrections are searched only when far likelier than the word typed and say so
// on every output (8), and a capitalised word whose stem the index holds finds it (9).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

using json = nlohmann::json;

// A German CSV, as a newsroom exports it (header row; each row detected as German).
constexpr const char* kGermanCsv =
    "title,text\n"
    "Gewerkschaften fordern neue Verträge,\"Die Gewerkschaften haben am Montag neue Verträge für die Beschäftigten "
    "im öffentlichen Dienst gefordert. Nach Angaben der Verhandlungsführer sollen die Verträge eine Laufzeit von "
    "zwei Jahren haben und deutliche Lohnerhöhungen enthalten. Die Arbeitgeber lehnten die Forderungen zunächst ab "
    "und kündigten ein eigenes Angebot für die nächste Woche an.\"\n"
    "Neue Brücke über die Donau eröffnet,\"Nach drei Jahren Bauzeit ist die neue Brücke über die Donau am Samstag "
    "eröffnet worden. Der Bürgermeister sprach von einem wichtigen Tag für die ganze Region, weil die Pendler nun "
    "deutlich schneller in die Stadt kommen. Die Kosten lagen am Ende unter dem geplanten Betrag.\"\n";

constexpr const char* kFrench =
    "Title: Les agriculteurs manifestent devant la préfecture\n\n"
    "Plusieurs centaines d'agriculteurs manifestaient depuis ce matin devant la préfecture pour protester contre "
    "la baisse des prix du lait. Les manifestants réclament une aide d'urgence de l'État et dénoncent des normes "
    "environnementales qu'ils jugent trop contraignantes. Le préfet a accepté de recevoir une délégation.\n";

constexpr const char* kRussian =
    "Title: В Москве открылась выставка современного искусства\n\n"
    "В Москве в субботу открылась большая выставка современного искусства. Организаторы сообщили, что в "
    "экспозиции представлены работы более ста художников из разных городов страны. Выставка продлится до конца "
    "месяца, вход для студентов бесплатный.\n";

std::string english(const std::string& title, const std::string& body) { return "Title: " + title + "\n\n" + body + "\n"; }

class MultilingualCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        tmp_->write("mixed/vertraege.csv", kGermanCsv);
        tmp_->write("mixed/agriculteurs.txt", kFrench);
        tmp_->write("mixed/moskau.txt", kRussian);
        // English articles, different stories: the words typos are corrected to, held by several.
        const char* stories[] = {
            "The city council approved the government budget on Monday after a long debate. Ukraine's ambassador "
            "watched from the gallery as councillors argued over the cost of new phone masts near the harbour.",
            "Farmers met the government in the market hall to ask for credit before the harvest. A speaker from "
            "Ukraine's grain union described how the war changed exports, and the council promised a reply.",
            "A museum of Ukraine's history opens in the old railway station next spring. The council and the "
            "government share the cost; volunteers have already collected letters, maps and phone recordings.",
            "Students from Ukraine's universities joined a summer school on river ecology. The government pays "
            "their travel, the council found rooms, and the local paper printed their essays on floods.",
        };
        for (int i = 0; i < 4; ++i)
            tmp_->write("mixed/council-" + std::to_string(i) + ".txt",
                        english("Council news number " + std::to_string(i), stories[i]));
        tmp_->write("mixed/poets.txt", english("Poets in the village", "The poet Ovid never visited the village of "
                                                                   "Kyv, where the library keeps his verses."));
        db_ = tmp_->str() + "/db";
        const auto r = index_cmd({"--db", db_, tmp_->str() + "/mixed"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static json search_json(std::vector<std::string> args, const std::string& db = db_) {
        args.insert(args.begin(), {"--db", db, "--format", "json"});
        const auto r = search_cmd(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return json::parse(r.out);
    }
    static std::string count(const std::string& query, const std::string& db = db_) {
        return search_cmd({"--db", db, "--count", query}).out;
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string db_;
};

TEST_F(MultilingualCli, LowerCaseWordsFindArticlesInEveryLanguageTheDatabaseHolds) {
    EXPECT_EQ(count("verträge"), "1\n");          // German stem vertrag, not English verträg
    EXPECT_EQ(count("gewerkschaften"), "1\n");
    EXPECT_EQ(count("lang:de verträgen"), "1\n");  // another form of the same German word
    EXPECT_EQ(count("lang:fr verträge"), "0\n");
    EXPECT_EQ(count("manifestent"), "1\n");        // French manifest-, the text says manifestaient
    EXPECT_EQ(count("москва"), "1\n");             // Russian москв, the text says Москве
    EXPECT_EQ(count("council"), "4\n");            // English as before
    // Matched words are marked in the article's own language.
    const auto j = search_json({"brücken"});
    ASSERT_EQ(j["hits"].size(), 1u) << j.dump();
    EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>Brücke</mark>"), std::string::npos) << j.dump();
    EXPECT_FALSE(j["hits"][0]["snippet_from_lead"].get<bool>());
}

TEST_F(MultilingualCli, DatabasesOfDifferentLanguagesAreSearchedTogether) {
    const std::string german_db = tmp_->str() + "/de.db";
    tmp_->write("german-only/bruecke.txt",
                "Title: Die Brücke\n\nDie neuen Verträge für den Brückenbau wurden gestern unterschrieben, sagte "
                "die Stadt. Der Bau soll im Frühjahr beginnen und zwei Jahre dauern.\n");
    ASSERT_EQ(index_cmd({"--db", german_db, "--language", "de", tmp_->str() + "/german-only"}).exit_code, 0);
    const auto r = search_cmd({"--db", db_, "--db", german_db, "--count", "verträge"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "2\n");
    EXPECT_EQ(search_cmd({"--db", db_, "--db", german_db, "--count", "council"}).out, "4\n");
}

TEST_F(MultilingualCli, NamesTheIndexLacksAreNotReplacedByOtherWords) {
    // Each would be one or two edits from a word the articles hold; none is a typo of it.
    for (const char* name : {"Brexit", "Kyiv", "Covid", "iPhone", "Ocouncil", "Bitcoin"}) {
        const auto j = search_json({name});
        SCOPED_TRACE(name);
        EXPECT_TRUE(j["corrected_from"].is_null()) << j.dump();
        EXPECT_EQ(j["query"], name);
        EXPECT_EQ(j["total"], 0);
    }
    // A typo of a word several articles hold is still corrected, and says so.
    const auto j = search_json({"goverment"});
    EXPECT_EQ(j["query"], "government");
    EXPECT_EQ(j["corrected_from"], "goverment");
    EXPECT_EQ(j["total"], 4);
}

TEST_F(MultilingualCli, EveryOutputSaysWhenACorrectionWasSearched) {
    for (const char* mode : {"--count", "--ids"}) {
        const auto r = search_cmd({"--db", db_, mode, "goverment"});
        SCOPED_TRACE(mode);
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_TRUE(contains(r.err, "searched \"government\" instead of \"goverment\"")) << r.err;
    }
    auto r = search_cmd({"--db", db_, "--format", "jsonl", "goverment"});
    EXPECT_TRUE(contains(r.err, "searched \"government\" instead of \"goverment\"")) << r.err;
    EXPECT_EQ(line_count(r.out), 4u);
    r = search_cmd({"--db", db_, "--count", "government"});
    EXPECT_EQ(r.err, "");
    // --no-correct: the query as typed, and the suggestion only.
    r = search_cmd({"--db", db_, "--count", "--no-correct", "goverment"});
    EXPECT_EQ(r.out, "0\n");
}

TEST_F(MultilingualCli, ACapitalisedWordWhoseStemTheIndexHoldsFindsIt) {
    // "Ukrain" is no word of the articles; "Ukraine's" stems to ukrain.
    EXPECT_EQ(count("ukrain"), "4\n");
    const auto j = search_json({"Ukrain"});
    EXPECT_EQ(j["total"], 4) << j.dump();
    EXPECT_EQ(j["query"], "ukrain");
    EXPECT_EQ(j["corrected_from"], "Ukrain");
    const auto r = search_cmd({"--db", db_, "--color", "never", "Ukrain"});
    EXPECT_TRUE(contains(r.out, "Showing results for \"ukrain\"")) << r.out;
}

}  // namespace
}  // namespace newsdex::test
