/* mba-world-map.h: country outlines, views of them, and hit-testing
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-map-projection.h"

G_BEGIN_DECLS

#define MBA_WORLD_MAP_ERROR (mba_world_map_error_quark ())

typedef enum
{
  MBA_WORLD_MAP_ERROR_INVALID,
} MbaWorldMapError;

/* Where the map file sits in the application's resources. */
#define MBA_WORLD_MAP_RESOURCE "/io/github/minebanatlas/MineBanAtlas/world-map.txt"

/* One country (or territory) of the map; owned by the map, read-only. */
typedef struct
{
  guint        index;
  char         code[4];       /* ISO 3166-1 alpha-3 as the map file gives it */
  const char  *name;          /* Natural Earth's English name: the last resort for display */
  double       anchor_lon;    /* inside the largest polygon: for labels and markers */
  double       anchor_lat;
  guint        first_ring;
  guint        n_rings;       /* 0 when the country is too small for an outline */
  MbaMapRect   bounds;        /* longitude and latitude, degrees */
} MbaMapCountry;

/**
 * MbaMapView:
 * @projection: which projection
 * @zoom: 1 shows the projection's home frame fitted in the view; larger zooms in
 * @center_x: projected x at the middle of the view
 * @center_y: projected y at the middle of the view (y grows northwards)
 * @home: the frame, in projected units, that zoom 1 fits in the view: the projection's home
 *   frame, or a story's region (see mba_map_view_init_framed()); empty means the projection's
 *
 * What part of the map a view shows; screen coordinates have y growing downwards.
 */
typedef struct
{
  MbaMapProjection projection;
  double           zoom;
  double           center_x;
  double           center_y;
  MbaMapRect       home;
} MbaMapView;

#define MBA_MAP_VIEW_MIN_ZOOM 0.75
#define MBA_MAP_VIEW_MAX_ZOOM 48.0

#define MBA_TYPE_WORLD_MAP (mba_world_map_get_type ())

G_DECLARE_FINAL_TYPE (MbaWorldMap, mba_world_map, MBA, WORLD_MAP, GObject)

GQuark               mba_world_map_error_quark        (void);

MbaWorldMap         *mba_world_map_new_from_bytes     (GBytes            *bytes,
                                                       GError           **error);
MbaWorldMap         *mba_world_map_new_from_file      (const char        *path,
                                                       GError           **error);
MbaWorldMap         *mba_world_map_new_from_resource  (const char        *resource_path,
                                                       GError           **error);

guint                mba_world_map_get_n_countries    (MbaWorldMap       *self);
const MbaMapCountry *mba_world_map_get_country        (MbaWorldMap       *self,
                                                       guint              index);
const MbaMapCountry *mba_world_map_find_country       (MbaWorldMap       *self,
                                                       const char        *code);
const MbaMapCountry *mba_world_map_hit_test           (MbaWorldMap       *self,
                                                       double             lon,
                                                       double             lat);

/* Geometry for drawing. Rings and arcs come as (x, y) pairs in projected units, cached per
 * projection; significance is, for each point, the largest simplification tolerance (in
 * degrees) at which the point is still kept, so a view can drop points below a pixel. */
guint                mba_world_map_get_n_rings        (MbaWorldMap       *self);
const double        *mba_world_map_get_ring_points    (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              ring,
                                                       guint             *n_points);
const float         *mba_world_map_get_ring_significance (MbaWorldMap    *self,
                                                       guint              ring);
const MbaMapRect    *mba_world_map_get_ring_bounds    (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              ring);
const MbaMapRect    *mba_world_map_get_country_bounds (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              country);
void                 mba_world_map_get_anchor         (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              country,
                                                       double            *x,
                                                       double            *y);
guint                mba_world_map_get_n_arcs         (MbaWorldMap       *self);
const double        *mba_world_map_get_arc_points     (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              arc,
                                                       guint             *n_points);
const float         *mba_world_map_get_arc_significance (MbaWorldMap     *self,
                                                       guint              arc);
const MbaMapRect    *mba_world_map_get_arc_bounds     (MbaWorldMap       *self,
                                                       MbaMapProjection   projection,
                                                       guint              arc);
/* -1 for a border between two countries or a coast, else the country whose interior it crosses
 * (where the map file joins two pieces into one state, or closes a piece cut at the
 * antimeridian): such arcs are not stroked. */
int                  mba_world_map_get_arc_interior   (MbaWorldMap       *self,
                                                       guint              arc);
/* The countries an arc bounds: the first, and the second or -1 for a coast. */
void                 mba_world_map_get_arc_countries  (MbaWorldMap       *self,
                                                       guint              arc,
                                                       int               *first,
                                                       int               *second);
/* The arcs of a country's outline (each once), for outlining a country. */
const guint         *mba_world_map_get_country_arcs   (MbaWorldMap       *self,
                                                       guint              country,
                                                       guint             *n_arcs);

void                 mba_map_view_init                (MbaMapView        *view,
                                                       MbaMapProjection   projection);
void                 mba_map_view_init_framed         (MbaMapView        *view,
                                                       MbaMapProjection   projection,
                                                       const MbaMapRect  *home);
void                 mba_map_view_reset               (MbaMapView        *view);
double               mba_map_view_get_scale           (const MbaMapView  *view,
                                                       int                width,
                                                       int                height);
void                 mba_map_view_to_screen           (const MbaMapView  *view,
                                                       int                width,
                                                       int                height,
                                                       double             x,
                                                       double             y,
                                                       double            *sx,
                                                       double            *sy);
void                 mba_map_view_from_screen         (const MbaMapView  *view,
                                                       int                width,
                                                       int                height,
                                                       double             sx,
                                                       double             sy,
                                                       double            *x,
                                                       double            *y);
gboolean             mba_map_view_lonlat_to_screen    (const MbaMapView  *view,
                                                       int                width,
                                                       int                height,
                                                       double             lon,
                                                       double             lat,
                                                       double            *sx,
                                                       double            *sy);
gboolean             mba_map_view_screen_to_lonlat    (const MbaMapView  *view,
                                                       int                width,
                                                       int                height,
                                                       double             sx,
                                                       double             sy,
                                                       double            *lon,
                                                       double            *lat);
void                 mba_map_view_zoom_at             (MbaMapView        *view,
                                                       int                width,
                                                       int                height,
                                                       double             factor,
                                                       double             sx,
                                                       double             sy);
void                 mba_map_view_pan                 (MbaMapView        *view,
                                                       int                width,
                                                       int                height,
                                                       double             dx,
                                                       double             dy);
void                 mba_map_view_clamp               (MbaMapView        *view);
const MbaMapCountry *mba_map_view_hit_test            (const MbaMapView  *view,
                                                       MbaWorldMap       *map,
                                                       int                width,
                                                       int                height,
                                                       double             sx,
                                                       double             sy);

G_END_DECLS
