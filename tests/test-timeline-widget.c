/* test-timeline-widget.c: the timeline widget driven through its controllers and actions (Xvfb) */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-synthetic.h"
#include "mba-timeline-widget.h"
#include "mba-tooltip.h"
#include "mba-test-widget.h"

typedef struct
{
  GtkWindow         *window;
  MbaTimelineWidget *timeline;
  MbaSession        *session;   /* the timeline's own: the state it shows and changes */
  MbaDataset        *dataset;
  guint              selection_notifies;
  guint              cursor_notifies;
  char              *activated;
} Fixture;

static void
count_selection (GObject    *object,
                 GParamSpec *pspec,
                 Fixture    *fixture)
{
  fixture->selection_notifies++;
}

static void
count_cursor (GObject    *object,
              GParamSpec *pspec,
              Fixture    *fixture)
{
  fixture->cursor_notifies++;
}

static void
on_activated (MbaTimelineWidget *timeline,
              const char        *id,
              Fixture           *fixture)
{
  g_free (fixture->activated);
  fixture->activated = g_strdup (id);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);

  fixture->dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->timeline = MBA_TIMELINE_WIDGET (mba_timeline_widget_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  fixture->session = mba_timeline_widget_get_session (fixture->timeline);
  mba_session_set_dataset (fixture->session, fixture->dataset);
  g_signal_connect (fixture->session, "notify::selected-event-id", G_CALLBACK (count_selection), fixture);
  g_signal_connect (fixture->session, "notify::cursor-day", G_CALLBACK (count_cursor), fixture);
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_activated), fixture);
  gtk_window_present (fixture->window);
  mba_test_wait_for_allocation (GTK_WIDGET (fixture->timeline));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->dataset);
  g_clear_pointer (&fixture->activated, g_free);
}

static MbaTimelineViewport *
viewport_of (Fixture *fixture)
{
  return mba_timeline_widget_get_viewport (fixture->timeline);
}

static void
show_year_2025 (Fixture *fixture)
{
  mba_timeline_viewport_set_range (viewport_of (fixture), mba_day_from_ymd (2025, 1, 1),
                                   mba_day_from_ymd (2026, 1, 1));
}

/* ------------------------------------------------------------------------------------------ */

static void
test_scroll_zooms_at_pointer (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkEventController *scroll = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  GtkEventController *motion = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  MbaTimelineLayout *layout = mba_timeline_widget_get_layout (fixture->timeline);
  const MbaTimelineGeometry *g = mba_timeline_layout_get_geometry (layout);
  double x = g->plot.x + g->plot.width * 0.8, y = g->plot.y + 20;
  double span, day, start;
  gboolean handled = FALSE;

  span = mba_timeline_viewport_get_span (viewport_of (fixture));
  day = mba_timeline_layout_x_to_day (layout, x);

  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);

  /* Narrower, and the day under the pointer is still under it. */
  layout = mba_timeline_widget_get_layout (fixture->timeline);
  g_assert_cmpfloat (mba_timeline_viewport_get_span (viewport_of (fixture)), <, span * 0.9);
  g_assert_cmpfloat_with_epsilon (mba_timeline_layout_x_to_day (layout, x), day, 1e-6);

  /* More steps in, then out again: still anchored; then back to the whole span. */
  for (guint i = 0; i < 5; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  layout = mba_timeline_widget_get_layout (fixture->timeline);
  g_assert_cmpfloat_with_epsilon (mba_timeline_layout_x_to_day (layout, x), day, 1e-6);
  start = mba_timeline_viewport_get_start (viewport_of (fixture));
  g_assert_cmpfloat (start, <, day);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport_of (fixture)), >, day);
  for (guint i = 0; i < 40; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), span, 1e-6);

  /* A sideways scroll pans without zooming. */
  mba_timeline_viewport_set_range (viewport_of (fixture), mba_day_from_ymd (2010, 1, 1), mba_day_from_ymd (2011, 1, 1));
  span = mba_timeline_viewport_get_span (viewport_of (fixture));
  start = mba_timeline_viewport_get_start (viewport_of (fixture));
  g_signal_emit_by_name (scroll, "scroll", 2.0, 0.0, &handled);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport_of (fixture)), >, start);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), span, 1e-6);
}

