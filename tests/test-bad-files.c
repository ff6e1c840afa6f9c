/* test-bad-files.c: every file in tests/data/bad is refused with the code and position in EXPECTED */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-dataset.h"
#include "mba-regular-file.h"
#include "mba-synthetic.h"
#include "mba-test-util.h"

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
load_unreadable (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);

  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_str_has_suffix (error->message, ": Permission denied"));
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      /* Root ignores mode bits: the child gives up root for nobody, for whom they count. */
      g_assert_cmpint (setgid (MBA_TEST_NOBODY), ==, 0);
      g_assert_cmpint (setuid (MBA_TEST_NOBODY), ==, 0);
      load_unreadable (g_getenv ("MBA_UNREADABLE"));
      return;
    }

  dir = g_dir_make_tmp ("mba-unreadable-XXXXXX", NULL);
  path = g_build_filename (dir, "locked.json", NULL);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (geteuid () == 0)
    {
      g_setenv ("MBA_UNREADABLE", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  else
    load_unreadable (path);
  g_unlink (path);
  g_rmdir (dir);
}

/* Writes @contents to a new file in a new temporary folder; both are removed by remove_temp. */
static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-bad-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* small.json with a title of @length bytes. */
static char *
write_long_title (gsize length)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *title = g_strnfill (length, 'a');
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (small, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"Small test dataset\"", "\"\"", 1), ==, 1);
  g_string_insert (text, strstr (text->str, "\"\"") - text->str + 1, title);
  return write_temp ("long-title.json", text->str, text->len);
}

static void
test_long_string (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  /* 100 KB: refused by its length where it is checked, with its JSON path. */
  path = write_long_title (100 * 1000);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE);
  expected = g_strdup_printf ("%s: title: the text is 100000 bytes long; at most %d are allowed",
                              path, MBA_DATASET_MAX_STRING_BYTES);
  g_assert_cmpstr (error->message, ==, expected);
  remove_temp (path);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&expected, g_free);
  g_clear_error (&error);

  /* 1 MiB, a large file: refused before it is parsed, at the string's line and column. The
   * message never repeats the string. */
  path = write_long_title (1024 * 1024);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE);
  expected = g_strdup_printf ("%s:3:12: the text is 1048576 bytes long; at most %d are allowed",
                              path, MBA_DATASET_MAX_STRING_BYTES);
  g_assert_cmpstr (error->message, ==, expected);
  remove_temp (path);
}

static void
test_too_many_tokens (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"mine-ban-atlas/1\",\n\"x\": [");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  /* 8 million zeros in 16 MB: refused before parsing, where the limit is passed. */
  for (guint i = 0; i < MBA_DATASET_MAX_TOKENS; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]}");
  path = write_temp ("many-tokens.json", text->str, text->len);

  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE);
  /* Tokens: "{", two strings, ",", "x", "[", then one a comma. The one past the limit is the
   * 7,999,995th comma, on line 2 after the 6 characters of "x": [ and 2 per zero. */
  expected = g_strdup_printf ("%s:2:%d: the file holds more than %d values and names; no more are allowed",
                              path, 6 + 2 * (MBA_DATASET_MAX_TOKENS - 5), MBA_DATASET_MAX_TOKENS);
  g_assert_cmpstr (error->message, ==, expected);
  remove_temp (path);
}

static void
test_many_values (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"mine-ban-atlas/1\", \"x\": [");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  /* Six megabytes of empty objects, each a few hundred bytes once parsed: refused when the
   * parsed values pass MBA_DATASET_MAX_PARSE_BYTES, well before the end. */
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append (text, "{},");
  g_string_append (text, "{}]}");
  path = write_temp ("many-values.json", text->str, text->len);

  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "the file holds too many values"));
  remove_temp (path);
}

/* Large files are parsed event by event; a syntax error found in one event, or after the
 * events, must be reported at its place in the whole file. */
