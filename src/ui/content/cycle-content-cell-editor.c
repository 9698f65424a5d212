/* cycle-content-cell-editor.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-cell-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-cell-editor.h"

struct _CycleContentCellEditor
{
  GtkPopover      parent_instance;

  CycleContent   *content;
  CycleCellField  field;
  /* The list's choices, row by row: a CycleStage, a CyclePersona (NULL: none) or a status */
  GPtrArray      *choices;

  GtkLabel       *heading;
  GtkListBox     *list;
  GtkWidget      *list_scroller;
  GtkEntry       *entry;
  GtkLabel       *problem;
};

G_DEFINE_FINAL_TYPE (CycleContentCellEditor, cycle_content_cell_editor, GTK_TYPE_POPOVER)

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_name (CycleCellField field)
{
  switch (field)
    {
    case CYCLE_CELL_FIELD_STAGE:
      return _("Stage");
    case CYCLE_CELL_FIELD_PERSONA:
      return _("Persona");
    case CYCLE_CELL_FIELD_STATUS:
      return _("Status");
    case CYCLE_CELL_FIELD_DUE:
      return _("Due");
    case CYCLE_CELL_FIELD_OWNER:
      return _("Owner");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
uses_list (CycleCellField field)
{
  return field == CYCLE_CELL_FIELD_STAGE || field == CYCLE_CELL_FIELD_PERSONA ||
         field == CYCLE_CELL_FIELD_STATUS;
}

static CyclePlan *
content_plan (CycleContentCellEditor *self)
{
  CycleStage *stage = self->content != NULL ? cycle_content_get_stage (self->content) : NULL;

  return stage != NULL ? cycle_item_get_plan (CYCLE_ITEM (stage)) : NULL;
}

static void
show_problem (CycleContentCellEditor *self,
              const char             *problem)
{
  gtk_label_set_label (self->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), problem != NULL && *problem != '\0');
}

static void
add_choice (CycleContentCellEditor *self,
            const char             *label,
            gpointer                choice,
            gboolean                current)
{
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_margin_start (text, 6);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_set_margin_top (text, 4);
  gtk_widget_set_margin_bottom (text, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->choices, choice);
  if (current)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
}

static void
fill_list (CycleContentCellEditor *self)
{
  CyclePlan *plan = content_plan (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->choices, 0);

  if (plan == NULL)
    return;

  if (self->field == CYCLE_CELL_FIELD_STAGE)
    {
      GListModel *stages = cycle_plan_get_stages (plan);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

          add_choice (self, cycle_stage_get_name (stage), stage,
                      stage == cycle_content_get_stage (self->content));
        }
    }
  else if (self->field == CYCLE_CELL_FIELD_PERSONA)
    {
      GListModel *personas = cycle_plan_get_personas (plan);

      add_choice (self, _("No Persona"), NULL, cycle_content_get_persona (self->content) == NULL);
      for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
        {
          g_autoptr(CyclePersona) persona = g_list_model_get_item (personas, i);

          add_choice (self, cycle_persona_get_name (persona), persona,
                      persona == cycle_content_get_persona (self->content));
        }
    }
  else
    {
      guint n = cycle_enum_count (CYCLE_TYPE_STATUS);

      for (guint i = 0; i < n; i++)
        add_choice (self, cycle_enum_get_label (CYCLE_TYPE_STATUS, (int) i), GUINT_TO_POINTER (i),
                    (guint) cycle_content_get_status (self->content) == i);
    }
}

/* Writes what the entry holds or the list has picked, as Enter or Tab would; FALSE when it
 * cannot (a date not understood: the problem then shows). */
static gboolean
cycle_content_cell_editor_commit (CycleContentCellEditor *self)
{
  CyclePlan *plan;

  g_return_val_if_fail (CYCLE_IS_CONTENT_CELL_EDITOR (self), FALSE);

  plan = content_plan (self);
  if (plan == NULL)
    return TRUE;

  cycle_plan_seal_undo (plan);
  if (uses_list (self->field))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
      gpointer choice;

      if (row == NULL)
        return TRUE;
      choice = g_ptr_array_index (self->choices, gtk_list_box_row_get_index (row));
      if (self->field == CYCLE_CELL_FIELD_STAGE)
        {
          if (choice != cycle_content_get_stage (self->content))
            cycle_plan_move_content (plan, self->content, choice, -1);
        }
      else if (self->field == CYCLE_CELL_FIELD_PERSONA)
        cycle_content_set_persona (self->content, choice);
      else
        cycle_content_set_status (self->content, GPOINTER_TO_UINT (choice));
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                      GTK_EDITABLE (self->entry))));

      if (self->field == CYCLE_CELL_FIELD_OWNER)
        cycle_content_set_owner (self->content, text);
      else if (*text == '\0')
        cycle_content_set_due (self->content, "");
      else
        {
          g_autofree char *iso = NULL;
          g_autofree char *problem = NULL;

          if (!cycle_date_parse_input (text, &iso, &problem))
            {
              show_problem (self, problem);
              gtk_widget_error_bell (GTK_WIDGET (self));
              return FALSE;
            }
          cycle_content_set_due (self->content, iso);
        }
    }
  cycle_plan_seal_undo (plan);
  show_problem (self, NULL);

  return TRUE;
}

