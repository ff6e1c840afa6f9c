/* test-dataset.c: loading datasets and reading their values */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mba-dataset.h"
#include "mba-synthetic.h"

static MbaDataset *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
test_load_values (void)
{
  g_autoptr(MbaDataset) dataset = load_fixture ("small.json");
  const MbaTreaty *treaty = mba_dataset_get_treaty (dataset);
  const MbaSource *record;
  const MbaState *ukr;
  const MbaEvent *event;

  g_assert_cmpstr (mba_dataset_get_title (dataset), ==, "Small test dataset");
  g_assert_cmpstr (mba_dataset_get_language (dataset), ==, "en");
  g_assert_cmpstr (treaty->short_name, ==, "Ottawa Convention");
  g_assert_cmpuint (treaty->withdrawal_notice_months, ==, 6);
  g_assert_cmpint (mba_date_first_day (&treaty->in_force), ==, mba_day_from_ymd (1999, 3, 1));

  g_assert_cmpuint (mba_dataset_get_n_sources (dataset), ==, 2);
  record = mba_dataset_find_source (dataset, "rec");
  g_assert_nonnull (record);
  g_assert_cmpint (record->layer, ==, MBA_SOURCE_LAYER_RECORD);
  g_assert_cmpstr (record->url, ==, "https://example.org/record");
  g_assert_cmpstr (record->outlet, ==, "Record keeper");
  g_assert_cmpint (record->published.start.precision, ==, MBA_DATE_PRECISION_MONTH);
  g_assert_null (mba_dataset_find_source (dataset, "art")->outlet);

  g_assert_cmpuint (mba_dataset_get_n_states (dataset), ==, 4);
  ukr = mba_dataset_find_state (dataset, "UKR");
  g_assert_cmpstr (ukr->name, ==, "Ukraine");
  g_assert_cmpuint (ukr->n_conflicts, ==, 1);
  g_assert_false (mba_date_is_set (&ukr->conflicts[0].to));

  /* 5 events in the file plus Estonia's effective date derived from its deposit. */
  g_assert_cmpuint (mba_dataset_get_n_events (dataset), ==, 6);
  g_assert_cmpuint (mba_dataset_get_n_quotes (dataset), ==, 3);

  event = mba_dataset_find_event (dataset, "joint-announcement");
  g_assert_nonnull (event);
  g_assert_cmpint (event->kind, ==, MBA_EVENT_KIND_ANNOUNCEMENT);
  g_assert_cmpuint (event->n_quotes, ==, 1);
  g_assert_true (g_str_has_prefix (event->quotes[0].text, "Estonia, Latvia"));
  g_assert_cmpstr (event->quotes[0].source->id, ==, "art");
  g_assert_cmpuint (event->n_settings, ==, 1);
  g_assert_cmpint (event->settings[0].status, ==, MBA_STATUS_WITHDRAWAL_ANNOUNCED);
  g_assert_cmpint (event->file_index, ==, 1);

  event = mba_dataset_find_event (dataset, "ukr-ratifies");
  g_assert_cmpuint (event->n_disputes, ==, 1);
  g_assert_cmpstr (event->disputes[0]->topic, ==, "How many parties");
  g_assert_cmpuint (event->disputes[0]->n_claims, ==, 2);
}

/* The bundled dataset names its story: the 2025 withdrawals, as the article layer writes it. */
static void
test_story_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);
  static const char *codes[] = { "EST", "LVA", "LTU", "POL", "FIN", "UKR" };
  const MbaStory *story;

  g_assert_no_error (error);
  story = mba_dataset_get_story (dataset);
  g_assert_nonnull (story);
  g_assert_cmpstr (story->title, ==, "The 2025 withdrawals");
  g_assert_cmpint (story->first_day, ==, mba_day_from_ymd (2025, 3, 18));
  g_assert_cmpint (story->last_day, ==, mba_day_from_ymd (2026, 2, 20));
  g_assert_cmpint (mba_date_first_day (&story->from), ==, story->first_day);
  g_assert_cmpuint (story->n_states, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_true (story->states[i] == mba_dataset_find_state (dataset, codes[i]));
  /* The story ends on the last effective date in the data. */
  g_assert_cmpint (story->last_day, ==, mba_dataset_get_latest_day (dataset));
}

