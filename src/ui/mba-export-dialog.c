/* mba-export-dialog.c: choose a view, format, size and options, and export to a file
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog draws a preview with mba_export_draw(), asks for a file with a
 * GtkFileChooserNative (GtkFileDialog is GTK 4.10) and writes it with mba_export_write() in a
 * thread. On success it emits "exported" and closes; on failure it shows the error and stays.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mba-export-dialog.h"
#include "mba-session.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static const char * const format_extensions[] = { "png", "svg", "pdf" };

/* The last choices are kept in GSettings (EXPORT_SCHEMA), so the next dialog, in this run or
 * the next, starts from them. */
#define EXPORT_SCHEMA APP_ID ".Export"

static const char * const view_ids[] = { "timeline", "map", "poster" };

struct _MbaExportDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkDrawingArea       *preview;
  GtkButton            *export_button;
  GtkSpinner           *spinner;
  AdwComboRow          *view_row;
  AdwComboRow          *period_row;
  AdwComboRow          *format_row;
  AdwComboRow          *theme_row;
  AdwActionRow         *world_row;
  GtkSwitch            *world_switch;
  AdwComboRow          *size_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwActionRow         *scale_row;
  GtkSpinButton        *scale_spin;
  AdwActionRow         *transparent_row;
  GtkSwitch            *transparent_switch;
  GtkSwitch            *caption_switch;

  MbaDataset           *dataset;
  MbaWorldMap          *map;
  gint32                day;
  char                 *selected_id;
  double                screen_start;  /* the window's timeline; both 0: the story */
  double                screen_end;

  GSettings            *settings;
  gboolean              busy;
  char                 *error_message;
  gboolean              applying_preset;
  GtkFileChooserNative *chooser;

  cairo_surface_t      *preview_surface;
  int                   preview_for_width;
  int                   preview_for_height;
  guint                 preview_source;
};

G_DEFINE_FINAL_TYPE (MbaExportDialog, mba_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_size_presets (void)
{
  guint n;

  mba_export_get_size_presets (&n);
  return n;
}

/* Options ----------------------------------------------------------------------------------- */

/* The rows of the period choice. */
enum {
  PERIOD_SCREEN,
  PERIOD_STORY,
  PERIOD_ALL,
};

static Format
selected_format (MbaExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), FORMAT_PDF);
}

/**
 * mba_export_dialog_get_options:
 *
 * Fills @options from the dialog's rows; the strings and objects belong to the dialog.
 */
void
mba_export_dialog_get_options (MbaExportDialog  *self,
                               MbaExportOptions *options)
{
  Format format;

  g_return_if_fail (MBA_IS_EXPORT_DIALOG (self));

  format = selected_format (self);
  mba_export_options_init (options, self->dataset, self->map);
  options->view = MIN (adw_combo_row_get_selected (self->view_row), MBA_EXPORT_VIEW_POSTER);
  options->theme = adw_combo_row_get_selected (self->theme_row) == 1 ? MBA_THEME_DARK : MBA_THEME_LIGHT;
  options->world_view = gtk_switch_get_active (self->world_switch);
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->scale = format == FORMAT_PNG ? gtk_spin_button_get_value_as_int (self->scale_spin) : 1;
  options->caption = gtk_switch_get_active (self->caption_switch);
  options->transparent = format == FORMAT_PNG && gtk_switch_get_active (self->transparent_switch);
  options->day = self->day;
  options->selected_id = self->selected_id;
  switch (adw_combo_row_get_selected (self->period_row))
    {
    case PERIOD_SCREEN:
      options->start_day = self->screen_start;
      options->end_day = self->screen_end;
      break;
    case PERIOD_STORY:
      mba_session_range_for_dataset (self->dataset, MBA_SESSION_PERIOD_STORY, &options->start_day, &options->end_day);
      break;
    default:
      mba_session_range_for_dataset (self->dataset, MBA_SESSION_PERIOD_ALL, &options->start_day, &options->end_day);
      break;
    }
}

