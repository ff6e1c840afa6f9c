/* mba-window-search.c: the window's search: the entry writes the session's search text, the list shows its events
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-window-private.h"

/* Search lists at most this many results; the timeline still shows every match. */
#define MAX_RESULTS 200

static void
update_sidebar_page (MbaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar) && *text != '\0';

  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "search" : "details");
  /* Results need the sidebar, whatever the user chose for the quote panel. */
  if (searching)
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar_stack), TRUE);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar_stack),
                            g_settings_get_boolean (self->settings, "quote-panel-visible"));
}

static GtkWidget *
result_row (const MbaEvent *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (event->title);
  g_autofree char *date = mba_date_format (&event->date);
  /* Translators: under a search result: its date and kind */
  g_autofree char *detail = g_strdup_printf (C_("event date and kind", "%s · %s"), date,
                                             mba_event_kind_get_label (event->kind));
  GtkWidget *subtitle = gtk_label_new (detail);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", event->title, detail);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "mba-event-id", g_strdup (event->id), g_free);
  return row;
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  return result_row (mba_event_item_get_event (item));
}

/* The results are the session's events that pass, the first MAX_RESULTS of them; the list is
 * bound to them only while searching, so that filtering the timeline builds no rows. */
void
_mba_window_search_update (MbaWindow *self)
{
  gboolean searching = self->dataset != NULL && gtk_search_bar_get_search_mode (self->search_bar);
  g_autofree char *heading = NULL;
  guint n_shown;

  update_sidebar_page (self);
  if (searching != self->results_bound)
    {
      if (searching)
        gtk_list_box_bind_model (self->results_list, self->results, create_result_row, NULL, NULL);
      else
        gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
      self->results_bound = searching;
    }
  if (!searching)
    return;

  n_shown = g_list_model_get_n_items (mba_session_get_events (self->session));
  if (n_shown == 0)
    heading = g_strdup (_("No events match"));
  else if (n_shown > MAX_RESULTS)
    /* Translators: more search results than are listed */
    heading = g_strdup_printf (_("%u events match; the first %u are listed"), n_shown, MAX_RESULTS);
  else
    heading = g_strdup_printf (ngettext ("%u event matches", "%u events match", n_shown), n_shown);
  gtk_label_set_text (self->results_label, heading);
}

static void
on_search_changed (MbaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  mba_session_set_search_text (self->session, text);
  _mba_window_search_update (self);
}

static void
on_search_mode_changed (MbaWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      mba_session_set_search_text (self->session, NULL);
    }
  _mba_window_search_update (self);
}

static void
choose_result (MbaWindow     *self,
               GtkListBoxRow *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "mba-event-id"));

  /* Leaving the search shows every event again, with the chosen one selected and in view. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  mba_session_set_selected_event_id (self->session, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
on_result_activated (MbaWindow     *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  choose_result (self, row);
}

/* Enter in the entry takes the first result. */
static void
on_search_activate (MbaWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (row != NULL)
    choose_result (self, row);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       MbaWindow             *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->results_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MbaWindow *self = MBA_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * mba_window_search:
 *
 * Searches as if @text were typed in the search entry.
 */
void
mba_window_search (MbaWindow  *self,
                   const char *text)
{
  g_return_if_fail (MBA_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Apply now rather than after the entry's typing delay. */
  on_search_changed (self);
}

/**
 * mba_window_get_result_ids:
 *
 * Returns: (transfer full): the ids of the events listed as search results, in order
 */
GStrv
mba_window_get_result_ids (MbaWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "mba-event-id"));
  return g_strv_builder_end (builder);
}

void
_mba_window_class_search_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

/* The results are the session's events that pass, the first MAX_RESULTS of them. */
void
_mba_window_search_init (MbaWindow *self)
{
  GtkEventController *search_keys;

  self->results = G_LIST_MODEL (gtk_slice_list_model_new (g_object_ref (mba_session_get_events (self->session)),
                                                          0, MAX_RESULTS));
  g_signal_connect_object (mba_session_get_events (self->session), "items-changed",
                           G_CALLBACK (_mba_window_search_update), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_list, "row-activated", G_CALLBACK (on_result_activated), self,
                           G_CONNECT_SWAPPED);
  search_keys = gtk_event_controller_key_new ();
  g_signal_connect_object (search_keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);

  g_signal_connect_object (self->settings, "changed::quote-panel-visible",
                           G_CALLBACK (update_sidebar_page), self, G_CONNECT_SWAPPED);
}
