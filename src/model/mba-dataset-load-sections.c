/* mba-dataset-load-sections.c: the treaty, sources, states and disputes of a dataset file
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-dataset-private.h"
#include "mba-uri.h"

/* At most this many states in a story: it is about a few, the map labels every one. */
#define MAX_STORY_STATES 64

void
mba_loader_load_treaty (Loader *loader,
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
  json_t *object = mba_loader_get_member (loader, root, &(Member) { "treaty", JSON_OBJECT, TRUE });
  json_t *months;
  gsize old;

  if (object == NULL)
    return;
  old = mba_loader_push_key (loader, "treaty");
  mba_loader_check_members (loader, object, members, G_N_ELEMENTS (members));
  treaty->name = mba_loader_get_string (loader, object, "name", TRUE, FALSE);
  treaty->short_name = mba_loader_get_string (loader, object, "short_name", TRUE, FALSE);
  mba_loader_get_date (loader, object, "adopted", TRUE, FALSE, &treaty->adopted);
  mba_loader_get_date (loader, object, "opened", TRUE, FALSE, &treaty->opened);
  mba_loader_get_date (loader, object, "in_force", TRUE, FALSE, &treaty->in_force);
  months = mba_loader_get_member (loader, object, &members[5]);
  if (months != NULL)
    {
      json_int_t n = json_integer_value (months);

      if (n < 1 || n > 120)
        {
          /* Printed apart: xgettext cannot read a format string built with a macro. */
          g_autofree char *number = g_strdup_printf ("%" JSON_INTEGER_FORMAT, n);

          mba_loader_report_at (loader, "withdrawal_notice_months", MBA_DATASET_ERROR_VALUE,
                                _("%s is not between 1 and 120"), number);
        }
      else
        treaty->withdrawal_notice_months = n;
    }
  mba_loader_pop (loader, old);
}

