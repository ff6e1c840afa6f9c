/* mba-map-renderer-private.h: the map renderer's state and sizes, shared by the units it is split into
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "mba-map-renderer.h"

G_BEGIN_DECLS

#define DEG (G_PI / 180.0)

/* Sizes in user units (logical pixels on screen). */
#define BORDER_WIDTH 0.7
#define OUTLINE_HOVER_WIDTH 1.6
#define OUTLINE_ACCENT_WIDTH 2.6
#define OUTLINE_CHANGED_WIDTH 2.2
#define OUTLINE_MIN_ARC 3.0     /* outlines skip islets smaller than this */
#define MARKER_RADIUS 3.5
#define MARKER_BELOW 5.0        /* countries whose largest piece is smaller are drawn as markers */
#define SIMPLIFY_PX 0.75         /* points closer than this to the simplified line are dropped */
#define OUTLINE_SIMPLIFY_PX 1.5 /* the same for the wide outlines */
#define CULL_MARGIN 4.0
/* Cairo 1.16's default antialiasing (256 levels) makes a border stroke several times slower
 * than its 4×4 "fast" one; every edge of a fill lies under a border line, and a 17-level
 * ramp on lines under 3 pixels wide does not show. Text keeps the default. */
#define MAP_ANTIALIAS CAIRO_ANTIALIAS_FAST
#define DAMAGE_MARGIN 3.0
#define LABEL_PX 12
#define LABEL_PX_SMALL MBA_MAP_LABEL_MIN_PX /* a crowded state of the story's, rather than none */
#define LABEL_HALO 3
#define DATE_PX 20
#define LEGEND_PX 12
#define MARGIN 12.0
#define LABEL_GRID 14
#define TILE 12                 /* the pattern tile: a multiple of the palette's 6-unit step */
#define LEGEND_ROW 19.0
#define LEGEND_SWATCH_W 24.0
#define LEGEND_SWATCH_H 13.0
#define LEGEND_PAD 8.0

enum
{
  OUTLINE_CHANGED = 1 << 0,     /* compare mode: the status differs */
  OUTLINE_ACCENT  = 1 << 1,     /* in the selected event, or the timeline's filter */
};

typedef struct
{
  guint first;   /* in pts, in points */
  guint n;
} VSpan;

typedef enum
{
  LABEL_POINT_UNKNOWN,
  LABEL_POINT_FOUND,
  LABEL_POINT_NONE,
} LabelPointState;

typedef struct
{
  guint        country;
  MbaMapRect   rect;     /* what it claims, with its halo */
  double       x;        /* top left of the text, whole units */
  double       y;
  gboolean     bold;
  int          px;
  gboolean     leader;   /* moved off its state: a line points back to (point_x, point_y) */
  double       point_x;
  double       point_y;
  PangoLayout *layout;
} PlacedLabel;

/* What one frame shows beyond the fills. */
typedef struct
{
  const MbaPalette *palette;
  guint8           *outline;       /* per country, OUTLINE_* flags */
  int               hover;         /* country index, or -1 */
  GArray           *labels;        /* PlacedLabel */
  GPtrArray        *legend_rows;
  gboolean          show_legend;
  MbaMapRect        legend;
  char             *date_text;
  char             *compare_text;
  gboolean          show_date;
  MbaMapRect        date_box;
  gboolean          transparent;
  gboolean         *focus;         /* per country: one of the params' focus states */
} Frame;

struct _MbaMapRenderer
{
  GObject             parent_instance;

  /* What the current view shows, in screen coordinates. */
  MbaWorldMap        *map;
  MbaMapView          view;
  int                 width;
  int                 height;
  gboolean            view_valid;
  double              scale;
  GArray             *pts;               /* double x, y */
  GArray             *psig;              /* float: each point's significance (see add_line) */
  GArray             *vrings;            /* VSpan */
  GArray             *vring_bounds;      /* MbaMapRect of each */
  guint              *country_vring_first;
  guint              *country_vring_n;
  GArray             *varcs;             /* VSpan of borders and coasts */
  GArray             *varc_bounds;       /* MbaMapRect of each */
  int                *arc_vis;           /* arc -> index in varcs, or -1 */
  MbaMapRect         *country_screen;
  double             *country_piece;     /* on-screen size of each country's largest piece */
  gboolean           *country_visible;
  double             *anchor_screen;
  double             *label_point;
  guint8             *label_point_state;
  GArray             *sphere;            /* the world's outline (world view) */

  /* What the dataset says about each country of the map. */
  MbaDataset         *dataset;
  const MbaState    **state_of;
  guint              *n_events;
  MbaStatus          *status;
  gint32              status_day;
  gboolean            status_valid;
  MbaStatus          *compare_status;
  gint32              compare_status_day;
  gboolean            compare_status_valid;

