/* mba-dataset-loader.c: the Loader: problems with their JSON path, member and type checks,
 * typed values, and the root object
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "mba-dataset-private.h"
#include "mba-text-check.h"

#define MAX_REPORT_LINE 1000

static void
report_valist (Loader     *loader,
               int         code,
               const char *format,
               va_list     args)
{
  g_autofree char *message = NULL;
  g_autofree char *json_path = NULL;
  gsize prefix_len, max_len;

  /* A file can have millions of problems: those only counted cost no message. */
  if (mba_problem_list_is_full (loader->problems))
    {
      mba_problem_list_add (loader->problems, code, loader->file, 0, 0, NULL, NULL);
      return;
    }

  message = g_strdup_vprintf (format, args);
  /* (mba_problem_new makes names and values quoted from the file printable.) */
  json_path = g_strdup (loader->path->len ? loader->path->str : _("(top level)"));

  /* A message quotes values from the file; a huge one must not make a huge line. */
  prefix_len = strlen (loader->file) + strlen (json_path) + 4;
  max_len = prefix_len < MAX_REPORT_LINE ? MAX_REPORT_LINE - prefix_len : 0;
  if (strlen (message) > max_len)
    {
      char *cut = g_utf8_find_prev_char (message, message + max_len);
      g_autofree char *shortened = NULL;

      if (cut == NULL)
        cut = message;
      *cut = '\0';
      shortened = g_strconcat (message, "…", NULL);
      g_free (message);
      message = g_steal_pointer (&shortened);
    }
  mba_problem_list_add (loader->problems, code, loader->file, 0, 0, json_path, message);
}

void
mba_loader_report (Loader     *loader,
                   int         code,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  report_valist (loader, code, format, args);
  va_end (args);
}

/* Reports a problem with the member KEY of the object being read. */
void
mba_loader_report_at (Loader     *loader,
                      const char *key,
                      int         code,
                      const char *format,
                      ...)
{
  gsize old = mba_loader_push_key (loader, key);
  va_list args;

  va_start (args, format);
  report_valist (loader, code, format, args);
  va_end (args);
  mba_loader_pop (loader, old);
}

/* Every problem found so far, kept or only counted. */
guint
mba_loader_n_problems (Loader *loader)
{
  return mba_problem_list_get_n_total (loader->problems);
}

gsize
mba_loader_push_key (Loader     *loader,
                     const char *key)
{
  gsize old = loader->path->len;

  if (old)
    g_string_append_c (loader->path, '.');
  g_string_append (loader->path, key);
  return old;
}

gsize
mba_loader_push_index (Loader *loader,
                       gsize   index)
{
  gsize old = loader->path->len;

  g_string_append_printf (loader->path, "[%" G_GSIZE_FORMAT "]", index);
  return old;
}

void
mba_loader_pop (Loader *loader,
                gsize   old)
{
  g_string_truncate (loader->path, old);
}

const char *
mba_loader_type_name (json_type type)
{
  switch (type)
    {
    /* Translators: the JSON types fill in “must be %s, not %s” */
    case JSON_OBJECT: return C_("json type", "an object");
    case JSON_ARRAY: return C_("json type", "an array");
    case JSON_STRING: return C_("json type", "a string");
    case JSON_INTEGER: return C_("json type", "an integer");
    case JSON_REAL: return C_("json type", "a number");
    case JSON_TRUE:
    case JSON_FALSE: return C_("json type", "true or false");
    case JSON_NULL:
    default: return C_("json type", "null");
    }
}

gpointer
mba_loader_alloc (Loader *loader,
                  gsize   n,
                  gsize   size)
{
  gpointer block;

  if (n == 0)
    return NULL;
  block = g_malloc0_n (n, size);
  g_ptr_array_add (loader->blocks, block);
  return block;
}

const char *
mba_loader_intern (Loader     *loader,
                   const char *text)
{
  return text ? g_string_chunk_insert (loader->strings, text) : NULL;
}

