/* mba-event-filter.c: which events pass the timeline's filters, for the timeline and the slides
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mba-country-names.h"
#include "mba-event-filter.h"

struct _MbaEventFilter
{
  GObject      parent_instance;

  MbaDataset  *dataset;
  guint        hidden_kinds;
  char        *state_code;
  char        *search_text;    /* as typed, for the search entry; NULL when there is none */
  char       **search_words;   /* casefolded; NULL when there is no search */
  char       **haystacks;      /* per event, casefolded; built on the first search */
};

G_DEFINE_FINAL_TYPE (MbaEventFilter, mba_event_filter, G_TYPE_OBJECT)

/**
 * mba_event_filter_new:
 * @dataset: (nullable): the events to filter
 *
 * Returns: (transfer full): a filter that lets every event through
 */
MbaEventFilter *
mba_event_filter_new (MbaDataset *dataset)
{
  MbaEventFilter *self = g_object_new (MBA_TYPE_EVENT_FILTER, NULL);

  mba_event_filter_set_dataset (self, dataset);
  return self;
}

gboolean
mba_event_filter_set_dataset (MbaEventFilter *self,
                              MbaDataset     *dataset)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);
  g_return_val_if_fail (dataset == NULL || MBA_IS_DATASET (dataset), FALSE);

  if (!g_set_object (&self->dataset, dataset))
    return FALSE;
  g_clear_pointer (&self->haystacks, g_strfreev);
  return TRUE;
}

MbaDataset *
mba_event_filter_get_dataset (MbaEventFilter *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), NULL);
  return self->dataset;
}

/**
 * mba_event_filter_set_hidden_kinds:
 * @mask: bit (1 << kind) set for every #MbaEventKind to leave out
 */
gboolean
mba_event_filter_set_hidden_kinds (MbaEventFilter *self,
                                   guint           mask)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);

  if (self->hidden_kinds == mask)
    return FALSE;
  self->hidden_kinds = mask;
  return TRUE;
}

guint
mba_event_filter_get_hidden_kinds (MbaEventFilter *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), 0);
  return self->hidden_kinds;
}

/**
 * mba_event_filter_set_include_context:
 *
 * The timeline's "show context" switch: the same as the context kind's bit in the hidden kinds.
 */
gboolean
mba_event_filter_set_include_context (MbaEventFilter *self,
                                      gboolean        include)
{
  guint bit = 1u << MBA_EVENT_KIND_CONTEXT;

  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);
  return mba_event_filter_set_hidden_kinds (self, include ? self->hidden_kinds & ~bit
                                                          : self->hidden_kinds | bit);
}

/**
 * mba_event_filter_set_state_code:
 * @code: (nullable): a state's ISO code; only events involving it pass. %NULL or "" for all.
 */
gboolean
mba_event_filter_set_state_code (MbaEventFilter *self,
                                 const char     *code)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);

  if (code != NULL && *code == '\0')
    code = NULL;
  if (g_strcmp0 (self->state_code, code) == 0)
    return FALSE;
  g_free (self->state_code);
  self->state_code = g_strdup (code);
  return TRUE;
}

const char *
mba_event_filter_get_state_code (MbaEventFilter *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), NULL);
  return self->state_code;
}

/**
 * mba_event_filter_set_search_text:
 * @text: (nullable): words that must all appear in an event's title, summary, quotes or
 *   states (code, dataset name or name in the user's language), ignoring case
 *
 * The text is kept as given (see mba_event_filter_get_search_text()); the return value says
 * whether the words, and so the events that pass, changed.
 */
gboolean
mba_event_filter_set_search_text (MbaEventFilter *self,
                                  const char     *text)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) != 0)
    {
      g_free (self->search_text);
      self->search_text = g_strdup (text);
    }

  if (text != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *folded = g_utf8_casefold (text, -1);
      g_auto(GStrv) split = g_strsplit_set (folded, " \t\n", -1);

      for (guint i = 0; split[i] != NULL; i++)
        if (*split[i] != '\0')
          g_strv_builder_add (builder, split[i]);
      words = g_strv_builder_end (builder);
      if (words[0] == NULL)
        g_clear_pointer (&words, g_strfreev);
    }

  if (words == NULL && self->search_words == NULL)
    return FALSE;
  if (words != NULL && self->search_words != NULL &&
      g_strv_equal ((const char * const *) words, (const char * const *) self->search_words))
    return FALSE;
  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);
  return TRUE;
}

