/* test-displayed-text.c: the bundled dataset's shown words name no file, column, program or id
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 18: the panel and the tooltips show every event's title, summary and date basis, each
 * citation's note, each source as a reader cites it, and every dispute's words. Written for
 * students and journalists, none of them may name a file (".txt", ".csv", ".json"), a table's
 * column or row, a program (Python, datetime, jq…) or one of the dataset's internal ids; the
 * authors' working notes belong in `internal_note`, which the app never shows.
 */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-source-format.h"

/* What gives away a database row or a working note rather than a sentence for a reader. */
static const char *const FORBIDDEN =
  "\\.(txt|csv|json|py|md)\\b"          /* a file */
  "|`"                                  /* code */
  "|\\b[a-z]+_[a-z_]+\\b"               /* a column or member name: withdrawal_effective */
  "|\\b(columns?|rows?)\\b"             /* a table */
  "|\\b(python|datetime|strftime|jq|grep|script|csv|json|edtf)\\b";  /* a program or format */

typedef struct
{
  GRegex     *forbidden;
  GPtrArray  *ids;        /* every event, dispute and source id */
  GString    *problems;
  guint       n_checked;
} Checker;

static void
check (Checker    *checker,
       const char *where,
       const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;
  checker->n_checked++;
  if (g_regex_match (checker->forbidden, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_string_append_printf (checker->problems, "%s names “%s”: %s\n", where, found, text);
    }
  for (guint i = 0; i < checker->ids->len; i++)
    if (strstr (text, g_ptr_array_index (checker->ids, i)) != NULL)
      g_string_append_printf (checker->problems, "%s names the id “%s”: %s\n", where,
                              (const char *) g_ptr_array_index (checker->ids, i), text);
}

static void
checker_init (Checker    *checker,
              MbaDataset *dataset)
{
  checker->forbidden = g_regex_new (FORBIDDEN, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_assert_nonnull (checker->forbidden);
  checker->ids = g_ptr_array_new ();
  checker->problems = g_string_new (NULL);
  checker->n_checked = 0;
  if (dataset == NULL)
    return;
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    g_ptr_array_add (checker->ids, (gpointer) mba_dataset_get_event (dataset, i)->id);
  for (guint i = 0; i < mba_dataset_get_n_disputes (dataset); i++)
    g_ptr_array_add (checker->ids, (gpointer) mba_dataset_get_dispute (dataset, i)->id);
  for (guint i = 0; i < mba_dataset_get_n_sources (dataset); i++)
    g_ptr_array_add (checker->ids, (gpointer) mba_dataset_get_source (dataset, i)->id);
}

static void
checker_clear (Checker *checker)
{
  g_regex_unref (checker->forbidden);
  g_ptr_array_unref (checker->ids);
  g_string_free (checker->problems, TRUE);
}

/* A source as the panel shows it: heading, our description, byline, citation, note. */
static void
check_source (Checker         *checker,
              const MbaSource *source)
{
  g_autofree char *heading = mba_source_format_heading (source);
  g_autofree char *ours = mba_source_format_our_title (source);
  g_autofree char *byline = mba_source_format_byline (source);
  g_autofree char *citation = mba_source_format_citation (source);
  g_autofree char *where = g_strdup_printf ("source %s", source->id);

  check (checker, where, heading);
  check (checker, where, ours);
  check (checker, where, byline);
  check (checker, where, citation);
  check (checker, where, source->note);
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

static void
test_bundled_words (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled ();
  Checker checker;

  checker_init (&checker, dataset);
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);

      check (&checker, event->id, event->title);
      check (&checker, event->id, event->summary);
      check (&checker, event->id, event->date_basis);
      for (guint j = 0; j < event->n_citations; j++)
        check (&checker, event->id, event->citations[j].note);
    }
  for (guint i = 0; i < mba_dataset_get_n_sources (dataset); i++)
    check_source (&checker, mba_dataset_get_source (dataset, i));
  for (guint i = 0; i < mba_dataset_get_n_disputes (dataset); i++)
    {
      const MbaDispute *dispute = mba_dataset_get_dispute (dataset, i);

      check (&checker, dispute->id, dispute->topic);
      check (&checker, dispute->id, dispute->note);
      for (guint j = 0; j < dispute->n_claims; j++)
        {
          check (&checker, dispute->id, dispute->claims[j].reading);
          /* A claim from an article is its verbatim quote; the record's words are shown as they are. */
          if (dispute->claims[j].source->layer == MBA_SOURCE_LAYER_RECORD)
            check (&checker, dispute->id, dispute->claims[j].text);
        }
    }
  g_assert_cmpstr (checker.problems->str, ==, "");
  /* 179 events of three lines at least, 46 sources, 17 disputes: nothing was skipped. */
  g_assert_cmpuint (checker.n_checked, >, 179 * 3 + 46 * 3 + 17 * 2);
  checker_clear (&checker);
}

/* The checker finds what issue 18 found in the panel, so that the test above can fail. */
static void
test_checker_finds_working_notes (void)
{
  static const char *const bad[] = {
    "From the treaty record: states.csv, column `signed`.",
    "29 June 2025 was a Sunday (checked with Python's datetime).",
    "Article file: 002_1473cf30dd7b0985.txt",
    "From the treaty record (LVA row): the note's words.",
    "See withdrawal_effective.",
    "Checked with jq.",
  };
  static const char *const good[] = {
    "Signed on 3 December 1997, according to the treaty record.",
    "29 June 2025 was a Sunday.",
    "paclii.org · read 23 November 2026",
    "The text names no outlet or date",
  };
  Checker checker;

  checker_init (&checker, NULL);
  g_ptr_array_add (checker.ids, (gpointer) "ukr-decree-2025-06-29");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_string_truncate (checker.problems, 0);
      check (&checker, "bad", bad[i]);
      g_assert_cmpstr (checker.problems->str, !=, "");
    }
  g_string_truncate (checker.problems, 0);
  check (&checker, "id", "(see ukr-decree-2025-06-29)");
  g_assert_cmpstr (checker.problems->str, !=, "");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_string_truncate (checker.problems, 0);
      check (&checker, "good", good[i]);
      g_assert_cmpstr (checker.problems->str, ==, "");
    }
  checker_clear (&checker);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/displayed-text/bundled", test_bundled_words);
  g_test_add_func ("/displayed-text/checker-finds-working-notes", test_checker_finds_working_notes);
  return g_test_run ();
}
