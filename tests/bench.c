/* bench.c: every speed and memory figure of the app, as `bench NAME VALUE UNIT` lines
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench WORLD-MAP.txt DATASET.json (meson benchmark / build-aux/dev bench pass both).
 * Figures are medians; lines starting with # are for information. To measure only some figures,
 * name them (or the start of their names) in MBA_BENCH_ONLY, separated by spaces, e.g.
 * `build-aux/dev bench cold_start` or `MBA_BENCH_ONLY="load first_frame" meson test --benchmark`.
 *
 *   load_N_ms                 loading a made-up file of N events (N = 1,000, 10,000, 100,000;
 *                             mba_synthetic_dataset_generate), in this process
 *   first_frame_N_ms          in a fresh process: loading it, laying out and drawing the first
 *                             frame of the timeline and the map at the window's default size,
 *                             1280×820 (the timeline on the top half, the map on the bottom half;
 *                             the renderers the widgets use, onto an image surface, no GTK)
 *   peak_rss_N_mb             that process's peak resident memory (wait4's ru_maxrss)
 *   bad_input_worst_ms        the slowest of a set of bad files at or near every limit, each
 *   bad_input_peak_rss_mb     loaded in a fresh process, and the largest peak memory among them
 *   bad_file_100000_problems_ms  `mine-ban-atlas --check` on 100,000 events with a bad date
 *                             each, as a subprocess whose output is read and dropped
 *   timeline_frame_N_ms       the whole timeline (zoomed out) laid out and drawn, 1600×900
 *   timeline_zoom_step_ms     one wheel step, from the full view to a week and back
 *   timeline_pan_step_ms      one drag step across a one-year view
 *   hit_test_100000_us        finding what is under the pointer
 *   map_frame_ms              the regional map, 1600×900, every overlay on
 *   map_recolour_ms           a date change, then a frame
 *   export_{png,svg,pdf}_ms   the bundled dataset's timeline, 1920×1080, through mba_export_write
 *   export_png_max_ms         `mine-ban-atlas --export map.png --view map --size 7680x4320
 *                             --scale 1` (8K UHD, the largest raster the CLI is meant to accept)
 *   handout_N_events_ms       `mine-ban-atlas --export handout.pdf --view slides` on N made-up
 *   handout_N_events_peak_mb  events (N = 100, 500, 2,000), and its peak memory; stopped after
 *                             HANDOUT_CAP_S, then reported as ">CAP". 2,000 is over the handout's
 *                             500-page limit: that figure is the time to refuse it (exit 2)
 *   cold_start_ms             process start to the window's first drawn frame, as the app
 *                             reports it (MBA_REPORT_FIRST_FRAME=1); needs a display
 *   cold_start_empty_window_ms  the same for an empty libadwaita window (bench-empty-window.c),
 *                             started in turn with the app: GTK's and libadwaita's share
 *
 * The subprocess figures need MBA_EXE (the app), which meson's benchmark sets.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mba-export.h"
#include "mba-map-renderer.h"
#include "mba-synthetic.h"
#include "mba-timeline-renderer.h"
#include "mba-timeline-viewport.h"

#define N_EVENTS 100000
#define N_LOADS 5
#define WIDTH 1600
#define HEIGHT 900
#define N_FRAMES 30
#define N_WARMUP 5
#define N_MAP_FRAMES 61
#define N_EXPORTS 5
#define N_STARTS 11
#define N_FIRST_FRAMES 3
#define WINDOW_WIDTH 1280    /* the window's default size (GSettings window-width/-height) */
#define WINDOW_HEIGHT 820
#define HANDOUT_CAP_S 120
#define CLI_CAP_S 60

static char *workdir;

/* MBA_BENCH_ONLY: whether any of @figures (a NULL-terminated list of names) is asked for. */
static gboolean
wanted (const char *first_figure,
        ...)
{
  const char *only = g_getenv ("MBA_BENCH_ONLY");
  g_auto(GStrv) prefixes = NULL;
  const char *figure;
  va_list args;
  gboolean found = FALSE;

  if (only == NULL || *only == '\0')
    return TRUE;
  prefixes = g_strsplit_set (only, " ,", -1);
  va_start (args, first_figure);
  for (figure = first_figure; figure != NULL && !found; figure = va_arg (args, const char *))
    for (guint i = 0; prefixes[i] != NULL && !found; i++)
      /* A figure, or a group of figures named by its prefix ("load_"), is wanted when either
       * name starts with the other: "load_100000" selects the "load_" group, "load" all of it. */
      found = *prefixes[i] != '\0' &&
              (g_str_has_prefix (figure, prefixes[i]) || g_str_has_prefix (prefixes[i], figure));
  va_end (args);
  return found;
}

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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
write_work_file (const char *name,
                 const char *data,
                 gsize       length)
{
  char *path = g_build_filename (workdir, name, NULL);

  if (!g_file_set_contents (path, data, length, NULL))
    g_error ("cannot write %s", path);
  return path;
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* The child process's work: load @path once, print the time and what came of it. */
static int
load_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = mba_dataset_new_from_file (path, &error);
  printf ("%.1f %s\n", ms_since (start),
          dataset ? "OK" : g_quark_to_string (error->domain));
  if (error != NULL)
    printf ("%.200s\n", error->message);
  return 0;
}

