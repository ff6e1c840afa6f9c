/* test-presentation.c: the presentation window driven with a clicker's keys (Xvfb) */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-cli.h"
#include "mba-resource-setup.h"
#include "mba-event-filter.h"
#include "mba-map-widget.h"
#include "mba-presentation-window.h"
#include "mba-slide-view.h"
#include "mba-timeline-widget.h"
#include "mba-window.h"
#include "mba-test-widget.h"

typedef struct
{
  MbaDataset            *dataset;
  GPtrArray             *steps;
  MbaPresentationWindow *window;
  GtkEventController    *keys;
  guint                  position_notifies;
} Fixture;

static void
count_position (GObject    *object,
                GParamSpec *pspec,
                Fixture    *fixture)
{
  fixture->position_notifies++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaEventFilter) filter = NULL;

  fixture->dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  filter = mba_event_filter_new (fixture->dataset);
  fixture->steps = mba_event_filter_list_events (filter);
  g_assert_cmpuint (fixture->steps->len, ==, 6);

  fixture->window = mba_presentation_window_new (fixture->dataset, mba_map_widget_load_world_map (),
                                                 fixture->steps,
                                                 mba_presentation_find_step (fixture->steps, "joint-announcement"));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_signal_connect (fixture->window, "notify::position", G_CALLBACK (count_position), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mba_test_wait_for_allocation (mba_presentation_window_get_view (fixture->window));
  fixture->keys = mba_test_find_controller (GTK_WIDGET (fixture->window), GTK_TYPE_EVENT_CONTROLLER_KEY);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->steps, g_ptr_array_unref);
  g_clear_object (&fixture->dataset);
}

