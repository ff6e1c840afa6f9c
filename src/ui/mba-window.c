/* mba-window.c: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-country-names.h"
#include "mba-event-filter.h"
#include "mba-export-dialog.h"
#include "mba-map-summary.h"
#include "mba-map-widget.h"
#include "mba-presentation-window.h"
#include "mba-quote-panel.h"
#include "mba-slide-renderer.h"
#include "mba-timeline-widget.h"
#include "mba-window.h"
#include "mba-window-private.h"

#define QUOTE_PANEL_WIDTH 380

G_DEFINE_FINAL_TYPE (MbaWindow, mba_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_comparison (MbaWindow *self);

/* ------------------------------------------------------------------------------------------ */
/* What the window shows                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
update_actions (MbaWindow *self)
{
  _mba_window_files_update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-handout",
                                 self->dataset != NULL && self->handout_task == NULL);
}

/* The empty state's icon is looked up when the page is first shown, not at start-up: it is
 * an SVG, and loading the SVG renderer (librsvg, ICU) would compete with the first frame. */
static void
on_status_page_map (MbaWindow *self)
{
  adw_status_page_set_icon_name (self->status_page, "x-office-calendar-symbolic");
}

/* The main menu's popover, a dozen rows with their accelerators, is built when it first opens
 * (by click or F10), not with the window: 2 % of the start-up. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  MbaWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
mba_window_update (MbaWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_events;

  /* Every view follows the session. */
  mba_session_set_dataset (self->session, self->dataset);
  update_comparison (self);
  _mba_window_search_update (self);
  update_actions (self);

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
                                                       mba_session_get_cursor_day (self->session));
      gtk_label_set_text (self->changes_label, text);
    }
}

/* A concealed GtkRevealer still measures its child, laying out its labels for nothing (at
 * start-up too): the child is shown only while it is revealed or sliding. */
static void
reveal (GtkRevealer *revealer,
        gboolean     revealed)
{
  if (revealed)
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, revealed);
}

static void
on_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

/* A state filter hides most events: say so, and offer the way back. */
static void
on_state_filter_changed (MbaWindow *self)
{
  const char *code = mba_session_get_state_code (self->session);

  reveal (self->filter_revealer, code != NULL);
  if (code != NULL)
    {
      const MbaState *state = self->dataset != NULL ? mba_dataset_find_state (self->dataset, code) : NULL;
      /* Translators: shown while the timeline is filtered by a state clicked on the map */
      g_autofree char *text = g_strdup_printf (_("Only events about %s"),
                                               mba_country_name (code, state != NULL ? state->name : code));

      gtk_label_set_text (self->filter_label, text);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Layout and remembered state                                                                */
/* ------------------------------------------------------------------------------------------ */

static gboolean
layout_to_orientation (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *layout = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_str_equal (layout, "side-by-side") ? GTK_ORIENTATION_HORIZONTAL
                                                                : GTK_ORIENTATION_VERTICAL);
  return TRUE;
}

/* A new layout starts with the two views sharing the space equally, once the paned has been
 * laid out in its new orientation (a position set before that is lost). */
static void
split_views_equally (MbaWindow *self)
{
  int size = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->views_paned)) == GTK_ORIENTATION_HORIZONTAL
             ? gtk_widget_get_width (GTK_WIDGET (self->views_paned))
             : gtk_widget_get_height (GTK_WIDGET (self->views_paned));

  if (size > 0)
    gtk_paned_set_position (self->views_paned, size / 2);
}

static gboolean
split_views_on_tick (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  split_views_equally (MBA_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_layout_changed (MbaWindow *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self->views_paned), split_views_on_tick, self, NULL);
}

/* The quote panel gets its width the first time the window has one: GtkPaned would otherwise
 * split by natural sizes, and wrapped labels ask for a lot. */
