/* bench-map.c: how long the regional chart takes to draw
 *
 * Prints `bench map_frame_ms VALUE ms` (median frame, regional view, 1600×900, into an image
 * surface, every overlay on) and `bench map_recolour_ms VALUE ms` (median of a date change then
 * a frame). Usage: bench-map WORLD-MAP.txt DATASET.json [FALLBACK-DATASET.json]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mba-map-renderer.h"

#define WIDTH 1600
#define HEIGHT 900
#define N_FRAMES 61

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
frame_ms (MbaMapRenderer           *renderer,
          cairo_t                  *cr,
          const MbaMapRenderParams *params)
{
  gint64 start = g_get_monotonic_time ();

  mba_map_renderer_draw (renderer, cr, params);
  cairo_surface_flush (cairo_get_target (cr));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return times[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaWorldMap) map = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(MbaMapRenderer) renderer = NULL;
  MbaMapRenderParams params;
  cairo_surface_t *surface;
  cairo_t *cr;
  double times[N_FRAMES];
  const gint32 days[2] = { mba_day_from_ymd (2024, 1, 1), mba_day_from_ymd (2026, 3, 1) };

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s WORLD-MAP.txt DATASET.json [FALLBACK-DATASET.json]\n", argv[0]);
      return 2;
    }
  map = mba_world_map_new_from_file (argv[1], &error);
  if (map == NULL)
    g_error ("%s", error->message);
  dataset = mba_dataset_new_from_file (argv[2], &error);
  if (dataset == NULL && argc > 3)
    {
      printf ("# %s: %s; using %s\n", argv[2], error->message, argv[3]);
      g_clear_error (&error);
      dataset = mba_dataset_new_from_file (argv[3], &error);
    }
  if (dataset == NULL)
    g_error ("%s", error->message);
  printf ("# %u states, %u events\n", mba_dataset_get_n_states (dataset),
          mba_dataset_get_n_events (dataset));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  renderer = mba_map_renderer_new ();
  mba_map_render_params_init (&params, map, dataset, MBA_MAP_PROJECTION_REGIONAL, WIDTH, HEIGHT,
                              days[1]);
  params.compare_day = mba_day_from_ymd (2025, 1, 1);

  printf ("# first frame (projects and caches the outlines): %.2f ms\n",
          frame_ms (renderer, cr, &params));
  for (guint i = 0; i < N_FRAMES; i++)
    times[i] = frame_ms (renderer, cr, &params);
  printf ("bench map_frame_ms %.2f ms\n", median (times, N_FRAMES));

  for (guint i = 0; i < N_FRAMES; i++)
    {
      params.day = days[i % 2];
      times[i] = frame_ms (renderer, cr, &params);
    }
  printf ("bench map_recolour_ms %.2f ms\n", median (times, N_FRAMES));

  /* For information: the world view, and a pan (the outlines are re-transformed). */
  params.view.projection = MBA_MAP_PROJECTION_WORLD;
  mba_map_view_init (&params.view, MBA_MAP_PROJECTION_WORLD);
  frame_ms (renderer, cr, &params);
  for (guint i = 0; i < N_FRAMES; i++)
    times[i] = frame_ms (renderer, cr, &params);
  printf ("# world view frame: %.2f ms\n", median (times, N_FRAMES));
  mba_map_view_init (&params.view, MBA_MAP_PROJECTION_REGIONAL);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      mba_map_view_pan (&params.view, WIDTH, HEIGHT, i % 2 ? 3 : -3, 0);
      times[i] = frame_ms (renderer, cr, &params);
    }
  printf ("# regional frame while panning: %.2f ms\n", median (times, N_FRAMES));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
