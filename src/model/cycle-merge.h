/* cycle-merge.h: a three-way merge of plans by id, and the conflicts it records in the plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-json.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

/* What a merge could not decide. The values are compact JSON text, NULL when absent: an unset
 * field, or for a conflict about a whole item (@field NULL) the side that deleted it. */
typedef struct
{
  char *kind;    /* "plan", "persona", "stage", "content", "link" */
  char *item;    /* the item's id; NULL for the plan */
  char *name;    /* the item's name or title, NULL when it has none */
  char *field;   /* the member ("why", "purpose.how", an unknown member's name), "position"
                  * (moved on both sides), "stage" (content moved to two stages), or NULL: the
                  * item was edited (or needed) on one side and deleted on the other */
  char *base;
  char *ours;
  char *theirs;
} CycleConflict;

void           cycle_conflict_free      (CycleConflict *conflict);
/* One line for people, without the item: "why: changed on both sides (…)" */
char          *cycle_conflict_describe  (const CycleConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleConflict, cycle_conflict_free)

typedef enum {
  CYCLE_MERGE_OURS,
  CYCLE_MERGE_THEIRS,
} CycleMergeSide;

/* For people, as the window lists conflicts: the item ("Stage “Visitors”", "The plan"), the
 * field in plain words ("Conversion rate"; an unknown member's own name), and one side's value
 * (a text as it reads, a stage or persona by its name in @plan (may be NULL), a word of a fixed
 * list by its label, a date, a rate and a number as every view writes them ("2 Nov 2026", "4%",
 * "0.5 each"), "(not set)", "Deleted") */
char          *cycle_conflict_dup_item_label  (const CycleConflict *conflict);
char          *cycle_conflict_dup_field_label (const CycleConflict *conflict);
char          *cycle_conflict_dup_value_label (const CycleConflict *conflict,
                                               CyclePlan           *plan,
                                               CycleMergeSide       side);

/* Merges into @ours the changes @theirs made to @base, item by id: additions of both sides,
 * edits of different fields, moves and members Cycle does not know. Where both sides changed the
 * same thing differently @ours keeps its value, except that an item edited on one side and
 * deleted on the other is kept; each such conflict is added to @ours' recorded conflicts
 * (cycle_plan_get_conflicts ()). Returns the new conflicts (CycleConflict), in plan order.
 * @ours' undo history is cleared. @base and @theirs are not changed. */
GPtrArray     *cycle_merge              (CyclePlan      *base,
                                         CyclePlan      *ours,
                                         CyclePlan      *theirs);

/* The same merge as an edit of @self (OURS, a plan in a window): every change is recorded as
 * one undoable step, "Merge", which undo takes back to the plan as it was; the history before
 * it is kept. Returns the new conflicts. */
GPtrArray     *cycle_plan_merge         (CyclePlan      *self,
                                         CyclePlan      *base,
                                         CyclePlan      *theirs);

/* The conflicts recorded in the plan (the file's "conflicts" member), a new array of
 * CycleConflict, empty when there are none. */
GPtrArray     *cycle_plan_get_conflicts (CyclePlan      *self);
guint          cycle_plan_get_n_conflicts (CyclePlan    *self);
/* Settles the conflict @index with @side's value and forgets it, as one undoable step. */
void           cycle_plan_resolve_conflict (CyclePlan     *self,
                                            guint          index,
                                            CycleMergeSide side);

/* A plan as text for people, one item a line (content indented under its stage), each with its
 * fields as the file writes them: stable, for git's textconv */
GPtrArray     *cycle_plan_show          (CyclePlan      *self);
/* What changed from @a to @b, one line each: items added, removed, changed (which field, from
 * what to what) and moved (in their list, or content to another stage); empty when the same */
GPtrArray     *cycle_plan_diff          (CyclePlan      *a,
                                         CyclePlan      *b);

/* Takes @conflict's base, ours and theirs from @values (the members the parser kept as text) and
 * frees @values */
void           _cycle_conflict_take_values (CycleConflict    *conflict,
                                            CycleJsonMembers *values);
/* The text of the file's "conflicts" member for @conflicts (compact JSON), NULL when empty */
char          *_cycle_conflicts_to_json (GPtrArray      *conflicts);

G_END_DECLS
