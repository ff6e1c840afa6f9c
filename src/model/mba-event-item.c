/* mba-event-item.c: one event as a list item, for the session's list of events that pass
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-event-item.h"

/* A GListModel's items must be objects; an event is a struct owned by its dataset, so the item
 * keeps the dataset alive for as long as someone holds the item. */
struct _MbaEventItem
{
  GObject         parent_instance;

  MbaDataset     *dataset;
  const MbaEvent *event;
};

G_DEFINE_FINAL_TYPE (MbaEventItem, mba_event_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * mba_event_item_new:
 * @dataset: the dataset that owns @event
 * @event: one of @dataset's events
 *
 * Returns: (transfer full): the item
 */
MbaEventItem *
mba_event_item_new (MbaDataset     *dataset,
                    const MbaEvent *event)
{
  MbaEventItem *self;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (MBA_TYPE_EVENT_ITEM, NULL);
  self->dataset = g_object_ref (dataset);
  self->event = event;
  return self;
}

const MbaEvent *
mba_event_item_get_event (MbaEventItem *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_ITEM (self), NULL);
  return self->event;
}

MbaDataset *
mba_event_item_get_dataset (MbaEventItem *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_ITEM (self), NULL);
  return self->dataset;
}

static void
mba_event_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MbaEventItem *self = MBA_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->event ? self->event->id : NULL);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->event ? self->event->title : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_event_item_finalize (GObject *object)
{
  MbaEventItem *self = (MbaEventItem *) object;

  self->event = NULL;
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mba_event_item_parent_class)->finalize (object);
}

static void
mba_event_item_class_init (MbaEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mba_event_item_finalize;
  object_class->get_property = mba_event_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mba_event_item_init (MbaEventItem *self)
{
}