static void
test_pinch (Fixture       *fixture,
            gconstpointer  data)
{
  GtkGesture *zoom = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_ZOOM);
  double span = mba_timeline_viewport_get_span (viewport_of (fixture));

  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), span / 2, 1e-6);
  g_signal_emit_by_name (zoom, "scale-changed", 4.0);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), span / 4, 1e-6);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  MbaTimelineViewport *viewport = viewport_of (fixture);
  const MbaEvent *first = mba_dataset_get_event (fixture->dataset, 0);
  const MbaEvent *second = mba_dataset_get_event (fixture->dataset, 1);
  guint n = mba_dataset_get_n_events (fixture->dataset);
  const MbaEvent *last = mba_dataset_get_event (fixture->dataset, n - 1);
  double span;

  /* Nothing selected: the next event is the first in view, here the first of all. */
  g_assert_null (mba_session_get_selected_event_id (fixture->session));
  g_assert_true (gtk_widget_activate_action (widget, "timeline.select-next", NULL));
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, first->id);
  g_assert_cmpuint (fixture->selection_notifies, ==, 1);
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, first->first_day);

  gtk_widget_activate_action (widget, "timeline.select-next", NULL);
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, second->id);
  gtk_widget_activate_action (widget, "timeline.select-previous", NULL);
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, first->id);
  g_assert_cmpuint (fixture->selection_notifies, ==, 3);

  /* The last one, zoomed in on a month far from it: the view moves to show it. */
  mba_timeline_viewport_set_range (viewport, mba_day_from_ymd (2005, 1, 1), mba_day_from_ymd (2005, 2, 1));
  gtk_widget_activate_action (widget, "timeline.select-last", NULL);
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, last->id);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), <=, last->first_day);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), >=, last->first_day + 1);
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, last->first_day);
  g_assert_nonnull (mba_timeline_layout_find_event_item (mba_timeline_widget_get_layout (fixture->timeline), last));

  /* Enter opens the selection. */
  gtk_widget_activate_action (widget, "timeline.activate", NULL);
  g_assert_cmpstr (fixture->activated, ==, last->id);

  /* Zoom keys, around the cursor; fit shows everything. */
  span = mba_timeline_viewport_get_span (viewport);
  gtk_widget_activate_action (widget, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), span / 1.5, 1e-6);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), <=, last->first_day);
  gtk_widget_activate_action (widget, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport), span, 1e-6);
  gtk_widget_activate_action (widget, "timeline.zoom-fit", NULL);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport), ==, mba_timeline_viewport_get_min_day (viewport));
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport), ==, mba_timeline_viewport_get_max_day (viewport));
  g_assert_cmpfloat (mba_timeline_viewport_get_min_day (viewport), <, first->first_day);

  /* Escape clears the selection; the filters change what Left and Right step through. */
  gtk_widget_activate_action (widget, "timeline.unselect", NULL);
  g_assert_null (mba_session_get_selected_event_id (fixture->session));
  mba_session_set_state_code (fixture->session, "UKR");
  gtk_widget_activate_action (widget, "timeline.select-first", NULL);
  {
    const MbaEvent *event = mba_session_get_selected_event (fixture->session);
    gboolean ukrainian = FALSE;

    g_assert_nonnull (event);
    for (guint i = 0; i < event->n_states; i++)
      ukrainian |= g_str_equal (event->states[i]->code, "UKR");
    g_assert_true (ukrainian);
  }
  g_assert_cmpuint (mba_timeline_widget_get_n_shown (fixture->timeline), <, n);
  mba_session_set_state_code (fixture->session, NULL);

  /* Hiding context events is a property action too. */
  g_assert_true (mba_session_get_include_context (fixture->session));
  gtk_widget_activate_action (widget, "timeline.show-context", NULL);
  g_assert_false (mba_session_get_include_context (fixture->session));
  g_assert_cmpuint (mba_session_get_hidden_kinds (fixture->session), ==, 1u << MBA_EVENT_KIND_CONTEXT);
  gtk_widget_activate_action (widget, "timeline.lane-mode", "s", "state");
  g_assert_cmpint (mba_timeline_widget_get_lane_mode (fixture->timeline), ==, MBA_TIMELINE_LANE_MODE_STATE);
}

