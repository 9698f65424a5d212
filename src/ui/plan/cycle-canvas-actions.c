/* cycle-canvas-actions.c: what the canvas can do — edits, keys, menus, renaming, connecting
 *
 * Everything the mouse does has an action and a key here, so that the keyboard (and a screen
 * reader) can do all of it. Every edit goes through the plan's operations: one undo step each.
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
/* Alt+arrow moves the selection this far, in canvas units; an arrow pans this far, in pixels. */
#define NUDGE_STEP       8.0
#define PAN_STEP         48.0
#define ZOOM_STEP        1.25


/* ------------------------------------------------------------------------------------------------
 * Adding, removing, duplicating, moving
 */

static gboolean
spot_is_free (CycleCanvas *self,
              double       x,
              double       y)
{
  CycleRect spot = { x - FREE_SPOT_GAP, y - FREE_SPOT_GAP,
                     CYCLE_STAGE_WIDTH + 2 * FREE_SPOT_GAP,
                     CYCLE_STAGE_HEIGHT + 2 * FREE_SPOT_GAP };

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

/* The free spot nearest to (x, y) in the free layout, searching outwards ring by ring. */
static void
find_free_spot (CycleCanvas *self,
                double       x,
                double       y,
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
            if (spot_is_free (self, cx, cy))
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
preferred_spot (CycleCanvas *self,
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

      preferred_spot (self, &x, &y);
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
  cycle_plan_add_stage (self->plan, stage, position);

  cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
  _cycle_canvas_focus_stage (self, stage);
  _cycle_canvas_scroll_to_stage (self, stage);

  return stage;
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

  if (self->plan == NULL)
    return;

  stages = cycle_canvas_get_selected_stages (self);
  if (stages->len == 0)
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

  g_hash_table_remove_all (self->selected_stages);
  g_hash_table_remove_all (self->selected_links);
  for (guint i = 0; i < copies->len; i++)
    g_hash_table_add (self->selected_stages, g_ptr_array_index (copies, i));
  self->anchor = g_ptr_array_index (copies, copies->len - 1);
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

  if (self->plan == NULL)
    return;

  stages = cycle_canvas_get_selected_stages (self);
  if (stages->len == 0)
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

  if (self->plan == NULL)
    return;

  stages = cycle_canvas_get_selected_stages (self);
  if (stages->len == 0)
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

static CycleLink *
find_link (CycleCanvas *self,
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

  had_focus = gtk_widget_has_focus (self->rename_entry) ||
              gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (
                                                            GTK_WIDGET (self))),
                                      self->rename_entry);
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

/* ------------------------------------------------------------------------------------------------
 * "Connect to…": the other stages in a list, for the keyboard
 */

static gboolean
connect_filter_cb (gpointer item,
                   gpointer user_data)
{
  CycleCanvas *self = user_data;
  const char *search;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (item == self->connect_source)
    return FALSE;

  search = gtk_editable_get_text (GTK_EDITABLE (self->connect_search));
  if (search == NULL || search[0] == '\0')
    return TRUE;

  name = g_utf8_casefold (cycle_stage_get_name (CYCLE_STAGE (item)), -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (name, needle) != NULL;
}

static GtkWidget *
create_connect_row_cb (gpointer item,
                       gpointer user_data)
{
  CycleStage *stage = CYCLE_STAGE (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (cycle_stage_get_name (stage));
  GtkWidget *lane = gtk_label_new (cycle_enum_get_label (CYCLE_TYPE_LANE,
                                                         cycle_stage_get_lane (stage)));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (lane), 0.0f);
  gtk_widget_add_css_class (lane, "dim-label");
  gtk_widget_add_css_class (lane, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), lane);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cycle-stage", g_object_ref (stage), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cycle_stage_get_name (stage),
                                  -1);

  return row;
}

static void
connect_to (CycleCanvas *self,
            CycleStage  *target)
{
  g_autoptr(CycleStage) source = self->connect_source != NULL
                                 ? g_object_ref (self->connect_source) : NULL;
  CycleLink *link;

  gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
  if (source == NULL || target == NULL)
    return;

  link = cycle_canvas_connect (self, source, target);
  _cycle_canvas_focus_stage (self, source);
  if (link != NULL)
    {
      /* Translators: a notification; the names of two stages and the kind of link between them */
      g_autofree char *message =
        g_strdup_printf (_("“%s” linked to “%s”: %s"),
                         cycle_stage_get_name (source), cycle_stage_get_name (target),
                         cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, cycle_link_get_kind (link)));

      _cycle_canvas_message (self, message, FALSE);
    }
}

