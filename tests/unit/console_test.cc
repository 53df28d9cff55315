#include "indexer/console.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "indexer/summary.h"

namespace newsdex {
namespace {

/// A FILE* whose contents the test can read back.
class Capture {
  public:
    Capture() : file_(std::tmpfile()) {}
    ~Capture() { std::fclose(file_); }
    std::FILE* get() { return file_; }
    std::string text() {
        std::fflush(file_);
        std::rewind(file_);
        std::string out;
        for (int c; (c = std::fgetc(file_)) != EOF;) out += static_cast<char>(c);
        return out;
    }

  private:
    std::FILE* file_;
};

IngestProgress progress_of(const IngestStats& stats, double seconds) {
    IngestProgress p;
    p.stats = &stats;
    p.files_total = 100;
    p.bytes_total = 1000000;
    p.totals_known = true;
    p.bytes_done = 250000;
    p.seconds = seconds;
    return p;
}

TEST(Console, ProgressTextHasCountsRatesEtaAndWarnings) {
    IngestStats s;
    s.files = 25;
    s.added = 20;
    s.replaced = 5;
    s.skipped = 1;
    IngestProgress p = progress_of(s, 5);
    p.bytes_read = 250000;
    EXPECT_EQ(Console::progress_text(p),
              "25/100 files, 0.2/1.0 MB, 25 articles, 5 articles/s, 0.1 MB/s, ETA 15s, 1 warning");
}

// Inside one big file: no file is done yet, but the bytes the reader is through give the
// rate and the ETA (the arithmetic, with the run's seconds given: no clock involved).
TEST(Console, InsideOneBigFileBytesReadGiveRateAndEta) {
    IngestStats s;
    s.added = 16673;
    IngestProgress p;
    p.stats = &s;
    p.files_total = 1;
    p.bytes_total = 80'000'000;
    p.totals_known = true;
    p.bytes_read = 30'000'000;
    p.bytes_done = 30'000'000;
    p.seconds = 10;
    // 3 MB/s; 50 MB to go: 16.7 s.
    EXPECT_EQ(Console::progress_text(p), "0/1 files, 30.0/80.0 MB, 16673 articles, 1667 articles/s, 3.0 MB/s, ETA 17s, 0 warnings");
    p.seconds = 0.5;  // too early for an estimate worth showing
    EXPECT_EQ(Console::progress_text(p), "0/1 files, 30.0/80.0 MB, 16673 articles, 33346 articles/s, 60.0 MB/s, 0 warnings");
    // Unchanged files count as done, not as read: they make neither the rate nor the time.
    p.seconds = 5;
    p.bytes_read = 10'000'000;
    p.bytes_done = 50'000'000;  // 40 MB unchanged + 10 MB read at 2 MB/s; 30 MB to go
    p.bytes_total = 80'000'000;
    EXPECT_EQ(Console::progress_text(p), "0/1 files, 50.0/80.0 MB, 16673 articles, 3335 articles/s, 2.0 MB/s, ETA 15s, 0 warnings");
    p.bytes_total = 8'000'000'000;  // hours to go
    EXPECT_NE(Console::progress_text(p).find("/8000.0 MB, 16673 articles, 3335 articles/s, 2.0 MB/s, ETA 1h06m,"), std::string::npos)
        << Console::progress_text(p);  // 7950 MB at 2 MB/s: 3975 s
    // While the walk is still counting, there is no total and no ETA.
    p.totals_known = false;
    EXPECT_EQ(Console::progress_text(p), "0 files, 50.0 MB, 16673 articles, 3335 articles/s, 2.0 MB/s, 0 warnings");
}

TEST(Console, ALiveLineIsClearedBeforeAWarningAndRedrawnAfter) {
    Capture out, err;
    Console console(out.get(), err.get(), Console::Progress::Live, false, std::chrono::seconds(10), 60);
    IngestStats s;
    s.files = 1;
    console.tick(progress_of(s, 1));
    console.problem({Problem::Level::Skipped, "/x/empty.txt", "empty file"});
    console.finish();
    const std::string text = err.text();
    // Drawn in place (\r, no newline), erased (\r ESC[K) before the warning line, redrawn.
    const auto first = text.find("\rnewsdex-index: 1/100 files");
    const auto clear = text.find("\r\033[Knewsdex-index: skipped: /x/empty.txt: empty file\n");
    ASSERT_NE(first, std::string::npos) << text;
    ASSERT_NE(clear, std::string::npos) << text;
    EXPECT_LT(first, clear);
    EXPECT_NE(text.find("\rnewsdex-index: 1/100", clear), std::string::npos) << "not redrawn after the warning";
    EXPECT_TRUE(text.ends_with("\r\033[K")) << "the live line must be gone before the summary";
    // Cut to the terminal's width, so it never wraps (a wrapped line cannot be redrawn).
    for (std::size_t pos = 0; (pos = text.find("\rnewsdex-index: 1/", pos)) != std::string::npos; ++pos) {
        const auto end = text.find('\033', pos);
        EXPECT_LE(end - pos - 1, 59u);
    }
}

TEST(Console, OnAPipeProgressIsPlainPeriodicLines) {
    Capture out, err;
    Console console(out.get(), err.get(), Console::Progress::Log, true, std::chrono::milliseconds(0) + std::chrono::milliseconds(1));
    IngestStats s;
    console.tick(progress_of(s, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    console.tick(progress_of(s, 1));
    FileReport r;
    r.path = "/x/a.txt";
    r.added = 1;
    console.file_done(r);
    const std::string text = err.text();
    EXPECT_EQ(text.find('\r'), std::string::npos);
    EXPECT_EQ(text.find('\033'), std::string::npos);
    EXPECT_NE(text.find("newsdex-index: progress: 0/100 files"), std::string::npos) << text;
    EXPECT_EQ(out.text(), "indexed /x/a.txt: 1 new\n");
}

TEST(Summary, KeepsTheV1WordsAndGroupsReasons) {
    IngestStats s;
    s.files = 12;
    s.files_read = 10;
    s.files_unchanged = 2;
    s.added = 6;
    s.replaced = 1;
    s.unchanged = 2;
    s.deleted = 3;
    s.duplicates_exact = 1;
    s.duplicates_near = 2;
    s.skipped = 3;
    s.failed = 1;
    s.skip_reasons = {{"empty file", 2}, {"binary file", 1}};
    s.fail_reasons = {{"Permission denied", 1}};
    s.bytes_read = 2000000;
    const std::string text = format_summary(s, 2.0, "/db");
    EXPECT_EQ(text,
              "indexed 7 articles (6 new, 1 updated), 2 unchanged, 3 deleted, 3 duplicates (1 exact, 2 near) "
              "from 12 files (10 read, 2 unchanged); 3 skipped, 1 failed; 2.00 s, 4 articles/s, 1.00 MB/s -> /db\n"
              "  skipped: 2 empty file, 1 binary file\n"
              "  failed: 1 Permission denied\n");
}

}  // namespace
}  // namespace newsdex