static void
test_large_file_positions (void)
{
  static const struct { const char *after; const char *insert; const char *message; } cases[] = {
    /* a doubled comma inside event 1500 */
    { "\"id\": \"ev-1500\",", ",", "string or '}' expected near ','" },
    /* an invalid byte in event 700 */
    { "\"id\": \"ev-700\", \"date\": ", "\"\xff\",", "unable to decode byte 0xff" },
    /* a duplicate key in event 1999 */
    { "\"id\": \"ev-1999\",", "\"id\": \"again\",", "duplicate object key" },
    /* a bad token between the events and the next member */
    { "}\n  ]\n", "x ", "'}' expected near 'x'" },
  };
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (2000, 3);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 256 * 1024);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new_len (data, size);
      const char *at = strstr (text->str, cases[i].after);
      g_autoptr(GBytes) bad = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MbaDataset) dataset = NULL;
      g_autofree char *expected = NULL;
      gsize offset;
      int line = 1;
      const char *line_start = text->str;

      g_assert_nonnull (at);
      offset = at - text->str + strlen (cases[i].after);
      g_string_insert (text, offset, cases[i].insert);
      for (const char *p = text->str; p < text->str + offset; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      /* The inserted text's first character is the one reported (the lines are ASCII). */
      expected = g_strdup_printf ("big.json:%d:%d: %s", line, (int) (text->str + offset - line_start) + 1,
                                  cases[i].message);
      bad = g_string_free_to_bytes (g_steal_pointer (&text));
      dataset = mba_dataset_new_from_bytes (bad, "big.json", &error);
      g_assert_null (dataset);
      g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("expected “%s…”, got “%s”", expected, error->message);
    }
}

/* small.json with, first among its events, one withdrawal deposit for @n_states new states. */
static GBytes *
deposit_for_many_states (guint n_states)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) states = g_string_new ("\"states\": [\n");
  g_autoptr(GString) deposit = g_string_new ("\"events\": [\n{ \"id\": \"many-deposit\", \"date\": \"2025-06-27\", "
                                             "\"date_basis\": \"record\", \"kind\": \"withdrawal-deposited\", "
                                             "\"title\": \"Many deposit\", \"summary\": \"Many states deposit.\", "
                                             "\"citations\": [ { \"source\": \"rec\" } ], \"states\": [");
  g_autoptr(GString) status = g_string_new ("\"status\": {");

  g_assert_cmpuint (n_states, <=, 26 * 26);
  for (guint i = 0; i < n_states; i++)
    {
      char code[4] = { 'Q', 'A' + i / 26, 'A' + i % 26, '\0' };

      g_string_append_printf (states, "{ \"code\": \"%s\", \"name\": \"State %s\" },\n", code, code);
      g_string_append_printf (deposit, "%s\"%s\"", i ? ", " : "", code);
      g_string_append_printf (status, "%s\"%s\": \"withdrawal-in-progress\"", i ? ", " : "", code);
    }
  g_string_append_printf (deposit, "], %s} },\n", status->str);

  g_assert_true (g_file_get_contents (small, &contents, NULL, NULL));
  text = g_string_new (contents);
  /* The first "states" is the top-level list; the events come after it. */
  g_assert_cmpuint (g_string_replace (text, "\"states\": [\n", states->str, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"events\": [\n", deposit->str, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* Issue 15, item 1: the derived events used to be appended to the array the deposit was read
 * from, which moved under it (a crash, or under ASan a use after free, once past the array's
 * spare room). Each state gets its own effective date, with an id of its own. */
static void
test_withdrawal_many_states (void)
{
  const guint n_states = 40;
  g_autoptr(GBytes) bytes = deposit_for_many_states (n_states);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_bytes (bytes, "many.json", &error);
  gint32 effect_day = mba_day_from_ymd (2025, 12, 27);

  g_assert_no_error (error);
  /* small.json's 5 events and Estonia's effective date, the deposit and one a state. */
  g_assert_cmpuint (mba_dataset_get_n_events (dataset), ==, 5 + 1 + 1 + n_states);
  g_assert_null (mba_dataset_find_event (dataset, "many-deposit-effective"));
  for (guint i = 0; i < n_states; i++)
    {
      char code[4] = { 'Q', 'A' + i / 26, 'A' + i % 26, '\0' };
      g_autofree char *lower = g_ascii_strdown (code, -1);
      g_autofree char *id = g_strdup_printf ("many-deposit-effective-%s", lower);
      const MbaEvent *effect = mba_dataset_find_event (dataset, id);

      g_assert_nonnull (effect);
      g_assert_true (effect->derived);
      g_assert_cmpint (effect->kind, ==, MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE);
      g_assert_cmpint (effect->first_day, ==, effect_day);
      g_assert_cmpuint (effect->n_states, ==, 1);
      g_assert_cmpstr (effect->states[0]->code, ==, code);
      g_assert_cmpuint (effect->n_citations, ==, 1);
      g_assert_cmpstr (effect->citations[0].source->id, ==, "rec");
    }
}

/* Issue 15, item 12: a UTF-8 byte order mark is skipped, as GNOME's editors do, and positions
 * are counted after it, as an editor shows them. */
static void
test_utf8_byte_order_mark (void)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_mark = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GBytes) only_mark = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;

  g_assert_true (g_file_get_contents (small, &contents, NULL, NULL));
  with_mark = g_strconcat ("\xef\xbb\xbf", contents, NULL);
  good = g_bytes_new (with_mark, strlen (with_mark));
  dataset = mba_dataset_new_from_bytes (good, "bom.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mba_dataset_get_title (dataset), ==, "Small test dataset");

  bad = g_bytes_new_static ("\xef\xbb\xbf{ x", 6);
  g_assert_null (mba_dataset_new_from_bytes (bad, "bom.json", &error));
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "bom.json:1:3: "));
  g_clear_error (&error);

  only_mark = g_bytes_new_static ("\xef\xbb\xbf", 3);
  g_assert_null (mba_dataset_new_from_bytes (only_mark, "bom.json", &error));
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "bom.json:1:1: "));
}

