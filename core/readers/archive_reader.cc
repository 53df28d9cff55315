#include "core/readers/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "core/article/article_id.h"

namespace newsdex::readers {

namespace {

using ArchivePtr = std::unique_ptr<struct archive, int (*)(struct archive*)>;

std::string error_text(struct archive* a) {
    const char* text = archive_error_string(a);
    return text ? text : "unknown error";
}

/// Hidden files and the resource forks macOS adds to zips are not articles.
bool is_hidden_member(std::string_view name) {
    std::size_t start = 0;
    while (start < name.size()) {
        auto end = name.find('/', start);
        if (end == std::string_view::npos) end = name.size();
        const auto part = name.substr(start, end - start);
        if (part.starts_with(".") || part == "__MACOSX") return true;
        start = end + 1;
    }
    return false;
}

/// Reads the current entry's data, at most limit + 1 bytes. Returns "" on success, else
/// libarchive's error; `bytes` holds what was decompressed before it.
std::string read_entry_data(struct archive* a, std::uintmax_t limit, std::string& bytes, bool& fatal) {
    std::array<char, 65536> buffer{};
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
        if (n == 0) return {};
        if (n < 0) {
            fatal = n == ARCHIVE_FATAL;
            return error_text(a);
        }
        bytes.append(buffer.data(), static_cast<std::size_t>(n));
        if (bytes.size() > limit) return {};
    }
}

/// Gzip is inflated here rather than by libarchive, which refuses a truncated stream
/// outright: this keeps everything before the damage, and reads concatenated members
/// (as .warc.gz files are written). Returns "" on success, else what went wrong.
std::string gunzip(std::string_view data, std::uintmax_t limit, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return "cannot start zlib";
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 0xFFFFFFFFu));
    std::array<char, 65536> buffer{};
    std::string error;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer.data(), buffer.size() - z.avail_out);
        if (out.size() > limit) break;
        if (rc == Z_STREAM_END) {
            // Another member may follow (skip padding NULs some writers add).
            while (z.avail_in > 0 && *z.next_in == 0) ++z.next_in, --z.avail_in;
            if (z.avail_in == 0) break;
            if (inflateReset(&z) != Z_OK) {
                error = "cannot restart zlib";
                break;
            }
            continue;
        }
        if (rc == Z_OK) continue;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            error = "unexpected end of data (truncated file)";
        } else {
            error = z.msg ? z.msg : "invalid data";
        }
        break;
    }
    inflateEnd(&z);
    return error;
}

void read_gzip(const Input& input, Emitter& emitter, ExpansionBudget& budget,
               const std::function<void(const Input&)>& on_member) {
    const std::uintmax_t limit = emitter.options().max_file_bytes;
    std::string bytes;
    const std::string error = gunzip(input.bytes, std::min(limit, budget.remaining), bytes);
    if (bytes.size() <= limit && bytes.size() > budget.remaining) {
        budget.take(bytes.size(), emitter, "");
        return;
    }
    if (bytes.size() > limit) {
        emitter.problem(Problem::Level::Skipped, "",
                        "too large once decompressed (over " + human_size(limit) + "; raise it with --max-size)");
        return;
    }
    if (!error.empty()) {
        emitter.problem(Problem::Level::Failed, "",
                        "truncated or corrupt gzip data after " + std::to_string(bytes.size()) +
                            " decompressed bytes: " + error + (bytes.empty() ? std::string() : " (the part before it is read)"));
        if (bytes.empty()) return;
    }
    Input member;
    member.name = strip_compression_suffix(input.name);
    member.where = input.where;
    member.id = input.id;
    member.mtime = input.mtime;
    member.bytes = bytes;
    member.span_begin = input.span_begin;
    member.span_end = input.span_end;
    on_member(member);
}

}  // namespace

bool ExpansionBudget::take(std::uintmax_t bytes, Emitter& emitter, std::string_view locator) {
    if (exhausted) return false;
    if (bytes <= remaining) {
        remaining -= bytes;
        return true;
    }
    exhausted = true;
    emitter.problem(Problem::Level::Skipped, locator,
                    "archive expands to over " + human_size(emitter.options().max_file_bytes) +
                        " in all (--max-size holds for everything in one file, nested archives included): "
                        "the rest of it is not read");
    return false;
}

