/* test-export-dialog.c: the export dialog under a display (run under Xvfb) */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mba-cli.h"
#include "mba-resource-setup.h"
#include "mba-export-dialog.h"
#include "mba-test-util.h"

static MbaDataset *dataset;
static MbaWorldMap *world_map;
static char *tmpdir;

#define SELECTED_EVENT "baltics-poland-announce-2025-03-18"

static gpointer
child (MbaExportDialog *dialog,
       const char      *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), MBA_TYPE_EXPORT_DIALOG, id);

  g_assert_nonnull (object);
  return object;
}

static gboolean
sensitive (MbaExportDialog *dialog,
           const char      *id)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (child (dialog, id)));
}

static MbaExportDialog *
new_dialog (MbaExportView view,
            MbaTheme      theme)
{
  gint32 day;
  MbaExportDialog *dialog;

  g_assert_true (mba_day_parse_iso ("2026-02-20", &day));
  dialog = mba_export_dialog_new (NULL, dataset, world_map, day, SELECTED_EVENT, theme, view, FALSE);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (MbaExportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
wait_until_idle (MbaExportDialog *dialog)
{
  /* An export takes a second here and a minute or more under Valgrind (meson's valgrind setup
   * sets MBA_UNDER_VALGRIND). */
  int seconds = g_getenv ("MBA_UNDER_VALGRIND") != NULL ? 600 : 30;
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (mba_export_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mba_export_dialog_get_busy (dialog));
}

static void
exported_cb (MbaExportDialog  *dialog,
             GFile            *file,
             GFile           **out)
{
  g_set_object (out, file);
}

/* The window's state is the starting point; PNG-only rows follow the format. */
static void
test_defaults (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_MAP, MBA_THEME_DARK);
  g_autofree char *name = NULL;
  MbaExportOptions options;

  mba_export_dialog_get_options (dialog, &options);
  g_assert_true (options.dataset == dataset);
  g_assert_cmpint (options.view, ==, MBA_EXPORT_VIEW_MAP);
  g_assert_cmpint (options.theme, ==, MBA_THEME_DARK);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpint (options.height, ==, 1080);
  g_assert_true (options.caption);
  g_assert_false (options.transparent);
  g_assert_cmpstr (options.selected_id, ==, SELECTED_EVENT);
  name = mba_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "mine-ban-atlas-map-2026-02-20.png");

  g_assert_true (sensitive (dialog, "scale_row"));
  g_assert_true (sensitive (dialog, "transparent_row"));
  g_assert_false (sensitive (dialog, "width_row"));
  gtk_switch_set_active (child (dialog, "transparent_switch"), TRUE);
  gtk_spin_button_set_value (child (dialog, "scale_spin"), 2);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_true (options.transparent);
  g_assert_cmpint (options.scale, ==, 2);

  /* PDF: no scale, no transparency, whatever the switches say. */
  adw_combo_row_set_selected (child (dialog, "format_row"), 2);
  g_assert_false (sensitive (dialog, "scale_row"));
  g_assert_false (sensitive (dialog, "transparent_row"));
  mba_export_dialog_get_options (dialog, &options);
  g_assert_false (options.transparent);
  g_assert_cmpint (options.scale, ==, 1);
  g_assert_cmpstr (mba_export_dialog_get_format (dialog), ==, "pdf");

  /* The timeline has no map to frame. */
  g_assert_true (sensitive (dialog, "world_row"));
  adw_combo_row_set_selected (child (dialog, "view_row"), MBA_EXPORT_VIEW_TIMELINE);
  g_assert_false (sensitive (dialog, "world_row"));
  close_dialog (dialog);
}

/* The period: what the window shows by default (the story until told), then the story and the
 * whole history; the map has none. */
static void
test_period (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_TIMELINE, MBA_THEME_LIGHT);
  const MbaStory *story = mba_dataset_get_story (dataset);
  MbaExportOptions options;
  double start, end;

  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "period_row")), ==, 0);
  mba_export_dialog_get_options (dialog, &options);
  mba_export_resolve_range (&options, &start, &end);
  g_assert_cmpfloat (start, <, story->first_day);
  g_assert_cmpfloat (start, >, story->first_day - 30);
  g_assert_cmpfloat (end, >, story->last_day);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "period_row")), ==,
                   "4 March 2025 to 6 March 2026");

  mba_export_dialog_set_screen_period (dialog, mba_day_from_ymd (2025, 6, 1), mba_day_from_ymd (2025, 8, 1));
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.start_day, ==, mba_day_from_ymd (2025, 6, 1));
  g_assert_cmpfloat (options.end_day, ==, mba_day_from_ymd (2025, 8, 1));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "period_row")), ==, "1 June 2025 to 31 July 2025");

  adw_combo_row_set_selected (child (dialog, "period_row"), 1);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.start_day, ==, start);
  g_assert_cmpfloat (options.end_day, ==, end);

  adw_combo_row_set_selected (child (dialog, "period_row"), 2);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.start_day, <, mba_day_from_ymd (1997, 9, 18));
  g_assert_cmpfloat (options.end_day, >, story->last_day);

  g_assert_true (sensitive (dialog, "period_row"));
  adw_combo_row_set_selected (child (dialog, "view_row"), MBA_EXPORT_VIEW_MAP);
  g_assert_false (sensitive (dialog, "period_row"));
  close_dialog (dialog);
}

