/* mba-dataset.h: the facts dataset, loaded strictly, with the status logic
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-date.h"
#include "mba-problem-list.h"
#include "mba-status.h"

G_BEGIN_DECLS

#define MBA_DATASET_ERROR (mba_dataset_error_quark ())

/**
 * MbaDatasetError:
 * @MBA_DATASET_ERROR_IO: the file could not be read (missing, a directory, unreadable)
 * @MBA_DATASET_ERROR_TOO_LARGE: the file is larger than %MBA_DATASET_MAX_BYTES
 * @MBA_DATASET_ERROR_SYNTAX: not JSON (or not UTF-8); the message has line and column
 * @MBA_DATASET_ERROR_FORMAT: JSON, but not a mine-ban-atlas/1 document
 * @MBA_DATASET_ERROR_MISSING: a required member is absent
 * @MBA_DATASET_ERROR_TYPE: a member has the wrong JSON type
 * @MBA_DATASET_ERROR_UNKNOWN_MEMBER: a member the format does not define
 * @MBA_DATASET_ERROR_DUPLICATE_ID: an id or code used twice
 * @MBA_DATASET_ERROR_REFERENCE: a reference to a source, state or event that does not exist
 * @MBA_DATASET_ERROR_DATE: an invalid date, or an end before its start
 * @MBA_DATASET_ERROR_VALUE: a value outside what the format allows (status, kind, empty text, URL)
 *
 * When a file has several problems the error's code is the first one's and its message lists
 * the first %MBA_PROBLEM_LIST_MAX_KEPT, one a line, then a line counting the others by kind
 * (mba_problem_list_to_string()).
 */
typedef enum
{
  MBA_DATASET_ERROR_IO,
  MBA_DATASET_ERROR_TOO_LARGE,
  MBA_DATASET_ERROR_SYNTAX,
  MBA_DATASET_ERROR_FORMAT,
  MBA_DATASET_ERROR_MISSING,
  MBA_DATASET_ERROR_TYPE,
  MBA_DATASET_ERROR_UNKNOWN_MEMBER,
  MBA_DATASET_ERROR_DUPLICATE_ID,
  MBA_DATASET_ERROR_REFERENCE,
  MBA_DATASET_ERROR_DATE,
  MBA_DATASET_ERROR_VALUE,
} MbaDatasetError;

/* Limits that keep a bad file from taking unbounded time or memory (data/dataset-format.md).
 * Larger files are refused before they are read: 100,000 events take about 28 MiB. */
#define MBA_DATASET_MAX_BYTES (64 * 1024 * 1024)
/* The parsed JSON may take this much memory at once; past it the file is refused. */
#define MBA_DATASET_MAX_PARSE_BYTES (192 * 1024 * 1024)
/* The longest string value, in bytes; the bundled dataset's longest is under 500. */
#define MBA_DATASET_MAX_STRING_BYTES 65536
/* JSON values and member names in a file: 100,000 events have about 3.2 million. */
#define MBA_DATASET_MAX_TOKENS 8000000
#define MBA_DATASET_FORMAT_ID "mine-ban-atlas/1"

typedef enum
{
  MBA_SOURCE_LAYER_ARTICLE,
  MBA_SOURCE_LAYER_RECORD,
} MbaSourceLayer;

typedef enum
{
  MBA_EVENT_KIND_TREATY,
  MBA_EVENT_KIND_SIGNATURE,
  MBA_EVENT_KIND_RATIFICATION,
  MBA_EVENT_KIND_ACCESSION,
  MBA_EVENT_KIND_ANNOUNCEMENT,
  MBA_EVENT_KIND_LEGISLATION,
  MBA_EVENT_KIND_DECREE,
  MBA_EVENT_KIND_STATEMENT,
  MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED,
  MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE,
  MBA_EVENT_KIND_SUSPENSION,
  MBA_EVENT_KIND_POLICY,
  MBA_EVENT_KIND_REPORT,
  MBA_EVENT_KIND_MILITARY,
  MBA_EVENT_KIND_CONTEXT,
  MBA_N_EVENT_KINDS
} MbaEventKind;

