/* test-map-geometry.c: the map file, the projections, views and hit-testing */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-world-map.h"

#define DEG (G_PI / 180.0)

static MbaWorldMap *map;

typedef struct
{
  const char *name;
  double      lon;
  double      lat;
  const char *code;   /* NULL: at sea */
} Place;

static const Place places[] = {
  { "Simferopol", 34.10, 44.95, "UKR" },
  { "Sevastopol", 33.52, 44.60, "UKR" },
  { "Tallinn", 24.75, 59.44, "EST" },
  { "Vilnius", 25.28, 54.69, "LTU" },
  { "Riga", 24.11, 56.95, "LVA" },
  { "Warsaw", 21.01, 52.23, "POL" },
  { "Helsinki", 24.94, 60.17, "FIN" },
  { "Moscow", 37.62, 55.76, "RUS" },
  { "Kyiv", 30.52, 50.45, "UKR" },
  { "Kaliningrad", 20.51, 54.71, "RUS" },
  { "Mariehamn (Aaland)", 19.94, 60.10, "FIN" },
  { "Kyrenia (northern Cyprus)", 33.32, 35.34, "CYP" },
  { "Hargeisa (Somaliland)", 44.06, 9.56, "SOM" },
  { "Washington", -77.04, 38.91, "USA" },
  { "Beijing", 116.40, 39.90, "CHN" },
  { "Islamabad", 73.05, 33.68, "PAK" },
  { "Seoul", 126.98, 37.57, "KOR" },
  { "Pyongyang", 125.75, 39.03, "PRK" },
  { "Chukotka, west of 180°", -175.0, 66.5, "RUS" },
  { "Viti Levu (Fiji, east of 180°)", 178.0, -17.8, "FJI" },
  { "Baltic Sea, between Gotland and Latvia", 19.8, 56.2, NULL },
  { "Gulf of Finland", 25.5, 59.85, NULL },
  { "Black Sea", 34.0, 43.0, NULL },
};

static void
test_file (void)
{
  static const char * const small_states[] = {
    "LIE", "AND", "MLT", "LUX", "MCO", "SMR", "VAT", "NRU", "TUV", "MHL", "TON", "PLW", "KIR",
    "COK", "NIU", "PSE", "FSM",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  gsize size;
  char *contents;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_free (contents);
  g_test_message ("world-map.txt: %zu bytes", size);
  g_assert_cmpuint (size, <, 1024 * 1024);

  g_assert_cmpuint (mba_world_map_get_n_countries (map), >, 200);
  for (guint i = 0; i < G_N_ELEMENTS (small_states); i++)
    {
      const MbaMapCountry *country = mba_world_map_find_country (map, small_states[i]);

      g_assert_nonnull (country);
      g_assert_cmpstr (country->code, ==, small_states[i]);
      /* The anchor is inside the country, or the country is a point. */
      if (country->n_rings > 0)
        g_assert_true (mba_world_map_hit_test (map, country->anchor_lon, country->anchor_lat) == country);
    }
  /* Merged into the state the UN recognises, and Antarctica left out. */
  g_assert_null (mba_world_map_find_country (map, "CYN"));
  g_assert_null (mba_world_map_find_country (map, "SOL"));
  g_assert_null (mba_world_map_find_country (map, "ALA"));
  g_assert_null (mba_world_map_find_country (map, "ATA"));
}

/* Every state of the bundled dataset has a place on the map. */
static void
test_dataset_states_on_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (dataset, i);

      if (mba_world_map_find_country (map, state->code) == NULL)
        g_error ("%s (%s) is not on the map", state->name, state->code);
    }
}

static void
test_anchors_inside (void)
{
  guint n_outside = 0;

  for (guint c = 0; c < mba_world_map_get_n_countries (map); c++)
    {
      const MbaMapCountry *country = mba_world_map_get_country (map, c);

      if (country->n_rings > 0 &&
          mba_world_map_hit_test (map, country->anchor_lon, country->anchor_lat) != country)
        {
          g_test_message ("anchor of %s is outside it", country->code);
          n_outside++;
        }
    }
  g_assert_cmpuint (n_outside, ==, 0);
}

