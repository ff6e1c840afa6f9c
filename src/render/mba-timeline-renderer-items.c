/* mba-timeline-renderer-items.c: the timeline's events and clusters: dots, rings, bars, pills, labels
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "mba-timeline-renderer-private.h"

/* Text batches: the glyphs of many labels, gathered per font and drawn with one
 * cairo_show_glyphs() each. Drawing hundreds of labels one layout at a time costs most of a
 * frame; a batch costs little more than one label. */
typedef struct
{
  PangoFont *font;
  GArray    *glyphs;   /* cairo_glyph_t */
} GlyphRun;

typedef struct
{
  GPtrArray *runs;
} TextBatch;

static void
glyph_run_free (gpointer data)
{
  GlyphRun *run = data;

  g_object_unref (run->font);
  g_array_unref (run->glyphs);
  g_free (run);
}

static void
text_batch_init (TextBatch *batch)
{
  batch->runs = g_ptr_array_new_with_free_func (glyph_run_free);
}

static GArray *
text_batch_glyphs (TextBatch *batch,
                   PangoFont *font)
{
  GlyphRun *run;

  for (guint i = 0; i < batch->runs->len; i++)
    {
      run = batch->runs->pdata[i];
      if (run->font == font)
        return run->glyphs;
    }
  run = g_new0 (GlyphRun, 1);
  run->font = g_object_ref (font);
  run->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  g_ptr_array_add (batch->runs, run);
  return run->glyphs;
}

/* Adds the first line of @layout at (@x, @y), keeping the glyphs that end before @max_width;
 * returns where the last kept glyph ends. */
static double
text_batch_add (TextBatch   *batch,
                PangoLayout *layout,
                double       x,
                double       y,
                double       max_width)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  double baseline = y + pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  int x_off = 0, max_off = (int) (max_width * PANGO_SCALE);

  if (line == NULL)
    return x;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      GArray *out = NULL;

      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *info = &glyphs->glyphs[i];
          cairo_glyph_t glyph;

          if (x_off + info->geometry.width > max_off)
            return x + x_off / (double) PANGO_SCALE;
          /* Missing glyphs would need pango's hex boxes; leave them out. */
          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              if (out == NULL)
                out = text_batch_glyphs (batch, run->item->analysis.font);
              glyph.index = info->glyph;
              glyph.x = x + (x_off + info->geometry.x_offset) / (double) PANGO_SCALE;
              glyph.y = baseline + info->geometry.y_offset / (double) PANGO_SCALE;
              g_array_append_val (out, glyph);
            }
          x_off += info->geometry.width;
        }
    }
  return x + x_off / (double) PANGO_SCALE;
}

static void
text_batch_draw (TextBatch *batch,
                 cairo_t   *cr)
{
  for (guint i = 0; i < batch->runs->len; i++)
    {
      GlyphRun *run = batch->runs->pdata[i];
      cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->font));

      if (font == NULL || run->glyphs->len == 0)
        continue;
      cairo_set_scaled_font (cr, font);
      cairo_show_glyphs (cr, (cairo_glyph_t *) run->glyphs->data, run->glyphs->len);
    }
  g_ptr_array_set_size (batch->runs, 0);
}

static void
text_batch_clear (TextBatch *batch)
{
  g_clear_pointer (&batch->runs, g_ptr_array_unref);
}

/* Adds @text cut to @width, ending with an ellipsis when it does not fit. The cut falls
 * between glyphs of the one layout, so no layout is made per width. */
static void
text_batch_add_label (TextBatch         *batch,
                      MbaTimelineLayout *layout,
                      PangoLayout       *text,
                      double             x,
                      double             y,
                      double             width,
                      double             full_width)
{
  PangoLayout *ellipsis;
  int ellipsis_width;
  double end;

  if (width >= full_width - 0.5)
    {
      text_batch_add (batch, text, x, y, G_MAXINT / PANGO_SCALE);
      return;
    }

  ellipsis = mba_timeline_layout_get_text_layout (layout, "…");
  pango_layout_get_pixel_size (ellipsis, &ellipsis_width, NULL);
  end = text_batch_add (batch, text, x, y, width - ellipsis_width);
  text_batch_add (batch, ellipsis, end, y, G_MAXINT / PANGO_SCALE);
}

/* Items are drawn by colour, each colour's shapes in one path and one fill: hundreds of small
 * fills and strokes cost far more than a few large fills. Outlines are rings filled with the
 * winding rule (the inner edge runs backwards), not strokes, for the same reason. */
#define COLOR_MUTED MBA_N_EVENT_KINDS

