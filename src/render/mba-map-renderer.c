/* mba-map-renderer.c: the regional chart drawn onto any cairo context
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mba-map-renderer.h"
#include "mba-map-summary.h"
#include "mba-text.h"

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
  double       x;        /* top left of the text, whole units */
  double       y;
  gboolean     bold;
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
};

G_DEFINE_FINAL_TYPE (MbaMapRenderer, mba_map_renderer, G_TYPE_OBJECT)

static void
clear_layers (MbaMapRenderer *self)
{
  g_clear_pointer (&self->borders_layer, cairo_surface_destroy);
  g_clear_pointer (&self->map_layer, cairo_surface_destroy);
  g_clear_pointer (&self->map_status, g_free);
  g_clear_pointer (&self->overlay_layer, cairo_surface_destroy);
  self->overlay_bounds = (MbaMapRect) { 1, 1, 0, 0 };
  self->overlay_valid = FALSE;
}

static void
clear_view (MbaMapRenderer *self)
{
  self->view_valid = FALSE;
  g_clear_pointer (&self->country_vring_first, g_free);
  g_clear_pointer (&self->country_vring_n, g_free);
  g_clear_pointer (&self->arc_vis, g_free);
  g_clear_pointer (&self->country_screen, g_free);
  g_clear_pointer (&self->country_piece, g_free);
  g_clear_pointer (&self->country_visible, g_free);
  g_clear_pointer (&self->anchor_screen, g_free);
  g_clear_pointer (&self->label_point, g_free);
  g_clear_pointer (&self->label_point_state, g_free);
  clear_layers (self);
}

static void
clear_dataset (MbaMapRenderer *self)
{
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->state_of, g_free);
  g_clear_pointer (&self->n_events, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->compare_status, g_free);
  g_clear_pointer (&self->map_status, g_free);
  self->status_valid = FALSE;
  self->compare_status_valid = FALSE;
  self->overlay_valid = FALSE;
}

static void
mba_map_renderer_finalize (GObject *object)
{
  MbaMapRenderer *self = MBA_MAP_RENDERER (object);

  clear_view (self);
  clear_dataset (self);
  g_clear_object (&self->map);
  g_array_unref (self->pts);
  g_array_unref (self->psig);
  g_array_unref (self->vrings);
  g_array_unref (self->vring_bounds);
  g_array_unref (self->varcs);
  g_array_unref (self->varc_bounds);
  g_array_unref (self->sphere);
  g_array_unref (self->overlay_key);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->date_sprite, cairo_surface_destroy);
  g_free (self->date_sprite_key);
  g_clear_object (&self->pango);
  for (guint t = 0; t < 2; t++)
    for (guint s = 0; s < MBA_N_STATUSES; s++)
      g_clear_pointer (&self->tiles[t][s], cairo_pattern_destroy);

  G_OBJECT_CLASS (mba_map_renderer_parent_class)->finalize (object);
}

static void
mba_map_renderer_class_init (MbaMapRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_map_renderer_finalize;
}

static void
mba_map_renderer_init (MbaMapRenderer *self)
{
  self->pts = g_array_new (FALSE, FALSE, sizeof (double));
  self->psig = g_array_new (FALSE, FALSE, sizeof (float));
  self->vrings = g_array_new (FALSE, FALSE, sizeof (VSpan));
  self->vring_bounds = g_array_new (FALSE, FALSE, sizeof (MbaMapRect));
  self->varcs = g_array_new (FALSE, FALSE, sizeof (VSpan));
  self->varc_bounds = g_array_new (FALSE, FALSE, sizeof (MbaMapRect));
  self->sphere = g_array_new (FALSE, FALSE, sizeof (double));
  self->overlay_key = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sprites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->raster_theme = -1;
  self->overlay_bounds = (MbaMapRect) { 1, 1, 0, 0 };
}

MbaMapRenderer *
mba_map_renderer_new (void)
{
  return g_object_new (MBA_TYPE_MAP_RENDERER, NULL);
}

/**
 * mba_map_render_params_init:
 *
 * Fills @params with a default frame of @projection, no comparison, selection or hover, the
 * light theme and every overlay.
 */
void
mba_map_render_params_init (MbaMapRenderParams *params,
                            MbaWorldMap        *map,
                            MbaDataset         *dataset,
                            MbaMapProjection    projection,
                            int                 width,
                            int                 height,
                            gint32              day)
{
  g_return_if_fail (params != NULL);

  *params = (MbaMapRenderParams) {
    .map = map,
    .dataset = dataset,
    .width = width,
    .height = height,
    .day = day,
    .theme = MBA_THEME_LIGHT,
    .flags = MBA_MAP_RENDER_ALL,
  };
  mba_map_view_init (&params->view, projection);
}

/* The view cache ---------------------------------------------------------------------------- */

static gboolean
rects_intersect (const MbaMapRect *a,
                 const MbaMapRect *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}

static void
rect_union (MbaMapRect       *r,
            const MbaMapRect *o)
{
  if (r->x1 > r->x2)
    {
      *r = *o;
      return;
    }
  r->x1 = MIN (r->x1, o->x1);
  r->y1 = MIN (r->y1, o->y1);
  r->x2 = MAX (r->x2, o->x2);
  r->y2 = MAX (r->y2, o->y2);
}

static void
rect_grow (MbaMapRect *r,
           double      by)
{
  r->x1 -= by;
  r->y1 -= by;
  r->x2 += by;
  r->y2 += by;
}

/* Projected bounds to screen bounds (y flips). */
static void
rect_to_screen (MbaMapRenderer   *self,
                const MbaMapRect *r,
                MbaMapRect       *out)
{
  mba_map_view_to_screen (&self->view, self->width, self->height, r->x1, r->y2, &out->x1, &out->y1);
  mba_map_view_to_screen (&self->view, self->width, self->height, r->x2, r->y1, &out->x2, &out->y2);
}

/* Appends the points of a projected line to pts, dropping those a pixel cannot show; their
 * significance (the largest simplification tolerance, in degrees, that keeps them) goes to psig
 * so that wide outlines can be drawn simpler still. */
static VSpan
add_line (MbaMapRenderer *self,
          const double   *xy,
          const float    *sig,
          guint           n,
          float           threshold,
          MbaMapRect     *bounds)
{
  VSpan span = { self->pts->len / 2, 0 };
  double cx = self->width / 2.0 - self->view.center_x * self->scale;
  double cy = self->height / 2.0 + self->view.center_y * self->scale;

  bounds->x1 = bounds->y1 = G_MAXDOUBLE;
  bounds->x2 = bounds->y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    if (sig[i] >= threshold)
      {
        double p[2] = { cx + xy[2 * i] * self->scale, cy - xy[2 * i + 1] * self->scale };

        g_array_append_vals (self->pts, p, 2);
        g_array_append_val (self->psig, sig[i]);
        bounds->x1 = MIN (bounds->x1, p[0]);
        bounds->y1 = MIN (bounds->y1, p[1]);
        bounds->x2 = MAX (bounds->x2, p[0]);
        bounds->y2 = MAX (bounds->y2, p[1]);
        span.n++;
      }
  return span;
}

