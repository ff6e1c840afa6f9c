/* mba-synthetic.c: large made-up datasets for benchmarks and stress tests
 *
 * Copyright 2026 The Mine Ban Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mba-synthetic.h"

static const char * const synthetic_states[] = {
  "ALB", "AUT", "BEL", "BGR", "BLR", "CHE", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA",
  "GBR", "GRC", "HRV", "HUN", "IRL", "ISL", "ITA", "LTU", "LUX", "LVA", "MDA", "MKD", "MNE",
  "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "SRB", "SVK", "SVN", "SWE", "TUR", "UKR", "USA",
  "CHN",
};

static const char * const synthetic_kinds[] = {
  "announcement", "legislation", "decree", "statement", "policy", "report", "military", "context",
};

static const char * const synthetic_words[] = {
  "parliament", "vote", "minister", "border", "defence", "mines", "treaty", "notice",
  "council", "statement", "report", "deposit", "review", "session", "committee", "decision",
};

/**
 * mba_synthetic_dataset_generate:
 * @n_events: how many events
 * @seed: the same seed gives the same file
 *
 * A valid mine-ban-atlas/1 document with @n_events events spread over 1997–2026, in 40 states,
 * each with a quote, a summary and sometimes a status change, for measuring load, layout and drawing.
 *
 * Returns: (transfer full): the JSON text
 */
GBytes *
mba_synthetic_dataset_generate (guint   n_events,
                                guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *s = g_string_sized_new (400 + n_events * 420);
  const guint n_states = G_N_ELEMENTS (synthetic_states);

  g_string_append (s,
    "{\n"
    "  \"format\": \"mine-ban-atlas/1\",\n"
    "  \"title\": \"Synthetic dataset\",\n"
    "  \"language\": \"en\",\n"
    "  \"updated\": \"2026-11-23\",\n"
    "  \"treaty\": {\"name\": \"Synthetic treaty\", \"short_name\": \"Treaty\", \"adopted\": \"1997-09-18\",\n"
    "             \"opened\": \"1997-12-03\", \"in_force\": \"1999-03-01\", \"withdrawal_notice_months\": 6},\n"
    "  \"sources\": [\n"
    "    {\"id\": \"article\", \"layer\": \"article\", \"title\": \"Synthetic article\", \"document\": \"synthetic.txt\"},\n"
    "    {\"id\": \"record\", \"layer\": \"record\", \"title\": \"Synthetic record\", \"url\": \"https://example.org/record\"}\n"
    "  ],\n"
    "  \"states\": [\n");
  for (guint i = 0; i < n_states; i++)
    g_string_append_printf (s, "    {\"code\": \"%s\", \"name\": \"State %s\", \"record\": "
                            "{\"status\": \"party\", \"known_by\": \"1999\", \"source\": \"record\"}}%s\n",
                            synthetic_states[i], synthetic_states[i], i + 1 < n_states ? "," : "");
  g_string_append (s, "  ],\n  \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    {
      int year = g_rand_int_range (rand, 1997, 2027);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      int precision = g_rand_int_range (rand, 0, 10);
      const char *state = synthetic_states[g_rand_int_range (rand, 0, n_states)];
      const char *kind = synthetic_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_kinds))];
      const char *word1 = synthetic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_words))];
      const char *word2 = synthetic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_words))];
      gboolean cited = g_rand_int_range (rand, 0, 4) == 0;

      g_string_append_printf (s, "    {\"id\": \"ev-%u\", ", i);
      if (precision == 0)
        g_string_append_printf (s, "\"date\": \"%04d\", ", year);
      else if (precision < 3)
        g_string_append_printf (s, "\"date\": \"%04d-%02d\", ", year, month);
      else
        g_string_append_printf (s, "\"date\": \"%04d-%02d-%02d\", ", year, month, day);
      g_string_append_printf (s,
        "\"date_basis\": \"stated\", \"kind\": \"%s\", \"title\": \"%s %s %s %u\", "
        "\"summary\": \"A synthetic %s about the %s of %s, number %u.\", \"states\": [\"%s\"], ",
        kind, state, word1, word2, i, kind, word1, state, i, state);
      if (g_rand_int_range (rand, 0, 50) == 0)
        g_string_append_printf (s, "\"status\": {\"%s\": \"withdrawal-announced\"}, ", state);
      if (cited)
        g_string_append (s, "\"citations\": [{\"source\": \"record\", \"note\": \"synthetic\"}]}");
      else
        g_string_append_printf (s, "\"quotes\": [{\"source\": \"article\", \"text\": \"The %s %s of %s.\"}]}",
                                word1, word2, state);
      g_string_append (s, i + 1 < n_events ? ",\n" : "\n");
    }
  g_string_append (s, "  ]\n}\n");

  return g_string_free_to_bytes (s);
}