/* This process's resident memory now, in MB. */
static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* What a subprocess did: its wall time, peak memory, exit and output. */
typedef struct
{
  double    ms;
  double    peak_mb;
  gboolean  capped;       /* killed after the cap */
  int       wait_status;
  GString  *out;          /* its first 64 KiB of standard output */
  guint64   out_bytes;
  guint64   out_lines;
} Child;

static void
child_clear (Child *child)
{
  if (child->out != NULL)
    g_string_free (child->out, TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Child, child_clear)

/* Runs @argv in a fresh process, reading (and counting) its output, killed after @cap_s seconds.
 * A forked child counts the pages it shares with this process until it execs, so this one is
 * kept small: callers free what they made first, and what malloc still holds is returned here. */
static void
run_child (const char * const *argv,
           int                 cap_s,
           Child              *child)
{
  struct rusage usage;
  int pipe_fds[2];
  gint64 start;
  pid_t pid;
  char buffer[65536];
  gssize n = 1;

  memset (child, 0, sizeof *child);
  child->out = g_string_new (NULL);
  if (pipe (pipe_fds) != 0)
    g_error ("pipe failed");
  malloc_trim (0);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  close (pipe_fds[1]);
  while (n > 0)
    {
      struct pollfd fd = { pipe_fds[0], POLLIN, 0 };

      if (ms_since (start) > cap_s * 1000.0)
        {
          kill (pid, SIGKILL);
          child->capped = TRUE;
          break;
        }
      if (poll (&fd, 1, 200) <= 0)
        continue;
      n = read (pipe_fds[0], buffer, sizeof buffer);
      if (n > 0)
        {
          child->out_bytes += n;
          for (gssize i = 0; i < n; i++)
            child->out_lines += buffer[i] == '\n';
          if (child->out->len < sizeof buffer)
            g_string_append_len (child->out, buffer, MIN ((gsize) n, sizeof buffer - child->out->len));
        }
    }
  close (pipe_fds[0]);
  if (wait4 (pid, &child->wait_status, 0, &usage) < 0)
    g_error ("wait4 failed");
  child->ms = ms_since (start);
  child->peak_mb = usage.ru_maxrss / 1024.0;
}

/* Loads @path in a fresh process (bench --load-only), so that the peak memory is that load's own. */
static void
load_in_child (const char *self,
               const char *path,
               double     *ms,
               double     *peak_mb,
               char      **outcome)
{
  const char *argv[] = { self, "--load-only", path, NULL };
  g_auto(Child) child = { 0 };
  const char *text;

  run_child (argv, CLI_CAP_S, &child);
  if (!WIFEXITED (child.wait_status) || WEXITSTATUS (child.wait_status) != 0)
    g_error ("loading %s in a child process failed", path);
  text = child.out->str;
  *ms = g_ascii_strtod (text, NULL);
  *peak_mb = child.peak_mb;
  if (outcome != NULL)
    *outcome = g_strdup (strchr (text, ' ') ? strchr (text, ' ') + 1 : text);
}

/* The child process's work for first_frame_N_ms: load @path, lay out and draw the timeline and
 * the map once, at the window's default size; print the load's and the whole time. */
static int
first_frame_only (const char *world_map_path,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaWorldMap) map = mba_world_map_new_from_file (world_map_path, &error);
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(MbaTimelineLayout) layout = mba_timeline_layout_new ();
  g_autoptr(MbaTimelineViewport) viewport = mba_timeline_viewport_new ();
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  int timeline_height = WINDOW_HEIGHT / 2, map_height = WINDOW_HEIGHT - timeline_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  MbaTimelineScene scene;
  MbaMapRenderParams params;
  const MbaEvent *first, *last;
  double load_ms;
  gint64 start;

  if (map == NULL)
    g_error ("%s", error->message);
  /* The window's surface exists before any file is opened: not part of the time. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WINDOW_WIDTH, WINDOW_HEIGHT);
  cr = cairo_create (surface);

  start = g_get_monotonic_time ();
  dataset = mba_dataset_new_from_file (path, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  load_ms = ms_since (start);

  first = mba_dataset_get_event (dataset, 0);
  last = mba_dataset_get_event (dataset, mba_dataset_get_n_events (dataset) - 1);
  mba_timeline_viewport_set_limits (viewport, first->first_day - 30, last->last_day + 31);
  mba_timeline_viewport_fit (viewport);
  mba_timeline_scene_init (&scene);
  scene.dataset = dataset;
  scene.start_day = mba_timeline_viewport_get_start (viewport);
  scene.end_day = mba_timeline_viewport_get_end (viewport);
  scene.cursor_day = last->last_day;
  mba_timeline_render (cr, layout, WINDOW_WIDTH, timeline_height, mba_palette_get (MBA_THEME_LIGHT), &scene);

  cairo_save (cr);
  cairo_translate (cr, 0, timeline_height);
  mba_map_render_params_init (&params, map, dataset, MBA_MAP_PROJECTION_REGIONAL,
                              WINDOW_WIDTH, map_height, last->last_day);
  mba_map_renderer_draw (renderer, cr, &params);
  cairo_restore (cr);
  cairo_surface_flush (surface);
  printf ("%.1f %.1f\n", load_ms, ms_since (start));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}

static double
load_once_ms (const char *path,
              guint       n_events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = mba_dataset_new_from_file (path, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  g_assert (mba_dataset_get_n_events (dataset) >= n_events);
  return ms_since (start);
}

/* load_N_ms, first_frame_N_ms and peak_rss_N_mb for one size. */
static void
bench_load_size (const char *self,
                 const char *world_map_path,
                 guint       n_events)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (n_events, 1);
  g_autofree char *name = g_strdup_printf ("synthetic-%u.json", n_events);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *path = write_work_file (name, data, size);
  const char *argv[] = { self, "--first-frame", world_map_path, path, NULL };
  double times[N_LOADS], frames[N_FIRST_FRAMES], loads[N_FIRST_FRAMES], peak_mb = 0;

  g_clear_pointer (&bytes, g_bytes_unref);
  printf ("# %u events, %.1f MiB of JSON\n", n_events, size / 1048576.0);
  for (int i = 0; i < N_LOADS; i++)
    times[i] = load_once_ms (path, n_events);
  printf ("bench load_%u_ms %.1f ms\n", n_events, median (times, N_LOADS));
  malloc_trim (0);
  for (int i = 0; i < N_FIRST_FRAMES; i++)
    {
      g_auto(Child) child = { 0 };
      char *end;

      run_child (argv, CLI_CAP_S, &child);
      if (!WIFEXITED (child.wait_status) || WEXITSTATUS (child.wait_status) != 0)
        g_error ("the first frame of %u events failed in a child process", n_events);
      loads[i] = g_ascii_strtod (child.out->str, &end);
      frames[i] = g_ascii_strtod (end, NULL);
      peak_mb = MAX (peak_mb, child.peak_mb);
    }
  printf ("# first frame of %u events: load %.1f ms of it (fresh process)\n", n_events,
          median (loads, N_FIRST_FRAMES));
  printf ("bench first_frame_%u_ms %.1f ms\n", n_events, median (frames, N_FIRST_FRAMES));
  printf ("bench peak_rss_%u_mb %.1f MB\n", n_events, peak_mb);
  g_unlink (path);
}

