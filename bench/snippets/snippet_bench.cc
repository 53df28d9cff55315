// newsdex-snippet-bench: Newsdex's snippets against Xapian's MSet::snippet() on the same
// hits of the same queries, judged by bench/snippets/oracle.h, with time per snippet and
// the cost of a 5 MB article. Run through bench/snippets/run.sh.
#include <sys/utsname.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "bench/snippets/oracle.h"
#include "core/index/document_builder.h"
#include "core/text/language.h"
#include "core/search/query.h"
#include "core/schema.h"
#include "core/snippets/snippet.h"

using namespace newsdex;
using namespace newsdex::bench;

namespace {

struct Options {
    std::string db;
    std::vector<std::string> query_files;
    std::string jsonl;  // for the big article
    std::size_t fragments = SnippetOptions{}.fragments;
    std::size_t chars = SnippetOptions{}.fragment_chars;
    int reps = 5;
    std::size_t big_mb = 5;
    std::size_t big_queries = 20;
    Xapian::doccount limit = 10;
    std::size_t examples = 3;
    bool sweep = false;
};

struct QuerySpec {
    std::string id, kind, text;
};

std::vector<QuerySpec> read_queries(const std::vector<std::string>& files) {
    std::vector<QuerySpec> out;
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) throw std::runtime_error("cannot read " + file);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
            if (t1 == std::string::npos || t2 == std::string::npos) continue;
            out.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
        }
    }
    return out;
}

/// This thread's CPU time: unlike wall time it does not count the moments other jobs on a
/// shared machine hold the CPU, so runs compare.
double now_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1000.0;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double max_of(const std::vector<double>& v) { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(std::min<double>(static_cast<double>(v.size() - 1), std::floor(p * static_cast<double>(v.size()))))];
}

/// Median time of `reps` runs of f, in microseconds.
double time_us(int reps, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const double start = now_us();
        f();
        t.push_back(now_us() - start);
    }
    return median(t);
}

bool has_wildcard(const Xapian::Query& q) {
    if (q.get_type() == Xapian::Query::OP_WILDCARD) return true;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (has_wildcard(q.get_subquery(i))) return true;
    return false;
}

/// The product's parse of a query; wildcard queries go through a parser with
/// FLAG_WILDCARD while newsdex-search's parser does not expand wildcards.
struct Parsed {
    Xapian::Query all, any;
    bool bench_parser = false;
};

Parsed parse(const Xapian::Database& db, QueryBuilder& builder, const std::string& text, const Xapian::Stem& stemmer) {
    Parsed p{builder.parse(text, Xapian::Query::OP_AND), builder.parse(text, Xapian::Query::OP_OR), false};
    if (text.find('*') == std::string::npos || has_wildcard(p.any)) return p;
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.add_prefix("title", std::string(schema::kPrefixTitle));
    qp.set_max_expansion(100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    qp.set_default_op(Xapian::Query::OP_AND);
    p.all = qp.parse_query(text, flags);
    qp.set_default_op(Xapian::Query::OP_OR);
    p.any = qp.parse_query(text, flags);
    p.bench_parser = true;
    return p;
}

/// Splits MSet::snippet output (markers \x02 \x03, HTML-escaped) into spans.
MarkedText split_xapian(const std::string& raw) {
    MarkedText out;
    std::string current;
    bool in_match = false;
    auto flush = [&] {
        if (!current.empty()) out.push_back({current, in_match});
        current.clear();
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\x02' || c == '\x03') {
            flush();
            in_match = c == '\x02';
        } else if (c == '&' && raw.compare(i, 5, "&amp;") == 0) {
            current += '&';
            i += 4;
        } else if (c == '&' && raw.compare(i, 4, "&lt;") == 0) {
            current += '<';
            i += 3;
        } else if (c == '&' && raw.compare(i, 4, "&gt;") == 0) {
            current += '>';
            i += 3;
        } else {
            current += c;
        }
    }
    flush();
    return out;
}