static void
click_at (Fixture *fixture,
          double   x,
          double   y)
{
  GtkGesture *click = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  const MbaEvent *est = mba_dataset_find_event (fixture->dataset, "est-deposit");
  const MbaEvent *ukr = mba_dataset_find_event (fixture->dataset, "ukr-deposit");
  MbaTimelineLayout *layout;
  const MbaTimelineItem *item;
  double span, x;

  /* On an event's dot: selected, and the cursor on its day. */
  show_year_2025 (fixture);
  layout = mba_timeline_widget_get_layout (fixture->timeline);
  item = mba_timeline_layout_find_event_item (layout, est);
  g_assert_cmpint (item->type, ==, MBA_TIMELINE_ITEM_EVENT);
  click_at (fixture, item->x, item->y);
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, "est-deposit");
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, est->first_day);

  /* On the other's label. */
  item = mba_timeline_layout_find_event_item (mba_timeline_widget_get_layout (fixture->timeline), ukr);
  g_assert_cmpfloat (item->label.width, >, 10);
  click_at (fixture, item->label.x + 5, item->y);
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, "ukr-deposit");
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, ukr->first_day);

  /* On the axis: the cursor moves to that day, the selection stays. */
  layout = mba_timeline_widget_get_layout (fixture->timeline);
  x = mba_timeline_layout_day_to_x (layout, mba_day_from_ymd (2025, 3, 3) + 0.5);
  click_at (fixture, x, mba_timeline_layout_get_geometry (layout)->axis.height - 5);
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, mba_day_from_ymd (2025, 3, 3));
  g_assert_cmpstr (mba_session_get_selected_event_id (fixture->session), ==, "ukr-deposit");

  /* On a cluster of a large dataset, zoomed out: it opens, zooming in on its events. */
  {
    g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (10000, 3);
    g_autoptr(MbaDataset) synthetic = mba_dataset_new_from_bytes (bytes, "synthetic", NULL);
    guint n, before = 0, after = 0;
    const MbaTimelineItem *items;
    const MbaTimelineGeometry *g;
    gint32 first_day, last_day;

    mba_session_set_dataset (fixture->session, synthetic);
    span = mba_timeline_viewport_get_span (viewport_of (fixture));
    layout = mba_timeline_widget_get_layout (fixture->timeline);
    g = mba_timeline_layout_get_geometry (layout);
    items = mba_timeline_layout_get_items (layout, &n);
    item = NULL;
    for (guint i = 0; i < n && item == NULL; i++)
      if (items[i].type == MBA_TIMELINE_ITEM_CLUSTER && items[i].marker.x > g->plot.x + g->plot.width / 3)
        item = &items[i];
    g_assert_nonnull (item);
    first_day = item->first_day;
    last_day = item->last_day;
    before = item->count;
    click_at (fixture, item->marker.x + item->marker.width / 2, item->y);
    g_assert_cmpfloat (mba_timeline_viewport_get_span (viewport_of (fixture)), <, span / 4);
    g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport_of (fixture)), <=, first_day);
    g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport_of (fixture)), >=, last_day + 1);
    /* Fewer events per item now. */
    layout = mba_timeline_widget_get_layout (fixture->timeline);
    items = mba_timeline_layout_get_items (layout, &n);
    for (guint i = 0; i < n; i++)
      after = MAX (after, items[i].count);
    g_assert_cmpuint (after, <, before);
    mba_session_set_dataset (fixture->session, fixture->dataset);
  }

  /* On nothing: the selection is cleared. */
  click_at (fixture, mba_timeline_layout_get_geometry (layout)->plot.x + 2,
            mba_timeline_layout_get_geometry (layout)->plot.y + mba_timeline_layout_get_geometry (layout)->plot.height - 2);
  g_assert_null (mba_session_get_selected_event_id (fixture->session));
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  GtkGesture *drag = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_DRAG);
  MbaTimelineLayout *layout;
  const MbaTimelineGeometry *g;
  MbaTimelineScene scene;
  MbaTimelineRect handle;
  double start, span, ppd, x0, y0;
  gint32 day;

  show_year_2025 (fixture);
  mba_session_set_cursor_day (fixture->session, mba_day_from_ymd (2025, 6, 29));
  layout = mba_timeline_widget_get_layout (fixture->timeline);
  g = mba_timeline_layout_get_geometry (layout);
  ppd = g->pixels_per_day;

  /* From the cursor's handle: the cursor follows. */
  mba_timeline_widget_get_scene (fixture->timeline, &scene);
  g_assert_true (mba_timeline_render_get_cursor_handle (layout, &scene, &handle));
  x0 = handle.x + handle.width / 2;
  y0 = handle.y + handle.height / 2;
  start = mba_timeline_viewport_get_start (viewport_of (fixture));
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-update", 30 * ppd, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 30 * ppd, 0.0);
  day = mba_session_get_cursor_day (fixture->session);
  g_assert_cmpint (day, ==, (gint32) floor (mba_timeline_layout_x_to_day (layout, x0 + 30 * ppd)));
  g_assert_cmpint (abs (day - (mba_day_from_ymd (2025, 6, 29) + 30)), <=, 1);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport_of (fixture)), ==, start);

  /* From anywhere else: the view pans with the pointer. */
  span = mba_timeline_viewport_get_span (viewport_of (fixture));
  g_signal_emit_by_name (drag, "drag-begin", g->plot.x + 100, g->plot.y + 100);
  g_signal_emit_by_name (drag, "drag-update", -200.0, 0.0);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_start (viewport_of (fixture)), start + 200 / ppd, 1e-6);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), span, 1e-6);
  /* A slow release: no fling. */
  g_usleep (G_USEC_PER_SEC / 5);
  g_signal_emit_by_name (drag, "drag-end", -200.0, 0.0);
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, day);
}

