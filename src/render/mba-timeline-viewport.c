/* mba-timeline-viewport.c: the span of days the timeline shows
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-date.h"
#include "mba-timeline-viewport.h"

/* Day numbers as doubles: day d covers [d, d + 1). The visible span is [start, end). Zoom and
 * pan only ever move these two numbers; pixels are the layout's business. */
struct _MbaTimelineViewport
{
  GObject  parent_instance;

  double   start;
  double   end;
  double   min_day;
  double   max_day;
};

G_DEFINE_FINAL_TYPE (MbaTimelineViewport, mba_timeline_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_MIN_DAY,
  PROP_MAX_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MbaTimelineViewport *
mba_timeline_viewport_new (void)
{
  return g_object_new (MBA_TYPE_TIMELINE_VIEWPORT, NULL);
}

double
mba_timeline_viewport_get_start (MbaTimelineViewport *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_VIEWPORT (self), 0);
  return self->start;
}

double
mba_timeline_viewport_get_end (MbaTimelineViewport *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_VIEWPORT (self), 0);
  return self->end;
}

double
mba_timeline_viewport_get_span (MbaTimelineViewport *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_VIEWPORT (self), 0);
  return self->end - self->start;
}

double
mba_timeline_viewport_get_min_day (MbaTimelineViewport *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_VIEWPORT (self), 0);
  return self->min_day;
}

double
mba_timeline_viewport_get_max_day (MbaTimelineViewport *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_VIEWPORT (self), 0);
  return self->max_day;
}

/**
 * mba_timeline_viewport_set_range:
 *
 * Shows [@start, @end). The span is clamped between one day and the limits' width, then the
 * range is moved back inside the limits, so a pan past the edge stops at the edge.
 */
void
mba_timeline_viewport_set_range (MbaTimelineViewport *self,
                                 double               start,
                                 double               end)
{
  double span, max_span, centre;
  gboolean start_changed, end_changed;

  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  if (!isfinite (start) || !isfinite (end))
    return;
  if (end < start)
    {
      double tmp = start;
      start = end;
      end = tmp;
    }

  max_span = self->max_day - self->min_day;
  span = CLAMP (end - start, MBA_TIMELINE_VIEWPORT_MIN_SPAN, max_span);
  centre = (start + end) / 2;
  start = centre - span / 2;
  if (start < self->min_day)
    start = self->min_day;
  if (start + span > self->max_day)
    start = self->max_day - span;
  end = start + span;

  start_changed = start != self->start;
  end_changed = end != self->end;
  if (!start_changed && !end_changed)
    return;

  self->start = start;
  self->end = end;
  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mba_timeline_viewport_set_limits:
 *
 * Sets how far the view may be panned or zoomed out, usually the dataset's first and last days
 * plus a margin. Limits narrower than the minimum span are widened around their middle.
 */
void
mba_timeline_viewport_set_limits (MbaTimelineViewport *self,
                                  double               min_day,
                                  double               max_day)
{
  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));
  g_return_if_fail (isfinite (min_day) && isfinite (max_day));

  if (max_day < min_day)
    {
      double tmp = min_day;
      min_day = max_day;
      max_day = tmp;
    }
  if (max_day - min_day < MBA_TIMELINE_VIEWPORT_MIN_SPAN)
    {
      double centre = (min_day + max_day) / 2;
      min_day = centre - MBA_TIMELINE_VIEWPORT_MIN_SPAN / 2;
      max_day = centre + MBA_TIMELINE_VIEWPORT_MIN_SPAN / 2;
    }
  if (min_day == self->min_day && max_day == self->max_day)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->min_day = min_day;
  self->max_day = max_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_DAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DAY]);
  mba_timeline_viewport_set_range (self, self->start, self->end);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mba_timeline_viewport_zoom_at:
 * @anchor_day: the day that stays where it is on screen (under the pointer)
 * @factor: above 1 zooms in (the span is divided by it), below 1 zooms out
 */
/**
 * mba_timeline_viewport_set_limits_for_dataset:
 * @dataset: (nullable): the events the timeline shows
 *
 * Limits the viewport to the dataset's events, with room at both ends so that the first and
 * last dots are not on the edge; 1997–2026 when there are none.
 */
