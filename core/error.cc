#include "core/error.h"

#include <iostream>

namespace newsdex {

Error database_error(const Xapian::Error& e, const std::string& db_path) {
    const std::string type = e.get_type();
    const std::string what = e.get_msg().empty() ? e.get_description() : e.get_msg();
    if (type == "DatabaseLockError")
        return Error(ErrorKind::Database,
                     "database " + db_path + " is locked by another newsdex-index",
                     "wait for the other indexer to finish, then run again");
    if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
        return Error(ErrorKind::Database, "cannot open database " + db_path + ": " + what,
                     "create it with: newsdex-index --db " + db_path + " PATH...");
    if (type == "DatabaseCorruptError")
        return Error(ErrorKind::Database, "database " + db_path + " is corrupt: " + what,
                     "check it with xapian-check, or rebuild it from the source files");
    // Xapian keeps the errno text apart from the message ("Error writing block 137").
    const char* errno_text = e.get_error_string();
    const std::string system = errno_text ? errno_text : "";
    if (system == "No space left on device" || system == "Disk quota exceeded" ||
        what.find("No space left on device") != std::string::npos)
        return Error(ErrorKind::Database,
                     "database " + db_path + ": out of disk space (" + what + (system.empty() ? "" : ": " + system) +
                         "); it still holds everything committed before this",
                     "free some space and run again: the next run carries on where this one stopped");
    if (type == "DatabaseVersionError")
        return Error(ErrorKind::Database,
                     "database " + db_path + " was made by an incompatible Xapian: " + what);
    return Error(ErrorKind::Database, "database " + db_path + ": " + type + ": " + what);
}

void rethrow_as_database_error(const std::string& db_path) {
    try {
        throw;
    } catch (const Xapian::Error& e) {
        throw database_error(e, db_path);
    }
}

void print_error(const std::string& program, const std::string& message, const std::string& hint) {
    std::cerr << program << ": " << message << '\n';
    if (!hint.empty()) std::cerr << program << ": hint: " << hint << '\n';
}

}  // namespace newsdex
