/* cycle-style.h: the colours of a widget's style, for widgets that draw their own text and shapes
 *
 * GTK 4.8 reads them only through GtkStyleContext, deprecated in 4.10 (gtk_widget_get_color);
 * this is the one place that does, for when the floor moves.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @widget's text colour (CSS "color") */
void     cycle_style_get_color    (GtkWidget  *widget,
                                   GdkRGBA    *color);
/* A named colour of the theme ("accent_color"…) as @widget's style sees it; FALSE if none. */
gboolean cycle_style_lookup_color (GtkWidget  *widget,
                                   const char *name,
                                   GdkRGBA    *color);

G_END_DECLS
