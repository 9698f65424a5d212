/* cycle-model-private.h: what the model's own files share and nothing else may use
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-json.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

/* Setters of every model object go through these: they compare, record an undo step while the
 * object is in a plan, store and notify. Empty strings are stored as NULL. */
gboolean  _cycle_set_string   (gpointer      object,
                               char        **field,
                               const char   *value,
                               GParamSpec   *pspec);
/* The same for strings that repeat from item to item (a channel, an owner, a date): one copy
 * for the whole process (g_intern_string ()), never freed */
gboolean  _cycle_set_interned (gpointer      object,
                               const char  **field,
                               const char   *value,
                               GParamSpec   *pspec);
gboolean  _cycle_set_int      (gpointer      object,
                               int          *field,
                               int           value,
                               GParamSpec   *pspec);
gboolean  _cycle_set_double   (gpointer      object,
                               double       *field,
                               double        value,
                               GParamSpec   *pspec);
gboolean  _cycle_set_object   (gpointer      object,
                               gpointer     *field,
                               gpointer      value,
                               GParamSpec   *pspec);


static inline const char *
_cycle_str (const char *s)
{
  return s != NULL ? s : "";
}

/* The item of @model whose name (@get_name) is @name, case aside (g_utf8_casefold ()): how
 * imports and pastes find a stage or a persona by name (cycle-export.c). Borrowed, or NULL. */
gpointer     _cycle_find_named       (GListModel   *model,
                                      const char   *name,
                                      const char *(*get_name) (gpointer));
/* Copies every field of @from to @to (items of one type): the writable properties, references
 * to other items included, and the members Cycle does not know; not the id (cycle-item.c). */
void         _cycle_item_copy_fields (CycleItem    *from,
                                      CycleItem    *to);

void         _cycle_item_set_plan    (CycleItem    *self,
                                      CyclePlan    *plan);
void         _cycle_item_take_extras (CycleItem    *self,
                                      CycleJsonMembers *extras);
CycleJsonMembers *_cycle_item_get_unknown (CycleItem *self);
void         _cycle_content_set_stage (CycleContent *self,
                                      CycleStage   *stage);
GListStore  *_cycle_stage_get_store  (CycleStage   *self);

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

/* The undo history (cycle-undo.c). */
typedef struct _CycleUndo CycleUndo;

CycleUndo   *_cycle_undo_new           (CyclePlan   *plan);
void         _cycle_undo_free          (CycleUndo   *undo);
void         _cycle_undo_record_property (CycleUndo *undo,
                                        GObject     *object,
                                        GParamSpec  *pspec);
void         _cycle_undo_record_splice (CycleUndo   *undo,
                                        CycleStage  *stage,
                                        GListStore  *store,
                                        guint        position,
                                        GPtrArray   *removed,
                                        GPtrArray   *added);
/* Before a change of @object's unknown members (an item's, or the plan's and its purpose's) */
void         _cycle_undo_record_extras (CycleUndo   *undo,
                                        GObject     *object);
void         _cycle_undo_begin_group   (CycleUndo   *undo,
                                        const char  *label);
void         _cycle_undo_end_group     (CycleUndo   *undo);
gboolean     _cycle_undo_undo          (CycleUndo   *undo);
gboolean     _cycle_undo_redo          (CycleUndo   *undo);
void         _cycle_undo_seal          (CycleUndo   *undo);
void         _cycle_undo_clear         (CycleUndo   *undo);
void         _cycle_undo_mark_saved    (CycleUndo   *undo);
void         _cycle_undo_mark_unsaved  (CycleUndo   *undo);
gboolean     _cycle_undo_is_modified   (CycleUndo   *undo);
gboolean     _cycle_undo_is_replaying  (CycleUndo   *undo);
const char  *_cycle_undo_get_undo_label (CycleUndo  *undo);
const char  *_cycle_undo_get_redo_label (CycleUndo  *undo);
gboolean     _cycle_undo_can_undo      (CycleUndo   *undo);
gboolean     _cycle_undo_can_redo      (CycleUndo   *undo);

/* The flattened list of all content (cycle-flat-list.c). */
GListModel  *_cycle_flat_list_new      (GListModel  *stages);

G_END_DECLS