const char *
mba_export_dialog_get_format (MbaExportDialog *self)
{
  g_return_val_if_fail (MBA_IS_EXPORT_DIALOG (self), NULL);
  return format_extensions[selected_format (self)];
}

/**
 * mba_export_dialog_suggest_name:
 *
 * Returns: a file name such as "mine-ban-atlas-map-2026-02-20.png"
 */
char *
mba_export_dialog_suggest_name (MbaExportDialog *self)
{
  static const char * const views[] = { "timeline", "map", "poster" };
  MbaExportOptions options;
  gint32 day;
  int y, m, d;

  g_return_val_if_fail (MBA_IS_EXPORT_DIALOG (self), NULL);

  mba_export_dialog_get_options (self, &options);
  day = self->day > 0 ? self->day : mba_date_last_day (mba_dataset_get_updated (self->dataset));
  mba_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("mine-ban-atlas-%s-%04d-%02d-%02d.%s", views[options.view], y, m, d,
                          mba_export_dialog_get_format (self));
}

/* Preview ----------------------------------------------------------------------------------- */

static void
paint_checkerboard (cairo_t *cr,
                    double   width,
                    double   height)
{
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.64, 0.64, 0.64);
  for (int y = 0; y * 8 < height; y++)
    for (int x = y % 2; x * 8 < width; x += 2)
      cairo_rectangle (cr, x * 8, y * 8, 8, 8);
  cairo_fill (cr);
}

static gboolean
render_preview (gpointer user_data)
{
  MbaExportDialog *self = user_data;
  int area_w = gtk_widget_get_width (GTK_WIDGET (self->preview));
  int area_h = gtk_widget_get_height (GTK_WIDGET (self->preview));
  int device = gtk_widget_get_scale_factor (GTK_WIDGET (self->preview));
  MbaExportOptions options;
  double fit, w, h;
  cairo_t *cr;

  self->preview_source = 0;
  if (area_w < 32 || area_h < 32 || self->dataset == NULL)
    return G_SOURCE_REMOVE;

  mba_export_dialog_get_options (self, &options);
  fit = MIN ((area_w - 16.0) / options.width, (area_h - 16.0) / options.height);
  w = MAX (floor (options.width * fit), 1);
  h = MAX (floor (options.height * fit), 1);

  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  self->preview_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * device, h * device);
  cairo_surface_set_device_scale (self->preview_surface, device, device);
  cr = cairo_create (self->preview_surface);
  if (options.transparent)
    paint_checkerboard (cr, w, h);
  cairo_scale (cr, fit, fit);
  mba_export_draw (cr, &options);
  cairo_destroy (cr);
  self->preview_for_width = area_w;
  self->preview_for_height = area_h;
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  return G_SOURCE_REMOVE;
}

