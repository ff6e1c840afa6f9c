/* mba-timeline-viewport.h: the span of days the timeline shows
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

/* The narrowest view: one day across the whole width. */
#define MBA_TIMELINE_VIEWPORT_MIN_SPAN 1.0

#define MBA_TYPE_TIMELINE_VIEWPORT (mba_timeline_viewport_get_type ())

G_DECLARE_FINAL_TYPE (MbaTimelineViewport, mba_timeline_viewport, MBA, TIMELINE_VIEWPORT, GObject)

MbaTimelineViewport *mba_timeline_viewport_new         (void);

double               mba_timeline_viewport_get_start   (MbaTimelineViewport *self);
double               mba_timeline_viewport_get_end     (MbaTimelineViewport *self);
double               mba_timeline_viewport_get_span    (MbaTimelineViewport *self);
void                 mba_timeline_viewport_set_range   (MbaTimelineViewport *self,
                                                        double               start,
                                                        double               end);

double               mba_timeline_viewport_get_min_day (MbaTimelineViewport *self);
double               mba_timeline_viewport_get_max_day (MbaTimelineViewport *self);
void                 mba_timeline_viewport_set_limits  (MbaTimelineViewport *self,
                                                        double               min_day,
                                                        double               max_day);

void                 mba_timeline_viewport_set_limits_for_dataset (MbaTimelineViewport *self,
                                                                   MbaDataset          *dataset);

void                 mba_timeline_viewport_zoom_at     (MbaTimelineViewport *self,
                                                        double               anchor_day,
                                                        double               factor);
void                 mba_timeline_viewport_pan         (MbaTimelineViewport *self,
                                                        double               delta_days);
void                 mba_timeline_viewport_fit         (MbaTimelineViewport *self);
void                 mba_timeline_viewport_show_range  (MbaTimelineViewport *self,
                                                        double               first_day,
                                                        double               last_day,
                                                        double               margin);

G_END_DECLS
