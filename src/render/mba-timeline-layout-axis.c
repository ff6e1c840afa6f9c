/* mba-timeline-layout-axis.c: the timeline's date axis: its unit, its ticks and their labels
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mba-timeline-layout-private.h"

static const double tick_unit_days[MBA_TIMELINE_N_TICK_UNITS] = {
  [MBA_TIMELINE_TICK_DAY] = 1,
  [MBA_TIMELINE_TICK_WEEK] = 7,
  [MBA_TIMELINE_TICK_MONTH] = 30.44,
  [MBA_TIMELINE_TICK_QUARTER] = 91.31,
  [MBA_TIMELINE_TICK_YEAR] = 365.25,
  [MBA_TIMELINE_TICK_DECADE] = 3652.5,
};

static char *
format_day (gint32      day,
            const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  mba_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return dt ? g_date_time_format (dt, format) : g_strdup ("");
}

static const char *
tick_format (MbaTimelineTickUnit unit)
{
  switch (unit)
    {
    case MBA_TIMELINE_TICK_DAY:
      /* xgettext:no-c-format */
      /* Translators: an axis label for one day, strftime() format, e.g. "Sun 29" */
      return _("%a %-d");
    case MBA_TIMELINE_TICK_WEEK:
      /* xgettext:no-c-format */
      /* Translators: an axis label for the week starting that day, strftime() format, e.g. "23 Jun" */
      return _("%-d %b");
    case MBA_TIMELINE_TICK_MONTH:
    case MBA_TIMELINE_TICK_QUARTER:
      /* xgettext:no-c-format */
      /* Translators: an axis label for a month, strftime() format, e.g. "Jun"; the year
       * is written above it; %Ob is the abbreviated month name on its own (nominative) */
      return _("%Ob");
    case MBA_TIMELINE_TICK_YEAR:
    case MBA_TIMELINE_TICK_DECADE:
    case MBA_TIMELINE_N_TICK_UNITS:
    default:
      return "%Y";
    }
}

static const char *
context_format (MbaTimelineTickUnit unit)
{
  switch (unit)
    {
    case MBA_TIMELINE_TICK_DAY:
    case MBA_TIMELINE_TICK_WEEK:
      /* xgettext:no-c-format */
      /* Translators: the month above day ticks on the axis, strftime() format, e.g. "June 2025";
       * %OB is the month name on its own (nominative) */
      return _("%OB %Y");
    case MBA_TIMELINE_TICK_MONTH:
    case MBA_TIMELINE_TICK_QUARTER:
      return "%Y";
    case MBA_TIMELINE_TICK_YEAR:
    case MBA_TIMELINE_TICK_DECADE:
    case MBA_TIMELINE_N_TICK_UNITS:
    default:
      return NULL;
    }
}

/* The widest label of each unit, which decides the finest unit whose labels fit. */
void
_mba_timeline_layout_measure_tick_labels (MbaTimelineLayout *self)
{
  /* A Wednesday in September, so that the sample labels are among the widest. */
  gint32 sample = mba_day_from_ymd (2025, 9, 24);

  for (guint unit = 0; unit < MBA_TIMELINE_N_TICK_UNITS; unit++)
    {
      g_autofree char *text = format_day (sample, tick_format (unit));

      PangoLayout *layout = mba_timeline_layout_get_text_layout (self, text);

      self->sample_tick_width[unit] = _mba_timeline_text_width (layout);
    }
}

/**
 * mba_timeline_choose_tick_unit:
 *
 * Returns: the finest unit whose ticks stay %MBA_TIMELINE_MIN_TICK_SPACING pixels apart.
 */
MbaTimelineTickUnit
mba_timeline_choose_tick_unit (double pixels_per_day)
{
  for (guint unit = 0; unit < MBA_TIMELINE_N_TICK_UNITS; unit++)
    if (tick_unit_days[unit] * pixels_per_day >= MBA_TIMELINE_MIN_TICK_SPACING)
      return unit;
  return MBA_TIMELINE_TICK_DECADE;
}

/* The start of the period of @unit that contains @day. */
static gint32
tick_floor (MbaTimelineTickUnit unit,
            gint32              day)
{
  int y, m;

  mba_day_to_ymd (day, &y, &m, NULL);
  switch (unit)
    {
    case MBA_TIMELINE_TICK_DAY:
      return day;
    case MBA_TIMELINE_TICK_WEEK:
      /* Day 1 (1 January of year 1) was a Monday; weeks start on Mondays. */
      return day - ((day - 1) % 7 + 7) % 7;
    case MBA_TIMELINE_TICK_MONTH:
      return mba_day_from_ymd (y, m, 1);
    case MBA_TIMELINE_TICK_QUARTER:
      return mba_day_from_ymd (y, m - (m - 1) % 3, 1);
    case MBA_TIMELINE_TICK_YEAR:
      return mba_day_from_ymd (y, 1, 1);
    case MBA_TIMELINE_TICK_DECADE:
    case MBA_TIMELINE_N_TICK_UNITS:
    default:
      return mba_day_from_ymd (MAX (y - y % 10, 1), 1, 1);
    }
}