static void
ensure_view (MbaMapRenderer           *self,
             const MbaMapRenderParams *params)
{
  MbaWorldMap *map = params->map;
  MbaMapProjection projection = params->view.projection;
  MbaMapRect screen = { -CULL_MARGIN, -CULL_MARGIN,
                        params->width + CULL_MARGIN, params->height + CULL_MARGIN };
  guint n_countries, n_arcs;
  float threshold;

  if (self->view_valid && self->map == map && self->width == params->width &&
      self->height == params->height && self->view.projection == projection &&
      self->view.zoom == params->view.zoom && self->view.center_x == params->view.center_x &&
      self->view.center_y == params->view.center_y)
    return;

  clear_view (self);
  if (self->map != map)
    clear_dataset (self);
  g_set_object (&self->map, map);
  self->view = params->view;
  self->width = params->width;
  self->height = params->height;
  self->scale = mba_map_view_get_scale (&self->view, self->width, self->height);
  g_array_set_size (self->pts, 0);
  g_array_set_size (self->psig, 0);
  g_array_set_size (self->vrings, 0);
  g_array_set_size (self->vring_bounds, 0);
  g_array_set_size (self->varcs, 0);
  g_array_set_size (self->varc_bounds, 0);
  g_array_set_size (self->sphere, 0);

  /* Significance is in degrees; a projected unit is about a radian. */
  threshold = SIMPLIFY_PX / self->scale / DEG;

  n_countries = mba_world_map_get_n_countries (map);
  self->country_vring_first = g_new0 (guint, n_countries);
  self->country_vring_n = g_new0 (guint, n_countries);
  self->country_screen = g_new (MbaMapRect, n_countries);
  self->country_piece = g_new0 (double, n_countries);
  self->country_visible = g_new0 (gboolean, n_countries);
  self->anchor_screen = g_new (double, 2 * n_countries);
  self->label_point = g_new (double, 2 * n_countries);
  self->label_point_state = g_new0 (guint8, n_countries);

  for (guint c = 0; c < n_countries; c++)
    {
      const MbaMapCountry *country = mba_world_map_get_country (map, c);
      double ax, ay;

      mba_world_map_get_anchor (map, projection, c, &ax, &ay);
      mba_map_view_to_screen (&self->view, self->width, self->height, ax, ay,
                              &self->anchor_screen[2 * c], &self->anchor_screen[2 * c + 1]);
      rect_to_screen (self, mba_world_map_get_country_bounds (map, projection, c),
                      &self->country_screen[c]);
      self->country_visible[c] = rects_intersect (&self->country_screen[c], &screen);
      self->country_vring_first[c] = self->vrings->len;
      if (!self->country_visible[c])
        continue;
      for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
        {
          MbaMapRect bounds, drawn;
          const double *xy;
          guint n;
          VSpan span;

          rect_to_screen (self, mba_world_map_get_ring_bounds (map, projection, r), &bounds);
          self->country_piece[c] = MAX (self->country_piece[c],
                                        MAX (bounds.x2 - bounds.x1, bounds.y2 - bounds.y1));
          if (!rects_intersect (&bounds, &screen))
            continue;
          xy = mba_world_map_get_ring_points (map, projection, r, &n);
          span = add_line (self, xy, mba_world_map_get_ring_significance (map, r), n, threshold,
                           &drawn);
          if (span.n >= 3)
            {
              g_array_append_val (self->vrings, span);
              g_array_append_val (self->vring_bounds, drawn);
            }
          else
            {
              g_array_set_size (self->pts, 2 * span.first);
              g_array_set_size (self->psig, span.first);
            }
        }
      self->country_vring_n[c] = self->vrings->len - self->country_vring_first[c];
    }

  n_arcs = mba_world_map_get_n_arcs (map);
  self->arc_vis = g_new (int, n_arcs);
  for (guint a = 0; a < n_arcs; a++)
    {
      MbaMapRect bounds;
      const double *xy;
      guint n;
      VSpan span;

      self->arc_vis[a] = -1;
      if (mba_world_map_get_arc_interior (map, a) >= 0)
        continue;
      rect_to_screen (self, mba_world_map_get_arc_bounds (map, projection, a), &bounds);
      if (!rects_intersect (&bounds, &screen))
        continue;
      xy = mba_world_map_get_arc_points (map, projection, a, &n);
      span = add_line (self, xy, mba_world_map_get_arc_significance (map, a), n, threshold,
                       &bounds);
      self->arc_vis[a] = self->varcs->len;
      g_array_append_val (self->varcs, span);
      g_array_append_val (self->varc_bounds, bounds);
    }

  if (projection == MBA_MAP_PROJECTION_WORLD)
    {
      /* The edge of the world: down the antimeridian's east side and up its west side. */
      for (int side = 0; side < 2; side++)
        for (int lat = -90; lat <= 90; lat++)
          {
            double x, y, p[2];
            double lon = side == 0 ? 180 : -180;
            double l = side == 0 ? -lat : lat;

            mba_map_project (projection, lon, l, &x, &y);
            mba_map_view_to_screen (&self->view, self->width, self->height, x, y, &p[0], &p[1]);
            g_array_append_vals (self->sphere, p, 2);
          }
    }

  self->view_valid = TRUE;
}

/* The dataset cache ------------------------------------------------------------------------- */

static void
ensure_dataset (MbaMapRenderer           *self,
                const MbaMapRenderParams *params)
{
  guint n_countries = mba_world_map_get_n_countries (params->map);
  MbaDataset *dataset = params->dataset;

  if (self->state_of != NULL && self->dataset == dataset)
    return;

  clear_dataset (self);
  if (dataset)
    self->dataset = g_object_ref (dataset);
  self->state_of = g_new0 (const MbaState *, n_countries);
  self->n_events = g_new0 (guint, n_countries);
  self->status = g_new0 (MbaStatus, n_countries);
  self->compare_status = g_new0 (MbaStatus, n_countries);
  if (dataset == NULL)
    return;

  for (guint c = 0; c < n_countries; c++)
    self->state_of[c] = mba_dataset_find_state (dataset,
                                                mba_world_map_get_country (params->map, c)->code);
  for (guint e = 0; e < mba_dataset_get_n_events (dataset); e++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, e);

      for (guint s = 0; s < event->n_states; s++)
        {
          const MbaMapCountry *country = mba_world_map_find_country (params->map,
                                                                     event->states[s]->code);
          if (country)
            self->n_events[country->index]++;
        }
    }
}

static void
fill_statuses (MbaMapRenderer *self,
               MbaStatus      *status,
               gint32          day)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);

  for (guint c = 0; c < n_countries; c++)
    status[c] = self->state_of[c]
                ? mba_dataset_get_status_at (self->dataset, self->state_of[c], day, NULL, NULL)
                : MBA_STATUS_UNKNOWN;
}

static void
ensure_status (MbaMapRenderer           *self,
               const MbaMapRenderParams *params)
{
  if (!self->status_valid || self->status_day != params->day)
    {
      fill_statuses (self, self->status, params->day);
      self->status_day = params->day;
      self->status_valid = TRUE;
    }
  if (params->compare_day != 0 &&
      (!self->compare_status_valid || self->compare_status_day != params->compare_day))
    {
      fill_statuses (self, self->compare_status, params->compare_day);
      self->compare_status_day = params->compare_day;
      self->compare_status_valid = TRUE;
    }
}

/* Geometry ---------------------------------------------------------------------------------- */

