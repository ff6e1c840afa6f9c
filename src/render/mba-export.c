/* mba-export.c: the timeline and the map written as PNG, SVG or PDF, atomically
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mba-caption.h"
#include "mba-event-filter.h"
#include "mba-export.h"
#include "mba-map-renderer.h"
#include "mba-map-summary.h"
#include "mba-session.h"
#include "mba-slide-renderer.h"
#include "mba-source-format.h"
#include "mba-timeline-renderer.h"

void
mba_export_options_init (MbaExportOptions *options,
                         MbaDataset       *dataset,
                         MbaWorldMap      *map)
{
  memset (options, 0, sizeof *options);
  options->dataset = dataset;
  options->map = map;
  options->view = MBA_EXPORT_VIEW_TIMELINE;
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;
  options->theme = MBA_THEME_LIGHT;
  options->caption = TRUE;
}

gboolean
mba_export_view_from_string (const char    *text,
                             MbaExportView *view)
{
  if (g_strcmp0 (text, "timeline") == 0)
    *view = MBA_EXPORT_VIEW_TIMELINE;
  else if (g_strcmp0 (text, "map") == 0)
    *view = MBA_EXPORT_VIEW_MAP;
  else if (g_strcmp0 (text, "poster") == 0)
    *view = MBA_EXPORT_VIEW_POSTER;
  else if (g_strcmp0 (text, "slides") == 0)
    *view = MBA_EXPORT_VIEW_SLIDES;
  else
    return FALSE;
  return TRUE;
}

static const MbaExportSizePreset size_presets[] = {
  { "full-hd", N_("Full HD (1920 × 1080)"), 1920, 1080 },
  { "hd", N_("HD (1280 × 720)"), 1280, 720 },
  { "4k", N_("4K (3840 × 2160)"), 3840, 2160 },
  { "a4", N_("A4 Portrait"), 595, 842 },
  { "a4-landscape", N_("A4 Landscape"), 842, 595 },
  { "letter", N_("Letter Portrait"), 612, 792 },
  { "letter-landscape", N_("Letter Landscape"), 792, 612 },
};

/**
 * mba_export_get_size_presets:
 *
 * Paper sizes are in points, 1/72 inch, so a PDF prints at its real size; a PNG of A4 is
 * 595 × 842 pixels at scale 1, twice that at scale 2.
 *
 * Returns: (array length=n_presets): the named sizes; labels are untranslated (N_)
 */
const MbaExportSizePreset *
mba_export_get_size_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (size_presets);
  return size_presets;
}

/* "1920x1080", or a preset's id ("a4", "a4-landscape", also "a4-portrait"); each side from
 * MBA_EXPORT_MIN_SIDE to MBA_EXPORT_MAX_SIDE. */
gboolean
mba_export_parse_size (const char *text,
                       int        *width,
                       int        *height)
{
  char *end = NULL;
  gint64 w, h;

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    {
      g_autofree char *portrait = g_strconcat (size_presets[i].id, "-portrait", NULL);

      if (g_ascii_strcasecmp (text, size_presets[i].id) == 0 ||
          (size_presets[i].width < size_presets[i].height && g_ascii_strcasecmp (text, portrait) == 0))
        {
          *width = size_presets[i].width;
          *height = size_presets[i].height;
          return TRUE;
        }
    }
  if (!g_ascii_isdigit (*text))
    return FALSE;
  w = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X') || !g_ascii_isdigit (end[1]))
    return FALSE;
  h = g_ascii_strtoll (end + 1, &end, 10);
  if (*end != '\0' || w < MBA_EXPORT_MIN_SIDE || h < MBA_EXPORT_MIN_SIDE || w > MBA_EXPORT_MAX_SIDE ||
      h > MBA_EXPORT_MAX_SIDE)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

/**
 * mba_export_format_from_path:
 *
 * Returns: (nullable): "png", "svg" or "pdf" after the file name's extension, any case
 */
const char *
mba_export_format_from_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    return "png";
  if (g_str_has_suffix (lower, ".svg"))
    return "svg";
  if (g_str_has_suffix (lower, ".pdf"))
    return "pdf";
  return NULL;
}