static void
on_main_paned_max_position (MbaWindow *self)
{
  int max = 0, sidebar_min = 0, handle;

  g_object_get (self->main_paned, "max-position", &max, NULL);
  if (self->sidebar_placed || max <= QUOTE_PANEL_WIDTH)
    return;
  /* max-position leaves the sidebar its minimum width; the handle takes the rest. */
  gtk_widget_measure (GTK_WIDGET (self->sidebar_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &sidebar_min, NULL, NULL, NULL);
  handle = MAX (0, gtk_widget_get_width (GTK_WIDGET (self->main_paned)) - max - sidebar_min);
  self->sidebar_placed = TRUE;
  gtk_paned_set_position (self->main_paned, max + sidebar_min - QUOTE_PANEL_WIDTH + handle);
}

static void
restore_state (MbaWindow *self)
{
  int position = g_settings_get_int (self->settings, "views-position");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (position > 0)
    gtk_paned_set_position (self->views_paned, position);
  else
    gtk_paned_set_position (self->views_paned, 360);
}

static gboolean
mba_window_close_request (GtkWindow *window)
{
  MbaWindow *self = MBA_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_int (self->settings, "views-position", gtk_paned_get_position (self->views_paned));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (mba_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

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
 * mba_window_get_file:
 *
 * Returns: (nullable): the file the dataset shown came from, %NULL for the bundled one
 */
GFile *
mba_window_get_file (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * mba_window_get_session:
 *
 * Returns: (transfer none): the state every view of the window shows
 */
MbaSession *
mba_window_get_session (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->session;
}

MbaTimelineWidget *
mba_window_get_timeline (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->timeline;
}

MbaMapWidget *
mba_window_get_map (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->map;
}

MbaQuotePanel *
mba_window_get_quote_panel (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->quote_panel;
}

/* Presentation (F5) and its handout ---------------------------------------------------------- */

/* One step per event the timeline shows, with its filters, in its order. */
GPtrArray *
_mba_window_list_presentation_steps (MbaWindow *self)
{
  return mba_session_list_events (self->session);
}

/* A toast with @text, which is not markup. */
void
_mba_window_show_toast (MbaWindow  *self,
                        const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
mba_window_class_init_presentation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL,
                                   _mba_window_export_handout_action);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_window_dispose (GObject *object)
{
  MbaWindow *self = (MbaWindow *) object;

  _mba_window_files_dispose (self);
  /* The worker stops after its page; its task keeps what it reads alive until then. */
  if (self->handout_cancellable != NULL)
    g_cancellable_cancel (self->handout_cancellable);
  g_clear_handle_id (&self->handout_progress_id, g_source_remove);
  g_clear_object (&self->handout_toast);
  g_clear_object (&self->handout_cancellable);
  g_clear_object (&self->handout_task);
  g_clear_object (&self->dataset);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBA_TYPE_WINDOW);
  g_clear_object (&self->results);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

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
    case PROP_FILE:
      g_value_set_object (value, self->file);
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mba_window_dispose;
  object_class->get_property = mba_window_get_property;
  object_class->set_property = mba_window_set_property;
  window_class->close_request = mba_window_close_request;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _mba_window_class_actions_init (widget_class);
  _mba_window_class_search_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.quote-panel-visible", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.world-view", NULL);

  g_type_ensure (MBA_TYPE_TIMELINE_WIDGET);
  g_type_ensure (MBA_TYPE_MAP_WIDGET);
  g_type_ensure (MBA_TYPE_QUOTE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, views_paned);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, map);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, world_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_check);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, compare_calendar);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, changes_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, quote_panel);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, results_label);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, filter_label);


  mba_window_class_init_presentation (widget_class);
  _mba_window_files_class_init (widget_class);
}

static void
mba_window_init (MbaWindow *self)
{
  g_autoptr(GAction) layout_action = NULL;
  g_autoptr(GAction) panel_action = NULL;
  g_autoptr(GAction) world_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* One session, handed to each view once: they observe it and write to it, and the window
   * relays nothing between them. */
  self->session = mba_session_new ();
  mba_timeline_widget_set_session (self->timeline, self->session);
  mba_map_widget_set_session (self->map, self->session);
  mba_quote_panel_set_session (self->quote_panel, self->session);
  g_object_bind_property (self->map, "summary", self->summary_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->session, "notify::state-code",
                           G_CALLBACK (on_state_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  g_signal_connect_object (self->status_page, "map", G_CALLBACK (on_status_page_map), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->filter_revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), NULL);
  {
    g_autoptr(GDateTime) since = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
    gtk_calendar_select_day (self->compare_calendar, since);
  }
  g_signal_connect_object (self->compare_check, "toggled", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_calendar, "day-selected", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::cursor-day", G_CALLBACK (update_comparison), self,
                           G_CONNECT_SWAPPED);

  /* Remembered choices: layout, world view, quote panel, window size. */
  layout_action = g_settings_create_action (self->settings, "layout");
  panel_action = g_settings_create_action (self->settings, "quote-panel-visible");
  world_action = g_settings_create_action (self->settings, "world-view");
  g_action_map_add_action (G_ACTION_MAP (self), layout_action);
  g_action_map_add_action (G_ACTION_MAP (self), panel_action);
  g_action_map_add_action (G_ACTION_MAP (self), world_action);
  g_settings_bind_with_mapping (self->settings, "layout", self->views_paned, "orientation",
                                G_SETTINGS_BIND_GET, layout_to_orientation, NULL, NULL, NULL);
  g_settings_bind (self->settings, "world-view", self->world_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->world_button, "active", self->map, "world-view",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->settings, "changed::layout", G_CALLBACK (on_layout_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_paned, "notify::max-position",
                           G_CALLBACK (on_main_paned_max_position), self, G_CONNECT_SWAPPED);
  restore_state (self);

  _mba_window_period_actions_init (self);
  _mba_window_search_init (self);
  _mba_window_files_init (self);

  mba_window_update (self);
}

MbaWindow *
mba_window_new (GtkApplication *application)
{
  return g_object_new (MBA_TYPE_WINDOW, "application", application, NULL);
}
