/* mba-dataset.c: the facts dataset: its queries, the status logic and the load entry points
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-dataset-private.h"

G_DEFINE_FINAL_TYPE (MbaDataset, mba_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DISPLAY_NAME,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (mba-dataset-error-quark, mba_dataset_error)

static const struct {
  const char *id;
  const char *label;
} event_kinds[MBA_N_EVENT_KINDS] = {
  /* Translators: kinds of event, the names of the timeline's lanes. All are nouns: "Report" is a
   * published report, "Military" events of the war, "Context" background events. */
  [MBA_EVENT_KIND_TREATY] = { "treaty", N_("Treaty") },
  [MBA_EVENT_KIND_SIGNATURE] = { "signature", N_("Signature") },
  [MBA_EVENT_KIND_RATIFICATION] = { "ratification", N_("Ratification") },
  [MBA_EVENT_KIND_ACCESSION] = { "accession", N_("Accession") },
  [MBA_EVENT_KIND_ANNOUNCEMENT] = { "announcement", N_("Announcement") },
  [MBA_EVENT_KIND_LEGISLATION] = { "legislation", N_("Legislation") },
  [MBA_EVENT_KIND_DECREE] = { "decree", N_("Decree") },
  [MBA_EVENT_KIND_STATEMENT] = { "statement", N_("Statement") },
  [MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED] = { "withdrawal-deposited", N_("Withdrawal deposited") },
  [MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE] = { "withdrawal-effective", N_("Withdrawal in effect") },
  [MBA_EVENT_KIND_SUSPENSION] = { "suspension", N_("Suspension") },
  [MBA_EVENT_KIND_POLICY] = { "policy", N_("Policy") },
  [MBA_EVENT_KIND_REPORT] = { "report", N_("Report") },
  [MBA_EVENT_KIND_MILITARY] = { "military", N_("Military") },
  [MBA_EVENT_KIND_CONTEXT] = { "context", N_("Context") },
};

const char *
mba_event_kind_to_string (MbaEventKind kind)
{
  g_return_val_if_fail (kind < MBA_N_EVENT_KINDS, NULL);
  return event_kinds[kind].id;
}

const char *
mba_event_kind_get_label (MbaEventKind kind)
{
  g_return_val_if_fail (kind < MBA_N_EVENT_KINDS, NULL);
  return _(event_kinds[kind].label);
}

