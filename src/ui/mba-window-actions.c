/* mba-window-actions.c: the window's actions: select, clear the state filter, export, present, shortcuts
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-export-dialog.h"
#include "mba-presentation-window.h"
#include "mba-window-private.h"

static void
clear_state_filter_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  mba_session_set_state_code (MBA_WINDOW (widget)->session, NULL);
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  /* The session's selection is the one selection: every view follows it. */
  mba_session_set_selected_event_id (MBA_WINDOW (widget)->session, g_variant_get_string (parameter, NULL));
}

/* Export (Ctrl+E): the dialog starts from what the window shows, and a toast reports the file. */
static void
on_exported (MbaWindow *self,
             GFile     *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, mba_export_toast_new (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  MbaExportView view = MBA_EXPORT_VIEW_POSTER;   /* both views are on screen */
  MbaExportDialog *dialog;

  if (self->dataset == NULL)
    return;
  if (focus != NULL && (focus == GTK_WIDGET (self->timeline) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline))))
    view = MBA_EXPORT_VIEW_TIMELINE;
  else if (focus != NULL && (focus == GTK_WIDGET (self->map) ||
                             gtk_widget_is_ancestor (focus, GTK_WIDGET (self->map))))
    view = MBA_EXPORT_VIEW_MAP;

  dialog = mba_export_dialog_new (GTK_WINDOW (self), self->dataset, mba_map_widget_load_world_map (),
                                  mba_session_get_cursor_day (self->session),
                                  mba_session_get_selected_event_id (self->session),
                                  dark ? MBA_THEME_DARK : MBA_THEME_LIGHT, view,
                                  mba_map_widget_get_world_view (self->map));
  /* The period starts as what the timeline shows. */
  mba_export_dialog_set_screen_period (dialog, mba_session_get_visible_start (self->session),
                                       mba_session_get_visible_end (self->session));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);
  MbaPresentationWindow *presentation;

  if (self->dataset == NULL)
    return;
  if (g_list_model_get_n_items (mba_session_get_events (self->session)) == 0)
    {
      _mba_window_show_toast (self, _("No events match the timeline’s filters"));
      return;
    }
  /* It writes each step to the session, so the timeline shows where the class stopped. */
  presentation = mba_presentation_window_new_for_session (self->session, mba_map_widget_get_map (self->map));
  gtk_window_set_transient_for (GTK_WINDOW (presentation), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (presentation));
}

/* View → Whole History (Ctrl+H) toggles between the whole span and the story; its check mark
 * is on while the timeline shows the whole span, whoever put it there. */
static void
on_whole_history_activate (GSimpleAction *action,
                           GVariant      *parameter,
                           MbaWindow     *self)
{
  if (mba_session_get_showing_whole_history (self->session) &&
      mba_session_get_dataset (self->session) != NULL &&
      mba_dataset_get_story (mba_session_get_dataset (self->session)) != NULL)
    mba_session_show_story (self->session);
  else
    mba_session_show_whole_history (self->session);
}

static void
on_show_story_activate (GSimpleAction *action,
                        GVariant      *parameter,
                        MbaWindow     *self)
{
  mba_session_show_story (self->session);
}

static void
update_period_actions (MbaWindow *self)
{
  MbaDataset *dataset = mba_session_get_dataset (self->session);
  GAction *whole = g_action_map_lookup_action (G_ACTION_MAP (self), "whole-history");
  GAction *story = g_action_map_lookup_action (G_ACTION_MAP (self), "show-story");

  g_simple_action_set_state (G_SIMPLE_ACTION (whole),
                             g_variant_new_boolean (mba_session_get_showing_whole_history (self->session)));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (whole), dataset != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (story),
                             g_variant_new_boolean (mba_session_get_showing_story (self->session)));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (story), dataset != NULL && mba_dataset_get_story (dataset) != NULL);
}

void
_mba_window_period_actions_init (MbaWindow *self)
{
  g_autoptr(GSimpleAction) whole = g_simple_action_new_stateful ("whole-history", NULL, g_variant_new_boolean (TRUE));
  g_autoptr(GSimpleAction) story = g_simple_action_new_stateful ("show-story", NULL, g_variant_new_boolean (FALSE));

  g_signal_connect_object (whole, "activate", G_CALLBACK (on_whole_history_activate), self, 0);
  g_signal_connect_object (story, "activate", G_CALLBACK (on_show_story_activate), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (whole));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (story));
  g_signal_connect_object (self->session, "notify::showing-whole-history", G_CALLBACK (update_period_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::showing-story", G_CALLBACK (update_period_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (update_period_actions),
                           self, G_CONNECT_SWAPPED);
  update_period_actions (self);
}

/* The shortcuts window is built the first time it is asked for. (GtkApplication would build
 * gtk/help-overlay.ui with every window: a tenth of the start-up, for a window seldom opened.) */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/mba-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

void
_mba_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.select-event", "s", select_event_action);
  gtk_widget_class_install_action (widget_class, "win.clear-state-filter", NULL, clear_state_filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.whole-history", NULL);
}
