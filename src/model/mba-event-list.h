/* mba-event-list.h: the events that pass a filter, in date order, as a GListModel
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-event-filter.h"
#include "mba-event-item.h"

G_BEGIN_DECLS

#define MBA_TYPE_EVENT_LIST (mba_event_list_get_type ())

G_DECLARE_FINAL_TYPE (MbaEventList, mba_event_list, MBA, EVENT_LIST, GObject)

MbaEventList   *mba_event_list_new       (MbaEventFilter *filter);
gboolean        mba_event_list_refresh   (MbaEventList   *self);
const MbaEvent *mba_event_list_get_event (MbaEventList   *self,
                                          guint           position);
guint           mba_event_list_find      (MbaEventList   *self,
                                          const char     *event_id);
GPtrArray      *mba_event_list_copy      (MbaEventList   *self);

G_END_DECLS