static void
bench_load (const char *self,
            const char *world_map_path)
{
  static const guint sizes[] = { 1000, 10000, 100000 };

  printf ("# this process's memory when the children start: %.1f MB\n", rss_mb ());
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_load_size (self, world_map_path, sizes[i]);
}

/* Bad files at or near each limit; each must be refused, in bounded time and memory. */
static void
bench_bad_inputs (const char *self)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (N_EVENTS, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *last_event = g_strrstr (data, "{\"id\": ");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  double worst_ms = 0, worst_mb = 0;
  guint worst = 0;

  /* A syntax error in the last event: every other event is parsed first. */
  {
    g_autoptr(GString) text = g_string_new_len (data, size);

    g_string_insert (text, last_event - data + 1, ",");
    g_ptr_array_add (names, g_strdup ("100000 events, last one not JSON"));
    g_ptr_array_add (paths, write_work_file ("bad-last-event.json", text->str, text->len));
  }
  /* The closing brace missing: the error comes after the events. */
  g_ptr_array_add (names, g_strdup ("100000 events, closing brace missing"));
  g_ptr_array_add (paths, write_work_file ("bad-no-brace.json", data, size - 2));
  /* Cut in the middle of the events: they cannot be split, the whole file is parsed. */
  g_ptr_array_add (names, g_strdup ("100000 events, cut in the middle"));
  g_ptr_array_add (paths, write_work_file ("bad-cut.json", data, size / 2));
  /* A valid file but for one reference in the last event: every event is checked. */
  {
    g_autoptr(GString) text = g_string_new_len (data, size);
    const char *source = g_strrstr (text->str, "\"source\": \"");

    g_string_insert_c (text, source - text->str + strlen ("\"source\": \""), 'x');
    g_ptr_array_add (names, g_strdup ("100000 events, a dangling source in the last"));
    g_ptr_array_add (paths, write_work_file ("bad-reference.json", text->str, text->len));
  }
  /* The size limit, in tiny values: stopped by the parse budget. */
  {
    gsize n = (MBA_DATASET_MAX_BYTES - 16) / 3;
    g_autoptr(GString) text = g_string_sized_new (MBA_DATASET_MAX_BYTES);

    g_string_append_c (text, '[');
    for (gsize i = 0; i < n; i++)
      g_string_append (text, "{},");
    g_string_append (text, "{}]");
    g_ptr_array_add (names, g_strdup ("64 MiB of empty objects"));
    g_ptr_array_add (paths, write_work_file ("bad-objects.json", text->str, text->len));
    g_string_truncate (text, 0);
    g_string_append_c (text, '[');
    for (gsize i = 0; i < n * 3 / 2; i++)
      g_string_append (text, "0,");
    g_string_append (text, "0]");
    g_ptr_array_add (names, g_strdup ("64 MiB of zeros in an array"));
    g_ptr_array_add (paths, write_work_file ("bad-zeros.json", text->str, text->len));
    /* One string of 64 MiB. */
    g_string_truncate (text, 0);
    g_string_append (text, "{\"format\": \"mine-ban-atlas/1\", \"title\": \"");
    while (text->len < MBA_DATASET_MAX_BYTES - 8)
      g_string_append (text, "aaaaaaaaaaaaaaaa");
    g_string_append (text, "\"}");
    g_ptr_array_add (names, g_strdup ("a 64 MiB string"));
    g_ptr_array_add (paths, write_work_file ("bad-string.json", text->str, text->len));
    /* 64 MiB of opening brackets. */
    memset (text->str, '[', text->len);
    g_ptr_array_add (names, g_strdup ("64 MiB of opening brackets"));
    g_ptr_array_add (paths, write_work_file ("bad-brackets.json", text->str, text->len));
  }
  /* A sparse 1 GiB file: refused from its size. */
  {
    char *path = g_build_filename (workdir, "bad-huge.json", NULL);
    int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

    if (fd < 0 || ftruncate (fd, (goffset) 1024 * 1024 * 1024) != 0)
      g_error ("cannot make %s", path);
    close (fd);
    g_ptr_array_add (names, g_strdup ("a 1 GiB file"));
    g_ptr_array_add (paths, path);
  }

  g_clear_pointer (&bytes, g_bytes_unref);
  malloc_trim (0);
  printf ("# this process's memory when the children start: %.1f MB\n", rss_mb ());
  for (guint i = 0; i < paths->len; i++)
    {
      double ms, peak_mb;
      g_autofree char *outcome = NULL;

      load_in_child (self, g_ptr_array_index (paths, i), &ms, &peak_mb, &outcome);
      if (g_str_has_prefix (outcome, "OK"))
        g_error ("%s was not refused", (char *) g_ptr_array_index (names, i));
      printf ("# bad input, %s: %.1f ms, %.1f MB: %s", (char *) g_ptr_array_index (names, i), ms, peak_mb,
              strchr (outcome, '\n') ? strchr (outcome, '\n') + 1 : outcome);
      if (ms > worst_ms)
        {
          worst_ms = ms;
          worst = i;
        }
      worst_mb = MAX (worst_mb, peak_mb);
      g_unlink (g_ptr_array_index (paths, i));
    }
  printf ("# slowest bad input: %s\n", (char *) g_ptr_array_index (names, worst));
  printf ("bench bad_input_worst_ms %.1f ms\n", worst_ms);
  printf ("bench bad_input_peak_rss_mb %.1f MB\n", worst_mb);
}

