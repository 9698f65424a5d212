/* cycle-conflict-list.h: a plan's recorded merge conflicts, each settled by picking a side
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONFLICT_LIST (cycle_conflict_list_get_type ())

G_DECLARE_FINAL_TYPE (CycleConflictList, cycle_conflict_list, CYCLE, CONFLICT_LIST, AdwBin)

GtkWidget *cycle_conflict_list_new      (void);
void       cycle_conflict_list_set_plan (CycleConflictList *self,
                                         CyclePlan         *plan);

G_END_DECLS
