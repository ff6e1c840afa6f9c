/* mba-window-files.c: the main window's files: opening, reloading, watching, and the report of
 * a file that does not load
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-problem-list.h"
#include "mba-window.h"
#include "mba-window-private.h"

/* Editors save in several writes: wait for the file to settle before offering to reload. */
#define RELOAD_SETTLE_MS 300
/* A problem's place and message are cut at this many characters in the report's list; the
 * loader already cuts messages at 1,000 bytes, this keeps any row cheap whatever it is given. */
#define REPORT_MAX_CHARS 1000

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
  g_clear_object (&self->problems);
  g_clear_pointer (&self->report_text, g_free);
  gtk_list_view_set_model (self->report_list, NULL);
  _mba_window_files_update_actions (self);
}

/* A file's name as people read it, whatever bytes it is made of. */
static char *
display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

/* A row's text, cut at REPORT_MAX_CHARS characters: Copy All has the whole of it. */
static char *
bounded_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const char *cut;

  if (g_utf8_strlen (valid, REPORT_MAX_CHARS + 1) <= REPORT_MAX_CHARS)
    return g_steal_pointer (&valid);
  cut = g_utf8_offset_to_pointer (valid, REPORT_MAX_CHARS);
  return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
}

/* Where a problem is: "line 3, column 7", a JSON path such as events[3].date, or nothing
 * when it is about the whole file. */
static char *
describe_place (MbaProblem *problem)
{
  const char *json_path = mba_problem_get_json_path (problem);

  if (mba_problem_get_line (problem) > 0)
    /* Translators: where a problem is in a dataset file */
    return g_strdup_printf (_("line %u, column %u"), mba_problem_get_line (problem),
                            mba_problem_get_column (problem));
  if (json_path != NULL)
    return bounded_text (json_path);
  return g_strdup ("");
}

static void
setup_problem_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_yalign (GTK_LABEL (place), 0);
  gtk_label_set_selectable (GTK_LABEL (place), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (place), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (place), 40);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (place), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (place, "dim-label");
  gtk_widget_add_css_class (place, "monospace");

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (message, TRUE);

  gtk_box_append (GTK_BOX (box), place);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_problem_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  MbaProblem *problem = gtk_list_item_get_item (item);
  GtkWidget *place = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *message = gtk_widget_get_next_sibling (place);
  g_autofree char *place_text = describe_place (problem);
  g_autofree char *message_text = bounded_text (mba_problem_get_message (problem));

  gtk_label_set_text (GTK_LABEL (place), place_text);
  gtk_label_set_text (GTK_LABEL (message), message_text);
}

/* Lists the first problems, one a row, says how many there are in all and of what kinds the
 * others are, and that the dataset shown is unchanged. The list keeps at most
 * MBA_PROBLEM_LIST_MAX_KEPT problems, so the report costs the same for 10 problems or a
 * million. */
static void
show_report (MbaWindow      *self,
             GFile          *file,
             MbaProblemList *problems)
{
  g_autofree char *name = display_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *omitted = mba_problem_list_describe_omitted (problems);
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n_problems = mba_problem_list_get_n_total (problems);

  /* Translators: the heading of the error report, with a file name */
  title = g_strdup_printf (_("Could not open “%s”"), name);
  if (self->dataset != NULL)
    /* Translators: under "Could not open …" while another dataset stays on screen */
    subtitle = g_strdup_printf (ngettext ("The file has %'u problem; the dataset shown is unchanged.",
                                          "The file has %'u problems; the dataset shown is unchanged.",
                                          n_problems), n_problems);
  else
    /* Translators: under "Could not open …" */
    subtitle = g_strdup_printf (ngettext ("The file has %'u problem.", "The file has %'u problems.",
                                          n_problems), n_problems);

  g_set_object (&self->problems, problems);
  g_free (self->report_text);
  {
    g_autofree char *text = mba_problem_list_to_string (problems);
    self->report_text = g_utf8_make_valid (text, -1);
  }

  gtk_label_set_text (self->report_title, title);
  gtk_label_set_text (self->report_subtitle, subtitle);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (problems)));
  gtk_list_view_set_model (self->report_list, GTK_SELECTION_MODEL (selection));
  gtk_label_set_text (self->report_omitted, omitted != NULL ? omitted : "");
  gtk_widget_set_visible (GTK_WIDGET (self->report_omitted), omitted != NULL);
  reveal_report (self, TRUE);
  g_set_object (&self->failed_file, file);
  _mba_window_files_update_actions (self);
}

/**
 * mba_window_get_report:
 *
 * Returns: (nullable): the problems listed in the error report as `--check` prints them (the
 *   first ones, then the line that counts the others), or %NULL when no report is shown
 */
