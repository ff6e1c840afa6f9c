/* mba-dataset-read.c: a dataset file to bytes, within the limits, and its JSON syntax errors
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <jansson.h>
#include <errno.h>
#include <malloc.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-dataset-private.h"
#include "mba-text-check.h"

/* Files larger than this are scanned for long strings and too many values before parsing, and
 * take the fast path (mba-dataset-parallel.c). */
#define LARGE_FILE_BYTES (256 * 1024)

/* Jansson's memory is counted per thread, so that a file of millions of tiny values is refused
 * once its tree passes MBA_DATASET_MAX_PARSE_BYTES instead of exhausting memory. Sizes come
 * from malloc_usable_size, so blocks allocated before these functions were installed (by the
 * country names) are freed and counted correctly too. */
static _Thread_local gssize json_live_bytes;
static _Thread_local gssize json_limit_bytes;   /* 0: no limit */
static _Thread_local gboolean json_limit_reached;

static void *
json_budget_malloc (size_t size)
{
  void *block;

  if (json_limit_bytes > 0 && json_live_bytes + (gssize) size > json_limit_bytes)
    {
      json_limit_reached = TRUE;
      return NULL;
    }
  block = malloc (size);
  if (block != NULL)
    json_live_bytes += malloc_usable_size (block);
  return block;
}

static void
json_budget_free (void *block)
{
  if (block != NULL)
    json_live_bytes -= malloc_usable_size (block);
  free (block);
}

/* json_loadb, refusing (json_error_out_of_memory) past MBA_DATASET_MAX_PARSE_BYTES. */
json_t *
mba_dataset_parse_bounded (const char   *data,
                           gsize         length,
                           size_t        flags,
                           json_error_t *json_error)
{
  static gsize installed = 0;
  json_t *root;

  if (g_once_init_enter (&installed))
    {
      json_set_alloc_funcs (json_budget_malloc, json_budget_free);
      g_once_init_leave (&installed, 1);
    }
  json_limit_bytes = json_live_bytes + MBA_DATASET_MAX_PARSE_BYTES;
  json_limit_reached = FALSE;
  root = json_loadb (data, length, flags, json_error);
  json_limit_bytes = 0;
  /* Jansson gives up without a message when an allocation fails: say why. */
  if (root == NULL && json_limit_reached)
    {
      g_strlcpy (json_error->text, "out of memory", JSON_ERROR_TEXT_LENGTH - 1);
      json_error->text[JSON_ERROR_TEXT_LENGTH - 1] = json_error_out_of_memory;
    }
  return root;
}

/* Jansson reports the column after the offending token ("near 'x'"); editors and users
 * look for where the token starts. Columns count code points, 1-based. */
static int
syntax_error_column (const json_error_t *json_error,
                     int                 jansson_column)
{
  const char *near = strstr (json_error->text, "near '");
  int column = MAX (jansson_column, 1);

  if (near != NULL && g_str_has_suffix (near, "'"))
    {
      g_autofree char *token = g_strndup (near + 6, strlen (near + 6) - 1);

      if (g_utf8_validate (token, -1, NULL))
        column = MAX (1, column - (int) g_utf8_strlen (token, -1) + 1);
    }
  return column;
}

/**
 * mba_dataset_add_problem:
 * @line: 0 when the problem has no position in the file
 *
 * Adds a problem about the whole file or a place in its text (not a JSON path).
 */
void
mba_dataset_add_problem (MbaProblemList *problems,
                         int             code,
                         const char     *display_name,
                         guint           line,
                         guint           column,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  mba_problem_list_add (problems, code, display_name, line, column, NULL, message);
}

/* Reports a syntax error at @line and @column as Jansson counts them (the column just after
 * what it read). */
static void
report_syntax_error (MbaProblemList     *problems,
                     const char         *display_name,
                     const json_error_t *json_error,
                     int                 line,
                     int                 column)
{
  g_autoptr(GString) text = g_string_new (json_error->text);

  if (json_error_code (json_error) == json_error_out_of_memory)
    {
      mba_dataset_add_problem (problems, MBA_DATASET_ERROR_TOO_LARGE, display_name, 0, 0,
                               _("the file holds too many values: loading them would take over %d MiB"),
                               MBA_DATASET_MAX_PARSE_BYTES / (1024 * 1024));
      return;
    }
  g_string_replace (text, "without JSON_ALLOW_NUL", "in a dataset", 0);
  mba_problem_list_add (problems, MBA_DATASET_ERROR_SYNTAX, display_name, MAX (line, 1),
                        syntax_error_column (json_error, column), NULL, text->str);
}