typedef struct _MbaSource   MbaSource;
typedef struct _MbaState    MbaState;
typedef struct _MbaEvent    MbaEvent;
typedef struct _MbaDispute  MbaDispute;

/* The structs below belong to their dataset and are read-only for everyone else. */

struct _MbaSource
{
  guint           index;
  MbaSourceLayer  layer;
  const char     *id;
  const char     *title;
  const char     *outlet;     /* nullable */
  MbaDate         published;  /* unset when unknown */
  const char     *url;        /* nullable; http(s) only */
  const char     *document;   /* nullable */
  const char     *note;       /* nullable */
  gboolean        title_is_descriptive; /* the text has no headline: the title is the dataset's */
  MbaDate         accessed;   /* unset when unknown: the day the page was read */
};

typedef struct
{
  const MbaSource *source;
  const char      *text;
  gint64           at;        /* character of the document where it starts, from 1; 0 when unknown */
} MbaQuote;

typedef struct
{
  const MbaSource *source;
  const char      *note;      /* nullable */
} MbaCitation;

typedef struct
{
  MbaDate          from;
  MbaDate          to;        /* unset while the conflict goes on */
  const MbaSource *source;
  const char      *quote;     /* nullable */
  const char      *note;      /* nullable */
} MbaConflict;

typedef struct
{
  gint32          day;        /* first day the status holds */
  MbaStatus       status;
  const MbaEvent *event;
} MbaStatusChange;

struct _MbaState
{
  guint              index;
  const char        *code;    /* ISO 3166-1 alpha-3 */
  const char        *name;
  gboolean           has_record;
  MbaStatus          record_status;
  MbaDate            record_known_by;
  const MbaSource   *record_source;
  const char        *record_note;
  MbaConflict       *conflicts;
  guint              n_conflicts;
  MbaStatusChange   *changes;   /* sorted by day */
  guint              n_changes;
};

typedef struct
{
  const MbaState *state;
  MbaStatus       status;
} MbaStatusSetting;

struct _MbaEvent
{
  guint              index;     /* position in date order */
  const char        *id;
  MbaDate            date;
  MbaDate            end;       /* unset unless the event lasts */
  gint32             first_day; /* cached from date (and end) */
  gint32             last_day;
  const char        *date_basis;
  MbaEventKind       kind;
  const char        *title;
  const char        *summary;
  const MbaState   **states;
  guint              n_states;
  MbaStatusSetting  *settings;
  guint              n_settings;
  MbaQuote          *quotes;
  guint              n_quotes;
  MbaCitation       *citations;
  guint              n_citations;
  const MbaDispute **disputes;
  guint              n_disputes;
  gboolean           derived;   /* added by the model (Article 20), not written in the file */
  int                file_index; /* position in the file's events array, -1 when derived */
};

typedef struct
{
  const MbaSource *source;
  const char      *text;
  const char      *reading;
} MbaClaim;

struct _MbaDispute
{
  guint             index;
  const char       *id;
  const char       *topic;
  MbaClaim         *claims;
  guint             n_claims;
  const MbaEvent  **events;
  guint             n_events;
  const char       *note;      /* nullable */
};

typedef struct
{
  const char *name;
  const char *short_name;
  MbaDate     adopted;
  MbaDate     opened;
  MbaDate     in_force;
  guint       withdrawal_notice_months;
} MbaTreaty;

/* The period and the states a dataset is about (its optional "story" member): what the window
 * opens on and what exports draw by default. */
typedef struct
{
  const char      *title;
  MbaDate          from;
  MbaDate          to;
  gint32           first_day;   /* from's first day */
  gint32           last_day;    /* to's last day */
  const MbaState **states;
  guint            n_states;
} MbaStory;

/**
 * MbaStatusBasis:
 * @MBA_STATUS_BASIS_NONE: nothing in the dataset tells
 * @MBA_STATUS_BASIS_EVENT: a dated event set it
 * @MBA_STATUS_BASIS_BEFORE_FIRST_EVENT: before the state's first dated change, so it had not joined yet
 * @MBA_STATUS_BASIS_RECORD: the treaty record lists the state so, without a date of change
 */
