/* test-session.c: the app's state driven alone, without a display */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "mba-session.h"
#include "mba-synthetic.h"

static MbaDataset *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Counts notifications per property name. */
typedef struct
{
  GHashTable *counts;
  guint       items_changed;
  guint       filter_changed;
} Recorder;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, pspec->name));

  g_hash_table_insert (recorder->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  recorder->items_changed++;
}

static void
on_filter_changed (MbaSession *session,
                   Recorder   *recorder)
{
  recorder->filter_changed++;
}

static void
recorder_watch (Recorder   *recorder,
                MbaSession *session)
{
  recorder->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (session, "notify", G_CALLBACK (on_notify), recorder);
  g_signal_connect (session, "filter-changed", G_CALLBACK (on_filter_changed), recorder);
  g_signal_connect (mba_session_get_events (session), "items-changed", G_CALLBACK (on_items_changed), recorder);
}

static guint
count (Recorder   *recorder,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, name));
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->counts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Recorder, recorder_clear)

static void
recorder_reset (Recorder *recorder)
{
  g_hash_table_remove_all (recorder->counts);
  recorder->items_changed = recorder->filter_changed = 0;
}

/* The ids of the events the list model holds, through its items. */
static char *
list_ids (MbaSession *session)
{
  GListModel *events = mba_session_get_events (session);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (events) == MBA_TYPE_EVENT_ITEM);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MbaEventItem) item = g_list_model_get_item (events, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_assert_cmpstr (id, ==, mba_event_item_get_event (item)->id);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, id);
    }
  g_assert_null (g_list_model_get_item (events, g_list_model_get_n_items (events)));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static MbaDataset *
synthetic (void)
{
  g_autoptr(GBytes) bytes = mba_synthetic_dataset_generate (200, 7);
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset = mba_dataset_new_from_bytes (bytes, "synthetic", &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_dataset (void)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  g_autoptr(MbaDataset) dataset = load ("small.json");
  g_autofree char *ids = NULL;
  g_auto(Recorder) recorder = { 0 };

  /* Empty: nothing selected, no date, no events, the treaty's years in view. */
  g_assert_null (mba_session_get_dataset (session));
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mba_session_get_events (session)), ==, 0);
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, mba_day_from_ymd (1997, 1, 1));
  g_assert_true (mba_session_get_include_context (session));

  recorder_watch (&recorder, session);
  mba_session_set_dataset (session, dataset);
  g_assert_true (mba_session_get_dataset (session) == dataset);
  g_assert_cmpuint (count (&recorder, "dataset"), ==, 1);
  g_assert_cmpuint (count (&recorder, "cursor-day"), ==, 1);
  g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 0);
  g_assert_cmpuint (recorder.items_changed, ==, 1);
  g_assert_cmpuint (recorder.filter_changed, ==, 1);
  /* Nothing selected: the map shows the latest event's day. */
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, mba_day_from_ymd (2025, 12, 27));
  /* Every event, in date order; the view shows them all, with a margin. */
  ids = list_ids (session);
  g_assert_cmpstr (ids, ==, "ukr-ratifies recent-months joint-announcement est-deposit ukr-deposit est-deposit-effective");
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, mba_session_get_min_day (session));
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, mba_session_get_max_day (session));
  g_assert_cmpfloat (mba_session_get_min_day (session), <, mba_day_from_ymd (2005, 1, 1));
  g_assert_cmpfloat (mba_session_get_max_day (session), >, mba_day_from_ymd (2025, 12, 28));

  /* The same again: nothing happens. */
  recorder_reset (&recorder);
  mba_session_set_dataset (session, dataset);
  g_assert_cmpuint (g_hash_table_size (recorder.counts), ==, 0);
  g_assert_cmpuint (recorder.items_changed, ==, 0);

  /* None: the list empties. */
  mba_session_set_dataset (session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (mba_session_get_events (session)), ==, 0);
  g_assert_cmpuint (recorder.items_changed, ==, 1);
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, 0);
}

/* A dataset that names a story opens on it, the map on its last day; View → Whole History and
 * back set the range and the two flags; a dataset without one shows everything. */