/**
 * mba_export_resolve_range:
 *
 * The period the timeline of an export shows: the options' own, else the story's (as the
 * window opens on it), else the whole history.
 */
void
mba_export_resolve_range (const MbaExportOptions *options,
                          double                 *start_day,
                          double                 *end_day)
{
  if (options->end_day > options->start_day)
    {
      *start_day = options->start_day;
      *end_day = options->end_day;
      return;
    }
  mba_session_range_for_dataset (options->dataset, MBA_SESSION_PERIOD_STORY, start_day, end_day);
}

static gint32
resolve_day (const MbaExportOptions *options)
{
  const MbaEvent *selected = mba_dataset_find_event (options->dataset, options->selected_id);
  double start, end;
  gint32 latest;

  if (options->day > 0)
    return options->day;
  if (selected != NULL)
    return selected->first_day;
  /* As the window: without a selection, the latest event's day, or the period's last day when
   * the period ends before it (a chart of June 2025 shows the map of June 2025). */
  latest = mba_dataset_get_latest_day (options->dataset);
  mba_export_resolve_range (options, &start, &end);
  if (latest >= end && end - 1 >= 1)
    return (gint32) ceil (end) - 1;
  return latest;
}

/* The timeline's text as the window shows it, and the least a poster shrinks it to (about 9 pt
 * in a PDF, 9 pixels in a PNG) before it lets the lowest lanes go. */
#define TIMELINE_FONT_SIZE      10.0
#define TIMELINE_FONT_SIZE_MIN  7.0
#define TIMELINE_FONT_SIZE_STEP 0.5

static PangoFontDescription *
timeline_font (double size)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) round (size * PANGO_SCALE));
  return font;
}

/* The options' period (by default the story), as the window frames it. */
static void
prepare_timeline (MbaTimelineLayout          *layout,
                  MbaTimelineScene           *scene,
                  const MbaExportOptions     *options,
                  const PangoFontDescription *font,
                  int                         width,
                  int                         height)
{
  MbaDataset *dataset = options->dataset;
  double start, end;

  mba_export_resolve_range (options, &start, &end);
  mba_timeline_layout_set_dataset (layout, dataset);
  mba_timeline_scene_init (scene);
  scene->font = font;
  scene->dataset = dataset;
  scene->start_day = start;
  scene->end_day = end;
  scene->selected_id = options->selected_id;
  scene->cursor_day = resolve_day (options);
  mba_timeline_render_prepare (layout, scene, width, height);
}

/* The height at which every lane shows at least one row: the axis and the lanes at their least. */
static double
timeline_needed_height (const MbaExportOptions *options,
                        double                  font_size,
                        int                     width)
{
  g_autoptr(MbaTimelineLayout) layout = mba_timeline_layout_new ();
  g_autoptr(PangoFontDescription) font = timeline_font (font_size);
  const MbaTimelineGeometry *g;
  MbaTimelineScene scene;

  prepare_timeline (layout, &scene, options, font, width, 1);
  g = mba_timeline_layout_get_geometry (layout);
  return ceil (g->axis.height + g->content_height);
}

static void
draw_timeline (cairo_t                *cr,
               const MbaExportOptions *options,
               const MbaPalette       *palette,
               double                  font_size,
               int                     width,
               int                     height)
{
  g_autoptr(MbaTimelineLayout) layout = mba_timeline_layout_new ();
  g_autoptr(PangoFontDescription) font = timeline_font (font_size);
  MbaTimelineScene scene;

  prepare_timeline (layout, &scene, options, font, width, height);
  mba_timeline_render (cr, layout, width, height, palette, &scene);
}

static void
map_params (MbaMapRenderParams     *params,
            const MbaExportOptions *options,
            int                     width,
            int                     height)
{
  mba_map_render_params_init (params, options->map, options->dataset,
                              options->world_view ? MBA_MAP_PROJECTION_WORLD : MBA_MAP_PROJECTION_REGIONAL,
                              width, height, resolve_day (options));
  params->theme = options->theme;
  params->selected_event_id = options->selected_id;
  mba_map_render_params_set_story (params);
  if (options->transparent)
    params->flags |= MBA_MAP_RENDER_TRANSPARENT;
}

