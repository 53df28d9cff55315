/** @file @brief newsdex-web's HTTP server: the routes, the security headers, the access
 *  log and the error statuses, over cpp-httplib. */
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/params.h"

namespace newsdex::web {

struct ServerOptions {
    std::vector<std::string> dbs;
    std::string host = "127.0.0.1";  ///< loopback unless another address is given
    int port = 8080;                 ///< 0: any free port (see WebServer::port)
    std::size_t threads = 8;         ///< searches run at once, each with its own reader
    /// Connections served at once: cpp-httplib gives each kept-alive connection a thread
    /// while it lasts, so this exceeds `threads` (idle connections hold no reader).
    std::size_t connections = 64;
    Limits limits{};
    /// Called with one line per request (ending in '\n'), from the serving threads one
    /// at a time; empty: no log.
    std::function<void(const std::string& line)> access_log;
};

class WebServer {
  public:
    explicit WebServer(ServerOptions options);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    /// Binds the address; throws Error(Usage) when it cannot.
    void bind();
    /// The port bound (after bind()).
    int port() const;
    /// Serves until stop(); returns then.
    void serve();
    /// Stops serving: safe from another thread, and from a signal-watching one.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex::web
