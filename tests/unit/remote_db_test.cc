#include "core/db/remote_db.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

struct Good {
    const char* spec;
    const char* host;
    unsigned port;
};

class ParseRemoteGood : public ::testing::TestWithParam<Good> {};

TEST_P(ParseRemoteGood, GivesHostAndPort) {
    const auto address = parse_remote(GetParam().spec);
    ASSERT_TRUE(address);
    EXPECT_EQ(address->host, GetParam().host);
    EXPECT_EQ(address->port, GetParam().port);
}

INSTANTIATE_TEST_SUITE_P(Table, ParseRemoteGood,
                         ::testing::Values(Good{"tcp://127.0.0.1:33333", "127.0.0.1", 33333},
                                           Good{"tcp://search-2.newsroom.example:1", "search-2.newsroom.example", 1},
                                           Good{"tcp://host:65535/", "host", 65535},
                                           Good{"tcp://[::1]:8000", "::1", 8000}));

class ParseRemoteBad : public ::testing::TestWithParam<const char*> {};

TEST_P(ParseRemoteBad, IsAUsageErrorNamingTheSpec) {
    try {
        parse_remote(GetParam());
        FAIL() << "accepted " << GetParam();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find(GetParam()), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, ParseRemoteBad,
                         ::testing::Values("tcp://", "tcp://host", "tcp://host:", "tcp://host:0", "tcp://host:65536",
                                           "tcp://host:12ab", "tcp://:80", "tcp://[::1]80", "tcp://[::1", "tcp://a b:80",
                                           "tcp://host:-1"));

TEST(ParseRemote, OtherPathsAreNotRemote) {
    EXPECT_FALSE(parse_remote("/var/lib/news/db"));
    EXPECT_FALSE(parse_remote("db"));
    EXPECT_FALSE(parse_remote("TCP://host:1"));
    EXPECT_FALSE(parse_remote("remote 127.0.0.1:80"));
}

TEST(NamesRemote, SpecsAndStubsWithRemoteLines) {
    test::TempDir tmp;
    EXPECT_TRUE(names_remote("tcp://127.0.0.1:9"));
    const std::string stub = tmp.str() + "/shards.stub";
    std::ofstream(stub) << "# two shards\nauto /srv/a\n  remote 10.0.0.2:33333\n";
    EXPECT_TRUE(names_remote(stub));
    const std::string local = tmp.str() + "/local.stub";
    std::ofstream(local) << "auto /srv/a\nauto /srv/remote-archive\n";
    EXPECT_FALSE(names_remote(local));
    std::filesystem::create_directories(tmp.path() / "db");
    std::ofstream(tmp.path() / "db" / "XAPIANDB") << "remote 10.0.0.3:1\n";
    EXPECT_TRUE(names_remote(tmp.str() + "/db"));
    EXPECT_FALSE(names_remote(tmp.str() + "/missing"));
}

}  // namespace
}  // namespace newsdex