const char *
mba_window_get_report (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->report_revealer))
    return NULL;
  return self->report_text;
}

/* Copy All: the report as text, as --check prints it, to paste into a mail or an issue. */
static void
copy_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  if (self->report_text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->report_text);
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* The window has one reload toast, updated in place. libadwaita 1.2's toast overlay frees a
 * toast's record when its hide animation ends while its show animation may still run, and then
 * crashes (SIGSEGV in g_object_unref from adw_animation_skip): that happens when a toast is
 * dismissed less than 200 ms after it appears (the show lasts up to 500 ms, the hide 300 ms).
 * A toast it pushed aside is shown again when it goes, and aborts (assertion !info->widget) if
 * that toast's own hide has not ended. So the toast is never added while it shows, it is shown
 * at once (high priority, not queued behind another, so that the time it was added is the time
 * it appeared), and it is dismissed no sooner than TOAST_SAFE_DISMISS_MS after that. */
#define TOAST_SAFE_DISMISS_MS 600

static void
on_reload_toast_dismissed (MbaWindow *self)
{
  self->reload_toast_shown = FALSE;
  g_clear_handle_id (&self->reload_dismiss_id, g_source_remove);
}

static gboolean
dismiss_reload_toast_now (gpointer user_data)
{
  MbaWindow *self = user_data;

  self->reload_dismiss_id = 0;
  adw_toast_dismiss (self->reload_toast);
  return G_SOURCE_REMOVE;
}

static void
dismiss_reload_toast (MbaWindow *self)
{
  gint64 shown_ms;

  if (!self->reload_toast_shown || self->reload_dismiss_id != 0)
    return;
  shown_ms = (g_get_monotonic_time () - self->reload_toast_added_at) / 1000;
  if (shown_ms >= TOAST_SAFE_DISMISS_MS)
    adw_toast_dismiss (self->reload_toast);
  else
    self->reload_dismiss_id = g_timeout_add (TOAST_SAFE_DISMISS_MS - shown_ms,
                                             dismiss_reload_toast_now, self);
}

static void
show_reload_toast (MbaWindow  *self,
                   const char *title)
{
  adw_toast_set_title (self->reload_toast, title);
  /* Changed again after a reload was asked for: the offer stays. */
  g_clear_handle_id (&self->reload_dismiss_id, g_source_remove);
  if (self->reload_toast_shown)
    return;
  self->reload_toast_shown = TRUE;
  self->reload_toast_added_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->reload_toast));
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

  name = display_basename (self->file);
  /* Translators: a notification when the open file was changed by another program; the title
   * is plain text, not markup */
  title = g_strdup_printf (_("“%s” changed on disk"), name);
  show_reload_toast (self, title);
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
  /* A URI: a GSettings string must be UTF-8, and a path need not be. */
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  g_autofree char *previous_selection = g_strdup (mba_session_get_selected_event_id (self->session));
  gboolean same_file = file != NULL && self->file != NULL && g_file_equal (file, self->file);

  hide_report (self);
  dismiss_reload_toast (self);
  g_set_object (&self->file, file);
  watch_file (self);
  g_settings_set_string (self->settings, "last-file", uri != NULL ? uri : "");
  mba_window_set_dataset (self, dataset);
  /* A reload keeps the reader's place. */
  if (same_file && previous_selection != NULL)
    mba_session_set_selected_event_id (self->session, previous_selection);
  g_object_notify (G_OBJECT (self), "file");
}

/* Reads @file in whichever thread calls it. On failure *@problems gets the problems counted
 * and the first ones kept, except when the load was cancelled. */
static MbaDataset *
load_file (GFile           *file,
           GCancellable    *cancellable,
           MbaProblemList **problems,
           GError         **error)
{
  g_autofree char *path = g_file_get_path (file);
  GError *local_error = NULL;
  MbaDataset *dataset;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be opened"), name);
      *problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
      mba_problem_list_add (*problems, MBA_DATASET_ERROR_IO, name, 0, 0, NULL,
                            _("only local files can be opened"));
      return NULL;
    }
  dataset = mba_dataset_load_file (path, cancellable, problems, &local_error);
  if (dataset == NULL && *problems == NULL &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Every failure is reported with at least its error. */
      g_autofree char *name = g_filename_display_name (path);

      *problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
      mba_problem_list_add (*problems,
                            local_error->domain == MBA_DATASET_ERROR ? local_error->code : MBA_DATASET_ERROR_IO,
                            name, 0, 0, NULL, local_error->message);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return dataset;
}

static void cancel_loads (MbaWindow *self);

/**
 * mba_window_open_file:
 *
 * Loads @file. On failure the error report lists the problems and the dataset already shown
 * stays.
 */