/* NUL bytes are found wherever they are, in a small file or a large one, counted in characters. */
static void
test_nul_byte_position (void)
{
  static const char text[] = "{\n  \"title\": \"Ä\0\"\n}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GBytes) wide = g_bytes_new_static ("{\0\"\0", 4);
  g_autoptr(GError) error = NULL;

  g_assert_null (mba_dataset_new_from_bytes (bytes, "nul.json", &error));
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "nul.json:2:14: contains a NUL byte (a zero byte, which text never "
                                       "holds); the file is damaged or is not a dataset");
  g_clear_error (&error);

  /* Two ASCII characters in UTF-16 without a byte order mark. */
  g_assert_null (mba_dataset_new_from_bytes (wide, "wide.json", &error));
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "wide.json: this file is UTF-16 text; save it as UTF-8");
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

/* Issue 15, item 2: --check printed every problem (100,000 events with a problem each made
 * 100,000 lines). It prints the first MBA_PROBLEM_LIST_MAX_KEPT and a line counting the rest. */
static void
test_check_many_problems (void)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (100000, 1);
  g_autofree char *dir = g_dir_make_tmp ("mba-problems-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autofree char *summary = NULL;
  g_auto(MbaTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *from = "\"date_basis\": \"stated\"";
  guint n_bad;

  /* Every event's date_basis an integer: one problem an event. (In one pass: g_string_replace
   * moves the rest of the text at each of the 100,000 replacements.) */
  text = g_string_sized_new (size);
  n_bad = 0;
  for (const char *p = data, *end = data + size, *hit; p < end; p = hit + strlen (from))
    {
      hit = g_strstr_len (p, end - p, from);
      if (hit == NULL)
        {
          g_string_append_len (text, p, end - p);
          break;
        }
      g_string_append_len (text, p, hit - p);
      g_string_append (text, "\"date_basis\": 1");
      n_bad++;
    }
  g_assert_cmpuint (n_bad, >, 90000);
  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);

  run_app (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  /* 100 problems, the summary, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, MBA_PROBLEM_LIST_MAX_KEPT + 2);
  g_assert_cmpstr (lines[MBA_PROBLEM_LIST_MAX_KEPT + 1], ==, "");
  /* In the file's order, though the events are checked by several threads. */
  for (guint i = 0; i < MBA_PROBLEM_LIST_MAX_KEPT; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s: events[%u].date_basis: must be a string, not an integer",
                                                   path, i);

      g_assert_cmpstr (lines[i], ==, expected);
    }
  summary = g_strdup_printf ("%s: and %u more problems: wrong type (%u)", path,
                             n_bad - MBA_PROBLEM_LIST_MAX_KEPT, n_bad - MBA_PROBLEM_LIST_MAX_KEPT);
  g_assert_cmpstr (lines[MBA_PROBLEM_LIST_MAX_KEPT], ==, summary);

  g_unlink (path);
  g_rmdir (dir);
}

/* Issue 15, item 6: --verify-quotes read whatever a document's name led to. A FIFO blocked it
 * for ever and a huge file was read whole; now each is refused, with the reason, at once. */
