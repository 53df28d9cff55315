#include "core/index/shard_router.h"

#include "core/db/file_state.h"

namespace newsdex {

unsigned shard_of(std::string_view id_term, unsigned shards) {
    if (shards <= 1) return 0;
    // The hash is part of the on-disk format: changing it would strand articles in the
    // wrong shard (a re-run would add a second copy instead of replacing the first).
    return static_cast<unsigned>(hash64(id_term, 0x6e657773646578ULL) % shards);
}

}  // namespace newsdex
