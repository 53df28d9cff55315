/** @file @brief A program started in the background, for tests that signal or race it. */
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace newsdex::test {

class ChildProcess {
  public:
    /// Starts argv[0] (no shell) with stdin from /dev/null and stdout/stderr to files.
    explicit ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
    ~ChildProcess();  ///< kills and reaps it if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    void signal(int sig) const;
    /// Waits for it to end; returns the exit status, or -1 if a signal ended it.
    int wait();
    /// The signal that ended it (after wait()), 0 if it exited.
    int term_signal() const { return term_signal_; }
    bool running();
    std::string out() const;
    std::string err() const;

  private:
    TempDir dir_;
    pid_t pid_ = -1;
    bool reaped_ = false;
    int exit_code_ = -1;
    int term_signal_ = 0;
};

}  // namespace newsdex::test