void
mba_timeline_viewport_set_limits_for_dataset (MbaTimelineViewport *self,
                                              MbaDataset          *dataset)
{
  gint32 first, last = 0;
  guint n;
  double margin;

  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  if (dataset == NULL || (n = mba_dataset_get_n_events (dataset)) == 0)
    {
      mba_timeline_viewport_set_limits (self, mba_day_from_ymd (1997, 1, 1), mba_day_from_ymd (2027, 1, 1));
      return;
    }
  first = mba_dataset_get_event (dataset, 0)->first_day;
  for (guint i = 0; i < n; i++)
    last = MAX (last, mba_dataset_get_event (dataset, i)->last_day + 1);
  margin = MAX (30, (last - first) * 0.03);
  mba_timeline_viewport_set_limits (self, first - margin, last + margin);
}

void
mba_timeline_viewport_zoom_at (MbaTimelineViewport *self,
                               double               anchor_day,
                               double               factor)
{
  double span, new_span, max_span, fraction;

  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  if (!(factor > 0) || !isfinite (factor) || !isfinite (anchor_day))
    return;

  span = self->end - self->start;
  max_span = self->max_day - self->min_day;
  new_span = CLAMP (span / factor, MBA_TIMELINE_VIEWPORT_MIN_SPAN, max_span);
  /* Keep the anchor at the same fraction of the width, even when it lies outside the view. */
  fraction = (anchor_day - self->start) / span;
  mba_timeline_viewport_set_range (self,
                                   anchor_day - fraction * new_span,
                                   anchor_day - fraction * new_span + new_span);
}

void
mba_timeline_viewport_pan (MbaTimelineViewport *self,
                           double               delta_days)
{
  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  mba_timeline_viewport_set_range (self, self->start + delta_days, self->end + delta_days);
}

void
mba_timeline_viewport_fit (MbaTimelineViewport *self)
{
  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  mba_timeline_viewport_set_range (self, self->min_day, self->max_day);
}

/**
 * mba_timeline_viewport_show_range:
 * @first_day: the first day to show
 * @last_day: the last day to show (inclusive)
 * @margin: the fraction of the span to keep free at either side, e.g. 0.1
 *
 * Pans as little as possible so that the days are in view, without zooming. When they do not
 * fit, their start is shown.
 */
void
mba_timeline_viewport_show_range (MbaTimelineViewport *self,
                                  double               first_day,
                                  double               last_day,
                                  double               margin)
{
  double span, lo, hi, delta = 0;

  g_return_if_fail (MBA_IS_TIMELINE_VIEWPORT (self));

  span = self->end - self->start;
  margin = CLAMP (margin, 0, 0.45) * span;
  lo = self->start + margin;
  hi = self->end - margin;
  last_day += 1;
  if (last_day - first_day > hi - lo || first_day < lo)
    delta = first_day - lo;
  else if (last_day > hi)
    delta = last_day - hi;
  if (delta != 0)
    mba_timeline_viewport_pan (self, delta);
}

static void
mba_timeline_viewport_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MbaTimelineViewport *self = MBA_TIMELINE_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_double (value, self->start);
      break;
    case PROP_END:
      g_value_set_double (value, self->end);
      break;
    case PROP_MIN_DAY:
      g_value_set_double (value, self->min_day);
      break;
    case PROP_MAX_DAY:
      g_value_set_double (value, self->max_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_timeline_viewport_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MbaTimelineViewport *self = MBA_TIMELINE_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_START:
      mba_timeline_viewport_set_range (self, g_value_get_double (value),
                                       g_value_get_double (value) + (self->end - self->start));
      break;
    case PROP_END:
      mba_timeline_viewport_set_range (self, g_value_get_double (value) - (self->end - self->start),
                                       g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_timeline_viewport_class_init (MbaTimelineViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mba_timeline_viewport_get_property;
  object_class->set_property = mba_timeline_viewport_set_property;

  /* Setting start or end alone pans: the span is kept. */
  properties[PROP_START] =
    g_param_spec_double ("start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_double ("end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_DAY] =
    g_param_spec_double ("min-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_DAY] =
    g_param_spec_double ("max-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mba_timeline_viewport_init (MbaTimelineViewport *self)
{
  /* Until a dataset sets them: the whole story of the treaty, 1997 to 2026. */
  self->min_day = mba_day_from_ymd (1997, 1, 1);
  self->max_day = mba_day_from_ymd (2027, 1, 1);
  self->start = self->min_day;
  self->end = self->max_day;
}
