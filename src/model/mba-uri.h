/* mba-uri.h: the one rule for which links from a dataset may be opened
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mba_uri_check            (const char  *uri,
                                    char       **reason);
char     *mba_uri_get_display_host (const char  *uri);

G_END_DECLS
