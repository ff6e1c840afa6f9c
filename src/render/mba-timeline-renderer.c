/* mba-timeline-renderer.c: draws the timeline with Cairo, for the screen and for export
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "mba-timeline-renderer-private.h"

#define CURSOR_WIDTH 2.0

void
mba_timeline_scene_init (MbaTimelineScene *scene)
{
  g_return_if_fail (scene != NULL);

  *scene = (MbaTimelineScene) {
    .start_day = mba_day_from_ymd (1997, 1, 1),
    .end_day = mba_day_from_ymd (2027, 1, 1),
    .lane_mode = MBA_TIMELINE_LANE_MODE_KIND,
    .hover_x = -1,
    .hover_y = -1,
    .scale = 1,
  };
}

/**
 * mba_timeline_render_prepare:
 *
 * Hands the scene to @layout and lays out a @width × @height drawing; mba_timeline_render()
 * does this itself. Call it before hit-testing with the layout.
 */
void
mba_timeline_render_prepare (MbaTimelineLayout      *layout,
                             const MbaTimelineScene *scene,
                             int                     width,
                             int                     height)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (scene != NULL);

  mba_timeline_layout_set_dataset (layout, scene->dataset);
  mba_timeline_layout_set_lane_mode (layout, scene->lane_mode);
  mba_timeline_layout_set_hidden_kinds (layout, scene->hidden_kinds);
  mba_timeline_layout_set_state_filter (layout, scene->state_filter);
  mba_timeline_layout_set_search_text (layout, scene->search_text);
  mba_timeline_layout_set_font (layout, scene->font);
  mba_timeline_layout_update (layout, scene->start_day, scene->end_day, width, height,
                              scene->lane_offset);
}

char *
mba_timeline_format_cursor_day (gint32 day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  mba_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  /* xgettext:no-c-format */
  /* Translators: the date cursor's label on the timeline, strftime() format, e.g. "29 Jun 2025" */
  return dt ? g_date_time_format (dt, _("%-d %b %Y")) : g_strdup ("");
}

static double
cursor_x (MbaTimelineLayout *layout,
          gint32             day)
{
  /* On the day's middle, where that day's events are. */
  return round (mba_timeline_layout_day_to_x (layout, day + 0.5));
}

/**
 * mba_timeline_render_get_cursor_handle:
 * @handle: (out): the date label at the top of the cursor, which the user drags
 *
 * Returns: whether the cursor is in view
 */
gboolean
mba_timeline_render_get_cursor_handle (MbaTimelineLayout      *layout,
                                       const MbaTimelineScene *scene,
                                       MbaTimelineRect        *handle)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  g_autofree char *text = NULL;
  double x, width, height;
  int text_width;

  if (scene->cursor_day <= 0)
    return FALSE;
  x = cursor_x (layout, scene->cursor_day);
  if (x < g->plot.x || x > g->plot.x + g->plot.width)
    return FALSE;

  text = mba_timeline_format_cursor_day (scene->cursor_day);
  pango_layout_get_pixel_size (mba_timeline_layout_get_text_layout (layout, text), &text_width, NULL);
  width = text_width + 12;
  height = g->text_height + 4;
  handle->x = CLAMP (x - width / 2, g->plot.x, g->plot.x + g->plot.width - width);
  handle->y = 3;
  handle->width = width;
  handle->height = height;
  return TRUE;
}