typedef enum
{
  MBA_STATUS_BASIS_NONE,
  MBA_STATUS_BASIS_EVENT,
  MBA_STATUS_BASIS_BEFORE_FIRST_EVENT,
  MBA_STATUS_BASIS_RECORD,
} MbaStatusBasis;

#define MBA_TYPE_DATASET (mba_dataset_get_type ())

G_DECLARE_FINAL_TYPE (MbaDataset, mba_dataset, MBA, DATASET, GObject)

GQuark             mba_dataset_error_quark        (void);

MbaDataset        *mba_dataset_new_from_file      (const char        *path,
                                                   GError           **error);
MbaDataset        *mba_dataset_new_from_bytes     (GBytes            *bytes,
                                                   const char        *display_name,
                                                   GError           **error);
MbaDataset        *mba_dataset_new_from_resource  (const char        *resource_path,
                                                   GError           **error);

/* The loader's full form: @cancellable stops a load at once (the error is then
 * G_IO_ERROR_CANCELLED and *@problems stays NULL), and on failure *@problems gets every problem
 * counted and the first MBA_PROBLEM_LIST_MAX_KEPT kept as records. The error's message is the
 * same list as text. new_from_file and new_from_bytes are these without cancelling. */
MbaDataset        *mba_dataset_load_file          (const char        *path,
                                                   GCancellable      *cancellable,
                                                   MbaProblemList   **problems,
                                                   GError           **error);
MbaDataset        *mba_dataset_load_bytes         (GBytes            *bytes,
                                                   const char        *display_name,
                                                   GCancellable      *cancellable,
                                                   MbaProblemList   **problems,
                                                   GError           **error);

const char        *mba_dataset_get_display_name   (MbaDataset        *self);
const char        *mba_dataset_get_title          (MbaDataset        *self);
const char        *mba_dataset_get_language       (MbaDataset        *self);
const MbaDate     *mba_dataset_get_updated        (MbaDataset        *self);
const MbaTreaty   *mba_dataset_get_treaty         (MbaDataset        *self);
/* NULL when the dataset names none. */
const MbaStory    *mba_dataset_get_story          (MbaDataset        *self);

guint              mba_dataset_get_n_events       (MbaDataset        *self);
const MbaEvent    *mba_dataset_get_event          (MbaDataset        *self,
                                                   guint              index);
const MbaEvent    *mba_dataset_find_event         (MbaDataset        *self,
                                                   const char        *id);
guint              mba_dataset_get_n_sources      (MbaDataset        *self);
const MbaSource   *mba_dataset_get_source         (MbaDataset        *self,
                                                   guint              index);
const MbaSource   *mba_dataset_find_source        (MbaDataset        *self,
                                                   const char        *id);
guint              mba_dataset_get_n_states       (MbaDataset        *self);
const MbaState    *mba_dataset_get_state          (MbaDataset        *self,
                                                   guint              index);
const MbaState    *mba_dataset_find_state         (MbaDataset        *self,
                                                   const char        *code);
guint              mba_dataset_get_n_disputes     (MbaDataset        *self);
const MbaDispute  *mba_dataset_get_dispute        (MbaDataset        *self,
                                                   guint              index);
guint              mba_dataset_get_n_quotes       (MbaDataset        *self);

guint              mba_dataset_lower_bound        (MbaDataset        *self,
                                                   gint32             day);
gint32             mba_dataset_get_latest_day     (MbaDataset        *self);

MbaStatus          mba_dataset_get_status_at      (MbaDataset        *self,
                                                   const MbaState    *state,
                                                   gint32             day,
                                                   const MbaEvent   **set_by,
                                                   MbaStatusBasis    *basis);

gboolean           mba_dataset_verify_quotes      (MbaDataset        *self,
                                                   const char        *documents_dir,
                                                   guint             *n_verified,
                                                   GPtrArray        **failures);

const char        *mba_event_kind_to_string       (MbaEventKind       kind);
const char        *mba_event_kind_get_label       (MbaEventKind       kind);
gboolean           mba_event_kind_from_string     (const char        *text,
                                                   MbaEventKind      *kind);

G_END_DECLS
