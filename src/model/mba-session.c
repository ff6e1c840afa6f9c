/* mba-session.c: what the window shows now, in one place that every view observes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mba-event-list.h"
#include "mba-session.h"

/* The app's state: the dataset, the selected event, the date the map shows, the timeline's
 * visible range and the filter. Views (timeline, map, quote panel, search, presentation) listen
 * to its notifications and write what the user does to it; none of them keeps a copy that
 * another view must be told about. Like sysprof's SysprofSession or libshumate's
 * ShumateViewport, it is a plain GObject: setters check and clamp their input and notify only
 * on a change. */
struct _MbaSession
{
  GObject         parent_instance;

  MbaDataset     *dataset;
  MbaEventFilter *filter;
  MbaEventList   *events;

  char           *selected_id;
  const MbaEvent *selected;
  gint32          cursor_day;

  double          min_day;
  double          max_day;
  double          visible_start;
  double          visible_end;
  gboolean        showing_story;
  gboolean        showing_whole_history;
};

G_DEFINE_FINAL_TYPE (MbaSession, mba_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED_EVENT_ID,
  PROP_CURSOR_DAY,
  PROP_MIN_DAY,
  PROP_MAX_DAY,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_SHOWING_STORY,
  PROP_SHOWING_WHOLE_HISTORY,
  PROP_HIDDEN_KINDS,
  PROP_INCLUDE_CONTEXT,
  PROP_STATE_CODE,
  PROP_SEARCH_TEXT,
  PROP_EVENTS,
  N_PROPS
};

