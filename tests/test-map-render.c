/* test-map-render.c: the chart's fills, outlines, markers, summary and country names */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-country-names.h"
#include "mba-export.h"
#include "mba-map-renderer.h"
#include "mba-map-summary.h"

#define WIDTH 1200
#define HEIGHT 675

static MbaWorldMap *map;
static MbaDataset *dataset;
static MbaDataset *bundled;   /* with its story */

static gint32
ymd (int y,
     int m,
     int d)
{
  return mba_day_from_ymd (y, m, d);
}

static cairo_surface_t *
render (const MbaMapRenderParams *params)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, params->width,
                                                         params->height);
  cairo_t *cr = cairo_create (surface);

  mba_map_render (cr, params);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
init_params (MbaMapRenderParams *params,
             MbaMapProjection    projection,
             gint32              day)
{
  mba_map_render_params_init (params, map, dataset, projection, WIDTH, HEIGHT, day);
  /* Labels sit on the anchors this test samples. */
  params->flags = 0;
}

static void
pixel_rgb (cairo_surface_t *surface,
           int              x,
           int              y,
           double           rgb[3])
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  guint32 p = ((const guint32 *) row)[x];

  rgb[0] = (p >> 16 & 0xff) / 255.0;
  rgb[1] = (p >> 8 & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static double
color_distance (const double    rgb[3],
                const MbaColor *color)
{
  return MAX (MAX (fabs (rgb[0] - color->r), fabs (rgb[1] - color->g)), fabs (rgb[2] - color->b));
}

/* How close the pixels around (x, y) come to @color: hatching covers some of them. */
static double
nearest_around (cairo_surface_t *surface,
                double           x,
                double           y,
                int              radius,
                const MbaColor  *color)
{
  double best = G_MAXDOUBLE;

  for (int j = (int) y - radius; j <= (int) y + radius; j++)
    for (int i = (int) x - radius; i <= (int) x + radius; i++)
      {
        double rgb[3];

        pixel_rgb (surface, i, j, rgb);
        best = MIN (best, color_distance (rgb, color));
      }
  return best;
}

static void
state_point (const MbaMapRenderParams *params,
             const char               *code,
             double                   *x,
             double                   *y)
{
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();

  g_assert_true (mba_map_renderer_get_state_point (renderer, params, code, x, y));
  g_assert_cmpfloat (*x, >, 5);
  g_assert_cmpfloat (*x, <, params->width - 5);
  g_assert_cmpfloat (*y, >, 5);
  g_assert_cmpfloat (*y, <, params->height - 5);
}

static MbaStatus
status_on (const char *code,
           gint32      day)
{
  return mba_dataset_get_status_at (dataset, mba_dataset_find_state (dataset, code), day, NULL, NULL);
}

/* Estonia's fill follows the model: party in 2024, withdrawing after 27 June 2025, withdrawn
 * (derived by the model from Article 20) after 27 December 2025. */
static void
test_fill_follows_status (void)
{
  const MbaPalette *palette = mba_palette_get (MBA_THEME_LIGHT);
  const gint32 days[] = { ymd (2005, 1, 1), ymd (2024, 1, 1), ymd (2025, 7, 1), ymd (2026, 1, 1) };
  double first_rgb[3] = { 0 };

  for (MbaMapProjection p = 0; p < MBA_N_MAP_PROJECTIONS; p++)
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        MbaMapRenderParams params;
        cairo_surface_t *surface;
        MbaStatus status = status_on ("EST", days[i]);
        double x, y, rgb[3];

        init_params (&params, p, days[i]);
        state_point (&params, "EST", &x, &y);
        surface = render (&params);
        g_test_message ("projection %d, day %d: Estonia is %s", p, days[i], mba_status_to_string (status));
        g_assert_cmpfloat (nearest_around (surface, x, y, 3, &palette->status[status]), <, 0.02);
        /* Not some other status's colour at the anchor itself. */
        pixel_rgb (surface, (int) x, (int) y, rgb);
        for (MbaStatus other = 0; other < MBA_N_STATUSES; other++)
          if (other != status && mba_palette_status_pattern (status) == MBA_PATTERN_NONE)
            g_assert_cmpfloat (color_distance (rgb, &palette->status[other]), >, 0.05);
        if (i == 1)
          memcpy (first_rgb, rgb, sizeof rgb);
        if (i == 2 && p == MBA_MAP_PROJECTION_REGIONAL)
          {
            /* The two dates differ, so do the pixels. */
            g_assert_cmpint (status_on ("EST", days[1]), !=, status_on ("EST", days[2]));
            g_assert_cmpfloat (MAX (MAX (fabs (rgb[0] - first_rgb[0]), fabs (rgb[1] - first_rgb[1])),
                                    fabs (rgb[2] - first_rgb[2])), >, 0.1);
          }
        cairo_surface_destroy (surface);
      }
  g_assert_cmpint (status_on ("EST", ymd (2024, 1, 1)), ==, MBA_STATUS_PARTY);
  g_assert_cmpint (status_on ("EST", ymd (2025, 7, 1)), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  g_assert_cmpint (status_on ("EST", ymd (2026, 1, 1)), ==, MBA_STATUS_WITHDRAWN);
}

/* Germany is on the map but not in the test dataset: the neutral "no status" fill. The sea is
 * the sea, in both themes. */
static void
test_unknown_and_sea (void)
{
  for (MbaTheme theme = MBA_THEME_LIGHT; theme <= MBA_THEME_DARK; theme++)
    {
      const MbaPalette *palette = mba_palette_get (theme);
      MbaMapRenderParams params;
      cairo_surface_t *surface;
      double x, y, rgb[3];

      init_params (&params, MBA_MAP_PROJECTION_REGIONAL, ymd (2025, 1, 1));
      params.theme = theme;
      state_point (&params, "DEU", &x, &y);
      surface = render (&params);
      g_assert_null (mba_dataset_find_state (dataset, "DEU"));
      g_assert_cmpfloat (nearest_around (surface, x, y, 3, &palette->status[MBA_STATUS_UNKNOWN]), <, 0.02);

      g_assert_true (mba_map_view_lonlat_to_screen (&params.view, WIDTH, HEIGHT, 19.8, 56.2, &x, &y));
      pixel_rgb (surface, (int) x, (int) y, rgb);
      g_assert_cmpfloat (color_distance (rgb, &palette->sea), <, 0.01);
      cairo_surface_destroy (surface);
    }
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   double           x1,
                   double           y1,
                   double           x2,
                   double           y2)
{
  guint n = 0;

  for (int y = MAX ((int) y1, 0); y < MIN ((int) y2, HEIGHT); y++)
    for (int x = MAX ((int) x1, 0); x < MIN ((int) x2, WIDTH); x++)
      {
        double p[3], q[3];

        pixel_rgb (a, x, y, p);
        pixel_rgb (b, x, y, q);
        if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2])
          n++;
      }
  return n;
}

