/* mba-output-file.c: an export's file, replaced whole through GIO or left as it was
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export writes through g_file_replace(): GIO writes a temporary file beside the target
 * and renames it over the target when the stream is closed, and removes it when the stream is
 * closed cancelled. The target's symbolic links are followed first, so that exporting onto a
 * link replaces the file it points to and keeps the link; a read-only file is refused.
 *
 * Every open file is listed, so that SIGTERM and SIGINT can cancel them all and wait until
 * their temporary files are gone (mba_output_file_cancel_all()).
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-output-file.h"

G_DEFINE_QUARK (mba-export-error-quark, mba_export_error)

struct _MbaOutputFile
{
  char              *path;          /* as the user gave it, for messages */
  char              *target;        /* the file written, links resolved */
  gboolean           created;       /* no file was there: GIO writes it in place, not beside it */
  GFileOutputStream *stream;
  GCancellable      *cancellable;   /* ours: cancelled by the caller's, or by a signal */
  GCancellable      *outer;         /* the caller's, nullable */
  gulong             outer_handler;
  GError            *error;         /* the first write error */
  guint64            n_written;
};

/* The files open now, so that a signal can cancel them and wait for their clean-up. */
static GMutex open_lock;
static GCond open_cond;
static GPtrArray *open_files;

static void
register_open (MbaOutputFile *self)
{
  g_mutex_lock (&open_lock);
  if (open_files == NULL)
    open_files = g_ptr_array_new ();
  g_ptr_array_add (open_files, self);
  g_mutex_unlock (&open_lock);
}

static void
unregister_open (MbaOutputFile *self)
{
  g_mutex_lock (&open_lock);
  g_ptr_array_remove (open_files, self);
  g_cond_broadcast (&open_cond);
  g_mutex_unlock (&open_lock);
}

/**
 * mba_output_file_cancel_all:
 * @timeout_us: how long to wait, at most, for the writers to remove their temporary files
 *
 * Cancels every export being written, in any thread, and waits until each has closed its file
 * (removing the temporary one) or @timeout_us has passed. Used on SIGTERM and SIGINT.
 *
 * Returns: how many files were still open when it returned
 */
guint
mba_output_file_cancel_all (gint64 timeout_us)
{
  gint64 end = g_get_monotonic_time () + timeout_us;
  guint n_left;

  g_mutex_lock (&open_lock);
  for (guint i = 0; open_files != NULL && i < open_files->len; i++)
    g_cancellable_cancel (((MbaOutputFile *) open_files->pdata[i])->cancellable);
  while (open_files != NULL && open_files->len > 0)
    if (!g_cond_wait_until (&open_cond, &open_lock, end))
      break;
  n_left = open_files != NULL ? open_files->len : 0;
  g_mutex_unlock (&open_lock);
  return n_left;
}

/* GIO's errors name no errno; people read the same words as from the shell. */
static const char *
reason (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return g_strerror (ENOSPC);
      case G_IO_ERROR_PERMISSION_DENIED:
        return g_strerror (EACCES);
      case G_IO_ERROR_NOT_FOUND:
        return g_strerror (ENOENT);
      case G_IO_ERROR_READ_ONLY:
        return g_strerror (EROFS);
      case G_IO_ERROR_IS_DIRECTORY:
        return g_strerror (EISDIR);
      case G_IO_ERROR_NOT_DIRECTORY:
        return g_strerror (ENOTDIR);
      case G_IO_ERROR_FILENAME_TOO_LONG:
        return g_strerror (ENAMETOOLONG);
      case G_IO_ERROR_CANCELLED:
        return _("Interrupted");
      default:
        break;
      }
  return error->message;
}

static void
set_write_error (GError       **error,
                 const char    *path,
                 const GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                 /* Translators: an export stopped by Cancel, SIGTERM or Ctrl+C */
                 _("Export of %s interrupted; the file was left as it was"), path);
  else
    g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE, _("Cannot write %s: %s"), path,
                 reason (cause));
}

/* The file a link points to (following every link), or @path itself when it is no link or its
 * target is missing. */
static char *
resolve_links (const char *path)
{
  char *resolved;
  char *copy;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (path);
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    return g_strdup (path);
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

/* Refuses what GIO would write in place rather than replace, and a read-only target. */
static gboolean
check_target (const char  *path,
              const char  *target,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *display_dir = g_filename_display_name (dir);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf info;

  /* GIO needs the folder for its temporary file; without it, it would overwrite in place. */
  if (g_access (dir, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE, _("Cannot write in %s: %s"),
                   display_dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_stat (target, &info) != 0)
    return TRUE;
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE, _("Cannot write %s: %s"), display,
                   g_strerror (EISDIR));
      return FALSE;
    }
  /* As gedit: a file nobody may write is not replaced, not even by root. */
  if ((info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      (g_access (target, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS)))
    {
      /* Translators: an export refused; %s is the file's name */
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE, _("%s is read-only"), display);
      return FALSE;
    }
  return TRUE;
}