/* A dataset without a story has none; one with a month for its end counts to the month's end. */
static void
test_story_absent_and_month (void)
{
  g_autoptr(MbaDataset) plain = load_fixture ("small.json");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const MbaStory *story;

  g_assert_null (mba_dataset_get_story (plain));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\n  \"sources\": [",
                                      "\n  \"story\": { \"title\": \"Baltic\", \"from\": \"2025-03\", "
                                      "\"to\": \"2025-12\", \"states\": [\"UKR\", \"EST\"] },"
                                      "\n  \"sources\": [", 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  dataset = mba_dataset_new_from_bytes (bytes, "story.json", &error);
  g_assert_no_error (error);
  story = mba_dataset_get_story (dataset);
  g_assert_nonnull (story);
  g_assert_cmpstr (story->title, ==, "Baltic");
  g_assert_cmpint (story->first_day, ==, mba_day_from_ymd (2025, 3, 1));
  g_assert_cmpint (story->last_day, ==, mba_day_from_ymd (2025, 12, 31));
  g_assert_cmpuint (story->n_states, ==, 2);
  g_assert_cmpstr (story->states[0]->code, ==, "UKR");
  g_assert_cmpstr (story->states[1]->code, ==, "EST");
}

static void
test_sorted_by_date (void)
{
  g_autoptr(MbaDataset) dataset = load_fixture ("small.json");
  const char *expected[] = { "ukr-ratifies", "recent-months", "joint-announcement", "est-deposit",
                             "ukr-deposit", "est-deposit-effective" };

  g_assert_cmpuint (mba_dataset_get_n_events (dataset), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);
      g_assert_cmpstr (event->id, ==, expected[i]);
      g_assert_cmpuint (event->index, ==, i);
      if (i > 0)
        g_assert_cmpint (mba_dataset_get_event (dataset, i - 1)->first_day, <=, event->first_day);
    }

  /* lower_bound finds the first event on or after a day. */
  g_assert_cmpuint (mba_dataset_lower_bound (dataset, mba_day_from_ymd (2025, 3, 18)), ==, 2);
  g_assert_cmpuint (mba_dataset_lower_bound (dataset, mba_day_from_ymd (2025, 3, 19)), ==, 3);
  g_assert_cmpuint (mba_dataset_lower_bound (dataset, mba_day_from_ymd (1990, 1, 1)), ==, 0);
  g_assert_cmpuint (mba_dataset_lower_bound (dataset, mba_day_from_ymd (2030, 1, 1)), ==, 6);
}

static void
test_derived_withdrawal (void)
{
  g_autoptr(MbaDataset) dataset = load_fixture ("small.json");
  const MbaEvent *effect = mba_dataset_find_event (dataset, "est-deposit-effective");

  g_assert_nonnull (effect);
  g_assert_true (effect->derived);
  g_assert_cmpint (effect->file_index, ==, -1);
  g_assert_cmpint (effect->kind, ==, MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE);
  g_assert_cmpint (effect->first_day, ==, mba_day_from_ymd (2025, 12, 27));
  g_assert_cmpuint (effect->n_settings, ==, 1);
  g_assert_cmpstr (effect->settings[0].state->code, ==, "EST");
  g_assert_cmpint (effect->settings[0].status, ==, MBA_STATUS_WITHDRAWN);
  g_assert_nonnull (strstr (effect->date_basis, "Article 20(2)"));
  /* It rests on the deposit's sources. */
  g_assert_cmpuint (effect->n_citations, ==, 1);
  g_assert_cmpstr (effect->citations[0].source->id, ==, "rec");

  /* Ukraine is engaged in an open armed conflict: Article 20(3) derives nothing. */
  g_assert_null (mba_dataset_find_event (dataset, "ukr-deposit-effective"));
}

