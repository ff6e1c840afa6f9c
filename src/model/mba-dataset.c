/* mba-dataset.c: the facts dataset, loaded strictly, with the status logic
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <jansson.h>
#include <malloc.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-country-names.h"
#include "mba-dataset.h"
#include "mba-regular-file.h"
#include "mba-text-check.h"
#include "mba-uri.h"

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
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Jansson's memory is counted per thread, so that a file of millions of tiny values is refused
 * once its tree passes MBA_DATASET_MAX_PARSE_BYTES instead of exhausting memory. Sizes come
 * from malloc_usable_size, so blocks allocated before these functions were installed (by the
 * country names) are freed and counted correctly too. */
static _Thread_local gssize json_live_bytes;
static _Thread_local gssize json_limit_bytes;   /* 0: no limit */
static _Thread_local gboolean json_limit_reached;

static void *
json_budget_malloc (size_t size)
{
  void *block;

  if (json_limit_bytes > 0 && json_live_bytes + (gssize) size > json_limit_bytes)
    {
      json_limit_reached = TRUE;
      return NULL;
    }
  block = malloc (size);
  if (block != NULL)
    json_live_bytes += malloc_usable_size (block);
  return block;
}

static void
json_budget_free (void *block)
{
  if (block != NULL)
    json_live_bytes -= malloc_usable_size (block);
  free (block);
}

/* json_loadb, refusing (json_error_out_of_memory) past MBA_DATASET_MAX_PARSE_BYTES. */
static json_t *
parse_bounded (const char   *data,
               gsize         length,
               size_t        flags,
               json_error_t *json_error)
{
  static gsize installed = 0;
  json_t *root;

  if (g_once_init_enter (&installed))
    {
      json_set_alloc_funcs (json_budget_malloc, json_budget_free);
      g_once_init_leave (&installed, 1);
    }
  json_limit_bytes = json_live_bytes + MBA_DATASET_MAX_PARSE_BYTES;
  json_limit_reached = FALSE;
  root = json_loadb (data, length, flags, json_error);
  json_limit_bytes = 0;
  /* Jansson gives up without a message when an allocation fails: say why. */
  if (root == NULL && json_limit_reached)
    {
      g_strlcpy (json_error->text, "out of memory", JSON_ERROR_TEXT_LENGTH - 1);
      json_error->text[JSON_ERROR_TEXT_LENGTH - 1] = json_error_out_of_memory;
    }
  return root;
}

typedef struct
{
  MbaDataset   *dataset;
  const char   *file;
  GString      *path;       /* JSON path of the value being checked */
  GString      *report;     /* one problem a line */
  guint         n_problems;
  int           first_code;
  GStringChunk *strings;    /* where this loader's strings go (one per worker thread) */
  GPtrArray    *blocks;     /* and its arrays */
} Loader;

/* Where the first event that is not JSON stopped Jansson, as an offset in the whole file. */
typedef struct
{
  gboolean      failed;
  gsize         offset;
  json_error_t  error;
} SliceFailure;

/* The events array, either as parsed JSON or as byte ranges of the file still to be parsed. */
typedef struct
{
  json_t       *array;
  const char   *data;
  const gsize  *starts;
  const gsize  *ends;
  gsize         n;
  SliceFailure *failure;
} EventSource;

typedef struct
{
  const char *key;
  json_type   type;
  gboolean    required;
  gboolean    nullable;
} Member;

#define MAX_REPORT_LINE 1000

G_GNUC_PRINTF (3, 4)
static void
report (Loader     *loader,
        int         code,
        const char *format,
        ...)
{
  va_list args;
  gsize line_start;

  if (loader->n_problems++ == 0)
    loader->first_code = code;
  else
    g_string_append_c (loader->report, '\n');

  line_start = loader->report->len;
  g_string_append_printf (loader->report, "%s: %s: ", loader->file,
                          loader->path->len ? loader->path->str : _("(top level)"));
  va_start (args, format);
  g_string_append_vprintf (loader->report, format, args);
  va_end (args);

  /* A message quotes values from the file; a huge one must not make a huge message. */
  if (loader->report->len - line_start > MAX_REPORT_LINE)
    {
      const char *cut = g_utf8_find_prev_char (loader->report->str + line_start,
                                               loader->report->str + line_start + MAX_REPORT_LINE);

      g_string_truncate (loader->report, cut - loader->report->str);
      g_string_append (loader->report, "…");
    }
}

static gsize
path_push_key (Loader     *loader,
               const char *key)
{
  gsize old = loader->path->len;

  if (old)
    g_string_append_c (loader->path, '.');
  g_string_append (loader->path, key);
  return old;
}

static gsize
path_push_index (Loader *loader,
                 gsize   index)
{
  gsize old = loader->path->len;

  g_string_append_printf (loader->path, "[%" G_GSIZE_FORMAT "]", index);
  return old;
}

static void
path_pop (Loader *loader,
          gsize   old)
{
  g_string_truncate (loader->path, old);
}

static const char *
json_type_name (json_type type)
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

static gpointer
loader_alloc (Loader *loader,
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

static const char *
intern (Loader     *loader,
        const char *text)
{
  return text ? g_string_chunk_insert (loader->strings, text) : NULL;
}

/* Reports members the format does not define, so that a typo never drops data silently. */
static void
check_members (Loader       *loader,
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
        {
          gsize old = path_push_key (loader, key);
          report (loader, MBA_DATASET_ERROR_UNKNOWN_MEMBER, _("unknown member “%s”"), key);
          path_pop (loader, old);
        }
    }
}

