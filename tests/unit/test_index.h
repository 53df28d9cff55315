/** @file @brief Builds a real on-disk Newsdex database from inline articles, for tests. */
#pragma once

#include <string>
#include <vector>

#include "core/article/article.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {

/// A short article: id, title, body paragraphs; optional author and date.
Article make_article(const std::string& id, const std::string& title, std::vector<std::string> paragraphs,
                     std::vector<std::string> authors = {}, std::string date = {});

/// A database in a temporary folder holding `articles`, written by IndexWriter.
class TestIndex {
  public:
    explicit TestIndex(const std::vector<Article>& articles);
    std::string path() const { return (dir_.path() / "db").string(); }

  private:
    TempDir dir_;
};

}  // namespace newsdex::test