static void
test_story (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) bundled = mba_dataset_new_from_file (path, &error);
  g_autoptr(MbaDataset) small = load ("small.json");
  g_autoptr(MbaSession) session = mba_session_new ();
  g_auto(Recorder) recorder = { 0 };
  double start = 0, end = 0;

  g_assert_no_error (error);
  recorder_watch (&recorder, session);
  mba_session_set_dataset (session, bundled);
  g_assert_true (mba_session_get_story_range (session, &start, &end));
  /* The story, 18 March 2025 to 20 February 2026, with a little room, and not 1997. */
  g_assert_cmpfloat (start, <, mba_day_from_ymd (2025, 3, 18));
  g_assert_cmpfloat (start, >, mba_day_from_ymd (2025, 1, 1));
  g_assert_cmpfloat (end, >, mba_day_from_ymd (2026, 2, 21));
  g_assert_cmpfloat (end, <, mba_day_from_ymd (2026, 5, 1));
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, start);
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, end);
  g_assert_true (mba_session_get_showing_story (session));
  g_assert_false (mba_session_get_showing_whole_history (session));
  g_assert_cmpuint (count (&recorder, "showing-story"), ==, 1);
  g_assert_cmpuint (count (&recorder, "showing-whole-history"), ==, 1);
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, mba_day_from_ymd (2026, 2, 20));

  recorder_reset (&recorder);
  mba_session_show_whole_history (session);
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, mba_session_get_min_day (session));
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, mba_session_get_max_day (session));
  g_assert_cmpfloat (mba_session_get_min_day (session), <, mba_day_from_ymd (1998, 1, 1));
  g_assert_false (mba_session_get_showing_story (session));
  g_assert_true (mba_session_get_showing_whole_history (session));
  g_assert_cmpuint (count (&recorder, "showing-story"), ==, 1);
  g_assert_cmpuint (count (&recorder, "showing-whole-history"), ==, 1);

  /* A zoom elsewhere is neither. */
  mba_session_set_visible_range (session, mba_day_from_ymd (2010, 1, 1), mba_day_from_ymd (2012, 1, 1));
  g_assert_false (mba_session_get_showing_story (session));
  g_assert_false (mba_session_get_showing_whole_history (session));

  recorder_reset (&recorder);
  mba_session_show_story (session);
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, start);
  g_assert_true (mba_session_get_showing_story (session));
  g_assert_cmpuint (count (&recorder, "showing-story"), ==, 1);
  g_assert_cmpuint (count (&recorder, "showing-whole-history"), ==, 0);

  /* No story: the whole span, and show_story shows that. */
  mba_session_set_dataset (session, small);
  g_assert_false (mba_session_get_story_range (session, &start, &end));
  g_assert_false (mba_session_get_showing_story (session));
  g_assert_true (mba_session_get_showing_whole_history (session));
  mba_session_set_visible_range (session, mba_day_from_ymd (2010, 1, 1), mba_day_from_ymd (2012, 1, 1));
  mba_session_show_story (session);
  g_assert_true (mba_session_get_showing_whole_history (session));
}

static void
test_selection (void)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  g_autoptr(MbaDataset) dataset = load ("small.json");
  g_autoptr(MbaDataset) reloaded = load ("small.json");
  const MbaEvent *est = mba_dataset_find_event (dataset, "est-deposit");
  g_auto(Recorder) recorder = { 0 };

  /* Without a dataset an id selects nothing. */
  mba_session_set_selected_event_id (session, "est-deposit");
  g_assert_null (mba_session_get_selected_event_id (session));

  mba_session_set_dataset (session, dataset);
  recorder_watch (&recorder, session);
  mba_session_set_selected_event_id (session, "est-deposit");
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, "est-deposit");
  g_assert_true (mba_session_get_selected_event (session) == est);
  /* The cursor goes to the event's date. */
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, est->first_day);
  g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 1);
  g_assert_cmpuint (count (&recorder, "cursor-day"), ==, 1);

  /* Again: no notification. Unknown: cleared. */
  mba_session_set_selected_event_id (session, "est-deposit");
  g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 1);
  mba_session_set_selected_event_id (session, "no-such-event");
  g_assert_null (mba_session_get_selected_event (session));
  g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 2);
  /* Clearing leaves the cursor where it was. */
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, est->first_day);

  /* A selection hidden by the filter is still a selection. */
  mba_session_set_state_code (session, "UKR");
  mba_session_set_selected_event_id (session, "est-deposit");
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, "est-deposit");
  mba_session_set_state_code (session, NULL);

  /* A reloaded dataset keeps the selection, now pointing into the new dataset. */
  recorder_reset (&recorder);
  mba_session_set_dataset (session, reloaded);
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, "est-deposit");
  g_assert_true (mba_session_get_selected_event (session) == mba_dataset_find_event (reloaded, "est-deposit"));
  g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 0);
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, est->first_day);

  /* A dataset without the event clears it. */
  {
    g_autoptr(MbaDataset) other = synthetic ();

    g_assert_null (mba_dataset_find_event (other, "est-deposit"));
    mba_session_set_dataset (session, other);
    g_assert_null (mba_session_get_selected_event_id (session));
    g_assert_cmpuint (count (&recorder, "selected-event-id"), ==, 1);
  }
}

