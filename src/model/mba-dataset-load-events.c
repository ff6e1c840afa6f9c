/* mba-dataset-load-events.c: a dataset file's events, and those Article 20 adds
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-country-names.h"
#include "mba-dataset-private.h"

static void
load_event_quotes (Loader   *loader,
                   json_t   *object,
                   MbaEvent *event)
{
  static const Member members[] = {
    { "source", JSON_STRING, TRUE },
    { "text", JSON_STRING, TRUE },
    { "at", JSON_INTEGER, FALSE },
  };
  json_t *array = mba_loader_get_member (loader, object, &(Member) { "quotes", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "quotes");
  event->quotes = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaQuote));
  json_array_foreach (array, i, item)
    {
      MbaQuote *quote = &event->quotes[event->n_quotes];
      gsize old2 = mba_loader_push_index (loader, i);

      /* A refused entry leaves its slot to the next one: start it afresh. */
      *quote = (MbaQuote) { 0 };

      if (!mba_loader_check_object (loader, item, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      quote->source = mba_loader_get_source_ref (loader, item, "source", TRUE);
      quote->text = mba_loader_get_string (loader, item, "text", TRUE, FALSE);
      {
        json_t *at = mba_loader_get_member (loader, item, &members[2]);

        if (at != NULL && json_integer_value (at) < 1)
          mba_loader_report_at (loader, "at", MBA_DATASET_ERROR_VALUE,
                                _("a quote's position counts characters from 1"));
        else if (at != NULL)
          quote->at = json_integer_value (at);
      }
      if (quote->source != NULL && quote->source->layer != MBA_SOURCE_LAYER_ARTICLE)
        mba_loader_report_at (loader, "source", MBA_DATASET_ERROR_REFERENCE,
                              _("“%s” is a record source: cite it under “citations”, quotes come from articles"),
                              quote->source->id);
      else if (quote->source != NULL && quote->text != NULL)
        event->n_quotes++;
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
}

static void
load_event_citations (Loader   *loader,
                      json_t   *object,
                      MbaEvent *event)
{
  static const Member members[] = {
    { "source", JSON_STRING, TRUE },
    { "note", JSON_STRING, FALSE, TRUE },
    { "internal_note", JSON_STRING, FALSE, TRUE },
  };
  json_t *array = mba_loader_get_member (loader, object, &(Member) { "citations", JSON_ARRAY, FALSE });
  json_t *item;
  gsize i, old;

  if (array == NULL)
    return;
  old = mba_loader_push_key (loader, "citations");
  event->citations = mba_loader_alloc (loader, json_array_size (array), sizeof (MbaCitation));
  json_array_foreach (array, i, item)
    {
      MbaCitation *citation = &event->citations[event->n_citations];
      gsize old2 = mba_loader_push_index (loader, i);

      /* A refused entry leaves its slot to the next one: start it afresh. */
      *citation = (MbaCitation) { 0 };

      if (!mba_loader_check_object (loader, item, members, G_N_ELEMENTS (members)))
        {
          mba_loader_pop (loader, old2);
          continue;
        }
      citation->source = mba_loader_get_source_ref (loader, item, "source", TRUE);
      citation->note = mba_loader_get_string (loader, item, "note", FALSE, TRUE);
      /* Read for its checks only: the authors' working note is never shown. */
      mba_loader_get_string (loader, item, "internal_note", FALSE, TRUE);
      if (citation->source != NULL && citation->source->layer != MBA_SOURCE_LAYER_RECORD)
        mba_loader_report_at (loader, "source", MBA_DATASET_ERROR_REFERENCE,
                              _("“%s” is an article: back the event with a quote under “quotes”"),
                              citation->source->id);
      else if (citation->source != NULL)
        event->n_citations++;
      mba_loader_pop (loader, old2);
    }
  mba_loader_pop (loader, old);
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
    { "internal_note", JSON_STRING, FALSE, TRUE },
  };
  guint problems_before = mba_loader_n_problems (loader);
  const char *kind;
  json_t *states, *status;

  if (!mba_loader_check_object (loader, object, members, G_N_ELEMENTS (members)))
    return FALSE;

  event->id = mba_loader_get_id (loader, object, "id", NULL, "event");
  mba_loader_get_date (loader, object, "date", TRUE, FALSE, &event->date);
  mba_loader_get_date (loader, object, "end", FALSE, TRUE, &event->end);
  if (mba_date_is_set (&event->date) && mba_date_is_set (&event->end) &&
      mba_date_last_day (&event->end) < mba_date_first_day (&event->date))
    {
      g_autofree char *end = mba_date_to_iso (&event->end);
      g_autofree char *start = mba_date_to_iso (&event->date);

      mba_loader_report_at (loader, "end", MBA_DATASET_ERROR_DATE, _("the end %s is before the date %s"), end, start);
    }
  event->date_basis = mba_loader_get_string (loader, object, "date_basis", TRUE, FALSE);
  mba_loader_get_string (loader, object, "internal_note", FALSE, TRUE);
  kind = mba_loader_get_string (loader, object, "kind", TRUE, FALSE);
  if (kind != NULL && !mba_event_kind_from_string (kind, &event->kind))
    mba_loader_report_at (loader, "kind", MBA_DATASET_ERROR_VALUE, _("“%s” is not an event kind"), kind);
  event->title = mba_loader_get_string (loader, object, "title", TRUE, FALSE);
  event->summary = mba_loader_get_string (loader, object, "summary", TRUE, FALSE);

  states = mba_loader_get_member (loader, object, &members[7]);
  if (states != NULL)
    {
      gsize old = mba_loader_push_key (loader, "states");
      json_t *code;
      gsize i;

      event->states = mba_loader_alloc (loader, json_array_size (states), sizeof (MbaState *));
      json_array_foreach (states, i, code)
        {
          gsize old2 = mba_loader_push_index (loader, i);
          const MbaState *state = mba_loader_get_state_ref (loader, code);

          for (guint j = 0; state != NULL && j < event->n_states; j++)
            if (event->states[j] == state)
              {
                mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("“%s” is listed twice"), state->code);
                state = NULL;
              }
          if (state != NULL)
            event->states[event->n_states++] = state;
          mba_loader_pop (loader, old2);
        }
      mba_loader_pop (loader, old);
    }

  status = mba_loader_get_member (loader, object, &members[8]);
  if (status != NULL)
    {
      gsize old = mba_loader_push_key (loader, "status");
      const char *code;
      json_t *value;

      event->settings = mba_loader_alloc (loader, json_object_size (status), sizeof (MbaStatusSetting));
      json_object_foreach (status, code, value)
        {
          gsize old2 = mba_loader_push_key (loader, code);
          const MbaState *state = g_hash_table_lookup (loader->dataset->state_by_code, code);
          MbaStatus s;
          gboolean involved = FALSE;

          for (guint j = 0; state != NULL && j < event->n_states; j++)
            involved |= event->states[j] == state;

          if (state == NULL)
            mba_loader_report (loader, MBA_DATASET_ERROR_REFERENCE, _("no state has the code “%s”"), code);
          else if (!involved)
            mba_loader_report (loader, MBA_DATASET_ERROR_REFERENCE,
                               _("“%s” is not among the event's states, so the event cannot set its status"), code);
          else if (mba_loader_get_status (loader, value, &s))
            {
              event->settings[event->n_settings].state = state;
              event->settings[event->n_settings].status = s;
              event->n_settings++;
            }
          mba_loader_pop (loader, old2);
        }
      mba_loader_pop (loader, old);
    }

  load_event_quotes (loader, object, event);
  load_event_citations (loader, object, event);
  if (json_object_get (object, "quotes") == NULL && json_object_get (object, "citations") == NULL)
    mba_loader_report (loader, MBA_DATASET_ERROR_MISSING,
                       _("an event needs “quotes” (from the articles) or “citations” (from the treaty record)"));
  else if (mba_loader_n_problems (loader) == problems_before && event->n_quotes + event->n_citations == 0)
    mba_loader_report (loader, MBA_DATASET_ERROR_VALUE, _("an event needs at least one quote or citation"));

  return mba_loader_n_problems (loader) == problems_before;
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
          gsize old = mba_loader_push_key (loader, "events");
          g_autofree char *deposit_iso = mba_date_to_iso (&deposit->date);

          mba_loader_push_index (loader, deposit->file_index);
          mba_loader_push_key (loader, "date");
          mba_loader_report (loader, MBA_DATASET_ERROR_DATE,
                  _("the withdrawal of %s deposited on %s would take effect after 9999-12-31, "
                    "the last date a dataset can hold"),
                  mba_country_name (state->code, state->name), deposit_iso);
          mba_loader_pop (loader, old);
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
        derived.id = mba_loader_intern (loader, id);
      }
      derived.kind = MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE;
      derived.date_basis = mba_loader_intern (loader, basis);
      /* The app writes these words, so they are in the user's language, country names too. */
      {
        g_autofree char *title = g_strdup_printf (_("Withdrawal of %s takes effect"),
                                                  mba_country_name (state->code, state->name));
        g_autofree char *summary = g_strdup_printf (_("%s is no longer bound by the treaty from %s."),
                                                    mba_country_name (state->code, state->name),
                                                    effect_text);
        derived.title = mba_loader_intern (loader, title);
        derived.summary = mba_loader_intern (loader, summary);
      }
      derived.states = mba_loader_alloc (loader, 1, sizeof (MbaState *));
      derived.states[0] = state;
      derived.n_states = 1;
      setting = mba_loader_alloc (loader, 1, sizeof (MbaStatusSetting));
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

