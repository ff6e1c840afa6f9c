/* mba-handout-job.c: the window's "Export Handout…": a PDF of what the timeline shows, written
 * in a worker thread with its progress and a Cancel in a toast
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-slide-renderer.h"
#include "mba-window-private.h"

/* A handout of every event takes many seconds: it is drawn in a worker thread, which only reads
 * the dataset and the map (both immutable once loaded) and draws with its own renderers. */
typedef struct
{
  char         *path;
  MbaDataset   *dataset;
  MbaWorldMap  *map;
  GPtrArray    *steps;
  GApplication *application;   /* held while writing, so that quitting waits for the cancel */
  guint         n_done;        /* atomic: pages drawn so far */
} HandoutJob;

static void
handout_job_free (HandoutJob *job)
{
  if (job->application != NULL)
    g_application_release (job->application);
  g_clear_object (&job->application);
  g_clear_pointer (&job->steps, g_ptr_array_unref);
  g_clear_object (&job->map);
  g_clear_object (&job->dataset);
  g_free (job->path);
  g_free (job);
}

static void
on_handout_page (guint    n_done,
                 guint    n_pages,
                 gpointer user_data)
{
  HandoutJob *job = user_data;

  g_atomic_int_set (&job->n_done, n_done);
}

static void
write_handout_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  HandoutJob *job = task_data;
  GError *error = NULL;

  /* Handouts are printed: always the light theme. */
  if (mba_slides_write_pdf_full (job->path, job->dataset, job->map, job->steps, MBA_THEME_LIGHT,
                                 cancellable, on_handout_page, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The toast's title follows the worker a few times a second; the worker itself never touches
 * widgets. */
static gboolean
update_handout_progress (gpointer user_data)
{
  MbaWindow *self = user_data;
  HandoutJob *job = g_task_get_task_data (self->handout_task);
  guint n_pages = job->steps->len;
  /* Translators: shown while the handout is written, e.g. "Writing handout: 40 of 178 pages" */
  g_autofree char *title = g_strdup_printf (ngettext ("Writing handout: %u of %u page",
                                                      "Writing handout: %u of %u pages", n_pages),
                                            (guint) g_atomic_int_get (&job->n_done), n_pages);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  if (self->handout_toast != NULL)
    adw_toast_set_title (self->handout_toast, escaped);
  return G_SOURCE_CONTINUE;
}

/* Forgets the running write: the toast, the timer, the cursor; the action works again. */
static void
handout_clear (MbaWindow *self)
{
  g_clear_handle_id (&self->handout_progress_id, g_source_remove);
  if (self->handout_toast != NULL)
    adw_toast_dismiss (self->handout_toast);
  g_clear_object (&self->handout_toast);
  g_clear_object (&self->handout_cancellable);
  g_clear_object (&self->handout_task);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-handout", self->dataset != NULL);
}

/* The task holds the window only weakly, so that closing the window disposes it, and its
 * dispose cancels the write. */
static void
on_handout_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MbaWindow) self = _mba_window_weak_ref_steal (user_data);
  HandoutJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL || self->handout_task != G_TASK (result))
    return;
  handout_clear (self);
  if (written)
    {
      g_autofree char *done = g_strdup_printf (ngettext ("Handout saved: %u page",
                                                         "Handout saved: %u pages", job->steps->len),
                                               job->steps->len);
      _mba_window_show_toast (self, done);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _mba_window_show_toast (self, error->message);
}

/**
 * mba_window_export_handout_to_file:
 * @file: a local file
 *
 * Writes what the timeline shows as a PDF handout, as "Export Handout…" does after its file
 * chooser: in a worker thread, with the progress in a toast. Closing the window cancels it and
 * leaves no file.
 */
void
mba_window_export_handout_to_file (MbaWindow *self,
                                   GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkApplication *application;
  HandoutJob *job;

  g_return_if_fail (MBA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->dataset == NULL || self->handout_task != NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      _mba_window_show_toast (self, _("The handout can only be saved to a local file"));
      return;
    }

  /* The presentation's slide set: the story's, else what the timeline's filter lets through. */
  {
    g_autoptr(GPtrArray) all = _mba_window_list_presentation_steps (self);

    steps = mba_slides_list_default (self->dataset, all);
  }
  /* Too many pages (or none) are refused before any work starts. */
  if (!mba_slides_check_count (steps->len, &error))
    {
      _mba_window_show_toast (self, error->message);
      return;
    }

  job = g_new0 (HandoutJob, 1);
  job->path = g_steal_pointer (&path);
  job->dataset = g_object_ref (self->dataset);
  job->map = mba_map_widget_get_map (self->map);
  if (job->map != NULL)
    g_object_ref (job->map);
  job->steps = g_steal_pointer (&steps);
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      job->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (job->application);
    }

  self->handout_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->handout_cancellable, on_handout_written, _mba_window_weak_ref_new (self));
  g_task_set_source_tag (task, mba_window_export_handout_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) handout_job_free);
  self->handout_task = g_object_ref (task);

  self->handout_toast = adw_toast_new ("");
  adw_toast_set_timeout (self->handout_toast, 0);
  adw_toast_set_priority (self->handout_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (self->handout_toast, _("_Cancel"));
  g_signal_connect_object (self->handout_toast, "button-clicked", G_CALLBACK (mba_window_cancel_handout), self,
                           G_CONNECT_SWAPPED);
  update_handout_progress (self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->handout_toast));
  self->handout_progress_id = g_timeout_add (250, update_handout_progress, self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-handout", FALSE);

  g_task_run_in_thread (task, write_handout_in_thread);
}

/**
 * mba_window_cancel_handout:
 *
 * Stops the handout being written, as the progress toast's Cancel does: the worker stops within
 * a page, the file is left as it was (none is made) and its temporary file is removed.
 */
void
mba_window_cancel_handout (MbaWindow *self)
{
  g_return_if_fail (MBA_IS_WINDOW (self));

  if (self->handout_cancellable == NULL)
    return;
  g_cancellable_cancel (self->handout_cancellable);
  /* The toast goes now; the action comes back when the worker has stopped. */
  g_clear_handle_id (&self->handout_progress_id, g_source_remove);
  if (self->handout_toast != NULL)
    adw_toast_dismiss (self->handout_toast);
  g_clear_object (&self->handout_toast);
}

/**
 * mba_window_get_handout_progress:
 *
 * Returns: (nullable): what the toast says while a handout is written, or %NULL when none is
 */
const char *
mba_window_get_handout_progress (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->handout_toast != NULL ? adw_toast_get_title (self->handout_toast) : NULL;
}

void
_mba_window_export_handout_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  if (self->dataset == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("handout.pdf"));
  _mba_window_run_file_chooser (self, chooser, mba_window_export_handout_to_file);
}
