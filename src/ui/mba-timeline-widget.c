/* mba-timeline-widget.c: the interactive timeline: the session's state, drawing, and the GObject
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "mba-palette.h"
#include "mba-timeline-widget.h"
#include "mba-timeline-widget-private.h"

#define REVEAL_MARGIN     0.08   /* of the span kept free around a revealed event */
#define REVEAL_ZOOM       1.5    /* each step in on an event hidden in a cluster */
#define MAX_REVEAL_ZOOMS  40     /* 1.5^40: from 10,000 years to a day */

G_DEFINE_FINAL_TYPE (MbaTimelineWidget, mba_timeline_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_VIEWPORT,
  PROP_LANE_MODE,
  PROP_SHOW_CONTEXT,
  PROP_N_SHOWN,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
mba_timeline_widget_new (void)
{
  return g_object_new (MBA_TYPE_TIMELINE_WIDGET, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Scene and layout                                                                           */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_timeline_widget_get_scene:
 * @scene: (out): what the widget shows now
 *
 * Fills in a scene for mba_timeline_render(), e.g. to export the view as it is. The strings
 * belong to the widget.
 */
void
mba_timeline_widget_get_scene (MbaTimelineWidget *self,
                               MbaTimelineScene  *scene)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (MBA_IS_TIMELINE_WIDGET (self));
  g_return_if_fail (scene != NULL);

  mba_timeline_scene_init (scene);
  scene->dataset = self->dataset;
  scene->start_day = mba_timeline_viewport_get_start (self->viewport);
  scene->end_day = mba_timeline_viewport_get_end (self->viewport);
  scene->lane_offset = self->lane_offset;
  scene->lane_mode = self->lane_mode;
  /* The one place the layout's filter is fed from the session's. */
  scene->hidden_kinds = mba_session_get_hidden_kinds (self->session);
  scene->state_filter = mba_session_get_state_code (self->session);
  scene->search_text = mba_session_get_search_text (self->session);
  scene->font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  scene->selected_id = mba_session_get_selected_event_id (self->session);
  scene->cursor_day = mba_session_get_cursor_day (self->session);
  scene->hover_x = self->hover_x;
  scene->hover_y = self->hover_y;
  scene->scale = gtk_widget_get_scale_factor (widget);
}

/* Lays out for the current size, so hit-testing sees what was (or will be) drawn. */
void
_mba_timeline_widget_ensure_layout (MbaTimelineWidget *self)
{
  MbaTimelineScene scene;

  mba_timeline_widget_get_scene (self, &scene);
  mba_timeline_render_prepare (self->layout, &scene,
                               MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1),
                               MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1));
}

/**
 * mba_timeline_widget_get_layout:
 *
 * Returns: (transfer none): the layout of what is drawn, up to date
 */
MbaTimelineLayout *
mba_timeline_widget_get_layout (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);

  _mba_timeline_widget_ensure_layout (self);
  return self->layout;
}

MbaTimelineViewport *
mba_timeline_widget_get_viewport (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);
  return self->viewport;
}

