/* mba-map-widget.c: the regional chart as a widget
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mba-country-names.h"
#include "mba-map-summary.h"
#include "mba-map-widget.h"
#include "mba-resource-setup.h"
#include "mba-tooltip.h"

#define ZOOM_STEP 1.25
#define PAN_STEP 60.0

struct _MbaMapWidget
{
  GtkWidget        parent_instance;

  MbaWorldMap     *map;
  MbaMapRenderer  *renderer;
  MbaSession      *session;       /* nullable: the app's state, which the fields below follow */
  MbaDataset      *dataset;
  gint32           day;
  gint32           compare_day;
  char            *selected_event_id;
  char            *activated_state;
  char            *hover_state;
  char            *summary;
  gboolean         world_view;
  MbaMapView       views[MBA_N_MAP_PROJECTIONS];

  double           pointer_x;
  double           pointer_y;
  gboolean         pointer_inside;
  MbaMapView       gesture_start;
};

G_DEFINE_FINAL_TYPE (MbaMapWidget, mba_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DAY,
  PROP_COMPARE_DAY,
  PROP_SELECTED_EVENT_ID,
  PROP_WORLD_VIEW,
  PROP_ACTIVATED_STATE,
  PROP_HOVER_STATE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STATE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * mba_map_widget_load_world_map:
 *
 * The outlines compiled into the program, loaded once and shared by every map.
 *
 * Returns: (transfer none) (nullable): the map, or %NULL if the resource is broken
 */
MbaWorldMap *
mba_map_widget_load_world_map (void)
{
  static MbaWorldMap *map;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GError) error = NULL;

      mba_resources_ensure_registered ();
      map = mba_world_map_new_from_resource (MBA_WORLD_MAP_RESOURCE, &error);
      if (map == NULL)
        g_critical ("Cannot load the world map: %s", error->message);
      g_once_init_leave (&loaded, 1);
    }
  return map;
}

static MbaMapView *
current_view (MbaMapWidget *self)
{
  return &self->views[self->world_view ? MBA_MAP_PROJECTION_WORLD : MBA_MAP_PROJECTION_REGIONAL];
}

static MbaTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? MBA_THEME_DARK : MBA_THEME_LIGHT;
}

/**
 * mba_map_widget_get_render_params:
 *
 * What the widget shows now, for an export that should look the same (change the size and
 * flags as needed). The strings point into the widget.
 */
void
mba_map_widget_get_render_params (MbaMapWidget       *self,
                                  MbaMapRenderParams *params)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (params != NULL);

  mba_map_render_params_init (params, self->map, self->dataset, current_view (self)->projection,
                              gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), self->day);
  params->view = *current_view (self);
  params->compare_day = self->compare_day;
  params->selected_event_id = self->selected_event_id;
  params->hover_code = self->hover_state;
  params->activated_code = self->activated_state;
  params->theme = current_theme ();
  params->device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (self->dataset && mba_dataset_get_story (self->dataset))
    {
      const MbaStory *story = mba_dataset_get_story (self->dataset);

      params->focus_states = story->states;
      params->n_focus_states = story->n_states;
    }
}

/* The regional view's home: the story's states and their neighbours, else Europe. A reload
 * of the same story keeps the user's zoom. */
static void
frame_story (MbaMapWidget *self)
{
  const MbaStory *story = self->dataset ? mba_dataset_get_story (self->dataset) : NULL;
  MbaMapView *view = &self->views[MBA_MAP_PROJECTION_REGIONAL];
  MbaMapRect home = { 1, 1, 0, 0 };

  if (story == NULL || self->map == NULL ||
      !mba_map_get_focus_frame (self->map, MBA_MAP_PROJECTION_REGIONAL, story->states,
                                story->n_states, &home))
    home = *mba_map_projection_get_home (MBA_MAP_PROJECTION_REGIONAL);
  if (memcmp (&home, &view->home, sizeof home) != 0)
    mba_map_view_init_framed (view, MBA_MAP_PROJECTION_REGIONAL, &home);
}

static void
update_summary (MbaMapWidget *self)
{
  g_autofree char *description = NULL;
  char *summary = NULL;

  if (self->dataset)
    summary = mba_map_summary (self->dataset, self->day);
  if (self->dataset && self->compare_day != 0)
    description = mba_map_changes_summary (self->dataset, self->compare_day, self->day);

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = summary;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      summary ? summary : _("Map of the treaty’s states"),
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
  else
    g_free (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);
}