static void
on_row_activated_cb (CycleContentCellEditor *self,
                     GtkListBoxRow          *row)
{
  gtk_list_box_select_row (self->list, row);
  if (cycle_content_cell_editor_commit (self))
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_entry_activate_cb (CycleContentCellEditor *self)
{
  if (cycle_content_cell_editor_commit (self))
    gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
tab_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  CycleContentCellEditor *self = CYCLE_CONTENT_CELL_EDITOR (widget);
  int direction = g_variant_get_int32 (args);
  g_autoptr(CycleContent) content = NULL;

  if (self->content == NULL || !cycle_content_cell_editor_commit (self))
    return TRUE;
  /* Closing forgets the item */
  content = g_object_ref (self->content);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[MOVE], 0, content, direction);
  return TRUE;
}

void
cycle_content_cell_editor_edit (CycleContentCellEditor *self,
                                CycleContent           *content,
                                CycleCellField          field,
                                const GdkRectangle     *rect)
{
  g_return_if_fail (CYCLE_IS_CONTENT_CELL_EDITOR (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));

  g_set_object (&self->content, content);
  self->field = field;
  gtk_label_set_label (self->heading, field_name (field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_name (field), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_name (field), -1);
  show_problem (self, NULL);

  gtk_widget_set_visible (self->list_scroller, uses_list (field));
  gtk_widget_set_visible (GTK_WIDGET (self->entry), !uses_list (field));
  if (uses_list (field))
    fill_list (self);
  else if (field == CYCLE_CELL_FIELD_OWNER)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), cycle_content_get_owner (content));
  else
    {
      const char *due = cycle_content_get_due (content);
      g_autofree char *shown = due != NULL && *due != '\0' ? cycle_date_format_input (due) : NULL;
      g_autofree char *example = cycle_date_format_input ("2027-03-15");

      gtk_editable_set_text (GTK_EDITABLE (self->entry), shown != NULL ? shown : "");
      gtk_entry_set_placeholder_text (self->entry, example);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);
  gtk_popover_popup (GTK_POPOVER (self));

  if (uses_list (field))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (self->list, 0);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
}

CycleCellField
cycle_content_cell_editor_get_field (CycleContentCellEditor *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_CELL_EDITOR (self), 0);
  return self->field;
}

static void
on_closed_cb (CycleContentCellEditor *self)
{
  /* Forget the item and the choices: they hold on to the plan's objects. */
  g_clear_object (&self->content);
  if (self->choices != NULL)
    g_ptr_array_set_size (self->choices, 0);
}

static void
cycle_content_cell_editor_dispose (GObject *object)
{
  CycleContentCellEditor *self = CYCLE_CONTENT_CELL_EDITOR (object);

  g_clear_object (&self->content);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (cycle_content_cell_editor_parent_class)->dispose (object);
}

static void
cycle_content_cell_editor_class_init (CycleContentCellEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_content_cell_editor_dispose;

  /* Tab (1) or Shift+Tab (-1) after the field of the content was written: the next or
   * previous field */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CYCLE_TYPE_CONTENT, G_TYPE_INT);

}

static void
cycle_content_cell_editor_init (CycleContentCellEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->choices = g_ptr_array_new ();

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->list_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->list_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->list_scroller),
                                                    TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->list_scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->list_scroller),
                                 GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), self->list_scroller);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 16);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_max_width_chars (self->problem, 36);
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));

  /* Before the list and the entry move the focus with Tab themselves */
  {
    struct { guint key; GdkModifierType mods; int direction; } tabs[] = {
      { GDK_KEY_Tab, 0, 1 }, { GDK_KEY_KP_Tab, 0, 1 },
      { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, -1 }, { GDK_KEY_Tab, GDK_SHIFT_MASK, -1 },
    };
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
      {
        GtkShortcut *shortcut =
          gtk_shortcut_new (gtk_keyval_trigger_new (tabs[i].key, tabs[i].mods),
                            gtk_callback_action_new (tab_cb, NULL, NULL));

        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (tabs[i].direction));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
      }
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed_cb), NULL);
}

GtkWidget *
cycle_content_cell_editor_new (void)
{
  return g_object_new (CYCLE_TYPE_CONTENT_CELL_EDITOR, NULL);
}