static void
test_changes (void)
{
  g_autoptr(GArray) changes = mba_map_get_changes (dataset, ymd (2025, 1, 1), ymd (2026, 3, 1));
  gboolean seen_est = FALSE;

  /* Exactly the states whose status differs, with the model's statuses. */
  for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (dataset, i);
      gboolean listed = FALSE;

      for (guint j = 0; j < changes->len; j++)
        {
          const MbaMapChange *change = &g_array_index (changes, MbaMapChange, j);

          if (change->state != state)
            continue;
          listed = TRUE;
          g_assert_cmpint (change->from, ==, status_on (state->code, ymd (2025, 1, 1)));
          g_assert_cmpint (change->to, ==, status_on (state->code, ymd (2026, 3, 1)));
        }
      g_assert_cmpint (listed, ==, status_on (state->code, ymd (2025, 1, 1)) !=
                                   status_on (state->code, ymd (2026, 3, 1)));
    }
  for (guint j = 0; j < changes->len; j++)
    {
      const MbaMapChange *change = &g_array_index (changes, MbaMapChange, j);

      if (g_str_equal (change->state->code, "EST"))
        {
          seen_est = TRUE;
          g_assert_cmpint (change->from, ==, MBA_STATUS_PARTY);
          g_assert_cmpint (change->to, ==, MBA_STATUS_WITHDRAWN);
          g_assert_nonnull (change->event);
          g_assert_true (change->event->derived);
        }
      /* Finland's record says party throughout: no change. */
      g_assert_cmpstr (change->state->code, !=, "FIN");
    }
  g_assert_true (seen_est);

  {
    g_autofree char *text = mba_map_changes_summary (dataset, ymd (2025, 1, 1), ymd (2026, 3, 1));

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, mba_state_get_display_name (mba_dataset_find_state (dataset, "EST"))));
    g_assert_null (strstr (text, mba_state_get_display_name (mba_dataset_find_state (dataset, "FIN"))));
  }
}