static void
test_cursor_and_range (void)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  g_autoptr(MbaDataset) dataset = load ("small.json");
  g_auto(Recorder) recorder = { 0 };
  double min_day, max_day;

  mba_session_set_dataset (session, dataset);
  min_day = mba_session_get_min_day (session);
  max_day = mba_session_get_max_day (session);
  recorder_watch (&recorder, session);

  /* The cursor stays within the timeline's limits. */
  mba_session_set_cursor_day (session, 1);
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, (gint32) ceil (min_day));
  mba_session_set_cursor_day (session, G_MAXINT32 / 2);
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, (gint32) floor (max_day) - 1);
  g_assert_cmpuint (count (&recorder, "cursor-day"), ==, 2);
  mba_session_set_cursor_day (session, G_MAXINT32 / 2);
  g_assert_cmpuint (count (&recorder, "cursor-day"), ==, 2);
  mba_session_set_cursor_day (session, mba_day_from_ymd (2025, 3, 3));
  g_assert_cmpint (mba_session_get_cursor_day (session), ==, mba_day_from_ymd (2025, 3, 3));

  /* The visible range: swapped, at least a day, inside the limits. */
  mba_session_set_visible_range (session, mba_day_from_ymd (2026, 1, 1), mba_day_from_ymd (2025, 1, 1));
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, mba_day_from_ymd (2025, 1, 1));
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, mba_day_from_ymd (2026, 1, 1));
  g_assert_cmpuint (count (&recorder, "visible-start"), ==, 1);
  g_assert_cmpuint (count (&recorder, "visible-end"), ==, 1);
  mba_session_set_visible_range (session, 1000, 1000);
  g_assert_cmpfloat (mba_session_get_visible_end (session) - mba_session_get_visible_start (session), ==,
                     MBA_SESSION_MIN_VISIBLE_SPAN);
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, min_day);
  mba_session_set_visible_range (session, max_day - 10, max_day + 500);
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, max_day);
  g_assert_cmpfloat (mba_session_get_visible_start (session), <, mba_session_get_visible_end (session));
  mba_session_set_visible_range (session, -1e9, 1e9);
  g_assert_cmpfloat (mba_session_get_visible_start (session), ==, min_day);
  g_assert_cmpfloat (mba_session_get_visible_end (session), ==, max_day);
  recorder_reset (&recorder);
  mba_session_set_visible_range (session, NAN, 5);
  mba_session_set_visible_range (session, min_day, max_day);
  g_assert_cmpuint (g_hash_table_size (recorder.counts), ==, 0);
}

