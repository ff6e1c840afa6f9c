/* mba-date.c: partial dates in the Extended Date/Time Format (EDTF level 1 subset)
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-date.h"

G_DEFINE_QUARK (mba-date-error-quark, mba_date_error)

static gboolean
parse_digits (const char **p,
              int          count,
              int         *value)
{
  int v = 0;

  for (int i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += count;
  *value = v;
  return TRUE;
}

/* Parses one side of an EDTF value, up to end (exclusive). */
static gboolean
parse_point (const char    *text,
             const char    *end,
             const char    *whole,
             MbaDatePoint  *out,
             GError       **error)
{
  const char *p = text;
  int year, month = 0, day = 0;

  memset (out, 0, sizeof *out);

  if (!parse_digits (&p, 4, &year) || p > end)
    goto syntax;
  out->precision = MBA_DATE_PRECISION_YEAR;

  if (p < end && *p == '-')
    {
      p++;
      if (end - p < 2 || !parse_digits (&p, 2, &month))
        goto syntax;
      out->precision = MBA_DATE_PRECISION_MONTH;
      if (p < end && *p == '-')
        {
          p++;
          if (end - p < 2 || !parse_digits (&p, 2, &day))
            goto syntax;
          out->precision = MBA_DATE_PRECISION_DAY;
        }
    }

  if (p < end)
    {
      if (*p == '?')
        out->qualifiers = MBA_DATE_QUALIFIER_UNCERTAIN;
      else if (*p == '~')
        out->qualifiers = MBA_DATE_QUALIFIER_APPROXIMATE;
      else if (*p == '%')
        out->qualifiers = MBA_DATE_QUALIFIER_UNCERTAIN | MBA_DATE_QUALIFIER_APPROXIMATE;
      else
        goto syntax;
      p++;
    }
  if (p != end)
    goto syntax;

  if (year < 1)
    {
      g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_RANGE,
                   _("year 0000 does not exist in “%s”"), whole);
      return FALSE;
    }
  if (out->precision >= MBA_DATE_PRECISION_MONTH && (month < 1 || month > 12))
    {
      g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_RANGE,
                   _("month %02d is out of range in “%s”"), month, whole);
      return FALSE;
    }
  if (out->precision == MBA_DATE_PRECISION_DAY &&
      (day < 1 || day > g_date_get_days_in_month (month, year)))
    {
      g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_RANGE,
                   _("%04d-%02d has no day %02d in “%s”"), year, month, day, whole);
      return FALSE;
    }

  out->year = year;
  out->month = month;
  out->day = day;
  return TRUE;

syntax:
  g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_SYNTAX,
               _("“%s” is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                 "optionally followed by ?, ~ or %%, or an interval A/B"), whole);
  return FALSE;
}

static gint32
point_first_day (const MbaDatePoint *point)
{
  return mba_day_from_ymd (point->year,
                           point->month ? point->month : 1,
                           point->day ? point->day : 1);
}

static gint32
point_last_day (const MbaDatePoint *point)
{
  int month = point->month ? point->month : 12;
  int day = point->day ? point->day : g_date_get_days_in_month (month, point->year);

  return mba_day_from_ymd (point->year, month, day);
}

/**
 * mba_date_parse:
 * @text: an EDTF string such as `2025`, `2025-06`, `2025-06-29?`, `2025-03/2025-06-29` or `/2025-06-29`
 * @out: (out): the parsed value
 * @error: a #GError in the %MBA_DATE_ERROR domain on failure
 *
 * Returns: %TRUE when @text is a valid date that exists in the calendar.
 */
gboolean
mba_date_parse (const char  *text,
                MbaDate     *out,
                GError     **error)
{
  const char *slash;
  MbaDate result = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  slash = strchr (text, '/');
  if (slash == NULL)
    {
      if (!parse_point (text, text + strlen (text), text, &result.start, error))
        return FALSE;
    }
  else
    {
      const char *end = text + strlen (text);

      result.is_interval = TRUE;
      if (slash == text && slash + 1 == end)
        {
          g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_SYNTAX,
                       _("“%s” is an interval with neither start nor end"), text);
          return FALSE;
        }
      if (slash != text && !parse_point (text, slash, text, &result.start, error))
        return FALSE;
      if (slash + 1 != end && !parse_point (slash + 1, end, text, &result.end, error))
        return FALSE;
      if (result.start.precision && result.end.precision &&
          point_first_day (&result.end) < point_first_day (&result.start))
        {
          g_set_error (error, MBA_DATE_ERROR, MBA_DATE_ERROR_RANGE,
                       _("the interval “%s” ends before it starts"), text);
          return FALSE;
        }
    }

  *out = result;
  return TRUE;
}

