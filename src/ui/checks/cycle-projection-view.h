/* cycle-projection-view.h: how many people reach each stage, on a page of its own
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_PROJECTION_VIEW (cycle_projection_view_get_type ())

G_DECLARE_FINAL_TYPE (CycleProjectionView, cycle_projection_view, CYCLE, PROJECTION_VIEW, AdwBin)

GtkWidget  *cycle_projection_view_new                    (void);
void        cycle_projection_view_set_plan               (CycleProjectionView *self,
                                                          CyclePlan           *plan);
/* The table of volumes as shown (a GtkGrid), and the message shown beside it; both computed
 * now if an edit is waiting for the idle. */
GtkWidget  *cycle_projection_view_get_projection_grid    (CycleProjectionView *self);
const char *cycle_projection_view_get_projection_message (CycleProjectionView *self);

G_END_DECLS
