/* mba-window.c: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-country-names.h"
#include "mba-event-filter.h"
#include "mba-export-dialog.h"
#include "mba-map-summary.h"
#include "mba-map-widget.h"
#include "mba-presentation-window.h"
#include "mba-quote-panel.h"
#include "mba-slide-renderer.h"
#include "mba-timeline-widget.h"
#include "mba-window.h"
#include "mba-window-private.h"

/* Search lists at most this many results; the timeline still shows every match. */
#define MAX_RESULTS 200
/* Editors save in several writes: wait for the file to settle before offering to reload. */
#define RELOAD_SETTLE_MS 300
#define QUOTE_PANEL_WIDTH 380

G_DEFINE_FINAL_TYPE (MbaWindow, mba_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_comparison (MbaWindow *self);
static void update_search_results (MbaWindow *self);

/* ------------------------------------------------------------------------------------------ */
/* What the window shows                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
update_actions (MbaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 self->file != NULL || self->failed_file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-handout",
                                 self->dataset != NULL && self->handout_task == NULL);
}

/* The empty state's icon is looked up when the page is first shown, not at start-up: it is
 * an SVG, and loading the SVG renderer (librsvg, ICU) would compete with the first frame. */
static void
on_status_page_map (MbaWindow *self)
{
  adw_status_page_set_icon_name (self->status_page, "x-office-calendar-symbolic");
}

/* The main menu's popover, a dozen rows with their accelerators, is built when it first opens
 * (by click or F10), not with the window: 2 % of the start-up. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  MbaWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
mba_window_update (MbaWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_events;

  mba_timeline_widget_set_dataset (self->timeline, self->dataset);
  mba_map_widget_set_dataset (self->map, self->dataset);
  mba_quote_panel_set_dataset (self->quote_panel, self->dataset);
  update_comparison (self);
  update_search_results (self);
  update_actions (self);

  if (self->dataset == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_events = mba_dataset_get_n_events (self->dataset);
  /* Translators: the window subtitle, e.g. "Ottawa Convention withdrawals — 178 events" */
  subtitle = g_strdup_printf (ngettext ("%s — %u event", "%s — %u events", n_events),
                              mba_dataset_get_title (self->dataset), n_events);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "views");
}

/* "What changed since 1 January 2025?": marks the states on the map and lists them in words. */
static void
update_comparison (MbaWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->compare_calendar);
  gboolean active = gtk_check_button_get_active (self->compare_check) && self->dataset != NULL;
  gint32 from_day = mba_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                                      g_date_time_get_day_of_month (date));

  mba_map_widget_set_compare_day (self->map, active ? from_day : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), active);
  if (active)
    {
      g_autofree char *text = mba_map_changes_summary (self->dataset, from_day,
                                                       mba_map_widget_get_day (self->map));
      gtk_label_set_text (self->changes_label, text);
    }
}

static void select_event (MbaWindow  *self,
                          const char *event_id);

/* Clicking a state on the map shows only its events, and selects the one that gave it the
 * status it has on the map's date; clicking it again shows all. */
static void
on_state_activated (MbaWindow  *self,
                    const char *code)
{
  const MbaState *state = NULL;
  const MbaEvent *set_by = NULL;

  mba_timeline_widget_set_state_filter (self->timeline, code);
  if (code != NULL && self->dataset != NULL)
    state = mba_dataset_find_state (self->dataset, code);
  if (state != NULL)
    mba_dataset_get_status_at (self->dataset, state, mba_map_widget_get_day (self->map), &set_by, NULL);
  if (set_by != NULL)
    select_event (self, set_by->id);
}

/* A concealed GtkRevealer still measures its child, laying out its labels for nothing (at
 * start-up too): the child is shown only while it is revealed or sliding. */
static void
reveal (GtkRevealer *revealer,
        gboolean     revealed)
{
  if (revealed)
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, revealed);
}

static void
on_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

