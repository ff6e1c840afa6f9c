/* mba-world-map.c: country outlines, the two projections, and hit-testing
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mba-world-map.h"

#define FORMAT_ID "mba-world-map/1"
#define DEG (G_PI / 180.0)

typedef struct
{
  guint first_point;
  guint n_points;
} Span;

typedef struct
{
  guint  country;
  Span   points;          /* into ring_lonlat and ring_sig */
  MbaMapRect bounds;      /* degrees */
} Ring;

typedef struct
{
  gsize       ready;      /* g_once: the handout draws in a thread while the window draws too */
  double     *ring_xy;
  double     *arc_xy;
  MbaMapRect *ring_bounds;
  MbaMapRect *arc_bounds;
  MbaMapRect *country_bounds;
  double     *anchor_xy;
} Projected;

struct _MbaWorldMap
{
  GObject        parent_instance;

  GBytes        *bytes;         /* names point into a copy of it */
  char          *text;

  MbaMapCountry *countries;
  guint          n_countries;
  GHashTable    *by_code;       /* code -> MbaMapCountry */

  Ring          *rings;
  guint          n_rings;
  double        *ring_lonlat;
  float         *ring_sig;
  guint          n_ring_points;

  Span          *arcs;
  guint          n_arcs;
  double        *arc_lonlat;
  float         *arc_sig;
  guint          n_arc_points;
  int           *arc_first;     /* the countries on each side of an arc, -1 when none */
  int           *arc_second;

  guint         *country_arcs;  /* per country, its outline arcs (no interior ones) */
  guint         *country_arcs_offset;

  Projected      projected[MBA_N_MAP_PROJECTIONS];
};

G_DEFINE_FINAL_TYPE (MbaWorldMap, mba_world_map, G_TYPE_OBJECT)

G_DEFINE_QUARK (mba-world-map-error-quark, mba_world_map_error)

static void
projected_clear (Projected *p)
{
  g_clear_pointer (&p->ring_xy, g_free);
  g_clear_pointer (&p->arc_xy, g_free);
  g_clear_pointer (&p->ring_bounds, g_free);
  g_clear_pointer (&p->arc_bounds, g_free);
  g_clear_pointer (&p->country_bounds, g_free);
  g_clear_pointer (&p->anchor_xy, g_free);
}

static void
mba_world_map_finalize (GObject *object)
{
  MbaWorldMap *self = MBA_WORLD_MAP (object);

  for (guint i = 0; i < MBA_N_MAP_PROJECTIONS; i++)
    projected_clear (&self->projected[i]);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_free (self->countries);
  g_free (self->rings);
  g_free (self->ring_lonlat);
  g_free (self->ring_sig);
  g_free (self->arcs);
  g_free (self->arc_lonlat);
  g_free (self->arc_sig);
  g_free (self->arc_first);
  g_free (self->arc_second);
  g_free (self->country_arcs);
  g_free (self->country_arcs_offset);
  g_free (self->text);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (mba_world_map_parent_class)->finalize (object);
}

static void
mba_world_map_class_init (MbaWorldMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mba_world_map_finalize;
}

static void
mba_world_map_init (MbaWorldMap *self)
{
}

/* Parsing ---------------------------------------------------------------------------------- */

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

static void
rect_init (MbaMapRect *r)
{
  r->x1 = r->y1 = G_MAXDOUBLE;
  r->x2 = r->y2 = -G_MAXDOUBLE;
}

static void
rect_add (MbaMapRect *r,
          double      x,
          double      y)
{
  r->x1 = MIN (r->x1, x);
  r->y1 = MIN (r->y1, y);
  r->x2 = MAX (r->x2, x);
  r->y2 = MAX (r->y2, y);
}

