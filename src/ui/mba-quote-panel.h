/* mba-quote-panel.h: the selected event's quotes, sources and disputes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-dataset.h"
#include "mba-session.h"

G_BEGIN_DECLS

#define MBA_TYPE_QUOTE_PANEL (mba_quote_panel_get_type ())

G_DECLARE_FINAL_TYPE (MbaQuotePanel, mba_quote_panel, MBA, QUOTE_PANEL, AdwBin)

GtkWidget   *mba_quote_panel_new                (void);

MbaSession  *mba_quote_panel_get_session        (MbaQuotePanel   *self);
void         mba_quote_panel_set_session        (MbaQuotePanel   *self,
                                                 MbaSession      *session);
MbaDataset  *mba_quote_panel_get_dataset        (MbaQuotePanel   *self);
void         mba_quote_panel_set_dataset        (MbaQuotePanel   *self,
                                                 MbaDataset      *dataset);
const char  *mba_quote_panel_get_event_id       (MbaQuotePanel   *self);
void         mba_quote_panel_set_event_id       (MbaQuotePanel   *self,
                                                 const char      *event_id);
void         mba_quote_panel_show_source        (MbaQuotePanel   *self,
                                                 const char      *source_id);
const char  *mba_quote_panel_get_page           (MbaQuotePanel   *self);

gboolean     mba_uri_is_web                     (const char      *uri);

G_END_DECLS
