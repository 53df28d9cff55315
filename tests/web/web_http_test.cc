// newsdex-web over HTTP: the server runs in this process on a free loopback port, over
// databases made by the real newsdex-index; /api/search is compared with the real
// newsdex-search --format json.
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"
#include "web/html.h"
#include "web/server.h"

namespace newsdex::test {
namespace {

using nlohmann::json;

constexpr const char* kPayloadTitle = "Payload <script>alert('title')</script> <img src=x onerror=alert(1)> harbour";

/// A plain-text article keeps its body's tags as text (the JSON reader strips them).
constexpr const char* kHostileText =
    "Title: Second payload <script>alert(\"t2\")</script>\n\n"
    "The ferry <script>alert('body')</script> payload and <img src=x onerror=alert(2)> in the text of a report "
    "on the harbour, where the ferry service resumed on Tuesday after repairs to the pier.\n";

/// An article whose title, byline, source and URL try to run script in the page.
std::string hostile_article() {
    json article = {{"title", kPayloadTitle},
                    {"author", "Eve \"<b>\" O'Hara"},
                    {"url", "javascript:alert('url')"},
                    {"publishedAt", "2024-05-02T10:00:00Z"},
                    {"source", {{"name", "<i>Attack</i> Weekly"}}},
                                    {"content", "The harbour payload text \"quoted\" & 'single'."}};
    return json{{"status", "ok"}, {"articles", {article}}}.dump();
}

class WebServerTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        db_ = dir_->str() + "/db";
        dir_->write("in/hostile.json", hostile_article());
        dir_->write("in/hostile.txt", kHostileText);
        // The same story twice: one hit, "+1 similar".
        const std::string copy = "Title: Lighthouse keeper retires\n\nThe lighthouse keeper on the northern cape "
                                 "retired on Sunday after forty years of tending the lamp through every winter storm.\n";
        dir_->write("in/copies/first.txt", copy);
        dir_->write("in/copies/second.txt", copy);
        std::filesystem::copy(std::string(NEWSDEX_CORPUS_DIR) + "/text", dir_->str() + "/in/text");
        std::filesystem::copy(std::string(NEWSDEX_CORPUS_DIR) + "/json", dir_->str() + "/in/json");
        const auto r = index_cmd({"--db", db_, dir_->str() + "/in"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }

    void SetUp() override { start({db_}); }
    void TearDown() override { stop(); }

    void start(std::vector<std::string> dbs) {
        web::ServerOptions options;
        options.dbs = std::move(dbs);
        options.port = 0;
        options.threads = 4;
        options.access_log = [this](const std::string& line) {
            std::lock_guard lock(log_mutex_);
            log_ += line;
        };
        server_ = std::make_unique<web::WebServer>(options);
        server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    }
    void stop() {
        server_->stop();
        thread_.join();
        server_.reset();
    }

    httplib::Result get(const std::string& target) {
        auto res = client_->Get(target.c_str());
        EXPECT_TRUE(res) << target;
        return res;
    }
    json get_json(const std::string& target, int status = 200) {
        auto res = get(target);
        if (!res) return nullptr;
        EXPECT_EQ(res->status, status) << target << ": " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
        return json::parse(res->body);
    }
    std::string get_html(const std::string& target, int status = 200) {
        auto res = get(target);
        if (!res) return {};
        EXPECT_EQ(res->status, status) << target;
        EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
        EXPECT_TRUE(contains(res->get_header_value("Content-Security-Policy"), "script-src 'self'"));
        return res->body;
    }
    json cli_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_, "--format", "json"});
        const auto r = search_cmd(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return json::parse(r.out);
    }

    std::string log_text() {
        std::lock_guard lock(log_mutex_);
        return log_;
    }

    static TempDir* dir_;
    static std::string db_;
    std::mutex log_mutex_;
    std::string log_;
    std::unique_ptr<web::WebServer> server_;
    std::thread thread_;
    std::unique_ptr<httplib::Client> client_;
};

TempDir* WebServerTest::dir_ = nullptr;
std::string WebServerTest::db_;

