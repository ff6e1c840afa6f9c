/* mba-event-item.h: one event as a list item, for the session's list of events that pass
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-dataset.h"

G_BEGIN_DECLS

#define MBA_TYPE_EVENT_ITEM (mba_event_item_get_type ())

G_DECLARE_FINAL_TYPE (MbaEventItem, mba_event_item, MBA, EVENT_ITEM, GObject)

MbaEventItem   *mba_event_item_new         (MbaDataset     *dataset,
                                            const MbaEvent *event);
const MbaEvent *mba_event_item_get_event   (MbaEventItem   *self);
MbaDataset     *mba_event_item_get_dataset (MbaEventItem   *self);

G_END_DECLS
