/* mba-regular-file.c: reading a file the user named, but only a regular one of bounded size
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-regular-file.h"

static gboolean
refuse_unless_regular (const GStatBuf  *st,
                       gsize            max_bytes,
                       GError         **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("it is a folder, not a file"));
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("it is not a regular file (a pipe, a device or a socket, say)"));
      return FALSE;
    }
  if ((guint64) st->st_size > max_bytes)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("it is %u MiB; files larger than %u MiB are refused"),
                   (guint) MIN ((guint64) st->st_size / (1024 * 1024), G_MAXUINT),
                   (guint) MIN (max_bytes / (1024 * 1024), G_MAXUINT));
      return FALSE;
    }
  return TRUE;
}

/* Returns NULL, for the caller to return. */
static char *
fail_with_errno (GError **error,
                 int      saved_errno,
                 int      fd)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
  if (fd >= 0)
    close (fd);
  return NULL;
}

/**
 * mba_regular_file_read:
 * @path: a file named by the user or by data
 * @max_bytes: the largest file read
 * @length: (out) (optional): the number of bytes read
 * @error: a %G_FILE_ERROR saying why nothing was read, in words for people, without the path
 *
 * Reads a whole file, but only a regular one of at most @max_bytes: a folder, a FIFO (which
 * could block for ever), a device (which could be endless) or a larger file is refused before a
 * byte is read. The file is opened without blocking and checked again once open, in case it was
 * replaced in between.
 *
 * Returns: (transfer full) (nullable): the contents, followed by a NUL byte
 */
char *
mba_regular_file_read (const char  *path,
                       gsize        max_bytes,
                       gsize       *length,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize size, done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    return fail_with_errno (error, errno, -1);
  if (!refuse_unless_regular (&st, max_bytes, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return fail_with_errno (error, errno, -1);
  if (fstat (fd, &st) != 0)
    return fail_with_errno (error, errno, fd);
  if (!refuse_unless_regular (&st, max_bytes, error))
    {
      close (fd);
      return NULL;
    }

  /* One byte more than the file holds, to notice that it grew while it was read. */
  size = st.st_size;
  contents = g_try_malloc (size + 2);
  if (contents == NULL)
    return fail_with_errno (error, ENOMEM, fd);
  while (done <= size)
    {
      gssize n = read (fd, contents + done, size + 1 - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_with_errno (error, errno, fd);
      if (n == 0)
        break;
      done += n;
    }
  close (fd);
  if (done > size)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("it changed while it was read"));
      return NULL;
    }
  contents[done] = '\0';
  if (length != NULL)
    *length = done;
  return g_steal_pointer (&contents);
}
