/* mba-world-map-reader.c: reading a map file: its arcs, ranked for simplification, and its countries
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mba-world-map-private.h"

#define FORMAT_ID "mba-world-map/1"

typedef struct
{
  char   *line;       /* the current line, NUL-terminated */
  char   *next;       /* where the next line starts */
  guint   number;
} Lines;

static gboolean
lines_next (Lines *lines)
{
  char *end;

  do
    {
      if (lines->next == NULL || *lines->next == '\0')
        return FALSE;
      lines->line = lines->next;
      end = strchr (lines->line, '\n');
      if (end != NULL)
        {
          *end = '\0';
          lines->next = end + 1;
        }
      else
        lines->next = NULL;
      lines->number++;
    }
  while (lines->line[0] == '#');
  return TRUE;
}

static gboolean
fail (GError    **error,
      const Lines *lines,
      const char *what)
{
  g_set_error (error, MBA_WORLD_MAP_ERROR, MBA_WORLD_MAP_ERROR_INVALID,
               "line %u: %s", lines->number, what);
  return FALSE;
}

/* Reads the next space-separated integer at *@p and moves *@p past it. */
static gboolean
read_int (char **p,
          long  *value)
{
  char *end;

  while (**p == ' ')
    (*p)++;
  if (**p == '\0')
    return FALSE;
  *value = strtol (*p, &end, 10);
  if (end == *p)
    return FALSE;
  *p = end;
  return TRUE;
}

static gboolean
read_header (Lines      *lines,
             const char *keyword,
             guint       max,
             guint      *count,
             GError    **error)
{
  gsize len = strlen (keyword);
  char *end;
  unsigned long n;

  if (!lines_next (lines) || strncmp (lines->line, keyword, len) != 0 || lines->line[len] != ' ')
    return fail (error, lines, "a count line was expected");
  n = strtoul (lines->line + len + 1, &end, 10);
  if (*end != '\0' || n == 0 || n > max)
    return fail (error, lines, "bad count");
  *count = n;
  return TRUE;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t;

  if (length2 == 0)
    return hypot (px - ax, py - ay);
  t = CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0);
  return hypot (px - ax - t * dx, py - ay - t * dy);
}

/* Douglas–Peucker ranks: sig[i] is the largest tolerance at which point i survives. The split
 * of a part inherits no more than its parent's rank, so a view keeping every point above a
 * tolerance keeps a valid Douglas–Peucker simplification. The first split always stays, so
 * every arc keeps a point between its ends. */
static void
rank_points (const double *pts,
             float        *sig,
             guint         first,
             guint         last,
             double        kx)
{
  g_autofree guint *stack = g_new (guint, 2 * (last - first + 1));
  int top = 0;

  stack[0] = first;
  stack[1] = last;
  while (top >= 0)
    {
      guint a = stack[2 * top], b = stack[2 * top + 1];
      /* The endpoints are earlier splits (or the arc's ends): the lower one is the parent. */
      float cap = MIN (sig[a], sig[b]);
      guint best = 0;
      double best_d = -1;

      top--;
      for (guint i = a + 1; i < b; i++)
        {
          double d = segment_distance (pts[2 * i] * kx, pts[2 * i + 1],
                                       pts[2 * a] * kx, pts[2 * a + 1],
                                       pts[2 * b] * kx, pts[2 * b + 1]);
          if (d > best_d)
            {
              best_d = d;
              best = i;
            }
        }
      if (best_d < 0)
        continue;
      sig[best] = (a == first && b == last) ? G_MAXFLOAT : MIN ((float) best_d, cap);
      top++;
      stack[2 * top] = a;
      stack[2 * top + 1] = best;
      top++;
      stack[2 * top] = best;
      stack[2 * top + 1] = b;
    }
}

