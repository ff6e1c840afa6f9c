/* mba-test-widget.h: waiting for and looking into widgets, for the tests run under Xvfb
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     mba_test_wait_for_allocation (GtkWidget *widget);
gpointer mba_test_find_controller     (GtkWidget *widget,
                                       GType      type);

G_END_DECLS
