/* test-cli.c: the command line, run as a user would, with no display */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mba-synthetic.h"
#include "mba-test-util.h"

static gboolean run_as_nobody;

/* Runs the app binary with no display so that a GTK call would fail loudly. */
static void
run_app (MbaTestRun *run,
         const char *first_arg,
         ...)
{
  va_list args;

  va_start (args, first_arg);
  mba_test_run_app_valist (run, NULL, run_as_nobody, first_arg, args);
  va_end (args);
}

static char *
data_path (const char *first, ...)
{
  return g_test_build_filename (G_TEST_DIST, "data", first, NULL);
}

static void
test_version (void)
{
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "mine-ban-atlas " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--check=FILE"));
  g_assert_nonnull (strstr (run.out, "--verify-quotes=DIR"));
  g_assert_nonnull (strstr (run.out, "--transparent"));
  g_assert_nonnull (strstr (run.out, "--no-caption"));
  g_assert_nonnull (strstr (run.out, "a4-landscape"));
  g_assert_nonnull (strstr (run.out, "pixels per unit for PNG, 1 to 4; at most 7680 × 4320 pixels"));
  g_assert_nonnull (strstr (run.out, "16 to 8192 each"));
  g_assert_nonnull (strstr (run.out, "--period=PERIOD"));
  g_assert_nonnull (strstr (run.out, "--from=DATE"));
  g_assert_nonnull (strstr (run.out, "--to=DATE"));
}

/* Named sizes are accepted by name and case, unknown ones named in the error. */
static void
test_export_sizes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "letter.png", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_auto(MbaTestRun) bad = { 0 };
  g_auto(MbaTestRun) good = { 0 };

  run_app (&bad, "--export", png, "--size", "a5", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.err, ==, "--size: “a5” is not a size such as 1920x1080 (16 to 8192 a side), "
                                "a4, a4-landscape, letter or letter-landscape\n");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_app (&good, "--export", png, "--size", "Letter-Landscape", "--no-caption", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (good.err, ==, "");
  /* The PNG header's IHDR: width and height, big-endian, at bytes 16 and 20. */
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 792);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 612);
  g_unlink (png);
  g_rmdir (dir);
}

/* Every --export value out of its documented range is a usage error (exit status 2) that names
 * the option and the range, refused before anything is drawn, and no file is written. */
static void
test_export_ranges (void)
{
  static const struct
  {
    const char *option;
    const char *value;
    const char *more;      /* a second option, or NULL */
    const char *more_value;
    const char *message;
  } cases[] = {
    { "--scale", "0", NULL, NULL, "--scale: “0” is not 1, 2, 3 or 4\n" },
    { "--scale", "5", NULL, NULL, "--scale: “5” is not 1, 2, 3 or 4\n" },
    { "--scale", "two", NULL, NULL, "--scale: “two” is not 1, 2, 3 or 4\n" },
    { "--size", "8193x100", NULL, NULL,
      "--size: “8193x100” is not a size such as 1920x1080 (16 to 8192 a side), a4, a4-landscape, "
      "letter or letter-landscape\n" },
    { "--size", "15x100", NULL, NULL,
      "--size: “15x100” is not a size such as 1920x1080 (16 to 8192 a side), a4, a4-landscape, "
      "letter or letter-landscape\n" },
    { "--size", "8191x8191", "--scale", "4",
      "A PNG of 8191 × 8191 at scale 4 would be 32764 × 32764 pixels; at most 7680 × 4320 "
      "(33.2 million pixels) can be exported. Choose a smaller size or scale.\n" },
    { "--size", "7681x4320", NULL, NULL,
      "A PNG of 7681 × 4320 at scale 1 would be 7681 × 4320 pixels; at most 7680 × 4320 "
      "(33.2 million pixels) can be exported. Choose a smaller size or scale.\n" },
    { "--size", "3840x2160", "--scale", "3",
      "A PNG of 3840 × 2160 at scale 3 would be 11520 × 6480 pixels; at most 7680 × 4320 "
      "(33.2 million pixels) can be exported. Choose a smaller size or scale.\n" },
    { "--date", "2026-02-30", NULL, NULL, "--date: “2026-02-30” is not a date of the form YYYY-MM-DD\n" },
    { "--theme", "sepia", NULL, NULL, "--theme: “sepia” is not light or dark\n" },
    { "--view", "globe", NULL, NULL, "--view: “globe” is not timeline, map, poster or slides\n" },
    { "--select", "no-such-event", NULL, NULL, "--select: no event has the id “no-such-event”\n" },
    { "--period", "2025", NULL, NULL, "--period: “2025” is not story or all\n" },
    { "--from", "2025-08-01", "--to", "2025-07-31", "--from: 2025-08-01 is after --to 2025-07-31\n" },
    { "--from", "2025-02-30", NULL, NULL,
      "--from: “2025-02-30” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n" },
    { "--to", "2025-06-01/2025-07-01", NULL, NULL,
      "--to: “2025-06-01/2025-07-01” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n" },
    { "--period", "all", "--from", "2025", "--period: give either --period or --from and --to, not both\n" },
    { "--from", "2090", NULL, NULL, "--from: 2090 is after the last event of the dataset\n" },
    { "--to", "1900-05", NULL, NULL, "--to: 1900-05 is before the first event of the dataset\n" },
  };
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MbaTestRun) run = { 0 };

      run_app (&run, "--export", png, cases[i].option, cases[i].value, cases[i].more, cases[i].more_value,
               NULL);
      g_assert_cmpstr (run.err, ==, cases[i].message);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* The SVG's description (its <desc>), which names the timeline's period. */
