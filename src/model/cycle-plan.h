/* cycle-plan.h: the whole plan, the only way to change it, and its undo history
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cycle-content.h"
#include "cycle-link.h"
#include "cycle-persona.h"
#include "cycle-stage.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_PLAN (cycle_plan_get_type ())

G_DECLARE_FINAL_TYPE (CyclePlan, cycle_plan, CYCLE, PLAN, GObject)

CyclePlan    *cycle_plan_new               (void);

const char   *cycle_plan_get_title         (CyclePlan    *self);
void          cycle_plan_set_title         (CyclePlan    *self,
                                            const char   *title);
/* The purpose, Sinek's why / how / what. */
const char   *cycle_plan_get_why           (CyclePlan    *self);
void          cycle_plan_set_why           (CyclePlan    *self,
                                            const char   *why);
const char   *cycle_plan_get_how           (CyclePlan    *self);
void          cycle_plan_set_how           (CyclePlan    *self,
                                            const char   *how);
const char   *cycle_plan_get_what          (CyclePlan    *self);
void          cycle_plan_set_what          (CyclePlan    *self,
                                            const char   *what);
const char   *cycle_plan_get_description   (CyclePlan    *self);
void          cycle_plan_set_description   (CyclePlan    *self,
                                            const char   *description);
/* The language the plan is written in, a short tag ("en", "fr"; "" when a file did not say):
 * sales talk is judged in it, never in the interface's. New plans take the interface's. */
const char   *cycle_plan_get_language      (CyclePlan    *self);
void          cycle_plan_set_language      (CyclePlan    *self,
                                            const char   *language);
/* How the canvas arranges the stages; switching is an undoable edit like any other. */
CycleLayout   cycle_plan_get_layout        (CyclePlan    *self);
void          cycle_plan_set_layout        (CyclePlan    *self,
                                            CycleLayout   layout);

/* The role a new stage of @lane put at @position (in the plan's order; -1: at the end) takes
 * from its neighbours of the same lane: theirs when both agree, the one neighbour's at an end
 * (unless that is the purchase, "convert", which is one stage), else CYCLE_ROLE_NONE. */
CycleRole     cycle_plan_guess_role          (CyclePlan    *self,
                                              int           position,
                                              CycleLane     lane);

/* The projection's settings, kept in the plan (and its file), undoable like every edit: people
 * entering the top (1 000 unless set), and how many cycles of the referral loops to add up,
 * 0 for the steady state (the default). See cycle-projection.h. */
#define CYCLE_PLAN_DEFAULT_PROJECTION_START 1000.0
#define CYCLE_PLAN_MAX_PROJECTION_START 1e12
#define CYCLE_PLAN_MAX_PROJECTION_CYCLES 100
double        cycle_plan_get_projection_start  (CyclePlan    *self);
void          cycle_plan_set_projection_start  (CyclePlan    *self,
                                                double        start);
guint         cycle_plan_get_projection_cycles (CyclePlan    *self);
void          cycle_plan_set_projection_cycles (CyclePlan    *self,
                                                guint         cycles);
/* A launch campaign's first day (YYYY-MM-DD), from which each stage's days in stage make its
 * window on the calendar (cycle-campaign.h); "" for a plan that is not a campaign (an always-on
 * cycle publishes at every stage at once). Undoable like every edit. */
const char   *cycle_plan_get_campaign_start (CyclePlan  *self);
void          cycle_plan_set_campaign_start (CyclePlan  *self,
                                             const char *start);
/* The plan's own identity: a random word ("k3f9q0…", letters, digits, "-", "_" or ".", at most
 * 64), made once and kept in the file as "uid", so that a calendar knows the plan's content
 * again when it is exported twice (iCalendar UIDs, cycle_export_ics()). "" for a plan that has
 * none yet (files written before it). Identity, not content: setting it records no undo step. */
const char   *cycle_plan_get_uid           (CyclePlan    *self);
void          cycle_plan_set_uid           (CyclePlan    *self,
                                            const char   *uid);
gboolean      cycle_plan_uid_is_valid      (const char   *uid);
/* Gives the plan a new random uid unless it has one; TRUE when it made one. */
gboolean      cycle_plan_ensure_uid        (CyclePlan    *self);
/* Top-level members of the file that this version does not know, as a json-glib copy (see
 * cycle_item_get_extras ()). */
JsonObject   *cycle_plan_get_extras        (CyclePlan    *self);

/* Signal "content-dates-changed" (CycleContent *): the due date or the repetition of content in
 * the plan changed (one signal for the whole plan: a calendar's index need not follow each of
 * 100 000 items). */

/* Collections: GListModels that emit items-changed. Never modify them directly. */
GListModel   *cycle_plan_get_stages        (CyclePlan    *self);
GListModel   *cycle_plan_get_links         (CyclePlan    *self);
GListModel   *cycle_plan_get_personas      (CyclePlan    *self);
/* All content of the plan, stage after stage, in each stage's order. */
GListModel   *cycle_plan_get_all_content   (CyclePlan    *self);

