/* mba-timeline-widget.h: the interactive timeline, the app's main view
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mba-dataset.h"
#include "mba-session.h"
#include "mba-timeline-layout.h"
#include "mba-timeline-renderer.h"
#include "mba-timeline-viewport.h"

G_BEGIN_DECLS

#define MBA_TYPE_TIMELINE_WIDGET (mba_timeline_widget_get_type ())

G_DECLARE_FINAL_TYPE (MbaTimelineWidget, mba_timeline_widget, MBA, TIMELINE_WIDGET, GtkWidget)

GtkWidget           *mba_timeline_widget_new                (void);

MbaSession          *mba_timeline_widget_get_session        (MbaTimelineWidget   *self);
void                 mba_timeline_widget_set_session        (MbaTimelineWidget   *self,
                                                             MbaSession          *session);

MbaTimelineLaneMode  mba_timeline_widget_get_lane_mode      (MbaTimelineWidget   *self);
void                 mba_timeline_widget_set_lane_mode      (MbaTimelineWidget   *self,
                                                             MbaTimelineLaneMode  mode);

/* What passes the session's filter, as laid out */
guint                mba_timeline_widget_get_n_shown        (MbaTimelineWidget   *self);
const MbaEvent      *mba_timeline_widget_get_shown_event    (MbaTimelineWidget   *self,
                                                             guint                position);

char                *mba_timeline_widget_describe_at        (MbaTimelineWidget   *self,
                                                             double               x,
                                                             double               y,
                                                             GdkRectangle        *area);

MbaTimelineViewport *mba_timeline_widget_get_viewport       (MbaTimelineWidget   *self);
MbaTimelineLayout   *mba_timeline_widget_get_layout         (MbaTimelineWidget   *self);
void                 mba_timeline_widget_get_scene          (MbaTimelineWidget   *self,
                                                             MbaTimelineScene    *scene);

G_END_DECLS
