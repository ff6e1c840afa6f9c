/* mba-timeline-renderer-private.h: what the timeline renderer's units share
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-timeline-renderer.h"

G_BEGIN_DECLS

/* Sizes in pixels. */
#define MARKER_RADIUS 5.0
#define PILL_RADIUS   4.0

void _mba_timeline_rounded_rect   (cairo_t                *cr,
                                   double                  x,
                                   double                  y,
                                   double                  width,
                                   double                  height,
                                   double                  radius);

/* mba-timeline-renderer-items.c */
void _mba_timeline_draw_items     (cairo_t                *cr,
                                   MbaTimelineLayout      *layout,
                                   const MbaTimelineItem  *items,
                                   guint                   n_items,
                                   const MbaPalette       *palette,
                                   const MbaTimelineScene *scene);
void _mba_timeline_draw_highlight (cairo_t                *cr,
                                   const MbaTimelineItem  *item,
                                   const MbaColor         *color,
                                   double                  line_width);

G_END_DECLS
