/* mba-map-widget.h: the regional chart as a widget
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-map-renderer.h"
#include "mba-session.h"

G_BEGIN_DECLS

#define MBA_TYPE_MAP_WIDGET (mba_map_widget_get_type ())

G_DECLARE_FINAL_TYPE (MbaMapWidget, mba_map_widget, MBA, MAP_WIDGET, GtkWidget)

GtkWidget   *mba_map_widget_new                   (void);

MbaSession  *mba_map_widget_get_session           (MbaMapWidget       *self);
void         mba_map_widget_set_session           (MbaMapWidget       *self,
                                                   MbaSession         *session);
MbaDataset  *mba_map_widget_get_dataset           (MbaMapWidget       *self);
void         mba_map_widget_set_dataset           (MbaMapWidget       *self,
                                                   MbaDataset         *dataset);
gint32       mba_map_widget_get_day               (MbaMapWidget       *self);
void         mba_map_widget_set_day               (MbaMapWidget       *self,
                                                   gint32              day);
gint32       mba_map_widget_get_compare_day       (MbaMapWidget       *self);
void         mba_map_widget_set_compare_day       (MbaMapWidget       *self,
                                                   gint32              day);
const char  *mba_map_widget_get_selected_event_id (MbaMapWidget       *self);
void         mba_map_widget_set_selected_event_id (MbaMapWidget       *self,
                                                   const char         *event_id);
gboolean     mba_map_widget_get_world_view        (MbaMapWidget       *self);
void         mba_map_widget_set_world_view        (MbaMapWidget       *self,
                                                   gboolean            world_view);
const char  *mba_map_widget_get_activated_state   (MbaMapWidget       *self);
void         mba_map_widget_set_activated_state   (MbaMapWidget       *self,
                                                   const char         *code);
const char  *mba_map_widget_get_hover_state       (MbaMapWidget       *self);
const char  *mba_map_widget_get_summary           (MbaMapWidget       *self);

MbaWorldMap *mba_map_widget_get_map               (MbaMapWidget       *self);
void         mba_map_widget_get_render_params     (MbaMapWidget       *self,
                                                   MbaMapRenderParams *params);
const char  *mba_map_widget_get_state_at          (MbaMapWidget       *self,
                                                   double              x,
                                                   double              y);
gboolean     mba_map_widget_get_state_point       (MbaMapWidget       *self,
                                                   const char         *code,
                                                   double             *x,
                                                   double             *y);
char        *mba_map_widget_describe_state        (MbaMapWidget       *self,
                                                   const char         *code);
GArray      *mba_map_widget_get_changes           (MbaMapWidget       *self);
void         mba_map_widget_zoom                  (MbaMapWidget       *self,
                                                   double              factor);
void         mba_map_widget_reset_view            (MbaMapWidget       *self);

MbaWorldMap *mba_map_widget_load_world_map        (void);

G_END_DECLS
