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

G_END_DECLS
