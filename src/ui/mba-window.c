/* mba-window.c: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mba-window.h"

struct _MbaWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;

  MbaDataset           *dataset;
};

G_DEFINE_FINAL_TYPE (MbaWindow, mba_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mba_window_update (MbaWindow *self)
{
  g_autofree char *description = NULL;
  guint n_events;

  if (self->dataset == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      adw_status_page_set_title (self->status_page, _("No Dataset"));
      adw_status_page_set_description (self->status_page, NULL);
      return;
    }

  n_events = mba_dataset_get_n_events (self->dataset);
  adw_window_title_set_subtitle (self->window_title, mba_dataset_get_title (self->dataset));
  adw_status_page_set_title (self->status_page, mba_dataset_get_title (self->dataset));
  description = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
  adw_status_page_set_description (self->status_page, description);
}

MbaDataset *
mba_window_get_dataset (MbaWindow *self)
{
  g_return_val_if_fail (MBA_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
mba_window_set_dataset (MbaWindow  *self,
                        MbaDataset *dataset)
{
  g_return_if_fail (MBA_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  mba_window_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/**
 * mba_window_open_file:
 *
 * Loads @file; on failure the dataset already shown stays.
 */
gboolean
mba_window_open_file (MbaWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(MbaDataset) dataset = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MBA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be opened"), uri);
      return FALSE;
    }
  dataset = mba_dataset_new_from_file (path, error);
  if (dataset == NULL)
    return FALSE;
  mba_window_set_dataset (self, dataset);
  return TRUE;
}

static void
mba_window_dispose (GObject *object)
{
  MbaWindow *self = (MbaWindow *) object;

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBA_TYPE_WINDOW);

  G_OBJECT_CLASS (mba_window_parent_class)->dispose (object);
}

static void
mba_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MbaWindow *self = MBA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_window_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_window_class_init (MbaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mba_window_dispose;
  object_class->get_property = mba_window_get_property;
  object_class->set_property = mba_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mba-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MbaWindow, toast_overlay);
}

static void
mba_window_init (MbaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mba_window_update (self);
}

MbaWindow *
mba_window_new (GtkApplication *application)
{
  return g_object_new (MBA_TYPE_WINDOW, "application", application, NULL);
}
