/* cycle-content-bulk-bar.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-bulk-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-bulk-bar.h"
#include "cycle-content-clipboard.h"

struct _CycleContentBulkBar
{
  GtkWidget             parent_instance;

  CyclePlan            *plan;
  CycleSelectedContent *selected;
  GSimpleActionGroup   *actions;
  GMenu                *stage_menu;
  GMenu                *persona_menu;
  GMenu                *status_menu;
  GMenu                *menu;

  /* Template widgets */
  GtkLabel             *count_label;
  GtkMenuButton        *stage_button;
  GtkMenuButton        *persona_button;
  GtkMenuButton        *status_button;
  GtkMenuButton        *owner_button;
  GtkPopover           *owner_popover;
  GtkEntry             *owner_entry;
};

G_DEFINE_FINAL_TYPE (CycleContentBulkBar, cycle_content_bulk_bar, GTK_TYPE_WIDGET)

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
dup_items (CycleContentBulkBar *self)
{
  if (self->plan == NULL || self->selected == NULL)
    return g_ptr_array_new ();
  return cycle_selected_content_dup_items (self->selected, self->plan);
}

/* ------------------------------------------------------------------------------------------------
 * Menus: the plan's stages and personas, by id
 */

static void
rebuild_menus (CycleContentBulkBar *self)
{
  GListModel *stages = self->plan != NULL ? cycle_plan_get_stages (self->plan) : NULL;
  GListModel *personas = self->plan != NULL ? cycle_plan_get_personas (self->plan) : NULL;
  guint n;

  g_menu_remove_all (self->stage_menu);
  n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (cycle_stage_get_name (stage), NULL);

      g_menu_item_set_action_and_target (item, "bulk.move-to-stage", "s",
                                         cycle_item_get_id (CYCLE_ITEM (stage)));
      g_menu_append_item (self->stage_menu, item);
    }

  g_menu_remove_all (self->persona_menu);
  {
    g_autoptr(GMenuItem) none = g_menu_item_new (_("No Persona"), NULL);

    g_menu_item_set_action_and_target (none, "bulk.set-persona", "s", "");
    g_menu_append_item (self->persona_menu, none);
  }
  n = personas != NULL ? g_list_model_get_n_items (personas) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CyclePersona) persona = g_list_model_get_item (personas, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (cycle_persona_get_name (persona), NULL);

      g_menu_item_set_action_and_target (item, "bulk.set-persona", "s",
                                         cycle_item_get_id (CYCLE_ITEM (persona)));
      g_menu_append_item (self->persona_menu, item);
    }
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  rebuild_menus (CYCLE_CONTENT_BULK_BAR (user_data));
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

static void
update (CycleContentBulkBar *self)
{
  guint n = self->selected != NULL ? cycle_selected_content_get_count (self->selected) : 0;
  g_autofree char *text = NULL;
  const char *names[] = { "move-to-stage", "set-persona", "set-status", "owner", "copy",
                          "delete", "clear" };

  /* Translators: how many pieces of content are selected on the board or in the table */
  text = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0 && self->plan != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), n > 0 && self->plan != NULL);
    }
}

static void
move_to_stage_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CycleContentBulkBar *self = user_data;
  g_autoptr(GPtrArray) items = dup_items (self);
  CycleStage *stage;

  if (self->plan == NULL)
    return;
  stage = cycle_plan_find_stage (self->plan, g_variant_get_string (parameter, NULL));
  if (stage == NULL || items->len == 0)
    return;
  cycle_plan_move_contents (self->plan, items, stage);
}

static void
set_persona_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CycleContentBulkBar *self = user_data;
  g_autoptr(GPtrArray) items = dup_items (self);
  const char *id = g_variant_get_string (parameter, NULL);
  CyclePersona *persona = NULL;

  if (self->plan == NULL || items->len == 0)
    return;
  if (*id != '\0' && (persona = cycle_plan_find_persona (self->plan, id)) == NULL)
    return;
  cycle_plan_set_contents_persona (self->plan, items, persona);
}

static void
set_status_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CycleContentBulkBar *self = user_data;
  g_autoptr(GPtrArray) items = dup_items (self);
  int status;

  if (self->plan == NULL || items->len == 0 ||
      !cycle_enum_from_nick (CYCLE_TYPE_STATUS, g_variant_get_string (parameter, NULL), &status))
    return;
  cycle_plan_set_contents_status (self->plan, items, status);
}

static void
owner_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  CycleContentBulkBar *self = user_data;

  gtk_menu_button_popup (self->owner_button);
}

static void
on_owner_popover_show_cb (CycleContentBulkBar *self)
{
  g_autoptr(GPtrArray) items = dup_items (self);
  const char *owner = items->len > 0 ? cycle_content_get_owner (items->pdata[0]) : "";

  /* The owner they share, if they all have one */
  for (guint i = 1; i < items->len; i++)
    if (g_strcmp0 (owner, cycle_content_get_owner (items->pdata[i])) != 0)
      owner = "";
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), owner != NULL ? owner : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->owner_entry));
}

static void
on_owner_entry_activate_cb (CycleContentBulkBar *self)
{
  g_autoptr(GPtrArray) items = dup_items (self);

  if (self->plan != NULL && items->len > 0)
    cycle_plan_set_contents_owner (self->plan, items,
                                   gtk_editable_get_text (GTK_EDITABLE (self->owner_entry)));
  gtk_popover_popdown (self->owner_popover);
}

gboolean
cycle_content_bulk_bar_copy (CycleContentBulkBar *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self), FALSE);

  items = dup_items (self);
  if (items->len == 0)
    return FALSE;
  cycle_content_clipboard_copy (GTK_WIDGET (self), items);
  return TRUE;
}

