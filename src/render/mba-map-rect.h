/* mba-map-rect.h: rectangles and rings in the map's plane, in degrees, projected units or pixels
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Empty while x1 > x2. */
typedef struct
{
  double x1, y1, x2, y2;
} MbaMapRect;

void     mba_map_rect_init_empty     (MbaMapRect       *r);
void     mba_map_rect_add_point      (MbaMapRect       *r,
                                      double            x,
                                      double            y);
void     mba_map_rect_union          (MbaMapRect       *r,
                                      const MbaMapRect *o);
void     mba_map_rect_grow           (MbaMapRect       *r,
                                      double            by);
gboolean mba_map_rect_intersects     (const MbaMapRect *a,
                                      const MbaMapRect *b);
gboolean mba_map_rect_contains       (const MbaMapRect *r,
                                      double            x,
                                      double            y);
gboolean mba_map_ring_contains       (const double     *xy,
                                      guint             n,
                                      double            x,
                                      double            y);

G_END_DECLS
