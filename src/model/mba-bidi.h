/* mba-bidi.h: keeping text from the data from reordering the text around it
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mba_bidi_isolate (const char *text);

G_END_DECLS
