/* mba-map-renderer-geometry.c: the map's outlines projected once per view, and paths of them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mba-map-renderer-private.h"

void
_mba_map_clear_view (MbaMapRenderer *self)
{
  self->view_valid = FALSE;
  g_clear_pointer (&self->country_vring_first, g_free);
  g_clear_pointer (&self->country_vring_n, g_free);
  g_clear_pointer (&self->arc_vis, g_free);
  g_clear_pointer (&self->country_screen, g_free);
  g_clear_pointer (&self->country_piece, g_free);
  g_clear_pointer (&self->country_visible, g_free);
  g_clear_pointer (&self->anchor_screen, g_free);
  g_clear_pointer (&self->label_point, g_free);
  g_clear_pointer (&self->label_point_state, g_free);
  _mba_map_clear_layers (self);
}

/* The view cache ---------------------------------------------------------------------------- */

/* Projected bounds to screen bounds (y flips). */
static void
rect_to_screen (MbaMapRenderer   *self,
                const MbaMapRect *r,
                MbaMapRect       *out)
{
  mba_map_view_to_screen (&self->view, self->width, self->height, r->x1, r->y2, &out->x1, &out->y1);
  mba_map_view_to_screen (&self->view, self->width, self->height, r->x2, r->y1, &out->x2, &out->y2);
}

/* Appends the points of a projected line to pts, dropping those a pixel cannot show; their
 * significance (the largest simplification tolerance, in degrees, that keeps them) goes to psig
 * so that wide outlines can be drawn simpler still. */
static VSpan
add_line (MbaMapRenderer *self,
          const double   *xy,
          const float    *sig,
          guint           n,
          float           threshold,
          MbaMapRect     *bounds)
{
  VSpan span = { self->pts->len / 2, 0 };
  double cx = self->width / 2.0 - self->view.center_x * self->scale;
  double cy = self->height / 2.0 + self->view.center_y * self->scale;

  bounds->x1 = bounds->y1 = G_MAXDOUBLE;
  bounds->x2 = bounds->y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    if (sig[i] >= threshold)
      {
        double p[2] = { cx + xy[2 * i] * self->scale, cy - xy[2 * i + 1] * self->scale };

        g_array_append_vals (self->pts, p, 2);
        g_array_append_val (self->psig, sig[i]);
        bounds->x1 = MIN (bounds->x1, p[0]);
        bounds->y1 = MIN (bounds->y1, p[1]);
        bounds->x2 = MAX (bounds->x2, p[0]);
        bounds->y2 = MAX (bounds->y2, p[1]);
        span.n++;
      }
  return span;
}

