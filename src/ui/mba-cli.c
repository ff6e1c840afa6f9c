/* mba-cli.c: the command-line tasks that need no display
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mba-cli.h"
#include "mba-export.h"
#include "mba-map-widget.h"
#include "mba-resources.h"

/* Resources are registered by hand: the linker would drop a constructor in a static library. */
void
mba_cli_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      mba_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

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
  mba_cli_ensure_resources ();
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

/**
 * mba_cli_export:
 *
 * `--export OUT --view … [--date] [--select] [--size] [--scale] [--theme] [--transparent]
 * [--no-caption] [--dataset]`, with no display.
 *
 * Returns: the exit status: 0 when the file was written, 1 otherwise.
 */
int
mba_cli_export (const char *output,
                const char *view,
                const char *date,
                const char *select,
                const char *size,
                int         scale,
                const char *theme,
                gboolean    transparent,
                gboolean    caption,
                const char *dataset_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  MbaExportOptions options;

  dataset = mba_cli_load_dataset (dataset_path, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  mba_export_options_init (&options, dataset, mba_map_widget_load_world_map ());

  if (view != NULL && !mba_export_view_from_string (view, &options.view))
    {
      g_printerr (_("--view: “%s” is not timeline, map, poster or slides\n"), view);
      return 1;
    }
  if (date != NULL && !mba_day_parse_iso (date, &options.day))
    {
      g_printerr (_("--date: “%s” is not a date of the form YYYY-MM-DD\n"), date);
      return 1;
    }
  if (size != NULL && !mba_export_parse_size (size, &options.width, &options.height))
    {
      g_printerr (_("--size: “%s” is not a size such as 1920x1080 (16 to 16384 pixels a side), "
                    "a4, a4-landscape, letter or letter-landscape\n"), size);
      return 1;
    }
  if (scale != 0)
    options.scale = scale;
  if (theme != NULL && g_strcmp0 (theme, "light") != 0 && g_strcmp0 (theme, "dark") != 0)
    {
      g_printerr (_("--theme: “%s” is not light or dark\n"), theme);
      return 1;
    }
  options.theme = g_strcmp0 (theme, "dark") == 0 ? MBA_THEME_DARK : MBA_THEME_LIGHT;
  options.selected_id = select;
  options.transparent = transparent;
  options.caption = caption;

  if (!mba_export_write (output, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