/* The states whose anchor falls inside a map of @rect's size: those the picture shows. */
static GPtrArray *
shown_states (const MbaExportOptions *options,
              const MbaExportRect    *rect)
{
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  GPtrArray *states = g_ptr_array_new ();
  MbaMapRenderParams params;

  if (rect->width < 1 || rect->height < 1 || options->map == NULL)
    return states;
  map_params (&params, options, rect->width, rect->height);
  for (guint i = 0; i < mba_dataset_get_n_states (options->dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (options->dataset, i);
      double x, y;

      if (mba_map_renderer_get_state_point (renderer, &params, state->code, &x, &y) &&
          x >= 0 && y >= 0 && x <= rect->width && y <= rect->height)
        g_ptr_array_add (states, (gpointer) state);
    }
  return states;
}

static GPtrArray *
collect_sources (const MbaExportOptions *options,
                 const MbaExportRect    *map_rect)
{
  g_autoptr(GPtrArray) states = NULL;
  const MbaEvent *selected = mba_dataset_find_event (options->dataset, options->selected_id);

  if (options->view == MBA_EXPORT_VIEW_TIMELINE)
    states = g_ptr_array_new ();
  else
    states = shown_states (options, map_rect);
  return mba_caption_collect_sources (options->dataset, resolve_day (options), selected,
                                      (const MbaState **) states->pdata, states->len,
                                      options->view != MBA_EXPORT_VIEW_MAP);
}

/* A poster this much wider than tall (landscape paper, a 16:9 screen) puts the map beside the
 * timeline: a strip of map across the top of a landscape page shows little but sea. */
#define POSTER_SIDE_BY_SIDE_ASPECT 1.2
#define POSTER_MAP_SHARE           0.42   /* of the width, side by side */
#define POSTER_MAP_MIN_WIDTH       240.0

/* The timeline's text size: the window's, shrunk to a legible least while its lanes need more
 * height than @most. */
static double
fit_timeline_font (const MbaExportOptions *options,
                   int                     width,
                   double                  most,
                   double                 *needed)
{
  double font_size = TIMELINE_FONT_SIZE;

  *needed = timeline_needed_height (options, font_size, width);
  while (*needed > most && font_size > TIMELINE_FONT_SIZE_MIN)
    {
      font_size -= TIMELINE_FONT_SIZE_STEP;
      *needed = timeline_needed_height (options, font_size, width);
    }
  return font_size;
}

static void
split_stacked (const MbaExportOptions *options,
               MbaExportLayout        *layout,
               double                  width,
               double                  available)
{
  /* The map keeps 30 % (and 160 units) at least, even when the lanes then have to be cut. */
  double most = floor (available - MAX (available * 0.3, 160));
  double needed, timeline_h;

  layout->timeline_font_size = fit_timeline_font (options, width, most, &needed);
  if (needed > most)
    most = MAX (most, floor (available - MAX (available * 0.2, 80)));
  timeline_h = MIN (MAX (floor (available * 2 / 5), needed), most);
  layout->timeline = (MbaExportRect) { 0, 0, width, timeline_h };
  layout->map = (MbaExportRect) { 0, timeline_h, width, available - timeline_h };
}

/* The timeline on the left at the full height, the map on the right. */
static void
split_side_by_side (const MbaExportOptions *options,
                    MbaExportLayout        *layout,
                    double                  width,
                    double                  available)
{
  double map_w = floor (MAX (width * POSTER_MAP_SHARE, MIN (POSTER_MAP_MIN_WIDTH, width / 2)));
  double needed;

  layout->timeline_font_size = fit_timeline_font (options, width - map_w, available, &needed);
  layout->timeline = (MbaExportRect) { 0, 0, width - map_w, available };
  layout->map = (MbaExportRect) { width - map_w, 0, map_w, available };
}

/* Splits what the caption leaves between the timeline and the map. The poster gives the
 * timeline two fifths, or more when its lanes need it, so that none is cut off; when the map's
 * share leaves too little for that, the timeline's text shrinks, to a legible least, and past
 * that the map gives way, down to a fifth: a lane cut off hides events, a smaller map does not. */
static void
split_views (const MbaExportOptions *options,
             MbaExportLayout        *layout,
             double                  caption_height)
{
  double width = options->width, available = options->height - caption_height;

  layout->timeline = layout->map = (MbaExportRect) { 0, 0, 0, 0 };
  layout->timeline_font_size = TIMELINE_FONT_SIZE;
  layout->caption = (MbaExportRect) { 0, available, width, caption_height };
  switch (options->view)
    {
    case MBA_EXPORT_VIEW_TIMELINE:
      layout->timeline = (MbaExportRect) { 0, 0, width, available };
      break;
    case MBA_EXPORT_VIEW_MAP:
      layout->map = (MbaExportRect) { 0, 0, width, available };
      break;
    case MBA_EXPORT_VIEW_POSTER:
    default:
      if (options->width >= POSTER_SIDE_BY_SIDE_ASPECT * options->height)
        split_side_by_side (options, layout, width, available);
      else
        split_stacked (options, layout, width, available);
      break;
    }
}

typedef struct
{
  MbaExportLayout  layout;
  MbaCaption      *caption;   /* nullable */
  GPtrArray       *sources;   /* everything cited, for the metadata */
} Plan;

static void
plan_init (Plan                   *plan,
           const MbaExportOptions *options)
{
  gboolean shows_map = options->view != MBA_EXPORT_VIEW_TIMELINE;
  double caption_height = 0;

  memset (plan, 0, sizeof *plan);
  split_views (options, &plan->layout, 0);
  plan->sources = collect_sources (options, &plan->layout.map);
  if (options->caption)
    {
      /* The caption's height depends on the sources, and which states the map shows on the
       * space the caption leaves: one more round settles it. */
      for (int round = 0; round < 2; round++)
        {
          g_clear_pointer (&plan->caption, mba_caption_free);
          plan->caption = mba_caption_new (options->dataset, resolve_day (options), shows_map,
                                           plan->sources);
          caption_height = mba_caption_layout (plan->caption, options->width, floor (options->height / 2.0));
          split_views (options, &plan->layout, caption_height);
          if (round == 0 && shows_map)
            {
              g_ptr_array_unref (plan->sources);
              plan->sources = collect_sources (options, &plan->layout.map);
            }
          else
            break;
        }
      if (caption_height <= 0)
        g_clear_pointer (&plan->caption, mba_caption_free);
    }
  plan->layout.n_sources = plan->sources->len;
  if (plan->caption != NULL)
    {
      plan->layout.n_sources_shown = mba_caption_get_n_sources_shown (plan->caption);
      plan->layout.legend_in_caption = mba_caption_get_legend_shown (plan->caption);
    }
}

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->caption, mba_caption_free);
  g_clear_pointer (&plan->sources, g_ptr_array_unref);
}