/* A rounded rectangle's path, its corners' radius at most half the shorter side. */
void
_mba_timeline_rounded_rect (cairo_t *cr,
                            double   x,
                            double   y,
                            double   width,
                            double   height,
                            double   radius)
{
  radius = MAX (MIN (radius, MIN (width, height) / 2), 0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_color_alpha (cairo_t        *cr,
                 const MbaColor *color,
                 double          alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Else the next arc would start with a line from here. */
  cairo_new_path (cr);
}

static void
draw_selection_band (cairo_t                *cr,
                     MbaTimelineLayout      *layout,
                     const MbaTimelineItem  *item,
                     const MbaEvent         *event,
                     const MbaPalette       *palette)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  double x0 = mba_timeline_layout_day_to_x (layout, event->first_day);
  double x1 = mba_timeline_layout_day_to_x (layout, event->last_day + 1);

  /* Every day the event may have happened on, e.g. the whole month of "June 2025". */
  if (x1 - x0 < 3)
    return;
  set_color_alpha (cr, &palette->accent, 0.14);
  cairo_rectangle (cr, x0, item->y - g->row_height / 2, x1 - x0, g->row_height);
  cairo_fill (cr);
}

static void
draw_callout (cairo_t                *cr,
              MbaTimelineLayout      *layout,
              const MbaTimelineItem  *item,
              const MbaEvent         *event,
              const MbaPalette       *palette)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  g_autoptr(PangoLayout) text = pango_layout_copy (mba_timeline_layout_get_event_layout (layout, event));
  double plot_right = g->plot.x + g->plot.width;
  double after = item->marker.x + item->marker.width + 3;
  int tw, th;
  double x, y, w, h;

  /* In the item's own row, over what follows it there, so that it never covers another row;
   * after the marker when there is room, else moved left; cut with an ellipsis when the whole
   * title is wider than the plot. */
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (text, (int) MAX (g->plot.width - 16, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (text, &tw, &th);
  w = tw + 12;
  h = MIN (th + 4, g->row_height - 2);
  x = CLAMP (after, g->plot.x + 2, plot_right - w - 2);
  y = item->y - h / 2;

  _mba_timeline_rounded_rect (cr, x, y, w, h, 5);
  mba_palette_set_source (cr, &palette->surface);
  cairo_fill_preserve (cr);
  mba_palette_set_source (cr, &palette->accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  mba_palette_set_source (cr, &palette->foreground);
  show_text (cr, text, round (x + 6), round (item->y - th / 2.0));
}

static void
draw_lanes (cairo_t           *cr,
            MbaTimelineLayout *layout,
            const MbaPalette  *palette,
            int                width)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  guint n_lanes = mba_timeline_layout_get_n_lanes (layout);

  for (guint i = 0; i < n_lanes; i++)
    {
      const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, i);

      if (lane->y + lane->height <= g->plot.y || lane->y >= g->plot.y + g->plot.height)
        continue;
      if (i % 2 == 1)
        {
          mba_palette_set_source (cr, &palette->surface);
          cairo_rectangle (cr, 0, lane->y, width, lane->height);
          cairo_fill (cr);
        }
      mba_palette_set_source (cr, &palette->grid);
      cairo_rectangle (cr, 0, round (lane->y + lane->height) - 1, width, 1);
      cairo_fill (cr);
    }
}

static void
draw_lane_labels (cairo_t           *cr,
                  MbaTimelineLayout *layout,
                  const MbaPalette  *palette,
                  MbaTimelineLaneMode mode)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  guint n_lanes = mba_timeline_layout_get_n_lanes (layout);
  double text_x = mba_timeline_layout_get_lane_text_x (layout);

  cairo_save (cr);
  cairo_rectangle (cr, g->lane_labels.x, g->lane_labels.y, g->lane_labels.width, g->lane_labels.height);
  cairo_clip (cr);
  for (guint i = 0; i < n_lanes; i++)
    {
      const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, i);
      PangoLayout *text;
      double y;
      int th;

      if (lane->y + lane->height <= g->plot.y || lane->y >= g->plot.y + g->plot.height)
        continue;
      mba_palette_set_source (cr, i % 2 == 1 ? &palette->surface : &palette->background);
      cairo_rectangle (cr, 0, lane->y, g->lane_labels.width, lane->height - 1);
      cairo_fill (cr);

      text = mba_timeline_layout_get_lane_layout (layout, i);
      pango_layout_get_pixel_size (text, NULL, &th);
      /* On the first row, level with the first events. */
      y = round (lane->y + (lane->height - lane->n_rows * g->row_height) / 2 + (g->row_height - th) / 2);
      if (mode == MBA_TIMELINE_LANE_MODE_KIND)
        {
          _mba_timeline_rounded_rect (cr, MBA_TIMELINE_LANE_LABEL_PAD, y + th / 2.0 - 5, 10, 10, 2);
          mba_palette_set_source (cr, &palette->kind[lane->kind]);
          cairo_fill (cr);
        }
      mba_palette_set_source (cr, &palette->foreground);
      show_text (cr, text, text_x, y);
    }
  cairo_restore (cr);

  mba_palette_set_source (cr, &palette->grid);
  cairo_rectangle (cr, g->lane_labels.width - 1, g->plot.y, 1, g->plot.height);
  cairo_fill (cr);
}

