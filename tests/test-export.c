/* test-export.c: --export writes PNG, SVG and PDF with no display, atomically */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mba-caption.h"
#include "mba-export.h"
#include "mba-map-summary.h"
#include "mba-slide-renderer.h"
#include "mba-source-format.h"
#include "mba-timeline-layout.h"
#include "mba-test-util.h"

static char *tmpdir;
static gboolean run_as_nobody;


/* Runs the app with no display; returns its exit status and its standard error (replacing
 * what *err held). An export into a read-only folder runs as nobody when the tests run as root,
 * for whom mode bits do not count. */
static int
run_export (char       **err,
            const char  *first_arg,
            ...)
{
  g_auto(MbaTestRun) run = { 0 };
  va_list args;

  va_start (args, first_arg);
  mba_test_run_app_valist (&run, NULL, run_as_nobody, first_arg, args);
  va_end (args);
  g_free (*err);
  *err = g_steal_pointer (&run.err);
  return run.status;
}

static void
test_png (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "poster.png", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  guint32 first, *pixels;
  gboolean varied = FALSE;
  int stride;

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "poster", "--size", "800x500",
                               "--scale", "2", "--date", "2026-02-20", NULL), ==, 0);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1000);
  pixels = (guint32 *) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  first = pixels[0];
  for (int y = 0; y < 1000 && !varied; y += 7)
    for (int x = 0; x < 1600 && !varied; x += 7)
      varied = pixels[y * stride + x] != first;
  g_assert_true (varied);
  cairo_surface_destroy (image);
}

static void
test_svg (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "map.svg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { NULL };
  const char *title, *desc;

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "map", "--date", "2026-02-20", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  /* Well-formed XML. */
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  title = strstr (svg, "<title>");
  desc = strstr (svg, "<desc>");
  g_assert_nonnull (title);
  g_assert_nonnull (desc);
  g_assert_true (title < strstr (svg, "<g") || strstr (svg, "<g") == NULL);
  g_assert_nonnull (strstr (desc, "On 20 February 2026, Estonia, Finland, Latvia, Lithuania and Poland are no longer bound"));
}

static void
test_pdf_text (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "timeline.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status;
  const char *argv[] = { NULL, NULL, "-", NULL };

  /* The whole history: the invasion of 2022 is before the story. */
  g_assert_cmpint (run_export (&err, "--export", path, "--view", "timeline", "--period", "all", NULL), ==, 0);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  argv[0] = pdftotext;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, NULL));
  /* Text stays text: lane names and event titles can be searched (avoiding “fi”, a ligature). */
  g_assert_nonnull (strstr (text, "Ratification"));
  g_assert_nonnull (strstr (text, "Russia launches its full-scale invasion of Ukraine"));
}

static void
test_errors_leave_existing_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "keep.png", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-folder", "x.png", NULL);
  g_autofree char *contents = NULL;
  char *err = NULL;
  GDir *dir;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));

  g_assert_cmpint (run_export (&err, "--export", path, "--select", "no-such-event", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "--select: no event has the id “no-such-event”\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "1920by1080", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--size: “1920by1080” is not a size"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--view", "slideshow", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--view: “slideshow” is not timeline, map, poster or slides"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--theme", "sepia", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", path, "--date", "2026-02-30", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  g_assert_cmpint (run_export (&err, "--export", "chart.gif", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "chart.gif: unknown format; the file name must end in .png, .svg or .pdf\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No such file or directory"));
  g_clear_pointer (&err, g_free);

  /* A successful export replaces the file whole; no temporary file is left behind. */
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "320x200", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_prefix (contents, "\x89PNG"));
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n_files++;
    }
  g_dir_close (dir);
  g_assert_cmpuint (n_files, >=, 1);
}

static MbaDataset *
load_bundled_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static MbaWorldMap *
load_world_map (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  g_autoptr(GError) error = NULL;
  MbaWorldMap *map = mba_world_map_new_from_file (path, &error);

  g_assert_no_error (error);
  return map;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, NULL, "-", NULL };
  char *text = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, NULL));
  return text;
}

