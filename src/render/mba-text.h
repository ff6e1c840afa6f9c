/* mba-text.h: measuring text laid out with Pango, shared by the renderers
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

PangoContext *mba_text_new_context (void);
void          mba_text_layout_size (PangoLayout *layout,
                                    double      *width,
                                    double      *height);

char         *mba_text_bound       (const char  *text,
                                    guint        max_chars);

/* How much of a data string the renderers lay out: more than any slide or caption shows. */
#define MBA_TEXT_MAX_TITLE_CHARS   400
#define MBA_TEXT_MAX_BODY_CHARS   2000

G_END_DECLS
