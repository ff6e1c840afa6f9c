/* test-export.c: --export writes PNG, SVG and PDF with no display, atomically */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Who runs an export into a read-only folder when the tests run as root, for whom mode bits
 * do not count. */
#define NOBODY 65534

static char *tmpdir;
static gboolean run_as_nobody;

static void
become_nobody (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (126);
}

/* Runs the app with no display; returns its exit status and its standard error. */
static int
run_export (char       **err,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MBA_EXE"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                               run_as_nobody ? become_nobody : NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_png (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "poster.png", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  guint32 first, *pixels;
  gboolean varied = FALSE;
  int stride;

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "poster", "--size", "800x500",
                               "--scale", "2", "--date", "2026-02-20", NULL), ==, 0);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1000);
  pixels = (guint32 *) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  first = pixels[0];
  for (int y = 0; y < 1000 && !varied; y += 7)
    for (int x = 0; x < 1600 && !varied; x += 7)
      varied = pixels[y * stride + x] != first;
  g_assert_true (varied);
  cairo_surface_destroy (image);
}

static void
test_svg (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "map.svg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { NULL };
  const char *title, *desc;

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "map", "--date", "2026-02-20", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  /* Well-formed XML. */
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  title = strstr (svg, "<title>");
  desc = strstr (svg, "<desc>");
  g_assert_nonnull (title);
  g_assert_nonnull (desc);
  g_assert_true (title < strstr (svg, "<g") || strstr (svg, "<g") == NULL);
  g_assert_nonnull (strstr (desc, "On 20 February 2026, Estonia, Finland, Latvia, Lithuania and Poland are no longer bound"));
}

static void
test_pdf_text (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "timeline.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status;
  const char *argv[] = { NULL, NULL, "-", NULL };

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "timeline", NULL), ==, 0);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  argv[0] = pdftotext;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, NULL));
  /* Text stays text: lane names and event titles can be searched (avoiding “fi”, a ligature). */
  g_assert_nonnull (strstr (text, "Ratification"));
  g_assert_nonnull (strstr (text, "Russia launches its full-scale invasion of Ukraine"));
}

static void
test_errors_leave_existing_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "keep.png", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-folder", "x.png", NULL);
  g_autofree char *contents = NULL;
  char *err = NULL;
  GDir *dir;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));

  g_assert_cmpint (run_export (&err, "--export", path, "--select", "no-such-event", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "No event has the id “no-such-event”\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "1920by1080", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--size: “1920by1080” is not a size"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--view", "slideshow", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--view: “slideshow” is not timeline, map or poster"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--theme", "sepia", NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--date", "2026-02-30", NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  g_assert_cmpint (run_export (&err, "--export", "chart.gif", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "chart.gif: unknown format; the file name must end in .png, .svg or .pdf\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No such file or directory"));
  g_clear_pointer (&err, g_free);

  /* A successful export replaces the file whole; no temporary file is left behind. */
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "320x200", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_prefix (contents, "\x89PNG"));
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n_files++;
    }
  g_dir_close (dir);
  g_assert_cmpuint (n_files, >=, 1);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (handle);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "read-only", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("Cannot write in %s: Permission denied\n", dir);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  char *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  run_as_nobody = TRUE;
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "320x200", NULL), ==, 1);
  run_as_nobody = FALSE;
  g_assert_cmpstr (err, ==, expected);
  g_free (err);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "chart.pdf");

  g_chmod (dir, 0755);
  g_unlink (path);
  g_rmdir (dir);
}

/* A real full disk: a 64 KiB tmpfs, mounted in a user and mount namespace of its own (which
 * needs no privilege where unprivileged user namespaces are allowed). The export runs inside it;
 * the script then prints what the folder holds. */
static void
test_full_disk (void)
{
  static const char script[] =
    "set -u\n"
    "mount -t tmpfs -o size=64k tmpfs \"$1\" || exit 90\n"
    "printf 'keep me' > \"$1/chart.png\"\n"
    "\"$MBA_EXE\" --export \"$1/chart.png\" --size 1920x1080 >/dev/null\n"
    "echo \"status=$?\"\n"
    "echo \"contents=$(cat \"$1/chart.png\")\"\n"
    "echo \"files=$(ls -A \"$1\" | tr '\\n' ' ')\"\n";
  g_autofree char *dir = g_build_filename (tmpdir, "full", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *argv[] = { unshare, "-rm", "sh", "-c", script, "sh", dir, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is missing: no tmpfs can be mounted to fill");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_rmdir (dir);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      /* No user namespaces here (a container that forbids them): no real full disk to test on. */
      g_autofree char *message = g_strdup_printf ("cannot mount a small tmpfs in a user namespace: %s", err);
      g_test_skip (message);
      return;
    }
  expected_err = g_strdup_printf ("Cannot write %s/chart.png: No space left on device\n", dir);
  g_assert_cmpstr (err, ==, expected_err);
  /* Refused, the old file whole, and no temporary file left behind. */
  g_assert_cmpstr (out, ==, "status=1\ncontents=keep me\nfiles=chart.png \n");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mba-export-XXXXXX", NULL);

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf_text);
  g_test_add_func ("/export/errors", test_errors_leave_existing_file);
  g_test_add_func ("/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/full-disk", test_full_disk);

  result = g_test_run ();
  {
    GDir *dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_dir_close (dir);
    g_rmdir (tmpdir);
  }
  return result;
}
