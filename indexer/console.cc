#include "indexer/console.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>

namespace newsdex {

namespace {

constexpr const char* kPrefix = "newsdex-index: ";
using Clock = std::chrono::steady_clock;

const char* level_word(Problem::Level level) {
    switch (level) {
        case Problem::Level::Repaired: return "warning";
        case Problem::Level::Skipped: return "skipped";
        case Problem::Level::Failed: return "failed";
    }
    return "";
}

std::string count(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string duration(double seconds) {
    const auto s = static_cast<long>(std::lround(seconds));
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s / 60) % 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", s);
    return buf;
}

int terminal_width(std::FILE* stream) {
    winsize ws{};
    if (::ioctl(::fileno(stream), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/// Cuts to `columns` characters (UTF-8 aware), so the live line never wraps: a wrapped
/// line cannot be redrawn in place.
std::string fit(const std::string& text, int columns) {
    std::string out;
    int used = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (used + 1 > columns) break;
        out.append(text, i, len);
        ++used;
        i += len;
    }
    return out;
}

}  // namespace

Console::Console(std::FILE* out, std::FILE* err, Progress progress, bool verbose,
                 std::chrono::milliseconds log_interval, int width)
    : out_(out), err_(err), mode_(progress), verbose_(verbose), log_interval_(log_interval), width_(width) {
    last_log_ = Clock::now();
}

Console::Progress Console::detect(std::FILE* err, bool quiet) {
    if (quiet) return Progress::Off;
    const char* term = std::getenv("TERM");
    const bool dumb = term && std::string(term) == "dumb";
    return ::isatty(::fileno(err)) == 1 && !dumb ? Progress::Live : Progress::Log;
}

std::string Console::progress_text(const IngestProgress& p) {
    const IngestStats& s = *p.stats;
    std::string text = std::to_string(s.files);
    if (p.totals_known) text += "/" + std::to_string(p.files_total);
    text += " files, ";
    // Bytes, not files, say how far one big multi-record file has got.
    char bytes[64];
    if (p.totals_known)
        std::snprintf(bytes, sizeof bytes, "%.1f/%.1f MB", static_cast<double>(p.bytes_done) / 1e6,
                      static_cast<double>(p.bytes_total) / 1e6);
    else
        std::snprintf(bytes, sizeof bytes, "%.1f MB", static_cast<double>(p.bytes_done) / 1e6);
    text += bytes;
    text += ", " + count(s.indexed() + s.unchanged, "article", "articles");
    const double secs = p.seconds > 0 ? p.seconds : 1e-9;
    char rates[96];
    std::snprintf(rates, sizeof rates, ", %.0f articles/s, %.1f MB/s", static_cast<double>(s.indexed()) / secs,
                  static_cast<double>(p.bytes_read) / 1e6 / secs);
    text += rates;
    if (p.totals_known && p.bytes_total > p.bytes_done && p.bytes_read > 0 && p.seconds > 1) {
        const double rate = static_cast<double>(p.bytes_read) / p.seconds;
        text += ", ETA " + duration(static_cast<double>(p.bytes_total - p.bytes_done) / rate);
    }
    const std::size_t warnings = s.skipped + s.failed + s.repaired;
    text += ", " + count(warnings, "warning", "warnings");
    return text;
}

void Console::clear_live() {
    if (!live_shown_) return;
    std::fputs("\r\033[K", err_);
    live_shown_ = false;
}

void Console::draw_live() {
    if (live_.empty()) return;
    const int columns = width_ > 0 ? width_ : terminal_width(err_);
    std::fputs("\r", err_);
    std::fputs(fit(kPrefix + live_, columns - 1).c_str(), err_);
    std::fputs("\033[K", err_);
    std::fflush(err_);
    live_shown_ = true;
}

void Console::print_line(std::FILE* stream, const std::string& line) {
    // Whatever the stream, it shares the terminal with the live line: clear, print, redraw.
    clear_live();
    if (stream != err_) std::fflush(err_);
    std::fputs(line.c_str(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
    if (mode_ == Progress::Live) draw_live();
}

void Console::problem(const Problem& p) {
    std::lock_guard lock(mutex_);
    print_line(err_, kPrefix + std::string(level_word(p.level)) + ": " + p.where + ": " + p.reason);
}

void Console::file_done(const FileReport& r) {
    if (!verbose_) return;
    std::string line;
    switch (r.what) {
        case FileReport::What::Indexed: {
            line = "indexed " + r.path + ":";
            std::string parts;
            auto add = [&parts](std::size_t n, const char* what) {
                if (n == 0) return;
                parts += (parts.empty() ? " " : ", ") + std::to_string(n) + " " + what;
            };
            add(r.added, "new");
            add(r.replaced, "updated");
            add(r.unchanged, "unchanged");
            add(r.deleted, "removed");
            line += parts;
            break;
        }
        case FileReport::What::Unchanged: line = "unchanged " + r.path; break;
        case FileReport::What::Touched: line = "unchanged " + r.path + " (same contents, new time stamp)"; break;
        case FileReport::What::NoArticles:
            line = "no articles in " + r.path + (r.deleted ? ": " + count(r.deleted, "article", "articles") + " removed" : "");
            break;
        case FileReport::What::Failed: return;  // its problem was printed
        case FileReport::What::Interrupted: line = "interrupted " + r.path + ": it will be read again"; break;
        case FileReport::What::Pruned:
            line = "pruned " + r.path + ": " + count(r.deleted, "article", "articles") + " removed";
            break;
    }
    std::lock_guard lock(mutex_);
    print_line(out_, line);
}

void Console::tick(const IngestProgress& progress) {
    if (mode_ == Progress::Off) return;
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    if (mode_ == Progress::Live) {
        if (now - last_draw_ < std::chrono::milliseconds(200)) return;
        last_draw_ = now;
        live_ = progress_text(progress);
        draw_live();
        return;
    }
    if (log_interval_.count() <= 0 || now - last_log_ < log_interval_) return;
    last_log_ = now;
    std::fputs((kPrefix + std::string("progress: ") + progress_text(progress) + "\n").c_str(), err_);
    std::fflush(err_);
}

void Console::note(const std::string& text) {
    std::lock_guard lock(mutex_);
    print_line(err_, kPrefix + text);
}

void Console::finish() {
    std::lock_guard lock(mutex_);
    clear_live();
    live_.clear();
    std::fflush(err_);
}

}  // namespace newsdex
