#include "core/db/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "core/error.h"

namespace newsdex {

namespace {

pid_t read_pid(int fd) {
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    return static_cast<pid_t>(std::strtol(buf, nullptr, 10));
}

/// The holder writes its pid right after locking; give it a moment before saying "unknown".
pid_t read_holder_pid(int fd) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (const pid_t pid = read_pid(fd); pid > 0) return pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return 0;
}

std::string pid_text(pid_t pid) { return pid > 0 ? "pid " + std::to_string(pid) : "pid unknown"; }

}  // namespace

std::string IndexLock::lock_file(const std::string& root) { return root + "/newsdex-index.lock"; }

pid_t IndexLock::holder(const std::string& root) {
    const int fd = ::open(lock_file(root).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    pid_t pid = 0;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) pid = read_pid(fd);
    ::close(fd);
    return pid;
}

IndexLock::IndexLock(const std::string& root, bool wait, const std::function<void(pid_t)>& on_wait,
                     const std::function<bool()>& should_stop) {
    std::error_code ec;
    std::filesystem::create_directories(root, ec);
    const std::string path = lock_file(root);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw Error(ErrorKind::Database, "cannot lock database " + root + ": " + path + ": " + std::strerror(errno));
    bool told = false;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno != EWOULDBLOCK) {
            const std::string reason = std::strerror(errno);
            ::close(fd_);
            throw Error(ErrorKind::Database, "cannot lock database " + root + ": " + reason);
        }
        const pid_t pid = read_holder_pid(fd_);
        if (!wait) {
            ::close(fd_);
            throw Error(ErrorKind::Database,
                        "database " + root + " is locked by another newsdex-index (" + pid_text(pid) + ")",
                        "wait for it to finish, or run with --wait to queue behind it");
        }
        if (!told && on_wait) on_wait(pid);
        told = true;
        if (should_stop && should_stop()) {
            ::close(fd_);
            throw Error(ErrorKind::Database, "gave up waiting for database " + root + " (" + pid_text(pid) + ")");
        }
        // Polling rather than a blocking flock keeps SIGINT/SIGTERM effective while waiting.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] const ssize_t n = ::pwrite(fd_, pid.data(), pid.size(), 0);
    }
}

IndexLock::~IndexLock() {
    if (fd_ < 0) return;
    // Clear the pid first so nobody reports a finished indexer as the holder.
    if (::ftruncate(fd_, 0) != 0) {
    }
    ::close(fd_);
}

}  // namespace newsdex