static void
rect_union (MbaMapRect       *r,
            const MbaMapRect *o)
{
  r->x1 = MIN (r->x1, o->x1);
  r->y1 = MIN (r->y1, o->y1);
  r->x2 = MAX (r->x2, o->x2);
  r->y2 = MAX (r->y2, o->y2);
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
      rect_init (&country->bounds);
      rect_add (&country->bounds, country->anchor_lon, country->anchor_lat);

      if (fields[2][0] != '\0')
        {
          char **ring_texts = g_strsplit (fields[2], ";", 0);

          for (guint r = 0; ring_texts[r] != NULL; r++)
            {
              Ring ring = { .country = c };
              long ref;

              p = ring_texts[r];
              ring.points.first_point = points->len / 2;
              rect_init (&ring.bounds);
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
                      rect_add (&ring.bounds, self->arc_lonlat[2 * k], self->arc_lonlat[2 * k + 1]);
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
              rect_union (&country->bounds, &ring.bounds);
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

/* Countries and hit-testing ---------------------------------------------------------------- */

guint
mba_world_map_get_n_countries (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_countries;
}

const MbaMapCountry *
mba_world_map_get_country (MbaWorldMap *self,
                           guint        index)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (index < self->n_countries, NULL);
  return &self->countries[index];
}

const MbaMapCountry *
mba_world_map_find_country (MbaWorldMap *self,
                            const char  *code)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

static gboolean
rect_contains (const MbaMapRect *r,
               double            x,
               double            y)
{
  return x >= r->x1 && x <= r->x2 && y >= r->y1 && y <= r->y2;
}

/* Even-odd crossing test over all of a country's rings: holes need no special case. */
static gboolean
country_contains (MbaWorldMap *self,
                  guint        c,
                  double       lon,
                  double       lat)
{
  const MbaMapCountry *country = &self->countries[c];
  gboolean inside = FALSE;

  for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
    {
      const Ring *ring = &self->rings[r];
      const double *p = self->ring_lonlat + 2 * ring->points.first_point;
      guint n = ring->points.n_points;

      if (!rect_contains (&ring->bounds, lon, lat))
        continue;
      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }
  return inside;
}

/**
 * mba_world_map_hit_test:
 * @lon: longitude, degrees east
 * @lat: latitude, degrees north
 *
 * Returns: (nullable): the country whose outline contains the point, or %NULL at sea
 */
const MbaMapCountry *
mba_world_map_hit_test (MbaWorldMap *self,
                        double       lon,
                        double       lat)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);

  for (guint c = 0; c < self->n_countries; c++)
    if (self->countries[c].n_rings > 0 &&
        rect_contains (&self->countries[c].bounds, lon, lat) &&
        country_contains (self, c, lon, lat))
      return &self->countries[c];
  return NULL;
}

/* Projected geometry ----------------------------------------------------------------------- */

static void
project_points (MbaMapProjection  projection,
                const double     *lonlat,
                double           *xy,
                guint             n)
{
  for (guint i = 0; i < n; i++)
    if (!mba_map_project (projection, lonlat[2 * i], lonlat[2 * i + 1], &xy[2 * i], &xy[2 * i + 1]))
      {
        /* Only the regional projection's antipode fails; no land lies there. */
        xy[2 * i] = 0;
        xy[2 * i + 1] = -2;
      }
}

static Projected *
get_projected (MbaWorldMap      *self,
               MbaMapProjection  projection)
{
  Projected *p = &self->projected[projection];

  if (!g_once_init_enter (&p->ready))
    return p;

  p->ring_xy = g_new (double, 2 * self->n_ring_points);
  project_points (projection, self->ring_lonlat, p->ring_xy, self->n_ring_points);
  p->arc_xy = g_new (double, 2 * self->n_arc_points);
  project_points (projection, self->arc_lonlat, p->arc_xy, self->n_arc_points);

  p->ring_bounds = g_new (MbaMapRect, self->n_rings);
  for (guint r = 0; r < self->n_rings; r++)
    {
      const Span *s = &self->rings[r].points;

      rect_init (&p->ring_bounds[r]);
      for (guint i = s->first_point; i < s->first_point + s->n_points; i++)
        rect_add (&p->ring_bounds[r], p->ring_xy[2 * i], p->ring_xy[2 * i + 1]);
    }
  p->arc_bounds = g_new (MbaMapRect, self->n_arcs);
  for (guint a = 0; a < self->n_arcs; a++)
    {
      const Span *s = &self->arcs[a];

      rect_init (&p->arc_bounds[a]);
      for (guint i = s->first_point; i < s->first_point + s->n_points; i++)
        rect_add (&p->arc_bounds[a], p->arc_xy[2 * i], p->arc_xy[2 * i + 1]);
    }
  p->anchor_xy = g_new (double, 2 * self->n_countries);
  p->country_bounds = g_new (MbaMapRect, self->n_countries);
  for (guint c = 0; c < self->n_countries; c++)
    {
      const MbaMapCountry *country = &self->countries[c];
      double lonlat[2] = { country->anchor_lon, country->anchor_lat };

      project_points (projection, lonlat, &p->anchor_xy[2 * c], 1);
      rect_init (&p->country_bounds[c]);
      rect_add (&p->country_bounds[c], p->anchor_xy[2 * c], p->anchor_xy[2 * c + 1]);
      for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
        rect_union (&p->country_bounds[c], &p->ring_bounds[r]);
    }
  g_once_init_leave (&p->ready, 1);
  return p;
}

