/* mba-map-renderer-labels.c: text on the map, and the states' names placed where they fit
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "mba-map-renderer-private.h"
#include "mba-map-summary.h"
#include "mba-text.h"

/* Text -------------------------------------------------------------------------------------- */

PangoLayout *
_mba_map_get_layout (MbaMapRenderer *self,
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
void
_mba_map_show_text (cairo_t          *cr,
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
cairo_surface_t *
_mba_map_new_sprite (MbaMapRenderer *self,
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

/* A thin line, with a dot, from a name moved off its state back to the state. */
void
_mba_map_draw_leader (cairo_t           *cr,
                      const PlacedLabel *label,
                      const MbaPalette  *palette)
{
  const MbaMapRect *r = &label->rect;
  double ex = CLAMP (label->point_x, r->x1, r->x2), ey = CLAMP (label->point_y, r->y1, r->y2);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, label->point_x, label->point_y);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  mba_palette_set_source (cr, &palette->surface);
  cairo_set_line_width (cr, 3.0);
  cairo_stroke_preserve (cr);
  mba_palette_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_arc (cr, label->point_x, label->point_y, 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A label: vectors on vector targets, else a cached raster copy (stroking the halo of each
 * name every frame would cost more than the whole map). */
void
_mba_map_draw_label (MbaMapRenderer    *self,
                     cairo_t           *cr,
                     const PlacedLabel *label,
                     const MbaPalette  *palette,
                     gboolean           vector)
{
  g_autofree char *key = NULL;
  cairo_surface_t *sprite;

  if (vector)
    {
      _mba_map_show_text (cr, label->layout, label->x, label->y, palette, TRUE);
      return;
    }
  key = g_strdup_printf ("label:%p", (void *) label->layout);
  sprite = g_hash_table_lookup (self->sprites, key);
  if (sprite == NULL)
    {
      cairo_t *scr;
      double w, h;

      mba_text_layout_size (label->layout, &w, &h);
      sprite = _mba_map_new_sprite (self, w + 2 * LABEL_HALO, h + 2 * LABEL_HALO, &scr);
      _mba_map_show_text (scr, label->layout, LABEL_HALO, LABEL_HALO, palette, TRUE);
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

      if (mba_map_ring_contains (pts + 2 * span->first, span->n, x, y))
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
  int    tier;        /* see candidate_tier() */
  guint  n_events;
  double area;
} LabelCandidate;

/* The picture's own states first (those selected among them first of all, then the rest of
 * them), then a selection outside them, the states compare mode marks, and the other states
 * of the dataset's events. */
enum
{
  TIER_FOCUS_ACCENT,
  TIER_FOCUS,
  TIER_ACCENT,
  TIER_CHANGED,
  TIER_OTHER,
};

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  /* The smallest of the picture's states choose first: the large ones have room to move. */
  if (x->tier <= TIER_FOCUS && x->area != y->area)
    return x->area < y->area ? -1 : 1;
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
    if (mba_map_rect_intersects (&g_array_index (placed, MbaMapRect, i), r))
      return TRUE;
  return FALSE;
}

/* Where a name goes when its country's middle is taken: beside it (still over it), then
 * above and below (in units of the name's width and height). */
static const double focus_offsets[][2] = {
  { 0, 0 }, { -0.5, 0 }, { 0.5, 0 }, { -0.8, 0 }, { 0.8, 0 }, { -1.2, 0 }, { 1.2, 0 },
  { -1.2, -0.4 }, { 1.2, -0.4 }, { -1.2, 0.4 }, { 1.2, 0.4 }, { 0, -1 }, { 0, 1 },
  { -0.5, -1 }, { 0.5, -1 }, { -0.5, 1 }, { 0.5, 1 }, { 0, -2 }, { 0, 2 },
  { -1.6, 0 }, { 1.6, 0 }, { -1.2, -1 }, { 1.2, -1 }, { -1.2, 1 }, { 1.2, 1 },
  { -1.6, -1 }, { 1.6, -1 }, { -1.6, 1 }, { 1.6, 1 },
};

/* Is (x, y) on one of the picture's states other than @c? A name moved off its own state must
 * not seem to name a neighbour. */
static gboolean
on_other_focus_state (MbaMapRenderer *self,
                      const Frame    *frame,
                      guint           c,
                      double          x,
                      double          y)
{
  for (guint o = 0; o < mba_world_map_get_n_countries (self->map); o++)
    if (o != c && frame->focus[o] && self->country_visible[o] &&
        mba_map_rect_contains (&self->country_screen[o], x, y) &&
        screen_point_in_country (self, o, x, y))
      return TRUE;
  return FALSE;
}

/* Does the line from a moved name to its state run under a name already placed? */
static gboolean
leader_crosses (GArray            *placed,
                const PlacedLabel *label)
{
  const MbaMapRect *r = &label->rect;
  double ex = CLAMP (label->point_x, r->x1, r->x2), ey = CLAMP (label->point_y, r->y1, r->y2);

  for (int k = 0; k <= 16; k++)
    {
      double t = k / 16.0, x = ex + t * (label->point_x - ex), y = ey + t * (label->point_y - ey);

      for (guint i = 0; i < placed->len; i++)
        if (mba_map_rect_contains (&g_array_index (placed, MbaMapRect, i), x, y))
          return TRUE;
    }
  return FALSE;
}

static gboolean
try_place_label (MbaMapRenderer           *self,
                 const MbaMapRenderParams *params,
                 const Frame              *frame,
                 GArray                   *placed,
                 const LabelCandidate     *candidate,
                 int                       px,
                 gboolean                  move,
                 PlacedLabel              *label)
{
  guint c = candidate->country;
  gboolean focus = candidate->tier <= TIER_FOCUS;
  double w, h, x, y;

  *label = (PlacedLabel) { .country = c, .px = px };
  label->bold = candidate->tier == TIER_FOCUS_ACCENT || candidate->tier == TIER_ACCENT;
  label->layout = _mba_map_get_layout (self, mba_state_get_display_name (self->state_of[c]),
                                       px, label->bold);
  mba_text_layout_size (label->layout, &w, &h);
  if (_mba_map_is_marker (self, c))
    {
      if (!_mba_map_anchor_on_screen (self, c))
        return FALSE;
      x = self->anchor_screen[2 * c] + MARKER_RADIUS + 3;
      y = self->anchor_screen[2 * c + 1] - h / 2;
    }
  else
    {
      const MbaMapRect *r = &self->country_screen[c];

      /* A name much bigger than its country would hide its neighbours: only the states
       * the user is looking at get one. */
      if (candidate->tier == TIER_OTHER && (r->x2 - r->x1) < w / 3 && (r->y2 - r->y1) < h)
        return FALSE;
      if (!get_label_point (self, c, w / 2 + 2, h / 2 + 2, &x, &y))
        {
          double ax = self->anchor_screen[2 * c], ay = self->anchor_screen[2 * c + 1];

          /* A focus state just off the edge still gets its name, at the edge. */
          if (!focus || ax < -w || ay < -h || ax > params->width + w || ay > params->height + h)
            return FALSE;
          x = ax;
          y = ay;
        }
      x -= w / 2;
      y -= h / 2;
    }
  for (guint o = 0; o < (focus && move ? G_N_ELEMENTS (focus_offsets) : 1); o++)
    {
      double lx = x + focus_offsets[o][0] * w, ly = y + focus_offsets[o][1] * (h + 2);

      if (focus)
        {
          lx = CLAMP (lx, 2, params->width - w - 2);
          ly = CLAMP (ly, 1, params->height - h - 1);
          if (o > 0 && on_other_focus_state (self, frame, c, lx + w / 2, ly + h / 2))
            continue;
        }
      /* Whole units, so that raster copies land on whole pixels. */
      label->x = round (lx);
      label->y = round (ly);
      label->rect = (MbaMapRect) { label->x - 2, label->y - 1, label->x + w + 2, label->y + h + 1 };
      label->point_x = x + w / 2;
      label->point_y = y + h / 2;
      label->leader = !mba_map_rect_contains (&label->rect, label->point_x, label->point_y);
      if (!(label->rect.x1 < 0 || label->rect.y1 < 0 || label->rect.x2 > params->width ||
            label->rect.y2 > params->height || collides (placed, &label->rect) ||
            (label->leader && leader_crosses (placed, label))))
        return TRUE;
    }
  return FALSE;
}

/* Names for the states of the story (those in any event), most involved first, each where it
 * fits without covering another name, the date or the legend; a fixed size at every zoom. The
 * picture's focus states are named first, moved off their middle or in from the edge when that
 * is what it takes. */
void
_mba_map_place_labels (MbaMapRenderer           *self,
                       const MbaMapRenderParams *params,
                       Frame                    *frame,
                       GArray                   *placed)
{
  guint n_countries = mba_world_map_get_n_countries (self->map);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));

  for (guint c = 0; c < n_countries; c++)
    {
      LabelCandidate candidate = { .country = c, .tier = TIER_OTHER, .n_events = self->n_events[c] };
      const MbaMapRect *r = &self->country_screen[c];
      gboolean accent = (frame->outline[c] & OUTLINE_ACCENT) != 0;

      if (self->state_of[c] == NULL || !self->country_visible[c])
        continue;
      if (frame->focus[c])
        candidate.tier = accent ? TIER_FOCUS_ACCENT : TIER_FOCUS;
      else if (accent)
        candidate.tier = TIER_ACCENT;
      else if (frame->outline[c] & OUTLINE_CHANGED)
        candidate.tier = TIER_CHANGED;
      else if (self->n_events[c] == 0)
        continue;
      candidate.area = (r->x2 - r->x1) * (r->y2 - r->y1);
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const LabelCandidate *candidate = &g_array_index (candidates, LabelCandidate, i);
      gboolean focus = candidate->tier <= TIER_FOCUS;
      PlacedLabel label;

      /* A state of the picture crowded at the usual size gets a slightly smaller name on it,
       * else its name beside it with a line. */
      if (try_place_label (self, params, frame, placed, candidate, LABEL_PX, FALSE, &label) ||
          (focus && (try_place_label (self, params, frame, placed, candidate, LABEL_PX_SMALL, FALSE, &label) ||
                     try_place_label (self, params, frame, placed, candidate, LABEL_PX, TRUE, &label) ||
                     try_place_label (self, params, frame, placed, candidate, LABEL_PX_SMALL, TRUE, &label))))
        {
          g_array_append_val (placed, label.rect);
          g_array_append_val (frame->labels, label);
        }
    }
}
