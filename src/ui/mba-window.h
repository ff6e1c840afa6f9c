/* mba-window.h: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-dataset.h"
#include "mba-map-widget.h"
#include "mba-quote-panel.h"
#include "mba-session.h"
#include "mba-timeline-widget.h"

G_BEGIN_DECLS

#define MBA_TYPE_WINDOW (mba_window_get_type ())

G_DECLARE_FINAL_TYPE (MbaWindow, mba_window, MBA, WINDOW, AdwApplicationWindow)

MbaWindow         *mba_window_new              (GtkApplication  *application);
MbaDataset        *mba_window_get_dataset      (MbaWindow       *self);
void               mba_window_set_dataset      (MbaWindow       *self,
                                                MbaDataset      *dataset);
GFile             *mba_window_get_file         (MbaWindow       *self);
gboolean           mba_window_open_file        (MbaWindow       *self,
                                                GFile           *file,
                                                GError         **error);
gboolean           mba_window_open_bundled     (MbaWindow       *self,
                                                GError         **error);
void               mba_window_show_bundled     (MbaWindow       *self,
                                                MbaDataset      *dataset);
const char        *mba_window_get_report       (MbaWindow       *self);
GFile             *mba_window_dup_last_file    (MbaWindow       *self);
void               mba_window_search           (MbaWindow       *self,
                                                const char      *text);
GStrv              mba_window_get_result_ids   (MbaWindow       *self);
MbaSession        *mba_window_get_session      (MbaWindow       *self);
MbaTimelineWidget *mba_window_get_timeline     (MbaWindow       *self);
MbaMapWidget      *mba_window_get_map          (MbaWindow       *self);
MbaQuotePanel     *mba_window_get_quote_panel  (MbaWindow       *self);
void               mba_window_export_handout_to_file (MbaWindow *self,
                                                      GFile     *file);
const char        *mba_window_get_handout_progress   (MbaWindow *self);
void               mba_window_cancel_handout         (MbaWindow *self);

G_END_DECLS