static gboolean
is_marker (MbaMapRenderer *self,
           guint           c)
{
  /* An archipelago like Kiribati spans thousands of kilometres but shows no island: its
   * largest piece decides. */
  if (self->state_of[c] == NULL)
    return FALSE;
  return self->country_vring_n[c] == 0 || self->country_piece[c] < MARKER_BELOW;
}

static gboolean
anchor_on_screen (MbaMapRenderer *self,
                  guint           c)
{
  double x = self->anchor_screen[2 * c], y = self->anchor_screen[2 * c + 1];

  return x >= -MARKER_RADIUS && x <= self->width + MARKER_RADIUS &&
         y >= -MARKER_RADIUS && y <= self->height + MARKER_RADIUS;
}

/* Where a country is drawn on screen: its outline's bounds, or its marker's. */
static MbaMapRect
country_extent (MbaMapRenderer *self,
                guint           c)
{
  MbaMapRect r = self->country_screen[c];

  if (is_marker (self, c))
    {
      double x = self->anchor_screen[2 * c], y = self->anchor_screen[2 * c + 1];

      r = (MbaMapRect) { x, y, x, y };
      rect_grow (&r, MARKER_RADIUS + 2);
    }
  return r;
}

/* A country's rings, or only those that touch one of @damage's rectangles. */
static void
append_country (MbaMapRenderer *self,
                cairo_t        *cr,
                guint           c,
                GArray         *damage)
{
  const double *pts = (const double *) self->pts->data;

  for (guint r = self->country_vring_first[c];
       r < self->country_vring_first[c] + self->country_vring_n[c]; r++)
    {
      const VSpan *span = &g_array_index (self->vrings, VSpan, r);
      const double *p = pts + 2 * span->first;

      if (damage)
        {
          MbaMapRect bounds = g_array_index (self->vring_bounds, MbaMapRect, r);
          gboolean touches = FALSE;

          rect_grow (&bounds, 1);
          for (guint i = 0; i < damage->len && !touches; i++)
            touches = rects_intersect (&bounds, &g_array_index (damage, MbaMapRect, i));
          if (!touches)
            continue;
        }

      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < span->n; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
    }
}

/* An arc of the view, unless it is smaller than @min_size; @min_sig drops more points. */
static void
append_arc (MbaMapRenderer *self,
            cairo_t        *cr,
            guint           a,
            double          min_size,
            float           min_sig)
{
  const MbaMapRect *bounds;
  const VSpan *span;
  const double *p;
  const float *sig;

  if (self->arc_vis[a] < 0)
    return;
  bounds = &g_array_index (self->varc_bounds, MbaMapRect, self->arc_vis[a]);
  if (MAX (bounds->x2 - bounds->x1, bounds->y2 - bounds->y1) < min_size)
    return;
  span = &g_array_index (self->varcs, VSpan, self->arc_vis[a]);
  p = (const double *) self->pts->data + 2 * span->first;
  sig = (const float *) self->psig->data + span->first;
  cairo_move_to (cr, p[0], p[1]);
  for (guint i = 1; i < span->n; i++)
    if (sig[i] >= min_sig || i == span->n - 1)
      cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
}

static void
append_outline (MbaMapRenderer *self,
                cairo_t        *cr,
                guint           c,
                double          min_size,
                float           min_sig)
{
  const guint *arcs;
  guint n;

  if (is_marker (self, c))
    {
      if (anchor_on_screen (self, c))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->anchor_screen[2 * c], self->anchor_screen[2 * c + 1],
                     MARKER_RADIUS + 1, 0, 2 * G_PI);
        }
      return;
    }
  arcs = mba_world_map_get_country_arcs (self->map, c, &n);
  for (guint i = 0; i < n; i++)
    append_arc (self, cr, arcs[i], min_size, min_sig);
}

static double
context_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 0.25);
}

