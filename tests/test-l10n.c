/* test-l10n.c: the Ukrainian translation, as the command line and the model show it
 *
 * The catalogue comes from this build tree ($MBA_LOCALEDIR, i.e. build/po). Messages need no
 * Ukrainian locale: glibc honours LANGUAGE=uk under C.UTF-8. Dates do need one (month names
 * come from LC_TIME): when uk_UA.UTF-8 is not installed, the test compiles it with localedef
 * into a temporary folder (the `locales` package's sources, no root needed) and points LOCPATH
 * there (build-aux/dev test compiles it for the system; under Valgrind localedef is not traced).
 * When neither works the date cases are skipped, saying which step failed.
 */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-date.h"
#include "mba-map-summary.h"
#include "mba-test-util.h"

static char *ukrainian_locale_dir;   /* the LOCPATH we made, or NULL */
static gboolean have_ukrainian_locale;
static char *no_ukrainian_locale_reason;   /* why not, when not */


/* Runs the app in Ukrainian, with no display. */
static void
run_app_in_ukrainian (MbaTestRun *run,
                      const char *first_arg,
                      ...)
{
  static const char * const ukrainian[] = { "LANGUAGE", "uk", NULL };
  va_list args;

  g_assert_nonnull (g_getenv ("MBA_LOCALEDIR"));
  va_start (args, first_arg);
  mba_test_run_app_valist (run, ukrainian, FALSE, first_arg, args);
  va_end (args);
}

static void
test_help (void)
{
  g_auto(MbaTestRun) run = { 0 };

  run_app_in_ukrainian (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Дослідіть, як держави виходили з Договору про заборону мін у 2025 році."));
  g_assert_nonnull (strstr (run.out, "--check=ФАЙЛ"));
  g_assert_nonnull (strstr (run.out, "Перевірити файл набору даних, вивести всі проблеми і вийти"));
  g_assert_null (strstr (run.out, "Validate a dataset file"));
}

static void
test_check_problems (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-problems.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *ok_line = g_strdup_printf ("%s: гаразд (подій: 6, цитат: 3, джерел: 2)", good);
  g_auto(GStrv) lines = NULL;
  g_auto(MbaTestRun) run = { 0 };

  /* The messages are Ukrainian; file names, JSON paths and the dataset's values are not. */
  run_app_in_ukrainian (&run, "--check", bad, good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], bad));
  g_assert_nonnull (strstr (lines[0], ": states[1]: бракує обов’язкового елемента «name»"));
  g_assert_nonnull (strstr (lines[1], ": events[0].date: у 2025-02 немає дня 30"));
  g_assert_nonnull (strstr (lines[2], ": events[1].kind: «rumour» — не вид події"));
  g_assert_cmpstr (lines[3], ==, ok_line);
}

static void
test_bad_option (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mba-l10n-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_auto(MbaTestRun) run = { 0 };

  run_app_in_ukrainian (&run, "--export", out, "--view", "globe", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.err, ==, "--view: «globe» — не timeline, map, poster і не slides\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* The catalogue's Plural-Forms: Ukrainian has three forms, chosen by the last one or two digits. */
static void
test_plural_forms (void)
{
  static const struct { gulong n; const char *expected; } cases[] = {
    { 1, "1 подія" }, { 2, "2 події" }, { 4, "4 події" }, { 5, "5 подій" }, { 11, "11 подій" },
    { 12, "12 подій" }, { 14, "14 подій" }, { 21, "21 подія" }, { 22, "22 події" },
    { 25, "25 подій" }, { 101, "101 подія" }, { 111, "111 подій" }, { 178, "178 подій" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u event", "%u events", cases[i].n),
                                               (guint) cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static MbaDate
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  MbaDate date;

  g_assert_true (mba_date_parse (text, &date, &error));
  g_assert_no_error (error);
  return date;
}

static void
test_dates (void)
{
  static const struct { const char *edtf; const char *expected; } cases[] = {
    { "2025-06-29", "29 червня 2025 р." },
    { "2025-06", "червень 2025 р." },
    { "2025~", "бл. 2025" },
    { "2025-03/2025-06-29", "березень 2025 р. – 29 червня 2025 р." },
    { "/2025-12-27", "до 27 грудня 2025 р." },
  };

  if (!have_ukrainian_locale)
    {
      g_test_skip (no_ukrainian_locale_reason);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MbaDate date = parse_date (cases[i].edtf);
      g_autofree char *text = mba_date_format (&date);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Country names come from iso-codes' own catalogue, the sentence around them from ours. */
static void
test_map_summary (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);
  MbaDate day;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  if (!have_ukrainian_locale)
    {
      g_test_skip (no_ukrainian_locale_reason);
      return;
    }
  if (!g_file_test ("/usr/share/locale/uk/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no Ukrainian catalogue here");
      return;
    }
  day = parse_date ("2025-08-01");
  summary = mba_map_summary (dataset, mba_date_first_day (&day));
  g_assert_cmpstr (summary, ==,
                   "Станом на 1 серпня 2025 р.: Естонія та Україна перебувають у процесі виходу "
                   "з договору; Фінляндія є учасником договору; Російська Федерація не є "
                   "учасником договору.");
}

static gboolean
use_ukrainian_locale (void)
{
  g_autofree char *target = NULL;
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (setlocale (LC_ALL, "uk_UA.UTF-8") != NULL)
    return TRUE;
  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/uk_UA", G_FILE_TEST_EXISTS))
    {
      no_ukrainian_locale_reason = g_strdup ("no uk_UA.UTF-8 locale, and no localedef or uk_UA "
                                             "source (package locales) to make one");
      return FALSE;
    }

  ukrainian_locale_dir = g_dir_make_tmp ("mba-locale-XXXXXX", NULL);
  target = g_build_filename (ukrainian_locale_dir, "uk_UA.UTF-8", NULL);
  {
    const char *argv[] = { localedef, "-i", "uk_UA", "-f", "UTF-8", target, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                       &err, &wait_status, &error) ||
        !g_spawn_check_wait_status (wait_status, &error))
      {
        no_ukrainian_locale_reason = g_strdup_printf ("no uk_UA.UTF-8 locale, and localedef failed "
                                                      "to make one: %s %s", error->message,
                                                      err != NULL ? g_strstrip (err) : "");
        return FALSE;
      }
  }
  g_setenv ("LOCPATH", ukrainian_locale_dir, TRUE);
  if (setlocale (LC_ALL, "uk_UA.UTF-8") == NULL)
    {
      no_ukrainian_locale_reason = g_strdup_printf ("localedef made %s, but setlocale refuses it", target);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_setenv ("LANGUAGE", "uk", TRUE);
  have_ukrainian_locale = use_ukrainian_locale ();
  if (!have_ukrainian_locale)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/l10n/cli/help", test_help);
  g_test_add_func ("/l10n/cli/check-problems", test_check_problems);
  g_test_add_func ("/l10n/cli/bad-option", test_bad_option);
  g_test_add_func ("/l10n/catalogue/plural-forms", test_plural_forms);
  g_test_add_func ("/l10n/model/dates", test_dates);
  g_test_add_func ("/l10n/model/map-summary", test_map_summary);

  status = g_test_run ();
  if (ukrainian_locale_dir != NULL)
    mba_test_remove_tree (ukrainian_locale_dir);
  g_free (no_ukrainian_locale_reason);
  return status;
}