static void
test_fling (Fixture       *fixture,
            gconstpointer  data)
{
  GtkGesture *drag = mba_test_find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_DRAG);
  const MbaTimelineGeometry *g;
  double released, ppd;
  gint64 until;

  show_year_2025 (fixture);
  g = mba_timeline_layout_get_geometry (mba_timeline_widget_get_layout (fixture->timeline));
  ppd = g->pixels_per_day;
  mba_timeline_viewport_set_range (viewport_of (fixture), mba_day_from_ymd (2010, 1, 1), mba_day_from_ymd (2011, 1, 1));

  /* A quick drag to the left, let go while moving: the view goes on, slowing down. */
  g_signal_emit_by_name (drag, "drag-begin", g->plot.x + 500, g->plot.y + 100);
  for (int i = 1; i <= 4; i++)
    {
      g_usleep (G_USEC_PER_SEC / 60);
      g_signal_emit_by_name (drag, "drag-update", -40.0 * i, 0.0);
    }
  g_signal_emit_by_name (drag, "drag-end", -160.0, 0.0);
  released = mba_timeline_viewport_get_start (viewport_of (fixture));
  g_assert_cmpfloat_with_epsilon (released, mba_day_from_ymd (2010, 1, 1) + 160 / ppd, 1e-6);

  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport_of (fixture)), >, released + 20 / ppd);
  g_assert_cmpfloat_with_epsilon (mba_timeline_viewport_get_span (viewport_of (fixture)), 365, 1e-6);
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  const MbaEvent *est = mba_dataset_find_event (fixture->dataset, "est-deposit");
  g_autofree char *markup = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *date = mba_date_format (&est->date);
  const MbaTimelineItem *item;
  GdkRectangle area;

  show_year_2025 (fixture);
  item = mba_timeline_layout_find_event_item (mba_timeline_widget_get_layout (fixture->timeline), est);
  markup = mba_timeline_widget_describe_at (fixture->timeline, item->x, item->y, &area);
  g_assert_nonnull (markup);
  /* Date, title, and the state with the status the event gave it. */
  g_assert_nonnull (strstr (markup, date));
  g_assert_nonnull (strstr (markup, est->title));
  /* The state's name is isolated, so that the data cannot reorder the status after it. */
  g_assert_nonnull (strstr (markup, "\xe2\x81\xa8" "Estonia" "\xe2\x81\xa9: "));
  g_assert_nonnull (strstr (markup, mba_status_get_label (MBA_STATUS_WITHDRAWAL_IN_PROGRESS)));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_cmpint (area.x, <=, item->x);
  g_assert_cmpint (area.x + area.width, >=, item->label.x + item->label.width - 1);

  g_assert_null (mba_timeline_widget_describe_at (fixture->timeline, 2, 2, NULL));
}

