/* mba-timeline-layout.c: where the timeline puts ticks, lanes, events and clusters: the object,
 * its text, its geometry and what is under the pointer
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-text.h"
#include "mba-timeline-layout-private.h"

#define LANE_PAD               2.0   /* pixels above and below a lane's rows */
#define EVENT_LAYOUT_CACHE_MAX 8192
#define TEXT_LAYOUT_CACHE_MAX  2048

G_DEFINE_FINAL_TYPE (MbaTimelineLayout, mba_timeline_layout, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MbaTimelineLaneMode, mba_timeline_lane_mode,
                    G_DEFINE_ENUM_VALUE (MBA_TIMELINE_LANE_MODE_KIND, "kind"),
                    G_DEFINE_ENUM_VALUE (MBA_TIMELINE_LANE_MODE_STATE, "state"))

/**
 * mba_timeline_event_is_range:
 *
 * Returns: whether the event is drawn as a bar: it has an end, or its date is an interval
 *   with both sides. A date known only to the month or year is a dot, not a bar.
 */
gboolean
mba_timeline_event_is_range (const MbaEvent *event)
{
  g_return_val_if_fail (event != NULL, FALSE);

  if (event->last_day <= event->first_day)
    return FALSE;
  if (mba_date_is_set (&event->end))
    return TRUE;
  return event->date.is_interval && event->date.start.precision && event->date.end.precision;
}

/* ------------------------------------------------------------------------------------------ */
/* Text                                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
mba_timeline_layout_clear_text (MbaTimelineLayout *self)
{
  g_hash_table_remove_all (self->event_layouts);
  g_hash_table_remove_all (self->text_layouts);
  self->text_height = 0;
  for (guint i = 0; i < self->lanes->len; i++)
    g_clear_object (&((Lane *) self->lanes->pdata[i])->label_layout);
}

PangoLayout *
_mba_timeline_layout_new_text_layout (MbaTimelineLayout *self,
                                      const char        *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
mba_timeline_layout_get_text_layout (MbaTimelineLayout *self,
                                     const char        *text)
{
  PangoLayout *layout;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);

  layout = g_hash_table_lookup (self->text_layouts, text);
  if (layout == NULL)
    {
      layout = _mba_timeline_layout_new_text_layout (self, text);
      g_hash_table_insert (self->text_layouts, g_strdup (text), layout);
    }
  return layout;
}

PangoLayout *
mba_timeline_layout_get_event_layout (MbaTimelineLayout *self,
                                      const MbaEvent    *event)
{
  PangoLayout *layout;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (event != NULL, NULL);

  layout = g_hash_table_lookup (self->event_layouts, GUINT_TO_POINTER (event->index + 1));
  if (layout == NULL)
    {
      layout = _mba_timeline_layout_new_text_layout (self, event->title);
      g_hash_table_insert (self->event_layouts, GUINT_TO_POINTER (event->index + 1), layout);
    }
  return layout;
}

double
_mba_timeline_text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
ensure_text_metrics (MbaTimelineLayout *self)
{
  PangoRectangle logical;
  PangoLayout *layout;

  if (self->text_height > 0)
    return;

  layout = mba_timeline_layout_get_text_layout (self, "Ag");
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  self->text_height = MAX (logical.height, 8);
  self->digit_width = _mba_timeline_text_width (mba_timeline_layout_get_text_layout (self, "0"));
  _mba_timeline_layout_measure_tick_labels (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Setters                                                                                    */
/* ------------------------------------------------------------------------------------------ */

MbaTimelineLayout *
mba_timeline_layout_new (void)
{
  return g_object_new (MBA_TYPE_TIMELINE_LAYOUT, NULL);
}

void
mba_timeline_layout_set_dataset (MbaTimelineLayout *self,
                                 MbaDataset        *dataset)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  mba_event_filter_set_dataset (self->own_filter, dataset);
  g_hash_table_remove_all (self->event_layouts);
  _mba_timeline_layout_invalidate_lanes (self);
}

MbaDataset *
mba_timeline_layout_get_dataset (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  return self->dataset;
}

