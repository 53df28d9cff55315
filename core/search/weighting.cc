#include "core/search/weighting.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <vector>

#include "core/error.h"

namespace newsdex {

namespace {

/// A numeric parameter: its name, Xapian's default, and the values that make sense.
struct Param {
    std::string_view name;
    double fallback;
    double min;
    double max;
    bool min_exclusive = false;  ///< e.g. PL2's c must be strictly positive
};

using Values = std::map<std::string, double, std::less<>>;

/// A scheme: name, parameters, and how to build it from checked values. `word` names a
/// non-numeric parameter (lm's smoothing, tfidf's normalisations), empty when none.
struct Scheme {
    std::string_view name;
    std::string_view summary;
    std::vector<Param> params;
    std::string_view word;
    std::string_view word_default;
    Xapian::Weight* (*make)(const Values& v, const std::string& word);
};

constexpr double kInf = INFINITY;

Xapian::LMWeight::type_smoothing smoothing_of(const std::string& word) {
    if (word == "two-stage") return Xapian::Weight::TWO_STAGE_SMOOTHING;
    if (word == "dirichlet") return Xapian::Weight::DIRICHLET_SMOOTHING;
    if (word == "dirichlet-plus") return Xapian::Weight::DIRICHLET_PLUS_SMOOTHING;
    if (word == "jm") return Xapian::Weight::JELINEK_MERCER_SMOOTHING;
    return Xapian::Weight::ABSOLUTE_DISCOUNT_SMOOTHING;  // "absolute"; checked before
}

const std::vector<Scheme>& schemes() {
    static const std::vector<Scheme> all{
        {"bm25", "Okapi BM25", {{"k1", 1, 0, kInf}, {"k2", 0, 0, kInf}, {"k3", 1, 0, kInf}, {"b", 0.5, 0, 1},
          {"min_normlen", 0.5, 0, kInf}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* {
             return new Xapian::BM25Weight(v.at("k1"), v.at("k2"), v.at("k3"), v.at("b"), v.at("min_normlen"));
         }},
        {"bm25plus", "BM25+, BM25 with a lower bound on term frequency",
         {{"k1", 1, 0, kInf}, {"k2", 0, 0, kInf}, {"k3", 1, 0, kInf}, {"b", 0.5, 0, 1},
          {"min_normlen", 0.5, 0, kInf}, {"delta", 1, 0, kInf}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* {
             return new Xapian::BM25PlusWeight(v.at("k1"), v.at("k2"), v.at("k3"), v.at("b"), v.at("min_normlen"),
                                               v.at("delta"));
         }},
        {"trad", "traditional probabilistic", {{"k", 1, 0, kInf}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::TradWeight(v.at("k")); }},
        {"tfidf", "TF-IDF, SMART normalisation codes (ntn, ltn, ...)", {}, "norm", "ntn",
         [](const Values&, const std::string& word) -> Xapian::Weight* { return new Xapian::TfIdfWeight(word); }},
        {"lm", "language model; smoothing two-stage (lambda, mu), dirichlet (mu), dirichlet-plus (mu, delta), "
               "jm (lambda) or absolute (delta, default 0.7)",
         {{"log", 0, 0, kInf}, {"lambda", 0.7, 0, 1}, {"mu", 2000, 0, kInf, true}, {"delta", 0.05, 0, kInf}},
         "smoothing", "two-stage",
         [](const Values& v, const std::string& word) -> Xapian::Weight* {
             // Xapian's two smoothing parameters mean different things per smoothing.
             const auto smoothing = smoothing_of(word);
             double first = v.at("lambda"), second = -1;
             if (smoothing == Xapian::Weight::TWO_STAGE_SMOOTHING) second = v.at("mu");
             if (smoothing == Xapian::Weight::DIRICHLET_SMOOTHING) first = v.at("mu");
             if (smoothing == Xapian::Weight::DIRICHLET_PLUS_SMOOTHING) first = v.at("mu"), second = v.at("delta");
             if (smoothing == Xapian::Weight::ABSOLUTE_DISCOUNT_SMOOTHING) first = v.at("delta");
             return new Xapian::LMWeight(v.at("log"), smoothing, first, second);
         }},
        {"dlh", "divergence from randomness DLH, no parameters", {}, {}, {},
         [](const Values&, const std::string&) -> Xapian::Weight* { return new Xapian::DLHWeight(); }},
        {"dph", "divergence from randomness DPH, no parameters", {}, {}, {},
         [](const Values&, const std::string&) -> Xapian::Weight* { return new Xapian::DPHWeight(); }},
        {"pl2", "divergence from randomness PL2", {{"c", 1, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::PL2Weight(v.at("c")); }},
        {"pl2plus", "divergence from randomness PL2+", {{"c", 1, 0, kInf, true}, {"delta", 0.8, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* {
             return new Xapian::PL2PlusWeight(v.at("c"), v.at("delta"));
         }},
        {"inl2", "divergence from randomness InL2", {{"c", 1, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::InL2Weight(v.at("c")); }},
        {"ifb2", "divergence from randomness IfB2", {{"c", 1, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::IfB2Weight(v.at("c")); }},
        {"ineb2", "divergence from randomness IneB2", {{"c", 1, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::IneB2Weight(v.at("c")); }},
        {"bb2", "divergence from randomness BB2", {{"c", 1, 0, kInf, true}}, {}, {},
         [](const Values& v, const std::string&) -> Xapian::Weight* { return new Xapian::BB2Weight(v.at("c")); }},
        {"coord", "the number of query terms matched", {}, {}, {},
         [](const Values&, const std::string&) -> Xapian::Weight* { return new Xapian::CoordWeight(); }},
        {"bool", "no ranking: every match weighs 0", {}, {}, {},
         [](const Values&, const std::string&) -> Xapian::Weight* { return new Xapian::BoolWeight(); }},
    };
    return all;
}

std::string format_number(double x) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

/// "k1=1,k2=0,...": every parameter with its default.
std::string default_params(const Scheme& s) {
    std::string params;
    if (!s.word.empty()) params += std::string(s.word) + "=" + std::string(s.word_default);
    for (const auto& p : s.params) {
        if (!params.empty()) params += ',';
        params += p.name;
        params += '=';
        params += format_number(p.fallback);
    }
    return params;
}

/// The scheme spelt out in full, as a hint: "bm25:k1=1,k2=0,k3=1,b=0.5,min_normlen=0.5".
std::string scheme_line(const Scheme& s) {
    const std::string params = default_params(s);
    return std::string(s.name) + (params.empty() ? "" : ":" + params);
}

bool valid_word(const Scheme& s, const std::string& word) {
    if (s.name == "lm")
        return word == "two-stage" || word == "dirichlet" || word == "dirichlet-plus" || word == "jm" ||
               word == "absolute";
    // tfidf: three letters, each one of Xapian's SMART codes for wdf, idf and normalisation.
    return word.size() == 3 && std::string_view("nbslL").find(word[0]) != std::string_view::npos &&
           std::string_view("ntpfs").find(word[1]) != std::string_view::npos && word[2] == 'n';
}

/// Each smoothing of LMWeight reads only some parameters: naming another is an error,
/// not silently ignored. Absolute discounting's delta defaults to Xapian's 0.7.
void check_lm_params(const std::string& smoothing, const std::map<std::string, bool, std::less<>>& given,
                     Values& values, const std::string& quoted) {
    std::string_view allowed = "log";
    if (smoothing == "two-stage") allowed = "log lambda mu";
    if (smoothing == "dirichlet") allowed = "log mu";
    if (smoothing == "dirichlet-plus") allowed = "log mu delta";
    if (smoothing == "jm") allowed = "log lambda";
    if (smoothing == "absolute") allowed = "log delta";
    for (const auto& [key, yes] : given) {
        if (!yes || key == "smoothing") continue;
        bool ok = false;
        for (std::size_t start = 0; start < allowed.size();) {
            const auto end = std::min(allowed.find(' ', start), allowed.size());
            ok = ok || allowed.substr(start, end - start) == key;
            start = end + 1;
        }
        if (!ok) {
            std::string takes(allowed);
            for (std::size_t at = takes.find(' '); at != std::string::npos; at = takes.find(' ', at + 2))
                takes.replace(at, 1, ", ");
            throw Error(ErrorKind::Usage, quoted + ": smoothing=" + smoothing + " has no parameter \"" + key +
                                              "\" (it takes " + takes + ")");
        }
    }
    if (smoothing == "absolute" && !given.count("delta")) values["delta"] = 0.7;
}

/// The spec as quoted in messages, control characters shown as '?' so a message stays one line.
std::string quote_spec(std::string_view spec) {
    std::string out = "--weighting \"";
    for (char c : spec) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return out + "\"";
}

}  // namespace

std::string weighting_help() {
    std::string out;
    for (const auto& s : schemes()) {
        std::string name(s.name);
        name.resize(std::max<std::size_t>(name.size(), 9), ' ');
        const std::string params = default_params(s);
        out += "  " + name + " " + std::string(s.summary) + (params.empty() ? "" : ": " + params) + "\n";
    }
    return out;
}

std::unique_ptr<Xapian::Weight> parse_weighting(std::string_view spec) {
    const std::string quoted = quote_spec(spec);
    const auto colon = spec.find(':');
    const std::string_view name = spec.substr(0, colon);
    const Scheme* scheme = nullptr;
    for (const auto& s : schemes())
        if (s.name == name) scheme = &s;
    if (!scheme) {
        std::string names;
        for (const auto& s : schemes()) {
            if (!names.empty()) names += ", ";
            names += s.name;
        }
        throw Error(ErrorKind::Usage, "unknown scheme in " + quoted + " (use one of: " + names + ")");
    }

    Values values;
    for (const auto& p : scheme->params) values[std::string(p.name)] = p.fallback;
    std::string word(scheme->word_default);
    std::map<std::string, bool, std::less<>> given;
    std::string_view rest = colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
    if (colon != std::string_view::npos && rest.empty())
        throw Error(ErrorKind::Usage, quoted + ": nothing after \":\" (e.g. " + scheme_line(*scheme) + ")");
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (comma != std::string_view::npos && rest.empty())
            throw Error(ErrorKind::Usage, quoted + ": trailing \",\"");
        const auto eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
            throw Error(ErrorKind::Usage, quoted + ": expected KEY=VALUE, got \"" + std::string(item) + "\"");
        const std::string key(item.substr(0, eq));
        const std::string_view value = item.substr(eq + 1);
        if (given[key]) throw Error(ErrorKind::Usage, quoted + ": " + key + " given twice");
        given[key] = true;
        if (key == scheme->word && !scheme->word.empty()) {
            word = std::string(value);
            if (!valid_word(*scheme, word))
                throw Error(ErrorKind::Usage,
                            quoted + ": bad " + key + " \"" + word + "\"; " + std::string(scheme->summary));
            continue;
        }
        const Param* param = nullptr;
        for (const auto& p : scheme->params)
            if (p.name == key) param = &p;
        if (!param)
            throw Error(ErrorKind::Usage, quoted + ": " + std::string(scheme->name) + " has no parameter \"" + key +
                                              "\" (" + scheme_line(*scheme) + ")");
        double x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(x))
            throw Error(ErrorKind::Usage, quoted + ": " + key + " must be a number, not \"" + std::string(value) + "\"");
        if (x < param->min || x > param->max || (param->min_exclusive && x == param->min))
            throw Error(ErrorKind::Usage, quoted + ": " + key + " = " + std::string(value) + " is out of range (" +
                                              (param->min_exclusive ? "> " : ">= ") + format_number(param->min) +
                                              (std::isinf(param->max) ? "" : ", <= " + format_number(param->max)) +
                                              ")");
        values[key] = x;
    }
    if (scheme->name == "lm") check_lm_params(word, given, values, quoted);
    return std::unique_ptr<Xapian::Weight>(scheme->make(values, word));
}

}  // namespace newsdex