guint
mba_world_map_get_n_rings (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_rings;
}

const double *
mba_world_map_get_ring_points (MbaWorldMap      *self,
                               MbaMapProjection  projection,
                               guint             ring,
                               guint            *n_points)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);

  *n_points = self->rings[ring].points.n_points;
  return get_projected (self, projection)->ring_xy + 2 * self->rings[ring].points.first_point;
}

const float *
mba_world_map_get_ring_significance (MbaWorldMap *self,
                                     guint        ring)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);
  return self->ring_sig + self->rings[ring].points.first_point;
}

const MbaMapRect *
mba_world_map_get_ring_bounds (MbaWorldMap      *self,
                               MbaMapProjection  projection,
                               guint             ring)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);
  return &get_projected (self, projection)->ring_bounds[ring];
}

const MbaMapRect *
mba_world_map_get_country_bounds (MbaWorldMap      *self,
                                  MbaMapProjection  projection,
                                  guint             country)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);
  return &get_projected (self, projection)->country_bounds[country];
}

void
mba_world_map_get_anchor (MbaWorldMap      *self,
                          MbaMapProjection  projection,
                          guint             country,
                          double           *x,
                          double           *y)
{
  Projected *p;

  g_return_if_fail (MBA_IS_WORLD_MAP (self));
  g_return_if_fail (country < self->n_countries);

  p = get_projected (self, projection);
  *x = p->anchor_xy[2 * country];
  *y = p->anchor_xy[2 * country + 1];
}

guint
mba_world_map_get_n_arcs (MbaWorldMap *self)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), 0);
  return self->n_arcs;
}

const double *
mba_world_map_get_arc_points (MbaWorldMap      *self,
                              MbaMapProjection  projection,
                              guint             arc,
                              guint            *n_points)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);

  *n_points = self->arcs[arc].n_points;
  return get_projected (self, projection)->arc_xy + 2 * self->arcs[arc].first_point;
}

const float *
mba_world_map_get_arc_significance (MbaWorldMap *self,
                                    guint        arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);
  return self->arc_sig + self->arcs[arc].first_point;
}

const MbaMapRect *
mba_world_map_get_arc_bounds (MbaWorldMap      *self,
                              MbaMapProjection  projection,
                              guint             arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (arc < self->n_arcs, NULL);
  return &get_projected (self, projection)->arc_bounds[arc];
}

int
mba_world_map_get_arc_interior (MbaWorldMap *self,
                                guint        arc)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), -1);
  g_return_val_if_fail (arc < self->n_arcs, -1);

  if (self->arc_first[arc] >= 0 && self->arc_first[arc] == self->arc_second[arc])
    return self->arc_first[arc];
  return -1;
}

void
mba_world_map_get_arc_countries (MbaWorldMap *self,
                                 guint        arc,
                                 int         *first,
                                 int         *second)
{
  g_return_if_fail (MBA_IS_WORLD_MAP (self));
  g_return_if_fail (arc < self->n_arcs);

  *first = self->arc_first[arc];
  *second = self->arc_second[arc];
}

