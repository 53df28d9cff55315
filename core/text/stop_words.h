/** @file @brief The English function words a query need not match, shared by the query
 *  parser (dropped from queries) and more-like-this (never chosen as a significant term). */
#pragma once

#include <span>

namespace newsdex {

/// Lower-case English stop words; the index keeps them, so phrases containing them match.
std::span<const char* const> english_stop_words();

}  // namespace newsdex
