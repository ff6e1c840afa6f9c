/* mba-source-format.h: one way to name a source for people, in three lengths
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mba-dataset.h"

G_BEGIN_DECLS

/* The most characters of a title the short form keeps before an ellipsis. */
#define MBA_SOURCE_SHORT_TITLE_MAX 60
/* The most characters of a title or an outlet a citation keeps. */
#define MBA_SOURCE_CITATION_MAX    300

char *mba_source_format_citation (const MbaSource *source);
char *mba_source_format_short    (const MbaSource *source);
char *mba_source_format_full     (const MbaSource *source);
char *mba_source_format_host     (const MbaSource *source);
char *mba_source_format_heading  (const MbaSource *source);
char *mba_source_format_our_title (const MbaSource *source);
char *mba_source_format_byline   (const MbaSource *source);
char *mba_source_format_location (const MbaSource *source,
                                  gint64           at);

G_END_DECLS
