/* mba-slide-renderer.c: one presentation step drawn onto any cairo context
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mba-bidi.h"
#include "mba-map-summary.h"
#include "mba-slide-private.h"
#include "mba-text.h"

/* Every size is a share of the height (one "unit" is 1% of it), so that 720p, 1080p and a
 * printed page keep the same proportions and read from the back of a classroom: none is
 * under 3.4 units, a 30th of the height. */
#define MARGIN_X          5.0
#define MARGIN_Y          4.0
#define HEADER_SIZE       3.4
#define TITLE_SIZES       { 6.6, 5.8, 5.2 }
#define TITLE_MAX_LINES   3
#define TEXT_SIZE_MAX     4.4
#define TEXT_SIZE_MIN     3.4
#define TEXT_SIZE_STEP    0.2
#define SOURCE_SIZE_MIN   3.4
#define SOURCE_MAX_LINES  6
#define FOOTER_SIZE       3.4
#define PROGRESS_SIZE     3.4
#define GAP               2.4
#define BAR_HEIGHT        0.8
#define QUOTE_RULE        0.5    /* the coloured rule left of the quote */
#define MAP_SHARE         0.52   /* of the width inside the margins, on a 16:9 screen */
#define MAP_SHARE_NARROW  0.44   /* on a 4:3 projector, whose text column needs the room */
/* The map is drawn at height / this, so that its smallest names (MBA_MAP_LABEL_MIN_PX) are as
 * large as the slide's smallest text: a 30th of the height, legible from the back of a room. */
#define MAP_ZOOM_BASE     (30.0 * MBA_MAP_LABEL_MIN_PX)

typedef struct
{
  const MbaPalette *palette;
  double            unit;
  double            width;
  PangoContext     *context;
  PangoLayout      *header;
  PangoLayout      *title;
  PangoLayout      *text;
  PangoLayout      *source;
  PangoLayout      *footer;
  PangoLayout      *progress;
  const char       *link;        /* the record source's address, made a link in PDFs */
  char             *link_text;   /* what shows of it: its site */
  MbaSlideRect      footer_rect;
  MbaSlideRect      rule;
  MbaSlideGeometry  geometry;
} Slide;

void
mba_slide_params_init (MbaSlideParams *params,
                       MbaDataset     *dataset,
                       MbaWorldMap    *map)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->dataset = dataset;
  params->map = map;
  params->theme = MBA_THEME_LIGHT;
}

static char *
color_hex (const MbaColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) round (color->r * 255), (int) round (color->g * 255),
                          (int) round (color->b * 255));
}