/* A title that is one 5,000-character word (after an unclosed right-to-left override): the
 * tooltip cuts it, isolates it, wraps inside it and draws without a critical. */
static void
test_tooltip_bounded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *word = g_strnfill (5000, 'W');
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const MbaTimelineItem *item;
  GtkWidget *window, *label;

  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  text = g_string_new (json);
  /* In the JSON: an unclosed right-to-left override, then the word. */
  title = g_strconcat ("\\u202e", word, NULL);
  g_assert_cmpuint (g_string_replace (text, "Estonia deposits its withdrawal", title, 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  dataset = mba_dataset_new_from_bytes (bytes, "long-title.json", &error);
  g_assert_no_error (error);
  mba_session_set_dataset (fixture->session, dataset);

  show_year_2025 (fixture);
  item = mba_timeline_layout_find_event_item (mba_timeline_widget_get_layout (fixture->timeline),
                                              mba_dataset_find_event (dataset, "est-deposit"));
  g_assert_nonnull (item);
  markup = mba_timeline_widget_describe_at (fixture->timeline, item->x, item->y, NULL);
  g_assert_nonnull (markup);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));

  /* Bounded: the title is cut to MBA_TOOLTIP_MAX_DATA_CHARS characters, the last one "…",
   * inside an isolate that ends the override. */
  g_assert_cmpuint (strlen (markup), <, 1000);
  shown = g_strnfill (MBA_TOOLTIP_MAX_DATA_CHARS - 2, 'W');
  cut = g_strconcat ("\xe2\x81\xa8" "\xe2\x80\xae", shown, "…" "\xe2\x81\xa9", NULL);
  g_assert_nonnull (strstr (markup, cut));
  g_assert_nonnull (strstr (markup, "Estonia"));

  /* What the tooltip shows: a label no wider than its width in characters, drawn whole. */
  label = mba_tooltip_label_new (markup, TRUE);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  mba_test_wait_for_allocation (label);
  g_assert_cmpint (gtk_widget_get_width (label), <, 1000);
  g_assert_cmpint (gtk_widget_get_height (label), >, 0);
  {
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GdkTexture) texture = NULL;

    gtk_widget_snapshot_child (window, label, snapshot);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    g_assert_nonnull (node);
    /* A critical here (a Cairo surface too large) would end the test. */
    texture = gsk_renderer_render_texture (renderer, node, NULL);
    g_assert_nonnull (texture);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_selection_property (Fixture       *fixture,
                         gconstpointer  data)
{
  const MbaEvent *est = mba_dataset_find_event (fixture->dataset, "est-deposit");
  g_autofree char *id = NULL;

  /* Another view sets the selection: the cursor and the view follow. */
  mba_timeline_viewport_set_range (viewport_of (fixture), mba_day_from_ymd (2000, 1, 1), mba_day_from_ymd (2000, 2, 1));
  g_object_set (fixture->session, "selected-event-id", "est-deposit", NULL);
  g_object_get (fixture->session, "selected-event-id", &id, NULL);
  g_assert_cmpstr (id, ==, "est-deposit");
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), ==, est->first_day);
  g_assert_cmpfloat (mba_timeline_viewport_get_start (viewport_of (fixture)), <=, est->first_day);
  g_assert_cmpfloat (mba_timeline_viewport_get_end (viewport_of (fixture)), >, est->first_day);
  g_assert_cmpuint (fixture->selection_notifies, ==, 1);

  /* The same again: no notification. Unknown: cleared. */
  mba_session_set_selected_event_id (fixture->session, "est-deposit");
  g_assert_cmpuint (fixture->selection_notifies, ==, 1);
  mba_session_set_selected_event_id (fixture->session, "no-such-event");
  g_assert_null (mba_session_get_selected_event_id (fixture->session));
  g_assert_cmpuint (fixture->selection_notifies, ==, 2);

  /* The cursor stays within the timeline. */
  mba_session_set_cursor_day (fixture->session, 1);
  g_assert_cmpint (mba_session_get_cursor_day (fixture->session), >=,
                   mba_timeline_viewport_get_min_day (viewport_of (fixture)));
  g_assert_cmpuint (fixture->cursor_notifies, >=, 2);
}

