/* mba-presentation-window.c: the full-screen presentation: the story's slides, or the whole history
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-presentation-window.h"
#include "mba-slide-view.h"

/* The pointer hides after this long without moving, so it does not sit on the slide. */
#define POINTER_IDLE_SECONDS 2

struct _MbaPresentationWindow
{
  GtkWindow     parent_instance;

  MbaDataset   *dataset;
  MbaWorldMap  *map;
  MbaSession   *session;        /* nullable: told which event is shown, so the timeline follows */
  GPtrArray    *steps;          /* const MbaEvent *, owned by the dataset; NULL: the title slide */
  guint         position;
  gboolean      blank;
  gboolean      whole_history;  /* the session's events rather than the story's slide set */

  MbaSlideView *view;
  guint         hide_pointer_id;
  double        pointer_x;
  double        pointer_y;
};

G_DEFINE_FINAL_TYPE (MbaPresentationWindow, mba_presentation_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_N_STEPS,
  PROP_EVENT_ID,
  PROP_BLANK,
  PROP_WHOLE_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_view (MbaPresentationWindow *self)
{
  MbaSlideParams params;

  mba_slide_params_init (&params, self->dataset, self->map);
  params.event = self->steps->len > 0 ? self->steps->pdata[self->position] : NULL;
  params.title_slide = self->steps->len > 0 && params.event == NULL;
  params.position = self->position;
  params.n_steps = self->steps->len;
  params.blank = self->blank;
  mba_slide_view_set_slide (self->view, &params);
}

/**
 * mba_presentation_find_step:
 * @event_id: (nullable): the event to start from, e.g. the timeline's selection
 *
 * Returns: its position in @steps, or 0 when it is not there
 */
guint
mba_presentation_find_step (GPtrArray  *steps,
                            const char *event_id)
{
  g_return_val_if_fail (steps != NULL, 0);

  for (guint i = 0; event_id != NULL && i < steps->len; i++)
    if (steps->pdata[i] != NULL && g_strcmp0 (((const MbaEvent *) steps->pdata[i])->id, event_id) == 0)
      return i;
  return 0;
}

guint
mba_presentation_window_get_position (MbaPresentationWindow *self)
{
  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), 0);
  return self->position;
}

/**
 * mba_presentation_window_set_position:
 * @position: the step, from 0; clamped to the last one
 */
void
mba_presentation_window_set_position (MbaPresentationWindow *self,
                                      guint                  position)
{
  g_return_if_fail (MBA_IS_PRESENTATION_WINDOW (self));

  position = self->steps->len > 0 ? MIN (position, self->steps->len - 1) : 0;
  if (self->position == position)
    return;
  self->position = position;
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
  /* The window's views follow the presentation, so they show where the class stopped. */
  if (self->session != NULL && mba_presentation_window_get_event_id (self) != NULL)
    mba_session_set_selected_event_id (self->session, mba_presentation_window_get_event_id (self));
}

guint
mba_presentation_window_get_n_steps (MbaPresentationWindow *self)
{
  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), 0);
  return self->steps->len;
}

/**
 * mba_presentation_window_get_event_id:
 *
 * Returns: (nullable): the id of the event shown, %NULL when there are no steps or on the
 *   title slide
 */
const char *
mba_presentation_window_get_event_id (MbaPresentationWindow *self)
{
  const MbaEvent *event;

  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), NULL);

  if (self->steps->len == 0)
    return NULL;
  event = self->steps->pdata[self->position];
  return event ? event->id : NULL;
}

gboolean
mba_presentation_window_get_whole_history (MbaPresentationWindow *self)
{
  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->whole_history;
}

/* The steps: the story's slide set, or (with @whole_history, or without a story) the events the
 * session's filter lets through. */
static GPtrArray *
list_steps (MbaPresentationWindow *self,
            gboolean               whole_history)
{
  GPtrArray *story = whole_history ? NULL : mba_slides_list_story (self->dataset);

  if (story != NULL)
    return story;
  if (self->session != NULL)
    return mba_session_list_events (self->session);
  return NULL;
}

/**
 * mba_presentation_window_set_whole_history:
 *
 * Presents every event the timeline's filter lets through (from 1997), or the story's slide
 * set; the event on screen stays on screen when the other set has it. Only for a window made
 * for a session (the "H" key).
 */
