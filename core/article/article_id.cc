#include "core/article/article_id.h"

#include <filesystem>
#include <system_error>

namespace newsdex {

std::string canonical_file_id(const std::string& path) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    if (ec) return path;
    const auto canonical = std::filesystem::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal().string() : canonical.string();
}

std::string record_article_id(std::string_view container_id, std::string_view record_key) {
    std::string id(container_id);
    id += '#';
    id += record_key;
    return id;
}

std::string member_article_id(std::string_view archive_id, std::string_view member_path) {
    std::string id(archive_id);
    id += '!';
    id += member_path;
    return id;
}

}  // namespace newsdex