/* Reports members the format does not define, so that a typo never drops data silently. */
void
mba_loader_check_members (Loader       *loader,
                          json_t       *object,
                          const Member *members,
                          guint         n_members)
{
  const char *key;
  json_t *value;

  json_object_foreach (object, key, value)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < n_members && !known; i++)
        known = strcmp (members[i].key, key) == 0;
      if (!known)
        mba_loader_report_at (loader, key, MBA_DATASET_ERROR_UNKNOWN_MEMBER, _("unknown member “%s”"), key);
    }
}

/* For a value that must be an object with the given members (an array's element, say):
 * reports a value of another type, or the unknown members of an object.
 * Returns whether the value is an object, so that the caller may read it. */
gboolean
mba_loader_check_object (Loader       *loader,
                         json_t       *value,
                         const Member *members,
                         guint         n_members)
{
  if (!json_is_object (value))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                         mba_loader_type_name (json_typeof (value)));
      return FALSE;
    }
  mba_loader_check_members (loader, value, members, n_members);
  return TRUE;
}

/* Returns the member's value when present and of the right type; NULL (reported) otherwise. */
json_t *
mba_loader_get_member (Loader       *loader,
                       json_t       *object,
                       const Member *member)
{
  json_t *value = json_object_get (object, member->key);
  gboolean type_ok;
  gsize old;

  if (value == NULL)
    {
      if (member->required)
        mba_loader_report (loader, MBA_DATASET_ERROR_MISSING, _("required member “%s” is missing"), member->key);
      return NULL;
    }
  if (json_is_null (value))
    {
      if (!member->nullable)
        {
          old = mba_loader_push_key (loader, member->key);
          mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be %s, not null"),
                             mba_loader_type_name (member->type));
          mba_loader_pop (loader, old);
        }
      return NULL;
    }

  if (member->type == JSON_INTEGER)
    type_ok = json_is_integer (value);
  else
    type_ok = json_typeof (value) == member->type;

  if (!type_ok)
    {
      old = mba_loader_push_key (loader, member->key);
      mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be %s, not %s"),
                         mba_loader_type_name (member->type), mba_loader_type_name (json_typeof (value)));
      mba_loader_pop (loader, old);
      return NULL;
    }
  if (json_is_string (value) && json_string_length (value) > MBA_DATASET_MAX_STRING_BYTES)
    {
      old = mba_loader_push_key (loader, member->key);
      mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, "the text is %" G_GSIZE_FORMAT " bytes long; at most %d are allowed",
                         json_string_length (value), MBA_DATASET_MAX_STRING_BYTES);
      mba_loader_pop (loader, old);
      return NULL;
    }
  return value;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A string member; required ones must hold more than white space. */
const char *
mba_loader_get_string (Loader     *loader,
                       json_t     *object,
                       const char *key,
                       gboolean    required,
                       gboolean    nullable)
{
  Member member = { key, JSON_STRING, required, nullable };
  json_t *value = mba_loader_get_member (loader, object, &member);
  g_autofree char *problem = NULL;
  const char *text;

  if (value == NULL)
    return NULL;
  text = json_string_value (value);
  if (text_is_blank (text) || (problem = mba_text_check (text)) != NULL)
    {
      mba_loader_report_at (loader, key, MBA_DATASET_ERROR_VALUE, "%s", problem ? problem : _("must not be empty"));
      return NULL;
    }
  return mba_loader_intern (loader, text);
}

