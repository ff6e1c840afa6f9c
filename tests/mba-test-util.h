/* mba-test-util.h: running the app and command-line tools from the tests
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* Who runs a test's child when an unreadable file or folder must really be unreadable: root
 * ignores mode bits. */
#define MBA_TEST_NOBODY 65534

typedef struct
{
  char *out;
  char *err;
  int   status;   /* the exit status */
} MbaTestRun;

void  mba_test_run_clear      (MbaTestRun         *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MbaTestRun, mba_test_run_clear)

void  mba_test_run_app_valist (MbaTestRun         *run,
                               const char * const *env,
                               gboolean            as_nobody,
                               const char         *first_arg,
                               va_list             args);
char *mba_test_run_tool       (const char         *tool,
                               const char         *path);
void  mba_test_remove_tree    (const char         *path);

G_END_DECLS
