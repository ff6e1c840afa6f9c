/* test-timeline-render.c: the timeline drawn into an image, checked pixel by pixel */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-export.h"
#include "mba-timeline-renderer.h"

#define WIDTH  1200
#define HEIGHT 700

static MbaDataset *small;

typedef struct
{
  cairo_surface_t   *surface;
  MbaTimelineLayout *layout;
  MbaTimelineScene   scene;
} Drawing;

static void
drawing_render (Drawing          *drawing,
                const MbaPalette *palette)
{
  cairo_t *cr;

  g_clear_pointer (&drawing->surface, cairo_surface_destroy);
  drawing->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (drawing->surface);
  mba_timeline_render (cr, drawing->layout, WIDTH, HEIGHT, palette, &drawing->scene);
  cairo_destroy (cr);
  cairo_surface_flush (drawing->surface);
}

static void
drawing_init (Drawing *drawing)
{
  memset (drawing, 0, sizeof *drawing);
  drawing->layout = mba_timeline_layout_new ();
  mba_timeline_scene_init (&drawing->scene);
  drawing->scene.dataset = small;
  drawing->scene.start_day = mba_day_from_ymd (2025, 1, 1);
  drawing->scene.end_day = mba_day_from_ymd (2026, 1, 1);
}

static void
drawing_clear (Drawing *drawing)
{
  g_clear_pointer (&drawing->surface, cairo_surface_destroy);
  g_clear_object (&drawing->layout);
}

static MbaColor
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  argb = *(const guint32 *) (data + (int) y * stride + (int) x * 4);
  return (MbaColor) { (argb >> 16 & 0xff) / 255.0, (argb >> 8 & 0xff) / 255.0, (argb & 0xff) / 255.0,
                      (argb >> 24 & 0xff) / 255.0 };
}

static double
color_distance (const MbaColor *a,
                const MbaColor *b)
{
  return fabs (a->r - b->r) + fabs (a->g - b->g) + fabs (a->b - b->b);
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const MbaColor  *expected)
{
  MbaColor got = pixel_at (surface, x, y);

  if (color_distance (&got, expected) > 3 / 255.0)
    g_error ("pixel (%.0f, %.0f) is #%02x%02x%02x, expected #%02x%02x%02x", x, y,
             (int) round (got.r * 255), (int) round (got.g * 255), (int) round (got.b * 255),
             (int) round (expected->r * 255), (int) round (expected->g * 255), (int) round (expected->b * 255));
}

