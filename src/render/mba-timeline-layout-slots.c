/* mba-timeline-layout-slots.c: a lane's events packed into rows: dots, bars, labels and clusters
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mba-timeline-layout-private.h"

/* Sizes in pixels. */
#define MARKER_RADIUS    5.0
#define LABEL_PAD        4.0    /* between a dot and its label */
#define ITEM_GAP         8.0    /* between two items in a row */
#define MIN_LABEL_WIDTH  44.0   /* shorter than this, a label says nothing: cluster instead */
#define MAX_LABEL_WIDTH  400.0
#define CLUSTER_PX       12.0   /* events closer than this are grouped */
#define DODGE_PX         16.0   /* same-day events are spread over their day when it is this wide */
#define TILE_BINS        8      /* a dense group fills a bin this many times wider (48 to 96 px) */
#define LABELLED_EVENT_PX (MIN_LABEL_WIDTH + 2 * MARKER_RADIUS + LABEL_PAD + ITEM_GAP)
#define PILL_PAD         7.0
#define MIN_CUT_LABEL_WIDTH 36.0 /* a label shortened at the view's edge keeps a few letters, or goes */
/* Events this far outside the view still take part, so labels and clusters at the edges do not
 * change while panning. */
#define MARGIN_PX        (MAX_LABEL_WIDTH + 2 * CLUSTER_PX)

typedef struct
{
  guint     first;      /* position in the lane */
  guint     count;
  double    x;          /* dot centre, or bar start */
  double    x_last;     /* last dot centre, or bar end */
  gboolean  range;
  gboolean  tile;       /* a dense group filling [left, right) */
  double    left;
  double    right;
} Slot;

/* First position in [lo, hi) whose day is @day or later. */
static guint
days_lower_bound (const gint32 *days,
                  guint         lo,
                  guint         hi,
                  gint32        day)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static double
day_centre_x (MbaTimelineLayout *self,
              gint32             day)
{
  return mba_timeline_layout_day_to_x (self, day + 0.5);
}

static gboolean
range_is_wide (MbaTimelineLayout *self,
               const MbaEvent    *event)
{
  return (event->last_day + 1 - event->first_day) * self->geometry.pixels_per_day >= CLUSTER_PX;
}

static double
pill_height (MbaTimelineLayout *self)
{
  return self->text_height + 2;
}

/* Estimated from the digits' width, so that no text is laid out for counts that end up merged. */
static double
pill_width (MbaTimelineLayout *self,
            guint              count)
{
  guint digits = 1;

  while (count >= 10)
    {
      count /= 10;
      digits++;
    }
  return MAX (digits * self->digit_width + 2 * PILL_PAD, pill_height (self));
}

static void
push_range_slot (MbaTimelineLayout *self,
                 const MbaEvent    *event,
                 guint              position)
{
  Slot slot = {
    .first = position,
    .count = 1,
    .x = mba_timeline_layout_day_to_x (self, event->first_day),
    .x_last = mba_timeline_layout_day_to_x (self, event->last_day + 1),
    .range = TRUE,
  };

  g_array_append_val (self->slots, slot);
}

static void
push_group_slot (MbaTimelineLayout *self,
                 const gint32      *days,
                 guint              first,
                 guint              end,
                 double             tile_left,
                 double             tile_right)
{
  Slot slot = {
    .first = first,
    .count = end - first,
    .x = day_centre_x (self, days[first]),
    .x_last = day_centre_x (self, days[end - 1]),
  };

  if (slot.count > 1 && tile_right > tile_left)
    {
      double plot_right = self->geometry.plot.x + self->geometry.plot.width;

      slot.tile = TRUE;
      slot.left = MAX (slot.x - pill_height (self) / 2, tile_left + ITEM_GAP / 2);
      slot.right = tile_right - ITEM_GAP / 2;
      /* The last tile of the data, its events all in view, ends at the plot's edge and moves its
       * pill left rather than run past the edge (rows are chosen after, so it overlaps nothing). */
      if (slot.x_last <= plot_right && slot.right > plot_right)
        {
          slot.right = plot_right;
          slot.left = MAX (MIN (slot.left, plot_right - pill_width (self, slot.count)),
                           self->geometry.plot.x);
        }
    }
  g_array_append_val (self->slots, slot);
}