/* Compare mode outlines Estonia, which changed, and leaves Finland, which did not. */
static void
test_compare_outline (void)
{
  MbaMapRenderParams params;
  cairo_surface_t *plain, *compared;
  MbaMapRect est, fin;
  guint near_est, near_fin;
  double x, y;

  init_params (&params, MBA_MAP_PROJECTION_REGIONAL, ymd (2026, 3, 1));
  plain = render (&params);
  params.compare_day = ymd (2025, 1, 1);
  compared = render (&params);

  state_point (&params, "EST", &x, &y);
  est = (MbaMapRect) { x - 30, y - 20, x + 30, y + 20 };
  state_point (&params, "FIN", &x, &y);
  fin = (MbaMapRect) { x - 10, y - 10, x + 10, y + 10 };
  near_est = count_differences (plain, compared, est.x1, est.y1, est.x2, est.y2);
  near_fin = count_differences (plain, compared, fin.x1, fin.y1, fin.x2, fin.y2);
  g_test_message ("%u pixels change around Estonia, %u inside Finland", near_est, near_fin);
  g_assert_cmpuint (near_est, >, 20);
  g_assert_cmpuint (near_fin, ==, 0);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (compared);
}

/* A selected event outlines its states; the hover outlines the state under the pointer. */
static void
test_selection_and_hover (void)
{
  MbaMapRenderParams params;
  cairo_surface_t *plain, *selected, *hovered;
  double x, y;

  init_params (&params, MBA_MAP_PROJECTION_REGIONAL, ymd (2025, 7, 1));
  plain = render (&params);
  params.selected_event_id = "ukr-deposit";
  selected = render (&params);
  params.selected_event_id = NULL;
  params.hover_code = "EST";
  hovered = render (&params);

  state_point (&params, "UKR", &x, &y);
  g_assert_cmpuint (count_differences (plain, selected, 0, 0, WIDTH, HEIGHT), >, 100);
  g_assert_cmpuint (count_differences (plain, selected, x - 5, y - 5, x + 5, y + 5), ==, 0);
  state_point (&params, "EST", &x, &y);
  g_assert_cmpuint (count_differences (plain, selected, x - 30, y - 20, x + 30, y + 20), ==, 0);
  g_assert_cmpuint (count_differences (plain, hovered, x - 30, y - 20, x + 30, y + 20), >, 20);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (hovered);
}

/* The overlays draw something where they belong, and a vector export works. */
static void
test_overlays (void)
{
  MbaMapRenderParams params;
  cairo_surface_t *bare, *full;
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y;

  init_params (&params, MBA_MAP_PROJECTION_REGIONAL, ymd (2025, 7, 1));
  bare = render (&params);
  params.flags = MBA_MAP_RENDER_ALL;
  full = render (&params);
  /* The date, top left; the legend, bottom right; Estonia's name on Estonia (it is in events). */
  g_assert_cmpuint (count_differences (bare, full, 0, 0, 150, 60), >, 100);
  g_assert_cmpuint (count_differences (bare, full, WIDTH - 150, HEIGHT - 100, WIDTH, HEIGHT), >, 100);
  state_point (&params, "EST", &x, &y);
  g_assert_cmpuint (count_differences (bare, full, x - 20, y - 8, x + 20, y + 8), >, 20);
  cairo_surface_destroy (bare);
  cairo_surface_destroy (full);

  surface = cairo_svg_surface_create_for_stream (mba_export_append_to_string, svg, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  mba_map_render (cr, &params);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (svg->len, >, 50000);
  g_assert_nonnull (strstr (svg->str, "<path"));
}

static cairo_surface_t *
draw_with (MbaMapRenderer           *renderer,
           const MbaMapRenderParams *params)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, params->width,
                                                         params->height);
  cairo_t *cr = cairo_create (surface);

  mba_map_renderer_draw (renderer, cr, params);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A renderer that has drawn other dates (and repaints only what changed) draws the same
 * picture as a fresh one, but for rounding where a repainted area meets the rest. */
