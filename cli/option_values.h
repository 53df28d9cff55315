/** @file @brief What both programs' command lines share: the usage-error line, the version
 *  line, and the option values Boost accepts but the programs must refuse. */
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace newsdex::cli {

/// Prints "<program>: <message>" (and the hint line, if any) to stderr; returns `code`.
int fail(const std::string& program, const std::string& message, int code, const std::string& hint = {});

/// Prints "<program> <version> (Xapian <version>)" to stdout.
void print_version(const std::string& program);

/// Throws boost::program_options::error for a value Boost would take silently: an empty one
/// ("--since ''" would mean no --since at all) unless the option is in `may_be_empty`, and a
/// negative number for an option bound to an unsigned type ("--limit -1" would wrap to
/// 4294967295). Positional arguments are not checked.
void check_option_values(const boost::program_options::parsed_options& parsed,
                         const boost::program_options::options_description& options,
                         std::initializer_list<std::string_view> may_be_empty = {});

/// Reads argv: the options of `visible`, and every other argument into `positional` (as
/// option `positional_name`); stores, notifies and checks the values (check_option_values).
boost::program_options::variables_map parse_command_line(int argc, char** argv,
                                                         const boost::program_options::options_description& visible,
                                                         const char* positional_name,
                                                         std::vector<std::string>& positional,
                                                         std::initializer_list<std::string_view> may_be_empty = {});

}  // namespace newsdex::cli