/* Whether @state is engaged in an armed conflict on any day from @from to @to. */
static gboolean
state_in_conflict_between (const MbaState *state,
                           gint32          from,
                           gint32          to)
{
  for (guint i = 0; i < state->n_conflicts; i++)
    {
      const MbaConflict *conflict = &state->conflicts[i];
      gint32 start = mba_date_first_day (&conflict->from);
      gint32 end = mba_date_is_set (&conflict->to) ? mba_date_last_day (&conflict->to) : G_MAXINT32;

      if (start <= to && from <= end)
        return TRUE;
    }
  return FALSE;
}

static gboolean
state_has_deposit (const MbaState *state,
                   const GArray   *events)
{
  for (guint i = 0; i < events->len; i++)
    {
      const MbaEvent *event = &g_array_index (events, MbaEvent, i);

      if (event->kind != MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED)
        continue;
      for (guint j = 0; j < event->n_settings; j++)
        if (event->settings[j].state == state)
          return TRUE;
    }
  return FALSE;
}

/* The mirror of derive_withdrawal(): where a source gives only the day a withdrawal took
 * effect and the file has no deposit for that state, Article 20(2) puts the deposit the set
 * number of months before. Nothing is derived when the day is ambiguous (an effect on 28
 * February follows a deposit on any of 28 to 31 August) or when the state was engaged in an
 * armed conflict in between, since Article 20(3) may then have delayed the effect. */
