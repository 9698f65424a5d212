/* cycle-canvas-edit.c: the canvas's edits — adding, removing, duplicating, moving, linking and
 * renaming stages
 *
 * Part of CycleCanvas (cycle-canvas.c), sharing cycle-canvas-private.h. Every edit goes through
 * the plan's operations: one undo step each.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-canvas-private.h"
#include "cycle-link-editor.h"

/* New stages keep this much room round them, in canvas units. */
#define FREE_SPOT_GAP    24.0
#define FREE_SPOT_STEP   24.0
#define DUPLICATE_OFFSET 24.0

/* ------------------------------------------------------------------------------------------------
 * Adding, removing, duplicating, moving
 */

static gboolean
spot_is_free (CycleCanvas *self,
              double       x,
              double       y,
              double       width,
              double       height)
{
  CycleRect spot = { x - FREE_SPOT_GAP, y - FREE_SPOT_GAP,
                     width + 2 * FREE_SPOT_GAP, height + 2 * FREE_SPOT_GAP };

  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));
      double sx = cycle_stage_get_x (stage), sy = cycle_stage_get_y (stage);

      if (spot.x < sx + CYCLE_STAGE_WIDTH && sx < spot.x + spot.width &&
          spot.y < sy + CYCLE_STAGE_HEIGHT && sy < spot.y + spot.height)
        return FALSE;
    }

  return TRUE;
}

void
_cycle_canvas_find_free_spot (CycleCanvas *self,
                              double       x,
                              double       y,
                              double       width,
                              double       height,
                              CyclePoint  *out)
{
  for (int ring = 0; ring < 400; ring++)
    {
      for (int i = -ring; i <= ring; i++)
        for (int j = -ring; j <= ring; j++)
          {
            double cx, cy;

            if (ABS (i) != ring && ABS (j) != ring)
              continue;
            cx = x + i * FREE_SPOT_STEP;
            cy = y + j * FREE_SPOT_STEP;
            if (spot_is_free (self, cx, cy, width, height))
              {
                out->x = round (cx);
                out->y = round (cy);
                return;
              }
          }
    }

  out->x = round (x);
  out->y = round (y);
}

static void
find_free_spot (CycleCanvas *self,
                double       x,
                double       y,
                CyclePoint  *out)
{
  _cycle_canvas_find_free_spot (self, x, y, CYCLE_STAGE_WIDTH, CYCLE_STAGE_HEIGHT, out);
}

void
_cycle_canvas_preferred_spot (CycleCanvas *self,
                              double      *x,
                              double      *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->anchor != NULL)
    {
      /* Beside the selected stage: the next step usually goes there. */
      *x = cycle_stage_get_x (self->anchor) + CYCLE_STAGE_WIDTH + 2 * FREE_SPOT_GAP;
      *y = cycle_stage_get_y (self->anchor);
    }
  else if (self->layout == CYCLE_LAYOUT_FREE && width > 1 && height > 1 &&
           self->stage_widgets->len > 0)
    {
      /* In the middle of what is in view. */
      *x = ((width / 2.0) - self->pan_x) / self->zoom - CYCLE_STAGE_WIDTH / 2;
      *y = ((height / 2.0) - self->pan_y) / self->zoom - CYCLE_STAGE_HEIGHT / 2;
    }
  else
    {
      *x = CYCLE_LAYOUT_MARGIN;
      *y = CYCLE_LAYOUT_MARGIN;
    }
}

/* Puts @added between @after and the stages @after's next steps lead to. */
static void
link_after (CyclePlan  *plan,
            CycleStage *after,
            CycleStage *added)
{
  GListModel *links = cycle_plan_get_links (plan);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CycleLink) link = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) each = g_list_model_get_item (links, i);

      if (cycle_link_get_source (each) == after &&
          cycle_link_get_kind (each) == CYCLE_LINK_NEXT)
        g_ptr_array_add (next, g_steal_pointer (&each));
    }
  for (guint i = 0; i < next->len; i++)
    cycle_link_set_source (g_ptr_array_index (next, i), added);

  link = cycle_link_new (after, added, CYCLE_LINK_NEXT);
  cycle_plan_add_link (plan, link);
}

