/* cycle-persona-manager.c
 *
 * The rows follow the plan's persona list (gtk_list_box_bind_model), and each row's fields are
 * bound to its persona: renaming, adding and deleting are undoable edits of the plan.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-persona-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-message-dialog.h"
#include "cycle-persona-manager.h"
#include "cycle-toaster.h"

struct _CyclePersonaManager
{
  AdwPreferencesWindow  parent_instance;

  CyclePlan            *plan;
  CycleToaster         *toaster;

  /* Template widgets */
  GtkListBox           *list_box;
};

G_DEFINE_FINAL_TYPE (CyclePersonaManager, cycle_persona_manager, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint
cycle_persona_count_content (CyclePlan    *plan,
                             CyclePersona *persona)
{
  GListModel *all;
  guint n, count = 0;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), 0);
  g_return_val_if_fail (CYCLE_IS_PERSONA (persona), 0);

  all = cycle_plan_get_all_content (plan);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);

      if (cycle_content_get_persona (content) == persona)
        count++;
    }

  return count;
}

static void
seal (CyclePersonaManager *self)
{
  if (self->plan != NULL)
    cycle_plan_seal_undo (self->plan);
}

static void
toast_removed (CyclePersonaManager *self,
               CyclePersona        *persona)
{
  /* Translators: a notification; %s is the name of a persona */
  cycle_toaster_offer_undo_printf (self->toaster, "personas.undo", _("“%s” deleted"),
                                   cycle_persona_get_name (persona));
}

/* ------------------------------------------------------------------------------------------------
 * Rows
 */

/* A persona always has a name: while the field is empty, it keeps the one it had and @user_data
 * (the row's error icon) shows. */
static gboolean
text_to_name (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  gboolean named = cycle_transform_text_to_name (binding, from, to, NULL);

  gtk_widget_set_visible (GTK_WIDGET (user_data), !named);
  return named;
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   CyclePersonaManager     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  CyclePersona *persona = g_object_get_data (G_OBJECT (entry), "cycle-persona");
  GtkWidget *error = g_object_get_data (G_OBJECT (entry), "cycle-error");

  seal (self);

  /* The name field was left empty: show the name the persona kept. */
  if (error != NULL && gtk_widget_get_visible (error) && persona != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), cycle_persona_get_name (persona));
      gtk_widget_set_visible (error, FALSE);
    }
}

static GtkWidget *
add_entry (CyclePersonaManager *self,
           AdwExpanderRow      *row,
           CyclePersona        *persona,
           const char          *property,
           const char          *title)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_object_set_data (G_OBJECT (entry), "cycle-persona", persona);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  adw_expander_row_add_row (row, entry);

  if (property != NULL)
    g_object_bind_property (persona, property, entry, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  return entry;
}

static void
on_delete_clicked_cb (GtkButton           *button,
                      CyclePersonaManager *self)
{
  CyclePersona *persona = g_object_get_data (G_OBJECT (button), "cycle-persona");

  if (persona != NULL)
    cycle_persona_manager_delete_persona (self, persona);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CyclePersonaManager *self = user_data;
  CyclePersona *persona = item;
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GtkWidget *name, *error, *delete;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (persona, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (persona, "description", row, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (row), "cycle-persona", persona);

  error = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (error, _("A persona needs a name"));
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  name = add_entry (self, row, persona, NULL, _("Name"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (name), error);
  g_object_set_data (G_OBJECT (name), "cycle-error", error);
  g_object_bind_property_full (persona, "name", name, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               NULL, text_to_name, error, NULL);
  g_object_set_data (G_OBJECT (row), "cycle-name-entry", name);

  add_entry (self, row, persona, "description", _("Who They Are"));
  add_entry (self, row, persona, "why", _("Why They Come"));

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Persona"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Persona"),
                                  -1);
  g_object_set_data (G_OBJECT (delete), "cycle-persona", persona);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);
  adw_expander_row_add_action (row, delete);

  return GTK_WIDGET (row);
}

