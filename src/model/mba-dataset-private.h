/* mba-dataset-private.h: what the files that load and query a dataset share
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mba-dataset.c          the object, its queries and the status logic, the load entry points
 * mba-dataset-read.c     a file to bytes within the limits; JSON syntax errors with line and column
 * mba-dataset-loader.c   the Loader: problems with their JSON path, member and type checks, the root
 * mba-dataset-load-sections.c  the treaty, sources, states, disputes and the story
 * mba-dataset-load-events.c    the events, and those Article 20 adds
 * mba-dataset-parallel.c the fast path for large files: events parsed in parallel, one by one
 * mba-dataset-quotes.c   checking that every quote is verbatim in its article
 */
#pragma once

#include <jansson.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

struct _MbaDataset
{
  GObject        parent_instance;

  char          *display_name;
  GPtrArray     *chunks;      /* GStringChunks holding every string */
  GPtrArray     *blocks;      /* every array the structs point into */

  const char    *title;
  const char    *language;
  MbaDate        updated;
  MbaTreaty      treaty;
  MbaStory       story;
  gboolean       has_story;

  MbaSource     *sources;
  guint          n_sources;
  MbaState      *states;
  guint          n_states;
  MbaEvent      *events;      /* in date order */
  guint          n_events;
  MbaDispute    *disputes;
  guint          n_disputes;
  guint          n_quotes;

  GHashTable    *source_by_id;
  GHashTable    *state_by_code;
  GHashTable    *event_by_id;
};

typedef struct
{
  MbaDataset     *dataset;
  const char     *file;
  GString        *path;       /* JSON path of the value being checked */
  MbaProblemList *problems;   /* every problem counted, the first few kept */
  GCancellable   *cancellable; /* checked at each event, so that a cancelled load stops at once */
  GStringChunk   *strings;    /* where this loader's strings go (one per worker thread) */
  GPtrArray      *blocks;     /* and its arrays */
} Loader;

/* Where the first event that is not JSON stopped Jansson, as an offset in the whole file. */
typedef struct
{
  gboolean      failed;
  gsize         offset;
  json_error_t  error;
  gboolean      all_parsed;  /* the events were reached: every slice was parsed, or failed */
} SliceFailure;

/* The events array of a large file, as byte ranges of the file still to be parsed. */
typedef struct
{
  const char   *data;
  const gsize  *starts;
  const gsize  *ends;
  gsize         n;
  SliceFailure *failure;
  guint         min_events_per_worker;
} EventSlices;

/* How mba_dataset_load_data parses: the fast path for large files, or the whole file with
 * Jansson. The differential fuzz target asks for each in turn; MBA_LOAD_PARALLEL shares even a
 * few events between threads, so that their results are merged as a large file's are. */
typedef enum
{
  MBA_LOAD_AUTO,
  MBA_LOAD_PLAIN,
  MBA_LOAD_PARALLEL,
} MbaLoadWay;

typedef struct
{
  const char *key;
  json_type   type;
  gboolean    required;
  gboolean    nullable;
} Member;

/* The Loader (mba-dataset-loader.c) */
G_GNUC_PRINTF (3, 4)
void               mba_loader_report          (Loader            *loader,
                                               int                code,
                                               const char        *format,
                                               ...);
G_GNUC_PRINTF (4, 5)
void               mba_loader_report_at       (Loader            *loader,
                                               const char        *key,
                                               int                code,
                                               const char        *format,
                                               ...);
guint              mba_loader_n_problems      (Loader            *loader);
gsize              mba_loader_push_key        (Loader            *loader,
                                               const char        *key);
gsize              mba_loader_push_index      (Loader            *loader,
                                               gsize              index);
void               mba_loader_pop             (Loader            *loader,
                                               gsize              old);
const char        *mba_loader_type_name       (json_type          type);
gpointer           mba_loader_alloc           (Loader            *loader,
                                               gsize              n,
                                               gsize              size);
const char        *mba_loader_intern          (Loader            *loader,
                                               const char        *text);
