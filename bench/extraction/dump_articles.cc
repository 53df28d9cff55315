// Prints the stored data (a JSON object: id, title, body, date, date_origin, ...) of every
// document of a Newsdex database, one per line, for the extraction benchmark to score.
// Usage: newsdex-bench-dump-articles DB
#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: newsdex-bench-dump-articles DB\n";
        return 2;
    }
    try {
        const Xapian::Database db(argv[1]);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            std::cout << db.get_document(*it).get_data() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdex-bench-dump-articles: " << argv[1] << ": " << e.get_msg() << '\n';
        return 1;
    }
    return 0;
}
