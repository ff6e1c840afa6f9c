/* test-window.c: the main window, its quote panel, search and files (run under Xvfb) */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-cli.h"
#include "mba-resource-setup.h"
#include "mba-quote-panel.h"
#include "mba-window.h"
#include "mba-source-format.h"
#include "mba-test-util.h"

typedef struct
{
  MbaWindow *window;
  char      *tmpdir;
} Fixture;

static void
iterate_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
window_is_mapped (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         gtk_widget_get_width (GTK_WIDGET (mba_window_get_timeline (fixture->window))) > 100;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = g_object_new (MBA_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  g_assert_true (mba_window_open_bundled (fixture->window, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate_until (window_is_mapped, fixture);
  g_assert_true (window_is_mapped (fixture));

  fixture->tmpdir = g_dir_make_tmp ("mba-window-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  mba_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Every label's text under @widget, one a line, in widget order. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
panel_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (mba_window_get_quote_panel (fixture->window)), text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      g_str_equal (gtk_button_get_label (GTK_BUTTON (widget)), label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
write_fixture (Fixture    *fixture,
               const char *name,
               const char *contents)
{
  char *path = g_build_filename (fixture->tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
small_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* ------------------------------------------------------------------------------------------ */

/* Selecting an event through the window's action fills the quote panel with its words and
 * quotes, and moves the map to its date. */
static void
test_select_shows_quotes (Fixture       *fixture,
                          gconstpointer  data)
{
  MbaDataset *dataset = mba_window_get_dataset (fixture->window);
  const MbaEvent *event = mba_dataset_find_event (dataset, "ukr-decree-2025-06-29");
  MbaQuotePanel *panel = mba_window_get_quote_panel (fixture->window);
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;

  g_assert_nonnull (event);
  g_assert_cmpuint (event->n_quotes, >, 0);
  g_assert_cmpstr (mba_quote_panel_get_page (panel), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-event", "s",
                                             "ukr-decree-2025-06-29"));
  g_assert_cmpstr (mba_quote_panel_get_page (panel), ==, "event");
  g_assert_cmpstr (mba_quote_panel_get_event_id (panel), ==, "ukr-decree-2025-06-29");
  g_assert_cmpint (mba_map_widget_get_day (mba_window_get_map (fixture->window)), ==, event->first_day);
  g_assert_cmpstr (mba_map_widget_get_selected_event_id (mba_window_get_map (fixture->window)), ==,
                   "ukr-decree-2025-06-29");

  text = panel_text (fixture);
  g_assert_nonnull (strstr (text, event->title));
  g_assert_nonnull (strstr (text, event->summary));
  for (guint i = 0; i < event->n_quotes; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", event->quotes[i].text);
      g_autofree char *file = g_strdup_printf ("Article file: %s", event->quotes[i].source->document);

      g_assert_nonnull (strstr (text, quoted));
      g_assert_nonnull (strstr (text, file));
    }
  /* The decree's date was worked out: the basis is shown. */
  g_assert_nonnull (event->date_basis);
  g_assert_nonnull (strstr (text, event->date_basis));
  source = mba_source_format_citation (event->quotes[0].source);
  g_assert_nonnull (strstr (text, source));
}

/* An event in a dispute shows each side with its reading and quote. */
static void
test_dispute_sides (Fixture       *fixture,
                    gconstpointer  data)
{
  MbaDataset *dataset = mba_window_get_dataset (fixture->window);
  const MbaEvent *event = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < mba_dataset_get_n_events (dataset) && event == NULL; i++)
    if (mba_dataset_get_event (dataset, i)->n_disputes > 0)
      event = mba_dataset_get_event (dataset, i);
  g_assert_nonnull (event);

  mba_timeline_widget_set_selected_event_id (mba_window_get_timeline (fixture->window), event->id);
  text = panel_text (fixture);
  g_assert_nonnull (strstr (text, "Where the Sources Disagree"));
  g_assert_nonnull (strstr (text, event->disputes[0]->topic));
  for (guint i = 0; i < event->disputes[0]->n_claims; i++)
    {
      const MbaClaim *claim = &event->disputes[0]->claims[i];

      g_assert_nonnull (strstr (text, claim->reading));
      g_assert_nonnull (strstr (text, claim->text));
    }
}

/* "Cited by" lists every event that cites a source; choosing one selects it everywhere. */
static void
test_source_lists_citing_events (Fixture       *fixture,
                                 gconstpointer  data)
{
  MbaDataset *dataset = mba_window_get_dataset (fixture->window);
  MbaQuotePanel *panel = mba_window_get_quote_panel (fixture->window);
  const MbaSource *source = mba_dataset_find_source (dataset, "a000");
  g_autofree char *text = NULL;
  guint n_citing = 0;
  const MbaEvent *last_citing = NULL;
  GtkWidget *button;

  g_assert_nonnull (source);
  mba_timeline_widget_set_selected_event_id (mba_window_get_timeline (fixture->window),
                                             "ukr-video-address-2025-06-29");
  button = find_button_with_label (GTK_WIDGET (panel), "_Cited By…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (mba_quote_panel_get_page (panel), ==, "source");

  mba_quote_panel_show_source (panel, "a000");
  text = panel_text (fixture);
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);
      gboolean cites = FALSE;

      for (guint q = 0; q < event->n_quotes; q++)
        cites |= event->quotes[q].source == source;
      if (!cites)
        continue;
      n_citing++;
      last_citing = event;
      g_assert_nonnull (strstr (text, event->title));
    }
  g_assert_cmpuint (n_citing, >, 1);
  {
    g_autofree char *heading = g_strdup_printf ("%u Events Cite This Source", n_citing);
    g_assert_nonnull (strstr (text, heading));
  }

  g_signal_emit_by_name (panel, "event-activated", last_citing->id);
  g_assert_cmpstr (mba_timeline_widget_get_selected_event_id (mba_window_get_timeline (fixture->window)),
                   ==, last_citing->id);
  g_assert_cmpstr (mba_quote_panel_get_page (panel), ==, "event");
}

/* Search finds words in quotes (not only titles), and Enter selects the first result. */
static void
test_search_quotes_and_enter (Fixture       *fixture,
                              gconstpointer  data)
{
  MbaDataset *dataset = mba_window_get_dataset (fixture->window);
  g_auto(GStrv) ids = NULL;
  const MbaEvent *first;
  guint n_results;

  /* "cynical" appears only in a quote. */
  mba_window_search (fixture->window, "Cynical");
  ids = mba_window_get_result_ids (fixture->window);
  g_assert_cmpuint (g_strv_length (ids), >=, 1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const MbaEvent *event = mba_dataset_find_event (dataset, ids[i]);
      gboolean in_quote = FALSE;

      g_assert_null (strstr (event->title, "cynical"));
      for (guint q = 0; q < event->n_quotes; q++)
        in_quote |= strstr (event->quotes[q].text, "cynical") != NULL;
      g_assert_true (in_quote);
    }
  first = mba_dataset_find_event (dataset, ids[0]);

  g_clear_pointer (&ids, g_strfreev);
  /* A state's name finds its events; words must all match. */
  mba_window_search (fixture->window, "estonia deposit");
  ids = mba_window_get_result_ids (fixture->window);
  g_assert_cmpuint (g_strv_length (ids), >=, 1);
  g_assert_true (g_strv_contains ((const char * const *) ids, "est-withdrawal-deposited-2025-06-27"));

  /* Enter in the entry takes the first result, closes the search and shows every event again. */
  n_results = g_strv_length (ids);
  g_clear_pointer (&ids, g_strfreev);
  mba_window_search (fixture->window, "cynical");
  g_signal_emit_by_name (find_widget_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY),
                         "activate");
  g_assert_cmpstr (mba_timeline_widget_get_selected_event_id (mba_window_get_timeline (fixture->window)),
                   ==, first->id);
  g_assert_null (mba_timeline_widget_get_search_text (mba_window_get_timeline (fixture->window)));
  g_assert_cmpuint (mba_timeline_widget_get_n_shown (mba_window_get_timeline (fixture->window)), >,
                    n_results);
}

static void
test_bad_file_keeps_dataset (Fixture       *fixture,
                             gconstpointer  data)
{
  MbaDataset *before = mba_window_get_dataset (fixture->window);
  guint n_before = mba_dataset_get_n_events (before);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-problems.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *report;

  g_assert_null (mba_window_get_report (fixture->window));
  g_assert_false (mba_window_open_file (fixture->window, file, &error));
  g_assert_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_MISSING);

  /* Every problem, positioned as --check prints it. */
  report = mba_window_get_report (fixture->window);
  g_assert_nonnull (report);
  g_assert_cmpstr (report, ==, error->message);
  g_assert_nonnull (strstr (report, "many-problems.json: states[1]: required member “name” is missing"));
  g_assert_nonnull (strstr (report, "events[0].date"));
  g_assert_nonnull (strstr (report, "events[1].kind"));

  g_assert_true (mba_window_get_dataset (fixture->window) == before);
  g_assert_cmpuint (mba_dataset_get_n_events (mba_window_get_dataset (fixture->window)), ==, n_before);
  g_assert_true (mba_quote_panel_get_dataset (mba_window_get_quote_panel (fixture->window)) == before);

  /* A good file then replaces it and the report goes away. */
  g_clear_error (&error);
  {
    g_autofree char *contents = small_json ();
    g_autofree char *good = write_fixture (fixture, "good.json", contents);
    g_autoptr(GFile) good_file = g_file_new_for_path (good);

    g_assert_true (mba_window_open_file (fixture->window, good_file, &error));
    g_assert_no_error (error);
    g_assert_null (mba_window_get_report (fixture->window));
    g_assert_cmpstr (mba_dataset_get_title (mba_window_get_dataset (fixture->window)), ==, "Small test dataset");
    g_assert_true (g_file_equal (mba_window_get_file (fixture->window), good_file));
  }
}

static gboolean
dataset_title_is_changed (Fixture *fixture)
{
  return g_strcmp0 (mba_dataset_get_title (mba_window_get_dataset (fixture->window)), "Changed on disk") == 0;
}

static gboolean
report_is_shown (Fixture *fixture)
{
  return mba_window_get_report (fixture->window) != NULL;
}

/* Reload reads the file again: a good change replaces the dataset, a bad one is reported and
 * the dataset stays. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *contents = small_json ();
  g_autofree char *path = write_fixture (fixture, "reload.json", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = g_string_new (contents);
  MbaDataset *before;

  g_assert_true (mba_window_open_file (fixture->window, file, &error));
  g_assert_no_error (error);
  mba_timeline_widget_set_selected_event_id (mba_window_get_timeline (fixture->window), "ukr-deposit");

  g_assert_cmpuint (g_string_replace (changed, "Small test dataset", "Changed on disk", 1), ==, 1);
  g_file_set_contents (path, changed->str, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  iterate_until (dataset_title_is_changed, fixture);
  g_assert_true (dataset_title_is_changed (fixture));
  /* The reader's place is kept. */
  g_assert_cmpstr (mba_timeline_widget_get_selected_event_id (mba_window_get_timeline (fixture->window)),
                   ==, "ukr-deposit");

  before = mba_window_get_dataset (fixture->window);
  g_file_set_contents (path, "{ \"format\": \"mine-ban-atlas/1\",\n  \"title\": 12 ", -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  iterate_until (report_is_shown, fixture);
  g_assert_nonnull (strstr (mba_window_get_report (fixture->window), "reload.json:2:"));
  g_assert_true (mba_window_get_dataset (fixture->window) == before);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  mba_window_set_dataset (fixture->window, NULL);
  g_assert_nonnull (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_get_mapped (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                            ADW_TYPE_STATUS_PAGE)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (mba_window_get_timeline (fixture->window))));
  /* Its icon is looked up once the page shows. */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                                                         ADW_TYPE_STATUS_PAGE))),
                   ==, "x-office-calendar-symbolic");
  /* Its button opens a file: the action is there and enabled. */
  g_assert_nonnull (find_button_with_label (GTK_WIDGET (fixture->window), "_Open Dataset…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-bundled", NULL));
  g_assert_nonnull (mba_window_get_dataset (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mba_window_get_timeline (fixture->window))));
}

