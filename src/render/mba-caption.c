/* mba-caption.c: the band under an exported picture that carries its own citations
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A caption reads, from the top: the dataset's title with the "as of" date on the right, the
 * treaty-status legend (when the picture shows statuses), and "Sources:" with the sources cited
 * by what is shown. The list is cut to what fits in a few lines and ends in "and N more"; the
 * exports put the whole list in the file's metadata.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mba-caption.h"
#include "mba-source-format.h"
#include "mba-text.h"

#define PAD_X             16.0
#define PAD_Y             12.0
#define GAP                6.0
#define SWATCH_W          18.0
#define SWATCH_H          12.0
#define LEGEND_ITEM_GAP   18.0
#define MAX_SOURCE_LINES   4

/* The same statuses in the same order as the map's own legend. */

typedef struct
{
  double x, y;
} Point;

struct _MbaCaption
{
  MbaDataset    *dataset;
  gint32         day;
  gboolean       want_legend;
  GPtrArray     *sources;       /* const MbaSource * */
  PangoContext  *context;
  char          *date_text;

  /* Results of the last layout. */
  double         width;
  double         height;
  gboolean       legend_shown;
  guint          n_shown;
  PangoLayout   *title;
  PangoLayout   *date;
  PangoLayout   *legend[MBA_PALETTE_N_LEGEND];
  Point          legend_at[MBA_PALETTE_N_LEGEND];
  PangoLayout   *sources_layout;
  double         row_height;
  double         legend_y;
  double         legend_row;
  double         sources_y;
};

/* Sources ----------------------------------------------------------------------------------- */

static void
add_source (GPtrArray       *out,
            gboolean        *seen,
            const MbaSource *source)
{
  if (source == NULL || seen[source->index])
    return;
  seen[source->index] = TRUE;
  g_ptr_array_add (out, (gpointer) source);
}

static void
add_event_sources (GPtrArray      *out,
                   gboolean       *seen,
                   const MbaEvent *event)
{
  if (event == NULL)
    return;
  for (guint i = 0; i < event->n_quotes; i++)
    add_source (out, seen, event->quotes[i].source);
  for (guint i = 0; i < event->n_citations; i++)
    add_source (out, seen, event->citations[i].source);
}

/**
 * mba_caption_collect_sources:
 * @selected: (nullable): the selected event, whose sources come first
 * @states: (nullable): the states shown on a map at @day; the sources of what set each one's
 *   status come next (the event that set it, or the treaty record that lists it)
 * @every_event: then the sources of every event, in date order, as a whole timeline shows
 *
 * Returns: (transfer container) (element-type MbaSource): each source once, in that order
 */
GPtrArray *
mba_caption_collect_sources (MbaDataset      *dataset,
                             gint32           day,
                             const MbaEvent  *selected,
                             const MbaState **states,
                             guint            n_states,
                             gboolean         every_event)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autofree gboolean *seen = NULL;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), out);

  seen = g_new0 (gboolean, mba_dataset_get_n_sources (dataset));
  add_event_sources (out, seen, selected);
  /* The events that set statuses first, the story; then the records behind the rest. */
  for (int pass = 0; pass < 2; pass++)
    for (guint s = 0; s < n_states; s++)
      {
        const MbaEvent *set_by = NULL;
        MbaStatusBasis basis = MBA_STATUS_BASIS_NONE;

        mba_dataset_get_status_at (dataset, states[s], day, &set_by, &basis);
        if (pass == 0 && basis == MBA_STATUS_BASIS_EVENT)
          add_event_sources (out, seen, set_by);
        else if (pass == 1 && basis == MBA_STATUS_BASIS_RECORD)
          add_source (out, seen, states[s]->record_source);
        else if (pass == 1 && basis == MBA_STATUS_BASIS_BEFORE_FIRST_EVENT && states[s]->n_changes > 0)
          /* "Not yet a party" rests on the event that dates the joining. */
          add_event_sources (out, seen, states[s]->changes[0].event);
      }
  if (every_event)
    for (guint i = 0; i < mba_dataset_get_n_events (dataset); i++)
      add_event_sources (out, seen, mba_dataset_get_event (dataset, i));
  return out;
}

/* Layout ------------------------------------------------------------------------------------ */

