/* mba-source-format.c: one way to name a source for people, in three lengths
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quote panel, the slides, the export caption and the exports' metadata all name sources
 * through these functions, so that a source reads the same everywhere. The data's words are
 * wrapped in directional isolates (mba_bidi_isolate()): a title with an unclosed U+202E, or in
 * Arabic, cannot reorder the words around it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-bidi.h"
#include "mba-source-format.h"

/* At most @max characters, cut at a space where one is near, with "…"; the cost of what the
 * data holds stays bounded (a title may be 64 KB of one word). */
static char *
cut_text (const char *text,
          guint       max)
{
  const char *end = text, *space;
  g_autofree char *cut = NULL;

  for (guint i = 0; i < max && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, end);
  cut = g_strndup (text, end - text);
  space = strrchr (cut, ' ');
  if (space != NULL && g_utf8_strlen (cut, space - cut) > (glong) max / 2)
    cut[space - cut] = '\0';
  g_strchomp (cut);
  return g_strconcat (cut, "…", NULL);
}

/* Data, cut and isolated, ready to be put in a sentence. */
static char *
isolate_cut (const char *text,
             guint       max)
{
  g_autofree char *cut = cut_text (text, max);

  return mba_bidi_isolate (cut);
}

/* ", 9 June 2025", or nothing when the date is unknown. */
static void
append_date (GString         *text,
             const MbaSource *source)
{
  if (mba_date_is_set (&source->published))
    {
      g_autofree char *date = mba_date_format (&source->published);

      g_string_append_printf (text, ", %s", date);
    }
}

/**
 * mba_source_format_citation:
 *
 * The source as a reader cites it: "Reuters, “Headline”, 9 June 2025" for an article,
 * "Treaty record: Title, 3 December 1997" for the treaty record, leaving out what is unknown;
 * a title or outlet over %MBA_SOURCE_CITATION_MAX characters is cut with "…".
 *
 * Returns: (transfer full): plain text, not markup
 */
char *
mba_source_format_citation (const MbaSource *source)
{
  g_autofree char *title = NULL;
  GString *text;

  g_return_val_if_fail (source != NULL, NULL);

  title = isolate_cut (source->title, MBA_SOURCE_CITATION_MAX);
  text = g_string_new (NULL);
  if (source->layer == MBA_SOURCE_LAYER_RECORD)
    {
      g_autofree char *host = mba_source_format_host (source);

      /* Translators: how a source from the treaty record is named, e.g. "Treaty record: ICBL factsheet" */
      g_string_append_printf (text, _("Treaty record: %s"), title);
      if (host != NULL)
        g_string_append_printf (text, ", %s", host);
    }
  else
    {
      if (source->outlet != NULL)
        {
          g_autofree char *outlet = isolate_cut (source->outlet, MBA_SOURCE_CITATION_MAX);

          g_string_append_printf (text, "%s, ", outlet);
        }
      if (source->title_is_descriptive && source->outlet != NULL)
        /* Translators: an article with no headline, after its outlet, cited with the title the
         * dataset's authors gave it: "Reuters, untitled article [our title: “…”]" */
        g_string_append_printf (text, _("untitled article [our title: “%s”]"), title);
      else if (source->title_is_descriptive)
        /* Translators: an article with no headline, cited with the title the dataset's authors gave it */
        g_string_append_printf (text, _("Untitled article [our title: “%s”]"), title);
      else
        /* Translators: a headline in quotation marks */
        g_string_append_printf (text, _("“%s”"), title);
    }
  append_date (text, source);
  if (source->layer == MBA_SOURCE_LAYER_RECORD && mba_date_is_set (&source->accessed))
    {
      g_autofree char *read = mba_date_format (&source->accessed);

      /* Translators: the day a web page was read, e.g. ", read 23 November 2026" */
      g_string_append_printf (text, _(", read %s"), read);
    }
  return g_string_free (text, FALSE);
}

/**
 * mba_source_format_host:
 *
 * Returns: (transfer full) (nullable): the host of the source's address as people write it,
 *   without "www." (internationalised hosts in their ASCII form), or %NULL when it has none
 */
char *
mba_source_format_host (const MbaSource *source)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;
  char *ascii, *lower;

  g_return_val_if_fail (source != NULL, NULL);

  if (source->url == NULL)
    return NULL;
  uri = g_uri_parse (source->url, G_URI_FLAGS_NONE, NULL);
  host = uri ? g_uri_get_host (uri) : NULL;
  if (host == NULL || *host == '\0')
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  /* Internationalised hosts stay in their ASCII (punycode) form: a caption cannot warn about a
   * look-alike, so it does not show one. */
  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL)
    return NULL;
  lower = g_ascii_strdown (ascii, -1);
  g_free (ascii);
  return lower;
}


/**
 * mba_source_format_short:
 *
 * The source in a few words, for a caption under a picture: "Reuters: “Headline”" for an
 * article, "hrw.org: “Title”" for a record with an address (never the address itself, which
 * may be long and percent-encoded), the title alone otherwise; titles longer than
 * %MBA_SOURCE_SHORT_TITLE_MAX characters end in "…".
 *
 * Returns: (transfer full): plain text, not markup
 */
