#include "tests/support/run_command.h"

#include "tests/support/child_process.h"

namespace newsdex::test {

CommandResult run_command(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    // The same spawning as a background child, waited for at once.
    ChildProcess child(argv, env);
    CommandResult result;
    result.exit_code = child.wait();
    result.out = child.out();
    result.err = child.err();
    return result;
}

}  // namespace newsdex::test