void read_container(const Input& input, Container container, Emitter& emitter, ExpansionBudget& budget,
                    const std::function<void(const Input&)>& on_member) {
    if (container == Container::Gzip) return read_gzip(input, emitter, budget, on_member);
    const std::uintmax_t limit = emitter.options().max_file_bytes;
    const std::string kind(container_name(container));
    ArchivePtr a(archive_read_new(), archive_read_free);
    if (!a) {
        emitter.problem(Problem::Level::Failed, "", "out of memory opening the " + kind + " file");
        return;
    }
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_7zip(a.get());
    archive_read_support_format_raw(a.get());  // a compressed file that is not an archive
    if (archive_read_open_memory(a.get(), input.bytes.data(), input.bytes.size()) != ARCHIVE_OK) {
        emitter.problem(Problem::Level::Failed, "", "cannot open " + kind + " data: " + error_text(a.get()));
        return;
    }
    std::size_t members = 0;
    std::set<std::string> member_names;
    // Where in the stored file each member's data lies, for progress: the compressed bytes
    // libarchive has consumed (its last filter reads the raw data) before and after it.
    auto stored_position = [&](la_int64_t consumed) {
        if (input.bytes.empty() || consumed <= 0) return input.span_begin;
        const double share = std::min(1.0, static_cast<double>(consumed) / static_cast<double>(input.bytes.size()));
        return input.span_begin + static_cast<std::uintmax_t>(share * static_cast<double>(input.span_end - input.span_begin));
    };
    for (;;) {
        const std::uintmax_t member_begin = stored_position(archive_filter_bytes(a.get(), -1));
        struct archive_entry* entry = nullptr;
        const int r = archive_read_next_header(a.get(), &entry);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) {
            emitter.problem(Problem::Level::Failed, "",
                            "corrupt or truncated " + kind + " data" +
                                (members ? " after " + std::to_string(members) + " member(s)" : std::string()) +
                                ": " + error_text(a.get()));
            return;
        }
        const bool raw = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
        Input member;
        member.mtime = input.mtime;
        if (raw) {
            member.name = strip_compression_suffix(input.name);
            member.where = input.where;
            member.id = input.id;
        } else {
            if (archive_entry_filetype(entry) != AE_IFREG) continue;
            const char* utf8 = archive_entry_pathname_utf8(entry);
            const char* plain = archive_entry_pathname(entry);
            std::string name = utf8 ? utf8 : plain ? plain : "";
            while (name.starts_with("./")) name.erase(0, 2);
            if (name.empty() || is_hidden_member(name) || !has_readable_extension(name)) {
                // Passing over it still decompresses it: a member of zeros named x.bin is a bomb too.
                const auto size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
                if (!budget.take(size > 0 ? static_cast<std::uintmax_t>(size) : 0, emitter, "!" + name)) return;
                continue;
            }
            // An archive may hold two members of one name (tar -r appends a newer copy):
            // both are kept, the later as name~2, so neither replaces the other by id.
            std::string unique = name;
            for (std::size_t k = 2; !member_names.insert(unique).second; ++k) unique = name + "~" + std::to_string(k);
            if (unique != name)
                emitter.problem(Problem::Level::Repaired, "!" + name,
                                "an earlier member has the same name: this one is indexed as !" + unique);
            member.name = name;
            member.where = input.where + "!" + unique;
            member.id = member_article_id(input.id, unique);
            if (archive_entry_mtime_is_set(entry)) member.mtime = archive_entry_mtime(entry);
            if (archive_entry_size_is_set(entry) && static_cast<std::uintmax_t>(archive_entry_size(entry)) > limit) {
                emitter.problem(Problem::Level::Skipped, "!" + name,
                                "too large (" + human_size(static_cast<std::uintmax_t>(archive_entry_size(entry))) +
                                    ", the limit is " + human_size(limit) + "; raise it with --max-size)");
                continue;
            }
        }
        ++members;
        std::string bytes;
        bool fatal = false;
        const std::string error = read_entry_data(a.get(), std::min(limit, budget.remaining), bytes, fatal);
        const std::string locator = raw ? std::string() : "!" + member.name;
        if (bytes.size() <= limit && bytes.size() > budget.remaining) {
            budget.take(bytes.size(), emitter, locator);
            return;
        }
        if (bytes.size() > limit) {
            emitter.problem(Problem::Level::Skipped, locator,
                            "too large once decompressed (over " + human_size(limit) +
                                "; raise it with --max-size)");
            if (raw) return;
            continue;
        }
        if (!error.empty()) {
            if (raw) {
                // Keep what came out before the damage: a cut-off dump still holds whole records.
                emitter.problem(Problem::Level::Failed, "",
                                "truncated or corrupt " + kind + " data after " + std::to_string(bytes.size()) +
                                    " decompressed bytes: " + error +
                                    (bytes.empty() ? std::string() : " (the part before it is read)"));
                if (bytes.empty()) return;
            } else {
                emitter.problem(Problem::Level::Failed, locator, "truncated or corrupt member: " + error);
                if (fatal) return;
                continue;
            }
        }
        member.bytes = bytes;
        member.span_begin = member_begin;
        member.span_end = std::max(member_begin, stored_position(archive_filter_bytes(a.get(), -1)));
        if (raw && member.bytes == input.bytes) {
            // libarchive passed the data through untouched: it is not what its magic promised.
            emitter.problem(Problem::Level::Failed, "", "corrupt " + kind + " data: cannot be decompressed");
            return;
        }
        on_member(member);
        if (!error.empty() || fatal || budget.exhausted) return;
    }
    if (members == 0 && container != Container::Gzip && container != Container::Bzip2 &&
        container != Container::Xz && container != Container::Zstd)
        emitter.problem(Problem::Level::Skipped, "", "no article files in the " + kind + " archive");
}

}  // namespace newsdex::readers