void
_mba_map_ensure_view (MbaMapRenderer           *self,
                      const MbaMapRenderParams *params)
{
  MbaWorldMap *map = params->map;
  MbaMapProjection projection = params->view.projection;
  MbaMapRect screen = { -CULL_MARGIN, -CULL_MARGIN,
                        params->width + CULL_MARGIN, params->height + CULL_MARGIN };
  guint n_countries, n_arcs;
  float threshold;

  if (self->view_valid && self->map == map && self->width == params->width &&
      self->height == params->height && self->view.projection == projection &&
      self->view.zoom == params->view.zoom && self->view.center_x == params->view.center_x &&
      self->view.center_y == params->view.center_y &&
      memcmp (&self->view.home, &params->view.home, sizeof (MbaMapRect)) == 0)
    return;

  _mba_map_clear_view (self);
  if (self->map != map)
    _mba_map_clear_dataset (self);
  g_set_object (&self->map, map);
  self->view = params->view;
  self->width = params->width;
  self->height = params->height;
  self->scale = mba_map_view_get_scale (&self->view, self->width, self->height);
  g_array_set_size (self->pts, 0);
  g_array_set_size (self->psig, 0);
  g_array_set_size (self->vrings, 0);
  g_array_set_size (self->vring_bounds, 0);
  g_array_set_size (self->varcs, 0);
  g_array_set_size (self->varc_bounds, 0);
  g_array_set_size (self->sphere, 0);

  /* Significance is in degrees; a projected unit is about a radian. */
  threshold = SIMPLIFY_PX / self->scale / DEG;

  n_countries = mba_world_map_get_n_countries (map);
  self->country_vring_first = g_new0 (guint, n_countries);
  self->country_vring_n = g_new0 (guint, n_countries);
  self->country_screen = g_new (MbaMapRect, n_countries);
  self->country_piece = g_new0 (double, n_countries);
  self->country_visible = g_new0 (gboolean, n_countries);
  self->anchor_screen = g_new (double, 2 * n_countries);
  self->label_point = g_new (double, 2 * n_countries);
  self->label_point_state = g_new0 (guint8, n_countries);

  for (guint c = 0; c < n_countries; c++)
    {
      const MbaMapCountry *country = mba_world_map_get_country (map, c);
      double ax, ay;

      mba_world_map_get_anchor (map, projection, c, &ax, &ay);
      mba_map_view_to_screen (&self->view, self->width, self->height, ax, ay,
                              &self->anchor_screen[2 * c], &self->anchor_screen[2 * c + 1]);
      rect_to_screen (self, mba_world_map_get_country_bounds (map, projection, c),
                      &self->country_screen[c]);
      self->country_visible[c] = mba_map_rect_intersects (&self->country_screen[c], &screen);
      self->country_vring_first[c] = self->vrings->len;
      if (!self->country_visible[c])
        continue;
      for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
        {
          MbaMapRect bounds, drawn;
          const double *xy;
          guint n;
          VSpan span;

          rect_to_screen (self, mba_world_map_get_ring_bounds (map, projection, r), &bounds);
          self->country_piece[c] = MAX (self->country_piece[c],
                                        MAX (bounds.x2 - bounds.x1, bounds.y2 - bounds.y1));
          if (!mba_map_rect_intersects (&bounds, &screen))
            continue;
          xy = mba_world_map_get_ring_points (map, projection, r, &n);
          span = add_line (self, xy, mba_world_map_get_ring_significance (map, r), n, threshold,
                           &drawn);
          if (span.n >= 3)
            {
              g_array_append_val (self->vrings, span);
              g_array_append_val (self->vring_bounds, drawn);
            }
          else
            {
              g_array_set_size (self->pts, 2 * span.first);
              g_array_set_size (self->psig, span.first);
            }
        }
      self->country_vring_n[c] = self->vrings->len - self->country_vring_first[c];
    }

  n_arcs = mba_world_map_get_n_arcs (map);
  self->arc_vis = g_new (int, n_arcs);
  for (guint a = 0; a < n_arcs; a++)
    {
      MbaMapRect bounds;
      const double *xy;
      guint n;
      VSpan span;

      self->arc_vis[a] = -1;
      if (mba_world_map_get_arc_interior (map, a) >= 0)
        continue;
      rect_to_screen (self, mba_world_map_get_arc_bounds (map, projection, a), &bounds);
      if (!mba_map_rect_intersects (&bounds, &screen))
        continue;
      xy = mba_world_map_get_arc_points (map, projection, a, &n);
      span = add_line (self, xy, mba_world_map_get_arc_significance (map, a), n, threshold,
                       &bounds);
      self->arc_vis[a] = self->varcs->len;
      g_array_append_val (self->varcs, span);
      g_array_append_val (self->varc_bounds, bounds);
    }

  if (projection == MBA_MAP_PROJECTION_WORLD)
    {
      /* The edge of the world: down the antimeridian's east side and up its west side. */
      for (int side = 0; side < 2; side++)
        for (int lat = -90; lat <= 90; lat++)
          {
            double x, y, p[2];
            double lon = side == 0 ? 180 : -180;
            double l = side == 0 ? -lat : lat;

            mba_map_project (projection, lon, l, &x, &y);
            mba_map_view_to_screen (&self->view, self->width, self->height, x, y, &p[0], &p[1]);
            g_array_append_vals (self->sphere, p, 2);
          }
    }

  self->view_valid = TRUE;
}

/* Geometry ---------------------------------------------------------------------------------- */