CycleStage *
cycle_canvas_add_stage (CycleCanvas      *self,
                        CycleLane         lane,
                        const CyclePoint *at)
{
  g_autoptr(CycleStage) stage = NULL;
  CyclePoint spot;
  int position = -1;

  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  if (self->plan == NULL)
    return NULL;

  if (at != NULL)
    {
      spot.x = CLAMP (round (at->x), -1e6, 1e6);
      spot.y = CLAMP (round (at->y), -1e6, 1e6);
    }
  else
    {
      double x, y;

      _cycle_canvas_preferred_spot (self, &x, &y);
      find_free_spot (self, x, y, &spot);
    }

  /* In the plan's order, after the selected stage. */
  if (self->anchor != NULL)
    {
      int index = _cycle_canvas_stage_index (self, self->anchor);

      if (index >= 0)
        position = index + 1;
    }

  stage = cycle_stage_new (lane == CYCLE_LANE_JOURNEY ? _("New Journey Stage") : _("New Stage"));
  cycle_stage_set_lane (stage, lane);
  cycle_stage_set_role (stage, cycle_plan_guess_role (self->plan, position, lane));
  cycle_stage_set_position (stage, spot.x, spot.y);

  /* After the selected stage of its lane, it goes into the flow: the selected stage's next
   * steps leave from it instead, and a next step leads to it. One undo step for all. */
  cycle_plan_begin_group (self->plan, _("Add Stage"));
  cycle_plan_add_stage (self->plan, stage, position);
  if (at == NULL && self->anchor != NULL && cycle_stage_get_lane (self->anchor) == lane)
    link_after (self->plan, self->anchor, stage);
  cycle_plan_end_group (self->plan);

  cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
  _cycle_canvas_focus_stage (self, stage);
  _cycle_canvas_scroll_to_stage (self, stage);

  return stage;
}

/* The selected stages, or NULL when there is no plan or no stage is selected. */
static GPtrArray *
selected_stages_to_edit (CycleCanvas *self)
{
  GPtrArray *stages;

  if (self->plan == NULL)
    return NULL;

  stages = cycle_canvas_get_selected_stages (self);
  if (stages->len == 0)
    g_clear_pointer (&stages, g_ptr_array_unref);

  return stages;
}

void
cycle_canvas_delete_selection (CycleCanvas *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *message = NULL;
  guint n_links = 0;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL || !cycle_canvas_has_selection (self))
    return;

  stages = cycle_canvas_get_selected_stages (self);
  links = cycle_canvas_get_selected_links (self);
  g_ptr_array_set_free_func (stages, g_object_unref);
  g_ptr_array_set_free_func (links, g_object_unref);
  for (guint i = 0; i < stages->len; i++)
    g_object_ref (g_ptr_array_index (stages, i));
  for (guint i = 0; i < links->len; i++)
    g_object_ref (g_ptr_array_index (links, i));

  if (stages->len == 1)
    /* Translators: a notification; %s is the name of the stage */
    message = g_strdup_printf (_("“%s” removed"),
                               cycle_stage_get_name (g_ptr_array_index (stages, 0)));
  else if (stages->len > 1)
    /* Translators: a notification */
    message = g_strdup_printf (ngettext ("%u stage removed", "%u stages removed", stages->len),
                               stages->len);

  cycle_plan_begin_group (self->plan,
                          stages->len > 0 ? ngettext ("Remove Stage", "Remove Stages",
                                                      stages->len)
                                          : ngettext ("Remove Link", "Remove Links",
                                                      links->len));
  for (guint i = 0; i < links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (links, i);

      /* Removing a stage removes its links: only the others are left to remove. */
      if (cycle_item_get_plan (CYCLE_ITEM (link)) == self->plan &&
          !g_ptr_array_find (stages, cycle_link_get_source (link), NULL) &&
          !g_ptr_array_find (stages, cycle_link_get_target (link), NULL))
        {
          cycle_plan_remove_link (self->plan, link);
          n_links++;
        }
    }
  for (guint i = 0; i < stages->len; i++)
    cycle_plan_remove_stage (self->plan, g_ptr_array_index (stages, i));
  cycle_plan_end_group (self->plan);

  if (message == NULL && n_links == 1)
    message = g_strdup (_("Link removed"));
  else if (message == NULL)
    /* Translators: a notification */
    message = g_strdup_printf (ngettext ("%u link removed", "%u links removed", n_links),
                               n_links);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  _cycle_canvas_message (self, message, TRUE);
}

