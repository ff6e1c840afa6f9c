/* mba-dataset-parallel.c: the fast path for large files, events parsed in parallel one by one
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing a whole file of 100,000 events with Jansson takes over half a second on one core and
 * a tree of about 250 MB (more than MBA_DATASET_MAX_PARSE_BYTES). Here the events array is cut
 * into one byte range an event by its brackets and quotes only; the rest of the file (the
 * "skeleton", with an empty events array) and every event are then parsed by Jansson, the
 * events by a few threads at once, each event's tree freed as soon as it is checked.
 *
 * The result must be the plain path's (mba_dataset_load_data with MBA_LOAD_PLAIN): the same
 * dataset or the same problems. tests/fuzz/fuzz-dataset-differential.c checks that for every
 * input it finds. Anything unusual before the events array ends makes
 * mba_dataset_load_parallel give up, and the caller loads the file the plain way.
 */
#include "config.h"

#include <string.h>

#include "mba-dataset-private.h"

/* Jansson refuses values nested deeper than 2048 (JSON_PARSER_MAX_DEPTH); an event sits at
 * depth 3 in the file. */
#define MAX_EVENT_DEPTH 2000

/* Fewer events than this are not worth threads. */
#define MIN_EVENTS_PER_WORKER 2048
#define MAX_WORKERS 4