static void
test_incremental_equals_full (void)
{
  g_autoptr(MbaMapRenderer) reused = mba_map_renderer_new ();
  const gint32 days[] = { ymd (2024, 1, 1), ymd (2025, 4, 1), ymd (2025, 7, 20), ymd (2026, 1, 1),
                          ymd (2005, 6, 1), ymd (2026, 1, 1) };

  for (MbaMapProjection p = 0; p < MBA_N_MAP_PROJECTIONS; p++)
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(MbaMapRenderer) fresh = mba_map_renderer_new ();
        MbaMapRenderParams params;
        cairo_surface_t *a, *b;

        init_params (&params, p, days[i]);
        params.flags = MBA_MAP_RENDER_ALL;
        params.compare_day = i % 2 ? ymd (2025, 1, 1) : 0;
        params.selected_event_id = i == 2 ? "est-deposit" : NULL;
        a = draw_with (reused, &params);
        b = draw_with (fresh, &params);
        /* Edges clipped at the border of a repainted area round a few levels apart. */
        for (int y = 0; y < HEIGHT; y++)
          for (int x = 0; x < WIDTH; x++)
            {
              double pa[3], pb[3];

              pixel_rgb (a, x, y, pa);
              pixel_rgb (b, x, y, pb);
              for (int k = 0; k < 3; k++)
                g_assert_cmpfloat (fabs (pa[k] - pb[k]), <=, 10 / 255.0 + 1e-9);
            }
        g_assert_cmpuint (count_differences (a, b, 0, 0, WIDTH, HEIGHT), <, 100);
        cairo_surface_destroy (a);
        cairo_surface_destroy (b);
      }
}

/* States too small to see get a marker that the pointer can hit. */
static void
test_markers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *with_vatican = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaDataset) small_states = NULL;
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  const MbaMapCountry *vatican = mba_world_map_find_country (map, "VAT");
  MbaMapRenderParams params;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (json, "\"states\": [", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    with_vatican = g_strconcat (parts[0], "\"states\": [\n    { \"code\": \"VAT\", \"name\": \"Holy See\", "
                                "\"record\": { \"status\": \"party\", \"known_by\": \"2009-11\", \"source\": \"rec\" } },",
                                parts[1], NULL);
  }
  bytes = g_bytes_new (with_vatican, strlen (with_vatican));
  small_states = mba_dataset_new_from_bytes (bytes, "with-vatican.json", &error);
  g_assert_no_error (error);

  g_assert_nonnull (vatican);
  mba_map_render_params_init (&params, map, small_states, MBA_MAP_PROJECTION_REGIONAL, WIDTH, HEIGHT,
                              ymd (2024, 1, 1));
  params.flags = 0;
  g_assert_true (mba_map_renderer_get_state_point (renderer, &params, "VAT", &x, &y));
  /* The outline alone finds Italy (or nothing) there; the marker finds the Vatican. */
  {
    const MbaMapCountry *under = mba_map_view_hit_test (&params.view, map, WIDTH, HEIGHT, x, y);

    g_assert_true (under == NULL || g_str_equal (under->code, "ITA"));
  }
  g_assert_true (mba_map_renderer_hit_test (renderer, &params, x, y) == vatican);
  g_assert_true (mba_map_renderer_hit_test (renderer, &params, x + 2, y - 2) == vatican);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  mba_map_renderer_draw (renderer, cr, &params);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpfloat (nearest_around (surface, x, y, 1,
                                     &mba_palette_get (MBA_THEME_LIGHT)->status[MBA_STATUS_PARTY]), <, 0.02);
  cairo_surface_destroy (surface);
}