static GtkWidget *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_SHORTCUTS_WINDOW (window))
        return window;
    }
  return NULL;
}

static gboolean
shortcuts_window_is_mapped (Fixture *fixture)
{
  GtkWidget *window = find_shortcuts_window ();

  return window != NULL && gtk_widget_get_mapped (window);
}

/* The shortcuts window is built when first asked for, belongs to the window, and comes back
 * after it is closed. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_null (find_shortcuts_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  iterate_until (shortcuts_window_is_mapped, fixture);
  shortcuts = GTK_WINDOW (find_shortcuts_window ());
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  /* Its sections come from the resource. */
  g_assert_nonnull (find_widget_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT));

  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (GTK_WINDOW (find_shortcuts_window ()) == shortcuts);
}

/* Every named icon in the window is in the icon theme: a missing one shows as a broken image
 * (the filter bar's funnel-symbolic, which Adwaita 43 does not have, once did). */
static void
collect_missing_icons (GtkWidget    *widget,
                       GtkIconTheme *theme,
                       GString      *missing)
{
  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME &&
      !gtk_icon_theme_has_icon (theme, gtk_image_get_icon_name (GTK_IMAGE (widget))))
    g_string_append_printf (missing, "%s ", gtk_image_get_icon_name (GTK_IMAGE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_missing_icons (child, theme, missing);
}

static void
test_icons_exist (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));
  g_autoptr(GString) missing = g_string_new (NULL);

  collect_missing_icons (GTK_WIDGET (fixture->window), theme, missing);
  g_assert_cmpstr (missing->str, ==, "");
  /* The empty state's icon, set when its page shows */
  g_assert_true (gtk_icon_theme_has_icon (theme, "x-office-calendar-symbolic"));
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu is built when it first opens, with every entry. */
static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (fixture->window));
  GMenuModel *model;
  g_autoptr(GString) labels = g_string_new (NULL);

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            g_string_append_printf (labels, "%s|", label);
        }
    }
  g_assert_nonnull (strstr (labels->str, "_Open…|"));
  g_assert_nonnull (strstr (labels->str, "_Quit|"));
  gtk_menu_button_popdown (button);
}

