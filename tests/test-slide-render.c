/* test-slide-render.c: presentation slides drawn without a display, and the PDF handout */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-event-filter.h"
#include "mba-export.h"
#include "mba-map-summary.h"
#include "mba-slide-renderer.h"
#include "mba-source-format.h"
#include "mba-test-util.h"

static MbaDataset *dataset;
static MbaWorldMap *world_map;
static char *tmpdir;

static gboolean
rect_inside (const MbaSlideRect *r,
             int                 width,
             int                 height)
{
  return r->x >= 0 && r->y >= 0 && r->x + r->width <= width + 0.5 && r->y + r->height <= height + 0.5;
}

static gboolean
rects_overlap (const MbaSlideRect *a,
               const MbaSlideRect *b)
{
  if (a->width <= 0 || a->height <= 0 || b->width <= 0 || b->height <= 0)
    return FALSE;
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every event of the bundled dataset, at both classroom sizes: a title of at least 5% of the
 * height that is never cut, text no smaller than 2.8%, and no part over another or off screen. */
static void
test_geometry_all_events (void)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 1024, 768 } };
  MbaSlideParams params;
  guint n = mba_dataset_get_n_events (dataset);

  mba_slide_params_init (&params, dataset, world_map);
  params.n_steps = n;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0], height = sizes[s][1];
      guint n_cut = 0;

      for (guint i = 0; i < n; i++)
        {
          MbaSlideGeometry g;
          const MbaSlideRect *parts[7];

          params.event = mba_dataset_get_event (dataset, i);
          params.position = i;
          mba_slide_get_geometry (width, height, &params, &g);
          parts[0] = &g.header;
          parts[1] = &g.title;
          parts[2] = &g.map;
          parts[3] = &g.text;
          parts[4] = &g.source;
          parts[5] = &g.progress;
          parts[6] = &g.bar;

          g_assert_cmpfloat (g.title_size, >=, 0.05 * height);
          g_assert_false (g.title_cut);
          g_assert_cmpfloat (g.text_size, >=, 0.028 * height - 1e-6);
          g_assert_cmpfloat (g.header.height, >, 0);
          g_assert_cmpfloat (g.text.height, >, 0);
          g_assert_cmpfloat (g.map.width, >, width * 0.4);
          n_cut += g.text_cut;
          for (guint a = 0; a < G_N_ELEMENTS (parts); a++)
            {
              g_assert_true (rect_inside (parts[a], width, height));
              for (guint b = a + 1; b < G_N_ELEMENTS (parts); b++)
                if (rects_overlap (parts[a], parts[b]))
                  g_error ("%s at %dx%d: parts %u and %u overlap", params.event->id, width, height, a, b);
            }
          /* The text and its source are read top to bottom, the progress sits under the body. */
          if (g.source.height > 0)
            g_assert_cmpfloat (g.source.y, >=, g.text.y + g.text.height);
          g_assert_cmpfloat (g.progress.y, >=, g.map.y + g.map.height);
          g_assert_cmpfloat (g.progress.y, >=, g.text.y + g.text.height);
          g_assert_cmpfloat (g.progress.y, >=, g.source.y + g.source.height);
        }
      g_test_message ("%dx%d: %u cut", width, height, n_cut);
      g_assert_cmpuint (n_cut, ==, 0);
    }
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint32 *data = (guint32 *) cairo_image_surface_get_data (surface);

  return data[y * (cairo_image_surface_get_stride (surface) / 4) + x] & 0xffffff;
}

static guint32
color_rgb (const MbaColor *c)
{
  return ((guint32) (c->r * 255 + 0.5) << 16) | ((guint32) (c->g * 255 + 0.5) << 8) | (guint32) (c->b * 255 + 0.5);
}

