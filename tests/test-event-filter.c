/* test-event-filter.c: the events that pass the timeline's filters, in date order */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mba-event-filter.h"

static MbaDataset *
load (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  MbaDataset *dataset;

  if (g_str_equal (name, "bundled"))
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "mine-ban-atlas.json", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  dataset = mba_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  return dataset;
}

static char *
ids_of (GPtrArray *events)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const MbaEvent *event = events->pdata[i];

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, event->id);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
list_ids (MbaEventFilter *filter)
{
  g_autoptr(GPtrArray) events = mba_event_filter_list_events (filter);

  return ids_of (events);
}

static void
test_filters_small (void)
{
  g_autoptr(MbaDataset) dataset = load ("small.json");
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
  g_autofree char *all = NULL, *no_context = NULL, *estonia = NULL, *search = NULL;
  g_autofree char *combined = NULL, *nothing = NULL, *hidden = NULL;

  all = list_ids (filter);
  g_assert_cmpstr (all, ==, "ukr-ratifies recent-months joint-announcement est-deposit ukr-deposit "
                            "est-deposit-effective");

  g_assert_true (mba_event_filter_set_include_context (filter, FALSE));
  g_assert_false (mba_event_filter_set_include_context (filter, FALSE));
  g_assert_cmpuint (mba_event_filter_get_hidden_kinds (filter), ==, 1u << MBA_EVENT_KIND_CONTEXT);
  no_context = list_ids (filter);
  g_assert_cmpstr (no_context, ==, "ukr-ratifies joint-announcement est-deposit ukr-deposit "
                                   "est-deposit-effective");
  g_assert_true (mba_event_filter_set_include_context (filter, TRUE));

  g_assert_true (mba_event_filter_set_state_code (filter, "EST"));
  g_assert_false (mba_event_filter_set_state_code (filter, "EST"));
  estonia = list_ids (filter);
  g_assert_cmpstr (estonia, ==, "joint-announcement est-deposit est-deposit-effective");
  /* "" means no state filter, as the timeline's entry gives it. */
  g_assert_true (mba_event_filter_set_state_code (filter, ""));
  g_assert_null (mba_event_filter_get_state_code (filter));

  /* Every word must appear, in any case, in the title, summary or a state's code or name. */
  g_assert_true (mba_event_filter_set_search_text (filter, "  UKRAINE  "));
  g_assert_true (mba_event_filter_has_search (filter));
  search = list_ids (filter);
  g_assert_cmpstr (search, ==, "ukr-ratifies ukr-deposit");
  g_assert_false (mba_event_filter_set_search_text (filter, "ukraine"));
  /* The text is kept as given, for the search entry; the words decide what passes. */
  g_assert_cmpstr (mba_event_filter_get_search_text (filter), ==, "ukraine");
  g_assert_true (mba_event_filter_set_search_text (filter, "ukraine notifies"));
  combined = list_ids (filter);
  g_assert_cmpstr (combined, ==, "ukr-deposit");
  g_assert_true (mba_event_filter_set_search_text (filter, "ukraine estonia"));
  nothing = list_ids (filter);
  g_assert_cmpstr (nothing, ==, "");
  g_assert_true (mba_event_filter_set_search_text (filter, " \t"));
  g_assert_false (mba_event_filter_has_search (filter));
  g_assert_cmpstr (mba_event_filter_get_search_text (filter), ==, " \t");
  mba_event_filter_set_search_text (filter, "");
  g_assert_null (mba_event_filter_get_search_text (filter));

  g_assert_true (mba_event_filter_set_hidden_kinds (filter, (1u << MBA_EVENT_KIND_WITHDRAWAL_DEPOSITED) |
                                                            (1u << MBA_EVENT_KIND_RATIFICATION)));
  hidden = list_ids (filter);
  g_assert_cmpstr (hidden, ==, "recent-months joint-announcement est-deposit-effective");
}

/* On the full dataset the list is the brute-force selection, in the timeline's order: by first
 * day, then last day, then id (so the 1997 signing day's many signatures come by id). */
static void
test_order_bundled (void)
{
  g_autoptr(MbaDataset) dataset = load ("bundled");
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (dataset);
  g_autoptr(GPtrArray) events = NULL;
  guint n_same_day = 0, expected = 0;

  mba_event_filter_set_include_context (filter, FALSE);
  mba_event_filter_set_search_text (filter, "signs");
  events = mba_event_filter_list_events (filter);

  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);
      g_autofree char *title = g_utf8_casefold (event->title, -1);
      g_autofree char *summary = g_utf8_casefold (event->summary, -1);

      if (event->kind != MBA_EVENT_KIND_CONTEXT &&
          (strstr (title, "signs") != NULL || strstr (summary, "signs") != NULL))
        expected++;
    }
  g_assert_cmpuint (events->len, ==, expected);
  g_assert_cmpuint (events->len, >, 10);

  for (guint i = 1; i < events->len; i++)
    {
      const MbaEvent *a = events->pdata[i - 1], *b = events->pdata[i];

      g_assert_cmpint (a->first_day, <=, b->first_day);
      if (a->first_day == b->first_day && a->last_day == b->last_day && a->derived == b->derived)
        {
          g_assert_cmpint (strcmp (a->id, b->id), <, 0);
          n_same_day++;
        }
    }
  g_assert_cmpuint (n_same_day, >, 0);
}

static void
test_no_dataset (void)
{
  g_autoptr(MbaEventFilter) filter = mba_event_filter_new (NULL);
  g_autoptr(GPtrArray) events = NULL;

  mba_event_filter_set_search_text (filter, "anything");
  events = mba_event_filter_list_events (filter);
  g_assert_cmpuint (events->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-filter/small", test_filters_small);
  g_test_add_func ("/event-filter/order", test_order_bundled);
  g_test_add_func ("/event-filter/no-dataset", test_no_dataset);

  return g_test_run ();
}