void
mba_timeline_layout_set_lane_mode (MbaTimelineLayout   *self,
                                   MbaTimelineLaneMode  mode)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));

  if (self->lane_mode == mode)
    return;
  self->lane_mode = mode;
  _mba_timeline_layout_invalidate_lanes (self);
}

/**
 * mba_timeline_layout_set_font:
 * @font: (nullable): the font for labels; %NULL for the default sans-serif
 */
void
mba_timeline_layout_set_font (MbaTimelineLayout          *self,
                              const PangoFontDescription *font)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));

  if (font == NULL && self->font == NULL)
    return;
  if (font != NULL && self->font != NULL && pango_font_description_equal (font, self->font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  if (font != NULL)
    self->font = pango_font_description_copy (font);
  {
    g_autoptr(PangoFontDescription) fallback = pango_font_description_from_string ("Sans 10");

    pango_context_set_font_description (self->context, self->font ? self->font : fallback);
  }
  mba_timeline_layout_clear_text (self);
  self->frame_valid = FALSE;
}

PangoContext *
mba_timeline_layout_get_pango_context (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  return self->context;
}

/* ------------------------------------------------------------------------------------------ */
/* Update                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
layout_geometry (MbaTimelineLayout *self)
{
  MbaTimelineGeometry *g = &self->geometry;
  double label_width = 0, available, lane_h;
  guint n_lanes = self->lanes->len, rows;

  g->text_height = self->text_height;
  g->row_height = ceil (self->text_height + 6);
  g->axis = (MbaTimelineRect) { 0, 0, self->width, ceil (2 * self->text_height + 14) };

  /* Lane names are measured once; only a new column width lays them out again. */
  for (guint i = 0; i < n_lanes; i++)
    {
      Lane *lane = self->lanes->pdata[i];

      _mba_timeline_layout_ensure_lane_label (self, lane);
      label_width = MAX (label_width, lane->natural_width);
    }
  label_width += MBA_TIMELINE_LANE_LABEL_PAD + 12;
  if (self->lane_mode == MBA_TIMELINE_LANE_MODE_KIND)
    label_width += MBA_TIMELINE_LANE_SWATCH;
  label_width = n_lanes > 0 ? CLAMP (ceil (label_width), 60, MAX (60, MIN (220, self->width / 4.0))) : 0;
  self->lane_label_width = label_width;
  for (guint i = 0; i < n_lanes; i++)
    {
      Lane *lane = self->lanes->pdata[i];

      if (lane->layout_width != label_width)
        {
          lane->layout_width = label_width;
          pango_layout_set_width (lane->label_layout,
                                  (int) ((label_width - mba_timeline_layout_get_lane_text_x (self) - 6) * PANGO_SCALE));
          pango_layout_set_ellipsize (lane->label_layout, PANGO_ELLIPSIZE_END);
        }
    }

  g->lane_labels = (MbaTimelineRect) { 0, g->axis.height, label_width, MAX (self->height - g->axis.height, 0) };
  g->plot = (MbaTimelineRect) { label_width, g->axis.height,
                                MAX (self->width - label_width, 1), MAX (self->height - g->axis.height, 0) };
  g->pixels_per_day = g->plot.width / MAX (self->end - self->start, 1e-6);

  available = g->plot.height;
  lane_h = n_lanes > 0 ? available / n_lanes : available;
  rows = (guint) CLAMP (floor ((lane_h - 2 * LANE_PAD) / g->row_height), 1, MAX_ROWS);
  self->n_rows = rows;
  self->lane_height = rows * g->row_height + 2 * LANE_PAD;
  /* Few lanes stretch to fill the height, up to a row more than they use. */
  if (n_lanes > 0 && n_lanes * self->lane_height < available)
    self->lane_height = floor (MIN (available / n_lanes, self->lane_height + g->row_height));
  g->content_height = n_lanes * self->lane_height;
}

double
mba_timeline_layout_clamp_lane_offset (MbaTimelineLayout *self,
                                       double             lane_offset)
{
  double max_offset;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);

  max_offset = MAX (self->geometry.content_height - self->geometry.plot.height, 0);
  return CLAMP (lane_offset, 0, max_offset);
}

