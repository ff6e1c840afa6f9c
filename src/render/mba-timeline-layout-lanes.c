/* mba-timeline-layout-lanes.c: the events that pass the timeline's filters, and its lanes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-timeline-layout-private.h"

void
_mba_timeline_lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->label);
  g_clear_object (&lane->label_layout);
  g_array_unref (lane->events);
  g_array_unref (lane->days);
  g_array_unref (lane->ranges);
  g_free (lane);
}

static Lane *
lane_new (const char *label)
{
  Lane *lane = g_new0 (Lane, 1);

  lane->label = g_strdup (label);
  lane->events = g_array_new (FALSE, FALSE, sizeof (guint));
  lane->days = g_array_new (FALSE, FALSE, sizeof (gint32));
  lane->ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  return lane;
}

/* The first position in sorted @values whose value is @value or more. */
guint
_mba_timeline_uint_lower_bound (const guint *values,
                                guint        n,
                                guint        value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
lane_append (Lane           *lane,
             const MbaEvent *event)
{
  guint position = lane->events->len;

  g_array_append_val (lane->events, event->index);
  g_array_append_val (lane->days, event->first_day);
  if (mba_timeline_event_is_range (event))
    {
      g_array_append_val (lane->ranges, position);
      lane->max_range_days = MAX (lane->max_range_days, event->last_day - event->first_day + 1);
    }
}

static int
compare_state_lanes (gconstpointer a,
                     gconstpointer b)
{
  const Lane *la = *(Lane * const *) a;
  const Lane *lb = *(Lane * const *) b;

  /* The lane of events without a state comes first. */
  if ((la->state == NULL) != (lb->state == NULL))
    return la->state == NULL ? -1 : 1;
  return g_utf8_collate (la->label, lb->label);
}

static void
rebuild_lanes (MbaTimelineLayout *self)
{
  guint n_events;

  g_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->lanes, 0);
  g_array_set_size (self->public_lanes, 0);
  /* Items point into lanes by index: none survive a rebuild. */
  g_array_set_size (self->items, 0);
  self->lanes_dirty = FALSE;
  self->frame_valid = FALSE;

  if (self->dataset == NULL)
    return;

  n_events = mba_dataset_get_n_events (self->dataset);
  for (guint i = 0; i < n_events; i++)
    if (mba_event_filter_matches (self->filter, mba_dataset_get_event (self->dataset, i)))
      g_array_append_val (self->shown, i);

  if (self->lane_mode == MBA_TIMELINE_LANE_MODE_KIND)
    {
      Lane *by_kind[MBA_N_EVENT_KINDS] = { NULL };

      for (guint i = 0; i < self->shown->len; i++)
        {
          const MbaEvent *event = mba_dataset_get_event (self->dataset,
                                                         g_array_index (self->shown, guint, i));

          if (by_kind[event->kind] == NULL)
            {
              by_kind[event->kind] = lane_new (mba_event_kind_get_label (event->kind));
              by_kind[event->kind]->kind = event->kind;
            }
          lane_append (by_kind[event->kind], event);
        }
      for (guint k = 0; k < MBA_N_EVENT_KINDS; k++)
        if (by_kind[k] != NULL)
          g_ptr_array_add (self->lanes, by_kind[k]);
    }
  else
    {
      guint n_states = mba_dataset_get_n_states (self->dataset);
      g_autofree Lane **by_state = g_new0 (Lane *, n_states);
      Lane *no_state = NULL;

      for (guint i = 0; i < self->shown->len; i++)
        {
          const MbaEvent *event = mba_dataset_get_event (self->dataset,
                                                         g_array_index (self->shown, guint, i));

          if (event->n_states == 0)
            {
              if (no_state == NULL)
                /* Translators: the timeline lane of events that concern no single state */
                no_state = lane_new (_("All states"));
              lane_append (no_state, event);
            }
          for (guint j = 0; j < event->n_states; j++)
            {
              const MbaState *state = event->states[j];
              const char *state_filter = mba_event_filter_get_state_code (self->filter);

              /* With a state filter only that state's lane is shown. */
              if (state_filter != NULL && g_strcmp0 (state->code, state_filter) != 0)
                continue;
              if (by_state[state->index] == NULL)
                {
                  by_state[state->index] = lane_new (state->name);
                  by_state[state->index]->state = state;
                }
              lane_append (by_state[state->index], event);
            }
        }
      if (no_state != NULL)
        g_ptr_array_add (self->lanes, no_state);
      for (guint s = 0; s < n_states; s++)
        if (by_state[s] != NULL)
          g_ptr_array_add (self->lanes, by_state[s]);
      g_ptr_array_sort (self->lanes, compare_state_lanes);
    }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = self->lanes->pdata[i];
      MbaTimelineLane public = {
        .index = i,
        .label = lane->label,
        .kind = lane->kind,
        .state = lane->state,
        .n_events = lane->events->len,
      };

      g_array_append_val (self->public_lanes, public);
    }
}

