/* test-timeline-layout.c: the timeline's viewport, axis, lanes, labels, clusters and hit-testing */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-synthetic.h"
#include "mba-session.h"
#include "mba-timeline-layout.h"
#include "mba-timeline-viewport.h"

#define WIDTH  1600
#define HEIGHT 900

static MbaDataset *small;
static MbaDataset *synthetic;

static double
fit_start (MbaDataset *dataset)
{
  return mba_dataset_get_event (dataset, 0)->first_day - 200;
}

static double
fit_end (MbaDataset *dataset)
{
  guint n = mba_dataset_get_n_events (dataset);
  gint32 last = 0;

  for (guint i = 0; i < n; i++)
    last = MAX (last, mba_dataset_get_event (dataset, i)->last_day + 1);
  return last + 200;
}

static MbaTimelineLayout *
layout_new (MbaDataset          *dataset,
            MbaTimelineLaneMode  mode)
{
  MbaTimelineLayout *layout = mba_timeline_layout_new ();

  mba_timeline_layout_set_dataset (layout, dataset);
  mba_timeline_layout_set_lane_mode (layout, mode);
  return layout;
}

/* ------------------------------------------------------------------------------------------ */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_viewport_clamping (void)
{
  g_autoptr(MbaTimelineViewport) viewport = mba_timeline_viewport_new ();
  guint notified = 0;
  double before_fraction, after_fraction, start;

  g_signal_connect (viewport, "notify::end", G_CALLBACK (count_notify), &notified);

  mba_timeline_viewport_set_limits (viewport, 1000, 2000);

  /* Past the left edge: moved back in, the span kept. */
  mba_timeline_viewport_set_range (viewport, 900, 950);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), ==, 1000);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), ==, 1050);

  /* Narrower than a day: widened to one day around its middle. */
  mba_timeline_viewport_set_range (viewport, 1500, 1500.2);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), MBA_TIMELINE_VIEWPORT_MIN_SPAN, 1e-9);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_start (viewport), 1500.1 - 0.5, 1e-9);

  /* Wider than the limits: the whole. */
  mba_timeline_viewport_set_range (viewport, -5000, 9000);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), ==, 1000);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), ==, 2000);

  /* Zooming keeps the anchor where it was on screen. */
  mba_timeline_viewport_set_range (viewport, 1200, 1600);
  before_fraction = (1300 - mba_timeline_viewport_get_start (viewport)) / mba_timeline_viewport_get_span (viewport);
  mba_timeline_viewport_zoom_at (viewport, 1300, 4);
  after_fraction = (1300 - mba_timeline_viewport_get_start (viewport)) / mba_timeline_viewport_get_span (viewport);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (before_fraction, after_fraction, 1e-9);

  /* Zooming in forever stops at a day; out forever at the limits. */
  for (guint i = 0; i < 50; i++)
    mba_timeline_viewport_zoom_at (viewport, 1300, 3);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), 1, 1e-9);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), <=, 1300);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), >=, 1300);
  for (guint i = 0; i < 50; i++)
    mba_timeline_viewport_zoom_at (viewport, 1300, 1 / 3.0);
  g_assert_cmpfloat (mba_timeline_viewport_get_span (viewport), ==, 1000);

  /* Panning past the end stops at the end. */
  mba_timeline_viewport_set_range (viewport, 1800, 1900);
  mba_timeline_viewport_pan (viewport, 500);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), ==, 2000);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), 100, 1e-9);

  /* Showing a day pans as little as it can. */
  mba_timeline_viewport_set_range (viewport, 1100, 1200);
  mba_timeline_viewport_show_range (viewport, 1250, 1250, 0.1);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_end (viewport), 1251 + 10, 1e-9);
  start = mba_timeline_viewport_get_start (viewport);
  mba_timeline_viewport_show_range (viewport, 1230, 1230, 0.1);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), ==, start);

  /* Narrower limits pull the view in. */
  mba_timeline_viewport_fit (viewport);
  mba_timeline_viewport_set_limits (viewport, 1400, 1500);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), ==, 1400);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), ==, 1500);

  g_assert_cmpuint (notified, >, 5);
}

/* ------------------------------------------------------------------------------------------ */

