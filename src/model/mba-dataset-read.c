/* mba-dataset-read.c: a dataset file to bytes, within the limits, and its JSON syntax errors
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <jansson.h>
#include <malloc.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mba-dataset-private.h"
#include "mba-text-check.h"

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

static const char *
skip_white_space (const char *p,
                  const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* p is at a '"'; returns the byte after the closing quote, or NULL. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Skips one JSON value by its brackets and quotes only; Jansson checks the contents later. */
static const char *
skip_value (const char *p,
            const char *end)
{
  int depth = 0;

  if (p >= end)
    return NULL;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[')
    {
      while (p < end && !strchr (",}] \t\r\n", *p))
        p++;
      return p;
    }
  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }
  return NULL;
}

/* Finds the byte range of every element of the top-level "events" array, so that the events can
 * be parsed one at a time (in parallel, and without holding the whole tree in memory). Returns
 * FALSE for anything unusual before the array's end; the caller then parses the whole file. What
 * follows the array is left to the skeleton's parse. */
static gboolean
find_event_slices (const char *data,
                   gsize       length,
                   gsize      *array_start,
                   gsize      *array_end,
                   GArray     *starts,
                   GArray     *ends)
{
  const char *end = data + length;
  const char *p = skip_white_space (data, end);

  if (p >= end || *p != '{')
    return FALSE;
  p = skip_white_space (p + 1, end);
  while (p < end && *p == '"')
    {
      const char *key = p;
      gboolean is_events;

      p = skip_string (p, end);
      if (p == NULL)
        return FALSE;
      is_events = p - key == 8 && memcmp (key, "\"events\"", 8) == 0;
      p = skip_white_space (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      p = skip_white_space (p + 1, end);

      if (is_events && p < end && *p == '[')
        {
          *array_start = p - data;
          p = skip_white_space (p + 1, end);
          while (p < end && *p != ']')
            {
              gsize start = p - data, stop;

              p = skip_value (p, end);
              if (p == NULL)
                return FALSE;
              stop = p - data;
              g_array_append_val (starts, start);
              g_array_append_val (ends, stop);
              p = skip_white_space (p, end);
              if (p < end && *p == ',')
                {
                  p = skip_white_space (p + 1, end);
                  /* "[1,]" is not JSON. */
                  if (p < end && *p == ']')
                    return FALSE;
                }
              else if (p >= end || *p != ']')
                return FALSE;
            }
          if (p >= end)
            return FALSE;
          *array_end = ++p - data;
          return TRUE;
        }
      else
        {
          p = skip_value (p, end);
          if (p == NULL)
            return FALSE;
        }
      p = skip_white_space (p, end);
      if (p < end && *p == ',')
        p = skip_white_space (p + 1, end);
      else
        break;
    }
  return FALSE;
}

/* Parses all but the events array; that is left empty for the workers to fill. On failure
 * @failure says where, as an offset in the whole file. */
static json_t *
load_skeleton (const char   *data,
               gsize         length,
               gsize         array_start,
               gsize         array_end,
               SliceFailure *failure)
{
  g_autoptr(GString) skeleton = g_string_sized_new (length - (array_end - array_start) + 2);
  json_t *root;
  gsize at;

  g_string_append_len (skeleton, data, array_start);
  g_string_append (skeleton, "[]");
  g_string_append_len (skeleton, data + array_end, length - array_end);
  root = mba_dataset_parse_bounded (skeleton->str, skeleton->len, JSON_REJECT_DUPLICATES, &failure->error);
  if (root == NULL)
    {
      at = MAX (failure->error.position, 0);
      failure->failed = TRUE;
      if (at <= array_start)
        failure->offset = at;
      else if (at >= array_start + 2)
        failure->offset = at - (array_start + 2) + array_end;
      else
        failure->offset = array_start + 1;
    }
  return root;
}

/* The first event, in file order, that is not JSON; FALSE when all are. One at a time, so that
 * memory stays that of one event. */
static gboolean
find_first_bad_slice (const char   *data,
                      GArray       *starts,
                      GArray       *ends,
                      SliceFailure *failure)
{
  for (guint i = 0; i < starts->len; i++)
    {
      gsize start = g_array_index (starts, gsize, i);
      json_error_t json_error;
      json_t *object = mba_dataset_parse_bounded (data + start, g_array_index (ends, gsize, i) - start,
                                                  JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &json_error);

      if (object == NULL)
        {
          failure->failed = TRUE;
          failure->error = json_error;
          failure->offset = start + MAX (json_error.position, 0);
          return TRUE;
        }
      json_decref (object);
    }
  return FALSE;
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

/* Reports a syntax error at @line and @column as Jansson counts them (the column just after
 * what it read). */
static void
set_syntax_error (GError             **error,
                  const char          *display_name,
                  const json_error_t  *json_error,
                  int                  line,
                  int                  column)
{
  g_autoptr(GString) text = g_string_new (json_error->text);

  if (json_error_code (json_error) == json_error_out_of_memory)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file holds too many values: loading them would take over %d MiB"),
                   display_name, MBA_DATASET_MAX_PARSE_BYTES / (1024 * 1024));
      return;
    }
  g_string_replace (text, "without JSON_ALLOW_NUL", "in a dataset", 0);
  g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX,
               "%s:%d:%d: %s", display_name, MAX (line, 1),
               syntax_error_column (json_error, column), text->str);
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

