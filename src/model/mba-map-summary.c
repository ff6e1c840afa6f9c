/* mba-map-summary.c: what the map shows at a date, in words, and what changed between dates
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mba-country-names.h"
#include "mba-map-summary.h"

/* Groups larger than this are counted rather than named. */
#define MAX_NAMED 5
/* How many members of a large group the summary still names, when they are in the story. */
#define MAX_HIGHLIGHTED 4

/**
 * mba_state_get_display_name:
 *
 * Returns: the state's name in the user's language (iso-codes), or the dataset's name
 */
const char *
mba_state_get_display_name (const MbaState *state)
{
  g_return_val_if_fail (state != NULL, "");
  return mba_country_name (state->code, state->name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const MbaMapChange *x = a, *y = b;

  return g_utf8_collate (mba_state_get_display_name (x->state),
                         mba_state_get_display_name (y->state));
}

/**
 * mba_map_get_changes:
 * @from_day: the earlier date (e.g. the compare date)
 * @to_day: the later date (e.g. the map's date)
 *
 * Every state whose status on @to_day differs from its status on @from_day, sorted by name.
 *
 * Returns: (transfer full) (element-type MbaMapChange): the changes
 */
GArray *
mba_map_get_changes (MbaDataset *dataset,
                     gint32      from_day,
                     gint32      to_day)
{
  GArray *changes;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);

  changes = g_array_new (FALSE, TRUE, sizeof (MbaMapChange));
  for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (dataset, i);
      MbaMapChange change = { .state = state };

      change.from = mba_dataset_get_status_at (dataset, state, from_day, NULL, NULL);
      change.to = mba_dataset_get_status_at (dataset, state, to_day, &change.event, NULL);
      if (change.from != change.to)
        g_array_append_val (changes, change);
    }
  g_array_sort (changes, compare_changes);
  return changes;
}

/**
 * mba_join_names:
 *
 * Returns: (transfer full): "A", "A and B", "A, B and C"… in the user's language
 */
char *
mba_join_names (const char **names,
                guint        n_names)
{
  char *text;

  if (n_names == 0)
    return g_strdup ("");
  if (n_names == 1)
    return g_strdup (names[0]);

  text = g_strdup (names[0]);
  for (guint i = 1; i < n_names - 1; i++)
    {
      /* Translators: joins the items of a list but the last, e.g. "Estonia, Finland" */
      char *longer = g_strdup_printf (C_("list", "%s, %s"), text, names[i]);

      g_free (text);
      text = longer;
    }
  {
    /* Translators: joins the last item of a list, e.g. "Estonia, Finland and Latvia" */
    char *longer = g_strdup_printf (C_("list", "%s and %s"), text, names[n_names - 1]);

    g_free (text);
    text = longer;
  }
  return text;
}

/* How many events name each state, by state index: one pass over the events. */
static guint *
count_state_events (MbaDataset *dataset)
{
  guint *counts = g_new0 (guint, mba_dataset_get_n_states (dataset));

  for (guint e = 0; e < mba_dataset_get_n_events (dataset); e++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, e);

      for (guint s = 0; s < event->n_states; s++)
        counts[event->states[s]->index]++;
    }
  return counts;
}

typedef struct
{
  const char *name;
  guint       n_events;
} Member;

static int
compare_members_by_story (gconstpointer a,
                          gconstpointer b)
{
  const Member *x = a, *y = b;

  if (x->n_events != y->n_events)
    return x->n_events > y->n_events ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* The names of a group, sorted; or, for a large group, those in the story most (up to
 * MAX_HIGHLIGHTED of them, then sorted). */
static char *
group_names (GArray  *members,
             gboolean highlight_only)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (highlight_only)
    {
      g_array_sort (members, compare_members_by_story);
      for (guint i = 0; i < members->len && names->len < MAX_HIGHLIGHTED; i++)
        if (g_array_index (members, Member, i).n_events > 0)
          g_ptr_array_add (names, (gpointer) g_array_index (members, Member, i).name);
    }
  else
    for (guint i = 0; i < members->len; i++)
      g_ptr_array_add (names, (gpointer) g_array_index (members, Member, i).name);
  g_ptr_array_sort (names, compare_names);
  return mba_join_names ((const char **) names->pdata, names->len);
}

