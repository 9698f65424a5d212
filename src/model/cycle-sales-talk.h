/* cycle-sales-talk.h: does a text read like a pitch, in a given language?
 *
 * The word lists are data (data/sales-talk/LANG.txt, compiled into the model), one per
 * language; a text is judged in the plan's language, never in the interface's.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A piece of content's "this is a pitch" mark: Cycle's guess, or the user's word, which wins.
 * In the file: no "pitch" member, or "pitch": true / false. */
typedef enum {
  CYCLE_PITCH_GUESS,
  CYCLE_PITCH_YES,
  CYCLE_PITCH_NO,
} CyclePitch;

#define CYCLE_TYPE_PITCH (cycle_pitch_get_type ())
GType        cycle_pitch_get_type              (void) G_GNUC_CONST;

/* TRUE when @text reads like sales talk in @language ("en", "fr", "fr-CA"…). With no language
 * (NULL or ""), the language is guessed from @text's own common words; a language without a
 * word list finds nothing. Needs no display, no locale: the lists are compiled in. */
gboolean     cycle_sales_talk_check            (const char  *text,
                                                const char  *language);
/* The languages that have a word list: "en", "fr". */
const char * const *cycle_sales_talk_get_languages (void);
gboolean     cycle_sales_talk_has_language     (const char  *language);

/* A short language tag: two or three ASCII letters, optionally followed by "-" and subtags of
 * letters and digits ("en", "fr", "pt-BR"). "" is valid too: no language. */
gboolean     cycle_language_is_valid           (const char  *language);
/* The language new plans get: the interface's ("fr" under LANGUAGE=fr, "en" under C). */
char        *cycle_language_get_default        (void);

G_END_DECLS