static const char *
skip_white_space (const char *p,
                  const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* p is at a '"'; returns the byte after the closing quote, or NULL. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Skips one JSON value by its brackets and quotes only; Jansson checks the contents later. */
static const char *
skip_value (const char *p,
            const char *end)
{
  int depth = 0;

  if (p >= end)
    return NULL;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[')
    {
      while (p < end && !strchr (",}] \t\r\n", *p))
        p++;
      return p;
    }
  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          continue;
        case '{':
        case '[':
          /* Inside the file an event is two levels deeper than alone, so Jansson's depth
           * limit would refuse it there: leave such a file to the whole parse. */
          if (++depth > MAX_EVENT_DEPTH)
            return NULL;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }
  return NULL;
}

/* Finds the byte range of every element of the top-level "events" array, so that the events can
 * be parsed one at a time (in parallel, and without holding the whole tree in memory). Returns
 * FALSE for anything unusual before the array's end; the caller then parses the whole file. What
 * follows the array is left to the skeleton's parse. */
static gboolean
find_event_slices (const char *data,
                   gsize       length,
                   gsize      *array_start,
                   gsize      *array_end,
                   GArray     *starts,
                   GArray     *ends)
{
  const char *end = data + length;
  const char *p = skip_white_space (data, end);

  if (p >= end || *p != '{')
    return FALSE;
  p = skip_white_space (p + 1, end);
  while (p < end && *p == '"')
    {
      const char *key = p;
      gboolean is_events;

      p = skip_string (p, end);
      if (p == NULL)
        return FALSE;
      is_events = p - key == 8 && memcmp (key, "\"events\"", 8) == 0;
      p = skip_white_space (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      p = skip_white_space (p + 1, end);

      if (is_events && p < end && *p == '[')
        {
          *array_start = p - data;
          p = skip_white_space (p + 1, end);
          while (p < end && *p != ']')
            {
              gsize start = p - data, stop;

              p = skip_value (p, end);
              /* Nothing where a value should be ("[1,,2]"): the whole parse says what. */
              if (p == NULL || (gsize) (p - data) == start)
                return FALSE;
              stop = p - data;
              g_array_append_val (starts, start);
              g_array_append_val (ends, stop);
              p = skip_white_space (p, end);
              if (p < end && *p == ',')
                {
                  p = skip_white_space (p + 1, end);
                  /* "[1,]" is not JSON. */
                  if (p < end && *p == ']')
                    return FALSE;
                }
              else if (p >= end || *p != ']')
                return FALSE;
            }
          if (p >= end)
            return FALSE;
          *array_end = ++p - data;
          return TRUE;
        }
      else
        {
          p = skip_value (p, end);
          if (p == NULL)
            return FALSE;
        }
      p = skip_white_space (p, end);
      if (p < end && *p == ',')
        p = skip_white_space (p + 1, end);
      else
        break;
    }
  return FALSE;
}

/* Parses all but the events array; that is left empty for the workers to fill. On failure
 * @failure says where, as an offset in the whole file. */
static json_t *
load_skeleton (const char   *data,
               gsize         length,
               gsize         array_start,
               gsize         array_end,
               SliceFailure *failure)
{
  g_autoptr(GString) skeleton = g_string_sized_new (length - (array_end - array_start) + 2);
  json_t *root;
  gsize at;

  g_string_append_len (skeleton, data, array_start);
  g_string_append (skeleton, "[]");
  g_string_append_len (skeleton, data + array_end, length - array_end);
  root = mba_dataset_parse_bounded (skeleton->str, skeleton->len, JSON_REJECT_DUPLICATES, &failure->error);
  if (root == NULL)
    {
      at = MAX (failure->error.position, 0);
      failure->failed = TRUE;
      if (at <= array_start)
        failure->offset = at;
      else if (at >= array_start + 2)
        failure->offset = at - (array_start + 2) + array_end;
      else
        failure->offset = array_start + 1;
    }
  return root;
}

/* The first event, in file order, that is not JSON; FALSE when all are. One at a time, so that
 * memory stays that of one event. */
static gboolean
find_first_bad_slice (const char   *data,
                      GArray       *starts,
                      GArray       *ends,
                      SliceFailure *failure)
{
  for (guint i = 0; i < starts->len; i++)
    {
      gsize start = g_array_index (starts, gsize, i);
      json_error_t json_error;
      json_t *object = mba_dataset_parse_bounded (data + start, g_array_index (ends, gsize, i) - start,
                                                  JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &json_error);

      if (object == NULL)
        {
          failure->failed = TRUE;
          failure->error = json_error;
          failure->offset = start + MAX (json_error.position, 0);
          return TRUE;
        }
      json_decref (object);
    }
  return FALSE;
}

typedef struct
{
  Loader             loader;
  const EventSlices *slices;
  gsize              first;
  gsize              last;          /* exclusive */
  MbaEvent          *out;           /* this worker's part of the dataset's events */
  guint              n_out;
  gboolean           syntax_error;  /* a slice did not parse; failure says where */
  SliceFailure       failure;
} EventWorker;

static void
load_slices (gpointer data,
             gpointer unused)
{
  EventWorker *worker = data;
  Loader *loader = &worker->loader;
  const EventSlices *slices = worker->slices;

  for (gsize i = worker->first; i < worker->last; i++)
    {
      json_error_t *json_error = &worker->failure.error;
      gsize start = slices->starts[i];
      json_t *object;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      object = mba_dataset_parse_bounded (slices->data + start, slices->ends[i] - start,
                                          JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, json_error);
      if (object == NULL)
        {
          worker->syntax_error = TRUE;
          worker->failure.failed = TRUE;
          worker->failure.offset = start + MAX (json_error->position, 0);
          return;
        }
      if (mba_loader_load_event (loader, object, i, &worker->out[worker->n_out]))
        worker->n_out++;
      json_decref (object);
    }
}

/* Appends what a worker found to the main loader, in file order. */
static void
merge_worker (Loader      *loader,
              EventWorker *worker)
{
  mba_problem_list_append (loader->problems, worker->loader.problems);
  g_clear_object (&worker->loader.problems);
  g_ptr_array_extend_and_steal (loader->blocks, g_steal_pointer (&worker->loader.blocks));
  g_ptr_array_add (loader->dataset->chunks, g_steal_pointer (&worker->loader.strings));
  g_string_free (worker->loader.path, TRUE);
}

/**
 * mba_dataset_parallel_load_events:
 * @loader: the loader, its path at "events"
 * @events: (element-type MbaEvent): gets the events that load, in file order
 *
 * Parses and checks the events of @slices, shared between a few threads.
 *
 * Returns: FALSE when an event is not JSON; then only @slices->failure says where.
 */
gboolean
mba_dataset_parallel_load_events (Loader            *loader,
                                  const EventSlices *slices,
                                  GArray            *events)
{
  EventWorker workers[MAX_WORKERS];
  guint n_workers, n_kept = 0;
  gboolean syntax_error = FALSE;

  /* Each worker writes its events straight into its part of the one array. */
  g_array_set_size (events, slices->n);
  n_workers = MIN (slices->n / slices->min_events_per_worker, (guint) g_get_num_processors ());
  n_workers = CLAMP (n_workers, 1, MAX_WORKERS);
  for (guint w = 0; w < n_workers; w++)
    {
      EventWorker *worker = &workers[w];

      worker->loader = (Loader) {
        .dataset = loader->dataset,
        .file = loader->file,
        .path = g_string_new (loader->path->str),
        .problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT),
        .cancellable = loader->cancellable,
        .strings = g_string_chunk_new (256 * 1024),
        .blocks = g_ptr_array_new_with_free_func (g_free),
      };
      worker->slices = slices;
      worker->first = slices->n * w / n_workers;
      worker->last = slices->n * (w + 1) / n_workers;
      worker->out = &g_array_index (events, MbaEvent, worker->first);
      worker->n_out = 0;
      worker->syntax_error = FALSE;
      worker->failure.failed = FALSE;
    }

  /* This thread takes the first part; a pool of its own, freed (and waited for) here, the
   * others, so that a load run in a GTask never waits for GTask's own pool. */
  if (n_workers > 1)
    {
      GThreadPool *pool = g_thread_pool_new (load_slices, NULL, n_workers - 1, FALSE, NULL);

      for (guint w = 1; w < n_workers; w++)
        g_thread_pool_push (pool, &workers[w], NULL);
      load_slices (&workers[0], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else
    load_slices (&workers[0], NULL);

  for (guint w = 0; w < n_workers; w++)
    {
      /* The first slice in file order that is not JSON is the one to report. */
      if (workers[w].syntax_error && !syntax_error)
        *slices->failure = workers[w].failure;
      syntax_error |= workers[w].syntax_error;
      merge_worker (loader, &workers[w]);
      /* Events that did not load leave gaps: close them up. */
      if (workers[w].n_out > 0 && &g_array_index (events, MbaEvent, n_kept) != workers[w].out)
        memmove (&g_array_index (events, MbaEvent, n_kept), workers[w].out,
                 workers[w].n_out * sizeof (MbaEvent));
      n_kept += workers[w].n_out;
    }
  g_array_set_size (events, n_kept);
  slices->failure->all_parsed = !g_cancellable_is_cancelled (loader->cancellable);
  return !syntax_error;
}

/**
 * mba_dataset_load_parallel:
 * @way: %MBA_LOAD_PARALLEL to share even a few events between threads
 * @handled: (out): FALSE when the file is not shaped as this path expects; nothing is
 *   reported then and the caller parses the file whole
 *
 * Returns: (transfer full) (nullable): as mba_dataset_load_data()
 */
MbaDataset *
mba_dataset_load_parallel (const char     *data,
                           gsize           length,
                           const char     *display_name,
                           GCancellable   *cancellable,
                           MbaProblemList *problems,
                           MbaLoadWay      way,
                           gboolean       *handled)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(MbaProblemList) found = NULL;
  gsize array_start = 0, array_end = 0;
  SliceFailure failure = { FALSE };
  EventSlices slices;
  gboolean slice_failed = FALSE;
  MbaDataset *dataset;
  json_t *root;

  *handled = find_event_slices (data, length, &array_start, &array_end, starts, ends);
  if (!*handled || g_cancellable_is_cancelled (cancellable))
    return NULL;

  root = load_skeleton (data, length, array_start, array_end, &failure);
  if (root == NULL)
    {
      /* The first problem in the file: one after the events may follow one in them. */
      if (failure.offset > array_start)
        find_first_bad_slice (data, starts, ends, &failure);
      mba_dataset_report_syntax_error_at (problems, display_name, data, failure.offset,
                                          &failure.error);
      return NULL;
    }

  /* When an event is not JSON, that is the file's only problem, as in a whole parse. */
  found = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  slices = (EventSlices) {
    .data = data,
    .starts = (gsize *) starts->data,
    .ends = (gsize *) ends->data,
    .n = starts->len,
    .failure = &failure,
    .min_events_per_worker = way == MBA_LOAD_PARALLEL ? 1 : MIN_EVENTS_PER_WORKER,
  };
  dataset = mba_dataset_load_parsed (root, &slices, display_name, cancellable, found,
                                     &slice_failed);
  json_decref (root);
  /* A problem before the events (the format, say) stops the check before they are parsed; but
   * an event that is not JSON is what a whole parse would have found first. */
  if (dataset == NULL && !slice_failed && !failure.all_parsed &&
      !g_cancellable_is_cancelled (cancellable))
    slice_failed = find_first_bad_slice (data, starts, ends, &failure);
  if (slice_failed)
    mba_dataset_report_syntax_error_at (problems, display_name, data, failure.offset,
                                        &failure.error);
  else
    mba_problem_list_append (problems, found);
  return dataset;
}