/* Presets fill in the numbers; numbers that match a preset select it; others are Custom. */
static void
test_sizes (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_POSTER, MBA_THEME_LIGHT);
  AdwComboRow *size_row = child (dialog, "size_row");
  GListModel *model = adw_combo_row_get_model (size_row);
  guint n_presets, a4_landscape = G_MAXUINT;
  const MbaExportSizePreset *presets = mba_export_get_size_presets (&n_presets);
  MbaExportOptions options;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_presets + 1);
  for (guint i = 0; i < n_presets; i++)
    if (g_str_equal (presets[i].id, "a4-landscape"))
      a4_landscape = i;
  g_assert_cmpuint (a4_landscape, <, n_presets);

  adw_combo_row_set_selected (size_row, a4_landscape);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.width, ==, 842);
  g_assert_cmpint (options.height, ==, 595);
  g_assert_false (sensitive (dialog, "height_row"));

  adw_combo_row_set_selected (size_row, n_presets);
  g_assert_true (sensitive (dialog, "width_row"));
  g_assert_true (sensitive (dialog, "height_row"));
  gtk_spin_button_set_value (child (dialog, "width_spin"), 640);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 400);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.width, ==, 640);
  g_assert_cmpint (options.height, ==, 400);
  g_assert_cmpuint (adw_combo_row_get_selected (size_row), ==, n_presets);

  gtk_spin_button_set_value (child (dialog, "width_spin"), 1280);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 720);
  g_assert_cmpstr (presets[adw_combo_row_get_selected (size_row)].id, ==, "hd");
  close_dialog (dialog);
}

/* Export writes the chosen size, reports the file, closes, and the next dialog remembers. */
static void
test_export_and_remember (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_MAP, MBA_THEME_LIGHT);
  g_autofree char *path = g_build_filename (tmpdir, "chosen.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) reported = NULL;
  cairo_surface_t *image;
  guint32 *pixels;
  gboolean any_clear = FALSE;
  MbaExportOptions options;

  adw_combo_row_set_selected (child (dialog, "view_row"), MBA_EXPORT_VIEW_POSTER);
  adw_combo_row_set_selected (child (dialog, "format_row"), 0);
  adw_combo_row_set_selected (child (dialog, "size_row"),
                              g_list_model_get_n_items (adw_combo_row_get_model (child (dialog, "size_row"))) - 1);
  gtk_spin_button_set_value (child (dialog, "width_spin"), 640);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 400);
  gtk_spin_button_set_value (child (dialog, "scale_spin"), 2);
  gtk_switch_set_active (child (dialog, "transparent_switch"), TRUE);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &reported);

  mba_export_dialog_export_to_file (dialog, file);
  g_assert_true (mba_export_dialog_get_busy (dialog));
  wait_until_idle (dialog);
  g_assert_null (mba_export_dialog_get_error_message (dialog));
  g_assert_nonnull (reported);
  g_assert_true (g_file_equal (reported, file));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  pixels = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 1280 * 800 && !any_clear; i++)
    any_clear = (pixels[i] >> 24) == 0;
  g_assert_true (any_clear);
  cairo_surface_destroy (image);
  close_dialog (dialog);

  /* The choices are kept in GSettings (the memory backend here), the folder as a URI. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID ".Export");
    g_autofree char *folder = g_settings_get_string (settings, "folder");
    g_autofree char *format = g_settings_get_string (settings, "format");
    g_autofree char *view = g_settings_get_string (settings, "view");
    g_autofree char *size = g_settings_get_string (settings, "size");
    g_autoptr(GFile) tmp = g_file_new_for_path (tmpdir);
    g_autofree char *tmp_uri = g_file_get_uri (tmp);

    g_assert_true (g_settings_get_boolean (settings, "remembered"));
    g_assert_cmpstr (folder, ==, tmp_uri);
    g_assert_cmpstr (format, ==, "png");
    g_assert_cmpstr (view, ==, "poster");
    g_assert_cmpstr (size, ==, "custom");
    g_assert_cmpint (g_settings_get_int (settings, "width"), ==, 640);
    g_assert_cmpint (g_settings_get_int (settings, "scale"), ==, 2);
    g_assert_true (g_settings_get_boolean (settings, "transparent"));
  }

  /* A new dialog starts from those choices rather than from the window's. */
  dialog = new_dialog (MBA_EXPORT_VIEW_TIMELINE, MBA_THEME_DARK);
  mba_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.view, ==, MBA_EXPORT_VIEW_POSTER);
  g_assert_cmpint (options.theme, ==, MBA_THEME_LIGHT);
  g_assert_cmpint (options.width, ==, 640);
  g_assert_cmpint (options.height, ==, 400);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_true (options.transparent);
  close_dialog (dialog);
}

