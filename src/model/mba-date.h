/* mba-date.h: partial dates in the Extended Date/Time Format (EDTF level 1 subset)
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MBA_DATE_ERROR (mba_date_error_quark ())

typedef enum
{
  MBA_DATE_ERROR_SYNTAX,
  MBA_DATE_ERROR_RANGE,
} MbaDateError;

typedef enum
{
  MBA_DATE_PRECISION_NONE = 0,   /* open end of an interval */
  MBA_DATE_PRECISION_YEAR,
  MBA_DATE_PRECISION_MONTH,
  MBA_DATE_PRECISION_DAY,
} MbaDatePrecision;

typedef enum
{
  MBA_DATE_QUALIFIER_UNCERTAIN   = 1 << 0, /* '?' */
  MBA_DATE_QUALIFIER_APPROXIMATE = 1 << 1, /* '~' */
} MbaDateQualifiers;

/* One calendar date at year, month or day precision. */
typedef struct
{
  gint16  year;
  guint8  month;       /* 1..12, 0 when precision is YEAR */
  guint8  day;         /* 1..31, 0 unless precision is DAY */
  guint8  precision;   /* MbaDatePrecision */
  guint8  qualifiers;  /* MbaDateQualifiers */
} MbaDatePoint;

/* An EDTF value: a single point, or an interval A/B whose sides may be open. */
typedef struct
{
  MbaDatePoint start;
  MbaDatePoint end;      /* precision NONE unless is_interval */
  gboolean     is_interval;
} MbaDate;

/* The first and last day numbers a date can name, 0001-01-01 and 9999-12-31: EDTF years here have
 * four digits. */
#define MBA_DAY_FIRST 1
#define MBA_DAY_LAST  3652059

GQuark    mba_date_error_quark       (void);

gboolean  mba_date_parse             (const char         *text,
                                      MbaDate            *out,
                                      GError            **error);
gboolean  mba_date_is_set            (const MbaDate      *date);
/* Days since 0001-01-01 (day 1 is that date); what the timeline and the status logic use. */
gint32    mba_date_first_day         (const MbaDate      *date);
gint32    mba_date_last_day          (const MbaDate      *date);
int       mba_date_compare           (const MbaDate      *a,
                                      const MbaDate      *b);
char     *mba_date_to_iso            (const MbaDate      *date);
char     *mba_date_format            (const MbaDate      *date);

gint32    mba_day_from_ymd           (int                 year,
                                      int                 month,
                                      int                 day);
void      mba_day_to_ymd             (gint32              day_number,
                                      int                *year,
                                      int                *month,
                                      int                *day);
gint32    mba_day_add_months         (gint32              day_number,
                                      int                 months);
gboolean  mba_day_add_months_checked (gint32              day_number,
                                      int                 months,
                                      gint32             *result);
char     *mba_day_format             (gint32              day_number);
gboolean  mba_day_parse_iso          (const char         *text,
                                      gint32             *day_number);

G_END_DECLS
