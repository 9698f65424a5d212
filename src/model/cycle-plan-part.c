/* cycle-plan-part.c: stages taken out of a plan with what belongs to them, and put into another
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-plan-part"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-error.h"
#include "cycle-format.h"
#include "cycle-item-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan-io.h"
#include "cycle-plan-part.h"

void
cycle_plan_count_items (CyclePlan       *plan,
                        CyclePlanCounts *counts)
{
  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (counts != NULL);

  counts->stages = g_list_model_get_n_items (cycle_plan_get_stages (plan));
  counts->links = g_list_model_get_n_items (cycle_plan_get_links (plan));
  counts->personas = g_list_model_get_n_items (cycle_plan_get_personas (plan));
  counts->content = g_list_model_get_n_items (cycle_plan_get_all_content (plan));
}

/* A copy of @item with every field (and its id when @keep_id), its references to other items
 * (a content's persona, a link's two stages) changed through @copy_of: an item → its copy. */
static gpointer
copy_item (gpointer    item,
           GHashTable *copy_of,
           gboolean    keep_id)
{
  CycleItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);

  _cycle_item_copy_fields (item, copy);
  if (keep_id)
    cycle_item_set_id (copy, cycle_item_get_id (item));

  if (CYCLE_IS_CONTENT (copy))
    {
      CyclePersona *persona = cycle_content_get_persona (CYCLE_CONTENT (item));

      cycle_content_set_persona (CYCLE_CONTENT (copy),
                                 persona != NULL ? g_hash_table_lookup (copy_of, persona) : NULL);
    }
  else if (CYCLE_IS_LINK (copy))
    {
      cycle_link_set_source (CYCLE_LINK (copy),
                             g_hash_table_lookup (copy_of, cycle_link_get_source (item)));
      cycle_link_set_target (CYCLE_LINK (copy),
                             g_hash_table_lookup (copy_of, cycle_link_get_target (item)));
    }

  return copy;
}

/* Copies of @stages (those in @wanted, or all when it is NULL) and of their content into @into
 * at @position, moved by @dx, @dy, with the same ids when @keep_ids; @copy_of maps each
 * original to its copy, and already holds the personas. The copies are added to @into_stages. */
static void
copy_stages (CyclePlan  *into,
             GListModel *stages,
             GHashTable *wanted,
             GHashTable *copy_of,
             gboolean    keep_ids,
             int         position,
             double      dx,
             double      dy,
             GPtrArray  *into_stages)
{
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(CycleStage) copy = NULL;
      GListModel *content;

      if (wanted != NULL && !g_hash_table_contains (wanted, stage))
        continue;

      copy = copy_item (stage, copy_of, keep_ids);
      if (dx != 0 || dy != 0)
        cycle_stage_set_position (copy,
                                  CLAMP (cycle_stage_get_x (stage) + dx, -1e6, 1e6),
                                  CLAMP (cycle_stage_get_y (stage) + dy, -1e6, 1e6));
      cycle_plan_add_stage (into, copy, position < 0 ? -1 : position + (int) into_stages->len);
      g_hash_table_insert (copy_of, stage, copy);
      g_ptr_array_add (into_stages, copy);

      content = cycle_stage_get_content (stage);
      for (guint j = 0; j < g_list_model_get_n_items (content); j++)
        {
          g_autoptr(CycleContent) item = g_list_model_get_item (content, j);
          g_autoptr(CycleContent) twin = copy_item (item, copy_of, keep_ids);

          cycle_plan_add_content (into, copy, twin, -1);
        }
    }
}

/* The links of @links whose two ends have a copy, copied into @into. */
static void
copy_links (CyclePlan  *into,
            GListModel *links,
            GHashTable *copy_of,
            gboolean    keep_ids)
{
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      g_autoptr(CycleLink) copy = NULL;

      if (!g_hash_table_contains (copy_of, cycle_link_get_source (link)) ||
          !g_hash_table_contains (copy_of, cycle_link_get_target (link)))
        continue;

      copy = copy_item (link, copy_of, keep_ids);
      cycle_plan_add_link (into, copy);
    }
}