/* ------------------------------------------------------------------------------------------ */
/* Timeline                                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  MbaDataset          *dataset;
  MbaTimelineLayout   *layout;
  MbaTimelineViewport *viewport;
  cairo_surface_t     *surface;
  cairo_t             *cr;
  MbaTimelineScene     scene;
} Timeline;

static void
timeline_init (Timeline *bench,
               guint     n_events)
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
timeline_clear (Timeline *bench)
{
  cairo_destroy (bench->cr);
  cairo_surface_destroy (bench->surface);
  g_object_unref (bench->viewport);
  g_object_unref (bench->layout);
  g_object_unref (bench->dataset);
}

/* One frame as the widget draws it after the view moved: lay out, then draw everything. */
static double
timeline_frame (Timeline *bench)
{
  gint64 start;

  bench->scene.start_day = mba_timeline_viewport_get_start (bench->viewport);
  bench->scene.end_day = mba_timeline_viewport_get_end (bench->viewport);
  start = g_get_monotonic_time ();
  mba_timeline_render (bench->cr, bench->layout, WIDTH, HEIGHT,
                       mba_palette_get (MBA_THEME_LIGHT), &bench->scene);
  cairo_surface_flush (bench->surface);
  return ms_since (start);
}

static double
bench_timeline_full_view (guint n_events)
{
  Timeline bench;
  double times[N_FRAMES];
  double start, end;

  timeline_init (&bench, n_events);
  start = mba_timeline_viewport_get_start (bench.viewport);
  end = mba_timeline_viewport_get_end (bench.viewport);
  for (guint i = 0; i < N_WARMUP + N_FRAMES; i++)
    {
      double t;

      /* A slightly different span each time, so that nothing is reused from the last frame
       * but the text the app keeps too. */
      mba_timeline_viewport_set_range (bench.viewport, start + (i % 2) * 0.01, end - (i % 2) * 0.01);
      t = timeline_frame (&bench);
      if (i >= N_WARMUP)
        times[i - N_WARMUP] = t;
    }
  timeline_clear (&bench);
  return median (times, N_FRAMES);
}

