// newsdex-web: the search page and JSON API over Newsdex databases (see README, "Web").
#include <csignal>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "core/db/db_path.h"
#include "core/error.h"
#include "web/server.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

constexpr const char* kProgram = "newsdex-web";

constexpr const char* kUsage = R"(Usage: newsdex-web [--db DB ...] [--listen 127.0.0.1:8080] [--threads N]

Serves the search page (GET /?q=...), the article view (GET /article?id=...), the JSON
API (GET /api/search, /api/article) and GET /healthz, read-only, over the databases
given. Listens on loopback unless another address is given; put a reverse proxy in
front of it to serve others (README, "Web").

)";

/// "host:port", "[::1]:port" or ":port" (loopback); Error(Usage) otherwise.
std::pair<std::string, int> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw Error(ErrorKind::Usage, "--listen takes HOST:PORT, not " + text);
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "127.0.0.1";
    const std::string port_text = text.substr(colon + 1);
    int port = -1;
    try {
        std::size_t used = 0;
        port = std::stoi(port_text, &used);
        if (used != port_text.size()) port = -1;
    } catch (const std::exception&) {
    }
    if (port < 0 || port > 65535) throw Error(ErrorKind::Usage, "--listen: bad port \"" + port_text + "\"");
    return {host, port};
}

}  // namespace

int main(int argc, char** argv) try {
    web::ServerOptions options;
    std::string listen = "127.0.0.1:8080";
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&options.dbs)->composing(), "database folder or stub file; repeat to search several as one")
        ("listen", po::value(&listen)->default_value(listen), "address and port (PORT 0: any free one, printed)")
        ("threads", po::value(&options.threads)->default_value(options.threads),
         "searches run at once, each with its own database reader")
        ("connections", po::value(&options.connections)->default_value(options.connections),
         "connections served at once (a kept-alive connection holds a thread while it lasts, not a reader)")
        ("time-limit", po::value(&options.limits.time_limit)->default_value(options.limits.time_limit),
         "seconds the matcher may spend on one ranking (counts past it are estimates)")
        ("max-limit", po::value(&options.limits.max_limit)->default_value(options.limits.max_limit),
         "most hits one request may ask for (limit=)");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, visible), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << kUsage << visible;
        return 0;
    }
    if (vm.count("version")) {
        std::cout << kProgram << ' ' << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        return 0;
    }
    if (options.threads < 1 || options.threads > 256) throw Error(ErrorKind::Usage, "--threads must be 1 to 256");
    if (options.connections < 1 || options.connections > 4096)
        throw Error(ErrorKind::Usage, "--connections must be 1 to 4096");
    if (options.dbs.empty()) options.dbs.push_back(resolve_db_path(""));
    std::tie(options.host, options.port) = parse_listen(listen);
    options.access_log = [](const std::string& line) { std::cerr << line << std::flush; };

    // SIGINT and SIGTERM go to one thread, which stops the server: requests in flight finish.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    web::WebServer server(options);
    server.bind();
    std::cerr << kProgram << ": serving http://" << options.host << ":" << server.port() << "/\n" << std::flush;
    std::thread watcher([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        std::cerr << kProgram << ": stopping\n";
        server.stop();
    });
    server.serve();
    // serve() returns only after stop(); the watcher has then done its work.
    watcher.join();
    return 0;
} catch (const po::error& e) {
    print_error(kProgram, e.what(), "see newsdex-web --help");
    return 2;
} catch (const Error& e) {
    print_error(kProgram, e.what(), e.hint());
    return 2;
} catch (const std::exception& e) {
    print_error(kProgram, e.what());
    return 2;
}