static void
on_connect_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             CycleCanvas   *self)
{
  connect_to (self, g_object_get_data (G_OBJECT (row), "cycle-stage"));
}

static void
on_connect_search_changed_cb (GtkSearchEntry *entry,
                              CycleCanvas    *self)
{
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_connect_search_activate_cb (GtkSearchEntry *entry,
                               CycleCanvas    *self)
{
  GtkListBoxRow *row;

  /* Enter may come before the search's delay is over: filter with what was typed. */
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->connect_list), 0);
  if (row != NULL)
    connect_to (self, g_object_get_data (G_OBJECT (row), "cycle-stage"));
}

static void
on_connect_search_stop_cb (GtkSearchEntry *entry,
                           CycleCanvas    *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
}

static gboolean
on_connect_search_key_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CycleCanvas           *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->connect_list), 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
on_connect_closed_cb (GtkPopover  *popover,
                      CycleCanvas *self)
{
  CycleStage *source = self->connect_source;

  self->connect_source = NULL;
  if (source != NULL && cycle_item_get_plan (CYCLE_ITEM (source)) == self->plan)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
        _cycle_canvas_focus_stage (self, source);
    }
}

static void
ensure_connect_popover (CycleCanvas *self)
{
  GtkWidget *box, *title, *scrolled;
  GtkFilterListModel *filtered;
  GtkEventController *keys;

  if (self->connect_popover != NULL)
    return;

  self->connect_filter = gtk_custom_filter_new (connect_filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->connect_filter)));

  title = gtk_label_new (NULL);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);

  self->connect_search = gtk_search_entry_new ();
  g_object_set (self->connect_search, "placeholder-text", _("Find a stage"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a stage to link to"),
                                  -1);
  g_signal_connect (self->connect_search, "search-changed",
                    G_CALLBACK (on_connect_search_changed_cb), self);
  g_signal_connect (self->connect_search, "activate",
                    G_CALLBACK (on_connect_search_activate_cb), self);
  g_signal_connect (self->connect_search, "stop-search",
                    G_CALLBACK (on_connect_search_stop_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_connect_search_key_cb), self);
  gtk_widget_add_controller (self->connect_search, keys);

  self->connect_list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->connect_list, "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->connect_list), TRUE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->connect_list), G_LIST_MODEL (filtered),
                           create_connect_row_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stages"),
                                  -1);
  g_signal_connect (self->connect_list, "row-activated",
                    G_CALLBACK (on_connect_row_activated_cb), self);
  g_object_set_data_full (G_OBJECT (self->connect_list), "cycle-filter-model", filtered,
                          g_object_unref);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->connect_list);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), self->connect_search);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->connect_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->connect_popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->connect_popover), GTK_POS_RIGHT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connect to"),
                                  -1);
  g_object_set_data (G_OBJECT (self->connect_popover), "cycle-title", title);
  g_signal_connect (self->connect_popover, "closed", G_CALLBACK (on_connect_closed_cb), self);
  gtk_widget_set_parent (self->connect_popover, GTK_WIDGET (self));
}

void
cycle_canvas_show_connect (CycleCanvas *self)
{
  GtkFilterListModel *filtered;
  GtkWidget *title;
  g_autofree char *heading = NULL;
  GdkRectangle rect;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL || self->anchor == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  ensure_connect_popover (self);

  self->connect_source = self->anchor;
  filtered = g_object_get_data (G_OBJECT (self->connect_list), "cycle-filter-model");
  gtk_filter_list_model_set_model (filtered, cycle_plan_get_stages (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->connect_search), "");
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);

  title = g_object_get_data (G_OBJECT (self->connect_popover), "cycle-title");
  /* Translators: the title of the list of stages a stage can be linked to */
  heading = g_strdup_printf (_("Link “%s” to…"), cycle_stage_get_name (self->connect_source));
  gtk_label_set_text (GTK_LABEL (title), heading);

  _cycle_canvas_scroll_to_stage (self, self->connect_source);
  _cycle_canvas_stage_screen_rect (self, self->connect_source, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->connect_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->connect_popover));
  gtk_widget_grab_focus (self->connect_search);
}