const guint *
mba_world_map_get_country_arcs (MbaWorldMap *self,
                                guint        country,
                                guint       *n_arcs)
{
  g_return_val_if_fail (MBA_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (country < self->n_countries, NULL);

  *n_arcs = self->country_arcs_offset[country + 1] - self->country_arcs_offset[country];
  return self->country_arcs + self->country_arcs_offset[country];
}

/* Projections ------------------------------------------------------------------------------ */

/* Equal Earth's polynomial coefficients. */
#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796
#define EE_M (sqrt (3.0) / 2.0)

static gboolean
laea_forward (double lon,
              double lat,
              double *x,
              double *y)
{
  double phi1 = MBA_MAP_REGIONAL_CENTER_LAT * DEG;
  double phi = lat * DEG;
  double dl = (lon - MBA_MAP_REGIONAL_CENTER_LON) * DEG;
  double denom = 1 + sin (phi1) * sin (phi) + cos (phi1) * cos (phi) * cos (dl);
  double k;

  if (denom < 1e-12)
    return FALSE;
  k = sqrt (2 / denom);
  *x = k * cos (phi) * sin (dl);
  *y = k * (cos (phi1) * sin (phi) - sin (phi1) * cos (phi) * cos (dl));
  return TRUE;
}

static gboolean
laea_inverse (double x,
              double y,
              double *lon,
              double *lat)
{
  double phi1 = MBA_MAP_REGIONAL_CENTER_LAT * DEG;
  double rho = hypot (x, y);
  double c, lambda;

  if (rho > 2.0)
    return FALSE;
  if (rho < 1e-15)
    {
      *lon = MBA_MAP_REGIONAL_CENTER_LON;
      *lat = MBA_MAP_REGIONAL_CENTER_LAT;
      return TRUE;
    }
  c = 2 * asin (rho / 2);
  *lat = asin (CLAMP (cos (c) * sin (phi1) + y * sin (c) * cos (phi1) / rho, -1.0, 1.0)) / DEG;
  lambda = atan2 (x * sin (c), rho * cos (phi1) * cos (c) - y * sin (phi1) * sin (c));
  *lon = remainder (MBA_MAP_REGIONAL_CENTER_LON + lambda / DEG, 360.0);
  return TRUE;
}

static void
equal_earth_forward (double lon,
                     double lat,
                     double *x,
                     double *y)
{
  double theta = asin (EE_M * sin (lat * DEG));
  double t2 = theta * theta, t6 = t2 * t2 * t2;

  *x = lon * DEG * cos (theta) /
       (EE_M * (EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2)));
  *y = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
}

static gboolean
equal_earth_inverse (double x,
                     double y,
                     double *lon,
                     double *lat)
{
  double theta = y / EE_A1;
  double t2, t6, fy, fpy, l;
  double y_max = asin (EE_M) * (EE_A1 + EE_A2 * asin (EE_M) * asin (EE_M) +
                                pow (asin (EE_M), 6) * (EE_A3 + EE_A4 * asin (EE_M) * asin (EE_M)));

  if (fabs (y) > y_max + 1e-12)
    return FALSE;
  /* Newton's method on the polynomial for theta. */
  for (int i = 0; i < 20; i++)
    {
      double delta;

      t2 = theta * theta;
      t6 = t2 * t2 * t2;
      fy = theta * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2)) - y;
      fpy = EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2);
      delta = fy / fpy;
      theta -= delta;
      if (fabs (delta) < 1e-14)
        break;
    }
  t2 = theta * theta;
  t6 = t2 * t2 * t2;
  fpy = EE_A1 + 3 * EE_A2 * t2 + t6 * (7 * EE_A3 + 9 * EE_A4 * t2);
  l = EE_M * x * fpy / cos (theta);
  if (fabs (l) > G_PI + 1e-12)
    return FALSE;
  *lon = l / DEG;
  *lat = asin (CLAMP (sin (theta) / EE_M, -1.0, 1.0)) / DEG;
  return TRUE;
}

/**
 * mba_map_project:
 * @lon: longitude, degrees east, -180..180
 * @lat: latitude, degrees north
 *
 * Returns: %FALSE where the projection has no image (the regional projection's antipode)
 */
