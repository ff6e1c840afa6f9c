/* mba-timeline-widget.c: the interactive timeline, the app's main view
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

#define WHEEL_ZOOM_STEP   1.25   /* per wheel notch */
#define KEY_ZOOM_STEP     1.5
#define KEY_PAN_FRACTION  0.1    /* of the visible span */
#define REVEAL_MARGIN     0.08   /* of the span kept free around a revealed event */
#define DRAG_THRESHOLD    4.0    /* pixels before a press becomes a pan */
#define CURSOR_GRAB_PX    5.0    /* how near the cursor line a drag moves the cursor */
#define KINETIC_FRICTION  4.0    /* per second: how fast a flung pan slows down */
#define KINETIC_MIN_SPEED 30.0   /* pixels per second */
#define MAX_TOOLTIP_STATES 8
#define MAX_TOOLTIP_TITLES 6

struct _MbaTimelineWidget
{
  GtkWidget             parent_instance;

  /* The app's state (dataset, selection, cursor, visible range, filter) is the session's;
   * the widget draws it and writes what the user does to it. */
  MbaSession           *session;
  MbaDataset           *dataset;       /* the session's, as the layout was last given it */
  MbaTimelineViewport  *viewport;      /* zoom and pan arithmetic, kept equal to the session's range */
  MbaTimelineLayout    *layout;
  gboolean              selecting;     /* the widget itself is writing the selection */
  gboolean              syncing_range; /* the viewport is being set from the session */

  MbaTimelineLaneMode   lane_mode;
  double                lane_offset;

  /* Pointer */
  double                hover_x;
  double                hover_y;
  const MbaEvent       *hover_event;
  guint                 hover_count;

  /* Drag: pans, or moves the date cursor when it starts on it */
  gboolean              dragging_cursor;
  gboolean              drag_panning;
  gboolean              drag_moved;
  double                drag_start_x;
  double                drag_start_y;
  double                drag_view_start;
  double                drag_lane_offset;
  double                drag_last_dx;
  double                drag_last_dy;
  gint64                drag_last_time;
  double                velocity_x;   /* pixels per second */
  double                velocity_y;
  guint                 kinetic_id;
  gint64                kinetic_last_time;

  /* Pinch */
  double                pinch_span;
  double                pinch_anchor;

  GtkEventController   *scroll;
  GtkEventController   *motion;
  GtkGesture           *drag;
  GtkGesture           *click;
  GtkGesture           *zoom;
};

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
static void
ensure_layout (MbaTimelineWidget *self)
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

  ensure_layout (self);
  return self->layout;
}

MbaTimelineViewport *
mba_timeline_widget_get_viewport (MbaTimelineWidget *self)
{
  g_return_val_if_fail (MBA_IS_TIMELINE_WIDGET (self), NULL);
  return self->viewport;
}

