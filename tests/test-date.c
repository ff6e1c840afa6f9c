/* test-date.c: EDTF partial dates */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "mba-date.h"

static void
test_parse_precisions (void)
{
  MbaDate date;

  g_assert_true (mba_date_parse ("2025", &date, NULL));
  g_assert_cmpint (date.start.precision, ==, MBA_DATE_PRECISION_YEAR);
  g_assert_cmpint (date.start.year, ==, 2025);
  g_assert_false (date.is_interval);

  g_assert_true (mba_date_parse ("2025-06", &date, NULL));
  g_assert_cmpint (date.start.precision, ==, MBA_DATE_PRECISION_MONTH);
  g_assert_cmpint (date.start.month, ==, 6);

  g_assert_true (mba_date_parse ("2025-06-29", &date, NULL));
  g_assert_cmpint (date.start.precision, ==, MBA_DATE_PRECISION_DAY);
  g_assert_cmpint (date.start.day, ==, 29);
  g_assert_cmpint (date.start.qualifiers, ==, 0);
}

static void
test_parse_qualifiers (void)
{
  MbaDate date;

  g_assert_true (mba_date_parse ("2025-06-29?", &date, NULL));
  g_assert_cmpint (date.start.qualifiers, ==, MBA_DATE_QUALIFIER_UNCERTAIN);
  g_assert_true (mba_date_parse ("2025~", &date, NULL));
  g_assert_cmpint (date.start.qualifiers, ==, MBA_DATE_QUALIFIER_APPROXIMATE);
  g_assert_true (mba_date_parse ("2025-03%", &date, NULL));
  g_assert_cmpint (date.start.qualifiers, ==, MBA_DATE_QUALIFIER_UNCERTAIN | MBA_DATE_QUALIFIER_APPROXIMATE);
}

static void
test_parse_intervals (void)
{
  MbaDate date;

  g_assert_true (mba_date_parse ("2025-03/2025-06-29", &date, NULL));
  g_assert_true (date.is_interval);
  g_assert_cmpint (date.start.month, ==, 3);
  g_assert_cmpint (date.end.day, ==, 29);
  g_assert_cmpint (mba_date_first_day (&date), ==, mba_day_from_ymd (2025, 3, 1));
  g_assert_cmpint (mba_date_last_day (&date), ==, mba_day_from_ymd (2025, 6, 29));

  /* "in recent months" before 29 June: an open start. */
  g_assert_true (mba_date_parse ("/2025-06-29", &date, NULL));
  g_assert_true (date.is_interval);
  g_assert_cmpint (date.start.precision, ==, MBA_DATE_PRECISION_NONE);
  g_assert_cmpint (mba_date_first_day (&date), ==, mba_day_from_ymd (2025, 6, 29));

  g_assert_true (mba_date_parse ("2025-03/", &date, NULL));
  g_assert_cmpint (date.end.precision, ==, MBA_DATE_PRECISION_NONE);
  g_assert_cmpint (mba_date_last_day (&date), ==, mba_day_from_ymd (2025, 3, 31));
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; int code; const char *fragment; } cases[] = {
    { "2025-02-30", MBA_DATE_ERROR_RANGE, "no day 30" },
    { "2024-02-30", MBA_DATE_ERROR_RANGE, "no day 30" },
    { "2025-13", MBA_DATE_ERROR_RANGE, "month 13" },
    { "2025-00-10", MBA_DATE_ERROR_RANGE, "month 00" },
    { "0000", MBA_DATE_ERROR_RANGE, "year 0000" },
    { "25-06-29", MBA_DATE_ERROR_SYNTAX, "is not a date" },
    { "2025-6-29", MBA_DATE_ERROR_SYNTAX, "is not a date" },
    { "2025-06-29T10:00", MBA_DATE_ERROR_SYNTAX, "is not a date" },
    { "June 2025", MBA_DATE_ERROR_SYNTAX, "is not a date" },
    { "", MBA_DATE_ERROR_SYNTAX, "is not a date" },
    { "/", MBA_DATE_ERROR_SYNTAX, "neither start nor end" },
    { "2025-06/2025-03", MBA_DATE_ERROR_RANGE, "ends before it starts" },
    { "2025??", MBA_DATE_ERROR_SYNTAX, "is not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      MbaDate date;

      g_assert_false (mba_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, MBA_DATE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }

  /* 2024 was a leap year, 1900 was not. */
  {
    MbaDate date;
    g_assert_true (mba_date_parse ("2024-02-29", &date, NULL));
    g_assert_false (mba_date_parse ("1900-02-29", &date, NULL));
  }
}

static void
test_compare_and_sort (void)
{
  const char *texts[] = { "2025-06-29", "2025", "2025-06", "/2025-06-29", "1997-09-18", "2025-06-28" };
  const char *expected[] = { "1997-09-18", "2025", "2025-06", "2025-06-28", "2025-06-29", "/2025-06-29" };
  MbaDate dates[G_N_ELEMENTS (texts)];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (mba_date_parse (texts[i], &dates[i], NULL));
  qsort (dates, G_N_ELEMENTS (dates), sizeof (MbaDate), (GCompareFunc) mba_date_compare);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *iso = mba_date_to_iso (&dates[i]);
      g_assert_cmpstr (iso, ==, expected[i]);
    }
}

