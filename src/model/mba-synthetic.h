/* mba-synthetic.h: large made-up datasets for benchmarks and stress tests
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *mba_synthetic_dataset_generate (guint   n_events,
                                        guint32 seed);

G_END_DECLS
