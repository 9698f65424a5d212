/* cycle-item.h: what every thing in a plan has — an id, its plan, and fields we do not know
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cycle-types.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_ITEM (cycle_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CycleItem, cycle_item, CYCLE, ITEM, GObject)

struct _CycleItemClass
{
  GObjectClass parent_class;

  /* "s", "c", "p", "l": the prefix of ids the plan makes for this kind of item */
  const char *id_prefix;
};

const char *cycle_item_get_id     (CycleItem  *self);
/* Only before the item is added to a plan; the plan gives one when none is set. */
void        cycle_item_set_id     (CycleItem  *self,
                                   const char *id);
/* The plan the item belongs to, or NULL while it is not in one (or after it was removed). */
CyclePlan  *cycle_item_get_plan   (CycleItem  *self);
/* Members of the item's JSON object that this version does not know: kept (as compact text, their
 * numbers exactly as written) and written back. This is a json-glib copy, made on the first call:
 * for tests and inspection; changing it changes nothing. */
JsonObject *cycle_item_get_extras (CycleItem  *self);

/* Whether @text (UTF-8, or NULL) is empty or only white space: no item is named so, and a field
 * left so keeps the name or title it had. */
gboolean    cycle_name_is_blank   (const char *text);

/* A GBindingTransformFunc for a field bound to an item's name or title: passes the text on, unless
 * it is blank (then it returns FALSE and the item keeps the name it had). @user_data is unused. */
gboolean    cycle_transform_text_to_name (GBinding     *binding,
                                          const GValue *from,
                                          GValue       *to,
                                          gpointer      user_data);

G_END_DECLS
