/* mba-bidi.c: keeping text from the data from reordering the text around it
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-bidi.h"

/* U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (Unicode's UAX #9). */
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

/**
 * mba_bidi_isolate:
 * @text: (nullable): a string from the dataset
 *
 * Wraps @text in a directional isolate, so that an unclosed embedding or override in it (U+202E,
 * say), or right-to-left text, cannot reorder what is drawn after it on the same line. Use it
 * wherever a data string is put next to other text in one layout: captions, tooltips,
 * summaries. A string drawn alone in its own layout needs none.
 *
 * Returns: (transfer full): the isolated text; the empty string for %NULL
 */
char *
mba_bidi_isolate (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  return g_strconcat (FSI, text, PDI, NULL);
}