static void
check_ticks (MbaTimelineLayout *layout)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  const MbaTimelineTick *ticks;
  const MbaTimelineTick *last = NULL;
  guint n;

  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      if (!ticks[i].labelled)
        continue;
      g_assert_cmpfloat (ticks[i].x, >=, g->plot.x);
      g_assert_cmpfloat (ticks[i].x, <=, g->plot.x + g->plot.width);
      g_assert_cmpstr (ticks[i].label, !=, "");
      g_assert_cmpfloat_with_epsilon (ticks[i].x, mba_timeline_layout_day_to_x (layout, ticks[i].day), 1e-6);
      if (last != NULL)
        {
          /* Far enough apart, and the labels do not touch. */
          g_assert_cmpfloat (ticks[i].x - last->x, >=, MBA_TIMELINE_MIN_TICK_SPACING * 0.9);
          g_assert_cmpfloat (last->label_x + last->label_width, <, ticks[i].label_x);
        }
      last = &ticks[i];
    }
}

static guint
count_labelled (MbaTimelineLayout *layout,
                GPtrArray         *labels)
{
  const MbaTimelineTick *ticks;
  guint n, count = 0;

  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    if (ticks[i].labelled)
      {
        count++;
        if (labels != NULL)
          g_ptr_array_add (labels, g_strdup (ticks[i].label));
      }
  return count;
}