/**
 * mba_export_get_layout:
 *
 * Where mba_export_draw() puts the timeline, the map and the caption: they do not overlap, and
 * together they cover the picture.
 */
void
mba_export_get_layout (const MbaExportOptions *options,
                       MbaExportLayout        *layout)
{
  Plan plan;

  g_return_if_fail (options != NULL && MBA_IS_DATASET (options->dataset));

  plan_init (&plan, options);
  *layout = plan.layout;
  plan_clear (&plan);
}

/* The handout's slide set: with a period of its own (--period all, --from, --to) the events
 * that start in it; else the story's (a title slide and its events) when the dataset names one,
 * else every event. */
static GPtrArray *
list_slides (const MbaExportOptions *options)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (options->dataset);
  g_autoptr(GPtrArray) all = mba_event_filter_list_events (filter);
  GPtrArray *in_period;

  if (options->end_day <= options->start_day)
    return mba_slides_list_default (options->dataset, all);
  in_period = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const MbaEvent *event = all->pdata[i];

      if (event->first_day >= options->start_day && event->first_day < options->end_day)
        g_ptr_array_add (in_period, (gpointer) event);
    }
  return in_period;
}

/* One page of the handout: the selected event's, else the first slide. */
static void
draw_slide (cairo_t                *cr,
            const MbaExportOptions *options,
            int                     width,
            int                     height)
{
  const MbaEvent *event = mba_dataset_find_event (options->dataset, options->selected_id);
  g_autoptr(GPtrArray) steps = list_slides (options);
  guint position = 0, n_steps = steps->len;
  MbaSlideParams params;

  mba_slide_params_init (&params, options->dataset, options->map);
  if (event != NULL && g_ptr_array_find (steps, event, &position))
    params.event = event;
  else if (event != NULL)
    {
      /* An event outside the slide set is numbered as in the whole history. */
      params.event = event;
      position = event->index;
      n_steps = mba_dataset_get_n_events (options->dataset);
    }
  else if (steps->len > 0)
    params.event = steps->pdata[0];
  params.title_slide = params.event == NULL;
  params.position = position;
  params.n_steps = n_steps;
  params.theme = options->theme;
  mba_slide_render (cr, width, height, &params);
}

