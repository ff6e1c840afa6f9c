/* mba-map-projection.h: the two projections: longitude and latitude to the plane and back
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-map-rect.h"

G_BEGIN_DECLS

/**
 * MbaMapProjection:
 * @MBA_MAP_PROJECTION_REGIONAL: Lambert azimuthal equal-area centred on 25°E 55°N, for Europe
 *   and western Russia (the Baltic states sit at the centre, without distortion)
 * @MBA_MAP_PROJECTION_WORLD: Equal Earth (Šavrič, Patterson and Jenny 2018), the whole world
 *
 * Both are equal-area and map the unit sphere, so one projected unit is about one radian.
 */
typedef enum
{
  MBA_MAP_PROJECTION_REGIONAL,
  MBA_MAP_PROJECTION_WORLD,
  MBA_N_MAP_PROJECTIONS
} MbaMapProjection;

#define MBA_MAP_REGIONAL_CENTER_LON 25.0
#define MBA_MAP_REGIONAL_CENTER_LAT 55.0

/* Projections: longitude and latitude in degrees to projected units, and back. */
gboolean             mba_map_project                  (MbaMapProjection   projection,
                                                       double             lon,
                                                       double             lat,
                                                       double            *x,
                                                       double            *y);
gboolean             mba_map_unproject                (MbaMapProjection   projection,
                                                       double             x,
                                                       double             y,
                                                       double            *lon,
                                                       double            *lat);
/* The projection's home frame (zoom 1) and the area a view's centre may move in. */
const MbaMapRect    *mba_map_projection_get_home      (MbaMapProjection   projection);
const MbaMapRect    *mba_map_projection_get_limits    (MbaMapProjection   projection);

G_END_DECLS