/* A state filter hides most events: say so, and offer the way back. */
static void
on_state_filter_changed (MbaWindow *self)
{
  const char *code = mba_timeline_widget_get_state_filter (self->timeline);

  reveal (self->filter_revealer, code != NULL);
  if (code != NULL)
    {
      const MbaState *state = self->dataset != NULL ? mba_dataset_find_state (self->dataset, code) : NULL;
      /* Translators: shown while the timeline is filtered by a state clicked on the map */
      g_autofree char *text = g_strdup_printf (_("Only events about %s"),
                                               mba_country_name (code, state != NULL ? state->name : code));

      gtk_label_set_text (self->filter_label, text);
    }
  mba_map_widget_set_activated_state (self->map, code);
  update_search_results (self);
}

static void
clear_state_filter_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  mba_timeline_widget_set_state_filter (MBA_WINDOW (widget)->timeline, NULL);
}

/* The timeline's selection is the one selection: the map and the quote panel follow it. */
static void
select_event (MbaWindow  *self,
              const char *event_id)
{
  mba_timeline_widget_set_selected_event_id (self->timeline, event_id);
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  select_event (MBA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_quote_panel_event_activated (MbaWindow  *self,
                                const char *event_id)
{
  select_event (self, event_id);
}

/* ------------------------------------------------------------------------------------------ */
/* Error report                                                                               */
/* ------------------------------------------------------------------------------------------ */

static void
hide_report (MbaWindow *self)
{
  reveal (self->report_revealer, FALSE);
  g_clear_object (&self->failed_file);
  update_actions (self);
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
  reveal (self->report_revealer, TRUE);
  g_set_object (&self->failed_file, file);
  update_actions (self);
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
  g_autofree char *previous_selection = g_strdup (mba_timeline_widget_get_selected_event_id (self->timeline));
  gboolean same_file = file != NULL && self->file != NULL && g_file_equal (file, self->file);

  hide_report (self);
  dismiss_reload_toast (self);
  g_set_object (&self->file, file);
  watch_file (self);
  g_settings_set_string (self->settings, "last-file", path != NULL ? path : "");
  mba_window_set_dataset (self, dataset);
  /* A reload keeps the reader's place. */
  if (same_file && previous_selection != NULL)
    select_event (self, previous_selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
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

/* ------------------------------------------------------------------------------------------ */
/* Search                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
update_sidebar_page (MbaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar) && *text != '\0';

  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "search" : "details");
  /* Results need the sidebar, whatever the user chose for the quote panel. */
  if (searching)
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar_stack), TRUE);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar_stack),
                            g_settings_get_boolean (self->settings, "quote-panel-visible"));
}

static GtkWidget *
result_row (const MbaEvent *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (event->title);
  g_autofree char *date = mba_date_format (&event->date);
  /* Translators: under a search result: its date and kind */
  g_autofree char *detail = g_strdup_printf (C_("event date and kind", "%s · %s"), date,
                                             mba_event_kind_get_label (event->kind));
  GtkWidget *subtitle = gtk_label_new (detail);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", event->title, detail);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "mba-event-id", g_strdup (event->id), g_free);
  return row;
}

static void
update_search_results (MbaWindow *self)
{
  GtkWidget *child;
  guint n_shown;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  update_sidebar_page (self);
  if (self->dataset == NULL || !gtk_search_bar_get_search_mode (self->search_bar))
    return;

  n_shown = mba_timeline_widget_get_n_shown (self->timeline);
  for (guint i = 0; i < n_shown && i < MAX_RESULTS; i++)
    gtk_list_box_append (self->results_list,
                         result_row (mba_timeline_widget_get_shown_event (self->timeline, i)));

  if (n_shown == 0)
    heading = g_strdup (_("No events match"));
  else if (n_shown > MAX_RESULTS)
    /* Translators: more search results than are listed */
    heading = g_strdup_printf (_("%u events match; the first %u are listed"), n_shown, MAX_RESULTS);
  else
    heading = g_strdup_printf (ngettext ("%u event matches", "%u events match", n_shown), n_shown);
  gtk_label_set_text (self->results_label, heading);
}

