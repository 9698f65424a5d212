/* cycle-content-clipboard.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-clipboard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cycle-content-clipboard.h"

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CycleContentView) view = user_data;
  g_autoptr(CycleStage) first = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  CyclePlan *plan = cycle_content_view_get_plan (view);
  CycleStage *stage;

  if (plan == NULL)
    return;
  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (view));
      return;
    }

  stage = cycle_content_view_get_stage (view);
  if (stage == NULL)
    stage = first = g_list_model_get_item (cycle_plan_get_stages (plan), 0);
  if (stage == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (view));
      return;
    }

  /* Translators: how the import dialog names what it reads when it is pasted */
  cycle_content_view_import (view, text, strlen (text), stage, _("the clipboard"));
}

void
cycle_content_clipboard_paste (CycleContentView *view)
{
  GdkClipboard *clipboard;

  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (view));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read_cb, g_object_ref (view));
}