/**
 * mba_timeline_layout_update:
 * @start_day: the first visible day, as #MbaTimelineViewport gives it
 * @end_day: the end of the visible span
 * @width: the drawing's width in pixels
 * @height: its height
 * @lane_offset: how far the lanes are scrolled up, in pixels; clamped
 *
 * Lays out the view. The work done is about the visible events and lanes, not all events:
 * each lane is searched for the view's first day and dense stretches are skipped with binary
 * searches. Nothing is done when the inputs did not change since the last call.
 */
void
mba_timeline_layout_update (MbaTimelineLayout *self,
                            double             start_day,
                            double             end_day,
                            int                width,
                            int                height,
                            double             lane_offset)
{
  MbaTimelineGeometry *g = &self->geometry;

  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));

  _mba_timeline_layout_ensure_lanes (self);
  if (self->frame_valid && self->start == start_day && self->end == end_day &&
      self->width == width && self->height == height && self->lane_offset == lane_offset)
    return;

  /* Bounded caches: dropped between frames, never during one, so layouts handed out stay valid. */
  if (g_hash_table_size (self->event_layouts) > EVENT_LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (self->event_layouts);
  if (g_hash_table_size (self->text_layouts) > TEXT_LAYOUT_CACHE_MAX)
    {
      g_hash_table_remove_all (self->text_layouts);
      self->text_height = 0;
    }
  ensure_text_metrics (self);

  self->start = start_day;
  self->end = MAX (end_day, start_day + 1e-6);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->frame_valid = TRUE;

  /* Keep the requested offset too, so that a later resize can scroll back. */
  self->lane_offset = lane_offset;
  layout_geometry (self);
  self->scroll = mba_timeline_layout_clamp_lane_offset (self, lane_offset);
  _mba_timeline_layout_place_ticks (self);

  g_array_set_size (self->items, 0);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = self->lanes->pdata[i];
      MbaTimelineLane *public = &g_array_index (self->public_lanes, MbaTimelineLane, i);
      double y = g->plot.y + i * self->lane_height - self->scroll;

      public->y = y;
      public->height = self->lane_height;
      public->n_rows = self->n_rows;
      lane->first_item = self->items->len;
      lane->n_items = 0;
      if (y + self->lane_height <= g->plot.y || y >= g->plot.y + g->plot.height)
        continue;
      _mba_timeline_layout_pack_lane (self, lane, i, y, public->n_rows);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Results                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const MbaTimelineGeometry *
mba_timeline_layout_get_geometry (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  return &self->geometry;
}

const MbaTimelineItem *
mba_timeline_layout_get_items (MbaTimelineLayout *self,
                               guint             *n_items)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  *n_items = self->items->len;
  return (const MbaTimelineItem *) self->items->data;
}

static gboolean
rect_contains (const MbaTimelineRect *r,
               double                 x,
               double                 y,
               double                 slack)
{
  return r->width > 0 && x >= r->x - slack && x < r->x + r->width + slack &&
         y >= r->y - slack && y < r->y + r->height + slack;
}

/**
 * mba_timeline_layout_hit_test:
 *
 * Returns: (nullable): the event or cluster whose dot, bar, pill or label is at (@x, @y)
 */
const MbaTimelineItem *
mba_timeline_layout_hit_test (MbaTimelineLayout *self,
                              double             x,
                              double             y)
{
  const MbaTimelineGeometry *g;
  const MbaTimelineItem *best = NULL;
  double best_distance = G_MAXDOUBLE;
  Lane *lane;
  int index;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);

  g = &self->geometry;
  if (!self->frame_valid || self->lanes->len == 0 ||
      x < g->plot.x || x >= g->plot.x + g->plot.width ||
      y < g->plot.y || y >= g->plot.y + g->plot.height)
    return NULL;

  index = (int) floor ((y - g->plot.y + self->scroll) / self->lane_height);
  if (index < 0 || (guint) index >= self->lanes->len)
    return NULL;

  /* Items in a lane are few (bounded by its width); the nearest dot wins over a label. */
  lane = self->lanes->pdata[index];
  for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
    {
      const MbaTimelineItem *item = &g_array_index (self->items, MbaTimelineItem, i);
      double distance;

      if (rect_contains (&item->marker, x, y, 3))
        distance = fabs (x - CLAMP (x, item->marker.x, item->marker.x + item->marker.width));
      else if (rect_contains (&item->label, x, y, 1))
        distance = 4;
      else
        continue;
      if (distance < best_distance)
        {
          best = item;
          best_distance = distance;
        }
    }
  return best;
}