static void
set_lane_offset (MbaTimelineWidget *self,
                 double             offset)
{
  ensure_layout (self);
  offset = mba_timeline_layout_clamp_lane_offset (self->layout, offset);
  if (offset == self->lane_offset)
    return;
  self->lane_offset = offset;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
day_at (MbaTimelineWidget *self,
        double             x)
{
  ensure_layout (self);
  return mba_timeline_layout_x_to_day (self->layout, x);
}

static double
plot_centre_x (MbaTimelineWidget *self)
{
  const MbaTimelineGeometry *g;

  ensure_layout (self);
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
  ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  top = mba_timeline_layout_get_lane_top (self->layout, event);
  if (top < 0)
    return;
  if (top < self->lane_offset)
    set_lane_offset (self, top);
  else if (top + g->row_height * 2 > self->lane_offset + g->plot.height)
    set_lane_offset (self, top + g->row_height * 2 - g->plot.height);
}

/* Selects @event in the session; @reveal brings it into view (a click needs not: it is there). */
static void
select_event (MbaTimelineWidget *self,
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

static void
step_selection (MbaTimelineWidget *self,
                int                direction)
{
  const MbaEvent *next;
  const MbaEvent *selected = mba_session_get_selected_event (self->session);

  ensure_layout (self);
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
    select_event (self, next, TRUE);
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

/* ------------------------------------------------------------------------------------------ */
/* Zoom and pan                                                                               */
/* ------------------------------------------------------------------------------------------ */

static void
stop_kinetic (MbaTimelineWidget *self)
{
  if (self->kinetic_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_id);
      self->kinetic_id = 0;
    }
}

/* Zooms around the date cursor when it is in view, else around the middle. */
static void
zoom_by_key (MbaTimelineWidget *self,
             double             factor)
{
  double start = mba_timeline_viewport_get_start (self->viewport);
  double end = mba_timeline_viewport_get_end (self->viewport);
  double anchor = (start + end) / 2;
  gint32 cursor_day = mba_session_get_cursor_day (self->session);

  if (cursor_day > 0 && cursor_day + 0.5 >= start && cursor_day + 0.5 <= end)
    anchor = cursor_day + 0.5;
  stop_kinetic (self);
  mba_timeline_viewport_zoom_at (self->viewport, anchor, factor);
}

static void
pan_pixels (MbaTimelineWidget *self,
            double             dx)
{
  const MbaTimelineGeometry *g;

  ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  mba_timeline_viewport_pan (self->viewport, dx / g->pixels_per_day);
}

static gboolean
kinetic_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_last_time) / (double) G_USEC_PER_SEC;
  double decay, start, offset;

  self->kinetic_last_time = now;
  if (dt <= 0)
    return G_SOURCE_CONTINUE;
  dt = MIN (dt, 0.1);

  start = mba_timeline_viewport_get_start (self->viewport);
  offset = self->lane_offset;
  pan_pixels (self, -self->velocity_x * dt);
  if (self->velocity_y != 0)
    set_lane_offset (self, self->lane_offset - self->velocity_y * dt);
  /* Stopped by the ends of the timeline. */
  if (start == mba_timeline_viewport_get_start (self->viewport) && offset == self->lane_offset)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }
  decay = exp (-KINETIC_FRICTION * dt);
  self->velocity_x *= decay;
  self->velocity_y *= decay;
  if (hypot (self->velocity_x, self->velocity_y) < KINETIC_MIN_SPEED)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_kinetic (MbaTimelineWidget *self)
{
  stop_kinetic (self);
  if (hypot (self->velocity_x, self->velocity_y) < KINETIC_MIN_SPEED * 3)
    return;
  self->kinetic_last_time = g_get_monotonic_time ();
  self->kinetic_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick, NULL, NULL);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           MbaTimelineWidget        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean smooth = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;
  double x = self->hover_x >= 0 ? self->hover_x : plot_centre_x (self);

  stop_kinetic (self);

  /* Shift turns the wheel into a horizontal pan; a touchpad's sideways swipe pans too. */
  if (state & GDK_SHIFT_MASK)
    {
      pan_pixels (self, (smooth ? 1 : 40) * (dy != 0 ? dy : dx));
      return TRUE;
    }
  if (dx != 0)
    pan_pixels (self, (smooth ? 1 : 40) * dx);
  if (dy != 0)
    {
      /* The day under the pointer stays under the pointer. */
      double factor = smooth ? exp (-dy * 0.01) : pow (WHEEL_ZOOM_STEP, -dy);

      mba_timeline_viewport_zoom_at (self->viewport, day_at (self, x), factor);
    }
  return TRUE;
}

