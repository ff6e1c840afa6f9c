/* mba-slide-view.c: one presentation step as a widget, drawn by the slide renderer
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mba-slide-view.h"

struct _MbaSlideView
{
  GtkWidget        parent_instance;

  MbaSlideParams   params;      /* holds a reference on the dataset and the map */
  MbaMapRenderer  *renderer;    /* kept so that its caches survive between steps */
};

G_DEFINE_FINAL_TYPE (MbaSlideView, mba_slide_view, GTK_TYPE_WIDGET)

static MbaTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? MBA_THEME_DARK : MBA_THEME_LIGHT;
}

static void
update_accessible (MbaSlideView *self)
{
  g_autofree char *description = NULL;
  const char *label;

  if (self->params.dataset == NULL)
    return;
  /* Screen readers read the step's title as the name and the whole step as the description. */
  description = mba_slide_describe (&self->params);
  label = self->params.blank || self->params.event == NULL ? description : self->params.event->title;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * mba_slide_view_set_slide:
 * @params: what to show; the theme and map renderer are the widget's own
 */
void
mba_slide_view_set_slide (MbaSlideView         *self,
                          const MbaSlideParams *params)
{
  MbaSlideParams old;

  g_return_if_fail (MBA_IS_SLIDE_VIEW (self));
  g_return_if_fail (params != NULL);

  old = self->params;
  self->params = *params;
  self->params.map_renderer = NULL;
  if (self->params.dataset)
    g_object_ref (self->params.dataset);
  if (self->params.map)
    g_object_ref (self->params.map);
  g_clear_object (&old.dataset);
  g_clear_object (&old.map);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mba_slide_view_get_slide (MbaSlideView   *self,
                          MbaSlideParams *params)
{
  g_return_if_fail (MBA_IS_SLIDE_VIEW (self));
  g_return_if_fail (params != NULL);

  *params = self->params;
  params->theme = current_theme ();
  params->map_renderer = self->renderer;
}

static void
mba_slide_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MbaSlideView *self = MBA_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MbaSlideParams params;
  cairo_t *cr;

  if (self->params.dataset == NULL || width <= 0 || height <= 0)
    return;
  mba_slide_view_get_slide (self, &params);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mba_slide_render (cr, width, height, &params);
  cairo_destroy (cr);
}

static void
mba_slide_view_dispose (GObject *object)
{
  MbaSlideView *self = MBA_SLIDE_VIEW (object);

  g_clear_object (&self->params.dataset);
  g_clear_object (&self->params.map);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (mba_slide_view_parent_class)->dispose (object);
}

static void
mba_slide_view_class_init (MbaSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_slide_view_dispose;
  widget_class->snapshot = mba_slide_view_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "slide");
}

static void
mba_slide_view_init (MbaSlideView *self)
{
  self->renderer = mba_map_renderer_new ();
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
mba_slide_view_new (void)
{
  return g_object_new (MBA_TYPE_SLIDE_VIEW, NULL);
}
