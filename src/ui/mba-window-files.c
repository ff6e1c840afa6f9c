/* mba-window-files.c: the main window's files: opening, reloading, watching, and the report of
 * a file that does not load
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-window.h"
#include "mba-window-private.h"

/* Editors save in several writes: wait for the file to settle before offering to reload. */
#define RELOAD_SETTLE_MS 300

/* The report is a concealed GtkRevealer until a file fails: its child is shown only while it
 * is revealed or sliding, so that its labels are not laid out for nothing (at start-up too). */
static void
reveal_report (MbaWindow *self,
               gboolean   revealed)
{
  if (revealed)
    gtk_widget_set_visible (gtk_revealer_get_child (self->report_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->report_revealer, revealed);
}

static void
on_report_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

/* Reload is offered for the file shown and for the file that failed. */
void
_mba_window_files_update_actions (MbaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 self->file != NULL || self->failed_file != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Error report                                                                               */
/* ------------------------------------------------------------------------------------------ */

static void
hide_report (MbaWindow *self)
{
  reveal_report (self, FALSE);
  g_clear_object (&self->failed_file);
  _mba_window_files_update_actions (self);
}

/* Lists every problem, as `--check` prints them, and says the dataset shown is unchanged. */
static void
show_report (MbaWindow    *self,
             GFile        *file,
             const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint n_problems = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      n_problems++;

  /* Translators: the heading of the error report, with a file name */
  title = g_strdup_printf (_("Could not open “%s”"), name);
  if (self->dataset != NULL)
    /* Translators: under "Could not open …" while another dataset stays on screen */
    subtitle = g_strdup_printf (ngettext ("%u problem. The dataset shown is unchanged.",
                                          "%u problems. The dataset shown is unchanged.",
                                          n_problems), n_problems);
  else
    subtitle = g_strdup_printf (ngettext ("%u problem.", "%u problems.", n_problems), n_problems);

  gtk_label_set_text (self->report_title, title);
  gtk_label_set_text (self->report_subtitle, subtitle);
  gtk_label_set_text (self->report_label, error->message);
  reveal_report (self, TRUE);
  g_set_object (&self->failed_file, file);
  _mba_window_files_update_actions (self);
}

/**
 * mba_window_get_report:
 *
 * Returns: (nullable): the problems listed in the error report, or %NULL when none is shown
 */
const char *
mba_window_get_report (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->report_revealer))
    return NULL;
  return gtk_label_get_text (self->report_label);
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
dismiss_reload_toast (MbaWindow *self)
{
  if (self->reload_toast != NULL)
    adw_toast_dismiss (self->reload_toast);
  g_clear_object (&self->reload_toast);
}

static gboolean
offer_reload (gpointer user_data)
{
  MbaWindow *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  self->reload_timeout_id = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;

  dismiss_reload_toast (self);
  name = g_file_get_basename (self->file);
  /* Translators: a notification when the open file was changed by another program */
  title = g_strdup_printf (_("“%s” changed on disk"), name);
  self->reload_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->reload_toast, _("_Reload"));
  adw_toast_set_action_name (self->reload_toast, "win.reload");
  adw_toast_set_timeout (self->reload_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->reload_toast));
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (MbaWindow         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
      self->reload_timeout_id = g_timeout_add (RELOAD_SETTLE_MS, offer_reload, self);
      break;
    default:
      break;
    }
}

static void
watch_file (MbaWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self,
                             G_CONNECT_SWAPPED);
}

/* A dataset that loaded: it replaces the one shown, and its file is remembered and watched. */
static void
apply_loaded (MbaWindow  *self,
              MbaDataset *dataset,
              GFile      *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *previous_selection = g_strdup (mba_session_get_selected_event_id (self->session));
  gboolean same_file = file != NULL && self->file != NULL && g_file_equal (file, self->file);

  hide_report (self);
  dismiss_reload_toast (self);
  g_set_object (&self->file, file);
  watch_file (self);
  g_settings_set_string (self->settings, "last-file", path != NULL ? path : "");
  mba_window_set_dataset (self, dataset);
  /* A reload keeps the reader's place. */
  if (same_file && previous_selection != NULL)
    mba_session_set_selected_event_id (self->session, previous_selection);
  g_object_notify (G_OBJECT (self), "file");
}