gboolean
mba_date_is_set (const MbaDate *date)
{
  return date != NULL && (date->start.precision || date->end.precision);
}

/**
 * mba_date_first_day:
 *
 * Returns: the first day the date can mean; for an interval with an open start, its end's first day.
 */
gint32
mba_date_first_day (const MbaDate *date)
{
  g_return_val_if_fail (mba_date_is_set (date), 0);

  if (date->start.precision)
    return point_first_day (&date->start);
  return point_first_day (&date->end);
}

/**
 * mba_date_last_day:
 *
 * Returns: the last day the date can mean; for an interval with an open end, its start's last day.
 */
gint32
mba_date_last_day (const MbaDate *date)
{
  g_return_val_if_fail (mba_date_is_set (date), 0);

  if (date->is_interval && date->end.precision)
    return point_last_day (&date->end);
  return point_last_day (&date->start);
}

/* Orders by first possible day, then by last possible day, then a plain date before an interval. */
int
mba_date_compare (const MbaDate *a,
                  const MbaDate *b)
{
  gint32 fa = mba_date_first_day (a), fb = mba_date_first_day (b);
  gint32 la, lb;

  if (fa != fb)
    return fa < fb ? -1 : 1;
  la = mba_date_last_day (a);
  lb = mba_date_last_day (b);
  if (la != lb)
    return la < lb ? -1 : 1;
  if (a->is_interval != b->is_interval)
    return a->is_interval ? 1 : -1;
  return 0;
}

static void
append_point_iso (GString            *s,
                  const MbaDatePoint *point)
{
  if (point->precision == MBA_DATE_PRECISION_NONE)
    return;
  g_string_append_printf (s, "%04d", point->year);
  if (point->precision >= MBA_DATE_PRECISION_MONTH)
    g_string_append_printf (s, "-%02d", point->month);
  if (point->precision == MBA_DATE_PRECISION_DAY)
    g_string_append_printf (s, "-%02d", point->day);
  if ((point->qualifiers & MBA_DATE_QUALIFIER_UNCERTAIN) &&
      (point->qualifiers & MBA_DATE_QUALIFIER_APPROXIMATE))
    g_string_append_c (s, '%');
  else if (point->qualifiers & MBA_DATE_QUALIFIER_UNCERTAIN)
    g_string_append_c (s, '?');
  else if (point->qualifiers & MBA_DATE_QUALIFIER_APPROXIMATE)
    g_string_append_c (s, '~');
}

char *
mba_date_to_iso (const MbaDate *date)
{
  GString *s = g_string_new (NULL);

  append_point_iso (s, &date->start);
  if (date->is_interval)
    {
      g_string_append_c (s, '/');
      append_point_iso (s, &date->end);
    }
  return g_string_free (s, FALSE);
}

static char *
format_point (const MbaDatePoint *point)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *plain = NULL;
  const char *format;

  dt = g_date_time_new_utc (point->year,
                            point->month ? point->month : 1,
                            point->day ? point->day : 1, 12, 0, 0);
  switch (point->precision)
    {
    case MBA_DATE_PRECISION_DAY:
      /* Translators: a full date as strftime() format, e.g. "29 June 2025" */
      format = _("%-d %B %Y");
      break;
    case MBA_DATE_PRECISION_MONTH:
      /* Translators: a month of a year as strftime() format, e.g. "June 2025";
       * %OB is the month name on its own (nominative) */
      format = _("%OB %Y");
      break;
    default:
      format = "%Y";
      break;
    }
  plain = g_date_time_format (dt, format);

  if ((point->qualifiers & MBA_DATE_QUALIFIER_APPROXIMATE) &&
      (point->qualifiers & MBA_DATE_QUALIFIER_UNCERTAIN))
    /* Translators: an approximate and uncertain date, e.g. "c. 2025?" */
    return g_strdup_printf (_("c. %s?"), plain);
  if (point->qualifiers & MBA_DATE_QUALIFIER_APPROXIMATE)
    /* Translators: an approximate date, e.g. "c. 2025" (circa) */
    return g_strdup_printf (_("c. %s"), plain);
  if (point->qualifiers & MBA_DATE_QUALIFIER_UNCERTAIN)
    /* Translators: an uncertain date, e.g. "June 2025?" */
    return g_strdup_printf (_("%s?"), plain);
  return g_steal_pointer (&plain);
}