/* ------------------------------------------------------------------------------------------------
 * The link editor: a popover at the link
 */

static int
link_index (CycleCanvas *self,
            CycleLink   *link)
{
  guint index;

  return g_ptr_array_find (self->links, link, &index) ? (int) index : -1;
}

static void
on_link_editor_closed_cb (GtkPopover  *popover,
                          CycleCanvas *self)
{
  GtkWidget *back = self->link_editor_return;

  /* What was typed is read as the popover closes (Escape, a click elsewhere). */
  cycle_link_editor_set_link (CYCLE_LINK_EDITOR (popover), NULL);

  g_clear_weak_pointer (&self->link_editor_return);
  if (back != NULL && gtk_widget_get_mapped (back))
    gtk_widget_grab_focus (back);
}

static void
ensure_link_editor (CycleCanvas *self)
{
  if (self->link_editor != NULL)
    return;

  self->link_editor = cycle_link_editor_new ();
  gtk_widget_set_parent (self->link_editor, GTK_WIDGET (self));
  g_signal_connect (self->link_editor, "closed", G_CALLBACK (on_link_editor_closed_cb), self);
}

void
cycle_canvas_edit_link (CycleCanvas *self,
                        CycleLink   *link)
{
  int index, width, height;
  GtkRoot *root;
  GtkWidget *focus = NULL;
  GdkRectangle rect;
  double x, y;

  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (CYCLE_IS_LINK (link));

  index = link_index (self, link);
  if (index < 0)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  _cycle_canvas_ensure_geometry (self);
  if ((guint) index >= self->n_paths)
    return;

  /* The link's rate pill in view: the popover points at it. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  cycle_canvas_canvas_to_widget (self, self->paths[index].label.x, self->paths[index].label.y,
                                 &x, &y);
  if (width > 0 && height > 0 && (x < 0 || y < 0 || x > width || y > height))
    {
      cycle_canvas_set_pan (self, self->pan_x + width / 2.0 - x, self->pan_y + height / 2.0 - y);
      cycle_canvas_canvas_to_widget (self, self->paths[index].label.x,
                                     self->paths[index].label.y, &x, &y);
    }
  rect = (GdkRectangle) { (int) x - 8, (int) y - 8, 16, 16 };

  /* The focus goes back where it was: the canvas, or the stage editor's list of links. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  if (focus == NULL ||
      (self->link_editor != NULL && gtk_widget_is_ancestor (focus, self->link_editor)))
    focus = GTK_WIDGET (self);
  g_set_weak_pointer (&self->link_editor_return, focus);

  ensure_link_editor (self);
  cycle_link_editor_set_link (CYCLE_LINK_EDITOR (self->link_editor), link);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_editor), &rect);
  gtk_popover_popup (GTK_POPOVER (self->link_editor));
  cycle_link_editor_focus (CYCLE_LINK_EDITOR (self->link_editor));
}

GtkWidget *
cycle_canvas_get_link_editor (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->link_editor;
}

void
_cycle_canvas_forget_link (CycleCanvas *self,
                           CycleLink   *link)
{
  if (self->press_link == link)
    self->press_link = NULL;
  if (self->link_editor != NULL &&
      cycle_link_editor_get_link (CYCLE_LINK_EDITOR (self->link_editor)) == link)
    gtk_popover_popdown (GTK_POPOVER (self->link_editor));
}

/* ------------------------------------------------------------------------------------------------
 * Context menus
 */

static GMenuItem *
menu_item (const char *label,
           const char *action,
           GVariant   *target,
           const char *accel)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);

  return item;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target,
             const char *accel)
{
  g_autoptr(GMenuItem) item = menu_item (label, action, target, accel);

  g_menu_append_item (menu, item);
}

