/* mba-timeline-renderer.h: draws the timeline with Cairo, for the screen and for export
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mba-palette.h"
#include "mba-timeline-layout.h"

G_BEGIN_DECLS

/* Everything a drawing depends on besides its size and colours; nothing is taken from
 * elsewhere, so an export draws exactly what it is given. */
typedef struct
{
  MbaDataset                 *dataset;
  double                      start_day;      /* the visible span, as MbaTimelineViewport has it */
  double                      end_day;
  double                      lane_offset;    /* vertical scroll of the lanes, in pixels */
  MbaTimelineLaneMode         lane_mode;
  guint                       hidden_kinds;   /* bit (1 << kind) per hidden MbaEventKind */
  const char                 *state_filter;   /* nullable: a state's code */
  const char                 *search_text;    /* nullable */
  const PangoFontDescription *font;           /* nullable: "Sans 10" */
  const char                 *selected_id;    /* nullable */
  gint32                      cursor_day;     /* the date cursor; 0 for none */
  double                      hover_x;        /* the pointer; negative when away */
  double                      hover_y;
  double                      scale;          /* device pixels per unit, for HiDPI; 1 */
} MbaTimelineScene;

void      mba_timeline_scene_init            (MbaTimelineScene       *scene);

void      mba_timeline_render_prepare        (MbaTimelineLayout      *layout,
                                              const MbaTimelineScene *scene,
                                              int                     width,
                                              int                     height);
void      mba_timeline_render                (cairo_t                *cr,
                                              MbaTimelineLayout      *layout,
                                              int                     width,
                                              int                     height,
                                              const MbaPalette       *palette,
                                              const MbaTimelineScene *scene);
gboolean  mba_timeline_render_get_cursor_handle (MbaTimelineLayout   *layout,
                                              const MbaTimelineScene *scene,
                                              MbaTimelineRect        *handle);
char     *mba_timeline_format_cursor_day     (gint32                  day);

G_END_DECLS
