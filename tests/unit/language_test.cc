#include "core/text/language.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

struct LanguageRow {
    const char* input;
    const char* code;     // nullptr: not found
    const char* stemmer;
};

class LanguageTest : public ::testing::TestWithParam<LanguageRow> {};

TEST_P(LanguageTest, Resolves) {
    const auto& row = GetParam();
    auto lang = find_language(row.input);
    if (!row.code) {
        EXPECT_FALSE(lang.has_value()) << row.input;
        return;
    }
    ASSERT_TRUE(lang.has_value()) << row.input;
    EXPECT_EQ(lang->code, row.code);
    EXPECT_EQ(lang->stemmer, row.stemmer);
}

INSTANTIATE_TEST_SUITE_P(Table, LanguageTest, ::testing::Values(
    LanguageRow{"en", "en", "english"},
    LanguageRow{"English", "en", "english"},
    LanguageRow{"en-GB", "en", "english"},
    LanguageRow{"de_AT", "de", "german"},
    LanguageRow{"FRENCH", "fr", "french"},
    LanguageRow{"nb", "no", "norwegian"},
    LanguageRow{"ru", "ru", "russian"},
    LanguageRow{"none", "", "none"},
    LanguageRow{"klingon", nullptr, nullptr},
    LanguageRow{"", nullptr, nullptr},
    LanguageRow{"zz-ZZ", nullptr, nullptr}));

TEST(LanguageList, NamesEveryStemmerXapianHas) {
    const std::string known = known_languages();
    for (const char* name : {"english", "german", "french", "spanish", "italian", "dutch",
                             "portuguese", "russian", "none"})
        EXPECT_NE(known.find(name), std::string::npos) << name;
}

}  // namespace
}  // namespace newsdex