/* The same, for an error found parsing a part of the file: Jansson's position is converted back
 * to a line and column of the whole file, counted as Jansson does (code points since the line
 * began, 0 just after a newline). */
static void
line_and_column (const char *data,
                 gsize       offset,
                 int        *line,
                 int        *column)
{
  const char *at = data + offset;
  const char *line_start = data;

  *line = 1;
  *column = 0;
  for (const char *p = memchr (data, '\n', at - data); p != NULL; p = memchr (p + 1, '\n', at - (p + 1)))
    {
      (*line)++;
      line_start = p + 1;
    }
  for (const char *p = line_start; p < at; p++)
    *column += ((guchar) *p & 0xc0) != 0x80;
}

void
mba_dataset_report_syntax_error_at (MbaProblemList     *problems,
                                    const char         *display_name,
                                    const char         *data,
                                    gsize               offset,
                                    const json_error_t *json_error)
{
  int line, column;

  line_and_column (data, offset, &line, &column);
  report_syntax_error (problems, display_name, json_error, line, column);
}

/* A quick pass over a large file before Jansson sees it: a string too long, or too many values,
 * is refused here in a few milliseconds, where parsing would take seconds to reach the same
 * answer. Strings count as one token each (names too), as do brackets and commas. */
static gboolean
prescan (const char     *data,
         gsize           length,
         const char     *display_name,
         MbaProblemList *problems)
{
  const char *p = data, *end = data + length;
  gsize n_tokens = 0;
  int line, column;

  while (p < end)
    {
      const char *q;

      switch (*p)
        {
        case '"':
          /* Most of a dataset's bytes are in strings: find their end with memchr. A quote
           * after an odd number of backslashes is escaped. */
          for (q = p + 1; (q = memchr (q, '"', end - q)) != NULL; q++)
            {
              gsize n_backslashes = 0;

              for (const char *r = q - 1; r > p && *r == '\\'; r--)
                n_backslashes++;
              if (n_backslashes % 2 == 0)
                break;
            }
          if (q == NULL)
            q = end;
          if ((gsize) (q - p - 1) > MBA_DATASET_MAX_STRING_BYTES)
            {
              line_and_column (data, p - data, &line, &column);
              mba_dataset_add_problem (problems, MBA_DATASET_ERROR_VALUE, display_name,
                                       line, column + 1,
                                       _("the text is %lu bytes long; at most %d are allowed"),
                                       (unsigned long) (q - p - 1), MBA_DATASET_MAX_STRING_BYTES);
              return FALSE;
            }
          n_tokens++;
          p = q + 1;
          continue;
        case '{':
        case '[':
        case ',':
          if (++n_tokens > MBA_DATASET_MAX_TOKENS)
            {
              line_and_column (data, p - data, &line, &column);
              mba_dataset_add_problem (problems, MBA_DATASET_ERROR_TOO_LARGE, display_name,
                                       line, column + 1,
                                       _("the file holds more than %d values and names; "
                                         "no more are allowed"),
                                       MBA_DATASET_MAX_TOKENS);
              return FALSE;
            }
          break;
        default:
          break;
        }
      p++;
    }
  return TRUE;
}

static void
report_too_large (MbaProblemList *problems,
                  const char     *display_name,
                  guint64         size)
{
  mba_dataset_add_problem (problems, MBA_DATASET_ERROR_TOO_LARGE, display_name, 0, 0,
                           _("the file is %u MiB; datasets larger than %d MiB are refused"),
                           (guint) MIN (size / (1024 * 1024), G_MAXUINT),
                           MBA_DATASET_MAX_BYTES / (1024 * 1024));
}

/**
 * mba_dataset_load_data:
 * @problems: where every problem goes
 * @way: %MBA_LOAD_AUTO (the fast path for files over %LARGE_FILE_BYTES), or one way for every
 *   size
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL when @problems has any (or the
 *   load was cancelled)
 */