static void
set_syntax_error_at (GError            **error,
                     const char         *display_name,
                     const char         *data,
                     const SliceFailure *failure)
{
  int line, column;

  line_and_column (data, failure->offset, &line, &column);
  set_syntax_error (error, display_name, &failure->error, line, column);
}

/* A quick pass over a large file before Jansson sees it: a string too long, or too many values,
 * is refused here in a few milliseconds, where parsing would take seconds to reach the same
 * answer. Strings count as one token each (names too), as do brackets and commas. */
static gboolean
prescan (const char  *data,
         gsize        length,
         const char  *display_name,
         GError     **error)
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
              g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_VALUE,
                           _("%s:%d:%d: the text is %lu bytes long; at most %d are allowed"),
                           display_name, line, column + 1, (unsigned long) (q - p - 1),
                           MBA_DATASET_MAX_STRING_BYTES);
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
              g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                           _("%s:%d:%d: the file holds more than %d values and names; no more are allowed"),
                           display_name, line, column + 1, MBA_DATASET_MAX_TOKENS);
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

MbaDataset *
mba_dataset_load_data (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  MbaDataset *dataset;
  json_error_t json_error;
  json_t *root;

  if (length > MBA_DATASET_MAX_BYTES)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; datasets larger than %d MiB are refused"),
                   display_name, (guint) (length / (1024 * 1024)), MBA_DATASET_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!mba_text_check_encoding (&data, &length, display_name, error))
    return NULL;

  /* Large files take the fast path: events parsed one by one in parallel. */
  if (length > 256 * 1024)
    {
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
      gsize array_start = 0, array_end = 0;

      if (!prescan (data, length, display_name, error))
        return NULL;

      if (find_event_slices (data, length, &array_start, &array_end, starts, ends))
        {
          SliceFailure failure = { FALSE };
          EventSource sliced = { NULL, data, (gsize *) starts->data, (gsize *) ends->data, starts->len, &failure };
          gboolean slice_failed = FALSE;

          root = load_skeleton (data, length, array_start, array_end, &failure);
          if (root == NULL)
            {
              /* The first problem in the file: one after the events may follow one in them. */
              if (failure.offset > array_start)
                find_first_bad_slice (data, starts, ends, &failure);
              set_syntax_error_at (error, display_name, data, &failure);
              return NULL;
            }
          dataset = mba_dataset_load_parsed (root, &sliced, display_name, &slice_failed, error);
          json_decref (root);
          if (slice_failed)
            set_syntax_error_at (error, display_name, data, &failure);
          return dataset;
        }
    }

  /* Duplicate keys would silently drop one of the values. */
  root = mba_dataset_parse_bounded (data, length, JSON_REJECT_DUPLICATES, &json_error);
  if (root == NULL)
    {
      set_syntax_error (error, display_name, &json_error, json_error.line, json_error.column);
      return NULL;
    }
  dataset = mba_dataset_load_parsed (root, NULL, display_name, NULL, error);
  json_decref (root);
  return dataset;
}