TEST_F(WebServerTest, HealthzCountsTheArticles) {
    const json health = get_json("/healthz");
    EXPECT_EQ(health["status"], "ok");
    EXPECT_GT(health["articles"].get<int>(), 20);
}

TEST_F(WebServerTest, ApiSearchIsTheJsonNewsdexSearchPrints) {
    struct Case {
        std::string target;
        std::vector<std::string> args;
    };
    const std::vector<Case> cases{
        {"/api/search?q=harbour", {"harbour"}},
        {"/api/search?q=olive%20harvest&limit=3&offset=1", {"--limit", "3", "--offset", "1", "olive harvest"}},
        {"/api/search?q=the&sort=newest&facet=author&facet=year", {"--sort", "newest", "--facet", "author",
                                                                   "--facet", "year", "the"}},
        {"/api/search?q=the&since=2024-01&until=2024-06&timeline=month",
         {"--since", "2024-01", "--until", "2024-06", "--timeline", "month", "the"}},
        {"/api/search?q=harbur", {"harbur"}},  // spelling correction
        {"/api/search?q=zzzqqq", {"zzzqqq"}},  // nothing
    };
    for (const auto& c : cases) EXPECT_EQ(get_json(c.target), cli_json(c.args)) << c.target;
}

TEST_F(WebServerTest, PagingWalksTheSameRanking) {
    const json all = get_json("/api/search?q=the&limit=20");
    ASSERT_GE(all["hits"].size(), 12u);
    const json second = get_json("/api/search?q=the&limit=5&offset=5");
    ASSERT_EQ(second["hits"].size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(second["hits"][i]["id"], all["hits"][i + 5]["id"]);
    const std::string page = get_html("/?q=the&offset=5&limit=5");
    EXPECT_TRUE(contains(page, "<ol class=\"hits\" start=\"6\">"));
    EXPECT_TRUE(contains(page, "class=\"prev\" href=\"/?q=the&amp;limit=5\""));
    EXPECT_TRUE(contains(page, "class=\"next\" href=\"/?q=the&amp;limit=5&amp;offset=10\""));
}

TEST_F(WebServerTest, FacetLinksFilterAndCanBeRemoved) {
    const std::string page = get_html("/?q=the");
    EXPECT_TRUE(contains(page, "data-facet=\"author\""));
    EXPECT_TRUE(contains(page, "href=\"/?q=the&amp;author=Kate%20Connolly\""));
    const std::string filtered = get_html("/?q=the&author=Kate%20Connolly");
    EXPECT_TRUE(contains(filtered, "class=\"remove\" href=\"/?q=the\""));
    // The filter is the query field the CLI knows: the same matches.
    const json api = get_json("/api/search?q=the&author=Kate%20Connolly");
    EXPECT_EQ(api, cli_json({"the author:\"Kate Connolly\""}));
    EXPECT_GT(api["total"].get<int>(), 0);
    EXPECT_LT(api["total"], get_json("/api/search?q=the")["total"]);
    for (const auto& hit : api["hits"]) EXPECT_TRUE(contains(hit["author"].get<std::string>(), "Kate Connolly"));
}

TEST_F(WebServerTest, TimelineBarsNarrowToTheirPeriod) {
    const std::string page = get_html("/?q=the");
    EXPECT_TRUE(contains(page, "<svg class=\"timeline\""));
    const json t = get_json("/api/search?q=the&timeline=month&limit=0")["timeline"];
    ASSERT_EQ(t["unit"], "month");
    std::string period;
    for (const auto& bar : t["bars"])
        if (bar["count"].get<int>() > 0) period = bar["period"];
    ASSERT_FALSE(period.empty());
    EXPECT_TRUE(contains(page, "href=\"/?q=the&amp;since=" + period + "&amp;until=" + period + "\""));
    const json narrowed = get_json("/api/search?q=the&since=" + period + "&until=" + period + "&limit=0&timeline=month");
    EXPECT_EQ(narrowed["timeline"]["bars"].size(), 1u);
    EXPECT_EQ(narrowed["timeline"]["bars"][0]["period"], period);
}

TEST_F(WebServerTest, SimilarExpandsToTheGroup) {
    // Both words required: the default ranking also lists articles holding one of them.
    const json folded = get_json("/api/search?q=lighthouse%20AND%20keeper");
    ASSERT_EQ(folded["hits"].size(), 1u);
    EXPECT_EQ(folded["hits"][0]["similar"], 1);
    const std::string id = folded["hits"][0]["id"];
    const std::string group_url = "/?q=lighthouse%20AND%20keeper&group=" + web::url_encode(id);
    EXPECT_TRUE(contains(get_html("/?q=lighthouse%20AND%20keeper"),
                         "class=\"similar\" href=\"" + web::escape(group_url) + "\">+1 similar</a>"));
    const json group = get_json("/api/search?q=lighthouse%20AND%20keeper&group=" + web::url_encode(id));
    EXPECT_EQ(group["hits"].size(), 2u);
    EXPECT_EQ(group["collapsed"], false);
    EXPECT_EQ(get_json("/api/search?q=lighthouse&group=unknown", 400)["error"]["status"], 400);
}

TEST_F(WebServerTest, ArticleViewShowsOnlyIndexedArticles) {
    const json hit = get_json("/api/search?q=olive")["hits"][0];
    const std::string id = hit["id"];
    const std::string page = get_html("/article?id=" + web::url_encode(id) + "&q=olive");
    EXPECT_TRUE(contains(page, "<mark>olive</mark>") || contains(page, "<mark>Olive</mark>"));
    EXPECT_TRUE(contains(page, "href=\"/?q=olive\""));  // back to the results
    const json api = get_json("/api/article?id=" + web::url_encode(id));
    EXPECT_EQ(api["id"], id);
    EXPECT_EQ(api["title"], hit["title"]);
    EXPECT_TRUE(contains(api["text"].get<std::string>(), "Andalusia"));
    // A file path, even of a file that exists, is not an id: nothing is read from disk.
    get_html("/article?id=%2Fetc%2Fpasswd", 404);
    get_html("/article?id=..%2F..%2Fcorpus%2Ftext%2Fandalusia-olive-harvest-drought.txt", 404);
    EXPECT_EQ(get_json("/api/article?id=nope", 404)["error"]["status"], 404);
    get_html("/article", 400);
}

TEST_F(WebServerTest, MalformedQueriesAre400) {
    // Stray quotes and brackets are read as plain text (issue 15); these cannot mean anything.
    EXPECT_TRUE(contains(get_html("/?q=AND%20OR", 400), "has nothing before it"));
    EXPECT_EQ(get_json("/api/search?q=date%3A2024-13-45", 400)["error"]["status"], 400);
    get_json("/api/search?q=x&limit=1000", 400);
    get_json("/api/search?q=x&limit=ten", 400);
    get_json("/api/search?q=x&sort=sideways", 400);
    get_json("/api/search?q=x&since=2024-13-45", 400);
    get_json("/api/search?q=x&facet=colour", 400);
    get_json("/api/search?q=x&facet=author&facet=source&facet=year&facet=month&facet=lang&facet=language", 400);
    get_json("/api/search?q=" + std::string(5000, 'a'), 400);
    get_html("/no/such/page", 404);
    EXPECT_EQ(get_json("/api/nothing", 404)["error"]["status"], 404);
}

TEST_F(WebServerTest, UnavailableDatabaseIs503UntilItAppears) {
    stop();
    const std::string missing = dir_->str() + "/later";
    start({missing});
    EXPECT_EQ(get_json("/healthz", 503)["error"]["status"], 503);
    get_json("/api/search?q=harbour", 503);
    EXPECT_TRUE(contains(get_html("/?q=harbour", 503), "not available"));
    const auto r = index_cmd({"--db", missing, corpus_file("andalusia-olive-harvest-drought.txt")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(get_json("/api/search?q=olive")["total"], 1);
}

TEST_F(WebServerTest, SearchesSeeWhatTheIndexerCommits) {
    stop();
    TempDir fresh;
    const std::string db = fresh.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, corpus_file("andalusia-olive-harvest-drought.txt")}).exit_code, 0);
    start({db});
    EXPECT_EQ(get_json("/api/search?q=baltic")["total"], 0);  // a reader is open now
    ASSERT_EQ(index_cmd({"--db", db, corpus_file("baltic-cable-damage-inquiry.txt")}).exit_code, 0);
    EXPECT_EQ(get_json("/api/search?q=baltic")["total"], 1);
    EXPECT_EQ(get_json("/healthz")["articles"], 2);
}

