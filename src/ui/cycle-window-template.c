/* cycle-window-template.c: "Save as Template…": the team keeps a plan as a template of its own,
 * offered beside the built-in ones in the template dialog
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-templates.h"
#include "cycle-window-private.h"

gboolean
_cycle_window_save_as_template (CycleWindow *self,
                                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  file = cycle_templates_save_user (_cycle_window_get_plan (self), name, &error);
  if (file == NULL)
    {
      cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Save the Template"),
                                 error->message);
      return FALSE;
    }

  shown = g_strstrip (g_strdup (name));
  /* Translators: a notification; %s is the name the team gave its template */
  message = g_strdup_printf (_("Saved as the template “%s”: it is offered in New from "
                               "Template"), shown);
  _cycle_window_notify (self, message, FALSE);
  return TRUE;
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                CycleWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "save") == 0)
    _cycle_window_save_as_template (self, gtk_editable_get_text (entry));
}

static void
on_entry_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);
  const char *title = cycle_plan_get_title (_cycle_window_get_plan (self));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = cycle_message_dialog_new (GTK_WINDOW (self), _("Save as Template"),
                                             _("The team can then start new plans from this "
                                               "one, with or without its content, in New from "
                                               "Template."));

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), dialog);
  on_entry_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_cycle_window_class_template_init (CycleWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.save-as-template", NULL,
                                   save_as_template_action);
}
