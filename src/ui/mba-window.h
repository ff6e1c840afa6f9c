/* mba-window.h: the main window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

#define MBA_TYPE_WINDOW (mba_window_get_type ())

G_DECLARE_FINAL_TYPE (MbaWindow, mba_window, MBA, WINDOW, AdwApplicationWindow)

MbaWindow  *mba_window_new          (GtkApplication *application);
MbaDataset *mba_window_get_dataset  (MbaWindow      *self);
void        mba_window_set_dataset  (MbaWindow      *self,
                                     MbaDataset     *dataset);
gboolean    mba_window_open_file    (MbaWindow      *self,
                                     GFile          *file,
                                     GError        **error);

G_END_DECLS