static void
test_filter (void)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  g_autoptr(MbaDataset) dataset = load ("small.json");
  g_auto(Recorder) recorder = { 0 };
  char *ids;

  mba_session_set_dataset (session, dataset);
  recorder_watch (&recorder, session);

  /* A state: only its events. */
  mba_session_set_state_code (session, "UKR");
  g_assert_cmpstr (mba_session_get_state_code (session), ==, "UKR");
  ids = list_ids (session);
  g_assert_cmpstr (ids, ==, "ukr-ratifies ukr-deposit");
  g_free (ids);
  g_assert_cmpuint (count (&recorder, "state-code"), ==, 1);
  g_assert_cmpuint (recorder.items_changed, ==, 1);
  g_assert_cmpuint (recorder.filter_changed, ==, 1);
  mba_session_set_state_code (session, "UKR");
  g_assert_cmpuint (count (&recorder, "state-code"), ==, 1);
  mba_session_set_state_code (session, "");
  g_assert_null (mba_session_get_state_code (session));

  /* Context events hidden, through the hidden kinds or the include-context switch. */
  recorder_reset (&recorder);
  mba_session_set_include_context (session, FALSE);
  g_assert_cmpuint (mba_session_get_hidden_kinds (session), ==, 1u << MBA_EVENT_KIND_CONTEXT);
  g_assert_cmpuint (count (&recorder, "hidden-kinds"), ==, 1);
  g_assert_cmpuint (count (&recorder, "include-context"), ==, 1);
  ids = list_ids (session);
  g_assert_null (strstr (ids, "recent-months"));
  g_free (ids);
  /* Bits for kinds that do not exist are dropped. */
  mba_session_set_hidden_kinds (session, (1u << MBA_EVENT_KIND_CONTEXT) | (1u << 31));
  g_assert_cmpuint (count (&recorder, "hidden-kinds"), ==, 1);
  mba_session_set_hidden_kinds (session, 0);
  g_assert_true (mba_session_get_include_context (session));
  g_assert_cmpuint (count (&recorder, "include-context"), ==, 2);

  /* Search: the text as typed, the words matched anywhere. */
  recorder_reset (&recorder);
  mba_session_set_search_text (session, "estonia");
  g_assert_cmpstr (mba_session_get_search_text (session), ==, "estonia");
  ids = list_ids (session);
  g_assert_cmpstr (ids, ==, "joint-announcement est-deposit est-deposit-effective");
  g_free (ids);
  g_assert_cmpuint (recorder.items_changed, ==, 1);
  /* Another spelling of the same words: the text changes, the events do not. */
  mba_session_set_search_text (session, "Estonia ");
  g_assert_cmpuint (count (&recorder, "search-text"), ==, 2);
  g_assert_cmpuint (recorder.items_changed, ==, 1);
  g_assert_cmpuint (recorder.filter_changed, ==, 1);
  mba_session_set_search_text (session, "");
  g_assert_null (mba_session_get_search_text (session));
  g_assert_cmpuint (g_list_model_get_n_items (mba_session_get_events (session)), ==, 6);

  /* The filter object is the session's: one copy of the state. */
  g_assert_null (mba_event_filter_get_state_code (mba_session_get_filter (session)));
  mba_session_set_state_code (session, "EST");
  g_assert_cmpstr (mba_event_filter_get_state_code (mba_session_get_filter (session)), ==, "EST");

  /* A dataset with the state keeps the state filter; one without it drops it. */
  {
    g_autoptr(MbaDataset) other = synthetic ();

    mba_session_set_dataset (session, other);
    g_assert_cmpstr (mba_session_get_state_code (session), ==, "EST");
    mba_session_set_state_code (session, "ALB");
    recorder_reset (&recorder);
    mba_session_set_dataset (session, dataset);
    g_assert_null (mba_session_get_state_code (session));
    g_assert_cmpuint (count (&recorder, "state-code"), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (mba_session_get_events (session)), ==, 6);
  }
}

/* An item keeps its dataset alive after the session has let it go. */
static void
test_item_keeps_dataset (void)
{
  g_autoptr(MbaSession) session = mba_session_new ();
  MbaDataset *dataset = load ("small.json");
  g_autoptr(MbaEventItem) item = NULL;
  GWeakRef weak;

  mba_session_set_dataset (session, dataset);
  g_weak_ref_init (&weak, dataset);
  g_object_unref (dataset);
  item = g_list_model_get_item (mba_session_get_events (session), 0);
  mba_session_set_dataset (session, NULL);
  g_assert_cmpstr (mba_event_item_get_event (item)->id, ==, "ukr-ratifies");
  {
    g_autoptr(MbaDataset) alive = g_weak_ref_get (&weak);
    g_assert_nonnull (alive);
  }
  g_clear_object (&item);
  {
    g_autoptr(MbaDataset) gone = g_weak_ref_get (&weak);
    g_assert_null (gone);
  }
  g_weak_ref_clear (&weak);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/dataset", test_dataset);
  g_test_add_func ("/session/story", test_story);
  g_test_add_func ("/session/selection", test_selection);
  g_test_add_func ("/session/cursor-and-range", test_cursor_and_range);
  g_test_add_func ("/session/filter", test_filter);
  g_test_add_func ("/session/item-keeps-dataset", test_item_keeps_dataset);
  return g_test_run ();
}
