/* mba-country-names.h: display names of countries, from Debian's iso-codes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gettext domain of iso-codes' ISO 3166-1 translations. */
#define MBA_ISO_3166_DOMAIN "iso_3166-1"

typedef struct _MbaCountryNames MbaCountryNames;

MbaCountryNames *mba_country_names_new_from_file (const char       *path,
                                                  GError          **error);
void             mba_country_names_free          (MbaCountryNames  *self);
MbaCountryNames *mba_country_names_get_default   (void);
guint            mba_country_names_get_size      (MbaCountryNames  *self);
const char      *mba_country_names_lookup        (MbaCountryNames  *self,
                                                  const char       *alpha3);

const char      *mba_country_name                (const char       *alpha3,
                                                  const char       *fallback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbaCountryNames, mba_country_names_free)

G_END_DECLS