enum {
  FILTER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ALL_KINDS ((1u << MBA_N_EVENT_KINDS) - 1)

MbaSession *
mba_session_new (void)
{
  return g_object_new (MBA_TYPE_SESSION, NULL);
}

static void
notify (MbaSession *self,
        guint       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* ------------------------------------------------------------------------------------------ */
/* Dataset                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* How far the timeline may be panned or zoomed out: the events' first and last days with room
 * at both ends, so that the first and last dots are not on the edge; 1997–2026 without events.
 * (The same rule as mba_timeline_viewport_set_limits_for_dataset(), which the timeline's
 * viewport then follows.) */
static void
limits_for_dataset (MbaDataset *dataset,
                    double     *min_day,
                    double     *max_day)
{
  gint32 first, last = 0;
  double margin;
  guint n;

  if (dataset == NULL || (n = mba_dataset_get_n_events (dataset)) == 0)
    {
      *min_day = mba_day_from_ymd (1997, 1, 1);
      *max_day = mba_day_from_ymd (2027, 1, 1);
      return;
    }
  first = mba_dataset_get_event (dataset, 0)->first_day;
  for (guint i = 0; i < n; i++)
    last = MAX (last, mba_dataset_get_event (dataset, i)->last_day + 1);
  margin = MAX (30, (last - first) * 0.03);
  *min_day = first - margin;
  *max_day = last + margin;
  if (*max_day - *min_day < MBA_SESSION_MIN_VISIBLE_SPAN)
    {
      double centre = (*min_day + *max_day) / 2;

      *min_day = centre - MBA_SESSION_MIN_VISIBLE_SPAN / 2;
      *max_day = centre + MBA_SESSION_MIN_VISIBLE_SPAN / 2;
    }
}

/**
 * mba_session_range_for_dataset:
 * @dataset: (nullable): the dataset
 * @period: the story or the whole history
 * @start: (out): the first day the timeline shows
 * @end: (out): the day after the last
 *
 * The range the window shows for @period, which exports use too: the story's period with a
 * little room at both ends (so that its first and last events are not on the edge), or the
 * whole span the timeline may show. A dataset without a story gets the whole span for both.
 *
 * Returns: %TRUE when the range is the story's
 */
gboolean
mba_session_range_for_dataset (MbaDataset       *dataset,
                               MbaSessionPeriod  period,
                               double           *start,
                               double           *end)
{
  const MbaStory *story = dataset ? mba_dataset_get_story (dataset) : NULL;
  double min_day, max_day, margin;

  limits_for_dataset (dataset, &min_day, &max_day);
  *start = min_day;
  *end = max_day;
  if (story == NULL || period != MBA_SESSION_PERIOD_STORY)
    return FALSE;
  margin = MAX (7, (story->last_day + 1 - story->first_day) * 0.04);
  *start = MAX (min_day, story->first_day - margin);
  *end = MIN (max_day, story->last_day + 1 + margin);
  if (*end - *start < MBA_SESSION_MIN_VISIBLE_SPAN)
    *end = *start + MBA_SESSION_MIN_VISIBLE_SPAN;
  return TRUE;
}

/* The story's range on the timeline; FALSE when there is no story. */
static gboolean
story_range (MbaSession *self,
             double     *start,
             double     *end)
{
  double s, e;

  if (!mba_session_range_for_dataset (self->dataset, MBA_SESSION_PERIOD_STORY, &s, &e))
    return FALSE;
  *start = s;
  *end = e;
  return TRUE;
}

/* Whether the range is (within half a day) the story's or the whole span: what the View menu's
 * items show. */
static void
update_period (MbaSession *self,
               gboolean    quiet)
{
  double start, end;
  gboolean story, whole;

  story = story_range (self, &start, &end) &&
          fabs (self->visible_start - start) < 0.5 && fabs (self->visible_end - end) < 0.5;
  whole = fabs (self->visible_start - self->min_day) < 0.5 && fabs (self->visible_end - self->max_day) < 0.5;
  if (story != self->showing_story)
    {
      self->showing_story = story;
      if (!quiet)
        notify (self, PROP_SHOWING_STORY);
    }
  if (whole != self->showing_whole_history)
    {
      self->showing_whole_history = whole;
      if (!quiet)
        notify (self, PROP_SHOWING_WHOLE_HISTORY);
    }
}

static gint32
clamp_day (MbaSession *self,
           gint32      day)
{
  if (day <= 0 && self->dataset == NULL)
    return 0;
  return CLAMP (day, (gint32) ceil (self->min_day), (gint32) floor (self->max_day) - 1);
}

MbaDataset *
mba_session_get_dataset (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return self->dataset;
}

/**
 * mba_session_set_dataset:
 * @dataset: (nullable): the dataset to show
 *
 * Shows a new dataset, or a reloaded one: the selection stays when its event is still there
 * (and the cursor goes to its date), otherwise it is cleared and the cursor goes to the story's
 * last day (where its outcome shows) or, without a story, the latest event's day. The visible
 * range shows the story when the dataset names one, everything otherwise; a state filter for a
 * state the dataset lacks is cleared. Everything is updated before the first notification, so a handler sees
 * one consistent state whatever it reads.
 */
void
mba_session_set_dataset (MbaSession *self,
                         MbaDataset *dataset)
{
  const MbaEvent *keep = NULL;
  const char *code;
  gboolean selection_changed, cursor_changed, state_changed = FALSE;
  gboolean was_story, was_whole;
  double min_day, max_day;
  gint32 cursor;

  g_return_if_fail (MBA_IS_SESSION (self));
  g_return_if_fail (dataset == NULL || MBA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  mba_event_filter_set_dataset (self->filter, dataset);
  code = mba_event_filter_get_state_code (self->filter);
  if (code != NULL && (dataset == NULL || mba_dataset_find_state (dataset, code) == NULL))
    state_changed = mba_event_filter_set_state_code (self->filter, NULL);

  limits_for_dataset (dataset, &min_day, &max_day);
  self->min_day = min_day;
  self->max_day = max_day;
  self->visible_start = min_day;
  self->visible_end = max_day;
  story_range (self, &self->visible_start, &self->visible_end);
  was_story = self->showing_story;
  was_whole = self->showing_whole_history;
  update_period (self, TRUE);

  if (dataset != NULL && self->selected_id != NULL)
    keep = mba_dataset_find_event (dataset, self->selected_id);
  selection_changed = keep == NULL && self->selected_id != NULL;
  self->selected = keep;
  if (keep == NULL)
    g_clear_pointer (&self->selected_id, g_free);

  if (keep != NULL)
    cursor = clamp_day (self, keep->first_day);
  else if (dataset != NULL && mba_dataset_get_story (dataset) != NULL)
    cursor = clamp_day (self, mba_dataset_get_story (dataset)->last_day);
  else if (dataset != NULL)
    cursor = clamp_day (self, mba_dataset_get_latest_day (dataset));
  else
    cursor = 0;
  cursor_changed = cursor != self->cursor_day;
  self->cursor_day = cursor;

  mba_event_list_refresh (self->events);

  notify (self, PROP_DATASET);
  notify (self, PROP_MIN_DAY);
  notify (self, PROP_MAX_DAY);
  notify (self, PROP_VISIBLE_START);
  notify (self, PROP_VISIBLE_END);
  if (was_story != self->showing_story)
    notify (self, PROP_SHOWING_STORY);
  if (was_whole != self->showing_whole_history)
    notify (self, PROP_SHOWING_WHOLE_HISTORY);
  if (selection_changed)
    notify (self, PROP_SELECTED_EVENT_ID);
  if (cursor_changed)
    notify (self, PROP_CURSOR_DAY);
  if (state_changed)
    notify (self, PROP_STATE_CODE);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Selection and cursor                                                                       */
/* ------------------------------------------------------------------------------------------ */

const char *
mba_session_get_selected_event_id (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return self->selected_id;
}

/**
 * mba_session_get_selected_event:
 *
 * Returns: (nullable): the selected event, owned by the dataset
 */
const MbaEvent *
mba_session_get_selected_event (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return self->selected;
}

/**
 * mba_session_set_selected_event_id:
 * @event_id: (nullable): an event of the dataset, or %NULL for none
 *
 * Selects the event, whether or not it passes the filter; the cursor moves to its date. An id
 * the dataset does not have clears the selection.
 */
void
mba_session_set_selected_event_id (MbaSession *self,
                                   const char *event_id)
{
  const MbaEvent *event = NULL;

  g_return_if_fail (MBA_IS_SESSION (self));

  if (event_id != NULL && self->dataset != NULL)
    event = mba_dataset_find_event (self->dataset, event_id);
  if (event == self->selected)
    return;

  self->selected = event;
  g_free (self->selected_id);
  self->selected_id = event != NULL ? g_strdup (event->id) : NULL;
  notify (self, PROP_SELECTED_EVENT_ID);
  /* The map follows the selection: it shows the event's date. */
  if (event != NULL)
    mba_session_set_cursor_day (self, event->first_day);
}

gint32
mba_session_get_cursor_day (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return self->cursor_day;
}

/**
 * mba_session_set_cursor_day:
 * @day: a day number (see mba_day_from_ymd()), the date the map shows
 *
 * Moves the date cursor, clamped to the timeline's limits (the dataset's span with its
 * margins). Without a dataset, 0 means no date.
 */
void
mba_session_set_cursor_day (MbaSession *self,
                            gint32      day)
{
  g_return_if_fail (MBA_IS_SESSION (self));

  day = clamp_day (self, day);
  if (day == self->cursor_day)
    return;
  self->cursor_day = day;
  notify (self, PROP_CURSOR_DAY);
}

/* ------------------------------------------------------------------------------------------ */
/* Visible range                                                                              */
/* ------------------------------------------------------------------------------------------ */

double
mba_session_get_min_day (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return self->min_day;
}

double
mba_session_get_max_day (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return self->max_day;
}

double
mba_session_get_visible_start (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return self->visible_start;
}

double
mba_session_get_visible_end (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return self->visible_end;
}

/**
 * mba_session_set_visible_range:
 * @start: the first day the timeline shows (fractional days are fine)
 * @end: the day after the last; swapped with @start when smaller
 *
 * The span is clamped between MBA_SESSION_MIN_VISIBLE_SPAN and the limits' width, then the
 * range is moved back inside the limits (mba_session_get_min_day() … get_max_day()).
 */
void
mba_session_set_visible_range (MbaSession *self,
                               double      start,
                               double      end)
{
  double span, centre;
  gboolean start_changed, end_changed;

  g_return_if_fail (MBA_IS_SESSION (self));

  if (!isfinite (start) || !isfinite (end))
    return;
  if (end < start)
    {
      double tmp = start;

      start = end;
      end = tmp;
    }
  span = CLAMP (end - start, MBA_SESSION_MIN_VISIBLE_SPAN, self->max_day - self->min_day);
  centre = (start + end) / 2;
  start = centre - span / 2;
  if (start < self->min_day)
    start = self->min_day;
  if (start + span > self->max_day)
    start = self->max_day - span;
  end = start + span;

  start_changed = start != self->visible_start;
  end_changed = end != self->visible_end;
  self->visible_start = start;
  self->visible_end = end;
  if (start_changed)
    notify (self, PROP_VISIBLE_START);
  if (end_changed)
    notify (self, PROP_VISIBLE_END);
  update_period (self, FALSE);
}

/**
 * mba_session_get_story_range:
 * @start: (out): the first day the timeline shows for the story
 * @end: (out): the day after the last
 *
 * The story's period as the timeline shows it, with a little room at both ends.
 *
 * Returns: %FALSE (and leaves @start and @end alone) when the dataset names no story
 */
gboolean
mba_session_get_story_range (MbaSession *self,
                             double     *start,
                             double     *end)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), FALSE);
  return story_range (self, start, end);
}

/* Shows the story's period; without a story, the whole history. */
void
mba_session_show_story (MbaSession *self)
{
  double start, end;

  g_return_if_fail (MBA_IS_SESSION (self));
  if (story_range (self, &start, &end))
    mba_session_set_visible_range (self, start, end);
  else
    mba_session_show_whole_history (self);
}

/* Shows everything the dataset holds, 1997–2026 for ours. */
void
mba_session_show_whole_history (MbaSession *self)
{
  g_return_if_fail (MBA_IS_SESSION (self));
  mba_session_set_visible_range (self, self->min_day, self->max_day);
}

/* TRUE while the timeline shows the story's period (View → The Story). */
gboolean
mba_session_get_showing_story (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), FALSE);
  return self->showing_story;
}

