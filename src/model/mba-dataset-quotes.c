/* mba-dataset-quotes.c: checking that every quote is verbatim in its article
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mba-dataset-private.h"
#include "mba-regular-file.h"

/* Any run of white space (no-break spaces and line breaks too) becomes one space. */
static char *
collapse_white_space (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  gboolean in_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          if (!in_space && s->len > 0)
            g_string_append_c (s, ' ');
          in_space = TRUE;
        }
      else
        {
          g_string_append_unichar (s, c);
          in_space = FALSE;
        }
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* A document read for mba_dataset_verify_quotes(): its text with white space collapsed, or why
 * it cannot be read. */
typedef struct
{
  char *text;
  char *problem;
} Document;

static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->text);
  g_free (document->problem);
  g_free (document);
}

static void
verify_one (GHashTable      *documents,
            const char      *documents_dir,
            const MbaSource *source,
            const char      *text,
            const char      *path,
            guint           *n_verified,
            GPtrArray       *failures)
{
  g_autofree char *needle = NULL;
  const char *haystack;
  Document *document;

  if (source->layer != MBA_SOURCE_LAYER_ARTICLE)
    return;
  if (source->document == NULL)
    {
      g_ptr_array_add (failures, g_strdup_printf (_("%s: source “%s” names no document"), path, source->id));
      return;
    }

  document = g_hash_table_lookup (documents, source->document);
  if (document == NULL)
    {
      g_autofree char *file = g_build_filename (documents_dir, source->document, NULL);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* Only regular files of a dataset's size at most: a FIFO would block, a device never end. */
      document = g_new0 (Document, 1);
      contents = mba_regular_file_read (file, MBA_DATASET_MAX_BYTES, &length, &read_error);
      if (contents == NULL)
        document->problem = g_strdup (read_error->message);
      else if (!g_utf8_validate_len (contents, length, NULL))
        document->problem = g_strdup (_("it is not UTF-8 text"));
      else
        document->text = collapse_white_space (contents);
      g_hash_table_insert (documents, g_strdup (source->document), document);
    }
  if (document->text == NULL)
    {
      g_ptr_array_add (failures, g_strdup_printf (_("%s: the document %s of source “%s” cannot be read in %s: %s"),
                                                  path, source->document, source->id, documents_dir,
                                                  document->problem));
      return;
    }
  haystack = document->text;

  needle = collapse_white_space (text);
  if (strstr (haystack, needle) == NULL)
    g_ptr_array_add (failures, g_strdup_printf (_("%s: not found verbatim in %s: “%s”"),
                                                path, source->document, text));
  else
    (*n_verified)++;
}

/**
 * mba_dataset_verify_quotes:
 * @documents_dir: the folder holding the sources' documents
 * @n_verified: (out): how many quotes were found verbatim
 * @failures: (out) (transfer full): one message per quote that was not, with its JSON path
 *
 * Checks that every quote from an article (events, disputes, conflicts) is a verbatim substring of
 * its document, treating any run of white space as one space and loosening nothing else.
 *
 * Returns: %TRUE when every quote was found.
 */
gboolean
mba_dataset_verify_quotes (MbaDataset  *self,
                           const char  *documents_dir,
                           guint       *n_verified,
                           GPtrArray  **failures)
{
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, document_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  guint verified = 0;

  g_return_val_if_fail (MBA_IS_DATASET (self), FALSE);
  g_return_val_if_fail (documents_dir != NULL, FALSE);

  for (guint i = 0; i < self->n_events; i++)
    {
      const MbaEvent *event = &self->events[i];

      if (event->derived)
        continue;
      for (guint j = 0; j < event->n_quotes; j++)
        {
          g_autofree char *path = g_strdup_printf ("events[%d].quotes[%u]", event->file_index, j);
          verify_one (documents, documents_dir, event->quotes[j].source, event->quotes[j].text,
                      path, &verified, found);
        }
    }
  for (guint i = 0; i < self->n_disputes; i++)
    for (guint j = 0; j < self->disputes[i].n_claims; j++)
      {
        g_autofree char *path = g_strdup_printf ("disputes[%u].claims[%u]", i, j);
        verify_one (documents, documents_dir, self->disputes[i].claims[j].source,
                    self->disputes[i].claims[j].text, path, &verified, found);
      }
  for (guint i = 0; i < self->n_states; i++)
    for (guint j = 0; j < self->states[i].n_conflicts; j++)
      if (self->states[i].conflicts[j].quote != NULL)
        {
          g_autofree char *path = g_strdup_printf ("states[%u].armed_conflicts[%u].quote", i, j);
          verify_one (documents, documents_dir, self->states[i].conflicts[j].source,
                      self->states[i].conflicts[j].quote, path, &verified, found);
        }

  if (n_verified)
    *n_verified = verified;
  if (failures)
    *failures = g_ptr_array_ref (found);
  return found->len == 0;
}