static guint32
argb (const MbaColor *color)
{
  return 0xff000000u | (guint32) round (color->r * 255) << 16 | (guint32) round (color->g * 255) << 8 |
         (guint32) round (color->b * 255);
}

static gboolean
band_has_pixel (cairo_surface_t *image,
                int              y1,
                int              y2,
                guint32          pixel)
{
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image) / 4;

  for (int y = y1; y < y2; y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if (pixels[y * stride + x] == pixel)
        return TRUE;
  return FALSE;
}

/* The caption has a band of its own under the map, with the legend's swatches in it. */
static void
test_caption_band (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled_dataset ();
  g_autoptr(MbaWorldMap) map = load_world_map ();
  g_autofree char *with = g_build_filename (tmpdir, "caption.png", NULL);
  g_autofree char *without = g_build_filename (tmpdir, "no-caption.png", NULL);
  g_autofree char *err = NULL;
  const MbaPalette *palette = mba_palette_get (MBA_THEME_LIGHT);
  MbaExportOptions options;
  MbaExportLayout layout, bare;
  cairo_surface_t *a, *b;
  int top, differing = 0;

  mba_export_options_init (&options, dataset, map);
  options.view = MBA_EXPORT_VIEW_MAP;
  options.width = 800;
  options.height = 600;
  g_assert_true (mba_day_parse_iso ("2026-02-20", &options.day));
  mba_export_get_layout (&options, &layout);

  /* Map above, caption below, touching, together the whole picture. */
  g_assert_cmpfloat (layout.caption.height, >, 60);
  g_assert_cmpfloat (layout.caption.height, <=, 300);
  g_assert_cmpfloat (layout.map.y, ==, 0);
  g_assert_cmpfloat (layout.map.y + layout.map.height, ==, layout.caption.y);
  g_assert_cmpfloat (layout.caption.y + layout.caption.height, ==, 600);
  g_assert_cmpfloat (layout.timeline.height, ==, 0);
  g_assert_true (layout.legend_in_caption);
  g_assert_cmpuint (layout.n_sources_shown, >=, 1);
  g_assert_cmpuint (layout.n_sources_shown, <=, layout.n_sources);

  options.caption = FALSE;
  mba_export_get_layout (&options, &bare);
  g_assert_cmpfloat (bare.caption.height, ==, 0);
  g_assert_cmpfloat (bare.map.height, ==, 600);

  g_assert_cmpint (run_export (&err, "--export", with, "--view", "map", "--size", "800x600",
                               "--date", "2026-02-20", NULL), ==, 0);
  g_assert_cmpint (run_export (&err, "--export", without, "--view", "map", "--size", "800x600",
                               "--date", "2026-02-20", "--no-caption", NULL), ==, 0);
  a = cairo_image_surface_create_from_png (with);
  b = cairo_image_surface_create_from_png (without);
  top = (int) layout.caption.y;

  /* The State Party swatch is in the caption's band when the caption is on; the map's own
   * legend is gone, so nothing else in that band has to be that colour. */
  g_assert_true (band_has_pixel (a, top + 1, 600, argb (&palette->status[MBA_STATUS_PARTY])));
  /* Off, the band is map: mostly different pixels. */
  for (int y = top + 2; y < 600; y += 3)
    for (int x = 0; x < 800; x += 3)
      differing += ((guint32 *) cairo_image_surface_get_data (a))[y * cairo_image_surface_get_stride (a) / 4 + x] !=
                   ((guint32 *) cairo_image_surface_get_data (b))[y * cairo_image_surface_get_stride (b) / 4 + x];
  g_assert_cmpint (differing, >, (600 - top - 2) / 3 * 800 / 3 / 2);
  /* ...and the band's background is the page's: the caption paints it. */
  g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (a))[599 * cairo_image_surface_get_stride (a) / 4 + 799],
                   ==, argb (&palette->background));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The caption's words stay words in a PDF: the date and the sources of the selected event. */