static gboolean
is_vector_target (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Drawing ----------------------------------------------------------------------------------- */

/* A repeating tile of the status's colour and hatching (painted by the palette): filling with
 * it costs what a plain fill costs, where stroking every hatch line per frame would not. */
static cairo_pattern_t *
get_tile (MbaMapRenderer   *self,
          const MbaPalette *palette,
          MbaStatus         status,
          double            scale)
{
  cairo_pattern_t **tile = &self->tiles[palette->theme == MBA_THEME_DARK][status];
  double *tile_scale = &self->tile_scale[palette->theme == MBA_THEME_DARK][status];
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;

  if (*tile != NULL && *tile_scale == scale)
    return *tile;

  g_clear_pointer (tile, cairo_pattern_destroy);
  size = (int) ceil (TILE * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_surface_set_device_scale (surface, size / (double) TILE, size / (double) TILE);
  cr = cairo_create (surface);
  mba_palette_set_source (cr, &palette->status[status]);
  cairo_paint (cr);
  cairo_rectangle (cr, 0, 0, TILE, TILE);
  cairo_clip (cr);
  mba_palette_paint_pattern (cr, palette, status, 1.0);
  cairo_destroy (cr);
  *tile = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (*tile, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  *tile_scale = scale;
  return *tile;
}

static void
draw_background (MbaMapRenderer   *self,
                 cairo_t          *cr,
                 const MbaPalette *palette)
{
  if (self->view.projection == MBA_MAP_PROJECTION_WORLD)
    {
      const double *p = (const double *) self->sphere->data;

      mba_palette_set_source (cr, &palette->background);
      cairo_paint (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < self->sphere->len / 2; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
      mba_palette_set_source (cr, &palette->sea);
      cairo_fill_preserve (cr);
      mba_palette_set_source (cr, &palette->grid);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  else
    {
      mba_palette_set_source (cr, &palette->sea);
      cairo_paint (cr);
    }
}

/* Every country filled by its status, hatched where the status has a pattern; only what
 * touches @damage's rectangles, when given. */
static void
draw_fills (MbaMapRenderer   *self,
            cairo_t          *cr,
            const MbaPalette *palette,
            const guint8     *mask,
            GArray           *damage)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  gboolean vector = is_vector_target (cr);
  double scale = context_scale (cr);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, MAP_ANTIALIAS);
  for (MbaStatus s = 0; s < MBA_N_STATUSES; s++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint c = 0; c < n_countries; c++)
        if (self->status[c] == s && self->country_vring_n[c] > 0 && !is_marker (self, c) &&
            (mask == NULL || mask[c]))
          {
            append_country (self, cr, c, damage);
            any = TRUE;
          }
      if (!any)
        continue;

      mba_palette_set_source (cr, &palette->status[s]);
      if (mba_palette_status_pattern (s) == MBA_PATTERN_NONE)
        cairo_fill (cr);
      else if (vector)
        {
          cairo_fill_preserve (cr);
          cairo_save (cr);
          cairo_clip (cr);
          mba_palette_paint_pattern (cr, palette, s, 1.0);
          cairo_restore (cr);
        }
      else
        {
          cairo_set_source (cr, get_tile (self, palette, s, scale));
          cairo_fill (cr);
        }
    }
  cairo_new_path (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static void
draw_borders (MbaMapRenderer   *self,
              cairo_t          *cr,
              const MbaPalette *palette)
{
  cairo_new_path (cr);
  for (guint a = 0; a < mba_world_map_get_n_arcs (self->map); a++)
    append_arc (self, cr, a, 0, 0);
  mba_palette_set_source (cr, &palette->border);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_antialias (cr, MAP_ANTIALIAS);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static void
draw_markers (MbaMapRenderer   *self,
              cairo_t          *cr,
              const MbaPalette *palette,
              const guint8     *mask)
{
  for (guint c = 0; c < mba_world_map_get_n_countries (self->map); c++)
    {
      if (!is_marker (self, c) || !anchor_on_screen (self, c) || (mask && !mask[c]))
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, self->anchor_screen[2 * c], self->anchor_screen[2 * c + 1],
                 MARKER_RADIUS, 0, 2 * G_PI);
      mba_palette_set_source (cr, &palette->status[self->status[c]]);
      cairo_fill_preserve (cr);
      mba_palette_set_source (cr, &palette->foreground);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }
}

/* The outlines of the compare mode (a dashed dark line) and of the selection (the accent). */
static void
draw_outlines (MbaMapRenderer   *self,
               cairo_t          *cr,
               const Frame      *frame)
{
  static const double dashes[] = { 5.0, 3.0 };
  const MbaPalette *palette = frame->palette;
  guint n_countries = mba_world_map_get_n_countries (self->map);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_antialias (cr, MAP_ANTIALIAS);
  for (int kind = OUTLINE_CHANGED; kind <= OUTLINE_ACCENT; kind <<= 1)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint c = 0; c < n_countries; c++)
        if (frame->outline[c] & kind)
          {
            append_outline (self, cr, c, OUTLINE_MIN_ARC, OUTLINE_SIMPLIFY_PX / self->scale / DEG);
            any = TRUE;
          }
      if (!any)
        continue;
      mba_palette_set_source (cr, &palette->background);
      cairo_set_line_width (cr, (kind == OUTLINE_CHANGED ? OUTLINE_CHANGED_WIDTH
                                                         : OUTLINE_ACCENT_WIDTH) + 1.6);
      cairo_stroke_preserve (cr);
      if (kind == OUTLINE_CHANGED)
        {
          mba_palette_set_source (cr, &palette->foreground);
          cairo_set_line_width (cr, OUTLINE_CHANGED_WIDTH);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      else
        {
          mba_palette_set_source (cr, &palette->accent);
          cairo_set_line_width (cr, OUTLINE_ACCENT_WIDTH);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static void
draw_hover (MbaMapRenderer *self,
            cairo_t        *cr,
            const Frame    *frame)
{
  if (frame->hover < 0)
    return;
  cairo_new_path (cr);
  append_outline (self, cr, frame->hover, 0, 0);
  mba_palette_set_source (cr, &frame->palette->foreground);
  cairo_set_line_width (cr, OUTLINE_HOVER_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Text -------------------------------------------------------------------------------------- */

static PangoLayout *
get_layout (MbaMapRenderer *self,
            const char     *text,
            int             px,
            gboolean        bold)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%s", bold, px, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string ("Sans");

      if (self->pango == NULL)
        {
          self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
          pango_cairo_context_set_resolution (self->pango, 96);
        }
      pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      layout = pango_layout_new (self->pango);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, text, -1);
      pango_font_description_free (font);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* Text, with a halo of the background colour so that it reads over any fill. */
static void
show_text (cairo_t          *cr,
           PangoLayout      *layout,
           double            x,
           double            y,
           const MbaPalette *palette,
           gboolean          halo)
{
  cairo_new_path (cr);
  if (halo)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, palette->background.r, palette->background.g,
                             palette->background.b, 0.85);
      cairo_set_line_width (cr, LABEL_HALO);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_move_to (cr, x, y);
  mba_palette_set_source (cr, &palette->foreground);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* A raster copy of something drawn at (0, 0) and @width × @height, at the layers' scale. */
static cairo_surface_t *
new_sprite (MbaMapRenderer *self,
            double          width,
            double          height,
            cairo_t       **cr)
{
  cairo_surface_t *surface;
  double s = self->raster_scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * s),
                                        (int) ceil (height * s));
  cairo_surface_set_device_scale (surface, s, s);
  *cr = cairo_create (surface);
  return surface;
}

/* A label: vectors on vector targets, else a cached raster copy (stroking the halo of each
 * name every frame would cost more than the whole map). */
static void
draw_label (MbaMapRenderer    *self,
            cairo_t           *cr,
            const PlacedLabel *label,
            const MbaPalette  *palette,
            gboolean           vector)
{
  g_autofree char *key = NULL;
  cairo_surface_t *sprite;

  if (vector)
    {
      show_text (cr, label->layout, label->x, label->y, palette, TRUE);
      return;
    }
  key = g_strdup_printf ("label:%p", (void *) label->layout);
  sprite = g_hash_table_lookup (self->sprites, key);
  if (sprite == NULL)
    {
      cairo_t *scr;
      double w, h;

      mba_text_layout_size (label->layout, &w, &h);
      sprite = new_sprite (self, w + 2 * LABEL_HALO, h + 2 * LABEL_HALO, &scr);
      show_text (scr, label->layout, LABEL_HALO, LABEL_HALO, palette, TRUE);
      cairo_destroy (scr);
      g_hash_table_insert (self->sprites, g_steal_pointer (&key), sprite);
    }
  cairo_set_source_surface (cr, sprite, label->x - LABEL_HALO, label->y - LABEL_HALO);
  cairo_paint (cr);
}

/* Labels ------------------------------------------------------------------------------------ */

/* Is (x, y) inside country c's visible outline? Screen coordinates, even-odd. */
static gboolean
screen_point_in_country (MbaMapRenderer *self,
                         guint           c,
                         double          x,
                         double          y)
{
  const double *pts = (const double *) self->pts->data;
  gboolean inside = FALSE;

  for (guint r = self->country_vring_first[c];
       r < self->country_vring_first[c] + self->country_vring_n[c]; r++)
    {
      const VSpan *span = &g_array_index (self->vrings, VSpan, r);
      const double *p = pts + 2 * span->first;

      for (guint i = 0, j = span->n - 1; i < span->n; j = i++)
        if ((p[2 * i + 1] > y) != (p[2 * j + 1] > y) &&
            x < (p[2 * j] - p[2 * i]) * (y - p[2 * i + 1]) / (p[2 * j + 1] - p[2 * i + 1]) + p[2 * i])
          inside = !inside;
    }
  return inside;
}

/* Where a country's label goes: its anchor when that is on screen, else the inside point of
 * its visible part farthest from its edges (Russia seen from Europe), on a coarse grid. */
static gboolean
get_label_point (MbaMapRenderer *self,
                 guint           c,
                 double          margin_x,
                 double          margin_y,
                 double         *x,
                 double         *y)
{
  if (self->label_point_state[c] == LABEL_POINT_UNKNOWN)
    {
      double ax = self->anchor_screen[2 * c], ay = self->anchor_screen[2 * c + 1];

      self->label_point_state[c] = LABEL_POINT_NONE;
      if (ax >= margin_x && ax <= self->width - margin_x &&
          ay >= margin_y && ay <= self->height - margin_y)
        {
          self->label_point[2 * c] = ax;
          self->label_point[2 * c + 1] = ay;
          self->label_point_state[c] = LABEL_POINT_FOUND;
        }
      else if (self->country_vring_n[c] > 0)
        {
          MbaMapRect area;
          gboolean inside[LABEL_GRID][LABEL_GRID];
          int best = 0, best_i = 0, best_j = 0;

          area.x1 = MAX (self->country_screen[c].x1, margin_x);
          area.y1 = MAX (self->country_screen[c].y1, margin_y);
          area.x2 = MIN (self->country_screen[c].x2, self->width - margin_x);
          area.y2 = MIN (self->country_screen[c].y2, self->height - margin_y);
          if (area.x2 > area.x1 && area.y2 > area.y1)
            {
              double cw = (area.x2 - area.x1) / LABEL_GRID, ch = (area.y2 - area.y1) / LABEL_GRID;

              for (int i = 0; i < LABEL_GRID; i++)
                for (int j = 0; j < LABEL_GRID; j++)
                  inside[i][j] = screen_point_in_country (self, c, area.x1 + (i + 0.5) * cw,
                                                          area.y1 + (j + 0.5) * ch);
              /* The inside cell farthest (in cells) from any outside cell or the grid's edge. */
              for (int i = 0; i < LABEL_GRID; i++)
                for (int j = 0; j < LABEL_GRID; j++)
                  {
                    int d;

                    if (!inside[i][j])
                      continue;
                    d = MIN (MIN (i, j), MIN (LABEL_GRID - 1 - i, LABEL_GRID - 1 - j)) + 1;
                    for (int k = 0; k < LABEL_GRID; k++)
                      for (int l = 0; l < LABEL_GRID; l++)
                        if (!inside[k][l])
                          d = MIN (d, MAX (ABS (k - i), ABS (l - j)));
                    if (d > best)
                      {
                        best = d;
                        best_i = i;
                        best_j = j;
                      }
                  }
              if (best > 0)
                {
                  self->label_point[2 * c] = area.x1 + (best_i + 0.5) * cw;
                  self->label_point[2 * c + 1] = area.y1 + (best_j + 0.5) * ch;
                  self->label_point_state[c] = LABEL_POINT_FOUND;
                }
            }
        }
    }
  if (self->label_point_state[c] != LABEL_POINT_FOUND)
    return FALSE;
  *x = self->label_point[2 * c];
  *y = self->label_point[2 * c + 1];
  return TRUE;
}

typedef struct
{
  guint  country;
  int    tier;        /* 0: selected or activated, 1: changed, 2: the rest of the story */
  guint  n_events;
  double area;
} LabelCandidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  if (x->n_events != y->n_events)
    return x->n_events > y->n_events ? -1 : 1;
  if (x->area != y->area)
    return x->area > y->area ? -1 : 1;
  return (int) x->country - (int) y->country;
}

static gboolean
collides (GArray           *placed,
          const MbaMapRect *r)
{
  for (guint i = 0; i < placed->len; i++)
    if (rects_intersect (&g_array_index (placed, MbaMapRect, i), r))
      return TRUE;
  return FALSE;
}

/* Names for the states of the story (those in any event), most involved first, each where it
 * fits without covering another name, the date or the legend; a fixed size at every zoom. */
static void
place_labels (MbaMapRenderer           *self,
              const MbaMapRenderParams *params,
              Frame                    *frame,
              GArray                   *placed)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));

  for (guint c = 0; c < n_countries; c++)
    {
      LabelCandidate candidate = { .country = c, .tier = 2, .n_events = self->n_events[c] };
      const MbaMapRect *r = &self->country_screen[c];

      if (self->state_of[c] == NULL || !self->country_visible[c])
        continue;
      if (frame->outline[c] & OUTLINE_ACCENT)
        candidate.tier = 0;
      else if (frame->outline[c] & OUTLINE_CHANGED)
        candidate.tier = 1;
      else if (self->n_events[c] == 0)
        continue;
      candidate.area = (r->x2 - r->x1) * (r->y2 - r->y1);
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const LabelCandidate *candidate = &g_array_index (candidates, LabelCandidate, i);
      guint c = candidate->country;
      PlacedLabel label = { .country = c, .bold = candidate->tier == 0 };
      MbaMapRect rect;
      double w, h, x, y;

      label.layout = get_layout (self, mba_state_get_display_name (self->state_of[c]), LABEL_PX,
                                 label.bold);
      mba_text_layout_size (label.layout, &w, &h);
      if (is_marker (self, c))
        {
          if (!anchor_on_screen (self, c))
            continue;
          x = self->anchor_screen[2 * c] + MARKER_RADIUS + 3;
          y = self->anchor_screen[2 * c + 1] - h / 2;
        }
      else
        {
          const MbaMapRect *r = &self->country_screen[c];

          /* A name much bigger than its country would hide its neighbours: only the states
           * the user is looking at get one. */
          if (candidate->tier == 2 && (r->x2 - r->x1) < w / 3 && (r->y2 - r->y1) < h)
            continue;
          if (!get_label_point (self, c, w / 2 + 2, h / 2 + 2, &x, &y))
            continue;
          x -= w / 2;
          y -= h / 2;
        }
      /* Whole units, so that raster copies land on whole pixels. */
      label.x = round (x);
      label.y = round (y);
      rect = (MbaMapRect) { label.x - 2, label.y - 1, label.x + w + 2, label.y + h + 1 };
      if (rect.x1 < 0 || rect.y1 < 0 || rect.x2 > params->width || rect.y2 > params->height ||
          collides (placed, &rect))
        continue;
      g_array_append_val (placed, rect);
      g_array_append_val (frame->labels, label);
    }
}

/* The legend and the date ------------------------------------------------------------------- */

static void
format_legend_rows (const MbaMapRenderParams *params,
                    GPtrArray                *rows)
{
  for (guint i = 0; i < MBA_PALETTE_N_LEGEND; i++)
    g_ptr_array_add (rows, g_strdup (mba_status_get_label (mba_palette_legend_order[i])));
  if (params->compare_day != 0)
    {
      g_autofree char *date = mba_day_format (params->compare_day);

      /* Translators: legend of the dashed outline in compare mode; %s is a date */
      g_ptr_array_add (rows, g_strdup_printf (_("Status changed since %s"), date));
    }
}

static gboolean
legend_rect (MbaMapRenderer           *self,
             const MbaMapRenderParams *params,
             GPtrArray                *rows,
             MbaMapRect               *rect)
{
  double w = 0, h, tw, th;

  for (guint i = 0; i < rows->len; i++)
    {
      mba_text_layout_size (get_layout (self, g_ptr_array_index (rows, i), LEGEND_PX, FALSE), &tw, &th);
      w = MAX (w, tw);
    }
  mba_text_layout_size (get_layout (self, _("Treaty status"), LEGEND_PX, TRUE), &tw, &th);
  w = ceil (MAX (w + LEGEND_SWATCH_W + 8, tw) + 2 * LEGEND_PAD);
  h = ceil (2 * LEGEND_PAD + th + 4 + rows->len * LEGEND_ROW);
  /* Bottom right: in the regional view that is the Middle East, away from the story; in the
   * world view, the Southern Ocean. */
  rect->x2 = params->width - MARGIN;
  rect->y2 = params->height - MARGIN;
  rect->x1 = rect->x2 - w;
  rect->y1 = rect->y2 - h;
  /* Too small a map for a legend: exports and the window are larger than this. */
  return rect->y1 > 60 && rect->x1 > params->width * 0.4;
}

static void
draw_box (cairo_t          *cr,
          const MbaMapRect *r,
          const MbaPalette *palette)
{
  double radius = 6, x1 = r->x1 + 0.5, y1 = r->y1 + 0.5, x2 = r->x2 - 0.5, y2 = r->y2 - 0.5;

  cairo_new_path (cr);
  cairo_arc (cr, x2 - radius, y1 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x2 - radius, y2 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x1 + radius, y2 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x1 + radius, y1 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, palette->surface.r, palette->surface.g, palette->surface.b, 0.92);
  cairo_fill_preserve (cr);
  mba_palette_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/* The legend with its top left corner at (0, 0). */
static void
draw_legend_at_origin (MbaMapRenderer   *self,
                       cairo_t          *cr,
                       const MbaPalette *palette,
                       GPtrArray        *rows,
                       double            width,
                       double            height)
{
  static const double dashes[] = { 5.0, 3.0 };
  PangoLayout *title = get_layout (self, _("Treaty status"), LEGEND_PX, TRUE);
  MbaMapRect box = { 0, 0, width, height };
  double tw, th, y;

  draw_box (cr, &box, palette);
  mba_text_layout_size (title, &tw, &th);
  show_text (cr, title, LEGEND_PAD, LEGEND_PAD, palette, FALSE);
  y = LEGEND_PAD + th + 4;

  for (guint i = 0; i < rows->len; i++, y += LEGEND_ROW)
    {
      PangoLayout *layout = get_layout (self, g_ptr_array_index (rows, i), LEGEND_PX, FALSE);
      double sx = LEGEND_PAD, sy = y + (LEGEND_ROW - LEGEND_SWATCH_H) / 2;
      double lw, lh;

      cairo_new_path (cr);
      if (i < MBA_PALETTE_N_LEGEND)
        mba_palette_draw_swatch (cr, palette, mba_palette_legend_order[i],
                                 sx, sy, LEGEND_SWATCH_W, LEGEND_SWATCH_H);
      else
        {
          /* The compare mode's outline, as the map draws it. */
          cairo_rectangle (cr, sx + 1, sy + 1, LEGEND_SWATCH_W - 2, LEGEND_SWATCH_H - 2);
          mba_palette_set_source (cr, &palette->status[MBA_STATUS_UNKNOWN]);
          cairo_fill_preserve (cr);
          mba_palette_set_source (cr, &palette->foreground);
          cairo_set_line_width (cr, OUTLINE_CHANGED_WIDTH);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      mba_text_layout_size (layout, &lw, &lh);
      show_text (cr, layout, sx + LEGEND_SWATCH_W + 8, y + (LEGEND_ROW - lh) / 2, palette, FALSE);
    }
}

static void
draw_legend (MbaMapRenderer *self,
             cairo_t        *cr,
             const Frame    *frame,
             gboolean        vector)
{
  const MbaMapRect *r = &frame->legend;
  double width = r->x2 - r->x1, height = r->y2 - r->y1;
  g_autoptr(GString) key = NULL;
  cairo_surface_t *sprite;

  if (vector)
    {
      cairo_save (cr);
      cairo_translate (cr, r->x1, r->y1);
      draw_legend_at_origin (self, cr, frame->palette, frame->legend_rows, width, height);
      cairo_restore (cr);
      return;
    }
  key = g_string_new ("legend");
  for (guint i = 0; i < frame->legend_rows->len; i++)
    g_string_append_printf (key, "|%s", (char *) g_ptr_array_index (frame->legend_rows, i));
  sprite = g_hash_table_lookup (self->sprites, key->str);
  if (sprite == NULL)
    {
      cairo_t *scr;

      sprite = new_sprite (self, width, height, &scr);
      draw_legend_at_origin (self, scr, frame->palette, frame->legend_rows, width, height);
      cairo_destroy (scr);
      g_hash_table_insert (self->sprites, g_strdup (key->str), sprite);
    }
  cairo_set_source_surface (cr, sprite, r->x1, r->y1);
  cairo_paint (cr);
}

static void
date_rect (MbaMapRenderer *self,
           Frame          *frame)
{
  double w, h, cw = 0, ch = 0;

  mba_text_layout_size (get_layout (self, frame->date_text, DATE_PX, TRUE), &w, &h);
  if (frame->compare_text)
    mba_text_layout_size (get_layout (self, frame->compare_text, LEGEND_PX, FALSE), &cw, &ch);
  frame->date_box.x1 = MARGIN;
  frame->date_box.y1 = MARGIN;
  frame->date_box.x2 = MARGIN + ceil (MAX (w, cw) + 2 * LEGEND_PAD);
  frame->date_box.y2 = MARGIN + ceil (h + ch + 2 * 6);
}

static void
draw_date_at_origin (MbaMapRenderer   *self,
                     cairo_t          *cr,
                     const Frame      *frame)
{
  PangoLayout *date = get_layout (self, frame->date_text, DATE_PX, TRUE);
  MbaMapRect box = { 0, 0, frame->date_box.x2 - frame->date_box.x1,
                     frame->date_box.y2 - frame->date_box.y1 };
  double w, h;

  draw_box (cr, &box, frame->palette);
  mba_text_layout_size (date, &w, &h);
  show_text (cr, date, LEGEND_PAD, 6, frame->palette, FALSE);
  if (frame->compare_text)
    show_text (cr, get_layout (self, frame->compare_text, LEGEND_PX, FALSE), LEGEND_PAD, 6 + h,
               frame->palette, FALSE);
}

static void
draw_date (MbaMapRenderer *self,
           cairo_t        *cr,
           const Frame    *frame,
           gboolean        vector)
{
  g_autofree char *key = NULL;

  if (vector)
    {
      cairo_save (cr);
      cairo_translate (cr, frame->date_box.x1, frame->date_box.y1);
      draw_date_at_origin (self, cr, frame);
      cairo_restore (cr);
      return;
    }
  /* One copy only: the date changes with every step of the timeline. */
  key = g_strdup_printf ("%s|%s", frame->date_text, frame->compare_text ? frame->compare_text : "");
  if (self->date_sprite == NULL || g_strcmp0 (key, self->date_sprite_key) != 0)
    {
      cairo_t *scr;

      g_clear_pointer (&self->date_sprite, cairo_surface_destroy);
      self->date_sprite = new_sprite (self, frame->date_box.x2 - frame->date_box.x1,
                                      frame->date_box.y2 - frame->date_box.y1, &scr);
      draw_date_at_origin (self, scr, frame);
      cairo_destroy (scr);
      g_free (self->date_sprite_key);
      self->date_sprite_key = g_steal_pointer (&key);
    }
  cairo_set_source_surface (cr, self->date_sprite, frame->date_box.x1, frame->date_box.y1);
  cairo_paint (cr);
}

/* Frames ------------------------------------------------------------------------------------ */

static void
frame_init (MbaMapRenderer           *self,
            const MbaMapRenderParams *params,
            Frame                    *frame)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  const MbaMapCountry *hover = mba_world_map_find_country (self->map, params->hover_code);
  const MbaMapCountry *activated = mba_world_map_find_country (self->map, params->activated_code);
  const MbaEvent *event = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (MbaMapRect));

  memset (frame, 0, sizeof *frame);
  frame->palette = mba_palette_get (params->theme);
  frame->transparent = (params->flags & MBA_MAP_RENDER_TRANSPARENT) != 0;
  frame->outline = g_new0 (guint8, n_countries);
  frame->hover = hover && self->country_visible[hover->index] ? (int) hover->index : -1;
  frame->labels = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  frame->legend_rows = g_ptr_array_new_with_free_func (g_free);

  if (params->dataset && params->selected_event_id)
    event = mba_dataset_find_event (params->dataset, params->selected_event_id);
  if (event)
    {
      for (guint s = 0; s < event->n_states; s++)
        {
          const MbaMapCountry *country = mba_world_map_find_country (self->map,
                                                                     event->states[s]->code);
          if (country)
            frame->outline[country->index] |= OUTLINE_ACCENT;
        }
      for (guint s = 0; s < event->n_settings; s++)
        {
          const MbaMapCountry *country =
            mba_world_map_find_country (self->map, event->settings[s].state->code);
          if (country)
            frame->outline[country->index] |= OUTLINE_ACCENT;
        }
    }
  if (activated)
    frame->outline[activated->index] |= OUTLINE_ACCENT;
  for (guint c = 0; c < n_countries; c++)
    {
      if (params->compare_day != 0 && self->state_of[c] != NULL &&
          self->compare_status[c] != self->status[c])
        frame->outline[c] |= OUTLINE_CHANGED;
      if (!self->country_visible[c])
        frame->outline[c] = 0;
    }

  /* The date and the legend claim their corners before the labels are placed. */
  if (params->flags & MBA_MAP_RENDER_DATE)
    {
      frame->date_text = mba_day_format (params->day);
      if (params->compare_day != 0)
        {
          g_autofree char *compare_date = mba_day_format (params->compare_day);

          /* Translators: under the map's date in compare mode; %s is the other date */
          frame->compare_text = g_strdup_printf (_("compared with %s"), compare_date);
        }
      date_rect (self, frame);
      frame->show_date = frame->date_box.x2 < params->width - MARGIN;
      if (frame->show_date)
        g_array_append_val (placed, frame->date_box);
    }
  if (params->flags & MBA_MAP_RENDER_LEGEND)
    {
      format_legend_rows (params, frame->legend_rows);
      frame->show_legend = legend_rect (self, params, frame->legend_rows, &frame->legend);
      if (frame->show_legend)
        g_array_append_val (placed, frame->legend);
    }
  if (params->flags & MBA_MAP_RENDER_LABELS)
    place_labels (self, params, frame, placed);
}

static void
frame_clear (Frame *frame)
{
  g_free (frame->outline);
  g_array_unref (frame->labels);
  g_ptr_array_unref (frame->legend_rows);
  g_free (frame->date_text);
  g_free (frame->compare_text);
}

static void
draw_overlay (MbaMapRenderer *self,
              cairo_t        *cr,
              const Frame    *frame,
              gboolean        vector)
{
  draw_outlines (self, cr, frame);
  for (guint i = 0; i < frame->labels->len; i++)
    draw_label (self, cr, &g_array_index (frame->labels, PlacedLabel, i), frame->palette, vector);
}

static void
draw_vectors (MbaMapRenderer *self,
              cairo_t        *cr,
              const Frame    *frame)
{
  if (!frame->transparent)
    draw_background (self, cr, frame->palette);
  draw_fills (self, cr, frame->palette, NULL, NULL);
  draw_borders (self, cr, frame->palette);
  draw_markers (self, cr, frame->palette, NULL);
  draw_overlay (self, cr, frame, TRUE);
  draw_hover (self, cr, frame);
  if (frame->show_date)
    draw_date (self, cr, frame, TRUE);
  if (frame->show_legend)
    draw_legend (self, cr, frame, TRUE);
}

static cairo_surface_t *
new_layer (MbaMapRenderer *self,
           cairo_format_t  format)
{
  double s = self->raster_scale;
  cairo_surface_t *surface = cairo_image_surface_create (format, (int) ceil (self->width * s),
                                                         (int) ceil (self->height * s));

  cairo_surface_set_device_scale (surface, s, s);
  return surface;
}

/* Clips to @rect grown to whole device pixels: drawing is then the same inside as a full
 * redraw's, so a partial update leaves no seam. */
static void
clip_to_pixels (MbaMapRenderer   *self,
                cairo_t          *cr,
                const MbaMapRect *rect)
{
  double s = self->raster_scale;
  double x1 = floor (rect->x1 * s) / s, y1 = floor (rect->y1 * s) / s;
  double x2 = ceil (rect->x2 * s) / s, y2 = ceil (rect->y2 * s) / s;

  cairo_rectangle (cr, x1, y1, x2 - x1, y2 - y1);
}

/* The opaque layer: sea, fills, borders and markers. When the date moves, only the countries
 * whose status changed are repainted (with everything under their bounds). */
static void
update_map_layer (MbaMapRenderer *self,
                  const Frame    *frame)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  MbaMapRect screen = { 0, 0, self->width, self->height };
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (MbaMapRect));
  g_autofree guint8 *mask = NULL;
  gboolean full = self->map_layer == NULL || self->map_status == NULL;
  double area = 0;
  cairo_t *cr;

  if (self->borders_layer == NULL)
    {
      self->borders_layer = new_layer (self, CAIRO_FORMAT_ARGB32);
      cr = cairo_create (self->borders_layer);
      draw_borders (self, cr, frame->palette);
      cairo_destroy (cr);
    }

  if (!full)
    {
      for (guint c = 0; c < n_countries; c++)
        if (self->map_status[c] != self->status[c] && self->country_visible[c])
          {
            MbaMapRect r = country_extent (self, c);

            rect_grow (&r, DAMAGE_MARGIN);
            if (!rects_intersect (&r, &screen))
              continue;
            r.x1 = MAX (r.x1, 0);
            r.y1 = MAX (r.y1, 0);
            r.x2 = MIN (r.x2, self->width);
            r.y2 = MIN (r.y2, self->height);
            area += (r.x2 - r.x1) * (r.y2 - r.y1);
            g_array_append_val (damage, r);
          }
      if (damage->len == 0)
        {
          memcpy (self->map_status, self->status, n_countries * sizeof (MbaStatus));
          return;
        }
      full = area > 0.6 * self->width * self->height;
    }

  if (self->map_layer == NULL)
    self->map_layer = new_layer (self, CAIRO_FORMAT_RGB24);
  cr = cairo_create (self->map_layer);
  if (!full)
    {
      mask = g_new0 (guint8, n_countries);
      for (guint i = 0; i < damage->len; i++)
        clip_to_pixels (self, cr, &g_array_index (damage, MbaMapRect, i));
      cairo_clip (cr);
      for (guint c = 0; c < n_countries; c++)
        {
          MbaMapRect r;

          if (!self->country_visible[c])
            continue;
          r = country_extent (self, c);
          rect_grow (&r, 1);
          for (guint i = 0; i < damage->len && !mask[c]; i++)
            mask[c] = rects_intersect (&r, &g_array_index (damage, MbaMapRect, i));
        }
    }
  draw_background (self, cr, frame->palette);
  draw_fills (self, cr, frame->palette, mask, full ? NULL : damage);
  cairo_set_source_surface (cr, self->borders_layer, 0, 0);
  cairo_paint (cr);
  draw_markers (self, cr, frame->palette, mask);
  cairo_destroy (cr);

  if (self->map_status == NULL)
    self->map_status = g_new (MbaStatus, n_countries);
  memcpy (self->map_status, self->status, n_countries * sizeof (MbaStatus));
}