CyclePlan *
cycle_plan_extract_stages (CyclePlan *plan,
                           GPtrArray *stages)
{
  g_autoptr(CyclePlan) part = cycle_plan_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) copy_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new ();
  GListModel *personas;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (stages != NULL, NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (stages, i);
      GListModel *content = cycle_stage_get_content (stage);

      g_return_val_if_fail (cycle_item_get_plan (CYCLE_ITEM (stage)) == plan, NULL);
      g_hash_table_add (wanted, stage);
      for (guint j = 0; j < g_list_model_get_n_items (content); j++)
        {
          g_autoptr(CycleContent) item = g_list_model_get_item (content, j);
          CyclePersona *persona = cycle_content_get_persona (item);

          if (persona != NULL)
            g_hash_table_add (named, persona);
        }
    }

  /* A throwaway plan: nothing to undo, as while a file is read. */
  _cycle_plan_set_loading (part, TRUE);
  cycle_plan_set_title (part, cycle_plan_get_title (plan));
  cycle_plan_set_language (part, cycle_plan_get_language (plan));
  cycle_plan_set_layout (part, cycle_plan_get_layout (plan));

  personas = cycle_plan_get_personas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CyclePersona) persona = g_list_model_get_item (personas, i);
      g_autoptr(CyclePersona) copy = NULL;

      if (!g_hash_table_contains (named, persona))
        continue;
      copy = copy_item (persona, copy_of, TRUE);
      cycle_plan_add_persona (part, copy, -1);
      g_hash_table_insert (copy_of, persona, copy);
    }

  copy_stages (part, cycle_plan_get_stages (plan), wanted, copy_of, TRUE, -1, 0, 0, copies);
  copy_links (part, cycle_plan_get_links (plan), copy_of, TRUE);
  _cycle_plan_set_loading (part, FALSE);

  return g_steal_pointer (&part);
}

/* Whether adding @more to @plan's items stays within the limits; else says what, and how many. */
static gboolean
check_limits (CyclePlan             *plan,
              const CyclePlanCounts *more,
              GError               **error)
{
  CyclePlanCounts has;

  cycle_plan_count_items (plan, &has);
#define OVER(kind, limit, format)                                                       \
  G_STMT_START {                                                                        \
    if (more->kind > (limit) - MIN (has.kind, (limit)))                                 \
      {                                                                                 \
        g_autofree char *n_text = cycle_format_count (more->kind);                      \
        g_autofree char *limit_text = cycle_format_count (limit);                       \
        g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE, format,       \
                     n_text, limit_text);                                               \
        return FALSE;                                                                   \
      }                                                                                 \
  } G_STMT_END
  /* Translators: two numbers such as "12" and "20,000" */
  OVER (stages, CYCLE_PLAN_MAX_STAGES,
        _("Could not paste %s stages: a plan holds at most %s stages. Nothing was changed."));
  OVER (links, CYCLE_PLAN_MAX_LINKS,
        _("Could not paste %s links: a plan holds at most %s links. Nothing was changed."));
  OVER (personas, CYCLE_PLAN_MAX_PERSONAS,
        _("Could not paste %s personas: a plan holds at most %s personas. Nothing was "
          "changed."));
  OVER (content, CYCLE_PLAN_MAX_CONTENT,
        _("Could not paste %s content items: a plan holds at most %s. Nothing was changed."));
#undef OVER
  return TRUE;
}

GPtrArray *
cycle_plan_insert_part (CyclePlan  *plan,
                        CyclePlan  *part,
                        int         position,
                        double      dx,
                        double      dy,
                        GError    **error)
{
  g_autoptr(GHashTable) copy_of = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_personas = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *personas;
  CyclePlanCounts more;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (part), NULL);
  g_return_val_if_fail (plan != part, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cycle_plan_count_items (part, &more);
  if (more.stages == 0)
    {
      g_set_error_literal (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_EMPTY,
                           _("There are no stages to paste."));
      return NULL;
    }

  /* The part's personas: the plan's own of the same name, or copies to add. */
  personas = cycle_plan_get_personas (part);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CyclePersona) persona = g_list_model_get_item (personas, i);
      CyclePersona *same = _cycle_find_named (cycle_plan_get_personas (plan),
                                              cycle_persona_get_name (persona),
                                              (const char *(*) (gpointer))
                                              cycle_persona_get_name);

      if (same == NULL)
        {
          CyclePersona *copy = copy_item (persona, NULL, FALSE);

          g_ptr_array_add (new_personas, copy);
          same = copy;
        }
      g_hash_table_insert (copy_of, persona, g_object_ref (same));
    }
  more.personas = new_personas->len;
  if (!check_limits (plan, &more, error))
    return NULL;

  cycle_plan_begin_group (plan, g_dngettext (GETTEXT_PACKAGE, "Paste Stage", "Paste Stages",
                                             more.stages));
  for (guint i = 0; i < new_personas->len; i++)
    cycle_plan_add_persona (plan, g_ptr_array_index (new_personas, i), -1);
  {
    /* The stages' copies, held by the plan from here on */
    g_autoptr(GHashTable) stage_copy_of = g_hash_table_new (NULL, NULL);
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, copy_of);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (stage_copy_of, key, value);
    copy_stages (plan, cycle_plan_get_stages (part), NULL, stage_copy_of, FALSE, position, dx,
                 dy, added);
    copy_links (plan, cycle_plan_get_links (part), stage_copy_of, FALSE);
  }
  cycle_plan_end_group (plan);

  return g_steal_pointer (&added);
}
