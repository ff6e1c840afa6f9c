/* mba-palette.h: the colours shared by the timeline, the map and the exports
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  MBA_THEME_LIGHT,
  MBA_THEME_DARK,
} MbaTheme;

typedef struct
{
  double r, g, b, a;
} MbaColor;

/* How a status is told apart without colour (see mba_palette_paint_pattern). */
typedef enum
{
  MBA_PATTERN_NONE,
  MBA_PATTERN_DOTS,          /* no status in the dataset */
  MBA_PATTERN_DIAGONAL,      /* withdrawal announced */
  MBA_PATTERN_CROSS,         /* withdrawal in progress */
  MBA_PATTERN_HORIZONTAL,    /* withdrawn */
} MbaPattern;

typedef struct
{
  MbaTheme  theme;
  MbaColor  background;
  MbaColor  surface;        /* panels, legend boxes */
  MbaColor  foreground;
  MbaColor  muted;          /* secondary text, ticks */
  MbaColor  grid;
  MbaColor  sea;
  MbaColor  border;         /* country borders */
  MbaColor  accent;         /* selection */
  MbaColor  cursor;         /* the date cursor */
  MbaColor  status[MBA_N_STATUSES];
  MbaColor  kind[MBA_N_EVENT_KINDS];
} MbaPalette;

const MbaPalette *mba_palette_get           (MbaTheme           theme);
void              mba_palette_set_source    (cairo_t           *cr,
                                             const MbaColor    *color);
MbaPattern        mba_palette_status_pattern (MbaStatus         status);
void              mba_palette_paint_pattern (cairo_t           *cr,
                                             const MbaPalette  *palette,
                                             MbaStatus          status,
                                             double             scale);
void              mba_palette_draw_swatch   (cairo_t           *cr,
                                             const MbaPalette  *palette,
                                             MbaStatus          status,
                                             double             x,
                                             double             y,
                                             double             width,
                                             double             height);

/* The statuses in the order every legend lists them (the map's and the exports' caption). */
#define MBA_PALETTE_N_LEGEND 7
extern const MbaStatus mba_palette_legend_order[MBA_PALETTE_N_LEGEND];

G_END_DECLS