/* Drawing a poster takes a moment: changes in a row (a spin button held down) draw once. */
static void
schedule_preview (MbaExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (120, render_preview, self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  MbaExportDialog *self = user_data;
  double w, h, x, y;

  if (self->preview_surface == NULL)
    {
      if (self->preview_source == 0)
        schedule_preview (self);
      return;
    }
  if ((self->preview_for_width != width || self->preview_for_height != height) && self->preview_source == 0)
    schedule_preview (self);

  w = cairo_image_surface_get_width (self->preview_surface) / (double) gtk_widget_get_scale_factor (GTK_WIDGET (area));
  h = cairo_image_surface_get_height (self->preview_surface) / (double) gtk_widget_get_scale_factor (GTK_WIDGET (area));
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  /* A soft edge so that a light picture stands out from a light dialog. */
  cairo_rectangle (cr, x - 1, y - 1, w + 2, h + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_set_source_surface (cr, self->preview_surface, x, y);
  cairo_paint (cr);
}

/* Rows -------------------------------------------------------------------------------------- */

static void
update_sensitivity (MbaExportDialog *self)
{
  gboolean png = selected_format (self) == FORMAT_PNG;
  gboolean custom = adw_combo_row_get_selected (self->size_row) >= n_size_presets ();
  gboolean map = adw_combo_row_get_selected (self->view_row) != MBA_EXPORT_VIEW_TIMELINE;
  const char *unit = selected_format (self) == FORMAT_PDF ? _("Points (1/72 inch)") : _("Pixels");

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), png);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->world_row), map);
  /* Only the timeline has a period (the poster's too). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row),
                            adw_combo_row_get_selected (self->view_row) != MBA_EXPORT_VIEW_MAP);
  {
    MbaExportOptions options;
    double start, end;
    g_autofree char *first = NULL;
    g_autofree char *last = NULL;
    g_autofree char *subtitle = NULL;

    mba_export_dialog_get_options (self, &options);
    mba_export_resolve_range (&options, &start, &end);
    first = mba_day_format ((gint32) floor (start));
    last = mba_day_format ((gint32) ceil (end) - 1);
    /* Translators: the export dialog's period, e.g. "4 March 2025 to 6 March 2026" */
    subtitle = g_strdup_printf (_("%s to %s"), first, last);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), subtitle);
  }
  adw_action_row_set_subtitle (self->width_row, unit);
  adw_action_row_set_subtitle (self->height_row, unit);
  adw_action_row_set_subtitle (self->transparent_row,
                               png ? _("No page colour and no sea, to place the picture on another background")
                                   : _("Only for PNG images"));
}

static void
on_options_changed (MbaExportDialog *self)
{
  update_sensitivity (self);
  schedule_preview (self);
}

static void
on_size_selected (MbaExportDialog *self)
{
  guint index = adw_combo_row_get_selected (self->size_row), n;
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n);

  if (index < n)
    {
      self->applying_preset = TRUE;
      gtk_spin_button_set_value (self->width_spin, presets[index].width);
      gtk_spin_button_set_value (self->height_spin, presets[index].height);
      self->applying_preset = FALSE;
    }
  on_options_changed (self);
}

/* The size row follows the numbers: a preset's when they match one, else Custom. */
static void
on_dimension_changed (MbaExportDialog *self)
{
  int width = gtk_spin_button_get_value_as_int (self->width_spin);
  int height = gtk_spin_button_get_value_as_int (self->height_spin);
  guint n, index;
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n);

  if (self->applying_preset)
    return;
  for (index = 0; index < n; index++)
    if (presets[index].width == width && presets[index].height == height)
      break;
  if (adw_combo_row_get_selected (self->size_row) != index)
    {
      g_signal_handlers_block_by_func (self->size_row, on_size_selected, self);
      adw_combo_row_set_selected (self->size_row, index);
      g_signal_handlers_unblock_by_func (self->size_row, on_size_selected, self);
    }
  on_options_changed (self);
}

/* Export ------------------------------------------------------------------------------------ */