gboolean
mba_loader_get_date (Loader     *loader,
                     json_t     *object,
                     const char *key,
                     gboolean    required,
                     gboolean    nullable,
                     MbaDate    *out)
{
  Member member = { key, JSON_STRING, required, nullable };
  json_t *value = mba_loader_get_member (loader, object, &member);
  g_autoptr(GError) error = NULL;

  memset (out, 0, sizeof *out);
  if (value == NULL)
    return FALSE;
  if (!mba_date_parse (json_string_value (value), out, &error))
    {
      mba_loader_report_at (loader, key, MBA_DATASET_ERROR_DATE, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_' || *p == '.'))
      return FALSE;
  return TRUE;
}

const char *
mba_loader_get_id (Loader     *loader,
                   json_t     *object,
                   const char *key,
                   GHashTable *seen,
                   const char *what)
{
  const char *id = mba_loader_get_string (loader, object, key, TRUE, FALSE);
  gsize old;

  if (id == NULL)
    return NULL;
  old = mba_loader_push_key (loader, key);
  if (!id_is_valid (id))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_VALUE,
                         _("“%s” is not a valid id (lower-case letters, digits, “-”, “_” and “.” only)"), id);
      id = NULL;
    }
  else if (seen != NULL && g_hash_table_contains (seen, id))
    {
      /* Whole sentences rather than "%s id", so that translators see every word. */
      if (g_strcmp0 (what, "dispute") == 0)
        mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("dispute id “%s” is used twice"), id);
      else
        mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("source id “%s” is used twice"), id);
      id = NULL;
    }
  mba_loader_pop (loader, old);
  return id;
}

const MbaSource *
mba_loader_get_source_ref (Loader     *loader,
                           json_t     *object,
                           const char *key,
                           gboolean    required)
{
  const char *id = mba_loader_get_string (loader, object, key, required, FALSE);
  const MbaSource *source;

  if (id == NULL)
    return NULL;
  source = g_hash_table_lookup (loader->dataset->source_by_id, id);
  if (source == NULL)
    mba_loader_report_at (loader, key, MBA_DATASET_ERROR_REFERENCE, _("no source has the id “%s”"), id);
  return source;
}

/* A state named by its code (an element of a list of states); NULL (reported) when the value is
 * not a string or no state has that code. */
const MbaState *
mba_loader_get_state_ref (Loader *loader,
                          json_t *value)
{
  const MbaState *state;

  if (!json_is_string (value))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
                         mba_loader_type_name (json_typeof (value)));
      return NULL;
    }
  state = g_hash_table_lookup (loader->dataset->state_by_code, json_string_value (value));
  if (state == NULL)
    mba_loader_report (loader, MBA_DATASET_ERROR_REFERENCE, _("no state has the code “%s”"), json_string_value (value));
  return state;
}

gboolean
mba_loader_get_status (Loader     *loader,
                       json_t     *value,
                       MbaStatus  *status)
{
  if (!json_is_string (value))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
                         mba_loader_type_name (json_typeof (value)));
      return FALSE;
    }
  if (!mba_status_from_string (json_string_value (value), status))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_VALUE,
                         _("“%s” is not a status (non-party, signatory, party, withdrawal-announced, "
                           "withdrawal-in-progress, withdrawn)"), json_string_value (value));
      return FALSE;
    }
  return TRUE;
}

/* Links disputes to their events and builds each state's sorted list of status changes. */
static void
index_dataset (Loader *loader)
{
  MbaDataset *self = loader->dataset;
  g_autofree guint *n_changes = g_new0 (guint, self->n_states + 1);
  g_autofree guint *n_disputes = g_new0 (guint, self->n_events + 1);

  for (guint i = 0; i < self->n_disputes; i++)
    for (guint j = 0; j < self->disputes[i].n_events; j++)
      n_disputes[self->disputes[i].events[j]->index]++;
  for (guint i = 0; i < self->n_events; i++)
    self->events[i].disputes = mba_loader_alloc (loader, n_disputes[i], sizeof (MbaDispute *));
  for (guint i = 0; i < self->n_disputes; i++)
    for (guint j = 0; j < self->disputes[i].n_events; j++)
      {
        MbaEvent *event = &self->events[self->disputes[i].events[j]->index];
        event->disputes[event->n_disputes++] = &self->disputes[i];
      }

  for (guint i = 0; i < self->n_events; i++)
    for (guint j = 0; j < self->events[i].n_settings; j++)
      n_changes[self->events[i].settings[j].state->index]++;
  for (guint i = 0; i < self->n_states; i++)
    self->states[i].changes = mba_loader_alloc (loader, n_changes[i], sizeof (MbaStatusChange));
  /* Events are in date order, so each state's changes come out sorted. */
  for (guint i = 0; i < self->n_events; i++)
    for (guint j = 0; j < self->events[i].n_settings; j++)
      {
        MbaState *state = &self->states[self->events[i].settings[j].state->index];
        MbaStatusChange *change = &state->changes[state->n_changes++];

        change->day = self->events[i].first_day;
        change->status = self->events[i].settings[j].status;
        change->event = &self->events[i];
      }
}