gboolean
_mba_map_is_marker (MbaMapRenderer *self,
                    guint           c)
{
  /* An archipelago like Kiribati spans thousands of kilometres but shows no island: its
   * largest piece decides. */
  if (self->state_of[c] == NULL)
    return FALSE;
  return self->country_vring_n[c] == 0 || self->country_piece[c] < MARKER_BELOW;
}

gboolean
_mba_map_anchor_on_screen (MbaMapRenderer *self,
                           guint           c)
{
  double x = self->anchor_screen[2 * c], y = self->anchor_screen[2 * c + 1];

  return x >= -MARKER_RADIUS && x <= self->width + MARKER_RADIUS &&
         y >= -MARKER_RADIUS && y <= self->height + MARKER_RADIUS;
}

/* Where a country is drawn on screen: its outline's bounds, or its marker's. */
MbaMapRect
_mba_map_country_extent (MbaMapRenderer *self,
                         guint           c)
{
  MbaMapRect r = self->country_screen[c];

  if (_mba_map_is_marker (self, c))
    {
      double x = self->anchor_screen[2 * c], y = self->anchor_screen[2 * c + 1];

      r = (MbaMapRect) { x, y, x, y };
      mba_map_rect_grow (&r, MARKER_RADIUS + 2);
    }
  return r;
}

/* A country's rings, or only those that touch one of @damage's rectangles. */
void
_mba_map_append_country (MbaMapRenderer *self,
                         cairo_t        *cr,
                         guint           c,
                         GArray         *damage)
{
  const double *pts = (const double *) self->pts->data;

  for (guint r = self->country_vring_first[c];
       r < self->country_vring_first[c] + self->country_vring_n[c]; r++)
    {
      const VSpan *span = &g_array_index (self->vrings, VSpan, r);
      const double *p = pts + 2 * span->first;

      if (damage)
        {
          MbaMapRect bounds = g_array_index (self->vring_bounds, MbaMapRect, r);
          gboolean touches = FALSE;

          mba_map_rect_grow (&bounds, 1);
          for (guint i = 0; i < damage->len && !touches; i++)
            touches = mba_map_rect_intersects (&bounds, &g_array_index (damage, MbaMapRect, i));
          if (!touches)
            continue;
        }

      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < span->n; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
    }
}

/* An arc of the view, unless it is smaller than @min_size; @min_sig drops more points. */
void
_mba_map_append_arc (MbaMapRenderer *self,
                     cairo_t        *cr,
                     guint           a,
                     double          min_size,
                     float           min_sig)
{
  const MbaMapRect *bounds;
  const VSpan *span;
  const double *p;
  const float *sig;

  if (self->arc_vis[a] < 0)
    return;
  bounds = &g_array_index (self->varc_bounds, MbaMapRect, self->arc_vis[a]);
  if (MAX (bounds->x2 - bounds->x1, bounds->y2 - bounds->y1) < min_size)
    return;
  span = &g_array_index (self->varcs, VSpan, self->arc_vis[a]);
  p = (const double *) self->pts->data + 2 * span->first;
  sig = (const float *) self->psig->data + span->first;
  cairo_move_to (cr, p[0], p[1]);
  for (guint i = 1; i < span->n; i++)
    if (sig[i] >= min_sig || i == span->n - 1)
      cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
}

void
_mba_map_append_outline (MbaMapRenderer *self,
                         cairo_t        *cr,
                         guint           c,
                         double          min_size,
                         float           min_sig)
{
  const guint *arcs;
  guint n;

  if (_mba_map_is_marker (self, c))
    {
      if (_mba_map_anchor_on_screen (self, c))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->anchor_screen[2 * c], self->anchor_screen[2 * c + 1],
                     MARKER_RADIUS + 1, 0, 2 * G_PI);
        }
      return;
    }
  arcs = mba_world_map_get_country_arcs (self->map, c, &n);
  for (guint i = 0; i < n; i++)
    _mba_map_append_arc (self, cr, arcs[i], min_size, min_sig);
}

double
_mba_map_context_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 0.25);
}

gboolean
_mba_map_is_vector_target (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

