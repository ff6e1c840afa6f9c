/* mba-application.c: the application: command line, actions, windows
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mba-application.h"
#include "mba-cli.h"
#include "mba-window.h"

struct _MbaApplication
{
  AdwApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (MbaApplication, mba_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Validate a dataset file, print every problem, and exit"), N_("FILE") },
  { "verify-quotes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check that every quote is found verbatim in the articles in DIR, and exit"), N_("DIR") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a chart to OUT (.png, .svg or .pdf) and exit; needs no display"), N_("OUT") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: timeline, map or poster (default timeline)"), N_("VIEW") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the “as of” date, YYYY-MM-DD"), N_("DATE") },
  { "select", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the id of the event to select"), N_("EVENT_ID") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: width and height, e.g. 1920x1080"), N_("WxH") },
  { "scale", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --export: pixels per unit for PNG (1 or 2)"), N_("N") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: light or dark"), N_("THEME") },
  { "dataset", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The dataset to use instead of the bundled one"), N_("FILE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Command-line tasks run here, before GTK starts, so they need no display. */
static int
mba_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  g_autofree char *check = NULL;
  g_autofree char *verify_dir = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *export_path = NULL;
  g_autofree const char **remaining = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mine-ban-atlas %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "check", "^ay", &check);
  g_variant_dict_lookup (options, "verify-quotes", "^ay", &verify_dir);
  g_variant_dict_lookup (options, "dataset", "^ay", &dataset);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (check != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      g_ptr_array_add (files, check);
      for (guint i = 0; remaining && remaining[i]; i++)
        g_ptr_array_add (files, (gpointer) remaining[i]);
      g_ptr_array_add (files, NULL);
      return mba_cli_check ((const char * const *) files->pdata);
    }

  if (verify_dir != NULL)
    return mba_cli_verify_quotes (verify_dir, dataset);

  if (g_variant_dict_lookup (options, "export", "^ay", &export_path))
    {
      const char *view = NULL, *date = NULL, *select = NULL, *size = NULL, *theme = NULL;
      int scale = 0;

      g_variant_dict_lookup (options, "view", "&s", &view);
      g_variant_dict_lookup (options, "date", "&s", &date);
      g_variant_dict_lookup (options, "select", "&s", &select);
      g_variant_dict_lookup (options, "size", "&s", &size);
      g_variant_dict_lookup (options, "scale", "i", &scale);
      g_variant_dict_lookup (options, "theme", "&s", &theme);
      return mba_cli_export (export_path, view, date, select, size, scale, theme, dataset);
    }

  /* --dataset alone opens that file in the window. */
  return -1;
}

/* MBA_REPORT_FIRST_FRAME=1 (for the benchmark): print the time from process start to the
 * window's first drawn frame as "first-frame MS", then quit. The start comes from
 * /proc/self/stat (clock ticks since boot), so it includes everything before main(). */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  struct timespec now;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1)
    return -1;
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000;
}

static void
report_first_frame (GdkFrameClock *clock,
                    GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, report_first_frame, application);
  g_print ("first-frame %.0f\n", ms_since_process_start ());
  g_application_quit (application);
}

static void
report_first_frame_if_asked (GApplication *application,
                             GtkWidget    *window)
{
  GdkFrameClock *clock;

  if (g_strcmp0 (g_getenv ("MBA_REPORT_FIRST_FRAME"), "1") != 0)
    return;
  clock = gtk_widget_get_frame_clock (window);
  g_return_if_fail (clock != NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (report_first_frame), application, 0);
}

static MbaWindow *
mba_application_get_main_window (MbaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MBA_IS_WINDOW (window))
    return MBA_WINDOW (window);
  return mba_window_new (GTK_APPLICATION (self));
}

static void
mba_application_activate (GApplication *application)
{
  MbaApplication *self = MBA_APPLICATION (application);
  MbaWindow *window = mba_application_get_main_window (self);

  if (mba_window_get_dataset (window) == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MbaDataset) dataset = mba_cli_load_dataset (NULL, &error);

      if (dataset == NULL)
        g_critical ("The bundled dataset does not load: %s", error->message);
      mba_window_set_dataset (window, dataset);
    }
  gtk_window_present (GTK_WINDOW (window));
  report_first_frame_if_asked (application, GTK_WIDGET (window));
}

static void
mba_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  MbaApplication *self = MBA_APPLICATION (application);
  MbaWindow *window = mba_application_get_main_window (self);
  g_autoptr(GError) error = NULL;

  if (n_files > 0 && !mba_window_open_file (window, files[0], &error))
    g_printerr ("%s\n", error->message);
  mba_application_activate (application);
}

static void
mba_application_about (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MbaApplication *self = user_data;
  static const char *developers[] = { "The Mine Ban Atlas authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Mine Ban Atlas"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Explore the 2025 withdrawals from the Mine Ban Treaty, "
                                       "with the sources behind every fact"),
                         NULL);
}

static void
mba_application_quit (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", mba_application_about },
  { "quit", mba_application_quit },
};

static void
mba_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };

  G_APPLICATION_CLASS (mba_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
mba_application_class_init (MbaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = mba_application_handle_local_options;
  app_class->startup = mba_application_startup;
  app_class->activate = mba_application_activate;
  app_class->open = mba_application_open;
}

static void
mba_application_init (MbaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore the 2025 withdrawals from the Mine Ban Treaty."));
}

MbaApplication *
mba_application_new (void)
{
  mba_cli_ensure_resources ();
  return g_object_new (MBA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
