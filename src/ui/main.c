/* main.c: entry point
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mba-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbaApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* MBA_LOCALEDIR is for the tests only: they point it at the catalogues built in the build
   * tree (build/po/LANG/LC_MESSAGES), so a translation can be checked before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBA_LOCALEDIR") ? g_getenv ("MBA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mba_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