static AdwExpanderRow *
find_row (CyclePersonaManager *self,
          CyclePersona        *persona)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "cycle-persona") == persona)
        return ADW_EXPANDER_ROW (row);
    }
}

/* ------------------------------------------------------------------------------------------------
 * Adding and deleting
 */

/* Adds a persona (undoable) and opens its row with the name ready to type. */
static CyclePersona *
cycle_persona_manager_add_persona (CyclePersonaManager *self)
{
  g_autoptr(CyclePersona) persona = NULL;
  AdwExpanderRow *row;

  g_return_val_if_fail (CYCLE_IS_PERSONA_MANAGER (self), NULL);

  persona = cycle_persona_new (_("New Persona"));
  seal (self);
  cycle_plan_add_persona (self->plan, persona, -1);

  row = find_row (self, persona);
  if (row != NULL)
    {
      GtkWidget *name = g_object_get_data (G_OBJECT (row), "cycle-name-entry");

      adw_expander_row_set_expanded (row, TRUE);
      gtk_widget_grab_focus (name);
      gtk_editable_select_region (GTK_EDITABLE (name), 0, -1);
    }

  /* The plan holds it now. */
  return persona;
}

typedef struct
{
  CyclePersonaManager *self;         /* weak: the dialog may outlive the manager */
  CyclePersona        *persona;
  GtkDropDown         *replacement;  /* the dialog's */
} DeleteRequest;

static void
delete_request_free (gpointer data)
{
  DeleteRequest *request = data;

  g_clear_weak_pointer (&request->self);
  g_clear_object (&request->persona);
  g_free (request);
}

static void
delete_request_notify (gpointer  data,
                       GClosure *closure)
{
  delete_request_free (data);
}

static void
remove_persona (CyclePersonaManager *self,
                CyclePersona        *persona,
                CyclePersona        *replacement)
{
  g_autoptr(CyclePersona) hold = g_object_ref (persona);

  if (cycle_item_get_plan (CYCLE_ITEM (persona)) != self->plan)
    return;
  /* The replacement may have gone while the dialog was open. */
  if (replacement != NULL && cycle_item_get_plan (CYCLE_ITEM (replacement)) != self->plan)
    return;

  seal (self);
  cycle_plan_remove_persona (self->plan, persona, replacement);
  toast_removed (self, persona);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DeleteRequest    *request)
{
  if (request->self == NULL)
    return;

  if (g_strcmp0 (response, "clear") == 0)
    remove_persona (request->self, request->persona, NULL);
  else if (g_strcmp0 (response, "reassign") == 0 && request->replacement != NULL)
    remove_persona (request->self, request->persona,
                    gtk_drop_down_get_selected_item (request->replacement));
}

static gboolean
is_other_persona (gpointer item,
                  gpointer user_data)
{
  return item != user_data;
}