/**
 * mba_export_draw:
 *
 * Draws the chosen view at options->width × options->height with the same renderers as the
 * window, and the caption under it.
 */
void
mba_export_draw (cairo_t                *cr,
                 const MbaExportOptions *options)
{
  MbaPalette palette = *mba_palette_get (options->theme);
  const MbaExportLayout *layout;
  Plan plan;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL && MBA_IS_DATASET (options->dataset));

  /* A slide is a page of its own, with no caption: its source is part of it. */
  if (options->view == MBA_EXPORT_VIEW_SLIDES)
    {
      draw_slide (cr, options, options->width, options->height);
      return;
    }

  if (options->transparent)
    palette.background.a = 0;
  plan_init (&plan, options);
  layout = &plan.layout;

  if (layout->timeline.height >= 1)
    {
      cairo_save (cr);
      cairo_translate (cr, layout->timeline.x, layout->timeline.y);
      cairo_rectangle (cr, 0, 0, layout->timeline.width, layout->timeline.height);
      cairo_clip (cr);
      draw_timeline (cr, options, &palette, layout->timeline_font_size, layout->timeline.width,
                     layout->timeline.height);
      cairo_restore (cr);
    }
  if (layout->map.height >= 1 && options->map != NULL)
    {
      MbaMapRenderParams params;

      map_params (&params, options, layout->map.width, layout->map.height);
      /* The caption explains the colours: the map's corner stays free for the map. */
      if (layout->legend_in_caption)
        params.flags &= ~MBA_MAP_RENDER_LEGEND;
      cairo_save (cr);
      cairo_translate (cr, layout->map.x, layout->map.y);
      cairo_rectangle (cr, 0, 0, layout->map.width, layout->map.height);
      cairo_clip (cr);
      mba_map_render (cr, &params);
      cairo_restore (cr);
    }
  if (plan.caption != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, layout->caption.x, layout->caption.y);
      mba_caption_draw (plan.caption, cr, &palette);
      cairo_restore (cr);
    }
  plan_clear (&plan);
}

/**
 * mba_export_describe:
 *
 * Returns: the picture in words for its metadata: the map's summary at the date, the selected
 *   event, and every source cited by what is shown, one a line
 */