/* Returns the member's value when present and of the right type; NULL (reported) otherwise. */
static json_t *
get_member (Loader       *loader,
            json_t       *object,
            const Member *member)
{
  json_t *value = json_object_get (object, member->key);
  gboolean type_ok;
  gsize old;

  if (value == NULL)
    {
      if (member->required)
        report (loader, MBA_DATASET_ERROR_MISSING, _("required member “%s” is missing"), member->key);
      return NULL;
    }
  if (json_is_null (value))
    {
      if (!member->nullable)
        {
          old = path_push_key (loader, member->key);
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be %s, not null"),
                  json_type_name (member->type));
          path_pop (loader, old);
        }
      return NULL;
    }

  if (member->type == JSON_INTEGER)
    type_ok = json_is_integer (value);
  else
    type_ok = json_typeof (value) == member->type;

  if (!type_ok)
    {
      old = path_push_key (loader, member->key);
      report (loader, MBA_DATASET_ERROR_TYPE, _("must be %s, not %s"),
              json_type_name (member->type), json_type_name (json_typeof (value)));
      path_pop (loader, old);
      return NULL;
    }
  if (json_is_string (value) && json_string_length (value) > MBA_DATASET_MAX_STRING_BYTES)
    {
      old = path_push_key (loader, member->key);
      report (loader, MBA_DATASET_ERROR_VALUE, "the text is %" G_GSIZE_FORMAT " bytes long; at most %d are allowed",
              json_string_length (value), MBA_DATASET_MAX_STRING_BYTES);
      path_pop (loader, old);
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
static const char *
get_string (Loader     *loader,
            json_t     *object,
            const char *key,
            gboolean    required,
            gboolean    nullable)
{
  Member member = { key, JSON_STRING, required, nullable };
  json_t *value = get_member (loader, object, &member);
  g_autofree char *problem = NULL;
  const char *text;

  if (value == NULL)
    return NULL;
  text = json_string_value (value);
  if (text_is_blank (text) || (problem = mba_text_check (text)) != NULL)
    {
      gsize old = path_push_key (loader, key);
      report (loader, MBA_DATASET_ERROR_VALUE, "%s", problem ? problem : _("must not be empty"));
      path_pop (loader, old);
      return NULL;
    }
  return intern (loader, text);
}

static gboolean
get_date (Loader     *loader,
          json_t     *object,
          const char *key,
          gboolean    required,
          gboolean    nullable,
          MbaDate    *out)
{
  Member member = { key, JSON_STRING, required, nullable };
  json_t *value = get_member (loader, object, &member);
  g_autoptr(GError) error = NULL;

  memset (out, 0, sizeof *out);
  if (value == NULL)
    return FALSE;
  if (!mba_date_parse (json_string_value (value), out, &error))
    {
      gsize old = path_push_key (loader, key);
      report (loader, MBA_DATASET_ERROR_DATE, "%s", error->message);
      path_pop (loader, old);
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

static const char *
get_id (Loader     *loader,
        json_t     *object,
        const char *key,
        GHashTable *seen,
        const char *what)
{
  const char *id = get_string (loader, object, key, TRUE, FALSE);
  gsize old;

  if (id == NULL)
    return NULL;
  old = path_push_key (loader, key);
  if (!id_is_valid (id))
    {
      report (loader, MBA_DATASET_ERROR_VALUE,
              _("“%s” is not a valid id (lower-case letters, digits, “-”, “_” and “.” only)"), id);
      id = NULL;
    }
  else if (seen != NULL && g_hash_table_contains (seen, id))
    {
      /* Whole sentences rather than "%s id", so that translators see every word. */
      if (g_strcmp0 (what, "dispute") == 0)
        report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("dispute id “%s” is used twice"), id);
      else
        report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("source id “%s” is used twice"), id);
      id = NULL;
    }
  path_pop (loader, old);
  return id;
}

static const MbaSource *
get_source_ref (Loader     *loader,
                json_t     *object,
                const char *key,
                gboolean    required)
{
  const char *id = get_string (loader, object, key, required, FALSE);
  const MbaSource *source;

  if (id == NULL)
    return NULL;
  source = g_hash_table_lookup (loader->dataset->source_by_id, id);
  if (source == NULL)
    {
      gsize old = path_push_key (loader, key);
      report (loader, MBA_DATASET_ERROR_REFERENCE, _("no source has the id “%s”"), id);
      path_pop (loader, old);
    }
  return source;
}

static void
load_treaty (Loader *loader,
             json_t *root)
{
  static const Member members[] = {
    { "name", JSON_STRING, TRUE },
    { "short_name", JSON_STRING, TRUE },
    { "adopted", JSON_STRING, TRUE },
    { "opened", JSON_STRING, TRUE },
    { "in_force", JSON_STRING, TRUE },
    { "withdrawal_notice_months", JSON_INTEGER, TRUE },
  };
  MbaTreaty *treaty = &loader->dataset->treaty;
  json_t *object = get_member (loader, root, &(Member) { "treaty", JSON_OBJECT, TRUE });
  json_t *months;
  gsize old;

  if (object == NULL)
    return;
  old = path_push_key (loader, "treaty");
  check_members (loader, object, members, G_N_ELEMENTS (members));
  treaty->name = get_string (loader, object, "name", TRUE, FALSE);
  treaty->short_name = get_string (loader, object, "short_name", TRUE, FALSE);
  get_date (loader, object, "adopted", TRUE, FALSE, &treaty->adopted);
  get_date (loader, object, "opened", TRUE, FALSE, &treaty->opened);
  get_date (loader, object, "in_force", TRUE, FALSE, &treaty->in_force);
  months = get_member (loader, object, &members[5]);
  if (months != NULL)
    {
      json_int_t n = json_integer_value (months);

      if (n < 1 || n > 120)
        {
          gsize old2 = path_push_key (loader, "withdrawal_notice_months");
          /* Printed apart: xgettext cannot read a format string built with a macro. */
          g_autofree char *number = g_strdup_printf ("%" JSON_INTEGER_FORMAT, n);

          report (loader, MBA_DATASET_ERROR_VALUE, _("%s is not between 1 and 120"), number);
          path_pop (loader, old2);
        }
      else
        treaty->withdrawal_notice_months = n;
    }
  path_pop (loader, old);
}

static void
load_sources (Loader *loader,
              json_t *root)
{
  static const Member members[] = {
    { "id", JSON_STRING, TRUE },
    { "layer", JSON_STRING, TRUE },
    { "title", JSON_STRING, TRUE },
    { "outlet", JSON_STRING, FALSE, TRUE },
    { "published", JSON_STRING, FALSE, TRUE },
    { "url", JSON_STRING, FALSE, TRUE },
    { "document", JSON_STRING, FALSE, TRUE },
    { "note", JSON_STRING, FALSE, TRUE },
  };
  MbaDataset *self = loader->dataset;
  json_t *array = get_member (loader, root, &(Member) { "sources", JSON_ARRAY, TRUE });
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "sources");
  if (json_array_size (array) == 0)
    report (loader, MBA_DATASET_ERROR_VALUE, _("a dataset needs at least one source"));

  self->sources = loader_alloc (loader, json_array_size (array), sizeof (MbaSource));
  json_array_foreach (array, i, object)
    {
      MbaSource *source = &self->sources[self->n_sources];
      g_autofree char *url_problem = NULL;
      const char *layer;
      gsize old2 = path_push_index (loader, i);

      if (!json_is_object (object))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (object)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, object, members, G_N_ELEMENTS (members));
      source->id = get_id (loader, object, "id", self->source_by_id, "source");
      layer = get_string (loader, object, "layer", TRUE, FALSE);
      if (g_strcmp0 (layer, "article") == 0)
        source->layer = MBA_SOURCE_LAYER_ARTICLE;
      else if (g_strcmp0 (layer, "record") == 0)
        source->layer = MBA_SOURCE_LAYER_RECORD;
      else if (layer != NULL)
        {
          gsize old3 = path_push_key (loader, "layer");
          report (loader, MBA_DATASET_ERROR_VALUE, _("“%s” is not “article” or “record”"), layer);
          path_pop (loader, old3);
        }
      source->title = get_string (loader, object, "title", TRUE, FALSE);
      source->outlet = get_string (loader, object, "outlet", FALSE, TRUE);
      get_date (loader, object, "published", FALSE, TRUE, &source->published);
      source->url = get_string (loader, object, "url", FALSE, TRUE);
      source->document = get_string (loader, object, "document", FALSE, TRUE);
      source->note = get_string (loader, object, "note", FALSE, TRUE);

      if (source->url != NULL && !mba_uri_check (source->url, &url_problem))
        {
          gsize old3 = path_push_key (loader, "url");
          report (loader, MBA_DATASET_ERROR_VALUE, "%s", url_problem);
          g_clear_pointer (&url_problem, g_free);
          path_pop (loader, old3);
          source->url = NULL;
        }
      if (source->document != NULL &&
          (strchr (source->document, '/') != NULL || strcmp (source->document, "..") == 0))
        {
          gsize old3 = path_push_key (loader, "document");
          report (loader, MBA_DATASET_ERROR_VALUE, _("“%s” must be a file name, not a path"), source->document);
          path_pop (loader, old3);
          source->document = NULL;
        }
      if (layer != NULL && source->layer == MBA_SOURCE_LAYER_RECORD && source->url == NULL &&
          json_object_get (object, "url") != NULL && json_is_null (json_object_get (object, "url")))
        report (loader, MBA_DATASET_ERROR_VALUE, _("a record source needs a url"));
      else if (layer != NULL && source->layer == MBA_SOURCE_LAYER_RECORD &&
               json_object_get (object, "url") == NULL)
        report (loader, MBA_DATASET_ERROR_MISSING, _("a record source needs a url"));
      if (layer != NULL && source->layer == MBA_SOURCE_LAYER_ARTICLE &&
          json_object_get (object, "document") == NULL)
        report (loader, MBA_DATASET_ERROR_MISSING, _("an article source needs a document"));

      if (source->id != NULL)
        {
          source->index = self->n_sources++;
          g_hash_table_insert (self->source_by_id, (gpointer) source->id, source);
        }
      path_pop (loader, old2);
    }
  path_pop (loader, old);
}

static gboolean
code_is_valid (const char *code)
{
  return strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

static gboolean
get_status (Loader     *loader,
            json_t     *value,
            MbaStatus  *status)
{
  if (!json_is_string (value))
    {
      report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
              json_type_name (json_typeof (value)));
      return FALSE;
    }
  if (!mba_status_from_string (json_string_value (value), status))
    {
      report (loader, MBA_DATASET_ERROR_VALUE,
              _("“%s” is not a status (non-party, signatory, party, withdrawal-announced, "
                "withdrawal-in-progress, withdrawn)"), json_string_value (value));
      return FALSE;
    }
  return TRUE;
}

