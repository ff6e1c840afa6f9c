/* mba-regular-file.h: reading a file the user named, but only a regular one of bounded size
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mba_regular_file_read (const char  *path,
                             gsize        max_bytes,
                             gsize       *length,
                             GError     **error);

G_END_DECLS
