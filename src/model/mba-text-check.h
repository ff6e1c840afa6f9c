/* mba-text-check.h: what text a dataset may hold, so that everything accepted can be drawn and exported
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most characters that may join one character into one grapheme cluster (combining marks,
 * joiners, emoji modifiers and tags, Hangul vowel and final jamo). Real text needs a handful;
 * drawing a cluster costs more than linear time in its length. */
#define MBA_TEXT_MAX_JOINED 32

char     *mba_text_check          (const char  *text);
gboolean  mba_text_check_encoding (const char **data,
                                   gsize       *length,
                                   const char  *display_name,
                                   GError     **error);

G_END_DECLS
