/* test-status.c: a state's status at any date */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mba-dataset.h"

static MbaDataset *dataset;

static MbaStatus
status_on (const char      *code,
           int              y,
           int              m,
           int              d,
           const MbaEvent **set_by,
           MbaStatusBasis  *basis)
{
  const MbaState *state = mba_dataset_find_state (dataset, code);

  g_assert_nonnull (state);
  return mba_dataset_get_status_at (dataset, state, mba_day_from_ymd (y, m, d), set_by, basis);
}

static void
test_estonia_through_withdrawal (void)
{
  const MbaEvent *event = NULL;
  MbaStatusBasis basis;

  /* Before the record's date nothing is known; from it on, party (undated). */
  g_assert_cmpint (status_on ("EST", 2005, 1, 1, &event, &basis), ==, MBA_STATUS_UNKNOWN);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_NONE);
  g_assert_cmpint (status_on ("EST", 2024, 1, 1, &event, &basis), ==, MBA_STATUS_PARTY);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_RECORD);
  g_assert_null (event);

  g_assert_cmpint (status_on ("EST", 2025, 3, 17, NULL, NULL), ==, MBA_STATUS_PARTY);
  g_assert_cmpint (status_on ("EST", 2025, 3, 18, &event, &basis), ==, MBA_STATUS_WITHDRAWAL_ANNOUNCED);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_EVENT);
  g_assert_cmpstr (event->id, ==, "joint-announcement");

  g_assert_cmpint (status_on ("EST", 2025, 6, 27, &event, NULL), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpstr (event->id, ==, "est-deposit");
  g_assert_cmpint (status_on ("EST", 2025, 12, 26, NULL, NULL), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpint (status_on ("EST", 2025, 12, 27, &event, NULL), ==, MBA_STATUS_WITHDRAWN);
  g_assert_true (event->derived);
  g_assert_cmpint (status_on ("EST", 2026, 11, 23, NULL, NULL), ==, MBA_STATUS_WITHDRAWN);
}

static void
test_ukraine_blocked_by_conflict (void)
{
  const MbaEvent *event = NULL;
  MbaStatusBasis basis;

  /* Before ratifying it was not a party; the ratification counts from 2005-01-01 (year precision). */
  g_assert_cmpint (status_on ("UKR", 2004, 12, 31, &event, &basis), ==, MBA_STATUS_NON_PARTY);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_BEFORE_FIRST_EVENT);
  g_assert_cmpint (status_on ("UKR", 2005, 1, 1, &event, &basis), ==, MBA_STATUS_PARTY);
  g_assert_cmpstr (event->id, ==, "ukr-ratifies");

  /* Deposit on 18 July 2025; six months on it is still in an armed conflict, so no effect. */
  g_assert_cmpint (status_on ("UKR", 2025, 7, 18, NULL, NULL), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpint (status_on ("UKR", 2026, 1, 19, NULL, NULL), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpint (status_on ("UKR", 2026, 11, 23, &event, NULL), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpstr (event->id, ==, "ukr-deposit");
}

static void
test_non_party_at_every_date (void)
{
  MbaStatusBasis basis;

  g_assert_cmpint (status_on ("RUS", 1990, 1, 1, NULL, &basis), ==, MBA_STATUS_NON_PARTY);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_RECORD);
  g_assert_cmpint (status_on ("RUS", 2026, 1, 1, NULL, NULL), ==, MBA_STATUS_NON_PARTY);
}

static void
test_record_date_bounds (void)
{
  /* Finland is listed from July 2019 only. */
  g_assert_cmpint (status_on ("FIN", 2019, 6, 30, NULL, NULL), ==, MBA_STATUS_UNKNOWN);
  g_assert_cmpint (status_on ("FIN", 2019, 7, 1, NULL, NULL), ==, MBA_STATUS_PARTY);
}

static const char *conflict_dataset =
  "{\"format\": \"mine-ban-atlas/1\", \"title\": \"t\", \"language\": \"en\", \"updated\": \"2026-01-01\","
  " \"treaty\": {\"name\": \"n\", \"short_name\": \"s\", \"adopted\": \"1997\", \"opened\": \"1997\","
  "   \"in_force\": \"1999\", \"withdrawal_notice_months\": 6},"
  " \"sources\": [{\"id\": \"r\", \"layer\": \"record\", \"title\": \"r\", \"url\": \"https://example.org\"}],"
  " \"states\": [{\"code\": \"AAA\", \"name\": \"A\", \"armed_conflicts\": [{\"from\": \"2025-10\", \"to\": \"2026-03-15\", \"source\": \"r\"}]},"
  "              {\"code\": \"BBB\", \"name\": \"B\", \"armed_conflicts\": [{\"from\": \"2020\", \"to\": \"2021\", \"source\": \"r\"}]}],"
  " \"events\": ["
  "  {\"id\": \"a\", \"date\": \"2025-08-31\", \"date_basis\": \"x\", \"kind\": \"withdrawal-deposited\", \"title\": \"t\","
  "   \"summary\": \"s\", \"states\": [\"AAA\"], \"status\": {\"AAA\": \"withdrawal-in-progress\"}, \"citations\": [{\"source\": \"r\"}]},"
  "  {\"id\": \"b\", \"date\": \"2025-08-31\", \"date_basis\": \"x\", \"kind\": \"withdrawal-deposited\", \"title\": \"t\","
  "   \"summary\": \"s\", \"states\": [\"BBB\"], \"status\": {\"BBB\": \"withdrawal-in-progress\"}, \"citations\": [{\"source\": \"r\"}]},"
  "  {\"id\": \"c\", \"date\": \"2025-08\", \"date_basis\": \"x\", \"kind\": \"withdrawal-deposited\", \"title\": \"t\","
  "   \"summary\": \"s\", \"states\": [\"BBB\"], \"citations\": [{\"source\": \"r\"}]}"
  " ]}";

static void
test_article20_rules (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (conflict_dataset, strlen (conflict_dataset));
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) ds = mba_dataset_new_from_bytes (bytes, "conflict.json", &error);
  const MbaEvent *a, *b;

  g_assert_no_error (error);

  /* A ended its conflict on 15 March 2026: the effect waits until the day after. */
  a = mba_dataset_find_event (ds, "a-effective");
  g_assert_nonnull (a);
  g_assert_cmpint (a->first_day, ==, mba_day_from_ymd (2026, 3, 16));
  g_assert_nonnull (strstr (a->date_basis, "Article 20(3)"));

  /* B's conflict was over long before: six months, and 31 August + 6 months is 28 February. */
  b = mba_dataset_find_event (ds, "b-effective");
  g_assert_nonnull (b);
  g_assert_cmpint (b->first_day, ==, mba_day_from_ymd (2026, 2, 28));

  /* A deposit known only to the month derives nothing: no invented day. */
  g_assert_null (mba_dataset_find_event (ds, "c-effective"));
  g_assert_cmpuint (mba_dataset_get_n_events (ds), ==, 5);
}

/* A signature is dated, the ratification is not, but a later list names the state a party. */
static void
test_record_newer_than_last_change (void)
{
  const char *json =
    "{\"format\": \"mine-ban-atlas/1\", \"title\": \"t\", \"language\": \"en\", \"updated\": \"2026-01-01\","
    " \"treaty\": {\"name\": \"n\", \"short_name\": \"s\", \"adopted\": \"1997\", \"opened\": \"1997\","
    "   \"in_force\": \"1999\", \"withdrawal_notice_months\": 6},"
    " \"sources\": [{\"id\": \"r\", \"layer\": \"record\", \"title\": \"r\", \"url\": \"https://example.org\"}],"
    " \"states\": [{\"code\": \"TCD\", \"name\": \"Chad\","
    "   \"record\": {\"status\": \"party\", \"known_by\": \"2009-11\", \"source\": \"r\"}}],"
    " \"events\": [{\"id\": \"sig\", \"date\": \"1997-12-06\", \"date_basis\": \"x\", \"kind\": \"signature\","
    "   \"title\": \"t\", \"summary\": \"s\", \"states\": [\"TCD\"], \"status\": {\"TCD\": \"signatory\"},"
    "   \"citations\": [{\"source\": \"r\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) ds = mba_dataset_new_from_bytes (bytes, "chad.json", &error);
  const MbaState *chad;
  MbaStatusBasis basis;

  g_assert_no_error (error);
  chad = mba_dataset_find_state (ds, "TCD");
  g_assert_cmpint (mba_dataset_get_status_at (ds, chad, mba_day_from_ymd (1997, 12, 5), NULL, NULL), ==,
                   MBA_STATUS_NON_PARTY);
  g_assert_cmpint (mba_dataset_get_status_at (ds, chad, mba_day_from_ymd (2005, 1, 1), NULL, &basis), ==,
                   MBA_STATUS_SIGNATORY);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_EVENT);
  g_assert_cmpint (mba_dataset_get_status_at (ds, chad, mba_day_from_ymd (2026, 2, 20), NULL, &basis), ==,
                   MBA_STATUS_PARTY);
  g_assert_cmpint (basis, ==, MBA_STATUS_BASIS_RECORD);
}

static void
test_status_strings (void)
{
  MbaStatus status;

  for (MbaStatus s = MBA_STATUS_NON_PARTY; s < MBA_N_STATUSES; s++)
    {
      g_assert_true (mba_status_from_string (mba_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
      g_assert_cmpstr (mba_status_get_label (s), !=, "");
    }
  g_assert_false (mba_status_from_string ("unknown", &status));
  g_assert_false (mba_status_from_string ("Party", &status));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/status/estonia", test_estonia_through_withdrawal);
  g_test_add_func ("/status/ukraine-conflict", test_ukraine_blocked_by_conflict);
  g_test_add_func ("/status/non-party", test_non_party_at_every_date);
  g_test_add_func ("/status/record-bounds", test_record_date_bounds);
  g_test_add_func ("/status/article20", test_article20_rules);
  g_test_add_func ("/status/record-newer", test_record_newer_than_last_change);
  g_test_add_func ("/status/strings", test_status_strings);

  result = g_test_run ();
  g_object_unref (dataset);
  return result;
}
