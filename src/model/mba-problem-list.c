/* mba-problem-list.c: every problem of a file counted, the first few kept, as a GListModel
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mba-dataset.h"
#include "mba-problem-list.h"

/* Kinds are the MbaDatasetError codes; anything else is counted under the last slot. */
#define N_KINDS (MBA_DATASET_ERROR_VALUE + 2)

struct _MbaProblemList
{
  GObject    parent_instance;

  GPtrArray *kept;              /* MbaProblem, in the order they were found */
  guint      max_kept;
  guint      n_total;
  guint      omitted_by_kind[N_KINDS];
};

static GType
mba_problem_list_get_item_type (GListModel *model)
{
  return MBA_TYPE_PROBLEM;
}

static guint
mba_problem_list_get_n_items (GListModel *model)
{
  return MBA_PROBLEM_LIST (model)->kept->len;
}

static gpointer
mba_problem_list_get_item (GListModel *model,
                           guint       position)
{
  MbaProblemList *self = MBA_PROBLEM_LIST (model);

  if (position >= self->kept->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->kept, position));
}

static void
mba_problem_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mba_problem_list_get_item_type;
  iface->get_n_items = mba_problem_list_get_n_items;
  iface->get_item = mba_problem_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MbaProblemList, mba_problem_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mba_problem_list_model_init))

/**
 * mba_problem_list_new:
 * @max_kept: how many problems to keep in full, usually %MBA_PROBLEM_LIST_MAX_KEPT
 */
MbaProblemList *
mba_problem_list_new (guint max_kept)
{
  MbaProblemList *self = g_object_new (MBA_TYPE_PROBLEM_LIST, NULL);

  self->max_kept = max_kept;
  return self;
}

static guint
kind_slot (int code)
{
  return code >= 0 && code < N_KINDS - 1 ? (guint) code : N_KINDS - 1;
}

/**
 * mba_problem_list_take:
 * @problem: (transfer full): a problem
 *
 * Counts @problem, and keeps it if fewer than the list's maximum are kept.
 */
void
mba_problem_list_take (MbaProblemList *self,
                       MbaProblem     *problem)
{
  g_autoptr(MbaProblem) owned = problem;

  g_return_if_fail (MBA_IS_PROBLEM_LIST (self));
  g_return_if_fail (MBA_IS_PROBLEM (problem));

  if (self->n_total < G_MAXUINT)
    self->n_total++;
  if (self->kept->len < self->max_kept)
    {
      g_ptr_array_add (self->kept, g_steal_pointer (&owned));
      g_list_model_items_changed (G_LIST_MODEL (self), self->kept->len - 1, 0, 1);
    }
  else
    self->omitted_by_kind[kind_slot (mba_problem_get_code (problem))]++;
}

/**
 * mba_problem_list_add:
 *
 * Like mba_problem_list_take(), but makes the problem only when it is kept, so counting the
 * millionth problem of a file costs nothing.
 */
void
mba_problem_list_add (MbaProblemList *self,
                      int             code,
                      const char     *file,
                      guint           line,
                      guint           column,
                      const char     *json_path,
                      const char     *message)
{
  g_return_if_fail (MBA_IS_PROBLEM_LIST (self));

  if (self->kept->len < self->max_kept)
    {
      mba_problem_list_take (self, mba_problem_new (code, file, line, column, json_path, message));
      return;
    }
  if (self->n_total < G_MAXUINT)
    self->n_total++;
  self->omitted_by_kind[kind_slot (code)]++;
}

/**
 * mba_problem_list_is_full:
 *
 * Returns: whether the next problem would only be counted, so that a caller can skip
 *   writing its message
 */
gboolean
mba_problem_list_is_full (MbaProblemList *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), TRUE);
  return self->kept->len >= self->max_kept;
}

/**
 * mba_problem_list_append:
 * @other: problems found after those of @self (by another thread, say)
 *
 * Adds every problem of @other, in order, as if each had been added to @self.
 */
void
mba_problem_list_append (MbaProblemList *self,
                         MbaProblemList *other)
{
  g_return_if_fail (MBA_IS_PROBLEM_LIST (self));
  g_return_if_fail (MBA_IS_PROBLEM_LIST (other));

  for (guint i = 0; i < other->kept->len; i++)
    mba_problem_list_take (self, g_object_ref (g_ptr_array_index (other->kept, i)));
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->omitted_by_kind[k] += other->omitted_by_kind[k];
      self->n_total = other->omitted_by_kind[k] > G_MAXUINT - self->n_total
                      ? G_MAXUINT : self->n_total + other->omitted_by_kind[k];
    }
}

