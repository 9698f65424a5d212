/* cycle-conflict-list.c: a plan's recorded merge conflicts, each settled by picking a side
 *
 * One row per conflict the plan records (cycle_plan_get_conflicts ()): the item and the field in
 * plain words, then each side's value on a button that keeps it. A pick is the model's
 * cycle_plan_resolve_conflict (), one undoable step; the rows are made again from the plan
 * whenever its "conflicts" change (a pick, an undo, a merge), so the list keeps no copy.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-conflict-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-conflict-list.h"
#include "cycle-merge.h"

struct _CycleConflictList
{
  AdwBin        parent_instance;

  CyclePlan    *plan;
  GSignalGroup *plan_signals;

  /* Template widgets */
  GtkStack     *stack;
  GtkLabel     *intro_label;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (CycleConflictList, cycle_conflict_list, ADW_TYPE_BIN)

#define INDEX_KEY "cycle-conflict-index"
#define SIDE_KEY "cycle-conflict-side"

static void
on_side_clicked_cb (CycleConflictList *self,
                    GtkButton         *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), INDEX_KEY));
  CycleMergeSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), SIDE_KEY));

  if (self->plan == NULL || index >= cycle_plan_get_n_conflicts (self->plan))
    return;

  /* The rows are made again from the plan's notification */
  cycle_plan_resolve_conflict (self->plan, index, side);
}

static GtkWidget *
side_button_new (CycleConflictList   *self,
                 const CycleConflict *conflict,
                 guint                index,
                 CycleMergeSide       side)
{
  g_autofree char *value = cycle_conflict_dup_value_label (conflict, self->plan, side);
  g_autofree char *accessible = NULL;
  const char *caption = side == CYCLE_MERGE_OURS ? _("Keep Mine") : _("Take Theirs");
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (caption);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "conflict-value");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);

  /* Translators: what a button does, then the value it keeps: Keep Mine: “Visitors” */
  accessible = g_strdup_printf (_("%s: %s"), caption, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (button, value);

  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), SIDE_KEY, GINT_TO_POINTER (side));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_side_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
row_new (CycleConflictList   *self,
         const CycleConflict *conflict,
         guint                index)
{
  g_autofree char *item = cycle_conflict_dup_item_label (conflict);
  g_autofree char *field = cycle_conflict_dup_field_label (conflict);
  g_autofree char *name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (item);
  GtkWidget *subtitle = gtk_label_new (field);
  /* Side by side where there is room, one above the other in a narrow window */
  GtkWidget *sides = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (sides), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (sides), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (sides), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (sides), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (sides), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (sides), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (sides), side_button_new (self, conflict, index,
                                                              CYCLE_MERGE_OURS));
  gtk_flow_box_append (GTK_FLOW_BOX (sides), side_button_new (self, conflict, index,
                                                              CYCLE_MERGE_THEIRS));
  for (GtkWidget *child = gtk_widget_get_first_child (sides); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Translators: an item and a field in a conflict: Stage “Visitors”, Why */
  name = g_strdup_printf (_("%s, %s"), item, field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
rebuild (CycleConflictList *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *intro = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  conflicts = self->plan != NULL ? cycle_plan_get_conflicts (self->plan)
                                 : g_ptr_array_new ();
  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (self->list_box, row_new (self, g_ptr_array_index (conflicts, i), i));

  intro = g_strdup_printf (ngettext ("A merge found %u change made differently on both sides. "
                                     "The plan holds your version until you pick one; each "
                                     "pick can be undone.",
                                     "A merge found %u changes made differently on both sides. "
                                     "The plan holds your version until you pick one; each "
                                     "pick can be undone.", conflicts->len), conflicts->len);
  gtk_label_set_label (self->intro_label, intro);
  gtk_stack_set_visible_child_name (self->stack, conflicts->len > 0 ? "list" : "empty");
}

void
cycle_conflict_list_set_plan (CycleConflictList *self,
                              CyclePlan         *plan)
{
  g_return_if_fail (CYCLE_IS_CONFLICT_LIST (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  rebuild (self);
}

GtkWidget *
cycle_conflict_list_new (void)
{
  return g_object_new (CYCLE_TYPE_CONFLICT_LIST, NULL);
}

static void
cycle_conflict_list_dispose (GObject *object)
{
  CycleConflictList *self = CYCLE_CONFLICT_LIST (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONFLICT_LIST);

  G_OBJECT_CLASS (cycle_conflict_list_parent_class)->dispose (object);
}

static void
cycle_conflict_list_class_init (CycleConflictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_conflict_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-conflict-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleConflictList, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleConflictList, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CycleConflictList, list_box);
}

static void
cycle_conflict_list_init (CycleConflictList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::conflicts",
                                  G_CALLBACK (rebuild), self);
  rebuild (self);
}