/* The transparent layer of outlines and labels, redrawn when either changes. */
static void
update_overlay_layer (MbaMapRenderer *self,
                      const Frame    *frame)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  g_autoptr(GArray) key = g_array_new (FALSE, FALSE, sizeof (guint32));
  MbaMapRect bounds = { 1, 1, 0, 0 };
  cairo_t *cr;

  for (guint c = 0; c < n_countries; c++)
    if (frame->outline[c])
      {
        guint32 v = c << 8 | frame->outline[c];
        MbaMapRect r = country_extent (self, c);

        g_array_append_val (key, v);
        rect_grow (&r, OUTLINE_ACCENT_WIDTH + 2);
        rect_union (&bounds, &r);
      }
  for (guint i = 0; i < frame->labels->len; i++)
    {
      const PlacedLabel *label = &g_array_index (frame->labels, PlacedLabel, i);
      guint32 v[4] = { label->country, label->bold, (guint32) (int) label->x, (guint32) (int) label->y };
      double w, h;
      MbaMapRect r;

      g_array_append_vals (key, v, 4);
      mba_text_layout_size (label->layout, &w, &h);
      r = (MbaMapRect) { label->x, label->y, label->x + w, label->y + h };
      rect_grow (&r, LABEL_HALO + 1);
      rect_union (&bounds, &r);
    }

  if (self->overlay_valid && self->overlay_layer && key->len == self->overlay_key->len &&
      memcmp (key->data, self->overlay_key->data, key->len * sizeof (guint32)) == 0)
    return;

  if (self->overlay_layer == NULL)
    self->overlay_layer = new_layer (self, CAIRO_FORMAT_ARGB32);
  cr = cairo_create (self->overlay_layer);
  if (self->overlay_bounds.x2 >= self->overlay_bounds.x1)
    {
      /* Only the last drawing's bounds hold anything. */
      cairo_save (cr);
      clip_to_pixels (self, cr, &self->overlay_bounds);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  draw_overlay (self, cr, frame, FALSE);
  cairo_destroy (cr);

  g_array_set_size (self->overlay_key, 0);
  g_array_append_vals (self->overlay_key, key->data, key->len);
  self->overlay_bounds = bounds;
  self->overlay_valid = TRUE;
}