static gboolean
press (Fixture *fixture,
       guint    keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (fixture->keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* What the slide view draws: its step's title and progress. */
static void
assert_shown (Fixture    *fixture,
              guint       position,
              const char *event_id,
              const char *title)
{
  MbaSlideParams params;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;
  g_autofree char *progress = g_strdup_printf ("Step %u of 6.", position + 1);

  g_object_get (fixture->window, "event-id", &id, NULL);
  g_assert_cmpstr (id, ==, event_id);
  g_assert_cmpuint (mba_presentation_window_get_position (fixture->window), ==, position);

  mba_slide_view_get_slide (MBA_SLIDE_VIEW (mba_presentation_window_get_view (fixture->window)), &params);
  g_assert_false (params.blank);
  g_assert_cmpuint (params.position, ==, position);
  g_assert_cmpuint (params.n_steps, ==, 6);
  g_assert_cmpstr (params.event->title, ==, title);
  /* What screen readers get as the view's description. */
  description = mba_slide_describe (&params);
  g_assert_true (g_str_has_prefix (description, progress));
  g_assert_nonnull (strstr (description, title));
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_cmpuint (mba_presentation_window_get_n_steps (fixture->window), ==, 6);
  /* It starts on the timeline's selection. */
  assert_shown (fixture, 2, "joint-announcement", "Joint announcement");

  /* Forward: Right, Down, Page Down, Space, Return, each one step, stopping at the end. */
  g_assert_true (press (fixture, GDK_KEY_Right));
  assert_shown (fixture, 3, "est-deposit", "Estonia deposits its withdrawal");
  g_assert_true (press (fixture, GDK_KEY_Down));
  assert_shown (fixture, 4, "ukr-deposit", "Ukraine deposits");
  g_assert_true (press (fixture, GDK_KEY_Page_Down));
  g_assert_cmpuint (mba_presentation_window_get_position (fixture->window), ==, 5);
  g_assert_true (press (fixture, GDK_KEY_space));
  g_assert_true (press (fixture, GDK_KEY_Return));
  g_assert_cmpuint (mba_presentation_window_get_position (fixture->window), ==, 5);
  g_assert_cmpuint (fixture->position_notifies, ==, 3);

  /* Back: Left, Up, Page Up, Backspace, stopping at the start. */
  g_assert_true (press (fixture, GDK_KEY_Left));
  g_assert_true (press (fixture, GDK_KEY_Up));
  assert_shown (fixture, 3, "est-deposit", "Estonia deposits its withdrawal");
  g_assert_true (press (fixture, GDK_KEY_Page_Up));
  g_assert_true (press (fixture, GDK_KEY_BackSpace));
  assert_shown (fixture, 1, "recent-months", "Something in recent months");

  /* Home and End. */
  g_assert_true (press (fixture, GDK_KEY_End));
  assert_shown (fixture, 5, "est-deposit-effective", mba_dataset_find_event (fixture->dataset,
                                                                              "est-deposit-effective")->title);
  g_assert_true (press (fixture, GDK_KEY_Home));
  assert_shown (fixture, 0, "ukr-ratifies", "Ukraine ratifies");
  g_assert_true (press (fixture, GDK_KEY_BackSpace));
  assert_shown (fixture, 0, "ukr-ratifies", "Ukraine ratifies");

  /* Other keys, and keys with Control, are left to others. */
  g_assert_false (press (fixture, GDK_KEY_a));
  {
    gboolean handled = TRUE;

    g_signal_emit_by_name (fixture->keys, "key-pressed", GDK_KEY_Right, 0, GDK_CONTROL_MASK, &handled);
    g_assert_false (handled);
    g_assert_cmpuint (mba_presentation_window_get_position (fixture->window), ==, 0);
  }
}

static void
test_blank (Fixture       *fixture,
            gconstpointer  data)
{
  MbaSlideParams params;
  MbaSlideView *view = MBA_SLIDE_VIEW (mba_presentation_window_get_view (fixture->window));

  g_assert_true (press (fixture, GDK_KEY_b));
  g_assert_true (mba_presentation_window_get_blank (fixture->window));
  mba_slide_view_get_slide (view, &params);
  g_assert_true (params.blank);
  /* B again brings the step back. */
  g_assert_true (press (fixture, GDK_KEY_B));
  g_assert_false (mba_presentation_window_get_blank (fixture->window));

  /* "." blanks too; a step key then only brings the same step back. */
  g_assert_true (press (fixture, GDK_KEY_period));
  g_assert_true (mba_presentation_window_get_blank (fixture->window));
  g_assert_true (press (fixture, GDK_KEY_Right));
  g_assert_false (mba_presentation_window_get_blank (fixture->window));
  assert_shown (fixture, 2, "joint-announcement", "Joint announcement");
  g_assert_true (press (fixture, GDK_KEY_period));
  g_assert_true (press (fixture, GDK_KEY_Left));
  assert_shown (fixture, 2, "joint-announcement", "Joint announcement");

  /* Home and End unblank and move. */
  g_assert_true (press (fixture, GDK_KEY_b));
  g_assert_true (press (fixture, GDK_KEY_End));
  assert_shown (fixture, 5, "est-deposit-effective", mba_dataset_find_event (fixture->dataset,
                                                                              "est-deposit-effective")->title);
}

/* A click on the right half goes forward, on the left half back. */
static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *view = mba_presentation_window_get_view (fixture->window);
  GtkGesture *click = mba_test_find_controller (view, GTK_TYPE_GESTURE_CLICK);
  int width = gtk_widget_get_width (view);

  g_signal_emit_by_name (click, "released", 1, width * 0.9, 100.0);
  assert_shown (fixture, 3, "est-deposit", "Estonia deposits its withdrawal");
  g_signal_emit_by_name (click, "released", 1, width * 0.1, 100.0);
  g_signal_emit_by_name (click, "released", 1, width * 0.1, 100.0);
  assert_shown (fixture, 1, "recent-months", "Something in recent months");
}

static void
test_escape_closes (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (press (fixture, GDK_KEY_Escape));
  while (fixture->window != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (fixture->window);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static MbaPresentationWindow *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MBA_IS_PRESENTATION_WINDOW (window))
        return MBA_PRESENTATION_WINDOW (window);
    }
  return NULL;
}

/* F5 in the main window presents what the timeline shows, from its selection, and the
 * timeline follows the steps. */