static void
derive_deposit (Loader         *loader,
                const MbaEvent *effective,
                const GArray   *file_events,
                GArray         *events)
{
  MbaDataset *self = loader->dataset;
  guint months = self->treaty.withdrawal_notice_months;
  guint n_withdrawn = 0;

  if (months == 0 || effective->kind != MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE ||
      effective->date.is_interval || effective->date.start.precision != MBA_DATE_PRECISION_DAY ||
      effective->date.start.qualifiers != 0)
    return;
  for (guint i = 0; i < effective->n_settings; i++)
    n_withdrawn += effective->settings[i].status == MBA_STATUS_WITHDRAWN;

  for (guint i = 0; i < effective->n_settings; i++)
    {
      const MbaState *state = effective->settings[i].state;
      const char *name = mba_country_name (state->code, state->name);
      g_autofree char *effect_text = NULL, *deposit_text = NULL, *basis = NULL;
      g_autofree char *title = NULL, *summary = NULL, *id = NULL;
      gint32 effect_day = effective->first_day, deposit_day, next_effect;
      MbaEvent derived = { 0 };
      MbaStatusSetting *setting;

      if (effective->settings[i].status != MBA_STATUS_WITHDRAWN || state_has_deposit (state, file_events))
        continue;
      if (!mba_day_add_months_checked (effect_day, -(int) months, &deposit_day) ||
          state_in_conflict_between (state, deposit_day, effect_day))
        continue;
      /* The next day must lead to a later effect, or the deposit day is not the only one. */
      if (deposit_day < MBA_DAY_LAST &&
          mba_day_add_months_checked (deposit_day + 1, months, &next_effect) && next_effect == effect_day)
        continue;

      effect_text = mba_day_format (effect_day);
      deposit_text = mba_day_format (deposit_day);
      basis = g_strdup_printf (ngettext ("Worked out by the app from Article 20(2): the withdrawal took "
                                         "effect on %s, %u month after its deposit; no source gives the "
                                         "day of the deposit itself",
                                         "Worked out by the app from Article 20(2): the withdrawal took "
                                         "effect on %s, %u months after its deposit; no source gives the "
                                         "day of the deposit itself", months),
                               effect_text, months);
      title = g_strdup_printf (_("%s deposits its withdrawal (worked out)"), name);
      summary = g_strdup_printf (_("%s notifies the UN of its withdrawal on %s, by the treaty’s "
                                   "notice period counted back from the day it took effect."),
                                 name, deposit_text);
      if (n_withdrawn > 1)
        {
          g_autofree char *code = g_ascii_strdown (state->code, -1);
          id = g_strdup_printf ("%s-deposit-%s", effective->id, code);
        }
      else
        id = g_strdup_printf ("%s-deposit", effective->id);

      set_point_from_day (&derived.date.start, deposit_day);
      derived.first_day = derived.last_day = deposit_day;
      derived.id = mba_loader_intern (loader, id);
      derived.kind = MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED;
      derived.date_basis = mba_loader_intern (loader, basis);
      derived.title = mba_loader_intern (loader, title);
      derived.summary = mba_loader_intern (loader, summary);
      derived.states = mba_loader_alloc (loader, 1, sizeof (MbaState *));
      derived.states[0] = state;
      derived.n_states = 1;
      setting = mba_loader_alloc (loader, 1, sizeof (MbaStatusSetting));
      setting->state = state;
      setting->status = MBA_STATUS_WITHDRAWAL_IN_PROGRESS;
      derived.settings = setting;
      derived.n_settings = 1;
      derived.quotes = effective->quotes;
      derived.n_quotes = effective->n_quotes;
      derived.citations = effective->citations;
      derived.n_citations = effective->n_citations;
      derived.derived = TRUE;
      derived.file_index = -1;
      g_array_append_val (events, derived);
    }
}

