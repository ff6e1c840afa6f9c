/* main.c: entry point
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mba-application.h"
#include "mba-theme-resources.h"

#define HEAP_RESERVE   (64u << 20)
#define HUGE_PAGE_SIZE (2u << 20)

/* Up to its first frame the app touches some 60 MB: GTK's style sheets and widgets, the world
 * map, the dataset, and the window's image buffers. Where a page fault is dear (virtual machines)
 * faulting that in 4 KiB pages was a tenth of the start-up. So the heap grows in one step, asks
 * for transparent huge pages (no effect where they are off), and keeps the image buffers (a few
 * MB each, which malloc would otherwise map and unmap for every frame). With another allocator
 * (sanitizers, Valgrind) the calls do nothing. */
static void
prepare_heap (void)
{
  char *start, *end;
  void *volatile block;   /* volatile: the compiler would drop a malloc freed at once */

  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_RESERVE);
  mallopt (M_TOP_PAD, HEAP_RESERVE);
  start = sbrk (0);
  block = malloc (HUGE_PAGE_SIZE);
  free (block);
  end = sbrk (0);
  mallopt (M_TOP_PAD, 0);

  start = (char *) (((uintptr_t) start + HUGE_PAGE_SIZE - 1) & ~(uintptr_t) (HUGE_PAGE_SIZE - 1));
  if (end > start)
    madvise (start, end - start, MADV_HUGEPAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbaApplication) app = NULL;

  prepare_heap ();
  /* GTK parses its own theme (a tenth of its start-up) when it first makes its settings, and
   * libadwaita then replaces it with an empty one and its own style sheet. An empty theme
   * registered under the built-in theme's name spares the parse. A user's GTK_THEME (which
   * libadwaita also respects) keeps GTK's theme. */
  if (g_getenv ("GTK_THEME") == NULL)
    mba_theme_register_resource ();

  setlocale (LC_ALL, "");
  /* MBA_LOCALEDIR is for the tests only: they point it at the catalogues built in the build
   * tree (build/po/LANG/LC_MESSAGES), so a translation can be checked before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBA_LOCALEDIR") ? g_getenv ("MBA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mba_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