std::size_t chars_of(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// What one engine scored over all hits.
struct Stats {
    double coverage_sum = 0;
    std::size_t coverage_hits = 0, all_shown = 0;
    std::size_t phrase_hits = 0, phrase_whole = 0;
    std::size_t fragments = 0, aligned = 0;
    std::size_t highlighted = 0, false_words = 0, snippets_with_false = 0, snippets = 0;
    std::size_t cut_fragments = 0;  ///< newsdex only: fragments it had to cut inside a sentence
    std::vector<double> times, chars;
    std::map<std::string, std::pair<double, std::size_t>> coverage_by_kind;
    std::vector<std::string> false_examples;

    void add(const Verdict& v, const std::string& kind, double us, std::size_t shown_chars) {
        ++snippets;
        times.push_back(us);
        chars.push_back(static_cast<double>(shown_chars));
        if (v.units_present > 0) {
            const double c = static_cast<double>(v.units_shown) / static_cast<double>(v.units_present);
            coverage_sum += c;
            ++coverage_hits;
            all_shown += v.units_shown == v.units_present;
            coverage_by_kind[kind].first += c;
            ++coverage_by_kind[kind].second;
        }
        if (v.phrases_present > 0) {
            ++phrase_hits;
            phrase_whole += v.phrases_shown == v.phrases_present;
        }
        fragments += v.fragments;
        aligned += v.aligned_fragments;
        highlighted += v.highlighted_words;
        false_words += v.false_words;
        snippets_with_false += v.false_words > 0;
        for (const auto& e : v.false_examples)
            if (false_examples.size() < 6) false_examples.push_back(e);
    }
    double coverage() const { return coverage_hits ? coverage_sum / static_cast<double>(coverage_hits) : 0; }
    double share(std::size_t a, std::size_t b) const { return b ? static_cast<double>(a) / static_cast<double>(b) : 0; }
};

enum Engine { kOurs, kXapianDefault, kXapianExhaustive, kEngines };

/// Articles this many times longer than the snippet budget are where choosing passages
/// matters: shorter ones fit (almost) whole into any snippet.
constexpr std::size_t kLongFactor = 4;
const char* kEngineNames[kEngines] = {"newsdex", "Xapian snippet() default flags", "Xapian snippet() EXHAUSTIVE"};

struct Example {
    std::string query, ours, xapian;
};

struct Run {
    Stats stats[kEngines];
    Stats long_stats[kEngines];  ///< the same, for bodies longer than kLongFactor x the snippet budget
    std::size_t queries = 0, hits = 0, bench_parsed = 0;
    std::vector<double> setup_us;
    std::vector<Example> examples;
};

std::string bracketed(const MarkedText& m) {
    std::string out;
    for (const auto& s : m) out += s.match ? "[" + s.text + "]" : s.text;
    for (char& c : out)
        if (c == '\n') c = ' ';
    return out;
}

/// Evaluates every query's top hits with each engine enabled.
Run evaluate(const Options& o, const Xapian::Database& db, const std::string& language,
             const std::vector<QuerySpec>& queries, bool with_xapian, SnippetOptions snippet_options) {
    QueryBuilder builder(db, language);
    const Xapian::Stem& stemmer = builder.stemmer();
    const std::size_t xapian_length = snippet_options.fragments * snippet_options.fragment_chars;
    Run run;
    for (const auto& q : queries) {
        const Parsed parsed = parse(db, builder, q.text, stemmer);
        run.bench_parsed += parsed.bench_parser;
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.all);
        enquire.set_collapse_key(schema::kSlotDupGroup);  // one hit per duplicate group, as the searcher shows
        std::vector<Xapian::MSet> msets{enquire.get_mset(0, o.limit)};
        // Fill the page with partial matches, as newsdex-search does.
        if (msets[0].size() < o.limit) {
            enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, parsed.any, parsed.all));
            msets.push_back(enquire.get_mset(0, o.limit - msets[0].size()));
        }
        ++run.queries;
        SnippetMaker* maker_ptr = nullptr;
        std::unique_ptr<SnippetMaker> maker;
        run.setup_us.push_back(time_us(1, [&] { maker = std::make_unique<SnippetMaker>(parsed.any, stemmer, &db, snippet_options); }));
        maker_ptr = maker.get();
        Judge judge(read_units(parsed.any), stemmer);
        for (const auto& mset : msets)
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                ++run.hits;
                const std::string body = schema::decode_data(it.get_document().get_data()).body_text();
                judge.set_body(body);

                Snippet ours;
                const double us = time_us(1, [&] { ours = maker_ptr->body(body); });
                JudgedText jt;
                for (const auto& f : ours.fragments) {
                    jt.fragments.emplace_back(f.offset, f.offset + plain_text(f.text).size());
                    jt.marked.push_back(f.text);
                    run.stats[kOurs].cut_fragments += f.elided_before || f.elided_after;
                }
                const MarkedText joined = join_fragments(ours.fragments);
                const bool is_long = chars_of(body) > kLongFactor * xapian_length;
                const Verdict v_ours = judge.judge(jt);
                run.stats[kOurs].add(v_ours, q.kind, us, chars_of(plain_text(joined)));
                if (is_long) run.long_stats[kOurs].add(v_ours, q.kind, us, chars_of(plain_text(joined)));
                if (!with_xapian) continue;

                std::string raw_default, raw_exhaustive;
                const double us_default = time_us(1, [&] {
                    raw_default = mset.snippet(body, xapian_length, stemmer,
                                               Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                               "\x02", "\x03", "\xE2\x80\xA6");
                });
                const double us_exhaustive = time_us(1, [&] {
                    raw_exhaustive = mset.snippet(body, xapian_length, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE, "\x02",
                                                  "\x03", "\xE2\x80\xA6");
                });
                const MarkedText x_default = split_xapian(raw_default), x_exhaustive = split_xapian(raw_exhaustive);
                const Verdict v_default = judge.judge(locate(body, {x_default}));
                const Verdict v_exhaustive = judge.judge(locate(body, {x_exhaustive}));
                run.stats[kXapianDefault].add(v_default, q.kind, us_default, chars_of(plain_text(x_default)));
                run.stats[kXapianExhaustive].add(v_exhaustive, q.kind, us_exhaustive, chars_of(plain_text(x_exhaustive)));
                if (is_long) {
                    run.long_stats[kXapianDefault].add(v_default, q.kind, us_default, chars_of(plain_text(x_default)));
                    run.long_stats[kXapianExhaustive].add(v_exhaustive, q.kind, us_exhaustive, chars_of(plain_text(x_exhaustive)));
                }
                if (run.examples.size() < o.examples && it == mset.begin() && (q.kind == "phrase" || q.kind == "multi"))
                    run.examples.push_back({q.text, bracketed(joined), bracketed(x_default)});
            }
    }
    return run;
}