static void
mba_map_widget_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MbaMapRenderParams params;
  cairo_t *cr;

  if (self->map == NULL || width <= 0 || height <= 0)
    return;

  mba_map_widget_get_render_params (self, &params);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mba_map_renderer_draw (self->renderer, cr, &params);
  cairo_destroy (cr);
}

/* Hit-testing and descriptions --------------------------------------------------------------- */

/**
 * mba_map_widget_get_state_at:
 * @x: widget coordinates
 * @y: widget coordinates
 *
 * Returns: (nullable): the alpha-3 code of the country under (@x, @y)
 */
const char *
mba_map_widget_get_state_at (MbaMapWidget *self,
                             double        x,
                             double        y)
{
  MbaMapRenderParams params;
  const MbaMapCountry *country;

  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);

  if (self->map == NULL)
    return NULL;
  mba_map_widget_get_render_params (self, &params);
  country = mba_map_renderer_hit_test (self->renderer, &params, x, y);
  return country ? country->code : NULL;
}

/**
 * mba_map_widget_get_state_point:
 *
 * Where a country is drawn: a point inside its largest piece, in widget coordinates.
 */
gboolean
mba_map_widget_get_state_point (MbaMapWidget *self,
                                const char   *code,
                                double       *x,
                                double       *y)
{
  MbaMapRenderParams params;

  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), FALSE);

  if (self->map == NULL)
    return FALSE;
  mba_map_widget_get_render_params (self, &params);
  return mba_map_renderer_get_state_point (self->renderer, &params, code, x, y);
}

/**
 * mba_map_widget_describe_state:
 * @code: an alpha-3 code
 *
 * The tooltip's text: the state's name, its status on the map's date, and what set it.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an unknown code
 */
char *
mba_map_widget_describe_state (MbaMapWidget *self,
                               const char   *code)
{
  const MbaMapCountry *country;
  const MbaState *state = NULL;
  const MbaEvent *event = NULL;
  MbaStatusBasis basis = MBA_STATUS_BASIS_NONE;
  MbaStatus status;
  GString *text;

  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);

  if (code == NULL)
    return NULL;
  country = self->map ? mba_world_map_find_country (self->map, code) : NULL;
  if (self->dataset)
    state = mba_dataset_find_state (self->dataset, code);
  if (country == NULL && state == NULL)
    return NULL;

  /* Names and titles from the data are cut and isolated (mba-tooltip.h). */
  text = g_string_new (NULL);
  if (state == NULL)
    {
      g_autofree char *name = mba_tooltip_data (mba_country_name (code, country->name));

      g_string_append (text, name);
      g_string_append_c (text, '\n');
      g_string_append (text, _("Not in the dataset"));
      return g_string_free (text, FALSE);
    }

  status = mba_dataset_get_status_at (self->dataset, state, self->day, &event, &basis);
  {
    g_autofree char *name = mba_tooltip_data (mba_state_get_display_name (state));

    g_string_append (text, name);
  }
  g_string_append_c (text, '\n');
  g_string_append (text, mba_status_get_label (status));

  switch (basis)
    {
    case MBA_STATUS_BASIS_EVENT:
      {
        g_autofree char *date = mba_date_format (&event->date);
        g_autofree char *title = mba_tooltip_data (event->title);

        g_string_append_c (text, '\n');
        /* Translators: in the map's tooltip: an event's title and its date */
        g_string_append_printf (text, _("Since: %s (%s)"), title, date);
      }
      break;
    case MBA_STATUS_BASIS_BEFORE_FIRST_EVENT:
      {
        g_autofree char *date = mba_date_format (&event->date);
        g_autofree char *title = mba_tooltip_data (event->title);

        g_string_append_c (text, '\n');
        /* Translators: in the map's tooltip: the state's first event, still to come */
        g_string_append_printf (text, _("Until: %s (%s)"), title, date);
      }
      break;
    case MBA_STATUS_BASIS_RECORD:
      {
        g_string_append_c (text, '\n');
        if (state->record_source && mba_date_is_set (&state->record_known_by))
          {
            g_autofree char *date = mba_date_format (&state->record_known_by);
            g_autofree char *title = mba_tooltip_data (state->record_source->title);

            /* Translators: in the map's tooltip: a source's title and the date it speaks for */
            g_string_append_printf (text, _("As recorded in: %s (%s)"), title, date);
          }
        else
          g_string_append (text, _("As the treaty record lists it"));
      }
      break;
    case MBA_STATUS_BASIS_NONE:
    default:
      break;
    }
  return g_string_free (text, FALSE);
}

