#include "cli/option_values.h"

#include <algorithm>
#include <iostream>

#include <xapian.h>

#include "core/error.h"

namespace po = boost::program_options;

namespace newsdex::cli {

namespace {

/// Boost reads "-1" into an unsigned option as 2^N - 1 (lexical_cast's wrap-around).
bool is_unsigned(const po::value_semantic* semantic) {
    return dynamic_cast<const po::typed_value<unsigned int>*>(semantic) ||
           dynamic_cast<const po::typed_value<unsigned long>*>(semantic) ||
           dynamic_cast<const po::typed_value<unsigned long long>*>(semantic) ||
           dynamic_cast<const po::typed_value<unsigned short>*>(semantic);
}

}  // namespace

int fail(const std::string& program, const std::string& message, int code, const std::string& hint) {
    print_error(program, message, hint);
    return code;
}

void print_version(const std::string& program) {
    std::cout << program << ' ' << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
}

void check_option_values(const po::parsed_options& parsed, const po::options_description& options,
                         std::initializer_list<std::string_view> may_be_empty) {
    for (const auto& option : parsed.options) {
        if (option.position_key != -1 || option.unregistered) continue;
        const auto* description = options.find_nothrow(option.string_key, false);
        if (!description) continue;
        const po::value_semantic* semantic = description->semantic().get();
        if (semantic->max_tokens() == 0) continue;  // a switch
        const std::string name = "--" + option.string_key;
        for (const auto& value : option.value) {
            const bool empty = value.find_first_not_of(" \t") == std::string::npos;
            if (empty && std::find(may_be_empty.begin(), may_be_empty.end(), option.string_key) == may_be_empty.end())
                throw po::error(name + " needs a value (it was given an empty one)");
            if (is_unsigned(semantic) && value.find_first_not_of(" \t") != std::string::npos &&
                value[value.find_first_not_of(" \t")] == '-')
                throw po::error(name + " must not be negative (it was given " + value + ")");
        }
    }
}

po::variables_map parse_command_line(int argc, char** argv, const po::options_description& visible,
                                     const char* positional_name, std::vector<std::string>& positional,
                                     std::initializer_list<std::string_view> may_be_empty) {
    po::options_description hidden;
    hidden.add_options()(positional_name, po::value(&positional));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positions;
    positions.add(positional_name, -1);
    const po::parsed_options parsed = po::command_line_parser(argc, argv).options(all).positional(positions).run();
    po::variables_map vm;
    po::store(parsed, vm);
    po::notify(vm);
    check_option_values(parsed, all, may_be_empty);
    return vm;
}

}  // namespace newsdex::cli