/* A file that cannot be written: the error is shown, the dialog stays, nothing is reported. */
static void
test_unwritable (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_TIMELINE, MBA_THEME_LIGHT);
  g_autofree char *path = g_build_filename (tmpdir, "no-such-folder", "picture.svg", NULL);
  g_autofree char *bare = g_build_filename (tmpdir, "picture", NULL);
  g_autofree char *with_extension = g_strconcat (bare, ".svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
  g_autoptr(GFile) reported = NULL;
  const char *message;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &reported);
  g_test_expect_message ("mine-ban-atlas", G_LOG_LEVEL_WARNING, "Export failed: *No such file or directory*");
  mba_export_dialog_export_to_file (dialog, file);
  wait_until_idle (dialog);
  g_test_assert_expected_messages ();

  message = mba_export_dialog_get_error_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "no-such-folder"));
  g_assert_nonnull (strstr (message, "No such file or directory"));
  g_assert_null (reported);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* The name's extension chose the format. */
  g_assert_cmpstr (mba_export_dialog_get_format (dialog), ==, "svg");

  /* Then a good name without an extension gets the format's, and the error goes. */
  mba_export_dialog_export_to_file (dialog, bare_file);
  wait_until_idle (dialog);
  g_assert_null (mba_export_dialog_get_error_message (dialog));
  g_assert_nonnull (reported);
  g_assert_true (g_file_test (with_extension, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (bare, G_FILE_TEST_EXISTS));
  close_dialog (dialog);
}

/* A PNG over the pixel budget is refused at once, with the limit in the message, and nothing
 * is written. */
static void
test_too_large (void)
{
  MbaExportDialog *dialog = new_dialog (MBA_EXPORT_VIEW_MAP, MBA_THEME_LIGHT);
  g_autofree char *path = g_build_filename (tmpdir, "huge.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  adw_combo_row_set_selected (child (dialog, "format_row"), 0);
  gtk_spin_button_set_value (child (dialog, "width_spin"), 7680);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 4320);
  gtk_spin_button_set_value (child (dialog, "scale_spin"), 2);
  mba_export_dialog_export_to_file (dialog, file);
  g_assert_false (mba_export_dialog_get_busy (dialog));
  g_assert_cmpstr (mba_export_dialog_get_error_message (dialog), ==,
                   "A PNG of 7680 × 4320 at scale 2 would be 15360 × 8640 pixels; at most 7680 × 4320 "
                   "(33.2 million pixels) can be exported. Choose a smaller size or scale.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The spin buttons stop at the largest side. */
  gtk_spin_button_set_value (child (dialog, "width_spin"), 20000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "width_spin")), ==, 8192);
  close_dialog (dialog);
}

/* Issue 15, item 14: a file name that is not UTF-8, or that holds markup's characters, is shown
 * readably in the toast after an export, and as text. */
static void
test_toast_file_name (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/a&b\xff.png");
  g_autoptr(AdwToast) toast = mba_export_toast_new (file);
  const char *title = adw_toast_get_title (toast);

  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_nonnull (strstr (title, "a&amp;b"));
  g_assert_nonnull (strstr (title, "\xef\xbf\xbd.png"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_path = NULL;
  g_autofree char *map_path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();
  mba_resources_ensure_registered ();

  dataset_path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  dataset = mba_dataset_new_from_file (dataset_path, &error);
  g_assert_no_error (error);
  map_path = g_test_build_filename (G_TEST_DIST, "..", "data", "world-map.txt", NULL);
  world_map = mba_world_map_new_from_file (map_path, &error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("mba-export-dialog-XXXXXX", NULL);

  /* In this order: the later tests see the choices remembered by the export. */
  g_test_add_func ("/export-dialog/defaults", test_defaults);
  g_test_add_func ("/export-dialog/period", test_period);
  g_test_add_func ("/export-dialog/sizes", test_sizes);
  g_test_add_func ("/export-dialog/export-and-remember", test_export_and_remember);
  g_test_add_func ("/export-dialog/unwritable", test_unwritable);
  g_test_add_func ("/export-dialog/too-large", test_too_large);
  g_test_add_func ("/export-dialog/toast-file-name", test_toast_file_name);

  status = g_test_run ();
  mba_test_remove_tree (tmpdir);
  g_clear_object (&world_map);
  g_clear_object (&dataset);
  return status;
}