static PangoLayout *
new_layout (MbaCaption *self,
            const char *font,
            const char *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * mba_caption_new:
 * @day: the "as of" date
 * @legend: whether to explain the status colours (pictures that show a map)
 * @sources: (element-type MbaSource): what to cite, in order; see mba_caption_collect_sources()
 */
MbaCaption *
mba_caption_new (MbaDataset *dataset,
                 gint32      day,
                 gboolean    legend,
                 GPtrArray  *sources)
{
  MbaCaption *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (MBA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (sources != NULL, NULL);

  self = g_new0 (MbaCaption, 1);
  self->dataset = g_object_ref (dataset);
  self->day = day;
  self->want_legend = legend;
  self->sources = g_ptr_array_ref (sources);
  self->context = mba_text_new_context ();
  date = mba_day_format (day);
  /* Translators: in an exported picture's caption; %s is a date such as "20 February 2026" */
  self->date_text = g_strdup_printf (_("As of %s"), date);
  return self;
}

static void
clear_layouts (MbaCaption *self)
{
  g_clear_object (&self->title);
  g_clear_object (&self->date);
  g_clear_object (&self->sources_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->legend); i++)
    g_clear_object (&self->legend[i]);
}

void
mba_caption_free (MbaCaption *self)
{
  if (self == NULL)
    return;
  clear_layouts (self);
  g_clear_object (&self->context);
  g_clear_object (&self->dataset);
  g_ptr_array_unref (self->sources);
  g_free (self->date_text);
  g_free (self);
}

/* "Sources: A; B; C; and 12 more." with the first @n_shown sources. */
static char *
sources_markup (MbaCaption *self,
                guint       n_shown)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n_more = self->sources->len - n_shown;

  for (guint i = 0; i < n_shown; i++)
    {
      g_autofree char *name = mba_source_format_short (g_ptr_array_index (self->sources, i));

      if (i > 0)
        g_string_append (list, "; ");
      g_string_append (list, name);
    }
  if (n_more > 0)
    /* Translators: the end of a caption's list of sources, e.g. "…; Reuters: “…”; and 12 more" */
    text = g_strdup_printf (ngettext ("%s; and %u more", "%s; and %u more", n_more), list->str, n_more);
  else
    text = g_strdup (list->str);
  return g_markup_printf_escaped ("<b>%s</b> %s", _("Sources:"), text);
}

static int
sources_lines (MbaCaption *self,
               guint       n_shown)
{
  g_autofree char *markup = sources_markup (self, n_shown);

  pango_layout_set_markup (self->sources_layout, markup, -1);
  return pango_layout_get_line_count (self->sources_layout);
}

/* Lays the legend out in rows that wrap at @width; returns its height. */
static double
layout_legend (MbaCaption *self,
               double      width)
{
  double x = PAD_X, y = 0, text_h = 0;

  for (guint i = 0; i < MBA_PALETTE_N_LEGEND; i++)
    {
      self->legend[i] = new_layout (self, "Sans 9", mba_status_get_label (mba_palette_legend_order[i]));
      mba_text_layout_size (self->legend[i], NULL, &text_h);
    }
  self->legend_row = ceil (MAX (text_h, SWATCH_H) + 4);
  for (guint i = 0; i < MBA_PALETTE_N_LEGEND; i++)
    {
      double w;

      mba_text_layout_size (self->legend[i], &w, NULL);
      w += SWATCH_W + 6;
      if (x > PAD_X && x + w > width - PAD_X)
        {
          x = PAD_X;
          y += self->legend_row;
        }
      self->legend_at[i] = (Point) { x, y };
      x += w + LEGEND_ITEM_GAP;
    }
  return y + self->legend_row;
}

/**
 * mba_caption_layout:
 * @width: the picture's width
 * @max_height: the most the caption may take
 *
 * Lays the caption out. The sources take at most four lines; those that do not fit are counted
 * in "and N more". When even one line of sources does not fit in @max_height the legend is
 * left out, and when that is not enough either, the whole caption.
 *
 * Returns: the caption's height, 0 when it does not fit
 */
