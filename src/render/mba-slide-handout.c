/* mba-slide-handout.c: the presentation's default slide set, and its PDF handout
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mba-bidi.h"
#include "mba-output-file.h"
#include "mba-slide-renderer.h"
#include "mba-text.h"

/* ------------------------------------------------------------------------------------------ */
/* The slide set                                                                              */
/* ------------------------------------------------------------------------------------------ */

static gboolean
is_story_state (const MbaStory *story,
                const MbaState *state)
{
  for (guint i = 0; i < story->n_states; i++)
    if (story->states[i] == state)
      return TRUE;
  return FALSE;
}

/**
 * mba_slides_event_in_story:
 *
 * The rule of the default slide set: an event is in the story when it starts within the
 * story's period, names one of its states (or sets one's status), and is not background
 * (%MBA_EVENT_KIND_CONTEXT).
 */
gboolean
mba_slides_event_in_story (const MbaStory *story,
                           const MbaEvent *event)
{
  g_return_val_if_fail (story != NULL && event != NULL, FALSE);

  if (event->kind == MBA_EVENT_KIND_CONTEXT ||
      event->first_day < story->first_day || event->first_day > story->last_day)
    return FALSE;
  for (guint i = 0; i < event->n_states; i++)
    if (is_story_state (story, event->states[i]))
      return TRUE;
  for (guint i = 0; i < event->n_settings; i++)
    if (is_story_state (story, event->settings[i].state))
      return TRUE;
  return FALSE;
}

/**
 * mba_slides_list_story:
 *
 * The presentation's default slide set: the story's title slide (a %NULL step), then its
 * events (mba_slides_event_in_story()) in date order.
 *
 * Returns: (transfer full) (element-type MbaEvent) (nullable): the steps, %NULL when the
 *   dataset names no story
 */
GPtrArray *
mba_slides_list_story (MbaDataset *dataset)
{
  const MbaStory *story;
  GPtrArray *steps;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);

  story = mba_dataset_get_story (dataset);
  if (story == NULL)
    return NULL;
  steps = g_ptr_array_new ();
  g_ptr_array_add (steps, NULL);
  for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
    {
      const MbaEvent *event = mba_dataset_get_event (dataset, i);

      if (mba_slides_event_in_story (story, event))
        g_ptr_array_add (steps, (gpointer) event);
    }
  return steps;
}

/**
 * mba_slides_list_default:
 * @all_events: (element-type MbaEvent): the whole history (or what the filter lets through)
 *
 * Returns: (transfer full) (element-type MbaEvent): the story's slide set when the dataset
 *   names a story, else @all_events
 */
GPtrArray *
mba_slides_list_default (MbaDataset *dataset,
                         GPtrArray  *all_events)
{
  GPtrArray *story = mba_slides_list_story (dataset);

  g_return_val_if_fail (all_events != NULL, NULL);

  return story != NULL ? story : g_ptr_array_ref (all_events);
}

/* ------------------------------------------------------------------------------------------ */
/* The handout                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * mba_slides_write_pdf:
 * @path: the PDF to write
 * @steps: (element-type MbaEvent): the events, one page each, in order; a %NULL step is the
 *   story's title slide
 *
 * Writes the presentation as a handout, one A4 landscape page per step, with an outline
 * (bookmarks) of the steps' dates and titles. The file is written whole or not at all; more
 * than %MBA_SLIDES_MAX_PAGES steps are refused before any page is drawn.
 */
gboolean
mba_slides_write_pdf (const char  *path,
                      MbaDataset  *dataset,
                      MbaWorldMap *map,
                      GPtrArray   *steps,
                      MbaTheme     theme,
                      GError     **error)
{
  return mba_slides_write_pdf_full (path, dataset, map, steps, theme, NULL, NULL, NULL, error);
}