static void
test_round_trip_iso (void)
{
  const char *texts[] = { "2025", "2025-06", "2025-06-29", "2025-06-29?", "2025~", "2025-03%",
                          "2025-03/2025-06-29", "/2025-06-29", "2025-03/" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      MbaDate date;
      g_autofree char *iso = NULL;

      g_assert_true (mba_date_parse (texts[i], &date, NULL));
      iso = mba_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, texts[i]);
    }
}

static void
test_format (void)
{
  static const struct { const char *text; const char *shown; } cases[] = {
    { "2025-06-29", "29 June 2025" },
    { "2025-06", "June 2025" },
    { "2025", "2025" },
    { "2025~", "c. 2025" },
    { "2025-06-29?", "29 June 2025?" },
    { "2025-03/2025-06-29", "March 2025 – 29 June 2025" },
    { "/2025-06-29", "by 29 June 2025" },
    { "2025-03/", "from March 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MbaDate date;
      g_autofree char *shown = NULL;

      g_assert_true (mba_date_parse (cases[i].text, &date, NULL));
      shown = mba_date_format (&date);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_days (void)
{
  int y, m, d;

  g_assert_cmpint (mba_day_from_ymd (1, 1, 1), ==, 1);
  mba_day_to_ymd (mba_day_from_ymd (2025, 6, 29), &y, &m, &d);
  g_assert_cmpint (y, ==, 2025);
  g_assert_cmpint (m, ==, 6);
  g_assert_cmpint (d, ==, 29);

  /* Six months after a deposit: same day, or the month's last day. */
  g_assert_cmpint (mba_day_add_months (mba_day_from_ymd (2025, 6, 27), 6), ==, mba_day_from_ymd (2025, 12, 27));
  g_assert_cmpint (mba_day_add_months (mba_day_from_ymd (2025, 7, 10), 6), ==, mba_day_from_ymd (2026, 1, 10));
  g_assert_cmpint (mba_day_add_months (mba_day_from_ymd (2025, 8, 31), 6), ==, mba_day_from_ymd (2026, 2, 28));

  {
    gint32 day;
    g_assert_true (mba_day_parse_iso ("2026-02-20", &day));
    g_assert_cmpint (day, ==, mba_day_from_ymd (2026, 2, 20));
    g_assert_false (mba_day_parse_iso ("2026-02", &day));
    g_assert_false (mba_day_parse_iso ("2026-02-30", &day));
  }
}

/* Issue 15, item 11: 9999-12-31 plus 120 months used to come back as 9999-12-31. */
static void
test_add_months_checked (void)
{
  gint32 day = -1;

  g_assert_cmpint (MBA_DAY_LAST, ==, mba_day_from_ymd (9999, 12, 31));
  g_assert_cmpint (MBA_DAY_FIRST, ==, mba_day_from_ymd (1, 1, 1));

  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (2025, 8, 31), 6, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (2026, 2, 28));
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (2024, 2, 29), 12, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (2025, 2, 28));
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (2025, 1, 31), 1, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (2025, 2, 28));
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (2025, 3, 15), -14, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (2024, 1, 15));

  /* The edges: the last month reached, and one past it refused, leaving the result alone. */
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (9989, 12, 31), 120, &day));
  g_assert_cmpint (day, ==, MBA_DAY_LAST);
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (9999, 11, 30), 1, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (9999, 12, 30));
  day = -1;
  g_assert_false (mba_day_add_months_checked (MBA_DAY_LAST, 120, &day));
  g_assert_false (mba_day_add_months_checked (MBA_DAY_LAST, 1, &day));
  g_assert_false (mba_day_add_months_checked (mba_day_from_ymd (9999, 12, 1), 1, &day));
  g_assert_false (mba_day_add_months_checked (MBA_DAY_FIRST, -1, &day));
  g_assert_false (mba_day_add_months_checked (MBA_DAY_FIRST, G_MININT, &day));
  g_assert_false (mba_day_add_months_checked (mba_day_from_ymd (2025, 1, 1), G_MAXINT, &day));
  g_assert_false (mba_day_add_months_checked (0, 1, &day));
  g_assert_false (mba_day_add_months_checked (MBA_DAY_LAST + 1, -1, &day));
  g_assert_cmpint (day, ==, -1);
  g_assert_true (mba_day_add_months_checked (mba_day_from_ymd (1, 2, 28), -1, &day));
  g_assert_cmpint (day, ==, mba_day_from_ymd (1, 1, 28));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precisions", test_parse_precisions);
  g_test_add_func ("/date/parse/qualifiers", test_parse_qualifiers);
  g_test_add_func ("/date/parse/intervals", test_parse_intervals);
  g_test_add_func ("/date/parse/errors", test_parse_errors);
  g_test_add_func ("/date/compare", test_compare_and_sort);
  g_test_add_func ("/date/iso-round-trip", test_round_trip_iso);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/days", test_days);
  g_test_add_func ("/date/add-months-checked", test_add_months_checked);

  return g_test_run ();
}