gboolean
mba_window_open_file (MbaWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cancel_loads (self);
  dataset = load_file (file, NULL, &problems, &local_error);
  if (dataset == NULL)
    {
      show_report (self, file, problems);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  apply_loaded (self, dataset, file);
  return TRUE;
}

/* A load in a worker thread: the file to read, and what went wrong if it does not load. */
typedef struct
{
  GFile          *file;
  MbaProblemList *problems;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->file);
  g_clear_object (&job->problems);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  MbaDataset *dataset = load_file (job->file, cancellable, &job->problems, &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void start_load (MbaWindow *self,
                        GFile     *file);

/* The task holds the window weakly: a window closed during a load goes at once (its dispose
 * cancels the load), and the load's end finds it gone. */
static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MbaWindow) self = _mba_window_weak_ref_steal (user_data);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    return;
  g_warn_if_fail (self->n_loads_running == 1);
  self->n_loads_running--;
  /* A newer request waited for this load to end: whatever this one found is out of date. */
  if (self->pending_file != NULL)
    {
      g_autoptr(GFile) next = g_steal_pointer (&self->pending_file);

      start_load (self, next);
      return;
    }
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  /* Cancelled: by a file opened meanwhile, or by the window closing. Nothing changes. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (dataset == NULL)
    show_report (self, job->file, job->problems);
  else
    apply_loaded (self, dataset, job->file);
}

static void
start_load (MbaWindow *self,
            GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  g_set_object (&self->load_cancellable, g_cancellable_new ());
  task = g_task_new (NULL, self->load_cancellable, on_loaded, _mba_window_weak_ref_new (self));
  g_task_set_source_tag (task, start_load);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  self->n_loads_running++;
  self->n_loads_started++;
  g_task_run_in_thread (task, load_in_thread);
}

/* Large datasets take a moment to parse: load them off the main thread so the window stays
 * responsive. At most one load runs at a time: a newer request cancels the running one and
 * waits for it to return (a cancelled load may still be finishing its parse, and a second one
 * beside it would double the memory), then starts. Twenty Ctrl+R in a row run two loads. */
static void
open_file_async (MbaWindow *self,
                 GFile     *file)
{
  if (self->n_loads_running > 0)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_set_object (&self->pending_file, file);
      return;
    }
  start_load (self, file);
}

/* A file opened at once replaces any load under way. */
static void
cancel_loads (MbaWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->pending_file);
}

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          MbaWindow       *self)
{
  MbaWindowFileChosen chosen = (MbaWindowFileChosen) g_object_get_data (G_OBJECT (dialog), "mba-file-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        chosen (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Shows CHOOSER (which this takes) modal on the window; CHOSEN gets the file if one is
 * accepted. */
void
_mba_window_run_file_chooser (MbaWindow            *self,
                              GtkFileChooserNative *chooser,
                              MbaWindowFileChosen   chosen)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "mba-file-chosen", (gpointer) chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  _mba_window_run_file_chooser (self, chooser, open_file_async);
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
 * mba_window_dup_last_file:
 *
 * Returns: (transfer full) (nullable): the file opened last, as remembered in the settings, or
 *   %NULL when it was the bundled dataset
 */
GFile *
mba_window_dup_last_file (MbaWindow *self)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);

  last = g_settings_get_string (self->settings, "last-file");
  if (*last == '\0')
    return NULL;
  /* A URI since paths that are not UTF-8 could not be stored; earlier versions stored the
   * path itself, always absolute. */
  if (g_uri_peek_scheme (last) != NULL)
    return g_file_new_for_uri (last);
  return g_file_new_for_path (last);
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
  gtk_widget_class_install_action (widget_class, "win.copy-report", NULL, copy_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);

  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_revealer);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_subtitle);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, report_omitted);
}

void
_mba_window_files_init (MbaWindow *self)
{
  GtkDropTarget *drop_target;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (self->report_revealer, "notify::child-revealed", G_CALLBACK (on_report_revealed), NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_row), NULL);
  gtk_list_view_set_factory (self->report_list, factory);
  g_object_unref (factory);

  /* Drop a dataset file anywhere on the window. */
  drop_target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop_target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->reload_toast = adw_toast_new ("");
  adw_toast_set_button_label (self->reload_toast, _("_Reload"));
  adw_toast_set_action_name (self->reload_toast, "win.reload");
  adw_toast_set_timeout (self->reload_toast, 0);
  adw_toast_set_priority (self->reload_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->reload_toast, "dismissed", G_CALLBACK (on_reload_toast_dismissed),
                           self, G_CONNECT_SWAPPED);
}

void
_mba_window_files_dispose (MbaWindow *self)
{
  cancel_loads (self);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reload_dismiss_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->reload_toast);
  g_clear_object (&self->file);
  g_clear_object (&self->failed_file);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->report_text, g_free);
}