static void
draw_axis (cairo_t                *cr,
           MbaTimelineLayout      *layout,
           const MbaPalette       *palette,
           const MbaTimelineScene *scene,
           int                     width)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  const MbaTimelineTick *ticks;
  MbaTimelineRect handle;
  gboolean has_handle;
  double base = g->axis.height - 1;
  double tick_label_y = g->axis.height - g->text_height - 7;
  guint n;

  mba_palette_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, g->axis.height);
  cairo_fill (cr);
  mba_palette_set_source (cr, &palette->grid);
  cairo_rectangle (cr, 0, base, width, 1);
  cairo_fill (cr);

  has_handle = mba_timeline_render_get_cursor_handle (layout, scene, &handle);

  cairo_save (cr);
  cairo_rectangle (cr, g->plot.x, 0, g->plot.width, g->axis.height);
  cairo_clip (cr);

  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      double x = round (ticks[i].x);

      mba_palette_set_source (cr, ticks[i].labelled ? &palette->muted : &palette->grid);
      cairo_rectangle (cr, x, base - (ticks[i].labelled ? 8 : 4), 1, ticks[i].labelled ? 8 : 4);
      cairo_fill (cr);
      if (ticks[i].labelled && ticks[i].label[0])
        {
          mba_palette_set_source (cr, &palette->muted);
          show_text (cr, mba_timeline_layout_get_text_layout (layout, ticks[i].label),
                     round (ticks[i].label_x), round (tick_label_y));
        }
    }

  ticks = mba_timeline_layout_get_context_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      double x = round (ticks[i].x);

      if (x >= g->plot.x)
        {
          mba_palette_set_source (cr, &palette->muted);
          cairo_rectangle (cr, x, 4, 1, base - 4);
          cairo_fill (cr);
        }
      /* The cursor's date label covers the context labels it meets. */
      if (has_handle && ticks[i].label_x < handle.x + handle.width + 4 &&
          ticks[i].label_x + ticks[i].label_width > handle.x - 4)
        continue;
      mba_palette_set_source (cr, &palette->foreground);
      show_text (cr, mba_timeline_layout_get_text_layout (layout, ticks[i].label),
                 round (ticks[i].label_x), 4);
    }
  cairo_restore (cr);
}

static void
draw_cursor_line (cairo_t                *cr,
                  MbaTimelineLayout      *layout,
                  const MbaPalette       *palette,
                  const MbaTimelineScene *scene)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  MbaTimelineRect handle;
  double x;

  if (!mba_timeline_render_get_cursor_handle (layout, scene, &handle))
    return;

  x = cursor_x (layout, scene->cursor_day);
  mba_palette_set_source (cr, &palette->cursor);
  cairo_rectangle (cr, x - CURSOR_WIDTH / 2, g->plot.y, CURSOR_WIDTH, g->plot.height);
  cairo_fill (cr);
}

static void
draw_cursor_handle (cairo_t                *cr,
                    MbaTimelineLayout      *layout,
                    const MbaPalette       *palette,
                    const MbaTimelineScene *scene)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  g_autofree char *text = NULL;
  MbaTimelineRect handle;
  double x;

  if (!mba_timeline_render_get_cursor_handle (layout, scene, &handle))
    return;

  x = cursor_x (layout, scene->cursor_day);
  text = mba_timeline_format_cursor_day (scene->cursor_day);
  mba_palette_set_source (cr, &palette->cursor);
  cairo_rectangle (cr, x - CURSOR_WIDTH / 2, handle.y, CURSOR_WIDTH, g->axis.height - handle.y);
  cairo_fill (cr);
  _mba_timeline_rounded_rect (cr, handle.x, handle.y, handle.width, handle.height, 4);
  cairo_fill (cr);
  /* Opaque even when an export's background is transparent: the label sits on the cursor. */
  cairo_set_source_rgb (cr, palette->background.r, palette->background.g, palette->background.b);
  show_text (cr, mba_timeline_layout_get_text_layout (layout, text),
             round (handle.x + 6), round (handle.y + 2));
}

