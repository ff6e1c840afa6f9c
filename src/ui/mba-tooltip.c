/* mba-tooltip.c: tooltips of a bounded size, whatever the data puts in them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-bidi.h"
#include "mba-tooltip.h"

/* GTK's own tooltip label wraps only between words: a title that is one 5,000-character word
 * made a label wider than Cairo can draw ("gsk_render_node_draw … cairo_status") and the
 * tooltip showed nothing. Tooltips here cut data strings and wrap inside long words. */

/**
 * mba_tooltip_data:
 * @text: (nullable): a string from the dataset
 *
 * Cuts @text to MBA_TOOLTIP_MAX_DATA_CHARS characters, ending with "…" when it was longer,
 * and isolates it (mba_bidi_isolate()) so that it cannot reorder the tooltip's other text.
 *
 * Returns: (transfer full): plain text
 */
char *
mba_tooltip_data (const char *text)
{
  g_autofree char *cut = NULL;

  if (text == NULL)
    text = "";
  /* Count no further than needed: the string may be long. */
  if (g_utf8_strlen (text, MBA_TOOLTIP_MAX_DATA_CHARS * 4 + 4) > MBA_TOOLTIP_MAX_DATA_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, MBA_TOOLTIP_MAX_DATA_CHARS - 1);

      cut = g_strconcat (head, "…", NULL);
      text = cut;
    }
  return mba_bidi_isolate (text);
}

/**
 * mba_tooltip_data_markup:
 *
 * mba_tooltip_data(), escaped for Pango markup.
 *
 * Returns: (transfer full): markup
 */
char *
mba_tooltip_data_markup (const char *text)
{
  g_autofree char *data = mba_tooltip_data (text);

  return g_markup_escape_text (data, -1);
}

/**
 * mba_tooltip_label_new:
 * @text: the tooltip's text
 * @use_markup: whether @text is Pango markup
 *
 * Returns: (transfer floating): a label that wraps at MBA_TOOLTIP_WIDTH_CHARS, inside a word
 *   when a word is longer than that
 */
GtkWidget *
mba_tooltip_label_new (const char *text,
                       gboolean    use_markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (use_markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MBA_TOOLTIP_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/**
 * mba_tooltip_set:
 *
 * Shows @text in @tooltip in a label made by mba_tooltip_label_new().
 */
void
mba_tooltip_set (GtkTooltip *tooltip,
                 const char *text,
                 gboolean    use_markup)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (text != NULL);

  gtk_tooltip_set_custom (tooltip, mba_tooltip_label_new (text, use_markup));
}

/**
 * mba_event_describe_date:
 *
 * An event's date in words, the same in the quote panel and in the timeline's tooltip:
 * "29 June 2025", "from 28 June 2025", "1 March 2025 to 29 June 2025" for an event that lasts.
 *
 * Returns: (transfer full): plain text
 */
char *
mba_event_describe_date (const MbaEvent *event)
{
  g_autofree char *start = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  start = mba_date_format (&event->date);
  if (mba_date_is_set (&event->end))
    {
      g_autofree char *end = mba_date_format (&event->end);

      /* Translators: an event lasting from one date to another */
      return g_strdup_printf (_("%s to %s"), start, end);
    }
  return g_steal_pointer (&start);
}

/**
 * mba_event_describe_date_kind:
 *
 * The line under an event's title in the panel and over it in the tooltip: its date and kind,
 * "29 June 2025 · Decree", and "worked out" for a step the app derived from Article 20.
 *
 * Returns: (transfer full): plain text
 */
char *
mba_event_describe_date_kind (const MbaEvent *event)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  date = mba_event_describe_date (event);
  if (event->derived)
    /* Translators: a derived event's date and kind, e.g. "20 August 2025 · Withdrawal deposited · worked out" */
    return g_strdup_printf (C_("event date and kind", "%s · %s · worked out"), date,
                            mba_event_kind_get_label (event->kind));
  /* Translators: an event's date and kind, e.g. "29 June 2025 · Announcement" */
  return g_strdup_printf (C_("event date and kind", "%s · %s"), date,
                          mba_event_kind_get_label (event->kind));
}
