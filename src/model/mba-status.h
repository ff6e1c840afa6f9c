/* mba-status.h: a state's standing towards the treaty
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MBA_STATUS_UNKNOWN = 0,            /* no status in the dataset at that date */
  MBA_STATUS_NON_PARTY,
  MBA_STATUS_SIGNATORY,
  MBA_STATUS_PARTY,
  MBA_STATUS_WITHDRAWAL_ANNOUNCED,
  MBA_STATUS_WITHDRAWAL_IN_PROGRESS,
  MBA_STATUS_WITHDRAWN,
} MbaStatus;

#define MBA_N_STATUSES (MBA_STATUS_WITHDRAWN + 1)

gboolean     mba_status_from_string  (const char *text,
                                      MbaStatus  *status);
const char  *mba_status_to_string    (MbaStatus   status);
const char  *mba_status_get_label    (MbaStatus   status);

G_END_DECLS