static void
rank_arc (MbaWorldMap *self,
          const Span  *arc)
{
  const double *pts = self->arc_lonlat + 2 * arc->first_point;
  float *sig = self->arc_sig + arc->first_point;
  guint n = arc->n_points;
  double mean_lat = 0, kx;

  for (guint i = 0; i < n; i++)
    mean_lat += pts[2 * i + 1];
  mean_lat /= n;
  kx = MAX (cos (mean_lat * DEG), 0.05);
  sig[0] = sig[n - 1] = G_MAXFLOAT;

  if (n >= 4 && pts[0] == pts[2 * (n - 1)] && pts[1] == pts[2 * (n - 1) + 1])
    {
      /* A closed arc is a whole ring: split it at its farthest point from the start, so the
       * ring keeps at least four corners at any tolerance. */
      guint far = 1;
      double far_d = -1;

      for (guint i = 1; i < n - 1; i++)
        {
          double d = hypot ((pts[2 * i] - pts[0]) * kx, pts[2 * i + 1] - pts[1]);
          if (d > far_d)
            {
              far_d = d;
              far = i;
            }
        }
      sig[far] = G_MAXFLOAT;
      rank_points (pts, sig, 0, far, kx);
      rank_points (pts, sig, far, n - 1, kx);
    }
  else
    rank_points (pts, sig, 0, n - 1, kx);
}

static gboolean
parse_arcs (MbaWorldMap *self,
            Lines       *lines,
            double       unit,
            GError     **error)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  if (!read_header (lines, "arcs", 1000000, &self->n_arcs, error))
    goto failed;
  self->arcs = g_new0 (Span, self->n_arcs);
  for (guint a = 0; a < self->n_arcs; a++)
    {
      char *p;
      long x, y, dx, dy;

      if (!lines_next (lines))
        {
          fail (error, lines, "the file ends inside the arcs");
          goto failed;
        }
      p = lines->line;
      if (!read_int (&p, &x) || !read_int (&p, &y))
        {
          fail (error, lines, "an arc needs a first point");
          goto failed;
        }
      self->arcs[a].first_point = points->len / 2;
      for (;;)
        {
          double v[2] = { x / unit, y / unit };

          if (fabs (v[0]) > 180.0 || fabs (v[1]) > 90.0)
            {
              fail (error, lines, "a point lies outside the globe");
              goto failed;
            }
          g_array_append_vals (points, v, 2);
          if (!read_int (&p, &dx))
            break;
          if (!read_int (&p, &dy))
            {
              fail (error, lines, "an odd number of coordinates");
              goto failed;
            }
          x += dx;
          y += dy;
        }
      if (*p != '\0')
        {
          fail (error, lines, "unexpected text in an arc");
          goto failed;
        }
      self->arcs[a].n_points = points->len / 2 - self->arcs[a].first_point;
      if (self->arcs[a].n_points < 2)
        {
          fail (error, lines, "an arc needs two points");
          goto failed;
        }
    }
  self->n_arc_points = points->len / 2;
  self->arc_lonlat = (double *) g_array_free (points, FALSE);
  self->arc_sig = g_new (float, self->n_arc_points);
  for (guint a = 0; a < self->n_arcs; a++)
    rank_arc (self, &self->arcs[a]);
  return TRUE;

failed:
  g_array_free (points, TRUE);
  return FALSE;
}

static void
note_arc_side (MbaWorldMap *self,
               guint        arc,
               guint        country)
{
  if (self->arc_first[arc] < 0)
    self->arc_first[arc] = country;
  else if (self->arc_second[arc] < 0)
    self->arc_second[arc] = country;
}

