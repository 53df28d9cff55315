/** @file @brief A blocking multi-producer, multi-consumer queue bounded by item weight,
 *  so a pipeline holds at most a fixed amount of work in memory whatever the input. */
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace newsdex {

template <typename T>
class BoundedQueue {
  public:
    /// max_weight bounds the summed weight of queued items; one item heavier than that
    /// is still accepted when the queue is empty, so nothing can block forever.
    explicit BoundedQueue(std::size_t max_weight) : max_weight_(max_weight) {}

    /// Blocks while the queue is full. Returns false (dropping the item) once closed.
    bool push(T item, std::size_t weight = 1) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || items_.empty() || weight_ + weight <= max_weight_; });
        if (closed_) return false;
        weight_ += weight;
        items_.emplace_back(std::move(item), weight);
        not_empty_.notify_one();
        return true;
    }

    /// The next item; nullopt when the queue is closed and drained, or when `timeout`
    /// passes first (check closed_and_empty() to tell the two apart).
    std::optional<T> pop(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        if (!not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); })) return std::nullopt;
        return take(lock);
    }

    /// The next item, waiting as long as needed; nullopt once closed and drained.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        return take(lock);
    }

    /// No more pushes; consumers drain what is queued, then get nullopt.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }

    bool closed_and_empty() const {
        std::lock_guard lock(mutex_);
        return closed_ && items_.empty();
    }

  private:
    std::optional<T> take(std::unique_lock<std::mutex>&) {
        if (items_.empty()) return std::nullopt;
        auto [item, weight] = std::move(items_.front());
        items_.pop_front();
        weight_ -= weight;
        not_full_.notify_all();
        return std::optional<T>(std::move(item));
    }

    const std::size_t max_weight_;
    mutable std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<std::pair<T, std::size_t>> items_;
    std::size_t weight_ = 0;
    bool closed_ = false;
};

}  // namespace newsdex
