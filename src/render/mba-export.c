/* mba-export.c: the timeline and the map written as PNG, SVG or PDF, atomically
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mba-export.h"
#include "mba-map-renderer.h"
#include "mba-map-summary.h"
#include "mba-timeline-renderer.h"
#include "mba-timeline-viewport.h"

G_DEFINE_QUARK (mba-export-error-quark, mba_export_error)

void
mba_export_options_init (MbaExportOptions *options,
                         MbaDataset       *dataset,
                         MbaWorldMap      *map)
{
  memset (options, 0, sizeof *options);
  options->dataset = dataset;
  options->map = map;
  options->view = MBA_EXPORT_VIEW_TIMELINE;
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;
  options->theme = MBA_THEME_LIGHT;
}

gboolean
mba_export_view_from_string (const char    *text,
                             MbaExportView *view)
{
  if (g_strcmp0 (text, "timeline") == 0)
    *view = MBA_EXPORT_VIEW_TIMELINE;
  else if (g_strcmp0 (text, "map") == 0)
    *view = MBA_EXPORT_VIEW_MAP;
  else if (g_strcmp0 (text, "poster") == 0)
    *view = MBA_EXPORT_VIEW_POSTER;
  else
    return FALSE;
  return TRUE;
}

/* "1920x1080"; each side from 16 to 16384 pixels. */
gboolean
mba_export_parse_size (const char *text,
                       int        *width,
                       int        *height)
{
  char *end = NULL;
  gint64 w, h;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  w = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X') || !g_ascii_isdigit (end[1]))
    return FALSE;
  h = g_ascii_strtoll (end + 1, &end, 10);
  if (*end != '\0' || w < 16 || h < 16 || w > 16384 || h > 16384)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static gint32
resolve_day (const MbaExportOptions *options)
{
  const MbaEvent *selected = mba_dataset_find_event (options->dataset, options->selected_id);

  if (options->day > 0)
    return options->day;
  if (selected != NULL)
    return selected->first_day;
  return mba_date_last_day (mba_dataset_get_updated (options->dataset));
}

static void
draw_timeline (cairo_t                *cr,
               const MbaExportOptions *options,
               int                     width,
               int                     height)
{
  g_autoptr(MbaTimelineLayout) layout = mba_timeline_layout_new ();
  g_autoptr(MbaTimelineViewport) viewport = mba_timeline_viewport_new ();
  MbaDataset *dataset = options->dataset;
  MbaTimelineScene scene;

  /* The whole story, framed as the window frames it. */
  mba_timeline_viewport_set_limits_for_dataset (viewport, dataset);
  mba_timeline_viewport_fit (viewport);

  mba_timeline_layout_set_dataset (layout, dataset);
  mba_timeline_scene_init (&scene);
  scene.dataset = dataset;
  scene.start_day = mba_timeline_viewport_get_start (viewport);
  scene.end_day = mba_timeline_viewport_get_end (viewport);
  scene.selected_id = options->selected_id;
  scene.cursor_day = resolve_day (options);
  mba_timeline_render_prepare (layout, &scene, width, height);
  mba_timeline_render (cr, layout, width, height, mba_palette_get (options->theme), &scene);
}

static void
draw_map (cairo_t                *cr,
          const MbaExportOptions *options,
          int                     width,
          int                     height)
{
  MbaMapRenderParams params;

  mba_map_render_params_init (&params, options->map, options->dataset, MBA_MAP_PROJECTION_REGIONAL,
                              width, height, resolve_day (options));
  params.theme = options->theme;
  params.selected_event_id = options->selected_id;
  mba_map_render (cr, &params);
}

/**
 * mba_export_draw:
 *
 * Draws the chosen view at options->width × options->height with the same renderers as the window.
 */
void
mba_export_draw (cairo_t                *cr,
                 const MbaExportOptions *options)
{
  int w = options->width, h = options->height;

  switch (options->view)
    {
    case MBA_EXPORT_VIEW_TIMELINE:
      draw_timeline (cr, options, w, h);
      break;
    case MBA_EXPORT_VIEW_MAP:
      draw_map (cr, options, w, h);
      break;
    case MBA_EXPORT_VIEW_POSTER:
    default:
      cairo_save (cr);
      draw_timeline (cr, options, w, h * 2 / 5);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_translate (cr, 0, h * 2 / 5);
      cairo_rectangle (cr, 0, 0, w, h - h * 2 / 5);
      cairo_clip (cr);
      draw_map (cr, options, w, h - h * 2 / 5);
      cairo_restore (cr);
      break;
    }
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
markup_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* Cairo's SVG surface draws text as outlines; the title and the map's summary go in as
 * <title> and <desc> so that search and screen readers get the words. */
static void
add_svg_title (GString    *svg,
               const char *title,
               const char *description)
{
  const char *open = strstr (svg->str, "<svg");
  const char *close = open ? strchr (open, '>') : NULL;
  g_autofree char *escaped_title = markup_escape (title);
  g_autofree char *escaped_desc = markup_escape (description);
  g_autofree char *insert = NULL;

  if (close == NULL)
    return;
  insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title, escaped_desc);
  g_string_insert (svg, close - svg->str + 1, insert);
}

/* Renders the whole file into memory first: nothing touches the disk until it is complete. */
static GBytes *
render_to_bytes (const char             *format,
                 const MbaExportOptions *options,
                 GError                **error)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = mba_map_summary (options->dataset, resolve_day (options));
  const char *title = mba_dataset_get_title (options->dataset);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (g_str_equal (format, "png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width * options->scale,
                                          options->height * options->scale);
  else if (g_str_equal (format, "svg"))
    surface = cairo_svg_surface_create_for_stream (append_to_string, out, options->width, options->height);
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_to_string, out, options->width, options->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mine Ban Atlas " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  if (g_str_equal (format, "png"))
    cairo_scale (cr, options->scale, options->scale);
  mba_export_draw (cr, options);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && g_str_equal (format, "png"))
    status = cairo_surface_write_to_png_stream (surface, append_to_string, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      g_string_free (out, TRUE);
      return NULL;
    }
  if (g_str_equal (format, "svg"))
    add_svg_title (out, title, summary);
  return g_string_free_to_bytes (out);
}

