/* mba-start-time.h: how long ago the process started, for the cold-start benchmark
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double mba_ms_since_process_start (void);

G_END_DECLS