static void
test_caption_pdf (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "caption.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pdfinfo_argv[] = { "pdfinfo", NULL, NULL };

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "timeline", "--size", "a4-landscape",
                               "--select", "baltics-poland-announce-2025-03-18", NULL), ==, 0);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "The 2025 withdrawals from the Mine Ban Treaty"));
  g_assert_nonnull (strstr (text, "As of 18 March 2025"));
  /* The selected event's first source comes first, by its headline. */
  g_assert_nonnull (strstr (text, "Sources: “Ukraine joins its neighbours in withdrawing"));
  g_assert_nonnull (strstr (text, "more"));

  /* The whole list is in the metadata, including what the caption counts as "N more". */
  pdfinfo_argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "Selected: Estonia, Latvia, Lithuania and Poland announce they will withdraw"));
}

/* Without --date or --select the picture is as of the latest event, like the window. */
static void
test_default_date (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "default-date.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "map", NULL), ==, 0);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* Poland's withdrawal takes effect on 20 February 2026, the dataset's latest event. */
  g_assert_nonnull (strstr (text, "As of 20 February 2026"));
}

/* The SVG's <desc> lists every source in full, also those the caption leaves out. */
static void
test_caption_svg_desc (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled_dataset ();
  g_autoptr(MbaWorldMap) map = load_world_map ();
  g_autofree char *path = g_build_filename (tmpdir, "sources.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *err = NULL;
  g_autofree char *desc = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  const char *start, *end;
  MbaExportOptions options;
  MbaExportLayout layout;

  mba_export_options_init (&options, dataset, map);
  options.view = MBA_EXPORT_VIEW_TIMELINE;
  mba_export_get_layout (&options, &layout);
  sources = mba_caption_collect_sources (dataset, 0, NULL, NULL, 0, TRUE);
  /* The whole timeline cites more than four lines hold. */
  g_assert_cmpuint (layout.n_sources, ==, sources->len);
  g_assert_cmpuint (layout.n_sources_shown, <, layout.n_sources);

  g_assert_cmpint (run_export (&err, "--export", path, "--view", "timeline", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  start = strstr (svg, "<desc>");
  end = strstr (svg, "</desc>");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  desc = g_strndup (start, end - start);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *full = mba_source_format_full (g_ptr_array_index (sources, i));
      g_autofree char *escaped = g_markup_escape_text (full, -1);

      if (strstr (desc, escaped) == NULL)
        g_error ("source %u, “%s”, is not in the SVG's <desc>", i, full);
    }
}

/* A transparent PNG lets the page and the sea through; an opaque one has no such pixel. */
static void
test_transparent (void)
{
  g_autofree char *clear = g_build_filename (tmpdir, "clear.png", NULL);
  g_autofree char *opaque = g_build_filename (tmpdir, "opaque.png", NULL);
  g_autofree char *err = NULL;
  const char *paths[] = { clear, opaque };
  guint n_clear[2] = { 0, 0 };

  g_assert_cmpint (run_export (&err, "--export", clear, "--view", "poster", "--size", "640x640",
                               "--transparent", NULL), ==, 0);
  g_assert_cmpint (run_export (&err, "--export", opaque, "--view", "poster", "--size", "640x640", NULL), ==, 0);
  for (guint f = 0; f < 2; f++)
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (paths[f]);
      guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);
      int stride = cairo_image_surface_get_stride (image) / 4;

      g_assert_cmpint (cairo_image_surface_get_format (image), ==, f == 0 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24);
      for (int y = 0; y < 640; y++)
        for (int x = 0; x < 640; x++)
          n_clear[f] += (pixels[y * stride + x] >> 24) == 0;
      if (f == 0)
        /* The caption's background, bottom right, under no text. */
        g_assert_cmphex (pixels[639 * stride + 639] >> 24, ==, 0);
      cairo_surface_destroy (image);
    }
  /* Sea and page: a good share of the picture. */
  g_assert_cmpuint (n_clear[0], >, 640 * 640 / 10);
  g_assert_cmpuint (n_clear[1], ==, 0);

  g_assert_cmpint (run_export (&err, "--export", clear, "--transparent", "--size", "a4", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (clear);

    /* A4 is in points: 595 × 842 pixels at scale 1. */
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 595);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 842);
    cairo_surface_destroy (image);
  }
}

