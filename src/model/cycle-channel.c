/* cycle-channel.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-channel"

#include "config.h"

#include <string.h>

#include "cycle-channel.h"
#include "cycle-content.h"

/* Words looked for anywhere in the channel, as whole words, ignoring case. The intrusive ones
 * win: "cold e-mail" is intrusive, "e-mail" alone says nothing. */
static const char * const intrusive_words[] = {
  "pop-up", "popup", "pop up", "interstitial", "retargeting", "re-targeting", "remarketing",
  "cold call", "cold calls", "cold calling", "cold e-mail", "cold email", "cold mail",
  "cold e-mails", "cold emails", "cold outreach", "bought list", "bought lists",
  "purchased list", "rented list", "bought e-mail list", "bought email list", "spam",
  "robocall", "telemarketing",
  "fenêtre surgissante", "reciblage", "publicité de reciblage", "appel à froid",
  "appels à froid", "démarchage", "démarchage téléphonique", "prospection téléphonique",
  "e-mail à froid", "email à froid", "mail à froid", "e-mailing à froid", "emailing à froid",
  "fichier acheté", "fichiers achetés", "liste achetée", "fichier loué", "télémarketing",
};

static const char * const chosen_words[] = {
  "search", "seo", "blog", "newsletter", "opt-in", "opt-in newsletter", "community",
  "forum", "events", "event", "meetup", "podcast", "word of mouth", "referral",
  "recherche", "référencement", "infolettre", "lettre d'information", "communauté",
  "événement", "événements", "salon", "bouche-à-oreille", "bouche à oreille",
};

static const char * const listening_words[] = {
  "survey", "surveys", "poll", "questionnaire", "feedback", "q&a", "questions", "interview",
  "interviews", "user interview", "focus group", "ask me anything", "ama", "community",
  "forum", "reviews",
  "sondage", "sondages", "enquête", "avis", "retours", "questions-réponses",
  "foire aux questions", "entretien", "entretiens", "communauté", "groupe de discussion",
};

typedef struct
{
  GRegex *intrusive;
  GRegex *chosen;
  GRegex *listening;
} Tables;

static GRegex *
compile (const char * const *words,
         guint               n_words)
{
  GString *pattern = g_string_new ("(*UCP)(?<![\\p{L}\\p{N}])(?:");
  GRegex *regex;

  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);

      if (i > 0)
        g_string_append_c (pattern, '|');
      g_string_append (pattern, escaped);
    }
  g_string_append (pattern, ")(?![\\p{L}\\p{N}])");

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (regex != NULL);
  g_string_free (pattern, TRUE);
  return regex;
}

static const Tables *
get_tables (void)
{
  static Tables tables;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      tables.intrusive = compile (intrusive_words, G_N_ELEMENTS (intrusive_words));
      tables.chosen = compile (chosen_words, G_N_ELEMENTS (chosen_words));
      tables.listening = compile (listening_words, G_N_ELEMENTS (listening_words));
      g_once_init_leave (&done, 1);
    }
  return &tables;
}

/* "’" as "'", so that « lettre d’information » reads like the table. */
static gboolean
match (GRegex     *regex,
       const char *text)
{
  g_autofree char *plain = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    text = plain = g_utf8_make_valid (text, -1);
  if (strstr (text, "\xe2\x80\x99") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "\xe2\x80\x99", -1);

      g_free (plain);
      text = plain = g_strjoinv ("'", parts);
    }
  return g_regex_match (regex, text, 0, NULL);
}

CycleChannelNature
cycle_channel_get_nature (const char *channel)
{
  const Tables *tables = get_tables ();

  if (match (tables->intrusive, channel))
    return CYCLE_CHANNEL_INTRUSIVE;
  if (match (tables->chosen, channel))
    return CYCLE_CHANNEL_CHOSEN;
  return CYCLE_CHANNEL_UNKNOWN;
}

gboolean
cycle_content_listens (CycleContent *content)
{
  const Tables *tables = get_tables ();

  g_return_val_if_fail (CYCLE_IS_CONTENT (content), FALSE);

  /* A survey asks people what they think: it listens, whatever its format. */
  return cycle_content_get_commitment (content) == CYCLE_COMMITMENT_SURVEY ||
         match (tables->listening, cycle_content_get_format (content)) ||
         match (tables->listening, cycle_content_get_channel (content));
}