static MbaDataset *
load_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static gboolean
event_quotes (const MbaEvent *event,
              const char     *source_id,
              const char     *start)
{
  for (guint i = 0; i < event->n_quotes; i++)
    if (strcmp (event->quotes[i].source->id, source_id) == 0 &&
        g_str_has_prefix (event->quotes[i].text, start))
      return TRUE;
  return FALSE;
}

static const MbaDispute *
find_dispute (MbaDataset *dataset,
              const char *id)
{
  for (guint i = 0; i < mba_dataset_get_n_disputes (dataset); i++)
    if (strcmp (mba_dataset_get_dispute (dataset, i)->id, id) == 0)
      return mba_dataset_get_dispute (dataset, i);
  return NULL;
}

/* Issue 18's corrections to the bundled dataset, each checked against the articles. */
static void
test_bundled_corrections (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled ();
  const MbaEvent *hero, *decree, *address, *attack, *kostenko, *neighbours;
  const MbaDispute *legislated, *vanuatu;
  gboolean names_lithuania_vote = FALSE;

  /* The award is not dated: from the night of the attack, with no end (not "29 June?"). */
  g_assert_null (mba_dataset_find_event (dataset, "ustymenko-hero-2025-06-29"));
  hero = mba_dataset_find_event (dataset, "ustymenko-hero-from-2025-06-28");
  g_assert_nonnull (hero);
  g_assert_true (hero->date.is_interval);
  g_assert_cmpint (hero->first_day, ==, mba_day_from_ymd (2025, 6, 28));
  g_assert_cmpint (hero->date.start.qualifiers, ==, 0);

  /* Article 003's words come from the statement on the website, which confirmed the decree. */
  decree = mba_dataset_find_event (dataset, "ukr-decree-2025-06-29");
  address = mba_dataset_find_event (dataset, "ukr-video-address-2025-06-29");
  g_assert_true (event_quotes (decree, "a003", "“Russia has never been a party"));
  g_assert_false (event_quotes (address, "a003", ""));

  /* The night of 28 to 29 June: no id says 28 June alone; the article's hedge is kept. */
  g_assert_null (mba_dataset_find_event (dataset, "air-attack-2025-06-28"));
  attack = mba_dataset_find_event (dataset, "air-attack-night-2025-06-28-to-29");
  g_assert_nonnull (attack);
  g_assert_nonnull (strstr (attack->summary, "reportedly shoot down 475"));
  g_assert_nonnull (mba_dataset_find_event (dataset, "ustymenko-killed-night-2025-06-28-to-29"));

  /* Article 002 does not date Kostenko's post. */
  kostenko = mba_dataset_find_event (dataset, "ukr-kostenko-statement-2025-06-29");
  g_assert_null (strstr (kostenko->date_basis, "story of Sunday"));

  /* Article 004 reports Finland's legislation; article 001's "Baltic states" include Estonia. */
  neighbours = mba_dataset_find_event (dataset, "neighbours-distance-by-2025-06-29");
  g_assert_null (strstr (neighbours->summary, "only account"));
  g_assert_nonnull (strstr (neighbours->summary, "article 004"));

  /* Latvia voted first, then Lithuania (8 May), then Estonia (4 June). */
  legislated = find_dispute (dataset, "who-had-legislated");
  g_assert_nonnull (legislated);
  g_assert_null (strstr (legislated->note, "Estonia, whose parliaments had voted first"));
  for (guint i = 0; i < legislated->n_events; i++)
    names_lithuania_vote |= strcmp (legislated->events[i]->id, "ltu-seimas-vote-2025-05-08") == 0;
  g_assert_true (names_lithuania_vote);

  /* PacLII's 6 September and the Monitor's 16 September 2005, both shown. */
  vanuatu = find_dispute (dataset, "vut-ratification-date");
  g_assert_nonnull (vanuatu);
  g_assert_cmpuint (vanuatu->n_claims, ==, 2);
  g_assert_nonnull (strstr (vanuatu->claims[1].text, "16 September 2005"));
}