char *
mba_export_describe (const MbaExportOptions *options)
{
  g_autofree char *summary = NULL;
  const MbaEvent *selected;
  GString *text;
  Plan plan;

  g_return_val_if_fail (options != NULL && MBA_IS_DATASET (options->dataset), NULL);

  summary = mba_map_summary (options->dataset, resolve_day (options));
  text = g_string_new (summary);
  if (options->view == MBA_EXPORT_VIEW_TIMELINE || options->view == MBA_EXPORT_VIEW_POSTER)
    {
      double start, end;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      mba_export_resolve_range (options, &start, &end);
      first = mba_day_format ((gint32) floor (start));
      last = mba_day_format ((gint32) ceil (end) - 1);
      g_string_append_c (text, '\n');
      /* Translators: in an export's description; the first and last day the timeline shows */
      g_string_append_printf (text, _("Timeline from %s to %s"), first, last);
    }
  selected = mba_dataset_find_event (options->dataset, options->selected_id);
  if (selected != NULL)
    {
      g_autofree char *date = mba_date_format (&selected->date);

      g_string_append_c (text, '\n');
      /* Translators: in an export's description; the selected event's title and date */
      g_string_append_printf (text, _("Selected: %s (%s)"), selected->title, date);
    }
  plan_init (&plan, options);
  if (plan.sources->len > 0)
    {
      g_string_append_printf (text, "\n%s", _("Sources:"));
      for (guint i = 0; i < plan.sources->len; i++)
        {
          g_autofree char *full = mba_source_format_full (g_ptr_array_index (plan.sources, i));
          g_string_append_printf (text, "\n%s", full);
        }
    }
  plan_clear (&plan);
  return g_string_free (text, FALSE);
}

/**
 * mba_export_append_to_string:
 * @closure: a #GString
 *
 * A #cairo_write_func_t that collects a surface's output in memory, so that nothing touches
 * the disk before the whole file can be written at once.
 */
cairo_status_t
mba_export_append_to_string (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
markup_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* Cairo's SVG surface draws text as outlines; the title and the map's summary go in as
 * <title> and <desc> so that search and screen readers get the words. */
static void
add_svg_title (GString    *svg,
               const char *title,
               const char *description)
{
  const char *open = strstr (svg->str, "<svg");
  const char *close = open ? strchr (open, '>') : NULL;
  g_autofree char *escaped_title = markup_escape (title);
  g_autofree char *escaped_desc = markup_escape (description);
  g_autofree char *insert = NULL;

  if (close == NULL)
    return;
  insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title, escaped_desc);
  g_string_insert (svg, close - svg->str + 1, insert);
}

/* Draws the picture and streams it to @out: PNG and PDF as cairo encodes them, SVG once its
 * title is in (an SVG is small; a PNG or PDF may not be). */