  PangoContext       *pango;
  GHashTable         *layouts;           /* "weight:size:text" -> PangoLayout */
  cairo_pattern_t    *tiles[2][MBA_N_STATUSES];
  double              tile_scale[2][MBA_N_STATUSES];

  /* Raster layers for image and recording targets, for one view, theme and device scale. */
  double              raster_scale;
  int                 raster_theme;      /* -1 until set */
  cairo_surface_t    *borders_layer;
  cairo_surface_t    *map_layer;         /* sea, fills, borders, markers: opaque */
  MbaStatus          *map_status;        /* the statuses map_layer shows, NULL when stale */
  cairo_surface_t    *overlay_layer;     /* outlines and labels */
  GArray             *overlay_key;       /* guint32: what overlay_layer shows */
  gboolean            overlay_valid;
  MbaMapRect          overlay_bounds;    /* where overlay_layer has something; empty if x1 > x2 */
  GHashTable         *sprites;           /* key -> cairo_surface_t: labels and the legend */
  char               *date_sprite_key;
  cairo_surface_t    *date_sprite;

  /* Where the last frame put its names and its legend, for tests and callers that check them. */
  GArray             *last_labels;       /* LabelRect */
  gboolean            last_legend_shown;
  MbaMapRect          last_legend;
};

typedef struct
{
  guint      country;
  MbaMapRect rect;
} LabelRect;

/* mba-map-renderer.c */
void             _mba_map_clear_layers          (MbaMapRenderer           *self);
void             _mba_map_clear_dataset         (MbaMapRenderer           *self);

/* mba-map-renderer-geometry.c: the view's geometry, projected to the screen once per view */
void             _mba_map_clear_view            (MbaMapRenderer           *self);
void             _mba_map_ensure_view           (MbaMapRenderer           *self,
                                                 const MbaMapRenderParams *params);
gboolean         _mba_map_is_marker             (MbaMapRenderer           *self,
                                                 guint                     c);
gboolean         _mba_map_anchor_on_screen      (MbaMapRenderer           *self,
                                                 guint                     c);
MbaMapRect       _mba_map_country_extent        (MbaMapRenderer           *self,
                                                 guint                     c);
void             _mba_map_append_country        (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 guint                     c,
                                                 GArray                   *damage);
void             _mba_map_append_arc            (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 guint                     a,
                                                 double                    min_size,
                                                 float                     min_sig);
void             _mba_map_append_outline        (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 guint                     c,
                                                 double                    min_size,
                                                 float                     min_sig);
double           _mba_map_context_scale         (cairo_t                  *cr);
gboolean         _mba_map_is_vector_target      (cairo_t                  *cr);

/* mba-map-renderer-layers.c: the drawing, as vectors or through raster layers */
void             _mba_map_draw_vectors          (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 const Frame              *frame);
void             _mba_map_draw_layers           (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 const MbaMapRenderParams *params,
                                                 const Frame              *frame);

/* mba-map-renderer-labels.c: text, and the states' names placed on the map */
PangoLayout     *_mba_map_get_layout            (MbaMapRenderer           *self,
                                                 const char               *text,
                                                 int                       px,
                                                 gboolean                  bold);
void             _mba_map_show_text             (cairo_t                  *cr,
                                                 PangoLayout              *layout,
                                                 double                    x,
                                                 double                    y,
                                                 const MbaPalette         *palette,
                                                 gboolean                  halo);
cairo_surface_t *_mba_map_new_sprite            (MbaMapRenderer           *self,
                                                 double                    width,
                                                 double                    height,
                                                 cairo_t                 **cr);
void             _mba_map_draw_label            (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 const PlacedLabel        *label,
                                                 const MbaPalette         *palette,
                                                 gboolean                  vector);
void             _mba_map_draw_leader           (cairo_t                  *cr,
                                                 const PlacedLabel        *label,
                                                 const MbaPalette         *palette);
void             _mba_map_place_labels          (MbaMapRenderer           *self,
                                                 const MbaMapRenderParams *params,
                                                 Frame                    *frame,
                                                 GArray                   *placed);

/* mba-map-renderer-legend.c: the legend and the date, in their boxes */
void             _mba_map_format_legend_rows    (const MbaMapRenderParams *params,
                                                 GPtrArray                *rows);
gboolean         _mba_map_legend_rect           (MbaMapRenderer           *self,
                                                 const MbaMapRenderParams *params,
                                                 const Frame              *frame,
                                                 MbaMapRect               *rect);
void             _mba_map_date_rect             (MbaMapRenderer           *self,
                                                 Frame                    *frame);
void             _mba_map_draw_legend           (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 const Frame              *frame,
                                                 gboolean                  vector);
void             _mba_map_draw_date             (MbaMapRenderer           *self,
                                                 cairo_t                  *cr,
                                                 const Frame              *frame,
                                                 gboolean                  vector);

G_END_DECLS
