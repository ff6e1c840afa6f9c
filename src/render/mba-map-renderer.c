/* mba-map-renderer.c: the regional chart drawn onto any cairo context
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mba-map-renderer-private.h"

G_DEFINE_FINAL_TYPE (MbaMapRenderer, mba_map_renderer, G_TYPE_OBJECT)

void
_mba_map_clear_layers (MbaMapRenderer *self)
{
  g_clear_pointer (&self->borders_layer, cairo_surface_destroy);
  g_clear_pointer (&self->map_layer, cairo_surface_destroy);
  g_clear_pointer (&self->map_status, g_free);
  g_clear_pointer (&self->overlay_layer, cairo_surface_destroy);
  self->overlay_bounds = (MbaMapRect) { 1, 1, 0, 0 };
  self->overlay_valid = FALSE;
}

void
_mba_map_clear_dataset (MbaMapRenderer *self)
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

  _mba_map_clear_view (self);
  _mba_map_clear_dataset (self);
  g_clear_object (&self->map);
  g_array_unref (self->pts);
  g_array_unref (self->psig);
  g_array_unref (self->vrings);
  g_array_unref (self->vring_bounds);
  g_array_unref (self->varcs);
  g_array_unref (self->varc_bounds);
  g_array_unref (self->sphere);
  g_array_unref (self->overlay_key);
  g_array_unref (self->last_labels);
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
  self->last_labels = g_array_new (FALSE, FALSE, sizeof (LabelRect));
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

/* How much room a story's frame leaves around its states, as a share of its larger side: their
 * neighbours, and space for the names of the states at its edges. */
#define FOCUS_FRAME_MARGIN 0.12

/**
 * mba_map_get_focus_frame:
 * @frame: (out): the states' outlines, projected, with room around them
 *
 * Returns: %FALSE when the map has none of the states
 */
gboolean
mba_map_get_focus_frame (MbaWorldMap           *map,
                         MbaMapProjection       projection,
                         const MbaState *const *states,
                         guint                  n_states,
                         MbaMapRect            *frame)
{
  const MbaMapRect *limits;
  double margin;

  g_return_val_if_fail (MBA_IS_WORLD_MAP (map), FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);

  mba_map_rect_init_empty (frame);
  for (guint i = 0; i < n_states; i++)
    {
      const MbaMapCountry *country = mba_world_map_find_country (map, states[i]->code);
      const MbaMapRect *bounds;

      if (country == NULL)
        continue;
      bounds = mba_world_map_get_country_bounds (map, projection, country->index);
      if (bounds->x2 >= bounds->x1 && isfinite (bounds->x1) && isfinite (bounds->x2))
        mba_map_rect_union (frame, bounds);
    }
  if (frame->x1 > frame->x2)
    return FALSE;
  margin = FOCUS_FRAME_MARGIN * MAX (frame->x2 - frame->x1, frame->y2 - frame->y1);
  mba_map_rect_grow (frame, margin);
  limits = mba_map_projection_get_limits (projection);
  frame->x1 = MAX (frame->x1, limits->x1);
  frame->y1 = MAX (frame->y1, limits->y1);
  frame->x2 = MIN (frame->x2, limits->x2);
  frame->y2 = MIN (frame->y2, limits->y2);
  return frame->x2 > frame->x1 && frame->y2 > frame->y1;
}

/**
 * mba_map_render_params_set_focus:
 * @states: (array length=n_states): the states the picture is about
 *
 * Labels @states first and keeps the legend off them; a regional view is framed on them and
 * their neighbours (the world view keeps the whole world).
 */
void
mba_map_render_params_set_focus (MbaMapRenderParams    *params,
                                 const MbaState *const *states,
                                 guint                  n_states)
{
  MbaMapRect frame;

  g_return_if_fail (params != NULL && MBA_IS_WORLD_MAP (params->map));

  params->focus_states = states;
  params->n_focus_states = n_states;
  if (params->view.projection == MBA_MAP_PROJECTION_REGIONAL &&
      mba_map_get_focus_frame (params->map, params->view.projection, states, n_states, &frame))
    mba_map_view_init_framed (&params->view, params->view.projection, &frame);
}

/**
 * mba_map_render_params_set_story:
 *
 * mba_map_render_params_set_focus() on the states of the dataset's story; nothing when the
 * dataset names none.
 */