/**
 * mba_slides_write_pdf_full:
 * @cancellable: (nullable): checked between pages and on every write; a cancelled write leaves
 *   the old file as it was and no temporary file
 * @progress: (nullable): called after each page
 *
 * mba_slides_write_pdf() that can run in a worker thread: it only reads @dataset and @map, and
 * draws with its own map renderer and Pango contexts (Pango's default font map is per thread).
 */
gboolean
mba_slides_write_pdf_full (const char            *path,
                           MbaDataset            *dataset,
                           MbaWorldMap           *map,
                           GPtrArray             *steps,
                           MbaTheme               theme,
                           GCancellable          *cancellable,
                           MbaSlidesProgressFunc  progress,
                           gpointer               user_data,
                           GError               **error)
{
  g_autoptr(MbaMapRenderer) renderer = mba_map_renderer_new ();
  MbaOutputFile *out;
  cairo_surface_t *surface;
  cairo_status_t status;
  MbaSlideParams params;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (MBA_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (steps != NULL, FALSE);

  if (!mba_slides_check_count (steps->len, error))
    return FALSE;

  /* Pages go to the file as they are drawn: memory stays flat however many there are, and the
   * file replaces the old one only once the last page is in. */
  out = mba_output_file_open (path, cancellable, error);
  if (out == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (mba_output_file_write_func, out, MBA_SLIDES_PAGE_WIDTH,
                                                 MBA_SLIDES_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, mba_dataset_get_title (dataset));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mine Ban Atlas " PACKAGE_VERSION);
  cr = cairo_create (surface);

  mba_slide_params_init (&params, dataset, map);
  params.n_steps = steps->len;
  params.theme = theme;
  params.map_renderer = renderer;
  for (guint i = 0; i < steps->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      const MbaEvent *event = steps->pdata[i];
      const MbaStory *story = mba_dataset_get_story (dataset);
      g_autofree char *date = event ? mba_date_format (&event->date) : NULL;
      g_autofree char *bounded = mba_text_bound (event ? event->title : story ? story->title : "",
                                                 MBA_TEXT_MAX_TITLE_CHARS);
      g_autofree char *title = mba_bidi_isolate (bounded);
      g_autofree char *entry = date ? g_strdup_printf ("%s — %s", date, title) : g_strdup (title);
      g_autofree char *dest = g_strdup_printf ("page=%u", i + 1);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      params.event = event;
      params.title_slide = event == NULL;
      params.position = i;
      mba_slide_render (cr, MBA_SLIDES_PAGE_WIDTH, MBA_SLIDES_PAGE_HEIGHT, &params);
      cairo_show_page (cr);
      /* Only for a page that was made: a bookmark to a page a failed write lost trips cairo. */
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry, dest, 0);
      if (progress != NULL)
        progress (i + 1, steps->len, user_data);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Cancelled, the file is left as it was: cairo's trailer is not worth writing. */
  if (!g_cancellable_is_cancelled (cancellable))
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      mba_output_file_abort (out);
      return FALSE;
    }
  /* A cancelled or failed write is aborted here, and reported as such. */
  return mba_output_file_commit (out, error);
}

/**
 * mba_slides_check_count:
 * @n_pages: the steps a handout would have
 *
 * A handout has from 1 to %MBA_SLIDES_MAX_PAGES pages: more makes no sense to print, and is
 * refused before any page is drawn.
 */
gboolean
mba_slides_check_count (guint    n_pages,
                        GError **error)
{
  if (n_pages == 0)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("No events match the timeline’s filters: the handout would be empty"));
      return FALSE;
    }
  if (n_pages > MBA_SLIDES_MAX_PAGES)
    {
      g_autofree char *count = g_strdup_printf ("%'u", n_pages);

      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a number of pages, e.g. "2,000" */
                   _("The handout would have %s pages; at most %u can be printed. Filter the timeline "
                     "to fewer events."), count, MBA_SLIDES_MAX_PAGES);
      return FALSE;
    }
  return TRUE;
}