char *
mba_source_format_short (const MbaSource *source)
{
  g_autofree char *title = NULL, *host = NULL, *by = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  title = isolate_cut (source->title, MBA_SOURCE_SHORT_TITLE_MAX);
  if (source->layer != MBA_SOURCE_LAYER_RECORD && source->outlet != NULL)
    by = isolate_cut (source->outlet, MBA_SOURCE_SHORT_TITLE_MAX);
  else if ((host = mba_source_format_host (source)) != NULL)
    by = isolate_cut (host, MBA_SOURCE_SHORT_TITLE_MAX);
  if (by == NULL)
    /* Translators: a source without a known outlet in a caption: its title */
    return g_strdup_printf (_("“%s”"), title);
  /* Translators: a source in an exported picture's caption: its outlet (or the host of its
   * address) and its title */
  return g_strdup_printf (_("%s: “%s”"), by, title);
}

/**
 * mba_source_format_full:
 *
 * The source in full, for a file's metadata: "Title, Outlet, 9 June 2025, https://…" (the
 * address as it is, so that it can be followed).
 *
 * Returns: (transfer full): plain text
 */
char *
mba_source_format_full (const MbaSource *source)
{
  g_autofree char *title = NULL;
  GString *text;

  g_return_val_if_fail (source != NULL, NULL);

  title = mba_bidi_isolate (source->title);
  text = g_string_new (title);
  if (source->outlet != NULL)
    {
      g_autofree char *outlet = mba_bidi_isolate (source->outlet);

      g_string_append_printf (text, ", %s", outlet);
    }
  append_date (text, source);
  if (source->url != NULL)
    g_string_append_printf (text, ", %s", source->url);
  return g_string_free (text, FALSE);
}

/**
 * mba_source_format_heading:
 *
 * What a reader sees in the place of a headline: the article's own headline, or "Untitled article"
 * when the text has none (the dataset's descriptive title is never passed off as the outlet's);
 * the page's title for a record source. Cut at %MBA_SOURCE_CITATION_MAX characters.
 *
 * Returns: (transfer full): plain text
 */
char *
mba_source_format_heading (const MbaSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  if (source->layer == MBA_SOURCE_LAYER_ARTICLE && source->title_is_descriptive)
    return g_strdup (_("Untitled article"));
  return isolate_cut (source->title, MBA_SOURCE_CITATION_MAX);
}

/**
 * mba_source_format_our_title:
 *
 * Returns: (transfer full) (nullable): for an article without a headline, the title the
 *   dataset's authors gave it, marked as theirs; %NULL otherwise
 */
char *
mba_source_format_our_title (const MbaSource *source)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (source->layer != MBA_SOURCE_LAYER_ARTICLE || !source->title_is_descriptive)
    return NULL;
  title = isolate_cut (source->title, MBA_SOURCE_CITATION_MAX);
  /* Translators: the description we wrote for an article that has no headline */
  return g_strdup_printf (_("Our description, not the outlet’s headline: “%s”"), title);
}

/**
 * mba_source_format_byline:
 *
 * The line under a source's heading. For an article: its outlet and date where the text states
 * them, and in plain words what it does not state ("The text names no outlet or date"). For a
 * record source: the host of its address and the day it was read ("the-monitor.org · read
 * 23 November 2026").
 *
 * Returns: (transfer full) (nullable): plain text, or %NULL when there is nothing to say
 */
char *
mba_source_format_byline (const MbaSource *source)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (mba_date_is_set (&source->published))
    date = mba_date_format (&source->published);

  if (source->layer == MBA_SOURCE_LAYER_RECORD)
    {
      g_autofree char *host = mba_source_format_host (source);
      g_autofree char *read = mba_date_is_set (&source->accessed) ? mba_date_format (&source->accessed) : NULL;

      if (host != NULL && read != NULL)
        /* Translators: a web source's site and the day it was read, e.g. "hrw.org · read 23 November 2026" */
        return g_strdup_printf (_("%s · read %s"), host, read);
      if (host != NULL)
        return g_steal_pointer (&host);
      return NULL;
    }

  if (source->outlet != NULL)
    {
      g_autofree char *outlet = isolate_cut (source->outlet, MBA_SOURCE_CITATION_MAX);

      if (date != NULL)
        /* Translators: an article's outlet and date, e.g. "Reuters · 9 June 2025" */
        return g_strdup_printf (_("%s · %s"), outlet, date);
      /* Translators: an article's outlet, when its text gives no date */
      return g_strdup_printf (_("%s · the text names no date"), outlet);
    }
  if (date != NULL)
    /* Translators: an article's date, when its text names no outlet */
    return g_strdup_printf (_("%s · the text names no outlet"), date);
  return g_strdup (_("The text names no outlet or date"));
}

/**
 * mba_source_format_location:
 * @at: the character of the document where a quote starts, from 1; 0 when unknown
 *
 * Where a quote is in its article, for analysts: "File 002_1473cf30dd7b0985.txt, from character
 * 512". Never shown in the main view.
 *
 * Returns: (transfer full) (nullable): plain text, or %NULL for a source without a document
 */
char *
mba_source_format_location (const MbaSource *source,
                            gint64           at)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (source->document == NULL)
    return NULL;
  file = mba_bidi_isolate (source->document);
  if (at > 0)
    {
      /* Printed apart: xgettext cannot read a format string built with a macro. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, at);

      /* Translators: where a quote is in the article's file, for analysts */
      return g_strdup_printf (_("File %s, from character %s"), file, number);
    }
  /* Translators: the article's file, for analysts */
  return g_strdup_printf (_("File %s"), file);
}