double
mba_caption_layout (MbaCaption *self,
                    double      width,
                    double      max_height)
{
  double date_w, date_h, title_h, fixed = 0, line_h, legend_h = 0, sources_h = 0;
  g_autofree char *title = NULL;
  int max_lines = 0;

  g_return_val_if_fail (self != NULL, 0);

  clear_layouts (self);
  self->width = width;
  self->height = 0;
  self->n_shown = 0;
  self->legend_shown = FALSE;

  self->date = new_layout (self, "Sans 10", self->date_text);
  mba_text_layout_size (self->date, &date_w, &date_h);
  title = mba_text_bound (mba_dataset_get_title (self->dataset), MBA_TEXT_MAX_TITLE_CHARS);
  self->title = new_layout (self, "Sans Bold 12", title);
  pango_layout_set_width (self->title, (int) (MAX (width - 2 * PAD_X - date_w - 24, 40) * PANGO_SCALE));
  /* Two lines before an ellipsis: the title is part of the citation. A word longer than the
   * line breaks between letters. */
  pango_layout_set_wrap (self->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->title, -2);
  pango_layout_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  mba_text_layout_size (self->title, NULL, &title_h);
  self->row_height = ceil (MAX (title_h, date_h));

  self->sources_layout = new_layout (self, "Sans 9", "");
  pango_layout_set_width (self->sources_layout, (int) (MAX (width - 2 * PAD_X, 40) * PANGO_SCALE));
  pango_layout_set_wrap (self->sources_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->sources_layout, "Sources", -1);
  mba_text_layout_size (self->sources_layout, NULL, &line_h);

  if (self->want_legend)
    legend_h = layout_legend (self, width);
  for (int attempt = self->want_legend ? 0 : 1; attempt < 2; attempt++)
    {
      self->legend_shown = attempt == 0;
      fixed = 2 * PAD_Y + self->row_height + (self->legend_shown ? GAP + legend_h : 0);
      if (self->sources->len == 0)
        {
          if (fixed <= max_height)
            break;
          continue;
        }
      max_lines = MIN (MAX_SOURCE_LINES, (int) floor ((max_height - fixed - GAP) / line_h));
      if (max_lines >= 1)
        break;
    }
  if ((self->sources->len > 0 && max_lines < 1) || (self->sources->len == 0 && fixed > max_height))
    {
      clear_layouts (self);
      self->legend_shown = FALSE;
      return 0;
    }

  if (self->sources->len > 0)
    {
      guint lo = 1, hi = self->sources->len;

      /* The most sources whose list fits in max_lines; the line count grows with the count. */
      if (sources_lines (self, hi) > max_lines)
        {
          while (lo < hi)
            {
              guint mid = lo + (hi - lo + 1) / 2;

              if (sources_lines (self, mid) <= max_lines)
                lo = mid;
              else
                hi = mid - 1;
            }
        }
      self->n_shown = lo;
      sources_lines (self, self->n_shown);
      /* A single source longer than the lines allowed is cut with an ellipsis. */
      pango_layout_set_height (self->sources_layout, -max_lines);
      pango_layout_set_ellipsize (self->sources_layout, PANGO_ELLIPSIZE_END);
      mba_text_layout_size (self->sources_layout, NULL, &sources_h);
    }

  self->legend_y = PAD_Y + self->row_height + GAP;
  self->sources_y = self->legend_y + (self->legend_shown ? legend_h + GAP : 0);
  self->height = ceil (self->sources_y + sources_h + PAD_Y - (self->sources->len ? 0 : GAP));
  return self->height;
}

guint
mba_caption_get_n_sources (MbaCaption *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sources->len;
}

guint
mba_caption_get_n_sources_shown (MbaCaption *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_shown;
}

gboolean
mba_caption_get_legend_shown (MbaCaption *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->legend_shown;
}

/* "As of 20 February 2026", in the user's locale. */
const char *
mba_caption_get_date_text (MbaCaption *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date_text;
}

/**
 * mba_caption_get_sources_text:
 *
 * Returns: every source, one a line in full, for a file's metadata (empty when none)
 */
char *
mba_caption_get_sources_text (MbaCaption *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->sources->len; i++)
    {
      g_autofree char *full = mba_source_format_full (g_ptr_array_index (self->sources, i));
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", full);
    }
  return g_string_free (text, FALSE);
}

static void
show_layout (cairo_t        *cr,
             PangoLayout    *layout,
             double          x,
             double          y,
             const MbaColor *color)
{
  cairo_move_to (cr, x, y);
  mba_palette_set_source (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/**
 * mba_caption_draw:
 * @cr: with (0, 0) at the caption's top left
 *
 * Draws the caption as the last mba_caption_layout() placed it. The background is the
 * palette's, so a palette with a transparent background leaves it transparent.
 */
void
mba_caption_draw (MbaCaption       *self,
                  cairo_t          *cr,
                  const MbaPalette *palette)
{
  double date_w;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (self->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  mba_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  mba_palette_set_source (cr, &palette->grid);
  cairo_rectangle (cr, 0, 0, self->width, 1);
  cairo_fill (cr);

  show_layout (cr, self->title, PAD_X, PAD_Y, &palette->foreground);
  mba_text_layout_size (self->date, &date_w, NULL);
  show_layout (cr, self->date, self->width - PAD_X - date_w, PAD_Y, &palette->foreground);

  if (self->legend_shown)
    for (guint i = 0; i < MBA_PALETTE_N_LEGEND; i++)
      {
        double x = self->legend_at[i].x, y = self->legend_y + self->legend_at[i].y;
        double sy = round (y + (self->legend_row - SWATCH_H) / 2), th;

        /* Fill, hatching and frame as the map's legend draws them. */
        mba_palette_draw_swatch (cr, palette, mba_palette_legend_order[i], x, sy, SWATCH_W, SWATCH_H);
        mba_text_layout_size (self->legend[i], NULL, &th);
        show_layout (cr, self->legend[i], x + SWATCH_W + 6, y + (self->legend_row - th) / 2,
                     &palette->foreground);
      }

  if (self->n_shown > 0)
    show_layout (cr, self->sources_layout, PAD_X, self->sources_y, &palette->foreground);
  cairo_restore (cr);
}
