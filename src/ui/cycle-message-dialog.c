/* cycle-message-dialog.c: the message dialogs of every window, modal and closed with it
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-message-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-message-dialog.h"

AdwMessageDialog *
cycle_message_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  return ADW_MESSAGE_DIALOG (dialog);
}

void
cycle_message_dialog_show (GtkWindow  *parent,
                           const char *heading,
                           const char *body)
{
  AdwMessageDialog *dialog = cycle_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