void
mba_map_render_params_set_story (MbaMapRenderParams *params)
{
  const MbaStory *story;

  g_return_if_fail (params != NULL);

  story = params->dataset ? mba_dataset_get_story (params->dataset) : NULL;
  if (story != NULL)
    mba_map_render_params_set_focus (params, story->states, story->n_states);
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

  _mba_map_clear_dataset (self);
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
  frame->focus = g_new0 (gboolean, n_countries);
  for (guint i = 0; i < params->n_focus_states; i++)
    {
      const MbaMapCountry *country = mba_world_map_find_country (self->map,
                                                                 params->focus_states[i]->code);
      if (country)
        frame->focus[country->index] = TRUE;
    }
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
      _mba_map_date_rect (self, frame);
      frame->show_date = frame->date_box.x2 < params->width - MARGIN;
      if (frame->show_date)
        g_array_append_val (placed, frame->date_box);
    }
  if (params->flags & MBA_MAP_RENDER_LEGEND)
    {
      _mba_map_format_legend_rows (params, frame->legend_rows);
      frame->show_legend = _mba_map_legend_rect (self, params, frame, &frame->legend);
      if (frame->show_legend)
        g_array_append_val (placed, frame->legend);
    }
  if (params->flags & MBA_MAP_RENDER_LABELS)
    _mba_map_place_labels (self, params, frame, placed);
}

/* Keeps where the frame's names and legend went, for mba_map_renderer_get_label_rect(). */
static void
frame_remember (MbaMapRenderer *self,
                const Frame    *frame)
{
  g_array_set_size (self->last_labels, 0);
  for (guint i = 0; i < frame->labels->len; i++)
    {
      const PlacedLabel *label = &g_array_index (frame->labels, PlacedLabel, i);
      LabelRect placed = { label->country, label->rect };

      g_array_append_val (self->last_labels, placed);
    }
  self->last_legend_shown = frame->show_legend;
  self->last_legend = frame->legend;
}

static void
frame_clear (Frame *frame)
{
  g_free (frame->outline);
  g_free (frame->focus);
  g_array_unref (frame->labels);
  g_ptr_array_unref (frame->legend_rows);
  g_free (frame->date_text);
  g_free (frame->compare_text);
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

  _mba_map_ensure_view (self, params);
  ensure_dataset (self, params);
  ensure_status (self, params);
  frame_init (self, params, &frame);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, params->width, params->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  /* The raster layers are opaque; a transparent frame is drawn directly. */
  if (_mba_map_is_vector_target (cr) || frame.transparent)
    _mba_map_draw_vectors (self, cr, &frame);
  else
    _mba_map_draw_layers (self, cr, params, &frame);
  cairo_restore (cr);

  frame_remember (self, &frame);
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
  _mba_map_ensure_view (self, params);
  ensure_dataset (self, params);

  for (guint c = 0; c < mba_world_map_get_n_countries (self->map); c++)
    if (_mba_map_is_marker (self, c))
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
  _mba_map_ensure_view (self, params);
  *x = self->anchor_screen[2 * country->index];
  *y = self->anchor_screen[2 * country->index + 1];
  return TRUE;
}

/**
 * mba_map_renderer_get_state_box:
 * @box: (out): the bounding box of the state's outline (or marker), in the drawing's user space
 *
 * Returns: %FALSE when the map has no such country
 */
gboolean
mba_map_renderer_get_state_box (MbaMapRenderer           *self,
                                const MbaMapRenderParams *params,
                                const char               *code,
                                MbaMapRect               *box)
{
  const MbaMapCountry *country;

  g_return_val_if_fail (MBA_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (params != NULL && MBA_IS_WORLD_MAP (params->map), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  country = mba_world_map_find_country (params->map, code);
  if (country == NULL || params->width <= 0 || params->height <= 0)
    return FALSE;
  _mba_map_ensure_view (self, params);
  *box = _mba_map_country_extent (self, country->index);
  return TRUE;
}

/**
 * mba_map_renderer_get_label_rect:
 * @rect: (out): where the last drawing put the state's name
 *
 * Returns: %FALSE when the last drawing did not name the state
 */
gboolean
mba_map_renderer_get_label_rect (MbaMapRenderer *self,
                                 const char     *code,
                                 MbaMapRect     *rect)
{
  const MbaMapCountry *country;

  g_return_val_if_fail (MBA_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  country = self->map ? mba_world_map_find_country (self->map, code) : NULL;
  if (country == NULL)
    return FALSE;
  for (guint i = 0; i < self->last_labels->len; i++)
    if (g_array_index (self->last_labels, LabelRect, i).country == country->index)
      {
        *rect = g_array_index (self->last_labels, LabelRect, i).rect;
        return TRUE;
      }
  return FALSE;
}

/**
 * mba_map_renderer_get_legend_rect:
 * @rect: (out): where the last drawing put its legend
 *
 * Returns: %FALSE when the last drawing had no legend
 */
gboolean
mba_map_renderer_get_legend_rect (MbaMapRenderer *self,
                                  MbaMapRect     *rect)
{
  g_return_val_if_fail (MBA_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  *rect = self->last_legend;
  return self->last_legend_shown;
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