static guint
item_color_index (const MbaTimelineItem *item,
                  MbaTimelineLaneMode    mode)
{
  /* A cluster in a state's lane mixes kinds, so it takes no kind's colour. */
  if (item->type == MBA_TIMELINE_ITEM_CLUSTER && mode == MBA_TIMELINE_LANE_MODE_STATE)
    return COLOR_MUTED;
  return item->event->kind;
}

static const MbaColor *
color_for_index (const MbaPalette *palette,
                 guint             index)
{
  return index == COLOR_MUTED ? &palette->muted : &palette->kind[index];
}

static gboolean
event_is_imprecise (const MbaEvent *event)
{
  const MbaDatePoint *point = event->date.start.precision ? &event->date.start : &event->date.end;

  return point->precision != MBA_DATE_PRECISION_DAY || point->qualifiers != 0 ||
         (event->date.is_interval && !(event->date.start.precision && event->date.end.precision));
}

#define BAR_RADIUS 3.0

/* The solid parts: dots, rings, and bars and pills whole (their insides are painted over). */
static void
add_solid_shapes (cairo_t               *cr,
                  const MbaTimelineItem *item)
{
  const MbaTimelineRect *m = &item->marker;

  if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
    _mba_timeline_rounded_rect (cr, m->x, m->y, m->width, m->height, PILL_RADIUS);
  else if (item->is_range)
    _mba_timeline_rounded_rect (cr, m->x, m->y, MAX (m->width, 3), m->height, BAR_RADIUS);
  else if (event_is_imprecise (item->event))
    {
      /* A ring: the date is known only to the month or year, or is approximate. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->x, item->y, MARKER_RADIUS, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, item->x, item->y, MARKER_RADIUS - 2, 2 * G_PI, 0);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->x, item->y, MARKER_RADIUS, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
}

/* The insides of bars and pills, a pale tint of their colour. */
static gboolean
add_tint_shapes (cairo_t               *cr,
                 const MbaTimelineItem *item)
{
  const MbaTimelineRect *m = &item->marker;

  if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
    _mba_timeline_rounded_rect (cr, m->x + 1, m->y + 1, m->width - 2, m->height - 2, PILL_RADIUS - 1);
  else if (item->is_range)
    _mba_timeline_rounded_rect (cr, m->x + 1, m->y + 1, MAX (m->width, 3) - 2, m->height - 2, BAR_RADIUS - 1);
  else
    return FALSE;
  return TRUE;
}

/* Dots and rings drawn once into small masks and stamped: filling a circle costs cairo ten
 * times as much. Vector output (PDF, SVG) gets real circles. */
typedef struct
{
  double           scale;
  cairo_surface_t *dot;
  cairo_surface_t *ring;
} MarkerMasks;

static void
marker_masks_free (gpointer data)
{
  MarkerMasks *masks = data;

  cairo_surface_destroy (masks->dot);
  cairo_surface_destroy (masks->ring);
  g_free (masks);
}

static cairo_surface_t *
marker_mask_new (double   scale,
                 gboolean ring)
{
  int size = (int) ceil ((2 * MARKER_RADIUS + 2) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, size, size);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_arc (cr, MARKER_RADIUS + 1, MARKER_RADIUS + 1, MARKER_RADIUS, 0, 2 * G_PI);
  if (ring)
    {
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, MARKER_RADIUS + 1, MARKER_RADIUS + 1, MARKER_RADIUS - 2, 2 * G_PI, 0);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  return surface;
}

static MarkerMasks *
get_marker_masks (MbaTimelineLayout *layout,
                  double             scale)
{
  static GQuark quark;
  MarkerMasks *masks;

  if (quark == 0)
    quark = g_quark_from_static_string ("mba-timeline-marker-masks");
  if (!(scale > 0))
    scale = 1;

  masks = g_object_get_qdata (G_OBJECT (layout), quark);
  if (masks != NULL && masks->scale == scale)
    return masks;

  masks = g_new0 (MarkerMasks, 1);
  masks->scale = scale;
  masks->dot = marker_mask_new (scale, FALSE);
  masks->ring = marker_mask_new (scale, TRUE);
  g_object_set_qdata_full (G_OBJECT (layout), quark, masks, marker_masks_free);
  return masks;
}

static gboolean
use_marker_masks (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      return TRUE;
    }
}

static void
draw_marker_mask (cairo_t               *cr,
                  MarkerMasks           *masks,
                  const MbaTimelineItem *item)
{
  cairo_surface_t *mask = event_is_imprecise (item->event) ? masks->ring : masks->dot;
  /* On the device pixel grid, so the stamp stays sharp. */
  double x = round ((item->x - MARKER_RADIUS - 1) * masks->scale) / masks->scale;
  double y = round ((item->y - MARKER_RADIUS - 1) * masks->scale) / masks->scale;

  cairo_mask_surface (cr, mask, x, y);
}

static MbaColor
mix (const MbaColor *a,
     const MbaColor *b,
     double          t)
{
  return (MbaColor) { a->r + (b->r - a->r) * t, a->g + (b->g - a->g) * t, a->b + (b->b - a->b) * t, 1 };
}

void
_mba_timeline_draw_items (cairo_t                *cr,
                          MbaTimelineLayout      *layout,
                          const MbaTimelineItem  *items,
                          guint                   n_items,
                          const MbaPalette       *palette,
                          const MbaTimelineScene *scene)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  double tint = palette->theme == MBA_THEME_DARK ? 0.4 : 0.25;
  guint32 used = 0;
  TextBatch batch;
  MarkerMasks *masks = use_marker_masks (cr) ? get_marker_masks (layout, scene->scale) : NULL;

  for (guint i = 0; i < n_items; i++)
    used |= 1u << item_color_index (&items[i], scene->lane_mode);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint c = 0; c <= COLOR_MUTED; c++)
    {
      const MbaColor *color = color_for_index (palette, c);

      if (!(used & (1u << c)))
        continue;

      mba_palette_set_source (cr, color);
      for (guint i = 0; i < n_items; i++)
        if (item_color_index (&items[i], scene->lane_mode) == c)
          {
            if (masks != NULL && items[i].type == MBA_TIMELINE_ITEM_EVENT && !items[i].is_range)
              draw_marker_mask (cr, masks, &items[i]);
            else
              add_solid_shapes (cr, &items[i]);
          }
      cairo_fill (cr);

      /* Opaque tints, one for each lane stripe colour: quicker than blending. */
      for (guint parity = 0; parity < 2; parity++)
        {
          MbaColor inside = mix (parity ? &palette->surface : &palette->background, color, tint);
          gboolean any = FALSE;

          for (guint i = 0; i < n_items; i++)
            if (items[i].lane % 2 == parity && item_color_index (&items[i], scene->lane_mode) == c)
              any |= add_tint_shapes (cr, &items[i]);
          if (any)
            {
              mba_palette_set_source (cr, &inside);
              cairo_fill (cr);
            }
        }
    }

  text_batch_init (&batch);
  for (guint i = 0; i < n_items; i++)
    {
      const MbaTimelineItem *item = &items[i];

      if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
        {
          const MbaTimelineRect *m = &item->marker;
          char text[16];
          PangoLayout *count;
          int tw, th;
          double cx;

          g_snprintf (text, sizeof text, "%u", item->count);
          count = mba_timeline_layout_get_text_layout (layout, text);
          pango_layout_get_pixel_size (count, &tw, &th);
          /* The count stays readable when the pill runs off the view's edge. */
          cx = CLAMP (m->x + m->width / 2, g->plot.x + tw / 2.0 + 4,
                      g->plot.x + g->plot.width - tw / 2.0 - 4);
          cx = CLAMP (cx, m->x + tw / 2.0 + 4, m->x + m->width - tw / 2.0 - 4);
          text_batch_add (&batch, count, round (cx - tw / 2.0), round (item->y - th / 2.0),
                          G_MAXINT / PANGO_SCALE);
        }
      else if (item->label.width > 0)
        text_batch_add_label (&batch, layout, mba_timeline_layout_get_event_layout (layout, item->event),
                              round (item->label.x), round (item->label.y),
                              item->label.width, item->label_full_width);
    }
  mba_palette_set_source (cr, &palette->foreground);
  text_batch_draw (&batch, cr);
  text_batch_clear (&batch);
}

void
_mba_timeline_draw_highlight (cairo_t               *cr,
                              const MbaTimelineItem *item,
                              const MbaColor        *color,
                              double                 line_width)
{
  const MbaTimelineRect *m = &item->marker;

  mba_palette_set_source (cr, color);
  cairo_set_line_width (cr, line_width);
  if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
    _mba_timeline_rounded_rect (cr, m->x - 2, m->y - 2, m->width + 4, m->height + 4, PILL_RADIUS + 2);
  else if (item->is_range)
    _mba_timeline_rounded_rect (cr, m->x - 2.5, m->y - 2.5, MAX (m->width, 2) + 5, m->height + 5, 4);
  else
    cairo_arc (cr, item->x, item->y, MARKER_RADIUS + 3, 0, 2 * G_PI);
  cairo_stroke (cr);
}