static void
test_axis_ticks (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (small, MBA_TIMELINE_LANE_MODE_KIND);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const MbaTimelineTick *ticks;
  guint n;
  int y, m, d;

  /* The whole story: decades, 2000 to 2020. */
  mba_timeline_layout_update (layout, mba_day_from_ymd (1997, 1, 1), mba_day_from_ymd (2027, 1, 1),
                              WIDTH, HEIGHT, 0);
  g_assert_cmpint (mba_timeline_layout_get_tick_unit (layout), ==, MBA_TIMELINE_TICK_DECADE);
  check_ticks (layout);
  g_assert_cmpuint (count_labelled (layout, labels), ==, 3);
  g_assert_cmpstr (labels->pdata[0], ==, "2000");
  g_assert_cmpstr (labels->pdata[2], ==, "2020");
  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      mba_day_to_ymd (ticks[i].day, &y, &m, &d);
      g_assert_cmpint (m, ==, 1);
      g_assert_cmpint (d, ==, 1);
      if (ticks[i].labelled)
        g_assert_cmpint (y % 10, ==, 0);
    }

  /* One year: months, January to December, with the year above. */
  g_ptr_array_set_size (labels, 0);
  mba_timeline_layout_update (layout, mba_day_from_ymd (2025, 1, 1), mba_day_from_ymd (2026, 1, 1),
                              WIDTH, HEIGHT, 0);
  g_assert_cmpint (mba_timeline_layout_get_tick_unit (layout), ==, MBA_TIMELINE_TICK_MONTH);
  check_ticks (layout);
  g_assert_cmpuint (count_labelled (layout, labels), ==, 12);
  g_assert_cmpstr (labels->pdata[0], ==, "Jan");
  g_assert_cmpstr (labels->pdata[5], ==, "Jun");
  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    if (ticks[i].labelled)
      {
        mba_day_to_ymd (ticks[i].day, NULL, NULL, &d);
        g_assert_cmpint (d, ==, 1);
      }
  ticks = mba_timeline_layout_get_context_ticks (layout, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (ticks[0].label, ==, "2025");

  /* A week around 29 June 2025: days, with the month above. */
  g_ptr_array_set_size (labels, 0);
  mba_timeline_layout_update (layout, mba_day_from_ymd (2025, 6, 26), mba_day_from_ymd (2025, 7, 3),
                              WIDTH, HEIGHT, 0);
  g_assert_cmpint (mba_timeline_layout_get_tick_unit (layout), ==, MBA_TIMELINE_TICK_DAY);
  check_ticks (layout);
  g_assert_cmpuint (count_labelled (layout, labels), ==, 7);
  g_assert_cmpstr (labels->pdata[3], ==, "Sun 29");
  ticks = mba_timeline_layout_get_context_ticks (layout, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (ticks[0].label, ==, "June 2025");
  g_assert_cmpstr (ticks[1].label, ==, "July 2025");
  /* The sticky month label gives way to the next month's. */
  g_assert_cmpfloat (ticks[0].label_x + ticks[0].label_width, <, ticks[1].label_x);

  /* In between: weeks start on Mondays, quarters in January, April, July and October. */
  mba_timeline_layout_update (layout, mba_day_from_ymd (2025, 3, 1), mba_day_from_ymd (2025, 5, 15),
                              WIDTH, HEIGHT, 0);
  g_assert_cmpint (mba_timeline_layout_get_tick_unit (layout), ==, MBA_TIMELINE_TICK_WEEK);
  check_ticks (layout);
  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    if (ticks[i].labelled)
      {
        g_autoptr(GDate) date = g_date_new_julian (ticks[i].day);

        g_assert_cmpint (g_date_get_weekday (date), ==, G_DATE_MONDAY);
      }
  mba_timeline_layout_update (layout, mba_day_from_ymd (2023, 1, 1), mba_day_from_ymd (2025, 1, 1),
                              WIDTH, HEIGHT, 0);
  g_assert_cmpint (mba_timeline_layout_get_tick_unit (layout), ==, MBA_TIMELINE_TICK_QUARTER);
  check_ticks (layout);
  g_assert_cmpuint (count_labelled (layout, NULL), ==, 8);
  ticks = mba_timeline_layout_get_ticks (layout, &n);
  for (guint i = 0; i < n; i++)
    if (ticks[i].labelled)
      {
        mba_day_to_ymd (ticks[i].day, NULL, &m, &d);
        g_assert_cmpint ((m - 1) % 3, ==, 0);
        g_assert_cmpint (d, ==, 1);
      }

  /* Finer ticks only when there is more room per day. */
  for (double ppd = 0.01; ppd < 1000; ppd *= 1.3)
    g_assert_cmpint (mba_timeline_choose_tick_unit (ppd), >=, mba_timeline_choose_tick_unit (ppd * 1.3));
}

/* ------------------------------------------------------------------------------------------ */

static gboolean
event_has_state (const MbaEvent *event,
                 const MbaState *state)
{
  for (guint i = 0; i < event->n_states; i++)
    if (event->states[i] == state)
      return TRUE;
  return FALSE;
}

static void
test_lanes (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (synthetic, MBA_TIMELINE_LANE_MODE_KIND);
  guint n_events = mba_dataset_get_n_events (synthetic);
  guint total = 0, expected;
  MbaEventKind previous = 0;

  /* By kind: one lane per kind present, in the kinds' order, each with only its kind. */
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_events);
  for (guint l = 0; l < mba_timeline_layout_get_n_lanes (layout); l++)
    {
      const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, l);

      g_assert_cmpuint (lane->n_events, >, 0);
      if (l > 0)
        g_assert_cmpint (lane->kind, >, previous);
      previous = lane->kind;
      g_assert_cmpstr (lane->label, ==, mba_event_kind_get_label (lane->kind));
      for (guint p = 0; p < lane->n_events; p++)
        {
          const MbaEvent *event = mba_timeline_layout_get_lane_event (layout, l, p);

          g_assert_cmpint (event->kind, ==, lane->kind);
          if (p > 0)
            g_assert_cmpint (mba_timeline_layout_get_lane_event (layout, l, p - 1)->first_day, <=, event->first_day);
        }
      total += lane->n_events;
    }
  g_assert_cmpuint (total, ==, n_events);

  /* By state: every event in the lane of each of its states, and in no other. */
  mba_timeline_layout_set_lane_mode (layout, MBA_TIMELINE_LANE_MODE_STATE);
  expected = 0;
  for (guint i = 0; i < n_events; i++)
    expected += MAX (mba_dataset_get_event (synthetic, i)->n_states, 1);
  total = 0;
  for (guint l = 0; l < mba_timeline_layout_get_n_lanes (layout); l++)
    {
      const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, l);

      if (l > 0 && lane->state != NULL && mba_timeline_layout_get_lane (layout, l - 1)->state != NULL)
        g_assert_cmpint (g_utf8_collate (mba_timeline_layout_get_lane (layout, l - 1)->label, lane->label), <, 0);
      for (guint p = 0; p < lane->n_events; p++)
        {
          const MbaEvent *event = mba_timeline_layout_get_lane_event (layout, l, p);

          if (lane->state != NULL)
            g_assert_true (event_has_state (event, lane->state));
          else
            g_assert_cmpuint (event->n_states, ==, 0);
        }
      total += lane->n_events;
    }
  g_assert_cmpuint (total, ==, expected);
}