/* Every lane of the poster's timeline shows, down to small paper: at 1000 pixels high the
 * timeline used to get two fifths and lose its last lanes, and A4, Letter and 720p landscape
 * lost them too until the timeline's text shrank to fit. The text never goes below 7 (points at
 * 96 dpi); the map keeps 30 % while the text can shrink, and a fifth at the least. A4 and
 * Letter landscape with a caption lost their last two lanes at 7 points until the map gave way.
 * Landscape posters (A4, Letter, 16:9) put the map beside the timeline, not in a strip under it. */
static void
test_poster_keeps_lanes (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled_dataset ();
  g_autoptr(MbaWorldMap) map = load_world_map ();
  static const struct { int width, height; } sizes[] = {
    { 800, 1000 }, { 1280, 1000 }, { 1600, 1000 }, { 1920, 1000 },
    { 842, 595 },      /* A4 landscape, in points */
    { 792, 612 },      /* Letter landscape */
    { 842, 480 },      /* too low for every lane: the least text and the least map */
    { 1280, 720 },
    { 1920, 1080 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int caption = 0; caption < 2; caption++)
      {
        g_autoptr(MbaTimelineLayout) timeline = mba_timeline_layout_new ();
        g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
        int width = sizes[i].width, height = sizes[i].height;
        gboolean landscape = width >= 1.2 * height;
        const MbaTimelineGeometry *g;
        const MbaTimelineLane *last;
        MbaExportOptions options;
        MbaExportLayout layout;

        mba_export_options_init (&options, dataset, map);
        options.view = MBA_EXPORT_VIEW_POSTER;
        options.width = width;
        options.height = height;
        options.caption = caption;
        mba_export_get_layout (&options, &layout);

        if (caption)
          g_assert_cmpfloat (layout.caption.y + layout.caption.height, ==, height);
        g_assert_cmpfloat (layout.timeline.y, ==, 0);
        if (landscape)
          {
            /* Side by side: the timeline at the left, the map at the right, both down to the
             * caption. */
            g_assert_cmpfloat (layout.timeline.x, ==, 0);
            g_assert_cmpfloat (layout.map.x, ==, layout.timeline.x + layout.timeline.width);
            g_assert_cmpfloat (layout.map.x + layout.map.width, ==, width);
            g_assert_cmpfloat (layout.map.y, ==, 0);
            g_assert_cmpfloat (layout.map.height, ==, layout.timeline.height);
            g_assert_cmpfloat (layout.map.y + layout.map.height, ==, caption ? layout.caption.y : height);
            g_assert_cmpfloat (layout.map.width, >=, 0.4 * width);
            g_assert_cmpfloat (layout.timeline.width, >=, 0.5 * width);
          }
        else
          {
            /* Timeline, map and caption stacked without overlap, down to the bottom edge. */
            g_assert_cmpfloat (layout.timeline.y + layout.timeline.height, ==, layout.map.y);
            g_assert_cmpfloat (layout.map.y + layout.map.height, ==, caption ? layout.caption.y : height);
            g_assert_cmpfloat (layout.map.height, >=, MIN (300, 0.2 * (height - layout.caption.height)));
            if (layout.timeline_font_size > 7)
              g_assert_cmpfloat (layout.map.height, >=, MIN (300, 0.3 * (height - layout.caption.height)));
          }

        /* The window's size where there is room; smaller only where there is not. */
        g_assert_cmpfloat (layout.timeline_font_size, <=, 10);
        g_assert_cmpfloat (layout.timeline_font_size, >=, 7);
        if (height >= 1000)
          g_assert_cmpfloat (layout.timeline_font_size, ==, 10);

        pango_font_description_set_size (font, (int) round (layout.timeline_font_size * PANGO_SCALE));
        mba_timeline_layout_set_font (timeline, font);
        mba_timeline_layout_set_dataset (timeline, dataset);
        mba_timeline_layout_update (timeline, mba_day_from_ymd (1997, 1, 1), mba_day_from_ymd (2027, 1, 1),
                                    layout.timeline.width, layout.timeline.height, 0);
        g = mba_timeline_layout_get_geometry (timeline);
        g_assert_cmpuint (mba_timeline_layout_get_n_lanes (timeline), >=, 10);
        last = mba_timeline_layout_get_lane (timeline, mba_timeline_layout_get_n_lanes (timeline) - 1);
        g_test_message ("%d×%d, caption %d: text %.1f, lanes end at %.0f of %.0f", width, height, caption,
                        layout.timeline_font_size, last->y + last->height, layout.timeline.height);
        if (g->content_height > g->plot.height)
          {
            /* Cut only at the least text (and, stacked, the least map). */
            g_assert_cmpfloat (layout.timeline_font_size, ==, 7);
            if (!landscape)
              g_assert_cmpfloat (layout.map.height, <=, ceil (MAX (80, 0.2 * (height - layout.caption.height))));
            continue;
          }
        g_assert_cmpfloat (last->y + last->height, <=, layout.timeline.height);
      }
}

/* The default 1920×1080 poster and the default handout name the story's six states in text,
 * and their sources by site and title: no percent-encoded address. */
static void
test_story_exports_text (void)
{
  static const char *const views[][2] = { { "poster", "1920x1080" }, { "poster", "a4-landscape" },
                                          { "slides", NULL } };
  g_autoptr(MbaDataset) dataset = load_bundled_dataset ();
  const MbaStory *story = mba_dataset_get_story (dataset);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *path = g_strdup_printf ("%s/story-%u.pdf", tmpdir, v);
      g_autofree char *err = NULL, *text = NULL;

      if (views[v][1] != NULL)
        g_assert_cmpint (run_export (&err, "--export", path, "--view", views[v][0], "--size", views[v][1],
                                     NULL), ==, 0);
      else
        g_assert_cmpint (run_export (&err, "--export", path, "--view", views[v][0], NULL), ==, 0);
      text = pdf_text (path);
      if (text == NULL)
        {
          g_test_skip ("pdftotext (poppler-utils) is not installed");
          return;
        }
      for (guint i = 0; i < story->n_states; i++)
        if (strstr (text, mba_state_get_display_name (story->states[i])) == NULL)
          g_error ("%s %s: %s is not named", views[v][0], views[v][1] ? views[v][1] : "", story->states[i]->code);
      if (g_regex_match_simple ("%[0-9A-Fa-f]{2}", text, 0, 0))
        g_error ("%s %s: a percent-encoded address", views[v][0], views[v][1] ? views[v][1] : "");
      g_assert_null (strstr (text, "https://"));
      /* Sources by site: a record's and an article's. */
      g_assert_nonnull (strstr (text, "mil-osi.com"));
    }
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = mba_test_run_tool ("pdfinfo", path);
  const char *pages = info ? strstr (info, "\nPages:") : NULL;

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The handout is the story's slide set by default; a period of its own (--period all, or
 * --from and --to) makes it the events that start in that period. */
