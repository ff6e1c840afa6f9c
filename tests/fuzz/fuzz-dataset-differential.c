/* fuzz-dataset-differential.c: libFuzzer target proving the loader's fast path equal to Jansson
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is loaded twice: parsed whole by Jansson (MBA_LOAD_PLAIN) and by the fast path
 * for large files, which cuts the events array apart and parses the events on several threads
 * (MBA_LOAD_PARALLEL, here for any size and any number of events). Both must give the same
 * dataset (the same counts, and every event's id, date and place in the file), or the same
 * problems, as --check would print them. A difference aborts with both results on stderr.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mba-dataset-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* What a load came to, as text: the dataset's summary or the problems. */
static char *
describe (MbaDataset     *dataset,
          MbaProblemList *problems)
{
  GString *text = g_string_new (NULL);

  if (dataset == NULL)
    {
      g_autofree char *list = mba_problem_list_to_string (problems);

      g_string_append_printf (text, "refused, %u problems, first code %d:\n%s\n",
                              mba_problem_list_get_n_total (problems),
                              mba_problem_list_get_first_code (problems), list);
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, "loaded: %u events, %u sources, %u states, %u disputes, "
                          "%u quotes\n",
                          mba_dataset_get_n_events (dataset), mba_dataset_get_n_sources (dataset),
                          mba_dataset_get_n_states (dataset), mba_dataset_get_n_disputes (dataset),
                          mba_dataset_get_n_quotes (dataset));
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);
      g_autofree char *date = mba_date_to_iso (&event->date);

      g_string_append_printf (text, "%s %s %d %u\n", event->id, date, event->file_index,
                              event->n_quotes);
    }
  return g_string_free (text, FALSE);
}

static char *
load (const uint8_t *data,
      size_t         size,
      MbaLoadWay     way)
{
  g_autoptr(MbaProblemList) problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  g_autoptr(MbaDataset) dataset = mba_dataset_load_data ((const char *) data, size, "fuzz.json",
                                                         NULL, problems, way);

  /* A dataset comes with no problem, a refusal with at least one. */
  if ((dataset == NULL) != (mba_problem_list_get_n_total (problems) > 0))
    abort ();
  return describe (dataset, problems);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *plain = load (data, size, MBA_LOAD_PLAIN);
  g_autofree char *parallel = load (data, size, MBA_LOAD_PARALLEL);

  if (g_strcmp0 (plain, parallel) != 0)
    {
      fprintf (stderr, "Parsed whole:\n%s\nParsed in parallel:\n%s\n", plain, parallel);
      abort ();
    }
  return 0;
}
