/* bench-empty-window.c: the floor under cold_start_ms
 *
 * An AdwApplicationWindow with a header bar and a label, presented and timed as the app times
 * itself (process start to the first drawn frame): what GTK 4 and libadwaita cost before any of
 * the app's own work. The benchmark runs it between the app's starts.
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "mba-start-time.h"

static void
report_first_frame (GdkFrameClock *clock,
                    GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, report_first_frame, application);
  g_print ("first-frame %.0f\n", mba_ms_since_process_start ());
  g_application_quit (application);
}

static void
activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Mine Ban Atlas"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1110, 710);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (report_first_frame), application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.minebanatlas.EmptyWindow",
                                                               G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
