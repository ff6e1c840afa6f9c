/* test-map-widget.c: the map widget under a display (run under Xvfb) */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-map-summary.h"
#include "mba-map-widget.h"
#include "mba-tooltip.h"
#include "mba-test-widget.h"

static MbaDataset *dataset;

typedef struct
{
  GtkWidget    *window;
  MbaMapWidget *map;
  GPtrArray    *activations;   /* codes received, "(null)" for NULL */
} Fixture;

static void
state_activated_cb (MbaMapWidget *map,
                    const char   *code,
                    Fixture      *fixture)
{
  g_ptr_array_add (fixture->activations, g_strdup (code ? code : "(null)"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 deadline;

  fixture->activations = g_ptr_array_new_with_free_func (g_free);
  fixture->window = gtk_window_new ();
  fixture->map = MBA_MAP_WIDGET (mba_map_widget_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->map));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 560);
  g_signal_connect (fixture->map, "state-activated", G_CALLBACK (state_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (GTK_WIDGET (fixture->map)) < 100 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->map)), >=, 100);

  mba_map_widget_set_dataset (fixture->map, dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_ptr_array_unref (fixture->activations);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  gint32 day = mba_day_from_ymd (2025, 7, 1);
  g_autofree char *expected = mba_map_summary (dataset, day);
  MbaMapRenderParams params;
  gint32 got_day;

  g_object_set (fixture->map, "day", day, "compare-day", mba_day_from_ymd (2025, 1, 1),
                "selected-event-id", "est-deposit", NULL);
  g_object_get (fixture->map, "day", &got_day, NULL);
  g_assert_cmpint (got_day, ==, day);
  g_assert_cmpstr (mba_map_widget_get_summary (fixture->map), ==, expected);

  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_true (params.dataset == dataset);
  g_assert_cmpint (params.day, ==, day);
  g_assert_cmpint (params.compare_day, ==, mba_day_from_ymd (2025, 1, 1));
  g_assert_cmpstr (params.selected_event_id, ==, "est-deposit");
  g_assert_cmpint (params.view.projection, ==, MBA_MAP_PROJECTION_REGIONAL);
  g_assert_cmpint (params.width, ==, gtk_widget_get_width (GTK_WIDGET (fixture->map)));

  {
    g_autoptr(GArray) changes = mba_map_widget_get_changes (fixture->map);
    gboolean est = FALSE;

    for (guint i = 0; i < changes->len; i++)
      est |= g_str_equal (g_array_index (changes, MbaMapChange, i).state->code, "EST");
    g_assert_true (est);
  }

  /* The date moves: the summary follows at once. */
  mba_map_widget_set_day (fixture->map, mba_day_from_ymd (2026, 2, 20));
  g_assert_nonnull (strstr (mba_map_widget_get_summary (fixture->map), "no longer bound"));

  g_object_set (fixture->map, "world-view", TRUE, NULL);
  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_cmpint (params.view.projection, ==, MBA_MAP_PROJECTION_WORLD);

  /* The widget draws (the frame goes through the renderer). */
  gtk_widget_queue_draw (GTK_WIDGET (fixture->map));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
test_hover_and_tooltip (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEventController *motion = mba_test_find_controller (GTK_WIDGET (fixture->map), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_autofree char *text = NULL;
  const MbaEvent *event = mba_dataset_find_event (dataset, "est-deposit");
  double x, y;

  mba_map_widget_set_day (fixture->map, mba_day_from_ymd (2025, 7, 1));
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x, &y));
  g_assert_cmpstr (mba_map_widget_get_state_at (fixture->map, x, y), ==, "EST");

  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (mba_map_widget_get_hover_state (fixture->map), ==, "EST");

  /* Name, status at the date, and the event that set it with its date. */
  text = mba_map_widget_describe_state (fixture->map, mba_map_widget_get_hover_state (fixture->map));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, mba_state_get_display_name (mba_dataset_find_state (dataset, "EST"))));
  g_assert_nonnull (strstr (text, mba_status_get_label (MBA_STATUS_WITHDRAWAL_IN_PROGRESS)));
  g_assert_nonnull (strstr (text, event->title));
  {
    g_autofree char *date = mba_date_format (&event->date);

    g_assert_nonnull (strstr (text, date));
  }

  /* A country of the map that the dataset does not know. */
  g_clear_pointer (&text, g_free);
  text = mba_map_widget_describe_state (fixture->map, "DEU");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Germany"));

  g_signal_emit_by_name (motion, "leave");
  g_assert_null (mba_map_widget_get_hover_state (fixture->map));
}

