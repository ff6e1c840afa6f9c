/* mba-slide-view.h: one presentation step as a widget, drawn by the slide renderer
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mba-slide-renderer.h"

G_BEGIN_DECLS

#define MBA_TYPE_SLIDE_VIEW (mba_slide_view_get_type ())

G_DECLARE_FINAL_TYPE (MbaSlideView, mba_slide_view, MBA, SLIDE_VIEW, GtkWidget)

GtkWidget *mba_slide_view_new        (void);
void       mba_slide_view_set_slide  (MbaSlideView          *self,
                                      const MbaSlideParams  *params);
void       mba_slide_view_get_slide  (MbaSlideView          *self,
                                      MbaSlideParams        *params);

G_END_DECLS