/* Selecting, as the search, the map or a slide does, an event that is inside a cluster in the
 * story's view zooms in until the event is drawn on its own, with its label. */
static void
test_select_in_cluster (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);
  MbaTimelineLayout *layout;
  const MbaStory *story;
  guint n_tried = 0, n_shared = 0;

  g_assert_no_error (error);
  mba_session_set_dataset (fixture->session, bundled);
  story = mba_dataset_get_story (bundled);
  for (guint i = 0; i < mba_dataset_get_n_events (bundled); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (bundled, i);
      const MbaTimelineItem *item;
      double span;

      if (event->first_day < story->first_day || event->first_day > story->last_day)
        continue;
      mba_session_set_selected_event_id (fixture->session, NULL);
      mba_session_show_story (fixture->session);
      layout = mba_timeline_widget_get_layout (fixture->timeline);
      item = mba_timeline_layout_find_event_item (layout, event);
      if (item == NULL || item->type != MBA_TIMELINE_ITEM_CLUSTER)
        continue;
      span = mba_timeline_viewport_get_span (viewport_of (fixture));

      mba_session_set_selected_event_id (fixture->session, event->id);
      layout = mba_timeline_widget_get_layout (fixture->timeline);
      item = mba_timeline_layout_find_event_item (layout, event);
      g_assert_nonnull (item);
      if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
        {
          /* Only events on the same days as it, in a lane too short to stack them, may stay
           * with it; they are then the smallest cluster it can be in. */
          for (guint k = 0; k < item->count; k++)
            {
              const MbaEvent *other = mba_timeline_layout_get_lane_event (layout, item->lane, item->lane_first + k);

              g_assert_cmpint (other->first_day, <=, event->last_day);
              g_assert_cmpint (other->last_day, >=, event->first_day);
            }
          n_shared++;
        }
      else
        g_assert_cmpfloat (item->label.width, >, 0);
      /* Its dot in view (events of one day are spread over it when zoomed in far). */
      g_assert_cmpfloat (item->x, >=, mba_timeline_layout_get_geometry (layout)->plot.x);
      g_assert_cmpfloat (item->x, <=, mba_timeline_layout_get_geometry (layout)->plot.x +
                                      mba_timeline_layout_get_geometry (layout)->plot.width);
      g_assert_cmpfloat (mba_timeline_viewport_get_span (viewport_of (fixture)), <=, span);
      if (item->type == MBA_TIMELINE_ITEM_EVENT)
        g_assert_cmpfloat (mba_timeline_viewport_get_span (viewport_of (fixture)), <, span);
      n_tried++;
    }
  /* The story's view at this size has clusters (of the votes, the deposits). */
  g_assert_cmpuint (n_tried, >=, 5);
  g_assert_cmpuint (n_shared, <, n_tried / 2);
}