gboolean
cycle_content_bulk_bar_delete (CycleContentBulkBar *self)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self), FALSE);

  items = dup_items (self);
  if (self->plan == NULL || items->len == 0)
    return FALSE;
  n = cycle_plan_remove_contents (self->plan, items);
  cycle_selected_content_clear (self->selected);
  g_signal_emit (self, signals[REMOVED], 0, n);
  return TRUE;
}

static void
copy_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  cycle_content_bulk_bar_copy (user_data);
}

static void
delete_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  cycle_content_bulk_bar_delete (user_data);
}

static void
clear_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  CycleContentBulkBar *self = user_data;

  if (self->selected != NULL)
    cycle_selected_content_clear (self->selected);
}

static const GActionEntry action_entries[] = {
  { "move-to-stage", move_to_stage_cb, "s", NULL, NULL, { 0 } },
  { "set-persona", set_persona_cb, "s", NULL, NULL, { 0 } },
  { "set-status", set_status_cb, "s", NULL, NULL, { 0 } },
  { "owner", owner_cb, NULL, NULL, NULL, { 0 } },
  { "copy", copy_cb, NULL, NULL, NULL, { 0 } },
  { "delete", delete_cb, NULL, NULL, NULL, { 0 } },
  { "clear", clear_cb, NULL, NULL, NULL, { 0 } },
};

/* ------------------------------------------------------------------------------------------------
 * API
 */

void
cycle_content_bulk_bar_set_plan (CycleContentBulkBar *self,
                                 CyclePlan           *plan)
{
  g_return_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  /* The menus are made again each time they open (see create_popup_cb and
   * cycle_content_bulk_bar_get_menu), not after every change of the plan's stages: the row
   * menu of the table holds them, and a menu model that changes rebuilds its widgets. */
  g_set_object (&self->plan, plan);
  if (self->selected != NULL)
    cycle_selected_content_clear (self->selected);
  rebuild_menus (self);
  update (self);
}

void
cycle_content_bulk_bar_set_selected (CycleContentBulkBar  *self,
                                     CycleSelectedContent *selected)
{
  g_return_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self));
  g_return_if_fail (selected == NULL || CYCLE_IS_SELECTED_CONTENT (selected));

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_data (self->selected, self);
  g_set_object (&self->selected, selected);
  if (selected != NULL)
    g_signal_connect_object (selected, "changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

GActionGroup *
cycle_content_bulk_bar_get_actions (CycleContentBulkBar *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GMenuModel *
cycle_content_bulk_bar_get_menu (CycleContentBulkBar *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_BULK_BAR (self), NULL);

  /* Names may have changed since: menus show what the plan says now. */
  rebuild_menus (self);
  return G_MENU_MODEL (self->menu);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_content_bulk_bar_dispose (GObject *object)
{
  CycleContentBulkBar *self = CYCLE_CONTENT_BULK_BAR (object);

  cycle_content_bulk_bar_set_plan (self, NULL);
  cycle_content_bulk_bar_set_selected (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_BULK_BAR);
  /* Template children without an id are not the template's to clear. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);
  g_clear_object (&self->stage_menu);
  g_clear_object (&self->persona_menu);
  g_clear_object (&self->status_menu);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (cycle_content_bulk_bar_parent_class)->dispose (object);
}

static void
cycle_content_bulk_bar_class_init (CycleContentBulkBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_bulk_bar_dispose;

  /* The selection was deleted: how many (undo brings them back). */
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-bulk-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, stage_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, persona_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, status_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, owner_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, owner_popover);
  gtk_widget_class_bind_template_child (widget_class, CycleContentBulkBar, owner_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_entry_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "contentbulkbar");
}

static void
cycle_content_bulk_bar_init (CycleContentBulkBar *self)
{
  GEnumClass *statuses = g_type_class_ref (CYCLE_TYPE_STATUS);
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  /* The bar's own buttons find the group on the bar too */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "bulk", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_menu = g_menu_new ();
  self->persona_menu = g_menu_new ();
  self->status_menu = g_menu_new ();
  for (guint i = 0; i < statuses->n_values; i++)
    {
      g_autoptr(GMenuItem) item =
        g_menu_item_new (cycle_enum_get_label (CYCLE_TYPE_STATUS, statuses->values[i].value),
                         NULL);

      g_menu_item_set_action_and_target (item, "bulk.set-status", "s",
                                         statuses->values[i].value_nick);
      g_menu_append_item (self->status_menu, item);
    }
  g_type_class_unref (statuses);

  gtk_menu_button_set_menu_model (self->stage_button, G_MENU_MODEL (self->stage_menu));
  gtk_menu_button_set_menu_model (self->persona_button, G_MENU_MODEL (self->persona_menu));
  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (self->status_menu));
  gtk_menu_button_set_create_popup_func (self->stage_button, create_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->persona_button, create_popup_cb, self, NULL);

  /* The context menus' section */
  self->menu = g_menu_new ();
  g_menu_append_submenu (section, _("_Move To"), G_MENU_MODEL (self->stage_menu));
  g_menu_append_submenu (section, _("Set _Persona"), G_MENU_MODEL (self->persona_menu));
  g_menu_append_submenu (section, _("Set _Status"), G_MENU_MODEL (self->status_menu));
  g_menu_append (section, _("Set _Owner…"), "bulk.owner");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
  g_menu_append (actions, _("_Copy Selected"), "bulk.copy");
  g_menu_append (actions, _("De_lete Selected"), "bulk.delete");
  g_menu_append (actions, _("Clear Selection"), "bulk.clear");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (actions));

  update (self);
}

GtkWidget *
cycle_content_bulk_bar_new (void)
{
  return g_object_new (CYCLE_TYPE_CONTENT_BULK_BAR, NULL);
}