/* Pushes the events of [first, end) as one slot, except wide bars, which stay on their own. */
static void
push_group (MbaTimelineLayout *self,
            Lane              *lane,
            guint              first,
            guint              end,
            double             tile_left,
            double             tile_right)
{
  const guint *ranges = (const guint *) lane->ranges->data;
  const gint32 *days = (const gint32 *) lane->days->data;

  for (guint r = _mba_timeline_uint_lower_bound (ranges, lane->ranges->len, first);
       r < lane->ranges->len && ranges[r] < end; r++)
    {
      const MbaEvent *event = _mba_timeline_layout_lane_event (self, lane, ranges[r]);

      if (!range_is_wide (self, event))
        continue;
      if (ranges[r] > first)
        push_group_slot (self, days, first, ranges[r], 0, 0);
      push_range_slot (self, event, ranges[r]);
      first = ranges[r] + 1;
      tile_left = tile_right = 0;
    }
  if (first < end)
    push_group_slot (self, days, first, end, tile_left, tile_right);
}

/* Phase 1: the lane's events near the view become slots: a dot, a bar, or a group of events
 * closer than CLUSTER_PX. Bins are powers of two of days, so groups stay put while panning and
 * nest while zooming. A group too big to be stacked in the lane's rows takes the rest of a
 * coarser bin, and such tiles sit side by side in one row instead of piling up. Each slot costs
 * a binary search, not a step per event, so a lane of 100,000 events is as quick as a sparse one. */
static void
make_slots (MbaTimelineLayout *self,
            Lane              *lane,
            guint              n_rows)
{
  const MbaTimelineGeometry *g = &self->geometry;
  const gint32 *days = (const gint32 *) lane->days->data;
  const guint *ranges = (const guint *) lane->ranges->data;
  double ppd = g->pixels_per_day;
  double from_day = mba_timeline_layout_x_to_day (self, g->plot.x - MARGIN_PX);
  double to_day = mba_timeline_layout_x_to_day (self, g->plot.x + g->plot.width + MARGIN_PX);
  guint n = lane->events->len;
  guint w0, w1, i;
  double bin_days;

  g_array_set_size (self->slots, 0);

  w0 = days_lower_bound (days, 0, n, (gint32) floor (from_day));
  w1 = days_lower_bound (days, w0, n, (gint32) ceil (to_day) + 1);

  /* Bars that start before the window and reach into it. */
  if (lane->ranges->len > 0 && w0 > 0)
    {
      gint32 earliest = (gint32) floor (from_day) - lane->max_range_days - 1;
      guint r = 0;

      while (r < lane->ranges->len && days[ranges[r]] < earliest)
        r++;
      for (; r < lane->ranges->len && ranges[r] < w0; r++)
        {
          const MbaEvent *event = _mba_timeline_layout_lane_event (self, lane, ranges[r]);

          if (event->last_day + 1 >= from_day)
            push_range_slot (self, event, ranges[r]);
        }
    }

  bin_days = CLUSTER_PX / ppd >= 1 ? exp2 (floor (log2 (CLUSTER_PX / ppd))) : 0;
  i = w0;
  while (i < w1)
    {
      guint j;

      if (bin_days >= 1)
        {
          double bin = floor (days[i] / bin_days);
          double tile_days = bin_days * TILE_BINS;
          double tile = floor (days[i] / tile_days);
          gint32 tile_start = (gint32) (tile * tile_days);
          gint32 tile_end = (gint32) ((tile + 1) * tile_days);

          j = days_lower_bound (days, i + 1, w1, (gint32) ((bin + 1) * bin_days));
          /* A tile is clustered whole when it holds more events than its rows could label, or
           * when one of its bins holds more than can be stacked. Counting the whole tile (two
           * binary searches) keeps the decision the same wherever the view starts. */
          if (j - i > n_rows ||
              ((i == w0 || days[i - 1] < tile_start) &&
               days_lower_bound (days, j, n, tile_end) - days_lower_bound (days, 0, i + 1, tile_start) >
               n_rows * MAX (1.0, tile_days * ppd / LABELLED_EVENT_PX)))
            {
              j = days_lower_bound (days, j, w1, tile_end);
              push_group (self, lane, i, j,
                          mba_timeline_layout_day_to_x (self, tile_start),
                          mba_timeline_layout_day_to_x (self, tile_end));
            }
          else
            push_group (self, lane, i, j, 0, 0);
        }
      else
        {
          guint n_same;

          j = days_lower_bound (days, i + 1, w1, days[i] + 1);
          n_same = j - i;
          if (n_same > 1 && ppd / n_same >= DODGE_PX)
            {
              /* Zoomed in far enough: spread the day's events over its width. */
              for (guint k = i; k < j; k++)
                {
                  const MbaEvent *event = _mba_timeline_layout_lane_event (self, lane, k);

                  if (mba_timeline_event_is_range (event) && range_is_wide (self, event))
                    push_range_slot (self, event, k);
                  else
                    {
                      Slot slot = { .first = k, .count = 1 };

                      slot.x = slot.x_last = mba_timeline_layout_day_to_x (self, days[i]) +
                                             (k - i + 0.5) * ppd / n_same;
                      g_array_append_val (self->slots, slot);
                    }
                }
            }
          else
            push_group (self, lane, i, j, 0, 0);
        }
      i = j;
    }
}