static gboolean
parse_countries (MbaWorldMap *self,
                 Lines       *lines,
                 double       unit,
                 GError     **error)
{
  GArray *rings = g_array_new (FALSE, TRUE, sizeof (Ring));
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *sig = g_array_new (FALSE, FALSE, sizeof (float));
  GArray *outline = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = FALSE;

  if (!read_header (lines, "countries", 10000, &self->n_countries, error))
    goto out;
  self->countries = g_new0 (MbaMapCountry, self->n_countries);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->arc_first = g_new (int, self->n_arcs);
  self->arc_second = g_new (int, self->n_arcs);
  for (guint a = 0; a < self->n_arcs; a++)
    self->arc_first[a] = self->arc_second[a] = -1;

  for (guint c = 0; c < self->n_countries; c++)
    {
      MbaMapCountry *country = &self->countries[c];
      char **fields;
      char *p;
      long ax, ay;

      if (!lines_next (lines))
        {
          fail (error, lines, "the file ends inside the countries");
          goto out;
        }
      fields = g_strsplit (lines->line, "\t", 0);
      if (g_strv_length (fields) != 4 || strlen (fields[0]) != 3 ||
          !g_ascii_isupper (fields[0][0]) || !g_ascii_isupper (fields[0][1]) ||
          !g_ascii_isupper (fields[0][2]) || fields[3][0] == '\0')
        {
          g_strfreev (fields);
          fail (error, lines, "a country needs a code, an anchor, rings and a name");
          goto out;
        }
      country->index = c;
      memcpy (country->code, fields[0], 4);
      /* The name is the line's last field: it stays in self->text. */
      country->name = strrchr (lines->line, '\t') + 1;
      p = fields[1];
      if (!read_int (&p, &ax) || !read_int (&p, &ay) || *p != '\0' ||
          labs (ax) > 180 * unit || labs (ay) > 90 * unit)
        {
          g_strfreev (fields);
          fail (error, lines, "bad anchor");
          goto out;
        }
      country->anchor_lon = ax / unit;
      country->anchor_lat = ay / unit;
      country->first_ring = rings->len;
      mba_map_rect_init_empty (&country->bounds);
      mba_map_rect_add_point (&country->bounds, country->anchor_lon, country->anchor_lat);

      if (fields[2][0] != '\0')
        {
          char **ring_texts = g_strsplit (fields[2], ";", 0);

          for (guint r = 0; ring_texts[r] != NULL; r++)
            {
              Ring ring = { .country = c };
              long ref;

              p = ring_texts[r];
              ring.points.first_point = points->len / 2;
              mba_map_rect_init_empty (&ring.bounds);
              while (read_int (&p, &ref))
                {
                  gboolean reversed = ref < 0;
                  guint arc = reversed ? (guint) (-1 - ref) : (guint) ref;
                  const Span *span;
                  guint start;

                  if (ref < -(long) self->n_arcs || ref >= (long) self->n_arcs)
                    {
                      g_strfreev (ring_texts);
                      g_strfreev (fields);
                      fail (error, lines, "a ring refers to an arc that does not exist");
                      goto out;
                    }
                  note_arc_side (self, arc, c);
                  span = &self->arcs[arc];
                  /* Consecutive arcs share their joining point: add it once. */
                  start = points->len > 2 * ring.points.first_point ? 1 : 0;
                  for (guint i = start; i < span->n_points; i++)
                    {
                      guint k = span->first_point + (reversed ? span->n_points - 1 - i : i);

                      g_array_append_vals (points, self->arc_lonlat + 2 * k, 2);
                      g_array_append_val (sig, self->arc_sig[k]);
                      mba_map_rect_add_point (&ring.bounds, self->arc_lonlat[2 * k],
                                              self->arc_lonlat[2 * k + 1]);
                    }
                }
              if (*p != '\0')
                {
                  g_strfreev (ring_texts);
                  g_strfreev (fields);
                  fail (error, lines, "unexpected text in a ring");
                  goto out;
                }
              ring.points.n_points = points->len / 2 - ring.points.first_point;
              if (ring.points.n_points < 4)
                {
                  g_strfreev (ring_texts);
                  g_strfreev (fields);
                  fail (error, lines, "a ring needs at least three corners");
                  goto out;
                }
              mba_map_rect_union (&country->bounds, &ring.bounds);
              g_array_append_val (rings, ring);
            }
          g_strfreev (ring_texts);
        }
      country->n_rings = rings->len - country->first_ring;
      g_strfreev (fields);
      if (!g_hash_table_insert (self->by_code, country->code, country))
        {
          fail (error, lines, "the country is listed twice");
          goto out;
        }
    }

  if (lines_next (lines))
    {
      fail (error, lines, "unexpected text after the countries");
      goto out;
    }

  /* Arcs along the antimeridian close the pieces of rings that were cut there: they are
   * neither coast nor border. */
  for (guint a = 0; a < self->n_arcs; a++)
    {
      const Span *span = &self->arcs[a];
      gboolean on_edge = TRUE;

      for (guint i = span->first_point; i < span->first_point + span->n_points && on_edge; i++)
        on_edge = fabs (self->arc_lonlat[2 * i]) == 180.0;
      if (on_edge && self->arc_second[a] < 0)
        self->arc_second[a] = self->arc_first[a];
    }

  /* Each country's outline arcs, without those inside it (where two pieces were joined). */
  self->country_arcs_offset = g_new0 (guint, self->n_countries + 1);
  for (guint c = 0; c < self->n_countries; c++)
    {
      self->country_arcs_offset[c] = outline->len;
      for (guint a = 0; a < self->n_arcs; a++)
        if ((self->arc_first[a] == (int) c) != (self->arc_second[a] == (int) c))
          g_array_append_val (outline, a);
    }
  self->country_arcs_offset[self->n_countries] = outline->len;

  self->n_rings = rings->len;
  self->rings = (Ring *) g_array_free (rings, FALSE);
  rings = NULL;
  self->n_ring_points = points->len / 2;
  self->ring_lonlat = (double *) g_array_free (points, FALSE);
  points = NULL;
  self->ring_sig = (float *) g_array_free (sig, FALSE);
  sig = NULL;
  self->country_arcs = (guint *) g_array_free (outline, FALSE);
  outline = NULL;
  ok = TRUE;

out:
  if (rings)
    g_array_free (rings, TRUE);
  if (points)
    g_array_free (points, TRUE);
  if (sig)
    g_array_free (sig, TRUE);
  if (outline)
    g_array_free (outline, TRUE);
  return ok;
}

