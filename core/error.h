/** @file @brief Newsdex's error type, and the translation of Xapian's errors into it. */
#pragma once

#include <stdexcept>
#include <string>

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

/// Prints "<program>: <message>" and, if any, "<program>: hint: <hint>" to stderr.
void print_error(const std::string& program, const std::string& message,
                 const std::string& hint = {});

}  // namespace newsdex