typedef struct
{
  MbaExportOptions  options;
  MbaDataset       *dataset;
  MbaWorldMap      *map;
  char             *selected_id;
  char             *path;
  GFile            *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->dataset);
  g_clear_object (&job->map);
  g_free (job->selected_id);
  g_free (job->path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
set_busy (MbaExportDialog *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (MbaExportDialog *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  /* An error stays until read and dismissed. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
remember_choices (MbaExportDialog *self,
                  GFile           *file)
{
  guint n, size = adw_combo_row_get_selected (self->size_row);
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = folder ? g_file_get_uri (folder) : g_strdup ("");
  GSettings *settings = self->settings;

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "remembered", TRUE);
  g_settings_set_string (settings, "view", view_ids[MIN (adw_combo_row_get_selected (self->view_row), 2)]);
  g_settings_set_string (settings, "format", format_extensions[selected_format (self)]);
  g_settings_set_string (settings, "theme", adw_combo_row_get_selected (self->theme_row) == 1 ? "dark" : "light");
  g_settings_set_boolean (settings, "world-view", gtk_switch_get_active (self->world_switch));
  g_settings_set_string (settings, "size", size < n ? presets[size].id : "custom");
  g_settings_set_int (settings, "width", gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (settings, "height", gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_int (settings, "scale", gtk_spin_button_get_value_as_int (self->scale_spin));
  g_settings_set_boolean (settings, "caption", gtk_switch_get_active (self->caption_switch));
  g_settings_set_boolean (settings, "transparent", gtk_switch_get_active (self->transparent_switch));
  g_settings_set_string (settings, "folder", folder_uri);
  g_settings_apply (settings);
}

static guint
index_of (const char * const *ids,
          guint               n_ids,
          const char         *id)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

/* The choices of the last export, when there was one; @view, @theme and @world_view are the
 * window's until then. */
static void
restore_choices (MbaExportDialog *self,
                 MbaExportView   *view,
                 MbaTheme        *theme,
                 gboolean        *world_view)
{
  GSettings *settings = self->settings;
  g_autofree char *view_id = NULL, *format = NULL, *theme_id = NULL, *size = NULL;
  guint n, size_index;
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n);

  if (!g_settings_get_boolean (settings, "remembered"))
    return;
  view_id = g_settings_get_string (settings, "view");
  format = g_settings_get_string (settings, "format");
  theme_id = g_settings_get_string (settings, "theme");
  size = g_settings_get_string (settings, "size");
  *view = index_of (view_ids, G_N_ELEMENTS (view_ids), view_id);
  *theme = g_str_equal (theme_id, "dark") ? MBA_THEME_DARK : MBA_THEME_LIGHT;
  *world_view = g_settings_get_boolean (settings, "world-view");
  adw_combo_row_set_selected (self->format_row, index_of (format_extensions, G_N_ELEMENTS (format_extensions),
                                                          format));
  for (size_index = 0; size_index < n; size_index++)
    if (g_str_equal (presets[size_index].id, size))
      break;
  adw_combo_row_set_selected (self->size_row, size_index);
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (settings, "width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (settings, "height"));
  gtk_spin_button_set_value (self->scale_spin, g_settings_get_int (settings, "scale"));
  gtk_switch_set_active (self->caption_switch, g_settings_get_boolean (settings, "caption"));
  gtk_switch_set_active (self->transparent_switch, g_settings_get_boolean (settings, "transparent"));
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (mba_export_write (job->path, &job->options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MbaExportDialog *self = MBA_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Export failed: %s", error->message);
      show_error (self, error->message);
      return;
    }
  remember_choices (self, job->file);
  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * mba_export_dialog_export_to_file:
 * @file: a local file; its extension (.png, .svg, .pdf) picks the format, and one is added when
 *   it has none
 *
 * Writes the export in a thread, as the Export button does once a file is chosen; the tests call
 * it directly. Watch #MbaExportDialog:busy for the end, then "exported" or
 * #MbaExportDialog:error-message.
 */
void
mba_export_dialog_export_to_file (MbaExportDialog *self,
                                  GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  const char *format;
  ExportJob *job;

  g_return_if_fail (MBA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local files can be written"), uri);

      show_error (self, message);
      return;
    }

  /* The name decides the format, as on the command line; the row follows it. */
  format = mba_export_format_from_path (path);
  if (format == NULL)
    {
      g_autofree char *with_extension = g_strconcat (path, ".", mba_export_dialog_get_format (self), NULL);

      g_free (path);
      path = g_steal_pointer (&with_extension);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (format_extensions); i++)
      if (g_str_equal (format, format_extensions[i]))
        adw_combo_row_set_selected (self->format_row, i);

  job = g_new0 (ExportJob, 1);
  mba_export_dialog_get_options (self, &job->options);
  /* Too large a picture is refused here, before the thread allocates it. */
  {
    g_autoptr(GError) error = NULL;

    if (!mba_export_check_options (&job->options, mba_export_format_from_path (path), &error))
      {
        show_error (self, error->message);
        export_job_free (job);
        return;
      }
  }
  job->dataset = g_object_ref (self->dataset);
  job->map = self->map ? g_object_ref (self->map) : NULL;
  job->selected_id = g_strdup (self->selected_id);
  job->options.dataset = job->dataset;
  job->options.map = job->map;
  job->options.selected_id = job->selected_id;
  job->file = g_file_new_for_path (path);
  job->path = g_steal_pointer (&path);

  g_clear_pointer (&self->error_message, g_free);
  set_busy (self, TRUE);
  task = g_task_new (self, NULL, export_finished, NULL);
  g_task_set_source_tag (task, mba_export_dialog_export_to_file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, export_in_thread);
}

static void
on_chooser_response (MbaExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    mba_export_dialog_export_to_file (self, file);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern,
            gboolean        current)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  if (current)
    gtk_file_chooser_set_filter (chooser, filter);
}

static void
on_export_clicked (MbaExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder_uri = NULL;
  GtkFileChooser *chooser;
  Format format = selected_format (self);

  if (self->busy || self->chooser != NULL)
    return;
  /* The size and scale are checked before a file is asked for. */
  {
    g_autoptr(GError) error = NULL;
    MbaExportOptions options;

    mba_export_dialog_get_options (self, &options);
    if (!mba_export_check_options (&options, mba_export_dialog_get_format (self), &error))
      {
        show_error (self, error->message);
        return;
      }
  }
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = mba_export_dialog_suggest_name (self);
  gtk_file_chooser_set_current_name (chooser, name);
  folder_uri = g_settings_get_string (self->settings, "folder");
  if (*folder_uri != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folder_uri);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  add_filter (chooser, _("PNG images"), "image/png", "*.png", format == FORMAT_PNG);
  add_filter (chooser, _("SVG drawings"), "image/svg+xml", "*.svg", format == FORMAT_SVG);
  add_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf", format == FORMAT_PDF);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
mba_export_dialog_get_busy (MbaExportDialog *self)
{
  g_return_val_if_fail (MBA_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

/* The last export's error, or %NULL. */
const char *
mba_export_dialog_get_error_message (MbaExportDialog *self)
{
  g_return_val_if_fail (MBA_IS_EXPORT_DIALOG (self), NULL);
  return self->error_message;
}

/* After an export: the toast and "Open Folder" ------------------------------------------------- */

static void
on_launch_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Cannot open the folder: %s", error->message);
}

static void
on_show_items_finished (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager on the bus: open the folder itself. */
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("FileManager1.ShowItems failed (%s); opening %s", error->message, uri);
      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_launch_finished, NULL);
    }
}

/**
 * mba_export_show_in_folder:
 *
 * Opens the file manager with @file selected (org.freedesktop.FileManager1), or else its folder.
 */
void
mba_export_show_in_folder (GtkWindow *parent,
                           GFile     *file)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  g_return_if_fail (G_IS_FILE (file));

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, on_launch_finished, NULL);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, on_show_items_finished,
                          g_object_ref (file));
}

static void
on_toast_button_clicked (AdwToast *toast,
                         GFile    *file)
{
  mba_export_show_in_folder (NULL, file);
}

/**
 * mba_export_toast_new:
 *
 * Returns: (transfer full): "Exported NAME" with an "Open Folder" button
 */
AdwToast *
mba_export_toast_new (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  /* Any bytes a file name may hold shown as text, and as text, not markup (a toast's title is
   * markup): "a&b.png" or a name that is not UTF-8 must neither break nor vanish. */
  g_autofree char *name = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  AdwToast *toast;

  /* Translators: after an export; %s is the file's name */
  toast = adw_toast_new_format (_("Exported “%s”"), escaped);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return toast;
}

/* GObject ----------------------------------------------------------------------------------- */

static void
mba_export_dialog_dispose (GObject *object)
{
  MbaExportDialog *self = MBA_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  g_clear_object (&self->dataset);
  g_clear_object (&self->map);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBA_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mba_export_dialog_parent_class)->dispose (object);
}