static char *
export_description (const char *svg_path)
{
  g_autofree char *svg = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  start = strstr (svg, "<desc>");
  end = start ? strstr (start, "</desc>") : NULL;
  g_assert_nonnull (end);
  return g_strndup (start + 6, end - start - 6);
}

/* The words of a PDF, or NULL (the test is then skipped) without pdftotext. */
static char *
pdf_text (const char *pdf_path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, pdf_path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* Exports draw the story by default (2025–2026, not 1997–2026), the whole history with
 * --period all, and the days asked for with --from and --to, the map on the period's end. */
static void
test_export_period (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "x.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *desc = NULL;
  g_autofree char *words = NULL;

  {
    g_auto(MbaTestRun) run = { 0 };

    run_app (&run, "--export", svg, "--view", "timeline", NULL);
    g_assert_cmpint (run.status, ==, 0);
    desc = export_description (svg);
    g_assert_nonnull (strstr (desc, "\nTimeline from 4 March 2025 to 6 March 2026\n"));
    g_clear_pointer (&desc, g_free);
  }
  {
    g_auto(MbaTestRun) run = { 0 };

    run_app (&run, "--export", svg, "--view", "poster", "--period", "all", NULL);
    g_assert_cmpint (run.status, ==, 0);
    desc = export_description (svg);
    g_assert_nonnull (strstr (desc, "\nTimeline from "));
    g_assert_nonnull (strstr (desc, " 1996 to "));   /* the treaty of 1997, with room before it */
    g_clear_pointer (&desc, g_free);
  }
  {
    g_auto(MbaTestRun) run = { 0 };

    run_app (&run, "--export", svg, "--view", "timeline", "--from", "2025-06-01", "--to", "2025-07-31", NULL);
    g_assert_cmpint (run.status, ==, 0);
    desc = export_description (svg);
    g_assert_true (g_str_has_prefix (desc, "On 31 July 2025, "));
    g_assert_nonnull (strstr (desc, "\nTimeline from 1 June 2025 to 31 July 2025\n"));
    g_clear_pointer (&desc, g_free);
  }

  /* What is drawn: the axis of the story names months of 2025, not the years since 1997. */
  {
    g_auto(MbaTestRun) run = { 0 };

    run_app (&run, "--export", pdf, "--view", "timeline", "--no-caption", NULL);
    g_assert_cmpint (run.status, ==, 0);
    words = pdf_text (pdf);
    if (words != NULL)
      {
        g_assert_nonnull (strstr (words, "2025\n"));
        g_assert_nonnull (strstr (words, "Apr\n"));
        g_assert_nonnull (strstr (words, "Oct\n"));
        g_assert_null (strstr (words, "2000\n"));
        g_assert_null (strstr (words, "2010\n"));
      }
    g_clear_pointer (&words, g_free);
  }
  {
    g_auto(MbaTestRun) run = { 0 };

    run_app (&run, "--export", pdf, "--view", "timeline", "--no-caption", "--period", "all", NULL);
    g_assert_cmpint (run.status, ==, 0);
    words = pdf_text (pdf);
    if (words != NULL)
      g_assert_nonnull (strstr (words, "2010\n"));
  }
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A handout of more pages than can be printed is a usage error, refused before a page is drawn. */
static void
test_export_slides_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *dataset = g_build_filename (dir, "many.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (2000, 1);
  g_auto(MbaTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (dataset, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  run_app (&run, "--export", pdf, "--view", "slides", "--dataset", dataset, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "The handout would have "));
  g_assert_true (g_str_has_suffix (run.err, " pages; at most 500 can be printed. Filter the timeline to fewer "
                                            "events.\n"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_unlink (dataset);
  g_rmdir (dir);
}

static void
test_check_ok (void)
{
  g_autofree char *path = data_path ("small.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: OK (6 events, 3 quotes, 2 sources)\n", path);
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_check_problems (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-problems.json", NULL);
  g_autofree char *good = data_path ("small.json", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(MbaTestRun) run = { 0 };

  /* One line per problem, FILE: PATH: message; a good file after a bad one is still checked. */
  run_app (&run, "--check", path, good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], ": states[1]: required member “name” is missing"));
  g_assert_nonnull (strstr (lines[1], ": events[0].date: 2025-02 has no day 30"));
  g_assert_nonnull (strstr (lines[2], ": events[1].kind: “rumour” is not an event kind"));
  g_assert_true (g_str_has_suffix (lines[3], ": OK (6 events, 3 quotes, 2 sources)"));
}

static void
test_check_syntax_position (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "syntax-trailing-comma.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:4:1: string or '}' expected near '}'\n", path);
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);
}

/* Every file of tests/data/bad in one run: each refused, with the message EXPECTED lists. */
static void
test_check_every_bad_file (void)
{
  g_autofree char *bad_dir = data_path ("bad", NULL);
  g_autofree char *expected_path = g_build_filename (bad_dir, "EXPECTED", NULL);
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  g_ptr_array_add (argv, g_strdup (g_getenv ("MBA_EXE")));
  g_ptr_array_add (argv, g_strdup ("--check"));
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_ptr_array_add (argv, g_build_filename (bad_dir, fields[0], NULL));
      g_ptr_array_add (fragments, g_strcompress (fields[2]));
    }
  g_ptr_array_add (argv, NULL);
  g_assert_cmpuint (fragments->len, >=, 40);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_null (strstr (out, ": OK ("));
  for (guint i = 0; i < fragments->len; i++)
    {
      /* The line that names the file holds the message. */
      const char *path = g_ptr_array_index (argv, i + 2);
      g_autofree char *start = g_strconcat ("\n", path, NULL);
      const char *at = g_str_has_prefix (out, path) ? out : strstr (out, start);
      const char *fragment = g_ptr_array_index (fragments, i);

      if (at == NULL || strstr (at, fragment) == NULL)
        g_error ("--check %s: expected “%s” in:\n%s", path, fragment, out);
    }
}

/* A folder, a missing file, an unreadable one, an empty one and a 1 GiB one: each refused by
 * --check with its name, and none stops the others from being checked. */
static void
test_check_unusable_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *good = data_path ("small.json", NULL);
  g_autofree char *good_copy = g_build_filename (dir, "good.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(MbaTestRun) run = { 0 };
  int fd;

  g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (good_copy, contents, -1, NULL));
  g_assert_true (g_file_set_contents (locked, contents, -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  fd = g_open (huge, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (ftruncate (fd, (goffset) 1024 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  run_as_nobody = TRUE;
  run_app (&run, "--check", dir, missing, locked, empty, huge, good_copy, NULL);
  run_as_nobody = FALSE;
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s: is a folder, not a dataset file\n"
                              "%s: No such file or directory\n"
                              "%s: Permission denied\n"
                              "%s:1:1: '[' or '{' expected near end of file\n"
                              "%s: the file is 1024 MiB; datasets larger than 64 MiB are refused\n"
                              "%s: OK (6 events, 3 quotes, 2 sources)\n",
                              dir, missing, locked, empty, huge, good_copy);
  g_assert_cmpstr (run.out, ==, expected);

  g_unlink (missing);
  g_unlink (locked);
  g_unlink (empty);
  g_unlink (huge);
  g_unlink (good_copy);
  g_rmdir (dir);
}

static void
test_check_bundled_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--check", path, NULL);
  if (run.status != 0)
    g_error ("%s", run.out);
  g_assert_true (g_str_has_suffix (run.out, " sources)\n"));
}

static void
test_verify_quotes_fixture (void)
{
  g_autofree char *dataset = data_path ("small.json", NULL);
  g_autofree char *docs = data_path ("docs", NULL);
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--verify-quotes", docs, "--dataset", dataset, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "OK: 5 quotes verified\n");
}

static void
test_verify_quotes_failure (void)
{
  g_autofree char *dataset = data_path ("small.json", NULL);
  g_autofree char *empty = g_dir_make_tmp ("mba-nodocs-XXXXXX", NULL);
  g_auto(MbaTestRun) run = { 0 };

  run_app (&run, "--verify-quotes", empty, "--dataset", dataset, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "small.json: events[1].quotes[0]: the document article.txt of source “art” cannot be read"));
  g_assert_nonnull (strstr (run.out, "FAILED: 5 quotes not found verbatim (0 verified)"));
  g_rmdir (empty);
}

/* The shipped dataset against the five articles (CI always has them beside the repository). */
static void
test_verify_quotes_bundled (void)
{
  const char *seeds = g_getenv ("MBA_SEEDS_DIR");
  g_auto(MbaTestRun) run = { 0 };

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent: the articles are needed to verify the bundled quotes");
      return;
    }
  run_app (&run, "--verify-quotes", seeds, NULL);
  if (run.status != 0)
    g_error ("%s", run.out);
  g_assert_true (g_str_has_prefix (run.out, "OK: "));
  g_assert_true (g_str_has_suffix (run.out, " quotes verified\n"));
}


/* --view slides writes the presentation of every event as a PDF handout, one page a step. */
static void
test_export_slides (void)
{
  g_autofree char *dataset = data_path ("small.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("mba-slides-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "handout.png", NULL);
  g_autofree char *info = NULL, *text = NULL, *expected = NULL;
  static const char *titles[] = { "Ukraine ratifies", "Something in recent months", "Joint announcement",
                                  "Estonia deposits its withdrawal", "Ukraine deposits" };
  g_auto(MbaTestRun) run = { 0 };
  g_auto(MbaTestRun) wrong = { 0 };
  const char *pages;

  run_app (&run, "--export", pdf, "--view", "slides", "--dataset", dataset, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Not a PDF: a clear error, and no file. */
  run_app (&wrong, "--export", png, "--view", "slides", "--dataset", dataset, NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  expected = g_strdup_printf ("%s: the slides are a handout of many pages; the file name must end in .pdf\n", png);
  g_assert_cmpstr (wrong.err, ==, expected);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  info = mba_test_run_tool ("pdfinfo", pdf);
  text = mba_test_run_tool ("pdftotext", pdf);
  g_unlink (pdf);
  g_rmdir (dir);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  /* The fixture's five events and Estonia's derived effective date. */
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (strstr (text, titles[i]));
  g_assert_nonnull (strstr (text, "6/6"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/export/slides", test_export_slides);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/export/sizes", test_export_sizes);
  g_test_add_func ("/cli/export/ranges", test_export_ranges);
  g_test_add_func ("/cli/export/period", test_export_period);
  g_test_add_func ("/cli/export/slides-limit", test_export_slides_limit);
  g_test_add_func ("/cli/check/ok", test_check_ok);
  g_test_add_func ("/cli/check/problems", test_check_problems);
  g_test_add_func ("/cli/check/syntax-position", test_check_syntax_position);
  g_test_add_func ("/cli/check/bundled", test_check_bundled_dataset);
  g_test_add_func ("/cli/check/every-bad-file", test_check_every_bad_file);
  g_test_add_func ("/cli/check/unusable-files", test_check_unusable_files);
  g_test_add_func ("/cli/verify-quotes/fixture", test_verify_quotes_fixture);
  g_test_add_func ("/cli/verify-quotes/failure", test_verify_quotes_failure);
  g_test_add_func ("/cli/verify-quotes/bundled", test_verify_quotes_bundled);

  return g_test_run ();
}
