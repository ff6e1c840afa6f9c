/* mba-status.c: a state's standing towards the treaty
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-status.h"

static const char * const status_ids[MBA_N_STATUSES] = {
  [MBA_STATUS_UNKNOWN] = "unknown",
  [MBA_STATUS_NON_PARTY] = "non-party",
  [MBA_STATUS_SIGNATORY] = "signatory",
  [MBA_STATUS_PARTY] = "party",
  [MBA_STATUS_WITHDRAWAL_ANNOUNCED] = "withdrawal-announced",
  [MBA_STATUS_WITHDRAWAL_IN_PROGRESS] = "withdrawal-in-progress",
  [MBA_STATUS_WITHDRAWN] = "withdrawn",
};

/* "unknown" is what the model answers, never a value a dataset may write. */
gboolean
mba_status_from_string (const char *text,
                        MbaStatus  *status)
{
  for (guint i = MBA_STATUS_NON_PARTY; i < MBA_N_STATUSES; i++)
    if (g_strcmp0 (text, status_ids[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
mba_status_to_string (MbaStatus status)
{
  g_return_val_if_fail (status < MBA_N_STATUSES, "unknown");
  return status_ids[status];
}

const char *
mba_status_get_label (MbaStatus status)
{
  switch (status)
    {
    case MBA_STATUS_NON_PARTY:
      /* Translators: a state that never joined the Mine Ban Treaty */
      return _("Not a party");
    case MBA_STATUS_SIGNATORY:
      /* Translators: a state that signed but did not ratify the treaty */
      return _("Signatory");
    case MBA_STATUS_PARTY:
      /* Translators: a State Party to the Mine Ban Treaty */
      return _("State Party");
    case MBA_STATUS_WITHDRAWAL_ANNOUNCED:
      return _("Withdrawal announced");
    case MBA_STATUS_WITHDRAWAL_IN_PROGRESS:
      /* Translators: notice of withdrawal deposited, not yet in effect */
      return _("Withdrawal in progress");
    case MBA_STATUS_WITHDRAWN:
      return _("Withdrawn");
    case MBA_STATUS_UNKNOWN:
    default:
      /* Translators: the dataset says nothing of this state's status at that date */
      return _("No status in the dataset");
    }
}