static void
click (Fixture *fixture,
       double   x,
       double   y)
{
  GtkEventController *gesture = mba_test_find_controller (GTK_WIDGET (fixture->map), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  double x, y, sea_x, sea_y;
  MbaMapRenderParams params;

  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x, &y));
  click (fixture, x, y);
  g_assert_cmpuint (fixture->activations->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activations, 0), ==, "EST");
  g_assert_cmpstr (mba_map_widget_get_activated_state (fixture->map), ==, "EST");
  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_cmpstr (params.activated_code, ==, "EST");

  /* Clicking it again clears the filter. */
  click (fixture, x, y);
  g_assert_cmpuint (fixture->activations->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->activations, 1), ==, "(null)");
  g_assert_null (mba_map_widget_get_activated_state (fixture->map));

  /* Another state, then the sea. */
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "UKR", &x, &y));
  click (fixture, x, y);
  g_assert_cmpstr (g_ptr_array_index (fixture->activations, 2), ==, "UKR");
  g_assert_true (mba_map_view_lonlat_to_screen (&params.view, params.width, params.height, 19.8, 56.2,
                                                &sea_x, &sea_y));
  g_assert_null (mba_map_widget_get_state_at (fixture->map, sea_x, sea_y));
  click (fixture, sea_x, sea_y);
  g_assert_cmpuint (fixture->activations->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (fixture->activations, 3), ==, "(null)");

  /* A country outside the dataset does not filter anything. */
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "DEU", &x, &y));
  click (fixture, x, y);
  g_assert_cmpuint (fixture->activations->len, ==, 4);
}

/* With a session the map follows its state, and a click writes the filter and the selection. */
static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  MbaDataset *small = mba_map_widget_get_dataset (fixture->map);
  const MbaEvent *set_by = NULL;
  gint32 day = mba_day_from_ymd (2025, 8, 1);
  double x, y;

  mba_session_set_dataset (session, small);
  mba_session_set_cursor_day (session, day);
  mba_session_set_selected_event_id (session, "ukr-deposit");
  mba_map_widget_set_session (fixture->map, session);
  g_assert_true (mba_map_widget_get_session (fixture->map) == session);
  g_assert_cmpstr (mba_map_widget_get_selected_event_id (fixture->map), ==, "ukr-deposit");
  g_assert_cmpint (mba_map_widget_get_day (fixture->map), ==, mba_session_get_cursor_day (session));

  mba_session_set_cursor_day (session, day);
  g_assert_cmpint (mba_map_widget_get_day (fixture->map), ==, day);
  mba_dataset_get_status_at (small, mba_dataset_find_state (small, "EST"), day, &set_by, NULL);
  g_assert_nonnull (set_by);

  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x, &y));
  click (fixture, x, y);
  g_assert_cmpstr (mba_session_get_state_code (session), ==, "EST");
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, set_by->id);
  g_assert_cmpstr (mba_map_widget_get_selected_event_id (fixture->map), ==, set_by->id);

  /* The filter cleared elsewhere: the outline goes. */
  mba_session_set_state_code (session, NULL);
  g_assert_null (mba_map_widget_get_activated_state (fixture->map));
  mba_map_widget_set_session (fixture->map, NULL);
}

/* The tooltip of a state whose status comes from an event titled with one 5,000-character word:
 * the title is cut and isolated, so the text stays bounded. */
static void
test_tooltip_bounded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *word = g_strnfill (5000, 'W');
  g_autofree char *shown = g_strnfill (MBA_TOOLTIP_MAX_DATA_CHARS - 1, 'W');
  g_autofree char *cut = g_strconcat ("\xe2\x81\xa8", shown, "…" "\xe2\x81\xa9", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbaDataset) long_title = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  s = g_string_new (json);
  g_assert_cmpuint (g_string_replace (s, "Estonia deposits its withdrawal", word, 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  long_title = mba_dataset_new_from_bytes (bytes, "long-title.json", &error);
  g_assert_no_error (error);
  mba_map_widget_set_dataset (fixture->map, long_title);
  mba_map_widget_set_day (fixture->map, mba_day_from_ymd (2025, 8, 1));

  text = mba_map_widget_describe_state (fixture->map, "EST");
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), <, 1000);
  g_assert_nonnull (strstr (text, cut));
}