static gboolean
load_root (Loader            *loader,
           json_t            *root,
           const EventSlices *sliced_events)
{
  static const Member members[] = {
    { "format", JSON_STRING, TRUE },
    { "title", JSON_STRING, TRUE },
    { "language", JSON_STRING, TRUE },
    { "updated", JSON_STRING, TRUE },
    { "treaty", JSON_OBJECT, TRUE },
    { "sources", JSON_ARRAY, TRUE },
    { "states", JSON_ARRAY, TRUE },
    { "events", JSON_ARRAY, TRUE },
    { "disputes", JSON_ARRAY, FALSE },
    { "story", JSON_OBJECT, FALSE },
  };
  MbaDataset *self = loader->dataset;
  json_t *format;

  if (!json_is_object (root))
    {
      mba_loader_report (loader, MBA_DATASET_ERROR_FORMAT, _("a dataset is a JSON object, not %s"),
                         mba_loader_type_name (json_typeof (root)));
      return TRUE;
    }

  format = mba_loader_get_member (loader, root, &members[0]);
  if (format == NULL)
    return TRUE;
  if (strcmp (json_string_value (format), MBA_DATASET_FORMAT_ID) != 0)
    {
      mba_loader_push_key (loader, "format");
      mba_loader_report (loader, MBA_DATASET_ERROR_FORMAT, _("“%s” is not a format this version reads (expected “%s”)"),
                         json_string_value (format), MBA_DATASET_FORMAT_ID);
      mba_loader_pop (loader, 0);
      return TRUE;
    }

  mba_loader_check_members (loader, root, members, G_N_ELEMENTS (members));
  self->title = mba_loader_get_string (loader, root, "title", TRUE, FALSE);
  self->language = mba_loader_get_string (loader, root, "language", TRUE, FALSE);
  mba_loader_get_date (loader, root, "updated", TRUE, FALSE, &self->updated);
  mba_loader_load_treaty (loader, root);
  mba_loader_load_sources (loader, root);
  mba_loader_load_states (loader, root);
  mba_loader_load_story (loader, root);
  if (!mba_loader_load_events (loader, root, sliced_events))
    return FALSE;
  if (g_cancellable_is_cancelled (loader->cancellable))
    return TRUE;
  mba_loader_load_disputes (loader, root);
  if (mba_loader_n_problems (loader) == 0)
    index_dataset (loader);
  return TRUE;
}

/* Builds a dataset from parsed JSON, with the events either in @root or still to be parsed from
 * @sliced; what is wrong goes to @problems. Sets @slice_failed when a slice is not JSON
 * (nothing is reported then). Returns NULL, soon, once @cancellable is cancelled. */
MbaDataset *
mba_dataset_load_parsed (json_t             *root,
                         const EventSlices  *sliced,
                         const char         *display_name,
                         GCancellable       *cancellable,
                         MbaProblemList     *problems,
                         gboolean           *slice_failed)
{
  g_autoptr(MbaDataset) self = g_object_new (MBA_TYPE_DATASET, NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  Loader loader = { self, display_name, path, problems, cancellable, NULL, self->blocks };

  self->display_name = g_strdup (display_name);
  loader.strings = g_string_chunk_new (64 * 1024);
  g_ptr_array_add (self->chunks, loader.strings);

  if (!load_root (&loader, root, sliced))
    {
      /* Only sliced events can fail to parse here. */
      g_assert (slice_failed != NULL);
      *slice_failed = TRUE;
      return NULL;
    }
  if (mba_loader_n_problems (&loader) > 0 || g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&self);
}