/**
 * mba_map_widget_get_changes:
 *
 * What changed between the compare date and the map's date, for the "what changed since…?"
 * list; empty when compare mode is off.
 *
 * Returns: (transfer full) (element-type MbaMapChange): the changes
 */
GArray *
mba_map_widget_get_changes (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);

  if (self->dataset == NULL || self->compare_day == 0)
    return g_array_new (FALSE, TRUE, sizeof (MbaMapChange));
  return mba_map_get_changes (self->dataset, self->compare_day, self->day);
}

static gboolean
mba_map_widget_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (widget);
  g_autofree char *text = NULL;
  const char *code;

  if (keyboard_mode)
    code = self->activated_state ? self->activated_state : self->hover_state;
  else
    code = mba_map_widget_get_state_at (self, x, y);
  text = mba_map_widget_describe_state (self, code);
  if (text == NULL)
    return FALSE;
  mba_tooltip_set (tooltip, text, FALSE);
  return TRUE;
}

/* Input ------------------------------------------------------------------------------------- */

static void
set_hover_state (MbaMapWidget *self,
                 const char   *code)
{
  if (g_strcmp0 (code, self->hover_state) == 0)
    return;
  g_free (self->hover_state);
  self->hover_state = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_STATE]);
}

static void
view_changed (MbaMapWidget *self)
{
  mba_map_view_clamp (current_view (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (MbaMapWidget             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  set_hover_state (self, mba_map_widget_get_state_at (self, x, y));
}

static void
leave_cb (MbaMapWidget             *self,
          GtkEventControllerMotion *controller)
{
  self->pointer_inside = FALSE;
  set_hover_state (self, NULL);
}

static void
click_released_cb (MbaMapWidget   *self,
                   int             n_press,
                   double          x,
                   double          y,
                   GtkGestureClick *gesture)
{
  const char *code = mba_map_widget_get_state_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Only states of the dataset filter the timeline; the sea or a territory clears it. */
  if (code && (self->dataset == NULL || mba_dataset_find_state (self->dataset, code) == NULL))
    code = NULL;
  if (code && g_strcmp0 (code, self->activated_state) == 0)
    code = NULL;
  if (code == NULL && self->activated_state == NULL)
    return;
  mba_map_widget_set_activated_state (self, code);
  g_signal_emit (self, signals[STATE_ACTIVATED], 0, self->activated_state);
}

/* The default handler of ::state-activated: the timeline shows only the state's events, and the
 * event that gave the state its status on the map's date is selected. */
static void
mba_map_widget_real_state_activated (MbaMapWidget *self,
                                     const char   *code)
{
  const MbaState *state = NULL;
  const MbaEvent *set_by = NULL;

  if (self->session == NULL)
    return;
  mba_session_set_state_code (self->session, code);
  if (code != NULL && self->dataset != NULL)
    state = mba_dataset_find_state (self->dataset, code);
  if (state != NULL)
    mba_dataset_get_status_at (self->dataset, state, self->day, &set_by, NULL);
  if (set_by != NULL)
    mba_session_set_selected_event_id (self->session, set_by->id);
}

static void
drag_begin_cb (MbaMapWidget   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->gesture_start = *current_view (self);
}

static void
drag_update_cb (MbaMapWidget   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  MbaMapView *view = current_view (self);

  if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy) &&
      view->center_x == self->gesture_start.center_x &&
      view->center_y == self->gesture_start.center_y)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  *view = self->gesture_start;
  mba_map_view_pan (view, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), dx, dy);
  view_changed (self);
}

static void
drag_end_cb (MbaMapWidget   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
zoom_around (MbaMapWidget *self,
             double        factor,
             double        x,
             double        y)
{
  mba_map_view_zoom_at (current_view (self), gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)), factor, x, y);
  view_changed (self);
}

static gboolean
scroll_cb (MbaMapWidget             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  double factor;
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* A wheel click is a step; a touchpad gives pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (ZOOM_STEP, -dy);
  else
    factor = exp (-dy / 150.0);
  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  zoom_around (self, factor, x, y);
  return TRUE;
}

static void
pinch_begin_cb (MbaMapWidget   *self,
                GdkEventSequence *sequence,
                GtkGestureZoom *gesture)
{
  self->gesture_start = *current_view (self);
}

static void
pinch_scale_changed_cb (MbaMapWidget   *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  *current_view (self) = self->gesture_start;
  zoom_around (self, scale, x, y);
}