static void
test_filters (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (small, MBA_TIMELINE_LANE_MODE_KIND);
  guint n_events = mba_dataset_get_n_events (small);
  guint n_context = 0, n_estonia = 0, n_search = 0;
  const MbaState *estonia = mba_dataset_find_state (small, "EST");

  for (guint i = 0; i < n_events; i++)
    {
      const MbaEvent *event = mba_dataset_get_event (small, i);
      g_autofree char *title = g_utf8_casefold (event->title, -1);
      g_autofree char *summary = g_utf8_casefold (event->summary, -1);

      n_context += event->kind == MBA_EVENT_KIND_CONTEXT;
      n_estonia += event_has_state (event, estonia);
      n_search += strstr (title, "ukraine") != NULL || strstr (summary, "ukraine") != NULL ||
                  event_has_state (event, mba_dataset_find_state (small, "UKR"));
    }
  g_assert_cmpuint (n_context, >, 0);
  g_assert_cmpuint (n_estonia, >, 0);
  g_assert_cmpuint (n_search, >, 0);
  g_assert_cmpuint (n_search, <, n_events);

  mba_timeline_layout_set_hidden_kinds (layout, 1u << MBA_EVENT_KIND_CONTEXT);
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_events - n_context);
  for (guint l = 0; l < mba_timeline_layout_get_n_lanes (layout); l++)
    g_assert_cmpint (mba_timeline_layout_get_lane (layout, l)->kind, !=, MBA_EVENT_KIND_CONTEXT);
  mba_timeline_layout_set_hidden_kinds (layout, 0);
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_events);

  mba_timeline_layout_set_state_filter (layout, "EST");
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_estonia);
  for (guint p = 0; p < n_estonia; p++)
    g_assert_true (event_has_state (mba_timeline_layout_get_shown (layout, p), estonia));
  mba_timeline_layout_set_lane_mode (layout, MBA_TIMELINE_LANE_MODE_STATE);
  g_assert_cmpuint (mba_timeline_layout_get_n_lanes (layout), ==, 1);
  g_assert_true (mba_timeline_layout_get_lane (layout, 0)->state == estonia);
  mba_timeline_layout_set_lane_mode (layout, MBA_TIMELINE_LANE_MODE_KIND);
  mba_timeline_layout_set_state_filter (layout, NULL);

  /* Search ignores case, and looks in titles, summaries and state names. */
  mba_timeline_layout_set_search_text (layout, "  UKRAINE ");
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_search);
  mba_timeline_layout_set_search_text (layout, "ukraine nothing-like-this");
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, 0);
  g_assert_cmpuint (mba_timeline_layout_get_n_lanes (layout), ==, 0);
  mba_timeline_layout_set_search_text (layout, "");
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, n_events);
}

static void
test_step (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (small, MBA_TIMELINE_LANE_MODE_KIND);
  const MbaEvent *event = NULL;
  guint n = 0;

  /* Forward through every event in date order, and back again. */
  while ((event = mba_timeline_layout_step (layout, event, 1)) != NULL)
    {
      g_assert_true (event == mba_dataset_get_event (small, n));
      n++;
    }
  g_assert_cmpuint (n, ==, mba_dataset_get_n_events (small));
  while ((event = mba_timeline_layout_step (layout, event, -1)) != NULL)
    g_assert_true (event == mba_dataset_get_event (small, --n));
  g_assert_cmpuint (n, ==, 0);

  /* Hidden events are stepped over, even from a hidden one. */
  mba_timeline_layout_set_hidden_kinds (layout, 1u << MBA_EVENT_KIND_CONTEXT);
  for (guint i = 0; i < mba_dataset_get_n_events (small); i++)
    {
      const MbaEvent *from = mba_dataset_get_event (small, i);
      const MbaEvent *next = mba_timeline_layout_step (layout, from, 1);
      guint j = i + 1;

      while (j < mba_dataset_get_n_events (small) &&
             mba_dataset_get_event (small, j)->kind == MBA_EVENT_KIND_CONTEXT)
        j++;
      if (j < mba_dataset_get_n_events (small))
        g_assert_true (next == mba_dataset_get_event (small, j));
      else
        g_assert_null (next);
    }
}