static void
on_search_changed (MbaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  mba_timeline_widget_set_search_text (self->timeline, *text != '\0' ? text : NULL);
  update_search_results (self);
}

static void
on_search_mode_changed (MbaWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      mba_timeline_widget_set_search_text (self->timeline, NULL);
    }
  update_search_results (self);
}

static void
choose_result (MbaWindow     *self,
               GtkListBoxRow *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "mba-event-id"));

  /* Leaving the search shows every event again, with the chosen one selected and in view. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  select_event (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
on_result_activated (MbaWindow     *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  choose_result (self, row);
}

/* Enter in the entry takes the first result. */
static void
on_search_activate (MbaWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (row != NULL)
    choose_result (self, row);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       MbaWindow             *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->results_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * mba_window_search:
 *
 * Searches as if @text were typed in the search entry.
 */
void
mba_window_search (MbaWindow  *self,
                   const char *text)
{
  g_return_if_fail (MBA_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Apply now rather than after the entry's typing delay. */
  on_search_changed (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Layout and remembered state                                                                */
/* ------------------------------------------------------------------------------------------ */

static gboolean
layout_to_orientation (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *layout = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_str_equal (layout, "side-by-side") ? GTK_ORIENTATION_HORIZONTAL
                                                                : GTK_ORIENTATION_VERTICAL);
  return TRUE;
}

/* A new layout starts with the two views sharing the space equally, once the paned has been
 * laid out in its new orientation (a position set before that is lost). */
static void
split_views_equally (MbaWindow *self)
{
  int size = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->views_paned)) == GTK_ORIENTATION_HORIZONTAL
             ? gtk_widget_get_width (GTK_WIDGET (self->views_paned))
             : gtk_widget_get_height (GTK_WIDGET (self->views_paned));

  if (size > 0)
    gtk_paned_set_position (self->views_paned, size / 2);
}

static gboolean
split_views_on_tick (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  split_views_equally (MBA_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_layout_changed (MbaWindow *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self->views_paned), split_views_on_tick, self, NULL);
}

/* The quote panel gets its width the first time the window has one: GtkPaned would otherwise
 * split by natural sizes, and wrapped labels ask for a lot. */
static void
on_main_paned_max_position (MbaWindow *self)
{
  int max = 0, sidebar_min = 0, handle;

  g_object_get (self->main_paned, "max-position", &max, NULL);
  if (self->sidebar_placed || max <= QUOTE_PANEL_WIDTH)
    return;
  /* max-position leaves the sidebar its minimum width; the handle takes the rest. */
  gtk_widget_measure (GTK_WIDGET (self->sidebar_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &sidebar_min, NULL, NULL, NULL);
  handle = MAX (0, gtk_widget_get_width (GTK_WIDGET (self->main_paned)) - max - sidebar_min);
  self->sidebar_placed = TRUE;
  gtk_paned_set_position (self->main_paned, max + sidebar_min - QUOTE_PANEL_WIDTH + handle);
}

static void
restore_state (MbaWindow *self)
{
  int position = g_settings_get_int (self->settings, "views-position");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (position > 0)
    gtk_paned_set_position (self->views_paned, position);
  else
    gtk_paned_set_position (self->views_paned, 360);
}

static gboolean
mba_window_close_request (GtkWindow *window)
{
  MbaWindow *self = MBA_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_int (self->settings, "views-position", gtk_paned_get_position (self->views_paned));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (mba_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Export (Ctrl+E): the dialog starts from what the window shows, and a toast reports the file. */
static void
on_exported (MbaWindow *self,
             GFile     *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, mba_export_toast_new (file));
}

static void
mba_window_export (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  MbaExportView view = MBA_EXPORT_VIEW_POSTER;   /* both views are on screen */
  MbaExportDialog *dialog;

  if (self->dataset == NULL)
    return;
  if (focus != NULL && (focus == GTK_WIDGET (self->timeline) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline))))
    view = MBA_EXPORT_VIEW_TIMELINE;
  else if (focus != NULL && (focus == GTK_WIDGET (self->map) ||
                             gtk_widget_is_ancestor (focus, GTK_WIDGET (self->map))))
    view = MBA_EXPORT_VIEW_MAP;

  dialog = mba_export_dialog_new (GTK_WINDOW (self), self->dataset, mba_map_widget_load_world_map (),
                                  mba_map_widget_get_day (self->map),
                                  mba_map_widget_get_selected_event_id (self->map),
                                  dark ? MBA_THEME_DARK : MBA_THEME_LIGHT, view,
                                  mba_map_widget_get_world_view (self->map));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

MbaDataset *
mba_window_get_dataset (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
mba_window_set_dataset (MbaWindow  *self,
                        MbaDataset *dataset)
{
  g_return_if_fail (MBA_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  mba_window_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/**
 * mba_window_get_file:
 *
 * Returns: (nullable): the file the dataset shown came from, %NULL for the bundled one
 */
GFile *
mba_window_get_file (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->file;
}

MbaTimelineWidget *
mba_window_get_timeline (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->timeline;
}

MbaMapWidget *
mba_window_get_map (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->map;
}

MbaQuotePanel *
mba_window_get_quote_panel (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->quote_panel;
}

/**
 * mba_window_get_result_ids:
 *
 * Returns: (transfer full): the ids of the events listed as search results, in order
 */
GStrv
mba_window_get_result_ids (MbaWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "mba-event-id"));
  return g_strv_builder_end (builder);
}

/* Presentation (F5) and its handout ---------------------------------------------------------- */

/* One step per event the timeline shows, with its filters, in its order. */
GPtrArray *
_mba_window_list_presentation_steps (MbaWindow *self)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (self->dataset);

  mba_event_filter_set_hidden_kinds (filter, mba_timeline_widget_get_hidden_kinds (self->timeline));
  mba_event_filter_set_state_code (filter, mba_timeline_widget_get_state_filter (self->timeline));
  mba_event_filter_set_search_text (filter, mba_timeline_widget_get_search_text (self->timeline));
  return mba_event_filter_list_events (filter);
}

void
_mba_window_show_toast (MbaWindow  *self,
                        const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The timeline follows the presentation, so it shows where the class stopped. */
static void
on_presentation_step (MbaWindow             *self,
                      GParamSpec            *pspec,
                      MbaPresentationWindow *presentation)
{
  const char *id = mba_presentation_window_get_event_id (presentation);

  if (id != NULL)
    mba_timeline_widget_set_selected_event_id (self->timeline, id);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  g_autoptr(GPtrArray) steps = NULL;
  MbaPresentationWindow *presentation;
  const char *selected = mba_timeline_widget_get_selected_event_id (self->timeline);

  if (self->dataset == NULL)
    return;
  steps = _mba_window_list_presentation_steps (self);
  if (steps->len == 0)
    {
      _mba_window_show_toast (self, _("No events match the timeline’s filters"));
      return;
    }
  presentation = mba_presentation_window_new (self->dataset, mba_map_widget_get_map (self->map), steps,
                                              mba_presentation_find_step (steps, selected));
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  g_signal_connect_object (presentation, "notify::event-id", G_CALLBACK (on_presentation_step), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (presentation));
}

/* The shortcuts window is built the first time it is asked for. (GtkApplication would build
 * gtk/help-overlay.ui with every window: a tenth of the start-up, for a window seldom opened.) */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/mba-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

static void
mba_window_class_init_presentation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL,
                                   _mba_window_export_handout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_window_dispose (GObject *object)
{
  MbaWindow *self = (MbaWindow *) object;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  /* The worker stops after its page; its task keeps what it reads alive until then. */
  if (self->handout_cancellable != NULL)
    g_cancellable_cancel (self->handout_cancellable);
  g_clear_handle_id (&self->handout_progress_id, g_source_remove);
  g_clear_object (&self->handout_toast);
  g_clear_object (&self->handout_cancellable);
  g_clear_object (&self->handout_task);
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->reload_toast);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->failed_file);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBA_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mba_window_parent_class)->dispose (object);
}