static GMenu *
link_kind_menu (CycleLink *link)
{
  GMenu *menu = g_menu_new ();
  const char *id = cycle_item_get_id (CYCLE_ITEM (link));

  for (guint kind = 0; kind < cycle_enum_count (CYCLE_TYPE_LINK_KIND); kind++)
    {
      const char *nick = cycle_enum_to_nick (CYCLE_TYPE_LINK_KIND, (int) kind);
      const char *label = cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, (int) kind);
      g_autofree char *marked = NULL;

      /* The current kind is marked: these items act on one link among several. */
      if ((CycleLinkKind) kind == cycle_link_get_kind (link))
        marked = g_strdup_printf ("%s ✓", label);
      append_item (menu, marked != NULL ? marked : label, "canvas.set-link-kind",
                   g_variant_new ("(ss)", id, nick), NULL);
    }

  return menu;
}

static GMenuModel *
stage_menu (CycleCanvas *self,
            CycleStage  *stage)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) lane = g_menu_new ();
  g_autoptr(GMenu) lane_section = g_menu_new ();
  g_autoptr(GMenu) links = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  append_item (edit, _("_Open in Editor"), "canvas.activate", NULL, "Return");
  append_item (edit, _("_Rename"), "canvas.rename", NULL, "F2");
  append_item (edit, _("D_uplicate"), "canvas.duplicate", NULL, "<Control>d");
  append_item (edit, _("_Connect to…"), "canvas.connect", NULL, "<Control>l");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (guint i = 0; i < cycle_enum_count (CYCLE_TYPE_LANE); i++)
    append_item (lane, cycle_enum_get_label (CYCLE_TYPE_LANE, (int) i), "canvas.lane",
                 g_variant_new_string (cycle_enum_to_nick (CYCLE_TYPE_LANE, (int) i)), NULL);
  g_menu_append_submenu (lane_section, _("_Lane"), G_MENU_MODEL (lane));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lane_section));

  /* Every link of the stage, so that the keyboard reaches links too. */
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      CycleStage *source = cycle_link_get_source (link);
      CycleStage *target = cycle_link_get_target (link);
      g_autoptr(GMenu) submenu = NULL;
      g_autoptr(GMenu) delete_section = g_menu_new ();
      g_autofree char *label = NULL;

      if (source != stage && target != stage)
        continue;

      submenu = link_kind_menu (link);
      append_item (delete_section, _("_Edit Link…"), "canvas.edit-link",
                   g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (link))), NULL);
      append_item (delete_section, _("_Remove Link"), "canvas.remove-link",
                   g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (link))), NULL);
      g_menu_append_section (submenu, NULL, G_MENU_MODEL (delete_section));

      if (source == stage)
        /* Translators: a menu item for a link; %s is the stage it leads to */
        label = g_strdup_printf (_("Link to “%s”"), cycle_stage_get_name (target));
      else
        /* Translators: a menu item for a link; %s is the stage it comes from */
        label = g_strdup_printf (_("Link from “%s”"), cycle_stage_get_name (source));
      g_menu_append_submenu (links, label, G_MENU_MODEL (submenu));
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (links)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (links));

  append_item (remove, _("_Delete"), "canvas.delete", NULL, "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
link_menu (CycleCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) kind = g_menu_new ();
  g_autoptr(GMenu) kind_section = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  for (guint i = 0; i < cycle_enum_count (CYCLE_TYPE_LINK_KIND); i++)
    append_item (kind, cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, (int) i), "canvas.link-kind",
                 g_variant_new_string (cycle_enum_to_nick (CYCLE_TYPE_LINK_KIND, (int) i)), NULL);
  append_item (edit, _("_Edit Link…"), "canvas.edit-link",
               g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (self->menu_link))), "Return");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  g_menu_append_submenu (kind_section, _("_Kind"), G_MENU_MODEL (kind));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kind_section));

  append_item (remove, _("_Delete"), "canvas.delete", NULL, "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
canvas_menu (CycleCanvas *self,
             double       cx,
             double       cy)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  double x = round (cx - CYCLE_STAGE_WIDTH / 2), y = round (cy - CYCLE_STAGE_HEIGHT / 2);

  append_item (add, _("Add _Funnel Stage Here"), "canvas.add-stage-at",
               g_variant_new ("(sdd)", "internal", x, y), NULL);
  append_item (add, _("Add _Journey Stage Here"), "canvas.add-stage-at",
               g_variant_new ("(sdd)", "journey", x, y), NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));

  append_item (view, _("Select _All"), "canvas.select-all", NULL, "<Control>a");
  append_item (view, _("Show the _Whole Plan"), "canvas.zoom-fit", NULL, "<Control>0");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));

  return G_MENU_MODEL (menu);
}

