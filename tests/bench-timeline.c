/* bench-timeline.c: how long the timeline takes to lay out and draw a frame
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the whole view at 1600×900 into an image surface, as the widget does on every frame,
 * for made-up datasets of 100, 10,000 and 100,000 events, and prints medians:
 *   bench timeline_frame_N_ms VALUE ms    the full view (zoomed out), layout and drawing
 *   bench timeline_zoom_step_ms VALUE ms  one wheel step, zooming from the full view to a week
 *   bench timeline_pan_step_ms VALUE ms   one drag step across a one-year view
 *   bench hit_test_100000_us VALUE us     finding what is under the pointer
 * Text is measured once and kept, as in the app, so the first frames are left out.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "mba-synthetic.h"
#include "mba-timeline-renderer.h"
#include "mba-timeline-viewport.h"

#define WIDTH    1600
#define HEIGHT   900
#define N_FRAMES 30
#define N_WARMUP 5

typedef struct
{
  MbaDataset          *dataset;
  MbaTimelineLayout   *layout;
  MbaTimelineViewport *viewport;
  cairo_surface_t     *surface;
  cairo_t             *cr;
  MbaTimelineScene     scene;
} Bench;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
bench_init (Bench *bench,
            guint  n_events)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (n_events, 20260101);
  g_autoptr(GError) error = NULL;
  const MbaEvent *first, *last;
  double margin;

  bench->dataset = mba_dataset_new_from_bytes (bytes, "synthetic", &error);
  g_assert_no_error (error);
  first = mba_dataset_get_event (bench->dataset, 0);
  last = mba_dataset_get_event (bench->dataset, mba_dataset_get_n_events (bench->dataset) - 1);
  margin = MAX (30, (last->last_day - first->first_day) * 0.03);

  bench->layout = mba_timeline_layout_new ();
  bench->viewport = mba_timeline_viewport_new ();
  mba_timeline_viewport_set_limits (bench->viewport, first->first_day - margin, last->last_day + 1 + margin);
  mba_timeline_viewport_fit (bench->viewport);
  bench->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  bench->cr = cairo_create (bench->surface);

  mba_timeline_scene_init (&bench->scene);
  bench->scene.dataset = bench->dataset;
  bench->scene.cursor_day = mba_day_from_ymd (2025, 6, 29);
  bench->scene.selected_id = mba_dataset_get_event (bench->dataset, n_events / 2)->id;
  bench->scene.hover_x = WIDTH / 2;
  bench->scene.hover_y = HEIGHT / 2;
}

static void
bench_clear (Bench *bench)
{
  cairo_destroy (bench->cr);
  cairo_surface_destroy (bench->surface);
  g_object_unref (bench->viewport);
  g_object_unref (bench->layout);
  g_object_unref (bench->dataset);
}

/* One frame as the widget draws it after the view moved: lay out, then draw everything. */
static double
bench_frame (Bench *bench)
{
  gint64 start;

  bench->scene.start_day = mba_timeline_viewport_get_start (bench->viewport);
  bench->scene.end_day = mba_timeline_viewport_get_end (bench->viewport);
  start = g_get_monotonic_time ();
  mba_timeline_render (bench->cr, bench->layout, WIDTH, HEIGHT,
                       mba_palette_get (MBA_THEME_LIGHT), &bench->scene);
  cairo_surface_flush (bench->surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
bench_full_view (guint n_events)
{
  Bench bench;
  double times[N_FRAMES];
  double start, end;

  bench_init (&bench, n_events);
  start = mba_timeline_viewport_get_start (bench.viewport);
  end = mba_timeline_viewport_get_end (bench.viewport);
  for (guint i = 0; i < N_WARMUP + N_FRAMES; i++)
    {
      double t;

      /* A slightly different span each time, so that nothing is reused from the last frame
       * but the text the app keeps too. */
      mba_timeline_viewport_set_range (bench.viewport, start + (i % 2) * 0.01, end - (i % 2) * 0.01);
      t = bench_frame (&bench);
      if (i >= N_WARMUP)
        times[i - N_WARMUP] = t;
    }
  bench_clear (&bench);
  return median (times, N_FRAMES);
}

static double
bench_zoom_steps (guint n_events)
{
  Bench bench;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double anchor = mba_day_from_ymd (2025, 6, 29);

  bench_init (&bench, n_events);
  for (guint pass = 0; pass < 2; pass++)
    {
      mba_timeline_viewport_fit (bench.viewport);
      bench_frame (&bench);
      /* Wheel steps in to a week and back out again. */
      while (mba_timeline_viewport_get_span (bench.viewport) > 7)
        {
          double t;

          mba_timeline_viewport_zoom_at (bench.viewport, anchor, 1.2);
          t = bench_frame (&bench);
          if (pass > 0)
            g_array_append_val (times, t);
        }
      while (mba_timeline_viewport_get_span (bench.viewport) <
             mba_timeline_viewport_get_max_day (bench.viewport) - mba_timeline_viewport_get_min_day (bench.viewport))
        {
          double t;

          mba_timeline_viewport_zoom_at (bench.viewport, anchor, 1 / 1.2);
          t = bench_frame (&bench);
          if (pass > 0)
            g_array_append_val (times, t);
        }
    }
  bench_clear (&bench);
  return median ((double *) times->data, times->len);
}

static double
bench_pan_steps (guint n_events)
{
  Bench bench;
  double times[120];
  double start = mba_day_from_ymd (2010, 1, 1);

  bench_init (&bench, n_events);
  mba_timeline_viewport_set_range (bench.viewport, start, start + 365);
  bench_frame (&bench);
  /* A drag moves a few pixels a frame: about 6 days of a year across 1600 pixels. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      mba_timeline_viewport_pan (bench.viewport, 6);
      times[i] = bench_frame (&bench);
    }
  bench_clear (&bench);
  return median (times, G_N_ELEMENTS (times));
}

static double
bench_hit_test (guint n_events)
{
  Bench bench;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double batches[20];
  guint found = 0;

  bench_init (&bench, n_events);
  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      gint64 start;

      /* Half the batches on the full view, half on a year. */
      if (b % 2)
        mba_timeline_viewport_set_range (bench.viewport, mba_day_from_ymd (2012, 1, 1),
                                         mba_day_from_ymd (2013, 1, 1));
      else
        mba_timeline_viewport_fit (bench.viewport);
      bench_frame (&bench);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < 1000; i++)
        {
          double x = g_rand_double_range (rand, 0, WIDTH);
          double y = g_rand_double_range (rand, 0, HEIGHT);

          found += mba_timeline_layout_hit_test (bench.layout, x, y) != NULL;
        }
      batches[b] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_printerr ("# %u of %u random points hit an event or cluster\n", found,
              (guint) G_N_ELEMENTS (batches) * 1000);
  bench_clear (&bench);
  return median (batches, G_N_ELEMENTS (batches));
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 100, 10000, 100000 };

  setlocale (LC_ALL, "");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_print ("bench timeline_frame_%u_ms %.3f ms\n", sizes[i], bench_full_view (sizes[i]));
  g_print ("bench timeline_zoom_step_ms %.3f ms\n", bench_zoom_steps (100000));
  g_print ("bench timeline_pan_step_ms %.3f ms\n", bench_pan_steps (100000));
  g_print ("bench hit_test_100000_us %.3f us\n", bench_hit_test (100000));
  return 0;
}