static void
mba_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_window_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_class_init (MbaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mba_window_dispose;
  object_class->get_property = mba_window_get_property;
  object_class->set_property = mba_window_set_property;
  window_class->close_request = mba_window_close_request;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-report", NULL, dismiss_report_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.select-event", "s", select_event_action);
  gtk_widget_class_install_action (widget_class, "win.clear-state-filter", NULL, clear_state_filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.quote-panel-visible", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.world-view", NULL);

  g_type_ensure (MBA_TYPE_TIMELINE_WIDGET);
  g_type_ensure (MBA_TYPE_MAP_WIDGET);
  g_type_ensure (MBA_TYPE_QUOTE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, views_paned);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, map);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, world_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_check);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_calendar);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, changes_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, quote_panel);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, results_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_subtitle);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_label);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, mba_window_export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);

  mba_window_class_init_presentation (widget_class);
}

static void
mba_window_init (MbaWindow *self)
{
  g_autoptr(GAction) layout_action = NULL;
  g_autoptr(GAction) panel_action = NULL;
  g_autoptr(GAction) world_action = NULL;
  GtkDropTarget *drop_target;
  GtkEventController *search_keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* The map shows the timeline's date cursor and highlights the selected event's states; the
   * quote panel shows the selected event. */
  g_object_bind_property (self->timeline, "cursor-day", self->map, "day", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->timeline, "selected-event-id", self->map, "selected-event-id",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->timeline, "selected-event-id", self->quote_panel, "event-id",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->map, "summary", self->summary_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->map, "state-activated", G_CALLBACK (on_state_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::state-filter",
                           G_CALLBACK (on_state_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  g_signal_connect_object (self->status_page, "map", G_CALLBACK (on_status_page_map), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->filter_revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), NULL);
  g_signal_connect (self->report_revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), NULL);
  g_signal_connect_object (self->quote_panel, "event-activated",
                           G_CALLBACK (on_quote_panel_event_activated), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GDateTime) since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
    gtk_calendar_select_day (self->compare_calendar, since);
  }
  g_signal_connect_object (self->compare_check, "toggled", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_calendar, "day-selected", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::day", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);

  /* Remembered choices: layout, world view, quote panel, window size. */
  layout_action = g_settings_create_action (self->settings, "layout");
  panel_action = g_settings_create_action (self->settings, "quote-panel-visible");
  world_action = g_settings_create_action (self->settings, "world-view");
  g_action_map_add_action (G_ACTION_MAP (self), layout_action);
  g_action_map_add_action (G_ACTION_MAP (self), panel_action);
  g_action_map_add_action (G_ACTION_MAP (self), world_action);
  g_settings_bind_with_mapping (self->settings, "layout", self->views_paned, "orientation",
                                G_SETTINGS_BIND_GET, layout_to_orientation, NULL, NULL, NULL);
  g_settings_bind (self->settings, "world-view", self->world_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->world_button, "active", self->map, "world-view",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->settings, "changed::layout", G_CALLBACK (on_layout_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::quote-panel-visible",
                           G_CALLBACK (update_sidebar_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_paned, "notify::max-position",
                           G_CALLBACK (on_main_paned_max_position), self, G_CONNECT_SWAPPED);
  restore_state (self);

  /* Search */
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_list, "row-activated", G_CALLBACK (on_result_activated), self,
                           G_CONNECT_SWAPPED);
  search_keys = gtk_event_controller_key_new ();
  g_signal_connect_object (search_keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);

  /* Drop a dataset file anywhere on the window. */
  drop_target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop_target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  mba_window_update (self);
}

MbaWindow *
mba_window_new (GtkApplication *application)
{
  return g_object_new (MBA_TYPE_WINDOW, "application", application, NULL);
}
