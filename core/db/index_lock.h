/** @file @brief One newsdex-index per database: an flock(2) on a file in the database
 *  folder that records the holder's pid. The kernel drops the lock when its holder dies,
 *  however it dies (kill -9 included), so a lock can never be left stale. */
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>

namespace newsdex {

class IndexLock {
  public:
    /// Locks the database folder `root` (created if missing). When another process holds
    /// it: throws Error(Database) "locked by another newsdex-index (pid N)" unless `wait`,
    /// in which case it calls on_wait(pid) once and waits until the lock is free or
    /// should_stop() returns true (then throws Error(Database) "gave up waiting").
    IndexLock(const std::string& root, bool wait, const std::function<void(pid_t)>& on_wait = {},
              const std::function<bool()>& should_stop = {});
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    /// The pid recorded by the process holding root's lock, or 0 when it is free or unknown.
    static pid_t holder(const std::string& root);

    static std::string lock_file(const std::string& root);

  private:
    int fd_ = -1;
};

}  // namespace newsdex