void               mba_loader_check_members   (Loader            *loader,
                                               json_t            *object,
                                               const Member      *members,
                                               guint              n_members);
gboolean           mba_loader_check_object    (Loader            *loader,
                                               json_t            *value,
                                               const Member      *members,
                                               guint              n_members);
json_t            *mba_loader_get_member      (Loader            *loader,
                                               json_t            *object,
                                               const Member      *member);
const char        *mba_loader_get_string      (Loader            *loader,
                                               json_t            *object,
                                               const char        *key,
                                               gboolean           required,
                                               gboolean           nullable);
gboolean           mba_loader_get_date        (Loader            *loader,
                                               json_t            *object,
                                               const char        *key,
                                               gboolean           required,
                                               gboolean           nullable,
                                               MbaDate           *out);
const char        *mba_loader_get_id          (Loader            *loader,
                                               json_t            *object,
                                               const char        *key,
                                               GHashTable        *seen,
                                               const char        *what);
const MbaSource   *mba_loader_get_source_ref  (Loader            *loader,
                                               json_t            *object,
                                               const char        *key,
                                               gboolean           required);
const MbaState    *mba_loader_get_state_ref   (Loader            *loader,
                                               json_t            *value);
gboolean           mba_loader_get_status      (Loader            *loader,
                                               json_t            *value,
                                               MbaStatus         *status);
MbaDataset        *mba_dataset_load_parsed    (json_t            *root,
                                               const EventSlices *sliced,
                                               const char        *display_name,
                                               GCancellable      *cancellable,
                                               MbaProblemList    *problems,
                                               gboolean          *slice_failed);

/* The sections (mba-dataset-load-sections.c, mba-dataset-load-events.c) */
void               mba_loader_load_treaty     (Loader            *loader,
                                               json_t            *root);
void               mba_loader_load_sources    (Loader            *loader,
                                               json_t            *root);
void               mba_loader_load_states     (Loader            *loader,
                                               json_t            *root);
void               mba_loader_load_disputes   (Loader            *loader,
                                               json_t            *root);
void               mba_loader_load_story      (Loader            *loader,
                                               json_t            *root);
gboolean           mba_loader_load_events     (Loader            *loader,
                                               json_t            *root,
                                               const EventSlices *sliced);
gboolean           mba_loader_load_event      (Loader            *loader,
                                               json_t            *object,
                                               gsize              file_index,
                                               MbaEvent          *event);

/* Reading (mba-dataset-read.c) */
json_t            *mba_dataset_parse_bounded  (const char        *data,
                                               gsize              length,
                                               size_t             flags,
                                               json_error_t      *json_error);
G_GNUC_PRINTF (6, 7)
void               mba_dataset_add_problem    (MbaProblemList    *problems,
                                               int                code,
                                               const char        *display_name,
                                               guint              line,
                                               guint              column,
                                               const char        *format,
                                               ...);
void               mba_dataset_report_syntax_error_at (MbaProblemList     *problems,
                                                       const char         *display_name,
                                                       const char         *data,
                                                       gsize               offset,
                                                       const json_error_t *json_error);
GBytes            *mba_dataset_read_file      (const char        *path,
                                               const char        *display_name,
                                               MbaProblemList    *problems);
MbaDataset        *mba_dataset_load_data      (const char        *data,
                                               gsize              length,
                                               const char        *display_name,
                                               GCancellable      *cancellable,
                                               MbaProblemList    *problems,
                                               MbaLoadWay         way);

/* The fast path (mba-dataset-parallel.c) */
MbaDataset        *mba_dataset_load_parallel  (const char        *data,
                                               gsize              length,
                                               const char        *display_name,
                                               GCancellable      *cancellable,
                                               MbaProblemList    *problems,
                                               MbaLoadWay         way,
                                               gboolean          *handled);
gboolean           mba_dataset_parallel_load_events (Loader            *loader,
                                                     const EventSlices *slices,
                                                     GArray            *events);

G_END_DECLS