TEST_F(WebServerTest, EverythingFromArticlesAndQueriesIsEscaped) {
    for (const std::string target : {"/?q=payload", "/?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E%20payload"}) {
        const std::string page = get_html(target);
        EXPECT_FALSE(contains(page, "<script>")) << target;
        EXPECT_FALSE(contains(page, "<img")) << target;
        EXPECT_FALSE(contains(page, "href=\"javascript:")) << target;  // shown as text, never a link
        EXPECT_FALSE(contains(page, "<i>Attack")) << target;
    }
    const std::string page = get_html("/?q=payload");
    EXPECT_TRUE(contains(page, "<mark>Payload</mark> &lt;script&gt;alert("));
    EXPECT_TRUE(contains(page, "&lt;script&gt;alert('body')&lt;/script&gt; <mark>payload</mark>"));
    EXPECT_TRUE(contains(page, "Eve &quot;&lt;b&gt;&quot; O&#39;Hara"));
    EXPECT_TRUE(contains(page, "&lt;i&gt;Attack&lt;/i&gt; Weekly"));
    // The query echoed into the box's value attribute cannot leave it, on an error page too.
    for (const auto& [target, status] : {std::pair{"/?q=%27%3E%3Csvg%20onload%3Dalert(1)%3E", 200},
                                        std::pair{"/?q=%22%3E%3Csvg%20onload%3Dalert(1)%3E%20date%3A2024-13-45", 400}}) {
        const std::string echo = get_html(target, status);
        EXPECT_TRUE(contains(echo, "value=\"&#39;&gt;&lt;svg onload=alert(1)&gt;\"") ||
                    contains(echo, "value=\"&quot;&gt;&lt;svg onload=alert(1)&gt; date:2024-13-45\""))
            << target;
        EXPECT_FALSE(contains(echo, "<svg onload")) << target;
    }
    const std::string id = get_json("/api/search?q=payload%20ferry")["hits"][0]["id"];
    const std::string article = get_html("/article?id=" + web::url_encode(id) + "&q=payload");
    EXPECT_FALSE(contains(article, "<script>"));
    EXPECT_FALSE(contains(article, "<img"));
    EXPECT_FALSE(contains(article, "href=\"javascript"));
    EXPECT_TRUE(contains(article, "&lt;img src=x onerror=alert(2)&gt;"));
    // Links the page builds carry the id percent-encoded inside an escaped attribute.
    EXPECT_TRUE(contains(page, "href=\"/article?id=" + web::escape(web::url_encode(id)) + "&amp;q=payload\""));
    EXPECT_TRUE(contains(article, "<h1>Second <mark>payload</mark> &lt;script&gt;alert(&quot;t2&quot;)&lt;/script&gt;</h1>"));
}

TEST_F(WebServerTest, AccessLogHasALinePerRequest) {
    get_json("/healthz");
    get_html("/?q=harbour%0Aforged");
    // The line is written after the response is sent: give the server a moment.
    for (int i = 0; i < 200 && line_count(log_text()) < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const std::string log = log_text();
    EXPECT_TRUE(contains(log, "\"GET /healthz HTTP/1.1\" 200"));
    EXPECT_TRUE(contains(log, "/?q=harbour_forged"));  // a line break cannot forge a line
    EXPECT_EQ(line_count(log), 2u);
}

TEST(WebHtml, EscapesAndLinks) {
    EXPECT_EQ(web::escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(web::url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    EXPECT_EQ(web::safe_link("HTTPS://example.com/x"), "HTTPS://example.com/x");
    EXPECT_EQ(web::safe_link(" javascript:alert(1)"), "");
    EXPECT_EQ(web::safe_link("data:text/html,x"), "");
    EXPECT_EQ(web::query_string({{"q", "a&b"}, {"empty", ""}}), "?q=a%26b");
}

}  // namespace
}  // namespace newsdex::test
