/* cycle-sales-talk.c
 *
 * Each language's list (data/sales-talk/LANG.txt, in the model's GResource) becomes three
 * regular expressions: the idioms to blank out first ("in order to", « à tout prix »), then the
 * sales talk ("% off", « offre de lancement », "-20 %"), and the language's common words, which
 * guess the language of a text when the plan does not say. Lists are read once, on first use.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-sales-talk"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cycle-sales-talk.h"

#define RESOURCE_DIR "/org/example/Cycle/sales-talk/"

G_DEFINE_ENUM_TYPE (CyclePitch, cycle_pitch,
                    G_DEFINE_ENUM_VALUE (CYCLE_PITCH_GUESS, "guess"),
                    G_DEFINE_ENUM_VALUE (CYCLE_PITCH_YES, "yes"),
                    G_DEFINE_ENUM_VALUE (CYCLE_PITCH_NO, "no"))

static const char * const languages[] = { "en", "fr", NULL };

typedef struct
{
  GRegex *except;   /* may be NULL */
  GRegex *sales;    /* may be NULL */
  GRegex *common;   /* may be NULL */
} WordList;

static WordList lists[G_N_ELEMENTS (languages) - 1];

/* A phrase as a pattern: whole words, any run of spaces between them. */
static void
append_phrase (GString    *pattern,
               const char *phrase)
{
  g_auto(GStrv) words = g_strsplit_set (phrase, " \t", -1);
  gboolean first = TRUE;
  const char *last_char;

  if (g_unichar_isalnum (g_utf8_get_char (phrase)))
    g_string_append (pattern, "(?<![\\p{L}\\p{N}])");
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (words[i][0] == '\0')
        continue;
      escaped = g_regex_escape_string (words[i], -1);
      if (!first)
        g_string_append (pattern, "\\s+");
      g_string_append (pattern, escaped);
      first = FALSE;
    }
  last_char = g_utf8_find_prev_char (phrase, phrase + strlen (phrase));
  if (last_char != NULL && g_unichar_isalnum (g_utf8_get_char (last_char)))
    g_string_append (pattern, "(?![\\p{L}\\p{N}])");
}

static void
add_alternative (GString    *pattern,
                 const char *text,
                 gboolean    is_regex)
{
  g_string_append (pattern, pattern->len == 0 ? "(*UCP)(?:" : "|(?:");
  if (is_regex)
    g_string_append (pattern, text);
  else
    append_phrase (pattern, text);
  g_string_append_c (pattern, ')');
}

static GRegex *
compile (GString    *pattern,
         const char *language)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  if (pattern->len == 0)
    return NULL;

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  /* The lists are ours and tested: a broken one is a bug, not a user error. */
  if (regex == NULL)
    g_critical ("The sales-talk list for “%s” does not compile: %s", language, error->message);
  return regex;
}

static void
load_list (WordList   *list,
           const char *language)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, language, ".txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) except = g_string_new (NULL);
  g_autoptr(GString) sales = g_string_new (NULL);
  g_autoptr(GString) common = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("No sales-talk list for “%s”: %s", language, error->message);
      return;
    }

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *value;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      value = line + strcspn (line, " \t");
      if (*value != '\0')
        *value++ = '\0';
      value = g_strstrip (value);
      if (value[0] == '\0')
        continue;

      if (strcmp (line, "phrase") == 0)
        add_alternative (sales, value, FALSE);
      else if (strcmp (line, "pattern") == 0)
        add_alternative (sales, value, TRUE);
      else if (strcmp (line, "except") == 0)
        add_alternative (except, value, FALSE);
      else if (strcmp (line, "except-pattern") == 0)
        add_alternative (except, value, TRUE);
      else if (strcmp (line, "common") == 0)
        add_alternative (common, value, FALSE);
      else
        g_critical ("%s, line %u: unknown kind “%s”", path, i + 1, line);
    }

  list->except = compile (except, language);
  list->sales = compile (sales, language);
  list->common = compile (common, language);
}

static const WordList *
get_lists (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      for (guint i = 0; languages[i] != NULL; i++)
        load_list (&lists[i], languages[i]);
      g_once_init_leave (&loaded, 1);
    }
  return lists;
}

/* "fr-CA" → the index of "fr", or -1. */
static int
language_index (const char *language)
{
  gsize len;

  if (language == NULL)
    return -1;
  len = strcspn (language, "-_");
  for (int i = 0; languages[i] != NULL; i++)
    if (strlen (languages[i]) == len && g_ascii_strncasecmp (languages[i], language, len) == 0)
      return i;
  return -1;
}

/* Typographic apostrophes and the spaces French puts before "%" and "€" read as plain ones. */
static char *
normalize (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else if (c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007)
        g_string_append_c (out, ' ');
      else if (c == 0x2212 || c == 0x2013)   /* minus sign, en dash: "−20 %" */
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_in (const WordList *list,
          const char     *text)
{
  g_autofree char *cleaned = NULL;

  if (list->sales == NULL)
    return FALSE;
  if (list->except != NULL)
    {
      cleaned = g_regex_replace_literal (list->except, text, -1, 0, " ", 0, NULL);
      if (cleaned == NULL)
        return FALSE;
      text = cleaned;
    }
  return g_regex_match (list->sales, text, 0, NULL);
}

static guint
count_common (const WordList *list,
              const char     *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  guint n = 0;

  if (list->common == NULL)
    return 0;
  g_regex_match (list->common, text, 0, &info);
  while (g_match_info_matches (info))
    {
      n++;
      g_match_info_next (info, NULL);
    }
  return n;
}

gboolean
cycle_sales_talk_check (const char *text,
                        const char *language)
{
  const WordList *all = get_lists ();
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  guint counts[G_N_ELEMENTS (languages)] = { 0, };
  guint best = 0;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  normal = normalize (text);

  if (language != NULL && language[0] != '\0')
    {
      int index = language_index (language);

      return index >= 0 && check_in (&all[index], normal);
    }

  /* No language: the one whose common words the text uses most; when none stands out, a pitch
   * in any of them. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      counts[i] = count_common (&all[i], normal);
      best = MAX (best, counts[i]);
    }
  for (guint i = 0; languages[i] != NULL; i++)
    if (counts[i] == best && check_in (&all[i], normal))
      return TRUE;
  return FALSE;
}

const char * const *
cycle_sales_talk_get_languages (void)
{
  return languages;
}

gboolean
cycle_sales_talk_has_language (const char *language)
{
  return language_index (language) >= 0;
}

gboolean
cycle_language_is_valid (const char *language)
{
  const char *p = language;
  gsize n = 0;

  if (language == NULL || language[0] == '\0')
    return TRUE;

  while (g_ascii_isalpha (*p))
    p++, n++;
  if (n < 2 || n > 3)
    return FALSE;

  while (*p == '-')
    {
      p++;
      n = 0;
      while (g_ascii_isalnum (*p))
        p++, n++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

char *
cycle_language_get_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      gsize len = strcspn (name, "_.@");

      if (len >= 2 && len <= 3)
        {
          g_autofree char *tag = g_ascii_strdown (name, len);

          if (cycle_language_is_valid (tag))
            return g_steal_pointer (&tag);
        }
    }

  return g_strdup ("en");
}