/* A dataset with one withdrawal known only by its effective day @effective (ISO), for @code;
 * FIN has an open armed conflict from 2020. */
static MbaDataset *
load_effective_only (const char *code,
                     const char *effective,
                     gboolean    with_deposit)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"mine-ban-atlas/1\", \"title\": \"t\", \"language\": \"en\", \"updated\": \"2026-11-23\","
    "  \"treaty\": { \"name\": \"n\", \"short_name\": \"s\", \"adopted\": \"1997-09-18\","
    "    \"opened\": \"1997-12-03\", \"in_force\": \"1999-03-01\", \"withdrawal_notice_months\": 6 },"
    "  \"sources\": [ { \"id\": \"rec\", \"layer\": \"record\", \"title\": \"r\", \"url\": \"https://example.org/\" } ],"
    "  \"states\": [ { \"code\": \"POL\", \"name\": \"Poland\" },"
    "    { \"code\": \"FIN\", \"name\": \"Finland\", \"armed_conflicts\": [ { \"from\": \"2020\", \"to\": null, \"source\": \"rec\" } ] } ],"
    "  \"events\": [ { \"id\": \"effect\", \"date\": \"%s\", \"date_basis\": \"b\", \"kind\": \"withdrawal-effective\","
    "    \"title\": \"t\", \"summary\": \"s\", \"states\": [\"%s\"], \"status\": { \"%s\": \"withdrawn\" },"
    "    \"citations\": [ { \"source\": \"rec\" } ] }%s ] }",
    effective, code, code,
    with_deposit ? ", { \"id\": \"dep\", \"date\": \"2025-01-05\", \"date_basis\": \"b\", \"kind\": \"withdrawal-deposited\","
                   " \"title\": \"t\", \"summary\": \"s\", \"states\": [\"POL\"], \"status\": { \"POL\": \"withdrawal-in-progress\" },"
                   " \"citations\": [ { \"source\": \"rec\" } ] }" : "");
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_bytes (bytes, "effective.json", &error);

  g_assert_no_error (error);
  return dataset;
}

/* Issue 18: Poland's deposit is known only from its effective date; Article 20(2) puts it six
 * months before, shown as a step the app worked out. */
static void
test_derived_deposit (void)
{
  g_autoptr(MbaDataset) bundled = load_bundled ();
  g_autoptr(MbaDataset) plain = load_effective_only ("POL", "2026-02-20", FALSE);
  g_autoptr(MbaDataset) month_end = load_effective_only ("POL", "2026-02-28", FALSE);
  g_autoptr(MbaDataset) with_deposit = load_effective_only ("POL", "2026-02-20", TRUE);
  g_autoptr(MbaDataset) in_conflict = load_effective_only ("FIN", "2026-02-20", FALSE);
  const MbaEvent *deposit = mba_dataset_find_event (bundled, "pol-withdrawal-effective-2026-02-20-deposit");

  g_assert_nonnull (deposit);
  g_assert_true (deposit->derived);
  g_assert_cmpint (deposit->kind, ==, MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED);
  g_assert_cmpint (deposit->first_day, ==, mba_day_from_ymd (2025, 8, 20));
  g_assert_nonnull (strstr (deposit->date_basis, "Article 20(2)"));
  g_assert_nonnull (strstr (deposit->date_basis, "20 February 2026"));
  g_assert_cmpuint (deposit->n_citations, >, 0);
  g_assert_cmpint (mba_dataset_get_status_at (bundled, mba_dataset_find_state (bundled, "POL"),
                                              mba_day_from_ymd (2025, 9, 1), NULL, NULL),
                   ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);

  deposit = mba_dataset_find_event (plain, "effect-deposit");
  g_assert_nonnull (deposit);
  g_assert_cmpint (deposit->first_day, ==, mba_day_from_ymd (2025, 8, 20));
  /* 28 February follows a deposit on any of 28 to 31 August: no single day to show. */
  g_assert_null (mba_dataset_find_event (month_end, "effect-deposit"));
  /* A deposit in the file is never second-guessed. */
  g_assert_null (mba_dataset_find_event (with_deposit, "effect-deposit"));
  /* An armed conflict may have delayed the effect (Article 20(3)). */
  g_assert_null (mba_dataset_find_event (in_conflict, "effect-deposit"));
}