static double
slot_left (MbaTimelineLayout *self,
           const Slot        *slot)
{
  if (slot->range)
    return slot->x;
  if (slot->count > 1)
    return slot->tile ? slot->left : slot->x - pill_height (self) / 2;
  return slot->x - MARKER_RADIUS;
}

static double
cluster_right (MbaTimelineLayout *self,
               const Slot        *slot,
               double             left)
{
  /* A tile ends where its bin does, so the next tile fits in the same row. */
  if (slot->tile)
    return MAX (slot->right, left + pill_width (self, slot->count));
  return MAX (slot->x_last + pill_height (self) / 2, left + pill_width (self, slot->count));
}

/* Turns @item into a cluster of its events up to the end of @slot; returns its new right edge. */
static double
item_become_cluster (MbaTimelineLayout *self,
                     MbaTimelineItem   *item,
                     const Slot        *slot)
{
  double pill_h = pill_height (self);
  double left = item->marker.x;
  double x_last = slot->range ? slot->x : slot->x_last;
  Slot merged = { .count = slot->first + slot->count - item->lane_first };
  double right;

  item->type = MBA_TIMELINE_ITEM_CLUSTER;
  item->count = merged.count;
  item->is_range = FALSE;
  item->label_inside = FALSE;
  item->label.width = 0;
  item->label_full_width = 0;
  item->x_end = MAX (x_last, item->x);
  merged.x_last = item->x_end;
  merged.tile = slot->tile;
  merged.right = slot->right;
  right = MAX (cluster_right (self, &merged, left), item->marker.x + item->marker.width);
  if (item->marker.height < pill_h)
    right = MAX (right, item->x_end + pill_h / 2);
  item->marker.x = left;
  item->marker.width = right - left;
  item->marker.y = item->y - pill_h / 2;
  item->marker.height = pill_h;
  return right;
}

static double
row_centre (MbaTimelineLayout *self,
            double             lane_y,
            guint              row)
{
  /* The rows sit in the middle of a lane stretched to fill the view. */
  return lane_y + (self->lane_height - self->n_rows * self->geometry.row_height) / 2 +
         (row + 0.5) * self->geometry.row_height;
}

/* Places one event (a dot or a bar) in @row with a label that ends before @limit, and before
 * the plot's right edge when the event is in view (a label is never cut there: it flips left or
 * is shortened); returns FALSE, placing nothing, when the label would be too short to read. */
