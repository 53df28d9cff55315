/** @file @brief Running a program the way a user would, capturing what it prints. */
#pragma once

#include <map>
#include <string>
#include <vector>

namespace newsdex::test {

struct CommandResult {
    int exit_code = -1;  ///< -1 if it did not exit normally (e.g. killed by a signal)
    std::string out;
    std::string err;
};

/// Runs argv[0] with the arguments (no shell), with `env` added to the environment.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

}  // namespace newsdex::test