gboolean
mba_event_kind_from_string (const char   *text,
                            MbaEventKind *kind)
{
  for (guint i = 0; i < MBA_N_EVENT_KINDS; i++)
    if (g_strcmp0 (text, event_kinds[i].id) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Loading (the work is done in mba-dataset-read.c and the loader files)                      */
/* ------------------------------------------------------------------------------------------ */

/* A failed load's error: the first problem's code, and the problems as --check prints them. */
static void
set_error_from_problems (GError         **error,
                         MbaProblemList  *problems)
{
  g_autofree char *text = mba_problem_list_to_string (problems);

  g_set_error_literal (error, MBA_DATASET_ERROR, mba_problem_list_get_first_code (problems), text);
}

/* Fails with the problems, or with G_IO_ERROR_CANCELLED and no problems once @cancellable is
 * cancelled, whatever the load came to. */
static MbaDataset *
load_data (const char      *data,
           gsize            length,
           const char      *display_name,
           GCancellable    *cancellable,
           MbaProblemList **problems,
           GError         **error)
{
  g_autoptr(MbaProblemList) found = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  g_autoptr(MbaDataset) dataset = mba_dataset_load_data (data, length, display_name, cancellable,
                                                         found, MBA_LOAD_AUTO);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (dataset == NULL)
    {
      set_error_from_problems (error, found);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
    }
  return g_steal_pointer (&dataset);
}

/**
 * mba_dataset_load_bytes:
 * @bytes: the JSON text
 * @display_name: the name problems are reported under (a file name)
 * @cancellable: (nullable): stops the load at once; the error is then %G_IO_ERROR_CANCELLED
 * @problems: (out) (optional) (transfer full): on failure other than cancelling, every problem
 *   counted and the first %MBA_PROBLEM_LIST_MAX_KEPT kept
 *
 * Returns: (transfer full): the dataset, or %NULL with @error, whose message is @problems as
 *   text (mba_problem_list_to_string())
 */
MbaDataset *
mba_dataset_load_bytes (GBytes          *bytes,
                        const char      *display_name,
                        GCancellable    *cancellable,
                        MbaProblemList **problems,
                        GError         **error)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return load_data (data ? data : "", length, display_name, cancellable, problems, error);
}

/**
 * mba_dataset_load_file:
 * @path: a file name, in the file system's encoding
 *
 * Like mba_dataset_load_bytes(), for a regular file of at most %MBA_DATASET_MAX_BYTES.
 * Problems are reported under the file's display name.
 */
MbaDataset *
mba_dataset_load_file (const char      *path,
                       GCancellable    *cancellable,
                       MbaProblemList **problems,
                       GError         **error)
{
  g_autoptr(MbaProblemList) unreadable = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems == NULL || *problems == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  display_name = g_filename_display_name (path);
  unreadable = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  bytes = mba_dataset_read_file (path, display_name, unreadable);
  if (bytes == NULL)
    {
      set_error_from_problems (error, unreadable);
      if (problems != NULL)
        *problems = g_steal_pointer (&unreadable);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return load_data (data ? data : "", length, display_name, cancellable, problems, error);
}

/**
 * mba_dataset_new_from_file:
 *
 * mba_dataset_load_file() without cancelling, the problems only in @error's message.
 */
MbaDataset *
mba_dataset_new_from_file (const char  *path,
                           GError     **error)
{
  return mba_dataset_load_file (path, NULL, NULL, error);
}

/**
 * mba_dataset_new_from_bytes:
 * @bytes: the JSON text
 * @display_name: the name problems are reported under (a file name)
 *
 * Returns: (transfer full): the dataset, or %NULL with @error listing the problems.
 */
MbaDataset *
mba_dataset_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  return mba_dataset_load_bytes (bytes, display_name, NULL, NULL, error);
}

MbaDataset *
mba_dataset_new_from_resource (const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  name = g_path_get_basename (resource_path);
  return mba_dataset_new_from_bytes (bytes, name, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Queries                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const char *
mba_dataset_get_display_name (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return self->display_name;
}

const char *
mba_dataset_get_title (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return self->title;
}

const char *
mba_dataset_get_language (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return self->language;
}

const MbaDate *
mba_dataset_get_updated (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return &self->updated;
}

const MbaTreaty *
mba_dataset_get_treaty (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return &self->treaty;
}

const MbaStory *
mba_dataset_get_story (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return self->has_story ? &self->story : NULL;
}

guint
mba_dataset_get_n_events (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);
  return self->n_events;
}

const MbaEvent *
mba_dataset_get_event (MbaDataset *self,
                       guint       index)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_events, NULL);
  return &self->events[index];
}

const MbaEvent *
mba_dataset_find_event (MbaDataset *self,
                        const char *id)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->event_by_id, id) : NULL;
}

guint
mba_dataset_get_n_sources (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);
  return self->n_sources;
}

const MbaSource *
mba_dataset_get_source (MbaDataset *self,
                        guint       index)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_sources, NULL);
  return &self->sources[index];
}

const MbaSource *
mba_dataset_find_source (MbaDataset *self,
                         const char *id)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->source_by_id, id) : NULL;
}

guint
mba_dataset_get_n_states (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);
  return self->n_states;
}

const MbaState *
mba_dataset_get_state (MbaDataset *self,
                       guint       index)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_states, NULL);
  return &self->states[index];
}

const MbaState *
mba_dataset_find_state (MbaDataset *self,
                        const char *code)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  return code ? g_hash_table_lookup (self->state_by_code, code) : NULL;
}

guint
mba_dataset_get_n_disputes (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);
  return self->n_disputes;
}

const MbaDispute *
mba_dataset_get_dispute (MbaDataset *self,
                         guint       index)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_disputes, NULL);
  return &self->disputes[index];
}

guint
mba_dataset_get_n_quotes (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);
  return self->n_quotes;
}