static double
bench_timeline_zoom_steps (guint n_events)
{
  Timeline bench;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double anchor = mba_day_from_ymd (2025, 6, 29);

  timeline_init (&bench, n_events);
  for (guint pass = 0; pass < 2; pass++)
    {
      mba_timeline_viewport_fit (bench.viewport);
      timeline_frame (&bench);
      /* Wheel steps in to a week and back out again. */
      while (mba_timeline_viewport_get_span (bench.viewport) > 7)
        {
          double t;

          mba_timeline_viewport_zoom_at (bench.viewport, anchor, 1.2);
          t = timeline_frame (&bench);
          if (pass > 0)
            g_array_append_val (times, t);
        }
      while (mba_timeline_viewport_get_span (bench.viewport) <
             mba_timeline_viewport_get_max_day (bench.viewport) - mba_timeline_viewport_get_min_day (bench.viewport))
        {
          double t;

          mba_timeline_viewport_zoom_at (bench.viewport, anchor, 1 / 1.2);
          t = timeline_frame (&bench);
          if (pass > 0)
            g_array_append_val (times, t);
        }
    }
  timeline_clear (&bench);
  return median ((double *) times->data, times->len);
}

static double
bench_timeline_pan_steps (guint n_events)
{
  Timeline bench;
  double times[120];
  double start = mba_day_from_ymd (2010, 1, 1);

  timeline_init (&bench, n_events);
  mba_timeline_viewport_set_range (bench.viewport, start, start + 365);
  timeline_frame (&bench);
  /* A drag moves a few pixels a frame: about 6 days of a year across 1600 pixels. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      mba_timeline_viewport_pan (bench.viewport, 6);
      times[i] = timeline_frame (&bench);
    }
  timeline_clear (&bench);
  return median (times, G_N_ELEMENTS (times));
}

static double
bench_hit_test (guint n_events)
{
  Timeline bench;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double batches[20];
  guint found = 0;

  timeline_init (&bench, n_events);
  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      gint64 start;

      /* Half the batches on the full view, half on a year. */
      if (b % 2)
        mba_timeline_viewport_set_range (bench.viewport, mba_day_from_ymd (2012, 1, 1),
                                         mba_day_from_ymd (2013, 1, 1));
      else
        mba_timeline_viewport_fit (bench.viewport);
      timeline_frame (&bench);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < 1000; i++)
        {
          double x = g_rand_double_range (rand, 0, WIDTH);
          double y = g_rand_double_range (rand, 0, HEIGHT);

          found += mba_timeline_layout_hit_test (bench.layout, x, y) != NULL;
        }
      /* Microseconds per hit test: the batch's milliseconds over 1000 tests. */
      batches[b] = ms_since (start);
    }
  printf ("# %u of %u random points hit an event or cluster\n", found,
          (guint) G_N_ELEMENTS (batches) * 1000);
  timeline_clear (&bench);
  return median (batches, G_N_ELEMENTS (batches));
}

