/* mba-text-check.c: what text a dataset may hold, so that everything accepted can be drawn and exported
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mba-dataset.h"
#include "mba-text-check.h"

/* Controls other than tab and newline are not allowed in XML 1.0 (so in SVG), draw nothing
 * useful, and can hide what a title says. C1 controls (U+0080 to U+009F) are the same in
 * Unicode's eyes. */
static gboolean
is_refused_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
}

/* Unicode's 66 noncharacters: never text, and refused by Cairo's PDF writer as invalid. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* Whether @c continues the grapheme cluster before it (UAX #29 rules GB6 to GB9a, loosely):
 * combining marks, the zero-width joiner and non-joiner, emoji modifiers and tags, Hangul
 * jamo. Characters after a zero-width joiner are counted too (emoji sequences, GB11). */
static gboolean
joins_previous (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_HANGUL_L_JAMO:
    case G_UNICODE_BREAK_HANGUL_V_JAMO:
    case G_UNICODE_BREAK_HANGUL_T_JAMO:
    case G_UNICODE_BREAK_EMOJI_MODIFIER:
      return TRUE;
    default:
      break;
    }
  return g_unichar_ismark (c) || c == 0x200c || c == 0x200d || (c >= 0xe0020 && c <= 0xe007f);
}

/**
 * mba_text_check:
 * @text: a string read from a dataset (UTF-8)
 *
 * The one rule for every string a dataset holds, so that whatever the loader accepts can be
 * drawn in bounded time and exported as valid SVG (XML 1.0) and PDF: no control characters
 * other than tab and newline, no Unicode noncharacters, and no more than
 * %MBA_TEXT_MAX_JOINED characters joined to one.
 *
 * Returns: (transfer full) (nullable): %NULL when @text is fine; otherwise what is wrong and at
 *   which character (counted from 1), for people, to follow the value's JSON path
 */
char *
mba_text_check (const char *text)
{
  guint position = 0;
  guint joined = 0;
  gboolean after_joiner = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      position++;
      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p++;
          joined = 0;
          after_joiner = FALSE;
        }
      else
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return g_strdup_printf (_("is not valid UTF-8 text at character %u"), position);
          p = g_utf8_next_char (p);
          if (after_joiner || joins_previous (c))
            joined++;
          else
            joined = 0;
          after_joiner = c == 0x200d;
        }

      if (is_refused_control (c))
        return g_strdup_printf (_("contains the control character U+%04X at character %u; remove it"),
                                c, position);
      if (is_noncharacter (c))
        return g_strdup_printf (_("contains U+%04X, which is not a character (a Unicode noncharacter), "
                                  "at character %u; remove it"), c, position);
      if (joined > MBA_TEXT_MAX_JOINED)
        /* Translators: the number is always the same, 32: more marks than that make a title slow
         * to draw. "Combining marks" are accents and the like drawn on the letter before them. */
        return g_strdup_printf (ngettext ("has more than %d combining mark on one character, at character %u; "
                                          "at most %d may follow one character",
                                          "has more than %d combining marks on one character, at character %u; "
                                          "at most %d may follow one character", MBA_TEXT_MAX_JOINED),
                                MBA_TEXT_MAX_JOINED, MAX (position - joined, 1), MBA_TEXT_MAX_JOINED);
    }
  return NULL;
}

/* What the first bytes of a JSON text say about its encoding (RFC 4627, section 3): its first
 * character is ASCII, so the zero bytes around it give UTF-16 and UTF-32 away, with or without
 * a byte order mark. */
static const char *
wide_encoding (const guchar *b,
               gsize         length)
{
  if (length >= 4 && ((b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff) ||
                      (b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0) ||
                      (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) ||
                      (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)))
    return "UTF-32";
  if ((length >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (b[0] == 0xff && b[1] == 0xfe))) ||
      (length >= 4 && ((b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) ||
                       (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0))))
    return "UTF-16";
  return NULL;
}

/**
 * mba_text_check_encoding:
 * @data: (inout): the file's bytes; moved past a UTF-8 byte order mark
 * @length: (inout): their number; less the byte order mark
 * @display_name: the name problems are reported under
 * @error: an %MBA_DATASET_ERROR_SYNTAX error when the file is not UTF-8 text
 *
 * What a dataset's loader checks first, so that a file saved in another encoding is refused
 * with words that say so, not a puzzle from the JSON parser: UTF-16 and UTF-32 (with or
 * without a byte order mark) and NUL bytes are refused. A UTF-8 byte order mark, which some
 * Windows editors write, is skipped silently, as RFC 8259 allows and GNOME's editors do;
 * positions are then counted after it, as an editor shows them.
 *
 * Returns: %TRUE when the parser may read @data
 */
gboolean
mba_text_check_encoding (const char **data,
                         gsize       *length,
                         const char  *display_name,
                         GError     **error)
{
  const guchar *bytes = (const guchar *) *data;
  const char *encoding = wide_encoding (bytes, *length);
  const char *nul;

  if (encoding != NULL)
    {
      /* Translators: %s is the file's name, then UTF-16 or UTF-32, the names of encodings */
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX,
                   _("%s: this file is %s text; save it as UTF-8"), display_name, encoding);
      return FALSE;
    }
  if (*length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    {
      *data += 3;
      *length -= 3;
    }

  nul = memchr (*data, '\0', *length);
  if (nul != NULL)
    {
      const char *line_start = *data;
      int line = 1, column = 1;

      for (const char *p = memchr (*data, '\n', nul - *data); p != NULL; p = memchr (p + 1, '\n', nul - (p + 1)))
        {
          line++;
          line_start = p + 1;
        }
      for (const char *p = line_start; p < nul; p++)
        column += ((guchar) *p & 0xc0) != 0x80;
      g_set_error (error, MBA_DATASET_ERROR, MBA_DATASET_ERROR_SYNTAX,
                   _("%s:%d:%d: contains a NUL byte (a zero byte, which text never holds); "
                     "the file is damaged or is not a dataset"), display_name, line, column);
      return FALSE;
    }
  return TRUE;
}
