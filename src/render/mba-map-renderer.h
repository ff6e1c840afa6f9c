/* mba-map-renderer.h: the regional chart drawn onto any cairo context
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mba-dataset.h"
#include "mba-palette.h"
#include "mba-world-map.h"

G_BEGIN_DECLS

/* The smallest name the map draws (a crowded state of the story's), in its user units: a
 * slide scales the map so that it reads as well as the slide's own smallest text. */
#define MBA_MAP_LABEL_MIN_PX 10

typedef enum
{
  MBA_MAP_RENDER_LABELS = 1 << 0,   /* names of the states in the story */
  MBA_MAP_RENDER_LEGEND = 1 << 1,   /* colours and patterns explained */
  MBA_MAP_RENDER_DATE   = 1 << 2,   /* the map's date (and the compare date) */
  MBA_MAP_RENDER_ALL    = MBA_MAP_RENDER_LABELS | MBA_MAP_RENDER_LEGEND | MBA_MAP_RENDER_DATE,
  MBA_MAP_RENDER_TRANSPARENT = 1 << 3, /* no sea or background: countries over transparency */
} MbaMapRenderFlags;

/**
 * MbaMapRenderParams:
 * @map: the outlines
 * @dataset: (nullable): the facts; without it every country gets the "no status" fill
 * @view: projection, zoom and centre
 * @width: the drawing's width, in the context's user units
 * @height: the drawing's height
 * @day: the map's date (a day number, see mba_day_from_ymd())
 * @compare_day: another date whose differences are marked, or 0
 * @selected_event_id: (nullable): the event whose states are highlighted
 * @hover_code: (nullable): the state under the pointer
 * @activated_code: (nullable): the state the timeline is filtered on
 * @theme: light or dark
 * @flags: which overlays to draw
 * @device_scale: device pixels per user unit for the renderer's raster caches (the widget's
 *   scale factor), or 0 to read it from the context's matrix
 * @focus_states: (nullable) (array length=n_focus_states): the states the picture is about
 *   (the dataset's story): labelled before any other, and never under the legend
 * @n_focus_states: how many
 *
 * Everything a frame depends on. The renderer's caches only make it faster: drawing the same
 * parameters gives the same picture (up to a few levels of rounding along the edges of a
 * repainted area). On image and recording surfaces the renderer keeps raster layers
 * (fills, borders, outlines and labels) and repaints only what a change touches; on PDF,
 * PostScript and SVG surfaces it draws vectors.
 */
typedef struct
{
  MbaWorldMap       *map;
  MbaDataset        *dataset;
  MbaMapView         view;
  int                width;
  int                height;
  gint32             day;
  gint32             compare_day;
  const char        *selected_event_id;
  const char        *hover_code;
  const char        *activated_code;
  MbaTheme           theme;
  MbaMapRenderFlags  flags;
  double             device_scale;
  const MbaState *const *focus_states;
  guint              n_focus_states;
} MbaMapRenderParams;

void                 mba_map_render_params_init   (MbaMapRenderParams        *params,
                                                   MbaWorldMap               *map,
                                                   MbaDataset                *dataset,
                                                   MbaMapProjection           projection,
                                                   int                        width,
                                                   int                        height,
                                                   gint32                     day);

void                 mba_map_render_params_set_focus (MbaMapRenderParams     *params,
                                                   const MbaState *const  *states,
                                                   guint                   n_states);
void                 mba_map_render_params_set_story (MbaMapRenderParams     *params);
gboolean             mba_map_get_focus_frame      (MbaWorldMap               *map,
                                                   MbaMapProjection           projection,
                                                   const MbaState *const     *states,
                                                   guint                      n_states,
                                                   MbaMapRect                *frame);

#define MBA_TYPE_MAP_RENDERER (mba_map_renderer_get_type ())

G_DECLARE_FINAL_TYPE (MbaMapRenderer, mba_map_renderer, MBA, MAP_RENDERER, GObject)

MbaMapRenderer      *mba_map_renderer_new         (void);
void                 mba_map_renderer_draw        (MbaMapRenderer            *self,
                                                   cairo_t                   *cr,
                                                   const MbaMapRenderParams  *params);
const MbaMapCountry *mba_map_renderer_hit_test    (MbaMapRenderer            *self,
                                                   const MbaMapRenderParams  *params,
                                                   double                     x,
                                                   double                     y);
gboolean             mba_map_renderer_get_state_point (MbaMapRenderer        *self,
                                                   const MbaMapRenderParams  *params,
                                                   const char                *code,
                                                   double                    *x,
                                                   double                    *y);
gboolean             mba_map_renderer_get_state_box (MbaMapRenderer          *self,
                                                   const MbaMapRenderParams  *params,
                                                   const char                *code,
                                                   MbaMapRect                *box);
gboolean             mba_map_renderer_get_label_rect (MbaMapRenderer         *self,
                                                   const char                *code,
                                                   MbaMapRect                *rect);
gboolean             mba_map_renderer_get_legend_rect (MbaMapRenderer        *self,
                                                   MbaMapRect                *rect);
void                 mba_map_render               (cairo_t                   *cr,
                                                   const MbaMapRenderParams  *params);

G_END_DECLS