static gboolean
place_event (MbaTimelineLayout *self,
             Lane              *lane,
             guint              lane_index,
             const Slot        *s,
             guint              row,
             double             lane_y,
             double             limit,
             double            *rows_right,
             gboolean           may_flip)
{
  const MbaTimelineGeometry *g = &self->geometry;
  double plot_right = g->plot.x + g->plot.width;
  MbaTimelineItem item = { 0 };
  double full, label_x, label_w, right, left;
  gboolean inside = FALSE;

  item.type = MBA_TIMELINE_ITEM_EVENT;
  item.lane = lane_index;
  item.row = row;
  item.lane_first = s->first;
  item.count = 1;
  item.event = _mba_timeline_layout_lane_event (self, lane, s->first);
  item.y = row_centre (self, lane_y, row);
  item.is_range = s->range;
  item.x = s->x;
  item.x_end = s->x_last;
  if (s->x <= plot_right)
    limit = MIN (limit, plot_right);
  full = _mba_timeline_text_width (mba_timeline_layout_get_event_layout (self, item.event));
  left = slot_left (self, s);

  if (s->range)
    {
      double visible_left = MAX (s->x, g->plot.x) + 5;
      double visible_right = MIN (s->x_last, plot_right) - 5;
      double bar_h = pill_height (self);

      item.marker = (MbaTimelineRect) { s->x, item.y - bar_h / 2, s->x_last - s->x, bar_h };
      if (visible_right - visible_left >= MIN (full, MIN_LABEL_WIDTH))
        {
          inside = TRUE;
          label_x = visible_left;
          label_w = MIN (full, visible_right - visible_left);
        }
      else
        {
          label_x = s->x_last + LABEL_PAD;
          label_w = MIN (MIN (full, MAX_LABEL_WIDTH), limit - label_x);
        }
      right = MAX (s->x_last, label_x + label_w);
    }
  else
    {
      item.marker = (MbaTimelineRect) { s->x - MARKER_RADIUS, item.y - MARKER_RADIUS,
                                        2 * MARKER_RADIUS, 2 * MARKER_RADIUS };
      label_x = s->x + MARKER_RADIUS + LABEL_PAD;
      label_w = MIN (MIN (full, MAX_LABEL_WIDTH), limit - label_x);
      right = label_x + label_w;

      /* Near the right edge, a label that would be cut writes leftwards instead, if the row
       * is free there. */
      if (may_flip && label_x + MIN (full, MAX_LABEL_WIDTH) > plot_right && s->x < plot_right)
        {
          double flip_w = MIN (MIN (full, MAX_LABEL_WIDTH), s->x - MARKER_RADIUS - LABEL_PAD - g->plot.x);
          double flip_x = s->x - MARKER_RADIUS - LABEL_PAD - flip_w;

          if (flip_w > MIN (label_w, plot_right - label_x) && rows_right[row] + ITEM_GAP <= flip_x)
            {
              label_x = flip_x;
              label_w = flip_w;
              left = flip_x;
              right = s->x + MARKER_RADIUS;
            }
        }
    }

  /* The last resort (no flip) places the event even with a label too short to keep. */
  if (!inside && label_w < MIN (full, MIN_LABEL_WIDTH) && may_flip)
    return FALSE;
  if (rows_right[row] + ITEM_GAP > left)
    return FALSE;

  label_w = MAX (label_w, 0);
  item.label = (MbaTimelineRect) { label_x, item.y - self->text_height / 2, label_w, self->text_height };
  item.label_full_width = full;
  item.label_inside = inside;
  rows_right[row] = right;
  g_array_append_val (self->items, item);
  return TRUE;
}

/* Phase 2: each slot takes the first row that is free at its left edge. A label may run up to
 * the slot that will need its row again (the one n_rows further), and is shortened to that;
 * a label that would be too short makes its event join the next slot; a slot that finds no free
 * row joins the last item placed. A small group whose events fit in the free rows is stacked
 * instead of clustered. So labels never overlap, and dense stretches become clusters. */
