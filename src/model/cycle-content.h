/* cycle-content.h: a piece of content meant for a stage
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-enums.h"
#include "cycle-item.h"
#include "cycle-sales-talk.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT (cycle_content_get_type ())

G_DECLARE_FINAL_TYPE (CycleContent, cycle_content, CYCLE, CONTENT, CycleItem)

CycleContent    *cycle_content_new            (const char      *title);

/* The stage whose list holds the content, or NULL. Change it with cycle_plan_move_content(). */
CycleStage      *cycle_content_get_stage      (CycleContent    *self);

const char      *cycle_content_get_title      (CycleContent    *self);
void             cycle_content_set_title      (CycleContent    *self,
                                               const char      *title);
/* The title, or "Untitled content" when it is empty: how a message names the content. */
const char      *cycle_content_get_display_title (CycleContent *self);
/* Free text; cycle_content_suggested_formats() lists the usual words. */
const char      *cycle_content_get_format     (CycleContent    *self);
void             cycle_content_set_format     (CycleContent    *self,
                                               const char      *format);
const char      *cycle_content_get_channel    (CycleContent    *self);
void             cycle_content_set_channel    (CycleContent    *self,
                                               const char      *channel);
CyclePersona    *cycle_content_get_persona    (CycleContent    *self);
void             cycle_content_set_persona    (CycleContent    *self,
                                               CyclePersona    *persona);
const char      *cycle_content_get_cta        (CycleContent    *self);
void             cycle_content_set_cta        (CycleContent    *self,
                                               const char      *cta);
CycleCommitment  cycle_content_get_commitment (CycleContent    *self);
void             cycle_content_set_commitment (CycleContent    *self,
                                               CycleCommitment  commitment);
/* Gives or asks, never AUTO: the user's word, or else what the call to action comes to
 * (cycle_commitment_get_direction()). */
CycleDirection   cycle_content_get_direction  (CycleContent    *self);
/* The user's word, the "direction" property: AUTO (the default) follows the commitment. */
CycleDirection   cycle_content_get_direction_choice (CycleContent *self);
void             cycle_content_set_direction  (CycleContent    *self,
                                               CycleDirection   direction);
/* Consent for an e-mail address or a card to keep (cycle_commitment_needs_consent()). */
CycleConsent     cycle_content_get_consent    (CycleContent    *self);
void             cycle_content_set_consent    (CycleContent    *self,
                                               CycleConsent     consent);
/* Whether the content is a pitch: CYCLE_PITCH_GUESS lets the checker judge its words. */
CyclePitch       cycle_content_get_pitch      (CycleContent    *self);
void             cycle_content_set_pitch      (CycleContent    *self,
                                               CyclePitch       pitch);
CycleStatus      cycle_content_get_status     (CycleContent    *self);
void             cycle_content_set_status     (CycleContent    *self,
                                               CycleStatus      status);
const char      *cycle_content_get_owner      (CycleContent    *self);
void             cycle_content_set_owner      (CycleContent    *self,
                                               const char      *owner);
/* "YYYY-MM-DD", or "" when there is none. */
const char      *cycle_content_get_due        (CycleContent    *self);
void             cycle_content_set_due        (CycleContent    *self,
                                               const char      *due);
/* Content that comes back (a weekly newsletter): every @interval days, weeks or months from its
 * due date (CYCLE_REPEAT_NONE: once), until a date ("YYYY-MM-DD", included) or "" for ever.
 * Content without a due date does not repeat, whatever these say. */
#define CYCLE_CONTENT_MAX_REPEAT_INTERVAL 99
CycleRepeat      cycle_content_get_repeat     (CycleContent    *self);
void             cycle_content_set_repeat     (CycleContent    *self,
                                               CycleRepeat      repeat);
guint            cycle_content_get_repeat_interval (CycleContent *self);
void             cycle_content_set_repeat_interval (CycleContent *self,
                                                    guint         interval);
const char      *cycle_content_get_repeat_until (CycleContent  *self);
void             cycle_content_set_repeat_until (CycleContent  *self,
                                                 const char    *until);
const char      *cycle_content_get_url        (CycleContent    *self);
void             cycle_content_set_url        (CycleContent    *self,
                                               const char      *url);
const char      *cycle_content_get_notes      (CycleContent    *self);
void             cycle_content_set_notes      (CycleContent    *self,
                                               const char      *notes);

/* NULL-terminated lists of usual words (stored untranslated; show them with
 * g_dpgettext2 (GETTEXT_PACKAGE, "content format" or "content channel", word)). */