void
_mba_timeline_layout_ensure_lanes (MbaTimelineLayout *self)
{
  if (self->lanes_dirty)
    rebuild_lanes (self);
}

void
_mba_timeline_layout_invalidate_lanes (MbaTimelineLayout *self)
{
  self->lanes_dirty = TRUE;
  self->frame_valid = FALSE;
}

/* Lane names are measured once; only a new column width lays them out again. */
void
_mba_timeline_layout_ensure_lane_label (MbaTimelineLayout *self,
                                        Lane              *lane)
{
  if (lane->label_layout != NULL)
    return;
  lane->label_layout = _mba_timeline_layout_new_text_layout (self, lane->label);
  lane->natural_width = _mba_timeline_text_width (lane->label_layout);
  lane->layout_width = -1;
}

const MbaEvent *
_mba_timeline_layout_lane_event (MbaTimelineLayout *self,
                                 Lane              *lane,
                                 guint              position)
{
  return mba_dataset_get_event (self->dataset, g_array_index (lane->events, guint, position));
}

int
_mba_timeline_lane_find_position (Lane           *lane,
                                  const MbaEvent *event)
{
  guint p = _mba_timeline_uint_lower_bound ((const guint *) lane->events->data, lane->events->len,
                                            event->index);

  if (p < lane->events->len && g_array_index (lane->events, guint, p) == event->index)
    return p;
  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Filters                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_timeline_layout_set_filter:
 * @filter: (nullable): a filter shared with its owner (the window's session), or %NULL for the
 *   layout's own
 *
 * Lays out the events that pass @filter, which the layout only reads: its owner changes it, for
 * its dataset, and then calls mba_timeline_layout_filter_changed(). While a shared filter is
 * in use, the layout's own setters below change only its own filter, which waits unused.
 */
void
mba_timeline_layout_set_filter (MbaTimelineLayout *self,
                                MbaEventFilter    *filter)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (filter == NULL || MBA_IS_EVENT_FILTER (filter));

  if (filter == NULL)
    filter = self->own_filter;
  if (g_set_object (&self->filter, filter))
    _mba_timeline_layout_invalidate_lanes (self);
}

MbaEventFilter *
mba_timeline_layout_get_filter (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  return self->filter;
}

/**
 * mba_timeline_layout_filter_changed:
 *
 * The shared filter changed: the lanes are made again on the next query.
 */
void
mba_timeline_layout_filter_changed (MbaTimelineLayout *self)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  _mba_timeline_layout_invalidate_lanes (self);
}

/* The layout's own filter changed: it matters only when it is the one in use. */
static void
own_filter_changed (MbaTimelineLayout *self,
                    gboolean           changed)
{
  if (changed && self->filter == self->own_filter)
    _mba_timeline_layout_invalidate_lanes (self);
}

/**
 * mba_timeline_layout_set_hidden_kinds:
 * @mask: bit (1 << kind) set for every #MbaEventKind to hide
 */
void
mba_timeline_layout_set_hidden_kinds (MbaTimelineLayout *self,
                                      guint              mask)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  own_filter_changed (self, mba_event_filter_set_hidden_kinds (self->own_filter, mask));
}

/**
 * mba_timeline_layout_set_state_filter:
 * @code: (nullable): a state's ISO code; only its events are shown
 */
void
mba_timeline_layout_set_state_filter (MbaTimelineLayout *self,
                                      const char        *code)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  own_filter_changed (self, mba_event_filter_set_state_code (self->own_filter, code));
}

/**
 * mba_timeline_layout_set_search_text:
 * @text: (nullable): words that must all appear in an event's title, summary, quotes or states
 *   (code, dataset name or name in the user's language),
 *   ignoring case
 */
void
mba_timeline_layout_set_search_text (MbaTimelineLayout *self,
                                     const char        *text)
{
  g_return_if_fail (MBA_IS_TIMELINE_LAYOUT (self));
  own_filter_changed (self, mba_event_filter_set_search_text (self->own_filter, text));
}

/* ------------------------------------------------------------------------------------------ */
/* Lanes                                                                                      */
/* ------------------------------------------------------------------------------------------ */

guint
mba_timeline_layout_get_n_lanes (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  _mba_timeline_layout_ensure_lanes (self);
  return self->lanes->len;
}

