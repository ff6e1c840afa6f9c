/* mba-world-map-view.c: a view of the map: its projection, zoom and centre, and the screen
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-world-map.h"

void
mba_map_view_init (MbaMapView       *view,
                   MbaMapProjection  projection)
{
  g_return_if_fail (projection < MBA_N_MAP_PROJECTIONS);

  mba_map_view_init_framed (view, projection, mba_map_projection_get_home (projection));
}

/**
 * mba_map_view_init_framed:
 * @home: the frame that zoom 1 shows, in projected units (a story's region); an empty
 *   rectangle means the projection's home frame
 *
 * A view at zoom 1 on @home, whatever size it is drawn at: a region framed this way stays
 * framed when the window is resized.
 */
void
mba_map_view_init_framed (MbaMapView       *view,
                          MbaMapProjection  projection,
                          const MbaMapRect *home)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (projection < MBA_N_MAP_PROJECTIONS);
  g_return_if_fail (home != NULL);

  view->projection = projection;
  view->home = home->x2 > home->x1 && home->y2 > home->y1
               ? *home : *mba_map_projection_get_home (projection);
  mba_map_view_reset (view);
}

/* Back to zoom 1 on the view's home frame. */
void
mba_map_view_reset (MbaMapView *view)
{
  g_return_if_fail (view != NULL);

  if (!(view->home.x2 > view->home.x1 && view->home.y2 > view->home.y1))
    view->home = *mba_map_projection_get_home (view->projection);
  view->zoom = 1.0;
  view->center_x = (view->home.x1 + view->home.x2) / 2;
  view->center_y = (view->home.y1 + view->home.y2) / 2;
}

static const MbaMapRect *
view_home (const MbaMapView *view)
{
  if (view->home.x2 > view->home.x1 && view->home.y2 > view->home.y1)
    return &view->home;
  return mba_map_projection_get_home (view->projection);
}

/* A framed region may still zoom out as far as the projection's home frame allows. */
static double
min_zoom (const MbaMapView *view)
{
  const MbaMapRect *home = view_home (view), *whole = mba_map_projection_get_home (view->projection);
  double ratio = MIN ((home->x2 - home->x1) / (whole->x2 - whole->x1),
                      (home->y2 - home->y1) / (whole->y2 - whole->y1));

  return MBA_MAP_VIEW_MIN_ZOOM * MIN (ratio, 1.0);
}

/* Pixels per projected unit. */
double
mba_map_view_get_scale (const MbaMapView *view,
                        int               width,
                        int               height)
{
  const MbaMapRect *home = view_home (view);

  return view->zoom * MIN (MAX (width, 1) / (home->x2 - home->x1),
                           MAX (height, 1) / (home->y2 - home->y1));
}

void
mba_map_view_to_screen (const MbaMapView *view,
                        int               width,
                        int               height,
                        double            x,
                        double            y,
                        double           *sx,
                        double           *sy)
{
  double scale = mba_map_view_get_scale (view, width, height);

  *sx = width / 2.0 + (x - view->center_x) * scale;
  *sy = height / 2.0 - (y - view->center_y) * scale;
}

void
mba_map_view_from_screen (const MbaMapView *view,
                          int               width,
                          int               height,
                          double            sx,
                          double            sy,
                          double           *x,
                          double           *y)
{
  double scale = mba_map_view_get_scale (view, width, height);

  *x = view->center_x + (sx - width / 2.0) / scale;
  *y = view->center_y - (sy - height / 2.0) / scale;
}

gboolean
mba_map_view_lonlat_to_screen (const MbaMapView *view,
                               int               width,
                               int               height,
                               double            lon,
                               double            lat,
                               double           *sx,
                               double           *sy)
{
  double x, y;

  if (!mba_map_project (view->projection, lon, lat, &x, &y))
    return FALSE;
  mba_map_view_to_screen (view, width, height, x, y, sx, sy);
  return TRUE;
}

gboolean
mba_map_view_screen_to_lonlat (const MbaMapView *view,
                               int               width,
                               int               height,
                               double            sx,
                               double            sy,
                               double           *lon,
                               double           *lat)
{
  double x, y;

  mba_map_view_from_screen (view, width, height, sx, sy, &x, &y);
  return mba_map_unproject (view->projection, x, y, lon, lat);
}

void
mba_map_view_clamp (MbaMapView *view)
{
  const MbaMapRect *limits;

  g_return_if_fail (view != NULL);

  limits = mba_map_projection_get_limits (view->projection);
  if (!isfinite (view->zoom))
    view->zoom = 1.0;
  view->zoom = CLAMP (view->zoom, min_zoom (view), MBA_MAP_VIEW_MAX_ZOOM);
  if (!isfinite (view->center_x) || !isfinite (view->center_y))
    mba_map_view_reset (view);
  view->center_x = CLAMP (view->center_x, limits->x1, limits->x2);
  view->center_y = CLAMP (view->center_y, limits->y1, limits->y2);
}

/* Zooms by @factor keeping the point under (@sx, @sy) where it is. */
void
mba_map_view_zoom_at (MbaMapView *view,
                      int         width,
                      int         height,
                      double      factor,
                      double      sx,
                      double      sy)
{
  double x, y, x2, y2;

  g_return_if_fail (view != NULL);

  mba_map_view_from_screen (view, width, height, sx, sy, &x, &y);
  view->zoom = CLAMP (view->zoom * factor, min_zoom (view), MBA_MAP_VIEW_MAX_ZOOM);
  mba_map_view_from_screen (view, width, height, sx, sy, &x2, &y2);
  view->center_x += x - x2;
  view->center_y += y - y2;
  mba_map_view_clamp (view);
}

/* Moves the map by (@dx, @dy) pixels, as a drag does. */
void
mba_map_view_pan (MbaMapView *view,
                  int         width,
                  int         height,
                  double      dx,
                  double      dy)
{
  double scale;

  g_return_if_fail (view != NULL);

  scale = mba_map_view_get_scale (view, width, height);
  view->center_x -= dx / scale;
  view->center_y += dy / scale;
  mba_map_view_clamp (view);
}

/**
 * mba_map_view_hit_test:
 *
 * Returns: (nullable): the country drawn under the screen point (outlines only: markers of
 *   small states are the renderer's, see mba_map_renderer_hit_test())
 */
const MbaMapCountry *
mba_map_view_hit_test (const MbaMapView *view,
                       MbaWorldMap      *map,
                       int               width,
                       int               height,
                       double            sx,
                       double            sy)
{
  double lon, lat;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (MBA_IS_WORLD_MAP (map), NULL);

  if (!mba_map_view_screen_to_lonlat (view, width, height, sx, sy, &lon, &lat))
    return NULL;
  return mba_world_map_hit_test (map, lon, lat);
}
