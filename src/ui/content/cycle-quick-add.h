/* cycle-quick-add.h: an entry that adds a piece of content to a stage by its title alone: type
 * the title, press Enter, type the next one (the board's columns, the table)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_QUICK_ADD (cycle_quick_add_get_type ())

G_DECLARE_FINAL_TYPE (CycleQuickAdd, cycle_quick_add, CYCLE, QUICK_ADD, GtkWidget)

/* Where the content goes (in its plan); NULL makes the entry insensitive. */
CycleStage   *cycle_quick_add_get_stage (CycleQuickAdd *self);
void          cycle_quick_add_set_stage (CycleQuickAdd *self,
                                         CycleStage    *stage);
GtkEditable  *cycle_quick_add_get_entry (CycleQuickAdd *self);

G_END_DECLS