void
_mba_timeline_widget_set_lane_offset (MbaTimelineWidget *self,
                                      double             offset)
{
  _mba_timeline_widget_ensure_layout (self);
  offset = mba_timeline_layout_clamp_lane_offset (self->layout, offset);
  if (offset == self->lane_offset)
    return;
  self->lane_offset = offset;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
_mba_timeline_widget_day_at (MbaTimelineWidget *self,
                             double             x)
{
  _mba_timeline_widget_ensure_layout (self);
  return mba_timeline_layout_x_to_day (self->layout, x);
}

double
_mba_timeline_widget_plot_centre_x (MbaTimelineWidget *self)
{
  const MbaTimelineGeometry *g;

  _mba_timeline_widget_ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  return g->plot.x + g->plot.width / 2;
}

/* ------------------------------------------------------------------------------------------ */
/* Accessibility                                                                              */
/* ------------------------------------------------------------------------------------------ */

static char *
describe_event (const MbaEvent *event)
{
  g_autofree char *date = mba_date_format (&event->date);

  /* Translators: a timeline event for screen readers: its date, then its title */
  return g_strdup_printf (C_("timeline event", "%s: %s"), date, event->title);
}

static void
update_accessible (MbaTimelineWidget *self)
{
  const MbaEvent *selected = mba_session_get_selected_event (self->session);
  g_autofree char *description = NULL;

  if (selected != NULL)
    {
      g_autofree char *event = describe_event (selected);

      /* Translators: what a screen reader says about the timeline with an event selected */
      description = g_strdup_printf (_("Selected: %s"), event);
    }
  else if (self->dataset != NULL)
    {
      guint n = mba_timeline_layout_get_n_shown (self->layout);

      description = g_strdup_printf (ngettext ("%u event. Use the arrow keys to select one.",
                                               "%u events. Use the arrow keys to select one.", n), n);
    }
  else
    description = g_strdup (_("No dataset"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Selection and cursor                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* Pans the view, and scrolls the lanes, so that @event can be seen. */
static void
reveal_event (MbaTimelineWidget *self,
              const MbaEvent    *event)
{
  const MbaTimelineGeometry *g;
  double top;

  mba_timeline_viewport_show_range (self->viewport, event->first_day,
                                    mba_timeline_event_is_range (event) ? event->last_day : event->first_day,
                                    REVEAL_MARGIN);
  /* An event inside a cluster cannot be seen: zoom in around it, step by step so that as much
   * as can be of what was in view (the story) stays, until it is drawn on its own. Events that
   * overlap it in time may share its cluster at any zoom (one row, two bars on the same days):
   * when even a day's view does not split them, go back to the widest view that had the
   * smallest cluster. */
  {
    guint best_count = G_MAXUINT;
    double best_start = 0, best_end = 0;

    for (guint step = 0; step < MAX_REVEAL_ZOOMS && gtk_widget_get_width (GTK_WIDGET (self)) > 100; step++)
      {
        const MbaTimelineItem *item;

        _mba_timeline_widget_ensure_layout (self);
        item = mba_timeline_layout_find_event_item (self->layout, event);
        if (item == NULL && best_count != G_MAXUINT)
          {
            /* Lost from view by the last step (spread over its day, past an edge): step back. */
            mba_timeline_viewport_set_range (self->viewport, best_start, best_end);
            break;
          }
        if (item == NULL || item->type != MBA_TIMELINE_ITEM_CLUSTER)
          break;
        if (item->count < best_count)
          {
            best_count = item->count;
            best_start = mba_timeline_viewport_get_start (self->viewport);
            best_end = mba_timeline_viewport_get_end (self->viewport);
          }
        if (mba_timeline_viewport_get_span (self->viewport) <= MBA_TIMELINE_VIEWPORT_MIN_SPAN * 1.01)
          {
            mba_timeline_viewport_set_range (self->viewport, best_start, best_end);
            break;
          }
        mba_timeline_viewport_zoom_at (self->viewport, event->first_day + 0.5, REVEAL_ZOOM);
      }
  }
  _mba_timeline_widget_ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  top = mba_timeline_layout_get_lane_top (self->layout, event);
  if (top < 0)
    return;
  if (top < self->lane_offset)
    _mba_timeline_widget_set_lane_offset (self, top);
  else if (top + g->row_height * 2 > self->lane_offset + g->plot.height)
    _mba_timeline_widget_set_lane_offset (self, top + g->row_height * 2 - g->plot.height);
}

/* Selects @event in the session; @reveal brings it into view (a click needs not: it is there). */
void
_mba_timeline_widget_select_event (MbaTimelineWidget *self,
                                   const MbaEvent    *event,
                                   gboolean           reveal)
{
  self->selecting = TRUE;
  mba_session_set_selected_event_id (self->session, event != NULL ? event->id : NULL);
  self->selecting = FALSE;
  if (event != NULL && reveal)
    reveal_event (self, event);
}

/* Another view (search, the map, the quote panel, the presentation) selected an event: show
 * it. The widget's own selections reveal themselves when they need to. */
static void
on_session_selection_changed (MbaTimelineWidget *self)
{
  const MbaEvent *selected = mba_session_get_selected_event (self->session);

  if (mba_session_get_dataset (self->session) != self->dataset)
    return;   /* a new dataset: on_session_dataset_changed() shows it whole */
  if (selected != NULL && !self->selecting)
    reveal_event (self, selected);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_mba_timeline_widget_step_selection (MbaTimelineWidget *self,
                                     int                direction)
{
  const MbaEvent *next;
  const MbaEvent *selected = mba_session_get_selected_event (self->session);

  _mba_timeline_widget_ensure_layout (self);
  if (selected != NULL)
    next = mba_timeline_layout_step (self->layout, selected, direction);
  else
    {
      /* Nothing selected yet: start from the events in view. */
      MbaTimelineLayout *layout = self->layout;
      guint n = mba_timeline_layout_get_n_shown (layout);
      guint p = mba_timeline_layout_find_shown (layout, (gint32) ceil (mba_timeline_viewport_get_start (self->viewport)));

      if (direction < 0)
        p = mba_timeline_layout_find_shown (layout, (gint32) floor (mba_timeline_viewport_get_end (self->viewport)));
      if (direction < 0)
        next = p > 0 ? mba_timeline_layout_get_shown (layout, p - 1) : NULL;
      else
        next = p < n ? mba_timeline_layout_get_shown (layout, p) : NULL;
      if (next == NULL)
        next = mba_timeline_layout_step (layout, NULL, direction);
    }
  if (next != NULL)
    _mba_timeline_widget_select_event (self, next, TRUE);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Dataset and filters                                                                        */
/* ------------------------------------------------------------------------------------------ */

/* A new or reloaded dataset: the layout takes it and the view shows it whole (the session has
 * already chosen the selection, the cursor and the range). */
static void
on_session_dataset_changed (MbaTimelineWidget *self)
{
  MbaDataset *dataset = mba_session_get_dataset (self->session);

  if (dataset == self->dataset)
    return;
  g_set_object (&self->dataset, dataset);
  mba_timeline_layout_set_dataset (self->layout, dataset);
  self->lane_offset = 0;
  self->hover_event = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_session_filter_changed (MbaTimelineWidget *self)
{
  /* The layout reads the session's filter itself; it only needs telling. */
  mba_timeline_layout_filter_changed (self->layout);
  self->lane_offset = 0;
  self->hover_event = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_session_include_context_changed (MbaTimelineWidget *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CONTEXT]);
}

/* The session's range and limits → the viewport; the viewport's zooms and pans → the session.
 * Both clamp alike, so this settles after one round. */
static void
on_session_range_changed (MbaTimelineWidget *self)
{
  /* New limits first clamp the old range; only the session's range counts, set last. */
  self->syncing_range = TRUE;
  mba_timeline_viewport_set_limits (self->viewport, mba_session_get_min_day (self->session),
                                    mba_session_get_max_day (self->session));
  mba_timeline_viewport_set_range (self->viewport, mba_session_get_visible_start (self->session),
                                   mba_session_get_visible_end (self->session));
  self->syncing_range = FALSE;
  mba_session_set_visible_range (self->session, mba_timeline_viewport_get_start (self->viewport),
                                 mba_timeline_viewport_get_end (self->viewport));
}

static void
on_session_cursor_changed (MbaTimelineWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mba_timeline_widget_get_session:
 *
 * Returns: (transfer none): the state the widget shows and changes
 */
MbaSession *
mba_timeline_widget_get_session (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);
  return self->session;
}

/**
 * mba_timeline_widget_set_session:
 * @session: the app's state, shared with the other views
 *
 * The widget shows the session's dataset, selection, cursor, range and filter, and writes
 * clicks, drags, zooms and keys to it. A new widget has a session of its own.
 */
void
mba_timeline_widget_set_session (MbaTimelineWidget *self,
                                 MbaSession        *session)
{
  g_return_if_fail (MBA_IS_TIMELINE_WIDGET (self));
  g_return_if_fail (MBA_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  /* The layout reads the session's one filter. */
  mba_timeline_layout_set_filter (self->layout, mba_session_get_filter (session));

  g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_session_dataset_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-event-id", G_CALLBACK (on_session_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::cursor-day", G_CALLBACK (on_session_cursor_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::min-day", G_CALLBACK (on_session_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::max-day", G_CALLBACK (on_session_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::visible-start", G_CALLBACK (on_session_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::visible-end", G_CALLBACK (on_session_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::include-context",
                           G_CALLBACK (on_session_include_context_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "filter-changed", G_CALLBACK (on_session_filter_changed), self,
                           G_CONNECT_SWAPPED);

  on_session_range_changed (self);
  on_session_dataset_changed (self);
  on_session_filter_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CONTEXT]);
}

MbaTimelineLaneMode
mba_timeline_widget_get_lane_mode (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), MBA_TIMELINE_LANE_MODE_KIND);
  return self->lane_mode;
}

/**
 * mba_timeline_widget_set_lane_mode:
 *
 * Puts events in one lane per kind, or one lane per state (an event about several states
 * appears in each of their lanes).
 */
void
mba_timeline_widget_set_lane_mode (MbaTimelineWidget   *self,
                                   MbaTimelineLaneMode  mode)
{
  g_return_if_fail (MBA_IS_TIMELINE_WIDGET (self));

  if (self->lane_mode == mode)
    return;
  self->lane_mode = mode;
  mba_timeline_layout_set_lane_mode (self->layout, mode);
  self->lane_offset = 0;
  if (mba_session_get_selected_event (self->session) != NULL)
    reveal_event (self, mba_session_get_selected_event (self->session));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_MODE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The "show context" switch of the timeline's menu, a property so that it can be a stateful
 * action; it reads and writes the session's filter. */
static gboolean
get_show_context (MbaTimelineWidget *self)
{
  return mba_session_get_include_context (self->session);
}

static void
set_show_context (MbaTimelineWidget *self,
                  gboolean           show)
{
  mba_session_set_include_context (self->session, show);
}

/**
 * mba_timeline_widget_get_n_shown:
 *
 * Returns: how many events pass the filters
 */
guint
mba_timeline_widget_get_n_shown (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), 0);
  return mba_timeline_layout_get_n_shown (self->layout);
}

/**
 * mba_timeline_widget_get_shown_event:
 * @position: below mba_timeline_widget_get_n_shown()
 *
 * Returns: the event at @position among those that pass the filters, in date order
 */
const MbaEvent *
mba_timeline_widget_get_shown_event (MbaTimelineWidget *self,
                                     guint              position)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);
  g_return_val_if_fail (position < mba_timeline_layout_get_n_shown (self->layout), NULL);
  return mba_timeline_layout_get_shown (self->layout, position);
}

/* The user asked to open an event (the input code raises it). */
void
_mba_timeline_widget_emit_activated (MbaTimelineWidget *self,
                                     const char        *event_id)
{
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event_id);
}

/* ------------------------------------------------------------------------------------------ */
/* GtkWidget                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
mba_timeline_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  MbaTimelineScene scene;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  mba_timeline_widget_get_scene (self, &scene);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mba_timeline_render (cr, self->layout, width, height,
                       mba_palette_get (dark ? MBA_THEME_DARK : MBA_THEME_LIGHT), &scene);
  cairo_destroy (cr);
}

static void
mba_timeline_widget_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 900;
    }
  else
    {
      *minimum = 160;
      *natural = 480;
    }
}

static void
on_viewport_changed (MbaTimelineWidget *self)
{
  if (self->session != NULL && !self->syncing_range)
    mba_session_set_visible_range (self->session, mba_timeline_viewport_get_start (self->viewport),
                                   mba_timeline_viewport_get_end (self->viewport));
  /* Hover follows the content moving under a still pointer. */
  if (self->hover_x >= 0)
    _mba_timeline_widget_update_hover (self, self->hover_x, self->hover_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (MbaTimelineWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mba_timeline_widget_dispose (GObject *object)
{
  MbaTimelineWidget *self = (MbaTimelineWidget *) object;

  _mba_timeline_widget_stop_kinetic (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mba_timeline_widget_parent_class)->dispose (object);
}

static void
mba_timeline_widget_finalize (GObject *object)
{
  MbaTimelineWidget *self = (MbaTimelineWidget *) object;

  g_clear_object (&self->viewport);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (mba_timeline_widget_parent_class)->finalize (object);
}

static void
mba_timeline_widget_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_LANE_MODE:
      g_value_set_enum (value, self->lane_mode);
      break;
    case PROP_SHOW_CONTEXT:
      g_value_set_boolean (value, get_show_context (self));
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, mba_timeline_widget_get_n_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_timeline_widget_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_value_get_object (value) != NULL)
        mba_timeline_widget_set_session (self, g_value_get_object (value));
      break;
    case PROP_LANE_MODE:
      mba_timeline_widget_set_lane_mode (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_CONTEXT:
      set_show_context (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_timeline_widget_class_init (MbaTimelineWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_timeline_widget_dispose;
  object_class->finalize = mba_timeline_widget_finalize;
  object_class->get_property = mba_timeline_widget_get_property;
  object_class->set_property = mba_timeline_widget_set_property;

  widget_class->snapshot = mba_timeline_widget_snapshot;
  widget_class->measure = mba_timeline_widget_measure;
  widget_class->query_tooltip = _mba_timeline_widget_query_tooltip;

  /* The app's state that the widget shows and changes. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, MBA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The visible span; zoom and pan by calling its methods (the session follows). */
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, MBA_TYPE_TIMELINE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANE_MODE] =
    g_param_spec_enum ("lane-mode", NULL, NULL, MBA_TYPE_TIMELINE_LANE_MODE, MBA_TIMELINE_LANE_MODE_KIND,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The session's include-context, for the menu's toggle. */
  properties[PROP_SHOW_CONTEXT] =
    g_param_spec_boolean ("show-context", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbaTimelineWidget::event-activated:
   * @id: the event's id
   *
   * The user asked to open an event: Enter on the selection, or a double click.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  _mba_timeline_widget_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mba_timeline_widget_init (MbaTimelineWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->viewport = mba_timeline_viewport_new ();
  self->layout = mba_timeline_layout_new ();
  self->hover_x = self->hover_y = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  _mba_timeline_widget_init_input (self);

  /* A session of its own until the window hands it the app's. */
  {
    g_autoptr(MbaSession) session = mba_session_new ();
    mba_timeline_widget_set_session (self, session);
  }
}
