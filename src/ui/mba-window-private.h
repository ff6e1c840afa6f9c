/* mba-window-private.h: the main window's fields, shared by the files that make up the window
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mba-map-widget.h"
#include "mba-quote-panel.h"
#include "mba-session.h"
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
  GtkListView          *report_list;
  GtkLabel             *report_omitted;
  GtkWindow            *shortcuts_window; /* built the first time it is shown */

  MbaSession           *session;       /* the app's state: every view observes it */
  GListModel           *results;       /* the search results: the session's events, the first few */
  gboolean              results_bound;

  GSettings            *settings;
  MbaDataset           *dataset;
  GFile                *file;          /* the file the dataset came from; NULL when bundled */
  GFile                *failed_file;   /* the file the error report is about */
  GFileMonitor         *monitor;
  guint                 reload_timeout_id;
  AdwToast             *reload_toast;  /* the one reload toast, updated in place */
  gboolean              reload_toast_shown;
  gint64                reload_toast_added_at;
  guint                 reload_dismiss_id;
  GCancellable         *load_cancellable;
  MbaProblemList       *problems;      /* what the error report lists */
  char                 *report_text;   /* the same as --check prints it, for Copy All */
  GFile                *pending_file;  /* the newest request, started when the running load returns */
  guint                 n_loads_running; /* 0 or 1 */
  guint                 n_loads_started; /* for the tests */
  gboolean              sidebar_placed;

  /* The handout being written in a worker thread, and the toast that shows how far it got */
  GTask                *handout_task;
  GCancellable         *handout_cancellable;
  AdwToast             *handout_toast;
  guint                 handout_progress_id;
};

/* mba-window.c */
void _mba_window_show_toast            (MbaWindow      *self,
                                        const char     *text);

/* mba-window-actions.c: select, clear the state filter, export, present, shortcuts */
void _mba_window_class_actions_init    (GtkWidgetClass *widget_class);
void _mba_window_period_actions_init   (MbaWindow      *self);

/* mba-window-search.c: the search bar and its results */
void _mba_window_class_search_init     (GtkWidgetClass *widget_class);
void _mba_window_search_init           (MbaWindow      *self);
void _mba_window_search_update         (MbaWindow      *self);

/* mba-window-files.c: opening, reloading and watching files, and the error report */
typedef void (*MbaWindowFileChosen) (MbaWindow *self,
                                     GFile     *file);

void _mba_window_files_class_init     (GtkWidgetClass *widget_class);
void _mba_window_files_init           (MbaWindow      *self);
void _mba_window_files_dispose        (MbaWindow      *self);
void _mba_window_files_update_actions (MbaWindow      *self);
void _mba_window_run_file_chooser     (MbaWindow            *self,
                                       GtkFileChooserNative *chooser,
                                       MbaWindowFileChosen   chosen);
/* A task started by the window holds it only weakly, so that closing the window disposes it
 * (and its dispose cancels the task): pass _mba_window_weak_ref_new() as the callback's data;
 * in the callback, _mba_window_weak_ref_steal() frees it and returns the window (a new
 * reference), or NULL when the window has gone. */
static inline GWeakRef *
_mba_window_weak_ref_new (MbaWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static inline MbaWindow *
_mba_window_weak_ref_steal (GWeakRef *ref)
{
  MbaWindow *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

/* mba-handout-job.c: the handout written in a worker thread; the steps come from mba-window.c */
GPtrArray *_mba_window_list_presentation_steps (MbaWindow  *self);
void       _mba_window_export_handout_action   (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

G_END_DECLS