/* The filter is held once: the layout reads the session's, and hears of a change at once. */
static void
test_one_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  MbaTimelineLayout *layout = mba_timeline_widget_get_layout (fixture->timeline);
  guint n_shown;

  g_assert_true (mba_timeline_layout_get_filter (layout) == mba_session_get_filter (fixture->session));
  mba_session_set_state_code (fixture->session, "UKR");
  n_shown = mba_timeline_layout_get_n_shown (layout);
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_cmpuint (n_shown, ==, g_list_model_get_n_items (mba_session_get_events (fixture->session)));
  g_assert_cmpuint (mba_timeline_widget_get_n_shown (fixture->timeline), ==, n_shown);

  /* The layout's own setters (what a scene sets before each layout) leave the session's alone. */
  mba_timeline_layout_set_state_filter (layout, "EST");
  g_assert_cmpstr (mba_session_get_state_code (fixture->session), ==, "UKR");
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, 2);
  /* Its own filter again: the Estonian events. */
  mba_timeline_layout_set_filter (layout, NULL);
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, 3);
  mba_timeline_layout_set_filter (layout, mba_session_get_filter (fixture->session));
  g_assert_cmpuint (mba_timeline_layout_get_n_shown (layout), ==, 2);
}

/* The widget draws with the dark palette when the style manager is dark. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  const MbaTheme themes[] = { MBA_THEME_LIGHT, MBA_THEME_DARK };
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      const MbaPalette *palette = mba_palette_get (themes[t]);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
      g_autofree guchar *pixels = g_malloc (width * height * 4);
      guint32 argb;
      MbaColor got;

      adw_style_manager_set_color_scheme (manager, schemes[t]);
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, themes[t] == MBA_THEME_DARK);
      /* What the widget's snapshot vfunc draws, rendered as GTK would. */
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gdk_texture_download (texture, pixels, width * 4);
      /* The bottom left corner, below the lanes: background. */
      argb = *(guint32 *) (pixels + ((height - 3) * width + 3) * 4);
      got = (MbaColor) { (argb >> 16 & 0xff) / 255.0, (argb >> 8 & 0xff) / 255.0, (argb & 0xff) / 255.0, 1 };
      g_assert_cmpfloat (fabs (got.r - palette->background.r) + fabs (got.g - palette->background.g) +
                         fabs (got.b - palette->background.b), <, 3 / 255.0);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Under a bare Xvfb there is no D-Bus for the accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  g_test_add ("/timeline/widget/scroll-zooms-at-pointer", Fixture, NULL,
              fixture_setup, test_scroll_zooms_at_pointer, fixture_teardown);
  g_test_add ("/timeline/widget/pinch", Fixture, NULL, fixture_setup, test_pinch, fixture_teardown);
  g_test_add ("/timeline/widget/actions", Fixture, NULL, fixture_setup, test_actions, fixture_teardown);
  g_test_add ("/timeline/widget/click", Fixture, NULL, fixture_setup, test_click, fixture_teardown);
  g_test_add ("/timeline/widget/drag", Fixture, NULL, fixture_setup, test_drag, fixture_teardown);
  g_test_add ("/timeline/widget/fling", Fixture, NULL, fixture_setup, test_fling, fixture_teardown);
  g_test_add ("/timeline/widget/tooltip", Fixture, NULL, fixture_setup, test_tooltip, fixture_teardown);
  g_test_add ("/timeline/widget/tooltip-bounded", Fixture, NULL,
              fixture_setup, test_tooltip_bounded, fixture_teardown);
  g_test_add ("/timeline/widget/selection-property", Fixture, NULL,
              fixture_setup, test_selection_property, fixture_teardown);
  g_test_add ("/timeline/widget/one-filter", Fixture, NULL, fixture_setup, test_one_filter, fixture_teardown);
  g_test_add ("/timeline/widget/select-in-cluster", Fixture, NULL, fixture_setup, test_select_in_cluster,
              fixture_teardown);
  g_test_add ("/timeline/widget/dark", Fixture, NULL, fixture_setup, test_dark, fixture_teardown);

  return g_test_run ();
}
