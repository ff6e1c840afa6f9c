/* mba-map-rect.c: rectangles and rings in the map's plane, in degrees, projected units or pixels
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-map-rect.h"

void
mba_map_rect_init_empty (MbaMapRect *r)
{
  r->x1 = r->y1 = G_MAXDOUBLE;
  r->x2 = r->y2 = -G_MAXDOUBLE;
}

void
mba_map_rect_add_point (MbaMapRect *r,
                        double      x,
                        double      y)
{
  r->x1 = MIN (r->x1, x);
  r->y1 = MIN (r->y1, y);
  r->x2 = MAX (r->x2, x);
  r->y2 = MAX (r->y2, y);
}

/* Grows @r to cover @o too; an empty @r becomes @o. */
void
mba_map_rect_union (MbaMapRect       *r,
                    const MbaMapRect *o)
{
  if (r->x1 > r->x2)
    {
      *r = *o;
      return;
    }
  r->x1 = MIN (r->x1, o->x1);
  r->y1 = MIN (r->y1, o->y1);
  r->x2 = MAX (r->x2, o->x2);
  r->y2 = MAX (r->y2, o->y2);
}

void
mba_map_rect_grow (MbaMapRect *r,
                   double      by)
{
  r->x1 -= by;
  r->y1 -= by;
  r->x2 += by;
  r->y2 += by;
}

/* Whether the two overlap or touch. */
gboolean
mba_map_rect_intersects (const MbaMapRect *a,
                         const MbaMapRect *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}

gboolean
mba_map_rect_contains (const MbaMapRect *r,
                       double            x,
                       double            y)
{
  return x >= r->x1 && x <= r->x2 && y >= r->y1 && y <= r->y2;
}

/**
 * mba_map_ring_contains:
 * @xy: the ring's @n points as (x, y) pairs
 *
 * Returns: whether a ray from (@x, @y) crosses the ring an odd number of times. Over all of
 *   a shape's rings, an odd count of rings that contain a point puts it inside: holes need
 *   no special case.
 */
gboolean
mba_map_ring_contains (const double *xy,
                       guint         n,
                       double        x,
                       double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}