/**
 * mba_timeline_layout_find_event_item:
 *
 * Returns: (nullable): the item that shows @event (the event itself or the cluster it is in)
 *   in the first lane where it is laid out, or %NULL when it is not in view
 */
const MbaTimelineItem *
mba_timeline_layout_find_event_item (MbaTimelineLayout *self,
                                     const MbaEvent    *event)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);

  if (event == NULL || !self->frame_valid)
    return NULL;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = self->lanes->pdata[l];
      const MbaTimelineItem *items;
      guint lo = 0, hi = lane->n_items;
      int position;

      if (lane->n_items == 0)
        continue;
      if (self->lane_mode == MBA_TIMELINE_LANE_MODE_KIND && lane->kind != event->kind)
        continue;
      position = _mba_timeline_lane_find_position (lane, event);
      if (position < 0)
        continue;

      items = &g_array_index (self->items, MbaTimelineItem, lane->first_item);
      /* Items are in lane order: find the last one starting at or before the position. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (items[mid].lane_first <= (guint) position)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo > 0 && (guint) position < items[lo - 1].lane_first + items[lo - 1].count)
        return &items[lo - 1];
    }
  return NULL;
}

/**
 * mba_timeline_layout_item_contains:
 *
 * Returns: whether @item is @event or a cluster that holds it
 */
gboolean
mba_timeline_layout_item_contains (MbaTimelineLayout     *self,
                                   const MbaTimelineItem *item,
                                   const MbaEvent        *event)
{
  int position;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), FALSE);

  if (item == NULL || event == NULL)
    return FALSE;
  if (item->event == event)
    return TRUE;
  if (item->count == 1 || item->lane >= self->lanes->len)
    return FALSE;
  position = _mba_timeline_lane_find_position (self->lanes->pdata[item->lane], event);
  return position >= 0 && (guint) position >= item->lane_first &&
         (guint) position < item->lane_first + item->count;
}

double
mba_timeline_layout_day_to_x (MbaTimelineLayout *self,
                              double             day)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  return self->geometry.plot.x + (day - self->start) * self->geometry.pixels_per_day;
}

double
mba_timeline_layout_x_to_day (MbaTimelineLayout *self,
                              double             x)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  return self->start + (x - self->geometry.plot.x) / self->geometry.pixels_per_day;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_timeline_layout_finalize (GObject *object)
{
  MbaTimelineLayout *self = (MbaTimelineLayout *) object;

  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->own_filter);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->public_lanes, g_array_unref);
  g_clear_pointer (&self->event_layouts, g_hash_table_unref);
  g_clear_pointer (&self->text_layouts, g_hash_table_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->context_ticks, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (mba_timeline_layout_parent_class)->finalize (object);
}

static void
mba_timeline_layout_class_init (MbaTimelineLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mba_timeline_layout_finalize;
}

static void
mba_timeline_layout_init (MbaTimelineLayout *self)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");

  self->own_filter = mba_event_filter_new (NULL);
  self->filter = g_object_ref (self->own_filter);
  /* Metrics are not hinted, so widths measured here hold for any target: screen, PNG or PDF. */
  self->context = mba_text_new_context ();
  pango_context_set_font_description (self->context, font);

  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lanes = g_ptr_array_new_with_free_func (_mba_timeline_lane_free);
  self->public_lanes = g_array_new (FALSE, FALSE, sizeof (MbaTimelineLane));
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (MbaTimelineTick));
  self->context_ticks = g_array_new (FALSE, FALSE, sizeof (MbaTimelineTick));
  self->items = g_array_new (FALSE, FALSE, sizeof (MbaTimelineItem));
  self->slots = _mba_timeline_slots_new ();
  self->lanes_dirty = TRUE;
}