/* The layout choice comes from GSettings and applies at once. */
static void
test_layout_setting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *timeline = GTK_WIDGET (mba_window_get_timeline (fixture->window));
  GtkWidget *paned = gtk_widget_get_parent (timeline);
  g_autofree char *layout = NULL;

  g_assert_true (GTK_IS_PANED (paned));
  g_settings_set_string (settings, "layout", "stacked");
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_VERTICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.layout", "s", "side-by-side"));
  layout = g_settings_get_string (settings, "layout");
  g_assert_cmpstr (layout, ==, "side-by-side");
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_settings_set_string (settings, "layout", "stacked");

  /* F9's action hides the quote panel and remembers it. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (mba_window_get_quote_panel (fixture->window)))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.quote-panel-visible", NULL));
  g_assert_false (g_settings_get_boolean (settings, "quote-panel-visible"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (mba_window_get_quote_panel (fixture->window)))));
  g_settings_set_boolean (settings, "quote-panel-visible", TRUE);
}

/* Closing the window remembers its size and the last file. */
static void
test_state_remembered (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *contents = small_json ();
  g_autofree char *path = write_fixture (fixture, "last.json", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *last = NULL;
  gboolean stopped = TRUE;
  int width, height;

  g_assert_true (mba_window_open_file (fixture->window, file, NULL));
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, path);

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_signal_emit_by_name (fixture->window, "close-request", &stopped);
  g_assert_false (stopped);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);
}