/**
 * mba_date_format:
 *
 * Returns: the date for display in the user's locale, e.g. "29 June 2025", "June 2025", "c. 2025",
 *   "March 2025 – 29 June 2025" or "by 29 June 2025".
 */
char *
mba_date_format (const MbaDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (mba_date_is_set (date), g_strdup (""));

  if (!date->is_interval)
    return format_point (&date->start);

  if (date->start.precision)
    start = format_point (&date->start);
  if (date->end.precision)
    end = format_point (&date->end);

  if (start && end)
    /* Translators: an interval of dates, e.g. "March 2025 – 29 June 2025" */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (end)
    /* Translators: some time up to a date, e.g. "by 29 June 2025" */
    return g_strdup_printf (_("by %s"), end);
  /* Translators: some time from a date on, e.g. "from March 2025" */
  return g_strdup_printf (_("from %s"), start);
}

gint32
mba_day_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (gint32) g_date_get_julian (&date);
}

void
mba_day_to_ymd (gint32  day_number,
                int    *year,
                int    *month,
                int    *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, CLAMP (day_number, MBA_DAY_FIRST, MBA_DAY_LAST));
  if (year)
    *year = g_date_get_year (&date);
  if (month)
    *month = g_date_get_month (&date);
  if (day)
    *day = g_date_get_day (&date);
}

/* Adds calendar months; a day that does not exist in the target month becomes its last day. */
gint32
mba_day_add_months (gint32 day_number,
                    int    months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day_number);
  g_date_add_months (&date, months);
  return (gint32) g_date_get_julian (&date);
}

/**
 * mba_day_add_months_checked:
 * @day_number: a day between %MBA_DAY_FIRST and %MBA_DAY_LAST
 * @months: calendar months to add (or, below zero, to take away)
 * @result: (out): the day that many months later; a day that does not exist in the target month
 *   becomes its last day
 *
 * Returns: %FALSE, leaving @result alone, when @day_number or the result is outside the years
 *   0001 to 9999, where mba_day_add_months() would silently clamp.
 */
gboolean
mba_day_add_months_checked (gint32  day_number,
                            int     months,
                            gint32 *result)
{
  int year, month, day;
  gint64 total;

  g_return_val_if_fail (result != NULL, FALSE);

  if (day_number < MBA_DAY_FIRST || day_number > MBA_DAY_LAST)
    return FALSE;
  mba_day_to_ymd (day_number, &year, &month, &day);
  total = (gint64) year * 12 + (month - 1) + months;
  if (total < 12 * 1 || total >= 12 * 10000)
    return FALSE;
  year = total / 12;
  month = total % 12 + 1;
  *result = mba_day_from_ymd (year, month, MIN (day, g_date_get_days_in_month (month, year)));
  return TRUE;
}

char *
mba_day_format (gint32 day_number)
{
  MbaDate date = { 0 };
  int y, m, d;

  mba_day_to_ymd (day_number, &y, &m, &d);
  date.start.year = y;
  date.start.month = m;
  date.start.day = d;
  date.start.precision = MBA_DATE_PRECISION_DAY;
  return mba_date_format (&date);
}

/* Parses a plain YYYY-MM-DD, as the command line takes it. */
gboolean
mba_day_parse_iso (const char *text,
                   gint32     *day_number)
{
  MbaDate date;

  if (text == NULL || !mba_date_parse (text, &date, NULL) ||
      date.is_interval || date.start.precision != MBA_DATE_PRECISION_DAY ||
      date.start.qualifiers != 0)
    return FALSE;
  *day_number = mba_date_first_day (&date);
  return TRUE;
}
