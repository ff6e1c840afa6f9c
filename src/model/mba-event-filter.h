/* mba-event-filter.h: which events pass the timeline's filters (one, owned by the MbaSession)
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-dataset.h"

G_BEGIN_DECLS

#define MBA_TYPE_EVENT_FILTER (mba_event_filter_get_type ())

G_DECLARE_FINAL_TYPE (MbaEventFilter, mba_event_filter, MBA, EVENT_FILTER, GObject)

MbaEventFilter *mba_event_filter_new                 (MbaDataset          *dataset);

/* Each setter returns whether the filter changed, so that callers redo only what they must. */
gboolean        mba_event_filter_set_dataset         (MbaEventFilter      *self,
                                                      MbaDataset          *dataset);
MbaDataset     *mba_event_filter_get_dataset         (MbaEventFilter      *self);
gboolean        mba_event_filter_set_hidden_kinds    (MbaEventFilter      *self,
                                                      guint                mask);
guint           mba_event_filter_get_hidden_kinds    (MbaEventFilter      *self);
gboolean        mba_event_filter_set_include_context (MbaEventFilter      *self,
                                                      gboolean             include);
gboolean        mba_event_filter_set_state_code      (MbaEventFilter      *self,
                                                      const char          *code);
const char     *mba_event_filter_get_state_code      (MbaEventFilter      *self);
gboolean        mba_event_filter_set_search_text     (MbaEventFilter      *self,
                                                      const char          *text);
const char     *mba_event_filter_get_search_text     (MbaEventFilter      *self);
gboolean        mba_event_filter_has_search          (MbaEventFilter      *self);

gboolean        mba_event_filter_matches             (MbaEventFilter      *self,
                                                      const MbaEvent      *event);
GPtrArray      *mba_event_filter_list_events         (MbaEventFilter      *self);

G_END_DECLS