static void
test_no_antimeridian_crossing (void)
{
  for (guint r = 0; r < mba_world_map_get_n_rings (map); r++)
    {
      guint n;
      const double *xy = mba_world_map_get_ring_points (map, MBA_MAP_PROJECTION_WORLD, r, &n);
      const MbaMapRect *bounds = mba_world_map_get_ring_bounds (map, MBA_MAP_PROJECTION_WORLD, r);

      /* A ring jumping across the world would span most of it at one latitude. */
      for (guint i = 1; i < n; i++)
        g_assert_cmpfloat (fabs (xy[2 * i] - xy[2 * i - 2]), <, 2.0);
      g_assert_cmpfloat (bounds->x2 - bounds->x1, <, 5.0);
    }
}

static void
check_round_trip (MbaMapProjection projection,
                  double           lon,
                  double           lat)
{
  double x, y, lon2, lat2;

  g_assert_true (mba_map_project (projection, lon, lat, &x, &y));
  g_assert_true (mba_map_unproject (projection, x, y, &lon2, &lat2));
  if (fabs (lon2 - lon) > 1e-6 || fabs (lat2 - lat) > 1e-6)
    g_error ("projection %d: (%.9f, %.9f) came back as (%.9f, %.9f)", projection, lon, lat, lon2, lat2);
}

static void
test_round_trip (void)
{
  guint n = 0;

  for (double lat = -89.5; lat <= 89.5; lat += 0.75)
    for (double lon = -179.5; lon <= 179.5; lon += 0.75)
      {
        check_round_trip (MBA_MAP_PROJECTION_WORLD, lon, lat);
        /* Lambert azimuthal: everywhere but near the antipode (155°W 55°S). */
        if (lat > -30)
          check_round_trip (MBA_MAP_PROJECTION_REGIONAL, lon, lat);
        n++;
      }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      check_round_trip (MBA_MAP_PROJECTION_WORLD, places[i].lon, places[i].lat);
      check_round_trip (MBA_MAP_PROJECTION_REGIONAL, places[i].lon, places[i].lat);
    }
  g_test_message ("%u points", n);
}

/* Area on the unit sphere of the cell, against the area of its projected quadrilateral. */
static double
area_ratio (MbaMapProjection projection,
            double           lon,
            double           lat,
            double           d)
{
  double x[4], y[4], planar = 0, spherical;
  double corners[4][2] = { { lon, lat }, { lon + d, lat }, { lon + d, lat + d }, { lon, lat + d } };

  for (int i = 0; i < 4; i++)
    g_assert_true (mba_map_project (projection, corners[i][0], corners[i][1], &x[i], &y[i]));
  for (int i = 0; i < 4; i++)
    planar += x[i] * y[(i + 1) % 4] - x[(i + 1) % 4] * y[i];
  spherical = d * DEG * (sin ((lat + d) * DEG) - sin (lat * DEG));
  return fabs (planar) / 2 / spherical;
}