static void
on_zoom_begin (GtkGesture        *gesture,
               GdkEventSequence  *sequence,
               MbaTimelineWidget *self)
{
  double x, y;

  stop_kinetic (self);
  if (gtk_gesture_get_last_event (gesture, sequence) == NULL ||
      !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = plot_centre_x (self);
  self->pinch_span = mba_timeline_viewport_get_span (self->viewport);
  self->pinch_anchor = day_at (self, x);
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_zoom_scale_changed (GtkGestureZoom    *gesture,
                       double             scale,
                       MbaTimelineWidget *self)
{
  double span;

  if (!(scale > 0) || !(self->pinch_span > 0))
    return;
  span = mba_timeline_viewport_get_span (self->viewport);
  mba_timeline_viewport_zoom_at (self->viewport, self->pinch_anchor, span / (self->pinch_span / scale));
}

static gboolean
near_cursor (MbaTimelineWidget *self,
             double             x,
             double             y)
{
  MbaTimelineScene scene;
  MbaTimelineRect handle;
  double cursor_x;
  gint32 cursor_day = mba_session_get_cursor_day (self->session);

  if (cursor_day <= 0)
    return FALSE;
  ensure_layout (self);
  mba_timeline_widget_get_scene (self, &scene);
  if (!mba_timeline_render_get_cursor_handle (self->layout, &scene, &handle))
    return FALSE;
  if (x >= handle.x && x < handle.x + handle.width && y >= handle.y && y < handle.y + handle.height)
    return TRUE;
  cursor_x = mba_timeline_layout_day_to_x (self->layout, cursor_day + 0.5);
  return fabs (x - cursor_x) <= CURSOR_GRAB_PX && y >= handle.y;
}

static void
move_cursor_to (MbaTimelineWidget *self,
                double             x)
{
  mba_session_set_cursor_day (self->session, (gint32) floor (day_at (self, x)));
}

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               MbaTimelineWidget *self)
{
  stop_kinetic (self);
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_moved = FALSE;
  self->drag_panning = FALSE;
  self->dragging_cursor = near_cursor (self, x, y);
  self->drag_view_start = mba_timeline_viewport_get_start (self->viewport);
  self->drag_lane_offset = self->lane_offset;
  self->drag_last_dx = self->drag_last_dy = 0;
  self->drag_last_time = g_get_monotonic_time ();
  self->velocity_x = self->velocity_y = 0;
  if (self->dragging_cursor)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ew-resize");
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                MbaTimelineWidget *self)
{
  const MbaTimelineGeometry *g;
  gint64 now = g_get_monotonic_time ();
  double dt;

  if (self->dragging_cursor)
    {
      self->drag_moved = TRUE;
      move_cursor_to (self, self->drag_start_x + dx);
      return;
    }

  if (!self->drag_panning)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag_panning = TRUE;
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  /* The day grabbed stays under the pointer. */
  ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  mba_timeline_viewport_set_range (self->viewport,
                                   self->drag_view_start - dx / g->pixels_per_day,
                                   self->drag_view_start - dx / g->pixels_per_day +
                                   mba_timeline_viewport_get_span (self->viewport));
  set_lane_offset (self, self->drag_lane_offset - dy);

  /* Smoothed speed, for the fling at the end. */
  dt = (now - self->drag_last_time) / (double) G_USEC_PER_SEC;
  if (dt > 0.001)
    {
      double weight = MIN (dt / 0.05, 1.0);

      self->velocity_x = (1 - weight) * self->velocity_x + weight * (dx - self->drag_last_dx) / dt;
      self->velocity_y = (1 - weight) * self->velocity_y + weight * (dy - self->drag_last_dy) / dt;
      self->drag_last_dx = dx;
      self->drag_last_dy = dy;
      self->drag_last_time = now;
    }
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             MbaTimelineWidget *self)
{
  gboolean fling = self->drag_panning &&
                   g_get_monotonic_time () - self->drag_last_time < G_USEC_PER_SEC / 10;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  self->dragging_cursor = FALSE;
  self->drag_panning = FALSE;
  if (fling)
    start_kinetic (self);
}

/* A cluster opens by zooming in to its events; one that no zoom can split (its events share a
 * day) selects its first event instead, and the arrow keys go on from there. */
static void
open_cluster (MbaTimelineWidget     *self,
              const MbaTimelineItem *item)
{
  double extent = item->last_day + 1 - item->first_day;
  double span = mba_timeline_viewport_get_span (self->viewport);
  double pad = MAX (extent * 0.15, 0.5);

  if (extent <= 1 && span <= MBA_TIMELINE_VIEWPORT_MIN_SPAN * 1.01)
    {
      select_event (self, item->event, FALSE);
      return;
    }
  if (extent + 2 * pad < span * 0.8)
    mba_timeline_viewport_set_range (self->viewport, item->first_day - pad, item->last_day + 1 + pad);
  else
    mba_timeline_viewport_zoom_at (self->viewport, (item->first_day + item->last_day + 1) / 2.0, 2);
}

static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   MbaTimelineWidget *self)
{
  const MbaTimelineGeometry *g;
  const MbaTimelineItem *item;

  if (self->drag_moved)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  item = mba_timeline_layout_hit_test (self->layout, x, y);

  if (item == NULL)
    {
      /* A click on the axis moves the date cursor there; elsewhere it clears the selection. */
      if (y < g->axis.y + g->axis.height && x >= g->plot.x)
        move_cursor_to (self, x);
      else if (n_press == 1)
        select_event (self, NULL, FALSE);
      return;
    }

  if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
    {
      open_cluster (self, item);
      return;
    }

  select_event (self, item->event, FALSE);
  if (n_press == 2)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, item->event->id);
}