static gboolean
key_pressed_cb (MbaMapWidget          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      mba_map_widget_zoom (self, ZOOM_STEP);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      mba_map_widget_zoom (self, 1 / ZOOM_STEP);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      mba_map_widget_reset_view (self);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      mba_map_view_pan (current_view (self), width, height, PAN_STEP, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      mba_map_view_pan (current_view (self), width, height, -PAN_STEP, 0);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      mba_map_view_pan (current_view (self), width, height, 0, PAN_STEP);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      mba_map_view_pan (current_view (self), width, height, 0, -PAN_STEP);
      break;
    default:
      return FALSE;
    }
  view_changed (self);
  return TRUE;
}

/**
 * mba_map_widget_zoom:
 * @factor: above 1 zooms in
 *
 * Zooms around the middle of the map.
 */
void
mba_map_widget_zoom (MbaMapWidget *self,
                     double        factor)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (factor > 0);

  zoom_around (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
mba_map_widget_reset_view (MbaMapWidget *self)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));

  mba_map_view_reset (current_view (self));
  view_changed (self);
}

/* GObject ----------------------------------------------------------------------------------- */

static void
mba_map_widget_dispose (GObject *object)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->dataset);
  g_clear_object (&self->renderer);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (mba_map_widget_parent_class)->dispose (object);
}

static void
mba_map_widget_finalize (GObject *object)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (object);

  g_free (self->selected_event_id);
  g_free (self->activated_state);
  g_free (self->hover_state);
  g_free (self->summary);

  G_OBJECT_CLASS (mba_map_widget_parent_class)->finalize (object);
}

static void
mba_map_widget_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_COMPARE_DAY:
      g_value_set_int (value, self->compare_day);
      break;
    case PROP_SELECTED_EVENT_ID:
      g_value_set_string (value, self->selected_event_id);
      break;
    case PROP_WORLD_VIEW:
      g_value_set_boolean (value, self->world_view);
      break;
    case PROP_ACTIVATED_STATE:
      g_value_set_string (value, self->activated_state);
      break;
    case PROP_HOVER_STATE:
      g_value_set_string (value, self->hover_state);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_map_widget_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MbaMapWidget *self = MBA_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_map_widget_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      mba_map_widget_set_day (self, g_value_get_int (value));
      break;
    case PROP_COMPARE_DAY:
      mba_map_widget_set_compare_day (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_EVENT_ID:
      mba_map_widget_set_selected_event_id (self, g_value_get_string (value));
      break;
    case PROP_WORLD_VIEW:
      mba_map_widget_set_world_view (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIVATED_STATE:
      mba_map_widget_set_activated_state (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_map_widget_class_init (MbaMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_map_widget_dispose;
  object_class->finalize = mba_map_widget_finalize;
  object_class->get_property = mba_map_widget_get_property;
  object_class->set_property = mba_map_widget_set_property;

  widget_class->snapshot = mba_map_widget_snapshot;
  widget_class->query_tooltip = mba_map_widget_query_tooltip;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbaMapWidget:day:
   *
   * The map's date, a day number (the timeline's date cursor).
   */
  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, 1, G_MAXINT32, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbaMapWidget:compare-day:
   *
   * A date to compare with: the states whose status differs are outlined. 0 turns it off.
   */
  properties[PROP_COMPARE_DAY] =
    g_param_spec_int ("compare-day", NULL, NULL, 0, G_MAXINT32, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT_ID] =
    g_param_spec_string ("selected-event-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbaMapWidget:world-view:
   *
   * Whether the map shows the world (Equal Earth) rather than Europe; each keeps its own
   * zoom and centre.
   */
  properties[PROP_WORLD_VIEW] =
    g_param_spec_boolean ("world-view", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbaMapWidget:activated-state:
   *
   * The state last clicked (the timeline's filter), or %NULL.
   */
  properties[PROP_ACTIVATED_STATE] =
    g_param_spec_string ("activated-state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_STATE] =
    g_param_spec_string ("hover-state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MbaMapWidget:summary:
   *
   * The map in words (see mba_map_summary()): also the widget's accessible label.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbaMapWidget::state-activated:
   * @self: the map
   * @code: (nullable): the alpha-3 code of the state clicked, or %NULL when the click cleared
   *   the activation (the same state again, or the sea)
   *
   * The user clicked a state: the window filters the timeline on it.
   */
  signals[STATE_ACTIVATED] =
    g_signal_new_class_handler ("state-activated",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (mba_map_widget_real_state_activated),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "mba-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mba_map_widget_init (MbaMapWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->map = mba_map_widget_load_world_map ();
  if (self->map)
    g_object_ref (self->map);
  self->renderer = mba_map_renderer_new ();
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->day = mba_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now));
  }
  for (guint p = 0; p < MBA_N_MAP_PROJECTIONS; p++)
    mba_map_view_init (&self->views[p], p);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_summary (self);
}

GtkWidget *
mba_map_widget_new (void)
{
  return g_object_new (MBA_TYPE_MAP_WIDGET, NULL);
}

/* Accessors --------------------------------------------------------------------------------- */

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
on_session_dataset_changed (MbaMapWidget *self)
{
  mba_map_widget_set_dataset (self, mba_session_get_dataset (self->session));
}

static void
on_session_cursor_changed (MbaMapWidget *self)
{
  gint32 day = mba_session_get_cursor_day (self->session);

  if (day > 0)
    mba_map_widget_set_day (self, day);
}

static void
on_session_selection_changed (MbaMapWidget *self)
{
  mba_map_widget_set_selected_event_id (self, mba_session_get_selected_event_id (self->session));
}

static void
on_session_state_changed (MbaMapWidget *self)
{
  mba_map_widget_set_activated_state (self, mba_session_get_state_code (self->session));
}

/**
 * mba_map_widget_set_session:
 * @session: the app's state
 *
 * The map shows the session's dataset at its cursor date, outlines the selected event's states
 * and the state filtered on; clicking a state writes the filter and the selection to it.
 */
void
mba_map_widget_set_session (MbaMapWidget *self,
                            MbaSession   *session)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (session == NULL || MBA_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;

  g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_session_dataset_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::cursor-day", G_CALLBACK (on_session_cursor_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-event-id", G_CALLBACK (on_session_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state-code", G_CALLBACK (on_session_state_changed), self,
                           G_CONNECT_SWAPPED);
  on_session_dataset_changed (self);
  on_session_cursor_changed (self);
  on_session_selection_changed (self);
  on_session_state_changed (self);
}

/**
 * mba_map_widget_get_session:
 *
 * Returns: (transfer none) (nullable): the state the map follows
 */
MbaSession *
mba_map_widget_get_session (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->session;
}

MbaDataset *
mba_map_widget_get_dataset (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->dataset;
}

void
mba_map_widget_set_dataset (MbaMapWidget *self,
                            MbaDataset   *dataset)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  if (self->activated_state && (dataset == NULL ||
                                mba_dataset_find_state (dataset, self->activated_state) == NULL))
    mba_map_widget_set_activated_state (self, NULL);
  frame_story (self);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

gint32
mba_map_widget_get_day (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), 0);
  return self->day;
}

/* Changing the date only recolours: the renderer keeps the projected outlines. */
void
mba_map_widget_set_day (MbaMapWidget *self,
                        gint32        day)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (day > 0);

  if (self->day == day)
    return;
  self->day = day;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

gint32
mba_map_widget_get_compare_day (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), 0);
  return self->compare_day;
}

void
mba_map_widget_set_compare_day (MbaMapWidget *self,
                                gint32        day)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));
  g_return_if_fail (day >= 0);

  if (self->compare_day == day)
    return;
  self->compare_day = day;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_DAY]);
}

