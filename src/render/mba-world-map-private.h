/* mba-world-map-private.h: the world map's fields, shared by the object and its reader
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-world-map.h"

G_BEGIN_DECLS

#define DEG (G_PI / 180.0)

typedef struct
{
  guint first_point;
  guint n_points;
} Span;

typedef struct
{
  guint  country;
  Span   points;          /* into ring_lonlat and ring_sig */
  MbaMapRect bounds;      /* degrees */
} Ring;

typedef struct
{
  gsize       ready;      /* g_once: the handout draws in a thread while the window draws too */
  double     *ring_xy;
  double     *arc_xy;
  MbaMapRect *ring_bounds;
  MbaMapRect *arc_bounds;
  MbaMapRect *country_bounds;
  double     *anchor_xy;
} Projected;

struct _MbaWorldMap
{
  GObject        parent_instance;

  GBytes        *bytes;         /* names point into a copy of it */
  char          *text;

  MbaMapCountry *countries;
  guint          n_countries;
  GHashTable    *by_code;       /* code -> MbaMapCountry */

  Ring          *rings;
  guint          n_rings;
  double        *ring_lonlat;
  float         *ring_sig;
  guint          n_ring_points;

  Span          *arcs;
  guint          n_arcs;
  double        *arc_lonlat;
  float         *arc_sig;
  guint          n_arc_points;
  int           *arc_first;     /* the countries on each side of an arc, -1 when none */
  int           *arc_second;

  guint         *country_arcs;  /* per country, its outline arcs (no interior ones) */
  guint         *country_arcs_offset;

  Projected      projected[MBA_N_MAP_PROJECTIONS];
};

G_END_DECLS
