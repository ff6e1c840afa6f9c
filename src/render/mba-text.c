/* mba-text.c: measuring text laid out with Pango, shared by the renderers
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "mba-text.h"

/**
 * mba_text_new_context:
 *
 * A Pango context at 96 dpi whose metrics are not hinted: text measured with it takes the same
 * room on screen, in a PNG, an SVG and a PDF, so what the renderers lay out holds for any target.
 *
 * Returns: (transfer full): a new context, in the user's language
 */
PangoContext *
mba_text_new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 96);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_get_default ());
  return context;
}

/**
 * mba_text_layout_size:
 * @width: (out) (optional): the logical width, in user units (not rounded to pixels)
 * @height: (out) (optional): the logical height
 */
void
mba_text_layout_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

/**
 * mba_text_bound:
 * @text: (nullable): a string from the data
 * @max_chars: the most characters to keep
 *
 * Cuts @text to @max_chars characters with an ellipsis, so that laying it out costs a bounded
 * time whatever the data holds (a 64 KB word, a letter with thousands of combining marks). A
 * renderer that ellipsizes its layout shows no more than this anyway.
 *
 * Returns: (transfer full): @text, or its start and "…"; the empty string for %NULL
 */
char *
mba_text_bound (const char *text,
                guint       max_chars)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = text;
  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);
  {
    GString *cut = g_string_new_len (text, end - text);

    g_string_append (cut, "…");
    return g_string_free (cut, FALSE);
  }
}