static void
load_state_record (Loader   *loader,
                   json_t   *object,
                   MbaState *state)
{
  static const Member members[] = {
    { "status", JSON_STRING, TRUE },
    { "known_by", JSON_STRING, TRUE },
    { "source", JSON_STRING, TRUE },
    { "note", JSON_STRING, FALSE, TRUE },
  };
  json_t *record = get_member (loader, object, &(Member) { "record", JSON_OBJECT, FALSE });
  json_t *status;
  gsize old;

  if (record == NULL)
    return;
  old = path_push_key (loader, "record");
  check_members (loader, record, members, G_N_ELEMENTS (members));
  status = get_member (loader, record, &members[0]);
  if (status != NULL)
    {
      gsize old2 = path_push_key (loader, "status");
      state->has_record = get_status (loader, status, &state->record_status);
      path_pop (loader, old2);
    }
  get_date (loader, record, "known_by", TRUE, FALSE, &state->record_known_by);
  state->record_source = get_source_ref (loader, record, "source", TRUE);
  state->record_note = get_string (loader, record, "note", FALSE, TRUE);
  if (!mba_date_is_set (&state->record_known_by) || state->record_source == NULL)
    state->has_record = FALSE;
  path_pop (loader, old);
}

static void
load_state_conflicts (Loader   *loader,
                      json_t   *object,
                      MbaState *state)
{
  static const Member members[] = {
    { "from", JSON_STRING, TRUE },
    { "to", JSON_STRING, FALSE, TRUE },
    { "source", JSON_STRING, TRUE },
    { "quote", JSON_STRING, FALSE, TRUE },
    { "note", JSON_STRING, FALSE, TRUE },
  };
  json_t *array = get_member (loader, object, &(Member) { "armed_conflicts", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "armed_conflicts");
  state->conflicts = loader_alloc (loader, json_array_size (array), sizeof (MbaConflict));
  json_array_foreach (array, i, item)
    {
      MbaConflict *conflict = &state->conflicts[state->n_conflicts];
      gsize old2 = path_push_index (loader, i);

      if (!json_is_object (item))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (item)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, item, members, G_N_ELEMENTS (members));
      get_date (loader, item, "from", TRUE, FALSE, &conflict->from);
      get_date (loader, item, "to", FALSE, TRUE, &conflict->to);
      conflict->source = get_source_ref (loader, item, "source", TRUE);
      conflict->quote = get_string (loader, item, "quote", FALSE, TRUE);
      conflict->note = get_string (loader, item, "note", FALSE, TRUE);
      if (mba_date_is_set (&conflict->from) && mba_date_is_set (&conflict->to) &&
          mba_date_last_day (&conflict->to) < mba_date_first_day (&conflict->from))
        report (loader, MBA_DATASET_ERROR_DATE, _("the conflict ends before it starts"));
      if (mba_date_is_set (&conflict->from))
        state->n_conflicts++;
      path_pop (loader, old2);
    }
  path_pop (loader, old);
}

static void
load_states (Loader *loader,
             json_t *root)
{
  static const Member members[] = {
    { "code", JSON_STRING, TRUE },
    { "name", JSON_STRING, TRUE },
    { "record", JSON_OBJECT, FALSE },
    { "armed_conflicts", JSON_ARRAY, FALSE },
  };
  MbaDataset *self = loader->dataset;
  json_t *array = get_member (loader, root, &(Member) { "states", JSON_ARRAY, TRUE });
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "states");
  self->states = loader_alloc (loader, json_array_size (array), sizeof (MbaState));
  json_array_foreach (array, i, object)
    {
      MbaState *state = &self->states[self->n_states];
      gsize old2 = path_push_index (loader, i);

      if (!json_is_object (object))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (object)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, object, members, G_N_ELEMENTS (members));
      state->code = get_string (loader, object, "code", TRUE, FALSE);
      if (state->code != NULL)
        {
          gsize old3 = path_push_key (loader, "code");

          if (!code_is_valid (state->code))
            {
              report (loader, MBA_DATASET_ERROR_VALUE,
                      _("“%s” is not an ISO 3166-1 alpha-3 code (three capital letters)"), state->code);
              state->code = NULL;
            }
          else if (g_hash_table_contains (self->state_by_code, state->code))
            {
              report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("state code “%s” is used twice"), state->code);
              state->code = NULL;
            }
          path_pop (loader, old3);
        }
      state->name = get_string (loader, object, "name", TRUE, FALSE);
      load_state_record (loader, object, state);
      load_state_conflicts (loader, object, state);

      if (state->code != NULL)
        {
          state->index = self->n_states++;
          g_hash_table_insert (self->state_by_code, (gpointer) state->code, state);
        }
      else
        memset (state, 0, sizeof *state);
      path_pop (loader, old2);
    }
  path_pop (loader, old);
}

static const MbaState *
resolve_state (Loader *loader,
               json_t *value)
{
  const MbaState *state;

  if (!json_is_string (value))
    {
      report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
              json_type_name (json_typeof (value)));
      return NULL;
    }
  state = g_hash_table_lookup (loader->dataset->state_by_code, json_string_value (value));
  if (state == NULL)
    report (loader, MBA_DATASET_ERROR_REFERENCE, _("no state has the code “%s”"), json_string_value (value));
  return state;
}

static void
load_event_quotes (Loader   *loader,
                   json_t   *object,
                   MbaEvent *event)
{
  static const Member members[] = {
    { "source", JSON_STRING, TRUE },
    { "text", JSON_STRING, TRUE },
  };
  json_t *array = get_member (loader, object, &(Member) { "quotes", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "quotes");
  event->quotes = loader_alloc (loader, json_array_size (array), sizeof (MbaQuote));
  json_array_foreach (array, i, item)
    {
      MbaQuote *quote = &event->quotes[event->n_quotes];
      gsize old2 = path_push_index (loader, i);

      if (!json_is_object (item))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (item)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, item, members, G_N_ELEMENTS (members));
      quote->source = get_source_ref (loader, item, "source", TRUE);
      quote->text = get_string (loader, item, "text", TRUE, FALSE);
      if (quote->source != NULL && quote->source->layer != MBA_SOURCE_LAYER_ARTICLE)
        {
          gsize old3 = path_push_key (loader, "source");
          report (loader, MBA_DATASET_ERROR_REFERENCE,
                  _("“%s” is a record source: cite it under “citations”, quotes come from articles"),
                  quote->source->id);
          path_pop (loader, old3);
        }
      else if (quote->source != NULL && quote->text != NULL)
        event->n_quotes++;
      path_pop (loader, old2);
    }
  path_pop (loader, old);
}

static void
load_event_citations (Loader   *loader,
                      json_t   *object,
                      MbaEvent *event)
{
  static const Member members[] = {
    { "source", JSON_STRING, TRUE },
    { "note", JSON_STRING, FALSE, TRUE },
  };
  json_t *array = get_member (loader, object, &(Member) { "citations", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "citations");
  event->citations = loader_alloc (loader, json_array_size (array), sizeof (MbaCitation));
  json_array_foreach (array, i, item)
    {
      MbaCitation *citation = &event->citations[event->n_citations];
      gsize old2 = path_push_index (loader, i);

      if (!json_is_object (item))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (item)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, item, members, G_N_ELEMENTS (members));
      citation->source = get_source_ref (loader, item, "source", TRUE);
      citation->note = get_string (loader, item, "note", FALSE, TRUE);
      if (citation->source != NULL && citation->source->layer != MBA_SOURCE_LAYER_RECORD)
        {
          gsize old3 = path_push_key (loader, "source");
          report (loader, MBA_DATASET_ERROR_REFERENCE,
                  _("“%s” is an article: back the event with a quote under “quotes”"),
                  citation->source->id);
          path_pop (loader, old3);
        }
      else if (citation->source != NULL)
        event->n_citations++;
      path_pop (loader, old2);
    }
  path_pop (loader, old);
}