static void
test_handout_period (void)
{
  g_autoptr(MbaDataset) dataset = load_bundled_dataset ();
  g_autoptr(GPtrArray) story = mba_slides_list_story (dataset);
  g_autofree char *story_path = g_build_filename (tmpdir, "handout-story.pdf", NULL);
  g_autofree char *all_path = g_build_filename (tmpdir, "handout-all.pdf", NULL);
  g_autofree char *june_path = g_build_filename (tmpdir, "handout-june.pdf", NULL);
  g_autofree char *err = NULL, *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpint (run_export (&err, "--export", story_path, "--view", "slides", NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (story_path), ==, story->len);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", all_path, "--view", "slides", "--period", "all", NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (all_path), ==, mba_dataset_get_n_events (dataset));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", june_path, "--view", "slides", "--from", "2025-06-01",
                               "--to", "2025-06-30", NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (june_path), <, story->len);
  g_assert_cmpuint (pdf_pages (june_path), >=, 3);
}

static void
test_export_argument_errors (void)
{
  g_autofree char *svg = g_build_filename (tmpdir, "clear.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "clear.pdf", NULL);
  char *err = NULL;

  g_assert_cmpint (run_export (&err, "--export", svg, "--transparent", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "Only PNG can have a transparent background, not SVG\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export (&err, "--export", pdf, "--transparent", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "Only PNG can have a transparent background, not PDF\n");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (handle);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "read-only", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("Cannot write in %s: Permission denied\n", dir);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  char *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  run_as_nobody = TRUE;
  g_assert_cmpint (run_export (&err, "--export", path, "--size", "320x200", NULL), ==, 1);
  run_as_nobody = FALSE;
  g_assert_cmpstr (err, ==, expected);
  g_free (err);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "chart.pdf");

  g_chmod (dir, 0755);
  g_unlink (path);
  g_rmdir (dir);
}

/* Exporting onto a link writes the file it points to, through GIO, and keeps the link. */
static void
test_symlink (void)
{
  g_autofree char *target = g_build_filename (tmpdir, "linked-target.png", NULL);
  g_autofree char *link = g_build_filename (tmpdir, "link.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *points_to = NULL;
  char *err = NULL;

  g_assert_true (g_file_set_contents (target, "keep me", -1, NULL));
  g_assert_cmpint (symlink ("linked-target.png", link), ==, 0);

  g_assert_cmpint (run_export (&err, "--export", link, "--size", "320x200", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  points_to = g_file_read_link (link, NULL);
  g_assert_cmpstr (points_to, ==, "linked-target.png");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_unlink (link);
  g_unlink (target);
}

/* A read-only file is refused, as gedit does, even for root; it stays as it was. */
static void
test_read_only_file (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "read-only-file", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *expected = g_strdup_printf ("%s is read-only\n", path);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  char *err = NULL;
  GStatBuf info;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_cmpint (run_export (&err, "--export", path, "--size", "320x200", NULL), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_free (err);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0444);
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "chart.png");
  g_unlink (path);
  g_rmdir (dir);
}

/* SIGTERM while a large PNG is being written: the app stops, GIO's temporary file is removed,
 * the old file stays and the exit status says why (128 + 15). */
static void
test_interrupted (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "interrupted", NULL);
  g_autofree char *path = g_build_filename (dir, "big.png", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  gboolean temporary_seen = FALSE;
  gboolean under_valgrind = g_getenv ("MBA_UNDER_VALGRIND") != NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  /* The largest PNG takes seconds to draw after GIO's temporary file appears; under Valgrind,
   * which is fifty times slower, a smaller one does, and the app takes longer to start. */
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("MBA_EXE"), "--export", path, "--view",
                                         "map", "--size", under_valgrind ? "1920x1080" : "7680x4320", NULL);
  g_assert_no_error (error);

  for (int i = 0; i < (under_valgrind ? 60000 : 3000) && !temporary_seen; i++)
    {
      g_free (names);
      names = list_folder (dir);
      temporary_seen = !g_str_equal (names, "big.png");
      if (!temporary_seen)
        g_usleep (10 * 1000);
    }
  g_assert_true (temporary_seen);
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 128 + SIGTERM);
  g_assert_nonnull (strstr (err, "interrupted; the file was left as it was"));
  g_free (names);
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "big.png");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_unlink (path);
  g_rmdir (dir);
}

/* One formatter names a source everywhere: the citation (quote panel, slides), the short form
 * (captions: host and a short title, never an address) and the full one (metadata). */
static void
test_source_format (void)
{
  MbaSource record = { 0 };
  MbaSource article = { 0 };
  g_autofree char *short_record = NULL, *short_article = NULL, *citation = NULL, *full = NULL;
  g_autofree char *long_short = NULL;
  g_autofree char *host = NULL;

  record.layer = MBA_SOURCE_LAYER_RECORD;
  record.title = "Ukraine: Mine Ban Treaty status";
  record.url = "https://www.example.org/news/2025/07/24/%D0%BC%D1%96%D0%BD%D0%B8?x=%20y";
  article.layer = MBA_SOURCE_LAYER_ARTICLE;
  article.title = "Zelenskiy says he signed decree";
  article.outlet = "Reuters";
  g_assert_true (mba_date_parse ("2025-06-09", &article.published, NULL));

  short_record = mba_source_format_short (&record);
  g_assert_cmpstr (short_record, ==, "\u2068example.org\u2069: “\u2068Ukraine: Mine Ban Treaty status\u2069”");
  g_assert_null (strchr (short_record, '%'));
  short_article = mba_source_format_short (&article);
  g_assert_cmpstr (short_article, ==, "\u2068Reuters\u2069: “\u2068Zelenskiy says he signed decree\u2069”");
  citation = mba_source_format_citation (&article);
  g_assert_cmpstr (citation, ==, "\u2068Reuters\u2069, “\u2068Zelenskiy says he signed decree\u2069”, 9 June 2025");
  full = mba_source_format_full (&record);
  g_assert_true (g_str_has_suffix (full, record.url));

  /* A long title is cut at a word, with an ellipsis. */
  article.title = "A headline that goes on and on about the treaty and the states that leave it in 2025";
  long_short = mba_source_format_short (&article);
  g_assert_cmpstr (long_short, ==, "\u2068Reuters\u2069: “\u2068A headline that goes on and on about the treaty and "
                                   "the…\u2069”");
  /* An internationalised host keeps its ASCII form: no look-alike in a caption. */
  record.url = "https://аррӏе.com/x";
  host = mba_source_format_host (&record);
  g_assert_cmpstr (host, ==, "xn--80ak6aa92e.com");
}

/* An unclosed U+202E (right-to-left override) in a source's title reverses only that title in
 * the caption: what follows it on the line reads in order. */
static void
test_caption_bidi_isolated (void)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *dataset = g_build_filename (tmpdir, "override.json", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "override.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  char *err = NULL;

  g_assert_true (g_file_get_contents (small, &json, NULL, NULL));
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, "\"title\": \"Test article\"",
                                      "\"title\": \"Test \\u202earticle\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (dataset, edited->str, -1, NULL));

  g_assert_cmpint (run_export (&err, "--export", pdf, "--dataset", dataset, "--size", "900x500", NULL), ==, 0);
  g_free (err);
  text = mba_test_run_tool ("pdftotext", pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* The override turns "article" around, and stops at the end of the title. */
  g_assert_nonnull (strstr (text, "Sources: “Test "));
  g_assert_nonnull (strstr (text, "”; and 1 more"));
  g_assert_null (strstr (text, "erom 1 dna"));
}

/* A dataset whose titles cost the most the format allows: the dataset's title 5,000 characters
 * of words, an event's title one word of 65,000 letters, a source's title 5,000 characters. */
static MbaDataset *
load_long_titles (void)
{
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) source = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  MbaDataset *dataset;

  while (words->len < 5000)
    g_string_append (words, "treaty ");
  g_string_truncate (words, 5000);
  while (word->len < 65000)
    g_string_append_c (word, 'a');
  while (source->len < 5000)
    g_string_append (source, "headline ");
  g_string_truncate (source, 5000);

  g_assert_true (g_file_get_contents (small, &json, NULL, NULL));
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, "\"Small test dataset\"", "\"@WORDS@\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"Ukraine ratifies\"", "\"@WORD@\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"Test record\"", "\"@SOURCE@\"", 1), ==, 1);
  g_string_replace (edited, "@WORDS@", words->str, 1);
  g_string_replace (edited, "@WORD@", word->str, 1);
  g_string_replace (edited, "@SOURCE@", source->str, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  dataset = mba_dataset_new_from_bytes (bytes, "long-titles.json", &error);
  g_assert_no_error (error);
  return dataset;
}

