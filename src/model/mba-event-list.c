/* mba-event-list.c: the events that pass a filter, in date order, as a GListModel
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-event-list.h"

/* The list is the filter's answer, kept until mba_event_list_refresh() is called (by the
 * session, when the filter or the dataset changed). Items are made when asked for, so a list of
 * 100,000 events costs one pointer an event until a view shows them. */
struct _MbaEventList
{
  GObject         parent_instance;

  MbaEventFilter *filter;
  MbaDataset     *dataset;  /* the filter's dataset when the list was made: owns the events */
  GPtrArray      *events;   /* const MbaEvent * */
};

static void mba_event_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MbaEventList, mba_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mba_event_list_model_init))

/**
 * mba_event_list_new:
 * @filter: the filter whose events the list holds
 *
 * Returns: (transfer full): the list, filled
 */
MbaEventList *
mba_event_list_new (MbaEventFilter *filter)
{
  MbaEventList *self;

  g_return_val_if_fail (MBA_IS_EVENT_FILTER (filter), NULL);

  self = g_object_new (MBA_TYPE_EVENT_LIST, NULL);
  self->filter = g_object_ref (filter);
  g_set_object (&self->dataset, mba_event_filter_get_dataset (filter));
  self->events = mba_event_filter_list_events (filter);
  return self;
}

static gboolean
same_events (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

/**
 * mba_event_list_refresh:
 *
 * Asks the filter again, and emits GListModel::items-changed when the answer differs.
 *
 * Returns: whether the list changed
 */
gboolean
mba_event_list_refresh (MbaEventList *self)
{
  g_autoptr(GPtrArray) events = NULL;
  guint removed;

  g_return_val_if_fail (MBA_IS_EVENT_LIST (self), FALSE);

  events = mba_event_filter_list_events (self->filter);
  if (self->dataset == mba_event_filter_get_dataset (self->filter) && same_events (events, self->events))
    return FALSE;
  g_set_object (&self->dataset, mba_event_filter_get_dataset (self->filter));
  removed = self->events->len;
  g_ptr_array_unref (self->events);
  self->events = g_steal_pointer (&events);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->events->len);
  return TRUE;
}

/**
 * mba_event_list_get_event:
 * @position: below the number of items
 *
 * Returns: (nullable): the event at @position, without making an item
 */
const MbaEvent *
mba_event_list_get_event (MbaEventList *self,
                          guint         position)
{
  g_return_val_if_fail (MBA_IS_EVENT_LIST (self), NULL);

  if (position >= self->events->len)
    return NULL;
  return self->events->pdata[position];
}

/**
 * mba_event_list_find:
 * @event_id: (nullable): an event's id
 *
 * Returns: the event's position, or G_MAXUINT when it does not pass the filter
 */
guint
mba_event_list_find (MbaEventList *self,
                     const char   *event_id)
{
  g_return_val_if_fail (MBA_IS_EVENT_LIST (self), G_MAXUINT);

  for (guint i = 0; event_id != NULL && i < self->events->len; i++)
    if (g_strcmp0 (((const MbaEvent *) self->events->pdata[i])->id, event_id) == 0)
      return i;
  return G_MAXUINT;
}

/**
 * mba_event_list_copy:
 *
 * Returns: (transfer container) (element-type MbaEvent): the events now in the list, e.g. the
 *   steps of a presentation that must not change while it runs
 */
GPtrArray *
mba_event_list_copy (MbaEventList *self)
{
  g_return_val_if_fail (MBA_IS_EVENT_LIST (self), NULL);
  return g_ptr_array_copy (self->events, NULL, NULL);
}

static GType
mba_event_list_get_item_type (GListModel *model)
{
  return MBA_TYPE_EVENT_ITEM;
}

static guint
mba_event_list_get_n_items (GListModel *model)
{
  return MBA_EVENT_LIST (model)->events->len;
}

static gpointer
mba_event_list_get_item (GListModel *model,
                         guint       position)
{
  MbaEventList *self = MBA_EVENT_LIST (model);

  if (position >= self->events->len)
    return NULL;
  return mba_event_item_new (self->dataset, self->events->pdata[position]);
}

static void
mba_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mba_event_list_get_item_type;
  iface->get_n_items = mba_event_list_get_n_items;
  iface->get_item = mba_event_list_get_item;
}

static void
mba_event_list_finalize (GObject *object)
{
  MbaEventList *self = (MbaEventList *) object;

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (mba_event_list_parent_class)->finalize (object);
}

static void
mba_event_list_class_init (MbaEventListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_event_list_finalize;
}

static void
mba_event_list_init (MbaEventList *self)
{
}
