/* mba-text-check.c: what text a dataset may hold, so that everything accepted can be drawn and exported
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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
      const char *run = p;
      gunichar c;

      /* Printable ASCII, most of any dataset's text: nothing to refuse, and it joins nothing. */
      while ((guchar) *p >= 0x20 && (guchar) *p < 0x7f)
        p++;
      if (p != run)
        {
          position += p - run;
          joined = 0;
          after_joiner = FALSE;
          continue;
        }

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

/**
 * mba_text_make_printable:
 * @text: a message that may quote text from a file (a member's name, a refused value)
 *
 * The message with every character that mba_text_check() refuses, and tab and newline (a
 * problem is one line), written as its JSON escape (`\u001B`), so that a value quoted from a
 * bad file cannot send control sequences to the terminal `--check` prints to, split a problem
 * in two, or hide what it quotes. Invalid UTF-8 becomes U+FFFD.
 *
 * Returns: (transfer full): the printable text
 */
char *
mba_text_make_printable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t' && !is_refused_control (c) && !is_noncharacter (c))
        g_string_append_unichar (out, c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04X", c);
      else
        /* As JSON writes it: a surrogate pair. */
        g_string_append_printf (out, "\\u%04X\\u%04X", 0xd800 + ((c - 0x10000) >> 10),
                                0xdc00 + ((c - 0x10000) & 0x3ff));
    }
  return g_string_free (out, FALSE);
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
 * mba_text_find_encoding_problem:
 * @data: a file's bytes
 * @length: their number
 * @skip: (out): how many bytes the parser must skip: 3 for a UTF-8 byte order mark, else 0
 * @line: (out): the line of the problem, counted from 1; 0 when it concerns the whole file
 * @column: (out): its column in characters, counted from 1; 0 with @line
 *
 * What a dataset's loader checks first, so that a file saved in another encoding is refused
 * with words that say so, not a puzzle from the JSON parser: UTF-16 and UTF-32 (with or
 * without a byte order mark) and NUL bytes are refused. A UTF-8 byte order mark, which some
 * Windows editors write, is skipped silently, as RFC 8259 allows and GNOME's editors do;
 * positions are then counted after it, as an editor shows them.
 *
 * Returns: (transfer full) (nullable): %NULL when the parser may read the bytes after @skip;
 *   otherwise what is wrong, for people, to follow the file's name and the position
 */
char *
mba_text_find_encoding_problem (const char *data,
                                gsize       length,
                                gsize      *skip,
                                int        *line,
                                int        *column)
{
  const guchar *bytes = (const guchar *) data;
  const char *encoding = wide_encoding (bytes, length);
  const char *nul;

  *skip = 0;
  *line = *column = 0;
  if (encoding != NULL)
    /* Translators: %s is UTF-16 or UTF-32, the name of an encoding */
    return g_strdup_printf (_("this file is %s text; save it as UTF-8"), encoding);
  if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    *skip = 3;
  data += *skip;
  length -= *skip;

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      const char *line_start = data;

      *line = *column = 1;
      for (const char *p = memchr (data, '\n', nul - data); p != NULL; p = memchr (p + 1, '\n', nul - (p + 1)))
        {
          (*line)++;
          line_start = p + 1;
        }
      for (const char *p = line_start; p < nul; p++)
        *column += ((guchar) *p & 0xc0) != 0x80;
      return g_strdup (_("contains a NUL byte (a zero byte, which text never holds); "
                         "the file is damaged or is not a dataset"));
    }
  return NULL;
}