static gboolean
dataset_is_small (Fixture *fixture)
{
  return g_strcmp0 (mba_dataset_get_title (mba_window_get_dataset (fixture->window)), "Small test dataset") == 0;
}

/* A file dropped on the window opens (in a thread) like one chosen with Open. */
static void
test_drop_opens (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *contents = small_json ();
  g_autofree char *path = write_fixture (fixture, "dropped.json", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  iterate_until (dataset_is_small, fixture);
  g_assert_true (dataset_is_small (fixture));
  g_assert_true (g_file_equal (mba_window_get_file (fixture->window), file));
}

/* A state clicked on the map filters the timeline to it and selects the event behind its status. */
static void
test_map_click_selects (Fixture       *fixture,
                        gconstpointer  data)
{
  MbaDataset *dataset = mba_window_get_dataset (fixture->window);
  MbaMapWidget *map = mba_window_get_map (fixture->window);
  MbaTimelineWidget *timeline = mba_window_get_timeline (fixture->window);
  const MbaState *estonia = mba_dataset_find_state (dataset, "EST");
  const MbaEvent *set_by = NULL;
  gint32 day = mba_day_from_ymd (2026, 2, 20);

  mba_timeline_widget_set_cursor_day (timeline, day);
  g_assert_cmpint (mba_map_widget_get_day (map), ==, day);
  g_assert_cmpint (mba_dataset_get_status_at (dataset, estonia, day, &set_by, NULL), ==, MBA_STATUS_WITHDRAWN);
  g_assert_nonnull (set_by);

  g_signal_emit_by_name (map, "state-activated", "EST");
  g_assert_cmpstr (mba_timeline_widget_get_state_filter (timeline), ==, "EST");
  g_assert_cmpstr (mba_timeline_widget_get_selected_event_id (timeline), ==, set_by->id);
  g_assert_cmpstr (mba_quote_panel_get_event_id (mba_window_get_quote_panel (fixture->window)), ==, set_by->id);

  /* The filter bar's button shows every event again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.clear-state-filter", NULL));
  g_assert_null (mba_timeline_widget_get_state_filter (timeline));
  g_assert_null (mba_map_widget_get_activated_state (map));
}

static void
test_only_web_links (void)
{
  g_assert_true (mba_uri_is_web ("https://www.icbl.org/en-gb/the-treaty.aspx"));
  g_assert_true (mba_uri_is_web ("http://example.org/a?b=c"));
  g_assert_false (mba_uri_is_web ("javascript:alert(1)"));
  g_assert_false (mba_uri_is_web ("file:///etc/passwd"));
  g_assert_false (mba_uri_is_web ("ftp://example.org/"));
  g_assert_false (mba_uri_is_web ("https://exa mple.org/"));
  g_assert_false (mba_uri_is_web (""));
  g_assert_false (mba_uri_is_web (NULL));
}

/* GTK 4.8 measures the labels of a shortcuts window's page switcher ("1", "2") at -3 pixels
 * under libadwaita's style sheet, and warns; GtkApplication's own help overlay does the same.
 * Only that warning is let through; every other one stays fatal. */
static GLogWriterOutput
write_log_but_shortcuts_switcher_warning (GLogLevelFlags   log_level,
                                          const GLogField *fields,
                                          gsize            n_fields,
                                          gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_pattern_match_simple ("GtkLabel * (label) reported min width -3, but sizes must be >= 0",
                                fields[i].value) &&
        find_shortcuts_window () != NULL)
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* A bare Xvfb has no accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (write_log_but_shortcuts_switcher_warning, NULL, NULL);
  gtk_init ();
  adw_init ();
  mba_resources_ensure_registered ();

  g_test_add ("/window/select-shows-quotes", Fixture, NULL, fixture_set_up, test_select_shows_quotes, fixture_tear_down);
  g_test_add ("/window/dispute-sides", Fixture, NULL, fixture_set_up, test_dispute_sides, fixture_tear_down);
  g_test_add ("/window/source-lists-citing-events", Fixture, NULL, fixture_set_up, test_source_lists_citing_events, fixture_tear_down);
  g_test_add ("/window/search", Fixture, NULL, fixture_set_up, test_search_quotes_and_enter, fixture_tear_down);
  g_test_add ("/window/bad-file-keeps-dataset", Fixture, NULL, fixture_set_up, test_bad_file_keeps_dataset, fixture_tear_down);
  g_test_add ("/window/reload", Fixture, NULL, fixture_set_up, test_reload, fixture_tear_down);
  g_test_add ("/window/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/window/shortcuts-window", Fixture, NULL, fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/window/icons-exist", Fixture, NULL, fixture_set_up, test_icons_exist, fixture_tear_down);
  g_test_add ("/window/primary-menu", Fixture, NULL, fixture_set_up, test_primary_menu, fixture_tear_down);
  g_test_add ("/window/layout-setting", Fixture, NULL, fixture_set_up, test_layout_setting, fixture_tear_down);
  g_test_add ("/window/state-remembered", Fixture, NULL, fixture_set_up, test_state_remembered, fixture_tear_down);
  g_test_add ("/window/map-click-selects", Fixture, NULL, fixture_set_up, test_map_click_selects, fixture_tear_down);
  g_test_add ("/window/drop-opens", Fixture, NULL, fixture_set_up, test_drop_opens, fixture_tear_down);
  g_test_add_func ("/window/only-web-links", test_only_web_links);
  return g_test_run ();
}
