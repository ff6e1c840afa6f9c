/* mba-session.h: what the window shows now, in one place that every view observes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-dataset.h"
#include "mba-event-filter.h"
#include "mba-event-item.h"

G_BEGIN_DECLS

#define MBA_TYPE_SESSION (mba_session_get_type ())

/* The narrowest view of the timeline, in days (as MBA_TIMELINE_VIEWPORT_MIN_SPAN). */
#define MBA_SESSION_MIN_VISIBLE_SPAN 1.0

G_DECLARE_FINAL_TYPE (MbaSession, mba_session, MBA, SESSION, GObject)

MbaSession     *mba_session_new                   (void);

MbaDataset     *mba_session_get_dataset           (MbaSession  *self);
void            mba_session_set_dataset           (MbaSession  *self,
                                                   MbaDataset  *dataset);

const char     *mba_session_get_selected_event_id (MbaSession  *self);
const MbaEvent *mba_session_get_selected_event    (MbaSession  *self);
void            mba_session_set_selected_event_id (MbaSession  *self,
                                                   const char  *event_id);

gint32          mba_session_get_cursor_day        (MbaSession  *self);
void            mba_session_set_cursor_day        (MbaSession  *self,
                                                   gint32       day);

double          mba_session_get_min_day           (MbaSession  *self);
double          mba_session_get_max_day           (MbaSession  *self);
double          mba_session_get_visible_start     (MbaSession  *self);
double          mba_session_get_visible_end       (MbaSession  *self);
void            mba_session_set_visible_range     (MbaSession  *self,
                                                   double       start,
                                                   double       end);

/* The named periods of the timeline and of exports. */
typedef enum
{
  MBA_SESSION_PERIOD_STORY,   /* the dataset's story, or everything when it names none */
  MBA_SESSION_PERIOD_ALL,     /* the whole history */
} MbaSessionPeriod;

gboolean        mba_session_range_for_dataset     (MbaDataset       *dataset,
                                                   MbaSessionPeriod  period,
                                                   double           *start,
                                                   double           *end);

/* The dataset's story (mba_dataset_get_story()) as a visible range, and the whole span. */
gboolean        mba_session_get_story_range       (MbaSession  *self,
                                                   double      *start,
                                                   double      *end);
void            mba_session_show_story            (MbaSession  *self);
void            mba_session_show_whole_history    (MbaSession  *self);
gboolean        mba_session_get_showing_story     (MbaSession  *self);
gboolean        mba_session_get_showing_whole_history (MbaSession *self);

/* The filter: the session owns the one MbaEventFilter; change it through these setters. */
MbaEventFilter *mba_session_get_filter            (MbaSession  *self);
guint           mba_session_get_hidden_kinds      (MbaSession  *self);
void            mba_session_set_hidden_kinds      (MbaSession  *self,
                                                   guint        mask);
gboolean        mba_session_get_include_context   (MbaSession  *self);
void            mba_session_set_include_context   (MbaSession  *self,
                                                   gboolean     include);
const char     *mba_session_get_state_code        (MbaSession  *self);
void            mba_session_set_state_code        (MbaSession  *self,
                                                   const char  *code);
const char     *mba_session_get_search_text       (MbaSession  *self);
void            mba_session_set_search_text       (MbaSession  *self,
                                                   const char  *text);

GListModel     *mba_session_get_events            (MbaSession  *self);
GPtrArray      *mba_session_list_events           (MbaSession  *self);

G_END_DECLS
