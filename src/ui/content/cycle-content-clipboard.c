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
#include "cycle-export.h"

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

void
cycle_content_clipboard_copy (GtkWidget *widget,
                              GPtrArray *contents)
{
  g_autoptr(GListStore) copied = g_list_store_new (CYCLE_TYPE_CONTENT);
  g_autoptr(GBytes) rows = NULL;
  g_autofree char *text = NULL;
  const char *data;
  gsize size = 0;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (contents != NULL && contents->len > 0);

  for (guint i = 0; i < contents->len; i++)
    g_list_store_append (copied, g_ptr_array_index (contents, i));
  rows = cycle_export_csv_content (G_LIST_MODEL (copied), CYCLE_CSV_EXPORT_NO_BOM, '\t');
  data = g_bytes_get_data (rows, &size);
  text = g_strndup (data, size);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

void
cycle_content_clipboard_copy_one (GtkWidget    *widget,
                                  CycleContent *content)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_if_fail (CYCLE_IS_CONTENT (content));

  g_ptr_array_add (one, content);
  cycle_content_clipboard_copy (widget, one);
}