/**
 * mba_dataset_new_from_bytes:
 * @bytes: the JSON text
 * @display_name: the name problems are reported under (a file name)
 *
 * Returns: (transfer full): the dataset, or %NULL with @error listing every problem.
 */
MbaDataset *
mba_dataset_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return mba_dataset_load_data (data ? data : "", length, display_name, error);
}

static gboolean
refuse_unless_regular (const char  *path,
                       GStatBuf    *st,
                       GError     **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), path);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: is not a regular file"), path);
      return FALSE;
    }
  if (st->st_size > MBA_DATASET_MAX_BYTES)
    {
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; datasets larger than %d MiB are refused"),
                   path, (guint) MIN (st->st_size / (1024 * 1024), G_MAXUINT),
                   MBA_DATASET_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
               "%s: %s", path, g_strerror (saved_errno));
}

/* The text of a large file is read into memory that may use huge pages: on virtual machines a
 * page fault costs microseconds, and 4 KiB pages made faulting in a 28 MiB file a fifth of
 * the load. Small files get ordinary memory. */
#define HUGE_BUFFER_MIN (4 * 1024 * 1024)

typedef struct
{
  char  *data;
  gsize  size;
  gboolean mapped;
} ReadBuffer;

static gboolean
read_buffer_init (ReadBuffer *buffer,
                  gsize       size)
{
  buffer->size = size;
  buffer->mapped = FALSE;
  if (size >= HUGE_BUFFER_MIN)
    {
      void *data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (data != MAP_FAILED)
        {
#ifdef MADV_HUGEPAGE
          madvise (data, size, MADV_HUGEPAGE);
#endif
          buffer->data = data;
          buffer->mapped = TRUE;
          return TRUE;
        }
    }
  buffer->data = g_try_malloc (size);
  return buffer->data != NULL;
}

static void
read_buffer_clear (ReadBuffer *buffer)
{
  if (buffer->data == NULL)
    return;
  if (buffer->mapped)
    munmap (buffer->data, buffer->size);
  else
    g_free (buffer->data);
  buffer->data = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadBuffer, read_buffer_clear)

MbaDataset *
mba_dataset_new_from_file (const char  *path,
                           GError     **error)
{
  g_auto(ReadBuffer) buffer = { NULL, 0, FALSE };
  char *contents;
  GStatBuf st;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Check before opening, so that a huge file, a folder or a pipe is refused at once. */
  if (g_stat (path, &st) != 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  if (!refuse_unless_regular (path, &st, error))
    return NULL;

  /* Non-blocking, in case the file was replaced by a pipe meanwhile; checked again once open. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !refuse_unless_regular (path, &st, error))
    {
      if (error != NULL && *error == NULL)
        set_io_error (error, path, errno);
      close (fd);
      return NULL;
    }

  /* Never more than the limit, even if the file grows while it is read. */
  if (!read_buffer_init (&buffer, st.st_size + 1))
    {
      set_io_error (error, path, ENOMEM);
      close (fd);
      return NULL;
    }
  contents = buffer.data;
  while (length <= (gsize) st.st_size)
    {
      gssize n = read (fd, contents + length, st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, path, errno);
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
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_IO,
                   _("%s: the file changed while it was read"), path);
      return NULL;
    }
  return mba_dataset_load_data (contents, length, path, error);
}
