/* cycle-plan-private.h: the plan's side that only the model uses (cycle-plan.c and the files named)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-json.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

/* The plan's side of undo (cycle-plan.c). */
gboolean     _cycle_plan_is_recording (CyclePlan   *self);
/* While a file is read into @self, nothing is recorded (one step per item would cost more than
 * the items) */
void         _cycle_plan_set_loading (CyclePlan   *self,
                                      gboolean      loading);
/* Emits "content-dates-changed": @content's due date or repetition changed */
void         _cycle_plan_content_dates_changed (CyclePlan    *self,
                                                CycleContent *content);
void         _cycle_plan_record_property (CyclePlan *self,
                                      GObject      *object,
                                      GParamSpec   *pspec);
/* Replaces @n_remove items at @position of @store (one of the plan's lists, or @stage's content
 * when @stage is set) by @additions, attaching and detaching them, and records the step. */
void         _cycle_plan_splice      (CyclePlan    *self,
                                      CycleStage   *stage,
                                      GListStore   *store,
                                      guint         position,
                                      guint         n_remove,
                                      gpointer     *additions,
                                      guint         n_add);
/* Records @object's unknown members for undo before they change, when the plan records */
void         _cycle_plan_record_extras (CyclePlan  *self,
                                      gpointer      object);
void         _cycle_plan_take_extras (CyclePlan    *self,
                                      CycleJsonMembers *extras,
                                      CycleJsonMembers *purpose_extras);
CycleJsonMembers *_cycle_plan_get_unknown (CyclePlan *self);
CycleJsonMembers *_cycle_plan_get_purpose_extras (CyclePlan *self);
/* The members of a conflict the loader reads as nodes; base, ours and theirs stay text */
extern const CycleJsonSchema _cycle_conflict_schema[];
/* A merge's conflicts as compact JSON text (an array of objects), or NULL (cycle-merge.c) */
const char  *_cycle_plan_get_conflicts_json (CyclePlan *self);
void         _cycle_plan_set_conflicts_json (CyclePlan *self,
                                             const char *json);
/* Writes one item's JSON object canonically at @depth (cycle-plan-writer.c) */
void         _cycle_plan_write_item  (GString      *out,
                                      guint         depth,
                                      CycleItem    *item);
/* Drops the unknown top-level member @key (not an edit: nothing to undo) */
gboolean     _cycle_plan_remove_unknown (CyclePlan *self,
                                      const char   *key);

G_END_DECLS
