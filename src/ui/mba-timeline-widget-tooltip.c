/* mba-timeline-widget-tooltip.c: what the timeline's tooltips say about an event or a cluster
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mba-timeline-widget-private.h"
#include "mba-tooltip.h"

#define MAX_TOOLTIP_STATES 8
#define MAX_TOOLTIP_TITLES 6

/* ------------------------------------------------------------------------------------------ */
/* Tooltips                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
append_event_tooltip (GString        *markup,
                      const MbaEvent *event)
{
  /* The same words as the quote panel's line under the title (mba-tooltip.c). */
  g_autofree char *date_kind = mba_event_describe_date_kind (event);
  g_autofree char *date = g_markup_escape_text (date_kind, -1);
  /* Data strings are cut and isolated (mba-tooltip.h): a tooltip stays a tooltip. */
  g_autofree char *title = mba_tooltip_data_markup (event->title);

  g_string_append_printf (markup, "%s\n<b>%s</b>", date, title);

  for (guint i = 0; i < event->n_states && i < MAX_TOOLTIP_STATES; i++)
    {
      const MbaState *state = event->states[i];
      g_autofree char *name = mba_tooltip_data_markup (state->name);
      const char *status = NULL;

      for (guint j = 0; j < event->n_settings; j++)
        if (event->settings[j].state == state)
          status = mba_status_get_label (event->settings[j].status);
      g_string_append_c (markup, '\n');
      if (status != NULL)
        /* Translators: a state and the status an event gave it, e.g. "Estonia: withdrawal in progress" */
        g_string_append_printf (markup, C_("state status", "%s: %s"), name, status);
      else
        g_string_append (markup, name);
    }
  if (event->n_states > MAX_TOOLTIP_STATES)
    {
      guint more = event->n_states - MAX_TOOLTIP_STATES;

      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, ngettext ("and %u more state", "and %u more states", more), more);
    }
}

static void
append_cluster_tooltip (MbaTimelineWidget     *self,
                        GString               *markup,
                        const MbaTimelineItem *item)
{
  g_autofree char *from = mba_day_format (item->first_day);
  g_autofree char *to = mba_day_format (item->last_day);

  g_string_append (markup, "<b>");
  g_string_append_printf (markup, ngettext ("%u event", "%u events", item->count), item->count);
  g_string_append (markup, "</b>\n");
  if (item->first_day == item->last_day)
    g_string_append (markup, from);
  else
    /* Translators: the dates a cluster of events spans, e.g. "3 December 1997 – 1 March 1999" */
    g_string_append_printf (markup, _("%s – %s"), from, to);
  for (guint i = 0; i < item->count && i < MAX_TOOLTIP_TITLES; i++)
    {
      const MbaEvent *event = mba_timeline_layout_get_lane_event (self->layout, item->lane,
                                                                  item->lane_first + i);
      g_autofree char *title = mba_tooltip_data_markup (event->title);

      g_string_append_printf (markup, "\n• %s", title);
    }
  if (item->count > MAX_TOOLTIP_TITLES)
    g_string_append (markup, "\n…");
  g_string_append_printf (markup, "\n<i>%s</i>", _("Click to zoom in"));
}

/**
 * mba_timeline_widget_describe_at:
 * @x: a point in the widget
 * @y:
 * @area: (out) (optional): the item's area
 *
 * Returns: (transfer full) (nullable): Pango markup telling what is at the point, as the
 *   tooltip shows it: an event's date, title and states with their new status, or a cluster's
 *   count, dates and first titles; %NULL over nothing
 */
char *
mba_timeline_widget_describe_at (MbaTimelineWidget *self,
                                 double             x,
                                 double             y,
                                 GdkRectangle      *area)
{
  const MbaTimelineItem *item;
  GString *markup;

  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);

  _mba_timeline_widget_ensure_layout (self);
  item = mba_timeline_layout_hit_test (self->layout, x, y);
  if (item == NULL)
    return NULL;

  markup = g_string_new (NULL);
  if (item->type == MBA_TIMELINE_ITEM_EVENT)
    append_event_tooltip (markup, item->event);
  else
    append_cluster_tooltip (self, markup, item);

  if (area != NULL)
    {
      area->x = (int) floor (MIN (item->marker.x, item->label.width > 0 ? item->label.x : item->marker.x));
      area->y = (int) floor (item->marker.y);
      area->width = (int) ceil (MAX (item->marker.x + item->marker.width,
                                     item->label.x + item->label.width)) - area->x;
      area->height = (int) ceil (item->marker.height);
    }
  return g_string_free (markup, FALSE);
}

gboolean
_mba_timeline_widget_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  g_autofree char *markup = NULL;
  GdkRectangle area;

  if (keyboard_mode)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      const MbaEvent *selected = mba_session_get_selected_event (self->session);

      if (selected == NULL)
        return FALSE;
      append_event_tooltip (text, selected);
      mba_tooltip_set (tooltip, text->str, TRUE);
      return TRUE;
    }

  markup = mba_timeline_widget_describe_at (self, x, y, &area);
  if (markup == NULL)
    return FALSE;
  mba_tooltip_set (tooltip, markup, TRUE);
  /* Moving to another item asks again. */
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