static void
bench_timeline (void)
{
  static const guint sizes[] = { 100, 10000, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    printf ("bench timeline_frame_%u_ms %.3f ms\n", sizes[i], bench_timeline_full_view (sizes[i]));
  printf ("bench timeline_zoom_step_ms %.3f ms\n", bench_timeline_zoom_steps (N_EVENTS));
  printf ("bench timeline_pan_step_ms %.3f ms\n", bench_timeline_pan_steps (N_EVENTS));
  printf ("bench hit_test_100000_us %.3f us\n", bench_hit_test (N_EVENTS));
}

/* ------------------------------------------------------------------------------------------ */
/* Map                                                                                        */
/* ------------------------------------------------------------------------------------------ */

static double
map_frame_ms (MbaMapRenderer           *renderer,
              cairo_t                  *cr,
              const MbaMapRenderParams *params)
{
  gint64 start = g_get_monotonic_time ();

  mba_map_renderer_draw (renderer, cr, params);
  cairo_surface_flush (cairo_get_target (cr));
  return ms_since (start);
}

static void
bench_map (MbaWorldMap *map,
           MbaDataset  *dataset)
{
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  MbaMapRenderParams params;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double times[N_MAP_FRAMES];
  const gint32 days[2] = { mba_day_from_ymd (2024, 1, 1), mba_day_from_ymd (2026, 3, 1) };

  mba_map_render_params_init (&params, map, dataset, MBA_MAP_PROJECTION_REGIONAL, WIDTH, HEIGHT, days[1]);
  params.compare_day = mba_day_from_ymd (2025, 1, 1);

  printf ("# first map frame (projects and caches the outlines): %.2f ms\n",
          map_frame_ms (renderer, cr, &params));
  for (guint i = 0; i < N_MAP_FRAMES; i++)
    times[i] = map_frame_ms (renderer, cr, &params);
  printf ("bench map_frame_ms %.2f ms\n", median (times, N_MAP_FRAMES));

  for (guint i = 0; i < N_MAP_FRAMES; i++)
    {
      params.day = days[i % 2];
      times[i] = map_frame_ms (renderer, cr, &params);
    }
  printf ("bench map_recolour_ms %.2f ms\n", median (times, N_MAP_FRAMES));

  /* For information: the world view, and a pan (the outlines are re-transformed). */
  mba_map_view_init (&params.view, MBA_MAP_PROJECTION_WORLD);
  map_frame_ms (renderer, cr, &params);
  for (guint i = 0; i < N_MAP_FRAMES; i++)
    times[i] = map_frame_ms (renderer, cr, &params);
  printf ("# world map frame: %.2f ms\n", median (times, N_MAP_FRAMES));
  mba_map_view_init (&params.view, MBA_MAP_PROJECTION_REGIONAL);
  for (guint i = 0; i < N_MAP_FRAMES; i++)
    {
      mba_map_view_pan (&params.view, WIDTH, HEIGHT, i % 2 ? 3 : -3, 0);
      times[i] = map_frame_ms (renderer, cr, &params);
    }
  printf ("# regional map frame while panning: %.2f ms\n", median (times, N_MAP_FRAMES));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------------------------------ */
/* Exports                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
bench_exports (MbaWorldMap *map,
               MbaDataset  *dataset)
{
  static const char *formats[] = { "png", "svg", "pdf" };
  MbaExportOptions options;

  mba_export_options_init (&options, dataset, map);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("export.%s", formats[f]);
      g_autofree char *path = g_build_filename (workdir, name, NULL);
      double times[N_EXPORTS];
      GStatBuf st;

      for (guint i = 0; i < N_EXPORTS; i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!mba_export_write (path, &options, &error))
            g_error ("%s", error->message);
          times[i] = ms_since (start);
        }
      g_stat (path, &st);
      printf ("# export.%s: %.0f KiB\n", formats[f], st.st_size / 1024.0);
      printf ("bench export_%s_ms %.1f ms\n", formats[f], median (times, N_EXPORTS));
      g_unlink (path);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The command line on big inputs and outputs                                                 */
/* ------------------------------------------------------------------------------------------ */

/* One line about how a subprocess ended, and the start of what it printed. */
static void
describe_child (const char *what,
                Child      *child)
{
  g_autofree char *start = g_strndup (child->out->str, MIN (child->out->len, 160));

  g_strdelimit (start, "\n", '|');
  if (child->capped)
    printf ("# %s: stopped after %.0f s, %.1f MB\n", what, child->ms / 1000, child->peak_mb);
  else
    printf ("# %s: exit status %d after %.0f ms, %.1f MB, %" G_GUINT64_FORMAT " lines (%.1f MiB) of output: %s\n",
            what, WIFEXITED (child->wait_status) ? WEXITSTATUS (child->wait_status) : -1, child->ms,
            child->peak_mb, child->out_lines, child->out_bytes / 1048576.0, start);
}

/* A figure, or ">CAP" when the subprocess had to be stopped. */
static void
print_child_figure (const char *name,
                    Child      *child,
                    int         cap_s)
{
  if (child->capped)
    printf ("bench %s >%d ms\n", name, cap_s * 1000);
  else
    printf ("bench %s %.0f ms\n", name, child->ms);
}

/* 100,000 events whose dates are all wrong: a problem each, for --check to report. */
static void
bench_bad_file_problems (const char *exe)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (N_EVENTS, 1);
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (data, "\"date\": \"", -1);
  g_autofree char *text = g_strjoinv ("\"date\": \"x", parts);
  g_autofree char *path = NULL;
  g_auto(Child) child = { 0 };

  g_assert_cmpuint (g_strv_length (parts), ==, N_EVENTS + 1);
  path = write_work_file ("problems-100000.json", text, strlen (text));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&parts, g_strfreev);
  g_clear_pointer (&text, g_free);
  {
    const char *argv[] = { exe, "--check", path, NULL };

    run_child (argv, CLI_CAP_S, &child);
  }
  describe_child ("--check on 100000 bad dates", &child);
  print_child_figure ("bad_file_100000_problems_ms", &child, CLI_CAP_S);
  g_unlink (path);
}