/* TRUE while the timeline shows the whole span (View → Whole History). */
gboolean
mba_session_get_showing_whole_history (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), FALSE);
  return self->showing_whole_history;
}

/* ------------------------------------------------------------------------------------------ */
/* Filter                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_session_get_filter:
 *
 * Returns: (transfer none): the one filter, for reading; change it through the session's
 *   setters so that the views hear of it
 */
MbaEventFilter *
mba_session_get_filter (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return self->filter;
}

static void
filter_changed (MbaSession *self)
{
  mba_event_list_refresh (self->events);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

guint
mba_session_get_hidden_kinds (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), 0);
  return mba_event_filter_get_hidden_kinds (self->filter);
}

/**
 * mba_session_set_hidden_kinds:
 * @mask: bit (1 << kind) set for every #MbaEventKind to leave out; other bits are ignored
 */
void
mba_session_set_hidden_kinds (MbaSession *self,
                              guint       mask)
{
  gboolean had_context;

  g_return_if_fail (MBA_IS_SESSION (self));

  had_context = mba_session_get_include_context (self);
  if (!mba_event_filter_set_hidden_kinds (self->filter, mask & ALL_KINDS))
    return;
  notify (self, PROP_HIDDEN_KINDS);
  if (had_context != mba_session_get_include_context (self))
    notify (self, PROP_INCLUDE_CONTEXT);
  filter_changed (self);
}