/**
 * mba_timeline_render:
 * @cr: where to draw, with (0, 0) at the top left of the timeline
 * @layout: a layout, kept between calls as a cache of text and lanes
 * @width: the drawing's width in pixels (user units of @cr)
 * @height: its height
 * @palette: the colours, light or dark
 * @scene: what to draw
 *
 * Draws the whole timeline: lanes with their names, the axis, events and clusters, the
 * selection, the hovered item and the date cursor. The widget, the tests and the exports to
 * PNG, SVG or PDF all draw through here.
 */
void
mba_timeline_render (cairo_t                *cr,
                     MbaTimelineLayout      *layout,
                     int                     width,
                     int                     height,
                     const MbaPalette       *palette,
                     const MbaTimelineScene *scene)
{
  const MbaTimelineGeometry *g;
  const MbaTimelineItem *items;
  const MbaTimelineItem *hovered = NULL;
  const MbaTimelineItem *selected_item = NULL;
  const MbaEvent *selected = NULL;
  const MbaTimelineTick *ticks;
  guint n_items, n_ticks;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (palette != NULL);
  g_return_if_fail (scene != NULL);

  mba_timeline_render_prepare (layout, scene, width, height);
  g = mba_timeline_layout_get_geometry (layout);
  items = mba_timeline_layout_get_items (layout, &n_items);
  if (scene->dataset != NULL && scene->selected_id != NULL)
    selected = mba_dataset_find_event (scene->dataset, scene->selected_id);
  if (scene->hover_x >= 0 && scene->hover_y >= 0)
    hovered = mba_timeline_layout_hit_test (layout, scene->hover_x, scene->hover_y);

  cairo_save (cr);
  mba_palette_set_source (cr, &palette->background);
  cairo_paint (cr);

  draw_lanes (cr, layout, palette, width);

  cairo_save (cr);
  cairo_rectangle (cr, g->plot.x, g->plot.y, g->plot.width, g->plot.height);
  cairo_clip (cr);

  /* Grid lines at the labelled ticks, under everything else. */
  ticks = mba_timeline_layout_get_ticks (layout, &n_ticks);
  mba_palette_set_source (cr, &palette->grid);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].labelled)
      cairo_rectangle (cr, round (ticks[i].x), g->plot.y, 1, g->plot.height);
  cairo_fill (cr);

  if (selected != NULL)
    for (guint i = 0; i < n_items; i++)
      if (mba_timeline_layout_item_contains (layout, &items[i], selected))
        {
          draw_selection_band (cr, layout, &items[i], selected, palette);
          if (selected_item == NULL)
            selected_item = &items[i];
        }

  _mba_timeline_draw_items (cr, layout, items, n_items, palette, scene);

  if (hovered != NULL)
    _mba_timeline_draw_highlight (cr, hovered, &palette->foreground, 1.5);
  if (selected != NULL)
    for (guint i = 0; i < n_items; i++)
      if (mba_timeline_layout_item_contains (layout, &items[i], selected))
        _mba_timeline_draw_highlight (cr, &items[i], &palette->accent, 2.5);

  draw_cursor_line (cr, layout, palette, scene);

  /* The selected event's whole title, when its own label does not show it. */
  if (selected_item != NULL &&
      (selected_item->type == MBA_TIMELINE_ITEM_CLUSTER ||
       selected_item->label.width < selected_item->label_full_width - 0.5))
    draw_callout (cr, layout, selected_item, selected, palette);

  if (mba_timeline_layout_get_n_lanes (layout) == 0)
    {
      PangoLayout *text = mba_timeline_layout_get_text_layout (layout,
                                                               scene->dataset ? _("No events match")
                                                                              : _("No dataset"));
      int tw, th;

      pango_layout_get_pixel_size (text, &tw, &th);
      mba_palette_set_source (cr, &palette->muted);
      show_text (cr, text, round (g->plot.x + (g->plot.width - tw) / 2),
                 round (g->plot.y + (g->plot.height - th) / 2));
    }
  cairo_restore (cr);

  draw_axis (cr, layout, palette, scene, width);
  draw_lane_labels (cr, layout, palette, scene->lane_mode);
  /* The cursor's handle sits in the axis strip, above its ticks. */
  draw_cursor_handle (cr, layout, palette, scene);
  cairo_restore (cr);
}
