#include "web/reader_pool.h"

#include "core/error.h"

namespace newsdex::web {

ReaderPool::ReaderPool(std::vector<std::string> dbs, std::size_t size) : dbs_(std::move(dbs)), size_(size) {}

ReaderPool::Lease::~Lease() {
    if (pool_) pool_->give_back(std::move(searcher_));
}

ReaderPool::Lease ReaderPool::acquire() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return !idle_.empty() || lent_ < size_; });
        ++lent_;
        if (!idle_.empty()) {
            searcher = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    try {
        if (searcher) {
            try {
                // Cheap when nothing changed: Xapian compares the revision it holds.
                searcher->reopen();
            } catch (const Error&) {
                searcher.reset();  // e.g. --rebuild replaced the index: open it afresh
            }
        }
        if (!searcher) searcher = std::make_unique<Searcher>(dbs_);
    } catch (...) {
        give_back(nullptr);
        throw;
    }
    return Lease(*this, std::move(searcher));
}

void ReaderPool::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        --lent_;
        if (searcher) idle_.push_back(std::move(searcher));
    }
    returned_.notify_one();
}

}  // namespace newsdex::web