/**
 * mba_world_map_new_from_bytes:
 * @bytes: a map file in the format of data/world-map.md
 *
 * Returns: (transfer full): the map, or %NULL with @error set
 */
MbaWorldMap *
mba_world_map_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(MbaWorldMap) self = NULL;
  Lines lines = { 0 };
  const char *data;
  gsize size;
  char *end;
  long unit;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MBA_TYPE_WORLD_MAP, NULL);
  data = g_bytes_get_data (bytes, &size);
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, MBA_WORLD_MAP_ERROR, MBA_WORLD_MAP_ERROR_INVALID,
                   "the map file is not UTF-8 text");
      return NULL;
    }
  self->text = g_strndup (data, size);
  lines.next = self->text;

  if (!lines_next (&lines) || !g_str_equal (lines.line, FORMAT_ID))
    {
      fail (error, &lines, "not a " FORMAT_ID " file");
      return NULL;
    }
  if (!lines_next (&lines) || !g_str_has_prefix (lines.line, "unit ") ||
      (unit = strtol (lines.line + 5, &end, 10)) <= 0 || unit > 1000000 || *end != '\0')
    {
      fail (error, &lines, "a unit line was expected");
      return NULL;
    }
  if (!parse_arcs (self, &lines, unit, error) ||
      !parse_countries (self, &lines, unit, error))
    return NULL;

  return g_steal_pointer (&self);
}

MbaWorldMap *
mba_world_map_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (contents, length);
  return mba_world_map_new_from_bytes (bytes, error);
}

MbaWorldMap *
mba_world_map_new_from_resource (const char  *resource_path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return mba_world_map_new_from_bytes (bytes, error);
}

