/* mba-window.c: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-event-filter.h"
#include "mba-map-summary.h"
#include "mba-map-widget.h"
#include "mba-presentation-window.h"
#include "mba-slide-renderer.h"
#include "mba-timeline-widget.h"
#include "mba-window.h"

struct _MbaWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  MbaTimelineWidget    *timeline;
  MbaMapWidget         *map;
  GtkLabel             *summary_label;
  GtkToggleButton      *world_button;
  GtkCheckButton       *compare_check;
  GtkCalendar          *compare_calendar;
  GtkLabel             *changes_label;

  MbaDataset           *dataset;
};

G_DEFINE_FINAL_TYPE (MbaWindow, mba_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_comparison (MbaWindow *self);

static void
mba_window_update (MbaWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_events;

  mba_timeline_widget_set_dataset (self->timeline, self->dataset);
  mba_map_widget_set_dataset (self->map, self->dataset);
  update_comparison (self);

  if (self->dataset == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_events = mba_dataset_get_n_events (self->dataset);
  /* Translators: the window subtitle, e.g. "Ottawa Convention withdrawals — 178 events" */
  subtitle = g_strdup_printf (ngettext ("%s — %u event", "%s — %u events", n_events),
                              mba_dataset_get_title (self->dataset), n_events);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "views");
}

/* "What changed since 1 January 2025?": marks the states on the map and lists them in words. */
static void
update_comparison (MbaWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->compare_calendar);
  gboolean active = gtk_check_button_get_active (self->compare_check) && self->dataset != NULL;
  gint32 from_day = mba_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                                      g_date_time_get_day_of_month (date));

  mba_map_widget_set_compare_day (self->map, active ? from_day : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), active);
  if (active)
    {
      g_autofree char *text = mba_map_changes_summary (self->dataset, from_day,
                                                       mba_map_widget_get_day (self->map));
      gtk_label_set_text (self->changes_label, text);
    }
}

/* Clicking a state on the map shows only its events; clicking it again shows all. */
static void
on_state_activated (MbaWindow  *self,
                    const char *code)
{
  mba_timeline_widget_set_state_filter (self->timeline, code);
}

MbaDataset *
mba_window_get_dataset (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
mba_window_set_dataset (MbaWindow  *self,
                        MbaDataset *dataset)
{
  g_return_if_fail (MBA_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  mba_window_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/**
 * mba_window_open_file:
 *
 * Loads @file; on failure the dataset already shown stays.
 */
gboolean
mba_window_open_file (MbaWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(MbaDataset) dataset = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be opened"), uri);
      return FALSE;
    }
  dataset = mba_dataset_new_from_file (path, error);
  if (dataset == NULL)
    return FALSE;
  mba_window_set_dataset (self, dataset);
  return TRUE;
}

/* Presentation (F5) and its handout ---------------------------------------------------------- */

/* One step per event the timeline shows, with its filters, in its order. */
static GPtrArray *
list_presentation_steps (MbaWindow *self)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (self->dataset);

  mba_event_filter_set_hidden_kinds (filter, mba_timeline_widget_get_hidden_kinds (self->timeline));
  mba_event_filter_set_state_code (filter, mba_timeline_widget_get_state_filter (self->timeline));
  mba_event_filter_set_search_text (filter, mba_timeline_widget_get_search_text (self->timeline));
  return mba_event_filter_list_events (filter);
}

static void
show_toast (MbaWindow  *self,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The timeline follows the presentation, so it shows where the class stopped. */
static void
on_presentation_step (MbaWindow             *self,
                      GParamSpec            *pspec,
                      MbaPresentationWindow *presentation)
{
  const char *id = mba_presentation_window_get_event_id (presentation);

  if (id != NULL)
    mba_timeline_widget_set_selected_event_id (self->timeline, id);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  g_autoptr(GPtrArray) steps = NULL;
  MbaPresentationWindow *presentation;
  const char *selected = mba_timeline_widget_get_selected_event_id (self->timeline);

  if (self->dataset == NULL)
    return;
  steps = list_presentation_steps (self);
  if (steps->len == 0)
    {
      show_toast (self, _("No events match the timeline’s filters"));
      return;
    }
  presentation = mba_presentation_window_new (self->dataset, mba_map_widget_get_map (self->map), steps,
                                              mba_presentation_find_step (steps, selected));
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  g_signal_connect_object (presentation, "notify::event-id", G_CALLBACK (on_presentation_step), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (presentation));
}

static void
on_handout_response (GtkNativeDialog *dialog,
                     int              response,
                     MbaWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL)
    {
      g_autoptr(GPtrArray) steps = list_presentation_steps (self);
      g_autoptr(GError) error = NULL;

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        show_toast (self, _("The handout can only be saved to a local file"));
      /* Handouts are printed: always the light theme. */
      else if (!mba_slides_write_pdf (path, self->dataset, mba_map_widget_get_map (self->map), steps,
                                      MBA_THEME_LIGHT, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *done = g_strdup_printf (ngettext ("Handout saved: %u page",
                                                             "Handout saved: %u pages", steps->len),
                                                   steps->len);
          show_toast (self, done);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  if (self->dataset == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("handout.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_handout_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mba_window_class_init_presentation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, export_handout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

/* ------------------------------------------------------------------------------------------ */

static void
mba_window_dispose (GObject *object)
{
  MbaWindow *self = (MbaWindow *) object;

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBA_TYPE_WINDOW);

  G_OBJECT_CLASS (mba_window_parent_class)->dispose (object);
}

static void
mba_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_window_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_class_init (MbaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_window_dispose;
  object_class->get_property = mba_window_get_property;
  object_class->set_property = mba_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MBA_TYPE_TIMELINE_WIDGET);
  g_type_ensure (MBA_TYPE_MAP_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, map);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, world_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_check);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_calendar);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, changes_label);
  mba_window_class_init_presentation (widget_class);
}

static void
mba_window_init (MbaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The map shows the timeline's date cursor and highlights the selected event's states. */
  g_object_bind_property (self->timeline, "cursor-day", self->map, "day", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->timeline, "selected-event-id", self->map, "selected-event-id",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->map, "summary", self->summary_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->world_button, "active", self->map, "world-view",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->map, "state-activated", G_CALLBACK (on_state_activated), self,
                           G_CONNECT_SWAPPED);
  {
    g_autoptr(GDateTime) since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
    gtk_calendar_select_day (self->compare_calendar, since);
  }
  g_signal_connect_object (self->compare_check, "toggled", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_calendar, "day-selected", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map, "notify::day", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  mba_window_update (self);
}

MbaWindow *
mba_window_new (GtkApplication *application)
{
  return g_object_new (MBA_TYPE_WINDOW, "application", application, NULL);
}
