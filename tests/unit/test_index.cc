#include "tests/unit/test_index.h"

#include "core/index/index_writer.h"

namespace newsdex::test {

Article make_article(const std::string& id, const std::string& title, std::vector<std::string> paragraphs,
                     std::vector<std::string> authors, std::string date) {
    Article a;
    a.id = id;
    a.path = id;
    a.title = title;
    a.paragraphs = std::move(paragraphs);
    a.authors = std::move(authors);
    a.language = "en";
    if (!date.empty()) {
        a.date = parse_date(date);
        a.date_origin = DateOrigin::Header;
    }
    return a;
}

TestIndex::TestIndex(const std::vector<Article>& articles) {
    IndexWriterOptions options;
    options.db_path = path();
    IndexWriter writer(options);
    for (const auto& a : articles) writer.add(a);
    writer.commit();
}

}  // namespace newsdex::test
