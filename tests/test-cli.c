/* test-cli.c: the command line, run as a user would, with no display */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the app binary with no display so that a GTK call would fail loudly. */
static void
run_app (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("MBA_EXE");
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
data_path (const char *first, ...)
{
  return g_test_build_filename (G_TEST_DIST, "data", first, NULL);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "mine-ban-atlas " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--check=FILE"));
  g_assert_nonnull (strstr (run.out, "--verify-quotes=DIR"));
  g_assert_nonnull (strstr (run.out, "--transparent"));
  g_assert_nonnull (strstr (run.out, "--no-caption"));
  g_assert_nonnull (strstr (run.out, "a4-landscape"));
}

/* Named sizes are accepted by name and case, unknown ones named in the error. */
static void
test_export_sizes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "letter.png", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_auto(Run) bad = { 0 };
  g_auto(Run) good = { 0 };

  run_app (&bad, "--export", png, "--size", "a5", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.err, ==, "--size: “a5” is not a size such as 1920x1080 (16 to 16384 pixels a side), "
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

static void
test_check_ok (void)
{
  g_autofree char *path = data_path ("small.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: OK (6 events, 3 quotes, 2 sources)\n", path);
  g_auto(Run) run = { 0 };

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
  g_auto(Run) run = { 0 };

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
  g_auto(Run) run = { 0 };

  run_app (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_check_bundled_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_auto(Run) run = { 0 };

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
  g_auto(Run) run = { 0 };

  run_app (&run, "--verify-quotes", docs, "--dataset", dataset, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "OK: 5 quotes verified\n");
}

static void
test_verify_quotes_failure (void)
{
  g_autofree char *dataset = data_path ("small.json", NULL);
  g_autofree char *empty = g_dir_make_tmp ("mba-nodocs-XXXXXX", NULL);
  g_auto(Run) run = { 0 };

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
  g_auto(Run) run = { 0 };

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

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
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
  g_auto(Run) run = { 0 };
  g_auto(Run) wrong = { 0 };
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

  info = run_tool ("pdfinfo", pdf);
  text = run_tool ("pdftotext", pdf);
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
  g_test_add_func ("/cli/check/ok", test_check_ok);
  g_test_add_func ("/cli/check/problems", test_check_problems);
  g_test_add_func ("/cli/check/syntax-position", test_check_syntax_position);
  g_test_add_func ("/cli/check/bundled", test_check_bundled_dataset);
  g_test_add_func ("/cli/verify-quotes/fixture", test_verify_quotes_fixture);
  g_test_add_func ("/cli/verify-quotes/failure", test_verify_quotes_failure);
  g_test_add_func ("/cli/verify-quotes/bundled", test_verify_quotes_bundled);

  return g_test_run ();
}
