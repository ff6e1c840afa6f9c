/* test-bad-files.c: every file in tests/data/bad is refused with the code and position in EXPECTED */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "mba-dataset.h"

static const struct { const char *name; int code; } error_codes[] = {
  { "IO", MBA_DATASET_ERROR_IO },
  { "TOO_LARGE", MBA_DATASET_ERROR_TOO_LARGE },
  { "SYNTAX", MBA_DATASET_ERROR_SYNTAX },
  { "FORMAT", MBA_DATASET_ERROR_FORMAT },
  { "MISSING", MBA_DATASET_ERROR_MISSING },
  { "TYPE", MBA_DATASET_ERROR_TYPE },
  { "UNKNOWN_MEMBER", MBA_DATASET_ERROR_UNKNOWN_MEMBER },
  { "DUPLICATE_ID", MBA_DATASET_ERROR_DUPLICATE_ID },
  { "REFERENCE", MBA_DATASET_ERROR_REFERENCE },
  { "DATE", MBA_DATASET_ERROR_DATE },
  { "VALUE", MBA_DATASET_ERROR_VALUE },
};

typedef struct
{
  char *file;
  int   code;
  char *fragment;
} BadCase;

static void
bad_case_free (gpointer data)
{
  BadCase *bad = data;

  g_free (bad->file);
  g_free (bad->fragment);
  g_free (bad);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);

  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, bad->code);
  /* Every line names the file it is about. */
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, bad->fragment) == NULL)
    g_error ("%s: expected “%s” in:\n%s", bad->file, bad->fragment, error->message);
}

static void
test_every_problem_reported (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-problems.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (dataset);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "states[1]: required member “name” is missing"));
  g_assert_nonnull (strstr (lines[1], "events[0].date: 2025-02 has no day 30"));
  g_assert_nonnull (strstr (lines[2], "events[1].kind: “rumour” is not an event kind"));
}

static void
test_folder_and_missing (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset;

  dataset = mba_dataset_new_from_file (folder, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  dataset = mba_dataset_new_from_file ("/nonexistent/mba.json", &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "/nonexistent/mba.json: No such file or directory");
}

static void
test_too_large_refused_unread (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  int fd;

  /* A sparse 1 GiB file: refused from its size, before a byte is read. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) 1024 * 1024 * 1024), ==, 0);
  close (fd);

  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1024 MiB"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads files whatever their mode");
      return;
    }
  dir = g_dir_make_tmp ("mba-unreadable-XXXXXX", NULL);
  path = g_build_filename (dir, "locked.json", NULL);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_chmod (path, 0);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Permission denied"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *expected_path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (bad_case_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  expected_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "EXPECTED", NULL);
  if (!g_file_get_contents (expected_path, &expected, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      BadCase *bad;
      int code = -1;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      for (guint j = 0; j < G_N_ELEMENTS (error_codes); j++)
        if (strcmp (fields[1], error_codes[j].name) == 0)
          code = error_codes[j].code;
      g_assert_cmpint (code, >=, 0);

      bad = g_new0 (BadCase, 1);
      bad->file = g_strdup (fields[0]);
      bad->code = code;
      bad->fragment = g_strcompress (fields[2]);
      g_ptr_array_add (cases, bad);
      test_path = g_strdup_printf ("/bad-files/%s", bad->file);
      g_test_add_data_func (test_path, bad, test_bad_file);
    }
  g_assert_cmpuint (cases->len, >=, 25);

  g_test_add_func ("/bad-files/every-problem-reported", test_every_problem_reported);
  g_test_add_func ("/bad-files/folder-and-missing", test_folder_and_missing);
  g_test_add_func ("/bad-files/too-large", test_too_large_refused_unread);
  g_test_add_func ("/bad-files/unreadable", test_unreadable);

  return g_test_run ();
}
