/* mba-map-projection.c: the two projections, Lambert azimuthal equal-area around the region and
 * Equal Earth for the world, and their home frames
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-map-projection.h"

#define DEG (G_PI / 180.0)

/* Equal Earth's polynomial coefficients. */
#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796
#define EE_M (sqrt (3.0) / 2.0)

static gboolean
laea_forward (double lon,
              double lat,
              double *x,
              double *y)
{
  double phi1 = MBA_MAP_REGIONAL_CENTER_LAT * DEG;
  double phi = lat * DEG;
  double dl = (lon - MBA_MAP_REGIONAL_CENTER_LON) * DEG;
  double denom = 1 + sin (phi1) * sin (phi) + cos (phi1) * cos (phi) * cos (dl);
  double k;

  if (denom < 1e-12)
    return FALSE;
  k = sqrt (2 / denom);
  *x = k * cos (phi) * sin (dl);
  *y = k * (cos (phi1) * sin (phi) - sin (phi1) * cos (phi) * cos (dl));
  return TRUE;
}

static gboolean
laea_inverse (double x,
              double y,
              double *lon,
              double *lat)
{
  double phi1 = MBA_MAP_REGIONAL_CENTER_LAT * DEG;
  double rho = hypot (x, y);
  double c, lambda;

  if (rho > 2.0)
    return FALSE;
  if (rho < 1e-15)
    {
      *lon = MBA_MAP_REGIONAL_CENTER_LON;
      *lat = MBA_MAP_REGIONAL_CENTER_LAT;
      return TRUE;
    }
  c = 2 * asin (rho / 2);
  *lat = asin (CLAMP (cos (c) * sin (phi1) + y * sin (c) * cos (phi1) / rho, -1.0, 1.0)) / DEG;
  lambda = atan2 (x * sin (c), rho * cos (phi1) * cos (c) - y * sin (phi1) * sin (c));
  *lon = remainder (MBA_MAP_REGIONAL_CENTER_LON + lambda / DEG, 360.0);
  return TRUE;
}

static void
equal_earth_forward (double lon,
                     double lat,
                     double *x,
                     double *y)
{
  double theta = asin (EE_M * sin (lat * DEG));
  double t2 = theta * theta, t6 = t2 * t2 * t2;

  *x = lon * DEG * cos (theta) /
       (EE_M * (EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2)));
  *y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
}

static gboolean
equal_earth_inverse (double x,
                     double y,
                     double *lon,
                     double *lat)
{
  double theta = y / EE_A1;
  double t2, t6, fy, fpy, l;
  double y_max = asin (EE_M) * (EE_A1 + EE_A2 * asin (EE_M) * asin (EE_M) +
                                pow (asin (EE_M), 6) * (EE_A3 + EE_A4 * asin (EE_M) * asin (EE_M)));

  if (fabs (y) > y_max + 1e-12)
    return FALSE;
  /* Newton's method on the polynomial for theta. */
  for (int i = 0; i < 20; i++)
    {
      double delta;

      t2 = theta * theta;
      t6 = t2 * t2 * t2;
      fy = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2)) - y;
      fpy = EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2);
      delta = fy / fpy;
      theta -= delta;
      if (fabs (delta) < 1e-14)
        break;
    }
  t2 = theta * theta;
  t6 = t2 * t2 * t2;
  fpy = EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2);
  l = EE_M * x * fpy / cos (theta);
  if (fabs (l) > G_PI + 1e-12)
    return FALSE;
  *lon = l / DEG;
  *lat = asin (CLAMP (sin (theta) / EE_M, -1.0, 1.0)) / DEG;
  return TRUE;
}

/**
 * mba_map_project:
 * @lon: longitude, degrees east, -180..180
 * @lat: latitude, degrees north
 *
 * Returns: %FALSE where the projection has no image (the regional projection's antipode)
 */
gboolean
mba_map_project (MbaMapProjection  projection,
                 double            lon,
                 double            lat,
                 double           *x,
                 double           *y)
{
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  switch (projection)
    {
    case MBA_MAP_PROJECTION_REGIONAL:
      return laea_forward (lon, lat, x, y);
    case MBA_MAP_PROJECTION_WORLD:
      equal_earth_forward (lon, lat, x, y);
      return TRUE;
    case MBA_N_MAP_PROJECTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * mba_map_unproject:
 *
 * Returns: %FALSE when (@x, @y) lies outside the projection's image of the globe
 */
gboolean
mba_map_unproject (MbaMapProjection  projection,
                   double            x,
                   double            y,
                   double           *lon,
                   double           *lat)
{
  g_return_val_if_fail (lon != NULL && lat != NULL, FALSE);

  switch (projection)
    {
    case MBA_MAP_PROJECTION_REGIONAL:
      return laea_inverse (x, y, lon, lat);
    case MBA_MAP_PROJECTION_WORLD:
      return equal_earth_inverse (x, y, lon, lat);
    case MBA_N_MAP_PROJECTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
compute_frames (MbaMapRect home[MBA_N_MAP_PROJECTIONS],
                MbaMapRect limits[MBA_N_MAP_PROJECTIONS])
{
  double x, y;

  /* Regional: from Ireland and Portugal to the Urals, from Crete to North Cape. */
  mba_map_rect_init_empty (&home[MBA_MAP_PROJECTION_REGIONAL]);
  for (double t = 0; t <= 1.0; t += 0.05)
    {
      double lon = -10 + t * 65, lat = 34 + t * 37;

      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, lon, 34, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, lon, 71, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, -10, lat, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, 55, lat, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
    }
  limits[MBA_MAP_PROJECTION_REGIONAL] = (MbaMapRect) { -1.2, -1.0, 1.2, 1.0 };

  /* World: every longitude, from Tierra del Fuego to the north of Greenland. */
  mba_map_rect_init_empty (&home[MBA_MAP_PROJECTION_WORLD]);
  for (double lat = -57; lat <= 84; lat += 1)
    {
      mba_map_project (MBA_MAP_PROJECTION_WORLD, -180, lat, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_WORLD], x, y);
      mba_map_project (MBA_MAP_PROJECTION_WORLD, 180, lat, &x, &y);
      mba_map_rect_add_point (&home[MBA_MAP_PROJECTION_WORLD], x, y);
    }
  limits[MBA_MAP_PROJECTION_WORLD] = home[MBA_MAP_PROJECTION_WORLD];
}

static const MbaMapRect *
get_frames (gboolean want_limits)
{
  static MbaMapRect frames[2][MBA_N_MAP_PROJECTIONS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      compute_frames (frames[0], frames[1]);
      g_once_init_leave (&initialized, 1);
    }
  return frames[want_limits ? 1 : 0];
}

const MbaMapRect *
mba_map_projection_get_home (MbaMapProjection projection)
{
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  return &get_frames (FALSE)[projection];
}

const MbaMapRect *
mba_map_projection_get_limits (MbaMapProjection projection)
{
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  return &get_frames (TRUE)[projection];
}

