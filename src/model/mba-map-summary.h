/* mba-map-summary.h: what the map shows at a date, in words, and what changed between dates
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  const MbaState *state;
  MbaStatus       from;
  MbaStatus       to;
  const MbaEvent *event;   /* what set the later status, or NULL */
} MbaMapChange;

const char *mba_state_get_display_name  (const MbaState *state);

GArray     *mba_map_get_changes         (MbaDataset     *dataset,
                                         gint32          from_day,
                                         gint32          to_day);
char       *mba_map_summary             (MbaDataset     *dataset,
                                         gint32          day);
char       *mba_map_changes_summary     (MbaDataset     *dataset,
                                         gint32          from_day,
                                         gint32          to_day);
char       *mba_join_names              (const char    **names,
                                         guint           n_names);

G_END_DECLS