void
cycle_persona_manager_delete_persona (CyclePersonaManager *self,
                                      CyclePersona        *persona)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  DeleteRequest *request;
  GListModel *personas;
  guint count;

  g_return_if_fail (CYCLE_IS_PERSONA_MANAGER (self));
  g_return_if_fail (CYCLE_IS_PERSONA (persona));

  count = cycle_persona_count_content (self->plan, persona);
  if (count == 0)
    {
      remove_persona (self, persona, NULL);
      return;
    }

  /* Translators: the heading of a dialog; %s is the name of a persona */
  heading = g_strdup_printf (_("Delete “%s”?"), cycle_persona_get_name (persona));
  body = g_strdup_printf (ngettext ("One piece of content is meant for this persona. Give it to "
                                    "another persona, or leave it without one.",
                                    "%u pieces of content are meant for this persona. Give them "
                                    "to another persona, or leave them without one.",
                                    count),
                          count);

  dialog = cycle_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "clear", _("_Leave Without Persona"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "clear", ADW_RESPONSE_DESTRUCTIVE);

  request = g_new0 (DeleteRequest, 1);
  g_set_weak_pointer (&request->self, self);
  request->persona = g_object_ref (persona);

  personas = cycle_plan_get_personas (self->plan);
  if (g_list_model_get_n_items (personas) > 1)
    {
      g_autoptr(GtkExpression) name = gtk_property_expression_new (CYCLE_TYPE_PERSONA, NULL,
                                                                   "name");
      GtkFilterListModel *others;
      GtkWidget *box, *label;

      others = gtk_filter_list_model_new (g_object_ref (personas),
                                          GTK_FILTER (gtk_custom_filter_new (is_other_persona,
                                                                             persona, NULL)));
      request->replacement = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (others),
                                                               gtk_expression_ref (name)));
      gtk_widget_set_hexpand (GTK_WIDGET (request->replacement), TRUE);

      label = gtk_label_new_with_mnemonic (_("_Give it to"));
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (request->replacement));
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->replacement));
      adw_message_dialog_set_extra_child (dialog, box);

      adw_message_dialog_add_response (dialog, "reassign", _("_Reassign"));
      adw_message_dialog_set_response_appearance (dialog, "reassign", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "reassign");
    }
  else
    {
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response_cb), request,
                         delete_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cycle_persona_manager_add_persona (CYCLE_PERSONA_MANAGER (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CyclePersonaManager *self = CYCLE_PERSONA_MANAGER (widget);

  seal (self);
  cycle_plan_undo (self->plan);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cycle_plan_redo (CYCLE_PERSONA_MANAGER (widget)->plan);
}

/* ------------------------------------------------------------------------------------------------
 * The window
 */

static void
cycle_persona_manager_constructed (GObject *object)
{
  CyclePersonaManager *self = CYCLE_PERSONA_MANAGER (object);

  G_OBJECT_CLASS (cycle_persona_manager_parent_class)->constructed (object);

  g_return_if_fail (self->plan != NULL);
  gtk_list_box_bind_model (self->list_box, cycle_plan_get_personas (self->plan),
                           create_row_cb, self, NULL);
  /* An offer to undo is about the last step: once the history moves (Ctrl+Z), it goes. */
  g_signal_connect_object (self->plan, "notify::undo-label",
                           G_CALLBACK (cycle_toaster_withdraw_offer), self->toaster,
                           G_CONNECT_SWAPPED);
}

static void
cycle_persona_manager_dispose (GObject *object)
{
  CyclePersonaManager *self = CYCLE_PERSONA_MANAGER (object);

  seal (self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  g_clear_object (&self->toaster);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_PERSONA_MANAGER);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_persona_manager_parent_class)->dispose (object);
}

static void
cycle_persona_manager_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CyclePersonaManager *self = CYCLE_PERSONA_MANAGER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_persona_manager_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CyclePersonaManager *self = CYCLE_PERSONA_MANAGER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_persona_manager_class_init (CyclePersonaManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cycle_persona_manager_constructed;
  object_class->dispose = cycle_persona_manager_dispose;
  object_class->get_property = cycle_persona_manager_get_property;
  object_class->set_property = cycle_persona_manager_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-persona-manager.ui");
  gtk_widget_class_bind_template_child (widget_class, CyclePersonaManager, list_box);

  gtk_widget_class_install_action (widget_class, "personas.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "personas.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "personas.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "personas.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "personas.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "personas.add", NULL);
}

static void
cycle_persona_manager_init (CyclePersonaManager *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toaster = cycle_toaster_new (GTK_WIDGET (self),
                                     (CycleToasterAddFunc) adw_preferences_window_add_toast);

  placeholder = gtk_label_new (_("No personas yet. Add one for each kind of person the plan "
                                 "is for."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

CyclePersonaManager *
cycle_persona_manager_new (GtkWindow *parent,
                           CyclePlan *plan)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  return g_object_new (CYCLE_TYPE_PERSONA_MANAGER,
                       "transient-for", parent,
                       "plan", plan,
                       NULL);
}
