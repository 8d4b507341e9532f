// Date forms of the query language (query/date_range.h) and date histograms (query/histogram.h).
#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "query/date_range.h"
#include "query/errors.h"
#include "query/histogram.h"

#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

using namespace dateline;
using namespace dateline::query;

namespace {

std::int64_t at(int y, unsigned m, unsigned d) {
    return dates::days_from_civil(y, m, d) * 86400;
}

std::string error_of(std::string_view begin, std::string_view end) {
    try {
        date_range_query(begin, end);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("a year, a month and a day name periods that end where the next one starts") {
    auto year = parse_date_period("1987");
    CHECK(year.unit == DatePeriod::Unit::year);
    CHECK(year.start == at(1987, 1, 1));
    CHECK(year.end == at(1988, 1, 1));

    auto month = parse_date_period("1987-12");
    CHECK(month.unit == DatePeriod::Unit::month);
    CHECK(month.start == at(1987, 12, 1));
    CHECK(month.end == at(1988, 1, 1));

    auto day = parse_date_period(" 1988-02-29 ");
    CHECK(day.unit == DatePeriod::Unit::day);
    CHECK(day.start == at(1988, 2, 29));
    CHECK(day.end == at(1988, 3, 1));
}

TEST_CASE("malformed dates are rejected with the reason") {
    CHECK_THROWS_WITH_AS(parse_date_period("foo"), "expected YYYY[-MM[-DD]]",
                         std::invalid_argument);
    CHECK_THROWS_AS(parse_date_period("87"), std::invalid_argument);
    CHECK_THROWS_AS(parse_date_period("1987-3"), std::invalid_argument);
    CHECK_THROWS_AS(parse_date_period("1987-03-17-01"), std::invalid_argument);
    CHECK_THROWS_AS(parse_date_period(""), std::invalid_argument);
    CHECK_THROWS_WITH(parse_date_period("1987-13"), doctest::Contains("month 13 is not 01-12"));
    CHECK_THROWS_WITH(parse_date_period("1987-02-29"), doctest::Contains("is not a day"));
    CHECK_THROWS_WITH(parse_date_period("1987-04-31"), doctest::Contains("is not a day"));
    CHECK_THROWS_AS(parse_date_period("1987-04-00"), std::invalid_argument);
}

TEST_CASE("date ranges are value ranges on the published slot, inclusive to the end of the end") {
    auto q = date_range_query("1987-03-01", "1987-03-31");
    CHECK(q.get_type() == Xapian::Query::OP_VALUE_RANGE);
    std::string expected = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::published,
                                         Xapian::sortable_serialise(double(at(1987, 3, 1))),
                                         Xapian::sortable_serialise(double(at(1987, 4, 1) - 1)))
                               .get_description();
    CHECK(q.get_description() == expected);

    CHECK(date_range_query("1987-03", "").get_type() == Xapian::Query::OP_VALUE_GE);
    CHECK(date_range_query("", "1987").get_type() == Xapian::Query::OP_VALUE_LE);
    CHECK(date_range_query("", "1987").get_description() ==
          Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::published,
                        Xapian::sortable_serialise(double(at(1988, 1, 1) - 1)))
              .get_description());
    // A range within one day is fine.
    CHECK_NOTHROW(date_range_query("1987-03-17", "1987-03-17"));
}

TEST_CASE("bad date ranges say what is wrong") {
    CHECK(error_of("foo", "bar") == "bad date range 'foo..bar': expected YYYY[-MM[-DD]]");
    CHECK(error_of("1987-13", "") ==
          "bad date range '1987-13..': expected YYYY[-MM[-DD]] (month 13 is not 01-12)");
    CHECK(error_of("", "") == "bad date range '..': give a start, an end or both");
    CHECK(error_of("1988", "1987") ==
          "bad date range '1988..1987': the range ends before it starts");
}

TEST_CASE("single periods use the Y, M and D boolean terms") {
    CHECK(date_period_query("1987").get_description() == Xapian::Query("Y1987").get_description());
    CHECK(date_period_query("1987-03").get_description() ==
          Xapian::Query("M198703").get_description());
    CHECK(date_period_query("1987-03-07").get_description() ==
          Xapian::Query("D19870307").get_description());
    CHECK_THROWS_WITH_AS(date_period_query("March"), "bad date 'March': expected YYYY[-MM[-DD]]",
                         QueryError);
}

TEST_CASE("the automatic bucket follows the span of the dates") {
    auto day = [](int y, unsigned m, unsigned d) { return dates::days_from_civil(y, m, d); };
    CHECK(choose_bucket(day(1987, 3, 1), day(1987, 3, 31)) == Bucket::day);
    CHECK(choose_bucket(day(1987, 3, 1), day(1987, 5, 1)) == Bucket::day);
    CHECK(choose_bucket(day(1987, 3, 1), day(1987, 5, 2)) == Bucket::month);
    CHECK(choose_bucket(day(1987, 3, 17), day(1987, 5, 2)) == Bucket::day); // 1 month 15 days
    CHECK(choose_bucket(day(1987, 1, 1), day(1990, 1, 1)) == Bucket::month);
    CHECK(choose_bucket(day(1987, 1, 1), day(1990, 1, 2)) == Bucket::year);
    CHECK(parse_bucket("week") == Bucket::week);
    CHECK_THROWS_AS(parse_bucket("fortnight"), UsageError);
}

TEST_CASE("histograms list every bucket in order, empty ones included") {
    auto day = [](int y, unsigned m, unsigned d) { return dates::days_from_civil(y, m, d); };
    std::map<std::int64_t, Xapian::doccount> per_day{
        {day(1987, 3, 17), 2}, {day(1987, 3, 20), 1}, {day(1987, 5, 20), 4}};

    Bucket used = Bucket::automatic;
    auto months = make_histogram(per_day, Bucket::automatic, &used);
    CHECK(used == Bucket::month);
    REQUIRE(months.size() == 3);
    CHECK(months[0].label == "1987-03");
    CHECK(months[0].count == 3);
    CHECK(months[1].label == "1987-04");
    CHECK(months[1].count == 0);
    CHECK(months[2].label == "1987-05");
    CHECK(months[2].count == 4);

    auto years = make_histogram(per_day, Bucket::year);
    REQUIRE(years.size() == 1);
    CHECK(years[0].label == "1987");
    CHECK(years[0].count == 7);

    // 1987-03-17 was a Tuesday and 1987-03-20 a Friday: both in the week of Monday 1987-03-16.
    auto weeks = make_histogram(per_day, Bucket::week);
    CHECK(weeks.front().label == "1987-03-16");
    CHECK(weeks.front().count == 3);
    CHECK(weeks.back().label == "1987-05-18");
    CHECK(weeks.back().count == 4);

    auto days = make_histogram({{day(1969, 12, 31), 1}, {day(1970, 1, 2), 1}}, Bucket::day);
    REQUIRE(days.size() == 3);
    CHECK(days[1].label == "1970-01-01");
    CHECK(days[1].count == 0);

    auto weeks_1970 = make_histogram({{day(1970, 1, 4), 1}}, Bucket::week); // a Sunday
    CHECK(weeks_1970.front().label == "1969-12-29");

    CHECK(make_histogram({}, Bucket::automatic).empty());
}
