/* mba-tooltip.h: tooltips of a bounded size, whatever the data puts in them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mba-dataset.h"

G_BEGIN_DECLS

/* A string from the data is cut to this many characters (with "…") in a tooltip. */
#define MBA_TOOLTIP_MAX_DATA_CHARS 300
/* A tooltip wraps at this width, between words or, for a long word, inside it. */
#define MBA_TOOLTIP_WIDTH_CHARS    60

char      *mba_tooltip_data        (const char *text);
char      *mba_tooltip_data_markup (const char *text);
GtkWidget *mba_tooltip_label_new   (const char *text,
                                    gboolean    use_markup);
void       mba_tooltip_set         (GtkTooltip *tooltip,
                                    const char *text,
                                    gboolean    use_markup);

char      *mba_event_describe_date      (const MbaEvent *event);
char      *mba_event_describe_date_kind (const MbaEvent *event);

G_END_DECLS
