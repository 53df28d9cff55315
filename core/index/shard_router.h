/** @file @brief Which shard of a sharded database an article lives in.
 *
 *  A stable hash (XXH3, fixed seed) of the article's id term, so that every run sends an
 *  id to the same shard: re-indexing an article replaces it there, deleting it finds it
 *  there, whatever order the files are read in and however many threads read them. */
#pragma once

#include <string_view>

namespace newsdex {

/// The shard (0 .. shards-1) holding the article with unique-id term `id_term`.
unsigned shard_of(std::string_view id_term, unsigned shards);

}  // namespace newsdex
