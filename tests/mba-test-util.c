/* mba-test-util.c: running the app and command-line tools from the tests
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mba-test-util.h"

void
mba_test_run_clear (MbaTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
become_nobody (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (MBA_TEST_NOBODY) != 0 || setuid (MBA_TEST_NOBODY) != 0))
    _exit (126);
}

/**
 * mba_test_run_app_valist:
 * @env: (nullable): "KEY", "VALUE" pairs to set on top of the test's environment, then %NULL
 * @as_nobody: when the tests run as root, run the app as the user nobody
 * @first_arg: the app's first argument; the others follow in @args, ending with %NULL
 *
 * Runs the app (MBA_EXE) with no display, so that a GTK call would fail loudly, in C.UTF-8, and
 * keeps its output, its errors and its exit status in @run (cleared first).
 */
void
mba_test_run_app_valist (MbaTestRun         *run,
                         const char * const *env,
                         gboolean            as_nobody,
                         const char         *first_arg,
                         va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("MBA_EXE");
  int wait_status = 0;

  g_assert_nonnull (exe);
  mba_test_run_clear (run);
  g_ptr_array_add (argv, (gpointer) exe);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env[i], env[i + 1], TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               as_nobody ? become_nobody : NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/**
 * mba_test_run_tool:
 * @tool: pdfinfo or pdftotext (which writes the text to standard output)
 *
 * Returns: (nullable): what @tool prints about @path, or %NULL when @tool is not installed
 */
char *
mba_test_run_tool (const char *tool,
                   const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

/**
 * mba_test_remove_tree:
 * @path: a folder a test made
 *
 * Removes the folder and everything in it, without following symbolic links.
 */
void
mba_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mba_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
