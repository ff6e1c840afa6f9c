/* mba-export-dialog.h: choose a view, format, size and options, and export to a file
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-export.h"

G_BEGIN_DECLS

#define MBA_TYPE_EXPORT_DIALOG (mba_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MbaExportDialog, mba_export_dialog, MBA, EXPORT_DIALOG, AdwWindow)

MbaExportDialog *mba_export_dialog_new            (GtkWindow              *parent,
                                                   MbaDataset             *dataset,
                                                   MbaWorldMap            *map,
                                                   gint32                  day,
                                                   const char             *selected_id,
                                                   MbaTheme                theme,
                                                   MbaExportView           view,
                                                   gboolean                world_view);
void             mba_export_dialog_set_screen_period (MbaExportDialog     *self,
                                                   double                  start_day,
                                                   double                  end_day);
void             mba_export_dialog_get_options    (MbaExportDialog        *self,
                                                   MbaExportOptions       *options);
const char      *mba_export_dialog_get_format     (MbaExportDialog        *self);
char            *mba_export_dialog_suggest_name   (MbaExportDialog        *self);
void             mba_export_dialog_export_to_file (MbaExportDialog        *self,
                                                   GFile                  *file);
gboolean         mba_export_dialog_get_busy       (MbaExportDialog        *self);
const char      *mba_export_dialog_get_error_message (MbaExportDialog     *self);

AdwToast        *mba_export_toast_new             (GFile                  *file);
void             mba_export_show_in_folder        (GtkWindow              *parent,
                                                   GFile                  *file);

G_END_DECLS
