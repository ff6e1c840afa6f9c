/* mba-palette.c: the colours shared by the timeline, the map and the exports
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Status fills follow the Okabe–Ito palette, which stays distinct under deuteranopia and
 * protanopia; the three withdrawal states also carry a pattern, so colour is never the only cue. */
static const MbaPalette light_palette = {
  .theme = MBA_THEME_LIGHT,
  .background = RGB (0xfafafa),
  .surface = RGB (0xffffff),
  .foreground = RGB (0x241f31),
  .muted = RGB (0x5e5c64),
  .grid = RGB (0xdeddda),
  .sea = RGB (0xe8f0f7),
  .border = RGB (0xffffff),
  .accent = RGB (0x1c71d8),
  .cursor = RGB (0xc01c28),
  .status = {
    [MBA_STATUS_UNKNOWN] = RGB (0xdcdcdc),
    [MBA_STATUS_NON_PARTY] = RGB (0x8a8a8a),
    [MBA_STATUS_SIGNATORY] = RGB (0x56b4e9),
    [MBA_STATUS_PARTY] = RGB (0x0072b2),
    [MBA_STATUS_WITHDRAWAL_ANNOUNCED] = RGB (0xf0e442),
    [MBA_STATUS_WITHDRAWAL_IN_PROGRESS] = RGB (0xe69f00),
    [MBA_STATUS_WITHDRAWN] = RGB (0xd55e00),
  },
  .kind = {
    [MBA_EVENT_KIND_TREATY] = RGB (0x0072b2),
    [MBA_EVENT_KIND_SIGNATURE] = RGB (0x56b4e9),
    [MBA_EVENT_KIND_RATIFICATION] = RGB (0x0072b2),
    [MBA_EVENT_KIND_ACCESSION] = RGB (0x0072b2),
    [MBA_EVENT_KIND_ANNOUNCEMENT] = RGB (0xb8a800),
    [MBA_EVENT_KIND_LEGISLATION] = RGB (0x009e73),
    [MBA_EVENT_KIND_DECREE] = RGB (0x009e73),
    [MBA_EVENT_KIND_STATEMENT] = RGB (0x6a5acd),
    [MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED] = RGB (0xe69f00),
    [MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE] = RGB (0xd55e00),
    [MBA_EVENT_KIND_SUSPENSION] = RGB (0xd55e00),
    [MBA_EVENT_KIND_POLICY] = RGB (0xcc79a7),
    [MBA_EVENT_KIND_REPORT] = RGB (0x6a5acd),
    [MBA_EVENT_KIND_MILITARY] = RGB (0x3d3846),
    [MBA_EVENT_KIND_CONTEXT] = RGB (0x9a9996),
  },
};

static const MbaPalette dark_palette = {
  .theme = MBA_THEME_DARK,
  .background = RGB (0x242424),
  .surface = RGB (0x303030),
  .foreground = RGB (0xf6f5f4),
  .muted = RGB (0xb0afac),
  .grid = RGB (0x3d3d3d),
  .sea = RGB (0x1d2733),
  .border = RGB (0x242424),
  .accent = RGB (0x78aeed),
  .cursor = RGB (0xff7b63),
  .status = {
    [MBA_STATUS_UNKNOWN] = RGB (0x4a4a4a),
    [MBA_STATUS_NON_PARTY] = RGB (0x8f8f8f),
    [MBA_STATUS_SIGNATORY] = RGB (0x7cc7f0),
    [MBA_STATUS_PARTY] = RGB (0x2a8fd0),
    [MBA_STATUS_WITHDRAWAL_ANNOUNCED] = RGB (0xf0e442),
    [MBA_STATUS_WITHDRAWAL_IN_PROGRESS] = RGB (0xf0a820),
    [MBA_STATUS_WITHDRAWN] = RGB (0xf06a1a),
  },
  .kind = {
    [MBA_EVENT_KIND_TREATY] = RGB (0x4aa3df),
    [MBA_EVENT_KIND_SIGNATURE] = RGB (0x7cc7f0),
    [MBA_EVENT_KIND_RATIFICATION] = RGB (0x4aa3df),
    [MBA_EVENT_KIND_ACCESSION] = RGB (0x4aa3df),
    [MBA_EVENT_KIND_ANNOUNCEMENT] = RGB (0xf0e442),
    [MBA_EVENT_KIND_LEGISLATION] = RGB (0x2fc39a),
    [MBA_EVENT_KIND_DECREE] = RGB (0x2fc39a),
    [MBA_EVENT_KIND_STATEMENT] = RGB (0xa99cf0),
    [MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED] = RGB (0xf0a820),
    [MBA_EVENT_KIND_WITHDRAWAL_EFFECTIVE] = RGB (0xf06a1a),
    [MBA_EVENT_KIND_SUSPENSION] = RGB (0xf06a1a),
    [MBA_EVENT_KIND_POLICY] = RGB (0xe39cc4),
    [MBA_EVENT_KIND_REPORT] = RGB (0xa99cf0),
    [MBA_EVENT_KIND_MILITARY] = RGB (0xdeddda),
    [MBA_EVENT_KIND_CONTEXT] = RGB (0x8a8986),
  },
};

