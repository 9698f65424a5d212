/* cycle-autoscroll.h: scrolling while a drag hovers near the ends of a view
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls @adjustment while a drag hovers near the ends of @widget: @position is the pointer's
 * coordinate along @adjustment's axis, in @widget's coordinates (or -1 to stop). */
typedef struct _CycleAutoscroll CycleAutoscroll;

CycleAutoscroll *_cycle_autoscroll_new    (GtkWidget       *widget,
                                           GtkOrientation   orientation);
void             _cycle_autoscroll_update (CycleAutoscroll *autoscroll,
                                           GtkAdjustment   *adjustment,
                                           double           position);
void             _cycle_autoscroll_free   (CycleAutoscroll *autoscroll);

G_END_DECLS