static GError *
local_path_error (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                      _("%s: only local files can be opened"), uri);
}

/**
 * mba_window_open_file:
 *
 * Loads @file. On failure the error report lists every problem and the dataset already shown
 * stays.
 */
gboolean
mba_window_open_file (MbaWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    local_error = local_path_error (file);
  else
    dataset = mba_dataset_new_from_file (path, &local_error);

  if (dataset == NULL)
    {
      show_report (self, file, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  apply_loaded (self, dataset, file);
  return TRUE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  MbaDataset *dataset;

  if (path == NULL)
    {
      g_task_return_error (task, local_path_error (file));
      return;
    }
  dataset = mba_dataset_new_from_file (path, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MbaWindow *self = MBA_WINDOW (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (dataset == NULL)
    show_report (self, file, error);
  else
    apply_loaded (self, dataset, file);
}

/* Large datasets take a moment to parse: load them off the main thread so the window stays
 * responsive, and let a newer request replace an older one. */
static void
open_file_async (MbaWindow *self,
                 GFile     *file)
{
  g_autoptr(GTask) task = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, g_cancellable_new ());

  task = g_task_new (self, self->load_cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  g_task_run_in_thread (task, load_in_thread);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  MbaWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        open_file_async (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (json_filter, _("Datasets (JSON)"));
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_filter_add_suffix (json_filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  dismiss_reload_toast (self);
  if (self->file != NULL)
    open_file_async (self, self->file);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  if (self->failed_file != NULL)
    open_file_async (self, self->failed_file);
}

static void
dismiss_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hide_report (MBA_WINDOW (widget));
}

/**
 * mba_window_open_bundled:
 *
 * Shows the dataset compiled into the app.
 */
gboolean
mba_window_open_bundled (MbaWindow  *self,
                         GError    **error)
{
  g_autoptr(MbaDataset) dataset = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), FALSE);

  dataset = mba_dataset_new_from_resource (RESOURCE_BASE "/mine-ban-atlas.json", error);
  if (dataset == NULL)
    return FALSE;
  mba_window_show_bundled (self, dataset);
  return TRUE;
}

/**
 * mba_window_show_bundled:
 * @dataset: the bundled dataset, loaded beforehand
 *
 * Shows @dataset as the bundled one: no file is watched or remembered.
 */
void
mba_window_show_bundled (MbaWindow  *self,
                         MbaDataset *dataset)
{
  g_return_if_fail (MBA_IS_WINDOW (self));
  g_return_if_fail (MBA_IS_DATASET (dataset));

  apply_loaded (self, dataset, NULL);
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!mba_window_open_bundled (MBA_WINDOW (widget), &error))
    g_critical ("The bundled dataset does not load: %s", error->message);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MbaWindow     *self)
{
  GFile *file;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  file = g_value_get_object (value);
  if (file == NULL)
    return FALSE;
  open_file_async (self, file);
  return TRUE;
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               MbaWindow     *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               MbaWindow     *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

void
_mba_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-report", NULL, dismiss_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);

  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_subtitle);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_label);
}

void
_mba_window_files_init (MbaWindow *self)
{
  GtkDropTarget *drop_target;

  g_signal_connect (self->report_revealer, "notify::child-revealed", G_CALLBACK (on_report_revealed), NULL);

  /* Drop a dataset file anywhere on the window. */
  drop_target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop_target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

void
_mba_window_files_dispose (MbaWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->reload_toast);
  g_clear_object (&self->file);
  g_clear_object (&self->failed_file);
}