const MbaPalette *
mba_palette_get (MbaTheme theme)
{
  return theme == MBA_THEME_DARK ? &dark_palette : &light_palette;
}

void
mba_palette_set_source (cairo_t        *cr,
                        const MbaColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

MbaPattern
mba_palette_status_pattern (MbaStatus status)
{
  switch (status)
    {
    case MBA_STATUS_UNKNOWN:
      return MBA_PATTERN_DOTS;
    case MBA_STATUS_WITHDRAWAL_ANNOUNCED:
      return MBA_PATTERN_DIAGONAL;
    case MBA_STATUS_WITHDRAWAL_IN_PROGRESS:
      return MBA_PATTERN_CROSS;
    case MBA_STATUS_WITHDRAWN:
      return MBA_PATTERN_HORIZONTAL;
    case MBA_STATUS_NON_PARTY:
    case MBA_STATUS_SIGNATORY:
    case MBA_STATUS_PARTY:
    default:
      return MBA_PATTERN_NONE;
    }
}

/**
 * mba_palette_paint_pattern:
 * @cr: a context whose current path (or clip) is the area to mark
 * @scale: device pixels per user unit, so that hatching keeps its spacing at any zoom
 *
 * Strokes the status's hatching over the current clip in a darker ink. The caller clips to the
 * shape first; nothing is drawn for statuses without a pattern.
 */
void
mba_palette_paint_pattern (cairo_t          *cr,
                           const MbaPalette *palette,
                           MbaStatus         status,
                           double            scale)
{
  MbaPattern pattern = mba_palette_status_pattern (status);
  double x1, y1, x2, y2, step, width;

  if (pattern == MBA_PATTERN_NONE)
    return;
  if (scale <= 0)
    scale = 1;

  cairo_save (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  step = 6.0 / scale;
  width = 1.2 / scale;
  cairo_set_line_width (cr, width);
  if (palette->theme == MBA_THEME_DARK)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  else
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.45);

  switch (pattern)
    {
    case MBA_PATTERN_DOTS:
      for (double y = y1 - fmod (y1, step); y <= y2; y += step)
        for (double x = x1 - fmod (x1, step); x <= x2; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 0.7 / scale, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case MBA_PATTERN_DIAGONAL:
    case MBA_PATTERN_CROSS:
      for (double d = x1 - (y2 - y1) - fmod (x1, step); d <= x2; d += step)
        {
          cairo_move_to (cr, d, y2);
          cairo_line_to (cr, d + (y2 - y1), y1);
          if (pattern == MBA_PATTERN_CROSS)
            {
              cairo_move_to (cr, d, y1);
              cairo_line_to (cr, d + (y2 - y1), y2);
            }
        }
      cairo_stroke (cr);
      break;
    case MBA_PATTERN_HORIZONTAL:
      for (double y = y1 - fmod (y1, step); y <= y2; y += step)
        {
          cairo_move_to (cr, x1, y);
          cairo_line_to (cr, x2, y);
        }
      cairo_stroke (cr);
      break;
    case MBA_PATTERN_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

const MbaStatus mba_palette_legend_order[MBA_PALETTE_N_LEGEND] = {
  MBA_STATUS_PARTY,
  MBA_STATUS_SIGNATORY,
  MBA_STATUS_WITHDRAWAL_ANNOUNCED,
  MBA_STATUS_WITHDRAWAL_IN_PROGRESS,
  MBA_STATUS_WITHDRAWN,
  MBA_STATUS_NON_PARTY,
  MBA_STATUS_UNKNOWN,
};

/**
 * mba_palette_draw_swatch:
 *
 * Draws a legend's sample of @status: its fill, its pattern and a thin frame, the same in the
 * map's legend and in an export's caption. Leaves no current path.
 */
void
mba_palette_draw_swatch (cairo_t          *cr,
                         const MbaPalette *palette,
                         MbaStatus         status,
                         double            x,
                         double            y,
                         double            width,
                         double            height)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  mba_palette_set_source (cr, &palette->status[status]);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  mba_palette_paint_pattern (cr, palette, status, 1.0);
  cairo_restore (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  mba_palette_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}
