/* mba-cli.c: the command-line tasks that need no display
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "mba-cli.h"
#include "mba-event-filter.h"
#include "mba-export.h"
#include "mba-map-widget.h"
#include "mba-resource-setup.h"
#include "mba-session.h"
#include "mba-slide-renderer.h"

/**
 * mba_cli_load_dataset:
 * @path_or_null: a dataset file, or %NULL for the bundled one
 */
MbaDataset *
mba_cli_load_dataset (const char  *path_or_null,
                      GError     **error)
{
  if (path_or_null != NULL)
    return mba_dataset_new_from_file (path_or_null, error);
  mba_resources_ensure_registered ();
  return mba_dataset_new_from_resource (MBA_BUNDLED_DATASET_RESOURCE, error);
}

/**
 * mba_cli_check:
 * @files: dataset files to validate
 *
 * Prints `FILE: OK (…)`, or the first %MBA_PROBLEM_LIST_MAX_KEPT problems one a line and then
 * a line counting the others by kind, on standard output.
 *
 * Returns: the exit status: 0 when every file is valid, 1 otherwise.
 */
int
mba_cli_check (const char * const *files)
{
  int status = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(MbaProblemList) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MbaDataset) dataset = mba_dataset_load_file (files[i], NULL, &problems, &error);

      if (dataset == NULL)
        {
          /* At most MBA_PROBLEM_LIST_MAX_KEPT lines, then how many more of which kinds. */
          g_autofree char *text = problems ? mba_problem_list_to_string (problems)
                                           : g_strdup (error->message);

          g_print ("%s\n", text);
          status = 1;
          continue;
        }
      /* Translators: the result of --check, e.g. "data.json: OK (12 events, 30 quotes, 5 sources)" */
      g_print (_("%s: OK (%u events, %u quotes, %u sources)\n"), mba_dataset_get_display_name (dataset),
               mba_dataset_get_n_events (dataset), mba_dataset_get_n_quotes (dataset),
               mba_dataset_get_n_sources (dataset));
    }
  return status;
}

/**
 * mba_cli_verify_quotes:
 * @documents_dir: the folder with the articles
 * @dataset_path: (nullable): a dataset file, %NULL for the bundled one
 *
 * Returns: the exit status: 0 when every quote is found verbatim, 1 otherwise.
 */
int
mba_cli_verify_quotes (const char *documents_dir,
                       const char *dataset_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  guint n_verified = 0;

  if (!g_file_test (documents_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("%s: not a folder of source documents\n"), documents_dir);
      return 2;
    }

  dataset = mba_cli_load_dataset (dataset_path, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!mba_dataset_verify_quotes (dataset, documents_dir, &n_verified, &failures))
    {
      for (guint i = 0; i < failures->len; i++)
        g_print ("%s: %s\n", mba_dataset_get_display_name (dataset), (const char *) failures->pdata[i]);
      g_print (ngettext ("FAILED: %u quote not found verbatim (%u verified)\n",
                         "FAILED: %u quotes not found verbatim (%u verified)\n", failures->len),
               failures->len, n_verified);
      return 1;
    }
  g_print (ngettext ("OK: %u quote verified\n", "OK: %u quotes verified\n", n_verified), n_verified);
  return 0;
}

/* --export runs in a worker thread while this one waits in a main loop for SIGINT and SIGTERM:
 * a signal cancels the export, whose file is then left as it was, with no temporary file. */
typedef struct
{
  const char             *output;
  const MbaExportOptions *options;
  GCancellable           *cancellable;
  GMainLoop              *loop;
  gboolean                written;
  GError                 *error;
  int                     signal;
} CliExport;

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CliExport *job = task_data;

  job->written = mba_export_write_full (job->output, job->options, cancellable, &job->error);
  g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CliExport *job = user_data;

  g_main_loop_quit (job->loop);
}

static gboolean
on_sigint (gpointer user_data)
{
  CliExport *job = user_data;

  job->signal = SIGINT;
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sigterm (gpointer user_data)
{
  CliExport *job = user_data;

  job->signal = SIGTERM;
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Returns the exit status: 0 when written, 128 + the signal when interrupted, else 1. */
static int
run_export (const char             *output,
            const MbaExportOptions *options)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GTask) task = NULL;
  CliExport job = { output, options, cancellable, loop, FALSE, NULL, 0 };
  guint sigint_id, sigterm_id;
  int status;

  sigint_id = g_unix_signal_add (SIGINT, on_sigint, &job);
  sigterm_id = g_unix_signal_add (SIGTERM, on_sigterm, &job);
  task = g_task_new (NULL, cancellable, on_export_done, &job);
  g_task_set_task_data (task, &job, NULL);
  g_task_run_in_thread (task, export_in_thread);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  if (job.written)
    status = 0;
  else
    {
      g_printerr ("%s\n", job.error->message);
      status = job.signal != 0 ? 128 + job.signal : 1;
    }
  g_clear_error (&job.error);
  return status;
}

/* A usage error, as GOption reports its own: the option and what it accepts; exit status 2.
 * Messages that end in a newline are printed as they are. */
static int
usage_error (const char *message)
{
  g_printerr (g_str_has_suffix (message, "\n") ? "%s" : "%s\n", message);
  return 2;
}

/* A date of the dataset format's day, month or year precision, without qualifiers or intervals. */
static gboolean
parse_period_date (const char *text,
                   MbaDate    *date)
{
  return mba_date_parse (text, date, NULL) && !date->is_interval &&
         date->start.qualifiers == 0 && strchr (text, '/') == NULL;
}