/* ------------------------------------------------------------------------------------------ */

static gboolean
rects_overlap (const MbaTimelineRect *a,
               const MbaTimelineRect *b)
{
  const double slack = 0.5;

  return a->width > 0 && b->width > 0 &&
         a->x + slack < b->x + b->width && b->x + slack < a->x + a->width &&
         a->y + slack < b->y + b->height && b->y + slack < a->y + a->height;
}

/* No label overlaps another label or anybody else's dot, bar or pill, and no two marks in a
 * row overlap; every event shown alone has a label, unless at the plot's very edge; clusters cover their events once. */
static void
check_layout (MbaTimelineLayout *layout)
{
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  const MbaTimelineItem *items;
  guint n;

  items = mba_timeline_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      const MbaTimelineItem *a = &items[i];

      if (a->type == MBA_TIMELINE_ITEM_EVENT)
        {
          g_assert_cmpuint (a->count, ==, 1);
          /* Labels stay inside the plot: an event at its very edge may have no room for one. */
          if (a->x >= g->plot.x && a->x_end + 50 <= g->plot.x + g->plot.width)
            g_assert_cmpfloat (a->label.width, >, 0);
          g_assert_cmpfloat (a->label.width, <=, a->label_full_width + 0.5);
          if (!a->is_range)
            /* In its day (same-day events are spread over it when zoomed in). */
            g_assert_cmpfloat_with_epsilon (a->x, mba_timeline_layout_day_to_x (layout, a->event->first_day + 0.5),
                                            g->pixels_per_day / 2 + 1e-6);
        }
      else
        {
          g_assert_cmpuint (a->count, >, 1);
          g_assert_cmpfloat (a->label.width, ==, 0);
          g_assert_true (mba_timeline_layout_get_lane_event (layout, a->lane, a->lane_first) == a->event);
          g_assert_cmpint (a->first_day, <=, a->last_day);
        }
      g_assert_cmpfloat (a->y, >, mba_timeline_layout_get_lane (layout, a->lane)->y);
      g_assert_cmpfloat (a->y, <, mba_timeline_layout_get_lane (layout, a->lane)->y +
                                  mba_timeline_layout_get_lane (layout, a->lane)->height);

      for (guint j = i + 1; j < n; j++)
        {
          const MbaTimelineItem *b = &items[j];

          g_assert_false (rects_overlap (&a->label, &b->label));
          g_assert_false (rects_overlap (&a->label, &b->marker));
          g_assert_false (rects_overlap (&b->label, &a->marker));
          if (a->lane == b->lane && a->row == b->row)
            g_assert_false (rects_overlap (&a->marker, &b->marker));
          if (a->lane == b->lane)
            {
              /* Each event is in one item of its lane. */
              g_assert_true (a->lane_first + a->count <= b->lane_first ||
                             b->lane_first + b->count <= a->lane_first);
            }
        }
    }
}

