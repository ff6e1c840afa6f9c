/* mba-problem-list.h: every problem of a file counted, the first few kept, as a GListModel
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mba-problem.h"

G_BEGIN_DECLS

/* How many problems are kept, shown in the window and printed by --check; the rest are counted
 * by kind. A file with 100,000 events can have millions of problems: keeping them all would
 * cost memory and time for a report nobody reads past the first screens. */
#define MBA_PROBLEM_LIST_MAX_KEPT 100

#define MBA_TYPE_PROBLEM_LIST (mba_problem_list_get_type ())

G_DECLARE_FINAL_TYPE (MbaProblemList, mba_problem_list, MBA, PROBLEM_LIST, GObject)

MbaProblemList *mba_problem_list_new                (guint            max_kept);

void            mba_problem_list_take               (MbaProblemList  *self,
                                                     MbaProblem      *problem);
void            mba_problem_list_add                (MbaProblemList  *self,
                                                     int              code,
                                                     const char      *file,
                                                     guint            line,
                                                     guint            column,
                                                     const char      *json_path,
                                                     const char      *message);

gboolean        mba_problem_list_is_full            (MbaProblemList  *self);
void            mba_problem_list_append             (MbaProblemList  *self,
                                                     MbaProblemList  *other);

guint           mba_problem_list_get_n_total        (MbaProblemList  *self);
guint           mba_problem_list_get_n_omitted      (MbaProblemList  *self);
int             mba_problem_list_get_first_code     (MbaProblemList  *self);
MbaProblem     *mba_problem_list_get_problem        (MbaProblemList  *self,
                                                     guint            position);
char           *mba_problem_list_describe_omitted   (MbaProblemList  *self);
char           *mba_problem_list_to_string          (MbaProblemList  *self);

G_END_DECLS
