/** @file @brief Newsdex's error type, and the translation of Xapian's errors into it. */
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include <xapian.h>

namespace newsdex {

/// What went wrong, which each program maps to its documented exit status.
enum class ErrorKind {
    Usage,     ///< bad options or arguments
    Query,     ///< a query that cannot be parsed
    Database,  ///< missing, locked, corrupt or incompatible database; disk errors
};

class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, const std::string& message, std::string hint = {})
        : std::runtime_error(message), kind_(kind), hint_(std::move(hint)) {}
    ErrorKind kind() const { return kind_; }
    /// What the user can do about it; may be empty.
    const std::string& hint() const { return hint_; }

  private:
    ErrorKind kind_;
    std::string hint_;
};

/// Turns a Xapian error met while using the database at db_path into an Error whose
/// message names the database and whose hint says what to try.
Error database_error(const Xapian::Error& e, const std::string& db_path);

/// The boundary between Xapian's errors and Newsdex's, for use in a `catch (...)` block:
/// rethrows the exception in flight, a Xapian::Error as database_error(e, db_path) and
/// anything else as it is. Code in core/ calls this (or with_xapian) instead of writing its
/// own `catch (const Xapian::Error&) { throw database_error(...); }`.
[[noreturn]] void rethrow_as_database_error(const std::string& db_path);

/// Runs fn(), its Xapian errors turned into Newsdex's by rethrow_as_database_error.
template <class Fn>
decltype(auto) with_xapian(const std::string& db_path, Fn&& fn) {
    try {
        return std::forward<Fn>(fn)();
    } catch (...) {
        rethrow_as_database_error(db_path);
    }
}

/// How many times a reader reopens its database and tries again when Xapian says what it
/// read is gone: DatabaseModifiedError (an indexer committed twice meanwhile) or, when
/// opening, DatabaseOpeningError (a --rebuild switched the stub and removed the old
/// index). Each retry is one reopen, without waiting; 20 is the most any of the four
/// readers allowed before they shared this helper, so none gives up sooner.
inline constexpr int kReopenRetries = 20;

/// Runs fn(); when it throws XapianError, calls reopen() and runs it again, at most
/// kReopenRetries times, after which the error goes to the caller (with_xapian names it).
template <class XapianError = Xapian::DatabaseModifiedError, class Fn, class Reopen>
decltype(auto) retry_reopening(Fn&& fn, Reopen&& reopen) {
    for (int attempt = 0;; ++attempt) {
        try {
            return fn();
        } catch (const XapianError&) {
            if (attempt >= kReopenRetries) throw;
            reopen();
        }
    }
}

/// An article Xapian refuses to store (Xapian::InvalidArgumentError, e.g. a term it cannot
/// hold): that article fails, named with its file, and the run goes on. Not a database error.
class ArticleRejected : public std::runtime_error {
  public:
    explicit ArticleRejected(const Xapian::Error& e) : std::runtime_error(e.get_msg()) {}
};

/// Prints "<program>: <message>" and, if any, "<program>: hint: <hint>" to stderr.
void print_error(const std::string& program, const std::string& message,
                 const std::string& hint = {});

}  // namespace newsdex