static void
check_zooms (MbaDataset          *dataset,
             MbaTimelineLaneMode  mode)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (dataset, mode);
  const struct { int y1, m1, d1, y2, m2, d2; } spans[] = {
    { 0 },                            /* the whole */
    { 1997, 1, 1, 2005, 1, 1 },
    { 2025, 1, 1, 2026, 1, 1 },
    { 2025, 6, 1, 2025, 8, 1 },
    { 2025, 6, 26, 2025, 7, 3 },
    { 1999, 3, 31, 1999, 4, 1 },      /* one day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    for (guint offset = 0; offset < 2; offset++)
      {
        double start = spans[i].y1 ? mba_day_from_ymd (spans[i].y1, spans[i].m1, spans[i].d1) : fit_start (dataset);
        double end = spans[i].y1 ? mba_day_from_ymd (spans[i].y2, spans[i].m2, spans[i].d2) : fit_end (dataset);

        mba_timeline_layout_update (layout, start, end, WIDTH, HEIGHT, offset * 400);
        check_layout (layout);
        mba_timeline_layout_update (layout, start, end, 700, 500, offset * 400);
        check_layout (layout);
      }
}

static void
test_no_overlap_small (void)
{
  check_zooms (small, MBA_TIMELINE_LANE_MODE_KIND);
  check_zooms (small, MBA_TIMELINE_LANE_MODE_STATE);
}

static void
test_no_overlap_synthetic (void)
{
  check_zooms (synthetic, MBA_TIMELINE_LANE_MODE_KIND);
  check_zooms (synthetic, MBA_TIMELINE_LANE_MODE_STATE);
}

/* ------------------------------------------------------------------------------------------ */

static void
count_items (MbaTimelineLayout *layout,
             guint             *n_events,
             guint             *n_clusters,
             guint             *clustered)
{
  const MbaTimelineItem *items;
  guint n;

  *n_events = *n_clusters = *clustered = 0;
  items = mba_timeline_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    if (items[i].type == MBA_TIMELINE_ITEM_CLUSTER)
      {
        (*n_clusters)++;
        *clustered += items[i].count;
      }
    else
      (*n_events)++;
}

static void
test_clusters (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (synthetic, MBA_TIMELINE_LANE_MODE_KIND);
  const MbaEvent *est = mba_dataset_find_event (small, "est-deposit");
  const MbaEvent *ukr = mba_dataset_find_event (small, "ukr-deposit");
  const MbaTimelineItem *item;
  guint n_events, n_clusters, clustered, n_items;

  /* 100,000 events zoomed out: a few hundred items, nearly all clusters. */
  mba_timeline_layout_update (layout, fit_start (synthetic), fit_end (synthetic), WIDTH, HEIGHT, 0);
  count_items (layout, &n_events, &n_clusters, &clustered);
  mba_timeline_layout_get_items (layout, &n_items);
  g_assert_cmpuint (n_items, <, 1000);
  g_assert_cmpuint (n_clusters, >, 50);
  g_assert_cmpuint (clustered, >, 90000);
  g_assert_cmpuint (n_events, <, n_clusters / 10 + 1);

  /* A week: the clusters open into events with labels. */
  mba_timeline_layout_update (layout, mba_day_from_ymd (2010, 5, 3), mba_day_from_ymd (2010, 5, 10),
                              WIDTH, HEIGHT, 0);
  count_items (layout, &n_events, &n_clusters, &clustered);
  g_assert_cmpuint (n_events, >, 20);
  g_assert_cmpuint (n_events, >, clustered);

  /* Two deposits three weeks apart: stacked in two rows when the lane has room... */
  g_object_unref (layout);
  layout = layout_new (small, MBA_TIMELINE_LANE_MODE_KIND);
  mba_timeline_layout_update (layout, mba_day_from_ymd (1997, 1, 1), mba_day_from_ymd (2027, 1, 1),
                              WIDTH, HEIGHT, 0);
  item = mba_timeline_layout_find_event_item (layout, est);
  g_assert_cmpint (item->type, ==, MBA_TIMELINE_ITEM_EVENT);
  g_assert_cmpint (mba_timeline_layout_find_event_item (layout, ukr)->type, ==, MBA_TIMELINE_ITEM_EVENT);
  g_assert_cmpuint (mba_timeline_layout_find_event_item (layout, ukr)->lane, ==, item->lane);
  g_assert_cmpuint (mba_timeline_layout_find_event_item (layout, ukr)->row, !=, item->row);

  /* ...one cluster when it has a single row... */
  mba_timeline_layout_update (layout, mba_day_from_ymd (1997, 1, 1), mba_day_from_ymd (2027, 1, 1),
                              500, 250, 0);
  g_assert_cmpuint (mba_timeline_layout_get_lane (layout, 0)->n_rows, ==, 1);
  item = mba_timeline_layout_find_event_item (layout, est);
  g_assert_nonnull (item);
  g_assert_cmpint (item->type, ==, MBA_TIMELINE_ITEM_CLUSTER);
  g_assert_true (mba_timeline_layout_find_event_item (layout, ukr) == item);
  g_assert_true (mba_timeline_layout_item_contains (layout, item, ukr));
  g_assert_cmpint (item->first_day, <=, est->first_day);
  g_assert_cmpint (item->last_day, >=, ukr->first_day);

  /* ...which opens when zoomed in on the two months. */
  mba_timeline_layout_update (layout, mba_day_from_ymd (2025, 6, 1), mba_day_from_ymd (2025, 8, 1),
                              500, 250, 0);
  item = mba_timeline_layout_find_event_item (layout, est);
  g_assert_cmpint (item->type, ==, MBA_TIMELINE_ITEM_EVENT);
  g_assert_true (item->event == est);
  g_assert_false (mba_timeline_layout_find_event_item (layout, ukr) == item);
  g_assert_cmpint (mba_timeline_layout_find_event_item (layout, ukr)->type, ==, MBA_TIMELINE_ITEM_EVENT);
  g_assert_cmpfloat (item->label.width, >, 0);
}

static void
test_hit_test (void)
{
  g_autoptr(MbaTimelineLayout) layout = layout_new (small, MBA_TIMELINE_LANE_MODE_KIND);
  const MbaEvent *est = mba_dataset_find_event (small, "est-deposit");
  const MbaTimelineGeometry *g;
  const MbaTimelineItem *items, *item, *hit;
  double x, top = -1, first_row = 0;
  guint n;

  mba_timeline_layout_update (layout, mba_day_from_ymd (2025, 1, 1), mba_day_from_ymd (2026, 1, 1),
                              WIDTH, HEIGHT, 0);
  g = mba_timeline_layout_get_geometry (layout);

  /* Where the date says, in its kind's lane: found by its coordinates alone. */
  x = g->plot.x + (est->first_day + 0.5 - mba_day_from_ymd (2025, 1, 1)) * g->plot.width / 365;
  for (guint l = 0; l < mba_timeline_layout_get_n_lanes (layout); l++)
    if (mba_timeline_layout_get_lane (layout, l)->kind == MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED)
      {
        const MbaTimelineLane *lane = mba_timeline_layout_get_lane (layout, l);

        top = lane->y;
        /* The rows are in the middle of the lane. */
        first_row = top + (lane->height - lane->n_rows * g->row_height) / 2 + g->row_height / 2;
      }
  g_assert_cmpfloat (top, >, 0);
  hit = mba_timeline_layout_hit_test (layout, x, first_row);
  g_assert_nonnull (hit);
  g_assert_true (hit->event == est);
  g_assert_cmpfloat_with_epsilon (hit->x, x, 1e-6);

  /* Every item answers at its mark and at its label. */
  items = mba_timeline_layout_get_items (layout, &n);
  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      item = &items[i];
      hit = mba_timeline_layout_hit_test (layout, CLAMP (item->marker.x + item->marker.width / 2, g->plot.x,
                                                         g->plot.x + g->plot.width - 1), item->y);
      g_assert_true (hit == item);
      if (item->label.width > 0 && item->label.x > g->plot.x && item->label.x + 8 < g->plot.x + g->plot.width)
        g_assert_true (mba_timeline_layout_hit_test (layout, item->label.x + 8, item->y) == item);
    }

  /* Nothing on the axis, in the lane names, or between rows far from any event. */
  g_assert_null (mba_timeline_layout_hit_test (layout, x, g->axis.height / 2));
  g_assert_null (mba_timeline_layout_hit_test (layout, g->lane_labels.width / 2, top + 10));
  g_assert_null (mba_timeline_layout_hit_test (layout, -10, top + 10));
  g_assert_null (mba_timeline_layout_hit_test (layout, g->plot.x + 2, top + 1));
}