static void
test_summary (void)
{
  const char *estonia = mba_state_get_display_name (mba_dataset_find_state (dataset, "EST"));
  const char *ukraine = mba_state_get_display_name (mba_dataset_find_state (dataset, "UKR"));
  const char *finland = mba_state_get_display_name (mba_dataset_find_state (dataset, "FIN"));
  g_autofree char *before = mba_map_summary (dataset, ymd (2024, 1, 1));
  g_autofree char *after = mba_map_summary (dataset, ymd (2026, 2, 20));
  g_autofree char *date = mba_day_format (ymd (2026, 2, 20));
  g_autofree char *withdrawn = NULL;
  const char *clause_end;

  g_test_message ("%s", before);
  g_test_message ("%s", after);

  /* Every state of the small dataset is named (fewer than six in each group). */
  for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (dataset, i);

      g_assert_nonnull (strstr (before, mba_state_get_display_name (state)));
      g_assert_nonnull (strstr (after, mba_state_get_display_name (state)));
    }
  g_assert_true (g_str_has_prefix (after + strlen ("On "), date));
  g_assert_null (strstr (before, "no longer bound"));

  /* In February 2026 Estonia alone has left; Ukraine's withdrawal is blocked by the war. */
  g_assert_cmpint (status_on ("EST", ymd (2026, 2, 20)), ==, MBA_STATUS_WITHDRAWN);
  g_assert_cmpint (status_on ("UKR", ymd (2026, 2, 20)), ==, MBA_STATUS_WITHDRAWAL_IN_PROGRESS);
  clause_end = strstr (after, " is no longer bound by the treaty");
  g_assert_nonnull (clause_end);
  withdrawn = g_strndup (after, clause_end - after);
  g_assert_true (g_str_has_suffix (withdrawn, estonia));
  g_assert_null (strstr (withdrawn, finland));
  g_assert_nonnull (strstr (after, ukraine));
  g_assert_true (strstr (after, ukraine) > strstr (after, estonia));
  g_assert_nonnull (strstr (after, "withdrawal is in progress"));
}

static void
test_join_names (void)
{
  const char *names[] = { "Estonia", "Finland", "Latvia", "Lithuania", "Poland" };
  g_autofree char *one = mba_join_names (names, 1);
  g_autofree char *two = mba_join_names (names, 2);
  g_autofree char *five = mba_join_names (names, 5);

  g_assert_cmpstr (one, ==, "Estonia");
  g_assert_cmpstr (two, ==, "Estonia and Finland");
  g_assert_cmpstr (five, ==, "Estonia, Finland, Latvia, Lithuania and Poland");
}

/* Map areas of the window (1366×768, 1024×700, 1920×1080, narrow and wide), of exports and of
 * slides: every one must name the story's six states and keep its legend off them. */
static const int story_sizes[][2] = {
  { 975, 305 }, { 1000, 260 }, { 640, 330 }, { 700, 420 }, { 1200, 675 }, { 1920, 1080 },
  { 842, 300 }, { 560, 520 }, { 480, 360 },
};

static void
init_story_params (MbaMapRenderParams *params,
                   int                 width,
                   int                 height)
{
  const MbaStory *story = mba_dataset_get_story (bundled);

  mba_map_render_params_init (params, map, bundled, MBA_MAP_PROJECTION_REGIONAL, width, height,
                              story->last_day);
  mba_map_render_params_set_story (params);
}

/* The regional view opens on the story's states and their neighbours, much closer than
 * Europe's frame, and every state of the story lies inside it. */
