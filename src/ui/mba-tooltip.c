/* mba-tooltip.c: tooltips of a bounded size, whatever the data puts in them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
