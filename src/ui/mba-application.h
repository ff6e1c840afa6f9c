/* mba-application.h: the application: command line, actions, windows
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MBA_TYPE_APPLICATION (mba_application_get_type ())

G_DECLARE_FINAL_TYPE (MbaApplication, mba_application, MBA, APPLICATION, AdwApplication)

MbaApplication *mba_application_new (void);

G_END_DECLS