void
cycle_canvas_duplicate_selection (CycleCanvas *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  /* original stage → its copy (both borrowed) */
  g_autoptr(GHashTable) copy_of = g_hash_table_new (NULL, NULL);

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  stages = selected_stages_to_edit (self);
  if (stages == NULL)
    return;

  cycle_plan_begin_group (self->plan, ngettext ("Duplicate Stage", "Duplicate Stages",
                                                stages->len));
  for (guint i = 0; i < stages->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (stages, i);
      /* Translators: the name of a copy of a stage; %s is the stage's name */
      g_autofree char *name = g_strdup_printf (_("%s (copy)"), cycle_stage_get_name (stage));
      CycleStage *copy = cycle_stage_new (name);
      CyclePoint spot;

      /* Its fields, not its content: content belongs to one stage. */
      cycle_stage_set_lane (copy, cycle_stage_get_lane (stage));
      cycle_stage_set_why (copy, cycle_stage_get_why (stage));
      cycle_stage_set_question (copy, cycle_stage_get_question (stage));
      cycle_stage_set_permission (copy, cycle_stage_get_permission (stage));
      cycle_stage_set_role (copy, cycle_stage_get_role (stage));
      cycle_stage_set_kpi (copy, cycle_stage_get_kpi (stage));
      cycle_stage_set_conversion_rate (copy, cycle_stage_get_conversion_rate (stage));
      cycle_stage_set_days (copy, cycle_stage_get_days (stage));
      cycle_stage_set_owner (copy, cycle_stage_get_owner (stage));
      cycle_stage_set_color (copy, cycle_stage_get_color (stage));
      find_free_spot (self, cycle_stage_get_x (stage) + DUPLICATE_OFFSET,
                      cycle_stage_get_y (stage) + DUPLICATE_OFFSET, &spot);
      cycle_stage_set_position (copy, spot.x, spot.y);

      cycle_plan_add_stage (self->plan, copy, _cycle_canvas_stage_index (self, stage) + 1);
      g_ptr_array_add (copies, copy);
      g_hash_table_insert (copy_of, stage, copy);
    }

  /* The links between the stages copied are copied with them, as drawn; a link to a stage left
   * out stays the original's alone. */
  {
    GListModel *links = cycle_plan_get_links (self->plan);
    guint n = g_list_model_get_n_items (links);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
        CycleStage *source = g_hash_table_lookup (copy_of, cycle_link_get_source (link));
        CycleStage *target = g_hash_table_lookup (copy_of, cycle_link_get_target (link));
        g_autoptr(CycleLink) twin = NULL;

        if (source == NULL || target == NULL)
          continue;

        twin = cycle_link_new (source, target, cycle_link_get_kind (link));
        cycle_link_set_rate (twin, cycle_link_get_rate (link));
        cycle_plan_add_link (self->plan, twin);
      }
  }
  cycle_plan_end_group (self->plan);

  _cycle_canvas_select_new_stages (self, copies);
}

void
_cycle_canvas_select_new_stages (CycleCanvas *self,
                                 GPtrArray   *stages)
{
  g_return_if_fail (stages->len > 0);

  g_hash_table_remove_all (self->selected_stages);
  g_hash_table_remove_all (self->selected_links);
  for (guint i = 0; i < stages->len; i++)
    g_hash_table_add (self->selected_stages, g_ptr_array_index (stages, i));
  self->anchor = g_ptr_array_index (stages, stages->len - 1);
  _cycle_canvas_selection_changed (self);
  _cycle_canvas_focus_stage (self, self->anchor);
  _cycle_canvas_scroll_to_stage (self, self->anchor);
}

/* The stage of the same lane before (@step < 0) or after @stage in the plan's order. */
static CycleStage *
lane_neighbour (CycleCanvas *self,
                CycleStage  *stage,
                int          step)
{
  int index = _cycle_canvas_stage_index (self, stage);
  CycleLane lane = cycle_stage_get_lane (stage);

  if (index < 0)
    return NULL;

  for (int i = index + step; i >= 0 && i < (int) self->stage_widgets->len; i += step)
    {
      CycleStage *other = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));

      if (cycle_stage_get_lane (other) == lane)
        return other;
    }

  return NULL;
}