static void
update_hover (MbaTimelineWidget *self,
              double             x,
              double             y)
{
  const MbaTimelineItem *item = NULL;

  self->hover_x = x;
  self->hover_y = y;
  if (x >= 0)
    {
      ensure_layout (self);
      item = mba_timeline_layout_hit_test (self->layout, x, y);
    }

  if (!self->drag_panning && !self->dragging_cursor)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     item != NULL ? "pointer"
                                     : x >= 0 && near_cursor (self, x, y) ? "ew-resize" : NULL);

  /* Redraw only when the hovered item changes, not on every motion. */
  if ((item ? item->event : NULL) != self->hover_event || (item ? item->count : 0) != self->hover_count)
    {
      self->hover_event = item ? item->event : NULL;
      self->hover_count = item ? item->count : 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MbaTimelineWidget        *self)
{
  update_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          MbaTimelineWidget        *self)
{
  update_hover (self, -1, -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Tooltips                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
append_event_tooltip (GString        *markup,
                      const MbaEvent *event)
{
  g_autofree char *date = mba_date_format (&event->date);
  g_autofree char *title = g_markup_escape_text (event->title, -1);

  if (mba_date_is_set (&event->end))
    {
      g_autofree char *start = g_steal_pointer (&date);
      g_autofree char *end = mba_date_format (&event->end);

      /* Translators: an event that lasts, e.g. "1 March 2025 – 29 June 2025" */
      date = g_strdup_printf (_("%s – %s"), start, end);
    }
  g_string_append_printf (markup, "%s\n<b>%s</b>", date, title);

  for (guint i = 0; i < event->n_states && i < MAX_TOOLTIP_STATES; i++)
    {
      const MbaState *state = event->states[i];
      g_autofree char *name = g_markup_escape_text (state->name, -1);
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
      g_autofree char *title = g_markup_escape_text (event->title, -1);

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

  ensure_layout (self);
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

static gboolean
mba_timeline_widget_query_tooltip (GtkWidget  *widget,
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
      gtk_tooltip_set_markup (tooltip, text->str);
      return TRUE;
    }

  markup = mba_timeline_widget_describe_at (self, x, y, &area);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  /* Moving to another item asks again. */
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
action_zoom_in (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by_key (MBA_TIMELINE_WIDGET (widget), KEY_ZOOM_STEP);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by_key (MBA_TIMELINE_WIDGET (widget), 1 / KEY_ZOOM_STEP);
}

static void
action_zoom_fit (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);

  stop_kinetic (self);
  mba_timeline_viewport_fit (self->viewport);
}

static void
action_select_next (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_selection (MBA_TIMELINE_WIDGET (widget), 1);
}

static void
action_select_previous (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step_selection (MBA_TIMELINE_WIDGET (widget), -1);
}

static void
action_select_first (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  const MbaEvent *event = mba_timeline_layout_step (self->layout, NULL, 1);

  if (event != NULL)
    select_event (self, event, TRUE);
}

static void
action_select_last (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  const MbaEvent *event = mba_timeline_layout_step (self->layout, NULL, -1);

  if (event != NULL)
    select_event (self, event, TRUE);
}

static void
action_unselect (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  select_event (MBA_TIMELINE_WIDGET (widget), NULL, FALSE);
}

static void
action_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);

  /* Enter selects when nothing is, and otherwise opens the selected event. */
  if (mba_session_get_selected_event (self->session) == NULL)
    step_selection (self, 1);
  else
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, mba_session_get_selected_event_id (self->session));
}