static void
draw_layers (MbaMapRenderer           *self,
             cairo_t                  *cr,
             const MbaMapRenderParams *params,
             const Frame              *frame)
{
  double scale = params->device_scale > 0 ? params->device_scale : context_scale (cr);

  if (self->raster_scale != scale || self->raster_theme != (int) params->theme)
    {
      clear_layers (self);
      g_hash_table_remove_all (self->sprites);
      g_clear_pointer (&self->date_sprite, cairo_surface_destroy);
      self->raster_scale = scale;
      self->raster_theme = params->theme;
    }

  update_map_layer (self, frame);
  update_overlay_layer (self, frame);

  cairo_set_source_surface (cr, self->map_layer, 0, 0);
  cairo_paint (cr);
  if (self->overlay_bounds.x2 > self->overlay_bounds.x1)
    {
      cairo_save (cr);
      clip_to_pixels (self, cr, &self->overlay_bounds);
      cairo_clip (cr);
      cairo_set_source_surface (cr, self->overlay_layer, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  draw_hover (self, cr, frame);
  if (frame->show_date)
    draw_date (self, cr, frame, FALSE);
  if (frame->show_legend)
    draw_legend (self, cr, frame, FALSE);
}

/**
 * mba_map_renderer_draw:
 * @cr: where to draw; the map fills (0, 0)–(@params->width, @params->height) in its user space
 *
 * Draws the whole chart: sea, every country filled by its status on @params->day (hatched
 * where the status is a withdrawal or unknown), borders, markers for states too small to see,
 * the outlines of the compare mode, the selected event and the filter, the story's labels, the
 * hover, the date and the legend.
 */
void
mba_map_renderer_draw (MbaMapRenderer           *self,
                       cairo_t                  *cr,
                       const MbaMapRenderParams *params)
{
  Frame frame;

  g_return_if_fail (MBA_IS_MAP_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (params != NULL && MBA_IS_WORLD_MAP (params->map));
  g_return_if_fail (params->dataset == NULL || MBA_IS_DATASET (params->dataset));

  if (params->width <= 0 || params->height <= 0)
    return;

  ensure_view (self, params);
  ensure_dataset (self, params);
  ensure_status (self, params);
  frame_init (self, params, &frame);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, params->width, params->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  /* The raster layers are opaque; a transparent frame is drawn directly. */
  if (is_vector_target (cr) || frame.transparent)
    draw_vectors (self, cr, &frame);
  else
    draw_layers (self, cr, params, &frame);
  cairo_restore (cr);

  frame_clear (&frame);
}

/**
 * mba_map_renderer_hit_test:
 * @x: a point in the drawing's user space
 * @y: a point in the drawing's user space
 *
 * Returns: (nullable): the country drawn at (@x, @y): a small state's marker first, then the
 *   outlines; %NULL at sea or outside the world
 */
const MbaMapCountry *
mba_map_renderer_hit_test (MbaMapRenderer           *self,
                           const MbaMapRenderParams *params,
                           double                    x,
                           double                    y)
{
  const MbaMapCountry *best = NULL;
  double best_d = MARKER_RADIUS + 3;

  g_return_val_if_fail (MBA_IS_MAP_RENDERER (self), NULL);
  g_return_val_if_fail (params != NULL && MBA_IS_WORLD_MAP (params->map), NULL);

  if (params->width <= 0 || params->height <= 0)
    return NULL;
  ensure_view (self, params);
  ensure_dataset (self, params);

  for (guint c = 0; c < mba_world_map_get_n_countries (self->map); c++)
    if (is_marker (self, c))
      {
        double d = hypot (x - self->anchor_screen[2 * c], y - self->anchor_screen[2 * c + 1]);

        if (d <= best_d)
          {
            best_d = d;
            best = mba_world_map_get_country (self->map, c);
          }
      }
  if (best)
    return best;
  return mba_map_view_hit_test (&params->view, params->map, params->width, params->height, x, y);
}

/**
 * mba_map_renderer_get_state_point:
 * @code: an alpha-3 code of the map
 *
 * Where a country is on the drawing: its anchor (inside its largest piece), projected.
 *
 * Returns: %FALSE when the map has no such country
 */
gboolean
mba_map_renderer_get_state_point (MbaMapRenderer           *self,
                                  const MbaMapRenderParams *params,
                                  const char               *code,
                                  double                   *x,
                                  double                   *y)
{
  const MbaMapCountry *country;

  g_return_val_if_fail (MBA_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (params != NULL && MBA_IS_WORLD_MAP (params->map), FALSE);

  country = mba_world_map_find_country (params->map, code);
  if (country == NULL)
    return FALSE;
  ensure_view (self, params);
  *x = self->anchor_screen[2 * country->index];
  *y = self->anchor_screen[2 * country->index + 1];
  return TRUE;
}

/**
 * mba_map_render:
 *
 * Draws one frame without keeping caches: for exports.
 */
void
mba_map_render (cairo_t                  *cr,
                const MbaMapRenderParams *params)
{
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();

  mba_map_renderer_draw (renderer, cr, params);
}
