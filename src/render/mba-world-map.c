/* mba-world-map.c: the map's countries, hit-testing, and its outlines in each projection
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-world-map-private.h"

G_DEFINE_FINAL_TYPE (MbaWorldMap, mba_world_map, G_TYPE_OBJECT)

G_DEFINE_QUARK (mba-world-map-error-quark, mba_world_map_error)

static void
projected_clear (Projected *p)
{
  g_clear_pointer (&p->ring_xy, g_free);
  g_clear_pointer (&p->arc_xy, g_free);
  g_clear_pointer (&p->ring_bounds, g_free);
  g_clear_pointer (&p->arc_bounds, g_free);
  g_clear_pointer (&p->country_bounds, g_free);
  g_clear_pointer (&p->anchor_xy, g_free);
}

static void
mba_world_map_finalize (GObject *object)
{
  MbaWorldMap *self = MBA_WORLD_MAP (object);

  for (guint i = 0; i < MBA_N_MAP_PROJECTIONS; i++)
    projected_clear (&self->projected[i]);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_free (self->countries);
  g_free (self->rings);
  g_free (self->ring_lonlat);
  g_free (self->ring_sig);
  g_free (self->arcs);
  g_free (self->arc_lonlat);
  g_free (self->arc_sig);
  g_free (self->arc_first);
  g_free (self->arc_second);
  g_free (self->country_arcs);
  g_free (self->country_arcs_offset);
  g_free (self->text);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (mba_world_map_parent_class)->finalize (object);
}

static void
mba_world_map_class_init (MbaWorldMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_world_map_finalize;
}

static void
mba_world_map_init (MbaWorldMap *self)
{
}

/* Countries and hit-testing ---------------------------------------------------------------- */

guint
mba_world_map_get_n_countries (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_countries;
}

const MbaMapCountry *
mba_world_map_get_country (MbaWorldMap *self,
                           guint        index)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (index < self->n_countries, NULL);
  return &self->countries[index];
}

const MbaMapCountry *
mba_world_map_find_country (MbaWorldMap *self,
                            const char  *code)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

/* Even-odd crossing test over all of a country's rings: holes need no special case. */
static gboolean
country_contains (MbaWorldMap *self,
                  guint        c,
                  double       lon,
                  double       lat)
{
  const MbaMapCountry *country = &self->countries[c];
  gboolean inside = FALSE;

  for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
    {
      const Ring *ring = &self->rings[r];

      if (mba_map_rect_contains (&ring->bounds, lon, lat) &&
          mba_map_ring_contains (self->ring_lonlat + 2 * ring->points.first_point,
                                 ring->points.n_points, lon, lat))
        inside = !inside;
    }
  return inside;
}

/**
 * mba_world_map_hit_test:
 * @lon: longitude, degrees east
 * @lat: latitude, degrees north
 *
 * Returns: (nullable): the country whose outline contains the point, or %NULL at sea
 */
const MbaMapCountry *
mba_world_map_hit_test (MbaWorldMap *self,
                        double       lon,
                        double       lat)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);

  for (guint c = 0; c < self->n_countries; c++)
    if (self->countries[c].n_rings > 0 &&
        mba_map_rect_contains (&self->countries[c].bounds, lon, lat) &&
        country_contains (self, c, lon, lat))
      return &self->countries[c];
  return NULL;
}

/* Projected geometry ----------------------------------------------------------------------- */

static void
project_points (MbaMapProjection  projection,
                const double     *lonlat,
                double           *xy,
                guint             n)
{
  for (guint i = 0; i < n; i++)
    if (!mba_map_project (projection, lonlat[2 * i], lonlat[2 * i + 1], &xy[2 * i], &xy[2 * i + 1]))
      {
        /* Only the regional projection's antipode fails; no land lies there. */
        xy[2 * i] = 0;
        xy[2 * i + 1] = -2;
      }
}

