/* mba-uri.c: the one rule for which links from a dataset may be opened
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-uri.h"

/* Paths, queries and fragments are left as written: browsers open them so, and decoding would
 * refuse links that work. The host is decoded, so that "%65vil.example" is seen as evil.example. */
#define PARSE_FLAGS (G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT)

G_GNUC_PRINTF (2, 3)
static gboolean
refuse (char       **reason,
        const char  *format,
        ...)
{
  va_list args;

  if (reason != NULL)
    {
      va_start (args, format);
      *reason = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}

/* A host name as DNS knows it (RFC 1123, plus the underscore some real hosts use): labels of
 * 1 to 63 letters, digits, hyphens, with an optional final dot. */
static gboolean
host_is_valid (const char *ascii_host)
{
  gsize length = strlen (ascii_host);
  gsize label = 0;

  if (length > 0 && ascii_host[length - 1] == '.')
    length--;
  if (length == 0 || length > 253)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = ascii_host[i];

      if (c == '.')
        {
          if (label == 0)
            return FALSE;
          label = 0;
        }
      else if ((g_ascii_isalnum (c) || c == '-' || c == '_') && ++label <= 63)
        continue;
      else
        return FALSE;
    }
  return label > 0;
}

enum {
  LATIN = 1 << 0,
  HAN = 1 << 1,
  HIRAGANA = 1 << 2,
  KATAKANA = 1 << 3,
  BOPOMOFO = 1 << 4,
  HANGUL = 1 << 5,
};

/* Whether the letters of @label come from one writing system, or from one of the mixes that
 * Japanese, Chinese and Korean names have with Latin letters: the "highly restrictive" level of
 * Unicode's UTS #39, which browsers require of each label before they show a name in Unicode.
 * A look-alike such as "pаypal" with a Cyrillic "а" fails it. */
static gboolean
label_is_single_script (const char *label,
                        const char *end)
{
  GUnicodeScript other = G_UNICODE_SCRIPT_INVALID_CODE;
  guint found = 0;

  for (const char *p = label; p < end; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      switch (script)
        {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_UNKNOWN:
          break;
        case G_UNICODE_SCRIPT_LATIN: found |= LATIN; break;
        case G_UNICODE_SCRIPT_HAN: found |= HAN; break;
        case G_UNICODE_SCRIPT_HIRAGANA: found |= HIRAGANA; break;
        case G_UNICODE_SCRIPT_KATAKANA: found |= KATAKANA; break;
        case G_UNICODE_SCRIPT_BOPOMOFO: found |= BOPOMOFO; break;
        case G_UNICODE_SCRIPT_HANGUL: found |= HANGUL; break;
        default:
          if (other != G_UNICODE_SCRIPT_INVALID_CODE && other != script)
            return FALSE;
          other = script;
          break;
        }
    }
  if (other != G_UNICODE_SCRIPT_INVALID_CODE)
    return found == 0;
  return (found & (found - 1)) == 0 ||
         (found & ~(LATIN | HAN | HIRAGANA | KATAKANA)) == 0 ||
         (found & ~(LATIN | HAN | BOPOMOFO)) == 0 ||
         (found & ~(LATIN | HAN | HANGUL)) == 0;
}

/* Whether @label is written only with Cyrillic letters that look like Latin ones ("аррӏе"), a
 * whole-script look-alike of a Latin name; browsers show such labels in punycode unless the
 * name ends in a Cyrillic top-level domain. */
