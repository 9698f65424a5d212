/* cycle-content-drag.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-drag"

#include "config.h"

#include "cycle-content-drag.h"

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource        *source,
                    double                x,
                    double                y,
                    CycleContentDragFunc  get_content)
{
  CycleContent *content = get_content (gtk_event_controller_get_widget (
                                         GTK_EVENT_CONTROLLER (source)));

  if (content == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CYCLE_TYPE_CONTENT, content);
}

GtkDragSource *
cycle_content_drag_source_add (GtkWidget            *widget,
                               CycleContentDragFunc  get_content)
{
  GtkDragSource *drag;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (get_content != NULL, NULL);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), get_content);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  return drag;
}