static Projected *
get_projected (MbaWorldMap      *self,
               MbaMapProjection  projection)
{
  Projected *p = &self->projected[projection];

  if (!g_once_init_enter (&p->ready))
    return p;

  p->ring_xy = g_new (double, 2 * self->n_ring_points);
  project_points (projection, self->ring_lonlat, p->ring_xy, self->n_ring_points);
  p->arc_xy = g_new (double, 2 * self->n_arc_points);
  project_points (projection, self->arc_lonlat, p->arc_xy, self->n_arc_points);

  p->ring_bounds = g_new (MbaMapRect, self->n_rings);
  for (guint r = 0; r < self->n_rings; r++)
    {
      const Span *s = &self->rings[r].points;

      mba_map_rect_init_empty (&p->ring_bounds[r]);
      for (guint i = s->first_point; i < s->first_point + s->n_points; i++)
        mba_map_rect_add_point (&p->ring_bounds[r], p->ring_xy[2 * i], p->ring_xy[2 * i + 1]);
    }
  p->arc_bounds = g_new (MbaMapRect, self->n_arcs);
  for (guint a = 0; a < self->n_arcs; a++)
    {
      const Span *s = &self->arcs[a];

      mba_map_rect_init_empty (&p->arc_bounds[a]);
      for (guint i = s->first_point; i < s->first_point + s->n_points; i++)
        mba_map_rect_add_point (&p->arc_bounds[a], p->arc_xy[2 * i], p->arc_xy[2 * i + 1]);
    }
  p->anchor_xy = g_new (double, 2 * self->n_countries);
  p->country_bounds = g_new (MbaMapRect, self->n_countries);
  for (guint c = 0; c < self->n_countries; c++)
    {
      const MbaMapCountry *country = &self->countries[c];
      double lonlat[2] = { country->anchor_lon, country->anchor_lat };

      project_points (projection, lonlat, &p->anchor_xy[2 * c], 1);
      mba_map_rect_init_empty (&p->country_bounds[c]);
      mba_map_rect_add_point (&p->country_bounds[c], p->anchor_xy[2 * c], p->anchor_xy[2 * c + 1]);
      for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
        mba_map_rect_union (&p->country_bounds[c], &p->ring_bounds[r]);
    }
  g_once_init_leave (&p->ready, 1);
  return p;
}

guint
mba_world_map_get_n_rings (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_rings;
}

const double *
mba_world_map_get_ring_points (MbaWorldMap      *self,
                               MbaMapProjection  projection,
                               guint             ring,
                               guint            *n_points)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);

  *n_points = self->rings[ring].points.n_points;
  return get_projected (self, projection)->ring_xy + 2 * self->rings[ring].points.first_point;
}

const float *
mba_world_map_get_ring_significance (MbaWorldMap *self,
                                     guint        ring)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);
  return self->ring_sig + self->rings[ring].points.first_point;
}

const MbaMapRect *
mba_world_map_get_ring_bounds (MbaWorldMap      *self,
                               MbaMapProjection  projection,
                               guint             ring)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);
  return &get_projected (self, projection)->ring_bounds[ring];
}

const MbaMapRect *
mba_world_map_get_country_bounds (MbaWorldMap      *self,
                                  MbaMapProjection  projection,
                                  guint             country)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);
  return &get_projected (self, projection)->country_bounds[country];
}

void
mba_world_map_get_anchor (MbaWorldMap      *self,
                          MbaMapProjection  projection,
                          guint             country,
                          double           *x,
                          double           *y)
{
  Projected *p;

  g_return_if_fail (MBA_IS_WORLD_MAP (self));
  g_return_if_fail (country < self->n_countries);

  p = get_projected (self, projection);
  *x = p->anchor_xy[2 * country];
  *y = p->anchor_xy[2 * country + 1];
}

guint
mba_world_map_get_n_arcs (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_arcs;
}

const double *
mba_world_map_get_arc_points (MbaWorldMap      *self,
                              MbaMapProjection  projection,
                              guint             arc,
                              guint            *n_points)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);

  *n_points = self->arcs[arc].n_points;
  return get_projected (self, projection)->arc_xy + 2 * self->arcs[arc].first_point;
}

const float *
mba_world_map_get_arc_significance (MbaWorldMap *self,
                                    guint        arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);
  return self->arc_sig + self->arcs[arc].first_point;
}

const MbaMapRect *
mba_world_map_get_arc_bounds (MbaWorldMap      *self,
                              MbaMapProjection  projection,
                              guint             arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);
  return &get_projected (self, projection)->arc_bounds[arc];
}

int
mba_world_map_get_arc_interior (MbaWorldMap *self,
                                guint        arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), -1);
  g_return_val_if_fail (arc < self->n_arcs, -1);

  if (self->arc_first[arc] >= 0 && self->arc_first[arc] == self->arc_second[arc])
    return self->arc_first[arc];
  return -1;
}

void
mba_world_map_get_arc_countries (MbaWorldMap *self,
                                 guint        arc,
                                 int         *first,
                                 int         *second)
{
  g_return_if_fail (MBA_IS_WORLD_MAP (self));
  g_return_if_fail (arc < self->n_arcs);

  *first = self->arc_first[arc];
  *second = self->arc_second[arc];
}

const guint *
mba_world_map_get_country_arcs (MbaWorldMap *self,
                                guint        country,
                                guint       *n_arcs)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);

  *n_arcs = self->country_arcs_offset[country + 1] - self->country_arcs_offset[country];
  return self->country_arcs + self->country_arcs_offset[country];
}