static void
test_story_frame (void)
{
  const MbaStory *story = mba_dataset_get_story (bundled);
  const MbaMapRect *europe = mba_map_projection_get_home (MBA_MAP_PROJECTION_REGIONAL);
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  MbaMapRenderParams params;
  MbaMapRect frame;

  g_assert_nonnull (story);
  g_assert_cmpuint (story->n_states, ==, 6);
  g_assert_true (mba_map_get_focus_frame (map, MBA_MAP_PROJECTION_REGIONAL, story->states,
                                          story->n_states, &frame));
  g_assert_cmpfloat ((frame.x2 - frame.x1) * (frame.y2 - frame.y1), <,
                     0.5 * (europe->x2 - europe->x1) * (europe->y2 - europe->y1));

  for (guint s = 0; s < G_N_ELEMENTS (story_sizes); s++)
    {
      init_story_params (&params, story_sizes[s][0], story_sizes[s][1]);
      for (guint i = 0; i < story->n_states; i++)
        {
          double x, y;

          g_assert_true (mba_map_renderer_get_state_point (renderer, &params, story->states[i]->code,
                                                           &x, &y));
          g_assert_cmpfloat (x, >, 0);
          g_assert_cmpfloat (x, <, params.width);
          g_assert_cmpfloat (y, >, 0);
          g_assert_cmpfloat (y, <, params.height);
        }
    }

  /* The world view keeps the world; a dataset without a story keeps Europe. */
  mba_map_render_params_init (&params, map, bundled, MBA_MAP_PROJECTION_WORLD, 975, 305, 1);
  mba_map_render_params_set_story (&params);
  g_assert_cmpfloat (params.view.home.x2 - params.view.home.x1, ==,
                     mba_map_projection_get_home (MBA_MAP_PROJECTION_WORLD)->x2 -
                     mba_map_projection_get_home (MBA_MAP_PROJECTION_WORLD)->x1);
  g_assert_cmpuint (params.n_focus_states, ==, 6);
  mba_map_render_params_init (&params, map, dataset, MBA_MAP_PROJECTION_REGIONAL, 975, 305, 1);
  mba_map_render_params_set_story (&params);
  g_assert_null (mba_dataset_get_story (dataset));
  g_assert_cmpuint (params.n_focus_states, ==, 0);
  g_assert_cmpfloat (params.view.home.x1, ==, europe->x1);
}

/* At every size each story state is named (before Andorra or Tunisia) and the legend covers
 * none of them: on image and on vector targets. */
static void
test_story_labels_and_legend (void)
{
  static const int posters[][2] = { { 1920, 1080 }, { 842, 595 }, { 792, 612 }, { 595, 842 }, { 1280, 720 } };
  const MbaStory *story = mba_dataset_get_story (bundled);
  typedef struct { int width, height; } Size;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (Size));

  for (guint s = 0; s < G_N_ELEMENTS (story_sizes); s++)
    {
      Size size = { story_sizes[s][0], story_sizes[s][1] };

      g_array_append_val (sizes, size);
    }
  /* The maps of posters and map exports, where the export puts them. */
  for (guint p = 0; p < G_N_ELEMENTS (posters); p++)
    for (int view = 0; view < 2; view++)
      {
        MbaExportOptions options;
        MbaExportLayout layout;
        Size size;

        mba_export_options_init (&options, bundled, map);
        options.view = view ? MBA_EXPORT_VIEW_POSTER : MBA_EXPORT_VIEW_MAP;
        options.width = posters[p][0];
        options.height = posters[p][1];
        mba_export_get_layout (&options, &layout);
        size = (Size) { (int) layout.map.width, (int) layout.map.height };
        g_array_append_val (sizes, size);
      }

  for (guint s = 0; s < sizes->len; s++)
    for (int vector = 0; vector < 2; vector++)
      {
        g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
        MbaMapRenderParams params;
        cairo_surface_t *surface;
        MbaMapRect legend;
        gboolean has_legend;
        cairo_t *cr;

        init_story_params (&params, g_array_index (sizes, Size, s).width, g_array_index (sizes, Size, s).height);
        /* An image takes the raster layers, SVG the vectors: both place the same names. */
        surface = vector ? cairo_svg_surface_create_for_stream (NULL, NULL, params.width, params.height)
                         : cairo_image_surface_create (CAIRO_FORMAT_ARGB32, params.width, params.height);
        cr = cairo_create (surface);
        mba_map_renderer_draw (renderer, cr, &params);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        g_test_message ("%d×%d %s", params.width, params.height, vector ? "vector" : "raster");
        /* The window's map has its legend; a smaller or narrower map may leave it out (the
         * exports' caption gives it) rather than cover a state of the story. */
        has_legend = mba_map_renderer_get_legend_rect (renderer, &legend);
        if (params.width >= 700 && params.height >= 300)
          g_assert_true (has_legend);
        for (guint i = 0; i < story->n_states; i++)
          {
            const char *code = story->states[i]->code;
            MbaMapRect label, box;

            if (!mba_map_renderer_get_label_rect (renderer, code, &label))
              g_error ("%s has no name at %d×%d", code, params.width, params.height);
            g_assert_cmpfloat (label.x1, >=, 0);
            g_assert_cmpfloat (label.y1, >=, 0);
            g_assert_cmpfloat (label.x2, <=, params.width);
            g_assert_cmpfloat (label.y2, <=, params.height);
            g_assert_true (mba_map_renderer_get_state_box (renderer, &params, code, &box));
            if (has_legend && mba_map_rect_intersects (&legend, &box))
              g_error ("the legend covers %s at %d×%d", code, params.width, params.height);
          }
      }
}