static gboolean
load_event (Loader   *loader,
            json_t   *object,
            MbaEvent *event)
{
  static const Member members[] = {
    { "id", JSON_STRING, TRUE },
    { "date", JSON_STRING, TRUE },
    { "end", JSON_STRING, FALSE, TRUE },
    { "date_basis", JSON_STRING, TRUE },
    { "kind", JSON_STRING, TRUE },
    { "title", JSON_STRING, TRUE },
    { "summary", JSON_STRING, TRUE },
    { "states", JSON_ARRAY, TRUE },
    { "status", JSON_OBJECT, FALSE },
    { "quotes", JSON_ARRAY, FALSE },
    { "citations", JSON_ARRAY, FALSE },
  };
  guint problems_before = loader->n_problems;
  const char *kind;
  json_t *states, *status;

  if (!json_is_object (object))
    {
      report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
              json_type_name (json_typeof (object)));
      return FALSE;
    }
  check_members (loader, object, members, G_N_ELEMENTS (members));

  event->id = get_id (loader, object, "id", NULL, "event");
  get_date (loader, object, "date", TRUE, FALSE, &event->date);
  get_date (loader, object, "end", FALSE, TRUE, &event->end);
  if (mba_date_is_set (&event->date) && mba_date_is_set (&event->end) &&
      mba_date_last_day (&event->end) < mba_date_first_day (&event->date))
    {
      gsize old = path_push_key (loader, "end");
      g_autofree char *end = mba_date_to_iso (&event->end);
      g_autofree char *start = mba_date_to_iso (&event->date);
      report (loader, MBA_DATASET_ERROR_DATE, _("the end %s is before the date %s"), end, start);
      path_pop (loader, old);
    }
  event->date_basis = get_string (loader, object, "date_basis", TRUE, FALSE);
  kind = get_string (loader, object, "kind", TRUE, FALSE);
  if (kind != NULL && !mba_event_kind_from_string (kind, &event->kind))
    {
      gsize old = path_push_key (loader, "kind");
      report (loader, MBA_DATASET_ERROR_VALUE, _("“%s” is not an event kind"), kind);
      path_pop (loader, old);
    }
  event->title = get_string (loader, object, "title", TRUE, FALSE);
  event->summary = get_string (loader, object, "summary", TRUE, FALSE);

  states = get_member (loader, object, &members[7]);
  if (states != NULL)
    {
      gsize old = path_push_key (loader, "states");
      json_t *code;
      gsize i;

      event->states = loader_alloc (loader, json_array_size (states), sizeof (MbaState *));
      json_array_foreach (states, i, code)
        {
          gsize old2 = path_push_index (loader, i);
          const MbaState *state = resolve_state (loader, code);

          for (guint j = 0; state != NULL && j < event->n_states; j++)
            if (event->states[j] == state)
              {
                report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("“%s” is listed twice"), state->code);
                state = NULL;
              }
          if (state != NULL)
            event->states[event->n_states++] = state;
          path_pop (loader, old2);
        }
      path_pop (loader, old);
    }

  status = get_member (loader, object, &members[8]);
  if (status != NULL)
    {
      gsize old = path_push_key (loader, "status");
      const char *code;
      json_t *value;

      event->settings = loader_alloc (loader, json_object_size (status), sizeof (MbaStatusSetting));
      json_object_foreach (status, code, value)
        {
          gsize old2 = path_push_key (loader, code);
          const MbaState *state = g_hash_table_lookup (loader->dataset->state_by_code, code);
          MbaStatus s;
          gboolean involved = FALSE;

          for (guint j = 0; state != NULL && j < event->n_states; j++)
            involved |= event->states[j] == state;

          if (state == NULL)
            report (loader, MBA_DATASET_ERROR_REFERENCE, _("no state has the code “%s”"), code);
          else if (!involved)
            report (loader, MBA_DATASET_ERROR_REFERENCE,
                    _("“%s” is not among the event's states, so the event cannot set its status"), code);
          else if (get_status (loader, value, &s))
            {
              event->settings[event->n_settings].state = state;
              event->settings[event->n_settings].status = s;
              event->n_settings++;
            }
          path_pop (loader, old2);
        }
      path_pop (loader, old);
    }

  load_event_quotes (loader, object, event);
  load_event_citations (loader, object, event);
  if (json_object_get (object, "quotes") == NULL && json_object_get (object, "citations") == NULL)
    report (loader, MBA_DATASET_ERROR_MISSING,
            _("an event needs “quotes” (from the articles) or “citations” (from the treaty record)"));
  else if (loader->n_problems == problems_before && event->n_quotes + event->n_citations == 0)
    report (loader, MBA_DATASET_ERROR_VALUE, _("an event needs at least one quote or citation"));

  return loader->n_problems == problems_before;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const MbaEvent *ea = a, *eb = b;

  if (ea->first_day != eb->first_day)
    return ea->first_day < eb->first_day ? -1 : 1;
  if (ea->last_day != eb->last_day)
    return ea->last_day < eb->last_day ? -1 : 1;
  /* A derived event follows what it derives from on the same day. */
  if (ea->derived != eb->derived)
    return ea->derived ? 1 : -1;
  return strcmp (ea->id, eb->id);
}