static void
place_slots (MbaTimelineLayout *self,
             Lane              *lane,
             guint              lane_index,
             double             lane_y,
             guint              n_rows)
{
  const MbaTimelineGeometry *g = &self->geometry;
  const Slot *slots = (const Slot *) self->slots->data;
  guint n = self->slots->len;
  double pill_h = pill_height (self);
  double rows_right[MAX_ROWS];
  int last_placed = -1;
  Slot pending = { 0 };
  gboolean has_pending = FALSE;

  for (guint r = 0; r < n_rows; r++)
    rows_right[r] = -G_MAXDOUBLE;

  lane->first_item = self->items->len;
  for (guint k = 0; k < n; k++)
    {
      Slot s = slots[k];
      double left, limit;
      int row = -1;

      if (has_pending)
        {
          s.count = s.first + s.count - pending.first;
          s.first = pending.first;
          s.x_last = s.range ? s.x : s.x_last;
          s.x = pending.x;
          s.range = FALSE;
          has_pending = FALSE;
        }

      left = slot_left (self, &s);
      limit = k + n_rows < n ? slot_left (self, &slots[k + n_rows]) - ITEM_GAP : G_MAXDOUBLE;

      /* A group that fits in the free rows is stacked, each event with its label. */
      if (s.count > 1 && s.count <= n_rows && !s.tile)
        {
          guint free_rows[MAX_ROWS], n_free = 0;
          double x_first = day_centre_x (self, g_array_index (lane->days, gint32, s.first));

          for (guint r = 0; r < n_rows; r++)
            if (rows_right[r] + ITEM_GAP <= x_first - MARKER_RADIUS)
              free_rows[n_free++] = r;
          if (n_free >= s.count)
            {
              double saved[MAX_ROWS];
              guint placed = 0, first_item = self->items->len;
              double stack_limit = k + 1 + n_rows - s.count < n
                                   ? slot_left (self, &slots[k + 1 + n_rows - s.count]) - ITEM_GAP
                                   : G_MAXDOUBLE;

              memcpy (saved, rows_right, sizeof saved);
              for (; placed < s.count; placed++)
                {
                  Slot one = { .first = s.first + placed, .count = 1 };

                  one.x = one.x_last = day_centre_x (self, g_array_index (lane->days, gint32, one.first));
                  if (!place_event (self, lane, lane_index, &one, free_rows[placed], lane_y,
                                    stack_limit, rows_right, TRUE))
                    break;
                }
              if (placed == s.count)
                {
                  last_placed = self->items->len - 1;
                  continue;
                }
              g_array_set_size (self->items, first_item);
              memcpy (rows_right, saved, sizeof saved);
            }
        }

      for (guint r = 0; r < n_rows; r++)
        if (rows_right[r] + ITEM_GAP <= left)
          {
            row = r;
            break;
          }

      if (row < 0 && last_placed >= 0)
        {
          MbaTimelineItem *last = &g_array_index (self->items, MbaTimelineItem, last_placed);

          rows_right[last->row] = item_become_cluster (self, last, &s);
          continue;
        }
      row = MAX (row, 0);

      if (s.count > 1)
        {
          MbaTimelineItem item = { 0 };
          double right = cluster_right (self, &s, left);

          item.type = MBA_TIMELINE_ITEM_CLUSTER;
          item.lane = lane_index;
          item.row = row;
          item.lane_first = s.first;
          item.count = s.count;
          item.event = _mba_timeline_layout_lane_event (self, lane, s.first);
          item.y = row_centre (self, lane_y, row);
          item.x = s.x;
          item.x_end = s.x_last;
          item.marker = (MbaTimelineRect) { left, item.y - pill_h / 2, right - left, pill_h };
          rows_right[row] = right;
          g_array_append_val (self->items, item);
          last_placed = self->items->len - 1;
          continue;
        }

      if (!place_event (self, lane, lane_index, &s, row, lane_y, limit, rows_right, TRUE))
        {
          if (k + 1 < n)
            {
              /* Too crowded to say anything: gather it with the next slot. */
              pending = s;
              has_pending = TRUE;
              continue;
            }
          /* The last one: a short label rather than none (at the view's edge, maybe none). */
          place_event (self, lane, lane_index, &s, row, lane_y, G_MAXDOUBLE, rows_right, FALSE);
        }
      last_placed = self->items->len - 1;
    }

  /* Fill in extents and drop what lies wholly outside the view. */
  {
    guint out = lane->first_item;
    double plot_left = g->plot.x, plot_right = g->plot.x + g->plot.width;

    for (guint i = lane->first_item; i < self->items->len; i++)
      {
        MbaTimelineItem *item = &g_array_index (self->items, MbaTimelineItem, i);
        double item_left = MIN (item->marker.x, item->label.width > 0 ? item->label.x : G_MAXDOUBLE);
        double item_right = MAX (item->marker.x + item->marker.width,
                                 item->label.x + item->label.width);
        const MbaEvent *last_event = _mba_timeline_layout_lane_event (self, lane,
                                                                      item->lane_first + item->count - 1);

        /* A label whose event lies left of the view starts at its edge instead, shortened. */
        /* A label cut to a few pixels would show only its ellipsis. */
        if (!item->label_inside && item->label.width < MIN (item->label_full_width, MIN_CUT_LABEL_WIDTH))
          item->label.width = 0;
        if (item->label.width > 0 && !item->label_inside && item->label.x < plot_left)
          {
            double cut = plot_left - item->label.x;

            item->label.x = plot_left;
            item->label.width = item->label.width - cut >= MIN_CUT_LABEL_WIDTH ? item->label.width - cut : 0;
          }
        if (item->label.width > 0 && item->label.x + item->label.width > plot_right)
          {
            double kept = plot_right - item->label.x;

            item->label.width = kept >= MIN_CUT_LABEL_WIDTH ? kept : 0;
          }
        item->first_day = item->event->first_day;
        item->last_day = item->count == 1 ? item->event->last_day
                         : MAX (last_event->last_day, last_event->first_day);
        if (item_right < plot_left || item_left > plot_right)
          continue;
        if (out != i)
          g_array_index (self->items, MbaTimelineItem, out) = *item;
        out++;
      }
    g_array_set_size (self->items, out);
    lane->n_items = out - lane->first_item;
  }
}

GArray *
_mba_timeline_slots_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Slot));
}

/* Lays out the events of @lane, whose top is at @lane_y, in @n_rows rows. */
void
_mba_timeline_layout_pack_lane (MbaTimelineLayout *self,
                                Lane              *lane,
                                guint              lane_index,
                                double             lane_y,
                                guint              n_rows)
{
  make_slots (self, lane, n_rows);
  place_slots (self, lane, lane_index, lane_y, n_rows);
}
