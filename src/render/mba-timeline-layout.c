/* mba-timeline-layout.c: where the timeline puts ticks, lanes, events and clusters
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mba-event-filter.h"
#include "mba-text.h"
#include "mba-timeline-layout.h"

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
#define LANE_PAD         2.0
#define MAX_ROWS         4
#define EVENT_LAYOUT_CACHE_MAX 8192
#define TEXT_LAYOUT_CACHE_MAX  2048
/* Events this far outside the view still take part, so labels and clusters at the edges do not
 * change while panning. */
#define MARGIN_PX        (MAX_LABEL_WIDTH + 2 * CLUSTER_PX)

typedef struct
{
  char            *label;
  PangoLayout     *label_layout;
  double           natural_width;
  double           layout_width;
  MbaEventKind     kind;
  const MbaState  *state;
  GArray          *events;     /* guint dataset indices, in date order */
  GArray          *days;       /* gint32 first days, parallel to events */
  GArray          *ranges;     /* guint positions in events of the events drawn as bars */
  gint32           max_range_days;
  guint            first_item;
  guint            n_items;
} Lane;

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

struct _MbaTimelineLayout
{
  GObject               parent_instance;

  /* Inputs */
  MbaDataset           *dataset;
  MbaTimelineLaneMode   lane_mode;
  MbaEventFilter       *filter;         /* hidden kinds, state filter, search */
  PangoFontDescription *font;
  PangoContext         *context;

  /* Derived from the dataset and the filters */
  gboolean              lanes_dirty;
  GArray               *shown;          /* guint dataset indices */
  GPtrArray            *lanes;          /* Lane */
  GArray               *public_lanes;   /* MbaTimelineLane */
  double                lane_label_width;

  /* Text */
  GHashTable           *event_layouts;  /* index + 1 → PangoLayout */
  GHashTable           *text_layouts;   /* string → PangoLayout */
  double                text_height;
  double                digit_width;
  double                sample_tick_width[MBA_TIMELINE_N_TICK_UNITS];

  /* The last update */
  gboolean              frame_valid;
  double                start;
  double                end;
  int                   width;
  int                   height;
  double                lane_offset;   /* as asked */
  double                scroll;        /* as clamped */
  double                lane_height;
  guint                 n_rows;
  MbaTimelineGeometry   geometry;
  MbaTimelineTickUnit   tick_unit;
  GArray               *ticks;
  GArray               *context_ticks;
  GArray               *items;
  GArray               *slots;          /* scratch */
};

G_DEFINE_FINAL_TYPE (MbaTimelineLayout, mba_timeline_layout, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MbaTimelineLaneMode, mba_timeline_lane_mode,
                    G_DEFINE_ENUM_VALUE (MBA_TIMELINE_LANE_MODE_KIND, "kind"),
                    G_DEFINE_ENUM_VALUE (MBA_TIMELINE_LANE_MODE_STATE, "state"))

static const double tick_unit_days[MBA_TIMELINE_N_TICK_UNITS] = {
  [MBA_TIMELINE_TICK_DAY] = 1,
  [MBA_TIMELINE_TICK_WEEK] = 7,
  [MBA_TIMELINE_TICK_MONTH] = 30.44,
  [MBA_TIMELINE_TICK_QUARTER] = 91.31,
  [MBA_TIMELINE_TICK_YEAR] = 365.25,
  [MBA_TIMELINE_TICK_DECADE] = 3652.5,
};

static void
lane_free (gpointer data)
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