static gboolean
state_in_conflict (const MbaState *state,
                   gint32          day,
                   gint32         *conflict_end)
{
  for (guint i = 0; i < state->n_conflicts; i++)
    {
      const MbaConflict *conflict = &state->conflicts[i];
      gint32 from = mba_date_first_day (&conflict->from);
      gint32 to = mba_date_is_set (&conflict->to) ? mba_date_last_day (&conflict->to) : G_MAXINT32;

      if (from <= day && day <= to)
        {
          *conflict_end = to;
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_point_from_day (MbaDatePoint *point,
                    gint32        day)
{
  int y, m, d;

  mba_day_to_ymd (day, &y, &m, &d);
  point->year = y;
  point->month = m;
  point->day = d;
  point->precision = MBA_DATE_PRECISION_DAY;
  point->qualifiers = 0;
}

/* Article 20(2)-(3): a withdrawal takes effect the set number of months after its deposit,
 * but not while the state is engaged in an armed conflict. The dataset never types these in. */
static void
derive_withdrawal (Loader         *loader,
                   const MbaEvent *deposit,
                   GArray         *events)
{
  MbaDataset *self = loader->dataset;
  guint months = self->treaty.withdrawal_notice_months;
  guint n_in_progress = 0;

  if (months == 0 || deposit->kind != MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED ||
      deposit->date.is_interval || deposit->date.start.precision != MBA_DATE_PRECISION_DAY)
    return;
  for (guint i = 0; i < deposit->n_settings; i++)
    n_in_progress += deposit->settings[i].status == MBA_STATUS_WITHDRAWAL_IN_PROGRESS;

  for (guint i = 0; i < deposit->n_settings; i++)
    {
      const MbaState *state = deposit->settings[i].state;
      g_autofree char *deposit_text = NULL;
      g_autofree char *effect_text = NULL;
      g_autofree char *basis = NULL;
      MbaEvent derived = { 0 };
      gint32 deposit_day, effect_day = 0, conflict_end;
      MbaStatusSetting *setting;
      gboolean in_range;

      if (deposit->settings[i].status != MBA_STATUS_WITHDRAWAL_IN_PROGRESS)
        continue;

      deposit_day = mba_date_first_day (&deposit->date);
      in_range = mba_day_add_months_checked (deposit_day, months, &effect_day);
      deposit_text = mba_day_format (deposit_day);

      if (in_range && state_in_conflict (state, effect_day, &conflict_end))
        {
          /* An open conflict blocks the effect beyond anything the data can say. */
          if (conflict_end == G_MAXINT32)
            continue;
          in_range = conflict_end < MBA_DAY_LAST;
          effect_day = conflict_end + 1;
          basis = g_strdup_printf (_("Worked out by the app from Article 20(3): the withdrawal "
                                     "deposited on %s cannot take effect before the end of the "
                                     "armed conflict the state is engaged in"), deposit_text);
        }
      else
        basis = g_strdup_printf (ngettext ("Worked out by the app from Article 20(2): %u month after "
                                           "the deposit on %s",
                                           "Worked out by the app from Article 20(2): %u months after "
                                           "the deposit on %s", months),
                                 months, deposit_text);
      if (!in_range)
        {
          gsize old = path_push_key (loader, "events");
          g_autofree char *deposit_iso = mba_date_to_iso (&deposit->date);

          path_push_index (loader, deposit->file_index);
          path_push_key (loader, "date");
          report (loader, MBA_DATASET_ERROR_DATE,
                  _("the withdrawal of %s deposited on %s would take effect after 9999-12-31, "
                    "the last date a dataset can hold"),
                  mba_country_name (state->code, state->name), deposit_iso);
          path_pop (loader, old);
          continue;
        }

      effect_text = mba_day_format (effect_day);
      set_point_from_day (&derived.date.start, effect_day);
      derived.first_day = derived.last_day = effect_day;
      {
        /* One deposit for several states derives one event each: the state tells them apart. */
        g_autofree char *code = g_ascii_strdown (state->code, -1);
        g_autofree char *id = n_in_progress > 1 ? g_strdup_printf ("%s-effective-%s", deposit->id, code)
                                                : g_strdup_printf ("%s-effective", deposit->id);
        derived.id = intern (loader, id);
      }
      derived.kind = MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE;
      derived.date_basis = intern (loader, basis);
      /* The app writes these words, so they are in the user's language, country names too. */
      {
        g_autofree char *title = g_strdup_printf (_("Withdrawal of %s takes effect"),
                                                  mba_country_name (state->code, state->name));
        g_autofree char *summary = g_strdup_printf (_("%s is no longer bound by the treaty from %s."),
                                                    mba_country_name (state->code, state->name),
                                                    effect_text);
        derived.title = intern (loader, title);
        derived.summary = intern (loader, summary);
      }
      derived.states = loader_alloc (loader, 1, sizeof (MbaState *));
      derived.states[0] = state;
      derived.n_states = 1;
      setting = loader_alloc (loader, 1, sizeof (MbaStatusSetting));
      setting->state = state;
      setting->status = MBA_STATUS_WITHDRAWN;
      derived.settings = setting;
      derived.n_settings = 1;
      /* It rests on the same sources as the deposit. */
      derived.quotes = deposit->quotes;
      derived.n_quotes = deposit->n_quotes;
      derived.citations = deposit->citations;
      derived.n_citations = deposit->n_citations;
      derived.derived = TRUE;
      derived.file_index = -1;
      g_array_append_val (events, derived);
    }
}

typedef struct
{
  Loader             loader;
  const EventSource *source;
  gsize              first;
  gsize              last;          /* exclusive */
  MbaEvent          *out;           /* this worker's slice of the dataset's events */
  guint              n_out;
  gboolean           syntax_error;  /* a slice did not parse; failure says where */
  SliceFailure       failure;
} EventWorker;

static gpointer
load_event_range (gpointer data)
{
  EventWorker *worker = data;
  Loader *loader = &worker->loader;
  const EventSource *source = worker->source;

  for (gsize i = worker->first; i < worker->last && !worker->syntax_error; i++)
    {
      MbaEvent event = { 0 };
      json_t *object;
      gsize old;

      if (source->array != NULL)
        object = json_incref (json_array_get (source->array, i));
      else
        {
          json_error_t *json_error = &worker->failure.error;

          object = parse_bounded (source->data + source->starts[i], source->ends[i] - source->starts[i],
                                  JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, json_error);
          if (object == NULL)
            {
              worker->syntax_error = TRUE;
              worker->failure.failed = TRUE;
              worker->failure.offset = source->starts[i] + MAX (json_error->position, 0);
              break;
            }
        }

      old = path_push_index (loader, i);
      if (load_event (loader, object, &event))
        {
          event.file_index = i;
          event.first_day = mba_date_first_day (&event.date);
          event.last_day = mba_date_is_set (&event.end) ? mba_date_last_day (&event.end)
                                                        : mba_date_last_day (&event.date);
          worker->out[worker->n_out++] = event;
        }
      path_pop (loader, old);
      json_decref (object);
    }
  return NULL;
}

/* Appends what a worker found to the main loader, in file order. */
static void
merge_worker (Loader      *loader,
              EventWorker *worker)
{
  if (worker->loader.n_problems > 0)
    {
      if (loader->n_problems++ == 0)
        loader->first_code = worker->loader.first_code;
      else
        g_string_append_c (loader->report, '\n');
      g_string_append_len (loader->report, worker->loader.report->str, worker->loader.report->len);
      loader->n_problems += worker->loader.n_problems - 1;
    }
  g_ptr_array_extend_and_steal (loader->blocks, g_steal_pointer (&worker->loader.blocks));
  g_ptr_array_add (loader->dataset->chunks, g_steal_pointer (&worker->loader.strings));
  g_string_free (worker->loader.path, TRUE);
  g_string_free (worker->loader.report, TRUE);
}

/* Returns FALSE when a slice of the file is not valid JSON, with sliced->failure saying where. */
static gboolean
load_events (Loader            *loader,
             json_t            *root,
             const EventSource *sliced)
{
  MbaDataset *self = loader->dataset;
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) derived = NULL;
  EventSource whole = { 0 };
  const EventSource *source = sliced;
  EventWorker workers[4];
  guint n_workers, n_kept = 0;
  gboolean syntax_error = FALSE;
  gsize old;

  if (source == NULL)
    {
      whole.array = get_member (loader, root, &(Member) { "events", JSON_ARRAY, TRUE });
      if (whole.array == NULL)
        return TRUE;
      whole.n = json_array_size (whole.array);
      source = &whole;
    }

  /* Each worker writes its events straight into its part of the one array, so the events are
   * not copied afterwards and the pages are first touched by the cores that fill them. */
  events = g_array_sized_new (FALSE, FALSE, sizeof (MbaEvent), source->n + 16);
  g_array_set_size (events, source->n);

  /* Parsing and checking events is most of a large file's load: share it between cores. */
  n_workers = source->n < 4096 ? 1 : CLAMP (g_get_num_processors (), 1, (int) G_N_ELEMENTS (workers));
  old = path_push_key (loader, "events");
  for (guint w = 0; w < n_workers; w++)
    {
      EventWorker *worker = &workers[w];

      worker->loader = (Loader) {
        .dataset = self,
        .file = loader->file,
        .path = g_string_new (loader->path->str),
        .report = g_string_new (NULL),
        .strings = g_string_chunk_new (256 * 1024),
        .blocks = g_ptr_array_new_with_free_func (g_free),
      };
      worker->source = source;
      worker->first = source->n * w / n_workers;
      worker->last = source->n * (w + 1) / n_workers;
      worker->out = &g_array_index (events, MbaEvent, worker->first);
      worker->n_out = 0;
      worker->syntax_error = FALSE;
      worker->failure.failed = FALSE;
    }
  {
    GThread *threads[G_N_ELEMENTS (workers)] = { NULL };

    for (guint w = 1; w < n_workers; w++)
      threads[w] = g_thread_new ("mba-load", load_event_range, &workers[w]);
    load_event_range (&workers[0]);
    for (guint w = 1; w < n_workers; w++)
      g_thread_join (threads[w]);
  }

  for (guint w = 0; w < n_workers; w++)
    {
      /* The first slice in file order that is not JSON is the one to report. */
      if (workers[w].syntax_error && !syntax_error && source->failure != NULL)
        *source->failure = workers[w].failure;
      syntax_error |= workers[w].syntax_error;
      merge_worker (loader, &workers[w]);
      /* Events that did not load leave gaps: close them up. */
      if (workers[w].n_out > 0 && &g_array_index (events, MbaEvent, n_kept) != workers[w].out)
        memmove (&g_array_index (events, MbaEvent, n_kept), workers[w].out,
                 workers[w].n_out * sizeof (MbaEvent));
      n_kept += workers[w].n_out;
    }
  g_array_set_size (events, n_kept);
  if (syntax_error)
    {
      path_pop (loader, old);
      return FALSE;
    }

  for (guint j = 0; j < events->len; j++)
    {
      const MbaEvent *event = &g_array_index (events, MbaEvent, j);

      if (event->id == NULL)
        continue;
      if (g_hash_table_contains (seen_ids, event->id))
        {
          gsize old2 = path_push_index (loader, event->file_index);
          path_push_key (loader, "id");
          report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("event id “%s” is used twice"), event->id);
          path_pop (loader, old2);
        }
      else
        g_hash_table_insert (seen_ids, (gpointer) event->id, GINT_TO_POINTER (event->file_index + 1));
    }
  path_pop (loader, old);

  if (loader->n_problems > 0)
    return TRUE;

  /* Derived events are collected apart and appended after: appending to @events while a
   * deposit points into it would move the deposit under its reader. */
  derived = g_array_new (FALSE, FALSE, sizeof (MbaEvent));
  for (guint j = 0; j < events->len; j++)
    derive_withdrawal (loader, &g_array_index (events, MbaEvent, j), derived);
  for (guint j = 0; j < derived->len; j++)
    {
      /* An event typed in with a derived event's id would hide one of them from lookups. */
      const char *id = g_array_index (derived, MbaEvent, j).id;
      int position = GPOINTER_TO_INT (g_hash_table_lookup (seen_ids, id)) - 1;

      if (position >= 0)
        {
          gsize old2 = path_push_key (loader, "events");

          path_push_index (loader, position);
          path_push_key (loader, "id");
          report (loader, MBA_DATASET_ERROR_DUPLICATE_ID,
                  _("event id “%s” is the one the app gives to the date a withdrawal takes effect, "
                    "worked out from its deposit; choose another id"), id);
          path_pop (loader, old2);
        }
    }
  g_array_append_vals (events, derived->data, derived->len);

  /* Files are usually written in date order already; sorting needs a copy the size of the
   * events, so it is done only when they are not. */
  for (guint j = 1; j < events->len; j++)
    if (compare_events (&g_array_index (events, MbaEvent, j - 1), &g_array_index (events, MbaEvent, j)) > 0)
      {
        g_array_sort (events, compare_events);
        break;
      }
  self->n_events = events->len;
  self->events = (MbaEvent *) g_array_free (g_steal_pointer (&events), FALSE);
  g_ptr_array_add (loader->blocks, self->events);

  for (guint j = 0; j < self->n_events; j++)
    {
      self->events[j].index = j;
      self->n_quotes += self->events[j].derived ? 0 : self->events[j].n_quotes;
      g_hash_table_insert (self->event_by_id, (gpointer) self->events[j].id, &self->events[j]);
    }
  return TRUE;
}

static void
load_disputes (Loader *loader,
               json_t *root)
{
  static const Member members[] = {
    { "id", JSON_STRING, TRUE },
    { "topic", JSON_STRING, TRUE },
    { "claims", JSON_ARRAY, TRUE },
    { "events", JSON_ARRAY, FALSE },
    { "note", JSON_STRING, FALSE, TRUE },
  };
  static const Member claim_members[] = {
    { "source", JSON_STRING, TRUE },
    { "text", JSON_STRING, TRUE },
    { "reading", JSON_STRING, TRUE },
  };
  MbaDataset *self = loader->dataset;
  json_t *array = get_member (loader, root, &(Member) { "disputes", JSON_ARRAY, FALSE });
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = path_push_key (loader, "disputes");
  self->disputes = loader_alloc (loader, json_array_size (array), sizeof (MbaDispute));
  json_array_foreach (array, i, object)
    {
      MbaDispute *dispute = &self->disputes[self->n_disputes];
      json_t *claims, *events, *item;
      gsize j, old2 = path_push_index (loader, i);

      if (!json_is_object (object))
        {
          report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                  json_type_name (json_typeof (object)));
          path_pop (loader, old2);
          continue;
        }
      check_members (loader, object, members, G_N_ELEMENTS (members));
      dispute->id = get_id (loader, object, "id", seen_ids, "dispute");
      if (dispute->id != NULL)
        g_hash_table_add (seen_ids, (gpointer) dispute->id);
      dispute->topic = get_string (loader, object, "topic", TRUE, FALSE);
      dispute->note = get_string (loader, object, "note", FALSE, TRUE);

      claims = get_member (loader, object, &members[2]);
      if (claims != NULL)
        {
          gsize old3 = path_push_key (loader, "claims");

          if (json_array_size (claims) < 2)
            report (loader, MBA_DATASET_ERROR_VALUE, _("a dispute needs at least two claims"));
          dispute->claims = loader_alloc (loader, json_array_size (claims), sizeof (MbaClaim));
          json_array_foreach (claims, j, item)
            {
              MbaClaim *claim = &dispute->claims[dispute->n_claims];
              gsize old4 = path_push_index (loader, j);

              if (!json_is_object (item))
                report (loader, MBA_DATASET_ERROR_TYPE, _("must be an object, not %s"),
                        json_type_name (json_typeof (item)));
              else
                {
                  check_members (loader, item, claim_members, G_N_ELEMENTS (claim_members));
                  claim->source = get_source_ref (loader, item, "source", TRUE);
                  claim->text = get_string (loader, item, "text", TRUE, FALSE);
                  claim->reading = get_string (loader, item, "reading", TRUE, FALSE);
                  if (claim->source && claim->text && claim->reading)
                    dispute->n_claims++;
                }
              path_pop (loader, old4);
            }
          path_pop (loader, old3);
        }

      events = get_member (loader, object, &members[3]);
      if (events != NULL)
        {
          gsize old3 = path_push_key (loader, "events");

          dispute->events = loader_alloc (loader, json_array_size (events), sizeof (MbaEvent *));
          json_array_foreach (events, j, item)
            {
              gsize old4 = path_push_index (loader, j);
              const MbaEvent *event = NULL;

              if (!json_is_string (item))
                report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
                        json_type_name (json_typeof (item)));
              else if ((event = g_hash_table_lookup (self->event_by_id, json_string_value (item))) == NULL &&
                       g_hash_table_size (self->event_by_id) > 0)
                report (loader, MBA_DATASET_ERROR_REFERENCE, _("no event has the id “%s”"),
                        json_string_value (item));
              if (event != NULL)
                dispute->events[dispute->n_events++] = event;
              path_pop (loader, old4);
            }
          path_pop (loader, old3);
        }

      if (dispute->id != NULL)
        dispute->index = self->n_disputes++;
      path_pop (loader, old2);
    }
  path_pop (loader, old);
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
    self->events[i].disputes = loader_alloc (loader, n_disputes[i], sizeof (MbaDispute *));
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
    self->states[i].changes = loader_alloc (loader, n_changes[i], sizeof (MbaStatusChange));
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
           const EventSource *sliced_events)
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
  };
  MbaDataset *self = loader->dataset;
  json_t *format;

  if (!json_is_object (root))
    {
      report (loader, MBA_DATASET_ERROR_FORMAT, _("a dataset is a JSON object, not %s"),
              json_type_name (json_typeof (root)));
      return TRUE;
    }

  format = get_member (loader, root, &members[0]);
  if (format == NULL)
    return TRUE;
  if (strcmp (json_string_value (format), MBA_DATASET_FORMAT_ID) != 0)
    {
      path_push_key (loader, "format");
      report (loader, MBA_DATASET_ERROR_FORMAT, _("“%s” is not a format this version reads (expected “%s”)"),
              json_string_value (format), MBA_DATASET_FORMAT_ID);
      path_pop (loader, 0);
      return TRUE;
    }

  check_members (loader, root, members, G_N_ELEMENTS (members));
  self->title = get_string (loader, root, "title", TRUE, FALSE);
  self->language = get_string (loader, root, "language", TRUE, FALSE);
  get_date (loader, root, "updated", TRUE, FALSE, &self->updated);
  load_treaty (loader, root);
  load_sources (loader, root);
  load_states (loader, root);
  if (!load_events (loader, root, sliced_events))
    return FALSE;
  load_disputes (loader, root);
  if (loader->n_problems == 0)
    index_dataset (loader);
  return TRUE;
}

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
          depth++;
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
              if (p == NULL)
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
  root = parse_bounded (skeleton->str, skeleton->len, JSON_REJECT_DUPLICATES, &failure->error);
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
      json_t *object = parse_bounded (data + start, g_array_index (ends, gsize, i) - start,
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

/* Jansson reports the column after the offending token ("near 'x'"); editors and users
 * look for where the token starts. Columns count code points, 1-based. */
static int
syntax_error_column (const json_error_t *json_error,
                     int                 jansson_column)
{
  const char *near = strstr (json_error->text, "near '");
  int column = MAX (jansson_column, 1);

  if (near != NULL && g_str_has_suffix (near, "'"))
    {
      g_autofree char *token = g_strndup (near + 6, strlen (near + 6) - 1);

      if (g_utf8_validate (token, -1, NULL))
        column = MAX (1, column - (int) g_utf8_strlen (token, -1) + 1);
    }
  return column;
}

/* Reports a syntax error at @line and @column as Jansson counts them (the column just after
 * what it read). */
static void
set_syntax_error (GError             **error,
                  const char          *display_name,
                  const json_error_t  *json_error,
                  int                  line,
                  int                  column)
{
  g_autoptr(GString) text = g_string_new (json_error->text);

  if (json_error_code (json_error) == json_error_out_of_memory)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file holds too many values: loading them would take over %d MiB"),
                   display_name, MBA_DATASET_MAX_PARSE_BYTES / (1024 * 1024));
      return;
    }
  g_string_replace (text, "without JSON_ALLOW_NUL", "in a dataset", 0);
  g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX,
               "%s:%d:%d: %s", display_name, MAX (line, 1),
               syntax_error_column (json_error, column), text->str);
}