gboolean
mba_map_project (MbaMapProjection  projection,
                 double            lon,
                 double            lat,
                 double           *x,
                 double           *y)
{
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  switch (projection)
    {
    case MBA_MAP_PROJECTION_REGIONAL:
      return laea_forward (lon, lat, x, y);
    case MBA_MAP_PROJECTION_WORLD:
      equal_earth_forward (lon, lat, x, y);
      return TRUE;
    case MBA_N_MAP_PROJECTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * mba_map_unproject:
 *
 * Returns: %FALSE when (@x, @y) lies outside the projection's image of the globe
 */
gboolean
mba_map_unproject (MbaMapProjection  projection,
                   double            x,
                   double            y,
                   double           *lon,
                   double           *lat)
{
  g_return_val_if_fail (lon != NULL && lat != NULL, FALSE);

  switch (projection)
    {
    case MBA_MAP_PROJECTION_REGIONAL:
      return laea_inverse (x, y, lon, lat);
    case MBA_MAP_PROJECTION_WORLD:
      return equal_earth_inverse (x, y, lon, lat);
    case MBA_N_MAP_PROJECTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
compute_frames (MbaMapRect home[MBA_N_MAP_PROJECTIONS],
                MbaMapRect limits[MBA_N_MAP_PROJECTIONS])
{
  double x, y;

  /* Regional: from Ireland and Portugal to the Urals, from Crete to North Cape. */
  rect_init (&home[MBA_MAP_PROJECTION_REGIONAL]);
  for (double t = 0; t <= 1.0; t += 0.05)
    {
      double lon = -10 + t * 65, lat = 34 + t * 37;

      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, lon, 34, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, lon, 71, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, -10, lat, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
      mba_map_project (MBA_MAP_PROJECTION_REGIONAL, 55, lat, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_REGIONAL], x, y);
    }
  limits[MBA_MAP_PROJECTION_REGIONAL] = (MbaMapRect) { -1.2, -1.0, 1.2, 1.0 };

  /* World: every longitude, from Tierra del Fuego to the north of Greenland. */
  rect_init (&home[MBA_MAP_PROJECTION_WORLD]);
  for (double lat = -57; lat <= 84; lat += 1)
    {
      mba_map_project (MBA_MAP_PROJECTION_WORLD, -180, lat, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_WORLD], x, y);
      mba_map_project (MBA_MAP_PROJECTION_WORLD, 180, lat, &x, &y);
      rect_add (&home[MBA_MAP_PROJECTION_WORLD], x, y);
    }
  limits[MBA_MAP_PROJECTION_WORLD] = home[MBA_MAP_PROJECTION_WORLD];
}

static const MbaMapRect *
get_frames (gboolean want_limits)
{
  static MbaMapRect frames[2][MBA_N_MAP_PROJECTIONS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      compute_frames (frames[0], frames[1]);
      g_once_init_leave (&initialized, 1);
    }
  return frames[want_limits ? 1 : 0];
}

const MbaMapRect *
mba_map_projection_get_home (MbaMapProjection projection)
{
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  return &get_frames (FALSE)[projection];
}

const MbaMapRect *
mba_map_projection_get_limits (MbaMapProjection projection)
{
  g_return_val_if_fail (projection < MBA_N_MAP_PROJECTIONS, NULL);
  return &get_frames (TRUE)[projection];
}

/* Views ------------------------------------------------------------------------------------ */

void
mba_map_view_init (MbaMapView       *view,
                   MbaMapProjection  projection)
{
  const MbaMapRect *home;

  g_return_if_fail (view != NULL);
  g_return_if_fail (projection < MBA_N_MAP_PROJECTIONS);

  home = mba_map_projection_get_home (projection);
  view->projection = projection;
  view->zoom = 1.0;
  view->center_x = (home->x1 + home->x2) / 2;
  view->center_y = (home->y1 + home->y2) / 2;
}

/* Pixels per projected unit. */
double
mba_map_view_get_scale (const MbaMapView *view,
                        int               width,
                        int               height)
{
  const MbaMapRect *home = mba_map_projection_get_home (view->projection);

  return view->zoom * MIN (MAX (width, 1) / (home->x2 - home->x1),
                           MAX (height, 1) / (home->y2 - home->y1));
}

void
mba_map_view_to_screen (const MbaMapView *view,
                        int               width,
                        int               height,
                        double            x,
                        double            y,
                        double           *sx,
                        double           *sy)
{
  double scale = mba_map_view_get_scale (view, width, height);

  *sx = width / 2.0 + (x - view->center_x) * scale;
  *sy = height / 2.0 - (y - view->center_y) * scale;
}

void
mba_map_view_from_screen (const MbaMapView *view,
                          int               width,
                          int               height,
                          double            sx,
                          double            sy,
                          double           *x,
                          double           *y)
{
  double scale = mba_map_view_get_scale (view, width, height);

  *x = view->center_x + (sx - width / 2.0) / scale;
  *y = view->center_y - (sy - height / 2.0) / scale;
}

gboolean
mba_map_view_lonlat_to_screen (const MbaMapView *view,
                               int               width,
                               int               height,
                               double            lon,
                               double            lat,
                               double           *sx,
                               double           *sy)
{
  double x, y;

  if (!mba_map_project (view->projection, lon, lat, &x, &y))
    return FALSE;
  mba_map_view_to_screen (view, width, height, x, y, sx, sy);
  return TRUE;
}

gboolean
mba_map_view_screen_to_lonlat (const MbaMapView *view,
                               int               width,
                               int               height,
                               double            sx,
                               double            sy,
                               double           *lon,
                               double           *lat)
{
  double x, y;

  mba_map_view_from_screen (view, width, height, sx, sy, &x, &y);
  return mba_map_unproject (view->projection, x, y, lon, lat);
}

void
mba_map_view_clamp (MbaMapView *view)
{
  const MbaMapRect *limits;

  g_return_if_fail (view != NULL);

  limits = mba_map_projection_get_limits (view->projection);
  if (!isfinite (view->zoom))
    view->zoom = 1.0;
  view->zoom = CLAMP (view->zoom, MBA_MAP_VIEW_MIN_ZOOM, MBA_MAP_VIEW_MAX_ZOOM);
  if (!isfinite (view->center_x) || !isfinite (view->center_y))
    mba_map_view_init (view, view->projection);
  view->center_x = CLAMP (view->center_x, limits->x1, limits->x2);
  view->center_y = CLAMP (view->center_y, limits->y1, limits->y2);
}

/* Zooms by @factor keeping the point under (@sx, @sy) where it is. */
void
mba_map_view_zoom_at (MbaMapView *view,
                      int         width,
                      int         height,
                      double      factor,
                      double      sx,
                      double      sy)
{
  double x, y, x2, y2;

  g_return_if_fail (view != NULL);

  mba_map_view_from_screen (view, width, height, sx, sy, &x, &y);
  view->zoom = CLAMP (view->zoom * factor, MBA_MAP_VIEW_MIN_ZOOM, MBA_MAP_VIEW_MAX_ZOOM);
  mba_map_view_from_screen (view, width, height, sx, sy, &x2, &y2);
  view->center_x += x - x2;
  view->center_y += y - y2;
  mba_map_view_clamp (view);
}

/* Moves the map by (@dx, @dy) pixels, as a drag does. */
void
mba_map_view_pan (MbaMapView *view,
                  int         width,
                  int         height,
                  double      dx,
                  double      dy)
{
  double scale;

  g_return_if_fail (view != NULL);

  scale = mba_map_view_get_scale (view, width, height);
  view->center_x -= dx / scale;
  view->center_y += dy / scale;
  mba_map_view_clamp (view);
}

/**
 * mba_map_view_hit_test:
 *
 * Returns: (nullable): the country drawn under the screen point (outlines only: markers of
 *   small states are the renderer's, see mba_map_renderer_hit_test())
 */
const MbaMapCountry *
mba_map_view_hit_test (const MbaMapView *view,
                       MbaWorldMap      *map,
                       int               width,
                       int               height,
                       double            sx,
                       double            sy)
{
  double lon, lat;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (MBA_IS_WORLD_MAP (map), NULL);

  if (!mba_map_view_screen_to_lonlat (view, width, height, sx, sy, &lon, &lat))
    return NULL;
  return mba_world_map_hit_test (map, lon, lat);
}
