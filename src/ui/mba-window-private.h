/* mba-window-private.h: the main window's fields, shared by the files that make up the window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-map-widget.h"
#include "mba-quote-panel.h"
#include "mba-timeline-widget.h"
#include "mba-window.h"

G_BEGIN_DECLS

struct _MbaWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkPaned             *main_paned;
  GtkPaned             *views_paned;
  MbaTimelineWidget    *timeline;
  MbaMapWidget         *map;
  GtkLabel             *summary_label;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkToggleButton      *world_button;
  GtkCheckButton       *compare_check;
  GtkCalendar          *compare_calendar;
  GtkLabel             *changes_label;
  GtkStack             *sidebar_stack;
  MbaQuotePanel        *quote_panel;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *search_button;
  GtkLabel             *results_label;
  GtkListBox           *results_list;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  GtkRevealer          *report_revealer;
  GtkLabel             *report_title;
  GtkLabel             *report_subtitle;
  GtkLabel             *report_label;
  GtkWindow            *shortcuts_window; /* built the first time it is shown */

  GSettings            *settings;
  MbaDataset           *dataset;
  GFile                *file;          /* the file the dataset came from; NULL when bundled */
  GFile                *failed_file;   /* the file the error report is about */
  GFileMonitor         *monitor;
  guint                 reload_timeout_id;
  AdwToast             *reload_toast;
  GCancellable         *load_cancellable;
  gboolean              sidebar_placed;

  /* The handout being written in a worker thread, and the toast that shows how far it got */
  GTask                *handout_task;
  GCancellable         *handout_cancellable;
  AdwToast             *handout_toast;
  guint                 handout_progress_id;
};

/* Shared by the window's files: mba-window.c and mba-handout-job.c */
GPtrArray *_mba_window_list_presentation_steps (MbaWindow  *self);
void       _mba_window_show_toast              (MbaWindow  *self,
                                                const char *text);
void       _mba_window_export_handout_action   (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

G_END_DECLS