MbaDataset *
mba_dataset_load_data (const char     *data,
                       gsize           length,
                       const char     *display_name,
                       GCancellable   *cancellable,
                       MbaProblemList *problems,
                       MbaLoadWay      way)
{
  MbaDataset *dataset;
  json_error_t json_error;
  json_t *root;
  g_autofree char *encoding_problem = NULL;
  gsize skip;
  int line, column;

  if (length > MBA_DATASET_MAX_BYTES)
    {
      report_too_large (problems, display_name, length);
      return NULL;
    }
  encoding_problem = mba_text_find_encoding_problem (data, length, &skip, &line, &column);
  if (encoding_problem != NULL)
    {
      mba_problem_list_add (problems, MBA_DATASET_ERROR_SYNTAX, display_name, MAX (line, 0),
                            MAX (column, 0), NULL, encoding_problem);
      return NULL;
    }
  data += skip;
  length -= skip;

  /* Small files are parsed in a few milliseconds anyway, and their long strings are reported
   * with a JSON path. The same for each way, so that the ways give the same result. */
  if (length > LARGE_FILE_BYTES && !prescan (data, length, display_name, problems))
    return NULL;
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  if (way == MBA_LOAD_PARALLEL || (way == MBA_LOAD_AUTO && length > LARGE_FILE_BYTES))
    {
      gboolean handled;

      dataset = mba_dataset_load_parallel (data, length, display_name, cancellable, problems, way,
                                           &handled);
      if (handled)
        return dataset;
    }

  /* Duplicate keys would silently drop one of the values. */
  root = mba_dataset_parse_bounded (data, length, JSON_REJECT_DUPLICATES, &json_error);
  if (root == NULL)
    {
      report_syntax_error (problems, display_name, &json_error, json_error.line, json_error.column);
      return NULL;
    }
  dataset = mba_dataset_load_parsed (root, NULL, display_name, cancellable, problems, NULL);
  json_decref (root);
  return dataset;
}

static gboolean
refuse_unless_regular (GStatBuf       *st,
                       const char     *display_name,
                       MbaProblemList *problems)
{
  if (S_ISDIR (st->st_mode))
    {
      mba_dataset_add_problem (problems, MBA_DATASET_ERROR_IO, display_name, 0, 0,
                               _("is a folder, not a dataset file"));
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      mba_dataset_add_problem (problems, MBA_DATASET_ERROR_IO, display_name, 0, 0,
                               _("is not a regular file"));
      return FALSE;
    }
  if (st->st_size > MBA_DATASET_MAX_BYTES)
    {
      report_too_large (problems, display_name, st->st_size);
      return FALSE;
    }
  return TRUE;
}

static void
report_io_error (MbaProblemList *problems,
                 const char     *display_name,
                 int             saved_errno)
{
  mba_dataset_add_problem (problems, MBA_DATASET_ERROR_IO, display_name, 0, 0,
                           "%s", g_strerror (saved_errno));
}

/**
 * mba_dataset_read_file:
 * @path: a file name
 * @display_name: the name problems are reported under
 *
 * Reads a regular file of at most %MBA_DATASET_MAX_BYTES. Folders, pipes, devices and larger
 * files are refused before anything is read.
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with a problem added
 */
GBytes *
mba_dataset_read_file (const char     *path,
                       const char     *display_name,
                       MbaProblemList *problems)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length = 0;
  int fd;

  /* Check before opening, so that a huge file, a folder or a pipe is refused at once. */
  if (g_stat (path, &st) != 0)
    {
      report_io_error (problems, display_name, errno);
      return NULL;
    }
  if (!refuse_unless_regular (&st, display_name, problems))
    return NULL;

  /* Non-blocking, in case the file was replaced by a pipe meanwhile; checked again once open. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      report_io_error (problems, display_name, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      report_io_error (problems, display_name, errno);
      close (fd);
      return NULL;
    }
  if (!refuse_unless_regular (&st, display_name, problems))
    {
      close (fd);
      return NULL;
    }

  /* One byte more than the size, to notice a file that grows while it is read: never more
   * than the limit. */
  contents = g_try_malloc (st.st_size + 1);
  if (contents == NULL)
    {
      report_io_error (problems, display_name, ENOMEM);
      close (fd);
      return NULL;
    }
  while (length <= (gsize) st.st_size)
    {
      gssize n = read (fd, contents + length, st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          report_io_error (problems, display_name, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);
  if (length > (gsize) st.st_size)
    {
      mba_dataset_add_problem (problems, MBA_DATASET_ERROR_IO, display_name, 0, 0,
                               _("the file changed while it was read"));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