gboolean
mba_session_get_include_context (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), TRUE);
  return !(mba_event_filter_get_hidden_kinds (self->filter) & (1u << MBA_EVENT_KIND_CONTEXT));
}

/**
 * mba_session_set_include_context:
 *
 * Shows or hides the events of kind context, which set no status: the same as their bit in
 * #MbaSession:hidden-kinds.
 */
void
mba_session_set_include_context (MbaSession *self,
                                 gboolean    include)
{
  guint mask, bit = 1u << MBA_EVENT_KIND_CONTEXT;

  g_return_if_fail (MBA_IS_SESSION (self));

  mask = mba_event_filter_get_hidden_kinds (self->filter);
  mba_session_set_hidden_kinds (self, include ? mask & ~bit : mask | bit);
}

const char *
mba_session_get_state_code (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return mba_event_filter_get_state_code (self->filter);
}

/**
 * mba_session_set_state_code:
 * @code: (nullable): a state's ISO code: only its events pass; %NULL or "" for all states
 */
void
mba_session_set_state_code (MbaSession *self,
                            const char *code)
{
  g_return_if_fail (MBA_IS_SESSION (self));

  if (!mba_event_filter_set_state_code (self->filter, code))
    return;
  notify (self, PROP_STATE_CODE);
  filter_changed (self);
}

const char *
mba_session_get_search_text (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return mba_event_filter_get_search_text (self->filter);
}

/**
 * mba_session_set_search_text:
 * @text: (nullable): words that must all appear in an event (see
 *   mba_event_filter_set_search_text()); %NULL or "" for no search
 */
void
mba_session_set_search_text (MbaSession *self,
                             const char *text)
{
  gboolean words_changed;

  g_return_if_fail (MBA_IS_SESSION (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, mba_event_filter_get_search_text (self->filter)) == 0)
    return;
  words_changed = mba_event_filter_set_search_text (self->filter, text);
  notify (self, PROP_SEARCH_TEXT);
  if (words_changed)
    filter_changed (self);
}

/**
 * mba_session_get_events:
 *
 * The events that pass the filter, in the timeline's date order (first day, last day, id), as
 * #MbaEventItem objects. It emits GListModel::items-changed when the filter or the dataset
 * changes, before the session's own notifications.
 *
 * Returns: (transfer none): the list
 */
GListModel *
mba_session_get_events (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->events);
}

/**
 * mba_session_list_events:
 *
 * Returns: (transfer container) (element-type MbaEvent): the events that pass now, owned by
 *   the dataset (e.g. a presentation's steps)
 */