static void
bench_handout (const char *exe,
               guint       n_events)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (n_events, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *json_name = g_strdup_printf ("synthetic-%u.json", n_events);
  g_autofree char *path = write_work_file (json_name, data, size);
  g_autofree char *out = g_build_filename (workdir, "handout.pdf", NULL);
  g_autofree char *what = g_strdup_printf ("handout of %u events", n_events);
  g_autofree char *time_name = g_strdup_printf ("handout_%u_events_ms", n_events);
  const char *argv[] = { exe, "--export", out, "--view", "slides", "--dataset", path, NULL };
  g_auto(Child) child = { 0 };
  GStatBuf st;

  g_clear_pointer (&bytes, g_bytes_unref);
  run_child (argv, HANDOUT_CAP_S, &child);
  describe_child (what, &child);
  if (g_stat (out, &st) == 0)
    printf ("# handout.pdf: %.1f MiB\n", st.st_size / 1048576.0);
  print_child_figure (time_name, &child, HANDOUT_CAP_S);
  printf ("bench handout_%u_events_peak_mb %s%.1f MB\n", n_events, child.capped ? ">" : "", child.peak_mb);
  g_unlink (out);
  g_unlink (path);
  /* A temporary file the export left when stopped */
  {
    g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, ".handout.pdf"))
        {
          g_autofree char *left = g_build_filename (workdir, name, NULL);

          g_unlink (left);
        }
  }
}

static void
bench_export_png_max (const char *exe)
{
  g_autofree char *out = g_build_filename (workdir, "map-8k.png", NULL);
  const char *argv[] = { exe, "--export", out, "--view", "map", "--size", "7680x4320", "--scale", "1", NULL };
  g_auto(Child) child = { 0 };
  GStatBuf st;

  run_child (argv, CLI_CAP_S, &child);
  describe_child ("map PNG at 7680x4320", &child);
  if (g_stat (out, &st) == 0)
    printf ("# map-8k.png: %.1f MiB\n", st.st_size / 1048576.0);
  if (!child.capped && (!WIFEXITED (child.wait_status) || WEXITSTATUS (child.wait_status) != 0))
    printf ("# export_png_max_ms not measured: the export was refused or failed (above)\n");
  else
    print_child_figure ("export_png_max_ms", &child, CLI_CAP_S);
  printf ("# peak memory of the 8K export: %.1f MB\n", child.peak_mb);
  g_unlink (out);
}

