/* cycle-content-drag.h: dragging a widget that shows one piece of content, to move it
 *
 * The board's cards and the calendar's items: the drag carries the CycleContent itself, which the
 * board's columns and the calendar's days take as a move.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content.h"

G_BEGIN_DECLS

/* The content @widget shows, or NULL while it shows none */
typedef CycleContent *(*CycleContentDragFunc) (GtkWidget *widget);

/* Adds to @widget a drag source that moves what @get_content returns when a drag starts (no drag
 * while it returns NULL). Returned (owned by @widget) for the caller's own icon and signals. */
GtkDragSource *cycle_content_drag_source_add (GtkWidget            *widget,
                                              CycleContentDragFunc  get_content);

G_END_DECLS
