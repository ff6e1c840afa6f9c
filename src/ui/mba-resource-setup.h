/* mba-resource-setup.h: the app's bundled resources, registered once for whoever needs them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mba_resources_ensure_registered (void);

G_END_DECLS
