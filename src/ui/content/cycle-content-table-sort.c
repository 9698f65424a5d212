/* cycle-content-table-sort.c: the table's sort menu
 *
 * GTK 4.8's column headers take no keyboard focus: the "Sort By" menu in the filter bar sorts the
 * table by any column, either way, with the keyboard as with the pointer. It sorts through the
 * column view (gtk_column_view_sort_by_column), so the header shows the same arrow as after a
 * click, and its radio items follow the headers: apply_sort () tells it what the table is
 * sorted by, however that came about.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-table-private.h"

/* The "column" state when no column sorts: the table is in the plan's order. */
#define PLAN_ORDER "plan"

static int
column_index (const char *id)
{
  for (guint i = 0; i < CYCLE_CONTENT_TABLE_N_COLUMNS; i++)
    if (g_strcmp0 (_cycle_content_table_column_id (i), id) == 0)
      return (int) i;

  return -1;
}

static gboolean
order_is_descending (CycleContentTable *self)
{
  GAction *order = g_action_map_lookup_action (G_ACTION_MAP (self->sort_actions), "order");
  g_autoptr(GVariant) state = g_action_get_state (order);

  return g_str_equal (g_variant_get_string (state, NULL), "descending");
}

/* Sorts the column view; its sorter's "changed" brings apply_sort (), which sets the states. */
static void
sort_by (CycleContentTable *self,
         int                column,
         gboolean           descending)
{
  gtk_column_view_sort_by_column (self->column_view,
                                  column >= 0 ? self->columns[column] : NULL,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
on_column_change_state_cb (GSimpleAction     *action,
                           GVariant          *value,
                           CycleContentTable *self)
{
  sort_by (self, column_index (g_variant_get_string (value, NULL)), order_is_descending (self));
}

static void
on_order_change_state_cb (GSimpleAction     *action,
                          GVariant          *value,
                          CycleContentTable *self)
{
  GAction *column = g_action_map_lookup_action (G_ACTION_MAP (self->sort_actions), "column");
  g_autoptr(GVariant) state = g_action_get_state (column);
  int index = column_index (g_variant_get_string (state, NULL));

  /* Kept for the next column chosen when the table is in the plan's order. */
  g_simple_action_set_state (action, value);
  if (index >= 0)
    sort_by (self, index, order_is_descending (self));
}

void
_cycle_content_table_sort_changed (CycleContentTable *self,
                                   int                column,
                                   gboolean           descending)
{
  GAction *action;

  if (self->sort_actions == NULL)
    return;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->sort_actions), "column");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (
    column >= 0 ? _cycle_content_table_column_id (column) : PLAN_ORDER));
  if (column >= 0)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self->sort_actions), "order");
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_string (descending ? "descending" : "ascending"));
    }
}

void
_cycle_content_table_init_sort (CycleContentTable *self)
{
  g_autoptr(GSimpleAction) column = NULL;
  g_autoptr(GSimpleAction) order = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) columns = g_menu_new ();
  g_autoptr(GMenu) orders = g_menu_new ();

  column = g_simple_action_new_stateful ("column", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (PLAN_ORDER));
  g_signal_connect_object (column, "change-state", G_CALLBACK (on_column_change_state_cb), self,
                           0);
  order = g_simple_action_new_stateful ("order", G_VARIANT_TYPE_STRING,
                                        g_variant_new_string ("ascending"));
  g_signal_connect_object (order, "change-state", G_CALLBACK (on_order_change_state_cb), self,
                           0);
  self->sort_actions = g_simple_action_group_new ();
  g_action_map_add_action (G_ACTION_MAP (self->sort_actions), G_ACTION (column));
  g_action_map_add_action (G_ACTION_MAP (self->sort_actions), G_ACTION (order));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sort",
                                  G_ACTION_GROUP (self->sort_actions));

  /* The columns by their headers' titles, after the plan's own order. */
  g_menu_append (columns, _("Plan Order"), "sort.column::" PLAN_ORDER);
  for (guint i = 0; i < CYCLE_CONTENT_TABLE_N_COLUMNS; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (gtk_column_view_column_get_title (self->columns[i]), NULL);
      g_menu_item_set_action_and_target (item, "sort.column", "s",
                                         _cycle_content_table_column_id (i));
      g_menu_append_item (columns, item);
    }
  g_menu_append (orders, _("Ascending"), "sort.order::ascending");
  g_menu_append (orders, _("Descending"), "sort.order::descending");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (columns));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (orders));
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (menu));
}
