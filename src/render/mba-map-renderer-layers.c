/* mba-map-renderer-layers.c: sea, fills, borders, markers and outlines, drawn as vectors or
 * through raster layers
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mba-map-renderer-private.h"
#include "mba-text.h"

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
  gboolean vector = _mba_map_is_vector_target (cr);
  double scale = _mba_map_context_scale (cr);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, MAP_ANTIALIAS);
  for (MbaStatus s = 0; s < MBA_N_STATUSES; s++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint c = 0; c < n_countries; c++)
        if (self->status[c] == s && self->country_vring_n[c] > 0 && !_mba_map_is_marker (self, c) &&
            (mask == NULL || mask[c]))
          {
            _mba_map_append_country (self, cr, c, damage);
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
    _mba_map_append_arc (self, cr, a, 0, 0);
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
      if (!_mba_map_is_marker (self, c) || !_mba_map_anchor_on_screen (self, c) || (mask && !mask[c]))
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
            _mba_map_append_outline (self, cr, c, OUTLINE_MIN_ARC, OUTLINE_SIMPLIFY_PX / self->scale / DEG);
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
  _mba_map_append_outline (self, cr, frame->hover, 0, 0);
  mba_palette_set_source (cr, &frame->palette->foreground);
  cairo_set_line_width (cr, OUTLINE_HOVER_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Frames: as vectors, or through raster layers --------------------------------------------- */

static void
draw_overlay (MbaMapRenderer *self,
              cairo_t        *cr,
              const Frame    *frame,
              gboolean        vector)
{
  draw_outlines (self, cr, frame);
  /* The lines of names moved off their states go under every name. */
  for (guint i = 0; i < frame->labels->len; i++)
    if (g_array_index (frame->labels, PlacedLabel, i).leader)
      _mba_map_draw_leader (cr, &g_array_index (frame->labels, PlacedLabel, i), frame->palette);
  for (guint i = 0; i < frame->labels->len; i++)
    _mba_map_draw_label (self, cr, &g_array_index (frame->labels, PlacedLabel, i), frame->palette, vector);
}

void
_mba_map_draw_vectors (MbaMapRenderer *self,
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
    _mba_map_draw_date (self, cr, frame, TRUE);
  if (frame->show_legend)
    _mba_map_draw_legend (self, cr, frame, TRUE);
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
            MbaMapRect r = _mba_map_country_extent (self, c);

            mba_map_rect_grow (&r, DAMAGE_MARGIN);
            if (!mba_map_rect_intersects (&r, &screen))
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
          r = _mba_map_country_extent (self, c);
          mba_map_rect_grow (&r, 1);
          for (guint i = 0; i < damage->len && !mask[c]; i++)
            mask[c] = mba_map_rect_intersects (&r, &g_array_index (damage, MbaMapRect, i));
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
        MbaMapRect r = _mba_map_country_extent (self, c);

        g_array_append_val (key, v);
        mba_map_rect_grow (&r, OUTLINE_ACCENT_WIDTH + 2);
        mba_map_rect_union (&bounds, &r);
      }
  for (guint i = 0; i < frame->labels->len; i++)
    {
      const PlacedLabel *label = &g_array_index (frame->labels, PlacedLabel, i);
      guint32 v[4] = { label->country, (guint32) label->bold | (guint32) label->px << 1, (guint32) (int) label->x, (guint32) (int) label->y };
      double w, h;
      MbaMapRect r;

      g_array_append_vals (key, v, 4);
      mba_text_layout_size (label->layout, &w, &h);
      r = (MbaMapRect) { label->x, label->y, label->x + w, label->y + h };
      if (label->leader)
        mba_map_rect_add_point (&r, label->point_x, label->point_y);
      mba_map_rect_grow (&r, LABEL_HALO + 1);
      mba_map_rect_union (&bounds, &r);
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

void
_mba_map_draw_layers (MbaMapRenderer           *self,
                      cairo_t                  *cr,
                      const MbaMapRenderParams *params,
                      const Frame              *frame)
{
  double scale = params->device_scale > 0 ? params->device_scale : _mba_map_context_scale (cr);

  if (self->raster_scale != scale || self->raster_theme != (int) params->theme)
    {
      _mba_map_clear_layers (self);
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
    _mba_map_draw_date (self, cr, frame, FALSE);
  if (frame->show_legend)
    _mba_map_draw_legend (self, cr, frame, FALSE);
}

