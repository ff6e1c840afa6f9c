/* mba-country-names.c: display names of countries, from Debian's iso-codes
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <jansson.h>
#include <string.h>

#include "mba-country-names.h"

/* iso-codes lists ISO 3166-1 in JSON (iso_3166-1.json) and translates every name through the
 * gettext domain "iso_3166-1". Nothing here is written by hand: a missing file leaves the
 * table empty and callers fall back to the dataset's own names. */

struct _MbaCountryNames
{
  GHashTable *names;   /* alpha-3 -> untranslated display name (owned) */
};

static char *
choose_name (json_t *entry)
{
  const char *common = json_string_value (json_object_get (entry, "common_name"));
  const char *official = json_string_value (json_object_get (entry, "official_name"));
  const char *name = json_string_value (json_object_get (entry, "name"));

  /* "Korea, Republic of" reads badly in a sentence: iso-codes' common name ("South Korea")
   * or its official name does better. Both are in the translation catalogue too. */
  if (common != NULL && *common)
    return g_strdup (common);
  if (name != NULL && strstr (name, ", ") != NULL && official != NULL && *official)
    {
      /* "the State of Palestine" starts a list item: capitalise it. */
      GString *s = g_string_new (official);

      if (g_ascii_islower (s->str[0]))
        s->str[0] = g_ascii_toupper (s->str[0]);
      return g_string_free (s, FALSE);
    }
  if (name != NULL && *name)
    return g_strdup (name);
  return NULL;
}

/* "Congo, The Democratic Republic of the" has neither a common nor an official name: iso-codes
 * inverts it for sorting. Such names are turned round after translation ("Kongo, Demokratische
 * Republik" becomes "Demokratische Republik Kongo"). */
static gboolean
is_inverted (const char *name)
{
  return strstr (name, ", The ") != NULL;
}

/**
 * mba_country_names_new_from_file:
 * @path: iso-codes' iso_3166-1.json
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
MbaCountryNames *
mba_country_names_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(MbaCountryNames) self = NULL;
  json_error_t json_error;
  json_t *root, *list;
  size_t i;
  json_t *entry;

  g_return_val_if_fail (path != NULL, NULL);

  root = json_load_file (path, 0, &json_error);
  if (root == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: %s", path, json_error.text);
      return NULL;
    }
  list = json_object_get (root, "3166-1");
  if (!json_is_array (list))
    {
      json_decref (root);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no \"3166-1\" list", path);
      return NULL;
    }

  self = g_new0 (MbaCountryNames, 1);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_array_foreach (list, i, entry)
    {
      const char *alpha3 = json_string_value (json_object_get (entry, "alpha_3"));
      char *name = choose_name (entry);

      if (alpha3 != NULL && strlen (alpha3) == 3 && name != NULL)
        g_hash_table_replace (self->names, g_strdup (alpha3), name);
      else
        g_free (name);
    }
  json_decref (root);
  return g_steal_pointer (&self);
}

void
mba_country_names_free (MbaCountryNames *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self);
}

/**
 * mba_country_names_get_default:
 *
 * The table from the installed iso-codes (or from $MBA_ISO_CODES_JSON), loaded once and kept
 * for the life of the process. Empty when iso-codes is not installed.
 *
 * Returns: (transfer none): the table
 */
MbaCountryNames *
mba_country_names_get_default (void)
{
  static MbaCountryNames *table;

  if (g_once_init_enter (&table))
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_getenv ("MBA_ISO_CODES_JSON");
      MbaCountryNames *loaded;

      if (path == NULL)
        path = ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json";
      loaded = mba_country_names_new_from_file (path, &error);
      if (loaded == NULL)
        {
          g_debug ("No country names from iso-codes: %s", error->message);
          loaded = g_new0 (MbaCountryNames, 1);
          loaded->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      bindtextdomain (MBA_ISO_3166_DOMAIN, ISO_CODES_PREFIX "/share/locale");
      bind_textdomain_codeset (MBA_ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&table, loaded);
    }
  return table;
}

guint
mba_country_names_get_size (MbaCountryNames *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->names);
}

/**
 * mba_country_names_lookup:
 * @alpha3: an ISO 3166-1 alpha-3 code
 *
 * Returns: (nullable): the country's name in the user's language, or %NULL when the table
 *   does not know the code
 */
const char *
mba_country_names_lookup (MbaCountryNames *self,
                          const char      *alpha3)
{
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  if (alpha3 == NULL)
    return NULL;
  name = g_hash_table_lookup (self->names, alpha3);
  if (name == NULL)
    return NULL;
  if (is_inverted (name))
    {
      const char *translated = g_dgettext (MBA_ISO_3166_DOMAIN, name);
      const char *comma = g_strrstr (translated, ", ");
      g_autofree char *head = NULL;
      g_autofree char *turned = NULL;

      if (comma == NULL)
        return translated;
      head = g_strndup (translated, comma - translated);
      turned = g_strdup_printf ("%s %s", comma + 2, head);
      return g_intern_string (turned);
    }
  return g_dgettext (MBA_ISO_3166_DOMAIN, name);
}

/**
 * mba_country_name:
 * @alpha3: an ISO 3166-1 alpha-3 code
 * @fallback: (nullable): what to show when iso-codes does not know it (the dataset's name)
 *
 * Returns: the name to show: iso-codes' translated name, else @fallback, else @alpha3
 */
const char *
mba_country_name (const char *alpha3,
                  const char *fallback)
{
  const char *name = mba_country_names_lookup (mba_country_names_get_default (), alpha3);

  if (name != NULL)
    return name;
  return fallback != NULL ? fallback : alpha3;
}
