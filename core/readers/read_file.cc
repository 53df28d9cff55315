#include "core/readers/read_file.h"

#include "core/readers/archive_reader.h"
#include "core/readers/collection_readers.h"
#include "core/readers/csv_reader.h"
#include "core/readers/emitter.h"
#include "core/readers/feed_reader.h"
#include "core/readers/html_reader.h"
#include "core/readers/json_reader.h"
#include "core/readers/text_reader.h"
#include "core/readers/warc_reader.h"
#include "core/article/source_file.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

/// Compressed files inside archives inside compressed files...: real data nests two or
/// three deep; more is a decompression bomb.
constexpr int kMaxNesting = 4;

void read_input(const Input& input, const ReadOptions& options, ArticleSink& sink, int depth,
                ExpansionBudget& budget) {
    Emitter emitter(input, options, sink);
    if (input.bytes.empty()) {
        emitter.problem(Problem::Level::Skipped, "", "empty file");
        return;
    }
    const Container container = sniff_container(input.bytes);
    // What came out of an archive counts against its budget once, where it stops being an
    // archive: a .tar.gz's tar is not counted beside the members read from it.
    if (depth > 0 && (container == Container::None || depth >= kMaxNesting) &&
        !budget.take(input.bytes.size(), emitter, ""))
        return;
    if (container != Container::None) {
        if (depth >= kMaxNesting) {
            emitter.problem(Problem::Level::Skipped, "",
                            "compressed or archived more than " + std::to_string(kMaxNesting) + " levels deep");
            return;
        }
        read_container(input, container, emitter, budget,
                       [&](const Input& member) { read_input(member, options, sink, depth + 1, budget); });
        return;
    }
    const Format format = options.format != Format::Auto ? options.format : detect_format(input.name, input.bytes);
    // A WARC holds images and other binary payloads between its text headers.
    if (format != Format::Warc && looks_binary(input.bytes)) {
        emitter.problem(Problem::Level::Skipped, "", "binary file, not text");
        return;
    }
    switch (format) {
        case Format::JsonLines: read_json_lines(input, emitter); break;
        case Format::Json: read_json(input, emitter); break;
        case Format::Html: read_html(input, emitter); break;
        case Format::Feed: read_feed(input, emitter); break;
        case Format::Warc: read_warc(input, emitter); break;
        case Format::Csv: read_csv(input, emitter); break;
        case Format::Sgml: read_sgml(input, emitter); break;
        case Format::Smart: read_smart(input, emitter); break;
        case Format::Text:
        case Format::Auto: read_text(input, emitter); break;
    }
}

}  // namespace

bool is_article_file_name(const std::string& filename) { return has_readable_extension(filename); }

void read_bytes(const std::string& name, std::string_view bytes, const ReadOptions& options, ArticleSink& sink) {
    Input input;
    input.where = name;
    input.id = name;
    input.name = name;
    input.bytes = bytes;
    input.span_end = bytes.size();
    ExpansionBudget budget{options.max_file_bytes};
    read_input(input, options, sink, 0, budget);
}

void read_file(const std::string& path, const ReadOptions& options, ArticleSink& sink) {
    const bool from_stdin = path == kStdinPath;
    auto read = from_stdin ? read_standard_input(options.max_file_bytes) : read_source_file(path, options.max_file_bytes);
    if (auto* failure = std::get_if<ReadFailure>(&read)) {
        sink.problem({failure->skipped ? Problem::Level::Skipped : Problem::Level::Failed, path, failure->reason});
        return;
    }
    const auto& file = std::get<SourceFile>(read);
    Input input;
    input.where = from_stdin ? std::string("<stdin>") : path;
    input.id = from_stdin ? std::string(kStdinId) : file.canonical_path;
    input.name = from_stdin ? std::string() : path;
    input.bytes = file.bytes;
    input.mtime = file.mtime;
    input.span_end = file.bytes.size();
    ExpansionBudget budget{options.max_file_bytes};
    read_input(input, options, sink, 0, budget);
}

}  // namespace newsdex::readers
