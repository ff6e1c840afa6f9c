/* test-problem-list.c: problems kept as records, the rest counted by kind
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mba-dataset.h"
#include "mba-problem-list.h"

static void
test_problem_to_string (void)
{
  g_autoptr(MbaProblem) syntax = mba_problem_new (MBA_DATASET_ERROR_SYNTAX, "a.json", 3, 7, NULL,
                                                  "unexpected end");
  g_autoptr(MbaProblem) typed = mba_problem_new (MBA_DATASET_ERROR_TYPE, "a.json", 0, 9,
                                                 "events[3].title", "must be a string");
  g_autoptr(MbaProblem) io = mba_problem_new (MBA_DATASET_ERROR_IO, "a.json", 0, 0, NULL,
                                              "no such file");
  g_autofree char *s1 = mba_problem_to_string (syntax);
  g_autofree char *s2 = mba_problem_to_string (typed);
  g_autofree char *s3 = mba_problem_to_string (io);

  g_assert_cmpstr (s1, ==, "a.json:3:7: unexpected end");
  g_assert_cmpstr (s2, ==, "a.json: events[3].title: must be a string");
  g_assert_cmpuint (mba_problem_get_column (typed), ==, 0);
  g_assert_cmpstr (s3, ==, "a.json: no such file");
}

static void
test_problem_list_bounded (void)
{
  g_autoptr(MbaProblemList) list = mba_problem_list_new (3);
  g_autofree char *text = NULL;
  g_autofree char *omitted = NULL;
  g_autoptr(MbaProblem) second = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *path = g_strdup_printf ("events[%u].title", i);

      mba_problem_list_add (list, i % 4 == 0 ? MBA_DATASET_ERROR_REFERENCE : MBA_DATASET_ERROR_TYPE,
                            "big.json", 0, 0, path, "wrong");
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (mba_problem_list_get_n_total (list), ==, 100000);
  g_assert_cmpuint (mba_problem_list_get_n_omitted (list), ==, 99997);
  g_assert_cmpint (mba_problem_list_get_first_code (list), ==, MBA_DATASET_ERROR_REFERENCE);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (mba_problem_get_json_path (second), ==, "events[1].title");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* 75,000 type errors of which 2 kept, 25,000 references of which 1 kept; most frequent first. */
  omitted = mba_problem_list_describe_omitted (list);
  g_assert_cmpstr (omitted, ==,
                   "and 99997 more problems: wrong type (74998), unknown reference (24999)");
  text = mba_problem_list_to_string (list);
  g_assert_true (g_str_has_prefix (text, "big.json: events[0].title: wrong\nbig.json: events[1].title: wrong\n"));
  g_assert_true (g_str_has_suffix (text, "\n" "big.json: and 99997 more problems: wrong type (74998), unknown reference (24999)"));
}

static void
test_problem_list_nothing_omitted (void)
{
  g_autoptr(MbaProblemList) list = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  g_autofree char *text = NULL;

  g_assert_cmpint (mba_problem_list_get_first_code (list), ==, -1);
  mba_problem_list_add (list, MBA_DATASET_ERROR_DATE, "x.json", 0, 0, "events[0].date", "no such day");
  g_assert_null (mba_problem_list_describe_omitted (list));
  text = mba_problem_list_to_string (list);
  g_assert_cmpstr (text, ==, "x.json: events[0].date: no such day");
}

static void
test_load_reports_problems (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "type-title-number.json", NULL);
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_load_file (path, NULL, &problems, &error);
  MbaProblem *first;

  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TYPE);
  g_assert_nonnull (problems);
  g_assert_cmpuint (mba_problem_list_get_n_total (problems), ==, 1);
  first = mba_problem_list_get_problem (problems, 0);
  g_assert_cmpstr (mba_problem_get_json_path (first), ==, "title");
  g_assert_cmpstr (mba_problem_get_message (first), ==, "must be a string, not an integer");
}

static void
test_load_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  g_cancellable_cancel (cancellable);
  dataset = mba_dataset_load_file (path, cancellable, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (problems);
}

/* Found by fuzz-check-output: a member's name with a newline printed as two lines, the second
 * not starting with the file's name. Text from the file is kept on one line, escaped. */
static void
test_problem_text_one_line (void)
{
  static const char json[] = "{\"format\": \"mine-ban-atlas/1\", \"a\\u000Ab\\u0007\": 1}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_load_bytes (bytes, "nl.json", NULL, &problems, &error);
  g_autoptr(MbaProblem) invalid = NULL;
  g_autofree char *text = NULL;
  MbaProblem *first;

  g_assert_null (dataset);
  first = mba_problem_list_get_problem (problems, 0);
  g_assert_cmpstr (mba_problem_get_json_path (first), ==, "a\\u000Ab\\u0007");
  g_assert_cmpstr (mba_problem_get_message (first), ==, "unknown member “a\\u000Ab\\u0007”");
  text = mba_problem_list_to_string (problems);
  g_assert_true (g_str_has_prefix (text, "nl.json: a\\u000Ab\\u0007: unknown member “a\\u000Ab\\u0007”\nnl.json: "));

  /* Invalid UTF-8 in a problem's text is replaced. */
  invalid = mba_problem_new (MBA_DATASET_ERROR_SYNTAX, "x.json", 1, 2, NULL, "near '\xff'");
  g_assert_cmpstr (mba_problem_get_message (invalid), ==, "near '\xef\xbf\xbd'");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problem/to-string", test_problem_to_string);
  g_test_add_func ("/problem-list/bounded", test_problem_list_bounded);
  g_test_add_func ("/problem-list/nothing-omitted", test_problem_list_nothing_omitted);
  g_test_add_func ("/problem-list/load-reports-problems", test_load_reports_problems);
  g_test_add_func ("/problem-list/load-cancelled", test_load_cancelled);
  g_test_add_func ("/problem-list/text-one-line", test_problem_text_one_line);

  return g_test_run ();
}