/* The same, for an error found parsing a part of the file: Jansson's position is converted back
 * to a line and column of the whole file, counted as Jansson does (code points since the line
 * began, 0 just after a newline). */
static void
line_and_column (const char *data,
                 gsize       offset,
                 int        *line,
                 int        *column)
{
  const char *at = data + offset;
  const char *line_start = data;

  *line = 1;
  *column = 0;
  for (const char *p = memchr (data, '\n', at - data); p != NULL; p = memchr (p + 1, '\n', at - (p + 1)))
    {
      (*line)++;
      line_start = p + 1;
    }
  for (const char *p = line_start; p < at; p++)
    *column += ((guchar) *p & 0xc0) != 0x80;
}

static void
set_syntax_error_at (GError            **error,
                     const char         *display_name,
                     const char         *data,
                     const SliceFailure *failure)
{
  int line, column;

  line_and_column (data, failure->offset, &line, &column);
  set_syntax_error (error, display_name, &failure->error, line, column);
}

/* A quick pass over a large file before Jansson sees it: a string too long, or too many values,
 * is refused here in a few milliseconds, where parsing would take seconds to reach the same
 * answer. Strings count as one token each (names too), as do brackets and commas. */
static gboolean
prescan (const char  *data,
         gsize        length,
         const char  *display_name,
         GError     **error)
{
  const char *p = data, *end = data + length;
  gsize n_tokens = 0;
  int line, column;

  while (p < end)
    {
      const char *q;

      switch (*p)
        {
        case '"':
          /* Most of a dataset's bytes are in strings: find their end with memchr. A quote
           * after an odd number of backslashes is escaped. */
          for (q = p + 1; (q = memchr (q, '"', end - q)) != NULL; q++)
            {
              gsize n_backslashes = 0;

              for (const char *r = q - 1; r > p && *r == '\\'; r--)
                n_backslashes++;
              if (n_backslashes % 2 == 0)
                break;
            }
          if (q == NULL)
            q = end;
          if ((gsize) (q - p - 1) > MBA_DATASET_MAX_STRING_BYTES)
            {
              line_and_column (data, p - data, &line, &column);
              g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE,
                           _("%s:%d:%d: the text is %lu bytes long; at most %d are allowed"),
                           display_name, line, column + 1, (unsigned long) (q - p - 1),
                           MBA_DATASET_MAX_STRING_BYTES);
              return FALSE;
            }
          n_tokens++;
          p = q + 1;
          continue;
        case '{':
        case '[':
        case ',':
          if (++n_tokens > MBA_DATASET_MAX_TOKENS)
            {
              line_and_column (data, p - data, &line, &column);
              g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                           _("%s:%d:%d: the file holds more than %d values and names; no more are allowed"),
                           display_name, line, column + 1, MBA_DATASET_MAX_TOKENS);
              return FALSE;
            }
          break;
        default:
          break;
        }
      p++;
    }
  return TRUE;
}

