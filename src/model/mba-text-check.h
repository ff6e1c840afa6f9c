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

char     *mba_text_check                 (const char  *text);
char     *mba_text_make_printable        (const char  *text);
char     *mba_text_find_encoding_problem (const char  *data,
                                          gsize        length,
                                          gsize       *skip,
                                          int         *line,
                                          int         *column);

G_END_DECLS
