#include "analyzers/dates.h"

#include <doctest/doctest.h>

using namespace dateline;

namespace {
std::string iso(std::string_view text) {
    auto ts = dates::parse(text);
    return ts ? dates::format_iso(*ts) : "none";
}
} // namespace

TEST_CASE("dates: ISO 8601 with and without time and zone") {
    CHECK(iso("2021-03-17") == "2021-03-17");
    CHECK(iso("2021-03-17T10:15:00Z") == "2021-03-17T10:15:00Z");
    CHECK(iso("2021-03-17T10:15:00+03:00") == "2021-03-17T07:15:00Z");
    CHECK(iso("2021-03-17T10:15:00.123-0500") == "2021-03-17T15:15:00Z");
    CHECK(iso("2021-03-17 10:15") == "2021-03-17T10:15:00Z");
    CHECK(iso("20210317") == "2021-03-17");
    CHECK(iso("2021/03/17") == "2021-03-17");
    CHECK(iso("1987-02-26T15:01:01Z") == "1987-02-26T15:01:01Z");
}

TEST_CASE("dates: RFC 2822 and written forms") {
    CHECK(iso("Wed, 17 Mar 2021 10:15:00 GMT") == "2021-03-17T10:15:00Z");
    CHECK(iso("Wed, 17 Mar 2021 10:15:00 +0100") == "2021-03-17T09:15:00Z");
    CHECK(iso("Tue, 1 Dec 2020 08:00:00 EST") == "2020-12-01T13:00:00Z");
    CHECK(iso("26 Dec 2020") == "2020-12-26");
    CHECK(iso("26 December 2020") == "2020-12-26");
    CHECK(iso("March 17, 2021") == "2021-03-17");
    CHECK(iso("Mar 17 2021") == "2021-03-17");
    CHECK(iso("17 March 2021 10:15") == "2021-03-17T10:15:00Z");
    CHECK(iso("March 17, 2021 3:05 pm") == "2021-03-17T15:05:00Z");
    CHECK(iso("17-MAR-1987 15:01:01.79") == "1987-03-17T15:01:01Z");
    CHECK(iso("17.03.2021") == "2021-03-17");
}

TEST_CASE("dates: Unix seconds and milliseconds") {
    CHECK(iso("1615976100") == "2021-03-17T10:15:00Z");
    CHECK(iso("1615976100000") == "2021-03-17T10:15:00Z");
}

TEST_CASE("dates: precision is kept") {
    CHECK(dates::parse("2021-03-17")->precision == Timestamp::Precision::day);
    CHECK(dates::parse("2021-03-17T00:00:00Z")->precision == Timestamp::Precision::time);
}

TEST_CASE("dates: impossible and non-dates are rejected") {
    for (const char* bad :
         {"", "the day after tomorrow", "2021-02-30", "2021-13-01", "2021-03-17T25:00",
          "32 Jan 2020", "Smarch 3, 2020", "12345", "2021-03-17 and more", "2021-03-17Tfoo"})
        CHECK_MESSAGE(iso(bad) == "none", bad);
}

TEST_CASE("dates: civil conversion round-trips") {
    for (std::int64_t t : {0LL, 951782400LL, -86400LL, 4102444799LL}) {
        auto c = dates::to_civil(t);
        CHECK(dates::days_from_civil(c.year, c.month, c.day) * 86400 + c.hour * 3600 +
                  c.minute * 60 + c.second ==
              t);
    }
    CHECK(dates::days_from_civil(2000, 2, 29) == 11016);
}