/**
 * mba_dataset_get_latest_day:
 *
 * Returns: the first day of the latest event, the day the window and exports show when nothing
 *   is selected; 0 for a dataset without events
 */
gint32
mba_dataset_get_latest_day (MbaDataset *self)
{
  g_return_val_if_fail (MBA_IS_DATASET (self), 0);

  /* Events are in date order, first days first. */
  if (self->n_events == 0)
    return 0;
  return self->events[self->n_events - 1].first_day;
}

/**
 * mba_dataset_lower_bound:
 * @day: a day number
 *
 * Returns: the index of the first event (in date order) whose first day is @day or later;
 *   the number of events when there is none.
 */
guint
mba_dataset_lower_bound (MbaDataset *self,
                         gint32      day)
{
  guint lo = 0, hi;

  g_return_val_if_fail (MBA_IS_DATASET (self), 0);

  hi = self->n_events;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->events[mid].first_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * mba_dataset_get_status_at:
 * @state: a state of this dataset
 * @day: a day number
 * @set_by: (out) (optional): the event that set the status, or %NULL
 * @basis: (out) (optional): what the answer rests on
 *
 * The state's status on @day: the last dated change on or before it; before a state's first
 * change that joins it to the treaty, not a party; otherwise what the treaty record lists
 * (a non-party at every date, other statuses from the record's date on).
 */
MbaStatus
mba_dataset_get_status_at (MbaDataset        *self,
                           const MbaState    *state,
                           gint32             day,
                           const MbaEvent   **set_by,
                           MbaStatusBasis    *basis)
{
  guint lo = 0, hi;
  const MbaEvent *event = NULL;
  MbaStatusBasis how = MBA_STATUS_BASIS_NONE;
  MbaStatus status = MBA_STATUS_UNKNOWN;

  g_return_val_if_fail (MBA_IS_DATASET (self), MBA_STATUS_UNKNOWN);
  g_return_val_if_fail (state != NULL, MBA_STATUS_UNKNOWN);

  hi = state->n_changes;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (state->changes[mid].day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && !(state->has_record &&
                  mba_date_first_day (&state->record_known_by) > state->changes[lo - 1].day &&
                  mba_date_first_day (&state->record_known_by) <= day))
    {
      status = state->changes[lo - 1].status;
      event = state->changes[lo - 1].event;
      how = MBA_STATUS_BASIS_EVENT;
    }
  else if (lo > 0)
    {
      /* A record listing newer than the last dated change (a signature whose ratification
       * date is unknown, say) knows better. */
      status = state->record_status;
      how = MBA_STATUS_BASIS_RECORD;
    }
  else if (state->has_record && state->record_status == MBA_STATUS_NON_PARTY)
    {
      status = MBA_STATUS_NON_PARTY;
      how = MBA_STATUS_BASIS_RECORD;
    }
  else if (state->n_changes > 0 &&
           (state->changes[0].status == MBA_STATUS_SIGNATORY ||
            state->changes[0].status == MBA_STATUS_PARTY))
    {
      status = MBA_STATUS_NON_PARTY;
      event = state->changes[0].event;
      how = MBA_STATUS_BASIS_BEFORE_FIRST_EVENT;
    }
  else if (state->has_record && mba_date_first_day (&state->record_known_by) <= day &&
           (state->n_changes == 0 || state->changes[0].day > day))
    {
      status = state->record_status;
      how = MBA_STATUS_BASIS_RECORD;
    }

  if (set_by)
    *set_by = event;
  if (basis)
    *basis = how;
  return status;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_dataset_finalize (GObject *object)
{
  MbaDataset *self = (MbaDataset *) object;

  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->state_by_code, g_hash_table_unref);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->chunks, g_ptr_array_unref);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (mba_dataset_parent_class)->finalize (object);
}

static void
mba_dataset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MbaDataset *self = MBA_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint (value, self->n_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_dataset_class_init (MbaDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mba_dataset_finalize;
  object_class->get_property = mba_dataset_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mba_dataset_init (MbaDataset *self)
{
  self->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_string_chunk_free);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->state_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
