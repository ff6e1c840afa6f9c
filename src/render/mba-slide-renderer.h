/* mba-slide-renderer.h: one presentation step drawn onto any cairo context, and the PDF handout
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mba-dataset.h"
#include "mba-map-renderer.h"
#include "mba-palette.h"
#include "mba-world-map.h"

G_BEGIN_DECLS

/* The handout's page: A4 landscape, in points. */
#define MBA_SLIDES_PAGE_WIDTH  842
#define MBA_SLIDES_PAGE_HEIGHT 595
/* The most pages a handout has: more makes no sense to print (see README, "Limits"). */
#define MBA_SLIDES_MAX_PAGES   500

/**
 * MbaSlideParams:
 * @dataset: the facts
 * @map: (nullable): the outlines; without them the quote takes the whole width
 * @event: (nullable): the step's event; %NULL draws only the frame and the progress, or the
 *   title slide
 * @title_slide: with no @event, the dataset's story introduced: its title, its period, its
 *   states and their map (see mba_slides_list_story())
 * @position: the step, from 0
 * @n_steps: how many steps the presentation has
 * @theme: light or dark
 * @blank: draw a black screen and nothing else (the clicker's "B" key)
 * @map_renderer: (nullable): a renderer kept between frames so that its caches help; %NULL
 *   draws with a fresh one
 */
typedef struct
{
  MbaDataset      *dataset;
  MbaWorldMap     *map;
  const MbaEvent  *event;
  gboolean         title_slide;
  guint            position;
  guint            n_steps;
  MbaTheme         theme;
  gboolean         blank;
  MbaMapRenderer  *map_renderer;
} MbaSlideParams;

typedef struct
{
  double x, y, width, height;
} MbaSlideRect;

/**
 * MbaSlideGeometry:
 * @title_size: the title's font size, in the context's units (pixels on screen)
 * @text_size: the quote's (or summary's) font size after shrinking it to fit
 * @header: the date, kind and states line above the title
 * @title: the title, up to three lines
 * @map: the map
 * @min_text_size: the smallest text's font size (the map's names included)
 * @text: the quote, or the summary when the event has none
 * @source: where the text comes from
 * @progress: the "N / M" label
 * @bar: the progress bar's track, along the bottom edge
 * @title_cut: the title did not fit and ends with an ellipsis
 * @text_cut: the quote did not fit at the smallest size and ends with an ellipsis
 *
 * Where mba_slide_render() puts things; empty rectangles for parts it leaves out.
 */
typedef struct
{
  double        title_size;
  double        text_size;
  double        min_text_size;
  MbaSlideRect  header;
  MbaSlideRect  title;
  MbaSlideRect  map;
  MbaSlideRect  text;
  MbaSlideRect  source;
  MbaSlideRect  progress;
  MbaSlideRect  bar;
  gboolean      title_cut;
  gboolean      text_cut;
} MbaSlideGeometry;

void      mba_slide_params_init      (MbaSlideParams          *params,
                                      MbaDataset              *dataset,
                                      MbaWorldMap             *map);
void      mba_slide_render           (cairo_t                 *cr,
                                      int                      width,
                                      int                      height,
                                      const MbaSlideParams    *params);
void      mba_slide_get_geometry     (int                      width,
                                      int                      height,
                                      const MbaSlideParams    *params,
                                      MbaSlideGeometry        *geometry);
gboolean  mba_slide_get_map_params   (int                      width,
                                      int                      height,
                                      const MbaSlideParams    *params,
                                      MbaMapRenderParams      *map_params);
char     *mba_slide_format_source    (const MbaSource         *source);
char     *mba_slide_describe         (const MbaSlideParams    *params);

/**
 * MbaSlidesProgressFunc:
 * @n_done: pages drawn so far
 * @n_pages: pages in all
 *
 * Called by mba_slides_write_pdf_full() after each page, in the thread that writes.
 */
typedef void (*MbaSlidesProgressFunc) (guint    n_done,
                                       guint    n_pages,
                                       gpointer user_data);

GPtrArray *mba_slides_list_story      (MbaDataset              *dataset);
gboolean  mba_slides_event_in_story  (const MbaStory          *story,
                                      const MbaEvent          *event);
GPtrArray *mba_slides_list_default    (MbaDataset              *dataset,
                                      GPtrArray               *all_events);

gboolean  mba_slides_check_count     (guint                    n_pages,
                                      GError                 **error);
gboolean  mba_slides_write_pdf       (const char              *path,
                                      MbaDataset              *dataset,
                                      MbaWorldMap             *map,
                                      GPtrArray               *steps,
                                      MbaTheme                 theme,
                                      GError                 **error);
gboolean  mba_slides_write_pdf_full  (const char              *path,
                                      MbaDataset              *dataset,
                                      MbaWorldMap             *map,
                                      GPtrArray               *steps,
                                      MbaTheme                 theme,
                                      GCancellable            *cancellable,
                                      MbaSlidesProgressFunc    progress,
                                      gpointer                 user_data,
                                      GError                 **error);

G_END_DECLS