static char *
describe_group (MbaStatus status,
                GArray   *members)
{
  guint n = members->len;
  g_autofree char *names = NULL;

  if (n <= MAX_NAMED)
    {
      names = group_names (members, FALSE);
      switch (status)
        {
        case MBA_STATUS_WITHDRAWN:
          /* Translators: %s is a list of states, e.g. "Estonia, Latvia and Lithuania" */
          return g_strdup_printf (ngettext ("%s is no longer bound by the treaty",
                                            "%s are no longer bound by the treaty", n), names);
        case MBA_STATUS_WITHDRAWAL_IN_PROGRESS:
          /* Translators: %s is a state, or a list of states */
          return g_strdup_printf (ngettext ("%s’s withdrawal is in progress",
                                            "the withdrawals of %s are in progress", n), names);
        case MBA_STATUS_WITHDRAWAL_ANNOUNCED:
          return g_strdup_printf (ngettext ("%s has announced its withdrawal",
                                            "%s have announced their withdrawal", n), names);
        case MBA_STATUS_SIGNATORY:
          return g_strdup_printf (ngettext ("%s has signed the treaty but is not bound by it",
                                            "%s have signed the treaty but are not bound by it",
                                            n), names);
        case MBA_STATUS_PARTY:
          return g_strdup_printf (ngettext ("%s is party to the treaty",
                                            "%s are parties to the treaty", n), names);
        case MBA_STATUS_NON_PARTY:
          return g_strdup_printf (ngettext ("%s is not party to the treaty",
                                            "%s are not parties to the treaty", n), names);
        case MBA_STATUS_UNKNOWN:
        default:
          return g_strdup_printf (ngettext ("the dataset gives no status for %s",
                                            "the dataset gives no status for %s", n), names);
        }
    }

  names = group_names (members, TRUE);
  switch (status)
    {
    case MBA_STATUS_WITHDRAWN:
      return g_strdup_printf (ngettext ("%u state is no longer bound by the treaty",
                                        "%u states are no longer bound by the treaty", n), n);
    case MBA_STATUS_WITHDRAWAL_IN_PROGRESS:
      return g_strdup_printf (ngettext ("%u state is withdrawing from the treaty",
                                        "%u states are withdrawing from the treaty", n), n);
    case MBA_STATUS_WITHDRAWAL_ANNOUNCED:
      return g_strdup_printf (ngettext ("%u state has announced its withdrawal",
                                        "%u states have announced their withdrawal", n), n);
    case MBA_STATUS_SIGNATORY:
      return g_strdup_printf (ngettext ("%u state has signed the treaty but is not bound by it",
                                        "%u states have signed the treaty but are not bound by it",
                                        n), n);
    case MBA_STATUS_PARTY:
      return g_strdup_printf (ngettext ("%u state is party to the treaty",
                                        "%u states are parties to the treaty", n), n);
    case MBA_STATUS_NON_PARTY:
      if (*names)
        /* Translators: %u is a number of states, %s a list of some of them */
        return g_strdup_printf (ngettext ("%u state is not party to the treaty, among them %s",
                                          "%u states are not parties to the treaty, among them %s",
                                          n), n, names);
      return g_strdup_printf (ngettext ("%u state is not party to the treaty",
                                        "%u states are not parties to the treaty", n), n);
    case MBA_STATUS_UNKNOWN:
    default:
      return g_strdup_printf (ngettext ("the dataset gives no status for %u state",
                                        "the dataset gives no status for %u states", n), n);
    }
}

/**
 * mba_map_summary:
 * @day: the map's date
 *
 * The map in one sentence, for the text under the map, screen readers and exports' alternative
 * text: who has left the treaty, who is leaving, then how many are in and out.
 *
 * Returns: (transfer full): the summary
 */
char *
mba_map_summary (MbaDataset *dataset,
                 gint32      day)
{
  static const MbaStatus order[] = {
    MBA_STATUS_WITHDRAWN,
    MBA_STATUS_WITHDRAWAL_IN_PROGRESS,
    MBA_STATUS_WITHDRAWAL_ANNOUNCED,
    MBA_STATUS_SIGNATORY,
    MBA_STATUS_PARTY,
    MBA_STATUS_NON_PARTY,
    MBA_STATUS_UNKNOWN,
  };
  GArray *groups[MBA_N_STATUSES];
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  g_autofree guint *n_events = NULL;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);

  n_events = count_state_events (dataset);
  for (guint s = 0; s < MBA_N_STATUSES; s++)
    groups[s] = g_array_new (FALSE, FALSE, sizeof (Member));
  for (guint i = 0; i < mba_dataset_get_n_states (dataset); i++)
    {
      const MbaState *state = mba_dataset_get_state (dataset, i);
      MbaStatus status = mba_dataset_get_status_at (dataset, state, day, NULL, NULL);
      Member member = { mba_state_get_display_name (state), n_events[state->index] };

      g_array_append_val (groups[status], member);
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (groups[order[i]]->len > 0)
      g_ptr_array_add (clauses, describe_group (order[i], groups[order[i]]));
  for (guint s = 0; s < MBA_N_STATUSES; s++)
    g_array_unref (groups[s]);

  date = mba_day_format (day);
  if (clauses->len == 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("On %s, the dataset lists no states."), date);

  g_ptr_array_add (clauses, NULL);
  /* Translators: separates the clauses of the map's summary */
  body = g_strjoinv (C_("summary", "; "), (char **) clauses->pdata);
  /* Translators: the map's summary: %s is a date, then clauses such as "Estonia is no longer
   * bound by the treaty; Ukraine’s withdrawal is in progress" */
  return g_strdup_printf (C_("summary", "On %s, %s."), date, body);
}

/**
 * mba_map_changes_summary:
 *
 * The compare mode's list in one sentence, e.g. "Between 1 January 2025 and 1 March 2026, 3
 * states changed status: Estonia (State Party → Withdrawn), …".
 *
 * Returns: (transfer full): the text
 */
char *
mba_map_changes_summary (MbaDataset *dataset,
                         gint32      from_day,
                         gint32      to_day)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);

  changes = mba_map_get_changes (dataset, from_day, to_day);
  from = mba_day_format (from_day);
  to = mba_day_format (to_day);
  if (changes->len == 0)
    /* Translators: two dates */
    return g_strdup_printf (_("No state changed status between %s and %s."), from, to);

  for (guint i = 0; i < changes->len; i++)
    {
      const MbaMapChange *change = &g_array_index (changes, MbaMapChange, i);

      /* Translators: a state and how its status changed, e.g. "Estonia (State Party → Withdrawn)" */
      g_ptr_array_add (items, g_strdup_printf (_("%s (%s → %s)"),
                                               mba_state_get_display_name (change->state),
                                               mba_status_get_label (change->from),
                                               mba_status_get_label (change->to)));
    }
  list = mba_join_names ((const char **) items->pdata, items->len);
  /* Translators: two dates, a number of states, then the list of them */
  return g_strdup_printf (ngettext ("Between %s and %s, %u state changed status: %s.",
                                    "Between %s and %s, %u states changed status: %s.",
                                    changes->len),
                          from, to, changes->len, list);
}
