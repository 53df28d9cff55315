#include "core/db/db_path.h"

#include <cstdlib>

#include "core/error.h"

namespace newsdex {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

}  // namespace

std::string resolve_db_path(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (auto db = env("NEWSDEX_DB"); !db.empty()) return db;
    // XDG base directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/')
        return xdg + "/newsdex/db";
    if (auto home = env("HOME"); !home.empty()) return home + "/.local/share/newsdex/db";
    throw Error(ErrorKind::Usage, "no database location: HOME is not set",
                "pass --db DIR or set NEWSDEX_DB");
}

}  // namespace newsdex