void
mba_presentation_window_set_whole_history (MbaPresentationWindow *self,
                                           gboolean               whole_history)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *event_id = NULL;

  g_return_if_fail (MBA_IS_PRESENTATION_WINDOW (self));

  whole_history = !!whole_history;
  if (self->whole_history == whole_history || self->session == NULL)
    return;
  steps = list_steps (self, whole_history);
  if (steps == NULL || steps->len == 0)
    return;
  self->whole_history = whole_history;
  event_id = g_strdup (mba_presentation_window_get_event_id (self));
  g_ptr_array_unref (self->steps);
  self->steps = g_ptr_array_ref (steps);
  self->position = mba_presentation_find_step (steps, event_id);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE_HISTORY]);
}

gboolean
mba_presentation_window_get_blank (MbaPresentationWindow *self)
{
  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->blank;
}

/**
 * mba_presentation_window_set_blank:
 *
 * Blacks the screen out (the "B" key of a clicker) or brings the step back.
 */
void
mba_presentation_window_set_blank (MbaPresentationWindow *self,
                                   gboolean               blank)
{
  g_return_if_fail (MBA_IS_PRESENTATION_WINDOW (self));

  blank = !!blank;
  if (self->blank == blank)
    return;
  self->blank = blank;
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

GtkWidget *
mba_presentation_window_get_view (MbaPresentationWindow *self)
{
  g_return_val_if_fail (MBA_IS_PRESENTATION_WINDOW (self), NULL);
  return GTK_WIDGET (self->view);
}

/* A step forward or back; on a blank screen the first press only brings the step back. */
static void
step (MbaPresentationWindow *self,
      int                    direction)
{
  if (self->blank)
    {
      mba_presentation_window_set_blank (self, FALSE);
      return;
    }
  if (direction < 0 && self->position > 0)
    mba_presentation_window_set_position (self, self->position - 1);
  else if (direction > 0)
    mba_presentation_window_set_position (self, self->position + 1);
}

static void
go_to (MbaPresentationWindow *self,
       guint                  position)
{
  mba_presentation_window_set_blank (self, FALSE);
  mba_presentation_window_set_position (self, position);
}

/* The keys that presentation clickers send, and the usual ones of slide software. */
static gboolean
on_key_pressed (MbaPresentationWindow *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      go_to (self, self->steps->len > 0 ? self->steps->len - 1 : 0);
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      mba_presentation_window_set_blank (self, !self->blank);
      return TRUE;
    case GDK_KEY_h:
    case GDK_KEY_H:
      mba_presentation_window_set_whole_history (self, !self->whole_history);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

/* A click on the right half goes forward, on the left half back. */
static void
on_click_released (GtkGestureClick       *gesture,
                   int                    n_press,
                   double                 x,
                   double                 y,
                   MbaPresentationWindow *self)
{
  step (self, x >= gtk_widget_get_width (GTK_WIDGET (self->view)) / 2.0 ? 1 : -1);
}

static void
hide_pointer (gpointer data)
{
  MbaPresentationWindow *self = data;

  self->hide_pointer_id = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), "none");
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MbaPresentationWindow    *self)
{
  /* Hiding the pointer can make the server report a motion where there was none. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self->view), NULL);
  g_clear_handle_id (&self->hide_pointer_id, g_source_remove);
  self->hide_pointer_id = g_timeout_add_once (POINTER_IDLE_SECONDS * 1000, hide_pointer, self);
}

/* Full screen needs a window manager; without one (a bare X server, a kiosk) the window at
 * least covers the monitor of the window it was opened from. */
static void
mba_presentation_window_realize (GtkWidget *widget)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GdkMonitor) first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkMonitor *monitor = first;
  GdkRectangle geometry;

  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    monitor = gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (GTK_NATIVE (parent)));
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (widget), geometry.width, geometry.height);
    }
  GTK_WIDGET_CLASS (mba_presentation_window_parent_class)->realize (widget);
}

/**
 * mba_presentation_window_new:
 * @steps: (element-type MbaEvent): the events of @dataset to show, in order; a %NULL step is
 *   the story's title slide (see mba_slides_list_story())
 * @start: the first step to show
 *
 * Returns: (transfer none): a window that goes full screen when presented and closes on Escape
 */