static void
bench_command_line (void)
{
  const char *exe = g_getenv ("MBA_EXE");

  if (exe == NULL)
    {
      printf ("# the command-line figures need MBA_EXE, the app (meson benchmark sets it)\n");
      return;
    }
  if (wanted ("bad_file_100000_problems_ms", NULL))
    bench_bad_file_problems (exe);
  if (wanted ("export_png_max_ms", NULL))
    bench_export_png_max (exe);
  /* 100 and 500 pages show the handout's cost is linear with constant memory; 2,000 is past
   * MBA_SLIDES_MAX_PAGES, so its figure is how fast it is refused. */
  if (wanted ("handout_100_events_ms", "handout_100_events_peak_mb", NULL))
    bench_handout (exe, 100);
  if (wanted ("handout_500_events_ms", "handout_500_events_peak_mb", NULL))
    bench_handout (exe, 500);
  if (wanted ("handout_2000_events_ms", "handout_2000_events_peak_mb", NULL))
    bench_handout (exe, 2000);
}

/* ------------------------------------------------------------------------------------------ */
/* Cold start                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* One start of @exe with MBA_REPORT_FIRST_FRAME=1: the first frame's time it reports, and its
 * start-up phases when it reports them (the app does, the empty window does not). */
static double
start_once (const char  *exe,
            char       **phases)
{
  const char *argv[] = { exe, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "MBA_REPORT_FIRST_FRAME", "1", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s", error->message);
  line = strstr (out, "first-frame ");
  if (!g_spawn_check_wait_status (status, NULL) || line == NULL)
    g_error ("%s did not report its first frame:\n%s%s", exe, out, err);
  if (phases != NULL && (line = strstr (out, "first-frame-phases ")) != NULL)
    *phases = g_strndup (line + strlen ("first-frame-phases "),
                         strcspn (line, "\n") - strlen ("first-frame-phases "));
  return g_ascii_strtod (strstr (out, "first-frame ") + strlen ("first-frame "), NULL);
}

static void
bench_cold_start (void)
{
  const char *exe = g_getenv ("MBA_EXE");
  const char *empty_window = g_getenv ("MBA_EMPTY_WINDOW_EXE");
  double times[N_STARTS], sorted[N_STARTS], floor_times[N_STARTS], median_time;
  char *phases[N_STARTS] = { NULL };

  if (exe == NULL || g_getenv ("DISPLAY") == NULL)
    {
      printf ("# cold_start_ms not measured: it needs MBA_EXE and a display (build-aux/dev bench)\n");
      return;
    }
  /* The app and the empty window take turns, so that both meet the same load on the machine. */
  for (guint i = 0; i < N_STARTS; i++)
    {
      times[i] = start_once (exe, &phases[i]);
      floor_times[i] = empty_window != NULL ? start_once (empty_window, NULL) : 0;
    }
  memcpy (sorted, times, sizeof times);
  median_time = median (sorted, N_STARTS);
  /* When each phase ended in the run that took the median time, in ms since process start */
  for (guint i = 0; i < N_STARTS; i++)
    if (times[i] == median_time && phases[i] != NULL)
      {
        printf ("# phases of the median start: %s\n", phases[i]);
        break;
      }
  for (guint i = 0; i < N_STARTS; i++)
    g_free (phases[i]);
  printf ("bench cold_start_ms %.0f ms\n", median_time);
  if (empty_window != NULL)
    printf ("bench cold_start_empty_window_ms %.0f ms\n", median (floor_times, N_STARTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaWorldMap) map = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 3 && g_str_equal (argv[1], "--load-only"))
    return load_only (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--first-frame"))
    return first_frame_only (argv[2], argv[3]);
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s WORLD-MAP.txt DATASET.json\n", argv[0]);
      return 2;
    }
  /* Line-buffered, so that a figure shows as soon as it is known. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  workdir = g_dir_make_tmp ("mba-bench-XXXXXX", NULL);

  map = mba_world_map_new_from_file (argv[1], &error);
  if (map == NULL)
    g_error ("%s", error->message);
  dataset = mba_dataset_new_from_file (argv[2], &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  printf ("# bundled dataset: %u states, %u events\n", mba_dataset_get_n_states (dataset),
          mba_dataset_get_n_events (dataset));

  if (wanted ("load_", "first_frame_", "peak_rss_", NULL))
    bench_load (self, argv[1]);
  if (wanted ("bad_input_worst_ms", "bad_input_peak_rss_mb", NULL))
    bench_bad_inputs (self);
  if (wanted ("timeline_", "hit_test_", NULL))
    bench_timeline ();
  if (wanted ("map_frame_ms", "map_recolour_ms", NULL))
    bench_map (map, dataset);
  if (wanted ("export_png_ms", "export_svg_ms", "export_pdf_ms", NULL))
    bench_exports (map, dataset);
  bench_command_line ();
  if (wanted ("cold_start_ms", "cold_start_empty_window_ms", NULL))
    bench_cold_start ();

  g_rmdir (workdir);
  return 0;
}
