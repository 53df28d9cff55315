/** @file @brief Opening compressed files (.gz .bz2 .xz .zst) and archives (.tar[.*] .zip .7z)
 *  in memory, with zlib for gzip and libarchive for the rest: each file inside is handed
 *  on as an Input of its own. */
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/readers/emitter.h"
#include "core/readers/format.h"

namespace newsdex::readers {

/// What all the content decompressed from one file may add up to, through every level of
/// nested archives (options.max_file_bytes, --max-size): a small archive of archives
/// could otherwise expand each member to just under the per-file limit, again and again.
struct ExpansionBudget {
    std::uintmax_t remaining = 0;  ///< bytes still allowed
    bool exhausted = false;        ///< the limit was hit (and reported): read nothing more
    /// Takes `bytes` from what remains; false (and `exhausted`, reported through
    /// `emitter` at `locator`) when they do not fit.
    bool take(std::uintmax_t bytes, Emitter& emitter, std::string_view locator);
};

/// Calls `on_member` for the decompressed content of a compressed file (same id and
/// name less the compression suffix), or for each regular file in an archive whose name
/// a folder walk would read (id and path `archive!member`; hidden members and members
/// with other extensions are passed over, as in folders). Decompressed content past
/// options.max_file_bytes is refused (a zip bomb stops there). Truncated or corrupt
/// data is reported through `emitter`; what was decompressed before the damage of a
/// compressed file is still handed on, and the members of an archive before it are read.
/// Nothing is decompressed past `budget.remaining`; members passed over are taken from
/// the budget at their stated size (skipping them decompresses them too), and reading
/// stops once the budget is exhausted. What on_member reads takes its own share.
void read_container(const Input& input, Container container, Emitter& emitter, ExpansionBudget& budget,
                    const std::function<void(const Input&)>& on_member);

}  // namespace newsdex::readers