static gboolean
label_looks_latin (const char *label,
                   const char *end)
{
  static const char lookalikes[] = "асԁеһіјӏорԛѕԝхуүъьҽпгѵѡ";
  gboolean any = FALSE;

  for (const char *p = label; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char encoded[8] = { 0 };

      if (c == '-' || g_unichar_isdigit (c))
        continue;
      g_unichar_to_utf8 (c, encoded);
      if (c < 0x80 || strstr (lookalikes, encoded) == NULL)
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Whether @host (its Unicode form) is shown as it is: every label of one writing system, and no
 * Cyrillic label that imitates a Latin one under a top-level domain that is not Cyrillic. */
static gboolean
host_is_single_script (const char *host)
{
  const char *end = host + strlen (host);
  const char *tld;
  gboolean cyrillic_tld = FALSE;

  if (end > host && end[-1] == '.')
    end--;
  tld = g_strrstr_len (host, end - host, ".");
  tld = tld ? tld + 1 : host;
  for (const char *p = tld; p < end; p = g_utf8_next_char (p))
    cyrillic_tld |= g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_CYRILLIC;

  for (const char *label = host; label < end;)
    {
      const char *stop = memchr (label, '.', end - label);

      if (stop == NULL)
        stop = end;
      if (!label_is_single_script (label, stop) || (!cyrillic_tld && label_looks_latin (label, stop)))
        return FALSE;
      label = stop + 1;
    }
  return TRUE;
}

/**
 * mba_uri_check:
 * @uri: a link from a dataset
 * @reason: (out) (optional) (transfer full): why @uri is refused, a sentence naming it
 *
 * The one rule for links from data, used by the loader (which refuses a dataset with a bad
 * link) and by every place that opens one. A link opens only when it is http or https with a
 * valid host; it is refused when it cannot be opened as written (a space, a control or an
 * invisible formatting character, no host), when it has a user name before the host
 * ("http://good.example@evil.example/" leads to evil.example), and when its host mixes writing
 * systems, as look-alikes of other addresses do (the reason shows it in its ASCII, punycode form).
 *
 * Returns: %TRUE when @uri may be opened
 */
gboolean
mba_uri_check (const char  *uri,
               char       **reason)
{
  const char *scheme;
  g_autofree char *ascii_host = NULL;
  g_autofree char *unicode_host = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) error = NULL;
  const char *host;

  g_return_val_if_fail (uri != NULL, FALSE);

  scheme = g_uri_peek_scheme (uri);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return refuse (reason, _("“%s” is not an http:// or https:// link"), uri);

  if (!g_utf8_validate (uri, -1, NULL))
    return refuse (reason, _("“%s” is not valid UTF-8 text"), uri);
  for (const char *p = uri; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        return refuse (reason, _("“%s” contains a space, a control character or an invisible "
                                 "character, which a link cannot hold; write a space as %%20"), uri);
    }

  parsed = g_uri_parse (uri, PARSE_FLAGS, &error);
  if (parsed == NULL)
    /* Translators: the second %s says why, in GLib's words */
    return refuse (reason, _("“%s” is not a valid link (%s)"), uri, error->message);
  if (g_uri_get_userinfo (parsed) != NULL)
    return refuse (reason, _("“%s” contains a user name before the host, which can disguise "
                             "where it leads"), uri);
  host = g_uri_get_host (parsed);
  if (host == NULL || *host == '\0')
    return refuse (reason, _("“%s” names no host"), uri);
  if (g_hostname_is_ip_address (host))
    return TRUE;

  ascii_host = g_hostname_to_ascii (host);
  if (ascii_host == NULL || !host_is_valid (ascii_host) ||
      (unicode_host = g_hostname_to_unicode (ascii_host)) == NULL)
    return refuse (reason, _("“%s” names the host “%s”, which is not a valid host name"),
                   uri, ascii_host ? ascii_host : host);
  if (!host_is_single_script (unicode_host))
    return refuse (reason, _("“%s” names the host “%s”, whose letters mix writing systems, as "
                             "look-alikes of other addresses do"), uri, ascii_host);
  return TRUE;
}

/**
 * mba_uri_get_display_host:
 * @uri: a link
 *
 * The host to show people beside a link: in Unicode when its letters are of one writing system
 * (пример.рф), in its ASCII form (punycode, xn--…) when they mix, so that a look-alike shows.
 *
 * Returns: (transfer full) (nullable): the host in lower case, or %NULL when @uri names none
 */
char *
mba_uri_get_display_host (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *ascii_host = NULL;
  g_autofree char *unicode_host = NULL;
  const char *host;

  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, PARSE_FLAGS, NULL);
  host = parsed ? g_uri_get_host (parsed) : NULL;
  if (host == NULL || *host == '\0')
    return NULL;
  if (g_hostname_is_ip_address (host))
    return g_strdup (host);
  ascii_host = g_hostname_to_ascii (host);
  if (ascii_host == NULL)
    return NULL;
  unicode_host = g_hostname_to_unicode (ascii_host);
  if (unicode_host != NULL && host_is_single_script (unicode_host))
    return g_steal_pointer (&unicode_host);
  return g_ascii_strdown (ascii_host, -1);
}
