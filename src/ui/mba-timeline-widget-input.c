/* mba-timeline-widget-input.c: the timeline's input: wheel, pinch, drag, click, hover, keys and actions
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-timeline-widget-private.h"

#define WHEEL_ZOOM_STEP   1.25   /* per wheel notch */
#define KEY_ZOOM_STEP     1.5
#define KEY_PAN_FRACTION  0.1    /* of the visible span */
#define DRAG_THRESHOLD    4.0    /* pixels before a press becomes a pan */
#define CURSOR_GRAB_PX    5.0    /* how near the cursor line a drag moves the cursor */
#define KINETIC_FRICTION  4.0    /* per second: how fast a flung pan slows down */
#define KINETIC_MIN_SPEED 30.0   /* pixels per second */

/* ------------------------------------------------------------------------------------------ */
/* Zoom and pan                                                                               */
/* ------------------------------------------------------------------------------------------ */

void
_mba_timeline_widget_stop_kinetic (MbaTimelineWidget *self)
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
  _mba_timeline_widget_stop_kinetic (self);
  mba_timeline_viewport_zoom_at (self->viewport, anchor, factor);
}

static void
pan_pixels (MbaTimelineWidget *self,
            double             dx)
{
  const MbaTimelineGeometry *g;

  _mba_timeline_widget_ensure_layout (self);
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
    _mba_timeline_widget_set_lane_offset (self, self->lane_offset - self->velocity_y * dt);
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
  _mba_timeline_widget_stop_kinetic (self);
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
  double x = self->hover_x >= 0 ? self->hover_x : _mba_timeline_widget_plot_centre_x (self);

  _mba_timeline_widget_stop_kinetic (self);

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

      mba_timeline_viewport_zoom_at (self->viewport, _mba_timeline_widget_day_at (self, x), factor);
    }
  return TRUE;
}

static void
on_zoom_begin (GtkGesture        *gesture,
               GdkEventSequence  *sequence,
               MbaTimelineWidget *self)
{
  double x, y;

  _mba_timeline_widget_stop_kinetic (self);
  if (gtk_gesture_get_last_event (gesture, sequence) == NULL ||
      !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = _mba_timeline_widget_plot_centre_x (self);
  self->pinch_span = mba_timeline_viewport_get_span (self->viewport);
  self->pinch_anchor = _mba_timeline_widget_day_at (self, x);
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
  _mba_timeline_widget_ensure_layout (self);
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
  mba_session_set_cursor_day (self->session, (gint32) floor (_mba_timeline_widget_day_at (self, x)));
}

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               MbaTimelineWidget *self)
{
  _mba_timeline_widget_stop_kinetic (self);
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
  _mba_timeline_widget_ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  mba_timeline_viewport_set_range (self->viewport,
                                   self->drag_view_start - dx / g->pixels_per_day,
                                   self->drag_view_start - dx / g->pixels_per_day +
                                   mba_timeline_viewport_get_span (self->viewport));
  _mba_timeline_widget_set_lane_offset (self, self->drag_lane_offset - dy);

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
      _mba_timeline_widget_select_event (self, item->event, FALSE);
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
  _mba_timeline_widget_ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  item = mba_timeline_layout_hit_test (self->layout, x, y);

  if (item == NULL)
    {
      /* A click on the axis moves the date cursor there; elsewhere it clears the selection. */
      if (y < g->axis.y + g->axis.height && x >= g->plot.x)
        move_cursor_to (self, x);
      else if (n_press == 1)
        _mba_timeline_widget_select_event (self, NULL, FALSE);
      return;
    }

  if (item->type == MBA_TIMELINE_ITEM_CLUSTER)
    {
      open_cluster (self, item);
      return;
    }

  _mba_timeline_widget_select_event (self, item->event, FALSE);
  if (n_press == 2)
    _mba_timeline_widget_emit_activated (self, item->event->id);
}

void
_mba_timeline_widget_update_hover (MbaTimelineWidget *self,
                                   double             x,
                                   double             y)
{
  const MbaTimelineItem *item = NULL;

  self->hover_x = x;
  self->hover_y = y;
  if (x >= 0)
    {
      _mba_timeline_widget_ensure_layout (self);
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
  _mba_timeline_widget_update_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          MbaTimelineWidget        *self)
{
  _mba_timeline_widget_update_hover (self, -1, -1);
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

  _mba_timeline_widget_stop_kinetic (self);
  mba_timeline_viewport_fit (self->viewport);
}

static void
action_select_next (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _mba_timeline_widget_step_selection (MBA_TIMELINE_WIDGET (widget), 1);
}

static void
action_select_previous (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _mba_timeline_widget_step_selection (MBA_TIMELINE_WIDGET (widget), -1);
}

static void
action_select_first (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  const MbaEvent *event = mba_timeline_layout_step (self->layout, NULL, 1);

  if (event != NULL)
    _mba_timeline_widget_select_event (self, event, TRUE);
}

static void
action_select_last (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  const MbaEvent *event = mba_timeline_layout_step (self->layout, NULL, -1);

  if (event != NULL)
    _mba_timeline_widget_select_event (self, event, TRUE);
}

static void
action_unselect (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _mba_timeline_widget_select_event (MBA_TIMELINE_WIDGET (widget), NULL, FALSE);
}

static void
action_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);

  /* Enter selects when nothing is, and otherwise opens the selected event. */
  if (mba_session_get_selected_event (self->session) == NULL)
    _mba_timeline_widget_step_selection (self, 1);
  else
    _mba_timeline_widget_emit_activated (self, mba_session_get_selected_event_id (self->session));
}

static void
action_pan (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MbaTimelineWidget *self = MBA_TIMELINE_WIDGET (widget);
  int direction = g_variant_get_int32 (parameter);

  _mba_timeline_widget_stop_kinetic (self);
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

  _mba_timeline_widget_ensure_layout (self);
  g = mba_timeline_layout_get_geometry (self->layout);
  _mba_timeline_widget_set_lane_offset (self, self->lane_offset + g_variant_get_int32 (parameter) * g->row_height * 2);
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

/* Installs the "timeline." actions and their keys. */
void
_mba_timeline_widget_class_init_input (GtkWidgetClass *widget_class)
{
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
}

/* Wheel, pointer, drag, click and pinch, each writing what it does to the session or the view. */
void
_mba_timeline_widget_init_input (MbaTimelineWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

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
}
