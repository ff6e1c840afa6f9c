/* mba-map-renderer-legend.c: the map's legend and its date, each in a box in a corner
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mba-map-renderer-private.h"
#include "mba-text.h"

/* The legend and the date ------------------------------------------------------------------- */

void
_mba_map_format_legend_rows (const MbaMapRenderParams *params,
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

static double
overlap_area (const MbaMapRect *a,
              const MbaMapRect *b)
{
  double w = MIN (a->x2, b->x2) - MAX (a->x1, b->x1), h = MIN (a->y2, b->y2) - MAX (a->y1, b->y1);

  return w > 0 && h > 0 ? w * h : 0;
}

/* The first corner where the legend covers none of the focus states' boxes: bottom right
 * first (in the regional view Russia or the Middle East, in the world view the Southern Ocean),
 * then bottom left, top right and top left, never over the date. A map too small for that has
 * no legend: the states it is about matter more (exports then give it in their caption). */
gboolean
_mba_map_legend_rect (MbaMapRenderer           *self,
                      const MbaMapRenderParams *params,
                      const Frame              *frame,
                      MbaMapRect               *rect)
{
  GPtrArray *rows = frame->legend_rows;
  double w = 0, h, tw, th;
  guint n_countries = mba_world_map_get_n_countries (self->map);

  for (guint i = 0; i < rows->len; i++)
    {
      PangoLayout *layout = _mba_map_get_layout (self, g_ptr_array_index (rows, i), LEGEND_PX, FALSE);

      mba_text_layout_size (layout, &tw, &th);
      w = MAX (w, tw);
    }
  mba_text_layout_size (_mba_map_get_layout (self, _("Treaty status"), LEGEND_PX, TRUE), &tw, &th);
  w = ceil (MAX (w + LEGEND_SWATCH_W + 8, tw) + 2 * LEGEND_PAD);
  h = ceil (2 * LEGEND_PAD + th + 4 + rows->len * LEGEND_ROW);
  /* Too small a map for a legend: exports and the window are larger than this. */
  if (h + 60 + MARGIN > params->height || w > params->width * 0.6)
    return FALSE;

  for (int corner = 0; corner < 4; corner++)
    {
      gboolean right = corner == 0 || corner == 2, bottom = corner < 2;
      MbaMapRect r;
      double cover = 0;

      r.x1 = right ? params->width - MARGIN - w : MARGIN;
      r.y1 = bottom ? params->height - MARGIN - h : MARGIN;
      r.x2 = r.x1 + w;
      r.y2 = r.y1 + h;
      if (frame->show_date && mba_map_rect_intersects (&r, &frame->date_box))
        continue;
      for (guint c = 0; c < n_countries; c++)
        if (frame->focus[c] && self->country_visible[c])
          {
            MbaMapRect box = _mba_map_country_extent (self, c);

            cover += overlap_area (&r, &box);
          }
      if (cover == 0)
        {
          *rect = r;
          return TRUE;
        }
    }
  return FALSE;
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
  PangoLayout *title = _mba_map_get_layout (self, _("Treaty status"), LEGEND_PX, TRUE);
  MbaMapRect box = { 0, 0, width, height };
  double tw, th, y;

  draw_box (cr, &box, palette);
  mba_text_layout_size (title, &tw, &th);
  _mba_map_show_text (cr, title, LEGEND_PAD, LEGEND_PAD, palette, FALSE);
  y = LEGEND_PAD + th + 4;

  for (guint i = 0; i < rows->len; i++, y += LEGEND_ROW)
    {
      PangoLayout *layout = _mba_map_get_layout (self, g_ptr_array_index (rows, i), LEGEND_PX, FALSE);
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
      _mba_map_show_text (cr, layout, sx + LEGEND_SWATCH_W + 8, y + (LEGEND_ROW - lh) / 2, palette, FALSE);
    }
}

void
_mba_map_draw_legend (MbaMapRenderer *self,
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

      sprite = _mba_map_new_sprite (self, width, height, &scr);
      draw_legend_at_origin (self, scr, frame->palette, frame->legend_rows, width, height);
      cairo_destroy (scr);
      g_hash_table_insert (self->sprites, g_strdup (key->str), sprite);
    }
  cairo_set_source_surface (cr, sprite, r->x1, r->y1);
  cairo_paint (cr);
}

void
_mba_map_date_rect (MbaMapRenderer *self,
                    Frame          *frame)
{
  double w, h, cw = 0, ch = 0;

  mba_text_layout_size (_mba_map_get_layout (self, frame->date_text, DATE_PX, TRUE), &w, &h);
  if (frame->compare_text)
    mba_text_layout_size (_mba_map_get_layout (self, frame->compare_text, LEGEND_PX, FALSE), &cw, &ch);
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
  PangoLayout *date = _mba_map_get_layout (self, frame->date_text, DATE_PX, TRUE);
  MbaMapRect box = { 0, 0, frame->date_box.x2 - frame->date_box.x1,
                     frame->date_box.y2 - frame->date_box.y1 };
  double w, h;

  draw_box (cr, &box, frame->palette);
  mba_text_layout_size (date, &w, &h);
  _mba_map_show_text (cr, date, LEGEND_PAD, 6, frame->palette, FALSE);
  if (frame->compare_text)
    _mba_map_show_text (cr, _mba_map_get_layout (self, frame->compare_text, LEGEND_PX, FALSE),
                        LEGEND_PAD, 6 + h, frame->palette, FALSE);
}

void
_mba_map_draw_date (MbaMapRenderer *self,
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
      self->date_sprite = _mba_map_new_sprite (self, frame->date_box.x2 - frame->date_box.x1,
                                               frame->date_box.y2 - frame->date_box.y1, &scr);
      draw_date_at_origin (self, scr, frame);
      cairo_destroy (scr);
      g_free (self->date_sprite_key);
      self->date_sprite_key = g_steal_pointer (&key);
    }
  cairo_set_source_surface (cr, self->date_sprite, frame->date_box.x1, frame->date_box.y1);
  cairo_paint (cr);
}