void
_cycle_canvas_reorder_stage (CycleCanvas *self,
                             CycleStage  *stage,
                             CycleStage  *into_place_of)
{
  int target = _cycle_canvas_stage_index (self, into_place_of);

  if (target < 0 || stage == into_place_of)
    return;

  cycle_plan_move_stage (self->plan, stage, (guint) target);
  /* The widget was replaced: the selection and the focus follow the stage. */
  cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
  _cycle_canvas_focus_stage (self, stage);
}

void
cycle_canvas_nudge_selection (CycleCanvas *self,
                              double       dx,
                              double       dy)
{
  g_autoptr(GPtrArray) stages = NULL;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  stages = selected_stages_to_edit (self);
  if (stages == NULL)
    return;

  if (self->layout != CYCLE_LAYOUT_FREE)
    {
      CycleStage *stage = self->anchor != NULL ? self->anchor : g_ptr_array_index (stages, 0);
      double along = fabs (dx) > fabs (dy) ? dx : dy;
      CycleStage *other = lane_neighbour (self, stage, along < 0 ? -1 : 1);

      if (other != NULL)
        _cycle_canvas_reorder_stage (self, stage, other);
      return;
    }

  /* One undo step for each key press. */
  cycle_plan_begin_group (self->plan, ngettext ("Move Stage", "Move Stages", stages->len));
  for (guint i = 0; i < stages->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (stages, i);

      cycle_stage_set_position (stage,
                                CLAMP (cycle_stage_get_x (stage) + dx, -1e6, 1e6),
                                CLAMP (cycle_stage_get_y (stage) + dy, -1e6, 1e6));
    }
  cycle_plan_end_group (self->plan);

  if (self->anchor != NULL)
    _cycle_canvas_scroll_to_stage (self, self->anchor);
}

CycleLane
_cycle_canvas_get_selection_lane (CycleCanvas *self)
{
  return self->anchor != NULL ? cycle_stage_get_lane (self->anchor) : CYCLE_LANE_INTERNAL;
}

void
cycle_canvas_set_selection_lane (CycleCanvas *self,
                                 CycleLane    lane)
{
  g_autoptr(GPtrArray) stages = NULL;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  stages = selected_stages_to_edit (self);
  if (stages == NULL)
    return;

  cycle_plan_begin_group (self->plan, _("Change Lane"));
  for (guint i = 0; i < stages->len; i++)
    cycle_stage_set_lane (g_ptr_array_index (stages, i), lane);
  cycle_plan_end_group (self->plan);

  _cycle_canvas_notify (self, CANVAS_PROP_SELECTION_LANE);
}

/* ------------------------------------------------------------------------------------------------
 * Links
 */

CycleLinkKind
cycle_canvas_default_link_kind (CyclePlan  *plan,
                                CycleStage *source,
                                CycleStage *target)
{
  GListModel *stages;
  guint source_index = G_MAXUINT, target_index = G_MAXUINT;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), CYCLE_LINK_NEXT);

  if (cycle_stage_get_lane (source) != cycle_stage_get_lane (target))
    return CYCLE_LINK_MAPPING;

  stages = cycle_plan_get_stages (plan);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

      if (stage == source)
        source_index = i;
      if (stage == target)
        target_index = i;
    }

  return target_index <= source_index ? CYCLE_LINK_LOOP : CYCLE_LINK_NEXT;
}

CycleLink *
cycle_canvas_connect (CycleCanvas *self,
                      CycleStage  *source,
                      CycleStage  *target)
{
  g_autoptr(CycleLink) link = NULL;

  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);
  g_return_val_if_fail (CYCLE_IS_STAGE (source), NULL);
  g_return_val_if_fail (CYCLE_IS_STAGE (target), NULL);

  if (self->plan == NULL || source == target ||
      cycle_item_get_plan (CYCLE_ITEM (source)) != self->plan ||
      cycle_item_get_plan (CYCLE_ITEM (target)) != self->plan)
    return NULL;

  /* One link is enough between the same two stages. */
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *existing = g_ptr_array_index (self->links, i);

      if (cycle_link_get_source (existing) == source && cycle_link_get_target (existing) == target)
        return existing;
    }

  link = cycle_link_new (source, target,
                         cycle_canvas_default_link_kind (self->plan, source, target));
  cycle_plan_add_link (self->plan, link);

  return link;
}

