/* mba-text.c: measuring text laid out with Pango, shared by the renderers
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-text.h"

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