/* Issue 18: what the panel needs to cite a source as a reader would, and nothing it must hide. */
static void
test_reader_fields (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled ();
  const MbaSource *untitled = mba_dataset_find_source (dataset, "a002");
  const MbaSource *headline = mba_dataset_find_source (dataset, "a004");
  const MbaSource *record = mba_dataset_find_source (dataset, "r-lm2005-vut");
  const MbaEvent *decree = mba_dataset_find_event (dataset, "ukr-decree-2025-06-29");
  const char *bad = "{ \"format\": \"mine-ban-atlas/1\", \"title\": \"t\", \"language\": \"en\", \"updated\": \"2026-11-23\","
    " \"treaty\": { \"name\": \"n\", \"short_name\": \"s\", \"adopted\": \"1997-09-18\", \"opened\": \"1997-12-03\","
    " \"in_force\": \"1999-03-01\", \"withdrawal_notice_months\": 6 },"
    " \"sources\": [ { \"id\": \"art\", \"layer\": \"article\", \"title\": \"t\", \"title_kind\": \"ours\", \"document\": \"a.txt\" } ],"
    " \"states\": [], \"events\": [ { \"id\": \"e\", \"date\": \"2025\", \"date_basis\": \"b\", \"kind\": \"report\","
    " \"title\": \"t\", \"summary\": \"s\", \"states\": [], \"internal_note\": \"from a.csv\","
    " \"quotes\": [ { \"source\": \"art\", \"text\": \"q\", \"at\": 0 } ] } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, strlen (bad));
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) refused = mba_dataset_new_from_bytes (bytes, "bad.json", &error);

  g_assert_true (untitled->title_is_descriptive);
  g_assert_false (headline->title_is_descriptive);
  g_assert_cmpint (mba_date_first_day (&record->accessed), ==, mba_day_from_ymd (2026, 12, 4));
  /* Article 002's quote starts after its three-line date header. */
  for (guint i = 0; i < decree->n_quotes; i++)
    g_assert_cmpint (decree->quotes[i].at, >, 0);

  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "sources[0].title_kind: “ours” is not “headline” or “descriptive”"));
  g_assert_nonnull (strstr (error->message, "events[0].quotes[0].at: a quote's position counts characters from 1"));
  g_assert_null (strstr (error->message, "internal_note"));
}