CycleLinkKind
_cycle_canvas_get_menu_link_kind (CycleCanvas *self)
{
  return self->menu_link != NULL ? cycle_link_get_kind (self->menu_link) : CYCLE_LINK_NEXT;
}

void
_cycle_canvas_set_menu_link_kind (CycleCanvas   *self,
                                  CycleLinkKind  kind)
{
  if (self->menu_link == NULL || cycle_item_get_plan (CYCLE_ITEM (self->menu_link)) == NULL)
    return;

  cycle_link_change_kind (self->menu_link, kind);
}

CycleLink *
_cycle_canvas_find_link (CycleCanvas *self,
                         const char  *id)
{
  return self->plan != NULL ? cycle_plan_find_link (self->plan, id) : NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Renaming in place
 */

void
_cycle_canvas_stop_rename (CycleCanvas *self,
                           gboolean     commit)
{
  g_autoptr(CycleStage) stage = NULL;
  CyclePlan *plan;
  const char *text;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  if (self->renaming == NULL)
    return;

  stage = g_steal_pointer (&self->renaming);
  text = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  plan = cycle_item_get_plan (CYCLE_ITEM (stage));

  if (commit && plan != NULL && text[0] != '\0' &&
      g_strcmp0 (text, cycle_stage_get_name (stage)) != 0)
    {
      g_autofree char *name = g_strstrip (g_strdup (text));

      /* A rename is a step of its own, not merged with the one before or after. */
      if (name[0] != '\0')
        {
          cycle_plan_seal_undo (plan);
          cycle_stage_set_name (stage, name);
          cycle_plan_seal_undo (plan);
        }
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* A window that has no focus yet (not shown) has none to give back */
  had_focus = gtk_widget_has_focus (self->rename_entry) ||
              (focus != NULL && gtk_widget_is_ancestor (focus, self->rename_entry));
  gtk_widget_set_visible (self->rename_entry, FALSE);
  if (had_focus && plan != NULL)
    _cycle_canvas_focus_stage (self, stage);
}

void
cycle_canvas_start_rename (CycleCanvas *self,
                           CycleStage  *stage)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));

  if (!g_hash_table_contains (self->widget_for_stage, stage))
    return;

  _cycle_canvas_stop_rename (self, TRUE);

  self->renaming = g_object_ref (stage);
  _cycle_canvas_scroll_to_stage (self, stage);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), cycle_stage_get_name (stage));
  gtk_widget_set_visible (self->rename_entry, TRUE);
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkEditable *
cycle_canvas_get_rename_entry (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->renaming != NULL ? GTK_EDITABLE (self->rename_entry) : NULL;
}

static void
on_rename_activate_cb (GtkEntry    *entry,
                       CycleCanvas *self)
{
  _cycle_canvas_stop_rename (self, TRUE);
}

static gboolean
on_rename_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CycleCanvas           *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      _cycle_canvas_stop_rename (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

static void
on_rename_focus_leave_cb (GtkEventControllerFocus *controller,
                          CycleCanvas             *self)
{
  /* Clicking elsewhere keeps what was typed, as in a file manager. */
  if (self->renaming != NULL)
    _cycle_canvas_stop_rename (self, TRUE);
}

/* The name entry, hidden until a rename starts; set up once by _cycle_canvas_actions_init(). */
void
_cycle_canvas_rename_init (CycleCanvas *self)
{
  GtkEventController *keys, *focus;

  self->rename_entry = gtk_entry_new ();
  gtk_widget_set_visible (self->rename_entry, FALSE);
  gtk_widget_add_css_class (self->rename_entry, "stage-name-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage Name"),
                                  -1);
  g_signal_connect (self->rename_entry, "activate", G_CALLBACK (on_rename_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_rename_key_pressed_cb), self);
  gtk_widget_add_controller (self->rename_entry, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_rename_focus_leave_cb), self);
  gtk_widget_add_controller (self->rename_entry, focus);
  gtk_widget_set_parent (self->rename_entry, GTK_WIDGET (self));
}