const MbaTimelineLane *
mba_timeline_layout_get_lane (MbaTimelineLayout *self,
                              guint              index)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  _mba_timeline_layout_ensure_lanes (self);
  g_return_val_if_fail (index < self->public_lanes->len, NULL);
  return &g_array_index (self->public_lanes, MbaTimelineLane, index);
}

PangoLayout *
mba_timeline_layout_get_lane_layout (MbaTimelineLayout *self,
                                     guint              index)
{
  Lane *lane;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);

  lane = self->lanes->pdata[index];
  _mba_timeline_layout_ensure_lane_label (self, lane);
  return lane->label_layout;
}

const MbaEvent *
mba_timeline_layout_get_lane_event (MbaTimelineLayout *self,
                                    guint              lane,
                                    guint              position)
{
  Lane *l;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  l = self->lanes->pdata[lane];
  g_return_val_if_fail (position < l->events->len, NULL);
  return _mba_timeline_layout_lane_event (self, l, position);
}

/**
 * mba_timeline_layout_get_lane_top:
 *
 * Returns: the top of the first lane that holds @event, from the top of all lanes (not scrolled),
 *   or -1 when no lane does
 */
double
mba_timeline_layout_get_lane_top (MbaTimelineLayout *self,
                                  const MbaEvent    *event)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), -1);

  _mba_timeline_layout_ensure_lanes (self);
  if (event == NULL)
    return -1;
  for (guint l = 0; l < self->lanes->len; l++)
    if (_mba_timeline_lane_find_position (self->lanes->pdata[l], event) >= 0)
      return l * self->lane_height;
  return -1;
}

/* Where lane names start in their column, after the kind's colour swatch. */
double
mba_timeline_layout_get_lane_text_x (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);

  if (self->lane_mode == MBA_TIMELINE_LANE_MODE_KIND)
    return MBA_TIMELINE_LANE_LABEL_PAD + MBA_TIMELINE_LANE_SWATCH;
  return MBA_TIMELINE_LANE_LABEL_PAD;
}

/* ------------------------------------------------------------------------------------------ */
/* The events that pass the filters                                                           */
/* ------------------------------------------------------------------------------------------ */

gboolean
mba_timeline_layout_event_is_shown (MbaTimelineLayout *self,
                                    const MbaEvent    *event)
{
  guint p;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), FALSE);

  _mba_timeline_layout_ensure_lanes (self);
  if (event == NULL)
    return FALSE;
  p = _mba_timeline_uint_lower_bound ((const guint *) self->shown->data, self->shown->len, event->index);
  return p < self->shown->len && g_array_index (self->shown, guint, p) == event->index;
}

guint
mba_timeline_layout_get_n_shown (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  _mba_timeline_layout_ensure_lanes (self);
  return self->shown->len;
}

const MbaEvent *
mba_timeline_layout_get_shown (MbaTimelineLayout *self,
                               guint              position)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  _mba_timeline_layout_ensure_lanes (self);
  g_return_val_if_fail (position < self->shown->len, NULL);
  return mba_dataset_get_event (self->dataset, g_array_index (self->shown, guint, position));
}

/**
 * mba_timeline_layout_find_shown:
 *
 * Returns: the position of the first event passing the filters whose first day is @day or
 *   later, or the number of such events when there is none
 */
guint
mba_timeline_layout_find_shown (MbaTimelineLayout *self,
                                gint32             day)
{
  guint lo = 0, hi;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);

  _mba_timeline_layout_ensure_lanes (self);
  hi = self->shown->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mba_timeline_layout_get_shown (self, mid)->first_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * mba_timeline_layout_step:
 * @from: (nullable): the current event, which need not pass the filters
 * @direction: 1 for the next event, -1 for the previous one
 *
 * Returns: (nullable): the next or previous event in date order that passes the filters; with
 *   no @from, the first or the last one
 */
const MbaEvent *
mba_timeline_layout_step (MbaTimelineLayout *self,
                          const MbaEvent    *from,
                          int                direction)
{
  guint n, p;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);

  _mba_timeline_layout_ensure_lanes (self);
  n = self->shown->len;
  if (n == 0)
    return NULL;
  if (from == NULL)
    return mba_timeline_layout_get_shown (self, direction > 0 ? 0 : n - 1);

  p = _mba_timeline_uint_lower_bound ((const guint *) self->shown->data, n, from->index);
  if (direction > 0)
    {
      if (p < n && g_array_index (self->shown, guint, p) == from->index)
        p++;
      return p < n ? mba_timeline_layout_get_shown (self, p) : NULL;
    }
  return p > 0 ? mba_timeline_layout_get_shown (self, p - 1) : NULL;
}