MbaPresentationWindow *
mba_presentation_window_new (MbaDataset  *dataset,
                             MbaWorldMap *map,
                             GPtrArray   *steps,
                             guint        start)
{
  MbaPresentationWindow *self;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (map == NULL || MBA_IS_WORLD_MAP (map), NULL);
  g_return_val_if_fail (steps != NULL, NULL);

  self = g_object_new (MBA_TYPE_PRESENTATION_WINDOW, NULL);
  self->dataset = g_object_ref (dataset);
  self->map = map ? g_object_ref (map) : NULL;
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = g_ptr_array_ref (steps);
  self->position = steps->len > 0 ? MIN (start, steps->len - 1) : 0;
  update_view (self);
  return self;
}

/**
 * mba_presentation_window_new_for_session:
 * @session: the app's state, with a dataset
 * @map: (nullable): the outlines for the slides' maps
 *
 * Presents the dataset's story, from its title slide (mba_slides_list_story()), or, when the
 * dataset names none, the events that pass the session's filter, in their order, from the
 * selected one (or the first). The whole history is one key away
 * (mba_presentation_window_set_whole_history()). Each event shown becomes the session's
 * selection.
 *
 * Returns: (transfer none): the window
 */
MbaPresentationWindow *
mba_presentation_window_new_for_session (MbaSession  *session,
                                         MbaWorldMap *map)
{
  g_autoptr(GPtrArray) steps = NULL;
  MbaPresentationWindow *self;

  g_return_val_if_fail (MBA_IS_SESSION (session), NULL);
  g_return_val_if_fail (mba_session_get_dataset (session) != NULL, NULL);

  /* A lesson starts at its title; the whole history where the timeline is. */
  steps = mba_slides_list_story (mba_session_get_dataset (session));
  if (steps != NULL)
    {
      self = mba_presentation_window_new (mba_session_get_dataset (session), map, steps, 0);
      self->session = g_object_ref (session);
      return self;
    }
  steps = mba_session_list_events (session);
  self = mba_presentation_window_new (mba_session_get_dataset (session), map, steps,
                                      mba_presentation_find_step (steps,
                                                                  mba_session_get_selected_event_id (session)));
  self->session = g_object_ref (session);
  self->whole_history = TRUE;
  return self;
}

static void
mba_presentation_window_dispose (GObject *object)
{
  MbaPresentationWindow *self = MBA_PRESENTATION_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_handle_id (&self->hide_pointer_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->map);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (mba_presentation_window_parent_class)->dispose (object);
}

static void
mba_presentation_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MbaPresentationWindow *self = MBA_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->steps ? self->steps->len : 0);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->steps ? mba_presentation_window_get_event_id (self) : NULL);
      break;
    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;
    case PROP_WHOLE_HISTORY:
      g_value_set_boolean (value, self->whole_history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_presentation_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MbaPresentationWindow *self = MBA_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      mba_presentation_window_set_position (self, g_value_get_uint (value));
      break;
    case PROP_BLANK:
      mba_presentation_window_set_blank (self, g_value_get_boolean (value));
      break;
    case PROP_WHOLE_HISTORY:
      mba_presentation_window_set_whole_history (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_presentation_window_class_init (MbaPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mba_presentation_window_dispose;
  object_class->get_property = mba_presentation_window_get_property;
  object_class->set_property = mba_presentation_window_set_property;
  GTK_WIDGET_CLASS (klass)->realize = mba_presentation_window_realize;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbaPresentationWindow:whole-history:
   *
   * Whether the steps are every event the timeline's filter lets through rather than the
   * story's slide set ("H" switches).
   */
  properties[PROP_WHOLE_HISTORY] =
    g_param_spec_boolean ("whole-history", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mba_presentation_window_init (MbaPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->steps = g_ptr_array_new ();
  self->pointer_x = self->pointer_y = -1;
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  self->view = MBA_SLIDE_VIEW (mba_slide_view_new ());
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->view));

  /* Capture, so that no focus movement or activation sees the clicker's keys first. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);

  gtk_window_fullscreen (GTK_WINDOW (self));
}
