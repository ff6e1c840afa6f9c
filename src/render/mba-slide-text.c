/* mba-slide-text.c: what a slide says, in words: its states, its text, its source, and the
 * whole step for screen readers
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mba-bidi.h"
#include "mba-map-summary.h"
#include "mba-slide-private.h"
#include "mba-source-format.h"
#include "mba-text.h"

/* ------------------------------------------------------------------------------------------ */
/* Text                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_slide_format_source:
 *
 * The attribution under a quote: "— " and the source's citation (mba_source_format_citation()):
 * "— Outlet, “Headline”, 9 June 2025", leaving out what the source does not give.
 *
 * Returns: (transfer full): the text, not markup
 */
char *
mba_slide_format_source (const MbaSource *source)
{
  g_autofree char *citation = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  citation = mba_source_format_citation (source);
  return g_strconcat ("— ", citation, NULL);
}

char *
_mba_slide_format_states (const MbaEvent *event)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = MIN (event->n_states, MBA_SLIDE_MAX_STATE_NAMES);

  if (event->n_states == 0)
    return NULL;
  /* "and 1 more" would be longer than the name it stands for. */
  if (event->n_states == MBA_SLIDE_MAX_STATE_NAMES + 1)
    n = event->n_states;
  /* Each name isolated: one with right-to-left text cannot reorder the list. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = mba_text_bound (mba_state_get_display_name (event->states[i]), 100);

      g_ptr_array_add (names, mba_bidi_isolate (name));
    }
  if (n < event->n_states)
    {
      g_autofree char *first = NULL;

      g_ptr_array_add (names, NULL);
      first = g_strjoinv (", ", (char **) names->pdata);
      /* Translators: a long list of states cut short, e.g. "Estonia, Finland, Latvia, Lithuania
       * and 3 more" */
      return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more",
                                        event->n_states - MBA_SLIDE_MAX_STATE_NAMES),
                              first, event->n_states - MBA_SLIDE_MAX_STATE_NAMES);
    }
  return mba_join_names ((const char **) names->pdata, n);
}

/* The text under the title: the first quote, else the summary. */
char *
_mba_slide_format_text (const MbaEvent *event,
             gboolean       *is_quote)
{
  g_autoptr(GString) nested = NULL;
  g_autofree char *bounded = NULL, *isolated = NULL;

  *is_quote = event->n_quotes > 0;
  if (!*is_quote)
    return mba_text_bound (event->summary, MBA_TEXT_MAX_BODY_CHARS);
  /* A quote within the quote takes single marks, as in print, so that none reads ““. */
  bounded = mba_text_bound (event->quotes[0].text, MBA_TEXT_MAX_BODY_CHARS);
  nested = g_string_new (bounded);
  g_string_replace (nested, "“", "‘", 0);
  g_string_replace (nested, "”", "’", 0);
  isolated = mba_bidi_isolate (nested->str);
  /* Translators: a quote from an article, in quotation marks */
  return g_strdup_printf (_("“%s”"), isolated);
}

/* Where the text comes from: the quote's article, or the event's first citation; the treaty
 * record's sources are named as such, with their site's name (@link_text), a link to their
 * address (@link): a long, percent-encoded address would fill the slide. */
char *
_mba_slide_format_source (const MbaEvent  *event,
               const char     **link,
               char           **link_text)
{
  const MbaSource *source;
  g_autofree char *host = NULL;

  *link = NULL;
  *link_text = NULL;
  if (event->n_quotes > 0)
    return mba_slide_format_source (event->quotes[0].source);
  if (event->n_citations == 0)
    return NULL;
  source = event->citations[0].source;
  if (source->layer != MBA_SOURCE_LAYER_RECORD)
    return mba_slide_format_source (source);

  host = mba_source_format_host (source);
  if (host != NULL)
    {
      g_autofree char *citation = mba_source_format_citation (source);

      /* The site on a line of its own: a link in the handout. */
      *link = source->url;
      *link_text = g_strdup (host);
      return g_strdup_printf ("%s\n%s", citation, host);
    }
  return mba_source_format_citation (source);
}

/**
 * mba_slide_describe:
 *
 * The step in words, for screen readers: progress, date, title, quote and source.
 *
 * Returns: (transfer full): plain text
 */
char *
mba_slide_describe (const MbaSlideParams *params)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *date = NULL, *text = NULL, *source = NULL, *states = NULL, *title = NULL;
  g_autofree char *bounded = NULL;
  const char *link;
  g_autofree char *link_text = NULL;
  gboolean is_quote;

  g_return_val_if_fail (params != NULL, NULL);

  if (params->blank)
    return g_strdup (_("Blank screen"));
  if (params->event == NULL && params->title_slide && params->dataset != NULL &&
      mba_dataset_get_story (params->dataset) != NULL)
    {
      const MbaStory *story = mba_dataset_get_story (params->dataset);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *from = mba_date_format (&story->from), *to = mba_date_format (&story->to);
      g_autofree char *list = NULL;

      for (guint i = 0; i < story->n_states; i++)
        g_ptr_array_add (names, mba_bidi_isolate (mba_state_get_display_name (story->states[i])));
      list = mba_join_names ((const char **) names->pdata, names->len);
      bounded = mba_text_bound (story->title, MBA_TEXT_MAX_TITLE_CHARS);
      title = mba_bidi_isolate (bounded);
      g_string_append_printf (s, _("Step %u of %u."), params->position + 1, params->n_steps);
      g_string_append_printf (s, " %s. ", title);
      /* Translators: a story's period on its title slide, e.g. "18 March 2025 – 20 February 2026" */
      g_string_append_printf (s, _("%s – %s"), from, to);
      g_string_append_printf (s, ". %s.", list);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  if (params->event == NULL)
    return g_strdup (_("No events match the timeline’s filters"));

  date = mba_date_format (&params->event->date);
  text = _mba_slide_format_text (params->event, &is_quote);
  source = _mba_slide_format_source (params->event, &link, &link_text);
  states = _mba_slide_format_states (params->event);
  /* Translators: read out by screen readers in the presentation, e.g. "Step 3 of 20." */
  g_string_append_printf (s, _("Step %u of %u."), params->position + 1, params->n_steps);
  bounded = mba_text_bound (params->event->title, MBA_TEXT_MAX_TITLE_CHARS);
  title = mba_bidi_isolate (bounded);
  g_string_append_printf (s, " %s. %s. %s.", date, title, mba_event_kind_get_label (params->event->kind));
  if (states != NULL)
    g_string_append_printf (s, " %s.", states);
  g_string_append_printf (s, " %s", text);
  if (source != NULL)
    g_string_append_printf (s, " %s", source);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