/* Builds a dataset from parsed JSON, with the events either in @root or still to be parsed from
 * @sliced. Sets @slice_failed when a slice is not JSON (nothing is reported then). */
static MbaDataset *
load_parsed (json_t             *root,
             const EventSource  *sliced,
             const char         *display_name,
             gboolean           *slice_failed,
             GError            **error)
{
  g_autoptr(MbaDataset) self = g_object_new (MBA_TYPE_DATASET, NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  Loader loader = { self, display_name, path, problems, 0, 0, NULL, self->blocks };

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
  if (loader.n_problems > 0)
    {
      g_set_error_literal (error, MBA_DATASET_ERROR, loader.first_code, problems->str);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static MbaDataset *
load_from_data (const char  *data,
                gsize        length,
                const char  *display_name,
                GError     **error)
{
  MbaDataset *dataset;
  json_error_t json_error;
  json_t *root;

  if (length > MBA_DATASET_MAX_BYTES)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; datasets larger than %d MiB are refused"),
                   display_name, (guint) (length / (1024 * 1024)), MBA_DATASET_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!mba_text_check_encoding (&data, &length, display_name, error))
    return NULL;

  /* Large files take the fast path: events parsed one by one in parallel. */
  if (length > 256 * 1024)
    {
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
      gsize array_start = 0, array_end = 0;

      if (!prescan (data, length, display_name, error))
        return NULL;

      if (find_event_slices (data, length, &array_start, &array_end, starts, ends))
        {
          SliceFailure failure = { FALSE };
          EventSource sliced = { NULL, data, (gsize *) starts->data, (gsize *) ends->data, starts->len, &failure };
          gboolean slice_failed = FALSE;

          root = load_skeleton (data, length, array_start, array_end, &failure);
          if (root == NULL)
            {
              /* The first problem in the file: one after the events may follow one in them. */
              if (failure.offset > array_start)
                find_first_bad_slice (data, starts, ends, &failure);
              set_syntax_error_at (error, display_name, data, &failure);
              return NULL;
            }
          dataset = load_parsed (root, &sliced, display_name, &slice_failed, error);
          json_decref (root);
          if (slice_failed)
            set_syntax_error_at (error, display_name, data, &failure);
          return dataset;
        }
    }

  /* Duplicate keys would silently drop one of the values. */
  root = parse_bounded (data, length, JSON_REJECT_DUPLICATES, &json_error);
  if (root == NULL)
    {
      set_syntax_error (error, display_name, &json_error, json_error.line, json_error.column);
      return NULL;
    }
  dataset = load_parsed (root, NULL, display_name, NULL, error);
  json_decref (root);
  return dataset;
}

/**
 * mba_dataset_new_from_bytes:
 * @bytes: the JSON text
 * @display_name: the name problems are reported under (a file name)
 *
 * Returns: (transfer full): the dataset, or %NULL with @error listing every problem.
 */
MbaDataset *
mba_dataset_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return load_from_data (data ? data : "", length, display_name, error);
}

static gboolean
refuse_unless_regular (const char  *path,
                       GStatBuf    *st,
                       GError     **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), path);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: is not a regular file"), path);
      return FALSE;
    }
  if (st->st_size > MBA_DATASET_MAX_BYTES)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; datasets larger than %d MiB are refused"),
                   path, (guint) MIN (st->st_size / (1024 * 1024), G_MAXUINT),
                   MBA_DATASET_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
               "%s: %s", path, g_strerror (saved_errno));
}

/* The text of a large file is read into memory that may use huge pages: on virtual machines a
 * page fault costs microseconds, and 4 KiB pages made faulting in a 28 MiB file a fifth of
 * the load. Small files get ordinary memory. */
#define HUGE_BUFFER_MIN (4 * 1024 * 1024)

typedef struct
{
  char  *data;
  gsize  size;
  gboolean mapped;
} ReadBuffer;

static gboolean
read_buffer_init (ReadBuffer *buffer,
                  gsize       size)
{
  buffer->size = size;
  buffer->mapped = FALSE;
  if (size >= HUGE_BUFFER_MIN)
    {
      void *data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (data != MAP_FAILED)
        {
#ifdef MADV_HUGEPAGE
          madvise (data, size, MADV_HUGEPAGE);
#endif
          buffer->data = data;
          buffer->mapped = TRUE;
          return TRUE;
        }
    }
  buffer->data = g_try_malloc (size);
  return buffer->data != NULL;
}

static void
read_buffer_clear (ReadBuffer *buffer)
{
  if (buffer->data == NULL)
    return;
  if (buffer->mapped)
    munmap (buffer->data, buffer->size);
  else
    g_free (buffer->data);
  buffer->data = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadBuffer, read_buffer_clear)

