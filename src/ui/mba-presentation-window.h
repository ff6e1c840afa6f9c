/* mba-presentation-window.h: the full-screen presentation, one event per step
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mba-dataset.h"
#include "mba-session.h"
#include "mba-world-map.h"

G_BEGIN_DECLS

#define MBA_TYPE_PRESENTATION_WINDOW (mba_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (MbaPresentationWindow, mba_presentation_window, MBA, PRESENTATION_WINDOW, GtkWindow)

MbaPresentationWindow *mba_presentation_window_new          (MbaDataset             *dataset,
                                                             MbaWorldMap            *map,
                                                             GPtrArray              *steps,
                                                             guint                   start);
MbaPresentationWindow *mba_presentation_window_new_for_session (MbaSession      *session,
                                                                MbaWorldMap     *map);
guint                  mba_presentation_find_step           (GPtrArray              *steps,
                                                             const char             *event_id);

guint                  mba_presentation_window_get_position (MbaPresentationWindow  *self);
void                   mba_presentation_window_set_position (MbaPresentationWindow  *self,
                                                             guint                   position);
guint                  mba_presentation_window_get_n_steps  (MbaPresentationWindow  *self);
const char            *mba_presentation_window_get_event_id (MbaPresentationWindow  *self);
gboolean               mba_presentation_window_get_blank    (MbaPresentationWindow  *self);
void                   mba_presentation_window_set_blank    (MbaPresentationWindow  *self,
                                                             gboolean                blank);
gboolean               mba_presentation_window_get_whole_history (MbaPresentationWindow *self);
void                   mba_presentation_window_set_whole_history (MbaPresentationWindow *self,
                                                                  gboolean               whole_history);
GtkWidget             *mba_presentation_window_get_view     (MbaPresentationWindow  *self);

G_END_DECLS