static void
action_pan (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  int direction = g_variant_get_int32 (parameter);

  stop_kinetic (self);
  mba_timeline_viewport_pan (self->viewport,
                             direction * KEY_PAN_FRACTION * mba_timeline_viewport_get_span (self->viewport));
}

static void
action_scroll_lanes (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  const MbaTimelineGeometry *g;

  ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  set_lane_offset (self, self->lane_offset + g_variant_get_int32 (parameter) * g->row_height * 2);
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
    update_hover (self, self->hover_x, self->hover_y);
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

  stop_kinetic (self);
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
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action,
             const char      *format,
             int              value)
{
  if (format != NULL)
    gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, format, value);
  else
    gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
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
  widget_class->query_tooltip = mba_timeline_widget_query_tooltip;

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

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom_fit);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, action_select_next);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, action_select_previous);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, action_select_first);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, action_select_last);
  gtk_widget_class_install_action (widget_class, "timeline.unselect", NULL, action_unselect);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, action_activate);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "i", action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-lanes", "i", action_scroll_lanes);
  gtk_widget_class_install_property_action (widget_class, "timeline.lane-mode", "lane-mode");
  gtk_widget_class_install_property_action (widget_class, "timeline.show-context", "show-context");

  add_binding (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL, 0);
  add_binding (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL, 0);
  add_binding (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL, 0);
  add_binding (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-fit", NULL, 0);
  add_binding (widget_class, GDK_KEY_Right, 0, "timeline.select-next", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next", NULL, 0);
  add_binding (widget_class, GDK_KEY_Left, 0, "timeline.select-previous", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous", NULL, 0);
  add_binding (widget_class, GDK_KEY_Home, 0, "timeline.select-first", NULL, 0);
  add_binding (widget_class, GDK_KEY_End, 0, "timeline.select-last", NULL, 0);
  add_binding (widget_class, GDK_KEY_Escape, 0, "timeline.unselect", NULL, 0);
  add_binding (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL, 0);
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL, 0);
  add_binding (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL, 0);
  add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan", "i", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan", "i", 1);
  add_binding (widget_class, GDK_KEY_Up, 0, "timeline.scroll-lanes", "i", -1);
  add_binding (widget_class, GDK_KEY_Down, 0, "timeline.scroll-lanes", "i", 1);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "timeline.scroll-lanes", "i", -5);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "timeline.scroll-lanes", "i", 5);

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

  self->scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (self->scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, self->scroll);

  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (self->motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (self->motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, self->motion);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag));

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->click));

  self->zoom = gtk_gesture_zoom_new ();
  g_signal_connect (self->zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (self->zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->zoom));

  /* A session of its own until the window hands it the app's. */
  {
    g_autoptr(MbaSession) session = mba_session_new ();
    mba_timeline_widget_set_session (self, session);
  }
}