static gboolean
render_to_file (MbaOutputFile          *out,
                const char             *format,
                const MbaExportOptions *options,
                GError                **error)
{
  g_autofree char *summary = mba_export_describe (options);
  const char *title = mba_dataset_get_title (options->dataset);
  g_autoptr(GString) svg = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (g_str_equal (format, "png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width * options->scale,
                                          options->height * options->scale);
  else if (g_str_equal (format, "svg"))
    {
      svg = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (mba_export_append_to_string, svg,
                                                    options->width, options->height);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (mba_output_file_write_func, out,
                                                      options->width, options->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mine Ban Atlas " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  if (g_str_equal (format, "png"))
    cairo_scale (cr, options->scale, options->scale);
  mba_export_draw (cr, options);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && g_str_equal (format, "png"))
    status = cairo_surface_write_to_png_stream (surface, mba_output_file_write_func, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* A write error is the file's to report, when it is committed. */
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (svg != NULL)
    {
      add_svg_title (svg, title, summary);
      mba_output_file_write (out, svg->str, svg->len, NULL);
    }
  return TRUE;
}

/* The presentation's slide set as a handout: PDF only, since it has pages. */
static gboolean
write_slides (const char             *path,
              const char             *format,
              const MbaExportOptions *options,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(GPtrArray) steps = NULL;

  if (!g_str_equal (format, "pdf"))
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_FORMAT,
                   _("%s: the slides are a handout of many pages; the file name must end in .pdf"), path);
      return FALSE;
    }
  steps = list_slides (options);
  return mba_slides_write_pdf_full (path, options->dataset, options->map, steps, options->theme,
                                    cancellable, NULL, NULL, error);
}

/**
 * mba_export_check_options:
 * @format: "png", "svg" or "pdf"
 *
 * Checks @options against the documented limits (sides of %MBA_EXPORT_MIN_SIDE to
 * %MBA_EXPORT_MAX_SIDE, scales 1 to %MBA_EXPORT_MAX_SCALE, at most %MBA_EXPORT_MAX_PIXELS pixels
 * in a PNG) and against the dataset, before anything is drawn or allocated.
 *
 * Returns: %TRUE when the export can be made
 */
gboolean
mba_export_check_options (const MbaExportOptions  *options,
                          const char              *format,
                          GError                 **error)
{
  g_return_val_if_fail (options != NULL && MBA_IS_DATASET (options->dataset), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (options->width < MBA_EXPORT_MIN_SIDE || options->height < MBA_EXPORT_MIN_SIDE ||
      options->width > MBA_EXPORT_MAX_SIDE || options->height > MBA_EXPORT_MAX_SIDE)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("The size must be %d to %d a side, not %d × %d"), MBA_EXPORT_MIN_SIDE,
                   MBA_EXPORT_MAX_SIDE, options->width, options->height);
      return FALSE;
    }
  if (options->scale < 1 || options->scale > MBA_EXPORT_MAX_SCALE)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("The scale must be 1, 2, 3 or 4, not %d"), options->scale);
      return FALSE;
    }
  /* Checked before the image is allocated: 4 bytes a pixel, twice over while it is encoded. */
  if (g_str_equal (format, "png") &&
      (gint64) options->width * options->height * options->scale * options->scale > MBA_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_TOO_LARGE,
                   /* Translators: e.g. "A PNG of 8000 × 8000 at scale 2 would be 16000 × 16000
                    * pixels; at most 7680 × 4320 (33.2 million pixels) can be exported. …" */
                   _("A PNG of %d × %d at scale %d would be %d × %d pixels; at most 7680 × 4320 "
                     "(%.1f million pixels) can be exported. Choose a smaller size or scale."),
                   options->width, options->height, options->scale, options->width * options->scale,
                   options->height * options->scale, MBA_EXPORT_MAX_PIXELS / 1e6);
      return FALSE;
    }
  /* SVG and PDF viewers differ in what they show behind a page; only PNG promises transparency. */
  if (options->transparent && !g_str_equal (format, "png"))
    {
      g_autofree char *name = g_ascii_strup (format, -1);

      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("Only PNG can have a transparent background, not %s"), name);
      return FALSE;
    }
  if (options->selected_id != NULL && mba_dataset_find_event (options->dataset, options->selected_id) == NULL)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("No event has the id “%s”"), options->selected_id);
      return FALSE;
    }
  if (options->view != MBA_EXPORT_VIEW_TIMELINE && options->map == NULL)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT, _("The map outlines are missing"));
      return FALSE;
    }
  return TRUE;
}

/**
 * mba_export_write:
 * @path: where to write; the format follows its extension (.png, .svg, .pdf)
 *
 * Returns: %TRUE when the file was written whole; on failure no file is left and an existing
 *   one is untouched.
 */
gboolean
mba_export_write (const char              *path,
                  const MbaExportOptions  *options,
                  GError                 **error)
{
  return mba_export_write_full (path, options, NULL, error);
}

/**
 * mba_export_write_full:
 * @cancellable: (nullable): stops the export; the target is then left as it was, and no
 *   temporary file
 *
 * mba_export_write() that can be cancelled, from another thread or a signal handler.
 */
gboolean
mba_export_write_full (const char              *path,
                       const MbaExportOptions  *options,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  MbaOutputFile *out;
  const char *format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL && MBA_IS_DATASET (options->dataset), FALSE);

  format = mba_export_format_from_path (path);
  if (format == NULL)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_FORMAT,
                   _("%s: unknown format; the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (!mba_export_check_options (options, format, error))
    return FALSE;
  if (options->view == MBA_EXPORT_VIEW_SLIDES)
    return write_slides (path, format, options, cancellable, error);

  out = mba_output_file_open (path, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!render_to_file (out, format, options, error))
    {
      mba_output_file_abort (out);
      return FALSE;
    }
  return mba_output_file_commit (out, error);
}