std::string fmt(double v, int precision = 3) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(precision) << v;
    return os.str();
}

std::string ratio(double ours, double base) {
    if (base == 0) return ours == 0 ? "=" : "n/a";
    const double r = ours / base;
    return fmt(r, r < 0.1 ? 4 : 2) + "×";
}

std::string machine() {
    std::ifstream cpu("/proc/cpuinfo");
    std::string line, model = "unknown CPU";
    int cores = 0;
    while (std::getline(cpu, line)) {
        if (line.starts_with("model name")) model = line.substr(line.find(':') + 2);
        if (line.starts_with("processor")) ++cores;
    }
    utsname u{};
    uname(&u);
    return model + ", " + std::to_string(cores) + " cores, " + u.sysname + " " + u.release;
}

void print_main(const Run& r, const Options& o, const Xapian::Database& db) {
    const Stats& a = r.stats[kOurs];
    const Stats& x = r.stats[kXapianDefault];
    const Stats& e = r.stats[kXapianExhaustive];
    std::cout << "| metric | newsdex | " << kEngineNames[kXapianDefault] << " | ratio | " << kEngineNames[kXapianExhaustive]
              << " | ratio |\n|---|---|---|---|---|---|\n";
    auto row = [&](const std::string& name, double va, double vx, double ve, int precision = 3) {
        std::cout << "| " << name << " | " << fmt(va, precision) << " | " << fmt(vx, precision) << " | " << ratio(va, vx)
                  << " | " << fmt(ve, precision) << " | " << ratio(va, ve) << " |\n";
    };
    row("(a) coverage: share of the query's matched terms shown (mean per hit, " + std::to_string(a.coverage_hits) + " hits)",
        a.coverage(), x.coverage(), e.coverage());
    row("(a) hits whose snippet shows every matched term", a.share(a.all_shown, a.coverage_hits),
        x.share(x.all_shown, x.coverage_hits), e.share(e.all_shown, e.coverage_hits));
    row("(b) phrase integrity: snippets showing each phrase whole (" + std::to_string(a.phrase_hits) + " hits)",
        a.share(a.phrase_whole, a.phrase_hits), x.share(x.phrase_whole, x.phrase_hits), e.share(e.phrase_whole, e.phrase_hits));
    const Stats& la = r.long_stats[kOurs];
    const Stats& lx = r.long_stats[kXapianDefault];
    const Stats& le = r.long_stats[kXapianExhaustive];
    const std::string longer = "articles over " + std::to_string(kLongFactor) + "× the snippet length";
    row("(a) coverage, " + longer + " (" + std::to_string(la.coverage_hits) + " hits)", la.coverage(), lx.coverage(), le.coverage());
    row("(a) every matched term shown, " + longer, la.share(la.all_shown, la.coverage_hits),
        lx.share(lx.all_shown, lx.coverage_hits), le.share(le.all_shown, le.coverage_hits));
    row("(b) phrase integrity, " + longer + " (" + std::to_string(la.phrase_hits) + " hits)",
        la.share(la.phrase_whole, la.phrase_hits), lx.share(lx.phrase_whole, lx.phrase_hits), le.share(le.phrase_whole, le.phrase_hits));
    row("(c) boundary quality: fragments starting and ending at a sentence boundary", a.share(a.aligned, a.fragments),
        x.share(x.aligned, x.fragments), e.share(e.aligned, e.fragments));
    std::cout << "| (c) newsdex fragments cut inside a sentence too long for the fragment | " << a.cut_fragments << " of "
              << a.fragments << " | | | | |\n";
    row("(d) false highlights: highlighted words matching nothing in the query", static_cast<double>(a.false_words),
        static_cast<double>(x.false_words), static_cast<double>(e.false_words), 0);
    row("(d) snippets with a false highlight", static_cast<double>(a.snippets_with_false),
        static_cast<double>(x.snippets_with_false), static_cast<double>(e.snippets_with_false), 0);
    row("    highlighted words in all", static_cast<double>(a.highlighted), static_cast<double>(x.highlighted),
        static_cast<double>(e.highlighted), 0);
    row("(e) time per snippet, median (µs)", median(a.times), median(x.times), median(e.times), 1);
    row("(e) time per snippet, mean (µs)", a.times.empty() ? 0 : std::accumulate(a.times.begin(), a.times.end(), 0.0) / static_cast<double>(a.times.size()),
        x.times.empty() ? 0 : std::accumulate(x.times.begin(), x.times.end(), 0.0) / static_cast<double>(x.times.size()),
        e.times.empty() ? 0 : std::accumulate(e.times.begin(), e.times.end(), 0.0) / static_cast<double>(e.times.size()), 1);
    row("(e) time per snippet, 95th percentile (µs)", percentile(a.times, 0.95), percentile(x.times, 0.95),
        percentile(e.times, 0.95), 1);
    row("snippet length shown (characters, median)", median(a.chars), median(x.chars), median(e.chars), 0);
    std::cout << "\nPer-query setup of newsdex's SnippetMaker (query analysis, term statistics): median "
              << fmt(median(r.setup_us), 1) << " µs.\n";
    std::cout << "\nCoverage (a) by query class:\n\n| class | hits | newsdex | Xapian default | Xapian EXHAUSTIVE |\n|---|---|---|---|---|\n";
    for (const auto& [kind, v] : a.coverage_by_kind) {
        auto cov = [&](const Stats& s) {
            auto it = s.coverage_by_kind.find(kind);
            return it == s.coverage_by_kind.end() || it->second.second == 0 ? 0.0 : it->second.first / static_cast<double>(it->second.second);
        };
        std::cout << "| " << kind << " | " << v.second << " | " << fmt(cov(a)) << " | " << fmt(cov(x)) << " | " << fmt(cov(e)) << " |\n";
    }
    for (int engine = 0; engine < kEngines; ++engine)
        if (!r.stats[engine].false_examples.empty()) {
            std::cout << "\nFalse highlights by " << kEngineNames[engine] << ", e.g.:";
            for (const auto& f : r.stats[engine].false_examples) std::cout << " [" << f << "]";
            std::cout << "\n";
        }
    (void)o;
    (void)db;
}