static gint32
tick_next (MbaTimelineTickUnit unit,
           gint32              day)
{
  switch (unit)
    {
    case MBA_TIMELINE_TICK_DAY:
      return day + 1;
    case MBA_TIMELINE_TICK_WEEK:
      return day + 7;
    case MBA_TIMELINE_TICK_MONTH:
      return mba_day_add_months (day, 1);
    case MBA_TIMELINE_TICK_QUARTER:
      return mba_day_add_months (day, 3);
    case MBA_TIMELINE_TICK_YEAR:
      return mba_day_add_months (day, 12);
    case MBA_TIMELINE_TICK_DECADE:
    case MBA_TIMELINE_N_TICK_UNITS:
    default:
      return mba_day_add_months (day, 120);
    }
}

/* The unlabelled ticks between labelled ones, when they are not too dense. */
static int
minor_unit (MbaTimelineTickUnit unit,
            double              pixels_per_day)
{
  switch (unit)
    {
    case MBA_TIMELINE_TICK_DECADE:
      return MBA_TIMELINE_TICK_YEAR;
    case MBA_TIMELINE_TICK_YEAR:
      return tick_unit_days[MBA_TIMELINE_TICK_MONTH] * pixels_per_day >= 5
             ? MBA_TIMELINE_TICK_MONTH : MBA_TIMELINE_TICK_QUARTER;
    case MBA_TIMELINE_TICK_QUARTER:
      return MBA_TIMELINE_TICK_MONTH;
    case MBA_TIMELINE_TICK_MONTH:
      return pixels_per_day >= 5 ? MBA_TIMELINE_TICK_DAY : -1;
    case MBA_TIMELINE_TICK_WEEK:
      return MBA_TIMELINE_TICK_DAY;
    case MBA_TIMELINE_TICK_DAY:
    case MBA_TIMELINE_N_TICK_UNITS:
    default:
      return -1;
    }
}

static void
add_ticks (MbaTimelineLayout   *self,
           GArray              *ticks,
           MbaTimelineTickUnit  unit,
           gboolean             labelled,
           const char          *format)
{
  const MbaTimelineGeometry *g = &self->geometry;
  gint32 first = (gint32) floor (self->start);
  gint32 last = (gint32) ceil (self->end);

  if (first < 1)
    first = 1;
  for (gint32 day = tick_floor (unit, first); day <= last; day = tick_next (unit, day))
    {
      MbaTimelineTick tick = { .day = day, .labelled = labelled };

      tick.x = mba_timeline_layout_day_to_x (self, day);
      /* A tick on the right edge would have its label outside. */
      if (tick.x >= g->plot.x + g->plot.width)
        break;
      if (labelled)
        {
          g_autofree char *text = format_day (day, format);
          PangoLayout *layout;

          g_strlcpy (tick.label, text, sizeof tick.label);
          layout = mba_timeline_layout_get_text_layout (self, tick.label);
          tick.label_width = _mba_timeline_text_width (layout);
          tick.label_x = tick.x + 4;
        }
      /* A period that starts left of the view keeps its label in view while it can. */
      if (tick.x < g->plot.x)
        {
          if (ticks != self->context_ticks)
            continue;
          tick.label_x = g->plot.x + 4;
        }
      g_array_append_val (ticks, tick);
    }
}

void
_mba_timeline_layout_place_ticks (MbaTimelineLayout *self)
{
  double ppd = self->geometry.pixels_per_day;
  MbaTimelineTickUnit unit = MBA_TIMELINE_TICK_DECADE;
  const char *context;
  int minor;

  g_array_set_size (self->ticks, 0);
  g_array_set_size (self->context_ticks, 0);

  /* The finest unit whose ticks are both far enough apart and wider than their labels,
   * which differ between languages. */
  for (guint u = mba_timeline_choose_tick_unit (ppd); u < MBA_TIMELINE_N_TICK_UNITS; u++)
    if (tick_unit_days[u] * ppd >= self->sample_tick_width[u] + 12 || u == MBA_TIMELINE_TICK_DECADE)
      {
        unit = u;
        break;
      }
  self->tick_unit = unit;

  minor = minor_unit (unit, ppd);
  if (minor >= 0)
    add_ticks (self, self->ticks, minor, FALSE, NULL);
  add_ticks (self, self->ticks, unit, TRUE, tick_format (unit));

  context = context_format (unit);
  if (context != NULL)
    {
      MbaTimelineTickUnit context_unit = unit <= MBA_TIMELINE_TICK_WEEK
                                         ? MBA_TIMELINE_TICK_MONTH : MBA_TIMELINE_TICK_YEAR;

      add_ticks (self, self->context_ticks, context_unit, TRUE, context);
      /* A sticky label gives way to the next one. */
      for (guint i = 0; i + 1 < self->context_ticks->len; i++)
        {
          MbaTimelineTick *tick = &g_array_index (self->context_ticks, MbaTimelineTick, i);
          MbaTimelineTick *next = &g_array_index (self->context_ticks, MbaTimelineTick, i + 1);

          tick->label_x = MIN (tick->label_x, next->label_x - tick->label_width - 12);
        }
    }
}

MbaTimelineTickUnit
mba_timeline_layout_get_tick_unit (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), MBA_TIMELINE_TICK_DECADE);
  return self->tick_unit;
}

const MbaTimelineTick *
mba_timeline_layout_get_ticks (MbaTimelineLayout *self,
                               guint             *n_ticks)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  *n_ticks = self->ticks->len;
  return (const MbaTimelineTick *) self->ticks->data;
}

const MbaTimelineTick *
mba_timeline_layout_get_context_ticks (MbaTimelineLayout *self,
                                       guint             *n_ticks)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  *n_ticks = self->context_ticks->len;
  return (const MbaTimelineTick *) self->context_ticks->data;
}