static double
distance_est_fin (Fixture *fixture)
{
  double x1, y1, x2, y2;

  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x1, &y1));
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "FIN", &x2, &y2));
  return hypot (x2 - x1, y2 - y1);
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  GtkEventController *keys = mba_test_find_controller (GTK_WIDGET (fixture->map), GTK_TYPE_EVENT_CONTROLLER_KEY);
  double home = distance_est_fin (fixture);
  double x, y, x2, y2;
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->map)));

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_plus, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (distance_est_fin (fixture), >, home * 1.2);

  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x, &y));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "EST", &x2, &y2));
  g_assert_cmpfloat (x2, >, x + 10);
  g_assert_cmpfloat_with_epsilon (y2, y, 1e-6);

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_0, 0, 0, &handled);
  g_assert_cmpfloat_with_epsilon (distance_est_fin (fixture), home, 1e-6);

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_minus, 0, 0, &handled);
  g_assert_cmpfloat (distance_est_fin (fixture), <, home);

  handled = TRUE;
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_a, 0, 0, &handled);
  g_assert_false (handled);
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  MbaMapRenderParams params;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_cmpint (params.theme, ==, MBA_THEME_DARK);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_cmpint (params.theme, ==, MBA_THEME_LIGHT);
}

/* With a story, the map opens on its states and neighbours: all six inside, Ireland and Spain
 * out; the world is one toggle away and back; resetting the view comes back to the story. A
 * dataset without a story opens on Europe. */
static void
test_story_frame (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->map));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->map));
  const MbaStory *story;
  MbaMapRenderParams params;
  double x, y, home_x, home_y, europe;

  g_assert_no_error (error);
  story = mba_dataset_get_story (bundled);
  g_assert_nonnull (story);
  /* small.json has no story: Europe, Spain on the map. */
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "ESP", &x, &y));
  g_assert_true (x > 0 && x < width && y > 0 && y < height);
  europe = distance_est_fin (fixture);

  mba_map_widget_set_dataset (fixture->map, bundled);
  mba_map_widget_get_render_params (fixture->map, &params);
  g_assert_cmpuint (params.n_focus_states, ==, story->n_states);
  for (guint i = 0; i < story->n_states; i++)
    {
      g_assert_true (mba_map_widget_get_state_point (fixture->map, story->states[i]->code, &x, &y));
      g_assert_true (x > 0 && x < width && y > 0 && y < height);
    }
  /* Closer than Europe's frame. */
  g_assert_cmpfloat (distance_est_fin (fixture), >, 1.2 * europe);

  g_assert_true (mba_map_widget_get_state_point (fixture->map, "LTU", &home_x, &home_y));
  mba_map_widget_set_world_view (fixture->map, TRUE);
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "USA", &x, &y));
  g_assert_true (x > 0 && x < width && y > 0 && y < height);
  mba_map_widget_set_world_view (fixture->map, FALSE);
  mba_map_widget_zoom (fixture->map, 2.0);
  mba_map_widget_reset_view (fixture->map);
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "LTU", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, home_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, home_y, 1e-6);

  /* Reloading the same story keeps the user's zoom. */
  mba_map_widget_zoom (fixture->map, 2.0);
  {
    g_autoptr(MbaDataset) reloaded = mba_dataset_new_from_file (path, &error);

    g_assert_no_error (error);
    mba_map_widget_set_dataset (fixture->map, reloaded);
  }
  g_assert_true (mba_map_widget_get_state_point (fixture->map, "LTU", &x, &y));
  g_assert_cmpfloat (fabs (x - home_x) + fabs (y - home_y), >, 1);
  mba_map_widget_set_dataset (fixture->map, dataset);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Under a bare Xvfb there is no D-Bus for the AT-SPI backend to reach. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add ("/map/widget/properties", Fixture, NULL, fixture_set_up, test_properties, fixture_tear_down);
  g_test_add ("/map/widget/hover-and-tooltip", Fixture, NULL, fixture_set_up, test_hover_and_tooltip, fixture_tear_down);
  g_test_add ("/map/widget/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/map/widget/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  g_test_add ("/map/widget/tooltip-bounded", Fixture, NULL, fixture_set_up, test_tooltip_bounded, fixture_tear_down);
  g_test_add ("/map/widget/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/map/widget/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/map/widget/story-frame", Fixture, NULL, fixture_set_up, test_story_frame, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
