/* fuzz-dataset.c: libFuzzer target for the dataset loader
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input either loads or is refused with an error of the dataset domain that names the
 * file; anything else (a crash, a sanitizer report, a leak, a hang) is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mba-dataset.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_new_from_bytes (bytes, "fuzz.json", &error);

  if (dataset == NULL)
    {
      if (error == NULL || error->domain != MBA_DATASET_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.json"))
        abort ();
    }
  else
    {
      /* Walk what was loaded, so that a dangling pointer in it is found too. */
      for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
        {
          const MbaState *state = mba_dataset_get_state (dataset, i);

          for (guint j = 0; j < state->n_changes; j++)
            mba_dataset_get_status_at (dataset, state, state->changes[j].day, NULL, NULL);
          if (strlen (state->code) != 3)
            abort ();
        }
      for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
        {
          const MbaEvent *event = mba_dataset_get_event (dataset, i);

          if (mba_dataset_find_event (dataset, event->id) != event || strlen (event->title) == 0)
            abort ();
          for (guint j = 0; j < event->n_quotes; j++)
            if (event->quotes[j].source == NULL || strlen (event->quotes[j].text) == 0)
              abort ();
        }
    }
  return 0;
}
