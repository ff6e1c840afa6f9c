/* fuzz-check-output.c: libFuzzer target for what --check prints about a file
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is loaded with mba_dataset_load_bytes and, when refused, its problems are
 * formatted as --check prints them (mba_problem_list_to_string). The text must be valid UTF-8,
 * at most MBA_PROBLEM_LIST_MAX_KEPT + 1 lines (the problems kept, then the count of the
 * others), and every line must start with the file's name, so that a file's own text can
 * neither garble a terminal nor pass for another line of the report. The error's message must
 * be the same text.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mba-dataset.h"

#define FILE_NAME "fuzz.json"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
fail (const char *why,
      const char *text)
{
  fprintf (stderr, "%s:\n%s\n", why, text);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(MbaProblemList) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbaDataset) dataset = mba_dataset_load_bytes (bytes, FILE_NAME, NULL, &problems,
                                                          &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (dataset != NULL)
    {
      if (problems != NULL || error != NULL)
        abort ();
      return 0;
    }
  if (problems == NULL || error == NULL || error->domain != MBA_DATASET_ERROR)
    abort ();

  text = mba_problem_list_to_string (problems);
  if (!g_utf8_validate (text, -1, NULL))
    fail ("not valid UTF-8", text);
  if (strcmp (text, error->message) != 0)
    fail ("the error's message is not the problem list", error->message);
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) > MBA_PROBLEM_LIST_MAX_KEPT + 1)
    fail ("too many lines", text);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], FILE_NAME ":"))
      fail ("a line does not start with the file's name", text);
  return 0;
}
