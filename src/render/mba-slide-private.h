/* mba-slide-private.h: the slide renderer's text, shared by the units it is split into
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-slide-renderer.h"

G_BEGIN_DECLS

/* The slide's most states, named; more are "and N more". */
#define MBA_SLIDE_MAX_STATE_NAMES 4

/* mba-slide-text.c */
char *_mba_slide_format_states (const MbaEvent  *event);
char *_mba_slide_format_text   (const MbaEvent  *event,
                                gboolean        *is_quote);
char *_mba_slide_format_source (const MbaEvent  *event,
                                const char     **link,
                                char           **link_text);

G_END_DECLS