Article big_article(const std::string& jsonl, std::size_t bytes) {
    std::ifstream in(jsonl);
    if (!in) throw std::runtime_error("cannot read " + jsonl);
    Article a;
    a.id = "big";
    a.title = "Many articles in one";
    std::size_t size = 0;
    std::string line;
    while (size < bytes && std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object()) continue;
        const std::string id = j.value("id", "");
        if (!id.starts_with("bbc") && !id.starts_with("reuters")) continue;
        std::string body = j.value("body", "");
        std::size_t start = 0;
        while (start < body.size()) {
            auto end = body.find("\n\n", start);
            std::string p = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
            for (char& c : p)
                if (c == '\n') c = ' ';
            if (!p.empty()) {
                size += p.size() + 1;
                a.paragraphs.push_back(std::move(p));
            }
            if (end == std::string::npos) break;
            start = end + 2;
        }
    }
    return a;
}

void print_big(const Options& o, const std::vector<QuerySpec>& queries, const Run& small) {
    const Article article = big_article(o.jsonl, o.big_mb * 1024 * 1024);
    const std::string body = article.body_text();
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(Language{"en", "english"});
    db.add_document(builder.build(article));
    QueryBuilder qb(db, "english");
    std::vector<double> ours, ours_full, x_default, x_exhaustive;
    std::vector<std::string> per_query;
    std::size_t used = 0;
    SnippetOptions opts;
    opts.fragments = o.fragments;
    opts.fragment_chars = o.chars;
    SnippetOptions unlimited = opts;
    unlimited.max_scan_bytes = std::string::npos;
    for (const auto& q : queries) {
        if (used >= o.big_queries) break;
        const Parsed parsed = parse(db, qb, q.text, qb.stemmer());
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.any);
        const auto mset = enquire.get_mset(0, 1);
        if (mset.empty()) continue;
        ++used;
        const SnippetMaker maker(parsed.any, qb.stemmer(), &db, opts);
        const SnippetMaker full(parsed.any, qb.stemmer(), &db, unlimited);
        ours.push_back(time_us(5, [&] { (void)maker.body(body); }));
        ours_full.push_back(time_us(3, [&] { (void)full.body(body); }));
        per_query.push_back(q.text + " " + fmt(ours.back() / 1000, 1));
        const std::size_t length = o.fragments * o.chars;
        x_default.push_back(time_us(1, [&] {
            (void)mset.snippet(body, length, qb.stemmer(), Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE);
        }));
        x_exhaustive.push_back(time_us(1, [&] { (void)mset.snippet(body, length, qb.stemmer(), Xapian::MSet::SNIPPET_EXHAUSTIVE); }));
    }
    const double s_ours = median(small.stats[kOurs].times), s_def = median(small.stats[kXapianDefault].times),
                 s_exh = median(small.stats[kXapianExhaustive].times);
    std::cout << "\nA " << fmt(static_cast<double>(body.size()) / 1048576.0, 2) << " MiB article (" << article.paragraphs.size()
              << " paragraphs of BBC and Reuters text) against the first " << used << " queries that match it:\n\n"
              << "| engine | median time per snippet (ms) | slowest (ms) | median × its median on the corpus hits |\n|---|---|---|---|\n"
              << "| newsdex (reads at most " << SnippetOptions{}.max_scan_bytes / 1024
              << " KiB, less once every term was seen) | " << fmt(median(ours) / 1000, 2) << " | " << fmt(max_of(ours) / 1000, 2)
              << " | " << fmt(median(ours) / s_ours, 0) << " |\n"
              << "| newsdex without the " << SnippetOptions{}.max_scan_bytes / 1024 << " KiB cap | " << fmt(median(ours_full) / 1000, 2)
              << " | " << fmt(max_of(ours_full) / 1000, 2) << " | " << fmt(median(ours_full) / s_ours, 0) << " |\n"
              << "| " << kEngineNames[kXapianDefault] << " | " << fmt(median(x_default) / 1000, 2) << " | "
              << fmt(max_of(x_default) / 1000, 2) << " | " << fmt(median(x_default) / s_def, 0) << " |\n"
              << "| " << kEngineNames[kXapianExhaustive] << " | " << fmt(median(x_exhaustive) / 1000, 2) << " | "
              << fmt(max_of(x_exhaustive) / 1000, 2) << " | " << fmt(median(x_exhaustive) / s_exh, 0) << " |\n"
              << "\nnewsdex per query (ms, median of 5):";
    for (const auto& pq : per_query) std::cout << " `" << pq << "`;";
    std::cout << "\n"
              << "\nnewsdex / Xapian default on the big article: " << ratio(median(ours), median(x_default))
              << "; / Xapian EXHAUSTIVE: " << ratio(median(ours), median(x_exhaustive)) << "\n";
}