/**
 * mba_loader_load_event:
 * @file_index: the event's position in the file's events array
 * @event: filled in
 *
 * Returns: whether the event loaded without a problem
 */
gboolean
mba_loader_load_event (Loader   *loader,
                       json_t   *object,
                       gsize     file_index,
                       MbaEvent *event)
{
  gsize old = mba_loader_push_index (loader, file_index);
  gboolean ok;

  memset (event, 0, sizeof *event);
  ok = load_event (loader, object, event);
  if (ok)
    {
      event->file_index = file_index;
      event->first_day = mba_date_first_day (&event->date);
      event->last_day = mba_date_is_set (&event->end) ? mba_date_last_day (&event->end)
                                                      : mba_date_last_day (&event->date);
    }
  mba_loader_pop (loader, old);
  return ok;
}

/* Returns FALSE when a slice of the file is not valid JSON, with sliced->failure saying where. */
gboolean
mba_loader_load_events (Loader            *loader,
                        json_t            *root,
                        const EventSlices *sliced)
{
  MbaDataset *self = loader->dataset;
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) derived = NULL;
  json_t *array = mba_loader_get_member (loader, root, &(Member) { "events", JSON_ARRAY, TRUE });
  gsize old;

  /* With slices the skeleton's events array is empty, but it is there. */
  if (array == NULL)
    return TRUE;
  events = g_array_sized_new (FALSE, FALSE, sizeof (MbaEvent),
                              (sliced ? sliced->n : json_array_size (array)) + 16);

  old = mba_loader_push_key (loader, "events");
  if (sliced != NULL)
    {
      /* Large files: their events are parsed here, a few threads at once. */
      if (!mba_dataset_parallel_load_events (loader, sliced, events))
        {
          mba_loader_pop (loader, old);
          return FALSE;
        }
    }
  else
    {
      for (gsize i = 0; i < json_array_size (array); i++)
        {
          MbaEvent event;

          if (g_cancellable_is_cancelled (loader->cancellable))
            break;
          if (mba_loader_load_event (loader, json_array_get (array, i), i, &event))
            g_array_append_val (events, event);
        }
    }
  if (g_cancellable_is_cancelled (loader->cancellable))
    {
      mba_loader_pop (loader, old);
      return TRUE;
    }

  for (guint j = 0; j < events->len; j++)
    {
      const MbaEvent *event = &g_array_index (events, MbaEvent, j);

      if (event->id == NULL)
        continue;
      if (g_hash_table_contains (seen_ids, event->id))
        {
          gsize old2 = mba_loader_push_index (loader, event->file_index);
          mba_loader_push_key (loader, "id");
          mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID, _("event id “%s” is used twice"), event->id);
          mba_loader_pop (loader, old2);
        }
      else
        g_hash_table_insert (seen_ids, (gpointer) event->id, GINT_TO_POINTER (event->file_index + 1));
    }
  mba_loader_pop (loader, old);

  if (mba_loader_n_problems (loader) > 0)
    return TRUE;

  /* Derived events are collected apart and appended after: appending to @events while a
   * deposit points into it would move the deposit under its reader. */
  derived = g_array_new (FALSE, FALSE, sizeof (MbaEvent));
  for (guint j = 0; j < events->len; j++)
    {
      derive_withdrawal (loader, &g_array_index (events, MbaEvent, j), derived);
      derive_deposit (loader, &g_array_index (events, MbaEvent, j), events, derived);
    }
  for (guint j = 0; j < derived->len; j++)
    {
      /* An event typed in with a derived event's id would hide one of them from lookups. */
      const char *id = g_array_index (derived, MbaEvent, j).id;
      int position = GPOINTER_TO_INT (g_hash_table_lookup (seen_ids, id)) - 1;

      if (position >= 0)
        {
          gsize old2 = mba_loader_push_key (loader, "events");

          mba_loader_push_index (loader, position);
          mba_loader_push_key (loader, "id");
          mba_loader_report (loader, MBA_DATASET_ERROR_DUPLICATE_ID,
                             _("event id “%s” is the one the app gives to the date a withdrawal takes "
                               "effect, worked out from its deposit; choose another id"), id);
          mba_loader_pop (loader, old2);
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