static void
test_verify_quotes_special_files (void)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("mba-docs-XXXXXX", NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (small, &error);
  static const struct { const char *kind; const char *reason; } cases[] = {
    { "fifo", "it is not a regular file (a pipe, a device or a socket, say)" },
    { "sparse", "it is 1024 MiB; files larger than 64 MiB are refused" },
    { "folder", "it is a folder, not a file" },
    { "latin1", "it is not UTF-8 text" },
  };

  g_assert_no_error (error);
  /* A hang is a failure, not a test that never ends. */
  alarm (60);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) failures = NULL;
      g_autofree char *expected = g_strdup_printf ("events[2].quotes[0]: the document article.txt of source "
                                                   "“art” cannot be read in %s: %s", dir, cases[i].reason);
      guint n_verified = 99;

      if (g_str_equal (cases[i].kind, "fifo"))
        g_assert_cmpint (mkfifo (article, 0600), ==, 0);
      else if (g_str_equal (cases[i].kind, "sparse"))
        {
          int fd = g_open (article, O_CREAT | O_WRONLY, 0644);

          g_assert_cmpint (fd, >=, 0);
          g_assert_cmpint (ftruncate (fd, (goffset) 1024 * 1024 * 1024), ==, 0);
          close (fd);
        }
      else if (g_str_equal (cases[i].kind, "folder"))
        g_assert_cmpint (g_mkdir (article, 0700), ==, 0);
      else
        g_assert_true (g_file_set_contents (article, "Caf\xe9", -1, NULL));

      g_assert_false (mba_dataset_verify_quotes (dataset, dir, &n_verified, &failures));
      g_assert_cmpuint (n_verified, ==, 0);
      /* Every quote from the article says why, not just the first. */
      g_assert_cmpuint (failures->len, ==, 5);
      g_assert_cmpstr (failures->pdata[0], ==, expected);
      for (guint j = 0; j < failures->len; j++)
        g_assert_true (g_str_has_suffix (failures->pdata[j], cases[i].reason));
      if (g_str_equal (cases[i].kind, "folder"))
        g_rmdir (article);
      else
        g_unlink (article);
    }
  alarm (0);
  g_rmdir (dir);
}

static void
test_regular_file_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-read-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ten.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  contents = mba_regular_file_read (path, 10, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_assert_cmpuint (length, ==, 10);
  g_clear_pointer (&contents, g_free);

  g_assert_null (mba_regular_file_read (path, 9, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_clear_error (&error);

  /* A device that never ends. */
  g_assert_null (mba_regular_file_read ("/dev/zero", 1024, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_null (mba_regular_file_read ("/nonexistent/mba.txt", 1024, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpstr (error->message, ==, "No such file or directory");
  mba_test_remove_tree (dir);
}

/* Found by fuzz-check-output (a 10-minute run): a refused dispute left its claim count in the
 * slot the next dispute reused, which then wrote past its claims (a heap overflow under ASan
 * and Valgrind). Each refused entry's slot now starts afresh. */
static void
test_refused_dispute_slot_reused (void)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  const char *claim = "{ \"source\": \"rec\", \"text\": \"27 Dec 2005\", \"reading\": \"2005\" }";
  g_autofree char *disputes = g_strdup_printf (
    "\"disputes\": [ { \"id\": \"Not An Id\", \"topic\": \"t\", \"events\": [], \"claims\": [%s, %s] },"
    " { \"id\": \"second\", \"topic\": \"t\", \"events\": [], \"claims\": [%s, %s, %s] } ]",
    claim, claim, claim, claim, claim);
  gssize start, end;

  g_assert_true (g_file_get_contents (small, &contents, NULL, NULL));
  text = g_string_new (contents);
  start = strstr (text->str, "\"disputes\": [") - text->str;
  /* The disputes are the file's last member. */
  end = strstr (text->str + start, "\n  ]\n}") - text->str + strlen ("\n  ]");
  g_string_erase (text, start, end - start);
  g_string_insert (text, start, disputes);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  dataset = mba_dataset_load_bytes (bytes, "disputes.json", NULL, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE);
  g_assert_cmpuint (mba_problem_list_get_n_total (problems), ==, 1);
  g_assert_cmpstr (mba_problem_get_json_path (mba_problem_list_get_problem (problems, 0)), ==, "disputes[0].id");
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
  g_test_add_func ("/bad-files/long-string", test_long_string);
  g_test_add_func ("/bad-files/many-values", test_many_values);
  g_test_add_func ("/bad-files/too-many-tokens", test_too_many_tokens);
  g_test_add_func ("/bad-files/large-file-positions", test_large_file_positions);
  g_test_add_func ("/bad-files/withdrawal-many-states", test_withdrawal_many_states);
  g_test_add_func ("/bad-files/utf8-byte-order-mark", test_utf8_byte_order_mark);
  g_test_add_func ("/bad-files/nul-byte-position", test_nul_byte_position);
  g_test_add_func ("/bad-files/check-many-problems", test_check_many_problems);
  g_test_add_func ("/bad-files/verify-quotes-special-files", test_verify_quotes_special_files);
  g_test_add_func ("/bad-files/regular-file-read", test_regular_file_read);

  g_test_add_func ("/bad-files/refused-dispute-slot-reused", test_refused_dispute_slot_reused);

  return g_test_run ();
}
