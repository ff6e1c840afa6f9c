/* mba-problem.c: one thing wrong with a dataset file, and where it is
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A problem is a record, not a line of text, so that the window can list it and --check can
 * print it without either splitting a message apart again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-problem.h"
#include "mba-text-check.h"

struct _MbaProblem
{
  GObject  parent_instance;

  int      code;
  char    *file;
  guint    line;       /* 1-based; 0 when the place is a JSON path or the whole file */
  guint    column;
  char    *json_path;  /* nullable */
  char    *message;
};

G_DEFINE_FINAL_TYPE (MbaProblem, mba_problem, G_TYPE_OBJECT)

/* Text from the file (a member's name, a quoted value, the token near a syntax error) goes into
 * one line of --check's output and one row of the window's list: mba_text_make_printable()
 * escapes control characters as JSON does, so that a newline in a file can neither break the
 * line nor pass for a line of its own, and makes invalid UTF-8 valid. */
static char *
one_line (const char *text)
{
  return text != NULL ? mba_text_make_printable (text) : NULL;
}

/**
 * mba_problem_new:
 * @code: an #MbaDatasetError
 * @file: the file's name as people see it
 * @line: 1-based line, or 0 when not known
 * @column: 1-based column, or 0
 * @json_path: (nullable): where in the document, such as `events[3].date`
 * @message: what is wrong, without the place
 *
 * Each text is kept as one line of valid UTF-8: control characters are escaped (`\n`).
 */
MbaProblem *
mba_problem_new (int         code,
                 const char *file,
                 guint       line,
                 guint       column,
                 const char *json_path,
                 const char *message)
{
  MbaProblem *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (MBA_TYPE_PROBLEM, NULL);
  self->code = code;
  self->file = one_line (file);
  self->line = line;
  self->column = line > 0 ? column : 0;
  self->json_path = one_line (json_path);
  self->message = one_line (message);
  return self;
}

int
mba_problem_get_code (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), 0);
  return self->code;
}

const char *
mba_problem_get_file (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), NULL);
  return self->file;
}

guint
mba_problem_get_line (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), 0);
  return self->line;
}

guint
mba_problem_get_column (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), 0);
  return self->column;
}

const char *
mba_problem_get_json_path (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), NULL);
  return self->json_path;
}

const char *
mba_problem_get_message (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), NULL);
  return self->message;
}

/**
 * mba_problem_to_string:
 *
 * Returns: (transfer full): the problem as `--check` prints it: `FILE:LINE:COL: message` where
 *   the line is known, `FILE: PATH: message` where the JSON path is, else `FILE: message`
 */
char *
mba_problem_to_string (MbaProblem *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM (self), NULL);

  if (self->line > 0)
    return g_strdup_printf ("%s:%u:%u: %s", self->file, self->line, self->column, self->message);
  if (self->json_path != NULL)
    return g_strdup_printf ("%s: %s: %s", self->file, self->json_path, self->message);
  return g_strdup_printf ("%s: %s", self->file, self->message);
}

/**
 * mba_problem_code_get_label:
 * @code: an #MbaDatasetError
 *
 * Returns: the kind of problem in a few words, for the line that counts the problems not shown
 */
const char *
mba_problem_code_get_label (int code)
{
  switch ((MbaDatasetError) code)
    {
    /* Translators: kinds of problem in a dataset file, listed after "and N more problems of
     * these kinds:" */
    case MBA_DATASET_ERROR_IO: return _("unreadable file");
    case MBA_DATASET_ERROR_TOO_LARGE: return _("file too large");
    case MBA_DATASET_ERROR_SYNTAX: return _("not valid JSON");
    case MBA_DATASET_ERROR_FORMAT: return _("not a Mine Ban Atlas dataset");
    case MBA_DATASET_ERROR_MISSING: return _("missing member");
    case MBA_DATASET_ERROR_TYPE: return _("wrong type");
    case MBA_DATASET_ERROR_UNKNOWN_MEMBER: return _("unknown member");
    case MBA_DATASET_ERROR_DUPLICATE_ID: return _("duplicate id");
    case MBA_DATASET_ERROR_REFERENCE: return _("unknown reference");
    case MBA_DATASET_ERROR_DATE: return _("invalid date");
    case MBA_DATASET_ERROR_VALUE: return _("value not allowed");
    default: return _("other problem");
    }
}

static void
mba_problem_finalize (GObject *object)
{
  MbaProblem *self = MBA_PROBLEM (object);

  g_free (self->file);
  g_free (self->json_path);
  g_free (self->message);

  G_OBJECT_CLASS (mba_problem_parent_class)->finalize (object);
}

static void
mba_problem_class_init (MbaProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_problem_finalize;
}

static void
mba_problem_init (MbaProblem *self)
{
}
