/* mba-output-file.h: an export's file, replaced whole through GIO or left as it was
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define MBA_EXPORT_ERROR (mba_export_error_quark ())

typedef enum
{
  MBA_EXPORT_ERROR_FORMAT,     /* the file name's extension is not png, svg or pdf */
  MBA_EXPORT_ERROR_ARGUMENT,   /* a size, scale or event that cannot be */
  MBA_EXPORT_ERROR_WRITE,      /* the file could not be written; nothing was left behind */
  MBA_EXPORT_ERROR_TOO_LARGE,  /* over a documented limit (pixels, pages); refused before any work */
} MbaExportError;

typedef struct _MbaOutputFile MbaOutputFile;

GQuark          mba_export_error_quark      (void);

MbaOutputFile  *mba_output_file_open        (const char           *path,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean        mba_output_file_write       (MbaOutputFile        *self,
                                             const void           *data,
                                             gsize                 length,
                                             GError              **error);
cairo_status_t  mba_output_file_write_func  (void                 *closure,
                                             const unsigned char  *data,
                                             unsigned int          length);
guint64         mba_output_file_get_n_written (MbaOutputFile      *self);
gboolean        mba_output_file_commit      (MbaOutputFile        *self,
                                             GError              **error);
void            mba_output_file_abort       (MbaOutputFile        *self);

gboolean        mba_output_file_set_contents (const char          *path,
                                             GBytes               *bytes,
                                             GCancellable         *cancellable,
                                             GError              **error);

guint           mba_output_file_cancel_all  (gint64                timeout_us);

G_END_DECLS