static guint
uint_lower_bound (const guint *values,
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

static PangoLayout *
new_text_layout (MbaTimelineLayout *self,
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
      layout = new_text_layout (self, text);
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
      layout = new_text_layout (self, event->title);
      g_hash_table_insert (self->event_layouts, GUINT_TO_POINTER (event->index + 1), layout);
    }
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

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

static void
ensure_text_metrics (MbaTimelineLayout *self)
{
  /* A Wednesday in September, so that the sample labels are among the widest. */
  gint32 sample = mba_day_from_ymd (2025, 9, 24);
  PangoRectangle logical;
  PangoLayout *layout;

  if (self->text_height > 0)
    return;

  layout = mba_timeline_layout_get_text_layout (self, "Ag");
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  self->text_height = MAX (logical.height, 8);
  self->digit_width = text_width (mba_timeline_layout_get_text_layout (self, "0"));
  for (guint unit = 0; unit < MBA_TIMELINE_N_TICK_UNITS; unit++)
    {
      g_autofree char *text = format_day (sample, tick_format (unit));

      self->sample_tick_width[unit] = text_width (mba_timeline_layout_get_text_layout (self, text));
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Filters and lanes                                                                          */
/* ------------------------------------------------------------------------------------------ */

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

static void
ensure_lanes (MbaTimelineLayout *self)
{
  if (self->lanes_dirty)
    rebuild_lanes (self);
}

static void
invalidate_lanes (MbaTimelineLayout *self)
{
  self->lanes_dirty = TRUE;
  self->frame_valid = FALSE;
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
  mba_event_filter_set_dataset (self->filter, dataset);
  g_hash_table_remove_all (self->event_layouts);
  invalidate_lanes (self);
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
  invalidate_lanes (self);
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

  if (mba_event_filter_set_hidden_kinds (self->filter, mask))
    invalidate_lanes (self);
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

  if (mba_event_filter_set_state_code (self->filter, code))
    invalidate_lanes (self);
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

  if (mba_event_filter_set_search_text (self->filter, text))
    invalidate_lanes (self);
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
/* Axis                                                                                       */
/* ------------------------------------------------------------------------------------------ */

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

          g_strlcpy (tick.label, text, sizeof tick.label);
          tick.label_width = text_width (mba_timeline_layout_get_text_layout (self, tick.label));
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

static void
layout_axis (MbaTimelineLayout *self)
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

/* ------------------------------------------------------------------------------------------ */
/* Events                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static double
day_centre_x (MbaTimelineLayout *self,
              gint32             day)
{
  return mba_timeline_layout_day_to_x (self, day + 0.5);
}

static const MbaEvent *
lane_event (MbaTimelineLayout *self,
            Lane              *lane,
            guint              position)
{
  return mba_dataset_get_event (self->dataset, g_array_index (lane->events, guint, position));
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

  for (guint r = uint_lower_bound (ranges, lane->ranges->len, first);
       r < lane->ranges->len && ranges[r] < end; r++)
    {
      const MbaEvent *event = lane_event (self, lane, ranges[r]);

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
          const MbaEvent *event = lane_event (self, lane, ranges[r]);

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
                  const MbaEvent *event = lane_event (self, lane, k);

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

/* Places one event (a dot or a bar) in @row with a label that ends before @limit; returns
 * FALSE, placing nothing, when the label would be too short to read. */
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
  item.event = lane_event (self, lane, s->first);
  item.y = row_centre (self, lane_y, row);
  item.is_range = s->range;
  item.x = s->x;
  item.x_end = s->x_last;
  full = text_width (mba_timeline_layout_get_event_layout (self, item.event));
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

  if (!inside && label_w < MIN (full, MIN_LABEL_WIDTH))
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
          item.event = lane_event (self, lane, s.first);
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
          /* The last one: a short label rather than none. */
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
        const MbaEvent *last_event = lane_event (self, lane, item->lane_first + item->count - 1);

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

      if (lane->label_layout == NULL)
        {
          lane->label_layout = new_text_layout (self, lane->label);
          lane->natural_width = text_width (lane->label_layout);
          lane->layout_width = -1;
        }
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

  ensure_lanes (self);
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
  layout_axis (self);

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
      make_slots (self, lane, public->n_rows);
      place_slots (self, lane, i, y, public->n_rows);
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

guint
mba_timeline_layout_get_n_lanes (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  ensure_lanes (self);
  return self->lanes->len;
}

const MbaTimelineLane *
mba_timeline_layout_get_lane (MbaTimelineLayout *self,
                              guint              index)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  ensure_lanes (self);
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
  if (lane->label_layout == NULL)
    {
      lane->label_layout = new_text_layout (self, lane->label);
      lane->natural_width = text_width (lane->label_layout);
      lane->layout_width = -1;
    }
  return lane->label_layout;
}

const MbaTimelineItem *
mba_timeline_layout_get_items (MbaTimelineLayout *self,
                               guint             *n_items)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  *n_items = self->items->len;
  return (const MbaTimelineItem *) self->items->data;
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
  return lane_event (self, l, position);
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

static int
lane_find_position (Lane           *lane,
                    const MbaEvent *event)
{
  guint p = uint_lower_bound ((const guint *) lane->events->data, lane->events->len, event->index);

  if (p < lane->events->len && g_array_index (lane->events, guint, p) == event->index)
    return p;
  return -1;
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
      position = lane_find_position (lane, event);
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

  ensure_lanes (self);
  if (event == NULL)
    return -1;
  for (guint l = 0; l < self->lanes->len; l++)
    if (lane_find_position (self->lanes->pdata[l], event) >= 0)
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
  position = lane_find_position (self->lanes->pdata[item->lane], event);
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

gboolean
mba_timeline_layout_event_is_shown (MbaTimelineLayout *self,
                                    const MbaEvent    *event)
{
  guint p;

  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), FALSE);

  ensure_lanes (self);
  if (event == NULL)
    return FALSE;
  p = uint_lower_bound ((const guint *) self->shown->data, self->shown->len, event->index);
  return p < self->shown->len && g_array_index (self->shown, guint, p) == event->index;
}

guint
mba_timeline_layout_get_n_shown (MbaTimelineLayout *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), 0);
  ensure_lanes (self);
  return self->shown->len;
}

const MbaEvent *
mba_timeline_layout_get_shown (MbaTimelineLayout *self,
                               guint              position)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_LAYOUT (self), NULL);
  ensure_lanes (self);
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

  ensure_lanes (self);
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

  ensure_lanes (self);
  n = self->shown->len;
  if (n == 0)
    return NULL;
  if (from == NULL)
    return mba_timeline_layout_get_shown (self, direction > 0 ? 0 : n - 1);

  p = uint_lower_bound ((const guint *) self->shown->data, n, from->index);
  if (direction > 0)
    {
      if (p < n && g_array_index (self->shown, guint, p) == from->index)
        p++;
      return p < n ? mba_timeline_layout_get_shown (self, p) : NULL;
    }
  return p > 0 ? mba_timeline_layout_get_shown (self, p - 1) : NULL;
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

  self->filter = mba_event_filter_new (NULL);
  /* Metrics are not hinted, so widths measured here hold for any target: screen, PNG or PDF. */
  self->context = mba_text_new_context ();
  pango_context_set_font_description (self->context, font);

  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->public_lanes = g_array_new (FALSE, FALSE, sizeof (MbaTimelineLane));
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (MbaTimelineTick));
  self->context_ticks = g_array_new (FALSE, FALSE, sizeof (MbaTimelineTick));
  self->items = g_array_new (FALSE, FALSE, sizeof (MbaTimelineItem));
  self->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  self->lanes_dirty = TRUE;
}