const char * const *cycle_content_suggested_formats  (void);
const char * const *cycle_content_suggested_channels (void);

/* TRUE and the date's parts when @due is a real calendar date written YYYY-MM-DD; otherwise
 * FALSE and, if @problem is not NULL, a sentence for people that quotes @due and says what is
 * wrong: not written YYYY-MM-DD, no such month, or the day does not exist ("2026-02-30"). */
gboolean         cycle_date_parse             (const char      *due,
                                               guint           *year,
                                               guint           *month,
                                               guint           *day,
                                               char           **problem);
/* A date as people type it: YYYY-MM-DD, or day, month and year in the order of the user's
 * locale (cycle_date_get_order()), separated by "/", "." or "-", the year in two or four
 * digits ("15/03/2027" in France, "3/15/27" in the US). Where the locale's order cannot be
 * right and the other one can only be (15/03/2027 under an American order), that one. TRUE and
 * the date as YYYY-MM-DD in @iso; otherwise FALSE and a sentence in @problem that quotes @text
 * and says how to write a date here. */
gboolean         cycle_date_parse_input       (const char      *text,
                                               char           **iso,
                                               char           **problem);
/* "dmy", "mdy" or "ymd": the order in which the user's locale writes a date, from its LC_TIME
 * date format; under the C locale, from the translation (so a French interface reads
 * 15/03/2027 as the 15th of March). */
const char      *cycle_date_get_order         (void);
/* The first day of the week in the user's locale (LC_TIME): G_DATE_MONDAY in France, Sunday in
 * the US; under the C locale, from the translation (Monday in French, Sunday in English). */
GDateWeekday     cycle_date_get_first_weekday (void);
/* @iso (YYYY-MM-DD) written in the order of cycle_date_get_order(), with "/": how to show an
 * example to the people who type dates. */
char            *cycle_date_format_input      (const char      *iso);
/* @date written as @format says, for people to read: strftime()'s %a, %A, %b, %B (names of days
 * and months), %d, %-d, %e, %m, %Y, %y and %%. The names come from the interface's translation,
 * not from LC_TIME, so a French interface under LC_TIME=C reads « 2 nov. 2026 » and never mixes
 * languages. The one way to show a date by name: the board, the table, the calendar, exports. */
char            *cycle_date_format_text       (const GDate     *date,
                                               const char      *format);
/* Whether "Open Link" may hand @url to the system: a valid URI whose scheme is http, https or
 * mailto. Any other (file:, javascript:, a custom handler's scheme, smb:…) could run or reveal
 * something on the machine of whoever opens a plan someone else wrote. */
gboolean         cycle_url_is_openable        (const char      *url);
/* TRUE when @due is "" or a real calendar date written YYYY-MM-DD. */
gboolean         cycle_date_is_valid          (const char      *due);
/* @iso (YYYY-MM-DD) as a GDate; FALSE, @date untouched, when it is not a real date. */
gboolean         cycle_date_to_gdate          (const char      *iso,
                                               GDate           *date);
/* @date written YYYY-MM-DD into @iso, which holds CYCLE_DATE_ISO_SIZE bytes. */
#define CYCLE_DATE_ISO_SIZE 16
void             cycle_date_to_iso            (const GDate     *date,
                                               char            *iso);

/* How content reads. Formats and channels are stored untranslated; the usual words have a
 * translation. */
const char      *cycle_content_format_to_display    (const char      *format);
const char      *cycle_content_channel_to_display   (const char      *channel);
/* The word to store for what a person typed: the suggestion whose translation it is, if any. */
const char      *cycle_content_format_from_display  (const char      *text);
const char      *cycle_content_channel_from_display (const char      *text);

/* Today's local date as "YYYY-MM-DD". */
char            *cycle_content_dup_today            (void);
/* Due before @today ("YYYY-MM-DD") and not published yet. */
gboolean         cycle_content_is_overdue           (CycleContent    *content,
                                                     const char      *today);
/* "2 Nov 2026" for "2026-11-02" (cycle_date_format_text()); "" for none. */
char            *cycle_content_format_due           (const char      *due);

/* Adds a copy of @content (every field but the id, the title marked as a copy) right after it in
 * its stage, as one undo step, and returns it (owned by the plan). */
CycleContent    *cycle_content_duplicate            (CycleContent    *content);
/* The position of @content in its stage's list, or -1. */
int              cycle_content_get_position         (CycleContent    *content);

G_END_DECLS