/* Text that could cost without bound is cut before it is laid out: the export is quick, the
 * caption stays in its band, and the slide's title in its lines. */
static void
test_long_titles_bounded (void)
{
  g_autoptr(MbaDataset) dataset = load_long_titles ();
  g_autoptr(MbaWorldMap) map = load_world_map ();
  g_autofree char *path = g_build_filename (tmpdir, "long-titles.png", NULL);
  g_autoptr(GError) error = NULL;
  MbaExportOptions options;
  MbaExportLayout layout;
  MbaSlideParams params;
  MbaSlideGeometry geometry;
  gint64 started;
  double seconds;
  /* Valgrind runs everything about fifty times slower. */
  double most = g_getenv ("MBA_UNDER_VALGRIND") != NULL ? 300 : 5;

  mba_export_options_init (&options, dataset, map);
  options.view = MBA_EXPORT_VIEW_POSTER;
  options.width = 1280;
  options.height = 720;
  started = g_get_monotonic_time ();
  g_assert_true (mba_export_write (path, &options, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_assert_cmpfloat (seconds, <, most);

  mba_export_get_layout (&options, &layout);
  g_assert_cmpfloat (layout.caption.height, >, 0);
  g_assert_cmpfloat (layout.caption.height, <=, options.height / 2.0);
  g_assert_cmpfloat (layout.caption.y + layout.caption.height, <=, options.height);

  mba_slide_params_init (&params, dataset, map);
  params.event = mba_dataset_find_event (dataset, "ukr-ratifies");
  g_assert_nonnull (params.event);
  g_assert_cmpuint (strlen (params.event->title), ==, 65000);
  params.n_steps = 1;
  started = g_get_monotonic_time ();
  mba_slide_get_geometry (MBA_SLIDES_PAGE_WIDTH, MBA_SLIDES_PAGE_HEIGHT, &params, &geometry);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_assert_cmpfloat (seconds, <, most);
  g_assert_true (geometry.title_cut);
  g_assert_cmpfloat (geometry.title.y + geometry.title.height, <=, geometry.text.y);
  g_assert_cmpfloat (geometry.source.y + geometry.source.height, <=, MBA_SLIDES_PAGE_HEIGHT);
}

/* A real full disk: a 64 KiB tmpfs, mounted in a user and mount namespace of its own (which
 * needs no privilege where unprivileged user namespaces are allowed). The export runs inside it;
 * the script then prints what the folder holds. */
static void
test_full_disk (void)
{
  static const char script[] =
    "set -u\n"
    "mount -t tmpfs -o size=64k tmpfs \"$1\" || exit 90\n"
    "printf 'keep me' > \"$1/chart.png\"\n"
    "\"$MBA_EXE\" --export \"$1/chart.png\" --size 1920x1080 >/dev/null\n"
    "echo \"status=$?\"\n"
    "echo \"contents=$(cat \"$1/chart.png\")\"\n"
    "echo \"files=$(ls -A \"$1\" | tr '\\n' ' ')\"\n";
  g_autofree char *dir = g_build_filename (tmpdir, "full", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *argv[] = { unshare, "-rm", "sh", "-c", script, "sh", dir, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is missing: no tmpfs can be mounted to fill");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_rmdir (dir);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      /* No user namespaces here (a container that forbids them): no real full disk to test on. */
      g_autofree char *message = g_strdup_printf ("cannot apply here: no small tmpfs can be mounted "
                                                   "in a user namespace: %s", err);
      g_test_skip (message);
      return;
    }
  expected_err = g_strdup_printf ("Cannot write %s/chart.png: No space left on device\n", dir);
  g_assert_cmpstr (err, ==, expected_err);
  /* Refused, the old file whole, and no temporary file left behind. */
  g_assert_cmpstr (out, ==, "status=1\ncontents=keep me\nfiles=chart.png \n");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mba-export-XXXXXX", NULL);

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf_text);
  g_test_add_func ("/export/errors", test_errors_leave_existing_file);
  g_test_add_func ("/export/errors/arguments", test_export_argument_errors);
  g_test_add_func ("/export/caption/band", test_caption_band);
  g_test_add_func ("/export/caption/pdf", test_caption_pdf);
  g_test_add_func ("/export/caption/default-date", test_default_date);
  g_test_add_func ("/export/caption/svg-desc", test_caption_svg_desc);
  g_test_add_func ("/export/transparent", test_transparent);
  g_test_add_func ("/export/story-text", test_story_exports_text);
  g_test_add_func ("/export/handout-period", test_handout_period);
  g_test_add_func ("/export/poster/lanes", test_poster_keeps_lanes);
  g_test_add_func ("/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/full-disk", test_full_disk);
  g_test_add_func ("/export/symlink", test_symlink);
  g_test_add_func ("/export/read-only-file", test_read_only_file);
  g_test_add_func ("/export/interrupted", test_interrupted);
  g_test_add_func ("/export/source-format", test_source_format);
  g_test_add_func ("/export/caption/bidi", test_caption_bidi_isolated);
  g_test_add_func ("/export/long-titles", test_long_titles_bounded);

  result = g_test_run ();
  mba_test_remove_tree (tmpdir);
  return result;
}
