/** @file @brief An input the indexer could not fully use, and how badly. */
#pragma once

#include <string>

namespace newsdex {

struct Problem {
    enum class Level {
        Repaired,  ///< indexed, but the text was repaired (bad bytes replaced, ...)
        Skipped,   ///< not an article: empty, binary, too large, no text
        Failed,    ///< could not be read or stored
    };
    Level level;
    std::string where;   ///< file path, with ":line" or "!member" where there is one
    std::string reason;  ///< one line, says why
};

}  // namespace newsdex
