/* cycle-undo-private.h: the undo history (cycle-undo.c), which only the plan uses
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-json.h"
#include "cycle-stage.h"

G_BEGIN_DECLS

typedef struct _CycleUndo CycleUndo;

/* What the history asks of its owner (the plan), as GTK's text history asks its buffer through
 * a table: the history itself knows no plan, only the objects and lists its steps name. */
typedef struct
{
  /* Whether it can undo or redo, their labels, or whether it is modified may have changed;
   * @only_modified: nothing but the last may have */
  void (*changed)     (gpointer           owner,
                       gboolean           only_modified);
  /* Replaces @n_remove items at @position of @store (the owner's list, or @stage's content) by
   * @additions, attaching and detaching them: a splice step undone or redone */
  void (*splice)      (gpointer           owner,
                       CycleStage        *stage,
                       GListStore        *store,
                       guint              position,
                       guint              n_remove,
                       gpointer          *additions,
                       guint              n_add);
  /* Copies of the members Cycle does not know of @object (an item, or the owner, then with
   * those of its purpose in @purpose), as they are now */
  void (*get_extras)  (gpointer           owner,
                       GObject           *object,
                       CycleJsonMembers **members,
                       CycleJsonMembers **purpose);
  /* Gives @object those members back (takes them) */
  void (*take_extras) (gpointer           owner,
                       GObject           *object,
                       CycleJsonMembers  *members,
                       CycleJsonMembers  *purpose);
} CycleUndoFuncs;

/* @owner: what the steps are applied to, through @funcs (not referenced: it owns the history;
 * property steps on it do not reference it either) */
CycleUndo   *_cycle_undo_new           (const CycleUndoFuncs *funcs,
                                        gpointer              owner);
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

G_END_DECLS