static void
test_country_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaCountryNames) missing = mba_country_names_new_from_file ("/nonexistent/iso_3166-1.json", &error);
  MbaCountryNames *names = mba_country_names_get_default ();

  g_assert_null (missing);
  g_assert_nonnull (error);
  /* Codes iso-codes does not have fall back to the caller's (the dataset's) name. */
  g_assert_cmpstr (mba_country_name ("XKX", "Kosovo"), ==, "Kosovo");
  g_assert_cmpstr (mba_country_name ("ZZZ", NULL), ==, "ZZZ");

  if (mba_country_names_get_size (names) == 0)
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  g_assert_cmpuint (mba_country_names_get_size (names), >, 240);
  /* Names come from iso-codes, not from the dataset. */
  g_assert_cmpstr (mba_country_name ("EST", "not this"), ==, "Estonia");
  g_assert_cmpstr (mba_state_get_display_name (mba_dataset_find_state (dataset, "EST")), ==, "Estonia");
  /* Inverted names read in order. */
  for (const char *const *code = (const char *const[]) { "KOR", "PRK", "COD", "PSE", "FSM", NULL }; *code; code++)
    {
      const char *name = mba_country_name (*code, NULL);

      g_test_message ("%s: %s", *code, name);
      g_assert_null (strstr (name, ", "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *map_path = NULL;
  g_autofree char *path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  map_path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  map = mba_world_map_new_from_file (map_path, &error);
  g_assert_no_error (error);
  path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_free (path);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  bundled = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/map/render/fill-follows-status", test_fill_follows_status);
  g_test_add_func ("/map/render/unknown-and-sea", test_unknown_and_sea);
  g_test_add_func ("/map/render/compare-outline", test_compare_outline);
  g_test_add_func ("/map/render/selection-and-hover", test_selection_and_hover);
  g_test_add_func ("/map/render/overlays", test_overlays);
  g_test_add_func ("/map/render/markers", test_markers);
  g_test_add_func ("/map/render/incremental-equals-full", test_incremental_equals_full);
  g_test_add_func ("/map/changes", test_changes);
  g_test_add_func ("/map/summary", test_summary);
  g_test_add_func ("/map/summary/join-names", test_join_names);
  g_test_add_func ("/map/country-names", test_country_names);
  g_test_add_func ("/map/story/frame", test_story_frame);
  g_test_add_func ("/map/story/labels-and-legend", test_story_labels_and_legend);

  status = g_test_run ();
  g_clear_object (&dataset);
  g_clear_object (&bundled);
  g_clear_object (&map);
  return status;
}