/**
 * mba_cli_export:
 *
 * `--export OUT --view … [--date] [--period story|all | --from DATE --to DATE] [--select]
 * [--size] [--scale] [--theme] [--transparent] [--no-caption] [--dataset]`, with no display. Every value is checked against its documented
 * range before the dataset is loaded (see README, "Limits").
 *
 * Returns: the exit status: 0 when the file was written, 2 for a value out of range, 128 + the
 *   signal when SIGINT or SIGTERM stopped it, 1 otherwise.
 */
int
mba_cli_export (const char *output,
                const char *view,
                const char *date,
                const char *period,
                const char *from,
                const char *to,
                const char *select,
                const char *size,
                const char *scale,
                const char *theme,
                gboolean    transparent,
                gboolean    caption,
                const char *dataset_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(MbaWorldMap) map = NULL;
  MbaExportOptions options;
  const char *format = mba_export_format_from_path (output);
  MbaDate from_date = { 0 }, to_date = { 0 };
  double all_start, all_end;

  mba_export_options_init (&options, NULL, NULL);
  if (format == NULL)
    {
      g_autofree char *name = g_filename_display_name (output);
      g_autofree char *message =
        g_strdup_printf (_("%s: unknown format; the file name must end in .png, .svg or .pdf"), name);
      return usage_error (message);
    }
  if (view != NULL && !mba_export_view_from_string (view, &options.view))
    {
      g_autofree char *message = g_strdup_printf (_("--view: “%s” is not timeline, map, poster or slides\n"), view);
      return usage_error (message);
    }
  if (date != NULL && !mba_day_parse_iso (date, &options.day))
    {
      g_autofree char *message = g_strdup_printf (_("--date: “%s” is not a date of the form YYYY-MM-DD\n"), date);
      return usage_error (message);
    }
  if (period != NULL && g_strcmp0 (period, "story") != 0 && g_strcmp0 (period, "all") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("--period: “%s” is not story or all\n"), period);
      return usage_error (message);
    }
  if (period != NULL && (from != NULL || to != NULL))
    return usage_error (_("--period: give either --period or --from and --to, not both\n"));
  if (from != NULL && !parse_period_date (from, &from_date))
    {
      g_autofree char *message = g_strdup_printf (_("--from: “%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n"), from);
      return usage_error (message);
    }
  if (to != NULL && !parse_period_date (to, &to_date))
    {
      g_autofree char *message = g_strdup_printf (_("--to: “%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n"), to);
      return usage_error (message);
    }
  if (from != NULL && to != NULL && mba_date_last_day (&to_date) < mba_date_first_day (&from_date))
    {
      g_autofree char *message = g_strdup_printf (_("--from: %s is after --to %s\n"), from, to);
      return usage_error (message);
    }
  if (size != NULL && !mba_export_parse_size (size, &options.width, &options.height))
    {
      g_autofree char *message =
        g_strdup_printf (_("--size: “%s” is not a size such as 1920x1080 (%d to %d a side), "
                           "a4, a4-landscape, letter or letter-landscape\n"),
                         size, MBA_EXPORT_MIN_SIDE, MBA_EXPORT_MAX_SIDE);
      return usage_error (message);
    }
  /* Read as text: GApplication drops an integer option equal to 0, so "--scale 0" would pass. */
  if (scale != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (scale, 10, 1, MBA_EXPORT_MAX_SCALE, &value, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--scale: “%s” is not 1, 2, 3 or 4\n"), scale);
          return usage_error (message);
        }
      options.scale = value;
    }
  if (theme != NULL && g_strcmp0 (theme, "light") != 0 && g_strcmp0 (theme, "dark") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("--theme: “%s” is not light or dark\n"), theme);
      return usage_error (message);
    }
  options.theme = g_strcmp0 (theme, "dark") == 0 ? MBA_THEME_DARK : MBA_THEME_LIGHT;
  options.transparent = transparent;
  options.caption = caption;

  dataset = mba_cli_load_dataset (dataset_path, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  map = mba_map_widget_load_world_map ();
  if (map != NULL)
    g_object_ref (map);
  options.dataset = dataset;
  options.map = map;
  if (select != NULL && mba_dataset_find_event (dataset, select) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("--select: no event has the id “%s”\n"), select);
      return usage_error (message);
    }
  options.selected_id = select;
  /* The period: the story unless told otherwise; one end alone runs to the other end of the data. */
  mba_session_range_for_dataset (dataset, MBA_SESSION_PERIOD_ALL, &all_start, &all_end);
  if (g_strcmp0 (period, "all") == 0)
    {
      options.start_day = all_start;
      options.end_day = all_end;
    }
  else if (from != NULL || to != NULL)
    {
      options.start_day = from != NULL ? mba_date_first_day (&from_date) : all_start;
      options.end_day = to != NULL ? mba_date_last_day (&to_date) + 1 : all_end;
      if (options.end_day <= options.start_day)
        {
          g_autofree char *message =
            g_strdup_printf (from != NULL ? _("--from: %s is after the last event of the dataset\n")
                                          : _("--to: %s is before the first event of the dataset\n"),
                             from != NULL ? from : to);
          return usage_error (message);
        }
    }
  /* A handout of too many pages is refused before a page is drawn. */
  if (options.view == MBA_EXPORT_VIEW_SLIDES)
    {
      g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
      g_autoptr(GPtrArray) steps = mba_event_filter_list_events (filter);

      if (!mba_slides_check_count (steps->len, &error))
        return usage_error (error->message);
    }
  /* The size, the scale and the pixel budget together, before anything is drawn. */
  if (!mba_export_check_options (&options, format, &error))
    return g_error_matches (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT) ||
           g_error_matches (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_TOO_LARGE)
           ? usage_error (error->message) : (g_printerr ("%s\n", error->message), 1);
  return run_export (output, &options);
}
