/* cycle-item-private.h: what the model's files share about every item (cycle-item.c) and
 * nothing else may use
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

G_END_DECLS
