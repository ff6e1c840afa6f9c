/* test-text-check.c: the one rule for dataset text, and that what it accepts exports validly */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-test-util.h"
#include "mba-text-check.h"

/* @n copies of @piece after @head. */
static char *
repeat (const char *head,
        const char *piece,
        guint       n)
{
  GString *s = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autofree char *problem = mba_text_check (text);

  g_assert_cmpstr (problem, ==, expected);
}

static void
test_refused (void)
{
  g_autofree char *marks = repeat ("e", "\xcc\x81", MBA_TEXT_MAX_JOINED + 1);       /* U+0301 */
  g_autofree char *marks_later = repeat ("ab c", "\xcc\x81", MBA_TEXT_MAX_JOINED + 1);
  /* A woman (U+1F469) joined by ZWJ (U+200D) to 17 more: 34 characters follow the first. */
  g_autofree char *emoji = repeat ("\xf0\x9f\x91\xa9", "\xe2\x80\x8d\xf0\x9f\x91\xa9", 17);
  /* The Hangul vowel jamo U+1161 joins the one before it, without end. */
  g_autofree char *jamo = repeat ("\xe1\x84\x80", "\xe1\x85\xa1", MBA_TEXT_MAX_JOINED + 1);
#define TOO_MANY "has more than 32 combining marks on one character, at character %u; at most 32 may follow one character"
  g_autofree char *at_1 = g_strdup_printf (TOO_MANY, 1);
  g_autofree char *at_4 = g_strdup_printf (TOO_MANY, 4);
#undef TOO_MANY

  assert_refused ("bell\a", "contains the control character U+0007 at character 5; remove it");
  assert_refused ("\x01", "contains the control character U+0001 at character 1; remove it");
  assert_refused ("a\rb", "contains the control character U+000D at character 2; remove it");
  assert_refused ("esc\x1b[31m", "contains the control character U+001B at character 4; remove it");
  assert_refused ("del\x7f", "contains the control character U+007F at character 4; remove it");
  /* C1 controls, counted in characters, not bytes. */
  assert_refused ("é\xc2\x85", "contains the control character U+0085 at character 2; remove it");
  assert_refused ("\xc2\x9f", "contains the control character U+009F at character 1; remove it");
  assert_refused ("x\xef\xb7\x90", "contains U+FDD0, which is not a character (a Unicode noncharacter), "
                                    "at character 2; remove it");
  assert_refused ("\xef\xb7\xaf", "contains U+FDEF, which is not a character (a Unicode noncharacter), "
                                  "at character 1; remove it");
  assert_refused ("\xef\xbf\xbe", "contains U+FFFE, which is not a character (a Unicode noncharacter), "
                                  "at character 1; remove it");
  assert_refused ("ab\xef\xbf\xbf", "contains U+FFFF, which is not a character (a Unicode noncharacter), "
                                    "at character 3; remove it");
  assert_refused ("\xf0\x9f\xbf\xbf", "contains U+1FFFF, which is not a character (a Unicode noncharacter), "
                                      "at character 1; remove it");
  assert_refused ("\xf4\x8f\xbf\xbf", "contains U+10FFFF, which is not a character (a Unicode noncharacter), "
                                      "at character 1; remove it");
  assert_refused (marks, at_1);
  assert_refused (marks_later, at_4);
  assert_refused (emoji, at_1);
  assert_refused (jamo, at_1);
  assert_refused ("ok\xff", "is not valid UTF-8 text at character 3");
}

static void
test_accepted (void)
{
  g_autofree char *marks = repeat ("e", "\xcc\x81", MBA_TEXT_MAX_JOINED);
  /* Runs apart: each letter may carry the most. */
  g_autofree char *two_runs = g_strconcat (marks, marks, NULL);
  const char *texts[] = {
    "",
    "tab\there",
    "line\nbreak",
    "Україна, Lietuva, Łotwa, Eesti",
    "عربي עברית",
    "line\xe2\x80\xa8separator",                /* U+2028 */
    "\xef\xb7\x8f\xef\xb7\xb0",                 /* U+FDCF and U+FDF0, just outside the noncharacters */
    "\xef\xbf\xbd",                             /* U+FFFD, the replacement character */
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",   /* a family emoji */
    "\xf0\x9f\x87\xba\xf0\x9f\x87\xa6",         /* a flag */
    "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",     /* Hangul syllables */
    marks,
    two_runs,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *problem = mba_text_check (texts[i]);

      if (problem != NULL)
        g_error ("“%s” refused: %s", texts[i], problem);
    }
}

