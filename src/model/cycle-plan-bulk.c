/* cycle-plan-bulk.c: one edit of many pieces of content at once (the board's and the table's
 * selections), each one undo step
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-plan.h"

/* Only the content that is in @plan: a selection may still hold an item deleted since. */
static gboolean
in_plan (CyclePlan    *plan,
         CycleContent *content)
{
  CycleStage *stage;

  g_return_val_if_fail (CYCLE_IS_CONTENT (content), FALSE);

  stage = cycle_content_get_stage (content);
  return stage != NULL && cycle_item_get_plan (CYCLE_ITEM (stage)) == plan;
}

static guint
count_in_plan (CyclePlan *plan,
               GPtrArray *contents)
{
  guint n = 0;

  for (guint i = 0; i < contents->len; i++)
    if (in_plan (plan, g_ptr_array_index (contents, i)))
      n++;

  return n;
}

guint
cycle_plan_remove_contents (CyclePlan *self,
                            GPtrArray *contents)
{
  g_autoptr(GPtrArray) hold = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  g_return_val_if_fail (contents != NULL, 0);

  n = count_in_plan (self, contents);
  if (n == 0)
    return 0;

  /* The caller's array may be the selection that the removals empty. */
  hold = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < contents->len; i++)
    g_ptr_array_add (hold, g_object_ref (g_ptr_array_index (contents, i)));

  /* Translators: an undo step's name, "Undo Remove 3 Pieces of Content" */
  label = g_strdup_printf (ngettext ("Remove %u Piece of Content", "Remove %u Pieces of Content",
                                     n), n);
  cycle_plan_seal_undo (self);
  cycle_plan_begin_group (self, label);
  for (guint i = 0; i < hold->len; i++)
    if (in_plan (self, g_ptr_array_index (hold, i)))
      cycle_plan_remove_content (self, g_ptr_array_index (hold, i));
  cycle_plan_end_group (self);

  return n;
}

guint
cycle_plan_move_contents (CyclePlan  *self,
                          GPtrArray  *contents,
                          CycleStage *stage)
{
  g_autoptr(GPtrArray) hold = NULL;
  g_autofree char *label = NULL;
  guint n = 0;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  g_return_val_if_fail (contents != NULL, 0);
  g_return_val_if_fail (CYCLE_IS_STAGE (stage), 0);
  g_return_val_if_fail (cycle_item_get_plan (CYCLE_ITEM (stage)) == self, 0);

  hold = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < contents->len; i++)
    {
      CycleContent *content = g_ptr_array_index (contents, i);

      if (in_plan (self, content) && cycle_content_get_stage (content) != stage)
        g_ptr_array_add (hold, g_object_ref (content));
    }
  if (hold->len == 0)
    return 0;

  /* Translators: an undo step's name, "Undo Move 3 Pieces of Content" */
  label = g_strdup_printf (ngettext ("Move %u Piece of Content", "Move %u Pieces of Content",
                                     hold->len), hold->len);
  cycle_plan_seal_undo (self);
  cycle_plan_begin_group (self, label);
  /* At the end of the stage, in the order of the array. */
  for (guint i = 0; i < hold->len; i++, n++)
    cycle_plan_move_content (self, g_ptr_array_index (hold, i), stage, -1);
  cycle_plan_end_group (self);

  return n;
}

/* The setters record only real changes: an empty group records nothing (cycle-undo.c). */
#define BULK_SET(label, setter, value)                                     \
  G_STMT_START {                                                           \
    guint n_ = 0;                                                          \
    cycle_plan_seal_undo (self);                                           \
    cycle_plan_begin_group (self, label);                                  \
    for (guint i = 0; i < contents->len; i++)                              \
      {                                                                    \
        CycleContent *content = g_ptr_array_index (contents, i);           \
        if (in_plan (self, content))                                       \
          {                                                                \
            setter (content, value);                                       \
            n_++;                                                          \
          }                                                                \
      }                                                                    \
    cycle_plan_end_group (self);                                           \
    cycle_plan_seal_undo (self);                                           \
    return n_;                                                             \
  } G_STMT_END

guint
cycle_plan_set_contents_persona (CyclePlan    *self,
                                 GPtrArray    *contents,
                                 CyclePersona *persona)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  g_return_val_if_fail (contents != NULL, 0);
  g_return_val_if_fail (persona == NULL || CYCLE_IS_PERSONA (persona), 0);
  g_return_val_if_fail (persona == NULL || cycle_item_get_plan (CYCLE_ITEM (persona)) == self, 0);

  BULK_SET (_("Set Persona"), cycle_content_set_persona, persona);
}

guint
cycle_plan_set_contents_status (CyclePlan   *self,
                                GPtrArray   *contents,
                                CycleStatus  status)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  g_return_val_if_fail (contents != NULL, 0);

  BULK_SET (_("Set Status"), cycle_content_set_status, status);
}

guint
cycle_plan_set_contents_owner (CyclePlan  *self,
                               GPtrArray  *contents,
                               const char *owner)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  g_return_val_if_fail (contents != NULL, 0);

  stripped = g_strstrip (g_strdup (owner != NULL ? owner : ""));
  BULK_SET (_("Set Owner"), cycle_content_set_owner, stripped);
}