static void
popup_menu (CycleCanvas  *self,
            GMenuModel   *model,
            GdkRectangle *rect)
{
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
set_menu_link (CycleCanvas *self,
               CycleLink   *link)
{
  g_set_object (&self->menu_link, link);
  _cycle_canvas_notify (self, CANVAS_PROP_MENU_LINK_KIND);
}

void
_cycle_canvas_show_menu_at (CycleCanvas *self,
                            double       x,
                            double       y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  double cx = (x - self->pan_x) / self->zoom, cy = (y - self->pan_y) / self->zoom;
  int index;
  CycleLink *link;

  if (self->plan == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  _cycle_canvas_ensure_geometry (self);

  index = self->n_geometry > 0 ? cycle_layout_hit_stage (self->geometry, self->n_geometry, cx, cy)
                               : -1;
  if (index >= 0)
    {
      CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, index));

      if (!g_hash_table_contains (self->selected_stages, stage))
        cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
      else
        {
          self->anchor = stage;
          _cycle_canvas_selection_changed (self);
        }
      _cycle_canvas_focus_stage (self, stage);
      model = stage_menu (self, stage);
    }
  else
    {
      link = _cycle_canvas_hit_link (self, cx, cy);
      if (link != NULL)
        {
          if (!g_hash_table_contains (self->selected_links, link))
            cycle_canvas_select_link (self, link, CYCLE_SELECT_REPLACE);
          set_menu_link (self, link);
          model = link_menu (self);
        }
      else
        {
          model = canvas_menu (self, cx, cy);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  popup_menu (self, model, &rect);
}

void
cycle_canvas_show_context_menu (CycleCanvas *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  links = cycle_canvas_get_selected_links (self);

  if (self->anchor != NULL)
    {
      _cycle_canvas_scroll_to_stage (self, self->anchor);
      _cycle_canvas_stage_screen_rect (self, self->anchor, &rect);
      model = stage_menu (self, self->anchor);
    }
  else if (links->len > 0)
    {
      CycleLink *link = g_ptr_array_index (links, links->len - 1);
      int index = -1;
      double x, y;

      for (guint i = 0; i < self->links->len; i++)
        if (g_ptr_array_index (self->links, i) == link)
          index = (int) i;
      _cycle_canvas_ensure_geometry (self);
      if (index < 0 || (guint) index >= self->n_paths)
        return;

      cycle_canvas_canvas_to_widget (self, self->paths[index].label.x,
                                     self->paths[index].label.y, &x, &y);
      rect = (GdkRectangle) { (int) x, (int) y, 1, 1 };
      set_menu_link (self, link);
      model = link_menu (self);
    }
  else
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));
      double cx, cy;

      rect = (GdkRectangle) { width / 2, height / 2, 1, 1 };
      cx = (rect.x - self->pan_x) / self->zoom;
      cy = (rect.y - self->pan_y) / self->zoom;
      model = canvas_menu (self, cx, cy);
    }

  popup_menu (self, model, &rect);
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

void
_cycle_canvas_update_actions (CycleCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL;
  gboolean has_stage = self->anchor != NULL;
  gboolean has_selection = cycle_canvas_has_selection (self);
  gboolean has_stages = self->stage_widgets->len > 0;

  gtk_widget_action_set_enabled (widget, "canvas.add-stage", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.add-stage-in-lane", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.add-stage-at", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.rename", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.connect",
                                 has_stage && self->stage_widgets->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.activate",
                                 has_stage || g_hash_table_size (self->selected_links) == 1);
  gtk_widget_action_set_enabled (widget, "canvas.lane", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_stages);
  gtk_widget_action_set_enabled (widget, "canvas.nudge", has_stage);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  cycle_canvas_add_stage (self, _cycle_canvas_get_selection_lane (self), NULL);
}