CycleStage   *cycle_plan_find_stage        (CyclePlan    *self,
                                            const char   *id);
CyclePersona *cycle_plan_find_persona      (CyclePlan    *self,
                                            const char   *id);
CycleLink    *cycle_plan_find_link         (CyclePlan    *self,
                                            const char   *id);
CycleContent *cycle_plan_find_content      (CyclePlan    *self,
                                            const char   *id);

/* Operations. Each one records an undo step. @position -1 appends. The plan takes a reference. */
void          cycle_plan_add_stage         (CyclePlan    *self,
                                            CycleStage   *stage,
                                            int           position);
/* Also removes the links that touch the stage; the stage keeps its content for undo. */
void          cycle_plan_remove_stage      (CyclePlan    *self,
                                            CycleStage   *stage);
void          cycle_plan_move_stage        (CyclePlan    *self,
                                            CycleStage   *stage,
                                            guint         position);
void          cycle_plan_add_link          (CyclePlan    *self,
                                            CycleLink    *link);
void          cycle_plan_remove_link       (CyclePlan    *self,
                                            CycleLink    *link);
void          cycle_plan_add_persona       (CyclePlan    *self,
                                            CyclePersona *persona,
                                            int           position);
/* Content that named the persona is set to @replacement (may be NULL), in the same undo step. */
void          cycle_plan_remove_persona    (CyclePlan    *self,
                                            CyclePersona *persona,
                                            CyclePersona *replacement);
void          cycle_plan_add_content       (CyclePlan    *self,
                                            CycleStage   *stage,
                                            CycleContent *content,
                                            int           position);
void          cycle_plan_remove_content    (CyclePlan    *self,
                                            CycleContent *content);
void          cycle_plan_move_content      (CyclePlan    *self,
                                            CycleContent *content,
                                            CycleStage   *stage,
                                            int           position);

/* Many pieces of content at once (a selection), each call one undo step. Items of @contents
 * (CycleContent) that are not in the plan are skipped; each returns how many it changed (for a
 * move: how many were not in @stage already, and went to its end in the array's order). */
guint         cycle_plan_remove_contents      (CyclePlan    *self,
                                               GPtrArray    *contents);
guint         cycle_plan_move_contents        (CyclePlan    *self,
                                               GPtrArray    *contents,
                                               CycleStage   *stage);
/* @persona NULL: no persona. */
guint         cycle_plan_set_contents_persona (CyclePlan    *self,
                                               GPtrArray    *contents,
                                               CyclePersona *persona);
guint         cycle_plan_set_contents_status  (CyclePlan    *self,
                                               GPtrArray    *contents,
                                               CycleStatus   status);
/* @owner is stripped of surrounding spaces; "" or NULL clears it. */
guint         cycle_plan_set_contents_owner   (CyclePlan    *self,
                                               GPtrArray    *contents,
                                               const char   *owner);

/* Undo. Every change made through the model's API (setters included) while the item is in the
 * plan is recorded. Steps between begin_group and end_group undo as one; groups nest. */
void          cycle_plan_begin_group       (CyclePlan    *self,
                                            const char   *label);
void          cycle_plan_end_group         (CyclePlan    *self);
gboolean      cycle_plan_can_undo          (CyclePlan    *self);
gboolean      cycle_plan_can_redo          (CyclePlan    *self);
/* What undo/redo would do ("Rename Stage"), or NULL. */
const char   *cycle_plan_get_undo_label    (CyclePlan    *self);
const char   *cycle_plan_get_redo_label    (CyclePlan    *self);
gboolean      cycle_plan_undo              (CyclePlan    *self);
gboolean      cycle_plan_redo              (CyclePlan    *self);
/* Keeps the next edit of the same text field from merging into the previous step. */
void          cycle_plan_seal_undo         (CyclePlan    *self);
/* Forgets the history (after loading, for instance). */
void          cycle_plan_clear_undo        (CyclePlan    *self);
/* "Modified since the last save": follows undo and redo back to the save point. */
gboolean      cycle_plan_get_modified      (CyclePlan    *self);
void          cycle_plan_mark_saved        (CyclePlan    *self);
/* "Modified" until the next save, whatever undo does: a recovered draft, an imported plan. */
void          cycle_plan_mark_unsaved      (CyclePlan    *self);

/* A fresh id: @prefix, "-" and six random base-32 characters ("s-7f3k2q"), that no item of the
 * plan has, and unlikely to be made by another copy of the plan (merging copies needs ids that
 * do not collide). */
char         *cycle_plan_make_id           (CyclePlan    *self,
                                            const char   *prefix);

G_END_DECLS