static cairo_surface_t *
render (const MbaSlideParams *params,
        int                   width,
        int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  mba_slide_render (cr, width, height, params);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The progress bar fills N/M of the width in the accent colour; the rest is the grid colour. */
static void
test_pixels_progress_and_themes (void)
{
  MbaSlideParams params;
  MbaSlideGeometry g;
  cairo_surface_t *light, *dark;
  const MbaPalette *lp = mba_palette_get (MBA_THEME_LIGHT), *dp = mba_palette_get (MBA_THEME_DARK);
  int bar_y;

  mba_slide_params_init (&params, dataset, world_map);
  params.event = mba_dataset_find_event (dataset, "fin-withdrawal-deposited-2025-07-10");
  g_assert_nonnull (params.event);
  params.position = 4;
  params.n_steps = 10;
  mba_slide_get_geometry (640, 360, &params, &g);
  bar_y = (int) (g.bar.y + g.bar.height / 2);

  light = render (&params, 640, 360);
  g_assert_cmphex (pixel_at (light, 2, 2), ==, color_rgb (&lp->background));
  g_assert_cmphex (pixel_at (light, 640 * 5 / 10 - 4, bar_y), ==, color_rgb (&lp->accent));
  g_assert_cmphex (pixel_at (light, 640 * 5 / 10 + 4, bar_y), ==, color_rgb (&lp->grid));

  params.theme = MBA_THEME_DARK;
  dark = render (&params, 640, 360);
  g_assert_cmphex (pixel_at (dark, 2, 2), ==, color_rgb (&dp->background));
  g_assert_cmphex (pixel_at (dark, 640 * 5 / 10 - 4, bar_y), ==, color_rgb (&dp->accent));
  g_assert_cmphex (color_rgb (&lp->background), !=, color_rgb (&dp->background));

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_blank_is_black (void)
{
  MbaSlideParams params;
  cairo_surface_t *surface;
  g_autofree char *description = NULL;

  mba_slide_params_init (&params, dataset, world_map);
  params.event = mba_dataset_get_event (dataset, 0);
  params.n_steps = 1;
  params.blank = TRUE;
  surface = render (&params, 320, 180);
  for (int y = 0; y < 180; y += 3)
    for (int x = 0; x < 320; x += 3)
      g_assert_cmphex (pixel_at (surface, x, y), ==, 0);
  cairo_surface_destroy (surface);
  description = mba_slide_describe (&params);
  g_assert_cmpstr (description, ==, "Blank screen");
}

/* What the slide says: the quote's source by outlet, headline and date; the record's source
 * named as such with its site (not its long address); the whole step in words for screen
 * readers. */
static void
test_text (void)
{
  const MbaSource *reuters = mba_dataset_find_source (dataset, "a002");
  const MbaEvent *quoted = mba_dataset_find_event (dataset, "hrw-report-2025-06-10");
  const MbaEvent *recorded = mba_dataset_find_event (dataset, "ben-signature-1997-12-03");
  g_autofree char *attribution = mba_slide_format_source (reuters);
  g_autofree char *quoted_text = NULL, *recorded_text = NULL;
  MbaSlideParams params;

  /* The outlet and the title are isolated (FSI … PDI): data cannot reorder the line. The text
   * has no headline, so the title is marked as the dataset's (issue 18). */
  g_assert_cmpstr (attribution, ==, "— \u2068Reuters\u2069, untitled article [our title: “\u2068Zelenskiy says "
                                    "he signed decree to pull Ukraine out of the Ottawa Convention\u2069”], "
                                    "9 June 2025");

  mba_slide_params_init (&params, dataset, world_map);
  params.event = quoted;
  params.position = 2;
  params.n_steps = 20;
  quoted_text = mba_slide_describe (&params);
  g_assert_true (g_str_has_prefix (quoted_text, "Step 3 of 20. 10 June 2025. "));
  g_assert_nonnull (strstr (quoted_text, quoted->title));
  /* The report's own quote keeps its words; the quote marks inside it become single ones. */
  g_assert_nonnull (strstr (quoted->quotes[0].text, "stated, “Russian forces have used"));
  g_assert_nonnull (strstr (quoted_text, " “\u2068A 10 June 2025 report by the international non-governmental "
                                         "organisation Human Rights Watch stated, ‘Russian forces have used"));
  g_assert_nonnull (strstr (quoted_text, "agricultural land.\u2069” — "));
  g_assert_nonnull (strstr (quoted_text, quoted->quotes[0].source->title));

  g_assert_cmpuint (recorded->n_quotes, ==, 0);
  g_assert_cmpint (recorded->citations[0].source->layer, ==, MBA_SOURCE_LAYER_RECORD);
  params.event = recorded;
  recorded_text = mba_slide_describe (&params);
  g_assert_nonnull (strstr (recorded_text, recorded->summary));
  g_assert_nonnull (strstr (recorded_text, "Treaty record: \u2068"));
  {
    g_autofree char *host = mba_source_format_host (recorded->citations[0].source);

    g_assert_nonnull (host);
    g_assert_nonnull (strstr (recorded_text, host));
  }

  /* No slide shows a percent-encoded address: the record's site stands for it. */
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      g_autofree char *text = NULL;

      params.event = mba_dataset_get_event (dataset, i);
      text = mba_slide_describe (&params);
      if (g_regex_match_simple ("%[0-9A-Fa-f]{2}", text, 0, 0))
        g_error ("%s: %s", params.event->id, text);
    }
}


/* A handout of the Estonian events: one page per step, with their titles as text. */
static void
test_pdf_handout (void)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "estonia.pdf", NULL);
  g_autofree char *info = NULL, *text = NULL;
  const char *pages;

  mba_event_filter_set_state_code (filter, "EST");
  mba_event_filter_set_include_context (filter, FALSE);
  steps = mba_event_filter_list_events (filter);
  g_assert_cmpuint (steps->len, >=, 3);

  g_assert_true (mba_slides_write_pdf (path, dataset, world_map, steps, MBA_THEME_LIGHT, &error));
  g_assert_no_error (error);

  info = mba_test_run_tool ("pdfinfo", path);
  text = mba_test_run_tool ("pdftotext", path);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10), ==, steps->len);
  g_assert_nonnull (strstr (info, "842 x 595 pts (A4)"));
  for (guint i = 0; i < steps->len; i++)
    {
      const MbaEvent *event = steps->pdata[i];
      /* pdftotext closes up the thin spaces of "N / M". */
      g_autofree char *progress = g_strdup_printf ("\n%u/%u\n", i + 1, steps->len);
      g_auto(GStrv) words = g_strsplit (event->title, " ", -1);

      /* Titles wrap, so look for each of the title's words; and for this page's "N / M". */
      for (guint w = 0; words[w] != NULL; w++)
        if (strstr (words[w], "fi") == NULL && strstr (words[w], "fl") == NULL)
          g_assert_nonnull (strstr (text, words[w]));
      g_assert_nonnull (strstr (text, progress));
    }
}