static void
add_stage_in_lane_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  int lane = CYCLE_LANE_INTERNAL;

  cycle_enum_from_nick (CYCLE_TYPE_LANE, g_variant_get_string (parameter, NULL), &lane);
  cycle_canvas_add_stage (CYCLE_CANVAS (widget), lane, NULL);
}

static void
add_stage_at_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *nick = NULL;
  CyclePoint at;
  int lane = CYCLE_LANE_INTERNAL;

  g_variant_get (parameter, "(&sdd)", &nick, &at.x, &at.y);
  cycle_enum_from_nick (CYCLE_TYPE_LANE, nick, &lane);
  cycle_canvas_add_stage (CYCLE_CANVAS (widget), lane, &at);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cycle_canvas_delete_selection (CYCLE_CANVAS (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cycle_canvas_duplicate_selection (CYCLE_CANVAS (widget));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (self->anchor != NULL)
    cycle_canvas_start_rename (self, self->anchor);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (self->anchor != NULL)
    {
      _cycle_canvas_emit_stage_activated (self, self->anchor);
    }
  else if (g_hash_table_size (self->selected_links) == 1)
    {
      g_autoptr(GPtrArray) links = cycle_canvas_get_selected_links (self);

      cycle_canvas_edit_link (self, g_ptr_array_index (links, 0));
    }
}

static void
edit_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CycleLink *link = find_link (self, g_variant_get_string (parameter, NULL));

  if (link != NULL)
    cycle_canvas_edit_link (self, link);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cycle_canvas_select_all (CYCLE_CANVAS (widget));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cycle_canvas_show_connect (CYCLE_CANVAS (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cycle_canvas_show_context_menu (CYCLE_CANVAS (widget));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  cycle_canvas_set_zoom (self, self->zoom * ZOOM_STEP, NULL);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  cycle_canvas_set_zoom (self, self->zoom / ZOOM_STEP, NULL);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cycle_canvas_zoom_to_fit (CYCLE_CANVAS (widget));
}

static void
set_link_kind_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  const char *id = NULL, *nick = NULL;
  CycleLink *link;
  int kind;

  g_variant_get (parameter, "(&s&s)", &id, &nick);
  link = find_link (self, id);
  if (link != NULL && cycle_enum_from_nick (CYCLE_TYPE_LINK_KIND, nick, &kind))
    cycle_link_change_kind (link, kind);
}

static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CycleLink *link = find_link (self, g_variant_get_string (parameter, NULL));

  if (link == NULL)
    return;

  cycle_plan_remove_link (self->plan, link);
  _cycle_canvas_message (self, _("Link removed"), TRUE);
}

/* ------------------------------------------------------------------------------------------------
 * Keys. They act only while the canvas or one of its stages has the focus: the name entry and
 * the popovers (children of the canvas too) keep their own keys.
 */

static gboolean
focus_on_canvas (CycleCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == GTK_WIDGET (self) ||
         (focus != NULL && CYCLE_IS_STAGE_WIDGET (focus) &&
          gtk_widget_get_parent (focus) == GTK_WIDGET (self));
}

static CycleStageWidget *
focused_stage_widget (CycleCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && CYCLE_IS_STAGE_WIDGET (focus) &&
      gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return CYCLE_STAGE_WIDGET (focus);

  return NULL;
}

static gboolean
key_action_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (!focus_on_canvas (self))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, g_variant_get_string (args, NULL), NULL);
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, key_action_cb, "s", action);
}

/* The nearest stage whose centre lies in the direction (dx, dy) from the focused one: the
 * distance along the direction counts, and twice as much the distance across it. */
static CycleStage *
nearest_in_direction (CycleCanvas *self,
                      int          index,
                      int          dx,
                      int          dy)
{
  const CycleRect *from = &self->geometry[index].bounds;
  double fx = from->x + from->width / 2, fy = from->y + from->height / 2;
  CycleStage *best = NULL;
  double best_score = G_MAXDOUBLE;

  for (guint i = 0; i < self->n_geometry; i++)
    {
      const CycleRect *b = &self->geometry[i].bounds;
      double along, across, score;

      if ((int) i == index)
        continue;

      along = (b->x + b->width / 2 - fx) * dx + (b->y + b->height / 2 - fy) * dy;
      across = fabs ((b->x + b->width / 2 - fx) * dy) + fabs ((b->y + b->height / 2 - fy) * dx);
      if (along <= 0.5)
        continue;

      score = along + 2 * across;
      if (score < best_score)
        {
          best_score = score;
          best = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));
        }
    }

  return best;
}

