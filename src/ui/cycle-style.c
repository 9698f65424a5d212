/* cycle-style.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-style"

#include "config.h"

#include "cycle-style.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

void
cycle_style_get_color (GtkWidget *widget,
                       GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

gboolean
cycle_style_lookup_color (GtkWidget  *widget,
                          const char *name,
                          GdkRGBA    *color)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (name != NULL && color != NULL, FALSE);

  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
}

G_GNUC_END_IGNORE_DEPRECATIONS