/* Every problem found, kept or not. */
guint
mba_problem_list_get_n_total (MbaProblemList *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), 0);
  return self->n_total;
}

/* The problems counted but not kept. */
guint
mba_problem_list_get_n_omitted (MbaProblemList *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), 0);
  return self->n_total - self->kept->len;
}

/* The first problem's code (an MbaDatasetError), or -1 when the list is empty. */
int
mba_problem_list_get_first_code (MbaProblemList *self)
{
  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), -1);
  if (self->kept->len == 0)
    return -1;
  return mba_problem_get_code (g_ptr_array_index (self->kept, 0));
}

/**
 * mba_problem_list_get_problem:
 *
 * Returns: (transfer none) (nullable): the kept problem at @position
 */
MbaProblem *
mba_problem_list_get_problem (MbaProblemList *self,
                              guint           position)
{
  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), NULL);
  if (position >= self->kept->len)
    return NULL;
  return g_ptr_array_index (self->kept, position);
}

/**
 * mba_problem_list_describe_omitted:
 *
 * Returns: (transfer full) (nullable): "and 99,900 more problems: wrong type
 *   (60,000), unknown member (39,900)", most frequent first, or %NULL when nothing was left out
 */
char *
mba_problem_list_describe_omitted (MbaProblemList *self)
{
  guint n_omitted, order[N_KINDS], n_order = 0;
  g_autoptr(GString) kinds = g_string_new (NULL);

  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), NULL);

  n_omitted = mba_problem_list_get_n_omitted (self);
  if (n_omitted == 0)
    return NULL;

  for (guint k = 0; k < N_KINDS; k++)
    if (self->omitted_by_kind[k] > 0)
      order[n_order++] = k;
  /* A handful of kinds: insertion sort, most frequent first. */
  for (guint i = 1; i < n_order; i++)
    for (guint j = i; j > 0 && self->omitted_by_kind[order[j]] > self->omitted_by_kind[order[j - 1]]; j--)
      {
        guint swap = order[j];
        order[j] = order[j - 1];
        order[j - 1] = swap;
      }

  for (guint i = 0; i < n_order; i++)
    {
      guint k = order[i];
      int code = k == N_KINDS - 1 ? -1 : (int) k;

      if (i > 0)
        g_string_append (kinds, ", ");
      /* Translators: a kind of problem and how many there are, e.g. "wrong type (60,000)" */
      g_string_append_printf (kinds, _("%s (%'u)"), mba_problem_code_get_label (code),
                              self->omitted_by_kind[k]);
    }

  /* Translators: after the problems listed, e.g. "and 99,900 more problems: wrong type
   * (60,000), unknown member (39,900)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "and %'u more problem: %s",
                                       "and %'u more problems: %s",
                                       n_omitted),
                          n_omitted, kinds->str);
}

/**
 * mba_problem_list_to_string:
 *
 * Returns: (transfer full): the kept problems one a line, as `--check` prints them, then the
 *   line that counts the others, if any, after the file's name; no trailing newline
 */
char *
mba_problem_list_to_string (MbaProblemList *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *omitted = NULL;

  g_return_val_if_fail (MBA_IS_PROBLEM_LIST (self), NULL);

  for (guint i = 0; i < self->kept->len; i++)
    {
      g_autofree char *line = mba_problem_to_string (g_ptr_array_index (self->kept, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  /* Every line starts with the file's name, the count of the others too: --check prints the
   * lists of several files one after another. */
  omitted = mba_problem_list_describe_omitted (self);
  if (omitted != NULL && self->kept->len > 0)
    g_string_append_printf (text, "\n%s: %s",
                            mba_problem_get_file (g_ptr_array_index (self->kept, 0)), omitted);
  else if (omitted != NULL)
    g_string_append (text, omitted);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
mba_problem_list_finalize (GObject *object)
{
  MbaProblemList *self = MBA_PROBLEM_LIST (object);

  g_ptr_array_unref (self->kept);

  G_OBJECT_CLASS (mba_problem_list_parent_class)->finalize (object);
}

static void
mba_problem_list_class_init (MbaProblemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_problem_list_finalize;
}

static void
mba_problem_list_init (MbaProblemList *self)
{
  self->kept = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_kept = MBA_PROBLEM_LIST_MAX_KEPT;
}
