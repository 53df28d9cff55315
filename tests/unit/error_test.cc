// The Xapian boundary (core/error.h): one mapping of Xapian's errors to Newsdex's, one
// retry-after-reopen helper with one limit.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/error.h"

namespace newsdex {
namespace {

TEST(XapianBoundary, XapianErrorsBecomeDatabaseErrorsNamingTheDatabase) {
    try {
        with_xapian("/data/db", []() -> int { throw Xapian::DatabaseLockError("held"); });
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Database);
        EXPECT_EQ(std::string(e.what()), "database /data/db is locked by another newsdex-index");
        EXPECT_FALSE(e.hint().empty());
    }
}

TEST(XapianBoundary, OtherExceptionsPassThroughUnchanged) {
    EXPECT_THROW(with_xapian("db", []() -> int { throw std::out_of_range("x"); }), std::out_of_range);
    try {
        with_xapian("db", [] { throw Error(ErrorKind::Usage, "mine"); });
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_EQ(std::string(e.what()), "mine");
    }
    EXPECT_EQ(with_xapian("db", [] { return 7; }), 7);
}

TEST(XapianBoundary, RetryReopensUntilTheReadSucceeds) {
    int calls = 0, reopens = 0;
    const int value = retry_reopening(
        [&] {
            if (++calls < 3) throw Xapian::DatabaseModifiedError("moved on");
            return 42;
        },
        [&] { ++reopens; });
    EXPECT_EQ(value, 42);
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(reopens, 2);
}

TEST(XapianBoundary, RetryGivesUpAfterTheDocumentedLimit) {
    int calls = 0, reopens = 0;
    EXPECT_THROW(retry_reopening([&]() -> int { ++calls; throw Xapian::DatabaseModifiedError("again"); },
                                 [&] { ++reopens; }),
                 Xapian::DatabaseModifiedError);
    EXPECT_EQ(calls, kReopenRetries + 1);
    EXPECT_EQ(reopens, kReopenRetries);
    // Only the named error is retried.
    calls = 0;
    EXPECT_THROW(retry_reopening([&]() -> int { ++calls; throw Xapian::DatabaseCorruptError("bad"); }, [] {}),
                 Xapian::DatabaseCorruptError);
    EXPECT_EQ(calls, 1);
}

TEST(XapianBoundary, ARejectedArticleIsNotADatabaseError) {
    const ArticleRejected e(Xapian::InvalidArgumentError("Term too long (> 245): XYZ"));
    EXPECT_EQ(std::string(e.what()), "Term too long (> 245): XYZ");
    EXPECT_EQ(dynamic_cast<const Error*>(static_cast<const std::runtime_error*>(&e)), nullptr);
}

}  // namespace
}  // namespace newsdex