static void
test_pdf_errors (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "keep.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_false (mba_slides_write_pdf (path, dataset, world_map, none, MBA_THEME_LIGHT, &error));
  g_assert_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "No events match the timeline’s filters: the handout would be empty");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

/* The bytes on disk in @dir, the file @except left out: GIO's temporary file as it grows. */
static goffset
bytes_beside (const char *dir,
              const char *except)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  goffset total = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf info;

      if (!g_str_equal (name, except) && g_stat (path, &info) == 0)
        total += info.st_size;
    }
  return total;
}

typedef struct
{
  const char *dir;
  guint       n_pages;
  goffset     on_disk_halfway;
  GMutex      lock;
  GCond       cond;
  gboolean    started;
} Watch;

static void
note_halfway (guint    n_done,
              guint    n_pages,
              gpointer user_data)
{
  Watch *watch = user_data;

  if (n_done == n_pages / 2)
    watch->on_disk_halfway = bytes_beside (watch->dir, "streamed.pdf");
}

/* Pages go to the file as they are drawn: halfway through, half the handout is already on
 * disk (beside the old file, which stays as it was until the end). No whole PDF is held. */
static void
test_pdf_streams (void)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
  g_autoptr(GPtrArray) steps = mba_event_filter_list_events (filter);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "streams", NULL);
  g_autofree char *path = g_build_filename (dir, "streamed.pdf", NULL);
  GStatBuf info;
  Watch watch = { dir, steps->len, 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_ptr_array_set_size (steps, MIN (steps->len, 40));
  g_assert_true (mba_slides_write_pdf_full (path, dataset, world_map, steps, MBA_THEME_LIGHT, NULL,
                                            note_halfway, &watch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (watch.on_disk_halfway, >, info.st_size / 4);
  g_assert_cmpint (bytes_beside (dir, "streamed.pdf"), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* More pages than can be printed are refused before a page is drawn or a file touched. */
static void
test_pdf_page_limit (void)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "too-many.pdf", NULL);
  Watch watch = { tmpdir, 0, -1 };

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (steps, (gpointer) mba_dataset_get_event (dataset, i % mba_dataset_get_n_events (dataset)));
  g_assert_false (mba_slides_write_pdf_full (path, dataset, world_map, steps, MBA_THEME_LIGHT, NULL,
                                             note_halfway, &watch, &error));
  g_assert_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The handout would have 2000 pages; at most 500 can be printed. "
                                       "Filter the timeline to fewer events.");
  g_assert_cmpint (watch.on_disk_halfway, ==, -1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* 500 is the most, and allowed. */
  g_assert_true (mba_slides_check_count (MBA_SLIDES_MAX_PAGES, NULL));
  g_assert_false (mba_slides_check_count (MBA_SLIDES_MAX_PAGES + 1, NULL));
}

static void
signal_started (guint    n_done,
                guint    n_pages,
                gpointer user_data)
{
  Watch *watch = user_data;

  g_mutex_lock (&watch->lock);
  watch->started = TRUE;
  g_cond_signal (&watch->cond);
  g_mutex_unlock (&watch->lock);
}

typedef struct
{
  const char *path;
  GPtrArray  *steps;
  Watch      *watch;
  GError     *error;
} Writer;

static gpointer
write_in_thread (gpointer data)
{
  Writer *writer = data;

  return GINT_TO_POINTER (mba_slides_write_pdf_full (writer->path, dataset, world_map, writer->steps,
                                                     MBA_THEME_LIGHT, NULL, signal_started, writer->watch,
                                                     &writer->error));
}

/* What SIGTERM and SIGINT do in the app: cancel every file being written, in any thread, and
 * wait for the clean-up: the old file stays, and no temporary file. */
static void
test_pdf_cancel_all (void)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
  g_autoptr(GPtrArray) steps = mba_event_filter_list_events (filter);
  g_autofree char *dir = g_build_filename (tmpdir, "cancel-all", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *contents = NULL;
  Watch watch = { dir, steps->len, 0 };
  Writer writer = { path, steps, &watch, NULL };
  GThread *thread;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_mutex_init (&watch.lock);
  g_cond_init (&watch.cond);
  thread = g_thread_new ("writer", write_in_thread, &writer);
  g_mutex_lock (&watch.lock);
  while (!watch.started)
    g_cond_wait (&watch.cond, &watch.lock);
  g_mutex_unlock (&watch.lock);

  g_assert_cmpuint (mba_output_file_cancel_all (30 * G_USEC_PER_SEC), ==, 0);
  g_assert_false (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_error (writer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&writer.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpint (bytes_beside (dir, "handout.pdf"), ==, 0);
  g_mutex_clear (&watch.lock);
  g_cond_clear (&watch.cond);
  g_unlink (path);
  g_rmdir (dir);
}

/* The default slide set: the story's title slide, then its events (between 20 and 60 for the
 * bundled data, not the whole history's 178), each in the period and about a state of the
 * story, in date order; a dataset without a story has none. */
static void
test_story_set (void)
{
  g_autoptr(GPtrArray) steps = mba_slides_list_story (dataset);
  const MbaStory *story = mba_dataset_get_story (dataset);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) small = mba_dataset_new_from_file (path, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) fallback = NULL;

  g_assert_nonnull (steps);
  g_test_message ("%u slides", steps->len);
  g_assert_cmpuint (steps->len, >=, 20);
  g_assert_cmpuint (steps->len, <=, 60);
  g_assert_null (steps->pdata[0]);
  for (guint i = 1; i < steps->len; i++)
    {
      const MbaEvent *event = steps->pdata[i];

      g_assert_nonnull (event);
      g_assert_true (mba_slides_event_in_story (story, event));
      g_assert_cmpint (event->first_day, >=, story->first_day);
      g_assert_cmpint (event->first_day, <=, story->last_day);
      g_assert_cmpint (event->kind, !=, MBA_EVENT_KIND_CONTEXT);
      if (i > 1)
        g_assert_cmpuint (event->index, >, ((const MbaEvent *) steps->pdata[i - 1])->index);
    }
  /* Before the story, or about another state: left out. */
  g_assert_false (mba_slides_event_in_story (story, mba_dataset_get_event (dataset, 0)));

  g_assert_no_error (error);
  g_assert_null (mba_slides_list_story (small));
  g_ptr_array_add (all, (gpointer) mba_dataset_get_event (small, 0));
  fallback = mba_slides_list_default (small, all);
  g_assert_true (fallback == all);
}

/* The title slide names the story, its period and its six states. */
static void
test_title_slide (void)
{
  g_autoptr(GPtrArray) steps = mba_slides_list_story (dataset);
  const MbaStory *story = mba_dataset_get_story (dataset);
  g_autofree char *description = NULL;
  MbaSlideParams params;
  MbaSlideGeometry g;

  mba_slide_params_init (&params, dataset, world_map);
  params.title_slide = TRUE;
  params.n_steps = steps->len;
  description = mba_slide_describe (&params);
  g_assert_nonnull (strstr (description, story->title));
  g_assert_nonnull (strstr (description, "18 March 2025"));
  g_assert_nonnull (strstr (description, "20 February 2026"));
  for (guint i = 0; i < story->n_states; i++)
    g_assert_nonnull (strstr (description, mba_state_get_display_name (story->states[i])));
  mba_slide_get_geometry (1920, 1080, &params, &g);
  g_assert_cmpfloat (g.title.height, >, 0);
  g_assert_cmpfloat (g.header.height, >, 0);
  g_assert_cmpfloat (g.map.width, >, 0);
  /* Six lines of names. */
  g_assert_cmpfloat (g.text.height, >=, 6 * g.text_size);
}

/* On a projector every text of every slide, the map's names included, is at least a 30th of
 * the slide's height. */
static void
test_projector_sizes (void)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { MBA_SLIDES_PAGE_WIDTH, MBA_SLIDES_PAGE_HEIGHT } };
  g_autoptr(GPtrArray) steps = mba_slides_list_story (dataset);
  MbaSlideParams params;

  mba_slide_params_init (&params, dataset, world_map);
  params.n_steps = steps->len;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < steps->len; i++)
      {
        MbaSlideGeometry g;

        params.event = steps->pdata[i];
        params.title_slide = params.event == NULL;
        params.position = i;
        mba_slide_get_geometry (sizes[s][0], sizes[s][1], &params, &g);
        if (g.min_text_size < sizes[s][1] / 30.0)
          g_error ("slide %u at %dx%d: text of %.1f px", i, sizes[s][0], sizes[s][1], g.min_text_size);
        g_assert_cmpfloat (g.header.height, >=, sizes[s][1] / 30.0);
        g_assert_cmpfloat (g.progress.height, >=, sizes[s][1] / 30.0);
      }
}

