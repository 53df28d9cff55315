#include "web/server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "searcher/output.h"
#include "web/pages.h"
#include "web/reader_pool.h"
#include "web/templates.h"

namespace newsdex::web {

namespace {

// Nothing is loaded from elsewhere, nothing inline runs, no page may frame this one.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

int status_of(const Error& e) {
    switch (e.kind()) {
        case ErrorKind::Usage:
        case ErrorKind::Query: return 400;
        case ErrorKind::Database: return 503;
    }
    return 500;
}

std::string json_error(int status, const std::string& message) {
    return nlohmann::json{{"error", {{"status", status}, {"message", message}}}}.dump(
               -1, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n";
}

void send_json(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "application/json; charset=utf-8");
}

void send_html(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "text/html; charset=utf-8");
}

ParamGetter params_of(const httplib::Request& req) {
    return [&req](const std::string& name) {
        std::vector<std::string> values;
        const auto range = req.params.equal_range(name);
        for (auto it = range.first; it != range.second; ++it) values.push_back(it->second);
        return values;
    };
}

/// When the request began, per serving thread (each request runs on one).
thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

struct WebServer::Impl {
    ServerOptions options;
    ReaderPool pool;
    httplib::Server http;
    std::mutex log_mutex;
    std::atomic<bool> serving{false};
    std::atomic<bool> stop_requested{false};

    explicit Impl(ServerOptions o) : options(std::move(o)), pool(options.dbs, options.threads) { routes(); }

    /// Runs `work` with a reader; a database error closes that reader.
    template <class Work>
    auto with_reader(Work&& work) {
        auto lease = pool.acquire();
        try {
            return work(*lease);
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Database) lease.discard();
            throw;
        }
    }

    /// Runs a handler; errors become the page or JSON document for their status.
    template <class Handler>
    void guarded(httplib::Response& res, bool json, const WebQuery* query, Handler&& handler) {
        int status = 500;
        std::string message;
        try {
            handler();
            return;
        } catch (const Error& e) {
            status = status_of(e);
            message = e.what();
        } catch (const std::exception& e) {
            message = std::string("internal error: ") + e.what();
        }
        if (json) send_json(res, status, json_error(status, message));
        else send_html(res, status, error_page(status, message, query ? *query : WebQuery{}));
    }

    void search_page_route(const httplib::Request& req, httplib::Response& res) {
        WebQuery query;
        guarded(res, false, &query, [&] {
            query = read_query(params_of(req), options.limits);
            query.facets.clear();
            query.timeline.clear();
            const bool searching = !query.q.empty() || !query.filters.empty() || !query.like.empty() ||
                                   !query.group.empty() || !query.since.empty() || !query.until.empty();
            if (!searching) {
                const auto articles = with_reader([](Searcher& s) { return s.article_count(); });
                send_html(res, 200, home_page(articles));
                return;
            }
            SearchRequest request = to_request(query, options.limits);
            request.facets.assign(std::begin(kPageFacets), std::end(kPageFacets));
            request.timeline = true;
            const SearchResults results = with_reader([&](Searcher& s) { return s.search(request); });
            send_html(res, 200, search_page(query, results));
        });
    }

    void article_route(const httplib::Request& req, httplib::Response& res, bool json) {
        WebQuery query;
        guarded(res, json, &query, [&] {
            query = read_query(params_of(req), options.limits);
            const std::string id = req.get_param_value("id");
            if (id.empty()) throw Error(ErrorKind::Usage, "no article id given (id=...)");
            // The id is looked up as an index term, never opened as a file.
            const auto view = with_reader([&](Searcher& s) { return s.article(id, query.core_query()); });
            if (!view) {
                const std::string message = "no article with id " + id + " in the index";
                if (json) send_json(res, 404, json_error(404, message));
                else send_html(res, 404, error_page(404, message, query));
                return;
            }
            if (!json) {
                send_html(res, 200, article_page(*view, query));
                return;
            }
            std::ostringstream out;
            print_article_json(view->article, view->title, view->body, out);
            send_json(res, 200, out.str());
        });
    }

    void api_search_route(const httplib::Request& req, httplib::Response& res) {
        guarded(res, true, nullptr, [&] {
            const WebQuery query = read_query(params_of(req), options.limits);
            const SearchRequest request = to_request(query, options.limits);
            const SearchResults results = with_reader([&](Searcher& s) { return s.search(request); });
            std::ostringstream out;
            print_json(results, out);  // the very document newsdex-search --format json prints
            send_json(res, 200, out.str());
        });
    }