/* The y of a lane's first row, and an x in it where nothing is drawn: no item, tick or cursor. */
static gboolean
find_empty_spot (MbaTimelineLayout *layout,
                 guint              lane_index,
                 double            *x,
                 double            *y)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, lane_index);
  const MbaTimelineItem *items;
  const MbaTimelineTick *ticks;
  guint n_items, n_ticks;

  items = mba_timeline_layout_get_items (layout, &n_items);
  ticks = mba_timeline_layout_get_ticks (layout, &n_ticks);
  *y = lane->y + lane->height / 2;
  for (double cx = g->plot.x + 10; cx < g->plot.x + g->plot.width - 10; cx += 7)
    {
      gboolean clear = TRUE;

      for (guint i = 0; i < n_items && clear; i++)
        if (items[i].lane == lane_index &&
            cx > MIN (items[i].marker.x, items[i].label.x) - 12 &&
            cx < MAX (items[i].marker.x + items[i].marker.width, items[i].label.x + items[i].label.width) + 12)
          clear = FALSE;
      for (guint i = 0; i < n_ticks && clear; i++)
        if (fabs (cx - ticks[i].x) < 4)
          clear = FALSE;
      if (clear)
        {
          *x = cx;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_event_colour (void)
{
  const MbaPalette *palette = mba_palette_get (MBA_THEME_LIGHT);
  const MbaEvent *est = mba_dataset_find_event (small, "est-deposit");
  const MbaTimelineItem *item;
  Drawing drawing;
  double x;

  drawing_init (&drawing);
  drawing_render (&drawing, palette);

  /* The dot sits at the middle of its day, in its kind's colour. */
  item = mba_timeline_layout_find_event_item (drawing.layout, est);
  g_assert_nonnull (item);
  g_assert_cmpint (item->type, ==, MBA_TIMELINE_ITEM_EVENT);
  x = mba_timeline_layout_day_to_x (drawing.layout, est->first_day + 0.5);
  g_assert_cmpfloat_with_epsilon (item->x, x, 1e-6);
  assert_pixel (drawing.surface, x, item->y, &palette->kind[est->kind]);
  assert_pixel (drawing.surface, x - 2, item->y + 2, &palette->kind[est->kind]);
  /* Just past the dot and before its label: the lane's background. */
  {
    const MbaTimelineLane *lane = mba_timeline_layout_get_lane (drawing.layout, item->lane);
    const MbaColor *stripe = item->lane % 2 ? &palette->surface : &palette->background;

    g_assert_cmpfloat (lane->height, >, 0);
    assert_pixel (drawing.surface, x, item->y - 9, stripe);
  }

  drawing_clear (&drawing);
}

static void
test_cursor_and_background (void)
{
  const MbaPalette *light = mba_palette_get (MBA_THEME_LIGHT);
  const MbaPalette *dark = mba_palette_get (MBA_THEME_DARK);
  const MbaTimelineGeometry *g;
  MbaTimelineRect handle;
  Drawing drawing;
  double cursor_x, x = 0, y = 0;
  MbaColor light_pixel, dark_pixel;

  drawing_init (&drawing);
  /* February has no event in the small dataset. */
  drawing.scene.cursor_day = mba_day_from_ymd (2025, 2, 12);
  drawing_render (&drawing, light);
  g = mba_timeline_layout_get_geometry (drawing.layout);

  /* The cursor line, two pixels wide at the middle of its day, across the lanes. */
  cursor_x = round (mba_timeline_layout_day_to_x (drawing.layout, drawing.scene.cursor_day + 0.5));
  for (y = g->plot.y + 5; y < g->plot.y + g->plot.height; y += 37)
    {
      assert_pixel (drawing.surface, cursor_x - 1, y, &light->cursor);
      assert_pixel (drawing.surface, cursor_x, y, &light->cursor);
    }
  g_assert_true (mba_timeline_render_get_cursor_handle (drawing.layout, &drawing.scene, &handle));
  g_assert_cmpfloat (handle.x, <=, cursor_x);
  g_assert_cmpfloat (handle.x + handle.width, >=, cursor_x);
  assert_pixel (drawing.surface, handle.x + 2, handle.y + handle.height / 2, &light->cursor);

  /* Elsewhere in the first lane: the background. */
  g_assert_true (find_empty_spot (drawing.layout, 0, &x, &y));
  g_assert_cmpfloat (fabs (x - cursor_x), >, 4);
  assert_pixel (drawing.surface, x, y, &light->background);
  light_pixel = pixel_at (drawing.surface, x, y);

  /* Dark: another background, the same place. */
  drawing_render (&drawing, dark);
  assert_pixel (drawing.surface, x, y, &dark->background);
  assert_pixel (drawing.surface, cursor_x, g->plot.y + 5, &dark->cursor);
  dark_pixel = pixel_at (drawing.surface, x, y);
  g_assert_cmpfloat (color_distance (&light_pixel, &dark_pixel), >, 1.0);

  /* The cursor off the view draws no line. */
  drawing.scene.cursor_day = mba_day_from_ymd (2010, 1, 1);
  drawing_render (&drawing, light);
  g_assert_false (mba_timeline_render_get_cursor_handle (drawing.layout, &drawing.scene, &handle));
  {
    MbaColor at_old = pixel_at (drawing.surface, cursor_x, g->plot.y + 5);

    g_assert_cmpfloat (color_distance (&at_old, &light->cursor), >, 0.2);
  }

  drawing_clear (&drawing);
}

static void
test_selection_and_hover (void)
{
  const MbaPalette *palette = mba_palette_get (MBA_THEME_LIGHT);
  const MbaEvent *est = mba_dataset_find_event (small, "est-deposit");
  const MbaTimelineItem *item;
  Drawing drawing;
  MbaColor before, after;

  drawing_init (&drawing);
  drawing_render (&drawing, palette);
  item = mba_timeline_layout_find_event_item (drawing.layout, est);
  before = pixel_at (drawing.surface, item->x, item->y + 8);

  /* Selected: a ring in the accent colour around the dot. */
  drawing.scene.selected_id = "est-deposit";
  drawing_render (&drawing, palette);
  item = mba_timeline_layout_find_event_item (drawing.layout, est);
  after = pixel_at (drawing.surface, item->x, item->y + 8);
  g_assert_cmpfloat (color_distance (&after, &palette->accent), <, color_distance (&before, &palette->accent));
  g_assert_cmpfloat (color_distance (&after, &palette->accent), <, 0.35);

  /* Hovered instead: a ring in the text colour. */
  drawing.scene.selected_id = NULL;
  drawing.scene.hover_x = item->x;
  drawing.scene.hover_y = item->y;
  drawing_render (&drawing, palette);
  after = pixel_at (drawing.surface, item->x, item->y + 8);
  g_assert_cmpfloat (color_distance (&after, &palette->foreground), <, color_distance (&before, &palette->foreground));

  drawing_clear (&drawing);
}

/* A selected event whose label is cut, or which is in a cluster, gets its whole title in a
 * callout drawn in its own row: selecting it changes no pixel of any other row. It used to be
 * drawn above the event, over the row above. */
static void
test_callout_in_row (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);
  const MbaPalette *palette = mba_palette_get (MBA_THEME_LIGHT);
  const MbaTimelineGeometry *g;
  const MbaTimelineItem *items, *chosen = NULL;
  cairo_surface_t *before;
  Drawing drawing;
  guint n, n_changed = 0;
  double top, bottom;

  g_assert_no_error (error);
  drawing_init (&drawing);
  drawing.scene.dataset = bundled;
  drawing.scene.start_day = mba_day_from_ymd (2025, 3, 1);
  drawing.scene.end_day = mba_day_from_ymd (2026, 3, 15);
  drawing_render (&drawing, palette);
  g = mba_timeline_layout_get_geometry (drawing.layout);
  items = mba_timeline_layout_get_items (drawing.layout, &n);
  /* An event with a cut label, not in the first lane, so that there is a row above it. */
  for (guint i = 0; i < n && chosen == NULL; i++)
    if (items[i].type == MBA_TIMELINE_ITEM_EVENT && items[i].lane > 0 &&
        items[i].label.width < items[i].label_full_width - 0.5 && items[i].y - g->row_height > g->plot.y)
      chosen = &items[i];
  g_assert_nonnull (chosen);
  top = chosen->y - g->row_height / 2 - 1;
  bottom = chosen->y + g->row_height / 2 + 1;
  drawing.scene.selected_id = chosen->event->id;
  before = g_steal_pointer (&drawing.surface);
  drawing_render (&drawing, palette);

  for (int y = (int) g->plot.y; y < HEIGHT; y++)
    for (int x = (int) g->plot.x; x < WIDTH; x++)
      {
        MbaColor a, b;

        if (y >= top && y <= bottom)
          continue;
        a = pixel_at (before, x, y);
        b = pixel_at (drawing.surface, x, y);
        n_changed += color_distance (&a, &b) > 0;
      }
  g_assert_cmpuint (n_changed, ==, 0);
  /* And the callout is there: the row changed past the cut label's end. */
  {
    MbaColor a = pixel_at (before, chosen->label.x + chosen->label.width + 4, chosen->y - g->row_height / 2 + 2);
    MbaColor b = pixel_at (drawing.surface, chosen->label.x + chosen->label.width + 4, chosen->y - g->row_height / 2 + 2);

    g_assert_cmpfloat (color_distance (&a, &b), >, 0);
  }
  cairo_surface_destroy (before);
  drawing_clear (&drawing);
}

/* The same drawing goes to SVG as vectors: circles are paths, not stamped images. */
static void
test_svg_export (void)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  Drawing drawing;
  cairo_surface_t *surface;
  cairo_t *cr;

  drawing_init (&drawing);
  drawing.scene.cursor_day = mba_day_from_ymd (2025, 6, 29);
  drawing.scene.selected_id = "est-deposit";
  surface = cairo_svg_surface_create_for_stream (mba_export_append_to_string, svg, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  mba_timeline_render (cr, drawing.layout, WIDTH, HEIGHT, mba_palette_get (MBA_THEME_LIGHT), &drawing.scene);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_nonnull (strstr (svg->str, "<svg"));
  g_assert_null (strstr (svg->str, "<image"));
  g_assert_cmpuint (svg->len, >, 10000);
  drawing_clear (&drawing);
}

static void
test_empty (void)
{
  const MbaPalette *palette = mba_palette_get (MBA_THEME_DARK);
  Drawing drawing;

  /* No dataset, and a filter that hides everything: drawn, without lanes. */
  drawing_init (&drawing);
  drawing.scene.dataset = NULL;
  drawing_render (&drawing, palette);
  assert_pixel (drawing.surface, WIDTH / 2, 3, &palette->background);
  g_assert_cmpuint (mba_timeline_layout_get_n_lanes (drawing.layout), ==, 0);

  drawing.scene.dataset = small;
  drawing.scene.search_text = "no such words anywhere";
  drawing_render (&drawing, palette);
  g_assert_cmpuint (mba_timeline_layout_get_n_lanes (drawing.layout), ==, 0);
  assert_pixel (drawing.surface, 5, HEIGHT - 5, &palette->background);
  drawing_clear (&drawing);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  small = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/timeline/render/event-colour", test_event_colour);
  g_test_add_func ("/timeline/render/cursor-and-background", test_cursor_and_background);
  g_test_add_func ("/timeline/render/selection-and-hover", test_selection_and_hover);
  g_test_add_func ("/timeline/render/svg-export", test_svg_export);
  g_test_add_func ("/timeline/render/callout-in-row", test_callout_in_row);
  g_test_add_func ("/timeline/render/empty", test_empty);

  ret = g_test_run ();
  g_object_unref (small);
  return ret;
}
