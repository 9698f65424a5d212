/* cycle-content-table-rows.c: the table's rows — found, scrolled to, picked, their menu — and
 * the actions on them (table.edit, rename, copy, duplicate, delete, show on the board…)
 *
 * Part of CycleContentTable (cycle-content-table.c), sharing cycle-content-table-private.h.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-bulk-bar.h"
#include "cycle-content-cell-editor.h"
#include "cycle-content-table-private.h"
#include "cycle-content-title-cell.h"

/* The row the single-row actions (edit, rename, duplicate…) act on: the last one picked. */
static CycleContent *
selected_content (CycleContentTable *self)
{
  GListModel *set = G_LIST_MODEL (self->selected);
  guint n = g_list_model_get_n_items (set);
  g_autoptr(CycleContent) content = n > 0 ? g_list_model_get_item (set, n - 1) : NULL;
  CycleStage *stage = content != NULL ? cycle_content_get_stage (content) : NULL;

  /* Borrowed: the set holds it */
  if (stage == NULL || cycle_item_get_plan (CYCLE_ITEM (stage)) != self->plan)
    return NULL;
  return content;
}

/* ------------------------------------------------------------------------------------------------
 * Rows
 */

CycleContentTitleCell *
_cycle_content_table_find_title_cell (CycleContentTable *self,
                                      CycleContent      *content)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->title_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      if (cycle_content_title_cell_get_content (cell) == content && gtk_widget_get_mapped (cell))
        return cell;
    }

  return NULL;
}

static GtkWidget *
inner_list_view (CycleContentTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

void
_cycle_content_table_scroll_to (CycleContentTable *self,
                                guint              position)
{
  GtkWidget *list = inner_list_view (self);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* The cell of @content in @column, if it is on screen */
GtkWidget *
_cycle_content_table_find_cell (GtkWidget    *widget,
                                CycleContent *content,
                                int           column)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "cycle-list-item");

  if (list_item != NULL)
    return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cycle-column")) == column + 1 &&
           gtk_list_item_get_item (list_item) == (gpointer) content &&
           gtk_widget_get_mapped (widget) ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _cycle_content_table_find_cell (child, content, column);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The keyboard goes back to the row the editor was on */
void
_cycle_content_table_on_cell_editor_closed (CycleContentTable *self)
{
  CycleContent *content = selected_content (self);
  GtkWidget *cell = NULL;

  if (content != NULL)
    cell = _cycle_content_table_find_cell (GTK_WIDGET (self->column_view), content, 0);

  for (GtkWidget *w = cell; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (gtk_widget_get_focusable (w))
      {
        gtk_widget_grab_focus (w);
        break;
      }
}

static void
on_column_view_activate_cb (CycleContentTable *self,
                            guint              position,
                            GtkColumnView     *column_view)
{
  g_autoptr(CycleContent) content = g_list_model_get_item (G_LIST_MODEL (self->reversed),
                                                           position);

  if (content != NULL)
    g_signal_emit_by_name (self, "edit-content", content);
}

/* The position of the row under a point of the column view, from the cell that was hit. */
static guint
row_at (CycleContentTable *self,
        double             x,
        double             y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self->column_view);
       w = gtk_widget_get_parent (w))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (w), "cycle-list-item");

      if (list_item != NULL)
        return gtk_list_item_get_position (list_item);
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_cycle_content_table_on_secondary_click (GtkGestureClick   *gesture,
                                         int                n_press,
                                         double             x,
                                         double             y,
                                         CycleContentTable *self)
{
  guint position = row_at (self, x, y);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y), in_self;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* A row of the selection keeps it: the menu then acts on all of them. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self), &point,
                                 &in_self))
    return;

  /* The stages and personas as they are now */
  cycle_content_bulk_bar_get_menu (self->bulk_bar);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { in_self.x, in_self.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

void
_cycle_content_table_on_selection_changed (CycleContentTable *self)
{
  gboolean has = selected_content (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.select-none",
                                 cycle_selected_content_get_count (self->selected) > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.edit", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.rename", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.duplicate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.show-on-board", has);
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

/* table.edit, table.show-on-board: the selected row goes to the view, which opens it in the
 * editor ("edit-content") or on the board ("show-on-board") */
static void
hand_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (widget);
  CycleContent *content = selected_content (self);

  if (content != NULL)
    g_signal_emit_by_name (self, g_str_equal (action_name, "table.edit") ? "edit-content"
                                                                           : "show-on-board",
                           content);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (widget);
  CycleContent *content = selected_content (self);
  CycleContentTitleCell *cell;

  if (content == NULL)
    return;

  cell = _cycle_content_table_find_title_cell (self, content);
  if (cell == NULL)
    {
      /* Off screen: bring it in; the next F2 finds it. */
      guint position = _cycle_content_table_find_position (G_LIST_MODEL (self->reversed),
                                                           content);

      _cycle_content_table_scroll_to (self, position);
      gtk_widget_error_bell (widget);
      return;
    }

  cycle_content_title_cell_start_editing (cell);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (widget);

  /* Every selected row, in the plan's order */
  if (!cycle_content_bulk_bar_copy (self->bulk_bar))
    gtk_widget_error_bell (widget);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (widget);
  CycleContent *content = selected_content (self);

  if (content != NULL)
    cycle_content_duplicate (content);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (widget);
  g_autoptr(CycleContent) content = NULL;

  if (selected_content (self) == NULL || self->plan == NULL)
    return;

  /* Several rows: all of them, one undo step */
  if (cycle_selected_content_get_count (self->selected) > 1)
    {
      cycle_content_bulk_bar_delete (self->bulk_bar);
      return;
    }

  content = g_object_ref (selected_content (self));
  cycle_plan_seal_undo (self->plan);
  cycle_plan_remove_content (self->plan, content);
  g_signal_emit_by_name (self, "removed", content);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cycle_content_query_reset (CYCLE_CONTENT_TABLE (widget)->query);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cycle_selected_content_clear (CYCLE_CONTENT_TABLE (widget)->selected);
}

void
_cycle_content_table_on_bulk_removed (CycleContentTable *self,
                                      guint              n)
{
  g_signal_emit_by_name (self, "removed-many", n);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cycle_content_table_focus_search (CYCLE_CONTENT_TABLE (widget));
}

void
_cycle_content_table_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "table.edit", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "table.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "table.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "table.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "table.show-on-board", NULL,
                                   hand_over_action);
  gtk_widget_class_install_action (widget_class, "table.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "table.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_install_action (widget_class, "table.select-none", NULL, select_none_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "table.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "table.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "table.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "table.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "table.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "table.select-none",
                                       NULL);
}
