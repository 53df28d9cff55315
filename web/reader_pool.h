/** @file @brief Searchers shared by the server's threads: each request borrows one, which
 *  first moves to the newest revision the indexer committed. */
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/search/search.h"

namespace newsdex::web {

class ReaderPool {
  public:
    /// At most `size` searchers, opened when first needed: a database that is missing at
    /// start-up is searched once it appears (until then each request gets Error(Database)).
    ReaderPool(std::vector<std::string> dbs, std::size_t size);

    class Lease {
      public:
        Lease(ReaderPool& pool, std::unique_ptr<Searcher> searcher) : pool_(&pool), searcher_(std::move(searcher)) {}
        Lease(Lease&& other) noexcept : pool_(other.pool_), searcher_(std::move(other.searcher_)) {
            other.pool_ = nullptr;
        }
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }
        /// The searcher met a database error: close it rather than hand it on.
        void discard() { searcher_.reset(); }

      private:
        ReaderPool* pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    /// A searcher at the newest committed revision; waits while all are lent out.
    /// Throws Error(Database) when the database cannot be opened.
    Lease acquire();

  private:
    void give_back(std::unique_ptr<Searcher> searcher);

    std::vector<std::string> dbs_;
    std::size_t size_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Searcher>> idle_;
    std::size_t lent_ = 0;  ///< borrowed, or being opened
};

}  // namespace newsdex::web
