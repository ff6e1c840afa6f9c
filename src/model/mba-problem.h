/* mba-problem.h: one thing wrong with a dataset file, and where it is
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MBA_TYPE_PROBLEM (mba_problem_get_type ())

G_DECLARE_FINAL_TYPE (MbaProblem, mba_problem, MBA, PROBLEM, GObject)

MbaProblem *mba_problem_new            (int               code,
                                        const char       *file,
                                        guint             line,
                                        guint             column,
                                        const char       *json_path,
                                        const char       *message);

int         mba_problem_get_code       (MbaProblem       *self);
const char *mba_problem_get_file       (MbaProblem       *self);
guint       mba_problem_get_line       (MbaProblem       *self);
guint       mba_problem_get_column     (MbaProblem       *self);
const char *mba_problem_get_json_path  (MbaProblem       *self);
const char *mba_problem_get_message    (MbaProblem       *self);
char       *mba_problem_to_string      (MbaProblem       *self);

const char *mba_problem_code_get_label (int               code);

G_END_DECLS