static void
test_load_from_bytes_and_resource_name (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  dataset = mba_dataset_new_from_bytes (bytes, "memory.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mba_dataset_get_display_name (dataset), ==, "memory.json");
  g_assert_cmpuint (mba_dataset_get_n_events (dataset), ==, 6);
}

static void
test_verify_quotes (void)
{
  g_autoptr(MbaDataset) dataset = load_fixture ("small.json");
  g_autofree char *docs = g_test_build_filename (G_TEST_DIST, "data", "docs", NULL);
  g_autofree char *empty = g_dir_make_tmp ("mba-docs-XXXXXX", NULL);
  g_autofree char *altered = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  guint n_verified = 0;

  /* 3 event quotes, 1 dispute claim from the article, 1 conflict quote; line breaks in the
   * article do not matter. */
  g_assert_true (mba_dataset_verify_quotes (dataset, docs, &n_verified, &failures));
  g_assert_cmpuint (n_verified, ==, 5);
  g_assert_cmpuint (failures->len, ==, 0);
  g_clear_pointer (&failures, g_ptr_array_unref);

  /* The same article with one apostrophe changed: only the quote holding it fails. */
  altered = g_build_filename (empty, "article.txt", NULL);
  {
    g_autofree char *original = NULL;
    g_autofree char *orig_path = g_build_filename (docs, "article.txt", NULL);
    g_autoptr(GString) text = NULL;

    g_assert_true (g_file_get_contents (orig_path, &original, NULL, NULL));
    text = g_string_new (original);
    g_string_replace (text, "president’s", "president's", 0);
    g_assert_true (g_file_set_contents (altered, text->str, -1, NULL));
  }
  g_assert_false (mba_dataset_verify_quotes (dataset, empty, &n_verified, &failures));
  g_assert_cmpuint (n_verified, ==, 4);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (g_str_has_prefix (failures->pdata[0], "events[4].quotes[0]: not found verbatim in article.txt"));
  g_unlink (altered);
  g_rmdir (empty);
}

static void
test_synthetic (void)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (2000, 7);
  g_autoptr(GBytes) again = mba_synthetic_dataset_generate (2000, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_bytes (bytes, "synthetic.json", &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_cmpuint (mba_dataset_get_n_events (dataset), ==, 2000);
  g_assert_cmpuint (mba_dataset_get_n_states (dataset), ==, 40);
  for (guint i = 1; i < 2000; i++)
    g_assert_cmpint (mba_dataset_get_event (dataset, i - 1)->first_day, <=,
                     mba_dataset_get_event (dataset, i)->first_day);
}

typedef struct
{
  GCancellable *cancellable;
  gint64        cancelled_at;   /* monotonic time */
} Canceller;

static gpointer
cancel_soon (gpointer data)
{
  Canceller *canceller = data;

  g_usleep (5000);
  canceller->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

/* Issue 15, item 13: a cancelled load went on parsing to the end. It stops at the next event. */
static void
test_load_cancelled_while_parsing (void)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (50000, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) full = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  Canceller canceller = { cancellable, 0 };
  GThread *thread;
  gint64 start, full_us, after_cancel_us;

  start = g_get_monotonic_time ();
  full = mba_dataset_load_bytes (bytes, "big.json", NULL, NULL, &error);
  g_assert_no_error (error);
  full_us = g_get_monotonic_time () - start;
  g_clear_object (&full);

  thread = g_thread_new ("cancel", cancel_soon, &canceller);
  dataset = mba_dataset_load_bytes (bytes, "big.json", cancellable, &problems, &error);
  after_cancel_us = g_get_monotonic_time () - canceller.cancelled_at;
  g_thread_join (thread);

  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (problems);
  /* A whole load takes hundreds of milliseconds; after the cancel only the events being parsed
   * finish. Measured against the whole load so that a slow machine (or Valgrind) does not
   * matter. */
  g_test_message ("whole load %.1f ms, stopped %.1f ms after the cancel",
                  full_us / 1000.0, after_cancel_us / 1000.0);
  g_assert_cmpint (after_cancel_us, <, full_us / 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/load/values", test_load_values);
  g_test_add_func ("/dataset/load/sorted", test_sorted_by_date);
  g_test_add_func ("/dataset/story/bundled", test_story_bundled);
  g_test_add_func ("/dataset/story/absent-and-month", test_story_absent_and_month);
  g_test_add_func ("/dataset/load/bytes", test_load_from_bytes_and_resource_name);
  g_test_add_func ("/dataset/article20/derived", test_derived_withdrawal);
  g_test_add_func ("/dataset/verify-quotes", test_verify_quotes);
  g_test_add_func ("/dataset/bundled/corrections", test_bundled_corrections);
  g_test_add_func ("/dataset/article20/derived-deposit", test_derived_deposit);
  g_test_add_func ("/dataset/load/reader-fields", test_reader_fields);
  g_test_add_func ("/dataset/synthetic", test_synthetic);
  g_test_add_func ("/dataset/load/cancelled-while-parsing", test_load_cancelled_while_parsing);

  return g_test_run ();
}
