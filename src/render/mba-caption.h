/* mba-caption.h: the band under an exported picture that carries its own citations
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mba-dataset.h"
#include "mba-palette.h"

G_BEGIN_DECLS

typedef struct _MbaCaption MbaCaption;

GPtrArray   *mba_caption_collect_sources    (MbaDataset          *dataset,
                                             gint32               day,
                                             const MbaEvent      *selected,
                                             const MbaState     **states,
                                             guint                n_states,
                                             gboolean             every_event);

MbaCaption  *mba_caption_new                (MbaDataset          *dataset,
                                             gint32               day,
                                             gboolean             legend,
                                             GPtrArray           *sources);
void         mba_caption_free               (MbaCaption          *self);
double       mba_caption_layout             (MbaCaption          *self,
                                             double               width,
                                             double               max_height);
guint        mba_caption_get_n_sources      (MbaCaption          *self);
guint        mba_caption_get_n_sources_shown (MbaCaption         *self);
gboolean     mba_caption_get_legend_shown   (MbaCaption          *self);
const char  *mba_caption_get_date_text      (MbaCaption          *self);
char        *mba_caption_get_sources_text   (MbaCaption          *self);
void         mba_caption_draw               (MbaCaption          *self,
                                             cairo_t             *cr,
                                             const MbaPalette    *palette);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbaCaption, mba_caption_free)

G_END_DECLS
