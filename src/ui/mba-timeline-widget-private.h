/* mba-timeline-widget-private.h: the timeline widget's fields, shared by the files that make it up
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-timeline-widget.h"

G_BEGIN_DECLS

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

/* mba-timeline-widget.c: layout, selection, signals */
void     _mba_timeline_widget_ensure_layout      (MbaTimelineWidget *self);
void     _mba_timeline_widget_set_lane_offset    (MbaTimelineWidget *self,
                                                  double             offset);
double   _mba_timeline_widget_day_at             (MbaTimelineWidget *self,
                                                  double             x);
double   _mba_timeline_widget_plot_centre_x      (MbaTimelineWidget *self);
void     _mba_timeline_widget_select_event       (MbaTimelineWidget *self,
                                                  const MbaEvent    *event,
                                                  gboolean           reveal);
void     _mba_timeline_widget_step_selection     (MbaTimelineWidget *self,
                                                  int                direction);
void     _mba_timeline_widget_emit_activated     (MbaTimelineWidget *self,
                                                  const char        *event_id);

/* mba-timeline-widget-input.c: gestures, keys and actions */
void     _mba_timeline_widget_class_init_input   (GtkWidgetClass    *widget_class);
void     _mba_timeline_widget_init_input         (MbaTimelineWidget *self);
void     _mba_timeline_widget_stop_kinetic       (MbaTimelineWidget *self);
void     _mba_timeline_widget_update_hover       (MbaTimelineWidget *self,
                                                  double             x,
                                                  double             y);

/* mba-timeline-widget-tooltip.c: what the tooltip says */
gboolean _mba_timeline_widget_query_tooltip      (GtkWidget         *widget,
                                                  int                x,
                                                  int                y,
                                                  gboolean           keyboard_mode,
                                                  GtkTooltip        *tooltip);

G_END_DECLS