GPtrArray *
mba_session_list_events (MbaSession *self)
{
  g_return_val_if_fail (MBA_IS_SESSION (self), NULL);
  return mba_event_list_copy (self->events);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
mba_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MbaSession *self = MBA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_SELECTED_EVENT_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_CURSOR_DAY:
      g_value_set_int (value, self->cursor_day);
      break;
    case PROP_MIN_DAY:
      g_value_set_double (value, self->min_day);
      break;
    case PROP_MAX_DAY:
      g_value_set_double (value, self->max_day);
      break;
    case PROP_VISIBLE_START:
      g_value_set_double (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_double (value, self->visible_end);
      break;
    case PROP_SHOWING_STORY:
      g_value_set_boolean (value, self->showing_story);
      break;
    case PROP_SHOWING_WHOLE_HISTORY:
      g_value_set_boolean (value, self->showing_whole_history);
      break;
    case PROP_HIDDEN_KINDS:
      g_value_set_uint (value, mba_session_get_hidden_kinds (self));
      break;
    case PROP_INCLUDE_CONTEXT:
      g_value_set_boolean (value, mba_session_get_include_context (self));
      break;
    case PROP_STATE_CODE:
      g_value_set_string (value, mba_session_get_state_code (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, mba_session_get_search_text (self));
      break;
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MbaSession *self = MBA_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mba_session_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT_ID:
      mba_session_set_selected_event_id (self, g_value_get_string (value));
      break;
    case PROP_CURSOR_DAY:
      mba_session_set_cursor_day (self, g_value_get_int (value));
      break;
    case PROP_VISIBLE_START:
      mba_session_set_visible_range (self, g_value_get_double (value),
                                     g_value_get_double (value) + self->visible_end - self->visible_start);
      break;
    case PROP_VISIBLE_END:
      mba_session_set_visible_range (self, self->visible_start, g_value_get_double (value));
      break;
    case PROP_HIDDEN_KINDS:
      mba_session_set_hidden_kinds (self, g_value_get_uint (value));
      break;
    case PROP_INCLUDE_CONTEXT:
      mba_session_set_include_context (self, g_value_get_boolean (value));
      break;
    case PROP_STATE_CODE:
      mba_session_set_state_code (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_TEXT:
      mba_session_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mba_session_finalize (GObject *object)
{
  MbaSession *self = (MbaSession *) object;

  self->selected = NULL;
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->events);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mba_session_parent_class)->finalize (object);
}

static void
mba_session_class_init (MbaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mba_session_finalize;
  object_class->get_property = mba_session_get_property;
  object_class->set_property = mba_session_set_property;

  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, MBA_TYPE_DATASET, rw);
  /* The selected event's id; NULL when none is. */
  properties[PROP_SELECTED_EVENT_ID] = g_param_spec_string ("selected-event-id", NULL, NULL, NULL, rw);
  /* The day the map shows (mba-date.h day number); 0 only without a dataset. */
  properties[PROP_CURSOR_DAY] = g_param_spec_int ("cursor-day", NULL, NULL, 0, G_MAXINT32, 0, rw);
  /* How far the timeline may pan or zoom out; they change with the dataset. */
  properties[PROP_MIN_DAY] = g_param_spec_double ("min-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_MAX_DAY] = g_param_spec_double ("max-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  /* The timeline's view, [visible-start, visible-end) in days. */
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  /* Whether that view is the story's period, or the whole span; both FALSE after a zoom. */
  properties[PROP_SHOWING_STORY] = g_param_spec_boolean ("showing-story", NULL, NULL, FALSE, ro);
  properties[PROP_SHOWING_WHOLE_HISTORY] =
    g_param_spec_boolean ("showing-whole-history", NULL, NULL, TRUE, ro);
  properties[PROP_HIDDEN_KINDS] = g_param_spec_uint ("hidden-kinds", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_INCLUDE_CONTEXT] = g_param_spec_boolean ("include-context", NULL, NULL, TRUE, rw);
  properties[PROP_STATE_CODE] = g_param_spec_string ("state-code", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_EVENTS] = g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbaSession::filter-changed:
   *
   * The hidden kinds, the state code, the search words or the dataset changed, so the events
   * that pass may have: emitted once, after the property notifications.
   */
  signals[FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mba_session_init (MbaSession *self)
{
  self->filter = mba_event_filter_new (NULL);
  self->events = mba_event_list_new (self->filter);
  limits_for_dataset (NULL, &self->min_day, &self->max_day);
  self->visible_start = self->min_day;
  self->visible_end = self->max_day;
  self->showing_whole_history = TRUE;
}