static void
test_equal_area (void)
{
  static const double where[][2] = {
    { 25, 55 }, { -9, 38 }, { 60, 70 }, { 37, 56 }, { 0, 0 }, { -100, 40 }, { 120, -30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      g_assert_cmpfloat_with_epsilon (area_ratio (MBA_MAP_PROJECTION_WORLD, where[i][0], where[i][1], 0.01), 1.0, 1e-3);
      g_assert_cmpfloat_with_epsilon (area_ratio (MBA_MAP_PROJECTION_REGIONAL, where[i][0], where[i][1], 0.01), 1.0, 1e-3);
    }
}

/* At the regional projection's centre, among the Baltic states, shapes are true: a small
 * step east and a small step north keep their lengths. */
static void
test_regional_centre_undistorted (void)
{
  double x0, y0, xe, ye, xn, yn;
  double d = 0.01;

  g_assert_true (mba_map_project (MBA_MAP_PROJECTION_REGIONAL, 25, 55, &x0, &y0));
  g_assert_cmpfloat_with_epsilon (x0, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0, 0.0, 1e-12);
  mba_map_project (MBA_MAP_PROJECTION_REGIONAL, 25 + d, 55, &xe, &ye);
  mba_map_project (MBA_MAP_PROJECTION_REGIONAL, 25, 55 + d, &xn, &yn);
  g_assert_cmpfloat_with_epsilon (hypot (xe - x0, ye - y0) / (d * DEG * cos (55 * DEG)), 1.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (hypot (xn - x0, yn - y0) / (d * DEG), 1.0, 1e-4);
  /* North is up. */
  g_assert_cmpfloat (yn, >, y0);
  g_assert_cmpfloat (fabs (xn - x0), <, 1e-9);
}

static void
test_hit_lonlat (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      const MbaMapCountry *country = mba_world_map_hit_test (map, places[i].lon, places[i].lat);

      g_test_message ("%s: %s", places[i].name, country ? country->code : "sea");
      g_assert_cmpstr (country ? country->code : NULL, ==, places[i].code);
    }
}

static void
test_hit_screen (void)
{
  for (MbaMapProjection p = 0; p < MBA_N_MAP_PROJECTIONS; p++)
    {
      MbaMapView view;

      mba_map_view_init (&view, p);
      for (guint i = 0; i < G_N_ELEMENTS (places); i++)
        {
          const MbaMapCountry *country;
          double sx, sy, lon, lat;

          g_assert_true (mba_map_view_lonlat_to_screen (&view, 1600, 900, places[i].lon, places[i].lat, &sx, &sy));
          g_assert_true (mba_map_view_screen_to_lonlat (&view, 1600, 900, sx, sy, &lon, &lat));
          g_assert_cmpfloat_with_epsilon (lon, places[i].lon, 1e-6);
          g_assert_cmpfloat_with_epsilon (lat, places[i].lat, 1e-6);
          country = mba_map_view_hit_test (&view, map, 1600, 900, sx, sy);
          g_assert_cmpstr (country ? country->code : NULL, ==, places[i].code);
        }
    }
}

static void
test_home_frames (void)
{
  MbaMapView view;
  double sx, sy;

  /* The regional view's home frame shows Lisbon, North Cape, Crete and Moscow. */
  mba_map_view_init (&view, MBA_MAP_PROJECTION_REGIONAL);
  {
    static const double shown[][2] = { { -9.14, 38.72 }, { 25.78, 71.17 }, { 24.9, 35.2 }, { 37.62, 55.76 } };

    for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
      {
        mba_map_view_lonlat_to_screen (&view, 1600, 900, shown[i][0], shown[i][1], &sx, &sy);
        g_assert_cmpfloat (sx, >, 0);
        g_assert_cmpfloat (sx, <, 1600);
        g_assert_cmpfloat (sy, >, 0);
        g_assert_cmpfloat (sy, <, 900);
      }
  }
  /* The world view shows both ends of the world. */
  mba_map_view_init (&view, MBA_MAP_PROJECTION_WORLD);
  mba_map_view_lonlat_to_screen (&view, 1600, 900, -179.9, 0, &sx, &sy);
  g_assert_cmpfloat (sx, >=, 0);
  mba_map_view_lonlat_to_screen (&view, 1600, 900, 179.9, 0, &sx, &sy);
  g_assert_cmpfloat (sx, <=, 1600);
}

static void
test_view_zoom_pan (void)
{
  MbaMapView view;
  double lon, lat, lon2, lat2, sx, sy;

  mba_map_view_init (&view, MBA_MAP_PROJECTION_REGIONAL);
  /* Zooming keeps the point under the pointer where it is. */
  g_assert_true (mba_map_view_screen_to_lonlat (&view, 800, 600, 300, 200, &lon, &lat));
  mba_map_view_zoom_at (&view, 800, 600, 3.0, 300, 200);
  g_assert_cmpfloat_with_epsilon (view.zoom, 3.0, 1e-12);
  g_assert_true (mba_map_view_screen_to_lonlat (&view, 800, 600, 300, 200, &lon2, &lat2));
  g_assert_cmpfloat_with_epsilon (lon, lon2, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, lat2, 1e-9);

  /* Dragging by (dx, dy) moves what was under the pointer by (dx, dy). */
  mba_map_view_lonlat_to_screen (&view, 800, 600, 24.75, 59.44, &sx, &sy);
  mba_map_view_pan (&view, 800, 600, 40, -25);
  mba_map_view_screen_to_lonlat (&view, 800, 600, sx + 40, sy - 25, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 24.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 59.44, 1e-9);

  /* Zoom and centre stay within bounds. */
  mba_map_view_zoom_at (&view, 800, 600, 1e6, 0, 0);
  g_assert_cmpfloat (view.zoom, ==, MBA_MAP_VIEW_MAX_ZOOM);
  mba_map_view_zoom_at (&view, 800, 600, 1e-9, 0, 0);
  g_assert_cmpfloat (view.zoom, ==, MBA_MAP_VIEW_MIN_ZOOM);
  mba_map_view_pan (&view, 800, 600, 1e7, 1e7);
  g_assert_cmpfloat (view.center_x, >=, mba_map_projection_get_limits (view.projection)->x1);
  g_assert_cmpfloat (view.center_y, <=, mba_map_projection_get_limits (view.projection)->y2);
}

static void
test_bad_files (void)
{
  static const char * const bad[] = {
    "",
    "not a map\n",
    "mba-world-map/1\nunit 100\narcs 1\n0 0 1 1\ncountries 1\nABC\t0 0\t1\tNowhere\n",
    "mba-world-map/1\nunit 100\narcs 1\n0 0 1\ncountries 1\nABC\t0 0\t\tNowhere\n",
    "mba-world-map/1\nunit 100\narcs 1\n0 0 100 0 0 100 -100 -100\ncountries 1\nabc\t0 0\t0\tNowhere\n",
    "mba-world-map/1\nunit 100\narcs 1\n0 0 100 0 0 100 -100 -100\ncountries 2\nABC\t0 0\t0\tA\nABC\t0 0\t-1\tB\n",
    "mba-world-map/1\nunit 100\narcs 1\n99999 0 1 1\ncountries 1\nABC\t0 0\t\tNowhere\n",
  };
  static const char good[] =
    "mba-world-map/1\n# a triangle\nunit 100\narcs 1\n0 0 100 0 0 100 -100 -100\n"
    "countries 2\nABC\t60 30\t0\tTriangle\nDEF\t500 500\t\tPoint\n";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(MbaWorldMap) m = mba_world_map_new_from_bytes (bytes, &error);

      g_assert_null (m);
      g_assert_error (error, MBA_WORLD_MAP_ERROR, MBA_WORLD_MAP_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
    g_autoptr(MbaWorldMap) m = mba_world_map_new_from_bytes (bytes, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (mba_world_map_get_n_countries (m), ==, 2);
    g_assert_cmpstr (mba_world_map_hit_test (m, 0.6, 0.3)->code, ==, "ABC");
    g_assert_null (mba_world_map_hit_test (m, 0.3, 0.6));
    g_assert_cmpstr (mba_world_map_find_country (m, "DEF")->name, ==, "Point");
    g_assert_cmpuint (mba_world_map_find_country (m, "DEF")->n_rings, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  map = mba_world_map_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/map/file", test_file);
  g_test_add_func ("/map/file/bad", test_bad_files);
  g_test_add_func ("/map/file/dataset-states", test_dataset_states_on_map);
  g_test_add_func ("/map/file/anchors-inside", test_anchors_inside);
  g_test_add_func ("/map/file/antimeridian", test_no_antimeridian_crossing);
  g_test_add_func ("/map/projection/round-trip", test_round_trip);
  g_test_add_func ("/map/projection/equal-area", test_equal_area);
  g_test_add_func ("/map/projection/regional-centre", test_regional_centre_undistorted);
  g_test_add_func ("/map/view/home", test_home_frames);
  g_test_add_func ("/map/view/zoom-pan", test_view_zoom_pan);
  g_test_add_func ("/map/hit/lonlat", test_hit_lonlat);
  g_test_add_func ("/map/hit/screen", test_hit_screen);

  status = g_test_run ();
  g_clear_object (&map);
  return status;
}
