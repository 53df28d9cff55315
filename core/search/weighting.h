/** @file @brief Ranking schemes by name, as `newsdex-search --weighting` takes them
 *  ("bm25:k1=1.2,b=0.75", "lm:smoothing=dirichlet,mu=2000", "dlh"), and the default. */
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

/// The scheme Newsdex ranks with unless told otherwise. Chosen by measuring MAP and nDCG@10
/// on two standard test collections with bench/relevance (see bench/README.md).
inline constexpr std::string_view kDefaultWeighting = "bm25:k1=3,b=0.5";

/// Parses `NAME` or `NAME:KEY=VALUE,KEY=VALUE...`; parameters left out keep Xapian's
/// defaults. Throws Error(Usage) naming the spec and what is wrong with it.
std::unique_ptr<Xapian::Weight> parse_weighting(std::string_view spec);

/// One line per scheme with its parameters and their defaults, for --help and errors.
std::string weighting_help();

}  // namespace newsdex