/* At the end of the data, with the whole story in view, a cluster whose events all show keeps
 * its pill inside the plot: the last tiles (2025–2026 in the bundled dataset) used to run past
 * the right edge, in the window and in exports. */
static void
check_pills_inside (MbaDataset *dataset)
{
  static const int widths[] = { 600, 842, 1110, 1600, 1920 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(MbaTimelineLayout) layout = layout_new (dataset, MBA_TIMELINE_LANE_MODE_KIND);
      g_autoptr(MbaTimelineViewport) viewport = mba_timeline_viewport_new ();
      const MbaTimelineGeometry *g;
      const MbaTimelineItem *items;
      guint n, n_checked = 0;

      mba_timeline_viewport_set_limits_for_dataset (viewport, dataset);
      mba_timeline_viewport_fit (viewport);
      mba_timeline_layout_update (layout, mba_timeline_viewport_get_start (viewport),
                                  mba_timeline_viewport_get_end (viewport), widths[w], HEIGHT, 0);
      g = mba_timeline_layout_get_geometry (layout);
      items = mba_timeline_layout_get_items (layout, &n);
      for (guint i = 0; i < n; i++)
        if (items[i].type == MBA_TIMELINE_ITEM_CLUSTER && items[i].x_end <= g->plot.x + g->plot.width)
          {
            g_assert_cmpfloat (items[i].marker.x + items[i].marker.width, <=, g->plot.x + g->plot.width + 0.5);
            n_checked++;
          }
      g_assert_cmpuint (n_checked, >, 0);
    }
}

