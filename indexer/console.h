/** @file @brief Everything newsdex-index prints while it runs: warnings, --verbose lines,
 *  and progress: a live line on a terminal (redrawn in place, never scrolling, cleared
 *  before any other line is printed so nothing garbles it), or a plain line every few
 *  seconds on a pipe or file. */
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/index/ingest.h"

namespace newsdex {

class Console : public IngestObserver {
  public:
    enum class Progress {
        Live,  ///< a terminal: one line redrawn in place
        Log,   ///< a pipe or file: a plain line every log_interval
        Off,
    };
    /// out: --verbose lines; err: warnings and progress. width: the terminal's columns
    /// (0: ask the terminal). log_interval 0 turns Log lines off.
    Console(std::FILE* out, std::FILE* err, Progress progress, bool verbose,
            std::chrono::milliseconds log_interval = std::chrono::seconds(10), int width = 0);

    /// Live on a terminal, else Log; Off when quiet.
    static Progress detect(std::FILE* err, bool quiet);

    void problem(const Problem& problem) override;
    void file_done(const FileReport& report) override;
    void tick(const IngestProgress& progress) override;

    /// A line of its own on err ("newsdex-index: <text>").
    void note(const std::string& text);
    /// Removes the live line; call before the summary.
    void finish();

    /// The progress line's text (no prefix, not cut to width).
    static std::string progress_text(const IngestProgress& progress);

  private:
    void print_line(std::FILE* stream, const std::string& line);
    void clear_live();
    void draw_live();

    std::FILE* out_;
    std::FILE* err_;
    Progress mode_;
    bool verbose_;
    std::chrono::milliseconds log_interval_;
    int width_;
    std::mutex mutex_;
    std::string live_;     ///< the progress text shown on the live line
    bool live_shown_ = false;
    std::chrono::steady_clock::time_point last_draw_{}, last_log_{};
};

}  // namespace newsdex