static void
mba_export_dialog_finalize (GObject *object)
{
  MbaExportDialog *self = MBA_EXPORT_DIALOG (object);

  g_free (self->selected_id);
  g_free (self->error_message);

  G_OBJECT_CLASS (mba_export_dialog_parent_class)->finalize (object);
}

static void
mba_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MbaExportDialog *self = MBA_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_export_dialog_class_init (MbaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_export_dialog_dispose;
  object_class->finalize = mba_export_dialog_finalize;
  object_class->get_property = mba_export_dialog_get_property;

  /* Whether a file is being written. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last export failed; %NULL after a success. */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbaExportDialog::exported:
   * @file: the file written
   *
   * The file was written whole; the dialog closes next.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, world_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, world_switch);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, MbaExportDialog, caption_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mba_export_dialog_init (MbaExportDialog *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  guint n;
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (EXPORT_SCHEMA);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (sizes, _(presets[i].label));
  gtk_string_list_append (sizes, _("Custom…"));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_selected (self->size_row, 0);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  g_signal_connect_object (self->view_row, "notify::selected", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_row, "notify::selected", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_row, "notify::selected", G_CALLBACK (on_size_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed", G_CALLBACK (on_dimension_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed", G_CALLBACK (on_dimension_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_spin, "value-changed", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->world_switch, "notify::active", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caption_switch, "notify::active", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transparent_switch, "notify::active", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
}

/**
 * mba_export_dialog_set_screen_period:
 * @start_day: the first day the window's timeline shows
 * @end_day: the day after its last
 *
 * What "What Is on Screen", the period's first choice, exports; until set, the story.
 */
void
mba_export_dialog_set_screen_period (MbaExportDialog *self,
                                     double           start_day,
                                     double           end_day)
{
  g_return_if_fail (MBA_IS_EXPORT_DIALOG (self));

  self->screen_start = start_day;
  self->screen_end = end_day;
  update_sensitivity (self);
  schedule_preview (self);
}

/**
 * mba_export_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @map: (nullable): the outlines; without them only the timeline can be exported
 * @day: the "as of" date, as the window shows it
 * @selected_id: (nullable): the selected event
 * @theme: the first choice of colours, e.g. dark when the app is
 * @view: the first choice of view
 * @world_view: the first choice of map framing
 *
 * The first dialog starts from the window's view and theme; later ones start from the choices
 * of the last export, kept in GSettings.
 */
MbaExportDialog *
mba_export_dialog_new (GtkWindow     *parent,
                       MbaDataset    *dataset,
                       MbaWorldMap   *map,
                       gint32         day,
                       const char    *selected_id,
                       MbaTheme       theme,
                       MbaExportView  view,
                       gboolean       world_view)
{
  MbaExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);

  self = g_object_new (MBA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  self->map = map ? g_object_ref (map) : NULL;
  self->day = day;
  self->selected_id = g_strdup (selected_id);
  if (mba_dataset_find_event (dataset, selected_id) == NULL)
    g_clear_pointer (&self->selected_id, g_free);

  restore_choices (self, &view, &theme, &world_view);
  if (map == NULL)
    view = MBA_EXPORT_VIEW_TIMELINE;
  adw_combo_row_set_selected (self->view_row, view);
  adw_combo_row_set_selected (self->theme_row, theme == MBA_THEME_DARK ? 1 : 0);
  gtk_switch_set_active (self->world_switch, world_view);
  update_sensitivity (self);
  schedule_preview (self);
  return self;
}
