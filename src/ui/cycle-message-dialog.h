/* cycle-message-dialog.h: the message dialogs of every window, modal and closed with it
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog over @parent, modal, destroyed with it; its responses are the caller's. */
AdwMessageDialog *cycle_message_dialog_new  (GtkWindow  *parent,
                                             const char *heading,
                                             const char *body);
/* Shows a message with one response, Close (the default, and what Escape does). */
void              cycle_message_dialog_show (GtkWindow  *parent,
                                             const char *heading,
                                             const char *body);

G_END_DECLS
