/** @file @brief Opening compressed files (.gz .bz2 .xz .zst) and archives (.tar[.*] .zip .7z)
 *  in memory, with zlib for gzip and libarchive for the rest: each file inside is handed
 *  on as an Input of its own. */
#pragma once

#include <functional>

#include "core/readers/emitter.h"
#include "core/readers/format.h"

namespace newsdex::readers {

/// Calls `on_member` for the decompressed content of a compressed file (same id and
/// name less the compression suffix), or for each regular file in an archive whose name
/// a folder walk would read (id and path `archive!member`; hidden members and members
/// with other extensions are passed over, as in folders). Decompressed content past
/// options.max_file_bytes is refused (a zip bomb stops there). Truncated or corrupt
/// data is reported through `emitter`; what was decompressed before the damage of a
/// compressed file is still handed on, and the members of an archive before it are read.
void read_container(const Input& input, Container container, Emitter& emitter,
                    const std::function<void(const Input&)>& on_member);

}  // namespace newsdex::readers