/* Every slide's map (the handout's pages and both projector sizes) names the six states of the
 * story and keeps its legend off them. */
static void
test_slide_maps (void)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { MBA_SLIDES_PAGE_WIDTH, MBA_SLIDES_PAGE_HEIGHT } };
  g_autoptr(GPtrArray) steps = mba_slides_list_story (dataset);
  const MbaStory *story = mba_dataset_get_story (dataset);
  MbaSlideParams params;

  mba_slide_params_init (&params, dataset, world_map);
  params.n_steps = steps->len;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < steps->len; i++)
      {
        g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
        MbaMapRenderParams map_params;
        cairo_surface_t *surface;
        MbaMapRect legend;
        gboolean has_legend;
        cairo_t *cr;

        params.event = steps->pdata[i];
        params.title_slide = params.event == NULL;
        g_assert_true (mba_slide_get_map_params (sizes[s][0], sizes[s][1], &params, &map_params));
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, map_params.width, map_params.height);
        cr = cairo_create (surface);
        mba_map_renderer_draw (renderer, cr, &map_params);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        has_legend = mba_map_renderer_get_legend_rect (renderer, &legend);
        for (guint k = 0; k < story->n_states; k++)
          {
            MbaMapRect label, box;

            if (!mba_map_renderer_get_label_rect (renderer, story->states[k]->code, &label))
              g_error ("slide %u (%s) at %dx%d: %s has no name", i, params.event ? params.event->id : "title",
                       sizes[s][0], sizes[s][1], story->states[k]->code);
            g_assert_true (mba_map_renderer_get_state_box (renderer, &map_params, story->states[k]->code, &box));
            if (has_legend && mba_map_rect_intersects (&legend, &box))
              g_error ("slide %u at %dx%d: the legend covers %s", i, sizes[s][0], sizes[s][1],
                       story->states[k]->code);
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dataset_path = NULL, *map_path = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  dataset_path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  map_path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  dataset = mba_dataset_new_from_file (dataset_path, &error);
  g_assert_no_error (error);
  world_map = mba_world_map_new_from_file (map_path, &error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("mba-slides-XXXXXX", NULL);

  g_test_add_func ("/slides/geometry", test_geometry_all_events);
  g_test_add_func ("/slides/pixels", test_pixels_progress_and_themes);
  g_test_add_func ("/slides/blank", test_blank_is_black);
  g_test_add_func ("/slides/text", test_text);
  g_test_add_func ("/slides/pdf", test_pdf_handout);
  g_test_add_func ("/slides/pdf-errors", test_pdf_errors);
  g_test_add_func ("/slides/pdf-streams", test_pdf_streams);
  g_test_add_func ("/slides/pdf-page-limit", test_pdf_page_limit);
  g_test_add_func ("/slides/pdf-cancel-all", test_pdf_cancel_all);
  g_test_add_func ("/slides/story-set", test_story_set);
  g_test_add_func ("/slides/title-slide", test_title_slide);
  g_test_add_func ("/slides/projector-sizes", test_projector_sizes);
  g_test_add_func ("/slides/maps", test_slide_maps);

  result = g_test_run ();
  mba_test_remove_tree (tmpdir);
  g_object_unref (world_map);
  g_object_unref (dataset);
  return result;
}