const char *
mba_map_widget_get_selected_event_id (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->selected_event_id;
}

void
mba_map_widget_set_selected_event_id (MbaMapWidget *self,
                                      const char   *event_id)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));

  if (!set_str (&self->selected_event_id, event_id))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT_ID]);
}

gboolean
mba_map_widget_get_world_view (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), FALSE);
  return self->world_view;
}

void
mba_map_widget_set_world_view (MbaMapWidget *self,
                               gboolean      world_view)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));

  world_view = !!world_view;
  if (self->world_view == world_view)
    return;
  self->world_view = world_view;
  if (self->pointer_inside)
    set_hover_state (self, mba_map_widget_get_state_at (self, self->pointer_x, self->pointer_y));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORLD_VIEW]);
}

const char *
mba_map_widget_get_activated_state (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->activated_state;
}

/* Sets the outlined state without emitting ::state-activated (for the window's own filter). */
void
mba_map_widget_set_activated_state (MbaMapWidget *self,
                                    const char   *code)
{
  g_return_if_fail (MBA_IS_MAP_WIDGET (self));

  if (!set_str (&self->activated_state, code))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATED_STATE]);
}

const char *
mba_map_widget_get_hover_state (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->hover_state;
}

const char *
mba_map_widget_get_summary (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->summary;
}

MbaWorldMap *
mba_map_widget_get_map (MbaMapWidget *self)
{
  g_return_val_if_fail (MBA_IS_MAP_WIDGET (self), NULL);
  return self->map;
}