static char *
format_header_markup (const MbaEvent   *event,
                      const MbaPalette *palette)
{
  g_autofree char *date = mba_date_format (&event->date);
  g_autofree char *states = _mba_slide_format_states (event);
  g_autofree char *date_color = color_hex (&palette->foreground);
  g_autofree char *kind_color = color_hex (&palette->kind[event->kind]);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *escaped_date = g_markup_escape_text (date, -1);
  g_autofree char *escaped_kind = g_markup_escape_text (mba_event_kind_get_label (event->kind), -1);

  /* The kind's swatch, then the date in bold, then the kind and the states. */
  g_string_append_printf (s, "<span foreground=\"%s\">●</span>  "
                          "<span weight=\"bold\" foreground=\"%s\">%s</span>  ·  %s",
                          kind_color, date_color, escaped_date, escaped_kind);
  if (states != NULL)
    {
      g_autofree char *escaped_states = g_markup_escape_text (states, -1);
      g_string_append_printf (s, "  ·  %s", escaped_states);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Layout                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static PangoLayout *
new_layout (Slide       *slide,
            double       size,
            PangoWeight  weight,
            double       width)
{
  PangoLayout *layout = pango_layout_new (slide->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  double height;

  mba_text_layout_size (layout, NULL, &height);
  return height;
}

static void
set_rect (MbaSlideRect *rect,
          double        x,
          double        y,
          double        width,
          double        height)
{
  *rect = (MbaSlideRect) { x, y, width, height };
}

/* The title at the largest size that fits in as few lines as the text allows (two for all but
 * the longest), cut with an ellipsis only past three lines at the smallest size. */
static void
layout_title (Slide          *slide,
              const MbaEvent *event,
              double          width)
{
  static const double sizes[] = TITLE_SIZES;
  double unit = slide->unit;
  g_autofree char *title = mba_text_bound (event->title, MBA_TEXT_MAX_TITLE_CHARS);

  for (guint max_lines = 2; max_lines <= TITLE_MAX_LINES && slide->title == NULL; max_lines++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        PangoLayout *layout = new_layout (slide, sizes[i] * unit, PANGO_WEIGHT_BOLD, width);

        pango_layout_set_text (layout, title, -1);
        if (pango_layout_get_line_count (layout) <= (int) max_lines)
          {
            slide->title = layout;
            slide->geometry.title_size = sizes[i] * unit;
            break;
          }
        g_object_unref (layout);
      }

  if (slide->title == NULL)
    {
      double size = sizes[G_N_ELEMENTS (sizes) - 1] * unit;

      slide->title = new_layout (slide, size, PANGO_WEIGHT_BOLD, width);
      pango_layout_set_text (slide->title, title, -1);
      pango_layout_set_height (slide->title, -TITLE_MAX_LINES);
      pango_layout_set_ellipsize (slide->title, PANGO_ELLIPSIZE_END);
      slide->geometry.title_size = size;
      slide->geometry.title_cut = pango_layout_is_ellipsized (slide->title);
    }
}

/* The record's site, on the source's last line, looks like a link. */
static void
set_source_text (Slide      *slide,
                 const char *source)
{
  g_autofree char *escaped = NULL, *escaped_link = NULL, *color = NULL, *markup = NULL;
  gsize prefix;

  if (slide->link_text == NULL || !g_str_has_suffix (source, slide->link_text))
    {
      pango_layout_set_text (slide->source, source, -1);
      return;
    }
  prefix = strlen (source) - strlen (slide->link_text);
  escaped = g_markup_escape_text (source, prefix);
  escaped_link = g_markup_escape_text (slide->link_text, -1);
  color = color_hex (&slide->palette->accent);
  markup = g_strdup_printf ("%s<span foreground=\"%s\" underline=\"single\">%s</span>", escaped, color,
                            escaped_link);
  pango_layout_set_markup (slide->source, markup, -1);
}

/* The quote (or summary) and its source, as large as the column lets them be. */
static void
layout_text (Slide          *slide,
             const MbaEvent *event,
             double          x,
             double          y,
             double          width,
             double          height)
{
  double unit = slide->unit;
  gboolean is_quote;
  g_autofree char *text = _mba_slide_format_text (event, &is_quote);
  g_autofree char *source = _mba_slide_format_source (event, &slide->link, &slide->link_text);
  double rule_width = is_quote ? QUOTE_RULE * unit : 0;
  double indent = is_quote ? 2.0 * unit : 0;
  double text_width = width - indent;
  double text_height = 0, source_height = 0, gap = 1.6 * unit, block;

  for (double size = TEXT_SIZE_MAX; ; size -= TEXT_SIZE_STEP)
    {
      gboolean smallest = size - TEXT_SIZE_STEP < TEXT_SIZE_MIN - 1e-6;
      double source_size = MAX (SOURCE_SIZE_MIN, size * 0.72) * unit;

      g_clear_object (&slide->text);
      g_clear_object (&slide->source);
      slide->text = new_layout (slide, size * unit, PANGO_WEIGHT_NORMAL, text_width);
      pango_layout_set_text (slide->text, text, -1);
      pango_layout_set_line_spacing (slide->text, 1.15);
      source_height = 0;
      if (source != NULL)
        {
          slide->source = new_layout (slide, source_size, PANGO_WEIGHT_NORMAL, text_width);
          set_source_text (slide, source);
          /* The source stays whole up to a few lines; a longer one is cut, not the slide. */
          pango_layout_set_height (slide->source, -SOURCE_MAX_LINES);
          pango_layout_set_ellipsize (slide->source, PANGO_ELLIPSIZE_END);
          source_height = layout_height (slide->source);
        }
      text_height = layout_height (slide->text);
      slide->geometry.text_size = size * unit;
      if (text_height + (source ? gap + source_height : 0) <= height)
        break;
      if (smallest)
        {
          /* Still too long: the quote gives way, the source stays whole. */
          double room = height - (source ? gap + source_height : 0);
          double line_height = text_height / MAX (1, pango_layout_get_line_count (slide->text));

          /* In lines: Pango's height in units does not count the line spacing. */
          pango_layout_set_height (slide->text, -MAX (1, (int) floor (room / line_height)));
          pango_layout_set_ellipsize (slide->text, PANGO_ELLIPSIZE_END);
          slide->geometry.text_cut = pango_layout_is_ellipsized (slide->text);
          text_height = layout_height (slide->text);
          break;
        }
    }

  /* Short quotes sit in the middle of the column, long ones fill it from the top. */
  block = text_height + (source ? gap + source_height : 0);
  y += MAX (0, (height - block) / 2);
  set_rect (&slide->geometry.text, x + indent, y, text_width, text_height);
  if (is_quote)
    set_rect (&slide->rule, x, y, rule_width, text_height);
  if (source != NULL)
    set_rect (&slide->geometry.source, x + indent, y + text_height + gap, text_width, source_height);
}

/* The map's share of the width: less on screens narrower than 16:9. */
static double
map_share (const Slide *slide)
{
  double aspect = slide->width / (100.0 * slide->unit);
  double t = CLAMP ((aspect - 4.0 / 3.0) / (16.0 / 9.0 - 4.0 / 3.0), 0.0, 1.0);

  return MAP_SHARE_NARROW + t * (MAP_SHARE - MAP_SHARE_NARROW);
}

/* The story introduced: its period above its title, its states (one a line) beside its map. */
static void
build_title_slide (Slide                *slide,
                   const MbaSlideParams *params,
                   double                x,
                   double                y,
                   double                width,
                   double                bottom)
{
  const MbaStory *story = mba_dataset_get_story (params->dataset);
  double unit = slide->unit, gap = GAP * unit, body_height, text_x, text_width, size;
  g_autofree char *from = mba_date_format (&story->from);
  g_autofree char *to = mba_date_format (&story->to);
  g_autofree char *period = NULL, *title = mba_text_bound (story->title, MBA_TEXT_MAX_TITLE_CHARS);
  g_autoptr(GString) states = g_string_new (NULL);

  /* Translators: a story's period on its title slide, e.g. "18 March 2025 – 20 February 2026" */
  period = g_strdup_printf (_("%s – %s"), from, to);
  slide->header = new_layout (slide, HEADER_SIZE * unit, PANGO_WEIGHT_BOLD, width);
  pango_layout_set_text (slide->header, period, -1);
  set_rect (&slide->geometry.header, x, y, width, layout_height (slide->header));
  y += slide->geometry.header.height + 0.6 * unit;

  slide->geometry.title_size = ((const double[]) TITLE_SIZES)[0] * unit;
  slide->title = new_layout (slide, slide->geometry.title_size, PANGO_WEIGHT_BOLD, width);
  pango_layout_set_text (slide->title, title, -1);
  pango_layout_set_height (slide->title, -2);
  pango_layout_set_ellipsize (slide->title, PANGO_ELLIPSIZE_END);
  slide->geometry.title_cut = pango_layout_is_ellipsized (slide->title);
  set_rect (&slide->geometry.title, x, y, width, layout_height (slide->title));
  y += slide->geometry.title.height + gap;

  body_height = bottom - gap - y;
  text_x = x;
  text_width = width;
  if (params->map != NULL)
    {
      double map_width = round (width * map_share (slide));

      set_rect (&slide->geometry.map, x, y, map_width, body_height);
      text_x = x + map_width + 1.5 * gap;
      text_width = x + width - text_x;
    }
  for (guint i = 0; i < story->n_states; i++)
    {
      g_autofree char *name = mba_text_bound (mba_state_get_display_name (story->states[i]), 100);
      g_autofree char *isolated = mba_bidi_isolate (name);

      g_string_append_printf (states, "%s%s", i > 0 ? "\n" : "", isolated);
    }
  /* As large as the column lets the list be. */
  for (size = TEXT_SIZE_MAX * 1.25; ; size -= TEXT_SIZE_STEP)
    {
      g_clear_object (&slide->text);
      slide->text = new_layout (slide, size * unit, PANGO_WEIGHT_NORMAL, text_width);
      pango_layout_set_text (slide->text, states->str, -1);
      pango_layout_set_line_spacing (slide->text, 1.2);
      if (layout_height (slide->text) <= body_height || size - TEXT_SIZE_STEP < TEXT_SIZE_MIN)
        break;
    }
  slide->geometry.text_size = size * unit;
  set_rect (&slide->geometry.text, text_x,
            y + MAX (0, (body_height - layout_height (slide->text)) / 2), text_width,
            MIN (body_height, layout_height (slide->text)));
}

static void
slide_clear (Slide *slide)
{
  g_clear_object (&slide->header);
  g_clear_object (&slide->title);
  g_clear_object (&slide->text);
  g_clear_object (&slide->source);
  g_clear_object (&slide->footer);
  g_clear_object (&slide->progress);
  g_clear_object (&slide->context);
  g_clear_pointer (&slide->link_text, g_free);
}

static void
slide_build (Slide                *slide,
             int                   width,
             int                   height,
             const MbaSlideParams *params)
{
  double unit = height / 100.0;
  double mx = MARGIN_X * unit, my = MARGIN_Y * unit, gap = GAP * unit;
  double inner = width - 2 * mx;
  double y = my, footer_top, body_height, progress_width, progress_height;
  const MbaEvent *event = params->event;
  g_autofree char *progress = NULL;

  memset (slide, 0, sizeof *slide);
  slide->palette = mba_palette_get (params->theme);
  slide->unit = unit;
  slide->width = width;
  if (params->blank)
    return;
  slide->context = mba_text_new_context ();

  /* The footer: the dataset's title at the left, "N / M" at the right, the bar under both. */
  set_rect (&slide->geometry.bar, 0, height - BAR_HEIGHT * unit, width, BAR_HEIGHT * unit);
  if (params->n_steps > 0)
    /* Translators: the presentation's progress, e.g. "3 / 20" */
    progress = g_strdup_printf (_("%u / %u"), params->position + 1, params->n_steps);
  else
    progress = g_strdup ("0 / 0");
  slide->progress = new_layout (slide, PROGRESS_SIZE * unit, PANGO_WEIGHT_BOLD, inner);
  pango_layout_set_text (slide->progress, progress, -1);
  /* A label measured by its logical width: the layout's width is only for wrapping. */
  pango_layout_set_width (slide->progress, -1);
  mba_text_layout_size (slide->progress, &progress_width, &progress_height);
  footer_top = height - BAR_HEIGHT * unit - 1.6 * unit - progress_height;
  set_rect (&slide->geometry.progress, width - mx - progress_width, footer_top, progress_width,
            progress_height);
  if (params->dataset != NULL)
    {
      g_autofree char *footer = mba_text_bound (mba_dataset_get_title (params->dataset),
                                                MBA_TEXT_MAX_TITLE_CHARS);

      slide->footer = new_layout (slide, FOOTER_SIZE * unit, PANGO_WEIGHT_NORMAL,
                                  MAX (1, inner - progress_width - gap));
      pango_layout_set_text (slide->footer, footer, -1);
      pango_layout_set_ellipsize (slide->footer, PANGO_ELLIPSIZE_END);
      set_rect (&slide->footer_rect, mx, footer_top + progress_height - layout_height (slide->footer),
                inner - progress_width - gap, layout_height (slide->footer));
    }

  if (event == NULL && params->title_slide && params->dataset != NULL &&
      mba_dataset_get_story (params->dataset) != NULL)
    {
      build_title_slide (slide, params, mx, y, inner, footer_top);
      return;
    }
  if (event == NULL)
    {
      slide->title = new_layout (slide, TEXT_SIZE_MAX * unit, PANGO_WEIGHT_BOLD, inner);
      pango_layout_set_alignment (slide->title, PANGO_ALIGN_CENTER);
      pango_layout_set_text (slide->title, _("No events match the timeline’s filters"), -1);
      slide->geometry.title_size = TEXT_SIZE_MAX * unit;
      set_rect (&slide->geometry.title, mx, (height - layout_height (slide->title)) / 2, inner,
                layout_height (slide->title));
      return;
    }

  {
    g_autofree char *markup = format_header_markup (event, slide->palette);

    slide->header = new_layout (slide, HEADER_SIZE * unit, PANGO_WEIGHT_NORMAL, inner);
    pango_layout_set_markup (slide->header, markup, -1);
    pango_layout_set_ellipsize (slide->header, PANGO_ELLIPSIZE_END);
    set_rect (&slide->geometry.header, mx, y, inner, layout_height (slide->header));
    y += slide->geometry.header.height + 0.6 * unit;
  }

  layout_title (slide, event, inner);
  set_rect (&slide->geometry.title, mx, y, inner, layout_height (slide->title));
  y += slide->geometry.title.height + gap;

  body_height = footer_top - gap - y;
  if (params->map != NULL)
    {
      double map_width = round (inner * map_share (slide));
      double text_x = mx + map_width + 1.5 * gap;

      set_rect (&slide->geometry.map, mx, y, map_width, body_height);
      layout_text (slide, event, text_x, y, width - mx - text_x, body_height);
    }
  else
    layout_text (slide, event, mx, y, inner, body_height);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
show_layout (cairo_t            *cr,
             PangoLayout        *layout,
             const MbaSlideRect *rect,
             const MbaColor     *color)
{
  if (layout == NULL)
    return;
  cairo_save (cr);
  mba_palette_set_source (cr, color);
  cairo_move_to (cr, rect->x, rect->y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The regional chart when all the event's states are in it, else the world. */
static MbaMapProjection
choose_projection (MbaWorldMap    *map,
                   const MbaEvent *event)
{
  const MbaMapRect *home = mba_map_projection_get_home (MBA_MAP_PROJECTION_REGIONAL);

  for (guint i = 0; i < event->n_states; i++)
    {
      const MbaMapCountry *country = mba_world_map_find_country (map, event->states[i]->code);
      double x, y;

      if (country == NULL)
        continue;
      mba_world_map_get_anchor (map, MBA_MAP_PROJECTION_REGIONAL, country->index, &x, &y);
      if (!isfinite (x) || !isfinite (y) || x < home->x1 || x > home->x2 || y < home->y1 || y > home->y2)
        return MBA_MAP_PROJECTION_WORLD;
    }
  return MBA_MAP_PROJECTION_REGIONAL;
}

/* Does the view show some of each of the event's states (Russia's west is enough)? */
static gboolean
states_in_view (const MbaMapRenderParams *map_params,
                const MbaEvent           *event)
{
  for (guint i = 0; i < event->n_states; i++)
    {
      const MbaMapCountry *country = mba_world_map_find_country (map_params->map,
                                                                 event->states[i]->code);
      const MbaMapRect *bounds;
      double x1, y1, x2, y2;

      if (country == NULL)
        continue;
      bounds = mba_world_map_get_country_bounds (map_params->map, map_params->view.projection,
                                                 country->index);
      mba_map_view_to_screen (&map_params->view, map_params->width, map_params->height,
                              bounds->x1, bounds->y2, &x1, &y1);
      mba_map_view_to_screen (&map_params->view, map_params->width, map_params->height,
                              bounds->x2, bounds->y1, &x2, &y2);
      if (!(x2 > 0 && y2 > 0 && x1 < map_params->width && y1 < map_params->height))
        return FALSE;
    }
  return TRUE;
}

static double
map_zoom (int height)
{
  /* Names and legend grow with the screen, so they read as well at 1080p as at 720p. */
  return MAX (1.0, height / MAP_ZOOM_BASE);
}

static void
map_params_for (const Slide          *slide,
                const MbaSlideParams *params,
                int                   height,
                MbaMapRenderParams   *map_params)
{
  const MbaSlideRect *rect = &slide->geometry.map;
  double zoom = map_zoom (height);
  const MbaStory *story = mba_dataset_get_story (params->dataset);
  const MbaEvent *event = params->event;

  mba_map_render_params_init (map_params, params->map, params->dataset, MBA_MAP_PROJECTION_REGIONAL,
                              (int) floor (rect->width / zoom), (int) floor (rect->height / zoom),
                              event ? event->first_day : story ? story->last_day : 1);
  map_params->theme = params->theme;
  map_params->selected_event_id = event ? event->id : NULL;
  /* On the story's region, unless the event is about a state outside it: then Europe, or the
   * world. */
  mba_map_render_params_set_story (map_params);
  if (event != NULL && !states_in_view (map_params, event))
    mba_map_view_init (&map_params->view, choose_projection (params->map, event));
  /* The slide's header already gives the date. */
  map_params->flags = MBA_MAP_RENDER_LABELS | MBA_MAP_RENDER_LEGEND;
}

/**
 * mba_slide_get_map_params:
 * @map_params: (out): what the slide's map is drawn with, in the map's own units (the slide
 *   scales them by @height / 300, at least 1)
 *
 * Returns: %FALSE when the slide at @width × @height shows no map
 */
gboolean
mba_slide_get_map_params (int                   width,
                          int                   height,
                          const MbaSlideParams *params,
                          MbaMapRenderParams   *map_params)
{
  Slide slide;
  gboolean shown;

  g_return_val_if_fail (params != NULL && map_params != NULL, FALSE);

  slide_build (&slide, width, height, params);
  shown = params->map != NULL && slide.geometry.map.width > 0 &&
          (params->event != NULL || params->title_slide);
  if (shown)
    map_params_for (&slide, params, height, map_params);
  slide_clear (&slide);
  return shown;
}

static void
draw_map (cairo_t              *cr,
          const Slide          *slide,
          const MbaSlideParams *params,
          int                   height)
{
  const MbaSlideRect *rect = &slide->geometry.map;
  double radius = 1.2 * slide->unit;
  double zoom = map_zoom (height);
  MbaMapRenderParams map_params;

  map_params_for (slide, params, height, &map_params);
  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, rect->x + rect->width - radius, rect->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, rect->x + rect->width - radius, rect->y + rect->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, rect->x + radius, rect->y + rect->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, rect->x + radius, rect->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  cairo_translate (cr, rect->x, rect->y);
  cairo_scale (cr, zoom, zoom);
  if (params->map_renderer != NULL)
    mba_map_renderer_draw (params->map_renderer, cr, &map_params);
  else
    mba_map_render (cr, &map_params);
  cairo_restore (cr);
}

/* In the handout the record's address is a link (cairo ignores tags on other surfaces). */
static void
begin_link (cairo_t    *cr,
            const char *uri)
{
  g_autoptr(GString) attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
}

/**
 * mba_slide_render:
 * @width: the slide's width, in the context's user units
 * @height: its height; every size is a share of it
 *
 * Draws one step: the date, kind and states, the title, the map at the event's date with its
 * states outlined, the first quote and its source (or the summary and the record it comes
 * from), and the progress. A blank step is all black.
 */
void
mba_slide_render (cairo_t              *cr,
                  int                   width,
                  int                   height,
                  const MbaSlideParams *params)
{
  Slide slide;
  const MbaPalette *palette;
  const MbaSlideGeometry *g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (params != NULL);

  if (params->blank)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  slide_build (&slide, width, height, params);
  palette = slide.palette;
  g = &slide.geometry;

  cairo_save (cr);
  mba_palette_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  show_layout (cr, slide.header, &g->header, &palette->muted);
  show_layout (cr, slide.title, &g->title, &palette->foreground);
  if ((params->event != NULL || params->title_slide) && params->map != NULL && g->map.width > 0)
    draw_map (cr, &slide, params, height);
  if (slide.rule.width > 0)
    {
      mba_palette_set_source (cr, &palette->kind[params->event->kind]);
      cairo_rectangle (cr, slide.rule.x, slide.rule.y, slide.rule.width, slide.rule.height);
      cairo_fill (cr);
    }
  show_layout (cr, slide.text, &g->text, &palette->foreground);
  if (slide.link != NULL)
    begin_link (cr, slide.link);
  show_layout (cr, slide.source, &g->source, &palette->muted);
  if (slide.link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  show_layout (cr, slide.footer, &slide.footer_rect, &palette->muted);
  show_layout (cr, slide.progress, &g->progress, &palette->foreground);

  mba_palette_set_source (cr, &palette->grid);
  cairo_rectangle (cr, g->bar.x, g->bar.y, g->bar.width, g->bar.height);
  cairo_fill (cr);
  if (params->n_steps > 0)
    {
      mba_palette_set_source (cr, &palette->accent);
      cairo_rectangle (cr, g->bar.x, g->bar.y, g->bar.width * (params->position + 1) / params->n_steps,
                       g->bar.height);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  slide_clear (&slide);
}

/* The smallest font among the slide's texts and its map's names, in the context's units. */
static double
smallest_text (const Slide          *slide,
               const MbaSlideParams *params,
               int                   height)
{
  PangoLayout *layouts[] = { slide->header, slide->title, slide->text, slide->source,
                             slide->footer, slide->progress };
  double smallest = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i] != NULL)
      smallest = MIN (smallest, pango_font_description_get_size (pango_layout_get_font_description (layouts[i])) /
                                (double) PANGO_SCALE);
  if ((params->event != NULL || params->title_slide) && params->map != NULL && slide->geometry.map.width > 0)
    smallest = MIN (smallest, MBA_MAP_LABEL_MIN_PX * map_zoom (height));
  return smallest < G_MAXDOUBLE ? smallest : 0;
}

/**
 * mba_slide_get_geometry:
 *
 * Where mba_slide_render() would put each part at @width × @height, and at what sizes.
 */
void
mba_slide_get_geometry (int                   width,
                        int                   height,
                        const MbaSlideParams *params,
                        MbaSlideGeometry     *geometry)
{
  Slide slide;

  g_return_if_fail (params != NULL && geometry != NULL);

  slide_build (&slide, width, height, params);
  *geometry = slide.geometry;
  geometry->min_text_size = smallest_text (&slide, params, height);
  slide_clear (&slide);
}
