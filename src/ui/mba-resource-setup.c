/* mba-resource-setup.c: the app's bundled resources, registered once for whoever needs them
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-resource-setup.h"
#include "mba-resources.h"

/**
 * mba_resources_ensure_registered:
 *
 * Registers the bundled dataset, world map, templates and styles (once; from any thread). By
 * hand, because the linker would drop a constructor from a static library; the application,
 * the command line and the map's loader each call it before reading a resource.
 */
void
mba_resources_ensure_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      mba_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