/* Messages quote names and values from the file: they are passed on without controls. */
static void
test_make_printable (void)
{
  static const struct { const char *text; const char *printable; } cases[] = {
    { "plain “quoted” Україна", "plain “quoted” Україна" },
    { "esc\x1b[2J", "esc\\u001B[2J" },
    { "two\nlines\tand a tab", "two\\u000Alines\\u0009and a tab" },
    { "del\x7f c1\xc2\x85", "del\\u007F c1\\u0085" },
    { "non\xef\xbf\xbf \xf4\x8f\xbf\xbf", "non\\uFFFF \\uDBFF\\uDFFF" },
    { "bad\xff", "bad\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *printable = mba_text_make_printable (cases[i].text);

      g_assert_cmpstr (printable, ==, cases[i].printable);
    }
}

static void
test_encoding (void)
{
  static const struct { const char *data; gsize length; const char *problem; gsize skip; int line, column; } cases[] = {
    { "{}", 2, NULL, 0, 0, 0 },
    { "", 0, NULL, 0, 0, 0 },
    { "\xef\xbb\xbf{}", 5, NULL, 3, 0, 0 },
    { "\xef\xbb\xbf", 3, NULL, 3, 0, 0 },
    { "\xff\xfe{\0", 4, "this file is UTF-16 text; save it as UTF-8", 0, 0, 0 },
    { "\xfe\xff\0{", 4, "this file is UTF-16 text; save it as UTF-8", 0, 0, 0 },
    { "{\0 \0", 4, "this file is UTF-16 text; save it as UTF-8", 0, 0, 0 },
    { "\0{\0 ", 4, "this file is UTF-16 text; save it as UTF-8", 0, 0, 0 },
    { "\0\0\xfe\xff", 4, "this file is UTF-32 text; save it as UTF-8", 0, 0, 0 },
    { "\xff\xfe\0\0", 4, "this file is UTF-32 text; save it as UTF-8", 0, 0, 0 },
    { "{\0\0\0", 4, "this file is UTF-32 text; save it as UTF-8", 0, 0, 0 },
    { "\0\0\0{", 4, "this file is UTF-32 text; save it as UTF-8", 0, 0, 0 },
    /* A NUL byte, where it is: after the byte order mark, in characters. */
    { "\xef\xbb\xbf{\n\"é\0", 9, "contains a NUL byte (a zero byte, which text never holds); "
      "the file is damaged or is not a dataset", 3, 2, 3 },
    { "\0", 1, "contains a NUL byte (a zero byte, which text never holds); "
      "the file is damaged or is not a dataset", 0, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize skip = 99;
      int line = -1, column = -1;
      g_autofree char *problem = mba_text_find_encoding_problem (cases[i].data, cases[i].length,
                                                                 &skip, &line, &column);

      g_assert_cmpstr (problem, ==, cases[i].problem);
      g_assert_cmpuint (skip, ==, cases[i].skip);
      g_assert_cmpint (line, ==, cases[i].line);
      g_assert_cmpint (column, ==, cases[i].column);
    }
}

/* small.json with its title and the first event's title replaced by @title (JSON text). */
static char *
write_dataset (const char *dir,
               const char *title)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *member = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autoptr(GString) text = NULL;
  char *path = g_build_filename (dir, "odd-text.json", NULL);

  g_assert_true (g_file_get_contents (small, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"Small test dataset\"", member, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"Estonia deposits its withdrawal\"", member, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static void
run_app (MbaTestRun *run,
         const char *first_arg,
         ...)
{
  va_list args;

  va_start (args, first_arg);
  mba_test_run_app_valist (run, NULL, FALSE, first_arg, args);
  va_end (args);
}

/* Whatever the loader accepts exports validly: the titles go into the SVG's <title> and <desc>
 * (XML 1.0 forbids most controls) and into the PDF's metadata (Cairo refuses noncharacters). */
static void
test_accepted_text_exports (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-text-XXXXXX", NULL);
  g_autofree char *marks = repeat ("Odd e", "\\u0301", MBA_TEXT_MAX_JOINED);
  g_autofree char *title = g_strconcat (marks, " tab\\there, line\\nbreak, \\u2028 \\ufffd \\ufdcf "
                                        "\\ud83d\\udc69\\u200d\\ud83d\\udc67 \\u202e <&>", NULL);
  g_autofree char *dataset = write_dataset (dir, title);
  g_autofree char *svg = g_build_filename (dir, "odd.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "odd.pdf", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) loaded = mba_dataset_new_from_file (dataset, &error);
  g_auto(MbaTestRun) check = { 0 };
  g_auto(MbaTestRun) export_svg = { 0 };
  g_auto(MbaTestRun) export_pdf = { 0 };
  const char *lint_argv[] = { xmllint, "--noout", svg, NULL };
  g_autofree char *lint_err = NULL;
  int lint_status = -1;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (mba_dataset_get_title (loaded), "Odd e\xcc\x81"));

  run_app (&check, "--check", dataset, NULL);
  g_assert_cmpint (check.status, ==, 0);
  run_app (&export_svg, "--export", svg, "--select", "est-deposit", "--dataset", dataset, NULL);
  g_assert_cmpstr (export_svg.err, ==, "");
  g_assert_cmpint (export_svg.status, ==, 0);
  run_app (&export_pdf, "--export", pdf, "--select", "est-deposit", "--dataset", dataset, NULL);
  g_assert_cmpstr (export_pdf.err, ==, "");
  g_assert_cmpint (export_pdf.status, ==, 0);

  /* xmllint comes with libxml2-utils, which build-aux/dev installs. */
  g_assert_nonnull (xmllint);
  g_assert_true (g_spawn_sync (NULL, (char **) lint_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &lint_err, &lint_status, &error));
  g_assert_no_error (error);
  if (lint_status != 0)
    g_error ("the SVG is not XML: %s", lint_err);

  info = mba_test_run_tool ("pdfinfo", pdf);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, "Odd e"));
  mba_test_remove_tree (dir);
}

static void
test_refused_in_dataset (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-text-XXXXXX", NULL);
  g_autofree char *dataset = write_dataset (dir, "A \\u001b[2J title");
  g_autofree char *expected = g_strdup_printf ("%s: title: contains the control character U+001B at "
                                               "character 3; remove it\n%s: events[0].title: contains the "
                                               "control character U+001B at character 3; remove it",
                                               dataset, dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) loaded = mba_dataset_new_from_file (dataset, &error);

  g_assert_null (loaded);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, expected);
  mba_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-check/refused", test_refused);
  g_test_add_func ("/text-check/accepted", test_accepted);
  g_test_add_func ("/text-check/make-printable", test_make_printable);
  g_test_add_func ("/text-check/encoding", test_encoding);
  g_test_add_func ("/text-check/refused-in-dataset", test_refused_in_dataset);
  g_test_add_func ("/text-check/accepted-text-exports", test_accepted_text_exports);

  return g_test_run ();
}
