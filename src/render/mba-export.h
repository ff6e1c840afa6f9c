/* mba-export.h: the timeline and the map written as PNG, SVG or PDF, atomically
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-dataset.h"
#include "mba-output-file.h"
#include "mba-palette.h"
#include "mba-world-map.h"

G_BEGIN_DECLS

/* The limits of an export, checked before anything is drawn (see README, "Limits"). */
#define MBA_EXPORT_MIN_SIDE   16
#define MBA_EXPORT_MAX_SIDE   8192
#define MBA_EXPORT_MAX_SCALE  4
/* A PNG's pixels, width × height × scale²: 8K UHD (7680 × 4320), 133 MB of image in memory. */
#define MBA_EXPORT_MAX_PIXELS (7680 * 4320)

typedef enum
{
  MBA_EXPORT_VIEW_TIMELINE,
  MBA_EXPORT_VIEW_MAP,
  MBA_EXPORT_VIEW_POSTER,
  MBA_EXPORT_VIEW_SLIDES,      /* the presentation as a PDF handout, one page per event */
} MbaExportView;

typedef struct
{
  MbaDataset    *dataset;
  MbaWorldMap   *map;            /* needed for the map and the poster */
  MbaExportView  view;
  int            width;          /* in pixels (PNG, SVG) or points (PDF) */
  int            height;
  int            scale;          /* PNG only: 1 to MBA_EXPORT_MAX_SCALE */
  MbaTheme       theme;
  gint32         day;            /* the "as of" date; 0 = the selected event's, else the dataset's update */
  const char    *selected_id;    /* nullable */
  gboolean       caption;        /* title, date, legend and sources under the picture; default TRUE */
  gboolean       transparent;    /* PNG only: no page background, no sea; an error for SVG and PDF */
  gboolean       world_view;     /* the map shows the whole world instead of the region */
  /* The timeline's period, [start_day, end_day) in days (fractions allowed); both 0: the
   * story's (mba_session_range_for_dataset()), or the whole history without a story. */
  double         start_day;
  double         end_day;
} MbaExportOptions;

typedef struct
{
  double x, y, width, height;
} MbaExportRect;

/* Where an export puts its parts; a part not drawn has width and height 0. */
typedef struct
{
  MbaExportRect  timeline;
  MbaExportRect  map;
  MbaExportRect  caption;
  guint          n_sources;          /* cited by what is shown */
  guint          n_sources_shown;    /* named in the caption; the rest are "and N more" */
  gboolean       legend_in_caption;  /* the status legend moved from the map to the caption */
  double         timeline_font_size; /* the timeline's text, in points at 96 dpi: the window's 10,
                                      * less on a poster too small for every lane at that size */
} MbaExportLayout;

/* Named sizes for --size and the export dialog, in pixels (PNG, SVG) or points (PDF). */
typedef struct
{
  const char *id;          /* "a4-landscape" */
  const char *label;       /* translatable, "A4 Landscape" */
  int         width;
  int         height;
} MbaExportSizePreset;

void      mba_export_options_init   (MbaExportOptions        *options,
                                     MbaDataset              *dataset,
                                     MbaWorldMap             *map);
gboolean  mba_export_view_from_string (const char            *text,
                                     MbaExportView           *view);
gboolean  mba_export_parse_size     (const char              *text,
                                     int                     *width,
                                     int                     *height);
const MbaExportSizePreset *
          mba_export_get_size_presets (guint                 *n_presets);
const char *
          mba_export_format_from_path (const char            *path);
void      mba_export_resolve_range  (const MbaExportOptions  *options,
                                     double                  *start_day,
                                     double                  *end_day);
void      mba_export_get_layout     (const MbaExportOptions  *options,
                                     MbaExportLayout         *layout);
char     *mba_export_describe       (const MbaExportOptions  *options);
void      mba_export_draw           (cairo_t                 *cr,
                                     const MbaExportOptions  *options);
gboolean  mba_export_write          (const char              *path,
                                     const MbaExportOptions  *options,
                                     GError                 **error);
gboolean  mba_export_write_full     (const char              *path,
                                     const MbaExportOptions  *options,
                                     GCancellable            *cancellable,
                                     GError                 **error);
gboolean  mba_export_check_options  (const MbaExportOptions  *options,
                                     const char              *format,
                                     GError                 **error);
cairo_status_t mba_export_append_to_string (void                *closure,
                                     const unsigned char     *data,
                                     unsigned int             length);

G_END_DECLS