MbaDataset *
mba_dataset_new_from_file (const char  *path,
                           GError     **error)
{
  g_auto(ReadBuffer) buffer = { NULL, 0, FALSE };
  char *contents;
  GStatBuf st;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Check before opening, so that a huge file, a folder or a pipe is refused at once. */
  if (g_stat (path, &st) != 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  if (!refuse_unless_regular (path, &st, error))
    return NULL;

  /* Non-blocking, in case the file was replaced by a pipe meanwhile; checked again once open. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !refuse_unless_regular (path, &st, error))
    {
      if (error != NULL && *error == NULL)
        set_io_error (error, path, errno);
      close (fd);
      return NULL;
    }

  /* Never more than the limit, even if the file grows while it is read. */
  if (!read_buffer_init (&buffer, st.st_size + 1))
    {
      set_io_error (error, path, ENOMEM);
      close (fd);
      return NULL;
    }
  contents = buffer.data;
  while (length <= (gsize) st.st_size)
    {
      gssize n = read (fd, contents + length, st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, path, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);
  if (length > (gsize) st.st_size)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: the file changed while it was read"), path);
      return NULL;
    }
  return load_from_data (contents, length, path, error);
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

/* FIXME (issue 16, section 4): a bridge until the loader reports MbaProblem records itself.
 * It splits the error's text back into problems; the loader's own report must replace it. */
static MbaProblemList *
problems_from_error (const GError *error,
                     const char   *display_name)
{
  MbaProblemList *problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  gsize prefix_len = strlen (display_name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = lines[i];
      guint line = 0, column = 0;
      g_autofree char *json_path = NULL;

      if (g_str_has_prefix (rest, display_name) && rest[prefix_len] == ':')
        {
          rest += prefix_len + 1;
          if (sscanf (rest, "%u:%u:", &line, &column) == 2)
            rest = strchr (strchr (rest, ':') + 1, ':') + 1;
          else if (*rest == ' ' && strstr (rest + 1, ": ") != NULL)
            {
              const char *end = strstr (rest + 1, ": ");

              json_path = g_strndup (rest + 1, end - rest - 1);
              rest = end + 1;
            }
          while (*rest == ' ')
            rest++;
        }
      mba_problem_list_add (problems, error->code, display_name, line, column, json_path, rest);
    }
  return problems;
}

static MbaDataset *
finish_load (MbaDataset      *dataset,
             GError          *local_error,
             const char      *display_name,
             GCancellable    *cancellable,
             MbaProblemList **problems,
             GError         **error)
{
  if (dataset != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_object_unref (dataset);
      dataset = NULL;
      g_cancellable_set_error_if_cancelled (cancellable, &local_error);
    }
  if (dataset != NULL)
    return dataset;
  if (problems != NULL && local_error->domain == MBA_DATASET_ERROR)
    *problems = problems_from_error (local_error, display_name);
  else if (problems != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      *problems = mba_problem_list_new (MBA_PROBLEM_LIST_MAX_KEPT);
      mba_problem_list_add (*problems, MBA_DATASET_ERROR_IO, display_name, 0, 0, NULL,
                            local_error->message);
    }
  g_propagate_error (error, local_error);
  return NULL;
}

MbaDataset *
mba_dataset_load_file (const char      *path,
                       GCancellable    *cancellable,
                       MbaProblemList **problems,
                       GError         **error)
{
  GError *local_error = NULL;
  g_autofree char *display_name = NULL;
  MbaDataset *dataset;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  display_name = g_filename_display_name (path);
  dataset = mba_dataset_new_from_file (path, &local_error);
  return finish_load (dataset, local_error, display_name, cancellable, problems, error);
}

MbaDataset *
mba_dataset_load_bytes (GBytes          *bytes,
                        const char      *display_name,
                        GCancellable    *cancellable,
                        MbaProblemList **problems,
                        GError         **error)
{
  GError *local_error = NULL;
  MbaDataset *dataset;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dataset = mba_dataset_new_from_bytes (bytes, display_name, &local_error);
  return finish_load (dataset, local_error, display_name, cancellable, problems, error);
}

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

/* Any run of white space (no-break spaces and line breaks too) becomes one space. */
static char *
collapse_white_space (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  gboolean in_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          if (!in_space && s->len > 0)
            g_string_append_c (s, ' ');
          in_space = TRUE;
        }
      else
        {
          g_string_append_unichar (s, c);
          in_space = FALSE;
        }
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* A document read for mba_dataset_verify_quotes(): its text with white space collapsed, or why
 * it cannot be read. */
typedef struct
{
  char *text;
  char *problem;
} Document;

static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->text);
  g_free (document->problem);
  g_free (document);
}

static void
verify_one (GHashTable      *documents,
            const char      *documents_dir,
            const MbaSource *source,
            const char      *text,
            const char      *path,
            guint           *n_verified,
            GPtrArray       *failures)
{
  g_autofree char *needle = NULL;
  const char *haystack;
  Document *document;

  if (source->layer != MBA_SOURCE_LAYER_ARTICLE)
    return;
  if (source->document == NULL)
    {
      g_ptr_array_add (failures, g_strdup_printf ("%s: source “%s” names no document", path, source->id));
      return;
    }

  document = g_hash_table_lookup (documents, source->document);
  if (document == NULL)
    {
      g_autofree char *file = g_build_filename (documents_dir, source->document, NULL);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* Only regular files of a dataset's size at most: a FIFO would block, a device never end. */
      document = g_new0 (Document, 1);
      contents = mba_regular_file_read (file, MBA_DATASET_MAX_BYTES, &length, &read_error);
      if (contents == NULL)
        document->problem = g_strdup (read_error->message);
      else if (!g_utf8_validate_len (contents, length, NULL))
        document->problem = g_strdup ("it is not UTF-8 text");
      else
        document->text = collapse_white_space (contents);
      g_hash_table_insert (documents, g_strdup (source->document), document);
    }
  if (document->text == NULL)
    {
      g_ptr_array_add (failures, g_strdup_printf ("%s: the document %s of source “%s” cannot be read in %s: %s",
                                                  path, source->document, source->id, documents_dir,
                                                  document->problem));
      return;
    }
  haystack = document->text;

  needle = collapse_white_space (text);
  if (strstr (haystack, needle) == NULL)
    g_ptr_array_add (failures, g_strdup_printf ("%s: not found verbatim in %s: “%s”",
                                                path, source->document, text));
  else
    (*n_verified)++;
}

/**
 * mba_dataset_verify_quotes:
 * @documents_dir: the folder holding the sources' documents
 * @n_verified: (out): how many quotes were found verbatim
 * @failures: (out) (transfer full): one message per quote that was not, with its JSON path
 *
 * Checks that every quote from an article (events, disputes, conflicts) is a verbatim substring of
 * its document, treating any run of white space as one space and loosening nothing else.
 *
 * Returns: %TRUE when every quote was found.
 */
gboolean
mba_dataset_verify_quotes (MbaDataset  *self,
                           const char  *documents_dir,
                           guint       *n_verified,
                           GPtrArray  **failures)
{
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, document_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  guint verified = 0;

  g_return_val_if_fail (MBA_IS_DATASET (self), FALSE);
  g_return_val_if_fail (documents_dir != NULL, FALSE);

  for (guint i = 0; i < self->n_events; i++)
    {
      const MbaEvent *event = &self->events[i];

      if (event->derived)
        continue;
      for (guint j = 0; j < event->n_quotes; j++)
        {
          g_autofree char *path = g_strdup_printf ("events[%d].quotes[%u]", event->file_index, j);
          verify_one (documents, documents_dir, event->quotes[j].source, event->quotes[j].text,
                      path, &verified, found);
        }
    }
  for (guint i = 0; i < self->n_disputes; i++)
    for (guint j = 0; j < self->disputes[i].n_claims; j++)
      {
        g_autofree char *path = g_strdup_printf ("disputes[%u].claims[%u]", i, j);
        verify_one (documents, documents_dir, self->disputes[i].claims[j].source,
                    self->disputes[i].claims[j].text, path, &verified, found);
      }
  for (guint i = 0; i < self->n_states; i++)
    for (guint j = 0; j < self->states[i].n_conflicts; j++)
      if (self->states[i].conflicts[j].quote != NULL)
        {
          g_autofree char *path = g_strdup_printf ("states[%u].armed_conflicts[%u].quote", i, j);
          verify_one (documents, documents_dir, self->states[i].conflicts[j].source,
                      self->states[i].conflicts[j].quote, path, &verified, found);
        }

  if (n_verified)
    *n_verified = verified;
  if (failures)
    *failures = g_ptr_array_ref (found);
  return found->len == 0;
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