/* An arrow key: the focus goes to the nearest stage that way; with no stage focused (nothing
 * selected), the view pans. */
static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CycleStageWidget *focused = focused_stage_widget (self);
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);

  if (focused == NULL)
    {
      cycle_canvas_set_pan (self, self->pan_x - dx * PAN_STEP, self->pan_y - dy * PAN_STEP);
    }
  else
    {
      CycleStage *next;
      int index;

      _cycle_canvas_ensure_geometry (self);
      index = _cycle_canvas_stage_index (self, cycle_stage_widget_get_stage (focused));
      next = index >= 0 ? nearest_in_direction (self, index, dx, dy) : NULL;
      if (next != NULL)
        gtk_widget_grab_focus (g_hash_table_lookup (self->widget_for_stage, next));
      else
        gtk_widget_error_bell (widget);
    }
}

/* Alt+arrow: the selection moves by a few units (one undo step each time). */
static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  cycle_canvas_nudge_selection (CYCLE_CANVAS (widget), dx * NUDGE_STEP, dy * NUDGE_STEP);
}

static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  if (!focus_on_canvas (CYCLE_CANVAS (widget)))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, user_data, args);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (_cycle_canvas_cancel_drag (self))
    return TRUE;
  if (!focus_on_canvas (self) || !cycle_canvas_has_selection (self))
    return FALSE;

  cycle_canvas_unselect_all (self);
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
add_arrows (GtkWidgetClass  *widget_class,
            GdkModifierType  mods,
            const char      *action)
{
  static const struct {
    guint keyval;
    int   dx;
    int   dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (arrows[i].keyval, mods);
      GtkShortcutAction *callback = gtk_callback_action_new (arrow_cb, (gpointer) action, NULL);
      GtkShortcut *shortcut = gtk_shortcut_new (trigger, callback);

      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", arrows[i].dx, arrows[i].dy));
      gtk_widget_class_add_shortcut (widget_class, shortcut);
      g_object_unref (shortcut);
    }
}

void
_cycle_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-in-lane", "s",
                                   add_stage_in_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-at", "(sdd)",
                                   add_stage_at_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-focus", "(ii)", move_focus_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(ii)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-link-kind", "(ss)",
                                   set_link_kind_action);
  gtk_widget_class_install_action (widget_class, "canvas.remove-link", "s", remove_link_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit-link", "s", edit_link_action);
  gtk_widget_class_install_property_action (widget_class, "canvas.lane", "selection-lane");
  gtk_widget_class_install_property_action (widget_class, "canvas.link-kind", "menu-link-kind");

  add_key (widget_class, GDK_KEY_Delete, 0, "canvas.delete");
  add_key (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete");
  add_key (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate");
  add_key (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all");
  add_key (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "canvas.connect");
  add_key (widget_class, GDK_KEY_Return, 0, "canvas.activate");
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "canvas.activate");
  add_key (widget_class, GDK_KEY_ISO_Enter, 0, "canvas.activate");
  add_key (widget_class, GDK_KEY_Menu, 0, "canvas.menu");
  add_key (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.menu");

  /* Zooming works wherever the focus is in the canvas. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);

  add_arrows (widget_class, 0, "canvas.move-focus");
  add_arrows (widget_class, GDK_ALT_MASK, "canvas.nudge");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

void
_cycle_canvas_actions_init (CycleCanvas *self)
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

  _cycle_canvas_update_actions (self);
}

void
_cycle_canvas_actions_dispose (CycleCanvas *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->connect_popover, gtk_widget_unparent);
  g_clear_pointer (&self->link_editor, gtk_widget_unparent);
  g_clear_weak_pointer (&self->link_editor_return);
  g_clear_object (&self->connect_filter);
  g_clear_object (&self->menu_link);
  g_clear_object (&self->renaming);
  self->connect_search = NULL;
  self->connect_list = NULL;
  self->connect_source = NULL;
}