static void
test_window_action (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_file (path, &error);
  MbaWindow *window = g_object_new (MBA_TYPE_WINDOW, NULL);
  MbaTimelineWidget *timeline;
  MbaSession *session;
  MbaPresentationWindow *presentation;

  g_assert_no_error (error);
  mba_window_set_dataset (window, dataset);
  gtk_window_present (GTK_WINDOW (window));
  timeline = MBA_TIMELINE_WIDGET (find_descendant (GTK_WIDGET (window), MBA_TYPE_TIMELINE_WIDGET));
  g_assert_nonnull (timeline);
  mba_test_wait_for_allocation (GTK_WIDGET (timeline));
  session = mba_timeline_widget_get_session (timeline);

  mba_session_set_state_code (session, "EST");
  mba_session_set_selected_event_id (session, "est-deposit");
  g_assert_null (find_presentation ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  g_assert_cmpuint (mba_presentation_window_get_n_steps (presentation), ==, 3);
  g_assert_cmpuint (mba_presentation_window_get_position (presentation), ==, 1);
  g_assert_cmpstr (mba_presentation_window_get_event_id (presentation), ==, "est-deposit");

  mba_presentation_window_set_position (presentation, 2);
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, "est-deposit-effective");

  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
count_tick (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until a weak pointer is cleared, for at most 30 s. */
static void
wait_until_null (gpointer *weak_pointer)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*weak_pointer != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (*weak_pointer);
}

static MbaWindow *
new_window_with_bundled_data (const char *state_filter)
{
  g_autoptr(GError) error = NULL;
  MbaWindow *window = g_object_new (MBA_TYPE_WINDOW, NULL);
  MbaTimelineWidget *timeline;

  g_assert_true (mba_window_open_bundled (window, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  timeline = MBA_TIMELINE_WIDGET (find_descendant (GTK_WIDGET (window), MBA_TYPE_TIMELINE_WIDGET));
  mba_test_wait_for_allocation (GTK_WIDGET (timeline));
  mba_session_set_state_code (mba_timeline_widget_get_session (timeline), state_filter);
  return window;
}

/* With the bundled story, F5 presents the story's slide set from its title slide; "H" switches
 * to the whole history (what the filter lets through) and back, keeping the event on screen. */
static void
test_story_slide_set (void)
{
  MbaWindow *window = new_window_with_bundled_data (NULL);
  MbaSession *session = mba_timeline_widget_get_session (
    MBA_TIMELINE_WIDGET (find_descendant (GTK_WIDGET (window), MBA_TYPE_TIMELINE_WIDGET)));
  g_autoptr(GPtrArray) story = mba_slides_list_story (mba_window_get_dataset (window));
  guint n_all = g_list_model_get_n_items (mba_session_get_events (session));
  MbaPresentationWindow *presentation;
  GtkEventController *keys;
  gboolean handled = FALSE;
  g_autofree char *event_id = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  keys = mba_test_find_controller (GTK_WIDGET (presentation), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_assert_cmpuint (mba_presentation_window_get_n_steps (presentation), ==, story->len);
  g_assert_cmpuint (story->len, <, n_all);
  g_assert_cmpuint (mba_presentation_window_get_position (presentation), ==, 0);
  g_assert_null (mba_presentation_window_get_event_id (presentation));
  g_assert_false (mba_presentation_window_get_whole_history (presentation));

  mba_presentation_window_set_position (presentation, 3);
  event_id = g_strdup (mba_presentation_window_get_event_id (presentation));
  g_assert_cmpstr (event_id, ==, ((const MbaEvent *) story->pdata[3])->id);
  g_assert_cmpstr (mba_session_get_selected_event_id (session), ==, event_id);

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_h, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (mba_presentation_window_get_whole_history (presentation));
  g_assert_cmpuint (mba_presentation_window_get_n_steps (presentation), ==, n_all);
  g_assert_cmpstr (mba_presentation_window_get_event_id (presentation), ==, event_id);

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_H, 0, 0, &handled);
  g_assert_false (mba_presentation_window_get_whole_history (presentation));
  g_assert_cmpuint (mba_presentation_window_get_n_steps (presentation), ==, story->len);
  g_assert_cmpuint (mba_presentation_window_get_position (presentation), ==, 3);

  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* "Export Handout…" writes in a worker thread: the main loop keeps running, a toast counts the
 * pages, the action waits for the write, and the PDF has a page per step. */
static void
test_handout_in_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mba-handout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MbaWindow *window = new_window_with_bundled_data ("UKR");
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *first = NULL, *done_text = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  guint ticks = 0, n_done = 0, n_pages = 0, last_done = 0, tick_id, n_toplevels;
  MbaDataset *dataset;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  /* The handout is the presentation's default slide set: the story's, whatever the filter. */
  steps = mba_slides_list_story (mba_window_get_dataset (window));
  g_assert_nonnull (steps);
  g_assert_cmpuint (steps->len, >=, 20);

  mba_window_export_handout_to_file (window, file);
  /* Still writing when the call returns: the work is not on this thread. */
  g_assert_nonnull (mba_window_get_handout_progress (window));
  first = g_strdup_printf ("Writing handout: 0 of %u pages", steps->len);
  g_assert_cmpstr (mba_window_get_handout_progress (window), ==, first);
  /* The action is off meanwhile: activating it opens no file chooser. */
  n_toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-handout", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_toplevels);

  tick_id = g_timeout_add (5, count_tick, &ticks);
  while (mba_window_get_handout_progress (window) != NULL)
    {
      g_assert_cmpint (sscanf (mba_window_get_handout_progress (window), "Writing handout: %u of %u pages",
                               &n_done, &n_pages), ==, 2);
      g_assert_cmpuint (n_pages, ==, steps->len);
      g_assert_cmpuint (n_done, >=, last_done);
      last_done = n_done;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick_id);
  /* The main loop ran while the pages were drawn. */
  g_assert_cmpuint (ticks, >, 1);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_pdf_pages (path), ==, steps->len);

  /* Nothing the worker held is left over. */
  dataset = mba_window_get_dataset (window);
  g_object_add_weak_pointer (G_OBJECT (dataset), (gpointer *) &dataset);
  g_clear_pointer (&steps, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until_null ((gpointer *) &dataset);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Closing the window cancels the write between pages: no handout, no temporary file. */
static void
test_handout_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mba-handout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) listing = NULL;
  MbaWindow *window = new_window_with_bundled_data (NULL);
  MbaDataset *dataset = mba_window_get_dataset (window);
  gint64 started;

  mba_window_export_handout_to_file (window, file);
  g_assert_nonnull (mba_window_get_handout_progress (window));
  /* Let it draw a page or two (the whole handout takes about a second). */
  started = g_get_monotonic_time ();
  while (g_get_monotonic_time () < started + 50 * 1000)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (mba_window_get_handout_progress (window));

  /* The worker holds the dataset until it has stopped; the window lets go at once. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (dataset), (gpointer *) &dataset);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
  wait_until_null ((gpointer *) &dataset);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
  g_assert_no_errno (g_rmdir (dir));
}

/* The progress toast's Cancel stops the worker within a page: the old file stays as it was
 * and GIO's temporary file is removed. */
static void
test_handout_toast_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mba-handout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  MbaWindow *window = new_window_with_bundled_data (NULL);
  guint n_done = 0, n_pages = 0;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  const char *name;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  mba_window_export_handout_to_file (window, file);
  while (n_done == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (mba_window_get_handout_progress (window));
      sscanf (mba_window_get_handout_progress (window), "Writing handout: %u of %u pages", &n_done, &n_pages);
    }
  g_assert_cmpuint (n_done, <, n_pages);

  mba_window_cancel_handout (window);
  g_assert_null (mba_window_get_handout_progress (window));
  /* The window's busy cursor goes when the worker has stopped. */
  while (gtk_widget_get_cursor (GTK_WIDGET (window)) != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (window)));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (name, ==, "handout.pdf");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
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
  mba_resources_ensure_registered ();

  g_test_add ("/presentation/keys", Fixture, NULL, fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/presentation/blank", Fixture, NULL, fixture_setup, test_blank, fixture_teardown);
  g_test_add ("/presentation/click", Fixture, NULL, fixture_setup, test_click, fixture_teardown);
  g_test_add ("/presentation/escape", Fixture, NULL, fixture_setup, test_escape_closes, fixture_teardown);
  g_test_add_func ("/presentation/story-slide-set", test_story_slide_set);
  g_test_add_func ("/presentation/window-action", test_window_action);
  g_test_add_func ("/presentation/handout-in-thread", test_handout_in_thread);
  g_test_add_func ("/presentation/handout-cancel", test_handout_cancel);
  g_test_add_func ("/presentation/handout-toast-cancel", test_handout_toast_cancel);

  return g_test_run ();
}