static void
test_pills_inside (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  check_pills_inside (bundled);
  check_pills_inside (synthetic);
}

/* Every label lies inside the plot, at either edge: over the story and the whole history of the
 * bundled dataset, at five widths and two heights, in both lane modes. Labels at the right edge
 * used to run past it ("Pola" for Poland's withdrawal), and those of events left of the view
 * started before it. */
static void
test_labels_inside (void)
{
  static const int widths[] = { 500, 700, 900, 1200, 1800 };
  static const int heights[] = { 300, HEIGHT };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);
  g_autoptr(MbaSession) session = mba_session_new ();
  double ranges[2][2];
  guint n_checked = 0, n_cut = 0;

  g_assert_no_error (error);
  mba_session_set_dataset (session, bundled);
  g_assert_true (mba_session_get_story_range (session, &ranges[0][0], &ranges[0][1]));
  ranges[1][0] = mba_session_get_min_day (session);
  ranges[1][1] = mba_session_get_max_day (session);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
        for (int mode = MBA_TIMELINE_LANE_MODE_KIND; mode <= MBA_TIMELINE_LANE_MODE_STATE; mode++)
          {
            g_autoptr(MbaTimelineLayout) layout = layout_new (bundled, mode);
            const MbaTimelineGeometry *g;
            const MbaTimelineItem *items;
            guint n;

            /* Panned a little too, so that events sit just outside both edges. */
            for (int shift = 0; shift <= 2; shift++)
              {
                double pan = (ranges[r][1] - ranges[r][0]) * 0.07 * shift;

                mba_timeline_layout_update (layout, ranges[r][0] + pan, ranges[r][1] + pan,
                                            widths[w], heights[h], 0);
                g = mba_timeline_layout_get_geometry (layout);
                items = mba_timeline_layout_get_items (layout, &n);
                for (guint i = 0; i < n; i++)
                  if (items[i].label.width > 0)
                    {
                      g_assert_cmpfloat (items[i].label.x, >=, g->plot.x - 0.5);
                      g_assert_cmpfloat (items[i].label.x + items[i].label.width, <=,
                                         g->plot.x + g->plot.width + 0.5);
                      /* Never so short that only the ellipsis shows. */
                      if (!items[i].label_inside)
                        g_assert_cmpfloat (items[i].label.width, >=, MIN (items[i].label_full_width, 36) - 0.5);
                      n_checked++;
                      n_cut += items[i].label.width < items[i].label_full_width - 0.5;
                    }
              }
          }
  g_assert_cmpuint (n_checked, >, 500);
  g_test_message ("%u labels checked, %u shortened", n_checked, n_cut);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  small = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  bytes = mba_synthetic_dataset_generate (100000, 1);
  synthetic = mba_dataset_new_from_bytes (bytes, "synthetic", &error);
  g_assert_no_error (error);

  g_test_add_func ("/timeline/viewport/clamping", test_viewport_clamping);
  g_test_add_func ("/timeline/layout/axis-ticks", test_axis_ticks);
  g_test_add_func ("/timeline/layout/lanes", test_lanes);
  g_test_add_func ("/timeline/layout/filters", test_filters);
  g_test_add_func ("/timeline/layout/step", test_step);
  g_test_add_func ("/timeline/layout/no-overlap/small", test_no_overlap_small);
  g_test_add_func ("/timeline/layout/no-overlap/synthetic", test_no_overlap_synthetic);
  g_test_add_func ("/timeline/layout/clusters", test_clusters);
  g_test_add_func ("/timeline/layout/labels-inside", test_labels_inside);
  g_test_add_func ("/timeline/layout/hit-test", test_hit_test);
  g_test_add_func ("/timeline/layout/pills-inside", test_pills_inside);

  ret = g_test_run ();
  g_object_unref (small);
  g_object_unref (synthetic);
  return ret;
}