void
mba_loader_load_sources (Loader *loader,
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
    { "title_kind", JSON_STRING, FALSE, TRUE },
    { "accessed", JSON_STRING, FALSE, TRUE },
  };
  MbaDataset *self = loader->dataset;
  json_t *array = mba_loader_get_member (loader, root, &(Member) { "sources", JSON_ARRAY, TRUE });
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "sources");
  if (json_array_size (array) == 0)
    mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("a dataset needs at least one source"));

  self->sources = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaSource));
  json_array_foreach (array, i, object)
    {
      MbaSource *source = &self->sources[self->n_sources];
      g_autofree char *url_problem = NULL;
      const char *layer;
      gsize old2 = mba_loader_push_index (loader, i);

      /* A refused entry leaves its slot to the next one: start it afresh, counts included. */
      *source = (MbaSource) { 0 };

      if (!mba_loader_check_object (loader, object, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      source->id = mba_loader_get_id (loader, object, "id", self->source_by_id, "source");
      layer = mba_loader_get_string (loader, object, "layer", TRUE, FALSE);
      if (g_strcmp0 (layer, "article") == 0)
        source->layer = MBA_SOURCE_LAYER_ARTICLE;
      else if (g_strcmp0 (layer, "record") == 0)
        source->layer = MBA_SOURCE_LAYER_RECORD;
      else if (layer != NULL)
        mba_loader_report_at (loader, "layer", MBA_DATASET_ERROR_VALUE, _("“%s” is not “article” or “record”"), layer);
      source->title = mba_loader_get_string (loader, object, "title", TRUE, FALSE);
      source->outlet = mba_loader_get_string (loader, object, "outlet", FALSE, TRUE);
      mba_loader_get_date (loader, object, "published", FALSE, TRUE, &source->published);
      source->url = mba_loader_get_string (loader, object, "url", FALSE, TRUE);
      source->document = mba_loader_get_string (loader, object, "document", FALSE, TRUE);
      source->note = mba_loader_get_string (loader, object, "note", FALSE, TRUE);
      mba_loader_get_date (loader, object, "accessed", FALSE, TRUE, &source->accessed);
      {
        const char *title_kind = mba_loader_get_string (loader, object, "title_kind", FALSE, TRUE);

        source->title_is_descriptive = g_strcmp0 (title_kind, "descriptive") == 0;
        if (title_kind != NULL && !source->title_is_descriptive && strcmp (title_kind, "headline") != 0)
          mba_loader_report_at (loader, "title_kind", MBA_DATASET_ERROR_VALUE,
                                _("“%s” is not “headline” or “descriptive”"), title_kind);
      }

      if (source->url != NULL && !mba_uri_check (source->url, &url_problem))
        {
          mba_loader_report_at (loader, "url", MBA_DATASET_ERROR_VALUE, "%s", url_problem);
          g_clear_pointer (&url_problem, g_free);
          source->url = NULL;
        }
      if (source->document != NULL &&
          (strchr (source->document, '/') != NULL || strcmp (source->document, "..") == 0))
        {
          mba_loader_report_at (loader, "document", MBA_DATASET_ERROR_VALUE, _("“%s” must be a file name, not a path"), source->document);
          source->document = NULL;
        }
      if (layer != NULL && source->layer == MBA_SOURCE_LAYER_RECORD && source->url == NULL &&
          json_object_get (object, "url") != NULL && json_is_null (json_object_get (object, "url")))
        mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("a record source needs a url"));
      else if (layer != NULL && source->layer == MBA_SOURCE_LAYER_RECORD &&
               json_object_get (object, "url") == NULL)
        mba_loader_report (loader, MBA_DATASET_ERROR_MISSING, _("a record source needs a url"));
      if (layer != NULL && source->layer == MBA_SOURCE_LAYER_ARTICLE &&
          json_object_get (object, "document") == NULL)
        mba_loader_report (loader, MBA_DATASET_ERROR_MISSING, _("an article source needs a document"));

      if (source->id != NULL)
        {
          source->index = self->n_sources++;
          g_hash_table_insert (self->source_by_id, (gpointer) source->id, source);
        }
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
}

static gboolean
code_is_valid (const char *code)
{
  return strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
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
  json_t *record = mba_loader_get_member (loader, object, &(Member) { "record", JSON_OBJECT, FALSE });
  json_t *status;
  gsize old;

  if (record == NULL)
    return;
  old = mba_loader_push_key (loader, "record");
  mba_loader_check_members (loader, record, members, G_N_ELEMENTS (members));
  status = mba_loader_get_member (loader, record, &members[0]);
  if (status != NULL)
    {
      gsize old2 = mba_loader_push_key (loader, "status");
      state->has_record = mba_loader_get_status (loader, status, &state->record_status);
      mba_loader_pop (loader, old2);
    }
  mba_loader_get_date (loader, record, "known_by", TRUE, FALSE, &state->record_known_by);
  state->record_source = mba_loader_get_source_ref (loader, record, "source", TRUE);
  state->record_note = mba_loader_get_string (loader, record, "note", FALSE, TRUE);
  if (!mba_date_is_set (&state->record_known_by) || state->record_source == NULL)
    state->has_record = FALSE;
  mba_loader_pop (loader, old);
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
  json_t *array = mba_loader_get_member (loader, object, &(Member) { "armed_conflicts", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "armed_conflicts");
  state->conflicts = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaConflict));
  json_array_foreach (array, i, item)
    {
      MbaConflict *conflict = &state->conflicts[state->n_conflicts];
      gsize old2 = mba_loader_push_index (loader, i);

      *conflict = (MbaConflict) { 0 };  /* a refused one before may have left its slot half filled */

      if (!mba_loader_check_object (loader, item, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      mba_loader_get_date (loader, item, "from", TRUE, FALSE, &conflict->from);
      mba_loader_get_date (loader, item, "to", FALSE, TRUE, &conflict->to);
      conflict->source = mba_loader_get_source_ref (loader, item, "source", TRUE);
      conflict->quote = mba_loader_get_string (loader, item, "quote", FALSE, TRUE);
      conflict->note = mba_loader_get_string (loader, item, "note", FALSE, TRUE);
      if (mba_date_is_set (&conflict->from) && mba_date_is_set (&conflict->to) &&
          mba_date_last_day (&conflict->to) < mba_date_first_day (&conflict->from))
        mba_loader_report (loader, MBA_DATASET_ERROR_DATE, _("the conflict ends before it starts"));
      if (mba_date_is_set (&conflict->from))
        state->n_conflicts++;
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
}

void
mba_loader_load_states (Loader *loader,
                        json_t *root)
{
  static const Member members[] = {
    { "code", JSON_STRING, TRUE },
    { "name", JSON_STRING, TRUE },
    { "record", JSON_OBJECT, FALSE },
    { "armed_conflicts", JSON_ARRAY, FALSE },
  };
  MbaDataset *self = loader->dataset;
  json_t *array = mba_loader_get_member (loader, root, &(Member) { "states", JSON_ARRAY, TRUE });
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "states");
  self->states = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaState));
  json_array_foreach (array, i, object)
    {
      MbaState *state = &self->states[self->n_states];
      gsize old2 = mba_loader_push_index (loader, i);

      /* A refused entry leaves its slot to the next one: start it afresh, counts included. */
      *state = (MbaState) { 0 };

      if (!mba_loader_check_object (loader, object, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      state->code = mba_loader_get_string (loader, object, "code", TRUE, FALSE);
      if (state->code != NULL)
        {
          gsize old3 = mba_loader_push_key (loader, "code");

          if (!code_is_valid (state->code))
            {
              mba_loader_report (loader, MBA_DATASET_ERROR_VALUE,
                                 _("“%s” is not an ISO 3166-1 alpha-3 code (three capital letters)"), state->code);
              state->code = NULL;
            }
          else if (g_hash_table_contains (self->state_by_code, state->code))
            {
              mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("state code “%s” is used twice"), state->code);
              state->code = NULL;
            }
          mba_loader_pop (loader, old3);
        }
      state->name = mba_loader_get_string (loader, object, "name", TRUE, FALSE);
      load_state_record (loader, object, state);
      load_state_conflicts (loader, object, state);

      if (state->code != NULL)
        {
          state->index = self->n_states++;
          g_hash_table_insert (self->state_by_code, (gpointer) state->code, state);
        }
      else
        memset (state, 0, sizeof *state);
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
}

void
mba_loader_load_disputes (Loader *loader,
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
  json_t *array = mba_loader_get_member (loader, root, &(Member) { "disputes", JSON_ARRAY, FALSE });
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  json_t *object;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "disputes");
  self->disputes = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaDispute));
  json_array_foreach (array, i, object)
    {
      MbaDispute *dispute = &self->disputes[self->n_disputes];
      json_t *claims, *events, *item;
      gsize j, old2 = mba_loader_push_index (loader, i);

      /* A refused entry leaves its slot to the next one: start it afresh, counts included. */
      *dispute = (MbaDispute) { 0 };

      if (!mba_loader_check_object (loader, object, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      dispute->id = mba_loader_get_id (loader, object, "id", seen_ids, "dispute");
      if (dispute->id != NULL)
        g_hash_table_add (seen_ids, (gpointer) dispute->id);
      dispute->topic = mba_loader_get_string (loader, object, "topic", TRUE, FALSE);
      dispute->note = mba_loader_get_string (loader, object, "note", FALSE, TRUE);

      claims = mba_loader_get_member (loader, object, &members[2]);
      if (claims != NULL)
        {
          gsize old3 = mba_loader_push_key (loader, "claims");

          if (json_array_size (claims) < 2)
            mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("a dispute needs at least two claims"));
          dispute->claims = mba_loader_alloc (loader, json_array_size (claims), sizeof (MbaClaim));
          json_array_foreach (claims, j, item)
            {
              MbaClaim *claim = &dispute->claims[dispute->n_claims];
              gsize old4 = mba_loader_push_index (loader, j);

              *claim = (MbaClaim) { 0 };  /* a refused one before may have left its slot half filled */

              if (mba_loader_check_object (loader, item, claim_members, G_N_ELEMENTS (claim_members)))
                {
                  claim->source = mba_loader_get_source_ref (loader, item, "source", TRUE);
                  claim->text = mba_loader_get_string (loader, item, "text", TRUE, FALSE);
                  claim->reading = mba_loader_get_string (loader, item, "reading", TRUE, FALSE);
                  if (claim->source && claim->text && claim->reading)
                    dispute->n_claims++;
                }
              mba_loader_pop (loader, old4);
            }
          mba_loader_pop (loader, old3);
        }

      events = mba_loader_get_member (loader, object, &members[3]);
      if (events != NULL)
        {
          gsize old3 = mba_loader_push_key (loader, "events");

          dispute->events = mba_loader_alloc (loader, json_array_size (events), sizeof (MbaEvent *));
          json_array_foreach (events, j, item)
            {
              gsize old4 = mba_loader_push_index (loader, j);
              const MbaEvent *event = NULL;

              if (!json_is_string (item))
                mba_loader_report (loader, MBA_DATASET_ERROR_TYPE, _("must be a string, not %s"),
                                   mba_loader_type_name (json_typeof (item)));
              else if ((event = g_hash_table_lookup (self->event_by_id, json_string_value (item))) == NULL &&
                       g_hash_table_size (self->event_by_id) > 0)
                mba_loader_report (loader, MBA_DATASET_ERROR_REFERENCE, _("no event has the id “%s”"),
                                   json_string_value (item));
              if (event != NULL)
                dispute->events[dispute->n_events++] = event;
              mba_loader_pop (loader, old4);
            }
          mba_loader_pop (loader, old3);
        }

      if (dispute->id != NULL)
        dispute->index = self->n_disputes++;
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
}

/* The optional story: a title, a period and the states it is about. Read after the states. */
void
mba_loader_load_story (Loader *loader,
                       json_t *root)
{
  static const Member members[] = {
    { "title", JSON_STRING, TRUE },
    { "from", JSON_STRING, TRUE },
    { "to", JSON_STRING, TRUE },
    { "states", JSON_ARRAY, TRUE },
  };
  MbaDataset *self = loader->dataset;
  MbaStory *story = &self->story;
  json_t *object = mba_loader_get_member (loader, root, &(Member) { "story", JSON_OBJECT, FALSE });
  json_t *states, *item;
  gboolean from_ok, to_ok;
  guint n_before = mba_loader_n_problems (loader);
  gsize i, old;

  if (object == NULL)
    return;
  old = mba_loader_push_key (loader, "story");
  mba_loader_check_members (loader, object, members, G_N_ELEMENTS (members));
  story->title = mba_loader_get_string (loader, object, "title", TRUE, FALSE);
  from_ok = mba_loader_get_date (loader, object, "from", TRUE, FALSE, &story->from);
  to_ok = mba_loader_get_date (loader, object, "to", TRUE, FALSE, &story->to);
  if (from_ok && to_ok)
    {
      story->first_day = mba_date_first_day (&story->from);
      story->last_day = mba_date_last_day (&story->to);
      if (story->last_day < story->first_day)
        {
          g_autofree char *from = mba_date_to_iso (&story->from);
          g_autofree char *to = mba_date_to_iso (&story->to);

          mba_loader_report_at (loader, "to", MBA_DATASET_ERROR_DATE, _("the end %s is before the start %s"), to, from);
        }
    }

  states = mba_loader_get_member (loader, object, &members[3]);
  if (states != NULL)
    {
      gsize old2 = mba_loader_push_key (loader, "states");

      if (json_array_size (states) == 0)
        mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("a story needs at least one state"));
      else if (json_array_size (states) > MAX_STORY_STATES)
        mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("a story names at most %d states, not %zu"),
                           MAX_STORY_STATES, json_array_size (states));
      else
        {
          story->states = mba_loader_alloc (loader, json_array_size (states), sizeof (MbaState *));
          json_array_foreach (states, i, item)
            {
              gsize old3 = mba_loader_push_index (loader, i);
              const MbaState *state = mba_loader_get_state_ref (loader, item);
              gboolean repeated = FALSE;

              for (guint j = 0; state != NULL && j < story->n_states; j++)
                repeated |= story->states[j] == state;
              if (repeated)
                mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("the story names “%s” twice"),
                                   state->code);
              else if (state != NULL)
                story->states[story->n_states++] = state;
              mba_loader_pop (loader, old3);
            }
        }
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
  self->has_story = mba_loader_n_problems (loader) == n_before;
}
