#include "core/text/language_detect.h"

#include <cld2/public/compact_lang_det.h>

#include "core/text/utf8.h"

namespace newsdex {

namespace {

/// Below this many bytes of letters, CLD2's answer is a coin toss for related languages.
constexpr int kMinTextBytes = 60;
constexpr std::size_t kMaxSample = 64 * 1024;

}  // namespace

std::string detect_language(std::string_view text) {
    const std::string_view sample = utf8_truncate_bytes(text, kMaxSample);
    if (sample.size() < static_cast<std::size_t>(kMinTextBytes) || !is_valid_utf8(sample)) return {};
    CLD2::Language top3[3];
    int percent3[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::Language lang = CLD2::DetectLanguageSummary(
        sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, top3, percent3,
        &text_bytes, &reliable);
    if (!reliable || text_bytes < kMinTextBytes || lang == CLD2::UNKNOWN_LANGUAGE ||
        lang == CLD2::TG_UNKNOWN_LANGUAGE)
        return {};
    std::string code = CLD2::LanguageCode(lang);
    // "zh-Hant", "sr-ME": the stemmer and the L term use the bare language.
    if (auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);
    if (code == "un" || code == "xx" || code.empty()) return {};
    return code;
}

}  // namespace newsdex