static void
on_outer_cancelled (GCancellable *outer,
                    GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
output_file_free (MbaOutputFile *self)
{
  unregister_open (self);
  if (self->outer != NULL)
    g_cancellable_disconnect (self->outer, self->outer_handler);
  g_clear_object (&self->outer);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self->target);
  g_free (self);
}

/**
 * mba_output_file_open:
 * @path: the file to replace (or create); links are followed to the file they point to
 * @cancellable: (nullable): cancels the writes; the file is then left as it was
 *
 * Starts writing @path: the bytes go to a temporary file beside it until
 * mba_output_file_commit() renames it over @path. Every open file must be committed or aborted.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when @path cannot be written (the
 *   folder is missing or read-only, or the file is read-only)
 */
MbaOutputFile *
mba_output_file_open (const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *target = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  MbaOutputFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  target = resolve_links (path);
  if (!check_target (path, target, error))
    return NULL;

  self = g_new0 (MbaOutputFile, 1);
  self->path = g_steal_pointer (&display);
  self->created = !g_file_test (target, G_FILE_TEST_EXISTS);
  self->cancellable = g_cancellable_new ();
  register_open (self);
  if (cancellable != NULL)
    {
      self->outer = g_object_ref (cancellable);
      self->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled),
                                                   self->cancellable, NULL);
    }
  file = g_file_new_for_path (target);
  self->target = g_steal_pointer (&target);
  self->stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, self->cancellable, &local_error);
  if (self->stream == NULL)
    {
      set_write_error (error, self->path, local_error);
      output_file_free (self);
      return NULL;
    }
  return self;
}

/**
 * mba_output_file_write:
 *
 * Returns: %FALSE after a failed or cancelled write (then and later); commit then fails too.
 */
gboolean
mba_output_file_write (MbaOutputFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  gsize written = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == NULL &&
      !g_output_stream_write_all (G_OUTPUT_STREAM (self->stream), data, length, &written,
                                  self->cancellable, &self->error))
    g_assert (self->error != NULL);
  self->n_written += written;
  if (self->error != NULL)
    {
      set_write_error (error, self->path, self->error);
      return FALSE;
    }
  return TRUE;
}

/**
 * mba_output_file_write_func:
 * @closure: an #MbaOutputFile
 *
 * A #cairo_write_func_t: cairo's PNG writer and PDF and SVG surfaces stream through it, so that
 * no whole file is held in memory. A failed or cancelled write stops cairo with a write error.
 */
cairo_status_t
mba_output_file_write_func (void                *closure,
                            const unsigned char *data,
                            unsigned int         length)
{
  return mba_output_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                              : CAIRO_STATUS_WRITE_ERROR;
}

guint64
mba_output_file_get_n_written (MbaOutputFile *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_written;
}

/**
 * mba_output_file_abort:
 *
 * Stops writing: GIO removes the temporary file and the target stays as it was. Frees @self.
 */
void
mba_output_file_abort (MbaOutputFile *self)
{
  if (self == NULL)
    return;
  /* Closed cancelled, GIO's stream unlinks its temporary file instead of renaming it. A new
   * file GIO creates under its own name (there is nothing to keep): that one goes too. */
  g_cancellable_cancel (self->cancellable);
  g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, NULL);
  if (self->created)
    g_unlink (self->target);
  output_file_free (self);
}

/**
 * mba_output_file_commit:
 *
 * Renames the finished file over the target, unless a write failed or the export was
 * cancelled; then it is aborted. Frees @self.
 *
 * Returns: %TRUE when the file was replaced whole
 */
gboolean
mba_output_file_commit (MbaOutputFile  *self,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == NULL && g_cancellable_is_cancelled (self->cancellable))
    self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  if (self->error != NULL)
    {
      set_write_error (error, self->path, self->error);
      mba_output_file_abort (self);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, &local_error))
    {
      set_write_error (error, self->path, local_error);
      if (self->created)
        g_unlink (self->target);
      output_file_free (self);
      return FALSE;
    }
  output_file_free (self);
  return TRUE;
}

/**
 * mba_output_file_set_contents:
 *
 * Replaces @path with @bytes whole, or leaves it as it was.
 */
gboolean
mba_output_file_set_contents (const char    *path,
                              GBytes        *bytes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  MbaOutputFile *file = mba_output_file_open (path, cancellable, error);
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  if (file == NULL)
    return FALSE;
  if (!mba_output_file_write (file, data, length, NULL))
    {
      mba_output_file_commit (file, error);
      return FALSE;
    }
  return mba_output_file_commit (file, error);
}