void usage() {
    std::cerr << "usage: newsdex-snippet-bench --db DIR --queries FILE [--queries FILE...] [--jsonl news.jsonl]\n"
                 "       [--fragments N] [--chars N] [--reps N] [--big-mb N] [--big-queries N] [--examples N] [--sweep]\n";
}

}  // namespace

int main(int argc, char** argv) try {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--db") o.db = value();
        else if (a == "--queries") o.query_files.push_back(value());
        else if (a == "--jsonl") o.jsonl = value();
        else if (a == "--fragments") o.fragments = std::stoul(value());
        else if (a == "--chars") o.chars = std::stoul(value());
        else if (a == "--reps") o.reps = std::stoi(value());
        else if (a == "--big-mb") o.big_mb = std::stoul(value());
        else if (a == "--big-queries") o.big_queries = std::stoul(value());
        else if (a == "--examples") o.examples = std::stoul(value());
        else if (a == "--sweep") o.sweep = true;
        else {
            usage();
            return 2;
        }
    }
    if (o.db.empty() || o.query_files.empty()) {
        usage();
        return 2;
    }
    const Xapian::Database db(o.db);
    std::string language = db.get_metadata(std::string(schema::kMetaLanguage));
    if (language.empty()) language = "english";
    const auto queries = read_queries(o.query_files);
    std::map<std::string, int> classes;
    for (const auto& q : queries) ++classes[q.kind];

    const std::time_t t = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M", std::localtime(&t));
    std::cout << "## Snippet benchmark, " << date << "\n\nMachine: " << machine() << "; Xapian " << Xapian::version_string()
              << ".\nCorpus: " << db.get_doccount() << " articles (" << o.db << ").\nQueries: " << queries.size() << " (";
    bool first = true;
    for (const auto& [k, n] : classes) {
        std::cout << (first ? "" : ", ") << n << " " << k;
        first = false;
    }
    SnippetOptions snippet_options;
    snippet_options.fragments = o.fragments;
    snippet_options.fragment_chars = o.chars;
    std::cout << "), top " << o.limit << " hits each as newsdex-search ranks them (duplicates folded). newsdex: " << o.fragments << " fragments of "
              << o.chars << " characters; Xapian: length " << o.fragments * o.chars
              << " bytes, the stemmer of the index. Times: each snippet made once per run, as the searcher does (caches\n"
              << "warm only within a query), median over " << o.reps << " runs; thread CPU time, one thread.\n\n";

    // Each run is what newsdex-search does: fresh MSets and SnippetMaker per query, each
    // snippet made once, in rank order. Runs differ only in timing; per snippet the
    // median time over the runs is kept, so that a busy moment on the machine does not count.
    Run run = evaluate(o, db, language, queries, true, snippet_options);
    std::vector<Run> more;
    for (int k = 1; k < o.reps; ++k) more.push_back(evaluate(o, db, language, queries, true, snippet_options));
    auto merge = [&](auto member) {
        for (int engine = 0; engine < kEngines; ++engine) {
            auto& times = (run.*member)[engine].times;
            for (std::size_t i = 0; i < times.size(); ++i) {
                std::vector<double> samples{times[i]};
                for (const auto& m : more) samples.push_back((m.*member)[engine].times[i]);
                times[i] = median(samples);
            }
        }
    };
    merge(&Run::stats);
    merge(&Run::long_stats);
    if (run.bench_parsed)
        std::cout << "(" << run.bench_parsed << " wildcard queries parsed with QueryParser::FLAG_WILDCARD by the bench: "
                  << "newsdex-search's parser does not expand wildcards.)\n\n";
    std::cout << run.hits << " snippets per engine.\n\n";
    print_main(run, o, db);
    if (!run.examples.empty()) {
        std::cout << "\nExamples (first hit; [marked]):\n";
        for (const auto& e : run.examples)
            std::cout << "\n- `" << e.query << "`\n  - newsdex: " << e.ours << "\n  - Xapian:  " << e.xapian << "\n";
    }
    if (!o.jsonl.empty()) print_big(o, queries, run);

    if (o.sweep) {
        std::cout << "\nnewsdex with other fragment settings (same hits):\n\n"
                  << "| fragments × characters | coverage | every term shown | phrase integrity | boundary quality | median µs | median length |\n"
                  << "|---|---|---|---|---|---|---|\n";
        for (auto [n, chars] : std::vector<std::pair<std::size_t, std::size_t>>{{1, 150}, {1, 200}, {1, 250}, {1, 300}, {2, 150}, {2, 200}, {2, 250}, {3, 150}, {3, 200}}) {
            SnippetOptions so;
            so.fragments = n;
            so.fragment_chars = chars;
            Options quick = o;
            quick.reps = 1;
            quick.examples = 0;
            const Run r = evaluate(quick, db, language, queries, false, so);
            const Stats& s = r.stats[kOurs];
            std::cout << "| " << n << " × " << chars << " | " << fmt(s.coverage()) << " | " << fmt(s.share(s.all_shown, s.coverage_hits))
                      << " | " << fmt(s.share(s.phrase_whole, s.phrase_hits)) << " | " << fmt(s.share(s.aligned, s.fragments))
                      << " | " << fmt(median(s.times), 1) << " | " << fmt(median(s.chars), 0) << " |\n";
        }
    }
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "newsdex-snippet-bench: " << e.get_description() << "\n";
    return 3;
} catch (const std::exception& e) {
    std::cerr << "newsdex-snippet-bench: " << e.what() << "\n";
    return 3;
}