    void routes() {
        http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                  {"X-Content-Type-Options", "nosniff"},
                                  {"Referrer-Policy", "no-referrer"},
                                  {"X-Frame-Options", "DENY"}});
        http.Get("/", [this](const httplib::Request& req, httplib::Response& res) { search_page_route(req, res); });
        http.Get("/article",
                 [this](const httplib::Request& req, httplib::Response& res) { article_route(req, res, false); });
        http.Get("/api/article",
                 [this](const httplib::Request& req, httplib::Response& res) { article_route(req, res, true); });
        http.Get("/api/search",
                 [this](const httplib::Request& req, httplib::Response& res) { api_search_route(req, res); });
        http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
            guarded(res, true, nullptr, [&] {
                const auto articles = with_reader([](Searcher& s) { return s.article_count(); });
                send_json(res, 200, nlohmann::json{{"status", "ok"}, {"articles", articles}}.dump() + "\n");
            });
        });
        http.Get("/static/style.css", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(*embedded_file("style.css")), "text/css; charset=utf-8");
            res.set_header("Cache-Control", "max-age=3600");
        });
        http.Get("/static/favicon.svg", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(*embedded_file("favicon.svg")), "image/svg+xml");
            res.set_header("Cache-Control", "max-age=86400");
        });
        http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(*embedded_file("favicon.svg")), "image/svg+xml");
        });
        http.Get("/static/app.js", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(*embedded_file("app.js")), "text/javascript; charset=utf-8");
            res.set_header("Cache-Control", "max-age=3600");
        });
        // Unknown paths (and methods other than GET: the server changes nothing) get an
        // error page; a handler's own error body stays.
        http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                       httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const std::string message = res.status == 404 ? "no page at " + req.path : "the request was refused";
            if (req.path.rfind("/api/", 0) == 0) send_json(res, res.status, json_error(res.status, message));
            else send_html(res, res.status, error_page(res.status, message, WebQuery{}));
            return httplib::Server::HandlerResponse::Handled;
        }));
        http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
            request_start = std::chrono::steady_clock::now();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
        http.set_payload_max_length(64 * 1024);  // GET only: no request needs a body
        http.set_read_timeout(10);
        http.set_write_timeout(10);
        const std::size_t connections = std::max(options.connections, options.threads);
        http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    }

    /// `127.0.0.1 "GET /?q=x HTTP/1.1" 200 5120 3.2ms`, on the access log.
    void log(const httplib::Request& req, const httplib::Response& res) {
        if (!options.access_log) return;
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start).count();
        std::string target = req.path;
        if (!req.params.empty()) {
            std::string query;
            for (const auto& [name, value] : req.params) query += (query.empty() ? "?" : "&") + name + "=" + value;
            target += query;
        }
        for (char& c : target)  // one line per request, whatever the query holds
            if (static_cast<unsigned char>(c) < 0x20 || c == '"') c = '_';
        const std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        std::ostringstream line;
        line << req.remote_addr << " [" << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << "] \"" << req.method << ' '
             << target << ' ' << req.version << "\" " << res.status << ' ' << res.body.size() << ' ' << std::fixed
             << std::setprecision(1) << ms << "ms\n";
        std::lock_guard lock(log_mutex);
        options.access_log(line.str());
    }
};

WebServer::WebServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

WebServer::~WebServer() = default;

void WebServer::bind() {
    auto& o = impl_->options;
    const bool ok = o.port == 0 ? (o.port = impl_->http.bind_to_any_port(o.host)) > 0
                                : impl_->http.bind_to_port(o.host, o.port);
    if (!ok) throw Error(ErrorKind::Usage, "cannot listen on " + o.host + ":" + std::to_string(o.port));
}

int WebServer::port() const { return impl_->options.port; }

void WebServer::serve() {
    impl_->serving = true;
    if (!impl_->stop_requested) impl_->http.listen_after_bind();
    impl_->serving = false;
}

void WebServer::stop() {
    impl_->stop_requested = true;
    // httplib's stop() does nothing before its loop runs: wait for that, unless serve()
    // saw the request first and is returning.
    while (impl_->serving && !impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    impl_->http.stop();
}

}  // namespace newsdex::web
