/* mba-cli.h: the command-line tasks that need no display
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

#define MBA_BUNDLED_DATASET_RESOURCE RESOURCE_BASE "/mine-ban-atlas.json"

MbaDataset *mba_cli_load_dataset   (const char  *path_or_null,
                                    GError     **error);
int         mba_cli_check          (const char * const *files);
int         mba_cli_verify_quotes  (const char  *documents_dir,
                                    const char  *dataset_path);

int         mba_cli_export         (const char  *output,
                                    const char  *view,
                                    const char  *date,
                                    const char  *period,
                                    const char  *from,
                                    const char  *to,
                                    const char  *select,
                                    const char  *size,
                                    const char  *scale,
                                    const char  *theme,
                                    gboolean     transparent,
                                    gboolean     caption,
                                    const char  *dataset_path);

G_END_DECLS