/* Writes to a temporary file beside the target and renames it over: the file appears whole or
 * not at all, and an existing file is replaced only by a complete one. */
static gboolean
write_atomically (const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  int fd = g_mkstemp_full (tmp, O_WRONLY, 0644);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE,
                   _("Cannot write in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written == 0)
        errno = ENOSPC;
      if (written <= 0)
        goto failed;
      data += written;
      length -= written;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * mba_export_write:
 * @path: where to write; the format follows its extension (.png, .svg, .pdf)
 *
 * Returns: %TRUE when the file was written whole; on failure no file is left and an existing
 *   one is untouched.
 */
gboolean
mba_export_write (const char              *path,
                  const MbaExportOptions  *options,
                  GError                 **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GBytes) bytes = NULL;
  const char *format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL && MBA_IS_DATASET (options->dataset), FALSE);

  if (g_str_has_suffix (lower, ".png"))
    format = "png";
  else if (g_str_has_suffix (lower, ".svg"))
    format = "svg";
  else if (g_str_has_suffix (lower, ".pdf"))
    format = "pdf";
  else
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_FORMAT,
                   _("%s: unknown format; the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (options->scale < 1 || options->scale > 4)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("The scale must be 1, 2, 3 or 4, not %d"), options->scale);
      return FALSE;
    }
  if (options->selected_id != NULL && mba_dataset_find_event (options->dataset, options->selected_id) == NULL)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT,
                   _("No event has the id “%s”"), options->selected_id);
      return FALSE;
    }
  if (options->view != MBA_EXPORT_VIEW_TIMELINE && options->map == NULL)
    {
      g_set_error (error, MBA_EXPORT_ERROR, MBA_EXPORT_ERROR_ARGUMENT, _("The map outlines are missing"));
      return FALSE;
    }

  bytes = render_to_bytes (format, options, error);
  if (bytes == NULL)
    return FALSE;
  return write_atomically (path, bytes, error);
}