/**
 * mba_event_filter_get_search_text:
 *
 * Returns: (nullable): the search text as it was set, %NULL when there is none
 */
const char *
mba_event_filter_get_search_text (MbaEventFilter *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), NULL);
  return self->search_text;
}

gboolean
mba_event_filter_has_search (MbaEventFilter *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);
  return self->search_words != NULL;
}

/* What a search looks in, folded once per dataset rather than once per keystroke. */
static void
ensure_haystacks (MbaEventFilter *self)
{
  guint n;

  if (self->haystacks != NULL || self->dataset == NULL)
    return;

  n = mba_dataset_get_n_events (self->dataset);
  self->haystacks = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const MbaEvent *event = mba_dataset_get_event (self->dataset, i);
      g_autoptr(GString) s = g_string_new (event->title);

      g_string_append_c (s, '\n');
      g_string_append (s, event->summary);
      /* A state is found by its code, its name in the dataset and its name in the user's
       * language; an event also by the words of its quotes. */
      for (guint j = 0; j < event->n_states; j++)
        g_string_append_printf (s, "\n%s\n%s\n%s", event->states[j]->code, event->states[j]->name,
                                mba_country_name (event->states[j]->code, ""));
      for (guint j = 0; j < event->n_quotes; j++)
        g_string_append_printf (s, "\n%s", event->quotes[j].text);
      self->haystacks[i] = g_utf8_casefold (s->str, s->len);
    }
}

/**
 * mba_event_filter_matches:
 * @event: an event of the filter's dataset
 */
gboolean
mba_event_filter_matches (MbaEventFilter *self,
                          const MbaEvent *event)
{
  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (self->hidden_kinds & (1u << event->kind))
    return FALSE;

  if (self->state_code != NULL)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < event->n_states && !found; j++)
        found = g_strcmp0 (event->states[j]->code, self->state_code) == 0;
      if (!found)
        return FALSE;
    }

  if (self->search_words != NULL)
    {
      const char *haystack;

      ensure_haystacks (self);
      g_return_val_if_fail (self->haystacks != NULL &&
                            event->index < mba_dataset_get_n_events (self->dataset), FALSE);
      haystack = self->haystacks[event->index];
      for (guint w = 0; self->search_words[w] != NULL; w++)
        if (strstr (haystack, self->search_words[w]) == NULL)
          return FALSE;
    }
  return TRUE;
}

/**
 * mba_event_filter_list_events:
 *
 * The events that pass, in the dataset's date order (by first day, then last day, then id),
 * which is the timeline's order.
 *
 * Returns: (transfer container) (element-type MbaEvent): the events, owned by the dataset
 */
GPtrArray *
mba_event_filter_list_events (MbaEventFilter *self)
{
  GPtrArray *events;
  guint n;

  g_return_val_if_fail (MBA_IS_EVENT_FILTER (self), NULL);

  events = g_ptr_array_new ();
  if (self->dataset == NULL)
    return events;
  n = mba_dataset_get_n_events (self->dataset);
  for (guint i = 0; i < n; i++)
    {
      const MbaEvent *event = mba_dataset_get_event (self->dataset, i);

      if (mba_event_filter_matches (self, event))
        g_ptr_array_add (events, (gpointer) event);
    }
  return events;
}

static void
mba_event_filter_finalize (GObject *object)
{
  MbaEventFilter *self = (MbaEventFilter *) object;

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->state_code, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->haystacks, g_strfreev);

  G_OBJECT_CLASS (mba_event_filter_parent_class)->finalize (object);
}

static void
mba_event_filter_class_init (MbaEventFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_event_filter_finalize;
}

static void
mba_event_filter_init (MbaEventFilter *self)
{
}
